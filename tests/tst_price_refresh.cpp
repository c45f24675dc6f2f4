// The price refresh job over real HTTP against haitao-sim's shops: small price changes are
// recorded and leave the listing published, large ones send it back to review with a listing
// event naming old and new price; a site answering 429 with Retry-After is left alone that
// long while other sites go on; repeated failures mark a product stale until a read succeeds;
// requests to one site keep to the configured rate.
#include "core/wiretime.h"
#include "sim/simserver.h"
#include "tests/support/rawjson.h"
#include "tests/support/syncclient.h"
#include "tests/support/testdb.h"
#include "tests/support/testserver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>

using namespace haitao;
using haitao::testing::body;
using haitao::testing::describe;
using haitao::testing::SyncClient;
using haitao::testing::TestServer;

namespace {

constexpr int kRps = 4; // requests to one site at least 250 ms apart

} // namespace

class TstPriceRefresh : public QObject
{
    Q_OBJECT

    std::unique_ptr<sim::SimServer> m_sim;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<SyncClient> m_ops;

    QString origin() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_sim->port()); }

    client::RawResponse post(SyncClient &c, const QString &path, const QJsonObject &o,
                             const QByteArray &ifMatch = {})
    {
        QList<QPair<QByteArray, QByteArray>> h{{"Content-Type", "application/json"}};
        if (!ifMatch.isEmpty())
            h.append({"If-Match", ifMatch});
        return c.raw(path.contains(QLatin1String("/listing")) ? "PUT" : "POST", path,
                     QJsonDocument(o).toJson(QJsonDocument::Compact), h);
    }

    static QByteArray etag(const QJsonObject &p)
    {
        return "\"v" + QByteArray::number(p.value(QStringLiteral("version")).toInteger()) + '"';
    }

    // `host` names the site: the sim's shops all live on one address, and "localhost" makes
    // a second site of it (the allow-list names the address, which localhost resolves to).
    qint64 importUrl(const QString &path, const QString &host = QStringLiteral("127.0.0.1"))
    {
        const QString url = QStringLiteral("http://%1:%2%3").arg(host).arg(m_sim->port()).arg(path);
        const auto r = post(*m_ops, QStringLiteral("/api/v1/catalog/imports/url"),
                            {{QStringLiteral("url"), url}});
        if (r.status != 201)
            qWarning("url import: %s", qPrintable(describe(r)));
        return body(r).value(QStringLiteral("id")).toInteger();
    }

    QJsonObject product(qint64 id)
    {
        return body(m_ops->raw("GET", QStringLiteral("/api/v1/catalog/products/%1").arg(id)));
    }

    // Imported, translated, reviewed and published; false on any refusal.
    bool publish(qint64 id)
    {
        QJsonObject p = product(id);
        auto r = post(*m_ops, QStringLiteral("/api/v1/catalog/products/%1/listing").arg(id),
                      {{QStringLiteral("titleZh"), QStringLiteral("保温水瓶")}}, etag(p));
        for (const char *to : {"in_translation", "in_review", "published"}) {
            if (r.status != 200) {
                qWarning("publish: %s", qPrintable(describe(r)));
                return false;
            }
            r = post(*m_ops, QStringLiteral("/api/v1/catalog/products/%1/transitions").arg(id),
                     {{QStringLiteral("to"), QString::fromLatin1(to)}}, etag(body(r)));
        }
        return r.status == 200;
    }

    int refresh(const QList<qint64> &ids)
    {
        QJsonArray array;
        for (const qint64 id : ids)
            array.append(id);
        const auto r = post(*m_ops, QStringLiteral("/api/v1/catalog/price-refresh"),
                            {{QStringLiteral("productIds"), array}});
        if (r.status != 202)
            qWarning("refresh: %s", qPrintable(describe(r)));
        return int(body(r).value(QStringLiteral("queued")).toInteger());
    }

    // Epoch ms of the product's last successful refresh; 0 before the first.
    qint64 checkedAt(qint64 id)
    {
        const QJsonValue v = product(id).value(QStringLiteral("priceCheckedAt"));
        return v.isNull() ? 0 : fromWireTime(v.toString()).toMSecsSinceEpoch();
    }

    int failures(qint64 id)
    {
        return int(product(id).value(QStringLiteral("refreshFailures")).toInteger());
    }

    void simControl(const QString &path, const QJsonObject &o)
    {
        SyncClient control{QUrl(origin())};
        const auto r = control.raw("POST", path, QJsonDocument(o).toJson(QJsonDocument::Compact),
                                   {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 200);
    }

    void setShopPrice(const QString &site, const QString &id, const QString &price)
    {
        simControl(QStringLiteral("/__sim/shop/products/%1/%2").arg(site, id),
                   {{QStringLiteral("price"), price}});
    }

    QJsonArray prices(qint64 id)
    {
        return body(m_ops->raw("GET", QStringLiteral("/api/v1/catalog/products/%1/prices").arg(id)))
            .value(QStringLiteral("items"))
            .toArray();
    }

private slots:
    void initTestCase()
    {
        if (haitao::testing::postgresRequiredButMissing())
            QSKIP("no PostgreSQL configured: scripts/test starts one and sets HAITAO_TEST_PG_URL");
    }

    void init()
    {
        m_sim = std::make_unique<sim::SimServer>();
        QString error;
        QVERIFY2(m_sim->start(QStringLiteral("127.0.0.1"), 0, &error), qPrintable(error));
        server::Config config;
        config.fetchAllowHosts = {QStringLiteral("127.0.0.1:%1").arg(m_sim->port())};
        config.priceRefreshRps = kRps;
        config.priceChangePercent = 10;
        config.priceRefreshFailures = 3;
        config.priceRefreshBackoffMs = 200;
        m_server = std::make_unique<TestServer>(config);
        QVERIFY(m_server->start());
        m_server->createUser(QStringLiteral("opsuser"), QStringLiteral("ops password"), Role::Ops);
        m_ops = std::make_unique<SyncClient>(m_server->url());
        QVERIFY(m_ops->login(QStringLiteral("opsuser"), QStringLiteral("ops password")).isEmpty());
    }

    void cleanup()
    {
        m_ops.reset();
        m_server.reset();
        m_sim.reset();
    }

    void smallChangeIsRecordedAndStaysPublished()
    {
        const qint64 id = importUrl(QStringLiteral("/shop/us/products/1001"));
        QVERIFY(publish(id));
        const qint64 version = product(id).value(QStringLiteral("version")).toInteger();
        QVERIFY(product(id).value(QStringLiteral("priceCheckedAt")).isNull());

        setShopPrice(QStringLiteral("us"), QStringLiteral("1001"), QStringLiteral("26.24")); // +5%
        QCOMPARE(refresh({id}), 1);
        QTRY_VERIFY_WITH_TIMEOUT(checkedAt(id) > 0, 10000);

        const QJsonObject p = product(id);
        QCOMPARE(p.value(QStringLiteral("status")).toString(), QStringLiteral("published"));
        QCOMPARE(p.value(QStringLiteral("version")).toInteger(), version);
        QCOMPARE(p.value(QStringLiteral("skus"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("price")),
                 QJsonValue(QJsonObject{{QStringLiteral("minor"), 2624},
                                        {QStringLiteral("currency"), QStringLiteral("USD")}}));
        const QJsonArray history = prices(id);
        QCOMPARE(history.size(), 2); // newest first
        QCOMPARE(history.at(0).toObject().value(QStringLiteral("source")).toString(),
                 QStringLiteral("refresh"));
        QCOMPARE(history.at(0).toObject().value(QStringLiteral("sourceSku")).toString(),
                 QStringLiteral("HP-32-SS"));
        // The first price came with the one-click import.
        QCOMPARE(history.at(1).toObject().value(QStringLiteral("source")).toString(),
                 QStringLiteral("url"));
        QCOMPARE(history.at(0)
                     .toObject()
                     .value(QStringLiteral("price"))
                     .toObject()
                     .value(QStringLiteral("minor")),
                 QJsonValue(2624));
        QCOMPARE(history.at(1)
                     .toObject()
                     .value(QStringLiteral("price"))
                     .toObject()
                     .value(QStringLiteral("minor")),
                 QJsonValue(2499));

        // Unchanged the next time: checked again, no new history row.
        const qint64 first = checkedAt(id);
        QCOMPARE(refresh({id}), 1);
        QTRY_VERIFY_WITH_TIMEOUT(checkedAt(id) > first, 10000);
        QCOMPARE(prices(id).size(), 2);
    }

    void largeChangeSendsTheListingBackToReview()
    {
        const qint64 id = importUrl(QStringLiteral("/shop/us/products/1001"));
        QVERIFY(publish(id));
        setShopPrice(QStringLiteral("us"), QStringLiteral("1001"), QStringLiteral("32.49")); // +30%
        QCOMPARE(refresh({id}), 1);
        QTRY_COMPARE_WITH_TIMEOUT(product(id).value(QStringLiteral("status")).toString(),
                                  QStringLiteral("in_review"), 10000);

        const QJsonArray events =
            body(m_ops->raw("GET", QStringLiteral("/api/v1/catalog/products/%1/events").arg(id)))
                .value(QStringLiteral("items"))
                .toArray();
        const QJsonObject last = events.last().toObject();
        QCOMPARE(last.value(QStringLiteral("actor")).toString(),
                 QStringLiteral("system:price-refresh"));
        QCOMPARE(last.value(QStringLiteral("from")).toString(), QStringLiteral("published"));
        QCOMPARE(last.value(QStringLiteral("to")).toString(), QStringLiteral("in_review"));
        const QString comment = last.value(QStringLiteral("comment")).toString();
        QVERIFY2(comment.contains(QLatin1String("24.99")) &&
                     comment.contains(QLatin1String("32.49")),
                 qPrintable(comment));
        QVERIFY2(comment.contains(QLatin1String("+30.0%")), qPrintable(comment));
        QCOMPARE(prices(id).at(0).toObject().value(QStringLiteral("source")).toString(),
                 QStringLiteral("refresh"));
    }

    void retryAfterMakesTheSiteWait()
    {
        const qint64 bottle = importUrl(QStringLiteral("/shop/us/products/1001"));
        const qint64 skillet = importUrl(QStringLiteral("/shop/us/products/1004"));
        const qint64 teapot =
            importUrl(QStringLiteral("/shop/jp/products/2001"), QStringLiteral("localhost"));
        QVERIFY(bottle > 0 && skillet > 0 && teapot > 0);
        // The US shop answers the next page request with 429 and Retry-After: 1 (product
        // pages only: the image worker may be fetching the imports' images meanwhile).
        simControl(QStringLiteral("/__sim/faults"),
                   {{QStringLiteral("path"), QStringLiteral("/shop/us/products/")},
                    {QStringLiteral("mode"), QStringLiteral("429")},
                    {QStringLiteral("retryAfter"), 1},
                    {QStringLiteral("times"), 1}});
        const qint64 start = QDateTime::currentMSecsSinceEpoch();
        QCOMPARE(refresh({bottle, skillet, teapot}), 3);
        QTRY_VERIFY_WITH_TIMEOUT(
            checkedAt(bottle) > 0 && checkedAt(skillet) > 0 && checkedAt(teapot) > 0, 10000);
        // Neither US product was read before the second had passed; the Japanese shop did
        // not wait for the American one.
        QVERIFY2(checkedAt(bottle) - start >= 1000,
                 qPrintable(QString::number(checkedAt(bottle) - start)));
        QVERIFY(checkedAt(skillet) - start >= 1000);
        QVERIFY2(checkedAt(teapot) - start < 1000,
                 qPrintable(QString::number(checkedAt(teapot) - start)));
        QCOMPARE(failures(bottle), 0); // being asked to wait is not a failure
    }

    void repeatedFailuresMarkStaleUntilARead()
    {
        const qint64 id = importUrl(QStringLiteral("/shop/us/products/1001"));
        QVERIFY(id > 0);
        // A redesign: the page has no product any more.
        simControl(QStringLiteral("/__sim/shop/products/us/1001"),
                   {{QStringLiteral("view"), QStringLiteral("redesign")}});
        for (int i = 1; i <= 3; ++i) {
            QCOMPARE(product(id).value(QStringLiteral("stale")).toBool(), false);
            QCOMPARE(refresh({id}), 1);
            QTRY_COMPARE_WITH_TIMEOUT(failures(id), i, 10000);
        }
        QCOMPARE(product(id).value(QStringLiteral("stale")).toBool(), true);
        QVERIFY(product(id).value(QStringLiteral("priceCheckedAt")).isNull());

        simControl(QStringLiteral("/__sim/shop/products/us/1001"),
                   {{QStringLiteral("view"), QStringLiteral("normal")}});
        QCOMPARE(refresh({id}), 1);
        QTRY_VERIFY_WITH_TIMEOUT(checkedAt(id) > 0, 10000);
        QCOMPARE(product(id).value(QStringLiteral("stale")).toBool(), false);
        QCOMPARE(failures(id), 0);
    }

    void oneSiteIsReadAtTheConfiguredRate()
    {
        QList<qint64> ids;
        for (const char *page : {"1001", "1002", "1003", "1004"})
            ids << importUrl(QStringLiteral("/shop/us/products/") + QLatin1String(page));
        QVERIFY(!ids.contains(0));
        QCOMPARE(refresh(ids), 4);
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(ids.begin(), ids.end(), [this](qint64 id) { return checkedAt(id) > 0; }),
            10000);
        QList<qint64> times;
        for (const qint64 id : ids)
            times << checkedAt(id);
        std::sort(times.begin(), times.end());
        // priceCheckedAt is when the page was asked for: each 1/kRps s after the one before
        // (a little slack for the system clock against the steady one the limiter uses).
        for (qsizetype i = 1; i < times.size(); ++i)
            QVERIFY2(
                times.at(i) - times.at(i - 1) >= 1000 / kRps - 5,
                qPrintable(QStringLiteral("reads %1 ms apart").arg(times.at(i) - times.at(i - 1))));
    }

    void requestsAreValidated()
    {
        const auto empty = post(*m_ops, QStringLiteral("/api/v1/catalog/price-refresh"),
                                {{QStringLiteral("productIds"), QJsonArray()}});
        QCOMPARE(empty.status, 422);
        const auto bad = post(*m_ops, QStringLiteral("/api/v1/catalog/price-refresh"),
                              {{QStringLiteral("productIds"), QJsonArray{QStringLiteral("x")}}});
        QCOMPARE(bad.status, 422);
        // No ids: every published product (none yet).
        const auto all = post(*m_ops, QStringLiteral("/api/v1/catalog/price-refresh"), {});
        QCOMPARE(all.status, 202);
        QCOMPARE(body(all).value(QStringLiteral("queued")).toInteger(), 0);
        QCOMPARE(m_ops->raw("GET", QStringLiteral("/api/v1/catalog/products/999999/prices")).status,
                 404);
    }
};

QTEST_GUILESS_MAIN(TstPriceRefresh)
#include "tst_price_refresh.moc"
