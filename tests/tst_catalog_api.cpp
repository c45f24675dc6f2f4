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
        QVERIFY(bottleImages.at(0).toString().startsWith(origin));
        QVERIFY(bottleImages.at(0).toString().endsWith(QLatin1String("1001-front.gif")));
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
