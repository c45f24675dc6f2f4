// Exact money: currencies, parsing and formatting, checked arithmetic, decimals, conversion
// and percentages with explicit rounding, and the JSON wire form.
#include "core/currency.h"
#include "core/decimal.h"
#include "core/money.h"

#include <QJsonDocument>
#include <QTest>

#include <limits>

using namespace haitao;

namespace {

constexpr qint64 kMin = std::numeric_limits<qint64>::min();
constexpr qint64 kMax = std::numeric_limits<qint64>::max();

Currency currency(const QString &code)
{
    const auto c = Currency::fromCode(code);
    if (!c)
        qFatal("test data names an unknown currency");
    return *c;
}

Money money(const QString &amount, const QString &code)
{
    const auto m = Money::parse(amount, code);
    if (!m)
        qFatal("test data has a bad amount: %s", qPrintable(m.error().message));
    return *m;
}

Decimal decimal(const QString &text)
{
    const auto d = Decimal::parse(text);
    if (!d)
        qFatal("test data has a bad decimal: %s", qPrintable(d.error().message));
    return *d;
}

// "142.40 CNY", or "error <kind>: message", so that a failed QCOMPARE shows both sides.
QString show(const MoneyResult<Money> &r)
{
    if (!r)
        return QStringLiteral("error %1: %2").arg(int(r.error().kind)).arg(r.error().message);
    return r->toString() + u' ' + r->currency().code();
}

// "7.1234", or "error overflow" / "error invalid-rate" (any other kind shows its number).
QString showDecimal(const MoneyResult<Decimal> &r)
{
    if (r)
        return r->toString();
    switch (r.error().kind) {
    case MoneyErrorKind::Overflow:
        return QStringLiteral("error overflow");
    case MoneyErrorKind::InvalidRate:
        return QStringLiteral("error invalid-rate");
    default:
        return QStringLiteral("error %1: %2").arg(int(r.error().kind)).arg(r.error().message);
    }
}

} // namespace

Q_DECLARE_METATYPE(MoneyErrorKind)

