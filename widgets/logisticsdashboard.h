#pragma once

#include "backend-client/warehouseapi.h"
#include "widgets/page.h"

#include <optional>

class QChart;
class QComboBox;
class QLabel;
class QPushButton;

namespace haitao::widgets {

class MessageLabel;

// How deliveries are doing, from GET /logistics/stats: the lead-time distribution (placed to
// delivered) per site and shop carrier as bars per bucket with p50/p90 in the legend, parcels
// per normalized status, and open alerts over the days. Each chart says so when the period has
// nothing to show. Loads when first shown, on Refresh and when the days change.
class LogisticsDashboard : public Page
{
    Q_OBJECT

public:
    explicit LogisticsDashboard(client::ApiClient *client, QWidget *parent = nullptr);

    QString title() const override;

    QChart *leadTimeChart() const { return m_leadTime; }
    QChart *statusChart() const { return m_status; }
    QChart *alertsChart() const { return m_alerts; }
    // "Nothing to show" under each chart, visible when its chart is empty.
    QLabel *leadTimeEmpty() const { return m_leadTimeEmpty; }
    QLabel *statusEmpty() const { return m_statusEmpty; }
    QLabel *alertsEmpty() const { return m_alertsEmpty; }
    QComboBox *daysPicker() const { return m_days; }
    QPushButton *refreshButton() const { return m_refresh; }
    MessageLabel *message() const { return m_message; }
    const std::optional<client::LogisticsStats> &stats() const { return m_stats; }

    void reload();
    // Draws `stats` (what reload() does with the server's answer).
    void showStats(const client::LogisticsStats &stats);

signals:
    void statsLoaded();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void drawLeadTimes();
    void drawStatuses();
    void drawAlerts();
    void updateEmptyLabels();

    client::WarehouseApi m_api;
    QComboBox *m_days;
    QPushButton *m_refresh;
    MessageLabel *m_message;
    QChart *m_leadTime;
    QChart *m_status;
    QChart *m_alerts;
    QLabel *m_leadTimeEmpty;
    QLabel *m_statusEmpty;
    QLabel *m_alertsEmpty;
    std::optional<client::LogisticsStats> m_stats;
    bool m_loaded = false;
    quint64 m_request = 0;
};

} // namespace haitao::widgets
