#pragma once

#include "backend-client/ordersapi.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QTabWidget;
class QTableView;
class QTreeView;

namespace haitao::models {
class OrderEventsModel;
class OrderLinesModel;
class PlacementAttemptsModel;
class QuoteBreakdownModel;
} // namespace haitao::models

namespace haitao::widgets {

class MessageLabel;

// One order for staff: who and what, totals, payments and refunds, the lines per sub-order,
// the pricing breakdown of the quote it was ordered at, its events, and per sub-order the step
// timeline of every placement attempt. Loads asynchronously; an answer for an order or
// sub-order no longer shown is dropped.
class OrdersDetailPanel : public QWidget
{
    Q_OBJECT

public:
    OrdersDetailPanel(client::OrdersApi api, QWidget *parent = nullptr);

    void showOrder(qint64 id);
    void clear();
    qint64 orderId() const { return m_orderId; }
    const std::optional<client::OrderDetail> &order() const { return m_order; }

    QLabel *summary() const { return m_summary; }
    MessageLabel *message() const { return m_message; }
    QTabWidget *tabs() const { return m_tabs; }
    QComboBox *subOrderPicker() const { return m_subOrders; }
    QLabel *subOrderSummary() const { return m_subOrderSummary; }
    models::OrderLinesModel *linesModel() const { return m_lines; }
    models::QuoteBreakdownModel *breakdownModel() const { return m_breakdown; }
    models::OrderEventsModel *eventsModel() const { return m_events; }
    models::PlacementAttemptsModel *attemptsModel() const { return m_attempts; }

signals:
    void orderLoaded(qint64 orderId);
    void subOrderLoaded(qint64 subOrderId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showDetail(const client::OrderDetail &order);
    void updateSummary();
    void loadSubOrder(int pickerIndex);
    void showSubOrder(const client::SubOrderDetail &detail);

    client::OrdersApi m_api;
    qint64 m_orderId = 0;
    qint64 m_subOrderId = 0;
    std::optional<client::OrderDetail> m_order;
    models::OrderLinesModel *m_lines;
    models::QuoteBreakdownModel *m_breakdown;
    models::OrderEventsModel *m_events;
    models::PlacementAttemptsModel *m_attempts;
    QLabel *m_summary;
    MessageLabel *m_message;
    QTabWidget *m_tabs;
    QTableView *m_linesView;
    QTreeView *m_breakdownView;
    QTableView *m_eventsView;
    QWidget *m_placementTab;
    QComboBox *m_subOrders;
    QLabel *m_subOrderSummary;
    QTreeView *m_attemptsView;
};

} // namespace haitao::widgets
