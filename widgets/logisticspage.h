#pragma once

#include "backend-client/logisticsapi.h"
#include "widgets/page.h"

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;
class QTimer;

namespace haitao::models {
class ShipmentsModel;
} // namespace haitao::models

namespace haitao::widgets {

class AlertQueuePanel;
class MappingEditor;
class MessageLabel;
class ShipmentDetailPanel;
class VisibleRefresh;

// Logistics for ops staff. Shipments: filtered on the server by normalized status, carrier,
// site, quiet for more than N days, only with open alerts, and a search (tracking number, order
// or customer); the table colours statuses and long-quiet parcels; the selected shipment's
// timeline, manual checkpoints and notifications beside it. Alerts: the queue to acknowledge and
// resolve. Mappings: the carriers' raw statuses to map. Counters and quiet ages refresh every
// kRefreshMs while the page is visible.
class LogisticsPage : public Page
{
    Q_OBJECT

public:
    static constexpr int kRefreshMs = 30 * 1000;

    explicit LogisticsPage(client::ApiClient *client, QWidget *parent = nullptr);

    QString title() const override;

    QTabWidget *tabs() const { return m_tabs; }
    models::ShipmentsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    ShipmentDetailPanel *detail() const { return m_detail; }
    AlertQueuePanel *alerts() const { return m_alerts; }
    MappingEditor *mappings() const { return m_mappings; }
    MessageLabel *message() const { return m_message; }
    QLabel *countsLabel() const { return m_counts; }
    QComboBox *statusFilter() const { return m_status; }
    QComboBox *carrierFilter() const { return m_carrier; }
    QLineEdit *siteFilter() const { return m_site; }
    QSpinBox *quietFilter() const { return m_quietDays; }
    QCheckBox *alertsFilter() const { return m_openAlerts; }
    QLineEdit *searchField() const { return m_search; }
    QTimer *refreshTimer() const;
    const std::optional<client::ShipmentCounts> &counts() const { return m_countsValue; }

    // Loads everything with the current filters (the first show does this too).
    void reload();
    void refreshCounts();
    // Opens a shipment in the Shipments tab (from an alert).
    void showShipment(qint64 id);

signals:
    void countsLoaded();
    void carriersLoaded();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void applyFilter();
    client::ShipmentFilter currentFilter() const;
    void currentRowChanged();
    void loadCarriers();
    void updateCounts();

    client::LogisticsApi m_api;
    QTabWidget *m_tabs;
    QWidget *m_shipmentsTab;
    models::ShipmentsModel *m_model;
    QComboBox *m_status;
    QComboBox *m_carrier;
    QLineEdit *m_site;
    QSpinBox *m_quietDays;
    QCheckBox *m_openAlerts;
    QLineEdit *m_search;
    QPushButton *m_reloadButton;
    QLabel *m_counts;
    MessageLabel *m_message;
    QTableView *m_view;
    ShipmentDetailPanel *m_detail;
    AlertQueuePanel *m_alerts;
    MappingEditor *m_mappings;
    VisibleRefresh *m_refresh;
    std::optional<client::ShipmentCounts> m_countsValue;
    quint64 m_countsRequest = 0;
    bool m_loaded = false;
};

} // namespace haitao::widgets
