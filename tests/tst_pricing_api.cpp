// The pricing component over real HTTP: quotes under the published rule set, the draft /
// diff / simulate / publish cycle with If-Match, immutable versions, effective times, FX rate
// entry and the ECB fetch from haitao-sim, stale-rate refusal, and the audit trail.
#include "backend/pricing/pricingservice.h"
#include "backend/storage/database.h"
#include "core/wiretime.h"
#include "sim/simserver.h"
#include "tests/support/rawjson.h"
#include "tests/support/syncclient.h"
#include "tests/support/testdb.h"
#include "tests/support/testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <atomic>
#include <memory>

using namespace haitao;
using haitao::testing::body;
using haitao::testing::describe;
using haitao::testing::errorFields;
using haitao::testing::problemType;
using haitao::testing::SyncClient;
using haitao::testing::TestServer;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// A two-site cart of explicit lines (the catalog is not needed for quotes).
QJsonObject cart(const QJsonArray &coupons = {})
{
    const QJsonArray lines = {
        QJsonObject{{QStringLiteral("site"), QStringLiteral("amazon.com")},
                    {QStringLiteral("price"),
                     QJsonObject{{QStringLiteral("minor"), 1999},
                                 {QStringLiteral("currency"), QStringLiteral("USD")}}},
                    {QStringLiteral("quantity"), 2},
                    {QStringLiteral("weightG"), 450},
                    {QStringLiteral("category"), QStringLiteral("beauty")}},
        QJsonObject{{QStringLiteral("site"), QStringLiteral("amazon.co.jp")},
                    {QStringLiteral("price"),
                     QJsonObject{{QStringLiteral("minor"), 3280},
                                 {QStringLiteral("currency"), QStringLiteral("JPY")}}},
                    {QStringLiteral("quantity"), 1},
                    {QStringLiteral("weightG"), 300},
                    {QStringLiteral("lengthMm"), 200},
                    {QStringLiteral("widthMm"), 150},
                    {QStringLiteral("heightMm"), 100}},
    };
    QJsonObject o{{QStringLiteral("lines"), lines}};
    if (!coupons.isEmpty())
        o.insert(QStringLiteral("coupons"), coupons);
    return o;
}

// Sum of every component's CNY amount in a quote: lines, sites and the quote itself.
qint64 componentSum(const QJsonObject &quote)
{
    qint64 sum = 0;
    const auto add = [&sum](const QJsonArray &components) {
        for (const QJsonValue &c : components)
            sum += c.toObject()
                       .value(QStringLiteral("cny"))
                       .toObject()
                       .value(QStringLiteral("minor"))
                       .toInteger();
    };
    for (const QJsonValue &l : quote.value(QStringLiteral("lines")).toArray())
        add(l.toObject().value(QStringLiteral("components")).toArray());
    for (const QJsonValue &s : quote.value(QStringLiteral("sites")).toArray())
        add(s.toObject().value(QStringLiteral("components")).toArray());
    add(quote.value(QStringLiteral("components")).toArray());
    return sum;
}

qint64 totalMinor(const QJsonObject &quote)
{
    return quote.value(QStringLiteral("total"))
        .toObject()
        .value(QStringLiteral("minor"))
        .toInteger();
}

} // namespace

class TstPricingApi : public QObject
{
    Q_OBJECT

    std::shared_ptr<std::atomic<qint64>> m_offset = std::make_shared<std::atomic<qint64>>(0);
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<sim::SimServer> m_sim;

    void advanceHours(qint64 hours) { *m_offset += hours * 3600 * 1000; }

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

    client::RawResponse post(SyncClient &c, const QString &path, const QJsonObject &o,
                             Headers extra = {})
    {
        extra.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        return c.raw("POST", path, json(o), extra);
    }

