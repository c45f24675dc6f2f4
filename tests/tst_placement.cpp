// Automatic placement against haitao-sim's merchant APIs, over real HTTP: the happy path with
// its recorded steps; each fault alone (429 and 503 back off and place, a reset, a create
// whose answer never comes is looked up and adopted, captcha, out of stock and a price
// change go to the manual queue with the reason, repeated failures too); the manual queue
// routes with their claims and IDOR checks; counts and stats; a mixed fault profile over 500
// sub-orders with no duplicate at the shop; and two servers on one PostgreSQL store placing
// at once without using a shop account twice at the same time.
#include "backend/integrations/merchantclient.h"
#include "backend/orders/placementworker.h"
#include "backend/orders/shopleases.h"
#include "backend/server.h"
#include "backend/storage/database.h"
#include "core/wiretime.h"
#include "tests/support/orderfixture.h"
#include "tests/support/rawjson.h"
#include "tests/support/testdb.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>
#include <mutex>

using namespace haitao;
using haitao::testing::body;
using haitao::testing::compact;
using haitao::testing::describe;
using haitao::testing::OrderFixture;
using haitao::testing::SyncClient;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;
const Headers kJson{{"Content-Type", "application/json"}};

bool settled(const QString &status)
{
    return status == u"placed" || status == u"needs_manual" || status == u"placed_manually" ||
           status == u"cancelled";
}

server::Config placementConfig(int workers)
{
    server::Config c;
    c.placementWorkers = workers;
    c.placementBackoffMs = 50;
    c.placementPollMs = 20;
    c.placementRps = 1000;
    c.placementHttpTimeoutMs = 1000;
    c.placementAttempts = 3;
    return c;
}

const QStringList kSites{QStringLiteral("amazon.com"), QStringLiteral("amazon.co.jp"),
                         QStringLiteral("asos.com")};

} // namespace

class TstPlacement : public QObject
{
    Q_OBJECT

    std::unique_ptr<OrderFixture> m_world;
    std::unique_ptr<SyncClient> m_ops;
    std::unique_ptr<SyncClient> m_customer;
    QHash<QString, QList<qint64>> m_skus;
    int m_orders = 0;
    int m_skuTurn = 0;

    void setFaults(const QJsonObject &mix)
    {
        SyncClient s(m_world->simUrl());
        const auto r = s.raw("PUT", QStringLiteral("/__sim/faults"), compact(mix), kJson);
        QVERIFY2(r.status == 200 || r.status == 204, qPrintable(describe(r)));
    }

    void clearFaults()
    {
        SyncClient s(m_world->simUrl());
        s.raw("DELETE", QStringLiteral("/__sim/faults"));
    }

    // A paid order with one line per named site (quantity 1, SKUs in turn); its sub-orders
    // in the order of `sites`.
    QList<qint64> buy(const QStringList &sites, bool payIt = true)
    {
        QList<QPair<qint64, int>> lines;
        for (const QString &site : sites) {
            const QList<qint64> &skus = m_skus[site];
            lines.append({skus.at(m_skuTurn++ % skus.size()), 1});
        }
        const QJsonObject order =
            m_world->placeOrder(*m_customer, lines, QStringLiteral("placement-%1").arg(++m_orders));
        const qint64 orderId = order.value(QStringLiteral("id")).toInteger();
        if (payIt)
            m_world->pay(*m_customer, orderId);
        QList<qint64> ids;
        for (const QString &site : sites)
            for (const QJsonValue &v : order.value(QStringLiteral("subOrders")).toArray())
                if (v.toObject().value(QStringLiteral("site")).toString() == site)
                    ids.append(v.toObject().value(QStringLiteral("id")).toInteger());
        return ids;
    }

    QJsonObject subOrder(qint64 id)
    {
        return body(m_ops->raw("GET", QStringLiteral("/api/v1/admin/sub-orders/%1").arg(id)));
    }

    // Waits until the sub-order is placed, in the manual queue or otherwise final.
    QJsonObject waitSettled(qint64 id, int timeoutMs = 20000)
    {
        QElapsedTimer t;
        t.start();
        QJsonObject s = subOrder(id);
        while (!settled(s.value(QStringLiteral("status")).toString()) && t.elapsed() < timeoutMs) {
            QTest::qWait(25);
            s = subOrder(id);
        }
        return s;
    }

    // Every merchant order the sim holds, counted per client reference.
    QHash<QString, int> simOrders(QHash<QString, QString> *merchantIds = nullptr)
    {
        SyncClient s(m_world->simUrl());
        QHash<QString, int> counts;
        for (const QJsonValue &v : body(s.raw("GET", QStringLiteral("/__sim/orders")))
                                       .value(QStringLiteral("items"))
                                       .toArray()) {
            const QJsonObject o = v.toObject();
            const QString ref = o.value(QStringLiteral("clientReference")).toString();
            ++counts[ref];
            if (merchantIds)
                merchantIds->insert(ref, o.value(QStringLiteral("merchantOrderId")).toString());
        }
        return counts;
    }

    QStringList stepNames(const QJsonObject &detail)
    {
        QStringList names;
        for (const QJsonValue &a : detail.value(QStringLiteral("placementAttempts")).toArray())
            for (const QJsonValue &s : a.toObject().value(QStringLiteral("steps")).toArray())
                names << s.toObject().value(QStringLiteral("step")).toString();
        return names;
    }

    // The server's orders store, opened beside it: to set up what only a crash or a restored
    // store leaves behind, and to read what no route shows.
    std::unique_ptr<server::Database> store()
    {
        QString error;
        const auto url = server::DbUrl::parse(
            m_world->server().config().dbUrl(QStringLiteral("orders")), &error);
        if (!url)
            return nullptr;
        return std::make_unique<server::Database>(QStringLiteral("orders"), *url);
    }

    void storeExec(const QString &sql)
    {
        auto db = store();
        QVERIFY(db);
        db->write([&](QSqlDatabase &c) {
            server::Statement q = server::prepareOrThrow(c, sql);
            server::execOrThrow(q, "test setup");
        });
        db->close();
    }

    // A sub-order of an unpaid order put into placing by hand, with `interrupted` earlier
    // attempts interrupted and one running: what a holder that died mid-attempt leaves.
    void leftInPlacing(qint64 id, int interrupted)
    {
        const QString site = subOrder(id).value(QStringLiteral("site")).toString();
        for (int i = 0; i <= interrupted; ++i)
            storeExec(QStringLiteral("INSERT INTO placement_attempts (sub_order_id, number, site, "
                                     "worker, fencing_token, started_at, outcome) VALUES (%1, "
                                     "%2, '%3', 'gone/1', 1, 1, '%4')")
                          .arg(id)
                          .arg(i + 1)
                          .arg(site, i < interrupted ? QStringLiteral("interrupted")
                                                     : QStringLiteral("running")));
        storeExec(QStringLiteral("UPDATE sub_orders SET status = 'placing' WHERE id = %1").arg(id));
    }

    QJsonObject shopAccount(const QString &site)
    {
        for (const QJsonValue &v :
             body(m_ops->raw("GET", QStringLiteral("/api/v1/admin/shop-accounts")))
                 .value(QStringLiteral("items"))
                 .toArray())
            if (v.toObject().value(QStringLiteral("site")).toString() == site)
                return v.toObject();
        return {};
    }

