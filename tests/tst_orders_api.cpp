// The customer's order flow over real HTTP against haitao-sim: the cart (priced, and what
// changed since the last look), checkout split per site with Idempotency-Key replay,
// mismatch and races, payments through the sim's gateway and forged, replayed or wrong
// notifications, no existence leaks, cancel with refund, expiry of unpaid orders, and the
// staff views.
#include "backend/http/apierror.h"
#include "backend/orders/orderschema.h"
#include "backend/orders/orderservice.h"
#include "backend/orders/orderstore.h"
#include "backend/orders/paymentsignature.h"
#include "backend/storage/auditlog.h"
#include "backend/storage/database.h"
#include "backend/storage/migrations.h"
#include "core/problem.h"
#include "tests/support/orderfixture.h"
#include "tests/support/rawjson.h"
#include "tests/support/testdb.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>
#include <thread>

using namespace haitao;
using haitao::testing::body;
using haitao::testing::compact;
using haitao::testing::describe;
using haitao::testing::OrderFixture;
using haitao::testing::SyncClient;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

const QByteArray kSecret = "sim-pay-demo-secret";

qint64 minor(const QJsonValue &money)
{
    return money.toObject().value(QStringLiteral("minor")).toInteger();
}

QString currency(const QJsonValue &money)
{
    return money.toObject().value(QStringLiteral("currency")).toString();
}

QJsonObject orderBody(const QList<QPair<qint64, int>> &lines)
{
    QJsonArray array;
    for (const auto &[sku, quantity] : lines)
        array.append(
            QJsonObject{{QStringLiteral("skuId"), sku}, {QStringLiteral("quantity"), quantity}});
    return {{QStringLiteral("lines"), array},
            {QStringLiteral("address"), OrderFixture::testAddress()},
            {QStringLiteral("coupons"), QJsonArray()}};
}

} // namespace

class TstOrdersApi : public QObject
{
    Q_OBJECT

    std::shared_ptr<std::atomic<qint64>> m_offset = std::make_shared<std::atomic<qint64>>(0);
    std::unique_ptr<OrderFixture> m_fixture;
    int m_customers = 0;

    // A new customer per test: tests share the server, never each other's carts or orders.
    std::unique_ptr<SyncClient> newCustomer(QString *name = nullptr)
    {
        const QString username = QStringLiteral("customer%1").arg(++m_customers);
        m_fixture->createCustomer(username);
        if (name)
            *name = username;
        return m_fixture->client(username, OrderFixture::customerPassword());
    }

    client::RawResponse postOrder(SyncClient &c, const QJsonObject &request, const QByteArray &key)
    {
        Headers h{{"Content-Type", "application/json"}};
        if (!key.isEmpty())
            h.append({"Idempotency-Key", key});
        return c.raw("POST", QStringLiteral("/api/v1/orders"), compact(request), h);
    }

    client::RawResponse putCart(SyncClient &c, qint64 sku, int quantity)
    {
        return c.raw("PUT", QStringLiteral("/api/v1/cart/items/%1").arg(sku),
                     compact({{QStringLiteral("quantity"), quantity}}),
                     {{"Content-Type", "application/json"}});
    }

    QJsonObject getOrder(SyncClient &c, qint64 id)
    {
        return body(c.raw("GET", QStringLiteral("/api/v1/orders/%1").arg(id)));
    }

    qint64 sku(const QString &site, int n = 0)
    {
        const QList<qint64> ids = m_fixture->publishedSkuIds(site);
        return ids.size() > n ? ids.at(n) : 0;
    }

    // A notification as the gateway would send it, signed with `secret`.
    client::RawResponse notify(const QJsonObject &notification, const QByteArray &secret = kSecret)
    {
        const QByteArray raw = compact(notification);
        SyncClient gateway(m_fixture->server().url());
        return gateway.raw("POST", QStringLiteral("/api/v1/payments/notify/simpay"), raw,
                           {{"Content-Type", "application/json"},
                            {"X-Signature", server::orders::paymentSignature(secret, raw)}});
    }

    QJsonObject paidNotification(const QJsonObject &payment, qint64 amountMinor,
                                 const QString &currencyCode = QStringLiteral("CNY"))
    {
        return {{QStringLiteral("provider"), QStringLiteral("simpay")},
                {QStringLiteral("notifyId"), QStringLiteral("T%1").arg(amountMinor)},
                {QStringLiteral("paymentId"), payment.value(QStringLiteral("paymentId"))},
                {QStringLiteral("outTradeNo"), payment.value(QStringLiteral("outTradeNo"))},
                {QStringLiteral("amount"), QJsonObject{{QStringLiteral("minor"), amountMinor},
                                                       {QStringLiteral("currency"), currencyCode}}},
                {QStringLiteral("status"), QStringLiteral("paid")},
                {QStringLiteral("paidAt"), QStringLiteral("2026-11-25T10:00:00Z")}};
    }

    server::orders::OrderService &orders() { return m_fixture->server().server().orders(); }

    // A refund row as the service writes it, due for the job at `dueAtMs`.
    qint64 addRefund(const server::orders::Payment &payment, const QString &refundNo,
                     qint64 amountMinor, qint64 dueAtMs)
    {
        server::orders::Refund r;
        r.orderId = payment.orderId;
        r.paymentId = payment.id;
        r.refundNo = refundNo;
        r.amount = Money(amountMinor, Currency::cny());
        r.reason = QStringLiteral("test refund");
        r.actor = QStringLiteral("test");
        r.createdAtMs = QDateTime::currentMSecsSinceEpoch();
        qint64 id = 0;
        orders().database().write([&](QSqlDatabase &db) {
            id = server::orders::orderstore::insertRefund(db, r, dueAtMs);
        });
        return id;
    }

    QString refundStatus(qint64 id)
    {
        const auto r = server::orders::orderstore::refund(orders().database().writer(), id);
        return r ? r->status : QString();
    }

    QString referenceBase(qint64 orderId)
    {
        QSqlDatabase db = orders().database().writer();
        return server::orders::orderstore::referenceBase(db, orderId);
    }

    QList<server::orders::orderstore::Notification> notificationsOf(const QString &outTradeNo)
    {
        return server::orders::orderstore::notifications(
            m_fixture->server().server().orders().database().writer(), outTradeNo);
    }