class TstMoney : public QObject
{
    Q_OBJECT

private slots:
    void currencyTable_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("exponent");
        const std::pair<const char *, int> rows[] = {
            {"CNY", 2}, {"USD", 2}, {"EUR", 2}, {"GBP", 2}, {"AUD", 2}, {"CAD", 2}, {"HKD", 2},
            {"CHF", 2}, {"SGD", 2}, {"NZD", 2}, {"JPY", 0}, {"KRW", 0}, {"TWD", 2}, {"THB", 2},
        };
        for (const auto &[code, exponent] : rows)
            QTest::newRow(code) << QString::fromLatin1(code) << exponent;
    }

    void currencyTable()
    {
        QFETCH(QString, code);
        QFETCH(int, exponent);
        const auto c = Currency::fromCode(code);
        QVERIFY(c);
        QCOMPARE(c->code(), code);
        QCOMPARE(c->exponent(), exponent);
        QVERIFY(Currency::all().contains(*c));
    }

    void unknownCurrenciesAreRefused()
    {
        QCOMPARE(Currency::all().size(), 14);
        for (const char *code : {"XXX", "BTC", "usd", "Usd", "US", "USDD", "", " USD"})
            QVERIFY2(!Currency::fromCode(QString::fromLatin1(code)), code);
    }

    void parseAndFormat_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<QString>("formatted"); // toString(), which parses back to `minor`

        QTest::newRow("usd cents") << "USD"
                                   << "19.99" << qint64(1999) << "19.99";
        QTest::newRow("usd negative half") << "USD"
                                           << "-0.5" << qint64(-50) << "-0.50";
        QTest::newRow("usd whole") << "USD"
                                   << "1234" << qint64(123400) << "1234.00";
        QTest::newRow("usd one digit") << "USD"
                                       << "19.9" << qint64(1990) << "19.90";
        QTest::newRow("usd one cent") << "USD"
                                      << "0.01" << qint64(1) << "0.01";
        QTest::newRow("usd minus one cent") << "USD"
                                            << "-0.01" << qint64(-1) << "-0.01";
        QTest::newRow("usd zero") << "USD"
                                  << "0" << qint64(0) << "0.00";
        QTest::newRow("usd minus zero") << "USD"
                                        << "-0.00" << qint64(0) << "0.00";
        QTest::newRow("usd leading zeros") << "USD"
                                           << "007.5" << qint64(750) << "7.50";
        QTest::newRow("cny") << "CNY"
                             << "142.40" << qint64(14240) << "142.40";
        QTest::newRow("jpy") << "JPY"
                             << "1500" << qint64(1500) << "1500";
        QTest::newRow("jpy negative") << "JPY"
                                      << "-3" << qint64(-3) << "-3";
        QTest::newRow("krw") << "KRW"
                             << "19124" << qint64(19124) << "19124";
        QTest::newRow("usd max") << "USD"
                                 << "92233720368547758.07" << kMax << "92233720368547758.07";
        QTest::newRow("usd min") << "USD"
                                 << "-92233720368547758.08" << kMin << "-92233720368547758.08";
        QTest::newRow("jpy max") << "JPY"
                                 << "9223372036854775807" << kMax << "9223372036854775807";
        QTest::newRow("jpy min") << "JPY"
                                 << "-9223372036854775808" << kMin << "-9223372036854775808";
    }

    void parseAndFormat()
    {
        QFETCH(QString, code);
        QFETCH(QString, text);
        QFETCH(qint64, minor);
        QFETCH(QString, formatted);
        const auto parsed = Money::parse(text, code);
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
        QCOMPARE(parsed->minor(), minor);
        QCOMPARE(parsed->currency(), currency(code));
        QCOMPARE(parsed->toString(), formatted);
        // And back: formatting is the inverse of parsing.
        const Money fromMinor(minor, currency(code));
        QCOMPARE(fromMinor.toString(), formatted);
        QCOMPARE(Money::parse(formatted, code).value(), fromMinor);
    }

    void parseRefusals_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("text");
        QTest::addColumn<MoneyErrorKind>("kind");

        const auto bad = MoneyErrorKind::InvalidText;
        QTest::newRow("grouping") << "USD"
                                  << "1,234.50" << bad;
        QTest::newRow("decimal comma") << "EUR"
                                       << "19,99" << bad;
        QTest::newRow("empty") << "USD"
                               << "" << bad;
        QTest::newRow("minus only") << "USD"
                                    << "-" << bad;
        QTest::newRow("words") << "USD"
                               << "abc" << bad;
        QTest::newRow("two points") << "USD"
                                    << "1.2.3" << bad;
        QTest::newRow("no integer part") << "USD"
                                         << ".5" << bad;
        QTest::newRow("no fraction after point") << "USD"
                                                 << "5." << bad;
        QTest::newRow("plus sign") << "USD"
                                   << "+5" << bad;
        QTest::newRow("double minus") << "USD"
                                      << "--5" << bad;
        QTest::newRow("leading space") << "USD"
                                       << " 5" << bad;
        QTest::newRow("trailing space") << "USD"
                                        << "5 " << bad;
        QTest::newRow("code in text") << "USD"
                                      << "5 USD" << bad;
        QTest::newRow("exponent") << "USD"
                                  << "1e3" << bad;
        QTest::newRow("arabic-indic digits") << "USD" << QStringLiteral("\u0661\u0662") << bad;
        QTest::newRow("fullwidth digits") << "CNY" << QStringLiteral("\uFF11\uFF12") << bad;

        const auto decimals = MoneyErrorKind::TooManyDecimals;
        QTest::newRow("19.999 USD") << "USD"
                                    << "19.999" << decimals;
        QTest::newRow("5.5 JPY") << "JPY"
                                 << "5.5" << decimals;
        QTest::newRow("5.0 JPY") << "JPY"
                                 << "5.0" << decimals; // digits count, not value
        QTest::newRow("1.000 CNY") << "CNY"
                                   << "1.000" << decimals;

        const auto overflow = MoneyErrorKind::Overflow;
        QTest::newRow("usd max + 1 cent") << "USD"
                                          << "92233720368547758.08" << overflow;
        QTest::newRow("usd min - 1 cent") << "USD"
                                          << "-92233720368547758.09" << overflow;
        QTest::newRow("jpy max + 1") << "JPY"
                                     << "9223372036854775808" << overflow;
        QTest::newRow("beyond 64 bits") << "JPY"
                                        << "123456789012345678901234567890" << overflow;

        QTest::newRow("unknown currency") << "XYZ"
                                          << "1.00" << MoneyErrorKind::UnknownCurrency;
        QTest::newRow("lower-case code") << "usd"
                                         << "1.00" << MoneyErrorKind::UnknownCurrency;
    }

    void parseRefusals()
    {
        QFETCH(QString, code);
        QFETCH(QString, text);
        QFETCH(MoneyErrorKind, kind);
        const auto parsed = Money::parse(text, code);
        QVERIFY2(!parsed, qPrintable(show(parsed)));
        QCOMPARE(parsed.error().kind, kind);
        QVERIFY(!parsed.error().message.isEmpty());
    }

    void tooManyDecimalsSaysWhy()
    {
        const auto usd = Money::parse(u"19.999", u"USD");
        QVERIFY(!usd);
        QCOMPARE(usd.error().message,
                 QStringLiteral("\"19.999\" has 3 fraction digits but USD allows at most 2"));
        const auto jpy = Money::parse(u"5.5", u"JPY");
        QVERIFY(!jpy);
        QCOMPARE(jpy.error().message,
                 QStringLiteral("\"5.5\" has 1 fraction digits but JPY allows at most 0"));
    }

    void arithmetic()
    {
        const Money a = money(QStringLiteral("19.99"), QStringLiteral("USD"));
        const Money b = money(QStringLiteral("0.01"), QStringLiteral("USD"));
        QCOMPARE(show(a.add(b)), QStringLiteral("20.00 USD"));
        QCOMPARE(show(b.subtract(a)), QStringLiteral("-19.98 USD"));
        QCOMPARE(show(a.negated()), QStringLiteral("-19.99 USD"));
        QCOMPARE(show(a.multiplied(3)), QStringLiteral("59.97 USD"));
        QCOMPARE(show(a.multiplied(-2)), QStringLiteral("-39.98 USD"));
        QCOMPARE(show(a.multiplied(0)), QStringLiteral("0.00 USD"));
        QCOMPARE(a.compare(b).value(), std::strong_ordering::greater);
        QCOMPARE(b.compare(a).value(), std::strong_ordering::less);
        QCOMPARE(a.compare(a).value(), std::strong_ordering::equal);
        QVERIFY(Money::zero(currency(QStringLiteral("JPY"))).isZero());
        QVERIFY(a.negated()->isNegative());
    }

    void currencyMismatchIsAnError()
    {
        const Money usd = money(QStringLiteral("1.00"), QStringLiteral("USD"));
        const Money cny = money(QStringLiteral("1.00"), QStringLiteral("CNY"));
        for (const auto &r : {usd.add(cny), usd.subtract(cny), cny.add(usd)}) {
            QVERIFY(!r);
            QCOMPARE(r.error().kind, MoneyErrorKind::CurrencyMismatch);
        }
        const auto ordering = usd.compare(cny);
        QVERIFY(!ordering);
        QCOMPARE(ordering.error().kind, MoneyErrorKind::CurrencyMismatch);
        QCOMPARE(usd.add(cny).error().message,
                 QStringLiteral("cannot add 1.00 USD and 1.00 CNY: different currencies"));
        // The same number of minor units in another currency is a different amount.
        QVERIFY(usd != cny);
    }

    void overflowAtTheEdges_data()
    {
        QTest::addColumn<QString>("op");
        QTest::addColumn<qint64>("a");
        QTest::addColumn<qint64>("b");
        QTest::addColumn<bool>("fits");
        QTest::addColumn<qint64>("expected");

        QTest::newRow("max + 1") << "add" << kMax << qint64(1) << false << qint64(0);
        QTest::newRow("max + max") << "add" << kMax << kMax << false << qint64(0);
        QTest::newRow("max + 0") << "add" << kMax << qint64(0) << true << kMax;
        QTest::newRow("min + -1") << "add" << kMin << qint64(-1) << false << qint64(0);
        QTest::newRow("min + min") << "add" << kMin << kMin << false << qint64(0);
        QTest::newRow("min + max") << "add" << kMin << kMax << true << qint64(-1);
        QTest::newRow("max - -1") << "subtract" << kMax << qint64(-1) << false << qint64(0);
        QTest::newRow("min - 1") << "subtract" << kMin << qint64(1) << false << qint64(0);
        QTest::newRow("0 - min") << "subtract" << qint64(0) << kMin << false << qint64(0);
        QTest::newRow("-1 - min") << "subtract" << qint64(-1) << kMin << true << kMax;
        QTest::newRow("min - min") << "subtract" << kMin << kMin << true << qint64(0);
        QTest::newRow("-min") << "negate" << kMin << qint64(0) << false << qint64(0);
        QTest::newRow("-max") << "negate" << kMax << qint64(0) << true << -kMax;
        QTest::newRow("max * 2") << "multiply" << kMax << qint64(2) << false << qint64(0);
        QTest::newRow("max * max") << "multiply" << kMax << kMax << false << qint64(0);
        QTest::newRow("min * -1") << "multiply" << kMin << qint64(-1) << false << qint64(0);
        QTest::newRow("min * min") << "multiply" << kMin << kMin << false << qint64(0);
        QTest::newRow("max * -1") << "multiply" << kMax << qint64(-1) << true << -kMax;
        QTest::newRow("min/2 * 2") << "multiply" << kMin / 2 << qint64(2) << true << kMin;
        QTest::newRow("max/2 * 2") << "multiply" << kMax / 2 << qint64(2) << true << kMax - 1;
        QTest::newRow("2^32 * 2^31")
            << "multiply" << (qint64(1) << 32) << (qint64(1) << 31) << false << qint64(0);
        QTest::newRow("-2^32 * 2^31")
            << "multiply" << -(qint64(1) << 32) << (qint64(1) << 31) << true << kMin;
    }

    void overflowAtTheEdges()
    {
        QFETCH(QString, op);
        QFETCH(qint64, a);
        QFETCH(qint64, b);
        QFETCH(bool, fits);
        QFETCH(qint64, expected);
        const Currency jpy = currency(QStringLiteral("JPY"));
        const Money x(a, jpy);
        const Money y(b, jpy);
        const MoneyResult<Money> r = op == u"add"        ? x.add(y)
                                     : op == u"subtract" ? x.subtract(y)
                                     : op == u"negate"   ? x.negated()
                                                         : x.multiplied(b);
        QCOMPARE(bool(r), fits);
        if (fits)
            QCOMPARE(r->minor(), expected);
        else
            QCOMPARE(r.error().kind, MoneyErrorKind::Overflow);
    }

    void decimalParseAndFormat_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("mantissa");
        QTest::addColumn<int>("scale");
        QTest::addColumn<QString>("formatted");

        QTest::newRow("rate") << "7.12345678" << qint64(712345678) << 8 << "7.12345678";
        QTest::newRow("small rate") << "0.035" << qint64(35) << 3 << "0.035";
        QTest::newRow("negative") << "-0.5" << qint64(-5) << 1 << "-0.5";
        QTest::newRow("integer") << "100" << qint64(100) << 0 << "100";
        QTest::newRow("trailing zeros dropped") << "1.50" << qint64(15) << 1 << "1.5";
        QTest::newRow("zero with fraction") << "0.000" << qint64(0) << 0 << "0";
        QTest::newRow("minus zero") << "-0" << qint64(0) << 0 << "0";
        QTest::newRow("18 digits")
            << "123456789.012345678" << qint64(123456789012345678) << 9 << "123456789.012345678";
        QTest::newRow("finest") << "0.000000000000000001" << qint64(1) << 18
                                << "0.000000000000000001";
        QTest::newRow("zeros past the finest")
            << "0.00000000000000000100000" << qint64(1) << 18 << "0.000000000000000001";
        QTest::newRow("max") << "9223372036854775807" << kMax << 0 << "9223372036854775807";
        QTest::newRow("min") << "-9.223372036854775808" << kMin << 18 << "-9.223372036854775808";
    }

    void decimalParseAndFormat()
    {
        QFETCH(QString, text);
        QFETCH(qint64, mantissa);
        QFETCH(int, scale);
        QFETCH(QString, formatted);
        const auto d = Decimal::parse(text);
        QVERIFY2(d, qPrintable(d ? QString() : d.error().message));
        QCOMPARE(d->mantissa(), mantissa);
        QCOMPARE(d->scale(), scale);
        QCOMPARE(d->toString(), formatted);
        QCOMPARE(Decimal::parse(formatted).value(), *d);
        QCOMPARE(Decimal::fromParts(mantissa, scale).value(), *d);
    }

    void decimalRefusals_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<MoneyErrorKind>("kind");
        QTest::newRow("empty") << "" << MoneyErrorKind::InvalidText;
        QTest::newRow("comma") << "7,1234" << MoneyErrorKind::InvalidText;
        QTest::newRow("exponent") << "1e-3" << MoneyErrorKind::InvalidText;
        QTest::newRow("percent sign") << "6.5%" << MoneyErrorKind::InvalidText;
        QTest::newRow("no integer part") << ".5" << MoneyErrorKind::InvalidText;
        QTest::newRow("words") << "NaN" << MoneyErrorKind::InvalidText;
        QTest::newRow("19 fraction digits")
            << "0.0000000000000000001" << MoneyErrorKind::TooManyDecimals;
        QTest::newRow("above max") << "9223372036854775808" << MoneyErrorKind::Overflow;
        QTest::newRow("20 significant digits")
            << "12.345678901234567891" << MoneyErrorKind::Overflow;
    }

    void decimalRefusals()
    {
        QFETCH(QString, text);
        QFETCH(MoneyErrorKind, kind);
        const auto d = Decimal::parse(text);
        QVERIFY(!d);
        QCOMPARE(d.error().kind, kind);
        QVERIFY(!Decimal::fromParts(1, -1));
        QVERIFY(!Decimal::fromParts(1, Decimal::MaxScale + 1));
    }

    void decimalComparisons()
    {
        QCOMPARE(decimal(QStringLiteral("1.5")), decimal(QStringLiteral("1.50")));
        QCOMPARE(Decimal::fromParts(1500, 3).value(), decimal(QStringLiteral("1.5")));
        QCOMPARE(Decimal(), Decimal::fromInteger(0));
        QVERIFY(decimal(QStringLiteral("0.035")) < decimal(QStringLiteral("0.04")));
        QVERIFY(decimal(QStringLiteral("7.12345678")) > decimal(QStringLiteral("7.1234567")));
        QVERIFY(decimal(QStringLiteral("-0.5")) < Decimal());
        QVERIFY(decimal(QStringLiteral("-1")) < decimal(QStringLiteral("-0.5")));
        QVERIFY(decimal(QStringLiteral("-0.000000000000000001")) > Decimal::fromInteger(kMin));
        // Scales 0 and 18 at the ends of the mantissa range: compared exactly in 128 bits.
        QVERIFY(Decimal::fromInteger(kMax) > decimal(QStringLiteral("9.223372036854775807")));
        QVERIFY(decimal(QStringLiteral("0.999999999999999999")) < Decimal::fromInteger(1));
        QVERIFY(decimal(QStringLiteral("-0.999999999999999999")) > Decimal::fromInteger(-1));
        QVERIFY(decimal(QStringLiteral("9.223372036854775807")) >=
                decimal(QStringLiteral("9.223372036854775807")));
        QVERIFY(decimal(QStringLiteral("2")) != decimal(QStringLiteral("0.2")));
    }

    void decimalMultiplied_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<QString>("halfUp");   // expected result, or "error <kind>"
        QTest::addColumn<QString>("halfEven"); // the same under Rounding::HalfEven

        // Exact products: the rounding mode does not matter.
        QTest::newRow("integer") << "1.5"
                                 << "2"
                                 << "3"
                                 << "3";
        // 5 * 2 = 10 at scale 2: 0.10, canonical 0.1.
        QTest::newRow("canonical") << "0.5"
                                   << "0.2"
                                   << "0.1"
                                   << "0.1";
        // 71234 * 1035 = 71234000 + 2493190 = 73727190 at scale 4 + 3: 7.3727190.
        QTest::newRow("rate times markup") << "7.1234"
                                           << "1.035"
                                           << "7.372719"
                                           << "7.372719";
        QTest::newRow("negative") << "-1.25"
                                  << "4"
                                  << "-5"
                                  << "-5";
        QTest::newRow("two negatives") << "-0.3"
                                       << "-0.3"
                                       << "0.09"
                                       << "0.09";
        QTest::newRow("zero") << "0"
                              << "-5.5"
                              << "0"
                              << "0";
        // 1 * 1 at scale 9 + 9 = 18: exactly the finest step.
        QTest::newRow("scale 18 exact") << "0.000000001"
                                        << "0.000000001"
                                        << "0.000000000000000001"
                                        << "0.000000000000000001";
        // 5e-18 * 2e18: the 128-bit product 10^19 is past qint64 until its zeros go: 10.
        QTest::newRow("fits after stripping zeros") << "0.000000000000000005"
                                                    << "2000000000000000000"
                                                    << "10"
                                                    << "10";
        // 2^62 * -2 = -2^63, the one magnitude that fits only when negative.
        QTest::newRow("INT64_MIN exactly") << "4611686018427387904"
                                           << "-2"
                                           << "-9223372036854775808"
                                           << "-9223372036854775808";
        // 10^9 * 10^9 = 10^18 fits; 10^10 * 10^9 = 10^19 > 2^63 - 1 does not.
        QTest::newRow("10^18") << "1000000000"
                               << "1000000000"
                               << "1000000000000000000"
                               << "1000000000000000000";
        // Past scale 18: one rounding from the first dropped digit.
        // 25 * 1 at scale 10 + 9 = 19: 2.5e-18, a tie: away from zero 3e-18, to even 2e-18.
        QTest::newRow("tie at scale 19") << "0.0000000025"
                                         << "0.000000001"
                                         << "0.000000000000000003"
                                         << "0.000000000000000002";
        QTest::newRow("negative tie at scale 19") << "-0.0000000025"
                                                  << "0.000000001"
                                                  << "-0.000000000000000003"
                                                  << "-0.000000000000000002";
        // 15 at scale 19: 1.5e-18; the even neighbour is 2, so both modes agree.
        QTest::newRow("tie to even upward") << "0.0000000015"
                                            << "0.000000001"
                                            << "0.000000000000000002"
                                            << "0.000000000000000002";
        // 2501 at scale 12 + 9 = 21: 2.501e-18, the digits after the 5 make it no tie.
        QTest::newRow("just above a tie") << "0.000000002501"
                                          << "0.000000001"
                                          << "0.000000000000000003"
                                          << "0.000000000000000003";
        // 25 at scale 10 + 10 = 20: 0.25e-18 rounds to zero.
        QTest::newRow("below the finest step") << "0.0000000025"
                                               << "0.0000000001"
                                               << "0"
                                               << "0";
        // 123456789 at scale 9 + 10 = 19: drop the last 9, round up: 12345679e-18.
        QTest::newRow("rounded at scale 18") << "0.123456789"
                                             << "0.0000000001"
                                             << "0.000000000012345679"
                                             << "0.000000000012345679";
        QTest::newRow("overflow 10^19") << "10000000000"
                                        << "1000000000"
                                        << "error overflow"
                                        << "error overflow";
        QTest::newRow("overflow max * 2") << "9223372036854775807"
                                          << "2"
                                          << "error overflow"
                                          << "error overflow";
        QTest::newRow("overflow -min") << "-9223372036854775808"
                                       << "-1"
                                       << "error overflow"
                                       << "error overflow";
        // 9223372036854775807 * 1.000000001 = 9223372045078147843.85...: 19 integer digits
        // but past 2^63.
        QTest::newRow("overflow by a hair") << "9223372036854775807"
                                            << "1.000000001"
                                            << "error overflow"
                                            << "error overflow";
    }

    void decimalMultiplied()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(QString, halfUp);
        QFETCH(QString, halfEven);
        QCOMPARE(showDecimal(decimal(a).multiplied(decimal(b), Rounding::HalfUp)), halfUp);
        QCOMPARE(showDecimal(decimal(a).multiplied(decimal(b), Rounding::HalfEven)), halfEven);
        // Commutative, rounding included.
        QCOMPARE(showDecimal(decimal(b).multiplied(decimal(a), Rounding::HalfUp)), halfUp);
    }

    void decimalDivided_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("digits");
        QTest::addColumn<QString>("halfUp");
        QTest::addColumn<QString>("halfEven");

        QTest::newRow("exact") << "1"
                               << "-0.25" << 5 << "-4"
                               << "-4";
        QTest::newRow("zero dividend") << "0"
                                       << "7" << 5 << "0"
                                       << "0";
        // 0.333...: ten 3s, the next digit 3 rounds down.
        QTest::newRow("one third") << "1"
                                   << "3" << 10 << "0.3333333333"
                                   << "0.3333333333";
        // 0.6666|6...: rounds up in both modes.
        QTest::newRow("two thirds") << "2"
                                    << "3" << 4 << "0.6667"
                                    << "0.6667";
        QTest::newRow("negative two thirds") << "-2"
                                             << "3" << 4 << "-0.6667"
                                             << "-0.6667";
        // 1/7 = 0.142857 142857 142857|142...: 18 digits at scale 18, next digit 1.
        QTest::newRow("one seventh") << "1"
                                     << "7" << 18 << "0.142857142857142857"
                                     << "0.142857142857142857";
        // 1.0512 * 7 = 7.3584; 0.2418 / 1.0512 = 0.230022831|05...: the ECB cross rate shape.
        QTest::newRow("cross rate") << "7.6002"
                                    << "1.0512" << 10 << "7.230022831"
                                    << "7.230022831";
        // Ties: 10 / 4 = 2.5 at one digit: away 3, even 2; 35 / 10 = 3.5: 4 either way.
        QTest::newRow("tie 2.5") << "10"
                                 << "4" << 1 << "3"
                                 << "2";
        QTest::newRow("tie -2.5") << "-10"
                                  << "4" << 1 << "-3"
                                  << "-2";
        QTest::newRow("tie 3.5") << "35"
                                 << "10" << 1 << "4"
                                 << "4";
        QTest::newRow("tie 0.125") << "1"
                                   << "8" << 2 << "0.13"
                                   << "0.12";
        // 1.2500001: the trailing 1 breaks the tie.
        QTest::newRow("not a tie") << "1.2500001"
                                   << "1" << 2 << "1.3"
                                   << "1.3";
        // Significant digits in the integer part: 123456 -> 12|3456 -> 120000.
        QTest::newRow("integer digits") << "123456"
                                        << "1" << 2 << "120000"
                                        << "120000";
        // 1 / 3e-18 = 333333333333333333.3...: 5 digits, then zeros.
        QTest::newRow("large quotient") << "1"
                                        << "0.000000000000000003" << 5 << "333330000000000000"
                                        << "333330000000000000";
        // Scale 18 caps the digits: 0.000333... keeps 15 of the 18 asked for.
        QTest::newRow("scale limit") << "0.001"
                                     << "3" << 18 << "0.000333333333333333"
                                     << "0.000333333333333333";
        QTest::newRow("finest step") << "0.000000001"
                                     << "1000000000" << 5 << "0.000000000000000001"
                                     << "0.000000000000000001";
        // 3.3e-19 rounds to zero at scale 18; 5e-19 is a tie between 0 and 1e-18.
        QTest::newRow("below the finest step") << "0.000000001"
                                               << "3000000000" << 5 << "0"
                                               << "0";
        QTest::newRow("tie at the finest step") << "0.000000002"
                                                << "4000000000" << 5 << "0.000000000000000001"
                                                << "0";
        // 9 * 10^17 / 0.1 = 9 * 10^18 < 2^63 fits; 10^18 / 0.1 = 10^19 does not.
        QTest::newRow("large fits") << "900000000000000000"
                                    << "0.1" << 1 << "9000000000000000000"
                                    << "9000000000000000000";
        QTest::newRow("overflow 10^19") << "1000000000000000000"
                                        << "0.1" << 1 << "error overflow"
                                        << "error overflow";
        // -9223372036854775808 at 18 digits: 922337203685477580|8 rounds up to
        // 9223372036854775810, past qint64; at 3 digits -9220000000000000000 fits.
        QTest::newRow("min at 18 digits") << "-9223372036854775808"
                                          << "1" << 18 << "error overflow"
                                          << "error overflow";
        QTest::newRow("min at 3 digits") << "-9223372036854775808"
                                         << "1" << 3 << "-9220000000000000000"
                                         << "-9220000000000000000";
        QTest::newRow("max by -1") << "9223372036854775807"
                                   << "-1" << 1 << "-9000000000000000000"
                                   << "-9000000000000000000";
        QTest::newRow("by zero") << "1"
                                 << "0" << 5 << "error invalid-rate"
                                 << "error invalid-rate";
        QTest::newRow("zero by zero") << "0"
                                      << "0" << 5 << "error invalid-rate"
                                      << "error invalid-rate";
    }

    void decimalDivided()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, digits);
        QFETCH(QString, halfUp);
        QFETCH(QString, halfEven);
        QCOMPARE(showDecimal(decimal(a).divided(decimal(b), digits, Rounding::HalfUp)), halfUp);
        QCOMPARE(showDecimal(decimal(a).divided(decimal(b), digits, Rounding::HalfEven)), halfEven);
    }

    void decimalAddSubtractNegate_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<QString>("sum");
        QTest::addColumn<QString>("difference");

        QTest::newRow("tenths") << "0.1"
                                << "0.2"
                                << "0.3"
                                << "-0.1";
        // 0.5 + 0.5 = 1.0, canonical 1 at scale 0.
        QTest::newRow("canonical") << "0.5"
                                   << "0.5"
                                   << "1"
                                   << "0";
        QTest::newRow("mixed signs") << "-0.005"
                                     << "0.0025"
                                     << "-0.0025"
                                     << "-0.0075";
        QTest::newRow("larger negative") << "1"
                                         << "-2.5"
                                         << "-1.5"
                                         << "3.5";
        // 9 + 1e-18: mantissa 9000000000000000001 < 2^63 fits at scale 18; with 10 it would
        // need 10000000000000000001.
        QTest::newRow("finest step") << "9"
                                     << "0.000000000000000001"
                                     << "9.000000000000000001"
                                     << "8.999999999999999999";
        QTest::newRow("scale overflow") << "10"
                                        << "0.000000000000000001"
                                        << "error overflow"
                                        << "error overflow";
        QTest::newRow("max + 1") << "9223372036854775807"
                                 << "1"
                                 << "error overflow"
                                 << "9223372036854775806";
        QTest::newRow("down to min") << "-9223372036854775807"
                                     << "-1"
                                     << "-9223372036854775808"
                                     << "-9223372036854775806";
        QTest::newRow("min - 1") << "-9223372036854775808"
                                 << "1"
                                 << "-9223372036854775807"
                                 << "error overflow";
    }

    void decimalAddSubtractNegate()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(QString, sum);
        QFETCH(QString, difference);
        QCOMPARE(showDecimal(decimal(a).added(decimal(b))), sum);
        QCOMPARE(showDecimal(decimal(b).added(decimal(a))), sum);
        QCOMPARE(showDecimal(decimal(a).subtracted(decimal(b))), difference);
    }

    void decimalNegated()
    {
        QCOMPARE(showDecimal(decimal(QStringLiteral("1.5")).negated()), QStringLiteral("-1.5"));
        QCOMPARE(showDecimal(decimal(QStringLiteral("-0.035")).negated()), QStringLiteral("0.035"));
        QCOMPARE(showDecimal(Decimal().negated()), QStringLiteral("0"));
        QCOMPARE(showDecimal(Decimal::fromInteger(kMax).negated()),
                 QStringLiteral("-9223372036854775807"));
        // -INT64_MIN has no qint64 mantissa, at any scale.
        QCOMPARE(showDecimal(Decimal::fromParts(kMin, 18).value().negated()),
                 QStringLiteral("error overflow"));
    }

    void conversion_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("amount");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("rate");
        QTest::addColumn<QString>("halfUp");
        QTest::addColumn<QString>("halfEven");

        // 19.99 * 7.1234 = 142.396766: below the half cent, so 142.40 either way.
        QTest::newRow("usd->cny") << "USD"
                                  << "19.99"
                                  << "CNY"
                                  << "7.1234"
                                  << "142.40"
                                  << "142.40";
        // 1500 * 0.0478 = 71.70 exactly; JPY has no minor unit, CNY two.
        QTest::newRow("jpy->cny") << "JPY"
                                  << "1500"
                                  << "CNY"
                                  << "0.0478"
                                  << "71.70"
                                  << "71.70";
        // 100.00 * 191.23 = 19123 exactly; two digits dropped going to KRW.
        QTest::newRow("cny->krw") << "CNY"
                                  << "100.00"
                                  << "KRW"
                                  << "191.23"
                                  << "19123"
                                  << "19123";
        // 100.00 * 191.245 = 19124.5: a tie; 19124 is even.
        QTest::newRow("cny->krw tie") << "CNY"
                                      << "100.00"
                                      << "KRW"
                                      << "191.245"
                                      << "19125"
                                      << "19124";
        QTest::newRow("cny->krw negative tie") << "CNY"
                                               << "-100.00"
                                               << "KRW"
                                               << "191.245"
                                               << "-19125"
                                               << "-19124";
        // 0.04 * 7.125 = 0.285: tie, 28 even -> HalfEven stays, HalfUp goes away from zero.
        QTest::newRow("usd->cny tie") << "USD"
                                      << "0.04"
                                      << "CNY"
                                      << "7.125"
                                      << "0.29"
                                      << "0.28";
        QTest::newRow("usd->cny negative tie") << "USD"
                                               << "-0.04"
                                               << "CNY"
                                               << "7.125"
                                               << "-0.29"
                                               << "-0.28";
        // 0.12 * 7.125 = 0.855: tie, 85 odd -> both go to 86.
        QTest::newRow("usd->cny odd tie") << "USD"
                                          << "0.12"
                                          << "CNY"
                                          << "7.125"
                                          << "0.86"
                                          << "0.86";
        // 75 * 0.0478 = 3.585: tie, 358 even.
        QTest::newRow("jpy->cny tie") << "JPY"
                                      << "75"
                                      << "CNY"
                                      << "0.0478"
                                      << "3.59"
                                      << "3.58";
        QTest::newRow("jpy->cny negative tie") << "JPY"
                                               << "-75"
                                               << "CNY"
                                               << "0.0478"
                                               << "-3.59"
                                               << "-3.58";
        // 0.285000001 is just above the tie: up in both modes (the sticky digits count).
        QTest::newRow("just above tie") << "USD"
                                        << "0.04"
                                        << "CNY"
                                        << "7.125000025"
                                        << "0.29"
                                        << "0.29";
        // 0.284999999: just below.
        QTest::newRow("just below tie") << "USD"
                                        << "0.04"
                                        << "CNY"
                                        << "7.124999975"
                                        << "0.28"
                                        << "0.28";
        // 0.50 * 21 = 10.5 JPY: tie, 10 even.
        QTest::newRow("cny->jpy tie") << "CNY"
                                      << "0.50"
                                      << "JPY"
                                      << "21"
                                      << "11"
                                      << "10";
        // 1 KRW * 0.000712345678 = 0.000712 USD: rounds to zero.
        QTest::newRow("krw->usd tiny") << "KRW"
                                       << "1"
                                       << "USD"
                                       << "0.000712345678"
                                       << "0.00"
                                       << "0.00";
        // 10,000,000.00 * 7.12345678 = 71,234,567.8 exactly.
        QTest::newRow("ten million usd") << "USD"
                                         << "10000000.00"
                                         << "CNY"
                                         << "7.12345678"
                                         << "71234567.80"
                                         << "71234567.80";
        // 10^14 cents * 712345678 = 7.1e22: the product needs 77 bits, the result does not.
        QTest::newRow("a trillion usd") << "USD"
                                        << "1000000000000.00"
                                        << "CNY"
                                        << "7.12345678"
                                        << "7123456780000.00"
                                        << "7123456780000.00";
        // (2^63 - 1) cents * 0.5: the intermediate 4.6e19 exceeds qint64; the result
        // 4611686018427387903.5 cents is a tie, 903 odd -> 904 either way.
        QTest::newRow("max at 0.5") << "USD"
                                    << "92233720368547758.07"
                                    << "EUR"
                                    << "0.5"
                                    << "46116860184273879.04"
                                    << "46116860184273879.04";
        QTest::newRow("min at 0.5") << "USD"
                                    << "-92233720368547758.08"
                                    << "EUR"
                                    << "0.5"
                                    << "-46116860184273879.04"
                                    << "-46116860184273879.04";
        // A rate with the full 18 fraction digits: 1000 * 0.000000000000000001 JPY.
        QTest::newRow("finest rate") << "JPY"
                                     << "1000"
                                     << "CNY"
                                     << "0.000000000000000001"
                                     << "0.00"
                                     << "0.00";
        QTest::newRow("same currency") << "USD"
                                       << "19.99"
                                       << "USD"
                                       << "1"
                                       << "19.99"
                                       << "19.99";
    }

    void conversion()
    {
        QFETCH(QString, from);
        QFETCH(QString, amount);
        QFETCH(QString, to);
        QFETCH(QString, rate);
        QFETCH(QString, halfUp);
        QFETCH(QString, halfEven);
        const Money m = money(amount, from);
        const Currency target = currency(to);
        const Decimal r = decimal(rate);
        QCOMPARE(show(m.convertedTo(target, r, Rounding::HalfUp)), halfUp + u' ' + to);
        QCOMPARE(show(m.convertedTo(target, r, Rounding::HalfEven)), halfEven + u' ' + to);
    }

    void conversionRefusals()
    {
        const Currency cny = currency(QStringLiteral("CNY"));
        const Currency krw = currency(QStringLiteral("KRW"));
        // (2^63 - 1) cents at 7.1 is ~6.5e19 fen.
        const Money usdMax(kMax, currency(QStringLiteral("USD")));
        auto r = usdMax.convertedTo(cny, decimal(QStringLiteral("7.1")), Rounding::HalfUp);
        QVERIFY(!r);
        QCOMPARE(r.error().kind, MoneyErrorKind::Overflow);
        // JPY -> CNY multiplies by 100 for the exponent: 10^17 yen at rate 1 is 10^19 fen.
        const Money manyYen(qint64(100000000000000000), currency(QStringLiteral("JPY")));
        r = manyYen.convertedTo(cny, Decimal::fromInteger(1), Rounding::HalfEven);
        QVERIFY(!r);
        QCOMPARE(r.error().kind, MoneyErrorKind::Overflow);
        // The largest mantissa at the smallest scale still cannot overflow 128 bits.
        r = usdMax.convertedTo(krw, Decimal::fromInteger(kMax), Rounding::HalfUp);
        QVERIFY(!r);
        QCOMPARE(r.error().kind, MoneyErrorKind::Overflow);
        for (const char *rate : {"0", "-7.1234"}) {
            r = usdMax.convertedTo(cny, decimal(QString::fromLatin1(rate)), Rounding::HalfUp);
            QVERIFY(!r);
            QCOMPARE(r.error().kind, MoneyErrorKind::InvalidRate);
        }
    }

    void percentage_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("amount");
        QTest::addColumn<QString>("percent");
        QTest::addColumn<QString>("halfUp");
        QTest::addColumn<QString>("halfEven");

        // 19.99 * 6.5% = 1.29935.
        QTest::newRow("fee") << "USD"
                             << "19.99"
                             << "6.5"
                             << "1.30"
                             << "1.30";
        // 1.00 * 6.5% = 0.065: tie, 6 even.
        QTest::newRow("fee tie") << "USD"
                                 << "1.00"
                                 << "6.5"
                                 << "0.07"
                                 << "0.06";
        QTest::newRow("fee negative tie") << "USD"
                                          << "-1.00"
                                          << "6.5"
                                          << "-0.07"
                                          << "-0.06";
        // 3.00 * 6.5% = 0.195: tie, 19 odd.
        QTest::newRow("fee odd tie") << "USD"
                                     << "3.00"
                                     << "6.5"
                                     << "0.20"
                                     << "0.20";
        // 1300 * 6.5% = 84.5 yen: tie, 84 even.
        QTest::newRow("jpy fee tie") << "JPY"
                                     << "1300"
                                     << "6.5"
                                     << "85"
                                     << "84";
        QTest::newRow("jpy fee negative tie") << "JPY"
                                              << "-1300"
                                              << "6.5"
                                              << "-85"
                                              << "-84";
        QTest::newRow("ten million fee") << "USD"
                                         << "10000000.00"
                                         << "6.5"
                                         << "650000.00"
                                         << "650000.00";
        QTest::newRow("fine percent") << "CNY"
                                      << "199.99"
                                      << "0.125"
                                      << "0.25"
                                      << "0.25";
        QTest::newRow("zero percent") << "CNY"
                                      << "199.99"
                                      << "0"
                                      << "0.00"
                                      << "0.00";
        QTest::newRow("negative percent") << "CNY"
                                          << "10.00"
                                          << "-15"
                                          << "-1.50"
                                          << "-1.50";
        QTest::newRow("hundred percent of max") << "USD"
                                                << "92233720368547758.07"
                                                << "100"
                                                << "92233720368547758.07"
                                                << "92233720368547758.07";
    }

    void percentage()
    {
        QFETCH(QString, code);
        QFETCH(QString, amount);
        QFETCH(QString, percent);
        QFETCH(QString, halfUp);
        QFETCH(QString, halfEven);
        const Money m = money(amount, code);
        const Decimal p = decimal(percent);
        QCOMPARE(show(m.percentage(p, Rounding::HalfUp)), halfUp + u' ' + code);
        QCOMPARE(show(m.percentage(p, Rounding::HalfEven)), halfEven + u' ' + code);
        // The same as scaling by percent / 100.
        const Decimal factor = Decimal::fromParts(p.mantissa(), p.scale() + 2).value();
        QCOMPARE(show(m.scaled(factor, Rounding::HalfUp)), halfUp + u' ' + code);
        QCOMPARE(show(m.scaled(factor, Rounding::HalfEven)), halfEven + u' ' + code);
    }

    void scaledAndPercentageOverflow()
    {
        const Money max(kMax, currency(QStringLiteral("USD")));
        const auto twice = max.percentage(decimal(QStringLiteral("200")), Rounding::HalfUp);
        QVERIFY(!twice);
        QCOMPARE(twice.error().kind, MoneyErrorKind::Overflow);
        const auto bigger = max.scaled(decimal(QStringLiteral("1.000000001")), Rounding::HalfUp);
        QVERIFY(!bigger);
        QCOMPARE(bigger.error().kind, MoneyErrorKind::Overflow);
        // 3.5% as a factor: 200.00 * 0.035 = 7.00.
        QCOMPARE(show(money(QStringLiteral("200.00"), QStringLiteral("CNY"))
                          .scaled(decimal(QStringLiteral("0.035")), Rounding::HalfUp)),
                 QStringLiteral("7.00 CNY"));
    }

    void jsonRoundTrip_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<qint64>("minor");
        QTest::newRow("cny") << "CNY" << qint64(12345);
        QTest::newRow("negative usd") << "USD" << qint64(-50);
        QTest::newRow("zero jpy") << "JPY" << qint64(0);
        QTest::newRow("max wire krw") << "KRW" << Money::MaxWireMinor;
        QTest::newRow("min wire thb") << "THB" << -Money::MaxWireMinor;
    }

    void jsonRoundTrip()
    {
        QFETCH(QString, code);
        QFETCH(qint64, minor);
        const Money m(minor, currency(code));
        const QJsonObject json = m.toJson();
        QCOMPARE(json.value(QStringLiteral("minor")).toInteger(), minor);
        QCOMPARE(json.value(QStringLiteral("currency")).toString(), code);
        QCOMPARE(json.size(), 2);
        QCOMPARE(Money::fromJson(json).value(), m);
        // Through text as well: the integer must survive serialization exactly.
        const QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Compact);
        QVERIFY2(text.contains(QByteArray::number(minor)), text.constData());
        QCOMPARE(Money::fromJson(QJsonDocument::fromJson(text).object()).value(), m);
    }

    void jsonRefusals_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<MoneyErrorKind>("kind");
        const auto invalid = MoneyErrorKind::InvalidJson;
        QTest::newRow("empty") << QByteArray(R"({})") << invalid;
        QTest::newRow("no minor") << QByteArray(R"({"currency": "CNY"})") << invalid;
        QTest::newRow("no currency") << QByteArray(R"({"minor": 1})") << invalid;
        QTest::newRow("fraction") << QByteArray(R"({"minor": 12.5, "currency": "CNY"})") << invalid;
        // 2^53 + 1 as a double is 2^53: beyond the safe range the value may be rounded already.
        QTest::newRow("above wire range")
            << QByteArray(R"({"minor": 9007199254740992, "currency": "CNY"})") << invalid;
        QTest::newRow("below wire range")
            << QByteArray(R"({"minor": -9007199254740992, "currency": "CNY"})") << invalid;
        QTest::newRow("rounded by the parser")
            << QByteArray(R"({"minor": 9007199254740993.0, "currency": "CNY"})") << invalid;
        QTest::newRow("max qint64")
            << QByteArray(R"({"minor": 9223372036854775807, "currency": "CNY"})") << invalid;
        QTest::newRow("above max")
            << QByteArray(R"({"minor": 9223372036854775808, "currency": "CNY"})") << invalid;
        // Qt parses this as the double -2^63, which would fit qint64: still refused.
        QTest::newRow("below min")
            << QByteArray(R"({"minor": -9223372036854775809, "currency": "CNY"})") << invalid;
        QTest::newRow("huge") << QByteArray(R"({"minor": 1e300, "currency": "CNY"})") << invalid;
        QTest::newRow("small fraction")
            << QByteArray(R"({"minor": -0.5, "currency": "CNY"})") << invalid;
        QTest::newRow("array minor")
            << QByteArray(R"({"minor": [1], "currency": "CNY"})") << invalid;
        QTest::newRow("string minor")
            << QByteArray(R"({"minor": "12345", "currency": "CNY"})") << invalid;
        QTest::newRow("null minor")
            << QByteArray(R"({"minor": null, "currency": "CNY"})") << invalid;
        QTest::newRow("bool minor")
            << QByteArray(R"({"minor": true, "currency": "CNY"})") << invalid;
        QTest::newRow("numeric currency")
            << QByteArray(R"({"minor": 1, "currency": 156})") << invalid;
        QTest::newRow("null currency")
            << QByteArray(R"({"minor": 1, "currency": null})") << invalid;
        QTest::newRow("unknown currency")
            << QByteArray(R"({"minor": 1, "currency": "XXX"})") << MoneyErrorKind::UnknownCurrency;
        QTest::newRow("lower-case currency")
            << QByteArray(R"({"minor": 1, "currency": "cny"})") << MoneyErrorKind::UnknownCurrency;
    }

    void jsonRefusals()
    {
        QFETCH(QByteArray, json);
        QFETCH(MoneyErrorKind, kind);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const auto m = Money::fromJson(doc.object());
        QVERIFY2(!m, qPrintable(show(m)));
        QCOMPARE(m.error().kind, kind);
    }

    void jsonBeyondTheWireRange()
    {
        // toJson() writes every value exactly; fromJson() refuses what a JSON parser may have
        // rounded, so a huge amount fails loudly instead of coming back different.
        const Money max(kMax, currency(QStringLiteral("KRW")));
        QCOMPARE(max.toJson().value(QStringLiteral("minor")).toInteger(), kMax);
        const auto back = Money::fromJson(max.toJson());
        QVERIFY(!back);
        QCOMPARE(back.error().kind, MoneyErrorKind::InvalidJson);
        QVERIFY(!Money::fromJson(Money(Money::MaxWireMinor + 1, max.currency()).toJson()));
    }

    void jsonWholeNumbersInOtherNotations()
    {
        // Qt's JSON model does not keep 12 apart from 12.0 or 1.2e1 (JSON itself has one number
        // type): whole values are read as integers, fractions are refused above.
        for (const char *text :
             {R"({"minor": 12.0, "currency": "JPY"})", R"({"minor": 1.2e1, "currency": "JPY"})"}) {
            const auto m = Money::fromJson(QJsonDocument::fromJson(text).object());
            QCOMPARE(show(m), QStringLiteral("12 JPY"));
        }
        const QJsonObject built{{QStringLiteral("minor"), 1999.0},
                                {QStringLiteral("currency"), QStringLiteral("USD")}};
        QCOMPARE(show(Money::fromJson(built)), QStringLiteral("19.99 USD"));
    }
};

QTEST_GUILESS_MAIN(TstMoney)
#include "tst_money.moc"
