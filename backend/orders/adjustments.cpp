// OrderService: the weight fee adjustment of a weighed parcel, and the SQL of adjustments.
#include "backend/orders/adjustments.h"

#include "backend/http/apierror.h"
#include "backend/orders/orderservice.h"
#include "backend/pricing/pricingservice.h"
#include "backend/pricing/quoteinputjson.h"
#include "backend/pricing/weightadjustment.h"
#include "backend/storage/auditlog.h"
#include "backend/storage/sqltext.h"
#include "core/wiretime.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdlib>

namespace haitao::server::orders {

using sql::L;

namespace adjustments {

namespace {

constexpr const char *kColumns =
    "id, order_id, sub_order_id, kind, amount_minor, currency, status, reason, created_at, "
    "priced_weight_g, weighed_g, before_minor, after_minor, payment_id, refund_id, refunded_minor";

Stored readStored(const QSqlQuery &q)
{
    Stored s;
    Adjustment &a = s.adjustment;
    a.id = q.value(0).toLongLong();
    a.orderId = q.value(1).toLongLong();
    a.subOrderId = q.value(2).toLongLong();
    a.kind = q.value(3).toString();
    a.amount = sql::storedMoney(q.value(4), q.value(5));
    a.status = q.value(6).toString();
    a.reason = q.value(7).toString();
    a.createdAtMs = q.value(8).toLongLong();
    s.pricedWeightG = q.value(9).toLongLong();
    s.weighedG = q.value(10).toLongLong();
    s.before = Money(q.value(11).toLongLong(), a.amount.currency());
    s.after = Money(q.value(12).toLongLong(), a.amount.currency());
    s.paymentId = sql::optionalLong(q.value(13));
    s.refundId = sql::optionalLong(q.value(14));
    a.refundedMinor = q.value(15).toLongLong();
    return s;
}

void recordEvent(QSqlDatabase &db, const Adjustment &a, const QString &actor, qint64 atMs,
                 const QString &to, const QString &reason)
{
    Statement q = prepareOrThrow(
        db, L("INSERT INTO order_events (order_id, sub_order_id, at, actor, from_status, "
              "to_status, reason) VALUES (:order, :sub, :at, :actor, :from, :to, :reason)"));
    q.bindValue(QStringLiteral(":order"), a.orderId);
    q.bindValue(QStringLiteral(":sub"), a.subOrderId);
    q.bindValue(QStringLiteral(":at"), atMs);
    q.bindValue(QStringLiteral(":actor"), sql::text(actor));
    q.bindValue(QStringLiteral(":from"), sql::text(a.status));
    q.bindValue(QStringLiteral(":to"), to);
    q.bindValue(QStringLiteral(":reason"), sql::text(reason));
    execOrThrow(q, "record adjustment event");
}

void setStatus(QSqlDatabase &db, qint64 id, const QString &status, qint64 atMs)
{
    Statement q = prepareOrThrow(
        db, L("UPDATE order_adjustments SET status = :s, updated_at = :at WHERE id = :id"));
    q.bindValue(QStringLiteral(":s"), status);
    q.bindValue(QStringLiteral(":at"), atMs);
    q.bindValue(QStringLiteral(":id"), id);
    execOrThrow(q, "update adjustment");
}

QList<Stored> where(const QSqlDatabase &db, const QString &condition, const QString &name,
                    qint64 value)
{
    Statement q = prepareOrThrow(
        db, L("SELECT %1 FROM order_adjustments WHERE %2 ORDER BY id").arg(L(kColumns), condition));
    q.bindValue(name, value);
    execOrThrow(q, "read adjustments");
    QList<Stored> rows;
    while (q.next())
        rows.append(readStored(q.query()));
    return rows;
}

} // namespace

void storeQuoteInput(QSqlDatabase &db, qint64 orderId, const QJsonObject &input)
{
    Statement q = prepareOrThrow(db, L("UPDATE orders SET quote_input = :q WHERE id = :id"));
    q.bindValue(QStringLiteral(":q"), sql::jsonText(input));
    q.bindValue(QStringLiteral(":id"), orderId);
    execOrThrow(q, "store quote input");
}

std::optional<QJsonObject> quoteInput(const QSqlDatabase &db, qint64 orderId)
{
    Statement q = prepareOrThrow(db, L("SELECT quote_input FROM orders WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), orderId);
    execOrThrow(q, "read quote input");
    if (!q.next() || q.value(0).isNull())
        return std::nullopt;
    return QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
}

QList<Adjustment> ofOrder(const QSqlDatabase &db, qint64 orderId)
{
    QList<Adjustment> out;
    for (const Stored &s :
         where(db, QStringLiteral("order_id = :v"), QStringLiteral(":v"), orderId))
        out.append(s.adjustment);
    return out;
}

std::optional<Stored> weightOf(const QSqlDatabase &db, qint64 subOrderId)
{
    const QList<Stored> rows = where(db, QStringLiteral("sub_order_id = :v AND kind = 'weight'"),
                                     QStringLiteral(":v"), subOrderId);
    if (rows.isEmpty())
        return std::nullopt;
    return rows.first();
}

bool insert(QSqlDatabase &db, Stored &row, const QString &actor, const QString &requestKey)
{
    if (weightOf(db, row.adjustment.subOrderId))
        return false;
    const Adjustment &a = row.adjustment;
    Statement q = prepareOrThrow(
        db, L("INSERT INTO order_adjustments (order_id, sub_order_id, kind, amount_minor, "
              "currency, status, reason, priced_weight_g, weighed_g, before_minor, after_minor, "
              "actor, request_key, created_at, updated_at, refunded_minor) VALUES (:o, :s, :k, "
              ":am, :c, :st, :r, :pw, :ww, :b, :a, :ac, :key, :at, :at2, :rm) RETURNING id"));
    q.bindValue(QStringLiteral(":o"), a.orderId);
    q.bindValue(QStringLiteral(":s"), a.subOrderId);
    q.bindValue(QStringLiteral(":k"), a.kind);
    q.bindValue(QStringLiteral(":am"), a.amount.minor());
    q.bindValue(QStringLiteral(":c"), a.amount.currency().code());
    q.bindValue(QStringLiteral(":st"), a.status);
    q.bindValue(QStringLiteral(":r"), sql::text(a.reason));
    q.bindValue(QStringLiteral(":pw"), row.pricedWeightG);
    q.bindValue(QStringLiteral(":ww"), row.weighedG);
    q.bindValue(QStringLiteral(":b"), row.before.minor());
    q.bindValue(QStringLiteral(":a"), row.after.minor());
    q.bindValue(QStringLiteral(":ac"), sql::text(actor));
    q.bindValue(QStringLiteral(":key"), sql::text(requestKey));
    q.bindValue(QStringLiteral(":at"), a.createdAtMs);
    q.bindValue(QStringLiteral(":at2"), a.createdAtMs);
    q.bindValue(QStringLiteral(":rm"), a.refundedMinor);
    execOrThrow(q, "insert adjustment");
    if (!q.next())
        throw StorageError(QStringLiteral("insert adjustment returned no id"));
    row.adjustment.id = q.value(0).toLongLong();
    Adjustment created = row.adjustment;
    created.status = QString(); // the event reads "" -> status
    recordEvent(db, created, actor, a.createdAtMs, a.status, a.reason);
    return true;
}

void setRefund(QSqlDatabase &db, qint64 adjustmentId, qint64 refundId)
{
    Statement q =
        prepareOrThrow(db, L("UPDATE order_adjustments SET refund_id = :r WHERE id = :id"));
    q.bindValue(QStringLiteral(":r"), refundId);
    q.bindValue(QStringLiteral(":id"), adjustmentId);
    execOrThrow(q, "link adjustment refund");
}

qint64 dueMinor(const QSqlDatabase &db, qint64 orderId)
{
    Statement q = prepareOrThrow(
        db, L("SELECT COALESCE(SUM(amount_minor), 0) FROM order_adjustments WHERE order_id = :o "
              "AND status = 'due' AND payment_id IS NULL"));
    q.bindValue(QStringLiteral(":o"), orderId);
    execOrThrow(q, "sum due adjustments");
    return q.next() ? q.value(0).toLongLong() : 0;
}

void attachPayment(QSqlDatabase &db, qint64 orderId, qint64 paymentId, qint64 atMs)
{
    Statement q = prepareOrThrow(
        db, L("UPDATE order_adjustments SET payment_id = :p, updated_at = :at WHERE order_id = :o "
              "AND status = 'due' AND payment_id IS NULL"));
    q.bindValue(QStringLiteral(":p"), paymentId);
    q.bindValue(QStringLiteral(":at"), atMs);
    q.bindValue(QStringLiteral(":o"), orderId);
    execOrThrow(q, "attach adjustment payment");
}

bool settlePayment(QSqlDatabase &db, qint64 paymentId, const QString &actor, qint64 atMs)
{
    const QList<Stored> rows =
        where(db, QStringLiteral("payment_id = :v"), QStringLiteral(":v"), paymentId);
    if (rows.isEmpty())
        return false;
    for (const Stored &s : rows) {
        if (s.adjustment.status != QLatin1String("due"))
            continue;
        setStatus(db, s.adjustment.id, QStringLiteral("paid"), atMs);
        recordEvent(db, s.adjustment, actor, atMs, QStringLiteral("paid"),
                    QStringLiteral("weight adjustment %1 paid").arg(s.adjustment.id));
    }
    return true;
}

void refundConfirmed(QSqlDatabase &db, qint64 refundId, qint64 atMs)
{
    for (const Stored &s :
         where(db, QStringLiteral("refund_id = :v"), QStringLiteral(":v"), refundId)) {
        if (s.adjustment.status != QLatin1String("refund_pending"))
            continue;
        // Capped at what was left of the payment: the rest stays with staff.
        const qint64 left = -s.adjustment.amount.minor() - s.adjustment.refundedMinor;
        if (left > 0) {
            setStatus(db, s.adjustment.id, QStringLiteral("refund_manual"), atMs);
            recordEvent(
                db, s.adjustment, QStringLiteral("system"), atMs, QStringLiteral("refund_manual"),
                QStringLiteral("weight adjustment %1 partly refunded: %2 CNY to refund by hand")
                    .arg(s.adjustment.id)
                    .arg(Money(left, s.adjustment.amount.currency()).toString()));
            continue;
        }
        setStatus(db, s.adjustment.id, QStringLiteral("refunded"), atMs);
        recordEvent(db, s.adjustment, QStringLiteral("system"), atMs, QStringLiteral("refunded"),
                    QStringLiteral("weight adjustment %1 refunded").arg(s.adjustment.id));
    }
}

} // namespace adjustments

namespace {

// What the weight rule needs of a sub-order: its order's quote input as priced (rebuilt from
// the catalog for orders placed before the input was kept), version and rate snapshot.
struct Basis
{
    qint64 orderId = 0;
    qint64 subOrderId = 0;
    QString site;
    pricing::QuoteInput input;
    qint64 version = 0;
    qint64 snapshot = 0;
    bool rebuilt = false;
};

Basis basisOf(const QSqlDatabase &db, pricing::PricingService &pricing, qint64 subOrderId)
{
    const auto sub = orderstore::subOrder(db, subOrderId);
    if (!sub)
        throw ApiError(ProblemKind::NotFound,
                       QStringLiteral("There is no sub-order %1").arg(subOrderId));
    const auto order = orderstore::order(db, sub->orderId);
    if (!order)
        throw ApiError(ProblemKind::NotFound,
                       QStringLiteral("There is no order %1").arg(sub->orderId));
    Basis b;
    b.orderId = order->id;
    b.subOrderId = sub->id;
    b.site = sub->site;
    b.version = order->ruleSetVersion;
    b.snapshot = order->rateSnapshot;
    if (const auto stored = adjustments::quoteInput(db, order->id)) {
        if (auto input = pricing::quoteInputFromJson(*stored)) {
            b.input = std::move(*input);
            return b;
        }
    }
    // Before quote inputs were kept: the quote's lines (SKU, quantity, in their order) with
    // weight, size and category from the catalog as it is now, at the unit price ordered.
    // Whether it was a first order is not known; promotions only touch the goods, so the
    // weight difference does not depend on it.
    b.rebuilt = true;
    QHash<qint64, Money> unitPrices;
    for (const SubOrder &s : order->subOrders) {
        for (const OrderLine &l : s.lines)
            unitPrices.insert(l.skuId, l.unitPrice);
    }
    pricing::QuoteInput input;
    for (const QJsonValue &v : order->quote.value(QStringLiteral("lines")).toArray()) {
        pricing::QuoteLineInput line;
        line.skuId = v.toObject().value(QStringLiteral("skuId")).toInteger();
        line.quantity = v.toObject().value(QStringLiteral("quantity")).toInteger();
        input.lines.append(line);
    }
    for (const QJsonValue &c : order->coupons)
        input.coupons.append(c.toString());
    Principal staff;
    staff.role = Role::Admin; // unpublished SKUs too: the order was placed when they were listed
    input = pricing.prepare(std::move(input), staff);
    for (pricing::QuoteLineInput &line : input.lines) {
        if (const auto it = unitPrices.constFind(line.skuId); it != unitPrices.constEnd())
            line.price = it.value();
    }
    input.firstOrder = false;
    input.nowMs =
        fromWireTime(order->quote.value(QStringLiteral("pricedAt")).toString()).toMSecsSinceEpoch();
    b.input = std::move(input);
    return b;
}

QString describe(const WeightOutcome &w, bool rebuilt)
{
    QString reason =
        QStringLiteral("weighed %1 g, priced %2 g: %3 %4 CNY")
            .arg(w.weightG)
            .arg(w.pricedWeightG)
            .arg(w.amount->isNegative() ? QStringLiteral("refund") : QStringLiteral("charge"))
            .arg(Money(std::llabs(w.amount->minor()), w.amount->currency()).toString());
    if (rebuilt)
        reason += QStringLiteral(" (the order predates stored quote inputs: its lines were "
                                 "priced again from the catalog's current weights and sizes)");
    return reason;
}

} // namespace

WeightOutcome OrderService::previewWeight(qint64 subOrderId, qint64 weightG)
{
    const Basis b = basisOf(m_db.writer(), m_pricing, subOrderId);
    const pricing::WeightRequote r =
        pricing::requoteWeighed(m_pricing, b.input, b.version, b.snapshot, b.site, weightG,
                                {m_config.weightTolerancePercent, m_config.weightToleranceG});
    WeightOutcome out;
    out.pricedWeightG = r.pricedWeightG;
    out.weightG = weightG;
    out.beyondTolerance = r.beyondTolerance;
    if (r.beyondTolerance) {
        out.before = r.before;
        out.after = r.after;
        if (!r.amount.isZero())
            out.amount = r.amount;
    }
    if (out.amount)
        out.reason = describe(out, b.rebuilt);
    return out;
}

WeightOutcome OrderService::recordWeight(qint64 subOrderId, qint64 weightG, const Actor &actor,
                                         const QString &key)
{
    // Once per sub-order: a second weighing (a retried request, another terminal) answers the
    // first one's adjustment.
    const auto answer = [](const adjustments::Stored &s) {
        WeightOutcome out;
        out.pricedWeightG = s.pricedWeightG;
        out.weightG = s.weighedG;
        out.beyondTolerance = true;
        out.before = s.before;
        out.after = s.after;
        out.amount = s.adjustment.amount;
        out.adjustmentId = s.adjustment.id;
        out.status = s.adjustment.status;
        out.reason = s.adjustment.reason;
        return out;
    };
    if (const auto existing = adjustments::weightOf(m_db.writer(), subOrderId))
        return answer(*existing);

    // Priced outside the transaction (pricing reads its own store).
    WeightOutcome out = previewWeight(subOrderId, weightG);
    if (!out.amount)
        return out;
    std::optional<qint64> refundId;
    m_db.write([&](QSqlDatabase &db) {
        if (const auto existing = adjustments::weightOf(db, subOrderId)) {
            out = answer(*existing);
            return;
        }
        const auto sub = orderstore::subOrder(db, subOrderId);
        if (!sub)
            throw ApiError(ProblemKind::NotFound,
                           QStringLiteral("There is no sub-order %1").arg(subOrderId));
        const qint64 at = now();
        adjustments::Stored row;
        row.adjustment.orderId = sub->orderId;
        row.adjustment.subOrderId = subOrderId;
        row.adjustment.kind = QStringLiteral("weight");
        row.adjustment.amount = *out.amount;
        row.adjustment.reason = out.reason;
        row.adjustment.createdAtMs = at;
        row.pricedWeightG = out.pricedWeightG;
        row.weighedG = weightG;
        row.before = *out.before;
        row.after = *out.after;
        const bool refund = out.amount->isNegative();
        // A refund goes through the refunds the order already has: against its paid payment,
        // no more than what is left of it. What cannot be refunded so is staff's, visibly.
        std::optional<Payment> payment;
        qint64 amount = 0;
        QString manual;
        if (refund) {
            payment = orderstore::paidPayment(db, sub->orderId);
            const qint64 left =
                payment ? payment->amount.minor() - orderstore::refundedMinor(db, payment->id) : 0;
            amount = std::max<qint64>(0, std::min(left, -out.amount->minor()));
            if (!payment)
                manual = QStringLiteral("the order has no paid payment");
            else if (amount < -out.amount->minor())
                manual =
                    QStringLiteral("only %1 CNY of the order's payment is left to refund")
                        .arg(Money(std::max<qint64>(0, left), out.amount->currency()).toString());
        }
        const Money byHand(refund ? -out.amount->minor() - amount : 0, out.amount->currency());
        if (!manual.isEmpty())
            row.adjustment.reason +=
                QStringLiteral("; %1 CNY to refund by hand (%2)").arg(byHand.toString(), manual);
        row.adjustment.status = !refund      ? QStringLiteral("due")
                                : amount > 0 ? QStringLiteral("refund_pending")
                                             : QStringLiteral("refund_manual");
        row.adjustment.refundedMinor = amount;
        adjustments::insert(db, row, actor.name, key);
        if (!manual.isEmpty())
            auditlog::record(db, actor, at, QStringLiteral("adjustment.refund_manual"),
                             QStringLiteral("sub_order"), QString::number(subOrderId),
                             {{QStringLiteral("adjustmentId"), row.adjustment.id},
                              {QStringLiteral("amount"), out.amount->toJson()},
                              {QStringLiteral("refundedAutomatically"),
                               Money(amount, out.amount->currency()).toJson()},
                              {QStringLiteral("byHand"), byHand.toJson()},
                              {QStringLiteral("reason"), manual}});
        if (payment && amount > 0) {
            Refund r;
            r.orderId = sub->orderId;
            r.subOrderId = subOrderId;
            r.paymentId = payment->id;
            r.refundNo = orderstore::referenceBase(db, sub->orderId) +
                         QStringLiteral("RW%1").arg(row.adjustment.id);
            r.amount = Money(amount, out.amount->currency());
            r.reason = out.reason;
            r.actor = actor.name;
            r.createdAtMs = at;
            refundId = orderstore::insertRefund(db, r, at + kRefundRetryMs);
            adjustments::setRefund(db, row.adjustment.id, *refundId);
        }
        auditlog::record(db, actor, at, QStringLiteral("adjustment.created"),
                         QStringLiteral("sub_order"), QString::number(subOrderId),
                         {{QStringLiteral("amount"), out.amount->toJson()},
                          {QStringLiteral("weightG"), weightG},
                          {QStringLiteral("pricedWeightG"), out.pricedWeightG}});
        out.adjustmentId = row.adjustment.id;
        out.status = row.adjustment.status;
        out.reason = row.adjustment.reason;
    });
    if (refundId)
        sendRefund(*refundId);
    return out;
}

} // namespace haitao::server::orders
