// haitao-sim's shops as the placement worker and the payment flow see them: the merchant order
// API (sign-in, SKU check, create without deduplication, confirm, lookup by client reference,
// fencing tokens, concurrent use), the payment gateway (signed notifications with retries,
// refunds), the probabilistic fault mix, and the shops' catalogs (the uk shop, 20+ products a
// site with Chinese titles).
#include "sim/simserver.h"
#include "tests/support/simhttp.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <httplib.h>
#include <sodium.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

using haitao::sim::SimServer;

namespace {

using Reply = haitao::testing::SimReply;
using Http = haitao::testing::SimHttp;
using haitao::testing::accountOf;
using haitao::testing::money;

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject orderBody(const QString &reference, const QString &sku, int quantity, qint64 minor,
                      const char *currency)
{
    return {{QStringLiteral("clientReference"), reference},
            {QStringLiteral("lines"),
             QJsonArray{QJsonObject{{QStringLiteral("sku"), sku},
                                    {QStringLiteral("quantity"), quantity},
                                    {QStringLiteral("unitPrice"), money(minor, currency)}}}},
            {QStringLiteral("shipTo"), QJsonObject{{QStringLiteral("name"), QStringLiteral("W")}}}};
}

QJsonArray simOrders(const Http &http)
{
    return http.get(QStringLiteral("/__sim/orders")).json.value(QStringLiteral("items")).toArray();
}

// A merchant's notify endpoint.
struct NotifyReceiver : haitao::testing::CallbackReceiver
{
    NotifyReceiver()
        : CallbackReceiver("/notify", "X-Signature")
    {}
};

bool signatureVerifies(const QByteArray &secret, const QByteArray &body, const QByteArray &header)
{
    if (!header.startsWith("sha256="))
        return false;
    const QByteArray mac = QByteArray::fromHex(header.mid(7));
    if (mac.size() != crypto_auth_hmacsha256_BYTES || header.mid(7) != header.mid(7).toLower())
        return false;
    // crypto_auth_hmacsha256_verify wants a 32-byte key; the secret is any length, so
    // compute the MAC with the streaming API and compare in constant time.
    crypto_auth_hmacsha256_state state;
    unsigned char expected[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char *>(secret.data()),
                                size_t(secret.size()));
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char *>(body.data()),
                                  quint64(body.size()));
    crypto_auth_hmacsha256_final(&state, expected);
    return sodium_memcmp(expected, mac.constData(), sizeof expected) == 0;
}

// A CSV feed's last column (title_zh), per record; records end with CRLF and the generated
// rows quote nothing in that column.
QStringList lastColumn(const QString &csv)
{
    QStringList out;
    const QStringList records = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    for (qsizetype i = 1; i < records.size(); ++i)
        out << records[i].section(u',', -1);
    return out;
}

} // namespace

class TstSimOrders : public QObject
{
    Q_OBJECT

    std::unique_ptr<SimServer> m_sim;

    Http http() const { return Http(m_sim->port()); }

private slots:
    void initTestCase() { QVERIFY(sodium_init() >= 0); }

    void init()
    {
        m_sim = std::make_unique<SimServer>();
        QString error;
        QVERIFY2(m_sim->start(QStringLiteral("127.0.0.1"), 0, &error), qPrintable(error));
    }

    void cleanup() { m_sim.reset(); }

