#pragma once

#include <QString>
#include <QStringView>

#include <compare>
#include <optional>
#include <utility>
#include <variant>

namespace haitao {

// Why a money or decimal operation was refused. Parsing, arithmetic, conversion and JSON
// reading return a MoneyResult instead of throwing: a caller cannot drop the failure silently
// ([[nodiscard]]), and the pricing engine can turn the reason into a 422. (Plain lookups such
// as Currency::fromCode answer std::optional.)
enum class MoneyErrorKind {
    InvalidText,      // not `-?digits(.digits)?`: grouping, exponent, spaces, "+", ".5"
    TooManyDecimals,  // more fraction digits than the currency (or Decimal) can hold
    UnknownCurrency,  // not in the currency table (codes are upper-case ISO 4217)
    CurrencyMismatch, // arithmetic across two currencies
    Overflow,         // the exact result does not fit qint64
    InvalidRate,      // conversion rate zero or negative
    InvalidJson,      // missing field, wrong JSON type, `minor` not a whole number in range
};

struct MoneyError
{
    MoneyErrorKind kind;
    QString message; // English, for logs and API problem details
};

// Either a value or the reason there is none (std::expected arrives only in C++23).
// value() on an error throws std::bad_variant_access: a programming error, not a refusal.
template <typename T> class [[nodiscard]] MoneyResult
{
public:
    MoneyResult(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {}
    MoneyResult(MoneyError error)
        : m_data(std::in_place_index<1>, std::move(error))
    {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T &value() const { return std::get<0>(m_data); }
    const T &operator*() const { return value(); }
    const T *operator->() const { return &value(); }
    const MoneyError &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, MoneyError> m_data;
};

// How an exact result is brought to whole minor units. Both are symmetric around zero.
// HalfUp is the shop's default policy, but every rounding call takes the mode explicitly.
enum class Rounding {
    HalfUp,   // ties away from zero: 0.125 -> 0.13, -0.125 -> -0.13
    HalfEven, // banker's: ties to the even neighbour: 0.125 -> 0.12, 0.135 -> 0.14
};

// An exact decimal for exchange rates, percentages and factors: mantissa * 10^-scale with a
// qint64 mantissa (18 significant digits always, some 19) and scale 0..MaxScale. Kept
// canonical (no trailing fraction zeros) so that equal values compare equal field by field.
// Arithmetic that could need more than 64 bits is done in portable 32-bit limbs, not
// __int128, so this builds unchanged with MSVC.
class Decimal
{
public:
    static constexpr int MaxScale = 18; // 10^18 still fits qint64

    Decimal() = default; // zero
    static Decimal fromInteger(qint64 value) { return Decimal(value, 0); }
    // mantissa * 10^-scale; nullopt if scale is outside 0..MaxScale.
    static std::optional<Decimal> fromParts(qint64 mantissa, int scale);
    // Plain decimal text: "7.12345678", "0.035", "-0.5", "100". No grouping, exponent,
    // surrounding spaces or leading "+". Trailing fraction zeros do not count toward MaxScale.
    static MoneyResult<Decimal> parse(QStringView text);

    qint64 mantissa() const { return m_mantissa; }
    int scale() const { return m_scale; }
    bool isZero() const { return m_mantissa == 0; }
    bool isNegative() const { return m_mantissa < 0; }
    QString toString() const; // shortest exact form: "7.12345678", "0.5", "100", "-0.035"

    // Exact arithmetic. Results are canonical; Overflow when the result does not fit a
    // Decimal (more than 19 integer digits, or a mantissa beyond qint64).
    MoneyResult<Decimal> negated() const; // fails only for the mantissa INT64_MIN
    MoneyResult<Decimal> added(const Decimal &other) const;
    MoneyResult<Decimal> subtracted(const Decimal &other) const;
    // The exact product; `rounding` applies only when that needs more than MaxScale fraction
    // digits (0.000000001 * 0.0000000015 -> 0.000000000000000002 HalfUp).
    MoneyResult<Decimal> multiplied(const Decimal &other, Rounding rounding) const;
    // This / divisor rounded once to `significantDigits` (1..18) significant digits and at
    // most MaxScale fraction digits: 2 / 3 at 4 digits -> 0.6667. InvalidRate for a zero
    // divisor.
    MoneyResult<Decimal> divided(const Decimal &divisor, int significantDigits,
                                 Rounding rounding) const;

    friend bool operator==(const Decimal &, const Decimal &) = default;
    friend std::strong_ordering operator<=>(const Decimal &a, const Decimal &b);

private:
    Decimal(qint64 mantissa, int scale);

    qint64 m_mantissa = 0;
    int m_scale = 0;
};

namespace detail {
// The one grammar for decimal text, shared by Decimal::parse and Money::parse:
// `-?[0-9]+(\.[0-9]+)?` in ASCII digits only. nullopt if the text does not match.
struct DecimalText
{
    bool negative = false;
    QStringView integerDigits;
    QStringView fractionDigits; // empty when there is no "."
};
std::optional<DecimalText> splitDecimalText(QStringView text);

// `value` as text with exactly `digits` (0..18) fraction digits: (-5, 2) -> "-0.05".
QString formatFixed(qint64 value, int digits);

// round(value * factor * 10^shift) under `rounding`, computed exactly in 128 bits; nullopt if
// the rounded result does not fit qint64. The one place where Money meets Decimal.
std::optional<qint64> multiplyRounded(qint64 value, const Decimal &factor, int shift,
                                      Rounding rounding);
} // namespace detail

} // namespace haitao
