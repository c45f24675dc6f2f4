#include "backend/orders/orderjson.h"

#include "core/wiretime.h"

#include <QJsonArray>

namespace haitao::server::orders {

namespace {

QJsonValue optionalTime(const std::optional<qint64> &ms)
{
    return ms ? QJsonValue(toWireTime(*ms)) : QJsonValue();
}

QJsonValue optionalText(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

QJsonObject lineJson(const OrderLine &l)
{
    return {{QStringLiteral("skuId"), l.skuId},
            {QStringLiteral("productId"), l.productId},
            {QStringLiteral("title"), l.title},
            {QStringLiteral("titleZh"), l.titleZh},
            {QStringLiteral("quantity"), l.quantity},
            {QStringLiteral("unitPrice"), l.unitPrice.toJson()},
            {QStringLiteral("total"), l.total.toJson()}};
}

QJsonObject subOrderJson(const SubOrder &s)
{
    QJsonArray lines;
    for (const OrderLine &l : s.lines)
        lines.append(lineJson(l));
    return {{QStringLiteral("id"), s.id},
            {QStringLiteral("site"), s.site},
            {QStringLiteral("status"), s.status},
            {QStringLiteral("total"), s.total.toJson()},
            {QStringLiteral("goods"), s.goods.toJson()},
            {QStringLiteral("merchantOrderId"), optionalText(s.merchantOrderId)},
            {QStringLiteral("lines"), lines}};
}

QJsonObject paymentJson(const Payment &p)
{
    return {{QStringLiteral("id"), p.id},
            {QStringLiteral("status"), p.status},
            {QStringLiteral("amount"), p.amount.toJson()},
            {QStringLiteral("createdAt"), toWireTime(p.createdAtMs)},
            {QStringLiteral("paidAt"), optionalTime(p.paidAtMs)}};
}

QJsonObject refundJson(const Refund &r)
{
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("subOrderId"), r.subOrderId ? QJsonValue(*r.subOrderId) : QJsonValue()},
            {QStringLiteral("amount"), r.amount.toJson()},
            {QStringLiteral("status"), r.status},
            {QStringLiteral("reason"), r.reason},
            {QStringLiteral("createdAt"), toWireTime(r.createdAtMs)}};
}

QJsonObject adjustmentJson(const Adjustment &a)
{
    return {{QStringLiteral("id"), a.id},
            {QStringLiteral("subOrderId"), a.subOrderId},
            {QStringLiteral("kind"), a.kind},
            {QStringLiteral("amount"), a.amount.toJson()},
            {QStringLiteral("status"), a.status},
            {QStringLiteral("reason"), a.reason},
            {QStringLiteral("refunded"),
             a.amount.isNegative()
                 ? QJsonValue(Money(a.refundedMinor, a.amount.currency()).toJson())
                 : QJsonValue()},
            {QStringLiteral("createdAt"), toWireTime(a.createdAtMs)}};
}

QJsonObject customerJson(const Order &o)
{
    return {{QStringLiteral("id"), o.userId}, {QStringLiteral("username"), o.username}};
}

} // namespace

QJsonObject orderJson(const Order &o, bool withQuote)
{
    QJsonArray subOrders;
    for (const SubOrder &s : o.subOrders)
        subOrders.append(subOrderJson(s));
    QJsonArray payments;
    for (const Payment &p : o.payments)
        payments.append(paymentJson(p));
    QJsonArray refunds;
    for (const Refund &r : o.refunds)
        refunds.append(refundJson(r));
    QJsonArray adjustments;
    for (const Adjustment &a : o.adjustments)
        adjustments.append(adjustmentJson(a));
    QJsonObject json{{QStringLiteral("id"), o.id},
                     {QStringLiteral("status"), o.status},
                     {QStringLiteral("total"), o.total.toJson()},
                     {QStringLiteral("createdAt"), toWireTime(o.createdAtMs)},
                     {QStringLiteral("updatedAt"), toWireTime(o.updatedAtMs)},
                     {QStringLiteral("expiresAt"), toWireTime(o.expiresAtMs)},
                     {QStringLiteral("paidAt"), optionalTime(o.paidAtMs)},
                     {QStringLiteral("ruleSetVersion"), o.ruleSetVersion},
                     {QStringLiteral("rateSnapshot"), o.rateSnapshot},
                     {QStringLiteral("address"), o.address},
                     {QStringLiteral("coupons"), o.coupons},
                     {QStringLiteral("subOrders"), subOrders},
                     {QStringLiteral("payments"), payments},
                     {QStringLiteral("refunds"), refunds},
                     {QStringLiteral("adjustments"), adjustments}};
    if (withQuote)
        json.insert(QStringLiteral("quote"), o.quote);
    return json;
}

QJsonObject eventJson(const OrderEvent &e)
{
    return {{QStringLiteral("at"), toWireTime(e.atMs)},
            {QStringLiteral("actor"), e.actor},
            {QStringLiteral("subOrderId"), e.subOrderId ? QJsonValue(*e.subOrderId) : QJsonValue()},
            {QStringLiteral("from"), e.from},
            {QStringLiteral("to"), e.to},
            {QStringLiteral("reason"), e.reason}};
}

QJsonObject staffOrderJson(const Order &order, const QList<OrderEvent> &events)
{
    QJsonObject json = orderJson(order);
    json.insert(QStringLiteral("customer"), customerJson(order));
    QJsonArray items;
    for (const OrderEvent &e : events)
        items.append(eventJson(e));
    json.insert(QStringLiteral("events"), items);
    return json;
}

QJsonObject staffOrderRowJson(const Order &o)
{
    QJsonArray subOrders;
    for (const SubOrder &s : o.subOrders)
        subOrders.append(
            QJsonObject{{QStringLiteral("id"), s.id},
                        {QStringLiteral("site"), s.site},
                        {QStringLiteral("status"), s.status},
                        {QStringLiteral("merchantOrderId"), optionalText(s.merchantOrderId)}});
    return {{QStringLiteral("id"), o.id},
            {QStringLiteral("status"), o.status},
            {QStringLiteral("customer"), customerJson(o)},
            {QStringLiteral("total"), o.total.toJson()},
            {QStringLiteral("createdAt"), toWireTime(o.createdAtMs)},
            {QStringLiteral("updatedAt"), toWireTime(o.updatedAtMs)},
            {QStringLiteral("subOrders"), subOrders}};
}

} // namespace haitao::server::orders
