// The pricing models on their own (no server): RuleTableModel's checks and its mapping of the
// server's error paths, QuoteBreakdownModel over a quote shaped as in docs/pricing.md, the FX
// and version tables, and AuditModel paging through another loader. Each model runs under
// QAbstractItemModelTester while it changes.

#include "backend-client/pricingtypes.h"
#include "models/auditmodel.h"
#include "models/fxratesmodel.h"
#include "models/itemroles.h"
#include "models/quotebreakdownmodel.h"
#include "models/rulesetsettings.h"
#include "models/rulesetversionsmodel.h"
#include "models/ruletablemodel.h"
#include "models/samplecarts.h"
#include "models/sitestablemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace haitao;
using models::QuoteBreakdownModel;
using models::RuleSetSettings;
using models::RuleTableModel;
using models::SitesTableModel;

namespace {

QJsonObject parse(const char *json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

// A draft document with rules of several kinds, interleaved as a server may send them.
// Positions in `rules`: 0 ds-default, 1 fw-us-light, 2 svc-default, 3 fw-us-heavy, 4 tax-beauty,
// 5 welcome10.
const char *kDocument = R"({
  "rounding": "half_up", "defaultOrigin": "US", "sites": [],
  "rules": [
    {"id": "ds-default", "kind": "domestic_shipping", "scope": {},
     "flat": {"minor": 599, "currency": "USD"}, "freeAbove": {"minor": 3500, "currency": "USD"}},
    {"id": "fw-us-light", "kind": "forwarder_fee",
     "scope": {"origin": "US", "destination": "CN", "minWeightG": 0, "maxWeightG": 1000},
     "divisor": 5000, "firstG": 500, "first": {"minor": 800, "currency": "USD"},
     "additionalG": 500, "additional": {"minor": 300, "currency": "USD"}},
    {"id": "svc-default", "kind": "service_fee", "scope": {}, "percent": "5",
     "min": {"minor": 500, "currency": "CNY"}, "max": {"minor": 20000, "currency": "CNY"}},
    {"id": "fw-us-heavy", "kind": "forwarder_fee",
     "scope": {"origin": "US", "destination": "CN", "minWeightG": 1000},
     "divisor": 5000, "firstG": 1000, "first": {"minor": 1200, "currency": "USD"},
     "additionalG": 500, "additional": {"minor": 250, "currency": "USD"}},
    {"id": "tax-beauty", "kind": "import_tax", "scope": {"category": "beauty"}, "percent": "9.1"},
    {"id": "welcome10", "kind": "coupon", "scope": {}, "code": "WELCOME10", "percent": "10",
     "max": {"minor": 5000, "currency": "CNY"}, "priority": 1}
  ]
})";

// The quote of docs/pricing.md, completed so that its amounts add up:
//   line 0: goods 39.98 USD x 7.230251 = 289.065... -> 289.07 CNY (28907), import tax 9.1% of
//           289.07 = 26.305... -> 26.31 (2631); line total 28907 + 2631 = 31538
//   site amazon.com: domestic shipping 5.99 USD x 7.230251 = 43.309... -> 43.31 (4331)
//   quote: forwarder 15.00, international 60.00, service 5% of 289.07 = 14.45 (1445),
//          discount WELCOME10 -10.00
//   total 31538 + 4331 + 1500 + 6000 + 1445 - 1000 = 43814
const char *kPublishedQuote = R"({
  "ruleSetVersion": 3, "rateSnapshot": 57, "rounding": "half_up",
  "pricedAt": "2026-11-25T10:00:00.000Z", "expiresAt": "2026-11-25T10:30:00.000Z",
  "rates": [{"currency": "USD", "rate": "7.1234", "markupPercent": "1.5",
             "effectiveRate": "7.230251", "source": "ecb", "asOf": "2026-11-25T00:00:00.000Z"}],
  "lines": [{"index": 0, "site": "amazon.com", "quantity": 2, "chargeableWeightG": 900,
             "components": [
               {"kind": "goods", "original": {"minor": 3998, "currency": "USD"},
                "cny": {"minor": 28907, "currency": "CNY"}, "rate": "7.230251"},
               {"kind": "import_tax", "ruleId": "tax-beauty", "percent": "9.1",
                "original": {"minor": 2631, "currency": "CNY"},
                "cny": {"minor": 2631, "currency": "CNY"}}],
             "total": {"minor": 31538, "currency": "CNY"}}],
  "sites": [{"site": "amazon.com", "origin": "US", "currency": "USD",
             "goods": {"minor": 3998, "currency": "USD"},
             "components": [{"kind": "domestic_shipping", "ruleId": "ds-default",
                             "original": {"minor": 599, "currency": "USD"},
                             "cny": {"minor": 4331, "currency": "CNY"}, "rate": "7.230251"}],
             "total": {"minor": 4331, "currency": "CNY"}}],
  "components": [
    {"kind": "forwarder_fee", "route": "US-CN", "chargeableWeightG": 900, "ruleId": "fw-us",
     "original": {"minor": 1500, "currency": "CNY"}, "cny": {"minor": 1500, "currency": "CNY"}},
    {"kind": "international_shipping", "route": "US-CN", "chargeableWeightG": 900,
     "ruleId": "int-us", "original": {"minor": 6000, "currency": "CNY"},
     "cny": {"minor": 6000, "currency": "CNY"}},
    {"kind": "service_fee", "ruleId": "svc-default", "percent": "5",
     "original": {"minor": 1445, "currency": "CNY"}, "cny": {"minor": 1445, "currency": "CNY"}},
    {"kind": "discount", "ruleId": "welcome10", "code": "WELCOME10",
     "original": {"minor": -1000, "currency": "CNY"}, "cny": {"minor": -1000, "currency": "CNY"}}],
  "total": {"minor": 43814, "currency": "CNY"}
})";

// The same cart under a draft: import tax 10% (289.07 x 10% = 28.907 -> 28.91, 2891), line
// total 28907 + 2891 = 31798; international shipping 55.00; a spend_save of -20.00 instead of
// the coupon. Total 31798 + 4331 + 1500 + 5500 + 1445 - 2000 = 42574.
const char *kDraftQuote = R"({
  "ruleSetVersion": 0, "rateSnapshot": 57, "rounding": "half_up",
  "lines": [{"index": 0, "site": "amazon.com", "quantity": 2, "chargeableWeightG": 900,
             "components": [
               {"kind": "goods", "original": {"minor": 3998, "currency": "USD"},
                "cny": {"minor": 28907, "currency": "CNY"}, "rate": "7.230251"},
               {"kind": "import_tax", "ruleId": "tax-beauty-10", "percent": "10",
                "original": {"minor": 2891, "currency": "CNY"},
                "cny": {"minor": 2891, "currency": "CNY"}}],
             "total": {"minor": 31798, "currency": "CNY"}}],
  "sites": [{"site": "amazon.com", "origin": "US", "currency": "USD",
             "components": [{"kind": "domestic_shipping", "ruleId": "ds-default",
                             "original": {"minor": 599, "currency": "USD"},
                             "cny": {"minor": 4331, "currency": "CNY"}, "rate": "7.230251"}],
             "total": {"minor": 4331, "currency": "CNY"}}],
  "components": [
    {"kind": "forwarder_fee", "route": "US-CN", "ruleId": "fw-us",
     "original": {"minor": 1500, "currency": "CNY"}, "cny": {"minor": 1500, "currency": "CNY"}},
    {"kind": "international_shipping", "route": "US-CN", "ruleId": "int-us",
     "original": {"minor": 5500, "currency": "CNY"}, "cny": {"minor": 5500, "currency": "CNY"}},
    {"kind": "service_fee", "ruleId": "svc-default", "percent": "5",
     "original": {"minor": 1445, "currency": "CNY"}, "cny": {"minor": 1445, "currency": "CNY"}},
    {"kind": "discount", "ruleId": "ss-200",
     "original": {"minor": -2000, "currency": "CNY"}, "cny": {"minor": -2000, "currency": "CNY"}}],
  "total": {"minor": 42574, "currency": "CNY"}
})";

QJsonArray documentRules()
{
    return parse(kDocument).value(QStringLiteral("rules")).toArray();
}

QString text(const QAbstractItemModel &model, int row, int column, const QModelIndex &parent = {})
{
    return model.index(row, column, parent).data().toString();
}

QString error(const RuleTableModel &model, int row, const char *key)
{
    return model.index(row, model.columnOfKey(QLatin1String(key)))
        .data(models::ErrorRole)
        .toString();
}

QJsonObject usd(qint64 minor)
{
    return Money(minor, *Currency::fromCode(u"USD")).toJson();
}

