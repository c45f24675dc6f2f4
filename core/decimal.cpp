#include "core/decimal.h"

#include <QtGlobal>

#include <algorithm>
#include <array>
#include <cstddef>
#include <limits>

namespace haitao {

namespace {

// 10^0 .. 10^18.
constexpr std::array<quint64, Decimal::MaxScale + 1> kPow10 = [] {
    std::array<quint64, Decimal::MaxScale + 1> table{};
    quint64 power = 1;
    for (quint64 &entry : table) {
        entry = power;
        power *= 10;
    }
    return table;
}();

constexpr quint64 kMaxPositive = quint64(std::numeric_limits<qint64>::max());
constexpr quint64 kMaxNegative = kMaxPositive + 1; // |INT64_MIN|

// |v| without the overflow of -INT64_MIN.
quint64 magnitude(qint64 v)
{
    return v < 0 ? quint64(0) - quint64(v) : quint64(v);
}

// Signed result from a magnitude; nullopt outside qint64. C++20 defines the unsigned-to-signed
// conversion as modular, so 2^63 becomes INT64_MIN exactly.
std::optional<qint64> fromMagnitude(quint64 mag, bool negative)
{
    if (mag > (negative ? kMaxNegative : kMaxPositive))
        return std::nullopt;
    return negative ? qint64(quint64(0) - mag) : qint64(mag);
}

// Unsigned 128-bit integer in four 32-bit limbs, least significant first: enough for
// |qint64| * |qint64| < 2^126. Plain 64-bit arithmetic only, so no __int128 (absent on MSVC)
// and no __builtin_*_overflow; division is only ever by small powers of ten.
struct U128
{
    std::array<quint32, 4> limb{};

    static U128 product(quint64 a, quint64 b)
    {
        const quint32 x[2] = {quint32(a), quint32(a >> 32)};
        const quint32 y[2] = {quint32(b), quint32(b >> 32)};
        U128 r;
        for (std::size_t i = 0; i < 2; ++i) {
            quint64 carry = 0;
            for (std::size_t j = 0; j < 2; ++j) {
                // At most (2^32-1)^2 + 2 * (2^32-1) = 2^64 - 1: no overflow.
                const quint64 t = quint64(x[i]) * y[j] + r.limb[i + j] + carry;
                r.limb[i + j] = quint32(t);
                carry = t >> 32;
            }
            r.limb[i + 2] = quint32(carry);
        }
        return r;
    }

    bool isZero() const { return (limb[0] | limb[1] | limb[2] | limb[3]) == 0; }
    bool isOdd() const { return (limb[0] & 1) != 0; }

    // *this *= m; false if the product needs more than 128 bits.
    bool multiplySmall(quint32 m)
    {
        quint64 carry = 0;
        for (quint32 &l : limb) {
            const quint64 t = quint64(l) * m + carry;
            l = quint32(t);
            carry = t >> 32;
        }
        return carry == 0;
    }

    // *this /= d (d > 0), returning the remainder.
    quint32 divideSmall(quint32 d)
    {
        quint64 rem = 0;
        for (std::size_t i = 4; i-- > 0;) {
            const quint64 cur = (rem << 32) | limb[i]; // rem < d < 2^32: fits
            limb[i] = quint32(cur / d);
            rem = cur % d;
        }
        return quint32(rem);
    }

    // *this += o; callers keep both operands below 2^125, so nothing carries out of the top.
    void add(const U128 &o)
    {
        quint64 carry = 0;
        for (std::size_t i = 0; i < 4; ++i) {
            const quint64 t = quint64(limb[i]) + o.limb[i] + carry;
            limb[i] = quint32(t);
            carry = t >> 32;
        }
    }

    // *this -= o, for o <= *this. A borrow shows as the wrapped high half of t.
    void subtract(const U128 &o)
    {
        quint64 borrow = 0;
        for (std::size_t i = 0; i < 4; ++i) {
            const quint64 t = quint64(limb[i]) - o.limb[i] - borrow;
            limb[i] = quint32(t);
            borrow = t >> 63;
        }
    }

    void increment()
    {
        for (quint32 &l : limb) {
            if (++l != 0)
                break;
        }
    }

    std::optional<quint64> toU64() const
    {
        if (limb[2] != 0 || limb[3] != 0)
            return std::nullopt;
        return (quint64(limb[1]) << 32) | limb[0];
    }

