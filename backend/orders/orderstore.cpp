#include "backend/orders/orderstore.h"

#include "backend/orders/adjustments.h"
#include "backend/storage/database.h"
#include "backend/storage/keyset.h"
#include "backend/storage/sqltext.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <sodium.h>

namespace haitao::server::orders::orderstore {

namespace {

using sql::jsonText;
using sql::L;
using sql::optionalLong;
using sql::storedMoney;
using sql::text;

QVariant nullable(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : QVariant();
}

constexpr const char *kOrderColumns =
    "id, user_id, username, status, total_minor, currency, rule_set_version, rate_snapshot, "
    "quote, address, coupons, idempotency_key, request_hash, created_at, updated_at, "
    "expires_at, paid_at, version";

Order readOrder(const QSqlQuery &q, bool withQuote)
{
    Order o;
    o.id = q.value(0).toLongLong();
    o.userId = q.value(1).toLongLong();
    o.username = q.value(2).toString();
    o.status = q.value(3).toString();
    o.total = storedMoney(q.value(4), q.value(5));
    o.ruleSetVersion = q.value(6).toLongLong();
    o.rateSnapshot = q.value(7).toLongLong();
    if (withQuote)
        o.quote = QJsonDocument::fromJson(q.value(8).toString().toUtf8()).object();
    o.address = QJsonDocument::fromJson(q.value(9).toString().toUtf8()).object();
    o.coupons = QJsonDocument::fromJson(q.value(10).toString().toUtf8()).array();
    o.idempotencyKey = q.value(11).toString();
    o.requestHash = q.value(12).toString();
    o.createdAtMs = q.value(13).toLongLong();
    o.updatedAtMs = q.value(14).toLongLong();
    o.expiresAtMs = q.value(15).toLongLong();
    o.paidAtMs = optionalLong(q.value(16));
    o.version = q.value(17).toLongLong();
    return o;
}

constexpr const char *kPaymentColumns =
    "id, order_id, provider, out_trade_no, gateway_payment_id, pay_url, amount_minor, currency, "
    "status, created_at, paid_at";

Payment readPayment(const QSqlQuery &q)
{
    Payment p;
    p.id = q.value(0).toLongLong();
    p.orderId = q.value(1).toLongLong();
    p.provider = q.value(2).toString();
    p.outTradeNo = q.value(3).toString();
    p.gatewayPaymentId = q.value(4).toString();
    p.payUrl = q.value(5).toString();
    p.amount = storedMoney(q.value(6), q.value(7));
    p.status = q.value(8).toString();
    p.createdAtMs = q.value(9).toLongLong();
    p.paidAtMs = optionalLong(q.value(10));
    return p;
}

std::optional<Payment> onePayment(Statement &q)
{
    execOrThrow(q, "read payment");
    if (!q.next())
        return std::nullopt;
    return readPayment(q.query());
}

constexpr const char *kRefundColumns =
    "id, order_id, sub_order_id, payment_id, refund_no, amount_minor, currency, status, "
    "gateway_refund_id, reason, actor, created_at, updated_at";

Refund readRefund(const QSqlQuery &q)
{
    Refund r;
    r.id = q.value(0).toLongLong();
    r.orderId = q.value(1).toLongLong();
    r.subOrderId = optionalLong(q.value(2));
    r.paymentId = q.value(3).toLongLong();
    r.refundNo = q.value(4).toString();
    r.amount = storedMoney(q.value(5), q.value(6));
    r.status = q.value(7).toString();
    r.gatewayRefundId = q.value(8).toString();
    r.reason = q.value(9).toString();
    r.actor = q.value(10).toString();
    r.createdAtMs = q.value(11).toLongLong();
    r.updatedAtMs = q.value(12).toLongLong();
    return r;
}

constexpr const char *kSubOrderColumns =
    "id, order_id, site, status, total_minor, goods_minor, goods_currency, client_reference, "
    "merchant_order_id";

constexpr const char *kLineColumns =
    "id, order_id, sub_order_id, sku_id, product_id, merchant_sku, title, title_zh, source_url, "
    "quantity, unit_price_minor, unit_currency, total_cny_minor";

OrderLine readLine(const QSqlQuery &q)
{
    OrderLine l;
    l.id = q.value(0).toLongLong();
    l.orderId = q.value(1).toLongLong();
    l.subOrderId = q.value(2).toLongLong();
    l.skuId = q.value(3).toLongLong();
    l.productId = q.value(4).toLongLong();
    l.merchantSku = q.value(5).toString();
    l.title = q.value(6).toString();
    l.titleZh = q.value(7).toString();
    l.sourceUrl = q.value(8).toString();
    l.quantity = q.value(9).toLongLong();
    l.unitPrice = storedMoney(q.value(10), q.value(11));
    l.total = Money(q.value(12).toLongLong(), Currency::cny());
    return l;
}

SubOrder readSubOrder(const QSqlQuery &q)
{
    SubOrder s;
    s.id = q.value(0).toLongLong();
    s.orderId = q.value(1).toLongLong();
    s.site = q.value(2).toString();
    s.status = q.value(3).toString();
    s.total = Money(q.value(4).toLongLong(), Currency::cny());
    s.goods = storedMoney(q.value(5), q.value(6));
    s.clientReference = q.value(7).toString();
    s.merchantOrderId = q.value(8).toString();
    return s;
}

// Sub-orders (with their lines when asked), payments and refunds of an order.
void attachDetails(const QSqlDatabase &db, Order &o, bool withLines, bool withMoney)
{
    Statement subs = prepareOrThrow(
        db,
        L("SELECT %1 FROM sub_orders WHERE order_id = :o ORDER BY id").arg(L(kSubOrderColumns)));
    subs.bindValue(QStringLiteral(":o"), o.id);
    execOrThrow(subs, "read sub-orders");
    while (subs.next())
        o.subOrders.append(readSubOrder(subs.query()));
    if (withLines) {
        Statement lines = prepareOrThrow(
            db,
            L("SELECT %1 FROM order_lines WHERE order_id = :o ORDER BY id").arg(L(kLineColumns)));
        lines.bindValue(QStringLiteral(":o"), o.id);
        execOrThrow(lines, "read order lines");
        while (lines.next()) {
            const OrderLine l = readLine(lines.query());
            for (SubOrder &s : o.subOrders) {
                if (s.id == l.subOrderId)
                    s.lines.append(l);
            }
        }
    }
    if (!withMoney)
        return;
    Statement payments = prepareOrThrow(
        db, L("SELECT %1 FROM payments WHERE order_id = :o ORDER BY id").arg(L(kPaymentColumns)));
    payments.bindValue(QStringLiteral(":o"), o.id);
    execOrThrow(payments, "read payments");
    while (payments.next())
        o.payments.append(readPayment(payments.query()));
    Statement refunds = prepareOrThrow(
        db, L("SELECT %1 FROM refunds WHERE order_id = :o ORDER BY id").arg(L(kRefundColumns)));
    refunds.bindValue(QStringLiteral(":o"), o.id);
    execOrThrow(refunds, "read refunds");
    while (refunds.next())
        o.refunds.append(readRefund(refunds.query()));
    o.adjustments = adjustments::ofOrder(db, o.id);
}

} // namespace

namespace {

// 40 random bits as 8 base32 characters (A-Z, 2-7): readable in a gateway's console, and two
// prefixes are equal with a chance of one in a trillion.
QString randomPrefix()
{
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    unsigned char bytes[5];
    randombytes_buf(bytes, sizeof bytes);
    quint64 bits = 0;
    for (unsigned char b : bytes)
        bits = (bits << 8) | b;
    QString prefix;
    for (int i = 7; i >= 0; --i)
        prefix.append(QLatin1Char(kAlphabet[(bits >> (5 * i)) & 31]));
    return prefix;
}

QString readPrefix(QSqlDatabase &db)
{
    Statement q = prepareOrThrow(db, L("SELECT prefix FROM installation WHERE id = 1"));
    execOrThrow(q, "read reference prefix");
    return q.next() ? q.value(0).toString() : QString();
}

} // namespace

QString referencePrefix(QSqlDatabase &db)
{
    if (QString prefix = readPrefix(db); !prefix.isEmpty())
        return prefix;
    // Whoever inserts first wins; everyone reads the winner.
    Statement insert = prepareOrThrow(db, L("INSERT INTO installation (id, prefix) VALUES (1, "
                                            ":p) ON CONFLICT (id) DO NOTHING"));
    insert.bindValue(QStringLiteral(":p"), randomPrefix());
    execOrThrow(insert, "store reference prefix");
    const QString prefix = readPrefix(db);
    if (prefix.isEmpty())
        throw StorageError(QStringLiteral("the orders store has no reference prefix"));
    return prefix;
}

QString renewReferencePrefix(QSqlDatabase &db)
{
    Statement q = prepareOrThrow(db, L("INSERT INTO installation (id, prefix) VALUES (1, :p) ON "
                                       "CONFLICT (id) DO UPDATE SET prefix = excluded.prefix"));
    q.bindValue(QStringLiteral(":p"), randomPrefix());
    execOrThrow(q, "renew reference prefix");
    return readPrefix(db);
}

QString referenceBase(QSqlDatabase &db, qint64 orderId)
{
    return QStringLiteral("HT") + referencePrefix(db) + QStringLiteral("_%1").arg(orderId);
}

std::optional<KeyedOrder> orderByKey(const QSqlDatabase &db, qint64 userId, const QString &key)
{
    Statement q = prepareOrThrow(db, L("SELECT id, request_hash FROM orders WHERE user_id = :u "
                                       "AND idempotency_key = :k"));
    q.bindValue(QStringLiteral(":u"), userId);
    q.bindValue(QStringLiteral(":k"), key);
    execOrThrow(q, "read order by idempotency key");
    if (!q.next())
        return std::nullopt;
    return KeyedOrder{q.value(0).toLongLong(), q.value(1).toString()};
}

void insertOrder(QSqlDatabase &db, Order &o)
{
    Statement head = prepareOrThrow(
        db, L("INSERT INTO orders (user_id, username, status, total_minor, currency, "
              "rule_set_version, rate_snapshot, quote, address, coupons, idempotency_key, "
              "request_hash, created_at, updated_at, expires_at) VALUES (:u, :un, :st, :t, :c, "
              ":rv, :rs, :q, :a, :cp, :k, :h, :ca, :ua, :ea) RETURNING id"));
    head.bindValue(QStringLiteral(":u"), o.userId);
    head.bindValue(QStringLiteral(":un"), text(o.username));
    head.bindValue(QStringLiteral(":st"), o.status);
    head.bindValue(QStringLiteral(":t"), o.total.minor());
    head.bindValue(QStringLiteral(":c"), o.total.currency().code());
    head.bindValue(QStringLiteral(":rv"), o.ruleSetVersion);
    head.bindValue(QStringLiteral(":rs"), o.rateSnapshot);
    head.bindValue(QStringLiteral(":q"), jsonText(o.quote));
    head.bindValue(QStringLiteral(":a"), jsonText(o.address));
    head.bindValue(QStringLiteral(":cp"), jsonText(o.coupons));
    head.bindValue(QStringLiteral(":k"), o.idempotencyKey);
    head.bindValue(QStringLiteral(":h"), o.requestHash);
    head.bindValue(QStringLiteral(":ca"), o.createdAtMs);
    head.bindValue(QStringLiteral(":ua"), o.updatedAtMs);
    head.bindValue(QStringLiteral(":ea"), o.expiresAtMs);
    execOrThrow(head, "insert order");
    if (!head.next())
        throw StorageError(QStringLiteral("insert order returned no id"));
    o.id = head.value(0).toLongLong();
    const QString base = referenceBase(db, o.id);

    for (int n = 0; n < o.subOrders.size(); ++n) {
        SubOrder &s = o.subOrders[n];
        s.orderId = o.id;
        // Stable and unique: the shop sees it with every create call for this sub-order.
        s.clientReference = base + QStringLiteral("-%1").arg(n + 1);
        Statement sub = prepareOrThrow(
            db, L("INSERT INTO sub_orders (order_id, site, status, total_minor, goods_minor, "
                  "goods_currency, client_reference, status_changed_at, created_at, updated_at) "
                  "VALUES (:o, :s, :st, :t, :g, :gc, :r, :sc, :ca, :ua) RETURNING id"));
        sub.bindValue(QStringLiteral(":o"), o.id);
        sub.bindValue(QStringLiteral(":s"), s.site);
        sub.bindValue(QStringLiteral(":st"), s.status);
        sub.bindValue(QStringLiteral(":t"), s.total.minor());
        sub.bindValue(QStringLiteral(":g"), s.goods.minor());
        sub.bindValue(QStringLiteral(":gc"), s.goods.currency().code());
        sub.bindValue(QStringLiteral(":r"), s.clientReference);
        sub.bindValue(QStringLiteral(":sc"), o.createdAtMs);
        sub.bindValue(QStringLiteral(":ca"), o.createdAtMs);
        sub.bindValue(QStringLiteral(":ua"), o.createdAtMs);
        execOrThrow(sub, "insert sub-order");
        if (!sub.next())
            throw StorageError(QStringLiteral("insert sub-order returned no id"));
        s.id = sub.value(0).toLongLong();
        for (OrderLine &l : s.lines) {
            l.orderId = o.id;
            l.subOrderId = s.id;
            Statement line = prepareOrThrow(
                db, L("INSERT INTO order_lines (order_id, sub_order_id, sku_id, product_id, "
                      "merchant_sku, title, title_zh, source_url, quantity, unit_price_minor, "
                      "unit_currency, total_cny_minor) VALUES (:o, :s, :k, :p, :m, :t, :tz, :u, "
                      ":q, :up, :uc, :tc) RETURNING id"));
            line.bindValue(QStringLiteral(":o"), o.id);
            line.bindValue(QStringLiteral(":s"), s.id);
            line.bindValue(QStringLiteral(":k"), l.skuId);
            line.bindValue(QStringLiteral(":p"), l.productId);
            line.bindValue(QStringLiteral(":m"), text(l.merchantSku));
            line.bindValue(QStringLiteral(":t"), text(l.title));
            line.bindValue(QStringLiteral(":tz"), text(l.titleZh));
            line.bindValue(QStringLiteral(":u"), text(l.sourceUrl));
            line.bindValue(QStringLiteral(":q"), l.quantity);
            line.bindValue(QStringLiteral(":up"), l.unitPrice.minor());
            line.bindValue(QStringLiteral(":uc"), l.unitPrice.currency().code());
            line.bindValue(QStringLiteral(":tc"), l.total.minor());
            execOrThrow(line, "insert order line");
            if (!line.next())
                throw StorageError(QStringLiteral("insert order line returned no id"));
            l.id = line.value(0).toLongLong();
        }
    }
}

std::optional<Order> order(const QSqlDatabase &db, qint64 id)
{
    Statement q =
        prepareOrThrow(db, L("SELECT %1 FROM orders WHERE id = :id").arg(L(kOrderColumns)));
    q.bindValue(QStringLiteral(":id"), id);
    execOrThrow(q, "read order");
    if (!q.next())
        return std::nullopt;
    Order o = readOrder(q.query(), true);
    attachDetails(db, o, true, true);
    return o;
}

std::optional<qint64> orderOwner(const QSqlDatabase &db, qint64 id)
{
    Statement q = prepareOrThrow(db, L("SELECT user_id FROM orders WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), id);
    execOrThrow(q, "read order owner");
    if (!q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

Page<Order> listOrders(const QSqlDatabase &db, const OrderFilter &f)
{
    QString where = L("WHERE 1 = 1");
    if (f.userId)
        where += L(" AND user_id = :u");
    if (!f.orderStatus.isEmpty())
        where += L(" AND status = :st");
    if (!f.subOrderStatus.isEmpty())
        where += L(" AND EXISTS (SELECT 1 FROM sub_orders s WHERE s.order_id = orders.id AND "
                   "s.status = :sst)");
    if (!f.site.isEmpty())
        where += L(" AND EXISTS (SELECT 1 FROM sub_orders s2 WHERE s2.order_id = orders.id AND "
                   "s2.site = :site)");
    if (!f.customer.isEmpty())
        where += L(" AND username = :cu");
    if (f.createdBeforeMs)
        where += L(" AND created_at <= :cb");
    if (f.beforeId > 0)
        where += L(" AND id < :before");
    Statement q = prepareOrThrow(
        db, L("SELECT %1 FROM orders %2 ORDER BY id DESC LIMIT :lim").arg(L(kOrderColumns), where));
    if (f.userId)
        q.bindValue(QStringLiteral(":u"), *f.userId);
    if (!f.orderStatus.isEmpty())
        q.bindValue(QStringLiteral(":st"), f.orderStatus);
    if (!f.subOrderStatus.isEmpty())
        q.bindValue(QStringLiteral(":sst"), f.subOrderStatus);
    if (!f.site.isEmpty())
        q.bindValue(QStringLiteral(":site"), f.site);
    if (!f.customer.isEmpty())
        q.bindValue(QStringLiteral(":cu"), f.customer);
    if (f.createdBeforeMs)
        q.bindValue(QStringLiteral(":cb"), *f.createdBeforeMs);
    if (f.beforeId > 0)
        q.bindValue(QStringLiteral(":before"), f.beforeId);
    q.bindValue(QStringLiteral(":lim"), f.limit + 1);
    execOrThrow(q, "list orders");
    Page<Order> page = sql::readKeysetPage<Order>(
        q, f.limit, [](const QSqlQuery &row) { return readOrder(row, false); });
    for (Order &o : page.items)
        attachDetails(db, o, f.withDetails, f.withDetails);
    return page;
}

QList<OrderEvent> events(const QSqlDatabase &db, qint64 orderId)
{
    Statement q = prepareOrThrow(db, L("SELECT at, actor, sub_order_id, from_status, to_status, "
                                       "reason FROM order_events WHERE order_id = :o ORDER BY id"));
    q.bindValue(QStringLiteral(":o"), orderId);
    execOrThrow(q, "read order events");
    QList<OrderEvent> out;
    while (q.next()) {
        OrderEvent e;
        e.atMs = q.value(0).toLongLong();
        e.actor = q.value(1).toString();
        e.subOrderId = optionalLong(q.value(2));
        e.from = q.value(3).toString();
        e.to = q.value(4).toString();
        e.reason = q.value(5).toString();
        out.append(e);
    }
    return out;
}

bool hasPaidOrder(const QSqlDatabase &db, qint64 userId)
{
    Statement q = prepareOrThrow(
        db, L("SELECT 1 FROM orders WHERE user_id = :u AND paid_at IS NOT NULL LIMIT 1"));
    q.bindValue(QStringLiteral(":u"), userId);
    execOrThrow(q, "read order history");
    return q.next();
}

QList<qint64> dueExpiries(const QSqlDatabase &db, qint64 nowMs, int limit)
{
    Statement q = prepareOrThrow(db, L("SELECT id FROM orders WHERE status = 'pending_payment' "
                                       "AND expires_at <= :n ORDER BY expires_at LIMIT :lim"));
    q.bindValue(QStringLiteral(":n"), nowMs);
    q.bindValue(QStringLiteral(":lim"), limit);
    execOrThrow(q, "read due expiries");
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

void setPaidAt(QSqlDatabase &db, qint64 orderId, qint64 atMs)
{
    Statement q = prepareOrThrow(db, L("UPDATE orders SET paid_at = :p WHERE id = :id"));
    q.bindValue(QStringLiteral(":p"), atMs);
    q.bindValue(QStringLiteral(":id"), orderId);
    execOrThrow(q, "set order paid time");
}

QList<OrderLine> linesOfSubOrder(const QSqlDatabase &db, qint64 subOrderId)
{
    Statement q = prepareOrThrow(
        db,
        L("SELECT %1 FROM order_lines WHERE sub_order_id = :id ORDER BY id").arg(L(kLineColumns)));
    q.bindValue(QStringLiteral(":id"), subOrderId);
    execOrThrow(q, "read sub-order lines");
    QList<OrderLine> lines;
    while (q.next())
        lines.append(readLine(q.query()));
    return lines;
}

std::optional<SubOrder> subOrder(const QSqlDatabase &db, qint64 id)
{
    Statement q =
        prepareOrThrow(db, L("SELECT %1 FROM sub_orders WHERE id = :id").arg(L(kSubOrderColumns)));
    q.bindValue(QStringLiteral(":id"), id);
    execOrThrow(q, "read sub-order");
    if (!q.next())
        return std::nullopt;
    return readSubOrder(q.query());
}

std::optional<Payment> openPayment(const QSqlDatabase &db, qint64 orderId)
{
    Statement q = prepareOrThrow(db, L("SELECT %1 FROM payments WHERE order_id = :o AND status = "
                                       "'created' ORDER BY id DESC LIMIT 1")
                                         .arg(L(kPaymentColumns)));
    q.bindValue(QStringLiteral(":o"), orderId);
    return onePayment(q);
}

std::optional<Payment> paidPayment(const QSqlDatabase &db, qint64 orderId)
{
    Statement q = prepareOrThrow(db, L("SELECT %1 FROM payments WHERE order_id = :o AND status <> "
                                       "'created' ORDER BY id LIMIT 1")
                                         .arg(L(kPaymentColumns)));
    q.bindValue(QStringLiteral(":o"), orderId);
    return onePayment(q);
}

std::optional<Payment> payment(const QSqlDatabase &db, qint64 id)
{
    Statement q =
        prepareOrThrow(db, L("SELECT %1 FROM payments WHERE id = :id").arg(L(kPaymentColumns)));
    q.bindValue(QStringLiteral(":id"), id);
    return onePayment(q);
}

std::optional<Payment> paymentByTrade(const QSqlDatabase &db, const QString &outTradeNo)
{
    Statement q = prepareOrThrow(
        db, L("SELECT %1 FROM payments WHERE out_trade_no = :t").arg(L(kPaymentColumns)));
    q.bindValue(QStringLiteral(":t"), outTradeNo);
    return onePayment(q);
}

void insertPayment(QSqlDatabase &db, Payment &p)
{
    // The id is not known before the insert: a placeholder first, then the number built
    // from it (unique, and readable in the gateway's console).
    const QString placeholder = QUuid::createUuid().toString(QUuid::WithoutBraces);
    Statement q = prepareOrThrow(
        db, L("INSERT INTO payments (order_id, provider, out_trade_no, amount_minor, currency, "
              "status, created_at) VALUES (:o, :p, :t, :a, :c, 'created', :ca) RETURNING id"));
    q.bindValue(QStringLiteral(":o"), p.orderId);
    q.bindValue(QStringLiteral(":p"), p.provider);
    q.bindValue(QStringLiteral(":t"), placeholder);
    q.bindValue(QStringLiteral(":a"), p.amount.minor());
    q.bindValue(QStringLiteral(":c"), p.amount.currency().code());
    q.bindValue(QStringLiteral(":ca"), p.createdAtMs);
    execOrThrow(q, "insert payment");
    if (!q.next())
        throw StorageError(QStringLiteral("insert payment returned no id"));
    p.id = q.value(0).toLongLong();
    p.status = QStringLiteral("created");
    p.outTradeNo = referenceBase(db, p.orderId) + QStringLiteral("P%1").arg(p.id);
    Statement number =
        prepareOrThrow(db, L("UPDATE payments SET out_trade_no = :t WHERE id = :id"));
    number.bindValue(QStringLiteral(":t"), p.outTradeNo);
    number.bindValue(QStringLiteral(":id"), p.id);
    execOrThrow(number, "number payment");
}

void setPaymentGateway(QSqlDatabase &db, qint64 paymentId, const QString &gatewayPaymentId,
                       const QString &payUrl)
{
    Statement q = prepareOrThrow(
        db, L("UPDATE payments SET gateway_payment_id = :g, pay_url = :u WHERE id = :id"));
    q.bindValue(QStringLiteral(":g"), text(gatewayPaymentId));
    q.bindValue(QStringLiteral(":u"), text(payUrl));
    q.bindValue(QStringLiteral(":id"), paymentId);
    execOrThrow(q, "store gateway payment");
}

void setGatewayPaymentIdIfMissing(QSqlDatabase &db, qint64 paymentId,
                                  const QString &gatewayPaymentId)
{
    Statement q = prepareOrThrow(db, L("UPDATE payments SET gateway_payment_id = :g WHERE id = "
                                       ":id AND gateway_payment_id = ''"));
    q.bindValue(QStringLiteral(":g"), text(gatewayPaymentId));
    q.bindValue(QStringLiteral(":id"), paymentId);
    execOrThrow(q, "store gateway payment id");
}

bool markPaymentPaid(QSqlDatabase &db, qint64 paymentId, qint64 atMs)
{
    Statement q = prepareOrThrow(db, L("UPDATE payments SET status = 'paid', paid_at = :p "
                                       "WHERE id = :id AND status = 'created'"));
    q.bindValue(QStringLiteral(":p"), atMs);
    q.bindValue(QStringLiteral(":id"), paymentId);
    execOrThrow(q, "mark payment paid");
    return q.query().numRowsAffected() == 1;
}

void setPaymentStatus(QSqlDatabase &db, qint64 paymentId, const QString &status)
{
    Statement q = prepareOrThrow(db, L("UPDATE payments SET status = :s WHERE id = :id"));
    q.bindValue(QStringLiteral(":s"), status);
    q.bindValue(QStringLiteral(":id"), paymentId);
    execOrThrow(q, "set payment status");
}

void recordNotification(QSqlDatabase &db, const Notification &n)
{
    Statement q = prepareOrThrow(
        db, L("INSERT INTO payment_notifications (provider, received_at, address, outcome, "
              "reason, out_trade_no, body) VALUES (:p, :r, :a, :o, :re, :t, :b)"));
    q.bindValue(QStringLiteral(":p"), text(n.provider));
    q.bindValue(QStringLiteral(":r"), n.receivedAtMs);
    q.bindValue(QStringLiteral(":a"), text(n.address));
    q.bindValue(QStringLiteral(":o"), n.outcome);
    q.bindValue(QStringLiteral(":re"), text(n.reason));
    q.bindValue(QStringLiteral(":t"), text(n.outTradeNo));
    q.bindValue(QStringLiteral(":b"), text(n.body));
    execOrThrow(q, "record payment notification");
}

QList<Notification> notifications(const QSqlDatabase &db, const QString &outTradeNo)
{
    Statement q = prepareOrThrow(db, L("SELECT provider, received_at, address, outcome, reason, "
                                       "out_trade_no, body FROM payment_notifications WHERE "
                                       "out_trade_no = :t ORDER BY id"));
    q.bindValue(QStringLiteral(":t"), outTradeNo);
    execOrThrow(q, "read payment notifications");
    QList<Notification> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toString(),
                    q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                    q.value(6).toString()});
    return out;
}

qint64 insertRefund(QSqlDatabase &db, const Refund &r, qint64 dueAtMs)
{
    Statement q = prepareOrThrow(
        db, L("INSERT INTO refunds (order_id, sub_order_id, payment_id, refund_no, amount_minor, "
              "currency, status, reason, actor, created_at, updated_at, next_attempt_at) VALUES "
              "(:o, :s, :p, :n, :a, :c, 'pending', :r, :ac, :ca, :ua, :due) RETURNING id"));
    q.bindValue(QStringLiteral(":due"), dueAtMs);
    q.bindValue(QStringLiteral(":o"), r.orderId);
    q.bindValue(QStringLiteral(":s"), nullable(r.subOrderId));
    q.bindValue(QStringLiteral(":p"), r.paymentId);
    q.bindValue(QStringLiteral(":n"), r.refundNo);
    q.bindValue(QStringLiteral(":a"), r.amount.minor());
    q.bindValue(QStringLiteral(":c"), r.amount.currency().code());
    q.bindValue(QStringLiteral(":r"), text(r.reason));
    q.bindValue(QStringLiteral(":ac"), text(r.actor));
    q.bindValue(QStringLiteral(":ca"), r.createdAtMs);
    q.bindValue(QStringLiteral(":ua"), r.createdAtMs);
    execOrThrow(q, "insert refund");
    if (!q.next())
        throw StorageError(QStringLiteral("insert refund returned no id"));
    return q.value(0).toLongLong();
}

std::optional<Refund> refund(const QSqlDatabase &db, qint64 id)
{
    Statement q =
        prepareOrThrow(db, L("SELECT %1 FROM refunds WHERE id = :id").arg(L(kRefundColumns)));
    q.bindValue(QStringLiteral(":id"), id);
    execOrThrow(q, "read refund");
    if (!q.next())
        return std::nullopt;
    return readRefund(q.query());
}

QList<Refund> dueRefunds(const QSqlDatabase &db, qint64 nowMs, int limit)
{
    Statement q = prepareOrThrow(db, L("SELECT %1 FROM refunds WHERE status = 'pending' AND "
                                       "next_attempt_at <= :now ORDER BY next_attempt_at, id "
                                       "LIMIT :lim")
                                         .arg(L(kRefundColumns)));
    q.bindValue(QStringLiteral(":now"), nowMs);
    q.bindValue(QStringLiteral(":lim"), limit);
    execOrThrow(q, "read pending refunds");
    QList<Refund> out;
    while (q.next())
        out.append(readRefund(q.query()));
    return out;
}

void deferRefund(QSqlDatabase &db, qint64 id, qint64 dueAtMs)
{
    Statement q = prepareOrThrow(db, L("UPDATE refunds SET next_attempt_at = :d WHERE id = :id "
                                       "AND status = 'pending'"));
    q.bindValue(QStringLiteral(":d"), dueAtMs);
    q.bindValue(QStringLiteral(":id"), id);
    execOrThrow(q, "defer refund");
}

void setRefundResult(QSqlDatabase &db, qint64 id, const QString &status,
                     const QString &gatewayRefundId, qint64 atMs)
{
    Statement q = prepareOrThrow(db, L("UPDATE refunds SET status = :s, gateway_refund_id = :g, "
                                       "updated_at = :u WHERE id = :id AND status = 'pending'"));
    q.bindValue(QStringLiteral(":s"), status);
    q.bindValue(QStringLiteral(":g"), text(gatewayRefundId));
    q.bindValue(QStringLiteral(":u"), atMs);
    q.bindValue(QStringLiteral(":id"), id);
    execOrThrow(q, "store refund result");
}

qint64 refundedMinor(const QSqlDatabase &db, qint64 paymentId)
{
    Statement q = prepareOrThrow(db, L("SELECT COALESCE(SUM(amount_minor), 0) FROM refunds WHERE "
                                       "payment_id = :p AND status <> 'failed'"));
    q.bindValue(QStringLiteral(":p"), paymentId);
    execOrThrow(q, "sum refunds");
    return q.next() ? q.value(0).toLongLong() : 0;
}

QList<CartRow> cart(const QSqlDatabase &db, qint64 userId)
{
    Statement q = prepareOrThrow(db, L("SELECT sku_id, quantity, seen_price_minor, seen_currency, "
                                       "seen_available, seen_listed FROM cart_items WHERE "
                                       "user_id = :u ORDER BY added_at, sku_id"));
    q.bindValue(QStringLiteral(":u"), userId);
    execOrThrow(q, "read cart");
    QList<CartRow> out;
    while (q.next()) {
        CartRow r;
        r.skuId = q.value(0).toLongLong();
        r.quantity = q.value(1).toLongLong();
        const auto currency = Currency::fromCode(q.value(3).toString());
        if (!q.value(2).isNull() && currency)
            r.seenPrice = Money(q.value(2).toLongLong(), *currency);
        r.seenAvailable = q.value(4).toLongLong() != 0;
        r.seenListed = q.value(5).toLongLong() != 0;
        out.append(r);
    }
    return out;
}

void putCartItem(QSqlDatabase &db, qint64 userId, qint64 skuId, qint64 quantity,
                 const Money &seenPrice, qint64 atMs)
{
    // What the customer saw when adding is what later changes are measured against; a new
    // quantity keeps it.
    Statement q = prepareOrThrow(
        db, L("INSERT INTO cart_items (user_id, sku_id, quantity, seen_price_minor, "
              "seen_currency, seen_available, seen_listed, added_at, updated_at) VALUES (:u, :k, "
              ":q, :p, :c, 1, 1, :a, :up) ON CONFLICT (user_id, sku_id) DO UPDATE SET quantity = "
              "excluded.quantity, updated_at = excluded.updated_at"));
    q.bindValue(QStringLiteral(":u"), userId);
    q.bindValue(QStringLiteral(":k"), skuId);
    q.bindValue(QStringLiteral(":q"), quantity);
    q.bindValue(QStringLiteral(":p"), seenPrice.minor());
    q.bindValue(QStringLiteral(":c"), seenPrice.currency().code());
    q.bindValue(QStringLiteral(":a"), atMs);
    q.bindValue(QStringLiteral(":up"), atMs);
    execOrThrow(q, "put cart item");
}

void removeCartItem(QSqlDatabase &db, qint64 userId, qint64 skuId)
{
    Statement q =
        prepareOrThrow(db, L("DELETE FROM cart_items WHERE user_id = :u AND sku_id = :k"));
    q.bindValue(QStringLiteral(":u"), userId);
    q.bindValue(QStringLiteral(":k"), skuId);
    execOrThrow(q, "remove cart item");
}

void markSeen(QSqlDatabase &db, qint64 userId, const CartRow &seen)
{
    Statement q = prepareOrThrow(
        db, L("UPDATE cart_items SET seen_price_minor = :p, seen_currency = :c, seen_available = "
              ":a, seen_listed = :l WHERE user_id = :u AND sku_id = :k"));
    q.bindValue(QStringLiteral(":p"),
                seen.seenPrice ? QVariant(seen.seenPrice->minor()) : QVariant());
    q.bindValue(QStringLiteral(":c"),
                seen.seenPrice ? seen.seenPrice->currency().code() : QStringLiteral(""));
    q.bindValue(QStringLiteral(":a"), seen.seenAvailable ? 1 : 0);
    q.bindValue(QStringLiteral(":l"), seen.seenListed ? 1 : 0);
    q.bindValue(QStringLiteral(":u"), userId);
    q.bindValue(QStringLiteral(":k"), seen.skuId);
    execOrThrow(q, "record what the cart showed");
}

} // namespace haitao::server::orders::orderstore