    // Creates the draft (or fails the test) and returns its ETag.
    QByteArray createDraft(SyncClient &c)
    {
        const auto r = post(c, QStringLiteral("/api/v1/pricing/draft"), {});
        if (r.status != 201)
            qWarning("create draft: %s", qPrintable(describe(r)));
        return r.header("ETag");
    }

private slots:
    void initTestCase()
    {
        if (haitao::testing::postgresRequiredButMissing())
            QSKIP("no PostgreSQL configured: scripts/test starts one and sets HAITAO_TEST_PG_URL");
        m_sim = std::make_unique<sim::SimServer>();
        QString error;
        QVERIFY2(m_sim->start(QStringLiteral("127.0.0.1"), 0, &error), qPrintable(error));
    }

    void init()
    {
        server::Config config;
        auto offset = m_offset;
        *offset = 0;
        config.clock = [offset] { return QDateTime::currentMSecsSinceEpoch() + offset->load(); };
        config.fxEcbUrl =
            QStringLiteral("http://127.0.0.1:%1/fx/eurofxref-daily.xml").arg(m_sim->port());
        config.fxFetchHours = 0;                 // fetched only when a test asks
        config.tokenTtlSeconds = 30 * 24 * 3600; // tests move the clock by days
        m_server = std::make_unique<TestServer>(config);
        QVERIFY(m_server->start());
        QVERIFY(m_server->server().pricing().seedDemo());
        m_server->createUser(QStringLiteral("customer"), QStringLiteral("customer password"),
                             Role::Customer);
        m_server->createUser(QStringLiteral("opsuser"), QStringLiteral("ops password"), Role::Ops);
        m_server->createUser(QStringLiteral("translatoruser"),
                             QStringLiteral("translator password"), Role::Translator);
    }

