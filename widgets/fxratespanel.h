#pragma once

#include "backend-client/pricingapi.h"

#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QPushButton;
class QTableView;

namespace haitao::models {
class FxRatesModel;
}

namespace haitao::widgets {

class MessageLabel;

// The "FX rates" tab: the current rate of each currency (stale ones highlighted), a chart of the
// selected currencies' effective rates over the last 90 days, manual entry and "Fetch now".
// Results and errors show in the message line above the table.
class FxRatesPanel : public QWidget
{
    Q_OBJECT

public:
    FxRatesPanel(client::PricingApi api, models::FxRatesModel *model, QWidget *parent = nullptr);

    QChart *historyChart() const { return m_chart; }

public slots:
    void reload();
    void enterRate();
    void fetchNow();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateButtons();
    void loadHistory();
    void showHistory(const QList<client::FxHistory> &histories);

    client::PricingApi m_api;
    models::FxRatesModel *m_model;
    QPushButton *m_reloadButton;
    QPushButton *m_enterButton;
    QPushButton *m_fetchButton;
    QLabel *m_loading;
    QLabel *m_snapshot;
    MessageLabel *m_message;
    QTableView *m_view;
    QChart *m_chart;
    QChartView *m_chartView;
    bool m_fetching = false;
    quint64 m_historyRequest = 0; // answers for an older selection are dropped
};

} // namespace haitao::widgets
