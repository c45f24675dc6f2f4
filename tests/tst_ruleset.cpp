// Rule set documents (backend/pricing/ruleset.h): every validation check with the JSON path of
// its error, what a published set must also have, the diff between two sets, and the exact
// toJson/fromJson round trip (the demo set and random sets).
#include "backend/pricing/demorules.h"
#include "backend/pricing/ruleset.h"
#include "core/wiretime.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace haitao;
using namespace haitao::server;
using namespace haitao::server::pricing;

namespace {

QJsonObject jsonObject(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (!doc.isObject())
        qFatal("test JSON does not parse: %s in %s", qPrintable(error.errorString()),
               text.constData());
    return doc.object();
}

// {"defaultOrigin": "US", "rules": [rules...]}
QByteArray withRules(const char *rules)
{
    return QByteArray(R"({"defaultOrigin": "US", "rules": [)") + rules + "]}";
}

// Valid rules of each kind, to vary.
#define DS                                                                                         \
    R"({"id": "ds", "kind": "domestic_shipping", "scope": {}, "flat": {"minor": 500, "currency": "USD"}})"
#define FW_PARAMS                                                                                  \
    R"("divisor": 5000, "firstG": 500, "first": {"minor": 100, "currency": "CNY"}, "additionalG": 500, "additional": {"minor": 50, "currency": "CNY"})"
#define SVC_MONEY                                                                                  \
    R"("min": {"minor": 0, "currency": "CNY"}, "max": {"minor": 100, "currency": "CNY"})"
#define CNY(minor) R"({"minor": )" #minor R"(, "currency": "CNY"})"

QStringList fieldsOf(const QList<FieldProblem> &errors)
{
    QStringList out;
    for (const FieldProblem &e : errors)
        out.append(e.field + QStringLiteral(": ") + e.message);
    return out;
}

RuleSet parsed(const QJsonObject &doc, bool forPublish = false)
{
    QList<FieldProblem> errors;
    const auto set = RuleSet::fromJson(doc, &errors, forPublish);
    if (!set)
        qFatal("test rule set does not validate: %s", qPrintable(fieldsOf(errors).join(u"; ")));
    return *set;
}

// The five mandatory defaults.
const char *const kDefaults = DS R"(,
    {"id": "fw", "kind": "forwarder_fee", "scope": {}, )" FW_PARAMS R"(},
    {"id": "intl", "kind": "international_shipping", "scope": {}, )" FW_PARAMS R"(},
    {"id": "svc", "kind": "service_fee", "scope": {}, "percent": "5", )" SVC_MONEY R"(},
    {"id": "tax", "kind": "import_tax", "scope": {}, "percent": "9.1"})";

} // namespace

class TstRuleSet : public QObject
{
    Q_OBJECT

private slots:
    void demoIsPublishableAndRoundTrips()
    {
        const QJsonObject doc = demoRuleSetDocument();
        const RuleSet set = parsed(doc, true);
        QCOMPARE(set.sites.size(), 8);
        QCOMPARE(set.rules.size(), 30);
        QCOMPARE(set.originOf(QStringLiteral("zalando.de")), QStringLiteral("DE"));
        QCOMPARE(set.originOf(QStringLiteral("not-listed.example")), QStringLiteral("US"));
        // Written in canonical form: the document comes back unchanged, key for key.
        QCOMPARE(set.toJson(), doc);
        QCOMPARE(parsed(set.toJson()).toJson(), doc);
    }

