#include "backend/pricing/quoteinputjson.h"

#include <QJsonArray>

namespace haitao::server::pricing {

QJsonObject quoteInputToJson(const QuoteInput &input)
{
    QJsonArray lines;
    for (const QuoteLineInput &l : input.lines) {
        lines.append(QJsonObject{{QStringLiteral("skuId"), l.skuId},
                                 {QStringLiteral("site"), l.site},
                                 {QStringLiteral("price"), l.price.toJson()},
                                 {QStringLiteral("quantity"), l.quantity},
                                 {QStringLiteral("weightG"), l.weightG},
                                 {QStringLiteral("lengthMm"), l.lengthMm},
                                 {QStringLiteral("widthMm"), l.widthMm},
                                 {QStringLiteral("heightMm"), l.heightMm},
                                 {QStringLiteral("category"), l.category}});
    }
    return {{QStringLiteral("lines"), lines},
            {QStringLiteral("destination"), input.destination},
            {QStringLiteral("coupons"), QJsonArray::fromStringList(input.coupons)},
            {QStringLiteral("firstOrder"), input.firstOrder},
            {QStringLiteral("nowMs"), input.nowMs}};
}

std::optional<QuoteInput> quoteInputFromJson(const QJsonObject &json)
{
    const QJsonValue lines = json.value(QStringLiteral("lines"));
    if (!lines.isArray() || !json.value(QStringLiteral("nowMs")).isDouble())
        return std::nullopt;
    QuoteInput input;
    for (const QJsonValue &v : lines.toArray()) {
        const QJsonObject o = v.toObject();
        const auto price = Money::fromJson(o.value(QStringLiteral("price")).toObject());
        if (!price)
            return std::nullopt;
        QuoteLineInput l;
        l.skuId = o.value(QStringLiteral("skuId")).toInteger();
        l.site = o.value(QStringLiteral("site")).toString();
        l.price = *price;
        l.quantity = o.value(QStringLiteral("quantity")).toInteger();
        l.weightG = o.value(QStringLiteral("weightG")).toInteger();
        l.lengthMm = o.value(QStringLiteral("lengthMm")).toInteger();
        l.widthMm = o.value(QStringLiteral("widthMm")).toInteger();
        l.heightMm = o.value(QStringLiteral("heightMm")).toInteger();
        l.category = o.value(QStringLiteral("category")).toString();
        input.lines.append(l);
    }
    input.destination = json.value(QStringLiteral("destination")).toString(QStringLiteral("CN"));
    for (const QJsonValue &c : json.value(QStringLiteral("coupons")).toArray())
        input.coupons.append(c.toString());
    input.firstOrder = json.value(QStringLiteral("firstOrder")).toBool();
    input.nowMs = json.value(QStringLiteral("nowMs")).toInteger();
    return input;
}

} // namespace haitao::server::pricing
