#pragma once

#include "backend-client/logisticsapi.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTableView;
class QTreeView;

namespace haitao::models {
class CheckpointsModel;
class NotificationsModel;
} // namespace haitao::models

namespace haitao::widgets {

class AddCheckpointDialog;
class MessageLabel;

// One shipment for ops staff: who and where to, its status and open alerts, the timeline (legs
// in route order, each checkpoint with its time in the carrier's zone, place, normalized and raw
// status and text, source; unmapped statuses marked), "Add checkpoint…", and what the customer
// was told (notifications, a failed one retried). Loads asynchronously; an answer for a shipment
// no longer shown is dropped.
class ShipmentDetailPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ShipmentDetailPanel(client::LogisticsApi api, QWidget *parent = nullptr);

    void showShipment(qint64 id);
    void reload() { showShipment(m_shipmentId); }
    void clear();
    qint64 shipmentId() const { return m_shipmentId; }
    const std::optional<client::ShipmentDetail> &shipment() const { return m_shipment; }

    QLabel *summary() const { return m_summary; }
    MessageLabel *message() const { return m_message; }
    QTreeView *timelineView() const { return m_timelineView; }
    QTableView *notificationsView() const { return m_notificationsView; }
    QPushButton *addCheckpointButton() const { return m_addCheckpoint; }
    QPushButton *retryButton() const { return m_retry; }
    models::CheckpointsModel *timeline() const { return m_timeline; }
    models::NotificationsModel *notifications() const { return m_notifications; }
    AddCheckpointDialog *checkpointDialog() const { return m_dialog; }

    void openAddCheckpoint();
    void retrySelectedNotification();

signals:
    void shipmentLoaded(qint64 id);
    void notificationsLoaded(qint64 id);
    // A checkpoint was added (the list's status may have changed).
    void shipmentChanged(qint64 id);
    void retryFinished(bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void loadNotifications();
    void updateSummary();
    void updateButtons();

    client::LogisticsApi m_api;
    qint64 m_shipmentId = 0;
    std::optional<client::ShipmentDetail> m_shipment;
    models::CheckpointsModel *m_timeline;
    models::NotificationsModel *m_notifications;
    QLabel *m_summary;
    MessageLabel *m_message;
    QPushButton *m_addCheckpoint;
    QTreeView *m_timelineView;
    QLabel *m_notificationsTitle;
    QTableView *m_notificationsView;
    QPushButton *m_retry;
    AddCheckpointDialog *m_dialog = nullptr;
    bool m_retrying = false;
};

} // namespace haitao::widgets