// "a b c" -> {"a", "b", "c"}
QStringList words(const char *text)
{
    return QString::fromLatin1(text).split(QLatin1Char(' '));
}

bool edit(RuleTableModel &model, int row, const char *key, const QVariant &value)
{
    return model.setData(model.index(row, model.columnOfKey(QLatin1String(key))), value);
}

client::FxRate rate(const char *json)
{
    QString why;
    const std::optional<client::FxRate> r = client::FxRate::fromJson(parse(json), &why);
    if (!r)
        qFatal("bad rate: %s", qPrintable(why));
    return *r;
}

} // namespace

class TstPricingModels : public QObject
{
    Q_OBJECT

private slots:
    void ruleTableTakesOneKind();
    void ruleTableColumnsPerKind();
    void ruleTableEditsMoneyAndPercent();
    void ruleTableKeepsUnreadableText();
    void ruleTableChecksRanges();
    void ruleTableChecksOverlappingBands();
    void ruleTableChecksDiscountShape();
    void ruleTableInsertAndRemove();
    void ruleTableMapsServerErrors();
    void ruleTableServerErrorsAfterCompose();
    void sitesTableChecksCells();
    void sitesTableInsertAndRemove();
    void sitesTableMapsServerErrors();
    void settingsCheckAndCompose();
    void settingsMapServerErrors();
    void quoteBreakdownSingle();
    void quoteBreakdownComparison();
    void quoteBreakdownWithoutDraft();
    void fxRatesModel();
    void fxRateRefusesNumbers();
    void ruleSetVersionsModel();
    void simulationParses();
    void auditModelPagesThroughLoader();
    void sampleCartReadsARequest();
    void sampleCartRefusesWrongFields_data();
    void sampleCartRefusesWrongFields();
    void sampleCartsSaveOverwriteRemove();
    void sampleCartsSurviveACorruptValue_data();
    void sampleCartsSurviveACorruptValue();
};