    void sitesHaveTwentyProductsWithChineseTitles()
    {
        Http h = http();
        for (const char *site : {"us", "jp", "uk"}) {
            const Reply feed = h.get(QStringLiteral("/shop/%1/feed.csv").arg(QLatin1String(site)));
            QCOMPARE(feed.status, 200);
            const QString csv = QString::fromUtf8(feed.body);
            QVERIFY(csv.section(QStringLiteral("\r\n"), 0, 0).endsWith(QLatin1String(",title_zh")));
            int withZh = 0;
            for (const QString &zh : lastColumn(csv))
                withZh += zh.isEmpty() ? 0 : 1;
            QVERIFY2(withZh >= 20, site);
        }
        // The British shop: pounds, on the page and in the feed.
        const Reply uk = h.get(QStringLiteral("/shop/uk/feed.csv"));
        QVERIFY(QString::fromUtf8(uk.body).contains(
            QStringLiteral("UK-4001,Oversized Wool-Blend Coat in Camel,120.00,GBP,")));
        const Reply page = h.get(QStringLiteral("/shop/uk/products/4001"));
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("\"priceCurrency\": \"GBP\""));
        QVERIFY(QString::fromUtf8(page.body).contains(QStringLiteral("£120.00")));
        QVERIFY(page.body.contains("lang=\"en-GB\""));
        // The rate file has every demo currency.
        const Reply fx = h.get(QStringLiteral("/fx/eurofxref-daily.xml"));
        for (const char *code : {"USD", "JPY", "GBP", "CNY"})
            QVERIFY2(fx.body.contains(QByteArray("currency='") + code + '\''), code);
    }

    void merchantSignInAndSkus()
    {
        Http h = http();
        const Reply wrong = h.post(QStringLiteral("/merchant/us/login"),
                                   {{QStringLiteral("account"), QStringLiteral("haitao")},
                                    {QStringLiteral("password"), QStringLiteral("guess")}});
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("bad_credentials"));
        const Reply anonymous = h.get(QStringLiteral("/merchant/us/skus/HP-32-SS"));
        QCOMPARE(anonymous.status, 401);
        QCOMPARE(anonymous.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("unauthenticated"));
        QCOMPARE(h.get(QStringLiteral("/merchant/xx/account")).status, 404);

        QVERIFY(h.signIn(QStringLiteral("us")));
        const Reply login = h.post(QStringLiteral("/merchant/us/login"),
                                   {{QStringLiteral("account"), QStringLiteral("haitao")},
                                    {QStringLiteral("password"), QStringLiteral("sim-shop-pass")}});
        QCOMPARE(login.json.value(QStringLiteral("expiresIn")).toInt(), 3600);
        // A US token is no key to the Japanese shop.
        QCOMPARE(h.get(QStringLiteral("/merchant/jp/account")).status, 401);

        const Reply bottle = h.get(QStringLiteral("/merchant/us/skus/HP-32-SS"));
        QCOMPARE(bottle.status, 200);
        QCOMPARE(bottle.json.value(QStringLiteral("price")).toObject(), money(2499, "USD"));
        QCOMPARE(bottle.json.value(QStringLiteral("stock")).toInt(), 57);
        QCOMPARE(bottle.json.value(QStringLiteral("available")).toBool(), true);
        const Reply soldOut = h.get(QStringLiteral("/merchant/us/skus/MW-CREW-L-NVY"));
        QCOMPARE(soldOut.json.value(QStringLiteral("available")).toBool(), false);
        QCOMPARE(soldOut.json.value(QStringLiteral("price")).toObject(), money(8900, "USD"));
        const Reply unknown = h.get(QStringLiteral("/merchant/us/skus/NOPE"));
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("unknown_sku"));
        // The page price, with the control plane's override.
        QCOMPARE(
            h.call("POST", QStringLiteral("/__sim/shop/products/us/1001"), R"({"price": "26.24"})")
                .status,
            200);
        QCOMPARE(h.get(QStringLiteral("/merchant/us/skus/HP-32-SS"))
                     .json.value(QStringLiteral("price"))
                     .toObject(),
                 money(2624, "USD"));
        const Reply account = h.get(QStringLiteral("/merchant/us/account"));
        QCOMPARE(account.json.value(QStringLiteral("account")).toString(),
                 QStringLiteral("haitao"));
        QCOMPARE(account.json.value(QStringLiteral("balance")).toObject(),
                 money(10'000'000, "USD"));
    }

    void merchantOrdersAreNotDeduplicated()
    {
        Http h = http();
        QVERIFY(h.signIn(QStringLiteral("jp")));
        const QJsonObject body =
            orderBody(QStringLiteral("SO-1"), QStringLiteral("IW-TP-065"), 2, 8800, "JPY");
        const Reply first = h.post(QStringLiteral("/merchant/jp/orders"), body);
        QCOMPARE(first.status, 201);
        QCOMPARE(first.json.value(QStringLiteral("merchantOrderId")).toString(),
                 QStringLiteral("JP-000001"));
        QCOMPARE(first.json.value(QStringLiteral("status")).toString(),
                 QStringLiteral("pending_confirmation"));
        QCOMPARE(first.json.value(QStringLiteral("clientReference")).toString(),
                 QStringLiteral("SO-1"));
        QCOMPARE(first.json.value(QStringLiteral("total")).toObject(), money(17600, "JPY"));
        QVERIFY(!first.json.value(QStringLiteral("createdAt")).toString().isEmpty());
        // A real shop does not deduplicate: the same reference again is a second order.
        const Reply second = h.post(QStringLiteral("/merchant/jp/orders"), body);
        QCOMPARE(second.status, 201);
        QCOMPARE(second.json.value(QStringLiteral("merchantOrderId")).toString(),
                 QStringLiteral("JP-000002"));
        const QJsonArray found = h.get(QStringLiteral("/merchant/jp/orders?clientReference=SO-1"))
                                     .json.value(QStringLiteral("items"))
                                     .toArray();
        QCOMPARE(found.size(), 2);
        QCOMPARE(found.at(0).toObject().value(QStringLiteral("merchantOrderId")).toString(),
                 QStringLiteral("JP-000001")); // oldest first
        QCOMPARE(h.get(QStringLiteral("/merchant/jp/orders?clientReference=SO-2"))
                     .json.value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(h.get(QStringLiteral("/merchant/jp/orders/JP-000002"))
                     .json.value(QStringLiteral("clientReference"))
                     .toString(),
                 QStringLiteral("SO-1"));
        QCOMPARE(h.get(QStringLiteral("/merchant/jp/orders/JP-000009")).status, 404);

        // Confirming pays from the balance, once.
        const qint64 before = h.get(QStringLiteral("/merchant/jp/account"))
                                  .json.value(QStringLiteral("balance"))
                                  .toObject()
                                  .value(QStringLiteral("minor"))
                                  .toInteger();
        for (int i = 0; i < 2; ++i) {
            const Reply confirmed =
                h.post(QStringLiteral("/merchant/jp/orders/JP-000001/confirm"), {});
            QCOMPARE(confirmed.status, 200);
            QCOMPARE(confirmed.json.value(QStringLiteral("status")).toString(),
                     QStringLiteral("confirmed"));
        }
        QCOMPARE(h.get(QStringLiteral("/merchant/jp/account"))
                     .json.value(QStringLiteral("balance"))
                     .toObject()
                     .value(QStringLiteral("minor"))
                     .toInteger(),
                 before - 17600);
        QCOMPARE(h.post(QStringLiteral("/merchant/jp/orders/JP-000404/confirm"), {}).status, 404);

        // Not enough money: 402, and the order stays unconfirmed.
        QCOMPARE(h.call("POST", QStringLiteral("/__sim/accounts/jp"),
                        compact({{QStringLiteral("balance"), money(100, "JPY")}}))
                     .status,
                 200);
        const Reply broke = h.post(QStringLiteral("/merchant/jp/orders/JP-000002/confirm"), {});
        QCOMPARE(broke.status, 402);
        QCOMPARE(broke.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("insufficient_balance"));
        QCOMPARE(h.get(QStringLiteral("/merchant/jp/orders/JP-000002"))
                     .json.value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("pending_confirmation"));

        // The control plane sees every order, with its site.
        const QJsonArray all = simOrders(h);
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(1).toObject().value(QStringLiteral("site")).toString(),
                 QStringLiteral("jp"));
        QCOMPARE(all.at(0).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("confirmed"));
        QCOMPARE(accountOf(h, QStringLiteral("jp")).value(QStringLiteral("orders")).toInt(), 2);
    }

    void merchantRefusals()
    {
        Http h = http();
        QVERIFY(h.signIn(QStringLiteral("us")));
        const Reply stale =
            h.post(QStringLiteral("/merchant/us/orders"),
                   orderBody(QStringLiteral("R"), QStringLiteral("HP-32-SS"), 1, 1999, "USD"));
        QCOMPARE(stale.status, 409);
        QCOMPARE(stale.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("price_changed"));
        QCOMPARE(stale.json.value(QStringLiteral("sku")).toString(), QStringLiteral("HP-32-SS"));
        QCOMPARE(stale.json.value(QStringLiteral("price")).toObject(), money(2499, "USD"));
        const Reply none =
            h.post(QStringLiteral("/merchant/us/orders"),
                   orderBody(QStringLiteral("R"), QStringLiteral("MW-CREW-L-NVY"), 1, 8900, "USD"));
        QCOMPARE(none.status, 409);
        QCOMPARE(none.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("out_of_stock"));
        const Reply tooMany = h.post(QStringLiteral("/merchant/us/orders"),
                                     orderBody(QStringLiteral("R"), QStringLiteral("MW-CREW-M-CHR"),
                                               4, 9400, "USD")); // 3 in stock
        QCOMPARE(tooMany.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("out_of_stock"));
        QCOMPARE(h.post(QStringLiteral("/merchant/us/orders"),
                        orderBody(QString(), QStringLiteral("HP-32-SS"), 1, 2499, "USD"))
                     .status,
                 422);
        QCOMPARE(h.post(QStringLiteral("/merchant/us/orders"),
                        orderBody(QStringLiteral("R"), QStringLiteral("HP-32-SS"), 0, 2499, "USD"))
                     .status,
                 422);
        QCOMPARE(h.call("POST", QStringLiteral("/merchant/us/orders"), "not json").status, 422);
        QCOMPARE(simOrders(h).size(), 0); // nothing was created
    }

    void fencingTokensAndConcurrentUse()
    {
        Http h = http();
        QVERIFY(h.signIn(QStringLiteral("uk")));
        h.fencingToken = 5;
        QCOMPARE(h.get(QStringLiteral("/merchant/uk/account")).status, 200);
        h.fencingToken = 3;
        const Reply stale = h.get(QStringLiteral("/merchant/uk/account"));
        QCOMPARE(stale.status, 409);
        QCOMPARE(stale.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("stale_fencing_token"));
        QCOMPARE(h.post(QStringLiteral("/merchant/uk/orders"),
                        orderBody(QStringLiteral("F"), QStringLiteral("UK-4002"), 1, 3500, "GBP"))
                     .status,
                 409); // refused before anything happens
        h.fencingToken = 5;
        QCOMPARE(h.get(QStringLiteral("/merchant/uk/account")).status, 200); // the same holder
        h.fencingToken = 6;
        QCOMPARE(h.post(QStringLiteral("/merchant/uk/orders"),
                        orderBody(QStringLiteral("F"), QStringLiteral("UK-4002"), 1, 3500, "GBP"))
                     .status,
                 201);
        QCOMPARE(simOrders(h).size(), 1);
        // Another shop keeps its own count.
        Http us = http();
        us.fencingToken = 1;
        QVERIFY(us.signIn(QStringLiteral("us")));

        QJsonObject uk = accountOf(h, QStringLiteral("uk"));
        QCOMPARE(uk.value(QStringLiteral("highestFencingToken")).toInteger(), 6);
        QCOMPARE(uk.value(QStringLiteral("concurrentUse")).toInt(), 0); // one after the other
        QCOMPARE(uk.value(QStringLiteral("maxInFlight")).toInt(), 1);
        QCOMPARE(accountOf(h, QStringLiteral("us"))
                     .value(QStringLiteral("highestFencingToken"))
                     .toInteger(),
                 1);

        // Two requests of one account at once are seen.
        QCOMPARE(h.put(QStringLiteral("/__sim/faults"), R"({"uk": {"latencyMs": 400}})").status,
                 200);
        h.fencingToken.reset();
        std::thread other([h] { h.get(QStringLiteral("/merchant/uk/account")); });
        QTest::qWait(100);
        QCOMPARE(h.get(QStringLiteral("/merchant/uk/account")).status, 200);
        other.join();
        uk = accountOf(h, QStringLiteral("uk"));
        QCOMPARE(uk.value(QStringLiteral("concurrentUse")).toInt(), 1);
        QCOMPARE(uk.value(QStringLiteral("maxInFlight")).toInt(), 2);
    }

    void captchaFault()
    {
        Http h = http();
        QVERIFY(h.signIn(QStringLiteral("uk")));
        QCOMPARE(h.put(QStringLiteral("/__sim/faults"), R"({"uk": {"captcha": 1}})").status, 200);
        Http fresh = http();
        const Reply login =
            fresh.post(QStringLiteral("/merchant/uk/login"),
                       {{QStringLiteral("account"), QStringLiteral("haitao")},
                        {QStringLiteral("password"), QStringLiteral("sim-shop-pass")}});
        QCOMPARE(login.status, 403);
        QCOMPARE(login.json.value(QStringLiteral("error")).toString(), QStringLiteral("captcha"));
        const Reply create =
            h.post(QStringLiteral("/merchant/uk/orders"),
                   orderBody(QStringLiteral("C"), QStringLiteral("UK-4002"), 1, 3500, "GBP"));
        QCOMPARE(create.status, 403);
        QCOMPARE(simOrders(h).size(), 0);
        QCOMPARE(h.get(QStringLiteral("/merchant/uk/account")).status, 200); // reads still work
        QVERIFY(fresh.signIn(QStringLiteral("us")));                         // other shops too
    }

    void stockAndPriceFaults()
    {
        Http h = http();
        QVERIFY(h.signIn(QStringLiteral("us")));
        QCOMPARE(h.put(QStringLiteral("/__sim/faults"), R"({"us": {"priceChange": 1}})").status,
                 200);
        QCOMPARE(h.get(QStringLiteral("/merchant/us/skus/HP-32-SS"))
                     .json.value(QStringLiteral("price"))
                     .toObject(),
                 money(2999, "USD")); // 24.99 + 20%
        const Reply changed =
            h.post(QStringLiteral("/merchant/us/orders"),
                   orderBody(QStringLiteral("P"), QStringLiteral("HP-32-SS"), 1, 2499, "USD"));
        QCOMPARE(changed.status, 409);
        QCOMPARE(changed.json.value(QStringLiteral("price")).toObject(), money(2999, "USD"));
        QCOMPARE(h.put(QStringLiteral("/__sim/faults"), R"({"us": {"outOfStock": 1}})").status,
                 200);
        QCOMPARE(h.get(QStringLiteral("/merchant/us/skus/HP-32-SS"))
                     .json.value(QStringLiteral("available"))
                     .toBool(),
                 false);
        QCOMPARE(h.post(QStringLiteral("/merchant/us/orders"),
                        orderBody(QStringLiteral("P"), QStringLiteral("HP-32-SS"), 1, 2499, "USD"))
                     .json.value(QStringLiteral("error"))
                     .toString(),
                 QStringLiteral("out_of_stock"));
    }

    void faultMixIsCheckedAndCleared()
    {
        Http h = http();
        for (const QByteArray &bad :
             {QByteArray(R"({"default": {"http429": 1.5}})"), QByteArray(R"({"xx": {}})"),
              QByteArray(R"({"default": {"explode": 0.5}})"),
              QByteArray(R"({"default": {"latencyMs": -1}})"), QByteArray(R"({"seed": "1"})"),
              QByteArray(R"({"pay": {"notifyTwice": 2}})"), QByteArray(R"({"us": 1})"),
              QByteArray("[]")}) {
            QVERIFY2(h.put(QStringLiteral("/__sim/faults"), bad).status == 400, bad.constData());
        }
        QVERIFY(h.signIn(QStringLiteral("us")));
        QCOMPARE(h.get(QStringLiteral("/merchant/us/account")).status, 200); // nothing was set

        // A site entry overrides the default key by key.
        QCOMPARE(h.put(QStringLiteral("/__sim/faults"),
                       R"({"default": {"http429": 1}, "jp": {"http429": 0}})")
                     .status,
                 200);
        const Reply limited = h.get(QStringLiteral("/merchant/us/account"));
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.retryAfter, QByteArray("1"));
        QCOMPARE(Http(h)
                     .post(QStringLiteral("/merchant/jp/login"),
                           {{QStringLiteral("account"), QStringLiteral("haitao")},
                            {QStringLiteral("password"), QStringLiteral("sim-shop-pass")}})
                     .status,
                 200);
        const QJsonObject listed = h.get(QStringLiteral("/__sim/faults")).json;
        QCOMPARE(listed.value(QStringLiteral("mix"))
                     .toObject()
                     .value(QStringLiteral("default"))
                     .toObject()
                     .value(QStringLiteral("http429"))
                     .toDouble(),
                 1.0);
        QCOMPARE(h.put(QStringLiteral("/__sim/faults"), R"({"default": {"http503": 1}})").status,
                 200);
        const Reply unavailable = h.get(QStringLiteral("/merchant/us/account"));
        QCOMPARE(unavailable.status, 503);
        QCOMPARE(unavailable.retryAfter, QByteArray("1"));
        QCOMPARE(h.del(QStringLiteral("/__sim/faults")), 204);
        QCOMPARE(h.get(QStringLiteral("/merchant/us/account")).status, 200);
        QVERIFY(h.get(QStringLiteral("/__sim/faults"))
                    .json.value(QStringLiteral("mix"))
                    .toObject()
                    .isEmpty());
    }

    void seededMixRepeats()
    {
        Http h = http();
        QVERIFY(h.signIn(QStringLiteral("us")));
        const auto run = [&] {
            QList<int> statuses;
            for (int i = 0; i < 40; ++i)
                statuses << h.get(QStringLiteral("/merchant/us/account")).status;
            return statuses;
        };
        const QByteArray mix = R"({"seed": 42, "us": {"http429": 0.5}})";
        QCOMPARE(h.put(QStringLiteral("/__sim/faults"), mix).status, 200);
        const QList<int> first = run();
        QCOMPARE(h.put(QStringLiteral("/__sim/faults"), mix).status, 200);
        QCOMPARE(run(), first);
        QVERIFY(first.contains(429) && first.contains(200));
    }

    void resetDropsTheConnection()
    {
        Http h = http();
        QVERIFY(h.signIn(QStringLiteral("us")));
        QCOMPARE(h.put(QStringLiteral("/__sim/faults"), R"({"us": {"reset": 1}})").status, 200);
        QCOMPARE(h.post(QStringLiteral("/merchant/us/orders"),
                        orderBody(QStringLiteral("X"), QStringLiteral("HP-32-SS"), 1, 2499, "USD"))
                     .status,
                 0);
        QCOMPARE(simOrders(h).size(), 0); // dropped before the request was acted on
        QCOMPARE(h.del(QStringLiteral("/__sim/faults")), 204);
        QCOMPARE(h.get(QStringLiteral("/merchant/us/account")).status, 200);
    }

    void timeoutAfterCreateHoldsTheAnswer()
    {
        Http h = http();
        QVERIFY(h.signIn(QStringLiteral("us")));
        QCOMPARE(
            h.put(QStringLiteral("/__sim/faults"), R"({"us": {"timeoutAfterCreate": 1}})").status,
            200);
        h.readTimeoutSec = 1;
        QElapsedTimer timer;
        timer.start();
        const Reply create =
            h.post(QStringLiteral("/merchant/us/orders"),
                   orderBody(QStringLiteral("T-1"), QStringLiteral("HP-32-SS"), 1, 2499, "USD"));
        QCOMPARE(create.status, 0); // the client gave up
        QVERIFY(timer.elapsed() >= 900);
        // The order exists all the same: the shop sees it, and so does a lookup.
        const QJsonArray orders = simOrders(h);
        QCOMPARE(orders.size(), 1);
        QCOMPARE(orders.at(0).toObject().value(QStringLiteral("clientReference")).toString(),
                 QStringLiteral("T-1"));
        QCOMPARE(h.get(QStringLiteral("/merchant/us/orders?clientReference=T-1"))
                     .json.value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 1);
        // Only creates hang, and the held request no longer counts as in flight.
        QCOMPARE(accountOf(h, QStringLiteral("us")).value(QStringLiteral("concurrentUse")).toInt(),
                 0);

        // Held connections do not starve the sim, and stop() does not wait for them.
        h.readTimeoutSec = 60;
        std::atomic<int> answered{0};
        std::vector<std::thread> held;
        for (int i = 0; i < 20; ++i)
            held.emplace_back([h, i, &answered] {
                const Reply r = h.post(QStringLiteral("/merchant/us/orders"),
                                       orderBody(QStringLiteral("H-%1").arg(i),
                                                 QStringLiteral("HP-32-SS"), 1, 2499, "USD"));
                if (r.status != 0)
                    ++answered;
            });
        QTRY_COMPARE_WITH_TIMEOUT(simOrders(h).size(), 21, 10000);
        QCOMPARE(h.get(QStringLiteral("/__sim/health")).status, 200);
        QCOMPARE(h.get(QStringLiteral("/merchant/us/account")).status, 200);
        timer.restart();
        m_sim->stop();
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
        for (std::thread &t : held)
            t.join();
        QCOMPARE(answered.load(), 0); // the held clients never got an answer
    }

    void paymentIsNotifiedWithASignature()
    {
        NotifyReceiver merchant;
        Http h = http();
        const QJsonObject create{{QStringLiteral("outTradeNo"), QStringLiteral("T20260101-1")},
                                 {QStringLiteral("amount"), money(12345, "CNY")},
                                 {QStringLiteral("subject"), QStringLiteral("Order 1")},
                                 {QStringLiteral("notifyUrl"), merchant.url()}};
        const Reply created = h.post(QStringLiteral("/pay/payments"), create);
        QCOMPARE(created.status, 201);
        const QString paymentId = created.json.value(QStringLiteral("paymentId")).toString();
        QCOMPARE(paymentId, QStringLiteral("P000001"));
        QCOMPARE(created.json.value(QStringLiteral("status")).toString(),
                 QStringLiteral("created"));
        const QString payUrl = created.json.value(QStringLiteral("payUrl")).toString();
        QCOMPARE(payUrl,
                 QStringLiteral("http://127.0.0.1:%1/pay/checkout/P000001").arg(m_sim->port()));
        // The gateway deduplicates on the trade number.
        const Reply again = h.post(QStringLiteral("/pay/payments"), create);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json.value(QStringLiteral("paymentId")).toString(), paymentId);
        for (const QString &field : {QStringLiteral("outTradeNo"), QStringLiteral("amount"),
                                     QStringLiteral("notifyUrl")}) {
            QJsonObject bad = create;
            bad.insert(QStringLiteral("outTradeNo"), QStringLiteral("T-bad"));
            bad.insert(field, field == u"outTradeNo" ? QJsonValue(QString())
                                                     : QJsonValue(QStringLiteral("x")));
            const Reply refused = h.post(QStringLiteral("/pay/payments"), bad);
            QVERIFY2(refused.status == 422, qPrintable(field));
            QVERIFY(refused.json.contains(QStringLiteral("error")));
        }

        const Reply page = h.get(QStringLiteral("/pay/checkout/") + paymentId);
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("<form method=\"post\""));
        QVERIFY(page.body.contains("123.45 CNY"));
        QCOMPARE(merchant.count(), 0); // nothing before paying

        const Reply paid = h.post(QStringLiteral("/pay/checkout/") + paymentId, {});
        QCOMPARE(paid.status, 200);
        QCOMPARE(paid.json.value(QStringLiteral("status")).toString(), QStringLiteral("paid"));
        QTRY_COMPARE_WITH_TIMEOUT(merchant.count(), 1, 5000);
        const NotifyReceiver::Received note = merchant.received().first();
        QVERIFY2(signatureVerifies("sim-pay-demo-secret", note.body, note.signature),
                 note.signature.constData());
        QVERIFY(!signatureVerifies("another-secret-entirely", note.body, note.signature));
        QVERIFY(!signatureVerifies("sim-pay-demo-secret", note.body + ' ', note.signature));
        const QJsonObject body = QJsonDocument::fromJson(note.body).object();
        QCOMPARE(body.value(QStringLiteral("provider")).toString(), QStringLiteral("simpay"));
        QCOMPARE(body.value(QStringLiteral("notifyId")).toString(), QStringLiteral("N000001"));
        QCOMPARE(body.value(QStringLiteral("paymentId")).toString(), paymentId);
        QCOMPARE(body.value(QStringLiteral("outTradeNo")).toString(),
                 QStringLiteral("T20260101-1"));
        QCOMPARE(body.value(QStringLiteral("amount")).toObject(), money(12345, "CNY"));
        QCOMPARE(body.value(QStringLiteral("status")).toString(), QStringLiteral("paid"));
        QVERIFY(QDateTime::fromString(body.value(QStringLiteral("paidAt")).toString(),
                                      Qt::ISODateWithMs)
                    .isValid());
        QCOMPARE(note.body, compact(body)); // compact JSON

        // Paying again sends nothing new; the record shows the one delivery.
        QCOMPARE(h.post(QStringLiteral("/pay/checkout/") + paymentId, {}).status, 200);
        QTest::qWait(300);
        QCOMPARE(merchant.count(), 1);
        const QJsonObject record = h.get(QStringLiteral("/__sim/payments"))
                                       .json.value(QStringLiteral("items"))
                                       .toArray()
                                       .at(0)
                                       .toObject();
        QCOMPARE(record.value(QStringLiteral("status")).toString(), QStringLiteral("paid"));
        QCOMPARE(record.value(QStringLiteral("refunded")).toObject(), money(0, "CNY"));
        const QJsonArray deliveries = record.value(QStringLiteral("notifications")).toArray();
        QCOMPARE(deliveries.size(), 1);
        QCOMPARE(deliveries.at(0).toObject().value(QStringLiteral("httpStatus")).toInt(), 200);
        QCOMPARE(h.post(QStringLiteral("/pay/checkout/P000404"), {}).status, 404);
    }

    void notificationsAreRetriedAndSometimesTwice()
    {
        NotifyReceiver merchant;
        merchant.answerNext({500, 503});
        Http h = http();
        const auto pay = [&](const QString &tradeNo) {
            const Reply created = h.post(QStringLiteral("/pay/payments"),
                                         {{QStringLiteral("outTradeNo"), tradeNo},
                                          {QStringLiteral("amount"), money(500, "CNY")},
                                          {QStringLiteral("notifyUrl"), merchant.url()}});
            const QString id = created.json.value(QStringLiteral("paymentId")).toString();
            h.post(QStringLiteral("/pay/checkout/") + id, {});
            return id;
        };
        pay(QStringLiteral("R-1"));
        QTRY_COMPARE_WITH_TIMEOUT(merchant.count(), 3, 5000); // 500, 503, then 200
        QTest::qWait(900);
        QCOMPARE(merchant.count(), 3); // no more after the 200
        const QList<NotifyReceiver::Received> got = merchant.received();
        QCOMPARE(got.at(2).body, got.at(0).body); // the same notification each time
        QJsonArray deliveries = h.get(QStringLiteral("/__sim/payments"))
                                    .json.value(QStringLiteral("items"))
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value(QStringLiteral("notifications"))
                                    .toArray();
        QCOMPARE(deliveries.size(), 3);
        QCOMPARE(deliveries.at(0).toObject().value(QStringLiteral("httpStatus")).toInt(), 500);
        QCOMPARE(deliveries.at(2).toObject().value(QStringLiteral("httpStatus")).toInt(), 200);

        // A merchant that never accepts: the first delivery and five retries, then silence.
        merchant.answerNext({500, 500, 500, 500, 500, 500, 500, 500});
        pay(QStringLiteral("R-2"));
        QTRY_COMPARE_WITH_TIMEOUT(merchant.count(), 3 + 6, 10000);
        QTest::qWait(1000);
        QCOMPARE(merchant.count(), 9);

        // notifyTwice and notifyDelayMs.
        merchant.answerNext({});
        QCOMPARE(h.put(QStringLiteral("/__sim/faults"),
                       R"({"pay": {"notifyTwice": 1, "notifyDelayMs": 500}})")
                     .status,
                 200);
        QElapsedTimer timer;
        timer.start();
        pay(QStringLiteral("R-3"));
        QTest::qWait(300);
        QCOMPARE(merchant.count(), 9); // late
        QTRY_COMPARE_WITH_TIMEOUT(merchant.count(), 11, 5000);
        QVERIFY(timer.elapsed() >= 500);
        const QList<NotifyReceiver::Received> twice = merchant.received().mid(9);
        QCOMPARE(twice.at(0).body, twice.at(1).body); // the same notification, twice
    }

    void refunds()
    {
        NotifyReceiver merchant;
        Http h = http();
        const Reply created = h.post(QStringLiteral("/pay/payments"),
                                     {{QStringLiteral("outTradeNo"), QStringLiteral("F-1")},
                                      {QStringLiteral("amount"), money(10000, "CNY")},
                                      {QStringLiteral("notifyUrl"), merchant.url()}});
        const QString id = created.json.value(QStringLiteral("paymentId")).toString();
        const auto refund = [&](const QString &no, qint64 minor) {
            return h.post(QStringLiteral("/pay/refunds"),
                          {{QStringLiteral("paymentId"), id},
                           {QStringLiteral("refundNo"), no},
                           {QStringLiteral("amount"), money(minor, "CNY")},
                           {QStringLiteral("reason"), QStringLiteral("cancelled")}});
        };
        QCOMPARE(refund(QStringLiteral("RF-0"), 100).status, 409); // not paid yet
        QCOMPARE(h.post(QStringLiteral("/pay/checkout/") + id, {}).status, 200);
        const Reply first = refund(QStringLiteral("RF-1"), 6000);
        QCOMPARE(first.status, 201);
        QCOMPARE(first.json.value(QStringLiteral("status")).toString(), QStringLiteral("refunded"));
        const QString refundId = first.json.value(QStringLiteral("refundId")).toString();
        QVERIFY(!refundId.isEmpty());
        const Reply again = refund(QStringLiteral("RF-1"), 6000);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json.value(QStringLiteral("refundId")).toString(), refundId);
        const Reply exceeds = refund(QStringLiteral("RF-2"), 4001);
        QCOMPARE(exceeds.status, 422);
        QCOMPARE(exceeds.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("exceeds_payment"));
        QCOMPARE(refund(QStringLiteral("RF-3"), 0).status, 422);
        QCOMPARE(h.post(QStringLiteral("/pay/refunds"),
                        {{QStringLiteral("paymentId"), QStringLiteral("P999999")},
                         {QStringLiteral("refundNo"), QStringLiteral("RF-4")},
                         {QStringLiteral("amount"), money(1, "CNY")}})
                     .status,
                 404);
        QCOMPARE(refund(QStringLiteral("RF-5"), 4000).status, 201);
        const QJsonObject record = h.get(QStringLiteral("/__sim/payments"))
                                       .json.value(QStringLiteral("items"))
                                       .toArray()
                                       .at(0)
                                       .toObject();
        QCOMPARE(record.value(QStringLiteral("status")).toString(), QStringLiteral("refunded"));
        QCOMPARE(record.value(QStringLiteral("refunded")).toObject(), money(10000, "CNY"));
    }

    void paySecretIsConfigurable()
    {
        m_sim.reset();
        m_sim = std::make_unique<SimServer>();
        m_sim->setPaySecret("a-test-secret-of-some-length");
        QString error;
        QVERIFY2(m_sim->start(QStringLiteral("127.0.0.1"), 0, &error), qPrintable(error));
        NotifyReceiver merchant;
        Http h = http();
        const Reply created = h.post(QStringLiteral("/pay/payments"),
                                     {{QStringLiteral("outTradeNo"), QStringLiteral("S-1")},
                                      {QStringLiteral("amount"), money(1, "CNY")},
                                      {QStringLiteral("notifyUrl"), merchant.url()}});
        h.post(QStringLiteral("/pay/checkout/") +
                   created.json.value(QStringLiteral("paymentId")).toString(),
               {});
        QTRY_COMPARE_WITH_TIMEOUT(merchant.count(), 1, 5000);
        const NotifyReceiver::Received note = merchant.received().first();
        QVERIFY(signatureVerifies("a-test-secret-of-some-length", note.body, note.signature));
        QVERIFY(!signatureVerifies("sim-pay-demo-secret", note.body, note.signature));
    }
};

QTEST_GUILESS_MAIN(TstSimOrders)
#include "tst_sim_orders.moc"
