#include "backend-client/ordertypes.h"

#include "backend-client/jsonfields.h"
#include "backend-client/pricingtypes.h"
#include "core/wiretime.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace haitao::client {

namespace {

using jsonfields::date;
using jsonfields::integer;
using jsonfields::readList;
using jsonfields::readMoney;
using jsonfields::text;
using jsonfields::time;

bool readSubOrderStatus(const QJsonObject &o, const QString &what, SubOrderStatus *out,
                        QString *why)
{
    const std::optional<SubOrderStatus> s = subOrderStatusFromName(text(o, "status"));
    if (!s) {
        if (why)
            *why = QStringLiteral("%1 has an unknown status").arg(what);
        return false;
    }
    *out = *s;
    return true;
}

bool readOrderHead(const QJsonObject &o, qint64 *id, OrderStatus *status, CustomerRef *customer,
                   Money *total, QString *why)
{
    *id = integer(o, "id");
    if (*id <= 0) {
        if (why)
            *why = QStringLiteral("an order has no id");
        return false;
    }
    const QString what = QStringLiteral("order %1").arg(*id);
    const std::optional<OrderStatus> s = orderStatusFromName(text(o, "status"));
    if (!s) {
        if (why)
            *why = QStringLiteral("%1 has an unknown status").arg(what);
        return false;
    }
    *status = *s;
    const QJsonObject c = o.value(QStringLiteral("customer")).toObject();
    customer->id = integer(c, "id");
    customer->username = text(c, "username");
    return readMoney(o, "total", what, total, why);
}

std::optional<QList<OrderLine>> readLines(const QJsonObject &o, QString *why)
{
    return readList<OrderLine>(o, "lines", why);
}

std::optional<QList<OrderEvent>> readEvents(const QJsonObject &o, QString *why)
{
    return readList<OrderEvent>(o, "events", why);
}

std::optional<SubOrder> readSubOrder(const QJsonObject &o, QString *why)
{
    SubOrder s;
    s.id = integer(o, "id");
    if (s.id <= 0) {
        if (why)
            *why = QStringLiteral("a sub-order has no id");
        return std::nullopt;
    }
    const QString what = QStringLiteral("sub-order %1").arg(s.id);
    if (!readSubOrderStatus(o, what, &s.status, why) || !readMoney(o, "total", what, &s.total, why))
        return std::nullopt;
    s.site = text(o, "site");
    s.goods = moneyFromJson(o.value(QStringLiteral("goods")));
    s.merchantOrderId = text(o, "merchantOrderId");
    std::optional<QList<OrderLine>> lines = readLines(o, why);
    if (!lines)
        return std::nullopt;
    s.lines = std::move(*lines);
    return s;
}

PlacementStep readStep(const QJsonObject &o)
{
    PlacementStep s;
    s.step = text(o, "step");
    s.startedAt = time(o, "startedAt");
    s.endedAt = time(o, "endedAt");
    s.outcome = text(o, "outcome");
    s.httpStatus = int(integer(o, "httpStatus"));
    // The shop's answer is text as received; an answer stored as JSON is shown compact.
    const QJsonValue answer = o.value(QStringLiteral("answer"));
    if (answer.isString())
        s.answer = answer.toString();
    else if (answer.isObject())
        s.answer =
            QString::fromUtf8(QJsonDocument(answer.toObject()).toJson(QJsonDocument::Compact));
    else if (answer.isArray())
        s.answer =
            QString::fromUtf8(QJsonDocument(answer.toArray()).toJson(QJsonDocument::Compact));
    s.detail = text(o, "detail");
    return s;
}

PlacementAttempt readAttempt(const QJsonObject &o)
{
    PlacementAttempt a;
    a.id = integer(o, "id");
    a.number = int(integer(o, "number"));
    a.worker = text(o, "worker");
    a.startedAt = time(o, "startedAt");
    a.endedAt = time(o, "endedAt");
    a.outcome = text(o, "outcome");
    a.failedStep = text(o, "failedStep");
    a.reason = text(o, "reason");
    for (const QJsonValue &v : o.value(QStringLiteral("steps")).toArray())
        a.steps.append(readStep(v.toObject()));
    return a;
}

qint64 span(const QDateTime &from, const QDateTime &to)
{
    if (!from.isValid() || !to.isValid())
        return -1;
    return from.msecsTo(to);
}

} // namespace

