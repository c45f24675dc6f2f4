#pragma once

#include "backend-client/logisticsapi.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace haitao::models {
class MappingsModel;
class UnmappedStatusesModel;
} // namespace haitao::models

namespace haitao::widgets {

class MessageLabel;

// The mapping tab of the Logistics page: the carriers' raw statuses nobody has mapped yet (how
// often seen, a sample of the carrier's words) with "Map to <normalized status>", and the
// existing mappings per carrier, each changeable. A change re-normalizes the stored checkpoints
// on the server, so both lists reload afterwards (and mappingChanged() lets the page refresh).
class MappingEditor : public QWidget
{
    Q_OBJECT

public:
    explicit MappingEditor(client::LogisticsApi api, QWidget *parent = nullptr);

    models::UnmappedStatusesModel *unmappedModel() const { return m_unmapped; }
    models::MappingsModel *mappingsModel() const { return m_mappings; }
    QTableView *unmappedView() const { return m_unmappedView; }
    QTableView *mappingsView() const { return m_mappingsView; }
    QComboBox *carrierFilter() const { return m_carrier; }
    QComboBox *mapToPicker() const { return m_mapTo; }
    QPushButton *mapButton() const { return m_map; }
    QComboBox *changeToPicker() const { return m_changeTo; }
    QPushButton *saveButton() const { return m_save; }
    MessageLabel *message() const { return m_message; }

    // The carriers for the filter (code, display name).
    void setCarriers(const QList<client::Carrier> &carriers);
    void reload();
    void mapSelected();
    void saveSelected();

signals:
    void loaded();
    void mappingChanged(const QString &carrier, const QString &rawStatus);
    void saveFinished(bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateButtons();
    void loadMappings();
    void send(const QString &carrier, const QString &rawStatus, const QString &status);

    client::LogisticsApi m_api;
    models::UnmappedStatusesModel *m_unmapped;
    models::MappingsModel *m_mappings;
    QLabel *m_unmappedTitle;
    QTableView *m_unmappedView;
    QComboBox *m_mapTo;
    QPushButton *m_map;
    QLabel *m_mappingsTitle;
    QComboBox *m_carrier;
    QTableView *m_mappingsView;
    QComboBox *m_changeTo;
    QPushButton *m_save;
    QPushButton *m_reloadButton;
    MessageLabel *m_message;
    quint64 m_request = 0;
    bool m_busy = false;
};

} // namespace haitao::widgets
