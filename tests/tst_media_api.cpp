// Product images over real HTTP: a URL import from haitao-sim makes the server fetch the
// page's images in the background; they are then served content-addressed with a strong
// ETag and a year-long immutable Cache-Control. Non-images, refused addresses and shop
// faults leave the image unfetched with the reason recorded; faults are retried, boundedly.
#include "backend/media/mediaservice.h"
#include "sim/shop.h"
#include "sim/simserver.h"
#include "tests/support/rawjson.h"
#include "tests/support/syncclient.h"
#include "tests/support/testdb.h"
#include "tests/support/testserver.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace haitao;
using haitao::testing::body;
using haitao::testing::describe;
using haitao::testing::SyncClient;
using haitao::testing::TestServer;

class TstMediaApi : public QObject
{
    Q_OBJECT

    std::unique_ptr<sim::SimServer> m_sim;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<SyncClient> m_ops;

    QString origin() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_sim->port()); }

    QJsonObject importUrl(const QString &path)
    {
        const auto r =
            m_ops->raw("POST", QStringLiteral("/api/v1/catalog/imports/url"),
                       QJsonDocument(QJsonObject{{QStringLiteral("url"), origin() + path}})
                           .toJson(QJsonDocument::Compact),
                       {{"Content-Type", "application/json"}});
        if (r.status != 201)
            qWarning("url import: %s", qPrintable(describe(r)));
        return body(r);
    }

    QJsonObject product(qint64 id)
    {
        return body(m_ops->raw("GET", QStringLiteral("/api/v1/catalog/products/%1").arg(id)));
    }

    // The served URL of a product's first image; empty while not fetched.
    QString firstImageUrl(qint64 id)
    {
        return product(id)
            .value(QStringLiteral("images"))
            .toArray()
            .at(0)
            .toObject()
            .value(QStringLiteral("url"))
            .toString();
    }

    // For failure messages: what the media component knows of an image.
    QByteArray recordText(const QString &sourceUrl)
    {
        const auto r = m_server->server().media().record(sourceUrl);
        return r ? QStringLiteral("%1 after %2 attempts: %3")
                       .arg(r->state)
                       .arg(r->attempts)
                       .arg(r->error)
                       .toUtf8()
                 : QByteArray("not queued");
    }

    QString state(const QString &sourceUrl)
    {
        const auto r = m_server->server().media().record(sourceUrl);
        return r ? r->state : QString();
    }

    // A feed whose only product has the given image URL.
    void importFeedWithImage(const QString &sku, const QString &imageUrl)
    {
        const QByteArray feed = "sku,title,price,currency,image_urls\r\n" + sku.toUtf8() +
                                ",Image test " + sku.toUtf8() + ",9.99,USD," + imageUrl.toUtf8() +
                                "\r\n";
        const auto r = m_ops->raw("POST",
                                  QStringLiteral("/api/v1/catalog/imports?site=media.example&"
                                                 "format=csv"),
                                  feed, {{"Content-Type", "text/csv"}});
        QCOMPARE(r.status, 202);
    }

    void fault(const QJsonObject &rule)
    {
        SyncClient control{QUrl(origin())};
        const auto r = control.raw("POST", QStringLiteral("/__sim/faults"),
                                   QJsonDocument(rule).toJson(QJsonDocument::Compact),
                                   {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 200);
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
        config.imageRetryMs = 100; // the second attempt 100 ms after the first, then 200
        config.imageFetchAttempts = 3;
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

    void urlImportFetchesAndServesImages()
    {
        const QJsonObject imported = importUrl(QStringLiteral("/shop/us/products/1001"));
        const qint64 id = imported.value(QStringLiteral("id")).toInteger();
        QVERIFY(id > 0);
        const QJsonObject first =
            imported.value(QStringLiteral("images")).toArray().at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("source")).toString(),
                 origin() + QStringLiteral("/shop/us/images/1001-front.gif"));
        QVERIFY(first.contains(QStringLiteral("url"))); // null or already there

        QTRY_VERIFY2_WITH_TIMEOUT(!firstImageUrl(id).isEmpty(),
                                  recordText(first.value(QStringLiteral("source")).toString()),
                                  10000);
        const QString served = firstImageUrl(id);
        const QByteArray expected = sim::Shops::image(QStringLiteral("1001-front.gif")).body;
        const QString hash = QString::fromLatin1(
            QCryptographicHash::hash(expected, QCryptographicHash::Sha256).toHex());
        QCOMPARE(served, QStringLiteral("/api/v1/images/") + hash);

        // Public: no token needed.
        SyncClient anonymous(m_server->url());
        const auto r = anonymous.raw("GET", served);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, expected);
        QCOMPARE(r.header("Content-Type"), QByteArray("image/gif"));
        QCOMPARE(r.header("ETag"), '"' + hash.toLatin1() + '"');
        QCOMPARE(r.header("Cache-Control"), QByteArray("public, max-age=31536000, immutable"));
        // Served from our origin: never sniffed, never able to run anything.
        QCOMPARE(r.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QCOMPARE(r.header("Content-Security-Policy"), QByteArray("default-src 'none'; sandbox"));

        // On disk under its hash, in a folder named by its first two digits.
        QFile file(m_server->config().dataDir + QStringLiteral("/images/") + hash.left(2) +
                   QLatin1Char('/') + hash);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), expected);

        const auto notModified =
            anonymous.raw("GET", served, {}, {{"If-None-Match", r.header("ETag")}});
        QCOMPARE(notModified.status, 304);
        QVERIFY(notModified.body.isEmpty());
        QCOMPARE(notModified.header("ETag"), r.header("ETag"));
        const auto otherTag =
            anonymous.raw("GET", served, {}, {{"If-None-Match", "\"0000\", \"1111\""}});
        QCOMPARE(otherTag.status, 200);

        QCOMPARE(anonymous.raw("GET", QStringLiteral("/api/v1/images/") + QString(64, u'0')).status,
                 404);
        QCOMPARE(anonymous.raw("GET", QStringLiteral("/api/v1/images/not-a-hash")).status, 400);
        QCOMPARE(anonymous.raw("GET", QStringLiteral("/api/v1/images/") + hash.toUpper()).status,
                 400);

        // The list shows the stored image too (looked up for the whole page at once).
        const QJsonArray items = body(m_ops->raw("GET", QStringLiteral("/api/v1/catalog/products")))
                                     .value(QStringLiteral("items"))
                                     .toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0)
                     .toObject()
                     .value(QStringLiteral("images"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("url"))
                     .toString(),
                 served);
    }

    void aPageThatIsNotAnImageIsRefused()
    {
        // A shop page (text/html) given as an image.
        const QString url = origin() + QStringLiteral("/shop/us/products/1002");
        importFeedWithImage(QStringLiteral("NOT-IMAGE"), url);
        QTRY_COMPARE_WITH_TIMEOUT(state(url), QStringLiteral("failed"), 10000);
        const auto record = m_server->server().media().record(url);
        QVERIFY2(record->error.contains(QLatin1String("not an image")), qPrintable(record->error));
        QCOMPARE(record->attempts, 1); // not retried: it will not become an image
        QVERIFY(record->sha256.isEmpty());
    }

    void aRefusedAddressIsNotFetched()
    {
        // The cloud metadata address: the SSRF guard refuses it before any connection.
        const QString url = QStringLiteral("http://169.254.169.254/latest/meta-data/x.gif");
        importFeedWithImage(QStringLiteral("METADATA"), url);
        QTRY_COMPARE_WITH_TIMEOUT(state(url), QStringLiteral("failed"), 10000);
        const auto record = m_server->server().media().record(url);
        QVERIFY2(record->error.contains(QLatin1String("refused")), qPrintable(record->error));

        // Loopback on a port the allow-list does not name.
        const QString other = QStringLiteral("http://127.0.0.1:1/x.gif");
        importFeedWithImage(QStringLiteral("LOOPBACK"), other);
        QTRY_COMPARE_WITH_TIMEOUT(state(other), QStringLiteral("failed"), 10000);
        QVERIFY(m_server->server().media().record(other)->error.contains(QLatin1String("refused")));
    }

    void aShopFaultIsRetried()
    {
        // The first request for the image gets a 503; the retry a moment later succeeds.
        fault({{QStringLiteral("path"), QStringLiteral("/shop/us/images/1002-1.gif")},
               {QStringLiteral("mode"), QStringLiteral("503")},
               {QStringLiteral("times"), 1}});
        const qint64 id = importUrl(QStringLiteral("/shop/us/products/1002"))
                              .value(QStringLiteral("id"))
                              .toInteger();
        QVERIFY(id > 0);
        const QString source = origin() + QStringLiteral("/shop/us/images/1002-1.gif");
        QTRY_VERIFY2_WITH_TIMEOUT(!firstImageUrl(id).isEmpty(), recordText(source), 10000);
        const auto record = m_server->server().media().record(source);
        QCOMPARE(record->state, QStringLiteral("fetched"));
        QCOMPARE(record->attempts, 2);
        QVERIFY(record->error.isEmpty());
    }

    void retriesAreBounded()
    {
        // A connection reset every time: after Config::imageFetchAttempts the image is given
        // up, its URL stays null and the last error is kept.
        fault({{QStringLiteral("path"), QStringLiteral("/shop/jp/images/")},
               {QStringLiteral("mode"), QStringLiteral("reset")}});
        const qint64 id = importUrl(QStringLiteral("/shop/jp/products/2001"))
                              .value(QStringLiteral("id"))
                              .toInteger();
        QVERIFY(id > 0);
        const QString source = origin() + QStringLiteral("/shop/jp/images/2001-1.gif");
        QTRY_COMPARE_WITH_TIMEOUT(state(source), QStringLiteral("failed"), 10000);
        const auto record = m_server->server().media().record(source);
        QCOMPARE(record->attempts, 3);
        QVERIFY(!record->error.isEmpty());
        QVERIFY(firstImageUrl(id).isEmpty());
        QVERIFY(product(id)
                    .value(QStringLiteral("images"))
                    .toArray()
                    .at(0)
                    .toObject()
                    .value(QStringLiteral("url"))
                    .isNull());
    }
};

QTEST_GUILESS_MAIN(TstMediaApi)
#include "tst_media_api.moc"