    friend std::strong_ordering operator<=>(const U128 &a, const U128 &b)
    {
        for (std::size_t i = 4; i-- > 0;) {
            if (a.limb[i] != b.limb[i])
                return a.limb[i] <=> b.limb[i];
        }
        return std::strong_ordering::equal;
    }
};

// Steps of at most 10^9, the largest power of ten below 2^32.
bool multiplyPow10(U128 &x, int n)
{
    if (x.isZero())
        return true;
    for (; n > 0; n -= 9) {
        if (!x.multiplySmall(quint32(kPow10[std::size_t(std::min(n, 9))])))
            return false;
    }
    return true;
}

// x = round(x / 10^n), n >= 1. Only the first dropped digit and whether anything non-zero
// follows it decide the rounding, so the lower digits are divided away into a sticky flag.
void dividePow10Rounded(U128 &x, int n, Rounding rounding)
{
    bool sticky = false;
    for (int left = n - 1; left > 0; left -= 9)
        sticky |= x.divideSmall(quint32(kPow10[std::size_t(std::min(left, 9))])) != 0;
    const quint32 digit = x.divideSmall(10);
    // digit 5 with nothing after it is an exact tie: HalfUp rounds away from zero (the sign is
    // applied later), HalfEven to the even quotient.
    const bool up =
        digit > 5 || (digit == 5 && (sticky || rounding == Rounding::HalfUp || x.isOdd()));
    if (up)
        x.increment();
}

// The canonical Decimal for +-mag * 10^-scale (scale 0..MaxScale); nullopt if it does not fit.
// Trailing fraction zeros go first: a product or sum may fit a qint64 only without them.
std::optional<Decimal> toDecimal(U128 mag, int scale, bool negative)
{
    while (scale > 0) {
        U128 shorter = mag;
        if (shorter.divideSmall(10) != 0)
            break;
        mag = shorter;
        --scale;
    }
    const std::optional<quint64> m = mag.toU64();
    if (!m)
        return std::nullopt;
    const std::optional<qint64> mantissa = fromMagnitude(*m, negative);
    if (!mantissa)
        return std::nullopt;
    return Decimal::fromParts(*mantissa, scale);
}

MoneyError overflowError(const QString &what)
{
    return {MoneyErrorKind::Overflow,
            QStringLiteral("%1 does not fit a Decimal (19 significant digits at most)").arg(what)};
}

// a + b, or a - b when `subtract`, exactly at the larger scale. Each magnitude there is below
// 2^63 * 10^18 < 2^124, so the sum fits 128 bits.
MoneyResult<Decimal> sum(const Decimal &a, const Decimal &b, bool subtract)
{
    const int scale = std::max(a.scale(), b.scale());
    U128 x = U128::product(magnitude(a.mantissa()), kPow10[std::size_t(scale - a.scale())]);
    U128 y = U128::product(magnitude(b.mantissa()), kPow10[std::size_t(scale - b.scale())]);
    const bool negA = a.isNegative();
    const bool negB = b.isNegative() != subtract;
    bool negative = negA;
    if (negA == negB) {
        x.add(y);
    } else if (x >= y) {
        x.subtract(y);
    } else {
        y.subtract(x);
        x = y;
        negative = negB;
    }
    if (const std::optional<Decimal> d = toDecimal(x, scale, negative))
        return *d;
    return overflowError(
        QStringLiteral("%1 %2 %3")
            .arg(a.toString(), subtract ? QStringLiteral("-") : QStringLiteral("+"), b.toString()));
}

// The decimal digits of a / b (b > 0), most significant first, in 64-bit arithmetic only.
class QuotientDigits
{
public:
    QuotientDigits(quint64 a, quint64 b)
        : m_divisor(b)
        , m_integer(a / b)
        , m_remainder(a % b)
    {
        for (quint64 t = m_integer; t > 0; t /= 10)
            ++m_position;
    }

    // Where the next digit sits: weight 10^position (-1 is the first fraction digit).
    int position() const { return m_position; }

    int next()
    {
        int digit = 0;
        if (m_position >= 0) {
            digit = int(m_integer / kPow10[std::size_t(m_position)] % 10);
        } else {
            // 10 * remainder / divisor without overflow: acc and remainder are both below the
            // divisor <= 2^63, so acc + remainder < 2^64.
            quint64 acc = 0;
            for (int i = 0; i < 10; ++i) {
                acc += m_remainder;
                if (acc >= m_divisor) {
                    acc -= m_divisor;
                    ++digit;
                }
            }
            m_remainder = acc;
        }
        --m_position;
        return digit;
    }

