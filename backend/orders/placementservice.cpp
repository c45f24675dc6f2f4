#include "backend/orders/placementservice.h"

#include "backend/http/apierror.h"
#include "backend/orders/orderservice.h"
#include "backend/orders/orderstatus.h"
#include "backend/orders/placementstats.h"
#include "backend/storage/auditlog.h"
#include "core/wiretime.h"

#include <QJsonArray>

namespace haitao::server::orders {

namespace {

QJsonValue optionalTime(const std::optional<qint64> &ms)
{
    return ms ? QJsonValue(toWireTime(*ms)) : QJsonValue();
}

ApiError conflict(const QString &detail)
{
    return ApiError(ProblemKind::Conflict, detail);
}

} // namespace

PlacementService::PlacementService(Database &db, const Config &config, OrderService &orders)
    : m_db(db)
    , m_config(config)
    , m_orders(orders)
{}

QJsonObject PlacementService::itemJson(const placementstore::SubOrder &s)
{
    QJsonArray lines;
    for (const OrderLine &l : s.lines)
        lines.append(QJsonObject{{QStringLiteral("skuId"), l.skuId},
                                 {QStringLiteral("productId"), l.productId},
                                 {QStringLiteral("title"), l.title},
                                 {QStringLiteral("titleZh"), l.titleZh},
                                 {QStringLiteral("quantity"), l.quantity},
                                 {QStringLiteral("unitPrice"), l.unitPrice.toJson()},
                                 {QStringLiteral("sourceUrl"), l.sourceUrl},
                                 {QStringLiteral("merchantSku"), l.merchantSku}});
    return {{QStringLiteral("id"), s.id},
            {QStringLiteral("orderId"), s.orderId},
            {QStringLiteral("site"), s.site},
            {QStringLiteral("status"), s.status},
            {QStringLiteral("reason"), s.reason},
            {QStringLiteral("attempts"), s.attempts},
            {QStringLiteral("claimedBy"), s.claimedBy},
            {QStringLiteral("claimedAt"), optionalTime(s.claimedAt)},
            {QStringLiteral("statusChangedAt"), toWireTime(s.statusChangedAt)},
            {QStringLiteral("createdAt"), toWireTime(s.createdAt)},
            {QStringLiteral("paidAt"), optionalTime(s.paidAt)},
            {QStringLiteral("total"), s.total.toJson()},
            {QStringLiteral("goods"), s.goods.toJson()},
            {QStringLiteral("merchantOrderId"),
             s.merchantOrderId.isEmpty() ? QJsonValue() : QJsonValue(s.merchantOrderId)},
            {QStringLiteral("lines"), lines}};
}

placementstore::SubOrder PlacementService::require(const QSqlDatabase &db, qint64 subOrderId)
{
    auto s = placementstore::subOrder(db, subOrderId);
    if (!s)
        throw ApiError(ProblemKind::NotFound, QStringLiteral("No such sub-order"));
    return *s;
}

QJsonObject PlacementService::item(qint64 subOrderId)
{
    return itemJson(require(m_db.writer(), subOrderId));
}

QJsonObject PlacementService::list(const ListQuery &query)
{
    placementstore::ListFilter filter;
    filter.status = query.status;
    filter.site = query.site;
    filter.limit = query.limit;
    if (!query.cursor.isEmpty()) {
        // "<statusChangedAt>.<id>" of the last item: opaque to clients.
        const QStringList parts = query.cursor.split(u'.');
        bool okAt = false;
        bool okId = false;
        if (parts.size() == 2) {
            filter.afterAt = parts.at(0).toLongLong(&okAt);
            filter.afterId = parts.at(1).toLongLong(&okId);
        }
        if (!okAt || !okId || filter.afterId <= 0)
            throw ApiError(
                ProblemKind::MalformedRequest, QStringLiteral("Bad query parameters"),
                {{QStringLiteral("cursor"), QStringLiteral("is not a cursor this API gave")}});
    }
    QList<placementstore::SubOrder> rows = placementstore::list(m_db.reader(), filter);
    QJsonValue next;
    if (rows.size() > query.limit) {
        rows.resize(query.limit);
        next = QStringLiteral("%1.%2").arg(rows.last().statusChangedAt).arg(rows.last().id);
    }
    QJsonArray items;
    for (const placementstore::SubOrder &s : std::as_const(rows))
        items.append(itemJson(s));
    return {{QStringLiteral("items"), items}, {QStringLiteral("nextCursor"), next}};
}

QJsonObject PlacementService::counts()
{
    const qint64 before = now() - qint64(m_config.placementStuckMinutes) * 60 * 1000;
    const placementstore::Counts c = placementstore::counts(m_db.reader(), before);
    QJsonObject o;
    for (const SubOrderStatus s :
         {SubOrderStatus::AwaitingPlacement, SubOrderStatus::Placing, SubOrderStatus::NeedsManual,
          SubOrderStatus::Placed, SubOrderStatus::PlacedManually, SubOrderStatus::Cancelled})
        o.insert(statusName(s), 0);
    for (const auto &[status, n] : c.byStatus)
        if (o.contains(status))
            o.insert(status, n);
    o.insert(QStringLiteral("stuck"), c.stuck);
    o.insert(QStringLiteral("oldestNeedsManualAt"), optionalTime(c.oldestNeedsManualAt));
    return o;
}

QJsonObject PlacementService::detail(qint64 subOrderId)
{
    const QSqlDatabase db = m_db.writer();
    const placementstore::SubOrder s = require(db, subOrderId);
    QJsonObject o = itemJson(s);
    o.insert(QStringLiteral("clientReference"), s.clientReference);
    o.insert(QStringLiteral("paid"), s.paid ? QJsonValue(s.paid->toJson()) : QJsonValue());
    o.insert(QStringLiteral("events"), placementstore::events(db, subOrderId));
    o.insert(QStringLiteral("placementAttempts"), placementstore::attempts(db, subOrderId));
    return o;
}

QJsonObject PlacementService::stats(int days)
{
    return placementstats::compute(m_db.reader(), now(), days);
}

QJsonObject PlacementService::claim(const Actor &actor, qint64 subOrderId)
{
    m_db.write([&](QSqlDatabase &c) {
        const placementstore::SubOrder s = require(c, subOrderId);
        if (s.status != statusName(SubOrderStatus::NeedsManual))
            throw conflict(QStringLiteral("Only a sub-order in the manual queue can be claimed; "
                                          "this one is %1")
                               .arg(s.status));
        if (!s.claimedBy.isEmpty() && s.claimedBy != actor.name)
            throw conflict(QStringLiteral("%1 has claimed this sub-order").arg(s.claimedBy));
        if (s.claimedBy == actor.name)
            return; // already the caller's
        placementstore::setClaim(c, subOrderId, actor.name, now(), now());
        auditlog::record(c, actor, now(), QStringLiteral("sub_order.claimed"),
                         QStringLiteral("sub_order"), QString::number(subOrderId));
    });
    return item(subOrderId);
}

QJsonObject PlacementService::release(const Actor &actor, qint64 subOrderId)
{
    m_db.write([&](QSqlDatabase &c) {
        const placementstore::SubOrder s = require(c, subOrderId);
        if (s.claimedBy.isEmpty())
            return;
        if (s.claimedBy != actor.name)
            throw conflict(QStringLiteral("%1 has claimed this sub-order").arg(s.claimedBy));
        placementstore::setClaim(c, subOrderId, QString(), std::nullopt, now());
        auditlog::record(c, actor, now(), QStringLiteral("sub_order.released"),
                         QStringLiteral("sub_order"), QString::number(subOrderId));
    });
    return item(subOrderId);
}

QJsonObject PlacementService::placeManually(const Actor &actor, qint64 subOrderId,
                                            const QString &merchantOrderId, const Money &paid,
                                            bool replaceMerchantOrderId)
{
    m_db.write([&](QSqlDatabase &c) {
        const placementstore::SubOrder s = require(c, subOrderId);
        if (s.status != statusName(SubOrderStatus::NeedsManual))
            throw conflict(QStringLiteral("Only a sub-order in the manual queue can be placed by "
                                          "hand; this one is %1")
                               .arg(s.status));
        if (s.claimedBy != actor.name)
            throw conflict(s.claimedBy.isEmpty()
                               ? QStringLiteral("Claim the sub-order before placing it")
                               : QStringLiteral("%1 has claimed this sub-order").arg(s.claimedBy));
        if (paid.currency() != s.goods.currency())
            throw ApiError::validation(
                {{QStringLiteral("paid.currency"),
                  QStringLiteral("must be %1, the currency of the goods at the shop")
                      .arg(s.goods.currency().code())}});
        // An automatic create left an order at the shop: replacing its number is deliberate.
        if (!s.merchantOrderId.isEmpty() && s.merchantOrderId != merchantOrderId &&
            !replaceMerchantOrderId)
            throw conflict(QStringLiteral("The shop already has order %1 for this sub-order "
                                          "(reference %2); place it with that number, or send "
                                          "\"replaceMerchantOrderId\": true to record %3 "
                                          "instead")
                               .arg(s.merchantOrderId, s.clientReference, merchantOrderId));
        const qint64 at = now();
        if (!changeSubOrder(c, {s.id, s.orderId, SubOrderStatus::NeedsManual,
                                SubOrderStatus::PlacedManually, actor.name,
                                QStringLiteral("placed by hand as %1").arg(merchantOrderId), at}))
            throw conflict(QStringLiteral("The sub-order changed meanwhile; reload it"));
        placementstore::setMerchantOrderId(c, s.id, merchantOrderId, at);
        placementstore::setPaid(c, s.id, paid, at);
        auditlog::record(c, actor, at, QStringLiteral("sub_order.placed_manually"),
                         QStringLiteral("sub_order"), QString::number(subOrderId),
                         {{QStringLiteral("merchantOrderId"), merchantOrderId},
                          {QStringLiteral("paid"), paid.toJson()}});
        settleOrder(c, s.orderId, actor.name, at);
    });
    return item(subOrderId);
}

QJsonObject PlacementService::retryAutomatic(const Actor &actor, qint64 subOrderId)
{
    m_db.write([&](QSqlDatabase &c) {
        const placementstore::SubOrder s = require(c, subOrderId);
        if (s.status != statusName(SubOrderStatus::NeedsManual))
            throw conflict(QStringLiteral("Only a sub-order in the manual queue can go back to "
                                          "automatic placement; this one is %1")
                               .arg(s.status));
        if (!s.claimedBy.isEmpty() && s.claimedBy != actor.name)
            throw conflict(QStringLiteral("%1 has claimed this sub-order").arg(s.claimedBy));
        const qint64 at = now();
        if (!changeSubOrder(c, {s.id, s.orderId, SubOrderStatus::NeedsManual,
                                SubOrderStatus::AwaitingPlacement, actor.name,
                                QStringLiteral("retry automatic placement"), at}))
            throw conflict(QStringLiteral("The sub-order changed meanwhile; reload it"));
        placementstore::resetForRetry(c, s.id, at);
        auditlog::record(c, actor, at, QStringLiteral("sub_order.retry_automatic"),
                         QStringLiteral("sub_order"), QString::number(subOrderId));
    });
    return item(subOrderId);
}

QJsonObject PlacementService::cancel(const Actor &actor, qint64 subOrderId, const QString &reason)
{
    m_orders.cancelSubOrder(actor, subOrderId, reason);
    return item(subOrderId);
}

QList<ShopAccount> PlacementService::shopAccounts()
{
    return shopaccounts::list(m_db.reader());
}

ShopAccount PlacementService::putShopAccount(const Actor &actor, const shopaccounts::Update &update)
{
    return shopaccounts::put(m_db, actor, now(), update);
}

} // namespace haitao::server::orders