    void cleanup()
    {
        m_server.reset();
        SyncClient simControl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_sim->port())));
        simControl.raw("DELETE", QStringLiteral("/__sim/faults"));
    }

    void cleanupTestCase()
    {
        if (m_sim)
            m_sim->stop();
    }

    void customerGetsAnItemizedQuoteThatAddsUp()
    {
        auto c = signedIn(QStringLiteral("customer"), QStringLiteral("customer password"));
        const auto r = post(*c, QStringLiteral("/api/v1/quotes"), cart());
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        const QJsonObject q = body(r);
        QCOMPARE(q.value(QStringLiteral("ruleSetVersion")).toInteger(), 1);
        QVERIFY(q.value(QStringLiteral("rateSnapshot")).toInteger() > 0);
        QCOMPARE(q.value(QStringLiteral("total")).toObject().value(QStringLiteral("currency")),
                 QJsonValue(QStringLiteral("CNY")));
        QVERIFY(totalMinor(q) > 0);
        QCOMPARE(componentSum(q), totalMinor(q));
        QCOMPARE(q.value(QStringLiteral("lines")).toArray().size(), 2);
        QCOMPARE(q.value(QStringLiteral("sites")).toArray().size(), 2);
        QVERIFY(q.value(QStringLiteral("expiresAt")).toString() >
                q.value(QStringLiteral("pricedAt")).toString());
        // Every rate used is named with its source, and amounts are never JSON floats.
        QVERIFY(!q.value(QStringLiteral("rates")).toArray().isEmpty());
        QVERIFY(!r.body.contains("e+") && !r.body.contains("\"rate\":7."));

        // The same request again gives the same figures (the engine is deterministic).
        const auto again = post(*c, QStringLiteral("/api/v1/quotes"), cart());
        QCOMPARE(totalMinor(body(again)), totalMinor(q));

        // A coupon applies as a negative component and the sum still holds.
        const auto withCoupon = post(*c, QStringLiteral("/api/v1/quotes"),
                                     cart(QJsonArray{QStringLiteral("welcome10")}));
        QVERIFY2(withCoupon.status == 200, qPrintable(describe(withCoupon)));
        QVERIFY(totalMinor(body(withCoupon)) < totalMinor(q));
        QCOMPARE(componentSum(body(withCoupon)), totalMinor(body(withCoupon)));
    }

    void badQuoteRequestsNameTheField()
    {
        auto c = signedIn(QStringLiteral("customer"), QStringLiteral("customer password"));
        QCOMPARE(std::make_unique<SyncClient>(m_server->url())
                     ->raw("POST", QStringLiteral("/api/v1/quotes"), json(cart()),
                           {{"Content-Type", "application/json"}})
                     .status,
                 401);

        QJsonObject bad = cart(QJsonArray{QStringLiteral("NO-SUCH-CODE")});
        QJsonArray lines = bad.value(QStringLiteral("lines")).toArray();
        QJsonObject first = lines.at(0).toObject();
        first.insert(QStringLiteral("price"), 19.99); // a float price is refused
        lines.replace(0, first);
        QJsonObject second = lines.at(1).toObject();
        second.insert(QStringLiteral("quantity"), 0);
        lines.replace(1, second);
        lines.append(
            QJsonObject{{QStringLiteral("skuId"), 424242}, {QStringLiteral("quantity"), 1}});
        bad.insert(QStringLiteral("lines"), lines);
        const auto r = post(*c, QStringLiteral("/api/v1/quotes"), bad);
        QCOMPARE(r.status, 422);
        QCOMPARE(problemType(r), QStringLiteral("urn:haitao:problem:validation"));
        const QStringList fields = errorFields(r);
        QVERIFY2(fields.contains(QStringLiteral("lines[0].price")), qPrintable(describe(r)));
        QVERIFY2(fields.contains(QStringLiteral("lines[1].quantity")), qPrintable(describe(r)));

        // Shape errors first; then the catalog lookup and the coupon are checked.
        lines.removeAt(1);
        lines.removeAt(0);
        bad.insert(QStringLiteral("lines"), lines);
        const auto sku = post(*c, QStringLiteral("/api/v1/quotes"), bad);
        QCOMPARE(sku.status, 422);
        QVERIFY2(errorFields(sku).contains(QStringLiteral("lines[0].skuId")),
                 qPrintable(describe(sku)));

        const auto coupon = post(*c, QStringLiteral("/api/v1/quotes"),
                                 cart(QJsonArray{QStringLiteral("NO-SUCH-CODE")}));
        QCOMPARE(coupon.status, 422);
        QVERIFY2(errorFields(coupon).contains(QStringLiteral("coupons[0]")),
                 qPrintable(describe(coupon)));

        // A number far outside any range is a field error, not undefined behaviour.
        QJsonObject huge = cart();
        QJsonArray hugeLines = huge.value(QStringLiteral("lines")).toArray();
        QJsonObject hugeLine = hugeLines.at(0).toObject();
        hugeLine.insert(QStringLiteral("quantity"), 1e300);
        hugeLines.replace(0, hugeLine);
        huge.insert(QStringLiteral("lines"), hugeLines);
        const auto hugeAnswer = post(*c, QStringLiteral("/api/v1/quotes"), huge);
        QCOMPARE(hugeAnswer.status, 422);
        QVERIFY(errorFields(hugeAnswer).contains(QStringLiteral("lines[0].quantity")));

        const auto empty = post(*c, QStringLiteral("/api/v1/quotes"), {});
        QCOMPARE(empty.status, 422);
        QVERIFY(errorFields(empty).contains(QStringLiteral("lines")));
    }

    void staleRatesRefuseToQuote()
    {
        auto c = signedIn(QStringLiteral("customer"), QStringLiteral("customer password"));
        QCOMPARE(post(*c, QStringLiteral("/api/v1/quotes"), cart()).status, 200);
        advanceHours(97); // the default limit is 96 hours
        const auto r = post(*c, QStringLiteral("/api/v1/quotes"), cart());
        QCOMPARE(r.status, 503);
        QCOMPARE(problemType(r), QStringLiteral("urn:haitao:problem:stale-rates"));

        // Staff see which rates are stale; a manual entry of both currencies heals it.
        auto staff = ops();
        const auto rates = staff->raw("GET", QStringLiteral("/api/v1/fx/rates"));
        QCOMPARE(rates.status, 200);
        bool usdStale = false;
        for (const QJsonValue &v : body(rates).value(QStringLiteral("items")).toArray()) {
            if (v.toObject().value(QStringLiteral("currency")).toString() == QLatin1String("USD"))
                usdStale = v.toObject().value(QStringLiteral("stale")).toBool();
        }
        QVERIFY(usdStale);
        for (const char *code : {"USD", "JPY"}) {
            const auto entered = post(
                *staff, QStringLiteral("/api/v1/fx/rates"),
                {{QStringLiteral("currency"), QString::fromLatin1(code)},
                 {QStringLiteral("rate"), QString::fromLatin1(code[0] == 'U' ? "7.2" : "0.048")},
                 {QStringLiteral("markupPercent"), QStringLiteral("2")}});
            QVERIFY2(entered.status == 201, qPrintable(describe(entered)));
        }
        const auto healed = post(*c, QStringLiteral("/api/v1/quotes"), cart());
        QVERIFY2(healed.status == 200, qPrintable(describe(healed)));
    }

    void manualRatesAreValidatedAndKeptInHistory()
    {
        auto staff = ops();
        const auto bad = post(*staff, QStringLiteral("/api/v1/fx/rates"),
                              {{QStringLiteral("currency"), QStringLiteral("XXX")},
                               {QStringLiteral("rate"), 7.1}, // a number, not a decimal string
                               {QStringLiteral("markupPercent"), QStringLiteral("150")},
                               {QStringLiteral("extra"), true}});
        QCOMPARE(bad.status, 422);
        const QStringList fields = errorFields(bad);
        for (const char *f : {"currency", "rate", "extra"})
            QVERIFY2(fields.contains(QString::fromLatin1(f)), qPrintable(describe(bad)));

        const auto range = post(*staff, QStringLiteral("/api/v1/fx/rates"),
                                {{QStringLiteral("currency"), QStringLiteral("USD")},
                                 {QStringLiteral("rate"), QStringLiteral("0")},
                                 {QStringLiteral("markupPercent"), QStringLiteral("150")}});
        QCOMPARE(range.status, 422);
        QVERIFY(errorFields(range).contains(QStringLiteral("rate")));
        QVERIFY(errorFields(range).contains(QStringLiteral("markupPercent")));

        const auto ok = post(*staff, QStringLiteral("/api/v1/fx/rates"),
                             {{QStringLiteral("currency"), QStringLiteral("USD")},
                              {QStringLiteral("rate"), QStringLiteral("7.2")},
                              {QStringLiteral("markupPercent"), QStringLiteral("2.5")}});
        QVERIFY2(ok.status == 201, qPrintable(describe(ok)));
        // 7.2 x 1.025 = 7.38, exactly.
        QCOMPARE(body(ok).value(QStringLiteral("effectiveRate")).toString(),
                 QStringLiteral("7.38"));
        QCOMPARE(body(ok).value(QStringLiteral("source")).toString(), QStringLiteral("manual"));

        const auto history = staff->raw("GET", QStringLiteral("/api/v1/fx/rates/USD/history"));
        QCOMPARE(history.status, 200);
        const QJsonArray items = body(history).value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 2); // the demo rate, then ours
        QCOMPARE(items.last().toObject().value(QStringLiteral("rate")).toString(),
                 QStringLiteral("7.2"));
        QCOMPARE(staff->raw("GET", QStringLiteral("/api/v1/fx/rates/XXX/history")).status, 404);
    }

    void ecbFetchFromTheSimKeepsMarkups()
    {
        auto staff = ops();
        const auto r = staff->raw("POST", QStringLiteral("/api/v1/fx/fetch"));
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        const QStringList currencies =
            body(r).value(QStringLiteral("currencies")).toVariant().toStringList();
        for (const char *code : {"USD", "EUR", "GBP", "JPY", "KRW", "AUD"})
            QVERIFY2(currencies.contains(QString::fromLatin1(code)), qPrintable(describe(r)));

        const auto rates = body(staff->raw("GET", QStringLiteral("/api/v1/fx/rates")));
        for (const QJsonValue &v : rates.value(QStringLiteral("items")).toArray()) {
            const QJsonObject rate = v.toObject();
            if (rate.value(QStringLiteral("currency")).toString() != QLatin1String("USD"))
                continue;
            QCOMPARE(rate.value(QStringLiteral("source")).toString(), QStringLiteral("ecb"));
            QCOMPARE(rate.value(QStringLiteral("markupPercent")).toString(),
                     QStringLiteral("1.5")); // the demo's markup, carried over
            QVERIFY(!rate.value(QStringLiteral("stale")).toBool());
        }

        // A malformed file changes nothing and says why.
        SyncClient simControl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_sim->port())));
        const auto fault = simControl.raw("POST", QStringLiteral("/__sim/faults"),
                                          R"({"path": "/fx/", "mode": "malformed"})",
                                          {{"Content-Type", "application/json"}});
        QVERIFY2(fault.status == 200 || fault.status == 204, qPrintable(describe(fault)));
        const qint64 snapshot = rates.value(QStringLiteral("snapshot")).toInteger();
        const auto failed = staff->raw("POST", QStringLiteral("/api/v1/fx/fetch"));
        QCOMPARE(failed.status, 503);
        QCOMPARE(body(staff->raw("GET", QStringLiteral("/api/v1/fx/rates")))
                     .value(QStringLiteral("snapshot"))
                     .toInteger(),
                 snapshot);
        const auto audit = body(staff->raw("GET", QStringLiteral("/api/v1/pricing/audit")));
        QCOMPARE(audit.value(QStringLiteral("items"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("action"))
                     .toString(),
                 QStringLiteral("fx.fetch_failed"));
    }

    void draftDiffSimulatePublish()
    {
        auto staff = ops();
        QCOMPARE(staff->raw("GET", QStringLiteral("/api/v1/pricing/draft")).status, 404);
        const QByteArray etag = createDraft(*staff);
        QCOMPARE(etag, QByteArray("\"r1\""));
        QCOMPARE(post(*staff, QStringLiteral("/api/v1/pricing/draft"), {}).status, 409);

        const auto got = staff->raw("GET", QStringLiteral("/api/v1/pricing/draft"));
        QCOMPARE(got.status, 200);
        QCOMPARE(body(got).value(QStringLiteral("basedOn")).toInteger(), 1);
        QJsonObject document = body(got).value(QStringLiteral("document")).toObject();
        const QJsonObject original = document;

        // Raise the default service fee's percentage.
        QJsonArray rules = document.value(QStringLiteral("rules")).toArray();
        int serviceFee = -1;
        for (int i = 0; i < rules.size(); ++i) {
            const QJsonObject rule = rules.at(i).toObject();
            if (rule.value(QStringLiteral("kind")).toString() == QLatin1String("service_fee") &&
                rule.value(QStringLiteral("scope")).toObject().isEmpty())
                serviceFee = i;
        }
        QVERIFY(serviceFee >= 0);
        QJsonObject fee = rules.at(serviceFee).toObject();
        fee.insert(QStringLiteral("percent"), QStringLiteral("150")); // out of range first
        rules.replace(serviceFee, fee);
        document.insert(QStringLiteral("rules"), rules);

        const auto put = [&](const QJsonObject &doc, const QByteArray &ifMatch) {
            Headers h{{"Content-Type", "application/json"}};
            if (!ifMatch.isEmpty())
                h.append({"If-Match", ifMatch});
            return staff->raw("PUT", QStringLiteral("/api/v1/pricing/draft"),
                              json({{QStringLiteral("document"), doc}}), h);
        };
        QCOMPARE(put(document, {}).status, 428);
        QCOMPARE(put(document, "\"r7\"").status, 412);
        QCOMPARE(put(document, "\"v1\"").status, 412); // a listing's tag, not a draft's
        QCOMPARE(put(document, "*").status, 412);
        const auto invalid = put(document, etag);
        QCOMPARE(invalid.status, 422);
        QVERIFY2(errorFields(invalid).contains(
                     QStringLiteral("document.rules[%1].percent").arg(serviceFee)),
                 qPrintable(describe(invalid)));

        fee.insert(QStringLiteral("percent"), QStringLiteral("12"));
        rules.replace(serviceFee, fee);
        document.insert(QStringLiteral("rules"), rules);
        const auto saved = put(document, etag);
        QVERIFY2(saved.status == 200, qPrintable(describe(saved)));
        const QByteArray etag2 = saved.header("ETag");
        QCOMPARE(etag2, QByteArray("\"r2\""));
        QCOMPARE(put(document, etag).status, 412); // the old revision is stale now

        const auto diff = staff->raw("GET", QStringLiteral("/api/v1/pricing/draft/diff"));
        QCOMPARE(diff.status, 200);
        const QJsonArray changes = body(diff).value(QStringLiteral("changes")).toArray();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().toObject().value(QStringLiteral("change")).toString(),
                 QStringLiteral("changed"));
        QCOMPARE(changes.first().toObject().value(QStringLiteral("id")),
                 fee.value(QStringLiteral("id")));

        // Simulate: the draft's service fee is higher, the other kinds are equal.
        QJsonObject sim = cart();
        sim.insert(QStringLiteral("sweep"), QJsonObject{{QStringLiteral("fromG"), 0},
                                                        {QStringLiteral("toG"), 5000},
                                                        {QStringLiteral("stepG"), 1000}});
        const auto simulated = post(*staff, QStringLiteral("/api/v1/quotes/simulate"), sim);
        QVERIFY2(simulated.status == 200, qPrintable(describe(simulated)));
        const QJsonObject s = body(simulated);
        QVERIFY(totalMinor(s.value(QStringLiteral("draft")).toObject()) >
                totalMinor(s.value(QStringLiteral("published")).toObject()));
        for (const QJsonValue &v : s.value(QStringLiteral("difference")).toArray()) {
            const QJsonObject row = v.toObject();
            const qint64 delta = row.value(QStringLiteral("delta"))
                                     .toObject()
                                     .value(QStringLiteral("minor"))
                                     .toInteger();
            if (row.value(QStringLiteral("kind")).toString() == QLatin1String("service_fee"))
                QVERIFY(delta > 0);
            else
                QCOMPARE(delta, 0);
        }
        const QJsonArray sweep = s.value(QStringLiteral("sweep")).toArray();
        QCOMPARE(sweep.size(), 6);
        qint64 previous = -1;
        for (const QJsonValue &p : sweep) { // heavier never costs less
            const qint64 t = p.toObject()
                                 .value(QStringLiteral("published"))
                                 .toObject()
                                 .value(QStringLiteral("minor"))
                                 .toInteger();
            QVERIFY(t >= previous);
            previous = t;
        }

        const QJsonObject before = body(post(*staff, QStringLiteral("/api/v1/quotes"), cart()));

        // Publish: not into the past, not without If-Match, then for real.
        const auto publishAt = [&](const QJsonObject &o, const QByteArray &ifMatch) {
            Headers h;
            if (!ifMatch.isEmpty())
                h.append({"If-Match", ifMatch});
            return post(*staff, QStringLiteral("/api/v1/pricing/draft/publish"), o, h);
        };
        QCOMPARE(publishAt({}, {}).status, 428);
        const auto past = publishAt(
            {{QStringLiteral("effectiveAt"), QStringLiteral("2020-01-01T00:00:00Z")}}, etag2);
        QCOMPARE(past.status, 422);
        QVERIFY(errorFields(past).contains(QStringLiteral("effectiveAt")));
        const auto published =
            publishAt({{QStringLiteral("note"), QStringLiteral("Higher service fee")}}, etag2);
        QVERIFY2(published.status == 201, qPrintable(describe(published)));
        QCOMPARE(body(published).value(QStringLiteral("version")).toInteger(), 2);
        QCOMPARE(staff->raw("GET", QStringLiteral("/api/v1/pricing/draft")).status, 404);

        const QJsonObject after = body(post(*staff, QStringLiteral("/api/v1/quotes"), cart()));
        QCOMPARE(after.value(QStringLiteral("ruleSetVersion")).toInteger(), 2);
        QVERIFY(totalMinor(after) > totalMinor(before));

        // Version 1 is unchanged, and the earlier quote can be computed again exactly.
        const auto v1 = staff->raw("GET", QStringLiteral("/api/v1/pricing/rulesets/1"));
        QCOMPARE(body(v1).value(QStringLiteral("document")).toObject(), original);
        QCOMPARE(body(v1).value(QStringLiteral("inForce")).toBool(), false);
        const auto versions = body(staff->raw("GET", QStringLiteral("/api/v1/pricing/rulesets")));
        QCOMPARE(versions.value(QStringLiteral("items")).toArray().size(), 2);
        QVERIFY(versions.value(QStringLiteral("items"))
                    .toArray()
                    .first()
                    .toObject()
                    .value(QStringLiteral("inForce"))
                    .toBool());

        auto &service = m_server->server().pricing();
        server::pricing::QuoteInput input;
        for (const QJsonValue &l : cart().value(QStringLiteral("lines")).toArray()) {
            const QJsonObject o = l.toObject();
            server::pricing::QuoteLineInput line;
            line.site = o.value(QStringLiteral("site")).toString();
            line.price = *Money::fromJson(o.value(QStringLiteral("price")).toObject());
            line.quantity = o.value(QStringLiteral("quantity")).toInteger();
            line.weightG = o.value(QStringLiteral("weightG")).toInteger();
            line.lengthMm = o.value(QStringLiteral("lengthMm")).toInteger();
            line.widthMm = o.value(QStringLiteral("widthMm")).toInteger();
            line.heightMm = o.value(QStringLiteral("heightMm")).toInteger();
            line.category = o.value(QStringLiteral("category")).toString();
            input.lines.append(line);
        }
        input.nowMs =
            fromWireTime(before.value(QStringLiteral("pricedAt")).toString()).toMSecsSinceEpoch();
        const server::pricing::Quote again =
            service.requote(input, 1, before.value(QStringLiteral("rateSnapshot")).toInteger());
        QCOMPARE(again.toJson().value(QStringLiteral("total")),
                 before.value(QStringLiteral("total")));
        QCOMPARE(again.toJson().value(QStringLiteral("lines")),
                 before.value(QStringLiteral("lines")));

        // Who did what, newest first.
        const auto audit = body(staff->raw("GET", QStringLiteral("/api/v1/pricing/audit")));
        QStringList actions;
        for (const QJsonValue &v : audit.value(QStringLiteral("items")).toArray()) {
            actions << v.toObject().value(QStringLiteral("action")).toString();
            QVERIFY(!v.toObject().value(QStringLiteral("actorName")).toString().isEmpty());
        }
        QCOMPARE(actions.mid(0, 3), (QStringList{QStringLiteral("ruleset.published"),
                                                 QStringLiteral("ruleset.draft_saved"),
                                                 QStringLiteral("ruleset.draft_created")}));
    }

    void futureVersionTakesEffectOnTime()
    {
        auto staff = ops();
        QByteArray etag = createDraft(*staff);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const auto published =
            post(*staff, QStringLiteral("/api/v1/pricing/draft/publish"),
                 {{QStringLiteral("effectiveAt"), toWireTime(now + 2 * 3600 * 1000)}},
                 {{"If-Match", etag}});
        QVERIFY2(published.status == 201, qPrintable(describe(published)));
        QCOMPARE(body(published).value(QStringLiteral("inForce")).toBool(), false);

        // A version taking effect before version 2 would never be in force: refused.
        etag = createDraft(*staff);
        const auto early = post(*staff, QStringLiteral("/api/v1/pricing/draft/publish"),
                                {{QStringLiteral("effectiveAt"), toWireTime(now + 3600 * 1000)}},
                                {{"If-Match", etag}});
        QCOMPARE(early.status, 422);
        QVERIFY2(body(early)
                     .value(QStringLiteral("errors"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString()
                     .contains(QLatin1String("version 2")),
                 qPrintable(describe(early)));

        auto c = signedIn(QStringLiteral("customer"), QStringLiteral("customer password"));
        QCOMPARE(body(post(*c, QStringLiteral("/api/v1/quotes"), cart()))
                     .value(QStringLiteral("ruleSetVersion"))
                     .toInteger(),
                 1);
        advanceHours(3);
        QCOMPARE(body(post(*c, QStringLiteral("/api/v1/quotes"), cart()))
                     .value(QStringLiteral("ruleSetVersion"))
                     .toInteger(),
                 2);
    }

    void discardNeedsTheCurrentRevision()
    {
        auto staff = ops();
        const QByteArray etag = createDraft(*staff);
        QCOMPARE(staff->raw("DELETE", QStringLiteral("/api/v1/pricing/draft")).status, 428);
        QCOMPARE(staff
                     ->raw("DELETE", QStringLiteral("/api/v1/pricing/draft"), {},
                           {{"If-Match", "\"r9\""}})
                     .status,
                 412);
        QCOMPARE(
            staff->raw("DELETE", QStringLiteral("/api/v1/pricing/draft"), {}, {{"If-Match", etag}})
                .status,
            204);
        QCOMPARE(staff->raw("GET", QStringLiteral("/api/v1/pricing/draft")).status, 404);
        QCOMPARE(staff->raw("GET", QStringLiteral("/api/v1/pricing/draft/diff")).status, 404);
    }

    void scheduledFetchRunsAtStart()
    {
        server::Config config;
        config.fxEcbUrl =
            QStringLiteral("http://127.0.0.1:%1/fx/eurofxref-daily.xml").arg(m_sim->port());
        config.fxFetchHours = 6;
        TestServer scheduled(config);
        QVERIFY(scheduled.start());
        // The fetcher runs at start, in the background: wait for its audit entry.
        auto &service = scheduled.server().pricing();
        QTRY_VERIFY_WITH_TIMEOUT(service.currentRates().find(*Currency::fromCode(u"USD")), 10000);
        const auto *usd = service.currentRates().find(*Currency::fromCode(u"USD"));
        QCOMPARE(usd->source, QStringLiteral("ecb"));
        server::AuditFilter filter;
        const auto audit = service.listAudit(filter);
        QCOMPARE(audit.items.first().action, QStringLiteral("fx.fetched"));
        QCOMPARE(audit.items.first().actorName, QStringLiteral("system"));
        scheduled.stop(); // joins the fetcher
    }

    void rolesAreEnforced()
    {
        auto translator =
            signedIn(QStringLiteral("translatoruser"), QStringLiteral("translator password"));
        QCOMPARE(post(*translator, QStringLiteral("/api/v1/pricing/draft"), {}).status, 403);
        QCOMPARE(translator->raw("GET", QStringLiteral("/api/v1/fx/rates")).status, 403);
        auto customer = signedIn(QStringLiteral("customer"), QStringLiteral("customer password"));
        QCOMPARE(post(*customer, QStringLiteral("/api/v1/quotes/simulate"), cart()).status, 403);
        QCOMPARE(customer->raw("GET", QStringLiteral("/api/v1/pricing/rulesets")).status, 403);
    }

    void publishedVersionsAreImmutableInTheDatabase()
    {
        // Straight at the store, around the service: the database itself refuses.
        QString error;
        const auto url =
            server::DbUrl::parse(m_server->config().dbUrl(QStringLiteral("pricing")), &error);
        QVERIFY2(url, qPrintable(error));
        server::Database db(QStringLiteral("pricing-check"), *url);
        {
            QSqlQuery q(db.writer());
            QVERIFY(!q.exec(QStringLiteral("UPDATE rule_sets SET note = 'x' WHERE version = 1")));
            QVERIFY2(q.lastError().text().contains(QLatin1String("immutable")),
                     qPrintable(q.lastError().text()));
            QVERIFY(!q.exec(QStringLiteral("DELETE FROM rule_sets WHERE version = 1")));
            QVERIFY(!q.exec(QStringLiteral("DELETE FROM fx_rates")));
            QVERIFY(!q.exec(QStringLiteral("UPDATE fx_rates SET rate = '1'")));
        }
        db.close();
    }
};

QTEST_GUILESS_MAIN(TstPricingApi)
#include "tst_pricing_api.moc"