    void enableShopAccount(const QString &site, bool enabled)
    {
        QJsonObject a = shopAccount(site);
        QVERIFY(!a.isEmpty());
        const QJsonObject put{{QStringLiteral("apiUrl"), a.value(QStringLiteral("apiUrl"))},
                              {QStringLiteral("account"), a.value(QStringLiteral("account"))},
                              {QStringLiteral("enabled"), enabled}};
        const auto r = m_world->admin()->raw(
            "PUT", QStringLiteral("/api/v1/admin/shop-accounts/") + site, compact(put), kJson);
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
    }

    qint64 wireMs(const QJsonValue &v) { return fromWireTime(v.toString()).toMSecsSinceEpoch(); }

private slots:
    void initTestCase()
    {
        if (haitao::testing::postgresRequiredButMissing())
            QSKIP("no PostgreSQL configured: scripts/test starts one and sets HAITAO_TEST_PG_URL");
        m_world = std::make_unique<OrderFixture>(placementConfig(3));
        QVERIFY(m_world->start());
        m_world->addShopAccounts();
        m_world->server().createUser(QStringLiteral("ops1"), QStringLiteral("ops-pass-1"),
                                     Role::Ops);
        m_ops = m_world->client(QStringLiteral("ops1"), QStringLiteral("ops-pass-1"));
        m_world->createCustomer(QStringLiteral("buyer"));
        m_customer = m_world->client(QStringLiteral("buyer"), OrderFixture::customerPassword());
        // Only SKUs in stock: an order of one that is not gets 422, and which SKU a test
        // buys depends on how many lines the tests before it bought.
        QSet<qint64> inStock;
        QList<qint64> all;
        for (const QString &site : kSites)
            all += m_world->publishedSkuIds(site);
        const auto setQuantity = [&](qint64 sku, int quantity) {
            return m_customer
                ->raw("PUT", QStringLiteral("/api/v1/cart/items/%1").arg(sku),
                      compact({{QStringLiteral("quantity"), quantity}}), kJson)
                .status;
        };
        for (const qint64 sku : std::as_const(all))
            QCOMPARE(setQuantity(sku, 1), 200);
        for (const QJsonValue &v : body(m_customer->raw("GET", QStringLiteral("/api/v1/cart")))
                                       .value(QStringLiteral("items"))
                                       .toArray())
            if (v.toObject().value(QStringLiteral("available")).toBool())
                inStock.insert(v.toObject().value(QStringLiteral("skuId")).toInteger());
        for (const qint64 sku : std::as_const(all))
            QCOMPARE(setQuantity(sku, 0), 200);
        for (const QString &site : kSites) {
            for (const qint64 sku : m_world->publishedSkuIds(site))
                if (inStock.contains(sku))
                    m_skus[site] << sku;
            QVERIFY2(!m_skus[site].isEmpty(), qPrintable(site));
        }
    }

    void init() { clearFaults(); }

    // The lease on its own: one holder at a time, taken over only after expiry with a larger
    // token, and a fenced write by the old holder changes nothing.
    void leaseAndFence()
    {
        QString error;
        const auto url = server::DbUrl::parse(
            m_world->server().config().dbUrl(QStringLiteral("orders")), &error);
        QVERIFY2(url, qPrintable(error));
        server::Database db(QStringLiteral("orders"), *url);
        namespace leases = server::orders::shopleases;
        const QString site = QStringLiteral("lease-test.example");
        const qint64 t = 1000000;
        const auto a = leases::acquire(db, site, QStringLiteral("A/1"), t, 1000);
        QVERIFY(a);
        QVERIFY(!leases::acquire(db, site, QStringLiteral("B/1"), t + 999, 1000));
        const auto b = leases::acquire(db, site, QStringLiteral("B/1"), t + 1000, 1000);
        QVERIFY(b);
        QVERIFY(*b > *a);
        bool aHeld = true;
        bool bHeld = false;
        db.write([&](QSqlDatabase &c) {
            aHeld = leases::fence(c, site, QStringLiteral("A/1"), *a, t + 1001, 1000);
            bHeld = leases::fence(c, site, QStringLiteral("B/1"), *b, t + 1001, 1000);
        });
        QVERIFY(!aHeld);
        QVERIFY(bHeld);                                       // and renewed until t + 2001
        leases::release(db, site, QStringLiteral("A/1"), *a); // not A's any more: no effect
        QVERIFY(!leases::acquire(db, site, QStringLiteral("C/1"), t + 2000, 1000));
        db.write([&](QSqlDatabase &c) {
            bHeld = leases::fence(c, site, QStringLiteral("B/1"), *b, t + 2001, 1000);
        });
        QVERIFY(!bHeld); // expired: even with nobody else holding it, B writes nothing
        leases::release(db, site, QStringLiteral("B/1"), *b);
        const auto c = leases::acquire(db, site, QStringLiteral("C/1"), t + 2002, 1000);
        QVERIFY(c);
        QVERIFY(*c > *b);
        leases::release(db, site, QStringLiteral("C/1"), *c);
        QVERIFY(leases::acquire(db, site, QStringLiteral("D/1"), t + 2003, 1000));
        db.close();
    }

    // How a shop's answer counts: only a refusal is definite; no answer, a 5xx or an
    // unreadable 2xx may have been carried out.
    void merchantAnswersAreClassified()
    {
        using server::MerchantClient;
        using server::MerchantOutcome;
        QCOMPARE(MerchantClient::classify(201, "{\"merchantOrderId\":\"US-1\"}", {}, -1).outcome,
                 MerchantOutcome::Ok);
        QCOMPARE(MerchantClient::classify(0, {}, QStringLiteral("timed out"), -1).outcome,
                 MerchantOutcome::Ambiguous);
        QCOMPARE(MerchantClient::classify(200, "{\"a\":", QStringLiteral("connection closed"), -1)
                     .outcome,
                 MerchantOutcome::Ambiguous);
        QCOMPARE(MerchantClient::classify(500, "{}", {}, -1).outcome, MerchantOutcome::Ambiguous);
        QCOMPARE(MerchantClient::classify(200, "<html>", {}, -1).outcome,
                 MerchantOutcome::Ambiguous);
        const auto limited = MerchantClient::classify(429, "{}", {}, 3);
        QCOMPARE(limited.outcome, MerchantOutcome::RateLimited);
        QCOMPARE(limited.retryAfterSeconds, 3);
        QCOMPARE(MerchantClient::classify(503, "{}", {}, 1).outcome, MerchantOutcome::RateLimited);
        const auto refused = MerchantClient::classify(409, "{\"error\":\"out_of_stock\"}", {}, -1);
        QCOMPARE(refused.outcome, MerchantOutcome::Failed);
        QCOMPARE(refused.error, QStringLiteral("out_of_stock"));
        QVERIFY(MerchantClient::classify(409, "{\"error\":\"stale_fencing_token\"}", {}, -1)
                    .staleFence());
    }

