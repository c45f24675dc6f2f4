#include "core/money.h"

#include <QJsonValue>

#include <limits>

namespace haitao {

namespace {

constexpr qint64 kMin = std::numeric_limits<qint64>::min();
constexpr qint64 kMax = std::numeric_limits<qint64>::max();

// "19.99 USD", for messages.
QString describe(const Money &m)
{
    return m.toString() + u' ' + m.currency().code();
}

MoneyError mismatch(const char *verb, const Money &a, const Money &b)
{
    return {MoneyErrorKind::CurrencyMismatch,
            QStringLiteral("cannot %1 %2 and %3: different currencies")
                .arg(QLatin1String(verb), describe(a), describe(b))};
}

MoneyError overflow(const QString &what)
{
    return {MoneyErrorKind::Overflow,
            QStringLiteral("%1 does not fit in 64-bit minor units").arg(what)};
}

// acc = acc * 10 + d; false on overflow of quint64.
bool appendDigit(quint64 &acc, unsigned d)
{
    if (acc > (std::numeric_limits<quint64>::max() - d) / 10)
        return false;
    acc = acc * 10 + d;
    return true;
}

} // namespace

MoneyResult<Money> Money::parse(QStringView amount, Currency currency)
{
    const auto parts = detail::splitDecimalText(amount);
    if (!parts) {
        return MoneyError{MoneyErrorKind::InvalidText,
                          QStringLiteral("\"%1\" is not a plain decimal amount (ASCII digits, "
                                         "optional leading '-' and one '.', no grouping)")
                              .arg(amount)};
    }
    const int exponent = currency.exponent();
    const qsizetype fractionSize = parts->fractionDigits.size();
    if (fractionSize > exponent) {
        // Refused rather than rounded: an amount with sub-cent digits is a bug upstream.
        return MoneyError{MoneyErrorKind::TooManyDecimals,
                          QStringLiteral("\"%1\" has %2 fraction digits but %3 allows at most %4")
                              .arg(amount)
                              .arg(fractionSize)
                              .arg(currency.code())
                              .arg(exponent)};
    }
    // Digits, then the missing fraction digits as zeros: "19.9" USD -> 1990.
    quint64 mag = 0;
    bool fits = true;
    for (QStringView digits : {parts->integerDigits, parts->fractionDigits}) {
        for (QChar c : digits)
            fits = fits && appendDigit(mag, c.unicode() - u'0');
    }
    for (qsizetype i = fractionSize; i < exponent; ++i)
        fits = fits && appendDigit(mag, 0);
    const quint64 limit = parts->negative ? quint64(kMax) + 1 : quint64(kMax);
    if (!fits || mag > limit)
        return overflow(QStringLiteral("\"%1\" %2").arg(amount, currency.code()));
    // Modular unsigned-to-signed conversion (defined in C++20): 2^63 -> INT64_MIN.
    const qint64 minor = parts->negative ? qint64(quint64(0) - mag) : qint64(mag);
    return Money(minor, currency);
}

MoneyResult<Money> Money::parse(QStringView amount, QStringView currencyCode)
{
    const std::optional<Currency> currency = Currency::fromCode(currencyCode);
    if (!currency) {
        return MoneyError{MoneyErrorKind::UnknownCurrency,
                          QStringLiteral("unknown currency \"%1\"").arg(currencyCode)};
    }
    return parse(amount, *currency);
}

MoneyResult<Money> Money::fromJson(const QJsonObject &json)
{
    const QJsonValue minor = json.value(QStringLiteral("minor"));
    const QJsonValue code = json.value(QStringLiteral("currency"));
    if (minor.isUndefined() || code.isUndefined()) {
        return MoneyError{MoneyErrorKind::InvalidJson,
                          QStringLiteral("money needs both \"minor\" and \"currency\"")};
    }
    // toInteger() answers the default for a fraction, a non-number or anything outside qint64;
    // kMin is outside the wire range too, so it doubles as "refused".
    const qint64 value = minor.toInteger(kMin);
    if (value < -MaxWireMinor || value > MaxWireMinor) {
        return MoneyError{
            MoneyErrorKind::InvalidJson,
            QStringLiteral("\"minor\" must be a whole number within +-%1").arg(MaxWireMinor)};
    }
    if (!code.isString()) {
        return MoneyError{MoneyErrorKind::InvalidJson,
                          QStringLiteral("\"currency\" must be a string")};
    }
    const std::optional<Currency> currency = Currency::fromCode(code.toString());
    if (!currency) {
        return MoneyError{MoneyErrorKind::UnknownCurrency,
                          QStringLiteral("unknown currency \"%1\"").arg(code.toString())};
    }
    return Money(value, *currency);
}

QString Money::toString() const
{
    return detail::formatFixed(m_minor, m_currency.exponent());
}

QJsonObject Money::toJson() const
{
    return {
        {QStringLiteral("minor"), m_minor},
        {QStringLiteral("currency"), m_currency.code()},
    };
}

MoneyResult<Money> Money::add(const Money &other) const
{
    if (m_currency != other.m_currency)
        return mismatch("add", *this, other);
    const qint64 b = other.m_minor;
    // Compare against the limits before operating: portable, and no signed overflow UB.
    if ((b > 0 && m_minor > kMax - b) || (b < 0 && m_minor < kMin - b))
        return overflow(QStringLiteral("%1 + %2").arg(describe(*this), describe(other)));
    return Money(m_minor + b, m_currency);
}

MoneyResult<Money> Money::subtract(const Money &other) const
{
    if (m_currency != other.m_currency)
        return mismatch("subtract", *this, other);
    const qint64 b = other.m_minor;
    if ((b < 0 && m_minor > kMax + b) || (b > 0 && m_minor < kMin + b))
        return overflow(QStringLiteral("%1 - %2").arg(describe(*this), describe(other)));
    return Money(m_minor - b, m_currency);
}

MoneyResult<Money> Money::negated() const
{
    if (m_minor == kMin)
        return overflow(QStringLiteral("-(%1)").arg(describe(*this)));
    return Money(-m_minor, m_currency);
}

MoneyResult<Money> Money::multiplied(qint64 quantity) const
{
    // An integer factor never rounds; the 128-bit product only detects the overflow.
    const auto r =
        detail::multiplyRounded(m_minor, Decimal::fromInteger(quantity), 0, Rounding::HalfUp);
    if (!r)
        return overflow(QStringLiteral("%1 * %2").arg(describe(*this)).arg(quantity));
    return Money(*r, m_currency);
}

MoneyResult<std::strong_ordering> Money::compare(const Money &other) const
{
    if (m_currency != other.m_currency)
        return mismatch("compare", *this, other);
    return m_minor <=> other.m_minor;
}

MoneyResult<Money> Money::convertedTo(Currency to, const Decimal &rate, Rounding rounding) const
{
    if (rate.mantissa() <= 0) {
        return MoneyError{MoneyErrorKind::InvalidRate,
                          QStringLiteral("exchange rate %1 %2/%3 is not positive")
                              .arg(rate.toString(), to.code(), m_currency.code())};
    }
    // minor_to = minor_from * rate * 10^(exp_to - exp_from), e.g. JPY (0) -> CNY (2): * 100.
    const auto r =
        detail::multiplyRounded(m_minor, rate, to.exponent() - m_currency.exponent(), rounding);
    if (!r) {
        return overflow(
            QStringLiteral("%1 at %2 in %3").arg(describe(*this), rate.toString(), to.code()));
    }
    return Money(*r, to);
}

MoneyResult<Money> Money::percentage(const Decimal &percent, Rounding rounding) const
{
    const auto r = detail::multiplyRounded(m_minor, percent, -2, rounding);
    if (!r)
        return overflow(QStringLiteral("%1% of %2").arg(percent.toString(), describe(*this)));
    return Money(*r, m_currency);
}

MoneyResult<Money> Money::scaled(const Decimal &factor, Rounding rounding) const
{
    const auto r = detail::multiplyRounded(m_minor, factor, 0, rounding);
    if (!r)
        return overflow(QStringLiteral("%1 * %2").arg(describe(*this), factor.toString()));
    return Money(*r, m_currency);
}

} // namespace haitao
