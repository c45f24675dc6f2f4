#pragma once

#include "backend-client/logisticsapi.h"

#include <QWidget>

class QComboBox;
class QPushButton;
class QTableView;

namespace haitao::models {
class AlertsModel;
} // namespace haitao::models

namespace haitao::widgets {

class MessageLabel;
class ResolveAlertDialog;

// The alert queue of the Logistics page: alerts by state and kind with their age, Acknowledge,
// Resolve with a required note, and "Show shipment" to open the parcel in the shipments tab.
// A refusal (409: someone else got there first) shows in the panel's message line.
class AlertQueuePanel : public QWidget
{
    Q_OBJECT

public:
    explicit AlertQueuePanel(client::LogisticsApi api, QWidget *parent = nullptr);

    models::AlertsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    MessageLabel *message() const { return m_message; }
    QComboBox *stateFilter() const { return m_state; }
    QComboBox *kindFilter() const { return m_kind; }
    QPushButton *acknowledgeButton() const { return m_acknowledge; }
    QPushButton *resolveButton() const { return m_resolve; }
    QPushButton *showShipmentButton() const { return m_showShipment; }
    ResolveAlertDialog *resolveDialog() const { return m_dialog; }
    // The selected alert, when one is selected and loaded.
    const client::Alert *selectedAlert() const;

    void reload();
    void acknowledge();
    void openResolveDialog();

signals:
    void showShipmentRequested(qint64 shipmentId);
    // An acknowledge or resolve answered (ok or not).
    void actionFinished(bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateButtons();
    void applyFilter();

    client::LogisticsApi m_api;
    models::AlertsModel *m_model;
    QComboBox *m_state;
    QComboBox *m_kind;
    QPushButton *m_reloadButton;
    MessageLabel *m_message;
    QTableView *m_view;
    QPushButton *m_acknowledge;
    QPushButton *m_resolve;
    QPushButton *m_showShipment;
    ResolveAlertDialog *m_dialog = nullptr;
    bool m_busy = false;
};

} // namespace haitao::widgets
