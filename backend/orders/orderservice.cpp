#include "backend/orders/orderservice.h"

#include "backend/http/apierror.h"
#include "backend/orders/orderjson.h"
#include "backend/orders/orderschema.h"
#include "backend/orders/orderstatus.h"
#include "backend/orders/placementstore.h"
#include "backend/pricing/pricingservice.h"
#include "backend/pricing/quoteinputjson.h"
#include "backend/storage/auditlog.h"
#include "backend/storage/migrations.h"

#include <QHash>

#include <chrono>

namespace haitao::server::orders {

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;

ApiError noSuchOrder(qint64 id)
{
    return ApiError(ProblemKind::NotFound, QStringLiteral("There is no order %1").arg(id));
}

// Products of two amounts need more than 64 bits.
__extension__ using Wide = __int128;

// Splits `amount` (minor units, may be negative) over parts in proportion to `weights`,
// exactly: the shares always sum to `amount`, the last part taking the rounding.
QList<qint64> proportionalShares(qint64 amount, const QList<qint64> &weights)
{
    Wide total = 0;
    for (qint64 w : weights)
        total += std::max<qint64>(w, 0);
    QList<qint64> shares;
    qint64 given = 0;
    for (qsizetype i = 0; i < weights.size(); ++i) {
        if (i + 1 == weights.size()) {
            shares.append(amount - given);
            break;
        }
        const Wide weight = total > 0 ? std::max<qint64>(weights.at(i), 0) : 1;
        const Wide whole = total > 0 ? total : Wide(weights.size());
        const auto share = qint64(Wide(amount) * weight / whole);
        shares.append(share);
        given += share;
    }
    return shares;
}

Money cny(qint64 minor)
{
    return Money(minor, Currency::cny());
}

} // namespace

OrderService::OrderService(Database &db, const Config &config, pricing::PricingService &pricing)
    : m_db(db)
    , m_config(config)
    , m_pricing(pricing)
    , m_gateway(config.paymentUrl)
{}

OrderService::~OrderService()
{
    stop();
}

void OrderService::migrate()
{
    haitao::server::migrate(m_db, schema::migrations());
    // A new prefix for the references this run sends out: if the store was restored from a
    // backup, its ids repeat, and the prefix it brought back was used with them.
    m_db.write([](QSqlDatabase &db) { orderstore::renewReferencePrefix(db); });
}

void OrderService::setPublicUrl(const QString &url)
{
    std::lock_guard lock(m_mutex);
    m_publicUrl = url;
    while (m_publicUrl.endsWith(u'/'))
        m_publicUrl.chop(1);
}

bool OrderService::gatewayConfigured() const
{
    return m_gateway.configured() && !m_config.paymentSecret.isEmpty();
}

bool OrderService::hasPaidOrder(qint64 userId)
{
    return orderstore::hasPaidOrder(m_db.reader(), userId);
}

// ---- checkout

OrderService::Placed OrderService::replayOrRefuse(qint64 existingId, const QString &existingHash,
                                                  const QString &requestHash)
{
    if (existingHash != requestHash)
        throw ApiError(ProblemKind::IdempotencyKeyReused,
                       QStringLiteral("This Idempotency-Key was used for another order request; "
                                      "send a new key for a new order"));
    const auto o = orderstore::order(m_db.writer(), existingId);
    if (!o)
        throw noSuchOrder(existingId);
    return {*o, true};
}