    void parsedValues()
    {
        const RuleSet set = parsed(jsonObject(withRules(R"(
            {"id": "c.1", "kind": "coupon", "description": "Autumn",
             "scope": {"validFrom": "2026-11-01T08:00:00+08:00",
                       "validTo": "2026-11-12T00:00:00.000Z"},
             "priority": -3, "exclusive": true, "code": "autumn-10", "percent": "10.50",
             "max": {"minor": 5000, "currency": "CNY"}},
            {"id": "intl_JP", "kind": "international_shipping",
             "scope": {"origin": "JP", "destination": "CN", "minWeightG": 0, "maxWeightG": 2000},
             )" FW_PARAMS "}")));
        QCOMPARE(set.rounding, Rounding::HalfUp); // the default
        const Rule &c = set.rules[0];
        QCOMPARE(c.kind, RuleKind::Coupon);
        QCOMPARE(c.code, QStringLiteral("AUTUMN-10")); // stored upper case
        QCOMPARE(c.description, QStringLiteral("Autumn"));
        QCOMPARE(c.priority, -3);
        QVERIFY(c.exclusive);
        QCOMPARE(c.percent->toString(), QStringLiteral("10.5"));
        QCOMPARE(*c.max, Money(5000, Currency::cny()));
        // 08:00 at +08:00 is midnight UTC.
        QCOMPARE(*c.scope.validFromMs,
                 fromWireTime(QStringLiteral("2026-11-01T00:00:00.000Z")).toMSecsSinceEpoch());
        QCOMPARE(c.scope.specificity(), 0);
        QVERIFY(!c.scope.isDefault()); // it has a validity window
        const Rule &i = set.rules[1];
        QCOMPARE(i.scope.specificity(), 2);
        QCOMPARE(*i.scope.minWeightG, 0);
        QCOMPARE(*i.scope.maxWeightG, 2000);
        QCOMPARE(i.divisor, 5000);
        QCOMPARE(i.firstG, 500);
        QCOMPARE(i.additionalG, 500);
        QCOMPARE(*i.first, Money(100, Currency::cny()));
        // The times come back in the wire form, the code upper case, the percent canonical.
        const QJsonObject again = set.rules[0].toJson();
        QCOMPARE(again.value(u"scope").toObject().value(u"validFrom").toString(),
                 QStringLiteral("2026-11-01T00:00:00.000Z"));
        QCOMPARE(again.value(u"code").toString(), QStringLiteral("AUTUMN-10"));
        QCOMPARE(again.value(u"percent").toString(), QStringLiteral("10.5"));
        QCOMPARE(parsed(set.toJson()).toJson(), set.toJson());
    }

    void invalid_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message"); // a part of it

        // The document itself.
        QTest::newRow("unknown top field")
            << QByteArray(R"({"defaultOrigin": "US", "colour": "red"})") << "colour"
            << "unknown";
        QTest::newRow("rounding") << QByteArray(R"({"defaultOrigin": "US", "rounding": "up"})")
                                  << "rounding"
                                  << "half_up";
        QTest::newRow("rounding type")
            << QByteArray(R"({"defaultOrigin": "US", "rounding": 1})") << "rounding"
            << "half_even";
        QTest::newRow("no defaultOrigin") << QByteArray("{}") << "defaultOrigin"
                                          << "required";
        QTest::newRow("bad defaultOrigin")
            << QByteArray(R"({"defaultOrigin": "usa"})") << "defaultOrigin"
            << "country";
        QTest::newRow("sites not array")
            << QByteArray(R"({"defaultOrigin": "US", "sites": {}})") << "sites"
            << "array";
        QTest::newRow("site origin")
            << QByteArray(R"({"defaultOrigin": "US", "sites": [{"site": "a.com", "origin": "US"},
                                                            {"site": "b.jp", "origin": "J"}]})")
            << "sites[1].origin"
            << "country";
        QTest::newRow("site missing")
            << QByteArray(R"({"defaultOrigin": "US", "sites": [{"origin": "US"}]})")
            << "sites[0].site"
            << "required";
        QTest::newRow("site with space")
            << QByteArray(
                   R"({"defaultOrigin": "US", "sites": [{"site": "a com", "origin": "US"}]})")
            << "sites[0].site"
            << "spaces";
        QTest::newRow("site twice")
            << QByteArray(R"({"defaultOrigin": "US", "sites": [{"site": "a.com", "origin": "US"},
                                                            {"site": "a.com", "origin": "JP"}]})")
            << "sites[1].site"
            << "duplicate";
        QTest::newRow("site field") << QByteArray(R"({"defaultOrigin": "US",
                              "sites": [{"site": "a.com", "origin": "US", "warehouse": "x"}]})")
                                    << "sites[0].warehouse"
                                    << "unknown";
        QTest::newRow("site not object")
            << QByteArray(R"({"defaultOrigin": "US", "sites": ["a.com"]})") << "sites[0]"
            << "object";
        QTest::newRow("rules not array")
            << QByteArray(R"({"defaultOrigin": "US", "rules": {}})") << "rules"
            << "array";
        QTest::newRow("rule not object") << withRules("1") << "rules[0]"
                                         << "object";

        // Ids and kinds.
        QTest::newRow("unknown kind")
            << withRules(R"({"id": "x", "kind": "discount"})") << "rules[0].kind"
            << "unknown kind \"discount\"";
        QTest::newRow("no kind") << withRules(R"({"id": "x"})") << "rules[0].kind"
                                 << "required";
        QTest::newRow("no id") << withRules(
                                      R"({"kind": "import_tax", "scope": {}, "percent": "1"})")
                               << "rules[0].id"
                               << "required";
        QTest::newRow("bad id") << withRules(
                                       R"({"id": "a b", "kind": "import_tax", "percent": "1"})")
                                << "rules[0].id"
                                << "64";
        QTest::newRow("long id") << withRules((R"({"id": ")" + QByteArray(65, 'a') +
                                               R"(", "kind": "import_tax", "percent": "1"})")
                                                  .constData())
                                 << "rules[0].id"
                                 << "64";
        QTest::newRow("duplicate id")
            << withRules(DS R"(, {"id": "ds", "kind": "import_tax", "percent": "1"})")
            << "rules[1].id"
            << "duplicate id \"ds\" (also rules[0])";

        // Fields by kind.
        QTest::newRow("unknown field")
            << withRules(R"({"id": "t", "kind": "import_tax", "percent": "1", "colour": 1})")
            << "rules[0].colour"
            << "unknown field";
        QTest::newRow("parameter of another kind")
            << withRules(R"({"id": "t", "kind": "import_tax", "percent": "1",
                             "flat": {"minor": 1, "currency": "CNY"}})")
            << "rules[0].flat"
            << "not allowed for kind import_tax";
        QTest::newRow("exclusive on a fee")
            << withRules(R"({"id": "t", "kind": "import_tax", "percent": "1", "exclusive": true})")
            << "rules[0].exclusive"
            << "not allowed for kind import_tax";
        QTest::newRow("scope not object")
            << withRules(R"({"id": "t", "kind": "import_tax", "percent": "1", "scope": []})")
            << "rules[0].scope"
            << "object";
        QTest::newRow("scope field of another kind")
            << withRules(R"({"id": "t", "kind": "import_tax", "percent": "1",
                             "scope": {"site": "a.com"}})")
            << "rules[0].scope.site"
            << "not allowed for kind import_tax";
        QTest::newRow("weight band on domestic")
            << withRules(R"({"id": "d", "kind": "domestic_shipping", "scope": {"maxWeightG": 5},
                             "flat": {"minor": 1, "currency": "CNY"}})")
            << "rules[0].scope.maxWeightG"
            << "not allowed for kind domestic_shipping";
        QTest::newRow("category on service fee")
            << withRules(R"({"id": "s", "kind": "service_fee", "scope": {"category": "x"},
                             "percent": "5", )" SVC_MONEY "}")
            << "rules[0].scope.category"
            << "not allowed";
        QTest::newRow("unknown scope field")
            << withRules(R"({"id": "t", "kind": "import_tax", "percent": "1",
                             "scope": {"country": "US"}})")
            << "rules[0].scope.country"
            << "unknown scope field";
        QTest::newRow("empty site")
            << withRules(R"({"id": "d", "kind": "domestic_shipping", "scope": {"site": ""},
                             "flat": {"minor": 1, "currency": "CNY"}})")
            << "rules[0].scope.site"
            << "1 to 253";
        QTest::newRow("lower-case origin")
            << withRules(
                   R"({"id": "f", "kind": "forwarder_fee", "scope": {"origin": "jp"}, )" FW_PARAMS
                   "}")
            << "rules[0].scope.origin"
            << "country";
        QTest::newRow("destination number")
            << withRules(
                   R"({"id": "f", "kind": "forwarder_fee", "scope": {"destination": 1}, )" FW_PARAMS
                   "}")
            << "rules[0].scope.destination"
            << "country";

        // Weight bands and validity windows.
        QTest::newRow("band inverted") << withRules(R"({"id": "f", "kind": "forwarder_fee",
                             "scope": {"minWeightG": 2000, "maxWeightG": 1000}, )" FW_PARAMS "}")
                                       << "rules[0].scope.maxWeightG"
                                       << "greater than minWeightG";
        QTest::newRow("band empty") << withRules(R"({"id": "f", "kind": "forwarder_fee",
                             "scope": {"minWeightG": 1000, "maxWeightG": 1000}, )" FW_PARAMS "}")
                                    << "rules[0].scope.maxWeightG"
                                    << "greater";
        QTest::newRow("band negative")
            << withRules(
                   R"({"id": "f", "kind": "forwarder_fee", "scope": {"minWeightG": -1}, )" FW_PARAMS
                   "}")
            << "rules[0].scope.minWeightG"
            << "whole number";
        QTest::newRow("band fraction")
            << withRules(
                   R"({"id": "f", "kind": "forwarder_fee", "scope": {"maxWeightG": 1.5}, )" FW_PARAMS
                   "}")
            << "rules[0].scope.maxWeightG"
            << "whole number";
        QTest::newRow("band zero max")
            << withRules(
                   R"({"id": "f", "kind": "forwarder_fee", "scope": {"maxWeightG": 0}, )" FW_PARAMS
                   "}")
            << "rules[0].scope.maxWeightG"
            << "from 1";
        QTest::newRow("window inverted")
            << withRules(R"({"id": "t", "kind": "import_tax", "percent": "1",
                             "scope": {"validFrom": "2026-12-01T00:00:00Z",
                                       "validTo": "2026-11-01T00:00:00Z"}})")
            << "rules[0].scope.validTo"
            << "after validFrom";
        QTest::newRow("window empty")
            << withRules(R"({"id": "t", "kind": "import_tax", "percent": "1",
                             "scope": {"validFrom": "2026-12-01T00:00:00Z",
                                       "validTo": "2026-12-01T08:00:00+08:00"}})")
            << "rules[0].scope.validTo"
            << "after validFrom";
        QTest::newRow("window text")
            << withRules(R"({"id": "t", "kind": "import_tax", "percent": "1",
                             "scope": {"validFrom": "tomorrow"}})")
            << "rules[0].scope.validFrom"
            << "RFC 3339";
        QTest::newRow("window without offset")
            << withRules(R"({"id": "t", "kind": "import_tax", "percent": "1",
                             "scope": {"validTo": "2026-11-01T00:00:00"}})")
            << "rules[0].scope.validTo"
            << "offset";

        // Parameters.
        QTest::newRow("flat missing")
            << withRules(R"({"id": "d", "kind": "domestic_shipping", "scope": {}})")
            << "rules[0].flat"
            << "required";
        QTest::newRow("flat number")
            << withRules(R"({"id": "d", "kind": "domestic_shipping", "flat": 5})")
            << "rules[0].flat"
            << "money";
        QTest::newRow("flat fraction") << withRules(R"({"id": "d", "kind": "domestic_shipping",
                             "flat": {"minor": 1.5, "currency": "USD"}})")
                                       << "rules[0].flat"
                                       << "whole number";
        QTest::newRow("flat currency") << withRules(R"({"id": "d", "kind": "domestic_shipping",
                             "flat": {"minor": 1, "currency": "XXX"}})")
                                       << "rules[0].flat"
                                       << "unknown currency";
        QTest::newRow("flat negative") << withRules(R"({"id": "d", "kind": "domestic_shipping",
                             "flat": {"minor": -1, "currency": "USD"}})")
                                       << "rules[0].flat"
                                       << "negative";
        QTest::newRow("freeAbove bad") << withRules(R"({"id": "d", "kind": "domestic_shipping",
                             "flat": {"minor": 1, "currency": "USD"}, "freeAbove": {"minor": 1}})")
                                       << "rules[0].freeAbove"
                                       << "currency";
        QTest::newRow("divisor missing")
            << withRules(R"({"id": "f", "kind": "forwarder_fee", "firstG": 500,
                             "first": {"minor": 100, "currency": "CNY"}, "additionalG": 500,
                             "additional": {"minor": 50, "currency": "CNY"}})")
            << "rules[0].divisor"
            << "required";
        QTest::newRow("divisor zero")
            << withRules(R"({"id": "f", "kind": "forwarder_fee", "divisor": 0, "firstG": 500,
                             "first": {"minor": 100, "currency": "CNY"}, "additionalG": 500,
                             "additional": {"minor": 50, "currency": "CNY"}})")
            << "rules[0].divisor"
            << "from 1";
        QTest::newRow("additionalG zero")
            << withRules(R"({"id": "f", "kind": "international_shipping", "divisor": 5000,
                             "firstG": 500, "first": {"minor": 100, "currency": "CNY"},
                             "additionalG": 0, "additional": {"minor": 50, "currency": "CNY"}})")
            << "rules[0].additionalG"
            << "from 1";
        QTest::newRow("firstG negative")
            << withRules(R"({"id": "f", "kind": "forwarder_fee", "divisor": 5000, "firstG": -1,
                             "first": {"minor": 100, "currency": "CNY"}, "additionalG": 500,
                             "additional": {"minor": 50, "currency": "CNY"}})")
            << "rules[0].firstG"
            << "from 0";
        QTest::newRow("first and additional currencies")
            << withRules(R"({"id": "f", "kind": "forwarder_fee", "divisor": 5000, "firstG": 500,
                             "first": {"minor": 100, "currency": "CNY"}, "additionalG": 500,
                             "additional": {"minor": 50, "currency": "JPY"}})")
            << "rules[0].additional"
            << "currency of first (CNY)";
        QTest::newRow("percent number")
            << withRules(R"({"id": "t", "kind": "import_tax", "percent": 9.1})")
            << "rules[0].percent"
            << "decimal string";
        QTest::newRow("percent above 100")
            << withRules(R"({"id": "t", "kind": "import_tax", "percent": "100.01"})")
            << "rules[0].percent"
            << "0 to 100";
        QTest::newRow("percent negative")
            << withRules(R"({"id": "t", "kind": "import_tax", "percent": "-1"})")
            << "rules[0].percent"
            << "0 to 100";
        QTest::newRow("percent text")
            << withRules(R"({"id": "t", "kind": "import_tax", "percent": "9,1"})")
            << "rules[0].percent"
            << "plain decimal";
        QTest::newRow("percent missing")
            << withRules(R"({"id": "t", "kind": "import_tax"})") << "rules[0].percent"
            << "required";
        QTest::newRow("service min above max")
            << withRules(R"({"id": "s", "kind": "service_fee", "percent": "5",
                             "min": {"minor": 200, "currency": "CNY"},
                             "max": {"minor": 100, "currency": "CNY"}})")
            << "rules[0].max"
            << "below min";
        QTest::newRow("service min in USD")
            << withRules(R"({"id": "s", "kind": "service_fee", "percent": "5",
                             "min": {"minor": 0, "currency": "USD"},
                             "max": {"minor": 100, "currency": "CNY"}})")
            << "rules[0].min"
            << "CNY";
        QTest::newRow("service max missing")
            << withRules(R"({"id": "s", "kind": "service_fee", "percent": "5",
                             "min": {"minor": 0, "currency": "CNY"}})")
            << "rules[0].max"
            << "required";
        QTest::newRow("priority fraction")
            << withRules(R"({"id": "t", "kind": "import_tax", "percent": "1", "priority": 1.5})")
            << "rules[0].priority"
            << "whole number";
        QTest::newRow("priority text")
            << withRules(R"({"id": "t", "kind": "import_tax", "percent": "1", "priority": "1"})")
            << "rules[0].priority"
            << "whole number";
        QTest::newRow("description number")
            << withRules(R"({"id": "t", "kind": "import_tax", "percent": "1", "description": 5})")
            << "rules[0].description"
            << "text";

        // Promotions.
        QTest::newRow("coupon without code")
            << withRules(R"({"id": "c", "kind": "coupon", "fixed": )" CNY(100) "}")
            << "rules[0].code"
            << "required";
        QTest::newRow("coupon empty code")
            << withRules(R"({"id": "c", "kind": "coupon", "code": "", "fixed": )" CNY(100) "}")
            << "rules[0].code"
            << "1 to 32";
        QTest::newRow("coupon code with space")
            << withRules(R"({"id": "c", "kind": "coupon", "code": "A B", "fixed": )" CNY(100) "}")
            << "rules[0].code"
            << "1 to 32";
        QTest::newRow("coupon code twice")
            << withRules(
                   R"({"id": "c1", "kind": "coupon", "code": "Save", "fixed": )" CNY(100) R"(},
                            {"id": "c2", "kind": "coupon", "code": "SAVE", "percent": "5"})")
            << "rules[1].code"
            << "duplicate coupon code \"SAVE\" (also rules[0])";
        QTest::newRow("coupon fixed and percent")
            << withRules(R"({"id": "c", "kind": "coupon", "code": "X", "percent": "5",
                             "fixed": )" CNY(100) "}")
            << "rules[0].fixed"
            << "not both";
        QTest::newRow("coupon neither")
            << withRules(R"({"id": "c", "kind": "coupon", "code": "X"})") << "rules[0].percent"
            << "either fixed or percent";
        QTest::newRow("coupon max with fixed")
            << withRules(R"({"id": "c", "kind": "coupon", "code": "X", "fixed": )" CNY(100) R"(,
                             "max": )" CNY(50) "}")
            << "rules[0].max"
            << "only allowed with percent";
        QTest::newRow("coupon fixed in USD")
            << withRules(R"({"id": "c", "kind": "coupon", "code": "X",
                             "fixed": {"minor": 100, "currency": "USD"}})")
            << "rules[0].fixed"
            << "CNY";
        QTest::newRow("coupon minSpend in JPY")
            << withRules(R"({"id": "c", "kind": "coupon", "code": "X", "percent": "5",
                             "minSpend": {"minor": 100, "currency": "JPY"}})")
            << "rules[0].minSpend"
            << "CNY";
        QTest::newRow("exclusive text")
            << withRules(R"({"id": "c", "kind": "coupon", "code": "X", "percent": "5",
                             "exclusive": "yes"})")
            << "rules[0].exclusive"
            << "true or false";
        QTest::newRow("spend save in USD")
            << withRules(R"({"id": "s", "kind": "spend_save", "threshold": )" CNY(100) R"(,
                             "save": {"minor": 10, "currency": "USD"}})")
            << "rules[0].save"
            << "CNY";
        QTest::newRow("spend save threshold missing")
            << withRules(R"({"id": "s", "kind": "spend_save", "save": )" CNY(10) "}")
            << "rules[0].threshold"
            << "required";
        QTest::newRow("first order neither")
            << withRules(R"({"id": "f", "kind": "first_order"})") << "rules[0].percent"
            << "either fixed or percent";
        QTest::newRow("first order code")
            << withRules(R"({"id": "f", "kind": "first_order", "percent": "5", "code": "X"})")
            << "rules[0].code"
            << "not allowed for kind first_order";

        // Overlaps among rules of one kind and target.
        QTest::newRow("two defaults")
            << withRules(DS R"(, {"id": "ds2", "kind": "domestic_shipping", "scope": {},
                                  "flat": {"minor": 1, "currency": "USD"}})")
            << "rules[1].scope"
            << "overlaps rule \"ds\" (rules[0])";
        QTest::newRow("bands overlap") << withRules(R"({"id": "a", "kind": "forwarder_fee",
                             "scope": {"origin": "JP", "minWeightG": 0, "maxWeightG": 2000}, )" FW_PARAMS
                                                    R"(},
                            {"id": "b", "kind": "forwarder_fee",
                             "scope": {"origin": "JP", "minWeightG": 1999}, )" FW_PARAMS "}")
                                       << "rules[1].scope"
                                       << "overlaps rule \"a\"";
        QTest::newRow("windows overlap")
            << withRules(R"({"id": "a", "kind": "import_tax", "percent": "1",
                             "scope": {"category": "wine", "validTo": "2026-12-01T00:00:00Z"}},
                            {"id": "b", "kind": "import_tax", "percent": "2",
                             "scope": {"category": "wine", "validFrom": "2026-11-30T23:59:59Z"}})")
            << "rules[1].scope"
            << "overlaps";
        QTest::newRow("window inside unbounded")
            << withRules(R"({"id": "a", "kind": "import_tax", "percent": "1",
                             "scope": {"category": "wine"}},
                            {"id": "b", "kind": "import_tax", "percent": "2",
                             "scope": {"category": "wine", "validFrom": "2026-11-01T00:00:00Z",
                                       "validTo": "2026-11-02T00:00:00Z"}})")
            << "rules[1].scope"
            << "overlaps";
    }

    void invalid()
    {
        QFETCH(QByteArray, document);
        QFETCH(QString, field);
        QFETCH(QString, message);
        QList<FieldProblem> errors;
        QVERIFY(!RuleSet::fromJson(jsonObject(document), &errors));
        // Exactly the one problem, at the expected path.
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors[0].field, field);
        QVERIFY2(errors[0].message.contains(message), qPrintable(errors[0].message));
        // A null error list is allowed.
        QVERIFY(!RuleSet::fromJson(jsonObject(document), nullptr));
    }

    // Look-alikes of the overlaps above that are fine.
    void noOverlap_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::newRow("adjacent bands") << withRules(
            R"({"id": "a", "kind": "forwarder_fee",
                "scope": {"origin": "JP", "minWeightG": 0, "maxWeightG": 2000}, )" FW_PARAMS R"(},
               {"id": "b", "kind": "forwarder_fee",
                "scope": {"origin": "JP", "minWeightG": 2000}, )" FW_PARAMS "}");
        QTest::newRow("adjacent windows") << withRules(
            R"({"id": "a", "kind": "import_tax", "percent": "1",
                "scope": {"category": "wine", "validTo": "2026-12-01T00:00:00Z"}},
               {"id": "b", "kind": "import_tax", "percent": "2",
                "scope": {"category": "wine", "validFrom": "2026-12-01T08:00:00+08:00"}})");
        QTest::newRow("other origin") << withRules(
            R"({"id": "a", "kind": "forwarder_fee", "scope": {"origin": "JP"}, )" FW_PARAMS R"(},
               {"id": "b", "kind": "forwarder_fee", "scope": {"origin": "US"}, )" FW_PARAMS "}");
        QTest::newRow("other field") << withRules(
            R"({"id": "a", "kind": "forwarder_fee", "scope": {"origin": "JP"}, )" FW_PARAMS R"(},
               {"id": "b", "kind": "forwarder_fee", "scope": {"destination": "CN"}, )" FW_PARAMS
            "}");
        QTest::newRow("other kind")
            << withRules(R"({"id": "a", "kind": "forwarder_fee", "scope": {}, )" FW_PARAMS R"(},
               {"id": "b", "kind": "international_shipping", "scope": {}, )" FW_PARAMS "}");
        QTest::newRow("promotions stack") << withRules(
            R"({"id": "a", "kind": "spend_save", "scope": {}, "threshold": )" CNY(100) R"(,
                "save": )" CNY(10) R"(},
               {"id": "b", "kind": "spend_save", "scope": {}, "threshold": )" CNY(200) R"(,
                "save": )" CNY(30) "}");
    }

    void noOverlap()
    {
        QFETCH(QByteArray, document);
        QList<FieldProblem> errors;
        QVERIFY2(RuleSet::fromJson(jsonObject(document), &errors),
                 qPrintable(fieldsOf(errors).join(u"; ")));
    }

    // One answer lists every problem.
    void everyProblemListed()
    {
        QList<FieldProblem> errors;
        QVERIFY(!RuleSet::fromJson(jsonObject(R"({"rounding": "up", "extra": 1,
            "sites": [{"site": "a.com", "origin": "usa"}],
            "rules": [{"id": "t", "kind": "import_tax", "percent": "200"},
                      {"id": "d", "kind": "domestic_shipping", "scope": {"site": "a.com"},
                       "flat": {"minor": -5, "currency": "USD"}, "freeAbove": 3}]})"),
                                   &errors));
        QStringList fields;
        for (const FieldProblem &e : errors)
            fields.append(e.field);
        fields.sort();
        QCOMPARE(fields,
                 (QStringList{QStringLiteral("defaultOrigin"), QStringLiteral("extra"),
                              QStringLiteral("rounding"), QStringLiteral("rules[0].percent"),
                              QStringLiteral("rules[1].flat"), QStringLiteral("rules[1].freeAbove"),
                              QStringLiteral("sites[0].origin")}));
    }

    // A published set needs a default (empty scope, no window) for each mandatory kind.
    void publishNeedsDefaults_data()
    {
        QTest::addColumn<QByteArray>("rules");
        QTest::addColumn<QStringList>("missing");
        QTest::newRow("complete") << QByteArray(kDefaults) << QStringList{};
        // Replace the tax default by a category rule: no longer a default.
        QByteArray categoryOnly = kDefaults;
        categoryOnly.replace(R"("id": "tax", "kind": "import_tax", "scope": {})",
                             R"("id": "tax", "kind": "import_tax", "scope": {"category": "wine"})");
        QTest::newRow("category only") << categoryOnly << QStringList{QStringLiteral("import_tax")};
        // A window makes it no default either.
        QByteArray windowed = kDefaults;
        windowed.replace(R"("id": "svc", "kind": "service_fee", "scope": {})",
                         R"("id": "svc", "kind": "service_fee",
                            "scope": {"validTo": "2030-01-01T00:00:00Z"})");
        QTest::newRow("window") << windowed << QStringList{QStringLiteral("service_fee")};
        // A weight band does not stop a rule from being the default.
        QByteArray banded = kDefaults;
        banded.replace(R"("id": "intl", "kind": "international_shipping", "scope": {})",
                       R"("id": "intl", "kind": "international_shipping",
                          "scope": {"maxWeightG": 30000})");
        QTest::newRow("banded") << banded << QStringList{};
        QTest::newRow("nothing") << QByteArray()
                                 << QStringList{QStringLiteral("domestic_shipping"),
                                                QStringLiteral("forwarder_fee"),
                                                QStringLiteral("international_shipping"),
                                                QStringLiteral("service_fee"),
                                                QStringLiteral("import_tax")};
    }

    void publishNeedsDefaults()
    {
        QFETCH(QByteArray, rules);
        QFETCH(QStringList, missing);
        const QJsonObject doc = jsonObject(withRules(rules.constData()));
        QList<FieldProblem> errors;
        QVERIFY(RuleSet::fromJson(doc, &errors)); // a draft may be incomplete
        QVERIFY(errors.isEmpty());
        const bool ok = RuleSet::fromJson(doc, &errors, true).has_value();
        QCOMPARE(ok, missing.isEmpty());
        QCOMPARE(errors.size(), missing.size());
        for (qsizetype i = 0; i < missing.size(); ++i) {
            QCOMPARE(errors[i].field, QStringLiteral("rules"));
            QVERIFY2(errors[i].message.contains(missing[i]), qPrintable(errors[i].message));
        }
    }

    void diff()
    {
        const RuleSet from = parsed(demoRuleSetDocument());
        QCOMPARE(diffRuleSets(from, from), QJsonArray());

        QJsonObject doc = demoRuleSetDocument();
        doc.insert(QStringLiteral("rounding"), QStringLiteral("half_even"));
        QJsonArray sites = doc.value(u"sites").toArray();
        sites.append(QJsonObject{{QStringLiteral("site"), QStringLiteral("newegg.com")},
                                 {QStringLiteral("origin"), QStringLiteral("US")}});
        doc.insert(QStringLiteral("sites"), sites);
        QJsonArray rules;
        for (const QJsonValue &v : doc.value(u"rules").toArray()) {
            QJsonObject r = v.toObject();
            const QString id = r.value(u"id").toString();
            if (id == u"ds-bestbuy")
                continue; // removed
            if (id == u"tax-default")
                r.insert(QStringLiteral("percent"), QStringLiteral("10"));
            if (id == u"first-order") // same id, another kind
                r = jsonObject(R"({"id": "first-order", "kind": "spend_save", "scope": {},
                                   "threshold": {"minor": 1, "currency": "CNY"},
                                   "save": {"minor": 1, "currency": "CNY"}})");
            rules.append(r);
        }
        rules.append(jsonObject(R"({"id": "ds-newegg", "kind": "domestic_shipping",
            "scope": {"site": "newegg.com"}, "flat": {"minor": 499, "currency": "USD"}})"));
        doc.insert(QStringLiteral("rules"), rules);
        const RuleSet to = parsed(doc);

        const QJsonArray changes = diffRuleSets(from, to);
        QStringList summary;
        for (const QJsonValue &v : changes) {
            const QJsonObject c = v.toObject();
            summary.append(c.value(u"change").toString() + u' ' + c.value(u"id").toString() + u' ' +
                           c.value(u"kind").toString());
            QCOMPARE(c.contains(u"before"), c.value(u"change").toString() != u"added");
            QCOMPARE(c.contains(u"after"), c.value(u"change").toString() != u"removed");
        }
        // Sorted by id; unchanged rules are not listed.
        QCOMPARE(summary, (QStringList{
                              QStringLiteral("removed ds-bestbuy domestic_shipping"),
                              QStringLiteral("added ds-newegg domestic_shipping"),
                              QStringLiteral("changed first-order spend_save"),
                              QStringLiteral("changed settings.rounding settings"),
                              QStringLiteral("changed settings.sites settings"),
                              QStringLiteral("changed tax-default import_tax"),
                          }));
        auto entry = [&changes](const char *id) {
            for (const QJsonValue &v : changes) {
                if (v.toObject().value(u"id").toString() == QLatin1String(id))
                    return v.toObject();
            }
            return QJsonObject();
        };
        const QJsonObject tax = entry("tax-default");
        QCOMPARE(tax.value(u"before").toObject().value(u"percent").toString(),
                 QStringLiteral("9.1"));
        QCOMPARE(tax.value(u"after").toObject().value(u"percent").toString(), QStringLiteral("10"));
        QCOMPARE(tax.value(u"after").toObject().value(u"description"),
                 tax.value(u"before").toObject().value(u"description"));
        QCOMPARE(entry("ds-bestbuy").value(u"before").toObject(),
                 from.rules[2].toJson()); // the whole rule as it was
        QCOMPARE(entry("ds-newegg").value(u"after").toObject().value(u"flat").toObject(),
                 Money(499, *Currency::fromCode(u"USD")).toJson());
        QCOMPARE(entry("settings.rounding").value(u"before").toObject(),
                 QJsonObject({{QStringLiteral("rounding"), QStringLiteral("half_up")}}));
        QCOMPARE(entry("settings.rounding").value(u"after").toObject(),
                 QJsonObject({{QStringLiteral("rounding"), QStringLiteral("half_even")}}));
        QCOMPARE(
            entry("settings.sites").value(u"after").toObject().value(u"sites").toArray().size(), 9);

        // defaultOrigin is a setting too.
        RuleSet other = from;
        other.defaultOrigin = QStringLiteral("JP");
        const QJsonArray origin = diffRuleSets(from, other);
        QCOMPARE(origin.size(), 1);
        QCOMPARE(origin[0].toObject().value(u"id").toString(),
                 QStringLiteral("settings.defaultOrigin"));
    }

    // Random valid documents written in canonical form come back from toJson unchanged.
    void randomRoundTrip()
    {
        QRandomGenerator random(424242);
        const char *currencies[] = {"CNY", "USD", "JPY", "EUR", "KRW"};
        auto money = [&](bool cnyOnly, qint64 max = 100000) {
            return QJsonObject{
                {QStringLiteral("minor"), qint64(random.bounded(int(max)))},
                {QStringLiteral("currency"),
                 QLatin1String(cnyOnly ? "CNY"
                                       : currencies[random.bounded(int(std::size(currencies)))])}};
        };
        auto percent = [&] {
            const int scale = random.bounded(4);
            qint64 max = 100;
            for (int i = 0; i < scale; ++i)
                max *= 10;
            return Decimal::fromParts(random.bounded(max + 1), scale)->toString();
        };
        auto pick = [&](std::initializer_list<const char *> values) {
            return QString::fromLatin1(values.begin()[random.bounded(int(values.size()))]);
        };
        int valid = 0;
        for (int n = 0; n < 300; ++n) {
            QJsonObject doc{
                {QStringLiteral("rounding"), pick({"half_up", "half_even"})},
                {QStringLiteral("defaultOrigin"), pick({"US", "JP", "DE"})},
            };
            QJsonArray sites;
            for (int i = 0, count = random.bounded(4); i < count; ++i)
                sites.append(
                    QJsonObject{{QStringLiteral("site"), QStringLiteral("s%1.example").arg(i)},
                                {QStringLiteral("origin"), pick({"US", "JP", "KR"})}});
            doc.insert(QStringLiteral("sites"), sites);
            QJsonArray rules;
            for (int i = 0, count = random.bounded(12); i < count; ++i) {
                const RuleKind kind = allRuleKinds()[random.bounded(int(allRuleKinds().size()))];
                QJsonObject r{{QStringLiteral("id"), QStringLiteral("r-%1").arg(i)},
                              {QStringLiteral("kind"), ruleKindName(kind)}};
                QJsonObject scope;
                if (random.bounded(3) == 0) {
                    const qint64 from = 1700000000000 + qint64(random.bounded(1000000000));
                    scope.insert(QStringLiteral("validFrom"), toWireTime(from));
                    if (random.bounded(2) == 0)
                        scope.insert(QStringLiteral("validTo"),
                                     toWireTime(from + 1 + random.bounded(100000000)));
                }
                if (random.bounded(4) == 0)
                    r.insert(QStringLiteral("priority"), random.bounded(1, 50) * (n % 2 ? 1 : -1));
                if (random.bounded(4) == 0)
                    r.insert(QStringLiteral("description"), QStringLiteral("rule %1").arg(i));
                if (isPromotion(kind) && random.bounded(3) == 0)
                    r.insert(QStringLiteral("exclusive"), true);
                auto discount = [&] {
                    if (random.bounded(2) == 0) {
                        r.insert(QStringLiteral("fixed"), money(true));
                    } else {
                        r.insert(QStringLiteral("percent"), percent());
                        if (random.bounded(2) == 0)
                            r.insert(QStringLiteral("max"), money(true));
                    }
                };
                switch (kind) {
                case RuleKind::DomesticShipping:
                    if (random.bounded(2) == 0)
                        scope.insert(QStringLiteral("site"), pick({"s0.example", "s1.example"}));
                    r.insert(QStringLiteral("flat"), money(false));
                    if (random.bounded(2) == 0)
                        r.insert(QStringLiteral("freeAbove"), money(false));
                    break;
                case RuleKind::ForwarderFee:
                case RuleKind::InternationalShipping: {
                    if (random.bounded(2) == 0)
                        scope.insert(QStringLiteral("origin"), pick({"US", "JP", "KR"}));
                    if (random.bounded(2) == 0)
                        scope.insert(QStringLiteral("destination"), pick({"CN", "HK"}));
                    const qint64 min = random.bounded(5000);
                    if (random.bounded(2) == 0)
                        scope.insert(QStringLiteral("minWeightG"), min);
                    if (random.bounded(2) == 0)
                        scope.insert(QStringLiteral("maxWeightG"), min + 1 + random.bounded(5000));
                    const QJsonObject first = money(false);
                    QJsonObject additional = money(false);
                    additional.insert(QStringLiteral("currency"), first.value(u"currency"));
                    r.insert(QStringLiteral("divisor"), random.bounded(1000, 8000));
                    r.insert(QStringLiteral("firstG"), random.bounded(2000));
                    r.insert(QStringLiteral("first"), first);
                    r.insert(QStringLiteral("additionalG"), random.bounded(1, 2000));
                    r.insert(QStringLiteral("additional"), additional);
                    break;
                }
                case RuleKind::ServiceFee: {
                    const qint64 min = random.bounded(5000);
                    r.insert(QStringLiteral("percent"), percent());
                    r.insert(QStringLiteral("min"),
                             QJsonObject{{QStringLiteral("minor"), min},
                                         {QStringLiteral("currency"), QStringLiteral("CNY")}});
                    r.insert(QStringLiteral("max"),
                             QJsonObject{{QStringLiteral("minor"), min + random.bounded(50000)},
                                         {QStringLiteral("currency"), QStringLiteral("CNY")}});
                    break;
                }
                case RuleKind::ImportTax:
                    if (random.bounded(2) == 0)
                        scope.insert(QStringLiteral("category"), pick({"wine", "books"}));
                    r.insert(QStringLiteral("percent"), percent());
                    break;
                case RuleKind::Coupon:
                    r.insert(QStringLiteral("code"), QStringLiteral("CODE-%1").arg(i));
                    discount();
                    if (random.bounded(2) == 0)
                        r.insert(QStringLiteral("minSpend"), money(true));
                    break;
                case RuleKind::SpendSave:
                    r.insert(QStringLiteral("threshold"), money(true));
                    r.insert(QStringLiteral("save"), money(true));
                    break;
                case RuleKind::FirstOrder:
                    discount();
                    break;
                }
                r.insert(QStringLiteral("scope"), scope);
                rules.append(r);
            }
            doc.insert(QStringLiteral("rules"), rules);

            QList<FieldProblem> errors;
            const auto set = RuleSet::fromJson(doc, &errors);
            if (!set) {
                // Random scopes may overlap; nothing else may fail.
                for (const FieldProblem &e : errors)
                    QVERIFY2(e.message.contains(u"overlaps"),
                             qPrintable(e.field + u' ' + e.message));
                continue;
            }
            ++valid;
            QCOMPARE(set->toJson(), doc);
            QCOMPARE(RuleSet::fromJson(set->toJson(), nullptr)->toJson(), doc);
        }
        QVERIFY(valid > 150);
    }

    void kindNames()
    {
        QCOMPARE(allRuleKinds().size(), 8);
        for (RuleKind kind : allRuleKinds())
            QCOMPARE(ruleKindFromName(ruleKindName(kind)), kind);
        QVERIFY(!ruleKindFromName(u"Coupon"));
        QVERIFY(isPromotion(RuleKind::FirstOrder));
        QVERIFY(!isPromotion(RuleKind::ServiceFee));
        QCOMPARE(roundingFromName(roundingName(Rounding::HalfEven)), Rounding::HalfEven);
        QVERIFY(!roundingFromName(u"HALF_UP"));
    }
};

QTEST_GUILESS_MAIN(TstRuleSet)
#include "tst_ruleset.moc"