    void shopAccountsHideTheSecret()
    {
        const auto r = m_ops->raw("GET", QStringLiteral("/api/v1/admin/shop-accounts"));
        QCOMPARE(r.status, 200);
        const QJsonArray items = body(r).value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 3);
        QVERIFY(!r.body.contains("sim-shop-pass"));
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("account")).toString(),
                 QStringLiteral("haitao"));
        QVERIFY(!items.at(0).toObject().contains(QStringLiteral("secret")));
        // Ops read, only admins change.
        const auto put =
            m_ops->raw("PUT", QStringLiteral("/api/v1/admin/shop-accounts/ebay.com"),
                       compact({{QStringLiteral("apiUrl"), QStringLiteral("http://x.test")},
                                {QStringLiteral("account"), QStringLiteral("a")},
                                {QStringLiteral("secret"), QStringLiteral("s")}}),
                       kJson);
        QCOMPARE(put.status, 403);
        auto admin = m_world->admin();
        const auto bad = admin->raw("PUT", QStringLiteral("/api/v1/admin/shop-accounts/ebay.com"),
                                    compact({{QStringLiteral("apiUrl"), QStringLiteral("ftp://x")},
                                             {QStringLiteral("account"), QStringLiteral("a")}}),
                                    kJson);
        QCOMPARE(bad.status, 422);
        QVERIFY(haitao::testing::errorFields(bad).contains(QStringLiteral("apiUrl")));
        QVERIFY(haitao::testing::errorFields(bad).contains(QStringLiteral("secret")));
        // A stored secret never goes to a new address: changing apiUrl needs it again.
        const QString ebay = QStringLiteral("/api/v1/admin/shop-accounts/ebay.com");
        const auto account = [](const char *url, const char *secret) {
            QJsonObject o{{QStringLiteral("apiUrl"), QLatin1String(url)},
                          {QStringLiteral("account"), QStringLiteral("a")},
                          {QStringLiteral("enabled"), false}};
            if (*secret)
                o.insert(QStringLiteral("secret"), QLatin1String(secret));
            return compact(o);
        };
        QCOMPARE(admin->raw("PUT", ebay, account("http://one.example.test", "s1"), kJson).status,
                 200);
        QCOMPARE(admin->raw("PUT", ebay, account("http://one.example.test", ""), kJson).status,
                 200);
        const auto moved = admin->raw("PUT", ebay, account("http://two.example.test", ""), kJson);
        QCOMPARE(moved.status, 422);
        QVERIFY(haitao::testing::errorFields(moved).contains(QStringLiteral("secret")));
        QCOMPARE(admin->raw("PUT", ebay, account("http://two.example.test", "s2"), kJson).status,
                 200);
    }

    // Holders are unique per process, also under one --instance-name (a rolling restart), and
    // a lease shorter than a shop call is raised, saying so.
    void holdersAndLeaseLifetime()
    {
        auto db = store();
        QVERIFY(db);
        server::Config c;
        c.instanceName = QStringLiteral("same-name");
        c.placementLeaseSeconds = 1;
        c.placementHttpTimeoutMs = 2000;
        c.placementRps = 10;
        QStringList lines;
        const server::Log log(server::LogFormat::Text,
                              [&](const QByteArray &l) { lines << QString::fromUtf8(l); });
        const server::orders::PlacementWorker a(*db, c, log);
        const server::orders::PlacementWorker b(*db, c, log);
        QVERIFY(a.instanceName().startsWith(QStringLiteral("same-name#")));
        QVERIFY(b.instanceName().startsWith(QStringLiteral("same-name#")));
        QVERIFY(a.instanceName() != b.instanceName());
        QVERIFY2(lines.join(u'\n').contains(QStringLiteral("6300")), qPrintable(lines.join(u'\n')));
        db->close();
    }

    void happyPath()
    {
        const QList<qint64> ids = buy(kSites);
        QCOMPARE(ids.size(), 3);
        QHash<QString, QString> merchantIds;
        for (const qint64 id : ids) {
            const QJsonObject s = waitSettled(id);
            QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("placed"));
            const QString merchantOrderId = s.value(QStringLiteral("merchantOrderId")).toString();
            QVERIFY(!merchantOrderId.isEmpty());
            QVERIFY(s.value(QStringLiteral("paid")).isObject());
            const QJsonArray attempts = s.value(QStringLiteral("placementAttempts")).toArray();
            QCOMPARE(attempts.size(), 1);
            QCOMPARE(attempts.at(0).toObject().value(QStringLiteral("outcome")).toString(),
                     QStringLiteral("placed"));
            const QStringList steps = stepNames(s);
            QVERIFY2(steps.mid(steps.size() - 3) ==
                         QStringList({QStringLiteral("check_price"), QStringLiteral("create"),
                                      QStringLiteral("confirm")}),
                     qPrintable(steps.join(u',')));
            QCOMPARE(steps.first(), QStringLiteral("sign_in"));
            // Recorded with who, when and why.
            const QJsonArray events = s.value(QStringLiteral("events")).toArray();
            QCOMPARE(events.last().toObject().value(QStringLiteral("to")).toString(),
                     QStringLiteral("placed"));
            QVERIFY(events.last()
                        .toObject()
                        .value(QStringLiteral("actor"))
                        .toString()
                        .startsWith(QStringLiteral("worker:")));
            const auto counts = simOrders(&merchantIds);
            const QString ref = s.value(QStringLiteral("clientReference")).toString();
            QCOMPARE(counts.value(ref), 1);
            QCOMPARE(merchantIds.value(ref), merchantOrderId);
        }
        // Every sub-order placed: the order is completed.
        const QString order =
            QStringLiteral("/api/v1/orders/%1")
                .arg(subOrder(ids.first()).value(QStringLiteral("orderId")).toInteger());
        QCOMPARE(body(m_customer->raw("GET", order)).value(QStringLiteral("status")).toString(),
                 QStringLiteral("completed"));
    }

    // 429 and 503 answers make the site wait for Retry-After and do not count as failures:
    // the sub-order is placed in the end.
    void rateLimitedThenPlaced_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("http429") << QStringLiteral("429");
        QTest::newRow("http503") << QStringLiteral("503");
    }

    void rateLimitedThenPlaced()
    {
        QFETCH(QString, mode);
        SyncClient sim(m_world->simUrl());
        const auto rule =
            sim.raw("POST", QStringLiteral("/__sim/faults"),
                    compact({{QStringLiteral("path"), QStringLiteral("/merchant/us/skus")},
                             {QStringLiteral("mode"), mode},
                             {QStringLiteral("retryAfter"), 1},
                             {QStringLiteral("times"), 2}}),
                    kJson);
        QVERIFY2(rule.status / 100 == 2, qPrintable(describe(rule)));
        const qint64 id = buy({QStringLiteral("amazon.com")}).first();
        const QJsonObject s = waitSettled(id, 20000);
        QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("placed"));
        QCOMPARE(s.value(QStringLiteral("attempts")).toInt(), 0); // none counted as failed
        QCOMPARE(simOrders().value(s.value(QStringLiteral("clientReference")).toString()), 1);
        const QJsonArray attempts = s.value(QStringLiteral("placementAttempts")).toArray();
        QCOMPARE(attempts.size(), 3);
        for (int i = 0; i < 2; ++i) {
            const QJsonObject a = attempts.at(i).toObject();
            QCOMPARE(a.value(QStringLiteral("reason")).toString(), QStringLiteral("rate limited"));
            const QJsonObject step = a.value(QStringLiteral("steps")).toArray().last().toObject();
            QCOMPARE(step.value(QStringLiteral("httpStatus")).toInt(), mode.toInt());
            // The next attempt waited for Retry-After: 1.
            const qint64 waited =
                fromWireTime(
                    attempts.at(i + 1).toObject().value(QStringLiteral("startedAt")).toString())
                    .toMSecsSinceEpoch() -
                fromWireTime(a.value(QStringLiteral("endedAt")).toString()).toMSecsSinceEpoch();
            QVERIFY2(waited >= 950, qPrintable(QString::number(waited)));
        }
        // The back-off is in the store too, for other instances and a restart.
        auto db = store();
        QVERIFY(db);
        const auto notBefore =
            server::orders::shopleases::notBefore(db->writer(), QStringLiteral("amazon.com"));
        db->close();
        QVERIFY(notBefore);
        QVERIFY2(*notBefore >=
                     wireMs(attempts.at(1).toObject().value(QStringLiteral("startedAt"))) + 950,
                 qPrintable(QString::number(*notBefore)));
    }

    // A connection reset on create: ambiguous, so the next attempt looks the reference up,
    // finds nothing and creates once.
    void resetOnCreate()
    {
        SyncClient s(m_world->simUrl());
        const auto rule =
            s.raw("POST", QStringLiteral("/__sim/faults"),
                  compact({{QStringLiteral("path"), QStringLiteral("/merchant/us/orders")},
                           {QStringLiteral("method"), QStringLiteral("POST")},
                           {QStringLiteral("mode"), QStringLiteral("reset")},
                           {QStringLiteral("times"), 1}}),
                  kJson);
        QVERIFY2(rule.status / 100 == 2, qPrintable(describe(rule)));
        const qint64 id = buy({QStringLiteral("amazon.com")}).first();
        const QJsonObject sub = waitSettled(id, 20000);
        QCOMPARE(sub.value(QStringLiteral("status")).toString(), QStringLiteral("placed"));
        QCOMPARE(simOrders().value(sub.value(QStringLiteral("clientReference")).toString()), 1);
        const QJsonArray attempts = sub.value(QStringLiteral("placementAttempts")).toArray();
        QCOMPARE(attempts.size(), 2);
        const QJsonObject first = attempts.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("outcome")).toString(), QStringLiteral("retry"));
        QCOMPARE(first.value(QStringLiteral("failedStep")).toString(), QStringLiteral("create"));
        QVERIFY(stepNames(sub).contains(QStringLiteral("lookup")));
    }

    // The shop creates the order and never answers: the worker gives up on the connection,
    // looks the reference up and adopts the order it finds; exactly one order at the shop.
    void timeoutAfterCreateIsAdopted()
    {
        setFaults(
            {{QStringLiteral("jp"), QJsonObject{{QStringLiteral("timeoutAfterCreate"), 1.0}}}});
        const qint64 id = buy({QStringLiteral("amazon.co.jp")}).first();
        const QJsonObject sub = waitSettled(id, 30000);
        QCOMPARE(sub.value(QStringLiteral("status")).toString(), QStringLiteral("placed"));
        QHash<QString, QString> merchantIds;
        const auto counts = simOrders(&merchantIds);
        const QString ref = sub.value(QStringLiteral("clientReference")).toString();
        QCOMPARE(counts.value(ref), 1);
        QCOMPARE(sub.value(QStringLiteral("merchantOrderId")).toString(), merchantIds.value(ref));
        const QJsonArray attempts = sub.value(QStringLiteral("placementAttempts")).toArray();
        QCOMPARE(attempts.size(), 2);
        QCOMPARE(attempts.at(0).toObject().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("timeout"));
        QStringList second;
        for (const QJsonValue &st :
             attempts.at(1).toObject().value(QStringLiteral("steps")).toArray())
            second << st.toObject().value(QStringLiteral("step")).toString();
        QVERIFY2(second.contains(QStringLiteral("lookup")) &&
                     !second.contains(QStringLiteral("create")),
                 qPrintable(second.join(u',')));
    }

    void toTheManualQueue_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("reason");
        QTest::newRow("captcha") << QStringLiteral("captcha") << QStringLiteral("captcha");
        QTest::newRow("outOfStock")
            << QStringLiteral("outOfStock") << QStringLiteral("out of stock");
        QTest::newRow("priceChange")
            << QStringLiteral("priceChange") << QStringLiteral("the shop asks");
    }

    void toTheManualQueue()
    {
        QFETCH(QString, fault);
        QFETCH(QString, reason);
        setFaults({{QStringLiteral("uk"), QJsonObject{{fault, 1.0}}}});
        const qint64 id = buy({QStringLiteral("asos.com")}).first();
        const QJsonObject sub = waitSettled(id);
        QCOMPARE(sub.value(QStringLiteral("status")).toString(), QStringLiteral("needs_manual"));
        QVERIFY2(sub.value(QStringLiteral("reason")).toString().contains(reason),
                 qPrintable(sub.value(QStringLiteral("reason")).toString()));
        QCOMPARE(simOrders().value(sub.value(QStringLiteral("clientReference")).toString()), 0);
        const QJsonArray events = sub.value(QStringLiteral("events")).toArray();
        QCOMPARE(events.last().toObject().value(QStringLiteral("to")).toString(),
                 QStringLiteral("needs_manual"));
    }

    // Every call reset: the attempts run out and the sub-order goes to the manual queue,
    // saying how many failed and that the shop may hold an order under the reference.
    void repeatedFailuresGoToManual()
    {
        setFaults({{QStringLiteral("us"), QJsonObject{{QStringLiteral("reset"), 1.0}}}});
        const qint64 id = buy({QStringLiteral("amazon.com")}).first();
        const QJsonObject sub = waitSettled(id, 30000);
        QCOMPARE(sub.value(QStringLiteral("status")).toString(), QStringLiteral("needs_manual"));
        QVERIFY2(sub.value(QStringLiteral("reason"))
                     .toString()
                     .contains(QStringLiteral("failed attempts")),
                 qPrintable(sub.value(QStringLiteral("reason")).toString()));
        QVERIFY(sub.value(QStringLiteral("placementAttempts")).toArray().size() >= 3);
        QCOMPARE(simOrders().value(sub.value(QStringLiteral("clientReference")).toString()), 0);
    }

    void insufficientBalance()
    {
        SyncClient s(m_world->simUrl());
        auto empty =
            s.raw("POST", QStringLiteral("/__sim/accounts/uk"),
                  compact({{QStringLiteral("balance"),
                            QJsonObject{{QStringLiteral("minor"), 0},
                                        {QStringLiteral("currency"), QStringLiteral("GBP")}}}}),
                  kJson);
        QCOMPARE(empty.status, 200);
        const qint64 id = buy({QStringLiteral("asos.com")}).first();
        const QJsonObject sub = waitSettled(id);
        s.raw("POST", QStringLiteral("/__sim/accounts/uk"),
              compact({{QStringLiteral("balance"),
                        QJsonObject{{QStringLiteral("minor"), qint64(1000000000)},
                                    {QStringLiteral("currency"), QStringLiteral("GBP")}}}}),
              kJson);
        QCOMPARE(sub.value(QStringLiteral("status")).toString(), QStringLiteral("needs_manual"));
        QVERIFY(sub.value(QStringLiteral("reason")).toString().contains(QStringLiteral("balance")));
        const QString created = sub.value(QStringLiteral("merchantOrderId")).toString();
        QVERIFY(!created.isEmpty());

        // The order created at the shop is not silently replaced by another number.
        const QString base = QStringLiteral("/api/v1/admin/sub-orders/%1").arg(id);
        QCOMPARE(m_ops->raw("POST", base + QStringLiteral("/claim")).status, 200);
        QJsonObject byHand{{QStringLiteral("merchantOrderId"), QStringLiteral("UK-OTHER-1")},
                           {QStringLiteral("paid"),
                            QJsonObject{{QStringLiteral("minor"), 100},
                                        {QStringLiteral("currency"), QStringLiteral("GBP")}}}};
        const auto refused =
            m_ops->raw("POST", base + QStringLiteral("/manual-placement"), compact(byHand), kJson);
        QCOMPARE(refused.status, 409);
        QVERIFY2(refused.body.contains(created.toUtf8()), refused.body.constData());
        byHand.insert(QStringLiteral("replaceMerchantOrderId"), true);
        const auto replaced =
            m_ops->raw("POST", base + QStringLiteral("/manual-placement"), compact(byHand), kJson);
        QCOMPARE(replaced.status, 200);
        QCOMPARE(body(replaced).value(QStringLiteral("merchantOrderId")).toString(),
                 QStringLiteral("UK-OTHER-1"));
    }

    void manualQueueRoutes()
    {
        setFaults({{QStringLiteral("uk"), QJsonObject{{QStringLiteral("captcha"), 1.0}}}});
        const QList<qint64> ids = {buy({QStringLiteral("asos.com")}).first(),
                                   buy({QStringLiteral("asos.com")}).first(),
                                   buy({QStringLiteral("asos.com")}).first()};
        for (const qint64 id : ids)
            QCOMPARE(waitSettled(id).value(QStringLiteral("status")).toString(),
                     QStringLiteral("needs_manual"));
        clearFaults();

        // The queue lists them, oldest status change first.
        const auto queue = m_ops->raw(
            "GET",
            QStringLiteral("/api/v1/admin/placements?status=needs_manual&site=asos.com&limit=200"));
        QCOMPARE(queue.status, 200);
        QList<qint64> listed;
        for (const QJsonValue &v : body(queue).value(QStringLiteral("items")).toArray())
            listed << v.toObject().value(QStringLiteral("id")).toInteger();
        for (const qint64 id : ids)
            QVERIFY(listed.contains(id));
        const QJsonObject one =
            body(queue).value(QStringLiteral("items")).toArray().first().toObject();
        for (const char *key : {"orderId", "site", "status", "reason", "attempts", "claimedBy",
                                "claimedAt", "statusChangedAt", "createdAt", "paidAt", "total",
                                "goods", "merchantOrderId", "lines"})
            QVERIFY2(one.contains(QLatin1String(key)), key);
        const QJsonObject line = one.value(QStringLiteral("lines")).toArray().first().toObject();
        QVERIFY(!line.value(QStringLiteral("sourceUrl")).toString().isEmpty());
        QVERIFY(!line.value(QStringLiteral("merchantSku")).toString().isEmpty());
        // Paging follows nextCursor.
        const auto page1 = m_ops->raw(
            "GET", QStringLiteral("/api/v1/admin/placements?status=needs_manual&limit=1"));
        const QString cursor = body(page1).value(QStringLiteral("nextCursor")).toString();
        QVERIFY(!cursor.isEmpty());
        const auto page2 = m_ops->raw(
            "GET", QStringLiteral("/api/v1/admin/placements?status=needs_manual&limit=1&cursor=") +
                       cursor);
        QCOMPARE(page2.status, 200);
        QVERIFY(body(page2)
                    .value(QStringLiteral("items"))
                    .toArray()
                    .first()
                    .toObject()
                    .value(QStringLiteral("id")) != body(page1)
                                                        .value(QStringLiteral("items"))
                                                        .toArray()
                                                        .first()
                                                        .toObject()
                                                        .value(QStringLiteral("id")));
        QCOMPARE(m_ops->raw("GET", QStringLiteral("/api/v1/admin/placements?cursor=zz")).status,
                 400);

        m_world->server().createUser(QStringLiteral("ops2"), QStringLiteral("ops-pass-2"),
                                     Role::Ops);
        auto ops2 = m_world->client(QStringLiteral("ops2"), QStringLiteral("ops-pass-2"));
        const QString base = QStringLiteral("/api/v1/admin/sub-orders/%1").arg(ids.at(0));
        const QJsonObject paid{{QStringLiteral("merchantOrderId"), QStringLiteral("UK-BYHAND-1")},
                               {QStringLiteral("paid"),
                                QJsonObject{{QStringLiteral("minor"), 2599},
                                            {QStringLiteral("currency"), QStringLiteral("GBP")}}}};

        // Manual placement needs the claim.
        QCOMPARE(
            m_ops->raw("POST", base + QStringLiteral("/manual-placement"), compact(paid), kJson)
                .status,
            409);
        const auto claimed = m_ops->raw("POST", base + QStringLiteral("/claim"));
        QCOMPARE(claimed.status, 200);
        QCOMPARE(body(claimed).value(QStringLiteral("claimedBy")).toString(),
                 QStringLiteral("ops1"));
        QVERIFY(body(claimed).value(QStringLiteral("claimedAt")).isString());
        QCOMPARE(ops2->raw("POST", base + QStringLiteral("/claim")).status, 409);
        QCOMPARE(ops2->raw("POST", base + QStringLiteral("/release")).status, 409);
        QCOMPARE(ops2->raw("POST", base + QStringLiteral("/manual-placement"), compact(paid), kJson)
                     .status,
                 409);
        const auto bad = m_ops->raw(
            "POST", base + QStringLiteral("/manual-placement"),
            compact({{QStringLiteral("merchantOrderId"), QStringLiteral("")},
                     {QStringLiteral("paid"),
                      QJsonObject{{QStringLiteral("minor"), -1},
                                  {QStringLiteral("currency"), QStringLiteral("GBP")}}}}),
            kJson);
        QCOMPARE(bad.status, 422);
        // Paid in the goods' currency (GBP here), nothing else.
        QJsonObject usd = paid;
        usd.insert(QStringLiteral("paid"),
                   QJsonObject{{QStringLiteral("minor"), 2599},
                               {QStringLiteral("currency"), QStringLiteral("USD")}});
        const auto wrongCurrency =
            m_ops->raw("POST", base + QStringLiteral("/manual-placement"), compact(usd), kJson);
        QCOMPARE(wrongCurrency.status, 422);
        QVERIFY(
            haitao::testing::errorFields(wrongCurrency).contains(QStringLiteral("paid.currency")));
        // While ops1 holds the claim nobody else sends it back or cancels it, nor does the
        // customer cancel the order.
        QCOMPARE(ops2->raw("POST", base + QStringLiteral("/retry-auto")).status, 409);
        QCOMPARE(ops2->raw("POST", base + QStringLiteral("/cancel"),
                           compact({{QStringLiteral("reason"), QStringLiteral("x")}}), kJson)
                     .status,
                 409);
        const qint64 claimedOrder =
            subOrder(ids.at(0)).value(QStringLiteral("orderId")).toInteger();
        QCOMPARE(m_customer
                     ->raw("POST", QStringLiteral("/api/v1/orders/%1/cancel").arg(claimedOrder),
                           compact({}), kJson)
                     .status,
                 409);
        QCOMPARE(subOrder(ids.at(0)).value(QStringLiteral("status")).toString(),
                 QStringLiteral("needs_manual"));
        const auto placed =
            m_ops->raw("POST", base + QStringLiteral("/manual-placement"), compact(paid), kJson);
        QCOMPARE(placed.status, 200);
        QCOMPARE(body(placed).value(QStringLiteral("status")).toString(),
                 QStringLiteral("placed_manually"));
        QCOMPARE(body(placed).value(QStringLiteral("merchantOrderId")).toString(),
                 QStringLiteral("UK-BYHAND-1"));
        const QJsonObject placedDetail = subOrder(ids.at(0));
        QCOMPARE(placedDetail.value(QStringLiteral("paid"))
                     .toObject()
                     .value(QStringLiteral("minor"))
                     .toInt(),
                 2599);
        QCOMPARE(placedDetail.value(QStringLiteral("events"))
                     .toArray()
                     .last()
                     .toObject()
                     .value(QStringLiteral("actor"))
                     .toString(),
                 QStringLiteral("ops1"));
        // Only queued sub-orders can be claimed.
        QCOMPARE(m_ops->raw("POST", base + QStringLiteral("/claim")).status, 409);
        QCOMPARE(m_ops->raw("POST", QStringLiteral("/api/v1/admin/sub-orders/999999/claim")).status,
                 404);

        // Claim and release.
        const QString second = QStringLiteral("/api/v1/admin/sub-orders/%1").arg(ids.at(1));
        QCOMPARE(ops2->raw("POST", second + QStringLiteral("/claim")).status, 200);
        const auto released = ops2->raw("POST", second + QStringLiteral("/release"));
        QCOMPARE(released.status, 200);
        QCOMPARE(body(released).value(QStringLiteral("claimedBy")).toString(), QString());

        // Retry automatic: back in the worker's hands, placed now that the captcha is gone.
        const auto retried = m_ops->raw("POST", second + QStringLiteral("/retry-auto"));
        QCOMPARE(retried.status, 200);
        QCOMPARE(body(retried).value(QStringLiteral("attempts")).toInt(), 0);
        QCOMPARE(waitSettled(ids.at(1)).value(QStringLiteral("status")).toString(),
                 QStringLiteral("placed"));
        QCOMPARE(m_ops->raw("POST", second + QStringLiteral("/retry-auto")).status, 409);

        // Cancel with a reason: cancelled and refunded.
        const QString third = QStringLiteral("/api/v1/admin/sub-orders/%1").arg(ids.at(2));
        const auto noReason =
            m_ops->raw("POST", third + QStringLiteral("/cancel"), compact({}), kJson);
        QCOMPARE(noReason.status, 422);
        const auto cancelled = m_ops->raw(
            "POST", third + QStringLiteral("/cancel"),
            compact({{QStringLiteral("reason"), QStringLiteral("customer asked")}}), kJson);
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(body(cancelled).value(QStringLiteral("status")).toString(),
                 QStringLiteral("cancelled"));
        const qint64 orderId = body(cancelled).value(QStringLiteral("orderId")).toInteger();
        const QJsonObject order =
            body(m_customer->raw("GET", QStringLiteral("/api/v1/orders/%1").arg(orderId)));
        QCOMPARE(order.value(QStringLiteral("refunds")).toArray().size(), 1);
        QCOMPARE(m_ops
                     ->raw("POST", third + QStringLiteral("/cancel"),
                           compact({{QStringLiteral("reason"), QStringLiteral("again")}}), kJson)
                     .status,
                 409);
    }

    // Customers and translators reach none of the placement routes.
    void otherRolesGet403()
    {
        m_world->server().createUser(QStringLiteral("tr1"), QStringLiteral("translator-pass"),
                                     Role::Translator);
        auto translator = m_world->client(QStringLiteral("tr1"), QStringLiteral("translator-pass"));
        const QList<QPair<QByteArray, QString>> routes{
            {"GET", QStringLiteral("/api/v1/admin/shop-accounts")},
            {"GET", QStringLiteral("/api/v1/admin/placements")},
            {"GET", QStringLiteral("/api/v1/admin/placements/counts")},
            {"GET", QStringLiteral("/api/v1/admin/placements/stats")},
            {"GET", QStringLiteral("/api/v1/admin/sub-orders/1")},
            {"POST", QStringLiteral("/api/v1/admin/sub-orders/1/claim")},
            {"POST", QStringLiteral("/api/v1/admin/sub-orders/1/release")},
            {"POST", QStringLiteral("/api/v1/admin/sub-orders/1/retry-auto")},
        };
        for (SyncClient *c : {m_customer.get(), translator.get()})
            for (const auto &[method, path] : routes)
                QCOMPARE(c->raw(method, path).status, 403);
        for (SyncClient *c : {m_customer.get(), translator.get()}) {
            QCOMPARE(c->raw("POST", QStringLiteral("/api/v1/admin/sub-orders/1/manual-placement"),
                            compact({}), kJson)
                         .status,
                     403);
            QCOMPARE(c->raw("POST", QStringLiteral("/api/v1/admin/sub-orders/1/cancel"),
                            compact({{QStringLiteral("reason"), QStringLiteral("x")}}), kJson)
                         .status,
                     403);
            QCOMPARE(c->raw("PUT", QStringLiteral("/api/v1/admin/shop-accounts/x.com"), compact({}),
                            kJson)
                         .status,
                     403);
        }
    }

    // A paid sub-order not final after --placement-stuck-minutes is counted as stuck and
    // logged once as a warning (here: a site without a shop account, so it waits in the
    // manual queue).
    void stuckSubOrdersAreCountedAndLogged()
    {
        auto offset = std::make_shared<std::atomic<qint64>>(0);
        struct Lines
        {
            std::mutex mutex;
            QList<QByteArray> lines;
        };
        auto log = std::make_shared<Lines>();
        server::Config config = placementConfig(1);
        config.placementStuckMinutes = 1;
        config.clock = [offset] { return QDateTime::currentMSecsSinceEpoch() + offset->load(); };
        config.logSink = [log](const QByteArray &line) {
            std::lock_guard lock(log->mutex);
            log->lines.append(line);
        };
        OrderFixture world(config);
        QVERIFY(world.start());
        world.createCustomer(QStringLiteral("slowbuyer"));
        auto customer = world.client(QStringLiteral("slowbuyer"), OrderFixture::customerPassword());
        auto admin = world.admin();
        const QJsonObject order =
            world.placeOrder(*customer, {{m_skus[QStringLiteral("amazon.com")].first(), 1}},
                             QStringLiteral("stuck-1"));
        world.pay(*customer, order.value(QStringLiteral("id")).toInteger());
        const auto stuck = [&] {
            return body(admin->raw("GET", QStringLiteral("/api/v1/admin/placements/counts")))
                .value(QStringLiteral("stuck"))
                .toInt(-1);
        };
        const auto warned = [&] {
            std::lock_guard lock(log->mutex);
            int n = 0;
            for (const QByteArray &line : std::as_const(log->lines))
                n += line.contains("sub-order stuck") ? 1 : 0;
            return n;
        };
        QTRY_COMPARE(body(admin->raw("GET", QStringLiteral("/api/v1/admin/placements/counts")))
                         .value(QStringLiteral("needs_manual"))
                         .toInt(),
                     1);
        QCOMPARE(stuck(), 0);
        QCOMPARE(warned(), 0);
        offset->store(2 * 60 * 1000);
        QCOMPARE(stuck(), 1);
        // The worker looks for stuck sub-orders every 30 s.
        QTRY_COMPARE_WITH_TIMEOUT(warned(), 1, 45000);
    }

    void countsAndStats()
    {
        const auto counts = m_ops->raw("GET", QStringLiteral("/api/v1/admin/placements/counts"));
        QCOMPARE(counts.status, 200);
        const QJsonObject c = body(counts);
        for (const char *key : {"awaiting_placement", "placing", "needs_manual", "placed",
                                "placed_manually", "cancelled", "stuck", "oldestNeedsManualAt"})
            QVERIFY2(c.contains(QLatin1String(key)), key);
        QVERIFY(c.value(QStringLiteral("placed")).toInt() >= 3);
        QVERIFY(c.value(QStringLiteral("needs_manual")).toInt() >= 1);
        QVERIFY(c.value(QStringLiteral("oldestNeedsManualAt")).isString());

        const auto stats =
            m_ops->raw("GET", QStringLiteral("/api/v1/admin/placements/stats?days=3"));
        QCOMPARE(stats.status, 200);
        const QJsonObject s = body(stats);
        const QJsonArray days = s.value(QStringLiteral("days")).toArray();
        QCOMPARE(days.size(), 3 * 3); // three dates, three sites
        qint64 placed = 0;
        for (const QJsonValue &d : days) {
            const QJsonObject o = d.toObject();
            QCOMPARE(o.value(QStringLiteral("date")).toString().size(), 10);
            QVERIFY(kSites.contains(o.value(QStringLiteral("site")).toString()));
            QVERIFY(o.value(QStringLiteral("attempts")).toInt() >=
                    o.value(QStringLiteral("placed")).toInt());
            placed += o.value(QStringLiteral("placed")).toInt();
        }
        QCOMPARE(placed, c.value(QStringLiteral("placed")).toInteger());
        bool captcha = false;
        for (const QJsonValue &f : s.value(QStringLiteral("failures")).toArray())
            captcha =
                captcha || f.toObject().value(QStringLiteral("reason")).toString() == u"captcha";
        QVERIFY(captcha);
        const QJsonArray latency = s.value(QStringLiteral("latency")).toArray();
        QVERIFY(!latency.isEmpty());
        const QJsonObject l = latency.first().toObject();
        QVERIFY(l.value(QStringLiteral("count")).toInt() >= 1);
        QVERIFY(l.value(QStringLiteral("p50Ms")).toInteger() <=
                l.value(QStringLiteral("p90Ms")).toInteger());
        QVERIFY(l.value(QStringLiteral("p90Ms")).toInteger() <=
                l.value(QStringLiteral("p99Ms")).toInteger());
        const QJsonArray queue = s.value(QStringLiteral("queue")).toArray();
        QCOMPARE(queue.size(), 3);
        QCOMPARE(queue.last().toObject().value(QStringLiteral("needsManual")).toInteger(),
                 c.value(QStringLiteral("needs_manual")).toInteger());
        QCOMPARE(m_ops->raw("GET", QStringLiteral("/api/v1/admin/placements/stats?days=0")).status,
                 400);
    }

    // A create that got no answer: the next attempt waits twice the call timeout (a slow shop
    // may still store it), and while the shop may hold the order, neither the customer nor
    // staff can cancel (and refund) it; a lookup that answers clears the way.
    void ambiguousCreateWaitsAndBlocksCancel()
    {
        SyncClient sim(m_world->simUrl());
        const auto rule =
            sim.raw("POST", QStringLiteral("/__sim/faults"),
                    compact({{QStringLiteral("path"), QStringLiteral("/merchant/uk/orders")},
                             {QStringLiteral("mode"), QStringLiteral("reset")},
                             {QStringLiteral("times"), 10}}),
                    kJson);
        QVERIFY2(rule.status / 100 == 2, qPrintable(describe(rule)));
        const qint64 id = buy({QStringLiteral("asos.com")}).first();
        const QJsonObject sub = waitSettled(id, 30000);
        QCOMPARE(sub.value(QStringLiteral("status")).toString(), QStringLiteral("needs_manual"));
        const QString ref = sub.value(QStringLiteral("clientReference")).toString();
        QVERIFY2(sub.value(QStringLiteral("reason")).toString().contains(ref),
                 qPrintable(sub.value(QStringLiteral("reason")).toString()));
        const QJsonArray attempts = sub.value(QStringLiteral("placementAttempts")).toArray();
        QVERIFY(attempts.size() >= 2);
        QCOMPARE(attempts.at(0).toObject().value(QStringLiteral("failedStep")).toString(),
                 QStringLiteral("create"));
        const qint64 waited = wireMs(attempts.at(1).toObject().value(QStringLiteral("startedAt"))) -
                              wireMs(attempts.at(0).toObject().value(QStringLiteral("endedAt")));
        QVERIFY2(waited >= 2 * 1000, qPrintable(QString::number(waited)));

        const qint64 orderId = sub.value(QStringLiteral("orderId")).toInteger();
        const auto byCustomer = m_customer->raw(
            "POST", QStringLiteral("/api/v1/orders/%1/cancel").arg(orderId), compact({}), kJson);
        QCOMPARE(byCustomer.status, 409);
        QVERIFY2(byCustomer.body.contains(ref.toUtf8()), byCustomer.body.constData());
        const QString base = QStringLiteral("/api/v1/admin/sub-orders/%1").arg(id);
        QCOMPARE(m_ops
                     ->raw("POST", base + QStringLiteral("/cancel"),
                           compact({{QStringLiteral("reason"), QStringLiteral("x")}}), kJson)
                     .status,
                 409);

        // Retry automatic looks the reference up, finds nothing and places it once.
        clearFaults();
        QCOMPARE(m_ops->raw("POST", base + QStringLiteral("/retry-auto")).status, 200);
        QCOMPARE(waitSettled(id).value(QStringLiteral("status")).toString(),
                 QStringLiteral("placed"));
        QCOMPARE(simOrders().value(ref), 1);
    }

    // The shop calls our token stale while the store says the lease is ours (a restored
    // store): counted as failed attempts, so the sub-order reaches the manual queue instead
    // of looping.
    void staleTokenWhileHoldingCounts()
    {
        SyncClient sim(m_world->simUrl());
        qint64 highest = 0;
        for (const QJsonValue &v : body(sim.raw("GET", QStringLiteral("/__sim/accounts")))
                                       .value(QStringLiteral("items"))
                                       .toArray())
            if (v.toObject().value(QStringLiteral("site")).toString() == u"jp")
                highest = v.toObject().value(QStringLiteral("highestFencingToken")).toInteger();
        // The shop has seen a token far above ours (well above the grants to come), and the
        // store's token starts again from 0.
        highest += 100;
        const auto bump = sim.raw("GET", QStringLiteral("/merchant/jp/account"), {},
                                  {{"X-Fencing-Token", QByteArray::number(highest)}});
        QCOMPARE(bump.status, 401); // the token is remembered before the sign-in is checked
        storeExec(QStringLiteral("UPDATE shop_leases SET token = 0 WHERE site = 'amazon.co.jp'"));
        const qint64 id = buy({QStringLiteral("amazon.co.jp")}).first();
        const QJsonObject sub = waitSettled(id);
        // Tokens above the shop's again, for the tests that follow.
        storeExec(QStringLiteral("UPDATE shop_leases SET token = %1 WHERE site = 'amazon.co.jp'")
                      .arg(highest + 1000));
        QCOMPARE(sub.value(QStringLiteral("status")).toString(), QStringLiteral("needs_manual"));
        QVERIFY2(sub.value(QStringLiteral("reason")).toString().contains(u"fencing token"),
                 qPrintable(sub.value(QStringLiteral("reason")).toString()));
        QCOMPARE(sub.value(QStringLiteral("placementAttempts")).toArray().size(), 3);
    }

    // An attempt that never ends normally (interrupted every time) stops after three in a row.
    void interruptedThriceGoesToManual()
    {
        const qint64 id = buy({QStringLiteral("amazon.com")}, false).first();
        leftInPlacing(id, 2);
        const QJsonObject sub = waitSettled(id);
        QCOMPARE(sub.value(QStringLiteral("status")).toString(), QStringLiteral("needs_manual"));
        QVERIFY2(sub.value(QStringLiteral("reason")).toString().contains(u"in a row"),
                 qPrintable(sub.value(QStringLiteral("reason")).toString()));
        QCOMPARE(simOrders().value(sub.value(QStringLiteral("clientReference")).toString()), 0);
    }

    // Left in placing on a site whose account is disabled: nobody will work it, so it goes to
    // the manual queue, saying an order may exist under its reference.
    void placingWithoutAccountGoesToManual()
    {
        const qint64 id = buy({QStringLiteral("asos.com")}, false).first();
        enableShopAccount(QStringLiteral("asos.com"), false);
        leftInPlacing(id, 0);
        const QJsonObject sub = waitSettled(id);
        enableShopAccount(QStringLiteral("asos.com"), true);
        QCOMPARE(sub.value(QStringLiteral("status")).toString(), QStringLiteral("needs_manual"));
        const QString reason = sub.value(QStringLiteral("reason")).toString();
        QVERIFY2(reason.contains(u"disabled") &&
                     reason.contains(sub.value(QStringLiteral("clientReference")).toString()),
                 qPrintable(reason));
        QCOMPARE(sub.value(QStringLiteral("placementAttempts"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("outcome"))
                     .toString(),
                 QStringLiteral("interrupted"));
    }

    // The issue's default fault mix (latency lowered) over 500 sub-orders: each ends placed
    // or in the manual queue, and no client reference has two orders at the shop.
    void mixedFaultProfile()
    {
        SyncClient s(m_world->simUrl());
        const QList<QPair<QString, QString>> balances{
            {QStringLiteral("us"), QStringLiteral("USD")},
            {QStringLiteral("jp"), QStringLiteral("JPY")},
            {QStringLiteral("uk"), QStringLiteral("GBP")}};
        for (const auto &[site, currency] : balances)
            s.raw("POST", QStringLiteral("/__sim/accounts/") + site,
                  compact({{QStringLiteral("balance"),
                            QJsonObject{{QStringLiteral("minor"), qint64(1) << 50},
                                        {QStringLiteral("currency"), currency}}}}),
                  kJson);
        setFaults(
            {{QStringLiteral("seed"), 42},
             {QStringLiteral("default"), QJsonObject{{QStringLiteral("latencyMs"), 5},
                                                     {QStringLiteral("http429"), 0.05},
                                                     {QStringLiteral("http503"), 0.05},
                                                     {QStringLiteral("reset"), 0.03},
                                                     {QStringLiteral("timeoutAfterCreate"), 0.05},
                                                     {QStringLiteral("captcha"), 0.01},
                                                     {QStringLiteral("outOfStock"), 0.01},
                                                     {QStringLiteral("priceChange"), 0.01}}}});
        QElapsedTimer clock;
        clock.start();
        QList<qint64> ids;
        while (ids.size() < 501)
            ids += buy(kSites);
        qInfo("500 sub-orders ordered and paid in %lld ms", clock.elapsed());
        QElapsedTimer wait;
        wait.start();
        for (;;) {
            const QJsonObject c =
                body(m_ops->raw("GET", QStringLiteral("/api/v1/admin/placements/counts")));
            if (c.value(QStringLiteral("awaiting_placement")).toInt() +
                    c.value(QStringLiteral("placing")).toInt() ==
                0)
                break;
            QVERIFY2(wait.elapsed() < 150000, qPrintable(QString::fromUtf8(compact(c))));
            QTest::qWait(200);
        }
        qInfo("settled after %lld ms", clock.elapsed());
        clearFaults();

        QHash<QString, QString> merchantIds;
        const QHash<QString, int> atShop = simOrders(&merchantIds);
        for (auto it = atShop.begin(); it != atShop.end(); ++it)
            QVERIFY2(it.value() == 1,
                     qPrintable(QStringLiteral("%1 orders for %2").arg(it.value()).arg(it.key())));
        QHash<QString, QPair<int, int>> perSite; // placed, total
        for (const qint64 id : std::as_const(ids)) {
            const QJsonObject sub = subOrder(id);
            const QString status = sub.value(QStringLiteral("status")).toString();
            QVERIFY2(status == u"placed" || status == u"needs_manual", qPrintable(status));
            const QString ref = sub.value(QStringLiteral("clientReference")).toString();
            auto &site = perSite[sub.value(QStringLiteral("site")).toString()];
            ++site.second;
            if (status == u"placed") {
                ++site.first;
                QCOMPARE(sub.value(QStringLiteral("merchantOrderId")).toString(),
                         merchantIds.value(ref));
            }
        }
        for (auto it = perSite.begin(); it != perSite.end(); ++it)
            qInfo("%s: %d of %d placed automatically (%d%%)", qPrintable(it.key()),
                  it.value().first, it.value().second,
                  it.value().first * 100 / std::max(1, it.value().second));
        for (const QJsonValue &a : body(s.raw("GET", QStringLiteral("/__sim/accounts")))
                                       .value(QStringLiteral("items"))
                                       .toArray())
            QCOMPARE(a.toObject().value(QStringLiteral("concurrentUse")).toInt(), 0);
    }

    // A second server on the same orders store (its own identity and catalog): both place at
    // once, the leases keep each shop account to one of them at a time.
    void twoInstancesOnOnePostgres()
    {
        if (!haitao::testing::usingPostgres())
            QSKIP("needs PostgreSQL: set HAITAO_TEST_PG_URL (scripts/test does) for two "
                  "instances on one database");
        server::Config second = placementConfig(3);
        second.instanceName = QStringLiteral("second-instance");
        second.dbUrls.insert(QStringLiteral("orders"),
                             m_world->server().config().dbUrls.value(QStringLiteral("orders")));
        haitao::testing::TestServer other(second);
        QVERIFY(other.start());
        setFaults({{QStringLiteral("default"), QJsonObject{{QStringLiteral("latencyMs"), 10}}}});
        QList<qint64> ids;
        while (ids.size() < 90)
            ids += buy(kSites);
        QSet<QString> workers;
        for (const qint64 id : std::as_const(ids)) {
            const QJsonObject sub = waitSettled(id, 60000);
            QCOMPARE(sub.value(QStringLiteral("status")).toString(), QStringLiteral("placed"));
            for (const QJsonValue &a : sub.value(QStringLiteral("placementAttempts")).toArray())
                workers.insert(
                    a.toObject().value(QStringLiteral("worker")).toString().section(u'/', 0, 0));
        }
        qInfo("attempts made by: %s",
              qPrintable(QStringList(workers.begin(), workers.end()).join(u' ')));
        for (const int n : simOrders())
            QCOMPARE(n, 1);
        SyncClient s(m_world->simUrl());
        for (const QJsonValue &a : body(s.raw("GET", QStringLiteral("/__sim/accounts")))
                                       .value(QStringLiteral("items"))
                                       .toArray())
            QCOMPARE(a.toObject().value(QStringLiteral("concurrentUse")).toInt(), 0);
        other.stop();
    }
};

QTEST_MAIN(TstPlacement)
#include "tst_placement.moc"