OrderService::Placed OrderService::placeOrder(const Principal &user, const OrderRequest &request,
                                              const QString &idempotencyKey,
                                              const QString &requestHash)
{
    // The primary, not a replica: a retry right after the first answer must find it.
    if (const auto existing = orderstore::orderByKey(m_db.writer(), user.userId, idempotencyKey))
        return replayOrRefuse(existing->id, existing->requestHash, requestHash);

    QList<QPair<qint64, qint64>> lines = request.lines;
    QString linesField = QStringLiteral("lines");
    if (request.fromCart) {
        linesField = QStringLiteral("fromCart");
        for (const orderstore::CartRow &row : orderstore::cart(m_db.writer(), user.userId))
            lines.append({row.skuId, row.quantity});
        if (lines.isEmpty())
            throw ApiError::validation({{linesField, QStringLiteral("the cart is empty")}});
    }

    // Reserve nothing that cannot be honoured: every line listed and in stock.
    QList<OrderSku> skus;
    QList<FieldProblem> errors;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const auto sku = m_skus ? m_skus(lines.at(i).first) : std::nullopt;
        const QString field =
            request.fromCart ? linesField : QStringLiteral("lines[%1].skuId").arg(i);
        if (!sku || !sku->listed)
            errors.append({field, QStringLiteral("SKU %1 is not for sale").arg(lines.at(i).first)});
        else if (!sku->available)
            errors.append({field, QStringLiteral("SKU %1 is out of stock").arg(lines.at(i).first)});
        skus.append(sku.value_or(OrderSku()));
    }
    if (!errors.isEmpty())
        throw ApiError::validation(errors);

    pricing::QuoteInput input;
    for (const auto &[skuId, quantity] : lines) {
        pricing::QuoteLineInput line;
        line.skuId = skuId;
        line.quantity = quantity;
        input.lines.append(line);
    }
    input.coupons = request.coupons;
    input = m_pricing.prepare(std::move(input), user);
    const pricing::Quote quote = m_pricing.quoteNow(input);
    // Kept with the order: a weighed parcel is priced again from it (adjustments.cpp).
    pricing::QuoteInput pricedInput = input;
    pricedInput.nowMs = quote.pricedAtMs;

    const qint64 at = now();
    Order o;
    o.userId = user.userId;
    o.username = user.username;
    o.status = statusName(OrderStatus::PendingPayment);
    o.total = quote.total;
    o.ruleSetVersion = quote.ruleSetVersion;
    o.rateSnapshot = quote.rateSnapshot;
    o.quote = quote.toJson();
    o.address = request.address;
    o.coupons = QJsonArray::fromStringList(request.coupons);
    o.idempotencyKey = idempotencyKey;
    o.requestHash = requestHash;
    o.createdAtMs = at;
    o.updatedAtMs = at;
    o.expiresAtMs = at + qint64(m_config.orderExpiryMinutes) * kMinuteMs;

    // One sub-order per site, in the quote's order of sites: its lines, its site's charges,
    // and a share of the order-level charges (in proportion), so that they sum to the total.
    QList<qint64> bases;
    for (const pricing::QuoteSite &site : quote.sites) {
        SubOrder s;
        s.site = site.site;
        s.status = statusName(SubOrderStatus::PendingPayment);
        s.goods = site.goods;
        qint64 base = site.total.minor();
        for (const pricing::QuoteLine &ql : quote.lines) {
            if (ql.site != site.site)
                continue;
            const OrderSku &sku = skus.at(ql.index);
            OrderLine l;
            l.skuId = sku.skuId;
            l.productId = sku.productId;
            l.merchantSku = sku.merchantSku;
            l.title = sku.title;
            l.titleZh = sku.titleZh;
            l.sourceUrl = sku.sourceUrl;
            l.quantity = ql.quantity;
            l.unitPrice = input.lines.at(ql.index).price; // what the quote priced
            l.total = ql.total;
            base += ql.total.minor();
            s.lines.append(l);
        }
        bases.append(base);
        o.subOrders.append(s);
    }
    qint64 orderLevel = 0;
    for (const pricing::Component &c : quote.components)
        orderLevel += c.cny.minor();
    const QList<qint64> shares = proportionalShares(orderLevel, bases);
    for (qsizetype i = 0; i < o.subOrders.size(); ++i)
        o.subOrders[i].total = cny(bases.at(i) + shares.at(i));

    std::optional<orderstore::KeyedOrder> raced;
    try {
        m_db.write([&](QSqlDatabase &db) {
            // Another request with this key may have committed since the check above.
            raced = orderstore::orderByKey(db, user.userId, idempotencyKey);
            if (raced)
                return;
            orderstore::insertOrder(db, o);
            adjustments::storeQuoteInput(db, o.id, pricing::quoteInputToJson(pricedInput));
            if (request.fromCart) {
                for (const auto &[skuId, quantity] : lines)
                    orderstore::removeCartItem(db, user.userId, skuId);
            }
        });
    } catch (const StorageError &) {
        // PostgreSQL: two transactions both missed the other's row; the unique key stopped
        // the second. Answer as if it had come second.
        raced = orderstore::orderByKey(m_db.writer(), user.userId, idempotencyKey);
        if (!raced)
            throw;
    }
    if (raced)
        return replayOrRefuse(raced->id, raced->requestHash, requestHash);
    const auto stored = orderstore::order(m_db.writer(), o.id);
    if (!stored)
        throw noSuchOrder(o.id);
    return {*stored, false};
}

// ---- reading

