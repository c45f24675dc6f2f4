// The pricing engine (backend/pricing/engine.h) against docs/pricing.md: each kind of rule on
// its own with figures worked out by hand, their combination on a realistic cart, the refusals
// (bad lines, coupons, stale rates, no weight band), and properties over thousands of random
// carts (every amount adds up, nothing negative, the same inputs give the same quote).
#include "backend/pricing/demorules.h"
#include "backend/pricing/engine.h"
#include "core/wiretime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <limits>

using namespace haitao;
using namespace haitao::server;
using namespace haitao::server::pricing;

namespace {

qint64 timeMs(const char *text)
{
    const QDateTime t = fromWireTime(QString::fromLatin1(text));
    if (!t.isValid())
        qFatal("test data has a bad time: %s", text);
    return t.toMSecsSinceEpoch();
}

const qint64 kNow = timeMs("2026-11-25T10:00:00.000Z");
constexpr qint64 kHour = 3600 * 1000;

Currency currency(const char *code)
{
    const auto c = Currency::fromCode(QString::fromLatin1(code));
    if (!c)
        qFatal("test data names an unknown currency: %s", code);
    return *c;
}

Money money(qint64 minor, const char *code)
{
    return Money(minor, currency(code));
}

Money cny(qint64 minor)
{
    return Money(minor, Currency::cny());
}

Decimal decimal(const char *text)
{
    const auto d = Decimal::parse(QString::fromLatin1(text));
    if (!d)
        qFatal("test data has a bad decimal: %s", text);
    return *d;
}

QJsonObject jsonObject(const char *text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text), &error);
    if (!doc.isObject())
        qFatal("test JSON does not parse: %s", qPrintable(error.errorString()));
    return doc.object();
}

// Round figures so that every expectation can be checked by hand: USD 7, JPY 0.05, EUR 8,
// KRW 0.005 CNY, no markup. Sites not listed ship from the US.
const char *const kBase = R"({
  "rounding": "half_up", "defaultOrigin": "US",
  "sites": [{"site": "shop.jp", "origin": "JP"}, {"site": "shop.de", "origin": "DE"}],
  "rules": [
    {"id": "ds-default", "kind": "domestic_shipping", "scope": {},
     "flat": {"minor": 500, "currency": "USD"}, "freeAbove": {"minor": 5000, "currency": "USD"}},
    {"id": "fw-default", "kind": "forwarder_fee", "scope": {}, "divisor": 6000,
     "firstG": 1000, "first": {"minor": 1000, "currency": "CNY"},
     "additionalG": 1000, "additional": {"minor": 500, "currency": "CNY"}},
    {"id": "intl-default", "kind": "international_shipping", "scope": {}, "divisor": 5000,
     "firstG": 500, "first": {"minor": 10000, "currency": "CNY"},
     "additionalG": 500, "additional": {"minor": 4000, "currency": "CNY"}},
    {"id": "svc-default", "kind": "service_fee", "scope": {}, "percent": "5",
     "min": {"minor": 1000, "currency": "CNY"}, "max": {"minor": 20000, "currency": "CNY"}},
    {"id": "tax-default", "kind": "import_tax", "scope": {}, "percent": "10"}
  ]})";

// The base document with `extra` (a JSON array of rules) appended and the rules named in
// `drop` removed.
QJsonObject document(const char *extra = "[]", const QStringList &drop = {})
{
    QJsonObject doc = jsonObject(kBase);
    QJsonArray rules;
    for (const QJsonValue &r : doc.value(u"rules").toArray()) {
        if (!drop.contains(r.toObject().value(u"id").toString()))
            rules.append(r);
    }
    const QJsonDocument more = QJsonDocument::fromJson(QByteArray(extra));
    if (!more.isArray())
        qFatal("extra rules are not a JSON array: %s", extra);
    for (const QJsonValue &r : more.array())
        rules.append(r);
    doc.insert(QStringLiteral("rules"), rules);
    return doc;
}

RuleSet ruleSet(const QJsonObject &doc)
{
    QList<FieldProblem> errors;
    const auto set = RuleSet::fromJson(doc, &errors);
    if (!set) {
        for (const FieldProblem &e : errors)
            qWarning("%s: %s", qPrintable(e.field), qPrintable(e.message));
        qFatal("test rule set does not validate");
    }
    return *set;
}

FxRate rate(const char *code, const char *value, const char *markup = "0",
            qint64 asOfMs = kNow - kHour)
{
    static qint64 nextId = 1;
    FxRate r;
    r.id = nextId++;
    r.currency = currency(code);
    r.rate = decimal(value);
    r.markupPercent = decimal(markup);
    r.effectiveRate = *FxRate::effective(r.rate, r.markupPercent);
    r.source = QStringLiteral("manual");
    r.asOfMs = asOfMs;
    return r;
}

RateSnapshot simpleRates()
{
    RateSnapshot s;
    s.id = 100;
    s.rates = {rate("USD", "7"), rate("JPY", "0.05"), rate("EUR", "8"), rate("KRW", "0.005")};
    return s;
}

QuoteLineInput line(const char *site, Money price, qint64 quantity = 1, qint64 weightG = 0,
                    const char *category = "general")
{
    QuoteLineInput l;
    l.site = QString::fromLatin1(site);
    l.price = price;
    l.quantity = quantity;
    l.weightG = weightG;
    l.category = QString::fromLatin1(category);
    return l;
}

QuoteLineInput withDims(QuoteLineInput l, qint64 length, qint64 width, qint64 height)
{
    l.lengthMm = length;
    l.widthMm = width;
    l.heightMm = height;
    return l;
}

QuoteInput cart(QList<QuoteLineInput> lines, QStringList coupons = {}, bool firstOrder = false)
{
    QuoteInput in;
    in.lines = std::move(lines);
    in.coupons = std::move(coupons);
    in.firstOrder = firstOrder;
    in.nowMs = kNow;
    return in;
}

Quote price(const QuoteInput &in, const QJsonObject &doc = document(),
            const RateSnapshot &rates = simpleRates())
{
    return computeQuote(in, ruleSet(doc), 7, rates, EngineLimits{});
}

// The quote's failure, or a default ApiError of kind Internal when it did not fail.
ApiError failure(const QuoteInput &in, const QJsonObject &doc = document(),
                 const RateSnapshot &rates = simpleRates())
{
    try {
        computeQuote(in, ruleSet(doc), 7, rates, EngineLimits{});
    } catch (const ApiError &e) {
        return e;
    }
    return ApiError(ProblemKind::Internal, QStringLiteral("no error"));
}

QStringList fields(const ApiError &e)
{
    QStringList out;
    for (const FieldProblem &p : e.errors)
        out.append(p.field);
    return out;
}

// The one component of `kind` (and route) in `list`, or a zero placeholder with kind "none".
Component find(const QList<Component> &list, const char *kind, const char *route = "")
{
    for (const Component &c : list) {
        if (c.kind == QLatin1String(kind) && c.route == QLatin1String(route))
            return c;
    }
    Component none;
    none.kind = QStringLiteral("none");
    return none;
}

QList<Component> discounts(const Quote &q)
{
    QList<Component> out;
    for (const Component &c : q.components) {
        if (c.kind == u"discount")
            out.append(c);
    }
    return out;
}

// The invariants of docs/pricing.md; returns the first one broken, empty when all hold.
QString brokenInvariant(const Quote &q)
{
    qint64 all = 0;
    qint64 goods = 0;
    qint64 fees = 0;
    qint64 discount = 0;
    auto check = [&](const QList<Component> &list, qint64 total, const QString &where) {
        qint64 sum = 0;
        for (const Component &c : list) {
            if (c.cny.currency() != Currency::cny())
                return where + QStringLiteral(": a cny amount not in CNY");
            if (c.rate.has_value() != (c.original.currency() != Currency::cny()))
                return where + QStringLiteral(": rate set iff converted");
            if (c.kind == u"goods")
                goods += c.cny.minor();
            else if (c.kind == u"discount")
                discount -= c.cny.minor();
            else
                fees += c.cny.minor();
            if (c.kind != u"discount" && c.cny.isNegative())
                return where + QStringLiteral(": negative ") + c.kind;
            sum += c.cny.minor();
        }
        all += sum;
        if (sum != total)
            return where +
                   QStringLiteral(": components add up to %1, total %2").arg(sum).arg(total);
        return QString();
    };
    for (const QuoteLine &l : q.lines) {
        const QString e =
            check(l.components, l.total.minor(), QStringLiteral("line %1").arg(l.index));
        if (!e.isEmpty())
            return e;
    }
    for (const QuoteSite &s : q.sites) {
        const QString e = check(s.components, s.total.minor(), s.site);
        if (!e.isEmpty())
            return e;
    }
    qint64 lineSiteTotals = 0;
    for (const QuoteLine &l : q.lines)
        lineSiteTotals += l.total.minor();
    for (const QuoteSite &s : q.sites)
        lineSiteTotals += s.total.minor();
    qint64 quoteLevel = 0;
    for (const Component &c : q.components)
        quoteLevel += c.cny.minor();
    const QString e = check(q.components, quoteLevel, QStringLiteral("quote"));
    if (!e.isEmpty())
        return e;
    if (all != q.total.minor() || lineSiteTotals + quoteLevel != q.total.minor())
        return QStringLiteral("all components add up to %1, total %2")
            .arg(all)
            .arg(q.total.minor());
    if (discount > goods)
        return QStringLiteral("discounts %1 exceed the goods %2").arg(discount).arg(goods);
    if (q.total.minor() < fees || q.total.isNegative())
        return QStringLiteral("total %1 below the fees %2").arg(q.total.minor()).arg(fees);
    if (q.total.currency() != Currency::cny())
        return QStringLiteral("total not in CNY");
    return QString();
}

