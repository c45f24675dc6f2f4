#include "backend/pricing/fxrate.h"

#include "core/wiretime.h"

#include <QJsonValue>

namespace haitao::server::pricing {

std::optional<Decimal> FxRate::effective(const Decimal &rate, const Decimal &markupPercent)
{
    if (rate.mantissa() <= 0 || markupPercent.isNegative())
        return std::nullopt;
    // rate * (1 + markup / 100). Every step is exact unless a result would need more than
    // Decimal::MaxScale fraction digits, which no real rate and markup come near (ECB cross
    // rates have 10 significant digits); only then the last digit rounds half-even.
    const auto hundredth = *Decimal::fromParts(1, 2);
    const auto fraction = markupPercent.multiplied(hundredth, Rounding::HalfEven);
    const auto factor = fraction ? fraction->added(Decimal::fromInteger(1)) : fraction;
    const auto result = factor ? rate.multiplied(*factor, Rounding::HalfEven) : factor;
    if (!result || result->mantissa() <= 0)
        return std::nullopt;
    return *result;
}

QJsonObject FxRate::toJson() const
{
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("currency"), currency.code()},
        {QStringLiteral("rate"), rate.toString()},
        {QStringLiteral("markupPercent"), markupPercent.toString()},
        {QStringLiteral("effectiveRate"), effectiveRate.toString()},
        {QStringLiteral("source"), source},
        {QStringLiteral("asOf"), toWireTime(asOfMs)},
        {QStringLiteral("validUntil"),
         validUntilMs ? QJsonValue(toWireTime(*validUntilMs)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("createdBy"), createdBy},
        {QStringLiteral("createdAt"), toWireTime(createdAtMs)},
    };
}

const FxRate *RateSnapshot::find(Currency currency) const
{
    // Normally one entry per currency; if a caller passes several, the newest wins.
    const FxRate *best = nullptr;
    for (const FxRate &r : rates) {
        if (r.currency == currency && (!best || r.id > best->id))
            best = &r;
    }
    return best;
}

} // namespace haitao::server::pricing
