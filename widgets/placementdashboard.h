#pragma once

#include "backend-client/ordersapi.h"
#include "widgets/page.h"

#include <optional>

class QChart;
class QChartView;
class QComboBox;
class QPushButton;

namespace haitao::widgets {

class MessageLabel;

// How automatic placement is doing, from GET /admin/placements/stats: the automatic success
// rate per site per day, failures by step and reason, placement latency (paid to placed) per
// site, and the manual queue's length over the days. Loads when first shown and on Reload.
class PlacementDashboard : public Page
{
    Q_OBJECT

public:
    static constexpr int kTopFailures = 10;

    explicit PlacementDashboard(client::ApiClient *client, QWidget *parent = nullptr);

    QString title() const override;

    QChart *successChart() const { return m_success; }
    QChart *failuresChart() const { return m_failures; }
    QChart *latencyChart() const { return m_latency; }
    QChart *queueChart() const { return m_queue; }
    QComboBox *daysPicker() const { return m_days; }
    MessageLabel *message() const { return m_message; }
    const std::optional<client::PlacementStats> &stats() const { return m_stats; }

    void reload();
    // Draws `stats` (what reload() does with the server's answer).
    void showStats(const client::PlacementStats &stats);

signals:
    void statsLoaded();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void drawSuccess();
    void drawFailures();
    void drawLatency();
    void drawQueue();

    client::OrdersApi m_api;
    QComboBox *m_days;
    QPushButton *m_reloadButton;
    MessageLabel *m_message;
    QChart *m_success;
    QChart *m_failures;
    QChart *m_latency;
    QChart *m_queue;
    std::optional<client::PlacementStats> m_stats;
    bool m_loaded = false;
    quint64 m_request = 0;
};

} // namespace haitao::widgets