void TstPricingModels::ruleTableTakesOneKind()
{
    RuleTableModel model(QStringLiteral("forwarder_fee"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRules(documentRules());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(text(model, 0, 0), QStringLiteral("fw-us-light"));
    QCOMPARE(text(model, 1, 0), QStringLiteral("fw-us-heavy"));
    QCOMPARE(model.errorCount(), 0);
    QVERIFY(!model.isModified());
    // Untouched rules come back exactly as they came.
    QCOMPARE(model.rules().at(0).toObject(), documentRules().at(1).toObject());
    QCOMPARE(text(model, 0, model.columnOfKey(QStringLiteral("first"))),
             QStringLiteral("8.00 USD"));
    QCOMPARE(model.index(0, model.columnOfKey(QStringLiteral("first"))).data(models::RawRole),
             usd(800).toVariantMap());
    QCOMPARE(text(model, 0, model.columnOfKey(QStringLiteral("scope.maxWeightG"))),
             QStringLiteral("1000"));
    QCOMPARE(text(model, 1, model.columnOfKey(QStringLiteral("scope.maxWeightG"))), QString());
}

void TstPricingModels::ruleTableColumnsPerKind()
{
    auto keys = [](const char *kind) {
        RuleTableModel model{QLatin1String(kind)};
        QStringList out;
        for (int c = 0; c < model.columnCount(); ++c)
            out << model.columnKey(c);
        return out;
    };
    QCOMPARE(keys("domestic_shipping"), words("id scope.site flat freeAbove scope.validFrom "
                                              "scope.validTo priority description"));
    QCOMPARE(keys("import_tax"), words("id scope.category percent scope.validFrom scope.validTo "
                                       "priority description"));
    QCOMPARE(keys("coupon"), words("id code fixed percent max minSpend scope.validFrom "
                                   "scope.validTo priority exclusive description"));
    QVERIFY(keys("international_shipping").contains(QStringLiteral("scope.minWeightG")));
    QVERIFY(!keys("service_fee").contains(QStringLiteral("exclusive")));

    RuleTableModel coupon(QStringLiteral("coupon"));
    QAbstractItemModelTester tester(&coupon,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    coupon.setRules(documentRules());
    const QModelIndex exclusive = coupon.index(0, coupon.columnOfKey(QStringLiteral("exclusive")));
    QVERIFY(coupon.flags(exclusive) & Qt::ItemIsUserCheckable);
    QCOMPARE(exclusive.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QVERIFY(coupon.setData(exclusive, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(coupon.rules().at(0).toObject().value(QStringLiteral("exclusive")), QJsonValue(true));
    QVERIFY(coupon.isModified());
    QCOMPARE(coupon.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Code"));
}

void TstPricingModels::ruleTableEditsMoneyAndPercent()
{
    RuleTableModel model(QStringLiteral("domestic_shipping"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRules(documentRules());
    QSignalSpy modified(&model, &RuleTableModel::modifiedChanged);

    QVERIFY(edit(model, 0, "flat", QStringLiteral("6.49 JPY"))); // JPY has no decimals
    QVERIFY(error(model, 0, "flat").contains(QLatin1String("JPY")));
    QVERIFY(edit(model, 0, "flat", QStringLiteral("7.5 usd")));
    QCOMPARE(model.rules().at(0).toObject().value(QStringLiteral("flat")).toObject(), usd(750));
    // Without a currency the cell keeps the one it had.
    QVERIFY(edit(model, 0, "freeAbove", QStringLiteral("40")));
    QCOMPARE(model.rules().at(0).toObject().value(QStringLiteral("freeAbove")).toObject(),
             usd(4000));
    QCOMPARE(text(model, 0, model.columnOfKey(QStringLiteral("freeAbove"))),
             QStringLiteral("40.00 USD"));
    QCOMPARE(model.errorCount(), 0);
    QVERIFY(model.isModified());
    QCOMPARE(modified.count(), 1);
    // An optional amount can be cleared; a required one cannot stay empty.
    QVERIFY(edit(model, 0, "freeAbove", QString()));
    QVERIFY(!model.rules().at(0).toObject().contains(QStringLiteral("freeAbove")));
    QVERIFY(edit(model, 0, "flat", QString()));
    QCOMPARE(error(model, 0, "flat"), QStringLiteral("Required."));
    QCOMPARE(model.index(0, model.columnOfKey(QStringLiteral("flat"))).data(Qt::ToolTipRole),
             QVariant(QStringLiteral("Required.")));

    RuleTableModel tax(QStringLiteral("import_tax"));
    tax.setRules(documentRules());
    QVERIFY(edit(tax, 0, "percent", QStringLiteral("12.50")));
    QCOMPARE(tax.rules().at(0).toObject().value(QStringLiteral("percent")),
             QJsonValue(QStringLiteral("12.5")));
    QVERIFY(edit(tax, 0, "scope.validFrom", QStringLiteral("2026-12-01T00:00:00Z")));
    QCOMPARE(tax.rules()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("scope"))
                 .toObject()
                 .value(QStringLiteral("validFrom")),
             QJsonValue(QStringLiteral("2026-12-01T00:00:00.000Z")));
    model.markSaved();
    QVERIFY(!model.isModified());
}

void TstPricingModels::ruleTableKeepsUnreadableText()
{
    RuleTableModel model(QStringLiteral("import_tax"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRules(documentRules());
    QVERIFY(edit(model, 0, "percent", QStringLiteral("nine")));
    QCOMPARE(text(model, 0, model.columnOfKey(QStringLiteral("percent"))), QStringLiteral("nine"));
    QVERIFY(error(model, 0, "percent").startsWith(QLatin1String("Not a decimal")));
    QCOMPARE(model.errorCount(), 1);
    // The unreadable value is never sent as if it were the old one.
    QVERIFY(!model.rules().at(0).toObject().contains(QStringLiteral("percent")));
    QVERIFY(edit(model, 0, "percent", QStringLiteral("9.1")));
    QCOMPARE(model.errorCount(), 0);
    QVERIFY(edit(model, 0, "scope.validTo", QStringLiteral("next week")));
    QVERIFY(!error(model, 0, "scope.validTo").isEmpty());
}

void TstPricingModels::ruleTableChecksRanges()
{
    RuleTableModel service(QStringLiteral("service_fee"));
    QAbstractItemModelTester tester(&service,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    service.setRules(documentRules());
    QVERIFY(edit(service, 0, "percent", QStringLiteral("100.01")));
    QCOMPARE(error(service, 0, "percent"), QStringLiteral("Must be between 0 and 100."));
    QVERIFY(edit(service, 0, "percent", QStringLiteral("-1")));
    QCOMPARE(error(service, 0, "percent"), QStringLiteral("Must be between 0 and 100."));
    QVERIFY(edit(service, 0, "percent", QStringLiteral("100")));
    QCOMPARE(error(service, 0, "percent"), QString());
    // Minimum 5.00 CNY, maximum 4.99 CNY: the maximum is below the minimum.
    QVERIFY(edit(service, 0, "max", QStringLiteral("4.99")));
    QCOMPARE(error(service, 0, "max"), QStringLiteral("Must not be below the minimum."));
    QVERIFY(edit(service, 0, "max", QStringLiteral("5")));
    QCOMPARE(error(service, 0, "max"), QString()); // equal is a fixed fee
    QVERIFY(edit(service, 0, "min", QStringLiteral("5 USD")));
    QCOMPARE(error(service, 0, "min"), QStringLiteral("Must be in CNY."));

    RuleTableModel forwarder(QStringLiteral("forwarder_fee"));
    QAbstractItemModelTester tester2(&forwarder,
                                     QAbstractItemModelTester::FailureReportingMode::QtTest);
    forwarder.setRules(documentRules());
    QVERIFY(edit(forwarder, 0, "additionalG", 0));
    QCOMPARE(error(forwarder, 0, "additionalG"), QStringLiteral("Must be more than 0."));
    QVERIFY(edit(forwarder, 0, "divisor", -5000));
    QCOMPARE(error(forwarder, 0, "divisor"), QStringLiteral("Must be more than 0."));
    QVERIFY(edit(forwarder, 0, "firstG", -1));
    QCOMPARE(error(forwarder, 0, "firstG"), QStringLiteral("Must not be negative."));
    QVERIFY(edit(forwarder, 0, "firstG", 0)); // all weight charged per step: allowed
    QCOMPARE(error(forwarder, 0, "firstG"), QString());
    QVERIFY(edit(forwarder, 0, "first", QStringLiteral("-1")));
    QCOMPARE(error(forwarder, 0, "first"), QStringLiteral("Must not be negative."));
    QCOMPARE(forwarder.errorCount(), 3);
    // [1000, 1000) holds no weight.
    QVERIFY(edit(forwarder, 0, "scope.minWeightG", 1000));
    QCOMPARE(error(forwarder, 0, "scope.maxWeightG"),
             QStringLiteral("Must be more than the lower weight."));
}

void TstPricingModels::ruleTableChecksOverlappingBands()
{
    RuleTableModel model(QStringLiteral("forwarder_fee"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRules(documentRules());
    // [0, 1000) and [1000, open) touch but do not overlap.
    QCOMPARE(model.errorCount(), 0);

    // [0, 1200) now shares [1000, 1200) with the heavy rule: both rows say so.
    QVERIFY(edit(model, 0, "scope.maxWeightG", 1200));
    QVERIFY(error(model, 0, "scope.minWeightG").contains(QLatin1String("fw-us-heavy")));
    QVERIFY(error(model, 1, "scope.minWeightG").contains(QLatin1String("fw-us-light")));
    QVERIFY(error(model, 1, "scope.maxWeightG").contains(QLatin1String("fw-us-light")));
    QCOMPARE(model.errorCount(), 4);

    // Another destination is another scope.
    QVERIFY(edit(model, 1, "scope.destination", QStringLiteral("HK")));
    QCOMPARE(model.errorCount(), 0);
    QVERIFY(edit(model, 1, "scope.destination", QStringLiteral("CN")));
    QCOMPARE(model.errorCount(), 4);

    // Disjoint validity windows never apply at the same time: the heavy rule ends when the light
    // one starts.
    QVERIFY(edit(model, 1, "scope.validTo", QStringLiteral("2027-01-01T00:00:00Z")));
    QVERIFY(edit(model, 0, "scope.validFrom", QStringLiteral("2027-01-01T00:00:00Z")));
    QCOMPARE(model.errorCount(), 0);

    // Kinds without weight bands: two defaults of the same kind clash on the id.
    RuleTableModel service(QStringLiteral("service_fee"));
    service.setRules(documentRules());
    QVERIFY(service.insertRows(1, 1));
    QVERIFY(edit(service, 1, "percent", QStringLiteral("4")));
    QVERIFY(error(service, 1, "id").contains(QLatin1String("svc-default")));
    QVERIFY(error(service, 0, "id").contains(QLatin1String("service-fee-1")));

    // Promotions stand side by side.
    RuleTableModel coupons(QStringLiteral("coupon"));
    coupons.setRules(documentRules());
    QVERIFY(coupons.insertRows(1, 1));
    QVERIFY(edit(coupons, 1, "code", QStringLiteral("vip")));
    QVERIFY(edit(coupons, 1, "fixed", QStringLiteral("20")));
    QCOMPARE(coupons.errorCount(), 0);
    QCOMPARE(coupons.rules().at(1).toObject().value(QStringLiteral("code")),
             QJsonValue(QStringLiteral("VIP")));
}

void TstPricingModels::ruleTableChecksDiscountShape()
{
    RuleTableModel model(QStringLiteral("coupon"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRules(documentRules());
    QCOMPARE(model.errorCount(), 0); // percent 10 capped at 50.00 CNY
    QVERIFY(edit(model, 0, "fixed", QStringLiteral("10")));
    QCOMPARE(error(model, 0, "fixed"),
             QStringLiteral("Give a fixed amount or a percentage, not both."));
    QCOMPARE(error(model, 0, "percent"),
             QStringLiteral("Give a fixed amount or a percentage, not both."));
    QVERIFY(edit(model, 0, "percent", QString()));
    QCOMPARE(error(model, 0, "fixed"), QString());
    QCOMPARE(error(model, 0, "max"), QStringLiteral("A maximum caps a percentage only."));
    QVERIFY(edit(model, 0, "max", QString()));
    QVERIFY(edit(model, 0, "fixed", QString()));
    QCOMPARE(error(model, 0, "fixed"), QStringLiteral("Give a fixed amount or a percentage."));
    QVERIFY(edit(model, 0, "code", QString()));
    QCOMPARE(error(model, 0, "code"), QStringLiteral("Required."));
    QVERIFY(edit(model, 0, "id", QStringLiteral("has space")));
    QCOMPARE(error(model, 0, "id"),
             QStringLiteral("Use 1 to 64 letters, digits, '.', '_' or '-'."));
}

void TstPricingModels::ruleTableInsertAndRemove()
{
    RuleTableModel model(QStringLiteral("international_shipping"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRules(documentRules()); // none of this kind
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.insertRows(0, 2));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(text(model, 0, 0), QStringLiteral("international-shipping-1"));
    QCOMPARE(text(model, 1, 0), QStringLiteral("international-shipping-2"));
    QCOMPARE(model.rules().at(0).toObject().value(QStringLiteral("kind")),
             QJsonValue(QStringLiteral("international_shipping")));
    // Each new rule lacks its five required parameters; the two empty scopes also clash.
    QCOMPARE(error(model, 0, "first"), QStringLiteral("Required."));
    QCOMPARE(model.errorCount(), 2 * 5 + 2 * 2);
    QVERIFY(model.isModified());
    QVERIFY(!model.insertRows(5, 1));
    QVERIFY(model.removeRows(0, 1));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(text(model, 0, 0), QStringLiteral("international-shipping-2"));
    QCOMPARE(model.errorCount(), 5);
    QVERIFY(!model.removeRows(0, 2));
    QVERIFY(model.removeRows(0, 1));
    QCOMPARE(model.errorCount(), 0);
}

void TstPricingModels::ruleTableMapsServerErrors()
{
    RuleTableModel forwarder(QStringLiteral("forwarder_fee"));
    RuleTableModel tax(QStringLiteral("import_tax"));
    QAbstractItemModelTester tester(&forwarder,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    forwarder.setRules(documentRules());
    tax.setRules(documentRules());

    // Position 3 of the loaded document is fw-us-heavy, row 1 of the forwarder table.
    QVERIFY(forwarder.setServerError(QStringLiteral("document.rules[3].scope.minWeightG"),
                                     QStringLiteral("overlaps fw-us-light")));
    QCOMPARE(error(forwarder, 1, "scope.minWeightG"), QStringLiteral("overlaps fw-us-light"));
    QVERIFY(!tax.setServerError(QStringLiteral("document.rules[3].scope.minWeightG"),
                                QStringLiteral("x")));
    // Position 4 is tax-beauty.
    QVERIFY(tax.setServerError(QStringLiteral("document.rules[4].percent"),
                               QStringLiteral("must be at most 100")));
    QCOMPARE(error(tax, 0, "percent"), QStringLiteral("must be at most 100"));
    // An amount's parts and unknown fields: the amount's cell, or the rule's id.
    QVERIFY(forwarder.setServerError(QStringLiteral("document.rules[1].first.currency"),
                                     QStringLiteral("no rate")));
    QCOMPARE(error(forwarder, 0, "first"), QStringLiteral("no rate"));
    QVERIFY(forwarder.setServerError(QStringLiteral("rules[1].kind"), QStringLiteral("bad")));
    QCOMPARE(error(forwarder, 0, "id"), QStringLiteral("bad"));
    QVERIFY(
        !forwarder.setServerError(QStringLiteral("document.sites[0].origin"), QStringLiteral("x")));
    QVERIFY(!forwarder.setServerError(QStringLiteral("document.rules[9]"), QStringLiteral("x")));
    // Server errors do not block saving (the server decides again), and go when edited.
    QCOMPARE(forwarder.errorCount(), 0);
    QVERIFY(edit(forwarder, 1, "scope.minWeightG", 1000));
    QCOMPARE(error(forwarder, 1, "scope.minWeightG"), QString());
    QCOMPARE(error(forwarder, 0, "first"), QStringLiteral("no rate"));
    forwarder.clearServerErrors();
    QCOMPARE(error(forwarder, 0, "first"), QString());
}

void TstPricingModels::ruleTableServerErrorsAfterCompose()
{
    QList<RuleTableModel *> tables;
    std::vector<std::unique_ptr<RuleTableModel>> owned;
    for (const QString &kind : RuleTableModel::pricingKinds() + RuleTableModel::promotionKinds()) {
        owned.push_back(std::make_unique<RuleTableModel>(kind));
        owned.back()->setRules(documentRules());
        tables.append(owned.back().get());
    }
    // Composed kind after kind: 0 ds-default, 1 fw-us-light, 2 fw-us-heavy, 3 svc-default,
    // 4 tax-beauty, 5 welcome10.
    const QJsonArray composed = RuleTableModel::composeRules(tables);
    QCOMPARE(composed.size(), 6);
    QCOMPARE(composed.at(2).toObject().value(QStringLiteral("id")),
             QJsonValue(QStringLiteral("fw-us-heavy")));
    RuleTableModel *forwarder = tables.at(1);
    RuleTableModel *service = tables.at(3);
    QVERIFY(service->setServerError(QStringLiteral("document.rules[3].percent"),
                                    QStringLiteral("too high")));
    QCOMPARE(error(*service, 0, "percent"), QStringLiteral("too high"));
    QVERIFY(forwarder->setServerError(QStringLiteral("document.rules[2].divisor"),
                                      QStringLiteral("zero")));
    QCOMPARE(error(*forwarder, 1, "divisor"), QStringLiteral("zero"));
    QVERIFY(!forwarder->setServerError(QStringLiteral("document.rules[3].percent"),
                                       QStringLiteral("x")));
}

// Sites as a document holds them: 0 amazon.com US, 1 amazon.co.jp JP, 2 zalando.de DE.
QJsonArray documentSites()
{
    return parse(R"({"sites": [{"site": "amazon.com", "origin": "US"},
                               {"site": "amazon.co.jp", "origin": "JP"},
                               {"site": "zalando.de", "origin": "DE"}]})")
        .value(QStringLiteral("sites"))
        .toArray();
}

QString siteError(const SitesTableModel &model, int row, int column)
{
    return model.index(row, column).data(models::ErrorRole).toString();
}

void TstPricingModels::sitesTableChecksCells()
{
    SitesTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy modified(&model, &SitesTableModel::modifiedChanged);
    model.setSites(documentSites());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), 2);
    QCOMPARE(model.headerData(SitesTableModel::OriginColumn, Qt::Horizontal).toString(),
             QStringLiteral("Warehouse (origin)"));
    QCOMPARE(model.index(1, SitesTableModel::SiteColumn).data().toString(),
             QStringLiteral("amazon.co.jp"));
    QCOMPARE(model.index(1, SitesTableModel::OriginColumn).data(models::RawRole).toString(),
             QStringLiteral("JP"));
    QCOMPARE(model.sites(), documentSites());
    QCOMPARE(model.errorCount(), 0);
    QVERIFY(!model.isModified());
    QVERIFY(model.flags(model.index(0, 0)) & Qt::ItemIsEditable);

    // Sites are kept lower-case (a cart's sites are looked up lower-cased), origins upper-case.
    const QModelIndex origin = model.index(2, SitesTableModel::OriginColumn);
    QVERIFY(model.setData(origin, QStringLiteral(" gb ")));
    QCOMPARE(origin.data().toString(), QStringLiteral("GB"));
    QVERIFY(model.isModified());
    QCOMPARE(modified.size(), 1);
    QVERIFY(model.setData(model.index(2, SitesTableModel::SiteColumn), QStringLiteral("ASOS.com")));
    QCOMPARE(model.sites().at(2).toObject().value(QStringLiteral("site")),
             QJsonValue(QStringLiteral("asos.com")));

    // Origins: two letters A-Z, nothing else.
    for (const char *bad : {"G", "GBR", "G1", "\u00c4T"}) {
        QVERIFY(model.setData(origin, QString::fromUtf8(bad)));
        QCOMPARE(siteError(model, 2, SitesTableModel::OriginColumn),
                 QStringLiteral("Use a two-letter country code, e.g. JP."));
        QCOMPARE(origin.data(Qt::ToolTipRole), origin.data(models::ErrorRole));
        QCOMPARE(model.errorCount(), 1);
    }
    QVERIFY(model.setData(origin, QString()));
    QCOMPARE(siteError(model, 2, SitesTableModel::OriginColumn),
             QStringLiteral("Enter the warehouse's country, e.g. JP."));
    QVERIFY(model.setData(origin, QStringLiteral("de")));
    QCOMPARE(model.errorCount(), 0);
    QVERIFY(!origin.data(Qt::ToolTipRole).isValid());

    // A site is required, and listed once: the later row is the one marked, with the first.
    const QModelIndex site = model.index(2, SitesTableModel::SiteColumn);
    QVERIFY(model.setData(site, QStringLiteral("  ")));
    QCOMPARE(siteError(model, 2, SitesTableModel::SiteColumn),
             QStringLiteral("Enter the site, e.g. amazon.co.jp."));
    QVERIFY(model.setData(site, QStringLiteral("Amazon.COM")));
    QCOMPARE(siteError(model, 2, SitesTableModel::SiteColumn),
             QStringLiteral("This site is already listed in row 1."));
    QCOMPARE(siteError(model, 0, SitesTableModel::SiteColumn), QString());
    QCOMPARE(model.errorCount(), 1);

    // Back to what was loaded: no longer modified.
    QVERIFY(model.setData(site, QStringLiteral("zalando.de")));
    QCOMPARE(model.errorCount(), 0);
    QVERIFY(!model.isModified());
    QCOMPARE(modified.size(), 2);
    QVERIFY(!model.setData(site, QStringLiteral("x"), Qt::CheckStateRole));
}

void TstPricingModels::sitesTableInsertAndRemove()
{
    SitesTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSites(documentSites());
    QVERIFY(model.insertRows(1, 2));
    QCOMPARE(model.rowCount(), 5);
    // Two empty rows: each lacks its site and its origin; an empty site is not a duplicate.
    QCOMPARE(model.errorCount(), 4);
    QCOMPARE(model.index(3, 0).data().toString(), QStringLiteral("amazon.co.jp"));
    QVERIFY(model.isModified());
    QVERIFY(!model.insertRows(6, 1));
    QVERIFY(!model.removeRows(4, 2));
    QVERIFY(model.removeRows(1, 2));
    QCOMPARE(model.errorCount(), 0);
    QVERIFY(!model.isModified());
    QVERIFY(model.removeRows(0, 3));
    QCOMPARE(model.sites(), QJsonArray());
    QVERIFY(model.isModified());
    model.markSaved();
    QVERIFY(!model.isModified());
}

void TstPricingModels::sitesTableMapsServerErrors()
{
    SitesTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSites(documentSites());

    // As loaded, row i stood at sites[i].
    QVERIFY(model.setServerError(QStringLiteral("document.sites[1].origin"),
                                 QStringLiteral("no warehouse there")));
    QCOMPARE(siteError(model, 1, SitesTableModel::OriginColumn),
             QStringLiteral("no warehouse there"));
    QCOMPARE(siteError(model, 1, SitesTableModel::SiteColumn), QString());
    QCOMPARE(model.errorCount(), 0); // the server decides again on the next save
    QCOMPARE(model.serverErrorCount(), 1);
    // The entry as a whole, or a field the table does not show: the site's cell.
    QVERIFY(model.setServerError(QStringLiteral("sites[2]"), QStringLiteral("must be an object")));
    QCOMPARE(siteError(model, 2, SitesTableModel::SiteColumn), QStringLiteral("must be an object"));
    QVERIFY(!model.setServerError(QStringLiteral("document.sites[3].site"), QStringLiteral("x")));
    QVERIFY(!model.setServerError(QStringLiteral("document.sites"), QStringLiteral("x")));
    QVERIFY(!model.setServerError(QStringLiteral("document.rules[1].origin"), QStringLiteral("x")));

    // Editing the cell drops its mark; the other stays until cleared.
    QVERIFY(model.setData(model.index(1, SitesTableModel::OriginColumn), QStringLiteral("KR")));
    QCOMPARE(siteError(model, 1, SitesTableModel::OriginColumn), QString());
    QCOMPARE(model.serverErrorCount(), 1);
    model.clearServerErrors();
    QCOMPARE(model.serverErrorCount(), 0);

    // After a row is removed and the document composed again, sites[1] is zalando.de (row 1).
    QVERIFY(model.removeRows(0, 1));
    const QJsonArray composed = model.compose();
    QCOMPARE(composed.size(), 2);
    QCOMPARE(composed.at(1).toObject().value(QStringLiteral("site")),
             QJsonValue(QStringLiteral("zalando.de")));
    QVERIFY(model.setServerError(QStringLiteral("document.sites[1].site"),
                                 QStringLiteral("must be 1 to 253 characters without spaces")));
    QCOMPARE(siteError(model, 1, SitesTableModel::SiteColumn),
             QStringLiteral("must be 1 to 253 characters without spaces"));
    QVERIFY(!model.setServerError(QStringLiteral("document.sites[2].site"), QStringLiteral("x")));
}

void TstPricingModels::settingsCheckAndCompose()
{
    RuleSetSettings settings;
    QSignalSpy changed(&settings, &RuleSetSettings::changed);
    QSignalSpy modified(&settings, &RuleSetSettings::modifiedChanged);
    settings.load(parse(kDocument));
    QCOMPARE(settings.rounding(), QStringLiteral("half_up"));
    QCOMPARE(settings.defaultOrigin(), QStringLiteral("US"));
    QCOMPARE(settings.sites()->rowCount(), 0);
    QCOMPARE(settings.errorCount(), 0);
    QVERIFY(!settings.isModified());
    QVERIFY(changed.size() > 0);

    settings.setRounding(QStringLiteral("half_even"));
    settings.setDefaultOrigin(QStringLiteral(" jp"));
    QCOMPARE(settings.defaultOrigin(), QStringLiteral("JP"));
    QVERIFY(settings.isModified());
    QCOMPARE(modified.size(), 1);
    QVERIFY(settings.sites()->insertRows(0, 1));
    QVERIFY(settings.sites()->setData(settings.sites()->index(0, 0), QStringLiteral("ebay.com")));
    QVERIFY(settings.sites()->setData(settings.sites()->index(0, 1), QStringLiteral("us")));

    // Written over the document's own settings; its rules stay.
    const QJsonObject doc = settings.applied(parse(kDocument));
    QCOMPARE(doc.value(QStringLiteral("rounding")), QJsonValue(QStringLiteral("half_even")));
    QCOMPARE(doc.value(QStringLiteral("defaultOrigin")), QJsonValue(QStringLiteral("JP")));
    QCOMPARE(doc.value(QStringLiteral("sites")).toArray(),
             QJsonArray({QJsonObject{{QStringLiteral("site"), QStringLiteral("ebay.com")},
                                     {QStringLiteral("origin"), QStringLiteral("US")}}}));
    QCOMPARE(doc.value(QStringLiteral("rules")).toArray().size(), 6);
    QCOMPARE(settings.compose(parse(kDocument)), doc);

    // Refused locally: a default origin that is not two letters, an empty one; saving waits.
    settings.setDefaultOrigin(QStringLiteral("J"));
    QCOMPARE(settings.defaultOriginError(),
             QStringLiteral("Use a two-letter country code, e.g. US."));
    QCOMPARE(settings.errorCount(), 1);
    settings.setDefaultOrigin(QString());
    QCOMPARE(settings.defaultOriginError(),
             QStringLiteral("Enter the warehouse for sites not listed below, e.g. US."));
    QVERIFY(settings.sites()->setData(settings.sites()->index(0, 1), QStringLiteral("USA")));
    QCOMPARE(settings.errorCount(), 2);
    settings.setRounding(QStringLiteral("up"));
    QCOMPARE(settings.roundingError(), QStringLiteral("Choose half up or half even."));
    QCOMPARE(settings.errorCount(), 3);

    // Saved: what is shown now is what the server has.
    settings.setRounding(QStringLiteral("half_even"));
    settings.setDefaultOrigin(QStringLiteral("JP"));
    QVERIFY(settings.sites()->setData(settings.sites()->index(0, 1), QStringLiteral("US")));
    QCOMPARE(settings.errorCount(), 0);
    settings.markSaved();
    QVERIFY(!settings.isModified());
    QCOMPARE(modified.size(), 2);
    settings.setRounding(QStringLiteral("half_up"));
    QVERIFY(settings.isModified());

    // An empty document (no draft): half up, nothing else.
    settings.load({});
    QCOMPARE(settings.rounding(), QStringLiteral("half_up"));
    QCOMPARE(settings.defaultOrigin(), QString());
    QCOMPARE(settings.sites()->rowCount(), 0);
    QVERIFY(!settings.isModified());
    QCOMPARE(settings.defaultOriginError(), QString()); // nothing to fix without a draft
    QCOMPARE(settings.errorCount(), 0);
}

void TstPricingModels::settingsMapServerErrors()
{
    RuleSetSettings settings;
    settings.load(parse(R"({"rounding": "half_up", "defaultOrigin": "US",
                            "sites": [{"site": "amazon.com", "origin": "US"},
                                      {"site": "amazon.co.jp", "origin": "JP"}]})"));
    QSignalSpy changed(&settings, &RuleSetSettings::changed);

    QVERIFY(settings.setServerError(QStringLiteral("document.defaultOrigin"),
                                    QStringLiteral("no warehouse there")));
    QCOMPARE(settings.defaultOriginError(), QStringLiteral("no warehouse there"));
    QVERIFY(settings.setServerError(QStringLiteral("document.rounding"),
                                    QStringLiteral("must be \"half_up\" or \"half_even\"")));
    QCOMPARE(settings.roundingError(), QStringLiteral("must be \"half_up\" or \"half_even\""));
    QVERIFY(settings.setServerError(QStringLiteral("document.sites[1].origin"),
                                    QStringLiteral("closed")));
    QCOMPARE(settings.sites()->index(1, SitesTableModel::OriginColumn).data(models::ErrorRole),
             QVariant(QStringLiteral("closed")));
    QCOMPARE(changed.size(), 3);
    QVERIFY(!settings.setServerError(QStringLiteral("document.rules[0].id"), QStringLiteral("x")));
    QVERIFY(!settings.setServerError(QStringLiteral("document"), QStringLiteral("x")));
    // The server's marks do not block saving: it decides again.
    QCOMPARE(settings.errorCount(), 0);
    QCOMPARE(settings.serverErrorCount(), 3);

    // A local problem shows before the server's; editing the field drops the server's.
    settings.setDefaultOrigin(QStringLiteral("U"));
    QCOMPARE(settings.defaultOriginError(),
             QStringLiteral("Use a two-letter country code, e.g. US."));
    settings.setDefaultOrigin(QStringLiteral("US"));
    QCOMPARE(settings.defaultOriginError(), QString());
    // Choosing the same mode again still says "I have seen it".
    settings.setRounding(QStringLiteral("half_up"));
    QCOMPARE(settings.roundingError(), QString());
    QCOMPARE(settings.serverErrorCount(), 1);
    settings.clearServerErrors();
    QCOMPARE(settings.serverErrorCount(), 0);
    QCOMPARE(settings.sites()->index(1, SitesTableModel::OriginColumn).data(models::ErrorRole),
             QVariant(QString()));
}

void TstPricingModels::quoteBreakdownSingle()
{
    QuoteBreakdownModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setQuote(parse(kPublishedQuote));
    // Line 0, site amazon.com, fees and discounts, total.
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(text(model, 0, 0), QStringLiteral("Line 1: amazon.com × 2"));
    QCOMPARE(text(model, 0, QuoteBreakdownModel::CnyColumn), QStringLiteral("315.38"));
    const QModelIndex line = model.index(0, 0);
    QCOMPARE(model.rowCount(line), 2);
    QCOMPARE(text(model, 0, 0, line), QStringLiteral("Goods"));
    QCOMPARE(text(model, 0, QuoteBreakdownModel::OriginalColumn, line),
             QStringLiteral("39.98 USD"));
    QCOMPARE(text(model, 0, QuoteBreakdownModel::RateColumn, line), QStringLiteral("7.230251"));
    QCOMPARE(text(model, 0, QuoteBreakdownModel::CnyColumn, line), QStringLiteral("289.07"));
    QCOMPARE(model.index(0, QuoteBreakdownModel::CnyColumn, line).data(models::RawRole),
             QVariant(qint64(28907)));
    QCOMPARE(text(model, 1, QuoteBreakdownModel::RuleColumn, line), QStringLiteral("tax-beauty"));
    QCOMPARE(model.index(1, 0, line).data(Qt::ToolTipRole).toString(), QStringLiteral("9.1 %"));

    const QModelIndex site = model.index(1, 0);
    QCOMPARE(text(model, 1, 0), QStringLiteral("Site amazon.com, via US"));
    QCOMPARE(text(model, 0, QuoteBreakdownModel::CnyColumn, site), QStringLiteral("43.31"));

    // Fees and discounts: 1500 + 6000 + 1445 - 1000 = 7945.
    const QModelIndex quote = model.index(2, 0);
    QCOMPARE(model.rowCount(quote), 4);
    QCOMPARE(text(model, 2, QuoteBreakdownModel::CnyColumn), QStringLiteral("79.45"));
    QCOMPARE(text(model, 0, 0, quote), QStringLiteral("Forwarder fee (US-CN)"));
    QCOMPARE(text(model, 3, 0, quote), QStringLiteral("Discount (WELCOME10)"));
    QCOMPARE(text(model, 3, QuoteBreakdownModel::CnyColumn, quote), QStringLiteral("-10.00"));
    QCOMPARE(text(model, 3, 0), QStringLiteral("Total"));
    QCOMPARE(text(model, 3, QuoteBreakdownModel::CnyColumn), QStringLiteral("438.14"));
    QCOMPARE(model.headerData(QuoteBreakdownModel::CnyColumn, Qt::Horizontal).toString(),
             QStringLiteral("CNY"));

    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TstPricingModels::quoteBreakdownComparison()
{
    QuoteBreakdownModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setQuote(parse(kPublishedQuote));
    QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
    // Per kind as the server sums them: import_tax 2631 -> 2891 (+260), discount -1000 -> -2000.
    const QList<client::KindDifference> byKind{
        {QStringLiteral("import_tax"), Money(2631, Currency::cny()), Money(2891, Currency::cny()),
         Money(260, Currency::cny())},
        {QStringLiteral("discount"), Money(-1000, Currency::cny()), Money(-2000, Currency::cny()),
         Money(-1000, Currency::cny())}};
    model.setComparison(parse(kPublishedQuote), parse(kDraftQuote), byKind);
    QVERIFY(model.isComparison());
    QCOMPARE(headers.count(), 1);
    QCOMPARE(model.headerData(QuoteBreakdownModel::DifferenceColumn, Qt::Horizontal).toString(),
             QStringLiteral("Difference"));
    // Line, site, fees and discounts, by kind, total.
    QCOMPARE(model.rowCount(), 5);

    // Line: 31538 -> 31798, +2.60; its import tax likewise, with the rule change shown.
    QCOMPARE(text(model, 0, QuoteBreakdownModel::PublishedColumn), QStringLiteral("315.38"));
    QCOMPARE(text(model, 0, QuoteBreakdownModel::DraftColumn), QStringLiteral("317.98"));
    QCOMPARE(text(model, 0, QuoteBreakdownModel::DifferenceColumn), QStringLiteral("+2.60"));
    const QModelIndex line = model.index(0, 0);
    QCOMPARE(text(model, 1, QuoteBreakdownModel::DifferenceColumn, line), QStringLiteral("+2.60"));
    QCOMPARE(text(model, 1, QuoteBreakdownModel::RuleChangeColumn, line),
             QStringLiteral("tax-beauty → tax-beauty-10"));
    QCOMPARE(text(model, 0, QuoteBreakdownModel::DifferenceColumn, line), QStringLiteral("0.00"));
    // Site unchanged.
    QCOMPARE(text(model, 1, QuoteBreakdownModel::DifferenceColumn), QStringLiteral("0.00"));

    // Fees and discounts: 7945 -> 1500 + 5500 + 1445 - 2000 = 6445, -15.00. The coupon only the
    // published quote has and the saving only the draft has are separate rows.
    const QModelIndex quote = model.index(2, 0);
    QCOMPARE(text(model, 2, QuoteBreakdownModel::DifferenceColumn), QStringLiteral("-15.00"));
    QCOMPARE(model.rowCount(quote), 5);
    QCOMPARE(text(model, 1, QuoteBreakdownModel::DifferenceColumn, quote), QStringLiteral("-5.00"));
    QCOMPARE(text(model, 3, 0, quote), QStringLiteral("Discount (WELCOME10)"));
    QCOMPARE(text(model, 3, QuoteBreakdownModel::DraftColumn, quote), QString());
    QCOMPARE(text(model, 3, QuoteBreakdownModel::DifferenceColumn, quote),
             QStringLiteral("+10.00"));
    QCOMPARE(text(model, 4, 0, quote), QStringLiteral("Discount"));
    QCOMPARE(text(model, 4, QuoteBreakdownModel::PublishedColumn, quote), QString());
    QCOMPARE(text(model, 4, QuoteBreakdownModel::DifferenceColumn, quote),
             QStringLiteral("-20.00"));
    QCOMPARE(model.index(4, QuoteBreakdownModel::DifferenceColumn, quote).data(models::RawRole),
             QVariant(qint64(-2000)));

    // By kind: the server's figures.
    const QModelIndex kinds = model.index(3, 0);
    QCOMPARE(text(model, 3, 0), QStringLiteral("By kind"));
    QCOMPARE(model.rowCount(kinds), 2);
    QCOMPARE(text(model, 1, QuoteBreakdownModel::DifferenceColumn, kinds),
             QStringLiteral("-10.00"));

    // Total 43814 -> 42574: -12.40 (= +2.60 + 0 - 15.00).
    QCOMPARE(text(model, 4, QuoteBreakdownModel::DifferenceColumn), QStringLiteral("-12.40"));
}

void TstPricingModels::quoteBreakdownWithoutDraft()
{
    QuoteBreakdownModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setComparison(parse(kPublishedQuote), QJsonObject());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(text(model, 3, QuoteBreakdownModel::PublishedColumn), QStringLiteral("438.14"));
    QCOMPARE(text(model, 3, QuoteBreakdownModel::DraftColumn), QString());
    QCOMPARE(text(model, 3, QuoteBreakdownModel::DifferenceColumn), QString());
}

void TstPricingModels::fxRatesModel()
{
    models::FxRatesModel model{client::PricingApi(nullptr)};
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    client::FxRates rates;
    rates.snapshot = 57;
    rates.maxAgeHours = 96;
    rates.items << rate(R"({"id": 57, "currency": "USD", "rate": "7.1234", "markupPercent": "1.5",
        "effectiveRate": "7.230251", "source": "ecb", "asOf": "2026-11-25T00:00:00.000Z",
        "validUntil": null, "createdBy": "system", "createdAt": "2026-11-25T01:00:00.000Z",
        "stale": false, "ageHours": 10})")
                << rate(R"({"id": 12, "currency": "JPY", "rate": "0.04712", "markupPercent": "0",
        "effectiveRate": "0.04712", "source": "manual", "asOf": "2026-11-19T00:00:00.000Z",
        "validUntil": "2026-12-01T00:00:00.000Z", "createdBy": "ops",
        "createdAt": "2026-11-19T00:00:00.000Z", "stale": true, "ageHours": 154.5})");
    model.setRates(rates);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.snapshot(), 57);
    QCOMPARE(model.rowOfCurrency(QStringLiteral("JPY")), 1);
    QCOMPARE(model.rowOfCurrency(QStringLiteral("EUR")), -1);
    QCOMPARE(text(model, 0, models::FxRatesModel::EffectiveColumn), QStringLiteral("7.230251"));
    QCOMPARE(text(model, 1, models::FxRatesModel::RateColumn), QStringLiteral("0.04712"));
    QCOMPARE(
        model.index(0, models::FxRatesModel::RateColumn).data(models::RawRole).value<Decimal>(),
        *Decimal::fromParts(71234, 4));
    QCOMPARE(model.index(1, models::FxRatesModel::AgeColumn).data(models::RawRole).toLongLong(),
             154);
    QCOMPARE(model.index(0, 0).data(models::StaleRole).toBool(), false);
    QCOMPARE(model.index(1, 3).data(models::StaleRole).toBool(), true);
    QCOMPARE(model.index(1, 0).data(models::IdRole).toLongLong(), 12);
    QCOMPARE(model.rateAt(1).validUntil, QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC));
    QVERIFY(!model.rateAt(0).validUntil.isValid());
    QCOMPARE(model.headerData(models::FxRatesModel::MarkupColumn, Qt::Horizontal).toString(),
             QStringLiteral("Markup %"));
}

void TstPricingModels::fxRateRefusesNumbers()
{
    // Decimals travel as strings: a number (already a double in the parser) is refused.
    QString why;
    QVERIFY(!client::FxRate::fromJson(parse(R"({"id": 1, "currency": "USD", "rate": 7.1234,
        "markupPercent": "0", "effectiveRate": "7.1234", "source": "manual",
        "asOf": "2026-11-25T00:00:00.000Z"})"),
                                      &why));
    QCOMPARE(why, QStringLiteral("rate is not a decimal string"));
    QVERIFY(!client::FxRate::fromJson(parse(R"({"id": 1, "currency": "USD", "rate": "7.1",
        "markupPercent": "0", "effectiveRate": "7.1", "source": "manual", "asOf": "yesterday"})"),
                                      &why));
    QCOMPARE(why, QStringLiteral("asOf is not an RFC 3339 time"));
}

void TstPricingModels::ruleSetVersionsModel()
{
    models::RuleSetVersionsModel model{client::PricingApi(nullptr)};
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<client::RuleSetVersion> versions;
    for (const char *json :
         {R"({"version": 3, "effectiveAt": "2027-01-01T00:00:00.000Z", "inForce": false,
              "publishedBy": "ops", "publishedAt": "2026-11-25T09:00:00.000Z", "note": "new year"})",
          R"({"version": 2, "effectiveAt": "2026-11-01T00:00:00.000Z", "inForce": true,
              "publishedBy": "admin", "publishedAt": "2026-10-30T09:00:00.000Z", "note": ""})"}) {
        QString why;
        const auto v = client::RuleSetVersion::fromJson(parse(json), &why);
        QVERIFY2(v, qPrintable(why));
        versions << *v;
    }
    model.setVersions(versions);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.versionInForce(), 2);
    QCOMPARE(model.index(0, 0).data(models::IdRole).toLongLong(), 3);
    QCOMPARE(model.index(1, models::RuleSetVersionsModel::InForceColumn)
                 .data(Qt::CheckStateRole)
                 .toInt(),
             int(Qt::Checked));
    QCOMPARE(text(model, 0, models::RuleSetVersionsModel::NoteColumn), QStringLiteral("new year"));
    QCOMPARE(model.index(0, models::RuleSetVersionsModel::EffectiveAtColumn)
                 .data(models::RawRole)
                 .toDateTime(),
             QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC));
}

void TstPricingModels::simulationParses()
{
    QJsonObject json{{QStringLiteral("published"), parse(kPublishedQuote)},
                     {QStringLiteral("draft"), QJsonValue(QJsonValue::Null)}};
    json.insert(QStringLiteral("difference"),
                QJsonArray{QJsonObject{
                    {QStringLiteral("kind"), QStringLiteral("goods")},
                    {QStringLiteral("published"), Money(28907, Currency::cny()).toJson()},
                    {QStringLiteral("draft"), QJsonValue(QJsonValue::Null)},
                    {QStringLiteral("delta"), QJsonValue(QJsonValue::Null)}}});
    json.insert(QStringLiteral("sweep"),
                QJsonArray{QJsonObject{
                    {QStringLiteral("weightG"), 500},
                    {QStringLiteral("published"), Money(40000, Currency::cny()).toJson()},
                    {QStringLiteral("draft"), QJsonValue(QJsonValue::Null)}}});
    QString why;
    const std::optional<client::Simulation> s = client::Simulation::fromJson(json, &why);
    QVERIFY2(s, qPrintable(why));
    QVERIFY(s->draft.isEmpty());
    QCOMPARE(s->difference.size(), 1);
    QCOMPARE(s->difference.at(0).published, Money(28907, Currency::cny()));
    QVERIFY(!s->difference.at(0).draft);
    QCOMPARE(s->sweep.size(), 1);
    QCOMPARE(s->sweep.at(0).weightG, 500);
    QCOMPARE(s->sweep.at(0).published, Money(40000, Currency::cny()));
    QVERIFY(!s->sweep.at(0).draft);
    QVERIFY(!client::Simulation::fromJson(QJsonObject(), &why));
}

void TstPricingModels::auditModelPagesThroughLoader()
{
    // Two pages answered later, as a server would; the cursor of the first leads to the second.
    QStringList cursorsAsked;
    models::AuditModel model([&](const client::AuditQuery &query, QObject *context,
                                 client::ApiClient::Callback<Page<AuditEntry>> done) {
        cursorsAsked << query.cursor;
        Page<AuditEntry> page;
        const int first = query.cursor.isEmpty() ? 10 : 5;
        for (int id = first; id > first - 5; --id) {
            AuditEntry e;
            e.id = id;
            e.action = QStringLiteral("pricing.draft_saved");
            page.items << e;
        }
        page.nextCursor = query.cursor.isEmpty() ? QStringLiteral("6") : QString();
        QTimer::singleShot(0, context, [done, page] { done(page); });
    });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    QTRY_COMPARE(model.rowCount(), 5);
    QTRY_VERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QTRY_COMPARE(model.rowCount(), 10);
    QTRY_VERIFY(!model.isLoading());
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(cursorsAsked, QStringList({QString(), QStringLiteral("6")}));
    QCOMPARE(model.entryAt(9).id, 1);
}

namespace {

// The Simulation tab's sample cart as its request body, with a name.
const char *kSampleCart = R"({
  "name": "Beauty from the US",
  "lines": [
    {"site": "amazon.com", "price": {"minor": 1999, "currency": "USD"}, "quantity": 2,
     "weightG": 450, "lengthMm": 200, "widthMm": 150, "heightMm": 80, "category": "beauty"},
    {"site": "amazon.co.jp", "price": {"minor": 1500, "currency": "JPY"}, "quantity": 1,
     "weightG": 300}
  ],
  "destination": "CN",
  "coupons": ["WELCOME10"],
  "firstOrder": true
})";

models::SampleCart cartNamed(const QString &name, qint64 weightG)
{
    models::SampleCart cart;
    cart.name = name;
    models::SampleCartLine line;
    line.site = QStringLiteral("zalando.de");
    line.price = Money(4990, *Currency::fromCode(u"EUR"));
    line.weightG = weightG;
    cart.lines = {line};
    cart.destination = QStringLiteral("CN");
    return cart;
}

} // namespace

void TstPricingModels::sampleCartReadsARequest()
{
    const std::optional<models::SampleCart> cart = models::SampleCart::fromJson(parse(kSampleCart));
    QVERIFY(cart);
    QCOMPARE(cart->name, QStringLiteral("Beauty from the US"));
    QCOMPARE(cart->lines.size(), 2);
    const models::SampleCartLine &first = cart->lines.at(0);
    QCOMPARE(first.site, QStringLiteral("amazon.com"));
    QCOMPARE(first.price, Money(1999, *Currency::fromCode(u"USD")));
    QCOMPARE(first.quantity, 2);
    QCOMPARE(first.weightG, 450);
    QCOMPARE(first.lengthMm, 200);
    QCOMPARE(first.widthMm, 150);
    QCOMPARE(first.heightMm, 80);
    QCOMPARE(first.category, QStringLiteral("beauty"));
    // Dimensions and category left out: 0 and empty.
    const models::SampleCartLine &second = cart->lines.at(1);
    QCOMPARE(second.price, Money(1500, *Currency::fromCode(u"JPY")));
    QCOMPARE(second.lengthMm, 0);
    QCOMPARE(second.category, QString());
    QCOMPARE(cart->coupons, QStringList{QStringLiteral("WELCOME10")});
    QCOMPARE(cart->destination, QStringLiteral("CN"));
    QVERIFY(cart->firstOrder);

    // Written and read again it is the same cart, and the written form is a request body: the
    // line without a category has none, not an empty one.
    const QJsonObject json = cart->toJson();
    QCOMPARE(models::SampleCart::fromJson(json), cart);
    const QJsonObject written = json.value(QStringLiteral("lines")).toArray().at(1).toObject();
    QVERIFY(!written.contains(QStringLiteral("category")));
    QCOMPARE(written.value(QStringLiteral("price")).toObject(),
             parse(R"({"minor": 1500, "currency": "JPY"})"));
}

void TstPricingModels::sampleCartRefusesWrongFields_data()
{
    QTest::addColumn<QString>("path"); // "name", or "lines[0].quantity" and the like
    QTest::addColumn<QJsonValue>("value");

    QTest::newRow("no name") << "name" << QJsonValue();
    QTest::newRow("blank name") << "name" << QJsonValue(QStringLiteral("   "));
    QTest::newRow("name of 61") << "name" << QJsonValue(QString(61, QLatin1Char('x')));
    QTest::newRow("name a number") << "name" << QJsonValue(7);
    QTest::newRow("no lines") << "lines" << QJsonValue(QJsonArray());
    QTest::newRow("lines an object") << "lines" << QJsonValue(QJsonObject());
    QTest::newRow("line a string") << "lines[0]" << QJsonValue(QStringLiteral("amazon.com"));
    QTest::newRow("no site") << "lines[0].site" << QJsonValue();
    QTest::newRow("negative price")
        << "lines[0].price" << QJsonValue(parse(R"({"minor": -1, "currency": "USD"})"));
    QTest::newRow("unknown currency")
        << "lines[0].price" << QJsonValue(parse(R"({"minor": 100, "currency": "XXX"})"));
    QTest::newRow("price a number") << "lines[0].price" << QJsonValue(19.99);
    QTest::newRow("quantity 0") << "lines[0].quantity" << QJsonValue(0);
    QTest::newRow("quantity 1000") << "lines[0].quantity" << QJsonValue(1000);
    QTest::newRow("quantity 1.5") << "lines[0].quantity" << QJsonValue(1.5);
    QTest::newRow("no quantity") << "lines[0].quantity" << QJsonValue();
    QTest::newRow("weight text") << "lines[0].weightG" << QJsonValue(QStringLiteral("450"));
    QTest::newRow("weight past a tonne") << "lines[0].weightG" << QJsonValue(1000001);
    QTest::newRow("negative length") << "lines[0].lengthMm" << QJsonValue(-1);
    QTest::newRow("category a number") << "lines[0].category" << QJsonValue(3);
    QTest::newRow("coupons a string") << "coupons" << QJsonValue(QStringLiteral("WELCOME10"));
    QTest::newRow("blank coupon") << "coupons" << QJsonValue(QJsonArray{QStringLiteral(" ")});
    QTest::newRow("destination a number") << "destination" << QJsonValue(86);
    QTest::newRow("first order text") << "firstOrder" << QJsonValue(QStringLiteral("yes"));
}

void TstPricingModels::sampleCartRefusesWrongFields()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    // The sample cart with one field replaced (an undefined value: taken out).
    auto put = [&value](QJsonObject o, const QString &key) {
        if (value.isUndefined() || value.isNull())
            o.remove(key);
        else
            o.insert(key, value);
        return o;
    };
    QJsonObject json = parse(kSampleCart);
    QVERIFY(models::SampleCart::fromJson(json)); // whole, it reads
    if (path.startsWith(u"lines[0]")) {
        QJsonArray lines = json.value(QStringLiteral("lines")).toArray();
        if (path == u"lines[0]")
            lines.replace(0, value);
        else
            lines.replace(0, put(lines.at(0).toObject(), path.section(QLatin1Char('.'), 1)));
        json.insert(QStringLiteral("lines"), lines);
    } else {
        json = put(json, path);
    }
    QVERIFY(!models::SampleCart::fromJson(json));
}

