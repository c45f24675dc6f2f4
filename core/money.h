#pragma once

#include "core/currency.h"
#include "core/decimal.h"

#include <QJsonObject>
#include <QString>
#include <QStringView>

#include <compare>

namespace haitao {

// An exact amount of money: a whole number of minor units (cents, yen) in one currency. Never
// floating point. Every operation that can fail (parse, mixed currencies, overflow past qint64,
// bad JSON) returns MoneyResult with the reason; none throws and none wraps or guesses.
class Money
{
public:
    Money(qint64 minor, Currency currency)
        : m_minor(minor)
        , m_currency(currency)
    {}
    static Money zero(Currency currency) { return Money(0, currency); }

    // Major units as plain decimal text, "19.99", "-0.5", "1234": ASCII digits, optional "-",
    // no grouping, spaces or exponent, and at most currency.exponent() fraction digits
    // ("19.999" USD and "5.5" or "5.0" JPY are refused rather than rounded).
    static MoneyResult<Money> parse(QStringView amount, Currency currency);
    static MoneyResult<Money> parse(QStringView amount, QStringView currencyCode);
    // Wire form {"minor": 12345, "currency": "CNY"}. `minor` must be a whole JSON number within
    // +-(2^53 - 1) (MaxWireMinor; the I-JSON / JavaScript safe range): beyond that a parser,
    // Qt's included, may already have rounded it, and the real value cannot be known. Qt does
    // not keep 12 apart from 12.0 or 1.2e1, so those are read as 12. `currency` must be a
    // known code. toJson() writes any value; fromJson() refuses what it cannot trust.
    static MoneyResult<Money> fromJson(const QJsonObject &json);
    static constexpr qint64 MaxWireMinor = (qint64(1) << 53) - 1; // 90 trillion USD in cents

    qint64 minor() const { return m_minor; }
    Currency currency() const { return m_currency; }
    bool isZero() const { return m_minor == 0; }
    bool isNegative() const { return m_minor < 0; }

    // Major units with exactly exponent() fraction digits: "19.99", "-0.50", "1500" (JPY).
    QString toString() const;
    QJsonObject toJson() const;

    // Same currency only (CurrencyMismatch otherwise); Overflow instead of wrapping.
    MoneyResult<Money> add(const Money &other) const;
    MoneyResult<Money> subtract(const Money &other) const;
    MoneyResult<Money> negated() const; // fails only for the minimum qint64
    MoneyResult<Money> multiplied(qint64 quantity) const;
    MoneyResult<std::strong_ordering> compare(const Money &other) const;

    // The rounding mode is an argument at every call so that each price rule states it.
    // Into `to` at `rate` (units of `to` per one unit of this currency, major units, > 0).
    MoneyResult<Money> convertedTo(Currency to, const Decimal &rate, Rounding rounding) const;
    // percent of this amount: percentage(6.5) is a 6.5% fee. Negative percents are allowed.
    MoneyResult<Money> percentage(const Decimal &percent, Rounding rounding) const;
    // This amount times a plain factor: scaled(0.035) is 3.5%, scaled(0.85) a 15% discount.
    MoneyResult<Money> scaled(const Decimal &factor, Rounding rounding) const;

    // Equal only with equal currency. No operator<: ordering goes through compare(), which
    // refuses mixed currencies.
    friend bool operator==(const Money &, const Money &) = default;

private:
    qint64 m_minor;
    Currency m_currency;
};

} // namespace haitao