    QJsonObject simPayment(const QString &outTradeNo)
    {
        SyncClient sim(m_fixture->simUrl());
        for (const QJsonValue &v : body(sim.raw("GET", QStringLiteral("/__sim/payments")))
                                       .value(QStringLiteral("items"))
                                       .toArray()) {
            if (v.toObject().value(QStringLiteral("outTradeNo")).toString() == outTradeNo)
                return v.toObject();
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        if (haitao::testing::postgresRequiredButMissing())
            QSKIP("no PostgreSQL configured: scripts/test starts one and sets HAITAO_TEST_PG_URL");
        server::Config config;
        auto offset = m_offset;
        config.clock = [offset] { return QDateTime::currentMSecsSinceEpoch() + offset->load(); };
        config.placementWorkers = 0; // these tests look at orders before placement
        config.orderExpiryMinutes = 30;
        m_fixture = std::make_unique<OrderFixture>(config);
        QVERIFY(m_fixture->start());
        QVERIFY(m_fixture->publishedSkuIds(QStringLiteral("amazon.com")).size() >= 20);
        QVERIFY(m_fixture->publishedSkuIds(QStringLiteral("amazon.co.jp")).size() >= 20);
        QVERIFY(m_fixture->publishedSkuIds(QStringLiteral("asos.com")).size() >= 20);
        m_fixture->server().createUser(QStringLiteral("opsuser"), QStringLiteral("ops password"),
                                       Role::Ops);
        m_fixture->server().createUser(QStringLiteral("translatoruser"),
                                       QStringLiteral("translator password"), Role::Translator);
    }

    void cleanupTestCase() { m_fixture.reset(); }

    void cartAddsChangesRemovesAndPrices()
    {
        auto c = newCustomer();
        const qint64 us = sku(QStringLiteral("amazon.com"));
        const qint64 jp = sku(QStringLiteral("amazon.co.jp"));
        auto r = c->raw("GET", QStringLiteral("/api/v1/cart"));
        QCOMPARE(r.status, 200);
        QVERIFY(body(r).value(QStringLiteral("items")).toArray().isEmpty());
        QVERIFY(body(r).value(QStringLiteral("quote")).isNull());

        QCOMPARE(putCart(*c, us, 2).status, 200);
        r = putCart(*c, jp, 1);
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QJsonObject cart = body(r);
        QJsonArray items = cart.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 2);
        const QJsonObject first = items.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("skuId")).toInteger(), us);
        QCOMPARE(first.value(QStringLiteral("quantity")).toInteger(), 2);
        QCOMPARE(first.value(QStringLiteral("site")).toString(), QStringLiteral("amazon.com"));
        QCOMPARE(currency(first.value(QStringLiteral("unitPrice"))), QStringLiteral("USD"));
        QVERIFY(!first.value(QStringLiteral("titleZh")).toString().isEmpty());
        QVERIFY(first.value(QStringLiteral("available")).toBool());
        QVERIFY(first.value(QStringLiteral("changes")).toArray().isEmpty());
        // Priced live: the quote covers both lines in CNY.
        const QJsonObject quote = cart.value(QStringLiteral("quote")).toObject();
        QCOMPARE(quote.value(QStringLiteral("lines")).toArray().size(), 2);
        QCOMPARE(currency(quote.value(QStringLiteral("total"))), QStringLiteral("CNY"));
        QVERIFY(minor(quote.value(QStringLiteral("total"))) > 0);
        QVERIFY(cart.value(QStringLiteral("quoteError")).isNull());

        // A new quantity replaces the old one; 0 removes; removing twice is fine.
        r = putCart(*c, us, 5);
        QCOMPARE(body(r)
                     .value(QStringLiteral("items"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("quantity")),
                 QJsonValue(5));
        r = putCart(*c, jp, 0);
        QCOMPARE(body(r).value(QStringLiteral("items")).toArray().size(), 1);
        QCOMPARE(putCart(*c, jp, 0).status, 200);
        // Bad quantities and SKUs that are not for sale.
        QCOMPARE(putCart(*c, us, 100).status, 422);
        QCOMPARE(putCart(*c, us, -1).status, 422);
        QCOMPARE(putCart(*c, 99999999, 1).status, 404);
        // The cart follows the customer to another device.
        auto other = m_fixture->client(QStringLiteral("customer%1").arg(m_customers),
                                       OrderFixture::customerPassword());
        QCOMPARE(body(other->raw("GET", QStringLiteral("/api/v1/cart")))
                     .value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 1);
        // Nobody else sees it.
        auto stranger = newCustomer();
        QVERIFY(body(stranger->raw("GET", QStringLiteral("/api/v1/cart")))
                    .value(QStringLiteral("items"))
                    .toArray()
                    .isEmpty());
    }

    void cartSaysWhatChangedSinceTheLastLook()
    {
        auto admin = m_fixture->admin();
        // A product with one SKU on amazon.com, so that its sim price is the SKU's price.
        SyncClient anyone(m_fixture->server().url());
        QJsonObject product;
        for (const QJsonValue &v :
             body(anyone.raw("GET", QStringLiteral("/api/v1/products?site=amazon.com&limit=200")))
                 .value(QStringLiteral("items"))
                 .toArray()) {
            if (v.toObject().value(QStringLiteral("skus")).toArray().size() == 1) {
                product = v.toObject();
                break;
            }
        }
        QVERIFY(!product.isEmpty());
        const qint64 productId = product.value(QStringLiteral("id")).toInteger();
        const qint64 skuId = product.value(QStringLiteral("skus"))
                                 .toArray()
                                 .at(0)
                                 .toObject()
                                 .value(QStringLiteral("id"))
                                 .toInteger();
        const qint64 other = sku(QStringLiteral("asos.com"), 1);
        auto c = newCustomer();
        QCOMPARE(putCart(*c, skuId, 1).status, 200);
        QCOMPARE(putCart(*c, other, 1).status, 200);
        const qint64 before = minor(body(c->raw("GET", QStringLiteral("/api/v1/cart")))
                                        .value(QStringLiteral("items"))
                                        .toArray()
                                        .at(0)
                                        .toObject()
                                        .value(QStringLiteral("unitPrice")));

        // The shop's price changes and the feed is imported again.
        const QString sourceUrl =
            body(admin->raw("GET", QStringLiteral("/api/v1/catalog/products/%1").arg(productId)))
                .value(QStringLiteral("sourceUrl"))
                .toString();
        const QString simId = sourceUrl.section(u'/', -1).section(u'?', 0, 0);
        SyncClient sim(m_fixture->simUrl());
        const auto changed =
            sim.raw("POST", QStringLiteral("/__sim/shop/products/us/") + simId,
                    compact({{QStringLiteral("price"),
                              QStringLiteral("%1.%2")
                                  .arg((before + 1000) / 100)
                                  .arg((before + 1000) % 100, 2, 10, QLatin1Char('0'))}}),
                    {{"Content-Type", "application/json"}});
        QVERIFY2(changed.status == 200, qPrintable(describe(changed)));
        QVERIFY(m_fixture->importSite(*admin, QStringLiteral("us"), QStringLiteral("amazon.com")));

        QJsonObject cart = body(c->raw("GET", QStringLiteral("/api/v1/cart")));
        QJsonObject item = cart.value(QStringLiteral("items")).toArray().at(0).toObject();
        QJsonArray changes = item.value(QStringLiteral("changes")).toArray();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.at(0).toObject().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("price"));
        QCOMPARE(minor(changes.at(0).toObject().value(QStringLiteral("from"))), before);
        QCOMPARE(minor(changes.at(0).toObject().value(QStringLiteral("to"))), before + 1000);
        QCOMPARE(minor(item.value(QStringLiteral("unitPrice"))), before + 1000);
        // Seen now: the next look has nothing new to say.
        cart = body(c->raw("GET", QStringLiteral("/api/v1/cart")));
        QVERIFY(cart.value(QStringLiteral("items"))
                    .toArray()
                    .at(0)
                    .toObject()
                    .value(QStringLiteral("changes"))
                    .toArray()
                    .isEmpty());

        // Unpublished: still in the cart, not available, left out of the quote.
        const auto bulk =
            admin->raw("POST", QStringLiteral("/api/v1/catalog/products/bulk"),
                       compact({{QStringLiteral("ids"), QJsonArray{productId}},
                                {QStringLiteral("action"), QStringLiteral("transition")},
                                {QStringLiteral("to"), QStringLiteral("unpublished")}}),
                       {{"Content-Type", "application/json"}});
        QVERIFY2(bulk.status == 200, qPrintable(describe(bulk)));
        cart = body(c->raw("GET", QStringLiteral("/api/v1/cart")));
        item = cart.value(QStringLiteral("items")).toArray().at(0).toObject();
        QCOMPARE(item.value(QStringLiteral("available")).toBool(), false);
        changes = item.value(QStringLiteral("changes")).toArray();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.at(0).toObject().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("unpublished"));
        QCOMPARE(cart.value(QStringLiteral("quote"))
                     .toObject()
                     .value(QStringLiteral("lines"))
                     .toArray()
                     .size(),
                 1);
        // It cannot be ordered, and cannot be added again.
        QCOMPARE(postOrder(*c, orderBody({{skuId, 1}}), "unpublished-1").status, 422);
        QCOMPARE(putCart(*c, skuId, 2).status, 404);
    }

    void orderSplitsPerSiteAndKeepsTheQuote()
    {
        auto c = newCustomer();
        const qint64 us = sku(QStringLiteral("amazon.com"), 2);
        const qint64 us2 = sku(QStringLiteral("amazon.com"), 3);
        const qint64 jp = sku(QStringLiteral("amazon.co.jp"), 2);
        const qint64 uk = sku(QStringLiteral("asos.com"), 2);
        const auto r =
            postOrder(*c, orderBody({{us, 1}, {jp, 2}, {uk, 1}, {us2, 3}}), "split-order-1");
        QVERIFY2(r.status == 201, qPrintable(describe(r)));
        const QJsonObject o = body(r);
        const qint64 id = o.value(QStringLiteral("id")).toInteger();
        QCOMPARE(QString::fromUtf8(r.header("Location")),
                 QStringLiteral("/api/v1/orders/%1").arg(id));
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("pending_payment"));
        QCOMPARE(currency(o.value(QStringLiteral("total"))), QStringLiteral("CNY"));
        QVERIFY(o.value(QStringLiteral("paidAt")).isNull());
        QVERIFY(o.value(QStringLiteral("expiresAt")).toString() >
                o.value(QStringLiteral("createdAt")).toString());
        // The quote as priced is kept with its version and rate snapshot.
        const QJsonObject quote = o.value(QStringLiteral("quote")).toObject();
        QVERIFY(o.value(QStringLiteral("ruleSetVersion")).toInteger() >= 1);
        QVERIFY(o.value(QStringLiteral("rateSnapshot")).toInteger() > 0);
        QCOMPARE(quote.value(QStringLiteral("ruleSetVersion")),
                 o.value(QStringLiteral("ruleSetVersion")));
        QCOMPARE(quote.value(QStringLiteral("rateSnapshot")),
                 o.value(QStringLiteral("rateSnapshot")));
        QCOMPARE(minor(quote.value(QStringLiteral("total"))),
                 minor(o.value(QStringLiteral("total"))));
        QCOMPARE(o.value(QStringLiteral("address")).toObject(), OrderFixture::testAddress());

        // One sub-order per site; their totals add up to the order's exactly.
        const QJsonArray subs = o.value(QStringLiteral("subOrders")).toArray();
        QCOMPARE(subs.size(), 3);
        qint64 sum = 0;
        QHash<QString, QString> currencies{{QStringLiteral("amazon.com"), QStringLiteral("USD")},
                                           {QStringLiteral("amazon.co.jp"), QStringLiteral("JPY")},
                                           {QStringLiteral("asos.com"), QStringLiteral("GBP")}};
        for (const QJsonValue &v : subs) {
            const QJsonObject s = v.toObject();
            const QString site = s.value(QStringLiteral("site")).toString();
            QVERIFY2(currencies.contains(site), qPrintable(site));
            QCOMPARE(s.value(QStringLiteral("status")).toString(),
                     QStringLiteral("pending_payment"));
            QVERIFY(s.value(QStringLiteral("merchantOrderId")).isNull());
            QCOMPARE(currency(s.value(QStringLiteral("goods"))), currencies.value(site));
            QVERIFY(minor(s.value(QStringLiteral("total"))) > 0);
            sum += minor(s.value(QStringLiteral("total")));
            qint64 goods = 0;
            for (const QJsonValue &l : s.value(QStringLiteral("lines")).toArray()) {
                const QJsonObject line = l.toObject();
                QCOMPARE(currency(line.value(QStringLiteral("unitPrice"))), currencies.value(site));
                QCOMPARE(currency(line.value(QStringLiteral("total"))), QStringLiteral("CNY"));
                QVERIFY(!line.value(QStringLiteral("title")).toString().isEmpty());
                QVERIFY(!line.value(QStringLiteral("titleZh")).toString().isEmpty());
                QVERIFY(line.value(QStringLiteral("productId")).toInteger() > 0);
                goods += minor(line.value(QStringLiteral("unitPrice"))) *
                         line.value(QStringLiteral("quantity")).toInteger();
            }
            QCOMPARE(minor(s.value(QStringLiteral("goods"))), goods);
            if (site == QLatin1String("amazon.com"))
                QCOMPARE(s.value(QStringLiteral("lines")).toArray().size(), 2);
        }
        QCOMPARE(sum, minor(o.value(QStringLiteral("total"))));
        // The order reads back the same.
        const QJsonObject again = getOrder(*c, id);
        QCOMPARE(again.value(QStringLiteral("subOrders")), o.value(QStringLiteral("subOrders")));
        QCOMPARE(again.value(QStringLiteral("quote")), o.value(QStringLiteral("quote")));

        // Bad requests list every problem.
        const auto bad = postOrder(
            *c,
            {{QStringLiteral("lines"), QJsonArray{QJsonObject{{QStringLiteral("skuId"), us},
                                                              {QStringLiteral("quantity"), 0}}}},
             {QStringLiteral("address"), QJsonObject{{QStringLiteral("name"), QString()}}}},
            "bad-order-1");
        QCOMPARE(bad.status, 422);
        const QStringList fields = haitao::testing::errorFields(bad);
        QVERIFY2(fields.contains(QStringLiteral("lines[0].quantity")),
                 qPrintable(fields.join(u',')));
        QVERIFY2(fields.contains(QStringLiteral("address.name")), qPrintable(fields.join(u',')));
        QVERIFY2(fields.contains(QStringLiteral("address.phone")), qPrintable(fields.join(u',')));
    }

    void idempotencyKeyReplaysRefusesAndIsRequired()
    {
        auto c = newCustomer();
        const QJsonObject request = orderBody({{sku(QStringLiteral("amazon.com"), 4), 1}});
        const auto first = postOrder(*c, request, "key-replay-1");
        QVERIFY2(first.status == 201, qPrintable(describe(first)));
        QVERIFY(first.header("Idempotent-Replayed").isEmpty());
        const qint64 id = body(first).value(QStringLiteral("id")).toInteger();

        // The same key and body: the same order again, not a second one.
        const auto replay = postOrder(*c, request, "key-replay-1");
        QCOMPARE(replay.status, 201);
        QCOMPARE(replay.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(body(replay).value(QStringLiteral("id")).toInteger(), id);
        QCOMPARE(body(replay).value(QStringLiteral("total")),
                 body(first).value(QStringLiteral("total")));
        const auto list = c->raw("GET", QStringLiteral("/api/v1/orders"));
        QCOMPARE(body(list).value(QStringLiteral("items")).toArray().size(), 1);

        // The same key with another body is refused.
        const auto other =
            postOrder(*c, orderBody({{sku(QStringLiteral("amazon.com"), 4), 2}}), "key-replay-1");
        QCOMPARE(other.status, 422);
        QCOMPARE(haitao::testing::problemType(other),
                 QStringLiteral("urn:haitao:problem:idempotency-key-reused"));
        // No key at all; a key that is not printable ASCII.
        const auto missing = postOrder(*c, request, QByteArray());
        QCOMPARE(missing.status, 428);
        QCOMPARE(haitao::testing::problemType(missing),
                 problemTypeUri(ProblemKind::IdempotencyKeyMissing));
        QCOMPARE(postOrder(*c, request, QByteArray(256, 'k')).status, 422);
        // Keys are per customer: another customer's same key is a new order.
        auto c2 = newCustomer();
        const auto theirs = postOrder(*c2, request, "key-replay-1");
        QCOMPARE(theirs.status, 201);
        QVERIFY(body(theirs).value(QStringLiteral("id")).toInteger() != id);
        QVERIFY(theirs.header("Idempotent-Replayed").isEmpty());
    }

    void concurrentRequestsWithOneKeyMakeOneOrder()
    {
        QString name;
        auto c = newCustomer(&name);
        const QJsonObject request = orderBody(
            {{sku(QStringLiteral("amazon.com"), 5), 1}, {sku(QStringLiteral("asos.com"), 5), 1}});
        const QUrl url = m_fixture->server().url();
        for (int round = 0; round < 3; ++round) {
            const QByteArray key = "race-key-" + QByteArray::number(round);
            std::array<qint64, 2> ids{};
            std::array<int, 2> statuses{};
            std::vector<std::thread> threads;
            std::atomic<int> ready{0};
            for (int t = 0; t < 2; ++t) {
                threads.emplace_back([&, t] {
                    SyncClient client(url);
                    client.login(name, OrderFixture::customerPassword());
                    ++ready;
                    while (ready.load() < 2)
                        std::this_thread::yield();
                    const auto r = postOrder(client, request, key);
                    statuses[t] = r.status;
                    ids[t] = body(r).value(QStringLiteral("id")).toInteger();
                });
            }
            for (std::thread &t : threads)
                t.join();
            QCOMPARE(statuses[0], 201);
            QCOMPARE(statuses[1], 201);
            QVERIFY(ids[0] > 0);
            QCOMPARE(ids[0], ids[1]);
        }
        QCOMPARE(body(c->raw("GET", QStringLiteral("/api/v1/orders")))
                     .value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 3);
    }

    void orderFromCartEmptiesWhatWasOrdered()
    {
        auto c = newCustomer();
        const qint64 a = sku(QStringLiteral("amazon.co.jp"), 6);
        const qint64 b = sku(QStringLiteral("asos.com"), 6);
        QCOMPARE(putCart(*c, a, 2).status, 200);
        QCOMPARE(putCart(*c, b, 1).status, 200);
        const QJsonObject request{{QStringLiteral("fromCart"), true},
                                  {QStringLiteral("address"), OrderFixture::testAddress()}};
        const auto r = postOrder(*c, request, "from-cart-1");
        QVERIFY2(r.status == 201, qPrintable(describe(r)));
        const QJsonArray subs = body(r).value(QStringLiteral("subOrders")).toArray();
        QCOMPARE(subs.size(), 2);
        QCOMPARE(subs.at(0)
                     .toObject()
                     .value(QStringLiteral("lines"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("quantity")),
                 QJsonValue(2));
        QVERIFY(body(c->raw("GET", QStringLiteral("/api/v1/cart")))
                    .value(QStringLiteral("items"))
                    .toArray()
                    .isEmpty());
        // An empty cart orders nothing; lines and fromCart together make no sense.
        QCOMPARE(postOrder(*c, request, "from-cart-2").status, 422);
        QJsonObject both = orderBody({{a, 1}});
        both.insert(QStringLiteral("fromCart"), true);
        QCOMPARE(postOrder(*c, both, "from-cart-3").status, 422);
    }

    void paymentThroughTheSimPaysTheOrder()
    {
        auto c = newCustomer();
        const QJsonObject o = m_fixture->placeOrder(*c,
                                                    {{sku(QStringLiteral("amazon.com"), 7), 1},
                                                     {sku(QStringLiteral("amazon.co.jp"), 7), 1}},
                                                    QStringLiteral("pay-1"));
        const qint64 id = o.value(QStringLiteral("id")).toInteger();
        const QString path = QStringLiteral("/api/v1/orders/%1/payments").arg(id);
        const auto created = c->raw("POST", path);
        QVERIFY2(created.status == 201, qPrintable(describe(created)));
        const QJsonObject payment = body(created);
        QVERIFY(!payment.value(QStringLiteral("paymentId")).toString().isEmpty());
        QVERIFY(payment.value(QStringLiteral("payUrl"))
                    .toString()
                    .startsWith(m_fixture->simUrl().toString()));
        // Asking again answers the same open payment.
        QCOMPARE(body(c->raw("POST", path)).value(QStringLiteral("paymentId")),
                 payment.value(QStringLiteral("paymentId")));

        m_fixture->pay(*c, id);
        const QJsonObject paid = getOrder(*c, id);
        QCOMPARE(paid.value(QStringLiteral("status")).toString(), QStringLiteral("paid"));
        QVERIFY(!paid.value(QStringLiteral("paidAt")).isNull());
        for (const QJsonValue &s : paid.value(QStringLiteral("subOrders")).toArray())
            QCOMPARE(s.toObject().value(QStringLiteral("status")).toString(),
                     QStringLiteral("awaiting_placement"));
        const QJsonArray payments = paid.value(QStringLiteral("payments")).toArray();
        QCOMPARE(payments.size(), 1);
        QCOMPARE(payments.at(0).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("paid"));
        QCOMPARE(minor(payments.at(0).toObject().value(QStringLiteral("amount"))),
                 minor(o.value(QStringLiteral("total"))));
        // Paid orders are not paid again.
        QCOMPARE(c->raw("POST", path).status, 409);
        const auto recorded =
            notificationsOf(payment.value(QStringLiteral("outTradeNo")).toString());
        QVERIFY(!recorded.isEmpty());
        QCOMPARE(recorded.first().outcome, QStringLiteral("accepted"));

        // Staff see who moved it: the gateway.
        auto ops = m_fixture->client(QStringLiteral("opsuser"), QStringLiteral("ops password"));
        const QJsonObject detail =
            body(ops->raw("GET", QStringLiteral("/api/v1/admin/orders/%1").arg(id)));
        const QJsonArray events = detail.value(QStringLiteral("events")).toArray();
        QCOMPARE(events.size(), 3); // the order and its two sub-orders
        for (const QJsonValue &e : events)
            QCOMPARE(e.toObject().value(QStringLiteral("actor")).toString(),
                     QStringLiteral("gateway:simpay"));
        QCOMPARE(events.at(0).toObject().value(QStringLiteral("to")).toString(),
                 QStringLiteral("paid"));
        QVERIFY(events.at(0).toObject().value(QStringLiteral("subOrderId")).isNull());
    }

    void notificationsAreCheckedAndRecorded()
    {
        auto c = newCustomer();
        const QJsonObject o = m_fixture->placeOrder(*c, {{sku(QStringLiteral("asos.com"), 8), 1}},
                                                    QStringLiteral("notify-1"));
        const qint64 id = o.value(QStringLiteral("id")).toInteger();
        const qint64 total = minor(o.value(QStringLiteral("total")));
        const auto created = c->raw("POST", QStringLiteral("/api/v1/orders/%1/payments").arg(id));
        QVERIFY2(created.status == 201, qPrintable(describe(created)));
        const QJsonObject payment = body(created);
        const QString trade = payment.value(QStringLiteral("outTradeNo")).toString();
        const qsizetype forgedBefore = notificationsOf(QStringLiteral("")).size();
        client::RawResponse r0;

        // Too large for a notification: refused before anything is read or recorded, even
        // when signed.
        {
            QJsonObject padded = paidNotification(payment, total);
            padded.insert(QStringLiteral("padding"),
                          QString(server::orders::OrderService::kMaxNotificationBytes, u'x'));
            r0 = notify(padded);
        }
        QCOMPARE(r0.status, 413);
        QCOMPARE(notificationsOf(trade).size(), 0);
        QCOMPARE(notificationsOf(QStringLiteral("")).size(), forgedBefore);

        // Forged: signed with another secret; and no signature at all.
        auto r = notify(paidNotification(payment, total), "not-the-secret");
        QCOMPARE(r.status, 401);
        SyncClient anyone(m_fixture->server().url());
        r = anyone.raw("POST", QStringLiteral("/api/v1/payments/notify/simpay"),
                       compact(paidNotification(payment, total)),
                       {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 401);
        // Signed over other bytes than sent: the body was changed on the way.
        {
            const QByteArray signedBody = compact(paidNotification(payment, total));
            QByteArray sent = signedBody;
            sent.replace("\"status\":\"paid\"", "\"status\":\"paid\" ");
            r = anyone.raw(
                "POST", QStringLiteral("/api/v1/payments/notify/simpay"), sent,
                {{"Content-Type", "application/json"},
                 {"X-Signature", server::orders::paymentSignature(kSecret, signedBody)}});
            QCOMPARE(r.status, 401);
        }
        // Wrong amount, wrong currency, unknown trade, unknown provider.
        QCOMPARE(notify(paidNotification(payment, total - 1)).status, 422);
        QCOMPARE(notify(paidNotification(payment, total, QStringLiteral("USD"))).status, 422);
        QJsonObject unknown = paidNotification(payment, total);
        unknown.insert(QStringLiteral("outTradeNo"), QStringLiteral("HT0P0"));
        QCOMPARE(notify(unknown).status, 404);
        r = anyone.raw("POST", QStringLiteral("/api/v1/payments/notify/otherpay"),
                       compact(paidNotification(payment, total)),
                       {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 404);
        // None of it changed anything; all of it was recorded. The forgeries were not parsed:
        // recorded without the out-trade number they claimed.
        QCOMPARE(getOrder(*c, id).value(QStringLiteral("status")).toString(),
                 QStringLiteral("pending_payment"));
        const auto forged = notificationsOf(QStringLiteral(""));
        QCOMPARE(forged.size(), forgedBefore + 3);
        for (qsizetype i = forgedBefore; i < forged.size(); ++i) {
            QCOMPARE(forged.at(i).outcome, QStringLiteral("refused"));
            QVERIFY(forged.at(i).reason.contains(QLatin1String("signature")));
            QVERIFY(forged.at(i).body.contains(trade));
        }
        auto recorded = notificationsOf(trade);
        QCOMPARE(recorded.size(), 2);
        for (const auto &n : recorded)
            QCOMPARE(n.outcome, QStringLiteral("refused"));

        // The right one pays; the same one replayed is acknowledged without effect.
        r = notify(paidNotification(payment, total));
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QCOMPARE(body(r).value(QStringLiteral("result")).toString(), QStringLiteral("accepted"));
        const QJsonObject paid = getOrder(*c, id);
        QCOMPARE(paid.value(QStringLiteral("status")).toString(), QStringLiteral("paid"));
        r = notify(paidNotification(payment, total));
        QCOMPARE(r.status, 200);
        QCOMPARE(body(r).value(QStringLiteral("result")).toString(), QStringLiteral("duplicate"));
        const QJsonObject after = getOrder(*c, id);
        QCOMPARE(after.value(QStringLiteral("updatedAt")), paid.value(QStringLiteral("updatedAt")));
        QCOMPARE(after.value(QStringLiteral("paidAt")), paid.value(QStringLiteral("paidAt")));
        recorded = notificationsOf(trade);
        QCOMPARE(recorded.size(), 4);
        QCOMPARE(recorded.at(2).outcome, QStringLiteral("accepted"));
        QCOMPARE(recorded.at(3).outcome, QStringLiteral("duplicate"));
        auto ops = m_fixture->client(QStringLiteral("opsuser"), QStringLiteral("ops password"));
        QCOMPARE(body(ops->raw("GET", QStringLiteral("/api/v1/admin/orders/%1").arg(id)))
                     .value(QStringLiteral("events"))
                     .toArray()
                     .size(),
                 2);
    }

    void otherCustomersOrdersDoNotExistForThem()
    {
        auto owner = newCustomer();
        const QJsonObject o = m_fixture->placeOrder(
            *owner, {{sku(QStringLiteral("amazon.com"), 9), 1}}, QStringLiteral("idor-1"));
        const qint64 id = o.value(QStringLiteral("id")).toInteger();
        auto other = newCustomer();
        const QString path = QStringLiteral("/api/v1/orders/%1").arg(id);
        QCOMPARE(other->raw("GET", path).status, 404);
        QCOMPARE(other->raw("POST", path + QStringLiteral("/payments")).status, 404);
        QCOMPARE(other
                     ->raw("POST", path + QStringLiteral("/cancel"), "{}",
                           {{"Content-Type", "application/json"}})
                     .status,
                 404);
        // The same answer as for an order that does not exist at all.
        QCOMPARE(other->raw("GET", QStringLiteral("/api/v1/orders/99999999")).status, 404);
        QVERIFY(body(other->raw("GET", QStringLiteral("/api/v1/orders")))
                    .value(QStringLiteral("items"))
                    .toArray()
                    .isEmpty());
        // Still there for its owner, unchanged.
        QCOMPARE(getOrder(*owner, id).value(QStringLiteral("status")).toString(),
                 QStringLiteral("pending_payment"));
        // Staff routes: customers and translators are refused, without a session 401.
        auto translator = m_fixture->client(QStringLiteral("translatoruser"),
                                            QStringLiteral("translator password"));
        for (SyncClient *c : {other.get(), translator.get()}) {
            QCOMPARE(c->raw("GET", QStringLiteral("/api/v1/admin/orders")).status, 403);
            QCOMPARE(c->raw("GET", QStringLiteral("/api/v1/admin/orders/%1").arg(id)).status, 403);
        }
        SyncClient nobody(m_fixture->server().url());
        QCOMPARE(nobody.raw("GET", path).status, 401);
        QCOMPARE(nobody.raw("GET", QStringLiteral("/api/v1/cart")).status, 401);
    }

    void cancelBeforePaymentAndAfterWithRefund()
    {
        auto c = newCustomer();
        // Before payment: cancelled with its sub-orders, and it can no longer be paid.
        QJsonObject o = m_fixture->placeOrder(*c, {{sku(QStringLiteral("amazon.co.jp"), 10), 1}},
                                              QStringLiteral("cancel-1"));
        qint64 id = o.value(QStringLiteral("id")).toInteger();
        auto r = c->raw("POST", QStringLiteral("/api/v1/orders/%1/cancel").arg(id),
                        compact({{QStringLiteral("reason"), QStringLiteral("changed my mind")}}),
                        {{"Content-Type", "application/json"}});
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QCOMPARE(body(r).value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
        for (const QJsonValue &s : body(r).value(QStringLiteral("subOrders")).toArray())
            QCOMPARE(s.toObject().value(QStringLiteral("status")).toString(),
                     QStringLiteral("cancelled"));
        QVERIFY(body(r).value(QStringLiteral("refunds")).toArray().isEmpty());
        QCOMPARE(c->raw("POST", QStringLiteral("/api/v1/orders/%1/payments").arg(id)).status, 409);
        QCOMPARE(c->raw("POST", QStringLiteral("/api/v1/orders/%1/cancel").arg(id)).status, 409);

        // After payment: cancelled, and the paid amount goes back through the gateway.
        o = m_fixture->placeOrder(
            *c,
            {{sku(QStringLiteral("amazon.com"), 10), 1}, {sku(QStringLiteral("asos.com"), 10), 2}},
            QStringLiteral("cancel-2"));
        id = o.value(QStringLiteral("id")).toInteger();
        m_fixture->pay(*c, id);
        r = c->raw("POST", QStringLiteral("/api/v1/orders/%1/cancel").arg(id));
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        const QJsonObject cancelled = body(r);
        QCOMPARE(cancelled.value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
        const QJsonArray refunds = cancelled.value(QStringLiteral("refunds")).toArray();
        QCOMPARE(refunds.size(), 1);
        QCOMPARE(refunds.at(0).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("refunded"));
        QCOMPARE(minor(refunds.at(0).toObject().value(QStringLiteral("amount"))),
                 minor(o.value(QStringLiteral("total"))));
        QCOMPARE(cancelled.value(QStringLiteral("payments"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("refunded"));
        // The gateway has it too, under this installation's references.
        const auto paid = server::orders::orderstore::paidPayment(orders().database().writer(), id);
        QVERIFY(paid);
        QVERIFY2(paid->outTradeNo.startsWith(referenceBase(id) + u'P'),
                 qPrintable(paid->outTradeNo));
        const auto refund = server::orders::orderstore::refund(
            orders().database().writer(),
            refunds.at(0).toObject().value(QStringLiteral("id")).toInteger());
        QVERIFY(refund);
        QCOMPARE(refund->refundNo, referenceBase(id) + QStringLiteral("R0"));
        const QJsonObject atSim = simPayment(paid->outTradeNo);
        QVERIFY2(!atSim.isEmpty(), "the sim has no such payment");
        QCOMPARE(minor(atSim.value(QStringLiteral("refunded"))),
                 minor(o.value(QStringLiteral("total"))));
    }

    void cancelSubOrderRefundsItsShare()
    {
        auto c = newCustomer();
        const QJsonObject o = m_fixture->placeOrder(
            *c,
            {{sku(QStringLiteral("amazon.com"), 11), 1}, {sku(QStringLiteral("asos.com"), 11), 1}},
            QStringLiteral("cancel-sub-1"));
        const qint64 id = o.value(QStringLiteral("id")).toInteger();
        m_fixture->pay(*c, id);
        const QJsonArray subs = o.value(QStringLiteral("subOrders")).toArray();
        const qint64 first = subs.at(0).toObject().value(QStringLiteral("id")).toInteger();
        server::Actor staff{7, QStringLiteral("opsuser"), QString()};
        auto &orders = m_fixture->server().server().orders();
        orders.cancelSubOrder(staff, first, QStringLiteral("out of stock at the shop"));
        QJsonObject after = getOrder(*c, id);
        QCOMPARE(after.value(QStringLiteral("status")).toString(), QStringLiteral("paid"));
        QJsonArray refunds = after.value(QStringLiteral("refunds")).toArray();
        QCOMPARE(refunds.size(), 1);
        QCOMPARE(refunds.at(0).toObject().value(QStringLiteral("subOrderId")).toInteger(), first);
        QCOMPARE(minor(refunds.at(0).toObject().value(QStringLiteral("amount"))),
                 minor(subs.at(0).toObject().value(QStringLiteral("total"))));
        QCOMPARE(refunds.at(0).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("refunded"));
        // Its tracking says it will never ship; the other sub-order is still on its way.
        const QJsonArray tracking =
            body(c->raw("GET", QStringLiteral("/api/v1/orders/%1/tracking").arg(id)))
                .value(QStringLiteral("subOrders"))
                .toArray();
        QCOMPARE(tracking.size(), 2);
        QCOMPARE(tracking.at(0).toObject().value(QStringLiteral("id")).toInteger(), first);
        QCOMPARE(tracking.at(0).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("cancelled"));
        QVERIFY(tracking.at(1).toObject().value(QStringLiteral("status")).toString() !=
                QStringLiteral("cancelled"));
        // A cancelled sub-order cannot be cancelled again; an unknown one is not there.
        bool threw = false;
        try {
            orders.cancelSubOrder(staff, first, QStringLiteral("again"));
        } catch (const server::ApiError &e) {
            threw = e.kind == ProblemKind::Conflict;
        }
        QVERIFY(threw);
        threw = false;
        try {
            orders.cancelSubOrder(staff, 99999999, QStringLiteral("none"));
        } catch (const server::ApiError &e) {
            threw = e.kind == ProblemKind::NotFound;
        }
        QVERIFY(threw);
        // The last one cancelled settles the order: cancelled, everything refunded.
        orders.cancelSubOrder(staff, subs.at(1).toObject().value(QStringLiteral("id")).toInteger(),
                              QStringLiteral("customer asked"));
        after = getOrder(*c, id);
        QCOMPARE(after.value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
        refunds = after.value(QStringLiteral("refunds")).toArray();
        QCOMPARE(refunds.size(), 2);
        QCOMPARE(minor(refunds.at(0).toObject().value(QStringLiteral("amount"))) +
                     minor(refunds.at(1).toObject().value(QStringLiteral("amount"))),
                 minor(o.value(QStringLiteral("total"))));
    }

    void referencesCarryARandomPrefix()
    {
        QSqlDatabase db = orders().database().writer();
        const QString prefix = server::orders::orderstore::referencePrefix(db);
        QCOMPARE(prefix.size(), 8);
        for (QChar ch : prefix)
            QVERIFY2((ch >= u'A' && ch <= u'Z') || (ch >= u'2' && ch <= u'7'), qPrintable(prefix));
        QCOMPARE(server::orders::orderstore::referencePrefix(db), prefix);

        auto c = newCustomer();
        const QJsonObject o = m_fixture->placeOrder(
            *c,
            {{sku(QStringLiteral("amazon.com"), 15), 1}, {sku(QStringLiteral("asos.com"), 15), 1}},
            QStringLiteral("prefix-1"));
        const qint64 id = o.value(QStringLiteral("id")).toInteger();
        const QString base = QStringLiteral("HT%1_%2").arg(prefix).arg(id);
        const auto created = c->raw("POST", QStringLiteral("/api/v1/orders/%1/payments").arg(id));
        QVERIFY2(created.status == 201, qPrintable(describe(created)));
        QVERIFY(
            body(created).value(QStringLiteral("outTradeNo")).toString().startsWith(base + u'P'));
        int n = 0;
        for (const QJsonValue &v : o.value(QStringLiteral("subOrders")).toArray()) {
            const auto s = server::orders::orderstore::subOrder(
                db, v.toObject().value(QStringLiteral("id")).toInteger());
            QVERIFY(s);
            QCOMPARE(s->clientReference, base + QStringLiteral("-%1").arg(++n));
        }

        // A start (here: the service's migrate() again, as after restoring a backup whose ids
        // repeat) renews the prefix for new references; stored ones stay as they were.
        orders().migrate();
        const QString renewed = server::orders::orderstore::referencePrefix(db);
        QVERIFY(renewed != prefix);
        const auto again = c->raw("POST", QStringLiteral("/api/v1/orders/%1/payments").arg(id));
        QCOMPARE(body(again).value(QStringLiteral("outTradeNo")),
                 body(created).value(QStringLiteral("outTradeNo")));
        const QJsonObject next = m_fixture->placeOrder(
            *c, {{sku(QStringLiteral("amazon.com"), 16), 1}}, QStringLiteral("prefix-2"));
        const auto nextSub =
            server::orders::orderstore::subOrder(db, next.value(QStringLiteral("subOrders"))
                                                         .toArray()
                                                         .at(0)
                                                         .toObject()
                                                         .value(QStringLiteral("id"))
                                                         .toInteger());
        QVERIFY(nextSub);
        QCOMPARE(nextSub->clientReference, QStringLiteral("HT%1_%2-1")
                                               .arg(renewed)
                                               .arg(next.value(QStringLiteral("id")).toInteger()));

        // A fresh store (a new data folder) gets its own: its order 1 is not the old store's
        // order 1 to the gateway or a shop.
        QStringList prefixes{prefix, renewed};
        for (int i = 0; i < 2; ++i) {
            QTemporaryDir dir;
            QString error;
            const auto url = server::DbUrl::parse(
                haitao::testing::freshDatabaseUrl(dir.path(), QStringLiteral("orders")), &error);
            QVERIFY2(url, qPrintable(error));
            server::Database fresh(QStringLiteral("orders"), *url);
            server::migrate(fresh, server::orders::schema::migrations());
            QString made;
            fresh.write(
                [&](QSqlDatabase &w) { made = server::orders::orderstore::referencePrefix(w); });
            QCOMPARE(made.size(), 8);
            QVERIFY2(!prefixes.contains(made), qPrintable(made));
            prefixes << made;
            fresh.close();
        }
    }

    void cancelAfterAStaffCancelledSubOrder()
    {
        auto c = newCustomer();
        const QJsonObject o = m_fixture->placeOrder(
            *c,
            {{sku(QStringLiteral("amazon.com"), 16), 1}, {sku(QStringLiteral("asos.com"), 16), 1}},
            QStringLiteral("cancel-after-sub-1"));
        const qint64 id = o.value(QStringLiteral("id")).toInteger();
        m_fixture->pay(*c, id);
        const QJsonArray subs = o.value(QStringLiteral("subOrders")).toArray();
        orders().cancelSubOrder(server::Actor{7, QStringLiteral("opsuser"), QString()},
                                subs.at(0).toObject().value(QStringLiteral("id")).toInteger(),
                                QStringLiteral("not sold any more"));
        // The customer cancels the rest: the cancelled one is skipped, the rest refunded.
        const auto r = c->raw("POST", QStringLiteral("/api/v1/orders/%1/cancel").arg(id));
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        const QJsonObject cancelled = body(r);
        QCOMPARE(cancelled.value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
        const QJsonArray refunds = cancelled.value(QStringLiteral("refunds")).toArray();
        QCOMPARE(refunds.size(), 2);
        qint64 refunded = 0;
        for (const QJsonValue &v : refunds) {
            QCOMPARE(v.toObject().value(QStringLiteral("status")).toString(),
                     QStringLiteral("refunded"));
            refunded += minor(v.toObject().value(QStringLiteral("amount")));
        }
        QCOMPARE(refunded, minor(o.value(QStringLiteral("total"))));
    }

    void refundsStayPendingUnlessRefusedForGood()
    {
        auto c = newCustomer();
        const QJsonObject o = m_fixture->placeOrder(
            *c, {{sku(QStringLiteral("amazon.co.jp"), 17), 1}}, QStringLiteral("refund-retry-1"));
        const qint64 id = o.value(QStringLiteral("id")).toInteger();
        const auto created = c->raw("POST", QStringLiteral("/api/v1/orders/%1/payments").arg(id));
        QVERIFY2(created.status == 201, qPrintable(describe(created)));
        const QString trade = body(created).value(QStringLiteral("outTradeNo")).toString();
        auto payment =
            server::orders::orderstore::paymentByTrade(orders().database().writer(), trade);
        QVERIFY(payment);
        QVERIFY(!payment->gatewayPaymentId.isEmpty());
        // Paid on our books, not yet on the gateway's: it answers 409 not_paid, which may
        // pass, so the refund waits instead of failing for good.
        orders().database().write([&](QSqlDatabase &db) {
            QVERIFY(server::orders::orderstore::markPaymentPaid(db, payment->id, 1));
        });
        const QString base = referenceBase(id);
        const qint64 early = addRefund(*payment, base + QStringLiteral("T1"), 1, 0);
        orders().retryRefunds();
        QCOMPARE(refundStatus(early), QStringLiteral("pending"));
        // Not due again before its retry time.
        const auto due = server::orders::orderstore::dueRefunds(
            orders().database().writer(), QDateTime::currentMSecsSinceEpoch(), 1000);
        QVERIFY(std::none_of(due.cbegin(), due.cend(),
                             [&](const server::orders::Refund &r) { return r.id == early; }));
        // The gateway takes the payment; the next try goes through.
        SyncClient person(m_fixture->simUrl());
        QCOMPARE(
            person
                .raw("POST", QUrl(body(created).value(QStringLiteral("payUrl")).toString()).path())
                .status,
            200);
        orders().database().write(
            [&](QSqlDatabase &db) { server::orders::orderstore::deferRefund(db, early, 0); });
        orders().retryRefunds();
        QCOMPARE(refundStatus(early), QStringLiteral("refunded"));

        // A business refusal (422 exceeds_payment) is final: failed, on the order, audited.
        const qint64 tooMuch =
            addRefund(*payment, base + QStringLiteral("T2"), payment->amount.minor(), 0);
        orders().retryRefunds();
        QCOMPARE(refundStatus(tooMuch), QStringLiteral("failed"));
        bool shown = false;
        for (const QJsonValue &v : getOrder(*c, id).value(QStringLiteral("refunds")).toArray())
            shown |=
                v.toObject().value(QStringLiteral("id")).toInteger() == tooMuch &&
                v.toObject().value(QStringLiteral("status")).toString() == QLatin1String("failed");
        QVERIFY(shown);
        server::AuditFilter filter;
        filter.action = QStringLiteral("refund.failed");
        bool audited = false;
        for (const AuditEntry &e :
             server::auditlog::list(orders().database().writer(), filter).items)
            audited |= e.targetId == QString::number(tooMuch);
        QVERIFY(audited);
    }

    void refundsWithoutGatewayPaymentWaitAndHideNoOthers()
    {
        auto c = newCustomer();
        const QJsonObject stuckOrder = m_fixture->placeOrder(
            *c, {{sku(QStringLiteral("amazon.com"), 18), 1}}, QStringLiteral("refund-due-1"));
        // A payment the gateway never named (its answer lost, no notification yet).
        server::orders::Payment bare;
        bare.orderId = stuckOrder.value(QStringLiteral("id")).toInteger();
        bare.provider = QStringLiteral("simpay");
        bare.amount = Money(minor(stuckOrder.value(QStringLiteral("total"))), Currency::cny());
        bare.createdAtMs = QDateTime::currentMSecsSinceEpoch();
        orders().database().write([&](QSqlDatabase &db) {
            server::orders::orderstore::insertPayment(db, bare);
            QVERIFY(server::orders::orderstore::markPaymentPaid(db, bare.id, 1));
        });
        const QString stuckBase = referenceBase(bare.orderId);
        QList<qint64> stuck;
        for (int i = 0; i < 60; ++i)
            stuck << addRefund(bare, stuckBase + QStringLiteral("S%1").arg(i), 1, 0);

        const QJsonObject o = m_fixture->placeOrder(*c, {{sku(QStringLiteral("asos.com"), 18), 1}},
                                                    QStringLiteral("refund-due-2"));
        const qint64 id = o.value(QStringLiteral("id")).toInteger();
        m_fixture->pay(*c, id);
        const auto paid = server::orders::orderstore::paidPayment(orders().database().writer(), id);
        QVERIFY(paid);
        const qint64 later = addRefund(*paid, referenceBase(id) + QStringLiteral("L"), 1, 0);

        // The stuck ones are never sent and wait their turn; the later one is not hidden.
        for (int pass = 0; pass < 3; ++pass)
            orders().retryRefunds();
        QTRY_COMPARE_WITH_TIMEOUT(refundStatus(later), QStringLiteral("refunded"), 10000);
        for (qint64 r : stuck)
            QCOMPARE(refundStatus(r), QStringLiteral("pending"));
    }

    void refusedPaymentIsNotAnOutage()
    {
        auto c = newCustomer();
        const QJsonObject o = m_fixture->placeOrder(
            *c, {{sku(QStringLiteral("amazon.co.jp"), 18), 1}}, QStringLiteral("pay-refused-1"));
        const QString path = QStringLiteral("/api/v1/orders/%1/payments")
                                 .arg(o.value(QStringLiteral("id")).toInteger());
        // A notify URL the gateway refuses (422 invalid_notify_url): no use retrying.
        orders().setPublicUrl(QStringLiteral("not-a-url"));
        const auto refused = c->raw("POST", path);
        orders().setPublicUrl(m_fixture->server().url().toString());
        QVERIFY2(refused.status == 422, qPrintable(describe(refused)));
        QVERIFY(body(refused)
                    .value(QStringLiteral("detail"))
                    .toString()
                    .contains(QLatin1String("invalid_notify_url")));
        QVERIFY(refused.header("Retry-After").isEmpty());
        // Unreachable or 5xx is an outage: 503 with Retry-After.
        SyncClient sim(m_fixture->simUrl());
        QCOMPARE(sim.raw("POST", QStringLiteral("/__sim/faults"),
                         compact({{QStringLiteral("path"), QStringLiteral("/pay/payments")},
                                  {QStringLiteral("mode"), QStringLiteral("503")},
                                  {QStringLiteral("times"), 1}}),
                         {{"Content-Type", "application/json"}})
                     .status,
                 200);
        const auto down = c->raw("POST", path);
        QCOMPARE(down.status, 503);
        QVERIFY(!down.header("Retry-After").isEmpty());
        QCOMPARE(c->raw("POST", path).status, 201);
    }

    void staffListFiltersAndDetail()
    {
        QString name;
        auto c = newCustomer(&name);
        const QJsonObject a = m_fixture->placeOrder(*c, {{sku(QStringLiteral("asos.com"), 12), 1}},
                                                    QStringLiteral("staff-1"));
        const QJsonObject b = m_fixture->placeOrder(
            *c, {{sku(QStringLiteral("amazon.co.jp"), 12), 1}}, QStringLiteral("staff-2"));
        m_fixture->pay(*c, b.value(QStringLiteral("id")).toInteger());
        auto ops = m_fixture->client(QStringLiteral("opsuser"), QStringLiteral("ops password"));
        const auto list = [&](const QString &query) {
            const auto r = ops->raw("GET", QStringLiteral("/api/v1/admin/orders?") + query);
            if (r.status != 200)
                qWarning("%s", qPrintable(describe(r)));
            QList<qint64> ids;
            for (const QJsonValue &v : body(r).value(QStringLiteral("items")).toArray())
                ids << v.toObject().value(QStringLiteral("id")).toInteger();
            return ids;
        };
        const qint64 idA = a.value(QStringLiteral("id")).toInteger();
        const qint64 idB = b.value(QStringLiteral("id")).toInteger();
        QCOMPARE(list(QStringLiteral("customer=") + name), (QList<qint64>{idB, idA}));
        QCOMPARE(list(QStringLiteral("customer=%1&status=paid").arg(name)), QList<qint64>{idB});
        QCOMPARE(list(QStringLiteral("customer=%1&status=awaiting_placement").arg(name)),
                 QList<qint64>{idB});
        QCOMPARE(list(QStringLiteral("customer=%1&site=asos.com").arg(name)), QList<qint64>{idA});
        QCOMPARE(list(QStringLiteral("customer=%1&minAgeHours=1").arg(name)), QList<qint64>{});
        // Keyset pages: one at a time, newest first.
        const auto page =
            body(ops->raw("GET", QStringLiteral("/api/v1/admin/orders?limit=1&customer=") + name));
        QCOMPARE(page.value(QStringLiteral("items")).toArray().size(), 1);
        const QString cursor = page.value(QStringLiteral("nextCursor")).toString();
        QVERIFY(!cursor.isEmpty());
        QCOMPARE(list(QStringLiteral("limit=1&customer=%1&cursor=%2").arg(name, cursor)),
                 QList<qint64>{idA});
        QCOMPARE(ops->raw("GET", QStringLiteral("/api/v1/admin/orders?status=lost")).status, 400);
        QCOMPARE(ops->raw("GET", QStringLiteral("/api/v1/admin/orders?minAgeHours=x")).status, 400);

        const QJsonObject row =
            body(ops->raw("GET", QStringLiteral("/api/v1/admin/orders?customer=") + name))
                .value(QStringLiteral("items"))
                .toArray()
                .at(0)
                .toObject();
        QCOMPARE(row.value(QStringLiteral("customer"))
                     .toObject()
                     .value(QStringLiteral("username"))
                     .toString(),
                 name);
        QCOMPARE(row.value(QStringLiteral("subOrders"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("status")),
                 QJsonValue(QStringLiteral("awaiting_placement")));

        const QJsonObject detail =
            body(ops->raw("GET", QStringLiteral("/api/v1/admin/orders/%1").arg(idB)));
        QCOMPARE(detail.value(QStringLiteral("customer"))
                     .toObject()
                     .value(QStringLiteral("username"))
                     .toString(),
                 name);
        QVERIFY(!detail.value(QStringLiteral("quote")).toObject().isEmpty());
        QCOMPARE(detail.value(QStringLiteral("events")).toArray().size(), 2);
        QCOMPARE(ops->raw("GET", QStringLiteral("/api/v1/admin/orders/99999999")).status, 404);
    }

    // Last: it moves the clock.
    void unpaidOrdersExpireAndLatePaymentsStillCount()
    {
        auto c = newCustomer();
        const QJsonObject o = m_fixture->placeOrder(
            *c, {{sku(QStringLiteral("amazon.com"), 13), 1}}, QStringLiteral("expire-1"));
        const qint64 id = o.value(QStringLiteral("id")).toInteger();
        const auto created = c->raw("POST", QStringLiteral("/api/v1/orders/%1/payments").arg(id));
        QVERIFY2(created.status == 201, qPrintable(describe(created)));
        const QJsonObject other = m_fixture->placeOrder(
            *c, {{sku(QStringLiteral("amazon.com"), 14), 1}}, QStringLiteral("expire-2"));

        // 29 minutes: nothing yet.
        m_offset->store(29 * 60 * 1000);
        QTest::qWait(1500);
        QCOMPARE(getOrder(*c, id).value(QStringLiteral("status")).toString(),
                 QStringLiteral("pending_payment"));
        // Past 30: the job expires both within a second or two.
        m_offset->store(31 * 60 * 1000);
        QTRY_COMPARE_WITH_TIMEOUT(getOrder(*c, id).value(QStringLiteral("status")).toString(),
                                  QStringLiteral("expired"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(getOrder(*c, other.value(QStringLiteral("id")).toInteger())
                                      .value(QStringLiteral("status"))
                                      .toString(),
                                  QStringLiteral("expired"), 10000);
        QCOMPARE(c->raw("POST", QStringLiteral("/api/v1/orders/%1/payments")
                                    .arg(other.value(QStringLiteral("id")).toInteger()))
                     .status,
                 409);
        auto ops = m_fixture->client(QStringLiteral("opsuser"), QStringLiteral("ops password"));
        const QJsonArray events =
            body(ops->raw("GET", QStringLiteral("/api/v1/admin/orders/%1").arg(id)))
                .value(QStringLiteral("events"))
                .toArray();
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.at(0).toObject().value(QStringLiteral("actor")).toString(),
                 QStringLiteral("system"));
        QCOMPARE(events.at(0).toObject().value(QStringLiteral("to")).toString(),
                 QStringLiteral("expired"));

        // The customer had opened the payment in time and pays now: the money is not lost.
        const QUrl payUrl(body(created).value(QStringLiteral("payUrl")).toString());
        SyncClient person(m_fixture->simUrl());
        QCOMPARE(person.raw("POST", payUrl.path()).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(getOrder(*c, id).value(QStringLiteral("status")).toString(),
                                  QStringLiteral("paid"), 10000);
        QCOMPARE(getOrder(*c, id)
                     .value(QStringLiteral("subOrders"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("awaiting_placement"));
        m_offset->store(0);
    }

    // The demo's shoppers (POST /__sim/shoppers) buy through the public API and pay at the
    // gateway like any customer: every order they report is the customer's and paid.
    void simShoppersBuyLikeCustomers()
    {
        QString name;
        auto c = newCustomer(&name);
        SyncClient sim(m_fixture->simUrl());
        const Headers json{{"Content-Type", "application/json"}};
        QCOMPARE(
            sim.raw("POST", QStringLiteral("/__sim/shoppers"),
                    compact({{QStringLiteral("platform"), m_fixture->server().url().toString()},
                             {QStringLiteral("username"), name},
                             {QStringLiteral("password"), QStringLiteral("wrong")}}),
                    json)
                .status,
            202);
        // A wrong password: the run fails and says why.
        QTRY_COMPARE_WITH_TIMEOUT(
            body(sim.raw("GET", QStringLiteral("/__sim/shoppers"))).value(QStringLiteral("state")),
            QJsonValue(QStringLiteral("failed")), 10000);
        QVERIFY(body(sim.raw("GET", QStringLiteral("/__sim/shoppers")))
                    .value(QStringLiteral("error"))
                    .toString()
                    .contains(QStringLiteral("401")));

        QCOMPARE(
            sim.raw("POST", QStringLiteral("/__sim/shoppers"),
                    compact({{QStringLiteral("platform"), m_fixture->server().url().toString()},
                             {QStringLiteral("username"), name},
                             {QStringLiteral("password"), OrderFixture::customerPassword()},
                             {QStringLiteral("orders"), 3},
                             {QStringLiteral("pauseMs"), 0}}),
                    json)
                .status,
            202);
        QJsonObject status;
        QTRY_VERIFY_WITH_TIMEOUT((status = body(sim.raw("GET", QStringLiteral("/__sim/shoppers"))))
                                         .value(QStringLiteral("state"))
                                         .toString() != QStringLiteral("running"),
                                 30000);
        QCOMPARE(status.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QCOMPARE(status.value(QStringLiteral("placed")).toInt(), 3);
        QCOMPARE(status.value(QStringLiteral("paid")).toInt(), 3);
        const QJsonArray ids = status.value(QStringLiteral("orderIds")).toArray();
        QCOMPARE(ids.size(), 3);
        int subOrders = 0;
        for (const QJsonValue &id : ids) {
            QJsonObject o;
            QTRY_VERIFY_WITH_TIMEOUT(
                (o = getOrder(*c, id.toInteger())).value(QStringLiteral("status")).toString() ==
                    QStringLiteral("paid"),
                10000);
            QVERIFY(!o.value(QStringLiteral("address"))
                         .toObject()
                         .value(QStringLiteral("email"))
                         .toString()
                         .isEmpty());
            subOrders += int(o.value(QStringLiteral("subOrders")).toArray().size());
        }
        QCOMPARE(subOrders, 4); // the third order is from two shops
    }
};

QTEST_GUILESS_MAIN(TstOrdersApi)
#include "tst_orders_api.moc"