QByteArray canonical(const Quote &q)
{
    return QJsonDocument(q.toJson()).toJson(QJsonDocument::Compact);
}

} // namespace

// Readable QCOMPARE failures (found by argument-dependent lookup).
namespace haitao {
char *toString(const Money &m)
{
    return qstrdup(qPrintable(m.toString() + u' ' + m.currency().code()));
}
char *toString(const Decimal &d)
{
    return qstrdup(qPrintable(d.toString()));
}
} // namespace haitao

class TstPricingEngine : public QObject
{
    Q_OBJECT

private slots:
    void effectiveRate_data()
    {
        QTest::addColumn<QString>("rate");
        QTest::addColumn<QString>("markup");
        QTest::addColumn<QString>("effective");
        // 7.1234 * 1.015 = 7.1234 + 0.106851 = 7.230251 (docs/pricing.md's example).
        QTest::newRow("usd 1.5%") << "7.1234"
                                  << "1.5"
                                  << "7.230251";
        QTest::newRow("no markup") << "7.1234"
                                   << "0"
                                   << "7.1234";
        // 0.046712 * 1.0125 = 0.046712 + 0.00058390 = 0.0472959.
        QTest::newRow("jpy 1.25%") << "0.046712"
                                   << "1.25"
                                   << "0.0472959";
        // 9.3655 * 2 = 18.731.
        QTest::newRow("100%") << "9.3655"
                              << "100"
                              << "18.731";
        // 0.0049837 * 1.00001 = 0.0049837 + 0.000000049837 = 0.004983749837.
        QTest::newRow("tiny markup") << "0.0049837"
                                     << "0.001"
                                     << "0.004983749837";
    }

    void effectiveRate()
    {
        QFETCH(QString, rate);
        QFETCH(QString, markup);
        QFETCH(QString, effective);
        const auto e = FxRate::effective(*Decimal::parse(rate), *Decimal::parse(markup));
        QVERIFY(e);
        QCOMPARE(e->toString(), effective);
    }

    void effectiveRateRefusals()
    {
        QVERIFY(!FxRate::effective(Decimal(), decimal("1.5")));
        QVERIFY(!FxRate::effective(decimal("-7"), decimal("1.5")));
        QVERIFY(!FxRate::effective(decimal("7"), decimal("-1")));
    }

    void snapshotFindsNewestEntry()
    {
        RateSnapshot s;
        s.rates = {rate("USD", "7.1"), rate("USD", "7.2"), rate("JPY", "0.05")};
        QCOMPARE(s.find(currency("USD"))->rate, decimal("7.2"));
        QCOMPARE(s.find(currency("JPY"))->rate, decimal("0.05"));
        QVERIFY(!s.find(currency("EUR")));
    }

    // One US line with no dimensions, every kind at its default.
    //   goods 100.00 USD * 7 = 700.00; tax 10% = 70.00; line 770.00
    //   shop.us goods 100.00 USD >= 50.00: shipping free (0, listed)
    //   forwarder 1000 g: first 1000 g = 10.00; international 1000 g: 100 + ceil(500/500) * 40
    //   = 140.00; service 5% of 700.00 = 35.00
    //   total 770 + 0 + 10 + 140 + 35 = 955.00
    void simpleQuote()
    {
        const Quote q = price(cart({line("shop.us", money(10000, "USD"), 1, 1000)}));
        QCOMPARE(q.lines.size(), 1);
        const QuoteLine &l = q.lines[0];
        QCOMPARE(find(l.components, "goods").original, money(10000, "USD"));
        QCOMPARE(find(l.components, "goods").cny, cny(70000));
        QCOMPARE(find(l.components, "goods").rate.value_or(Decimal()), decimal("7"));
        QCOMPARE(find(l.components, "import_tax").cny, cny(7000));
        QCOMPARE(find(l.components, "import_tax").ruleId, QStringLiteral("tax-default"));
        QCOMPARE(l.total, cny(77000));
        QCOMPARE(l.chargeableWeightG, 1000);
        QCOMPARE(q.sites.size(), 1);
        QCOMPARE(q.sites[0].origin, QStringLiteral("US"));
        QCOMPARE(q.sites[0].goods, money(10000, "USD"));
        const Component ds = find(q.sites[0].components, "domestic_shipping");
        QCOMPARE(ds.original, money(0, "USD"));
        QCOMPARE(ds.cny, cny(0));
        QCOMPARE(find(q.components, "forwarder_fee", "US-CN").cny, cny(1000));
        QCOMPARE(find(q.components, "international_shipping", "US-CN").cny, cny(14000));
        QCOMPARE(find(q.components, "international_shipping", "US-CN").chargeableWeightG, 1000);
        QCOMPARE(find(q.components, "service_fee").cny, cny(3500));
        QCOMPARE(q.total, cny(95500));
        QCOMPARE(q.ruleSetVersion, 7);
        QCOMPARE(q.rateSnapshot, 100);
        QCOMPARE(q.pricedAtMs, kNow);
        QCOMPARE(q.expiresAtMs, kNow + 30 * 60 * 1000);
        QCOMPARE(q.rates.size(), 1);
        QCOMPARE(q.rates[0].currency, currency("USD"));
        QCOMPARE(brokenInvariant(q), QString());
    }

    // Goods conversion rounds once, to the CNY minor unit, with the set's rounding.
    void goodsRounding_data()
    {
        QTest::addColumn<QString>("rounding");
        QTest::addColumn<QString>("currencyCode");
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<QString>("rateText");
        QTest::addColumn<qint64>("expected");
        // 3998 cents * 7.230251 = 28906.5435 -> 28907 (docs/pricing.md's example).
        QTest::newRow("usd") << "half_up"
                             << "USD" << qint64(3998) << "7.230251" << qint64(28907);
        // JPY has no minor unit: 1999 yen * 0.046712 = 93.377288 CNY = 9337.7288 fen -> 9338.
        QTest::newRow("jpy") << "half_up"
                             << "JPY" << qint64(1999) << "0.046712" << qint64(9338);
        // KRW likewise: 15900 won * 0.0049837 = 79.240830 CNY -> 7924.083 fen -> 7924.
        QTest::newRow("krw") << "half_up"
                             << "KRW" << qint64(15900) << "0.0049837" << qint64(7924);
        // Ties: 5 cents * 0.5 = 2.5 fen: half_up 3, half_even 2 (even).
        QTest::newRow("tie up") << "half_up"
                                << "USD" << qint64(5) << "0.5" << qint64(3);
        QTest::newRow("tie even") << "half_even"
                                  << "USD" << qint64(5) << "0.5" << qint64(2);
        // 15 cents * 0.5 = 7.5 fen: both 8 (8 is even).
        QTest::newRow("tie even up") << "half_even"
                                     << "USD" << qint64(15) << "0.5" << qint64(8);
        // 1 yen * 0.025 = 0.025 CNY = 2.5 fen: 3 or 2.
        QTest::newRow("jpy tie up") << "half_up"
                                    << "JPY" << qint64(1) << "0.025" << qint64(3);
        QTest::newRow("jpy tie even") << "half_even"
                                      << "JPY" << qint64(1) << "0.025" << qint64(2);
        // 3 yen * 0.0049 = 0.0147 CNY = 1.47 fen -> 1 either way (not a tie).
        QTest::newRow("not a tie") << "half_even"
                                   << "JPY" << qint64(3) << "0.0049" << qint64(1);
    }

    void goodsRounding()
    {
        QFETCH(QString, rounding);
        QFETCH(QString, currencyCode);
        QFETCH(qint64, minor);
        QFETCH(QString, rateText);
        QFETCH(qint64, expected);
        RateSnapshot rates;
        rates.id = 1;
        rates.rates = {rate(qPrintable(currencyCode), qPrintable(rateText))};
        // Its own site so that the domestic shipping rule (USD) needs no other rate: drop it.
        QJsonObject noShipping = document("[]", {QStringLiteral("ds-default")});
        noShipping.insert(QStringLiteral("rounding"), rounding);
        const Quote q =
            price(cart({line("shop.us", Money(minor, *Currency::fromCode(currencyCode)))}),
                  noShipping, rates);
        const Component goods = find(q.lines[0].components, "goods");
        QCOMPARE(goods.cny, cny(expected));
        QCOMPARE(goods.rate->toString(), rateText);
        QCOMPARE(q.rounding, rounding == u"half_up" ? Rounding::HalfUp : Rounding::HalfEven);
    }