void TstPricingModels::sampleCartsSaveOverwriteRemove()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("carts.ini"));
    {
        QSettings settings(file, QSettings::IniFormat);
        models::SampleCarts carts(&settings);
        QCOMPARE(carts.list(), QList<models::SampleCart>());
        QVERIFY(!carts.load(QStringLiteral("Beauty from the US")));

        const models::SampleCart beauty = *models::SampleCart::fromJson(parse(kSampleCart));
        QVERIFY(carts.save(beauty));
        QVERIFY(carts.save(cartNamed(QStringLiteral("  a heavy coat "), 1800)));
        // Sorted by name whatever the case; the name is kept trimmed.
        QCOMPARE(carts.names(), QStringList({QStringLiteral("a heavy coat"),
                                             QStringLiteral("Beauty from the US")}));
        QCOMPARE(carts.load(QStringLiteral("Beauty from the US")), beauty);
        QVERIFY(carts.contains(QStringLiteral("a heavy coat ")));

        // The same name replaces: still two carts, the coat now 2500 g.
        QVERIFY(carts.save(cartNamed(QStringLiteral("a heavy coat"), 2500)));
        QCOMPARE(carts.list().size(), 2);
        QCOMPARE(carts.load(QStringLiteral("a heavy coat"))->lines.at(0).weightG, 2500);

        // A cart that would not read back is not written.
        models::SampleCart empty = cartNamed(QStringLiteral("empty"), 100);
        empty.lines.clear();
        QVERIFY(!carts.save(empty));
        QVERIFY(!carts.save(cartNamed(QString(), 100)));
        QCOMPARE(carts.list().size(), 2);
    }
    {
        // Another QSettings on the file: it was written, as one JSON text.
        QSettings settings(file, QSettings::IniFormat);
        QCOMPARE(settings.value(models::SampleCarts::key()).typeId(), int(QMetaType::QString));
        const QJsonDocument stored =
            QJsonDocument::fromJson(settings.value(models::SampleCarts::key()).toString().toUtf8());
        QVERIFY(stored.isArray());
        QCOMPARE(stored.array().size(), 2);
        models::SampleCarts carts(&settings);
        QCOMPARE(carts.load(QStringLiteral("a heavy coat"))->lines.at(0).price.toString(),
                 QStringLiteral("49.90"));
        QVERIFY(carts.remove(QStringLiteral("a heavy coat")));
        QVERIFY(!carts.remove(QStringLiteral("a heavy coat")));
        QCOMPARE(carts.names(), QStringList{QStringLiteral("Beauty from the US")});
        QVERIFY(carts.remove(QStringLiteral("Beauty from the US")));
        QCOMPARE(carts.names(), QStringList());
    }
}

