#include "backend/orders/orderstatus.h"

#include "backend/http/apierror.h"
#include "backend/storage/database.h"
#include "backend/storage/sqltext.h"

namespace haitao::server::orders {

namespace {

using sql::L;

void insertEvent(QSqlDatabase &db, qint64 orderId, std::optional<qint64> subOrderId, qint64 atMs,
                 const QString &actor, const QString &from, const QString &to,
                 const QString &reason)
{
    Statement q = prepareOrThrow(
        db, L("INSERT INTO order_events (order_id, sub_order_id, at, actor, from_status, "
              "to_status, reason) VALUES (:order, :sub, :at, :actor, :from, :to, :reason)"));
    q.bindValue(QStringLiteral(":order"), orderId);
    q.bindValue(QStringLiteral(":sub"), subOrderId ? QVariant(*subOrderId) : QVariant());
    q.bindValue(QStringLiteral(":at"), atMs);
    q.bindValue(QStringLiteral(":actor"), sql::text(actor));
    q.bindValue(QStringLiteral(":from"), from);
    q.bindValue(QStringLiteral(":to"), to);
    q.bindValue(QStringLiteral(":reason"), sql::text(reason));
    execOrThrow(q, "record order event");
}

// UPDATE `table` SET status = to WHERE id AND status = from, plus the event; false when the
// row was no longer in `from`.
bool moveStatus(QSqlDatabase &db, const QString &update, qint64 id, const QString &from,
                const QString &to, qint64 atMs, qint64 orderId, std::optional<qint64> subOrderId,
                const QString &actor, const QString &reason)
{
    Statement q = prepareOrThrow(db, update);
    q.bindValue(QStringLiteral(":to"), to);
    q.bindValue(QStringLiteral(":at"), atMs);
    q.bindValue(QStringLiteral(":id"), id);
    q.bindValue(QStringLiteral(":from"), from);
    execOrThrow(q, "change status");
    if (q.query().numRowsAffected() != 1)
        return false;
    insertEvent(db, orderId, subOrderId, atMs, actor, from, to, reason);
    return true;
}

} // namespace

bool transitionAllowed(OrderStatus from, OrderStatus to)
{
    using S = OrderStatus;
    switch (from) {
    case S::PendingPayment:
        return to == S::Paid || to == S::Cancelled || to == S::Expired;
    case S::Paid:
        // Completed once every sub-order is final; cancelled when all of them were.
        return to == S::Completed || to == S::Cancelled;
    case S::Expired:
        // A payment that arrives after expiry is still money received: the order is paid
        // (and then refunded or placed, as staff decide), never lost.
        return to == S::Paid;
    case S::Completed:
    case S::Cancelled:
        return false;
    }
    return false;
}

bool transitionAllowed(SubOrderStatus from, SubOrderStatus to)
{
    using S = SubOrderStatus;
    switch (from) {
    case S::PendingPayment:
        return to == S::AwaitingPlacement || to == S::Cancelled;
    case S::AwaitingPlacement:
        return to == S::Placing || to == S::NeedsManual || to == S::Cancelled;
    case S::Placing:
        // Back to awaiting_placement: a retry after a failed or interrupted attempt.
        return to == S::Placed || to == S::NeedsManual || to == S::AwaitingPlacement;
    case S::NeedsManual:
        return to == S::PlacedManually || to == S::Cancelled || to == S::AwaitingPlacement;
    case S::Placed:
    case S::PlacedManually:
    case S::Cancelled:
        return false;
    }
    return false;
}

bool isFinal(SubOrderStatus status)
{
    return status == SubOrderStatus::Placed || status == SubOrderStatus::PlacedManually ||
           status == SubOrderStatus::Cancelled;
}

bool changeSubOrder(QSqlDatabase &db, const SubOrderChange &change)
{
    if (!transitionAllowed(change.from, change.to))
        throw ApiError(ProblemKind::Conflict,
                       QStringLiteral("a sub-order cannot go from %1 to %2")
                           .arg(statusName(change.from), statusName(change.to)));
    return moveStatus(
        db,
        L("UPDATE sub_orders SET status = :to, status_changed_at = :at, updated_at = :at, "
          "version = version + 1 WHERE id = :id AND status = :from"),
        change.subOrderId, statusName(change.from), statusName(change.to), change.atMs,
        change.orderId, change.subOrderId, change.actor, change.reason);
}

bool changeOrder(QSqlDatabase &db, const OrderChange &change)
{
    if (!transitionAllowed(change.from, change.to))
        throw ApiError(ProblemKind::Conflict,
                       QStringLiteral("an order cannot go from %1 to %2")
                           .arg(statusName(change.from), statusName(change.to)));
    return moveStatus(db,
                      L("UPDATE orders SET status = :to, updated_at = :at, version = version + 1 "
                        "WHERE id = :id AND status = :from"),
                      change.orderId, statusName(change.from), statusName(change.to), change.atMs,
                      change.orderId, std::nullopt, change.actor, change.reason);
}

void settleOrder(QSqlDatabase &db, qint64 orderId, const QString &actor, qint64 atMs)
{
    Statement order = prepareOrThrow(db, L("SELECT status FROM orders WHERE id = :id"));
    order.bindValue(QStringLiteral(":id"), orderId);
    execOrThrow(order, "read order status");
    if (!order.next() || order.value(0).toString() != statusName(OrderStatus::Paid))
        return;
    Statement subs = prepareOrThrow(db, L("SELECT status FROM sub_orders WHERE order_id = :id"));
    subs.bindValue(QStringLiteral(":id"), orderId);
    execOrThrow(subs, "read sub-order statuses");
    bool allCancelled = true;
    while (subs.next()) {
        const auto status = subOrderStatusFromName(subs.value(0).toString());
        if (!status || !isFinal(*status))
            return;
        allCancelled = allCancelled && *status == SubOrderStatus::Cancelled;
    }
    changeOrder(db, {orderId, OrderStatus::Paid,
                     allCancelled ? OrderStatus::Cancelled : OrderStatus::Completed, actor,
                     allCancelled ? QStringLiteral("every sub-order was cancelled")
                                  : QStringLiteral("every sub-order is placed or cancelled"),
                     atMs});
}

} // namespace haitao::server::orders
