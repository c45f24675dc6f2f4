// The catalog over real HTTP: feed uploads imported in the background with counts, row errors
// and idempotent re-import, GBK feeds, search in Chinese and English and by SKU, the listing
// workflow with roles, If-Match versions and its history, what customers may see, and quotes
// by SKU; and the one-click import of a shop's product page from haitao-sim.
#include "backend/catalog/catalogservice.h"
#include "backend/pricing/pricingservice.h"
#include "sim/simserver.h"
#include "tests/support/rawjson.h"
#include "tests/support/syncclient.h"
#include "tests/support/testdb.h"
#include "tests/support/testserver.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace haitao;
using haitao::testing::body;
using haitao::testing::describe;
using haitao::testing::errorFields;
using haitao::testing::SyncClient;
using haitao::testing::TestServer;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

// Three products: one with two variants, one with the partner's Chinese title, one plain;
// line 5 has a bad price and line 6 no title.
const QByteArray kFeed = "sku,group,title,price,currency,category,weight_g,option_size,title_zh\r\n"
                         "TEE-S,TEE,Organic Cotton Tee,15.00,USD,apparel,180,S,\r\n"
                         "TEE-M,TEE,Organic Cotton Tee,15.00,USD,apparel,190,M,\r\n"
                         "VITC,,Vitamin C 1000mg Tablets,19.99,USD,health,320,,维生素C片 120粒\r\n"
                         "BAD-PRICE,,Broken,19.999,USD,,,,\r\n"
                         "NO-TITLE,,,5.00,USD,,,,\r\n"
                         "MASK,,Hydrating Face Mask 30 pack,12.50,USD,beauty,400,,\r\n";

} // namespace

class TstCatalogApi : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;

    std::unique_ptr<SyncClient> signedIn(const QString &user, const QString &password)
    {
        auto c = std::make_unique<SyncClient>(m_server->url());
        const QString error = c->login(user, password);
        if (!error.isEmpty())
            qWarning("login failed: %s", qPrintable(error));
        return c;
    }
    std::unique_ptr<SyncClient> ops()
    {
        return signedIn(QStringLiteral("opsuser"), QStringLiteral("ops password"));
    }
    std::unique_ptr<SyncClient> translator()
    {
        return signedIn(QStringLiteral("translatoruser"), QStringLiteral("translator password"));
    }

    // Uploads a feed and waits for the background import to finish; returns the job.
    QJsonObject import(SyncClient &c, const QByteArray &feed, const QString &query,
                       const QByteArray &contentType = "text/csv")
    {
        const auto r = c.raw("POST", QStringLiteral("/api/v1/catalog/imports?") + query, feed,
                             {{"Content-Type", contentType}});
        if (r.status != 202) {
            qWarning("upload: %s", qPrintable(describe(r)));
            return {};
        }
        const QString location = QString::fromUtf8(r.header("Location"));
        QJsonObject job;
        for (int i = 0; i < 200; ++i) { // up to 10 s
            job = body(c.raw("GET", location));
            const QString state = job.value(QStringLiteral("state")).toString();
            if (state != QLatin1String("queued") && state != QLatin1String("running"))
                break;
            QTest::qWait(50);
        }
        return job;
    }

    QJsonObject findProduct(SyncClient &c, const QString &q)
    {
        const auto r = c.raw("GET", QStringLiteral("/api/v1/catalog/products?q=") +
                                        QString::fromUtf8(QUrl::toPercentEncoding(q)));
        return body(r).value(QStringLiteral("items")).toArray().first().toObject();
    }

    client::RawResponse send(SyncClient &c, const QByteArray &method, const QString &path,
                             const QJsonObject &o, const QByteArray &ifMatch)
    {
        Headers h{{"Content-Type", "application/json"}};
        if (!ifMatch.isEmpty())
            h.append({"If-Match", ifMatch});
        return c.raw(method, path, QJsonDocument(o).toJson(QJsonDocument::Compact), h);
    }

    static QByteArray etag(const QJsonObject &product)
    {
        return "\"v" + QByteArray::number(product.value(QStringLiteral("version")).toInteger()) +
               '"';
    }

    // Five products whose titles sort the same in every collation (distinct capitals).
    QList<qint64> importSortFeed(SyncClient &c)
    {
        import(c,
               "sku,title,price,currency,title_zh\n"
               "S-C,Charlie kettle,5.00,USD,\n"
               "S-A,Alpha kettle,5.00,USD,\n"
               "S-E,Echo kettle,5.00,USD,\n"
               "S-B,Bravo kettle,5.00,USD,\n"
               "S-D,Delta kettle,5.00,USD,\n",
               QStringLiteral("site=sort.example&format=csv"));
        QList<qint64> ids;
        for (const QJsonValue &v : list(c, QStringLiteral("limit=200")))
            ids << v.toObject().value(QStringLiteral("id")).toInteger();
        return ids;
    }

    QJsonArray list(SyncClient &c, const QString &query)
    {
        const auto r = c.raw("GET", QStringLiteral("/api/v1/catalog/products?") + query);
        if (r.status != 200)
            qWarning("list: %s", qPrintable(describe(r)));
        return body(r).value(QStringLiteral("items")).toArray();
    }

    static QList<qint64> idsOf(const QJsonArray &items)
    {
        QList<qint64> ids;
        for (const QJsonValue &v : items)
            ids << v.toObject().value(QStringLiteral("id")).toInteger();
        return ids;
    }

    // Every page of a keyset walk, two at a time.
    QList<qint64> walk(SyncClient &c, const QString &query)
    {
        QList<qint64> ids;
        QString cursor;
        for (int pages = 0; pages < 20; ++pages) {
            const auto r =
                c.raw("GET", QStringLiteral("/api/v1/catalog/products?limit=2&") + query +
                                 (cursor.isEmpty()
                                      ? QString()
                                      : QStringLiteral("&cursor=") +
                                            QString::fromUtf8(QUrl::toPercentEncoding(cursor))));
            if (r.status != 200) {
                qWarning("walk: %s", qPrintable(describe(r)));
                return {};
            }
            ids += idsOf(body(r).value(QStringLiteral("items")).toArray());
            cursor = body(r).value(QStringLiteral("nextCursor")).toString();
            if (cursor.isEmpty())
                break;
        }
        return ids;
    }

    QJsonObject moveTo(SyncClient &c, const QJsonObject &product, const QString &to,
                       const QString &comment = {})
    {
        const auto r =
            send(c, "POST",
                 QStringLiteral("/api/v1/catalog/products/%1/transitions")
                     .arg(product.value(QStringLiteral("id")).toInteger()),
                 {{QStringLiteral("to"), to}, {QStringLiteral("comment"), comment}}, etag(product));
        if (r.status != 200)
            qWarning("move to %s: %s", qPrintable(to), qPrintable(describe(r)));
        return body(r);
    }

    QJsonObject writeListing(SyncClient &c, const QJsonObject &product, const QString &titleZh)
    {
        const auto r = send(c, "PUT",
                            QStringLiteral("/api/v1/catalog/products/%1/listing")
                                .arg(product.value(QStringLiteral("id")).toInteger()),
                            {{QStringLiteral("titleZh"), titleZh},
                             {QStringLiteral("descriptionZh"), QStringLiteral("说明")}},
                            etag(product));
        if (r.status != 200)
            qWarning("listing: %s", qPrintable(describe(r)));
        return body(r);
    }