void TstPricingModels::sampleCartsSurviveACorruptValue_data()
{
    QTest::addColumn<QVariant>("stored");
    QTest::addColumn<QStringList>("names"); // what still reads

    const QString good = QString::fromUtf8(
        QJsonDocument(QJsonArray{cartNamed(QStringLiteral("coat"), 1800).toJson()})
            .toJson(QJsonDocument::Compact));
    QTest::newRow("not JSON") << QVariant(QStringLiteral("[{\"name\": ")) << QStringList();
    QTest::newRow("an object") << QVariant(QStringLiteral("{\"name\": \"coat\"}")) << QStringList();
    QTest::newRow("a number") << QVariant(42) << QStringList();
    QTest::newRow("a list") << QVariant(QStringList{good, good}) << QStringList();
    QTest::newRow("an entry not a cart")
        << QVariant(QStringLiteral("[7, {\"name\": \"no lines\"}, ") + good.mid(1))
        << QStringList{QStringLiteral("coat")};
    // Two of one name (by hand): the first one is the one there is.
    QString twice = good;
    twice.insert(twice.size() - 1,
                 QLatin1Char(',') +
                     QString::fromUtf8(QJsonDocument(cartNamed(QStringLiteral("coat"), 99).toJson())
                                           .toJson(QJsonDocument::Compact)));
    QTest::newRow("a name twice") << QVariant(twice) << QStringList{QStringLiteral("coat")};
}

void TstPricingModels::sampleCartsSurviveACorruptValue()
{
    QFETCH(QVariant, stored);
    QFETCH(QStringList, names);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings settings(dir.filePath(QStringLiteral("carts.ini")), QSettings::IniFormat);
    settings.setValue(models::SampleCarts::key(), stored);
    models::SampleCarts carts(&settings);
    QCOMPARE(carts.names(), names);
    if (!names.isEmpty())
        QCOMPARE(carts.load(names.first())->lines.at(0).weightG, 1800);
    QVERIFY(!carts.load(QStringLiteral("no lines")));
    QVERIFY(!carts.remove(QStringLiteral("no lines")));

    // Saving writes a clean value: what could be read, and the new cart.
    QVERIFY(carts.save(cartNamed(QStringLiteral("shoes"), 900)));
    QStringList expected = names;
    expected << QStringLiteral("shoes");
    QCOMPARE(carts.names(), expected);
    const QJsonDocument written =
        QJsonDocument::fromJson(settings.value(models::SampleCarts::key()).toString().toUtf8());
    QCOMPARE(written.array().size(), expected.size());
}

QTEST_MAIN(TstPricingModels)
#include "tst_pricingmodels.moc"