std::optional<OrderSummary> OrderSummary::fromJson(const QJsonObject &json, QString *why)
{
    OrderSummary o;
    if (!readOrderHead(json, &o.id, &o.status, &o.customer, &o.total, why))
        return std::nullopt;
    o.createdAt = time(json, "createdAt");
    o.updatedAt = time(json, "updatedAt");
    for (const QJsonValue &v : json.value(QStringLiteral("subOrders")).toArray()) {
        const QJsonObject s = v.toObject();
        SubOrderRef ref;
        ref.id = integer(s, "id");
        if (!readSubOrderStatus(s, QStringLiteral("sub-order %1").arg(ref.id), &ref.status, why))
            return std::nullopt;
        ref.site = text(s, "site");
        ref.merchantOrderId = text(s, "merchantOrderId");
        o.subOrders.append(ref);
    }
    return o;
}

std::optional<OrderLine> OrderLine::fromJson(const QJsonObject &json, QString *why)
{
    OrderLine l;
    l.skuId = integer(json, "skuId");
    if (!readMoney(json, "unitPrice", QStringLiteral("the line of SKU %1").arg(l.skuId),
                   &l.unitPrice, why))
        return std::nullopt;
    l.productId = integer(json, "productId");
    l.title = text(json, "title");
    l.titleZh = text(json, "titleZh");
    l.quantity = integer(json, "quantity");
    l.total = moneyFromJson(json.value(QStringLiteral("total")));
    l.sourceUrl = text(json, "sourceUrl");
    l.merchantSku = text(json, "merchantSku");
    return l;
}

std::optional<OrderEvent> OrderEvent::fromJson(const QJsonObject &json, QString *why)
{
    OrderEvent e;
    e.at = time(json, "at");
    if (!e.at.isValid()) {
        if (why)
            *why = QStringLiteral("an order event has no time");
        return std::nullopt;
    }
    e.actor = text(json, "actor");
    e.subOrderId = integer(json, "subOrderId"); // null reads as 0: the order itself
    e.from = text(json, "from");
    e.to = text(json, "to");
    e.reason = text(json, "reason");
    return e;
}

std::optional<OrderDetail> OrderDetail::fromJson(const QJsonObject &json, QString *why)
{
    OrderDetail d;
    if (!readOrderHead(json, &d.id, &d.status, &d.customer, &d.total, why))
        return std::nullopt;
    d.createdAt = time(json, "createdAt");
    d.updatedAt = time(json, "updatedAt");
    d.expiresAt = time(json, "expiresAt");
    d.paidAt = time(json, "paidAt");
    d.ruleSetVersion = integer(json, "ruleSetVersion");
    d.rateSnapshot = integer(json, "rateSnapshot");
    d.address = json.value(QStringLiteral("address")).toObject();
    d.quote = json.value(QStringLiteral("quote")).toObject();
    for (const QJsonValue &v : json.value(QStringLiteral("subOrders")).toArray()) {
        std::optional<SubOrder> s = readSubOrder(v.toObject(), why);
        if (!s)
            return std::nullopt;
        d.subOrders.append(std::move(*s));
    }
    for (const QJsonValue &v : json.value(QStringLiteral("payments")).toArray()) {
        const QJsonObject p = v.toObject();
        OrderPayment payment;
        payment.id = integer(p, "id");
        if (!readMoney(p, "amount", QStringLiteral("payment %1").arg(payment.id), &payment.amount,
                       why))
            return std::nullopt;
        payment.status = text(p, "status");
        payment.createdAt = time(p, "createdAt");
        payment.paidAt = time(p, "paidAt");
        d.payments.append(payment);
    }
    for (const QJsonValue &v : json.value(QStringLiteral("refunds")).toArray()) {
        const QJsonObject r = v.toObject();
        OrderRefund refund;
        refund.id = integer(r, "id");
        if (!readMoney(r, "amount", QStringLiteral("refund %1").arg(refund.id), &refund.amount,
                       why))
            return std::nullopt;
        refund.subOrderId = integer(r, "subOrderId");
        refund.status = text(r, "status");
        refund.reason = text(r, "reason");
        refund.createdAt = time(r, "createdAt");
        d.refunds.append(refund);
    }
    std::optional<QList<OrderEvent>> events = readEvents(json, why);
    if (!events)
        return std::nullopt;
    d.events = std::move(*events);
    return d;
}

