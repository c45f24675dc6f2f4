#pragma once

#include "core/orderstatus.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace haitao::server::orders {

// Sub-orders: awaiting_placement -> placing -> placed | needs_manual | awaiting_placement
// (retry); needs_manual -> placed_manually | cancelled | awaiting_placement (retry automatic);
// pending_payment -> awaiting_placement (paid) | cancelled; awaiting_placement -> cancelled.
bool transitionAllowed(OrderStatus from, OrderStatus to);
bool transitionAllowed(SubOrderStatus from, SubOrderStatus to);
// placed, placed_manually, cancelled: nothing more happens to the sub-order.
bool isFinal(SubOrderStatus status);

// The one way a sub-order changes state: `UPDATE ... WHERE id AND status = from` plus an
// order_events row with who, when and why, in the caller's transaction (other columns, e.g.
// merchant_order_id, the caller updates in the same transaction). Returns false, changing
// nothing, when the sub-order is no longer in `from` (someone else moved it first); throws
// ApiError (Conflict) for a transition the state machine forbids.
struct SubOrderChange
{
    qint64 subOrderId = 0;
    qint64 orderId = 0;
    SubOrderStatus from = SubOrderStatus::PendingPayment;
    SubOrderStatus to = SubOrderStatus::PendingPayment;
    QString actor;  // a user name, "system", or "worker:<instance>/<n>"
    QString reason; // why; shown to staff
    qint64 atMs = 0;
};
bool changeSubOrder(QSqlDatabase &db, const SubOrderChange &change);

// The same for the order itself.
struct OrderChange
{
    qint64 orderId = 0;
    OrderStatus from = OrderStatus::PendingPayment;
    OrderStatus to = OrderStatus::PendingPayment;
    QString actor;
    QString reason;
    qint64 atMs = 0;
};
bool changeOrder(QSqlDatabase &db, const OrderChange &change);

// After one of its sub-orders became final: a paid order whose sub-orders are all final
// becomes completed, or cancelled when every one of them was cancelled. Nothing otherwise.
void settleOrder(QSqlDatabase &db, qint64 orderId, const QString &actor, qint64 atMs);

} // namespace haitao::server::orders
