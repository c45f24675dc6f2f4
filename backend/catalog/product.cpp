#include "backend/catalog/product.h"

#include "core/wiretime.h"

#include <QJsonArray>

namespace haitao::server::catalog {

namespace {

QJsonValue optionalNumber(const std::optional<qint64> &v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

QJsonArray optionsJson(const QList<QPair<QString, QString>> &options)
{
    QJsonArray out;
    for (const auto &[name, value] : options)
        out.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("value"), value}});
    return out;
}

} // namespace

QJsonObject Sku::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("sourceSku"), sourceSku},
            {QStringLiteral("options"), optionsJson(options)},
            {QStringLiteral("price"), price.toJson()},
            {QStringLiteral("weightG"), optionalNumber(weightG)},
            {QStringLiteral("lengthMm"), optionalNumber(lengthMm)},
            {QStringLiteral("widthMm"), optionalNumber(widthMm)},
            {QStringLiteral("heightMm"), optionalNumber(heightMm)},
            {QStringLiteral("stock"), optionalNumber(stock)},
            {QStringLiteral("updatedAt"), toWireTime(updatedAtMs)}};
}

QJsonObject Product::toJson() const
{
    QJsonArray skuArray;
    for (const Sku &s : skus)
        skuArray.append(s.toJson());
    return {{QStringLiteral("id"), id},
            {QStringLiteral("site"), site},
            {QStringLiteral("groupKey"), groupKey},
            {QStringLiteral("sourceUrl"), sourceUrl},
            {QStringLiteral("sourceLanguage"), sourceLanguage},
            {QStringLiteral("title"), title},
            {QStringLiteral("description"), description},
            {QStringLiteral("brand"), brand},
            {QStringLiteral("category"), category},
            {QStringLiteral("attributes"), attributes},
            {QStringLiteral("images"), QJsonArray::fromStringList(images)},
            {QStringLiteral("status"), listingStatusName(status)},
            {QStringLiteral("version"), version},
            {QStringLiteral("titleZh"), titleZh},
            {QStringLiteral("descriptionZh"), descriptionZh},
            {QStringLiteral("attributesZh"), attributesZh},
            {QStringLiteral("assignee"), assignee},
            {QStringLiteral("stale"), stale},
            {QStringLiteral("createdAt"), toWireTime(createdAtMs)},
            {QStringLiteral("updatedAt"), toWireTime(updatedAtMs)},
            {QStringLiteral("skus"), skuArray}};
}

QJsonObject Product::toPublicJson() const
{
    QJsonArray skuArray;
    for (const Sku &s : skus) {
        QJsonObject o = s.toJson();
        o.remove(QStringLiteral("updatedAt"));
        skuArray.append(o);
    }
    return {{QStringLiteral("id"), id},
            {QStringLiteral("site"), site},
            {QStringLiteral("title"), titleZh},
            {QStringLiteral("description"), descriptionZh},
            {QStringLiteral("attributes"), attributesZh},
            {QStringLiteral("brand"), brand},
            {QStringLiteral("category"), category},
            {QStringLiteral("images"), QJsonArray::fromStringList(images)},
            {QStringLiteral("originalTitle"), title},
            {QStringLiteral("skus"), skuArray}};
}

QJsonObject ListingEvent::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("productId"), productId},
            {QStringLiteral("at"), toWireTime(atMs)},
            {QStringLiteral("actor"), actor},
            {QStringLiteral("from"), from},
            {QStringLiteral("to"), to},
            {QStringLiteral("comment"), comment}};
}

} // namespace haitao::server::catalog