private slots:
    void initTestCase()
    {
        if (haitao::testing::postgresRequiredButMissing())
            QSKIP("no PostgreSQL configured: scripts/test starts one and sets HAITAO_TEST_PG_URL");
    }

    void init()
    {
        server::Config config;
        config.maxUploadBytes = 256 * 1024;
        m_server = std::make_unique<TestServer>(config);
        QVERIFY(m_server->start());
        QVERIFY(m_server->server().pricing().seedDemo());
        m_server->createUser(QStringLiteral("customer"), QStringLiteral("customer password"),
                             Role::Customer);
        m_server->createUser(QStringLiteral("opsuser"), QStringLiteral("ops password"), Role::Ops);
        m_server->createUser(QStringLiteral("translatoruser"),
                             QStringLiteral("translator password"), Role::Translator);
    }

    void cleanup() { m_server.reset(); }

    void feedImportCountsRowsAndIsIdempotent()
    {
        auto c = ops();
        const QJsonObject first = import(*c, kFeed, QStringLiteral("site=shop.example&format=csv"));
        QCOMPARE(first.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        const QJsonObject counts = first.value(QStringLiteral("counts")).toObject();
        QCOMPARE(counts.value(QStringLiteral("new")).toInteger(), 4);
        QCOMPARE(counts.value(QStringLiteral("rejected")).toInteger(), 2);
        QCOMPARE(first.value(QStringLiteral("bytesDone")).toInteger(), kFeed.size());
        QList<qint64> lines;
        for (const QJsonValue &e : first.value(QStringLiteral("errors")).toArray())
            lines << e.toObject().value(QStringLiteral("line")).toInteger();
        QVERIFY2(lines.contains(5) && lines.contains(6) && !lines.contains(4),
                 qPrintable(QString::fromUtf8(QJsonDocument(first).toJson())));

        // The two variants are one product with two SKUs.
        const QJsonObject tee = findProduct(*c, QStringLiteral("Organic Cotton"));
        QCOMPARE(tee.value(QStringLiteral("skus")).toArray().size(), 2);
        QCOMPARE(tee.value(QStringLiteral("status")).toString(), QStringLiteral("imported"));

        // The same feed again changes nothing.
        const QJsonObject second =
            import(*c, kFeed, QStringLiteral("site=shop.example&format=csv"));
        const QJsonObject again = second.value(QStringLiteral("counts")).toObject();
        QCOMPARE(again.value(QStringLiteral("new")).toInteger(), 0);
        QCOMPARE(again.value(QStringLiteral("updated")).toInteger(), 0);
        QCOMPARE(again.value(QStringLiteral("unchanged")).toInteger(), 4);
        QCOMPARE(findProduct(*c, QStringLiteral("Organic Cotton")).value(QStringLiteral("version")),
                 tee.value(QStringLiteral("version")));

        // Variant rows that disagree on the product's title do not flip it on every import:
        // the group's first row wins.
        QByteArray disagreeing = kFeed;
        disagreeing.replace("TEE-M,TEE,Organic Cotton Tee", "TEE-M,TEE,Organic Cotton Tee (M)");
        import(*c, disagreeing, QStringLiteral("site=shop.example&format=csv"));
        const QJsonObject stable =
            import(*c, disagreeing, QStringLiteral("site=shop.example&format=csv"));
        QCOMPARE(stable.value(QStringLiteral("counts"))
                     .toObject()
                     .value(QStringLiteral("unchanged"))
                     .toInteger(),
                 4);
        QCOMPARE(findProduct(*c, QStringLiteral("Organic Cotton"))
                     .value(QStringLiteral("title"))
                     .toString(),
                 QStringLiteral("Organic Cotton Tee"));

        // A changed price is an update.
        QByteArray changed = kFeed;
        changed.replace("19.99,USD", "21.49,USD");
        const QJsonObject third =
            import(*c, changed, QStringLiteral("site=shop.example&format=csv"));
        QCOMPARE(third.value(QStringLiteral("counts"))
                     .toObject()
                     .value(QStringLiteral("updated"))
                     .toInteger(),
                 1);
    }

    void badUploadsAreRefusedClearly()
    {
        auto c = ops();
        const auto noSite = c->raw("POST", QStringLiteral("/api/v1/catalog/imports?format=xml"),
                                   kFeed, {{"Content-Type", "text/csv"}});
        QCOMPARE(noSite.status, 422);
        QVERIFY(errorFields(noSite).contains(QStringLiteral("site")));
        QVERIFY(errorFields(noSite).contains(QStringLiteral("format")));

        const auto tooBig =
            c->raw("POST", QStringLiteral("/api/v1/catalog/imports?site=shop.example&format=csv"),
                   QByteArray(300 * 1024, 'x'), {{"Content-Type", "text/csv"}});
        QCOMPARE(tooBig.status, 413);

        // A feed without the required columns fails as a whole, and says why.
        const QJsonObject failed =
            import(*c, "name,cost\nA,1\n", QStringLiteral("site=shop.example&format=csv"));
        QCOMPARE(failed.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
        QVERIFY(!failed.value(QStringLiteral("error")).toString().isEmpty());

        auto t = translator();
        QCOMPARE(t->raw("POST", QStringLiteral("/api/v1/catalog/imports?site=a.example&format=csv"),
                        kFeed, {{"Content-Type", "text/csv"}})
                     .status,
                 403);
        QCOMPARE(c->raw("GET", QStringLiteral("/api/v1/catalog/imports/999")).status, 404);
    }

    void gbkFeedsAreRead()
    {
        auto c = ops();
        // "测试商品" in GBK.
        const QByteArray title = QByteArray::fromHex("b2e2cad4c9ccc6b7");
        const QByteArray feed = "sku,title,price,currency,title_zh\n"
                                "GBK-1,Test item,10.00,USD," +
                                title + "\n";
        const QJsonObject job = import(*c, feed, QStringLiteral("site=gbk.example&format=csv"),
                                       "text/csv; charset=GBK");
        QCOMPARE(job.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QCOMPARE(
            findProduct(*c, QStringLiteral("GBK-1")).value(QStringLiteral("titleZh")).toString(),
            QStringLiteral("测试商品"));
    }

    void searchFindsChineseEnglishAndSkus()
    {
        auto c = ops();
        import(*c, kFeed, QStringLiteral("site=shop.example&format=csv"));
        const auto titles = [&](const QString &q) {
            QStringList out;
            const auto r = c->raw("GET", QStringLiteral("/api/v1/catalog/products?q=") +
                                             QString::fromUtf8(QUrl::toPercentEncoding(q)));
            for (const QJsonValue &v : body(r).value(QStringLiteral("items")).toArray())
                out << v.toObject().value(QStringLiteral("title")).toString();
            return out;
        };
        QCOMPARE(titles(QStringLiteral("维生素C")),
                 QStringList{QStringLiteral("Vitamin C 1000mg Tablets")});
        QCOMPARE(titles(QStringLiteral("维生")),
                 QStringList{QStringLiteral("Vitamin C 1000mg Tablets")}); // two characters
        QCOMPARE(titles(QStringLiteral("face mask")),
                 QStringList{QStringLiteral("Hydrating Face Mask 30 pack")});
        QCOMPARE(titles(QStringLiteral("MASK")),
                 QStringList{QStringLiteral("Hydrating Face Mask 30 pack")}); // the SKU
        QCOMPARE(titles(QStringLiteral("nothing like this")), QStringList());
        // A SKU that is also in a title is listed once (first), not again as a text match.
        import(*c, "sku,title,price,currency\nCREAM-001,Night cream CREAM-001 edition,5.00,USD\n",
               QStringLiteral("site=shop.example&format=csv"));
        QCOMPARE(titles(QStringLiteral("CREAM-001")),
                 QStringList{QStringLiteral("Night cream CREAM-001 edition")});

        // Keyset paging walks every product once.
        QSet<qint64> seen;
        QString cursor;
        int pages = 0;
        do {
            const auto r = c->raw(
                "GET", QStringLiteral("/api/v1/catalog/products?limit=1") +
                           (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor));
            for (const QJsonValue &v : body(r).value(QStringLiteral("items")).toArray())
                seen.insert(v.toObject().value(QStringLiteral("id")).toInteger());
            cursor = body(r).value(QStringLiteral("nextCursor")).toString();
            ++pages;
        } while (!cursor.isEmpty() && pages < 10);
        QCOMPARE(seen.size(), 4);
    }

    void listingWorkflowWithRolesAndVersions()
    {
        auto staff = ops();
        import(*staff, kFeed, QStringLiteral("site=shop.example&format=csv"));
        QJsonObject mask = findProduct(*staff, QStringLiteral("Face Mask"));
        const QString path = QStringLiteral("/api/v1/catalog/products/%1")
                                 .arg(mask.value(QStringLiteral("id")).toInteger());
        auto t = translator();

        // The translator takes it, writes the Chinese text, and sends it to review.
        auto r = send(*t, "POST", path + QStringLiteral("/transitions"),
                      {{QStringLiteral("to"), QStringLiteral("in_translation")}}, etag(mask));
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QCOMPARE(r.header("ETag"), etag(body(r)));
        const QByteArray stale = etag(mask);
        mask = body(r);
        QCOMPARE(send(*t, "PUT", path + QStringLiteral("/listing"),
                      {{QStringLiteral("titleZh"), QStringLiteral("补水面膜 30片")}}, {})
                     .status,
                 428);
        QCOMPARE(send(*t, "PUT", path + QStringLiteral("/listing"),
                      {{QStringLiteral("titleZh"), QStringLiteral("补水面膜 30片")}}, stale)
                     .status,
                 412);
        r = send(*t, "PUT", path + QStringLiteral("/listing"),
                 {{QStringLiteral("titleZh"), QStringLiteral("补水面膜 30片")},
                  {QStringLiteral("descriptionZh"), QStringLiteral("每日补水")}},
                 etag(mask));
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        mask = body(r);
        // Not a move the workflow has: 409.
        QCOMPARE(send(*t, "POST", path + QStringLiteral("/transitions"),
                      {{QStringLiteral("to"), QStringLiteral("published")}}, etag(mask))
                     .status,
                 409);
        r = send(*t, "POST", path + QStringLiteral("/transitions"),
                 {{QStringLiteral("to"), QStringLiteral("in_review")}}, etag(mask));
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        mask = body(r);
        // A translator cannot publish; a rejection must say why.
        QCOMPARE(send(*t, "POST", path + QStringLiteral("/transitions"),
                      {{QStringLiteral("to"), QStringLiteral("published")}}, etag(mask))
                     .status,
                 403);
        const auto noReason =
            send(*staff, "POST", path + QStringLiteral("/transitions"),
                 {{QStringLiteral("to"), QStringLiteral("in_translation")}}, etag(mask));
        QCOMPARE(noReason.status, 422);
        QVERIFY(errorFields(noReason).contains(QStringLiteral("comment")));

        // Customers do not see it until it is published.
        auto customer = std::make_unique<SyncClient>(m_server->url());
        const QString publicPath =
            QStringLiteral("/api/v1/products/%1").arg(mask.value(QStringLiteral("id")).toInteger());
        QCOMPARE(customer->raw("GET", publicPath).status, 404);
        r = send(*staff, "POST", path + QStringLiteral("/transitions"),
                 {{QStringLiteral("to"), QStringLiteral("published")}}, etag(mask));
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        const auto shown = customer->raw("GET", publicPath);
        QCOMPARE(shown.status, 200);
        QCOMPARE(body(shown).value(QStringLiteral("title")).toString(),
                 QStringLiteral("补水面膜 30片"));
        const auto listed = body(customer->raw("GET", QStringLiteral("/api/v1/products")));
        QCOMPARE(listed.value(QStringLiteral("items")).toArray().size(), 1); // only this one
        // Published text is not edited in place.
        QCOMPARE(send(*staff, "PUT", path + QStringLiteral("/listing"),
                      {{QStringLiteral("titleZh"), QStringLiteral("x")}}, etag(body(r)))
                     .status,
                 409);

        // Who did what, in order.
        const auto events = body(staff->raw("GET", path + QStringLiteral("/events")));
        QStringList trail;
        for (const QJsonValue &v : events.value(QStringLiteral("items")).toArray()) {
            const QJsonObject e = v.toObject();
            trail << e.value(QStringLiteral("actor")).toString() + QLatin1Char(':') +
                         e.value(QStringLiteral("to")).toString();
        }
        QCOMPARE(trail, (QStringList{QStringLiteral("translatoruser:in_translation"),
                                     QStringLiteral("translatoruser:in_translation"),
                                     QStringLiteral("translatoruser:in_review"),
                                     QStringLiteral("opsuser:published")}));
        // Customers cannot reach the staff endpoints.
        auto signedCustomer =
            signedIn(QStringLiteral("customer"), QStringLiteral("customer password"));
        QCOMPARE(signedCustomer->raw("GET", path).status, 403);
    }

    void quotesBySkuUsePublishedListingsOnly()
    {
        auto staff = ops();
        import(*staff, kFeed, QStringLiteral("site=amazon.com&format=csv"));
        const QJsonObject vitc = findProduct(*staff, QStringLiteral("Vitamin C"));
        const qint64 skuId = vitc.value(QStringLiteral("skus"))
                                 .toArray()
                                 .first()
                                 .toObject()
                                 .value(QStringLiteral("id"))
                                 .toInteger();
        auto customer = signedIn(QStringLiteral("customer"), QStringLiteral("customer password"));
        const QJsonObject request{
            {QStringLiteral("lines"), QJsonArray{QJsonObject{{QStringLiteral("skuId"), skuId},
                                                             {QStringLiteral("quantity"), 2}}}}};
        const auto refused = send(*customer, "POST", QStringLiteral("/api/v1/quotes"), request, {});
        QCOMPARE(refused.status, 422);
        QVERIFY(errorFields(refused).contains(QStringLiteral("lines[0].skuId")));

        // Staff may price any SKU; the line takes the catalog's price, weight and category.
        const auto staffQuote = send(*staff, "POST", QStringLiteral("/api/v1/quotes"), request, {});
        QVERIFY2(staffQuote.status == 200, qPrintable(describe(staffQuote)));
        const QJsonObject line =
            body(staffQuote).value(QStringLiteral("lines")).toArray().first().toObject();
        QCOMPARE(line.value(QStringLiteral("skuId")).toInteger(), skuId);
        QCOMPARE(line.value(QStringLiteral("chargeableWeightG")).toInteger(), 640); // 2 x 320 g
        const QJsonObject goods =
            line.value(QStringLiteral("components")).toArray().first().toObject();
        QCOMPARE(goods.value(QStringLiteral("original"))
                     .toObject()
                     .value(QStringLiteral("minor"))
                     .toInteger(),
                 3998); // 2 x 19.99 USD
    }

    void queuedImportCanBeCancelled()
    {
        auto c = ops();
        auto &catalog = m_server->server().catalog();
        const auto job = catalog.createImport(server::Actor(), QStringLiteral("shop.example"),
                                              server::catalog::FeedFormat::Csv,
                                              QStringLiteral("file"), kFeed.size());
        const auto r =
            c->raw("POST", QStringLiteral("/api/v1/catalog/imports/%1/cancel").arg(job.id));
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QByteArray feed = kFeed;
        QBuffer buffer(&feed);
        buffer.open(QIODevice::ReadOnly);
        const auto done = catalog.runImport(job.id, buffer, server::catalog::FeedFormat::Csv,
                                            server::catalog::FeedEncoding::Auto);
        QCOMPARE(done.state, server::catalog::ImportState::Cancelled);
        QCOMPARE(done.rowsNew, 0);
        QCOMPARE(
            c->raw("POST", QStringLiteral("/api/v1/catalog/imports/%1/cancel").arg(job.id)).status,
            409);
    }

    void urlImportReadsShopPages()
    {
        sim::SimServer shop;
        QString error;
        QVERIFY2(shop.start(QStringLiteral("127.0.0.1"), 0, &error), qPrintable(error));
        const QString origin = QStringLiteral("http://127.0.0.1:%1").arg(shop.port());
        // A server that may fetch from the sim's loopback address; the one init() made may not.
        server::Config config;
        config.fetchAllowHosts = {QStringLiteral("127.0.0.1:%1").arg(shop.port())};
        TestServer allowed(config);
        QVERIFY(allowed.start());
        allowed.createUser(QStringLiteral("opsuser"), QStringLiteral("ops password"), Role::Ops);
        SyncClient c(allowed.url());
        QVERIFY(c.login(QStringLiteral("opsuser"), QStringLiteral("ops password")).isEmpty());
        const auto importUrl = [](SyncClient &client, const QString &url) {
            return client.raw("POST", QStringLiteral("/api/v1/catalog/imports/url"),
                              QJsonDocument(QJsonObject{{QStringLiteral("url"), url}})
                                  .toJson(QJsonDocument::Compact),
                              {{"Content-Type", "application/json"}});
        };

        // A single product (JSON-LD Product with one Offer): $24.99 is 2499 cents.
        const QString bottleUrl = origin + QStringLiteral("/shop/us/products/1001");
        const auto single = importUrl(c, bottleUrl);
        QCOMPARE(single.status, 201);
        const QJsonObject bottle = body(single);
        QCOMPARE(single.header("ETag"), etag(bottle));
        QCOMPARE(bottle.value(QStringLiteral("site")).toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(bottle.value(QStringLiteral("title")).toString(),
                 QStringLiteral("Hydro Peak Insulated Water Bottle, Stainless Steel, 32 oz"));
        QCOMPARE(bottle.value(QStringLiteral("brand")).toString(), QStringLiteral("Hydro Peak"));
        QCOMPARE(bottle.value(QStringLiteral("category")).toString(), QString());
        const QJsonArray bottleImages = bottle.value(QStringLiteral("images")).toArray();
        QCOMPARE(bottleImages.size(), 2);
        const QString firstImage =
            bottleImages.at(0).toObject().value(QStringLiteral("source")).toString();
        QVERIFY(firstImage.startsWith(origin));
        QVERIFY(firstImage.endsWith(QLatin1String("1001-front.gif")));
        const QJsonArray bottleSkus = bottle.value(QStringLiteral("skus")).toArray();
        QCOMPARE(bottleSkus.size(), 1);
        const QJsonObject bottleSku = bottleSkus.at(0).toObject();
        QCOMPARE(bottleSku.value(QStringLiteral("sourceSku")).toString(),
                 QStringLiteral("HP-32-SS"));
        QCOMPARE(bottleSku.value(QStringLiteral("price")).toObject(),
                 (QJsonObject{{QStringLiteral("minor"), 2499},
                              {QStringLiteral("currency"), QStringLiteral("USD")}}));

        // Importing the same page again changes nothing: same product, same version.
        const auto again = importUrl(c, bottleUrl);
        QCOMPARE(again.status, 201);
        QCOMPARE(body(again).value(QStringLiteral("id")), bottle.value(QStringLiteral("id")));
        QCOMPARE(body(again).value(QStringLiteral("version")),
                 bottle.value(QStringLiteral("version")));

        // A ProductGroup: four variants by size and colour are one product with four SKUs;
        // the charcoal M costs $94.00 (9400 cents), the others $89.00.
        const auto group = importUrl(c, origin + QStringLiteral("/shop/us/products/1003"));
        QCOMPARE(group.status, 201);
        const QJsonObject sweater = body(group);
        QCOMPARE(sweater.value(QStringLiteral("title")).toString(),
                 QStringLiteral("Men's Merino Wool Crew Sweater"));
        const QJsonArray sweaterSkus = sweater.value(QStringLiteral("skus")).toArray();
        QCOMPARE(sweaterSkus.size(), 4);
        QMap<QString, qint64> prices;
        for (const QJsonValue &v : sweaterSkus)
            prices.insert(v.toObject().value(QStringLiteral("sourceSku")).toString(),
                          v.toObject()
                              .value(QStringLiteral("price"))
                              .toObject()
                              .value(QStringLiteral("minor"))
                              .toInteger());
        QCOMPARE(prices.value(QStringLiteral("MW-CREW-S-NVY")), 8900);
        QCOMPARE(prices.value(QStringLiteral("MW-CREW-M-CHR")), 9400);
        QVERIFY(sweater.value(QStringLiteral("id")) != bottle.value(QStringLiteral("id")));

        // OpenGraph and product: tags only: $39.95 is 3995 cents.
        const auto og = importUrl(c, origin + QStringLiteral("/shop/us/products/1004"));
        QCOMPARE(og.status, 201);
        const QJsonObject skillet = body(og);
        QCOMPARE(skillet.value(QStringLiteral("title")).toString(),
                 QStringLiteral("Cast Iron Skillet, 12\" & Lid"));
        QCOMPARE(skillet.value(QStringLiteral("skus"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("price"))
                     .toObject()
                     .value(QStringLiteral("minor"))
                     .toInteger(),
                 3995);
        QCOMPARE(skillet.value(QStringLiteral("images")).toArray().size(), 1);

        // Pages without a product are refused at `url`, each saying why.
        const auto captcha = importUrl(c, bottleUrl + QStringLiteral("?view=captcha"));
        QCOMPARE(captcha.status, 422);
        QVERIFY2(describe(captcha).contains(QLatin1String("robot")), qPrintable(describe(captcha)));
        QVERIFY(errorFields(captcha).contains(QStringLiteral("url")));
        const auto redesign = importUrl(c, bottleUrl + QStringLiteral("?view=redesign"));
        QCOMPARE(redesign.status, 422);
        QVERIFY2(describe(redesign).contains(QLatin1String("No product")),
                 qPrintable(describe(redesign)));
        const auto missing = importUrl(c, origin + QStringLiteral("/shop/us/products/9999"));
        QCOMPARE(missing.status, 422);
        QVERIFY2(describe(missing).contains(QLatin1String("HTTP 404")),
                 qPrintable(describe(missing)));

        // Bad URLs.
        QCOMPARE(importUrl(c, QStringLiteral("ftp://example.com/x")).status, 422);
        QCOMPARE(importUrl(c, QStringLiteral("https://example.com/") + QString(2000, u'a')).status,
                 422);

        // The shop is down: 503 with its Retry-After passed on; nothing changed.
        {
            SyncClient simControl{QUrl(origin)};
            const auto fault = simControl.raw(
                "POST", QStringLiteral("/__sim/faults"),
                R"({"path": "/shop/us/products/1001", "mode": "503", "retryAfter": 7, "times": 1})",
                {{"Content-Type", "application/json"}});
            QVERIFY2(fault.status == 200 || fault.status == 204, qPrintable(describe(fault)));
        } // its keep-alive connection would hold up shop.stop()
        const auto down = importUrl(c, bottleUrl);
        QCOMPARE(down.status, 503);
        QCOMPARE(down.header("Retry-After"), QByteArray("7"));
        const auto unchanged =
            c.raw("GET", QStringLiteral("/api/v1/catalog/products/%1")
                             .arg(bottle.value(QStringLiteral("id")).toInteger()));
        QCOMPARE(body(unchanged).value(QStringLiteral("version")),
                 bottle.value(QStringLiteral("version")));

        // Every successful import is audited in the catalog's store, by whom: four (1001
        // twice, 1003, 1004).
        {
            const QString catalogUrl = allowed.server().config().dbUrl(QStringLiteral("catalog"));
            server::Database store(QStringLiteral("catalog-audit-check"),
                                   *server::DbUrl::parse(catalogUrl, &error));
            server::AuditFilter filter;
            filter.action = QStringLiteral("catalog.url_imported");
            const auto audited = server::auditlog::list(store.reader(), filter).items;
            QCOMPARE(audited.size(), 4);
            QCOMPARE(audited.first().actorName, QStringLiteral("opsuser"));
            store.close();
        }

        // Without the allow-list, loopback addresses are refused before any connection.
        auto plain = ops();
        const auto refused = importUrl(*plain, bottleUrl);
        QCOMPARE(refused.status, 422);
        QVERIFY2(describe(refused).contains(QLatin1String("loopback")),
                 qPrintable(describe(refused)));
        QVERIFY(errorFields(refused).contains(QStringLiteral("url")));
        // Nor does the allow-list open other loopback addresses.
        const auto other = importUrl(
            c, QStringLiteral("http://127.0.0.2:%1/shop/us/products/1001").arg(shop.port()));
        QCOMPARE(other.status, 422);

        shop.stop();
    }

    void sortsWalkEveryProductOnceInOrder()
    {
        auto c = ops();
        const QList<qint64> newest = importSortFeed(*c);
        QCOMPARE(newest.size(), 5);
        QVERIFY(std::is_sorted(newest.rbegin(), newest.rend()));
        QCOMPARE(walk(*c, QStringLiteral("sort=newest")), newest);
        QList<qint64> oldest(newest.rbegin(), newest.rend());
        QCOMPARE(walk(*c, QStringLiteral("sort=oldest")), oldest);
        const auto titles = [&](const QList<qint64> &ids) {
            QStringList out;
            const QJsonArray all = list(*c, QStringLiteral("limit=200"));
            for (const qint64 id : ids) {
                for (const QJsonValue &v : all) {
                    if (v.toObject().value(QStringLiteral("id")).toInteger() == id)
                        out << v.toObject().value(QStringLiteral("title")).toString().left(5);
                }
            }
            return out;
        };
        QCOMPARE(
            titles(walk(*c, QStringLiteral("sort=title"))),
            (QStringList{QStringLiteral("Alpha"), QStringLiteral("Bravo"), QStringLiteral("Charl"),
                         QStringLiteral("Delta"), QStringLiteral("Echo ")}));
        // A listing edited later is updated last, so first in sort=updated.
        QTest::qWait(5); // a later millisecond than the import's
        const QJsonObject alpha = findProduct(*c, QStringLiteral("Alpha kettle"));
        writeListing(*c, moveTo(*c, alpha, QStringLiteral("in_translation")),
                     QStringLiteral("阿尔法水壶"));
        const QList<qint64> updated = walk(*c, QStringLiteral("sort=updated"));
        QCOMPARE(updated.size(), 5);
        QCOMPARE(updated.first(), alpha.value(QStringLiteral("id")).toInteger());
        QList<qint64> rest = newest; // same time for the rest: by id, newest first
        rest.removeAll(alpha.value(QStringLiteral("id")).toInteger());
        QCOMPARE(updated.mid(1), rest);
        // A text search pages in each sort too.
        QCOMPARE(walk(*c, QStringLiteral("q=kettle&sort=oldest")), oldest);
        QCOMPARE(walk(*c, QStringLiteral("q=kettle&sort=title")).size(), 5);

        // A cursor belongs to its sort; nonsense is refused.
        const auto page =
            body(c->raw("GET", QStringLiteral("/api/v1/catalog/products?limit=1&sort=title")));
        const QString titleCursor = page.value(QStringLiteral("nextCursor")).toString();
        QVERIFY(!titleCursor.isEmpty());
        QCOMPARE(c->raw("GET", QStringLiteral("/api/v1/catalog/products?sort=updated&cursor=") +
                                   titleCursor)
                     .status,
                 400);
        QCOMPARE(c->raw("GET", QStringLiteral("/api/v1/catalog/products?sort=sideways")).status,
                 400);
        QCOMPARE(c->raw("GET", QStringLiteral("/api/v1/catalog/products?cursor=abc")).status, 400);
    }

    void offsetPagingJumpsAnywhere()
    {
        auto c = ops();
        const QList<qint64> newest = importSortFeed(*c);
        QCOMPARE(idsOf(list(*c, QStringLiteral("offset=0&limit=2"))), newest.mid(0, 2));
        QCOMPARE(idsOf(list(*c, QStringLiteral("offset=3&limit=2"))), newest.mid(3, 2));
        QCOMPARE(idsOf(list(*c, QStringLiteral("offset=4&limit=500&sort=oldest"))),
                 QList<qint64>{newest.first()});
        QCOMPARE(list(*c, QStringLiteral("offset=99")).size(), 0);
        // An exact SKU comes first in the whole sequence, and only once.
        const QList<qint64> search = idsOf(list(*c, QStringLiteral("q=S-D&offset=0&limit=50")));
        QCOMPARE(search.size(), 1);
        QCOMPARE(idsOf(list(*c, QStringLiteral("q=kettle&offset=1&limit=2"))),
                 walk(*c, QStringLiteral("q=kettle")).mid(1, 2));
        QCOMPARE(c->raw("GET", QStringLiteral("/api/v1/catalog/products?offset=1&cursor=5")).status,
                 400);
        QCOMPARE(c->raw("GET", QStringLiteral("/api/v1/catalog/products?offset=-1")).status, 400);
        QCOMPARE(
            c->raw("GET", QStringLiteral("/api/v1/catalog/products?offset=0&limit=501")).status,
            400);
        QCOMPARE(c->raw("GET", QStringLiteral("/api/v1/catalog/products?limit=201")).status, 400);
    }

    void countsPerStatus()
    {
        auto c = ops();
        importSortFeed(*c);
        import(*c, kFeed, QStringLiteral("site=shop.example&format=csv"));
        const auto counts = [&](const QString &query) {
            const auto r =
                c->raw("GET", QStringLiteral("/api/v1/catalog/products/counts?") + query);
            if (r.status != 200)
                qWarning("counts: %s", qPrintable(describe(r)));
            return body(r);
        };
        QJsonObject all = counts(QString());
        QCOMPARE(all.value(QStringLiteral("total")).toInteger(), 8); // 5 kettles, 3 of kFeed
        QCOMPARE(all.value(QStringLiteral("counts"))
                     .toObject()
                     .value(QStringLiteral("imported"))
                     .toInteger(),
                 8);
        QCOMPARE(all.value(QStringLiteral("counts"))
                     .toObject()
                     .value(QStringLiteral("published"))
                     .toInteger(),
                 0);
        moveTo(*c, findProduct(*c, QStringLiteral("Bravo kettle")),
               QStringLiteral("in_translation"));
        const QJsonObject kettles = counts(QStringLiteral("q=kettle"));
        QCOMPARE(kettles.value(QStringLiteral("total")).toInteger(), 5);
        QCOMPARE(kettles.value(QStringLiteral("counts"))
                     .toObject()
                     .value(QStringLiteral("in_translation"))
                     .toInteger(),
                 1);
        QCOMPARE(counts(QStringLiteral("site=shop.example")).value(QStringLiteral("total")), 3);
        QCOMPARE(counts(QStringLiteral("q=S-A")).value(QStringLiteral("total")), 1); // a SKU
        QCOMPARE(counts(QStringLiteral("q=ke")).value(QStringLiteral("total")), 5);  // short
        auto customer = signedIn(QStringLiteral("customer"), QStringLiteral("customer password"));
        QCOMPARE(customer->raw("GET", QStringLiteral("/api/v1/catalog/products/counts")).status,
                 403);
    }

    void assigneeIsSetByOpsAndFiltered()
    {
        auto c = ops();
        importSortFeed(*c);
        QJsonObject bravo = findProduct(*c, QStringLiteral("Bravo kettle"));
        const QString path = QStringLiteral("/api/v1/catalog/products/%1/assignee")
                                 .arg(bravo.value(QStringLiteral("id")).toInteger());
        const QJsonObject toTranslator{
            {QStringLiteral("assignee"), QStringLiteral("translatoruser")}};
        QCOMPARE(send(*c, "PUT", path, toTranslator, {}).status, 428);
        auto r = send(*c, "PUT", path, toTranslator, etag(bravo));
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QCOMPARE(body(r).value(QStringLiteral("assignee")).toString(),
                 QStringLiteral("translatoruser"));
        QCOMPARE(r.header("ETag"), etag(body(r)));
        QCOMPARE(send(*c, "PUT", path, toTranslator, etag(bravo)).status, 412); // stale
        bravo = body(r);
        const auto unknown = send(
            *c, "PUT", path, {{QStringLiteral("assignee"), QStringLiteral("nobody")}}, etag(bravo));
        QCOMPARE(unknown.status, 422);
        QVERIFY(errorFields(unknown).contains(QStringLiteral("assignee")));
        QCOMPARE(send(*c, "PUT", path, {{QStringLiteral("assignee"), QStringLiteral("customer")}},
                      etag(bravo))
                     .status,
                 422);
        auto t = translator();
        QCOMPARE(send(*t, "PUT", path, toTranslator, etag(bravo)).status, 403);

        // The translator finds their own work with assignee=me.
        QCOMPARE(idsOf(list(*t, QStringLiteral("assignee=me"))),
                 QList<qint64>{bravo.value(QStringLiteral("id")).toInteger()});
        QCOMPARE(list(*c, QStringLiteral("assignee=me")).size(), 0);
        QCOMPARE(body(t->raw("GET", QStringLiteral("/api/v1/catalog/products/counts?assignee=me")))
                     .value(QStringLiteral("total")),
                 1);
        const auto events =
            body(c->raw("GET", QStringLiteral("/api/v1/catalog/products/%1/events")
                                   .arg(bravo.value(QStringLiteral("id")).toInteger())))
                .value(QStringLiteral("items"))
                .toArray();
        const QJsonObject last = events.last().toObject();
        QCOMPARE(last.value(QStringLiteral("comment")).toString(),
                 QStringLiteral("assigned to translatoruser"));
        QCOMPARE(last.value(QStringLiteral("actor")).toString(), QStringLiteral("opsuser"));
        QCOMPARE(last.value(QStringLiteral("from")), last.value(QStringLiteral("to")));

        // "" unassigns.
        r = send(*c, "PUT", path, {{QStringLiteral("assignee"), QString()}}, etag(bravo));
        QCOMPARE(r.status, 200);
        QCOMPARE(body(r).value(QStringLiteral("assignee")).toString(), QString());
    }

    void bulkActsPerItemWithRoles()
    {
        auto c = ops();
        importSortFeed(*c);
        const qint64 a =
            findProduct(*c, QStringLiteral("Alpha kettle")).value(QStringLiteral("id")).toInteger();
        const qint64 b =
            findProduct(*c, QStringLiteral("Bravo kettle")).value(QStringLiteral("id")).toInteger();
        const auto bulk = [&](SyncClient &client, const QJsonObject &o) {
            return send(client, "POST", QStringLiteral("/api/v1/catalog/products/bulk"), o, {});
        };
        auto r = bulk(*c, {{QStringLiteral("ids"), QJsonArray{a, b, 999999}},
                           {QStringLiteral("action"), QStringLiteral("transition")},
                           {QStringLiteral("to"), QStringLiteral("in_translation")}});
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QJsonArray results = body(r).value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 3);
        QCOMPARE(results.at(0).toObject().value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(results.at(0).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("in_translation"));
        QCOMPARE(results.at(0).toObject().value(QStringLiteral("version")).toInteger(), 2);
        QCOMPARE(results.at(1).toObject().value(QStringLiteral("id")).toInteger(), b);
        const QJsonObject missing = results.at(2).toObject();
        QCOMPARE(missing.value(QStringLiteral("ok")).toBool(), false);
        QCOMPARE(missing.value(QStringLiteral("problem"))
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toInt(),
                 404);
        QCOMPARE(missing.value(QStringLiteral("problem"))
                     .toObject()
                     .value(QStringLiteral("type"))
                     .toString(),
                 QStringLiteral("urn:haitao:problem:not-found"));

        // A translator may send to review (but not without a title) and may not publish or
        // assign: each item says so.
        auto t = translator();
        r = bulk(*t, {{QStringLiteral("ids"), QJsonArray{a}},
                      {QStringLiteral("action"), QStringLiteral("transition")},
                      {QStringLiteral("to"), QStringLiteral("in_review")}});
        QCOMPARE(body(r)
                     .value(QStringLiteral("results"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("problem"))
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toInt(),
                 422);
        r = bulk(*t, {{QStringLiteral("ids"), QJsonArray{a, b}},
                      {QStringLiteral("action"), QStringLiteral("assign")},
                      {QStringLiteral("assignee"), QStringLiteral("translatoruser")}});
        QCOMPARE(r.status, 200);
        for (const QJsonValue &v : body(r).value(QStringLiteral("results")).toArray())
            QCOMPARE(v.toObject()
                         .value(QStringLiteral("problem"))
                         .toObject()
                         .value(QStringLiteral("status"))
                         .toInt(),
                     403);
        r = bulk(*c, {{QStringLiteral("ids"), QJsonArray{a, b}},
                      {QStringLiteral("action"), QStringLiteral("assign")},
                      {QStringLiteral("assignee"), QStringLiteral("translatoruser")}});
        results = body(r).value(QStringLiteral("results")).toArray();
        QCOMPARE(results.at(0).toObject().value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(results.at(1).toObject().value(QStringLiteral("version")).toInteger(), 3);
        QCOMPARE(list(*t, QStringLiteral("assignee=me")).size(), 2);

        // Mixed: one moves, one cannot (already in translation: 409).
        r = bulk(*c, {{QStringLiteral("ids"),
                       QJsonArray{a, findProduct(*c, QStringLiteral("Echo kettle"))
                                         .value(QStringLiteral("id"))
                                         .toInteger()}},
                      {QStringLiteral("action"), QStringLiteral("transition")},
                      {QStringLiteral("to"), QStringLiteral("in_translation")}});
        results = body(r).value(QStringLiteral("results")).toArray();
        QCOMPARE(results.at(0)
                     .toObject()
                     .value(QStringLiteral("problem"))
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toInt(),
                 409);
        QCOMPARE(results.at(1).toObject().value(QStringLiteral("ok")).toBool(), true);

        // The request itself must make sense.
        QCOMPARE(bulk(*c, {{QStringLiteral("ids"), QJsonArray{}},
                           {QStringLiteral("action"), QStringLiteral("transition")},
                           {QStringLiteral("to"), QStringLiteral("in_review")}})
                     .status,
                 422);
        QJsonArray tooMany;
        for (int i = 1; i <= 501; ++i)
            tooMany.append(i);
        QCOMPARE(bulk(*c, {{QStringLiteral("ids"), tooMany},
                           {QStringLiteral("action"), QStringLiteral("transition")},
                           {QStringLiteral("to"), QStringLiteral("in_review")}})
                     .status,
                 422);
        QCOMPARE(bulk(*c, {{QStringLiteral("ids"), QJsonArray{a}},
                           {QStringLiteral("action"), QStringLiteral("explode")}})
                     .status,
                 422);
        QCOMPARE(bulk(*c, {{QStringLiteral("ids"), QJsonArray{a}},
                           {QStringLiteral("action"), QStringLiteral("assign")},
                           {QStringLiteral("assignee"), QStringLiteral("nobody")}})
                     .status,
                 422);
        auto customer = signedIn(QStringLiteral("customer"), QStringLiteral("customer password"));
        QCOMPARE(bulk(*customer, {{QStringLiteral("ids"), QJsonArray{a}},
                                  {QStringLiteral("action"), QStringLiteral("transition")},
                                  {QStringLiteral("to"), QStringLiteral("in_review")}})
                     .status,
                 403);
    }

    void reviewKeepsLastPublishedAndRejection()
    {
        auto c = ops();
        importSortFeed(*c);
        auto t = translator();
        QJsonObject p = findProduct(*c, QStringLiteral("Delta kettle"));
        QVERIFY(p.value(QStringLiteral("lastPublished")).isNull());
        QVERIFY(p.value(QStringLiteral("lastRejection")).isNull());
        p = moveTo(*t, p, QStringLiteral("in_translation"));
        // An empty Chinese title does not go to review.
        const auto empty = send(*t, "POST",
                                QStringLiteral("/api/v1/catalog/products/%1/transitions")
                                    .arg(p.value(QStringLiteral("id")).toInteger()),
                                {{QStringLiteral("to"), QStringLiteral("in_review")}}, etag(p));
        QCOMPARE(empty.status, 422);
        QVERIFY(errorFields(empty).contains(QStringLiteral("titleZh")));
        p = writeListing(*t, p, QStringLiteral("德尔塔水壶"));
        p = moveTo(*t, p, QStringLiteral("in_review"));
        p = moveTo(*c, p, QStringLiteral("in_translation"), QStringLiteral("use 电热水壶"));
        const QJsonObject rejection = p.value(QStringLiteral("lastRejection")).toObject();
        QCOMPARE(rejection.value(QStringLiteral("comment")).toString(),
                 QStringLiteral("use 电热水壶"));
        QCOMPARE(rejection.value(QStringLiteral("actor")).toString(), QStringLiteral("opsuser"));
        QVERIFY(!rejection.value(QStringLiteral("at")).toString().isEmpty());
        // The translator sees it on reading the listing.
        QCOMPARE(body(t->raw("GET", QStringLiteral("/api/v1/catalog/products/%1")
                                        .arg(p.value(QStringLiteral("id")).toInteger())))
                     .value(QStringLiteral("lastRejection"))
                     .toObject(),
                 rejection);
        p = writeListing(*t, p, QStringLiteral("德尔塔电热水壶"));
        p = moveTo(*t, p, QStringLiteral("in_review"));
        QVERIFY(p.value(QStringLiteral("lastRejection")).isNull());
        QVERIFY(p.value(QStringLiteral("lastPublished")).isNull());
        p = moveTo(*c, p, QStringLiteral("published"));
        QCOMPARE(p.value(QStringLiteral("lastPublished")).toObject(),
                 (QJsonObject{{QStringLiteral("titleZh"), QStringLiteral("德尔塔电热水壶")},
                              {QStringLiteral("descriptionZh"), QStringLiteral("说明")},
                              {QStringLiteral("attributesZh"), QJsonObject()}}));
        // Back to review: the published text stays for the diff while the text changes.
        p = moveTo(*c, p, QStringLiteral("in_review"), QStringLiteral("price changed"));
        p = moveTo(*c, p, QStringLiteral("in_translation"), QStringLiteral("retitle"));
        p = writeListing(*t, p, QStringLiteral("新标题"));
        QCOMPARE(p.value(QStringLiteral("lastPublished"))
                     .toObject()
                     .value(QStringLiteral("titleZh"))
                     .toString(),
                 QStringLiteral("德尔塔电热水壶"));
    }

    void feedLanguageColumnSetsSourceLanguage()
    {
        auto c = ops();
        const QJsonObject job = import(*c,
                                       "sku,title,price,currency,language\n"
                                       "L-JA,Japanese teapot,30.00,USD,ja-JP\n"
                                       "L-DE,German knife,40.00,EUR,de\n"
                                       "L-NONE,Plain spoon,2.00,USD,\n"
                                       "L-BAD,Bad language,2.00,USD,not a language\n",
                                       QStringLiteral("site=lang.example&format=csv"));
        QCOMPARE(job.value(QStringLiteral("counts"))
                     .toObject()
                     .value(QStringLiteral("rejected"))
                     .toInteger(),
                 1);
        QCOMPARE(job.value(QStringLiteral("errors"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("field"))
                     .toString(),
                 QStringLiteral("language"));
        QCOMPARE(findProduct(*c, QStringLiteral("teapot")).value(QStringLiteral("sourceLanguage")),
                 QStringLiteral("ja"));
        QCOMPARE(findProduct(*c, QStringLiteral("German")).value(QStringLiteral("sourceLanguage")),
                 QStringLiteral("de"));
        QCOMPARE(findProduct(*c, QStringLiteral("spoon")).value(QStringLiteral("sourceLanguage")),
                 QStringLiteral("en"));
    }

    void unfinishedImportsFailOnRestart()
    {
        auto &catalog = m_server->server().catalog();
        const auto job =
            catalog.createImport(server::Actor(), QStringLiteral("shop.example"),
                                 server::catalog::FeedFormat::Csv, QStringLiteral("upload"), 10);
        catalog.recoverImports(); // what a restart runs
        const auto after = catalog.importJob(job.id);
        QCOMPARE(after.state, server::catalog::ImportState::Failed);
        QVERIFY(after.error.contains(QLatin1String("upload the feed again")));
    }
};

QTEST_GUILESS_MAIN(TstCatalogApi)
#include "tst_catalog_api.moc"