    // Whether any digit not yet taken is non-zero.
    bool restIsNonZero() const
    {
        if (m_remainder != 0)
            return true;
        if (m_position < 0)
            return false;
        // The integer part has at most 19 digits (< 10^19), one more than the table holds.
        return m_position + 1 > Decimal::MaxScale
                   ? m_integer != 0
                   : m_integer % kPow10[std::size_t(m_position + 1)] != 0;
    }

private:
    quint64 m_divisor;
    quint64 m_integer;
    quint64 m_remainder;
    int m_position = -1;
};

bool isAsciiDigits(QStringView s)
{
    if (s.isEmpty())
        return false;
    return std::all_of(s.begin(), s.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

// acc = acc * 10^len + digits; false on overflow of quint64.
bool accumulateDigits(quint64 &acc, QStringView digits)
{
    for (QChar c : digits) {
        const quint64 d = c.unicode() - u'0';
        if (acc > (std::numeric_limits<quint64>::max() - d) / 10)
            return false;
        acc = acc * 10 + d;
    }
    return true;
}

} // namespace

Decimal::Decimal(qint64 mantissa, int scale)
    : m_mantissa(mantissa)
    , m_scale(scale)
{
    while (m_scale > 0 && m_mantissa % 10 == 0) {
        m_mantissa /= 10;
        --m_scale;
    }
}

std::optional<Decimal> Decimal::fromParts(qint64 mantissa, int scale)
{
    if (scale < 0 || scale > MaxScale)
        return std::nullopt;
    return Decimal(mantissa, scale);
}

MoneyResult<Decimal> Decimal::parse(QStringView text)
{
    const auto parts = detail::splitDecimalText(text);
    if (!parts) {
        return MoneyError{MoneyErrorKind::InvalidText,
                          QStringLiteral("\"%1\" is not a plain decimal number").arg(text)};
    }
    QStringView fraction = parts->fractionDigits;
    while (!fraction.isEmpty() && fraction.back() == u'0')
        fraction.chop(1);
    if (fraction.size() > MaxScale) {
        return MoneyError{MoneyErrorKind::TooManyDecimals,
                          QStringLiteral("\"%1\" has %2 significant fraction digits; at most %3 "
                                         "are kept exactly")
                              .arg(text)
                              .arg(fraction.size())
                              .arg(MaxScale)};
    }
    quint64 mag = 0;
    std::optional<qint64> mantissa;
    if (accumulateDigits(mag, parts->integerDigits) && accumulateDigits(mag, fraction))
        mantissa = fromMagnitude(mag, parts->negative);
    if (!mantissa) {
        return MoneyError{MoneyErrorKind::Overflow,
                          QStringLiteral("\"%1\" has more significant digits than a Decimal "
                                         "holds exactly")
                              .arg(text)};
    }
    return Decimal(*mantissa, int(fraction.size()));
}

QString Decimal::toString() const
{
    return detail::formatFixed(m_mantissa, m_scale);
}

MoneyResult<Decimal> Decimal::negated() const
{
    if (const std::optional<qint64> m = fromMagnitude(magnitude(m_mantissa), m_mantissa > 0))
        return Decimal(*m, m_scale);
    return overflowError(QStringLiteral("-(%1)").arg(toString()));
}

MoneyResult<Decimal> Decimal::added(const Decimal &other) const
{
    return sum(*this, other, false);
}

MoneyResult<Decimal> Decimal::subtracted(const Decimal &other) const
{
    return sum(*this, other, true);
}

MoneyResult<Decimal> Decimal::multiplied(const Decimal &other, Rounding rounding) const
{
    // The exact product of the magnitudes is below 2^126 at scale <= 36; the sign goes on last
    // so that rounding is symmetric around zero.
    const bool negative = (m_mantissa < 0) != (other.m_mantissa < 0);
    U128 x = U128::product(magnitude(m_mantissa), magnitude(other.m_mantissa));
    int scale = m_scale + other.m_scale;
    if (scale > MaxScale) {
        dividePow10Rounded(x, scale - MaxScale, rounding);
        scale = MaxScale;
    }
    if (const std::optional<Decimal> d = toDecimal(x, scale, negative))
        return *d;
    return overflowError(QStringLiteral("%1 * %2").arg(toString(), other.toString()));
}

MoneyResult<Decimal> Decimal::divided(const Decimal &divisor, int significantDigits,
                                      Rounding rounding) const
{
    Q_ASSERT(significantDigits >= 1 && significantDigits <= MaxScale);
    const int digits = std::clamp(significantDigits, 1, MaxScale);
    if (divisor.isZero()) {
        return MoneyError{MoneyErrorKind::InvalidRate,
                          QStringLiteral("%1 divided by zero").arg(toString())};
    }
    const bool negative = (m_mantissa < 0) != (divisor.m_mantissa < 0);
    // this / divisor = (a / b) * 10^shift. Digits of a / b are taken from the most significant
    // down to `lowest`: the scale limit first, then `digits` below the leading non-zero one.
    const int shift = divisor.m_scale - m_scale;
    QuotientDigits quotient(magnitude(m_mantissa), magnitude(divisor.m_mantissa));
    int lowest = -MaxScale - shift;
    bool leading = false;
    quint64 kept = 0; // at most `digits` digits after the leading zeros: < 10^18
    while (quotient.position() >= lowest) {
        const int position = quotient.position();
        const int digit = quotient.next();
        if (!leading && digit != 0) {
            leading = true;
            lowest = std::max(lowest, position - digits + 1);
        }
        kept = kept * 10 + quint64(digit);
    }
    // One rounding, from the first dropped digit and whether anything non-zero follows it.
    const int dropped = quotient.next();
    const bool up = dropped > 5 ||
                    (dropped == 5 &&
                     (quotient.restIsNonZero() || rounding == Rounding::HalfUp || (kept & 1) != 0));
    if (up)
        ++kept;
    // kept * 10^exponent; exponent >= -MaxScale by the choice of `lowest`.
    const int exponent = lowest + shift;
    U128 x = U128::product(kept, 1);
    std::optional<Decimal> d;
    if (exponent <= 0)
        d = toDecimal(x, -exponent, negative);
    else if (multiplyPow10(x, exponent))
        d = toDecimal(x, 0, negative);
    if (d)
        return *d;
    return overflowError(QStringLiteral("%1 / %2").arg(toString(), divisor.toString()));
}

std::strong_ordering operator<=>(const Decimal &a, const Decimal &b)
{
    const int signA = (a.m_mantissa > 0) - (a.m_mantissa < 0);
    const int signB = (b.m_mantissa > 0) - (b.m_mantissa < 0);
    if (signA != signB)
        return signA <=> signB;
    // Same sign: compare magnitudes at the common scale; at most 2^63 * 10^18 < 2^124.
    const int common = std::max(a.m_scale, b.m_scale);
    const U128 x = U128::product(magnitude(a.m_mantissa), kPow10[std::size_t(common - a.m_scale)]);
    const U128 y = U128::product(magnitude(b.m_mantissa), kPow10[std::size_t(common - b.m_scale)]);
    const std::strong_ordering byMagnitude = x <=> y;
    return signA < 0 ? 0 <=> byMagnitude : byMagnitude;
}

namespace detail {

std::optional<DecimalText> splitDecimalText(QStringView text)
{
    DecimalText out;
    if (text.startsWith(u'-')) {
        out.negative = true;
        text = text.mid(1);
    }
    const qsizetype dot = text.indexOf(u'.');
    out.integerDigits = dot < 0 ? text : text.left(dot);
    if (!isAsciiDigits(out.integerDigits))
        return std::nullopt;
    if (dot >= 0) {
        out.fractionDigits = text.mid(dot + 1);
        if (!isAsciiDigits(out.fractionDigits))
            return std::nullopt;
    }
    return out;
}

QString formatFixed(qint64 value, int digits)
{
    Q_ASSERT(digits >= 0 && digits <= Decimal::MaxScale);
    const quint64 mag = magnitude(value);
    QString out;
    if (value < 0)
        out += u'-';
    out += QString::number(mag / kPow10[std::size_t(digits)]);
    if (digits > 0) {
        out += u'.';
        out += QString::number(mag % kPow10[std::size_t(digits)]).rightJustified(digits, u'0');
    }
    return out;
}

std::optional<qint64> multiplyRounded(qint64 value, const Decimal &factor, int shift,
                                      Rounding rounding)
{
    // Work on the exact magnitude |value * mantissa| < 2^126 and apply the sign last, which
    // makes both rounding modes symmetric around zero.
    const bool negative = (value < 0) != (factor.mantissa() < 0);
    U128 x = U128::product(magnitude(value), magnitude(factor.mantissa()));
    const int net = shift - factor.scale();
    if (net > 0 && !multiplyPow10(x, net))
        return std::nullopt;
    if (net < 0)
        dividePow10Rounded(x, -net, rounding);
    const std::optional<quint64> mag = x.toU64();
    if (!mag)
        return std::nullopt;
    return fromMagnitude(*mag, negative);
}

} // namespace detail

} // namespace haitao