    // The import tax of each line by category, with the default as the fallback; 0 is listed.
    void importTax_data()
    {
        QTest::addColumn<QString>("category");
        QTest::addColumn<qint64>("goodsMinor"); // CNY
        QTest::addColumn<QString>("rounding");
        QTest::addColumn<QString>("ruleId");
        QTest::addColumn<qint64>("tax");
        // 700.00 * 10% = 70.00 (default).
        QTest::newRow("default") << "toys" << qint64(70000) << "half_up"
                                 << "tax-default" << qint64(7000);
        // 700.00 * 9.1% = 63.70 (category rule, more specific).
        QTest::newRow("beauty") << "beauty" << qint64(70000) << "half_up"
                                << "tax-beauty" << qint64(6370);
        // 7.77 * 9.1% = 0.70707 -> 0.71.
        QTest::newRow("rounded") << "beauty" << qint64(777) << "half_up"
                                 << "tax-beauty" << qint64(71);
        // Exempt: 0, but listed with its rule.
        QTest::newRow("exempt") << "books" << qint64(70000) << "half_up"
                                << "tax-books" << qint64(0);
        // 0.05 * 10% = 0.005 = 0.5 fen: half_up 1, half_even 0.
        QTest::newRow("tie up") << "toys" << qint64(5) << "half_up"
                                << "tax-default" << qint64(1);
        QTest::newRow("tie even") << "toys" << qint64(5) << "half_even"
                                  << "tax-default" << qint64(0);
        // No category given: only the default can match.
        QTest::newRow("no category") << "" << qint64(70000) << "half_up"
                                     << "tax-default" << qint64(7000);
    }