std::optional<PlacementItem> PlacementItem::fromJson(const QJsonObject &json, QString *why)
{
    PlacementItem p;
    p.id = integer(json, "id");
    if (p.id <= 0) {
        if (why)
            *why = QStringLiteral("a placement item has no id");
        return std::nullopt;
    }
    const QString what = QStringLiteral("sub-order %1").arg(p.id);
    if (!readSubOrderStatus(json, what, &p.status, why) ||
        !readMoney(json, "total", what, &p.total, why) ||
        !readMoney(json, "goods", what, &p.goods, why))
        return std::nullopt;
    p.orderId = integer(json, "orderId");
    p.site = text(json, "site");
    p.reason = text(json, "reason");
    p.attempts = int(integer(json, "attempts"));
    p.claimedBy = text(json, "claimedBy");
    p.claimedAt = time(json, "claimedAt");
    p.statusChangedAt = time(json, "statusChangedAt");
    p.createdAt = time(json, "createdAt");
    p.paidAt = time(json, "paidAt");
    p.merchantOrderId = text(json, "merchantOrderId");
    std::optional<QList<OrderLine>> lines = readLines(json, why);
    if (!lines)
        return std::nullopt;
    p.lines = std::move(*lines);
    return p;
}

qint64 PlacementStep::durationMs() const
{
    return span(startedAt, endedAt);
}

qint64 PlacementAttempt::durationMs() const
{
    return span(startedAt, endedAt);
}

std::optional<SubOrderDetail> SubOrderDetail::fromJson(const QJsonObject &json, QString *why)
{
    std::optional<PlacementItem> item = PlacementItem::fromJson(json, why);
    if (!item)
        return std::nullopt;
    SubOrderDetail d;
    d.item = std::move(*item);
    d.clientReference = text(json, "clientReference");
    d.paid = moneyFromJson(json.value(QStringLiteral("paid")));
    std::optional<QList<OrderEvent>> events = readEvents(json, why);
    if (!events)
        return std::nullopt;
    d.events = std::move(*events);
    for (const QJsonValue &v : json.value(QStringLiteral("placementAttempts")).toArray())
        d.attempts.append(readAttempt(v.toObject()));
    return d;
}

std::optional<PlacementCounts> PlacementCounts::fromJson(const QJsonObject &json, QString *why)
{
    // Every count must be there: a missing one would read as an empty queue.
    const char *const fields[] = {"awaiting_placement", "placing",   "needs_manual", "placed",
                                  "placed_manually",    "cancelled", "stuck"};
    for (const char *field : fields) {
        if (!json.value(QLatin1String(field)).isDouble()) {
            if (why)
                *why = QStringLiteral("the placement counts have no %1").arg(QLatin1String(field));
            return std::nullopt;
        }
    }
    PlacementCounts c;
    c.awaitingPlacement = integer(json, "awaiting_placement");
    c.placing = integer(json, "placing");
    c.needsManual = integer(json, "needs_manual");
    c.placed = integer(json, "placed");
    c.placedManually = integer(json, "placed_manually");
    c.cancelled = integer(json, "cancelled");
    c.stuck = integer(json, "stuck");
    c.oldestNeedsManualAt = time(json, "oldestNeedsManualAt");
    return c;
}

std::optional<PlacementStats> PlacementStats::fromJson(const QJsonObject &json, QString *why)
{
    PlacementStats s;
    for (const QJsonValue &v : json.value(QStringLiteral("days")).toArray()) {
        const QJsonObject o = v.toObject();
        Day d{date(o, "date"), text(o, "site"), integer(o, "attempts"), integer(o, "placed"),
              integer(o, "needsManual")};
        if (!d.date.isValid()) {
            if (why)
                *why = QStringLiteral("a day of the placement stats has no date");
            return std::nullopt;
        }
        s.days.append(d);
    }
    for (const QJsonValue &v : json.value(QStringLiteral("failures")).toArray()) {
        const QJsonObject o = v.toObject();
        s.failures.append({text(o, "step"), text(o, "reason"), integer(o, "count")});
    }
    for (const QJsonValue &v : json.value(QStringLiteral("latency")).toArray()) {
        const QJsonObject o = v.toObject();
        s.latency.append({text(o, "site"), integer(o, "count"), integer(o, "p50Ms"),
                          integer(o, "p90Ms"), integer(o, "p99Ms")});
    }
    for (const QJsonValue &v : json.value(QStringLiteral("queue")).toArray()) {
        const QJsonObject o = v.toObject();
        Queue q{date(o, "date"), integer(o, "needsManual")};
        if (!q.date.isValid()) {
            if (why)
                *why = QStringLiteral("a day of the queue length has no date");
            return std::nullopt;
        }
        s.queue.append(q);
    }
    return s;
}

QJsonObject ManualPlacement::toJson() const
{
    return {{QStringLiteral("merchantOrderId"), merchantOrderId},
            {QStringLiteral("paid"), paid.toJson()}};
}

} // namespace haitao::client