Order OrderService::orderOf(const Principal &user, qint64 id)
{
    const auto o = orderstore::order(m_db.writer(), id);
    // Another customer's order does not exist for this caller (no existence leak).
    if (!o || o->userId != user.userId)
        throw noSuchOrder(id);
    return *o;
}

Order OrderService::order(const Principal &user, qint64 id)
{
    return orderOf(user, id);
}

Page<Order> OrderService::ownOrders(const Principal &user, const Paging &paging)
{
    orderstore::OrderFilter f;
    f.userId = user.userId;
    f.beforeId = paging.cursor;
    f.limit = paging.limit;
    return orderstore::listOrders(m_db.reader(), f);
}

Page<Order> OrderService::listOrders(const orderstore::OrderFilter &filter)
{
    orderstore::OrderFilter f = filter;
    f.withDetails = false;
    return orderstore::listOrders(m_db.reader(), f);
}

QJsonObject OrderService::staffOrder(qint64 id)
{
    QSqlDatabase db = m_db.reader();
    const auto o = orderstore::order(db, id);
    if (!o)
        throw noSuchOrder(id);
    return staffOrderJson(*o, orderstore::events(db, id));
}

// ---- cancel

namespace {

// Cancelling refunds the customer: not while staff order the sub-order by hand (claimed by
// someone else; `caller` empty: by anyone), nor while an order may exist at the shop from an
// earlier attempt (the goods could ship after the refund).
void refuseWhilePlacing(const QSqlDatabase &db, qint64 subOrderId, const QString &caller)
{
    const auto p = placementstore::subOrder(db, subOrderId);
    if (!p)
        return;
    if (!p->claimedBy.isEmpty() && p->claimedBy != caller)
        throw ApiError(ProblemKind::Conflict,
                       QStringLiteral("%1 is placing sub-order %2 by hand (claimed); it cannot be "
                                      "cancelled now")
                           .arg(p->claimedBy)
                           .arg(subOrderId));
    if (placementstore::mayHaveOrderAtShop(db, subOrderId))
        throw ApiError(ProblemKind::Conflict,
                       QStringLiteral("An order may exist at the shop under reference %1; look "
                                      "it up first")
                           .arg(p->clientReference));
}

} // namespace

Order OrderService::cancel(const Principal &user, qint64 orderId, const QString &reason)
{
    const QString actor = user.username;
    const QString why = reason.isEmpty() ? QStringLiteral("cancelled by the customer") : reason;
    std::optional<qint64> refundId;
    m_db.write([&](QSqlDatabase &db) {
        const auto o = orderstore::order(db, orderId);
        if (!o || o->userId != user.userId)
            throw noSuchOrder(orderId);
        const qint64 at = now();
        const auto status = orderStatusFromName(o->status);
        if (status == OrderStatus::PendingPayment) {
            if (!changeOrder(db, {orderId, OrderStatus::PendingPayment, OrderStatus::Cancelled,
                                  actor, why, at}))
                throw ApiError(ProblemKind::Conflict,
                               QStringLiteral("The order changed meanwhile; read it again"));
            for (const SubOrder &s : o->subOrders)
                changeSubOrder(db, {s.id, orderId, SubOrderStatus::PendingPayment,
                                    SubOrderStatus::Cancelled, actor, why, at});
        } else if (status == OrderStatus::Paid) {
            // Only while nothing has been ordered abroad yet. Sub-orders cancelled before
            // (staff) are skipped: their refund is already counted below.
            for (const SubOrder &s : o->subOrders) {
                const auto sub = subOrderStatusFromName(s.status);
                if (sub == SubOrderStatus::Cancelled)
                    continue;
                if (sub != SubOrderStatus::AwaitingPlacement && sub != SubOrderStatus::NeedsManual)
                    throw ApiError(ProblemKind::Conflict,
                                   QStringLiteral("Part of this order is already being ordered "
                                                  "from the shop (%1 is %2); it cannot be "
                                                  "cancelled now")
                                       .arg(s.site, s.status));
                refuseWhilePlacing(db, s.id, QString());
                if (!changeSubOrder(
                        db, {s.id, orderId, *sub, SubOrderStatus::Cancelled, actor, why, at}))
                    throw ApiError(ProblemKind::Conflict,
                                   QStringLiteral("The order changed meanwhile; read it again"));
            }
            const auto payment = orderstore::paidPayment(db, orderId);
            if (payment) {
                const qint64 left =
                    payment->amount.minor() - orderstore::refundedMinor(db, payment->id);
                if (left > 0) {
                    Refund r;
                    r.orderId = orderId;
                    r.paymentId = payment->id;
                    r.refundNo = orderstore::referenceBase(db, orderId) + QStringLiteral("R0");
                    r.amount = cny(left);
                    r.reason = why;
                    r.actor = actor;
                    r.createdAtMs = at;
                    refundId = orderstore::insertRefund(db, r, at + kRefundRetryMs);
                }
            }
            settleOrder(db, orderId, actor, at);
        } else {
            throw ApiError(ProblemKind::Conflict,
                           QStringLiteral("A %1 order cannot be cancelled").arg(o->status));
        }
        auditlog::record(db, Actor{user.userId, user.username, QString()}, at,
                         QStringLiteral("order.cancelled"), QStringLiteral("order"),
                         QString::number(orderId), {{QStringLiteral("reason"), why}});
    });
    if (refundId)
        sendRefund(*refundId);
    return orderOf(user, orderId);
}