    void importTax()
    {
        QFETCH(QString, category);
        QFETCH(qint64, goodsMinor);
        QFETCH(QString, rounding);
        QFETCH(QString, ruleId);
        QFETCH(qint64, tax);
        QJsonObject doc = document(R"([
            {"id": "tax-beauty", "kind": "import_tax", "scope": {"category": "beauty"},
             "percent": "9.1"},
            {"id": "tax-books", "kind": "import_tax", "scope": {"category": "books"},
             "percent": "0"}])");
        doc.insert(QStringLiteral("rounding"), rounding);
        QuoteLineInput l = line("shop.us", cny(goodsMinor));
        l.category = category;
        const Quote q = price(cart({l}), doc);
        const Component c = find(q.lines[0].components, "import_tax");
        QCOMPARE(c.ruleId, ruleId);
        QCOMPARE(c.cny, cny(tax));
        QCOMPARE(c.original, cny(tax));
        QVERIFY(!c.rate);
        QCOMPARE(q.lines[0].total, cny(goodsMinor + tax));
    }

    // Volumetric weight per rule divisor, chargeable weight per line and route, and the
    // first/additional fee with ceil.
    //   forwarder: divisor 6000, first 1000 g 10.00, then 5.00 per started 1000 g
    //   international: divisor 5000, first 500 g 100.00, then 40.00 per started 500 g
    void weights_data()
    {
        QTest::addColumn<qint64>("weightG");
        QTest::addColumn<qint64>("quantity");
        QTest::addColumn<QList<qint64>>("dims");
        QTest::addColumn<qint64>("lineWeight");      // with the international divisor
        QTest::addColumn<qint64>("forwarderWeight"); // with divisor 6000
        QTest::addColumn<qint64>("forwarder");
        QTest::addColumn<qint64>("international");
        // 200x150x80 = 2,400,000 mm3: /5000 = 480 > 450 -> 960 for 2; /6000 = 400 < 450 -> 900.
        // fw 900: 10.00; intl 960: 100 + ceil(460/500) = 1 * 40 = 140.00.
        QTest::newRow("volumetric wins for one rule")
            << qint64(450) << qint64(2) << QList<qint64>{200, 150, 80} << qint64(960) << qint64(900)
            << qint64(1000) << qint64(14000);
        // 101^3 = 1,030,301: /5000 = 206.06 -> 207; /6000 = 171.7 -> 172; weight 100.
        // fw 172: 10.00; intl 207: 100.00.
        QTest::newRow("ceil") << qint64(100) << qint64(1) << QList<qint64>{101, 101, 101}
                              << qint64(207) << qint64(172) << qint64(1000) << qint64(10000);
        // No dimensions: weight only. 1001 g: fw 10 + ceil(1/1000) * 5 = 15.00;
        // intl 100 + ceil(501/500) = 2 * 40 = 180.00.
        QTest::newRow("just over") << qint64(1001) << qint64(1) << QList<qint64>{0, 0, 0}
                                   << qint64(1001) << qint64(1001) << qint64(1500) << qint64(18000);
        // Exactly on the steps: 2000 g: fw 10 + 1 * 5 = 15.00; intl 100 + 3 * 40 = 220.00.
        QTest::newRow("exact steps")
            << qint64(500) << qint64(4) << QList<qint64>{0, 0, 0} << qint64(2000) << qint64(2000)
            << qint64(1500) << qint64(22000);
        // Weightless: the first charge only.
        QTest::newRow("zero") << qint64(0) << qint64(1) << QList<qint64>{0, 0, 0} << qint64(0)
                              << qint64(0) << qint64(1000) << qint64(10000);
        // One dimension unknown: no volumetric weight.
        QTest::newRow("partial dims")
            << qint64(300) << qint64(1) << QList<qint64>{900, 900, 0} << qint64(300) << qint64(300)
            << qint64(1000) << qint64(10000);
    }

    void weights()
    {
        QFETCH(qint64, weightG);
        QFETCH(qint64, quantity);
        QFETCH(QList<qint64>, dims);
        QFETCH(qint64, lineWeight);
        QFETCH(qint64, forwarderWeight);
        QFETCH(qint64, forwarder);
        QFETCH(qint64, international);
        const QuoteLineInput l = withDims(line("shop.us", money(10000, "USD"), quantity, weightG),
                                          dims[0], dims[1], dims[2]);
        const Quote q = price(cart({l}));
        QCOMPARE(q.lines[0].chargeableWeightG, lineWeight);
        const Component fw = find(q.components, "forwarder_fee", "US-CN");
        const Component intl = find(q.components, "international_shipping", "US-CN");
        QCOMPARE(fw.chargeableWeightG, forwarderWeight);
        QCOMPARE(fw.cny, cny(forwarder));
        QCOMPARE(intl.chargeableWeightG, lineWeight);
        QCOMPARE(intl.cny, cny(international));
    }

    // Bands are matched against the route's total chargeable weight, [min, max).
    //   light [0, 2000): first 500 g 50.00, then 20.00 per 500 g
    //   heavy [2000, 30000): first 2000 g 150.00, then 30.00 per 1000 g
    void weightBands_data()
    {
        QTest::addColumn<QList<qint64>>("weights"); // US lines
        QTest::addColumn<QString>("ruleId");
        QTest::addColumn<qint64>("fee");
        // 1999: light, 50 + ceil(1499/500) = 3 * 20 = 110.00.
        QTest::newRow("below") << QList<qint64>{1999} << "us-light" << qint64(11000);
        // 2000: heavy (max is exclusive), 150.00.
        QTest::newRow("boundary") << QList<qint64>{2000} << "us-heavy" << qint64(15000);
        // 1200 + 900 = 2100 on one route: heavy, 150 + ceil(100/1000) * 30 = 180.00.
        QTest::newRow("route sum") << QList<qint64>{1200, 900} << "us-heavy" << qint64(18000);
        // 29999: heavy, 150 + 28 * 30 = 990.00.
        QTest::newRow("top") << QList<qint64>{29999} << "us-heavy" << qint64(99000);
        // 30000: no US band; the band-less default takes it: 100 + 59 * 40 = 2460.00.
        QTest::newRow("fallback") << QList<qint64>{30000} << "intl-default" << qint64(246000);
    }

    void weightBands()
    {
        QFETCH(QList<qint64>, weights);
        QFETCH(QString, ruleId);
        QFETCH(qint64, fee);
        const QJsonObject doc = document(R"([
            {"id": "us-light", "kind": "international_shipping",
             "scope": {"origin": "US", "minWeightG": 0, "maxWeightG": 2000}, "divisor": 5000,
             "firstG": 500, "first": {"minor": 5000, "currency": "CNY"},
             "additionalG": 500, "additional": {"minor": 2000, "currency": "CNY"}},
            {"id": "us-heavy", "kind": "international_shipping",
             "scope": {"origin": "US", "destination": "CN", "minWeightG": 2000,
                       "maxWeightG": 30000}, "divisor": 5000,
             "firstG": 2000, "first": {"minor": 15000, "currency": "CNY"},
             "additionalG": 1000, "additional": {"minor": 3000, "currency": "CNY"}}])");
        QList<QuoteLineInput> lines;
        for (qint64 w : weights)
            lines.append(line("shop.us", money(1000, "USD"), 1, w));
        const Quote q = price(cart(lines), doc);
        const Component intl = find(q.components, "international_shipping", "US-CN");
        QCOMPARE(intl.ruleId, ruleId);
        QCOMPARE(intl.cny, cny(fee));
    }

    // No band covers the route's weight: 422 at the weight of the route's first line.
    void noWeightBand()
    {
        // The default itself is banded to [0, 30000).
        QJsonObject doc = document(R"([
            {"id": "intl-banded", "kind": "international_shipping",
             "scope": {"minWeightG": 0, "maxWeightG": 30000}, "divisor": 5000,
             "firstG": 500, "first": {"minor": 10000, "currency": "CNY"},
             "additionalG": 500, "additional": {"minor": 4000, "currency": "CNY"}}])",
                                   {QStringLiteral("intl-default")});
        // Line 1 opens route JP-CN with 20 kg; line 2 adds 15 kg: 35 kg.
        const QuoteInput in = cart({line("shop.us", money(1000, "USD"), 1, 1000),
                                    line("shop.jp", money(1000, "JPY"), 1, 20000),
                                    line("shop.jp", money(1000, "JPY"), 1, 15000)});
        const ApiError e = failure(in, doc);
        QCOMPARE(e.kind, ProblemKind::Validation);
        QCOMPARE(fields(e), QStringList{QStringLiteral("lines[1].weightG")});
        QVERIFY2(e.errors[0].message.contains(u"JP-CN"), qPrintable(e.errors[0].message));
        QVERIFY2(e.errors[0].message.contains(u"35000"), qPrintable(e.errors[0].message));
        // Within the band it prices.
        const QuoteInput light = cart({line("shop.jp", money(1000, "JPY"), 1, 29999)});
        QCOMPARE(find(price(light, doc).components, "international_shipping", "JP-CN").ruleId,
                 QStringLiteral("intl-banded"));
    }

    // Site rules win over the default; unlisted sites use the default and defaultOrigin.
    //   shop.jp: its own rule, 500 JPY * 0.05 = 25.00 (goods 1000 JPY < 3000 JPY)
    //   shop.us: default 5.00 USD * 7 = 35.00 (goods 10.00 USD < 50.00)
    void specificityFallback()
    {
        const QJsonObject doc = document(R"([
            {"id": "ds-jp", "kind": "domestic_shipping", "scope": {"site": "shop.jp"},
             "flat": {"minor": 500, "currency": "JPY"},
             "freeAbove": {"minor": 3000, "currency": "JPY"}}])");
        const Quote q = price(
            cart({line("shop.us", money(1000, "USD")), line("shop.jp", money(1000, "JPY"))}), doc);
        QCOMPARE(q.sites.size(), 2);
        QCOMPARE(q.sites[0].site, QStringLiteral("shop.us"));
        QCOMPARE(q.sites[0].origin, QStringLiteral("US"));
        QCOMPARE(find(q.sites[0].components, "domestic_shipping").ruleId,
                 QStringLiteral("ds-default"));
        QCOMPARE(q.sites[0].total, cny(3500));
        QCOMPARE(q.sites[1].origin, QStringLiteral("JP"));
        QCOMPARE(q.sites[1].currency, currency("JPY"));
        QCOMPARE(find(q.sites[1].components, "domestic_shipping").ruleId, QStringLiteral("ds-jp"));
        QCOMPARE(find(q.sites[1].components, "domestic_shipping").original, money(500, "JPY"));
        QCOMPARE(q.sites[1].total, cny(2500));
        // One route per origin, in order of first appearance.
        QCOMPARE(find(q.components, "forwarder_fee", "US-CN").ruleId, QStringLiteral("fw-default"));
        QCOMPARE(find(q.components, "forwarder_fee", "JP-CN").ruleId, QStringLiteral("fw-default"));
        QCOMPARE(q.components[0].route, QStringLiteral("US-CN"));
    }

    // Equal specificity (origin vs destination): the higher priority, then the smaller id.
    void priorityAndIdBreakTies()
    {
        const char *rules = R"([
            {"id": "fw-b-origin", "kind": "forwarder_fee", "scope": {"origin": "JP"},
             "priority": %1, "divisor": 6000, "firstG": 1000,
             "first": {"minor": 2000, "currency": "CNY"},
             "additionalG": 1000, "additional": {"minor": 500, "currency": "CNY"}},
            {"id": "fw-a-destination", "kind": "forwarder_fee", "scope": {"destination": "CN"},
             "priority": 5, "divisor": 6000, "firstG": 1000,
             "first": {"minor": 3000, "currency": "CNY"},
             "additionalG": 1000, "additional": {"minor": 500, "currency": "CNY"}}])";
        const QuoteInput in = cart({line("shop.jp", money(1000, "JPY"), 1, 500)});
        auto winner = [&](int priority) {
            const QByteArray text = QString::fromLatin1(rules).arg(priority).toLatin1();
            return find(price(in, document(text.constData())).components, "forwarder_fee", "JP-CN");
        };
        QCOMPARE(winner(9).ruleId, QStringLiteral("fw-b-origin"));
        QCOMPARE(winner(9).cny, cny(2000));
        QCOMPARE(winner(1).ruleId, QStringLiteral("fw-a-destination"));
        QCOMPARE(winner(5).ruleId, QStringLiteral("fw-a-destination")); // "a" < "b"
        // A rule for another destination never matches.
        QuoteInput toHk = in;
        toHk.destination = QStringLiteral("HK");
        QCOMPARE(
            find(price(toHk, document(QString::fromLatin1(rules).arg(1).toLatin1().constData()))
                     .components,
                 "forwarder_fee", "JP-HK")
                .ruleId,
            QStringLiteral("fw-b-origin"));
    }

    // A rule applies in [validFrom, validTo) only; outside it the default does.
    void validityWindow_data()
    {
        QTest::addColumn<qint64>("now");
        QTest::addColumn<QString>("ruleId");
        QTest::newRow("before") << timeMs("2026-11-26T23:59:59.999Z") << "ds-default";
        QTest::newRow("from") << timeMs("2026-11-27T00:00:00.000Z") << "ds-black-friday";
        QTest::newRow("inside") << timeMs("2026-11-29T12:00:00.000Z") << "ds-black-friday";
        QTest::newRow("to") << timeMs("2026-12-01T00:00:00.000Z") << "ds-default";
    }

    void validityWindow()
    {
        QFETCH(qint64, now);
        QFETCH(QString, ruleId);
        const QJsonObject doc = document(R"([
            {"id": "ds-black-friday", "kind": "domestic_shipping",
             "scope": {"site": "shop.us", "validFrom": "2026-11-27T00:00:00.000Z",
                       "validTo": "2026-12-01T00:00:00.000Z"},
             "flat": {"minor": 0, "currency": "USD"}}])");
        QuoteInput in = cart({line("shop.us", money(1000, "USD"))});
        in.nowMs = now;
        RateSnapshot rates = simpleRates();
        for (FxRate &r : rates.rates)
            r.asOfMs = now;
        const Quote q = price(in, doc, rates);
        QCOMPARE(find(q.sites[0].components, "domestic_shipping").ruleId, ruleId);
    }

    // Free domestic shipping: compared in the site currency when the threshold is in it,
    // otherwise both in CNY.
    void freeShippingThreshold_data()
    {
        QTest::addColumn<QString>("threshold"); // rule's freeAbove
        QTest::addColumn<qint64>("goodsCents"); // USD
        QTest::addColumn<qint64>("shipping");   // CNY minor
        // 50.00 USD >= 50.00 USD: free.
        QTest::newRow("usd at threshold") << "USD" << qint64(5000) << qint64(0);
        // 49.99 < 50.00: 5.00 USD * 7 = 35.00.
        QTest::newRow("usd below") << "USD" << qint64(4999) << qint64(3500);
        // freeAbove 300.00 CNY: 42.86 USD * 7 = 300.02 >= 300.00: free.
        QTest::newRow("cny above") << "CNY" << qint64(4286) << qint64(0);
        // 42.85 * 7 = 299.95 < 300.00: 35.00.
        QTest::newRow("cny below") << "CNY" << qint64(4285) << qint64(3500);
        // freeAbove 37.50 EUR = 300.00 CNY at 8: the same as above.
        QTest::newRow("eur above") << "EUR" << qint64(4286) << qint64(0);
        QTest::newRow("eur below") << "EUR" << qint64(4285) << qint64(3500);
    }

    void freeShippingThreshold()
    {
        QFETCH(QString, threshold);
        QFETCH(qint64, goodsCents);
        QFETCH(qint64, shipping);
        const qint64 thresholdMinor = threshold == u"USD"   ? 5000
                                      : threshold == u"CNY" ? 30000
                                                            : 3750;
        QJsonObject doc = document();
        QJsonArray rules = doc.value(u"rules").toArray();
        QJsonObject ds = rules[0].toObject();
        ds.insert(QStringLiteral("freeAbove"),
                  QJsonObject{{QStringLiteral("minor"), thresholdMinor},
                              {QStringLiteral("currency"), threshold}});
        rules[0] = ds;
        doc.insert(QStringLiteral("rules"), rules);
        // Two lines, so the comparison is on the site's subtotal.
        const Quote q = price(cart({line("shop.us", money(goodsCents - 1000, "USD")),
                                    line("shop.us", money(1000, "USD"))}),
                              doc);
        const Component c = find(q.sites[0].components, "domestic_shipping");
        QCOMPARE(c.cny, cny(shipping));
        QCOMPARE(c.original.currency(), currency("USD"));
        QCOMPARE(q.sites[0].goods, money(goodsCents, "USD"));
        QCOMPARE(q.sites[0].total, cny(shipping));
    }

    // 5% of the goods (CNY), clamped to [10.00, 200.00].
    void serviceFee_data()
    {
        QTest::addColumn<qint64>("goods");
        QTest::addColumn<qint64>("fee");
        QTest::newRow("min") << qint64(10000) << qint64(1000);      // 5.00 -> 10.00
        QTest::newRow("inside") << qint64(100000) << qint64(5000);  // 50.00
        QTest::newRow("rounded") << qint64(100010) << qint64(5001); // 50.0050 -> 50.01
        QTest::newRow("max") << qint64(1000000) << qint64(20000);   // 500.00 -> 200.00
    }

    void serviceFee()
    {
        QFETCH(qint64, goods);
        QFETCH(qint64, fee);
        const Quote q = price(cart({line("shop.us", cny(goods))}));
        const Component c = find(q.components, "service_fee");
        QCOMPARE(c.cny, cny(fee));
        QCOMPARE(c.percent.value_or(Decimal()), decimal("5"));
        QCOMPARE(c.ruleId, QStringLiteral("svc-default"));
    }

    // Promotions: order by priority then id, exclusivity, percent of what is left, caps, and
    // never more than the goods.
    //   WELCOME10: 10% up to 100.00, min spend 200.00, priority 10
    //   SAVE80: spend 1000.00, save 80.00, priority 20
    //   FIRST: first order 5% up to 30.00, priority 30
    //   SOLO: coupon, exclusive, 50.00, priority 1;  LATE: coupon, exclusive, 20.00, priority 50
    //   FIFTY: 50.00 fixed coupon, priority 40
    void promotions_data()
    {
        QTest::addColumn<qint64>("goods"); // CNY minor
        QTest::addColumn<QStringList>("coupons");
        QTest::addColumn<bool>("firstOrder");
        QTest::addColumn<QStringList>("applied"); // "ruleId:amount"
        // 1500.00: WELCOME10 150.00 capped to 100.00; SAVE80 80.00; FIRST 5% of 1320.00 =
        // 66.00 capped to 30.00.
        QTest::newRow("stack") << qint64(150000) << QStringList{QStringLiteral("welcome10")} << true
                               << QStringList{QStringLiteral("coupon-welcome10:-10000"),
                                              QStringLiteral("spend-save:-8000"),
                                              QStringLiteral("first-order:-3000")};
        // 300.00: WELCOME10 30.00; no SAVE80; FIRST 5% of 270.00 = 13.50.
        QTest::newRow("percent of the rest")
            << qint64(30000) << QStringList{QStringLiteral("WELCOME10")} << true
            << QStringList{QStringLiteral("coupon-welcome10:-3000"),
                           QStringLiteral("first-order:-1350")};
        // SOLO first (priority 1) and exclusive: nothing after it.
        QTest::newRow("exclusive first")
            << qint64(150000) << QStringList{QStringLiteral("WELCOME10"), QStringLiteral("SOLO")}
            << true << QStringList{QStringLiteral("coupon-solo:-5000")};
        // LATE is exclusive but comes after others: it does not apply.
        QTest::newRow("exclusive late")
            << qint64(150000) << QStringList{QStringLiteral("LATE"), QStringLiteral("WELCOME10")}
            << false
            << QStringList{QStringLiteral("coupon-welcome10:-10000"),
                           QStringLiteral("spend-save:-8000")};
        // Alone, LATE applies.
        QTest::newRow("exclusive alone")
            << qint64(50000) << QStringList{QStringLiteral("LATE")} << false
            << QStringList{QStringLiteral("coupon-late:-2000")};
        // 30.00 of goods, 50.00 off: capped at 30.00, the goods; the fees still count.
        QTest::newRow("capped at goods")
            << qint64(3000) << QStringList{QStringLiteral("FIFTY")} << false
            << QStringList{QStringLiteral("coupon-fifty:-3000")};
        // 40.00: FIRST 2.00 first (priority 30), then FIFTY: only 38.00 left.
        QTest::newRow("capped after another")
            << qint64(4000) << QStringList{QStringLiteral("FIFTY")} << true
            << QStringList{QStringLiteral("first-order:-200"),
                           QStringLiteral("coupon-fifty:-3800")};
        // Exactly the threshold counts: 1000.00 -> SAVE80.
        QTest::newRow("threshold") << qint64(100000) << QStringList{} << false
                                   << QStringList{QStringLiteral("spend-save:-8000")};
        QTest::newRow("below threshold")
            << qint64(99999) << QStringList{} << false << QStringList{};
    }

    void promotions()
    {
        QFETCH(qint64, goods);
        QFETCH(QStringList, coupons);
        QFETCH(bool, firstOrder);
        QFETCH(QStringList, applied);
        const QJsonObject doc = document(R"([
            {"id": "coupon-welcome10", "kind": "coupon", "scope": {}, "priority": 10,
             "code": "WELCOME10", "percent": "10", "max": {"minor": 10000, "currency": "CNY"},
             "minSpend": {"minor": 20000, "currency": "CNY"}},
            {"id": "spend-save", "kind": "spend_save", "scope": {}, "priority": 20,
             "threshold": {"minor": 100000, "currency": "CNY"},
             "save": {"minor": 8000, "currency": "CNY"}},
            {"id": "first-order", "kind": "first_order", "scope": {}, "priority": 30,
             "percent": "5", "max": {"minor": 3000, "currency": "CNY"}},
            {"id": "coupon-solo", "kind": "coupon", "scope": {}, "priority": 1,
             "exclusive": true, "code": "SOLO", "fixed": {"minor": 5000, "currency": "CNY"}},
            {"id": "coupon-late", "kind": "coupon", "scope": {}, "priority": 50,
             "exclusive": true, "code": "LATE", "fixed": {"minor": 2000, "currency": "CNY"}},
            {"id": "coupon-fifty", "kind": "coupon", "scope": {}, "priority": 40,
             "code": "FIFTY", "fixed": {"minor": 5000, "currency": "CNY"}}])");
        const Quote q =
            price(cart({line("shop.us", cny(goods), 1, 100)}, coupons, firstOrder), doc);
        QStringList got;
        for (const Component &c : discounts(q)) {
            got.append(c.ruleId + u':' + QString::number(c.cny.minor()));
            QCOMPARE(c.original, c.cny);
            QCOMPARE(c.code,
                     c.ruleId.startsWith(u"coupon") ? c.ruleId.mid(7).toUpper() : QString());
        }
        QCOMPARE(got, applied);
        QCOMPARE(brokenInvariant(q), QString());
    }

    // Discounts can take the goods to zero but never the fees or the total below zero.
    //   goods 30.00, tax 3.00, shipping 5.00 USD = 35.00, fw 10.00, intl 100.00, svc 10.00
    //   (min), FIFTY capped at 30.00: total = 3 + 35 + 10 + 100 + 10 = 158.00
    void neverBelowFees()
    {
        const QJsonObject doc = document(R"([
            {"id": "coupon-fifty", "kind": "coupon", "scope": {}, "code": "FIFTY",
             "fixed": {"minor": 5000, "currency": "CNY"}}])");
        const Quote q = price(cart({line("shop.us", cny(3000))}, {QStringLiteral("FIFTY")}), doc);
        QCOMPARE(discounts(q).size(), 1);
        QCOMPARE(discounts(q)[0].cny, cny(-3000));
        QCOMPARE(q.total, cny(15800));
        // Free goods: the discount is 0 (listed) and the total is the fees.
        const Quote free = price(cart({line("shop.us", cny(0))}, {QStringLiteral("FIFTY")}), doc);
        QCOMPARE(discounts(free)[0].cny, cny(0));
        QCOMPARE(brokenInvariant(free), QString());
        QVERIFY(!free.total.isNegative());
    }

    void couponErrors_data()
    {
        QTest::addColumn<QStringList>("coupons");
        QTest::addColumn<qint64>("goods");
        QTest::addColumn<QStringList>("fields");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown") << QStringList{QStringLiteral("NOPE")} << qint64(50000)
                                 << QStringList{QStringLiteral("coupons[0]")} << "unknown";
        QTest::newRow("expired") << QStringList{QStringLiteral("WELCOME10"), QStringLiteral("OLD")}
                                 << qint64(50000) << QStringList{QStringLiteral("coupons[1]")}
                                 << "expired";
        QTest::newRow("not yet") << QStringList{QStringLiteral("soon")} << qint64(50000)
                                 << QStringList{QStringLiteral("coupons[0]")} << "valid from";
        // 199.99 < 200.00.
        QTest::newRow("min spend") << QStringList{QStringLiteral("WELCOME10")} << qint64(19999)
                                   << QStringList{QStringLiteral("coupons[0]")} << "200.00";
        QTest::newRow("twice") << QStringList{QStringLiteral("WELCOME10"),
                                              QStringLiteral("welcome10")}
                               << qint64(50000) << QStringList{QStringLiteral("coupons[1]")}
                               << "twice";
        QTest::newRow("all listed")
            << QStringList{QStringLiteral("NOPE"), QStringLiteral("OLD")} << qint64(50000)
            << QStringList{QStringLiteral("coupons[0]"), QStringLiteral("coupons[1]")} << "unknown";
    }

    void couponErrors()
    {
        QFETCH(QStringList, coupons);
        QFETCH(qint64, goods);
        QFETCH(QStringList, fields);
        QFETCH(QString, message);
        const QJsonObject doc = document(R"([
            {"id": "coupon-welcome10", "kind": "coupon", "scope": {}, "code": "WELCOME10",
             "percent": "10", "minSpend": {"minor": 20000, "currency": "CNY"}},
            {"id": "coupon-old", "kind": "coupon", "code": "OLD",
             "scope": {"validTo": "2026-11-01T00:00:00.000Z"},
             "fixed": {"minor": 1000, "currency": "CNY"}},
            {"id": "coupon-soon", "kind": "coupon", "code": "SOON",
             "scope": {"validFrom": "2026-12-01T00:00:00.000Z"},
             "fixed": {"minor": 1000, "currency": "CNY"}}])");
        const ApiError e = failure(cart({line("shop.us", cny(goods))}, coupons), doc);
        QCOMPARE(e.kind, ProblemKind::Validation);
        QCOMPARE(::fields(e), fields);
        QVERIFY2(e.errors[0].message.contains(message), qPrintable(e.errors[0].message));
    }

    void staleRates_data()
    {
        QTest::addColumn<qint64>("asOf");
        QTest::addColumn<qint64>("validUntil"); // 0: none
        QTest::addColumn<bool>("stale");
        QTest::newRow("fresh") << kNow - kHour << qint64(0) << false;
        QTest::newRow("exactly 96 h") << kNow - 96 * kHour << qint64(0) << false;
        QTest::newRow("older than 96 h") << kNow - 96 * kHour - 1 << qint64(0) << true;
        QTest::newRow("valid until later") << kNow - kHour << kNow + 1 << false;
        QTest::newRow("valid until now") << kNow - kHour << kNow << true;
        QTest::newRow("past valid until") << kNow - kHour << kNow - 1 << true;
    }

    void staleRates()
    {
        QFETCH(qint64, asOf);
        QFETCH(qint64, validUntil);
        QFETCH(bool, stale);
        RateSnapshot rates = simpleRates();
        for (FxRate &r : rates.rates) {
            if (r.currency == currency("JPY")) {
                r.asOfMs = asOf;
                if (validUntil != 0)
                    r.validUntilMs = validUntil;
            }
        }
        const QuoteInput in = cart({line("shop.jp", money(1000, "JPY"))});
        const ApiError e = failure(in, document(), rates);
        if (!stale) {
            QCOMPARE(e.kind, ProblemKind::Internal); // it priced
            return;
        }
        QCOMPARE(e.kind, ProblemKind::StaleRates);
        QVERIFY2(e.detail.contains(u"JPY"), qPrintable(e.detail));
    }

    // A currency with no rate at all, whether for goods or for a rule's amount.
    void missingRate()
    {
        RateSnapshot rates = simpleRates();
        rates.rates.removeIf([](const FxRate &r) { return r.currency == currency("KRW"); });
        ApiError e = failure(cart({line("shop.kr", money(10000, "KRW"))}), document(), rates);
        QCOMPARE(e.kind, ProblemKind::StaleRates);
        QVERIFY2(e.detail.contains(u"KRW"), qPrintable(e.detail));
        // CNY goods, but the domestic shipping rule is in USD.
        rates.rates.removeIf([](const FxRate &r) { return r.currency == currency("USD"); });
        e = failure(cart({line("shop.cn", cny(1000))}), document(), rates);
        QCOMPARE(e.kind, ProblemKind::StaleRates);
        QVERIFY2(e.detail.contains(u"USD"), qPrintable(e.detail));
        // An all-CNY cart and rule set needs no rate at all.
        const QJsonObject allCny = document(R"([
            {"id": "ds-cny", "kind": "domestic_shipping", "scope": {},
             "flat": {"minor": 800, "currency": "CNY"}}])",
                                            {QStringLiteral("ds-default")});
        const Quote q = price(cart({line("shop.cn", cny(1000))}), allCny, RateSnapshot{});
        QVERIFY(q.rates.isEmpty());
        QVERIFY(!find(q.sites[0].components, "domestic_shipping").rate);
    }

    // Rates listed once each, in currency-code order, with the effective rate.
    void ratesUsed()
    {
        RateSnapshot rates = simpleRates();
        rates.rates.append(rate("GBP", "9.3655", "1.5"));
        const Quote q =
            price(cart({line("shop.uk", money(100, "GBP")), line("shop.jp", money(100, "JPY")),
                        line("shop.jp", money(100, "JPY"))}),
                  document(), rates);
        QStringList codes;
        for (const FxRate &r : q.rates)
            codes.append(r.currency.code());
        QCOMPARE(codes, (QStringList{QStringLiteral("GBP"), QStringLiteral("JPY"),
                                     QStringLiteral("USD")}));
        // 9.3655 * 1.015 = 9.5059825; 100 pence = 1.00 GBP -> 9.5059825 CNY -> 9.51.
        QCOMPARE(q.rates[0].effectiveRate, decimal("9.5059825"));
        QCOMPARE(find(q.lines[0].components, "goods").cny, cny(951));
    }

    void badLines_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QStringList>("fields");
        QTest::newRow("negative price") << 0 << QStringList{QStringLiteral("lines[2].price")};
        QTest::newRow("quantity 0") << 1 << QStringList{QStringLiteral("lines[0].quantity")};
        QTest::newRow("quantity 1000") << 2 << QStringList{QStringLiteral("lines[1].quantity")};
        QTest::newRow("mixed currency") << 3 << QStringList{QStringLiteral("lines[2].price")};
        QTest::newRow("negative weight") << 4 << QStringList{QStringLiteral("lines[0].weightG")};
        QTest::newRow("negative dims") << 5 << QStringList{QStringLiteral("lines[1].heightMm")};
        QTest::newRow("no site") << 6 << QStringList{QStringLiteral("lines[0].site")};
        QTest::newRow("several") << 7
                                 << QStringList{QStringLiteral("lines[0].quantity"),
                                                QStringLiteral("lines[2].price")};
        QTest::newRow("no lines") << 8 << QStringList{QStringLiteral("lines")};
        QTest::newRow("too many lines") << 9 << QStringList{QStringLiteral("lines")};
        QTest::newRow("no destination") << 10 << QStringList{QStringLiteral("destination")};
        // 9e15 cents * 999 does not fit 64 bits: refused, not wrapped.
        QTest::newRow("price overflow") << 11 << QStringList{QStringLiteral("lines[1].price")};
        QTest::newRow("dims overflow") << 12 << QStringList{QStringLiteral("lines[0].lengthMm")};
        // Two lines of 4.7e18 g: the route sum overflows.
        QTest::newRow("weight overflow") << 13 << QStringList{QStringLiteral("lines[0].weightG")};
        // 5e18 fen of goods per line: the site subtotal overflows when adding the second.
        QTest::newRow("sum overflow") << 14 << QStringList{QStringLiteral("lines[1].price")};
    }

    void badLines()
    {
        QFETCH(int, which);
        QFETCH(QStringList, fields);
        QuoteInput in = cart({line("shop.us", money(1000, "USD"), 1, 100),
                              line("shop.jp", money(1000, "JPY"), 1, 100),
                              line("shop.us", money(2000, "USD"), 1, 100)});
        switch (which) {
        case 0:
            in.lines[2].price = money(-1, "USD");
            break;
        case 1:
            in.lines[0].quantity = 0;
            break;
        case 2:
            in.lines[1].quantity = 1000;
            break;
        case 3:
            in.lines[2].price = money(2000, "EUR");
            break;
        case 4:
            in.lines[0].weightG = -1;
            break;
        case 5:
            in.lines[1].heightMm = -5;
            break;
        case 6:
            in.lines[0].site.clear();
            break;
        case 7:
            in.lines[0].quantity = -3;
            in.lines[2].price = money(-5, "USD");
            break;
        case 8:
            in.lines.clear();
            break;
        case 9:
            while (in.lines.size() <= 100)
                in.lines.append(in.lines[0]);
            break;
        case 10:
            in.destination.clear();
            break;
        case 11:
            in.lines[1].price = money(9000000000000000, "JPY");
            in.lines[1].quantity = 999;
            break;
        case 12:
            in.lines[0] = withDims(in.lines[0], 4000000000, 4000000000, 4000000000);
            break;
        case 13:
            in.lines[0].weightG = 4700000000000000000;
            in.lines[2].weightG = 4700000000000000000;
            break;
        case 14:
            in.lines[0].price = Money(5000000000000000000, Currency::cny());
            in.lines[1].price = Money(5000000000000000000, Currency::cny());
            in.lines[1].site = in.lines[0].site = QStringLiteral("shop.cn");
            in.lines[2].price = Money(5000000000000000000, Currency::cny());
            in.lines[2].site = QStringLiteral("shop.cn");
            break;
        }
        const ApiError e = failure(in);
        QCOMPARE(e.kind, ProblemKind::Validation);
        QCOMPARE(::fields(e), fields);
    }

    // docs/pricing.md's example line: 19.99 USD x 2 at 7.1234 + 1.5%, beauty taxed 9.1%.
    //   goods 3998 * 7.230251 = 28906.54 -> 289.07; tax 28907 * 9.1% = 2630.54 -> 26.31;
    //   line total 315.38. 200x150x80 / 6000 = 400 < 450 g: 900 g chargeable.
    void documentedExampleJson()
    {
        const QJsonObject doc = document(R"([
            {"id": "tax-beauty", "kind": "import_tax", "scope": {"category": "beauty"},
             "percent": "9.1"},
            {"id": "intl-us", "kind": "international_shipping", "scope": {"origin": "US"},
             "divisor": 6000, "firstG": 500, "first": {"minor": 10000, "currency": "CNY"},
             "additionalG": 500, "additional": {"minor": 4000, "currency": "CNY"}}])");
        RateSnapshot rates;
        rates.id = 57;
        rates.rates = {rate("USD", "7.1234", "1.5")};
        rates.rates[0].source = QStringLiteral("ecb");
        QuoteLineInput l =
            withDims(line("amazon.com", money(1999, "USD"), 2, 450, "beauty"), 200, 150, 80);
        const QJsonObject json =
            computeQuote(cart({l}), ruleSet(doc), 3, rates, EngineLimits{}).toJson();
        QCOMPARE(json.value(u"ruleSetVersion").toInteger(), 3);
        QCOMPARE(json.value(u"rateSnapshot").toInteger(), 57);
        QCOMPARE(json.value(u"rounding").toString(), QStringLiteral("half_up"));
        QCOMPARE(json.value(u"pricedAt").toString(), QStringLiteral("2026-11-25T10:00:00.000Z"));
        QCOMPARE(json.value(u"expiresAt").toString(), QStringLiteral("2026-11-25T10:30:00.000Z"));
        const QJsonObject usd = json.value(u"rates").toArray()[0].toObject();
        QCOMPARE(usd.value(u"currency").toString(), QStringLiteral("USD"));
        QCOMPARE(usd.value(u"rate").toString(), QStringLiteral("7.1234"));
        QCOMPARE(usd.value(u"markupPercent").toString(), QStringLiteral("1.5"));
        QCOMPARE(usd.value(u"effectiveRate").toString(), QStringLiteral("7.230251"));
        QCOMPARE(usd.value(u"source").toString(), QStringLiteral("ecb"));
        QCOMPARE(usd.value(u"asOf").toString(), QStringLiteral("2026-11-25T09:00:00.000Z"));

        const QJsonObject line0 = json.value(u"lines").toArray()[0].toObject();
        QCOMPARE(line0.value(u"index").toInt(), 0);
        QCOMPARE(line0.value(u"site").toString(), QStringLiteral("amazon.com"));
        QCOMPARE(line0.value(u"quantity").toInt(), 2);
        QCOMPARE(line0.value(u"chargeableWeightG").toInteger(), 900);
        QVERIFY(!line0.contains(u"skuId"));
        const QJsonArray comps = line0.value(u"components").toArray();
        QCOMPARE(comps.size(), 2);
        QCOMPARE(comps[0].toObject(),
                 jsonObject(R"({"kind": "goods", "original": {"minor": 3998, "currency": "USD"},
                                "cny": {"minor": 28907, "currency": "CNY"}, "rate": "7.230251"})"));
        QCOMPARE(comps[1].toObject(),
                 jsonObject(R"({"kind": "import_tax", "ruleId": "tax-beauty", "percent": "9.1",
                                "original": {"minor": 2631, "currency": "CNY"},
                                "cny": {"minor": 2631, "currency": "CNY"}})"));
        QCOMPARE(line0.value(u"total").toObject(),
                 jsonObject(R"({"minor": 31538, "currency": "CNY"})"));

        const QJsonObject site = json.value(u"sites").toArray()[0].toObject();
        QCOMPARE(site.value(u"origin").toString(), QStringLiteral("US"));
        QCOMPARE(site.value(u"currency").toString(), QStringLiteral("USD"));
        QCOMPARE(site.value(u"goods").toObject(),
                 jsonObject(R"({"minor": 3998, "currency": "USD"})"));
        // 39.98 < 50.00: 5.00 USD * 7.230251 = 36.151255 -> 36.15.
        QCOMPARE(site.value(u"components").toArray()[0].toObject(),
                 jsonObject(R"({"kind": "domestic_shipping", "ruleId": "ds-default",
                                "original": {"minor": 500, "currency": "USD"},
                                "cny": {"minor": 3615, "currency": "CNY"}, "rate": "7.230251"})"));
        // intl-us (divisor 6000): 900 g: 100 + ceil(400/500) * 40 = 140.00.
        const QJsonArray quoteComps = json.value(u"components").toArray();
        QCOMPARE(quoteComps[1].toObject(),
                 jsonObject(R"({"kind": "international_shipping", "route": "US-CN",
                                "chargeableWeightG": 900, "ruleId": "intl-us",
                                "original": {"minor": 14000, "currency": "CNY"},
                                "cny": {"minor": 14000, "currency": "CNY"}})"));
        QCOMPARE(quoteComps[2].toObject().value(u"percent").toString(), QStringLiteral("5"));
    }

    // The demo rule set on a 5-line, 3-site cart (the benchmark's), every figure by hand.
    // Effective rates (1.5% markup): USD 7.1012 * 1.015 = 7.207718; JPY 0.046712 * 1.015 =
    // 0.04741268; EUR 8.2431 * 1.015 = 8.3667465.
    //   0 amazon.com 24.99 USD x2, 450 g, 200x150x80, beauty_premium (23.1%)
    //     4998 * 7.207718 = 36024.17 -> 36024; tax 36024 * 0.231 = 8321.54 -> 8322
    //   1 amazon.com 12.50 USD, 300 g, books (0%): 1250 * 7.207718 = 9009.65 -> 9010; tax 0
    //   2 amazon.co.jp 3280 JPY, 800 g, 250x180x100, toys (default 9.1%)
    //     3280 * 4.741268 = 15551.36 -> 15551; tax 1415.14 -> 1415
    //   3 amazon.co.jp 1480 JPY x3, 150 g, baby_formula (9.1%)
    //     4440 * 4.741268 = 21051.23 -> 21051; tax 1915.64 -> 1916
    //   4 zalando.de 24.95 EUR, 1200 g, 350x250x120, apparel (9.1%)
    //     2495 * 8.3667465 = 20875.03 -> 20875; tax 1899.625 -> 1900
    //   goods 36024 + 9010 + 15551 + 21051 + 20875 = 102511; lines total 116064
    //   amazon.com 62.48 >= 35.00 USD, amazon.co.jp 7720 >= 3500 JPY: free; zalando.de
    //     24.95 < 29.90 EUR: 4.90 EUR = 490 * 8.3667465 = 4099.71 -> 4100
    //   US-CN: fw-default /6000: 450*2 + 300 = 1200 g: 15 + 1 * 5 = 20.00;
    //     intl-us-light /5000: 480*2 + 300 = 1260 g in [0, 2000): 98 + ceil(760/500) * 38 =
    //     174.00 (intl-us-heavy /6000 gives 1200 g, outside its band)
    //   JP-CN: fw-jp /6000: 4,500,000/6000 = 750 < 800, + 450 = 1250 g: 300 + 1 * 100 =
    //     400 JPY -> 1896.51 -> 1897; intl-jp-light /6000 1250 g: 1400 + 2 * 350 = 2100 JPY
    //     -> 9956.66 -> 9957
    //   DE-CN: fw-default: 10,500,000/6000 = 1750 g: 20.00; intl-de /5000: 2100 g: 14.90 +
    //     2 * 4.50 = 23.90 EUR -> 19996.52 -> 19997
    //   service 5% of 1025.11 = 51.2555 -> 51.26; WELCOME10 10% = 102.51 -> capped 100.00;
    //   spend-save-1000 (1025.11 >= 1000.00): 80.00
    //   total 116064 + 4100 + (2000 + 17400 + 1897 + 9957 + 2000 + 19997 + 5126 - 10000 -
    //   8000) = 160541
    void demoCart()
    {
        QList<QuoteLineInput> lines{
            withDims(line("amazon.com", money(2499, "USD"), 2, 450, "beauty_premium"), 200, 150,
                     80),
            line("amazon.com", money(1250, "USD"), 1, 300, "books"),
            withDims(line("amazon.co.jp", money(3280, "JPY"), 1, 800, "toys"), 250, 180, 100),
            line("amazon.co.jp", money(1480, "JPY"), 3, 150, "baby_formula"),
            withDims(line("zalando.de", money(2495, "EUR"), 1, 1200, "apparel"), 350, 250, 120),
        };
        QList<FieldProblem> errors;
        const auto rules = RuleSet::fromJson(demoRuleSetDocument(), &errors, true);
        QVERIFY(rules);
        const Quote q = computeQuote(cart(lines, {QStringLiteral("WELCOME10")}), *rules, 1,
                                     demoRateSnapshot(kNow - kHour), EngineLimits{});
        const qint64 goods[] = {36024, 9010, 15551, 21051, 20875};
        const qint64 tax[] = {8322, 0, 1415, 1916, 1900};
        const qint64 weight[] = {960, 300, 800, 450, 2100};
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(find(q.lines[i].components, "goods").cny, cny(goods[i]));
            QCOMPARE(find(q.lines[i].components, "import_tax").cny, cny(tax[i]));
            QCOMPARE(q.lines[i].chargeableWeightG, weight[i]);
        }
        QCOMPARE(find(q.lines[1].components, "import_tax").ruleId, QStringLiteral("tax-books"));
        QCOMPARE(q.sites.size(), 3);
        QCOMPARE(q.sites[0].total, cny(0));
        QCOMPARE(q.sites[1].total, cny(0));
        QCOMPARE(q.sites[2].total, cny(4100));
        QCOMPARE(find(q.sites[2].components, "domestic_shipping").original, money(490, "EUR"));
        const std::tuple<const char *, const char *, const char *, qint64, qint64> routes[] = {
            {"forwarder_fee", "US-CN", "fw-default", 1200, 2000},
            {"international_shipping", "US-CN", "intl-us-light", 1260, 17400},
            {"forwarder_fee", "JP-CN", "fw-jp", 1250, 1897},
            {"international_shipping", "JP-CN", "intl-jp-light", 1250, 9957},
            {"forwarder_fee", "DE-CN", "fw-default", 1750, 2000},
            {"international_shipping", "DE-CN", "intl-de", 2100, 19997},
        };
        for (const auto &[kind, route, ruleId, w, fee] : routes) {
            const Component c = find(q.components, kind, route);
            QCOMPARE(c.ruleId, QString::fromLatin1(ruleId));
            QCOMPARE(c.chargeableWeightG, w);
            QCOMPARE(c.cny, cny(fee));
        }
        QCOMPARE(find(q.components, "forwarder_fee", "JP-CN").original, money(400, "JPY"));
        QCOMPARE(find(q.components, "service_fee").cny, cny(5126));
        QCOMPARE(discounts(q).size(), 2);
        QCOMPARE(discounts(q)[0].ruleId, QStringLiteral("coupon-welcome10"));
        QCOMPARE(discounts(q)[0].code, QStringLiteral("WELCOME10"));
        QCOMPARE(discounts(q)[0].cny, cny(-10000));
        QCOMPARE(discounts(q)[1].ruleId, QStringLiteral("spend-save-1000"));
        QCOMPARE(discounts(q)[1].cny, cny(-8000));
        QCOMPARE(q.total, cny(160541));
        QCOMPARE(q.rates.size(), 3);
        QCOMPARE(brokenInvariant(q), QString());
    }

    // Thousands of random carts on the demo rules: the invariants always hold, the same
    // inputs give byte-identical JSON, and toJsonBytes() parses to toJson().
    void randomCarts()
    {
        QList<FieldProblem> errors;
        const RuleSet rules = *RuleSet::fromJson(demoRuleSetDocument(), &errors, true);
        const std::pair<const char *, const char *> sites[] = {
            {"amazon.com", "USD"},           {"bestbuy.com", "USD"},
            {"amazon.co.jp", "JPY"},         {"rakuten.co.jp", "JPY"},
            {"zalando.de", "EUR"},           {"asos.com", "GBP"},
            {"coupang.com", "KRW"},          {"chemistwarehouse.com.au", "AUD"},
            {"unknown-shop.example", "USD"}, {"taobao-global.example", "CNY"},
        };
        const char *categories[] = {"general", "beauty_premium", "books",
                                    "wine",    "baby_formula",   ""};
        QRandomGenerator random(20261125);
        int priced = 0;
        int couponRefusals = 0;
        int firstDiscounts = 0;
        for (int n = 0; n < 3000; ++n) {
            QuoteInput in;
            // Through November: DOUBLE11 is valid for the first 11 days.
            in.nowMs = timeMs("2026-11-01T00:00:00.000Z") + qint64(random.bounded(20 * 24)) * kHour;
            const int lineCount = 1 + random.bounded(8);
            for (int i = 0; i < lineCount; ++i) {
                const auto &[site, code] = sites[random.bounded(int(std::size(sites)))];
                const int exponent = currency(code).exponent();
                const qint64 price =
                    exponent == 0 ? random.bounded(100, 300000) : random.bounded(1, 50000);
                QuoteLineInput l =
                    line(site, money(price, code), 1 + random.bounded(5), random.bounded(0, 6000),
                         categories[random.bounded(int(std::size(categories)))]);
                if (random.bounded(2) == 0)
                    l = withDims(l, random.bounded(1, 600), random.bounded(1, 400),
                                 random.bounded(1, 300));
                in.lines.append(l);
            }
            if (random.bounded(3) == 0)
                in.coupons.append(QStringLiteral("WELCOME10"));
            if (random.bounded(4) == 0)
                in.coupons.append(QStringLiteral("double11"));
            in.firstOrder = random.bounded(2) == 0;
            const RateSnapshot rates = demoRateSnapshot(in.nowMs - random.bounded(96) * kHour);
            Quote q;
            try {
                q = computeQuote(in, rules, 1, rates, EngineLimits{});
            } catch (const ApiError &e) {
                // Only coupons may refuse here (expired, or minimum spend not reached).
                QCOMPARE(e.kind, ProblemKind::Validation);
                for (const FieldProblem &p : e.errors)
                    QVERIFY2(p.field.startsWith(u"coupons["), qPrintable(p.field));
                ++couponRefusals;
                continue;
            }
            ++priced;
            const QString broken = brokenInvariant(q);
            QVERIFY2(broken.isEmpty(),
                     qPrintable(QStringLiteral("cart %1: %2").arg(n).arg(broken)));
            QCOMPARE(q.lines.size(), lineCount);
            for (const QuoteLine &l : q.lines)
                QCOMPARE(l.components.size(), 2); // goods and import tax, always listed
            for (const QuoteSite &s : q.sites)
                QCOMPARE(s.components.size(), 1);
            const QByteArray once = canonical(q);
            QCOMPARE(canonical(computeQuote(in, rules, 1, rates, EngineLimits{})), once);
            // The route's streamed bytes are the same document as the tree.
            QCOMPARE(QJsonDocument::fromJson(q.toJsonBytes()).object(), q.toJson());
            for (const Component &c : discounts(q))
                firstDiscounts += c.ruleId == u"first-order" ? 1 : 0;
        }
        // The generator reaches the interesting paths.
        QVERIFY(priced > 2000);
        QVERIFY(couponRefusals > 50);
        QVERIFY(firstDiscounts > 500);
    }

    // toJsonBytes() on what random carts never hold: a SKU line, text to escape and beyond
    // ASCII, integers past 2^53 and at the qint64 ends, every optional component field and
    // none, an empty list, a time before 1970.
    void jsonBytesOddValues()
    {
        constexpr qint64 kMin = std::numeric_limits<qint64>::min();
        constexpr qint64 kMax = std::numeric_limits<qint64>::max();
        Quote q;
        q.ruleSetVersion = 0;
        q.rateSnapshot = kMax;
        q.rounding = Rounding::HalfEven;
        q.pricedAtMs = kNow;
        q.expiresAtMs = -1; // 1969-12-31T23:59:59.999Z
        q.rates = {rate("JPY", "0.046712", "1.5"), rate("EUR", "8.2431")};
        q.rates[0].source = QString::fromUtf8("手工 \"manual\"\n");
        QuoteLine l;
        l.index = 3;
        l.skuId = (qint64(1) << 53) + 1; // 9007199254740993: no double holds it
        l.site = QString::fromUtf8("天猫国际 😀.example");
        l.quantity = 2;
        l.chargeableWeightG = 0;
        Component all;
        all.kind = QStringLiteral("goods");
        all.original = money(kMin, "JPY");
        all.cny = cny(kMax);
        all.rate = decimal("0.04741268");
        all.ruleId = QStringLiteral("r\\1/\x7f");
        all.percent = decimal("-2.5");
        all.route = QStringLiteral("JP-CN");
        all.chargeableWeightG = 0;
        // A control character, a tab, Latin-1 and a lone surrogate (escaped, read back as is).
        all.code = QChar(1) + QStringLiteral("WELCOME\t10\u00e9") + QChar(0xd800);
        l.components = {all, Component()}; // the second sets no optional field
        l.total = cny(-1);
        q.lines = {l};
        QuoteSite s;
        s.site = l.site;
        s.origin = QStringLiteral("JP");
        s.currency = currency("JPY");
        s.goods = money(0, "JPY");
        q.sites = {s}; // no components
        q.total = cny(kMin);

        const QJsonObject tree = q.toJson();
        QJsonParseError error;
        const QJsonObject streamed = QJsonDocument::fromJson(q.toJsonBytes(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(streamed, tree);
        // Equality would also hold if both sides lost the same precision: the integers exactly.
        const QJsonObject line0 = streamed.value(u"lines").toArray()[0].toObject();
        QCOMPARE(line0.value(u"skuId").toInteger(), (qint64(1) << 53) + 1);
        const QJsonObject c0 = line0.value(u"components").toArray()[0].toObject();
        QCOMPARE(c0.value(u"original").toObject().value(u"minor").toInteger(), kMin);
        QCOMPARE(c0.value(u"cny").toObject().value(u"minor").toInteger(), kMax);
        QCOMPARE(c0.value(u"code").toString(), all.code);
        QCOMPARE(streamed.value(u"expiresAt").toString(),
                 QStringLiteral("1969-12-31T23:59:59.999Z"));
        QCOMPARE(streamed.value(u"rates").toArray()[0].toObject().value(u"source").toString(),
                 QString::fromUtf8("手工 \"manual\"\n"));
    }
};

QTEST_GUILESS_MAIN(TstPricingEngine)
#include "tst_pricing_engine.moc"