void OrderService::cancelSubOrder(const Actor &actor, qint64 subOrderId, const QString &reason)
{
    std::optional<qint64> refundId;
    m_db.write([&](QSqlDatabase &db) {
        const auto s = orderstore::subOrder(db, subOrderId);
        if (!s)
            throw ApiError(ProblemKind::NotFound,
                           QStringLiteral("There is no sub-order %1").arg(subOrderId));
        const auto status = subOrderStatusFromName(s->status);
        if (status != SubOrderStatus::AwaitingPlacement && status != SubOrderStatus::NeedsManual)
            throw ApiError(ProblemKind::Conflict,
                           QStringLiteral("A %1 sub-order cannot be cancelled").arg(s->status));
        refuseWhilePlacing(db, subOrderId, actor.name);
        const qint64 at = now();
        if (!changeSubOrder(db, {subOrderId, s->orderId, *status, SubOrderStatus::Cancelled,
                                 actor.name, reason, at}))
            throw ApiError(ProblemKind::Conflict,
                           QStringLiteral("The sub-order changed meanwhile; read it again"));
        const auto payment = orderstore::paidPayment(db, s->orderId);
        if (payment) {
            const qint64 left =
                payment->amount.minor() - orderstore::refundedMinor(db, payment->id);
            const qint64 amount = std::min(left, s->total.minor());
            if (amount > 0) {
                Refund r;
                r.orderId = s->orderId;
                r.subOrderId = subOrderId;
                r.paymentId = payment->id;
                r.refundNo = orderstore::referenceBase(db, s->orderId) +
                             QStringLiteral("R%1").arg(subOrderId);
                r.amount = cny(amount);
                r.reason = reason;
                r.actor = actor.name;
                r.createdAtMs = at;
                refundId = orderstore::insertRefund(db, r, at + kRefundRetryMs);
            }
        }
        settleOrder(db, s->orderId, actor.name, at);
        auditlog::record(db, actor, at, QStringLiteral("sub_order.cancelled"),
                         QStringLiteral("sub_order"), QString::number(subOrderId),
                         {{QStringLiteral("reason"), reason}});
    });
    if (refundId)
        sendRefund(*refundId);
}

// ---- jobs

int OrderService::expireDue()
{
    int expired = 0;
    const QList<qint64> due = orderstore::dueExpiries(m_db.writer(), now(), 200);
    for (qint64 id : due) {
        m_db.write([&](QSqlDatabase &db) {
            // Conditional: a payment that arrived meanwhile wins. Sub-orders stay
            // pending_payment, so that a late payment still places them.
            if (changeOrder(
                    db,
                    {id, OrderStatus::PendingPayment, OrderStatus::Expired,
                     QStringLiteral("system"),
                     QStringLiteral("not paid within %1 minutes").arg(m_config.orderExpiryMinutes),
                     now()}))
                ++expired;
        });
    }
    return expired;
}

void OrderService::start()
{
    std::lock_guard lock(m_mutex);
    if (m_jobs.joinable())
        return;
    m_stopping = false;
    m_jobs = std::thread([this] { jobLoop(); });
}

void OrderService::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_jobs.joinable())
        m_jobs.join();
}

void OrderService::jobLoop()
{
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            // Every second: expiry is due to the minute, and the queries are on indexes.
            m_wake.wait_for(lock, std::chrono::seconds(1), [this] { return m_stopping; });
            if (m_stopping)
                return;
        }
        try {
            expireDue();
            retryRefunds();
        } catch (const std::exception &) {
            // The store was unreachable or busy: the next pass tries again.
        }
    }
}

} // namespace haitao::server::orders
