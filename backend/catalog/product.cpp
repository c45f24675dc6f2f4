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

// [{"source": url, "url": "/api/v1/images/<sha256>" or null until stored}].
QJsonArray imagesJson(const QStringList &images, const QHash<QString, QString> &stored)
{
    QJsonArray out;
    for (const QString &source : images) {
        const QString hash = stored.value(source);
        const QJsonValue url =
            hash.isEmpty() ? QJsonValue() : QJsonValue(QStringLiteral("/api/v1/images/") + hash);
        out.append(QJsonObject{{QStringLiteral("source"), source}, {QStringLiteral("url"), url}});
    }
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

QList<QPair<QString, QString>> Product::translatedSegments() const
{
    QList<QPair<QString, QString>> segments{{title, titleZh}, {description, descriptionZh}};
    for (auto it = attributes.begin(); it != attributes.end(); ++it)
        segments.append({it.value().toString(), attributesZh.value(it.key()).toString()});
    return segments;
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
            {QStringLiteral("images"), imagesJson(images, storedImages)},
            {QStringLiteral("status"), listingStatusName(status)},
            {QStringLiteral("version"), version},
            {QStringLiteral("titleZh"), titleZh},
            {QStringLiteral("descriptionZh"), descriptionZh},
            {QStringLiteral("attributesZh"), attributesZh},
            {QStringLiteral("assignee"), assignee},
            {QStringLiteral("lastPublished"),
             lastPublished.isEmpty() ? QJsonValue() : QJsonValue(lastPublished)},
            {QStringLiteral("lastRejection"),
             lastRejection.isEmpty() || status != ListingStatus::InTranslation
                 ? QJsonValue()
                 : QJsonValue(lastRejection)},
            {QStringLiteral("stale"), stale},
            {QStringLiteral("priceCheckedAt"),
             priceCheckedAtMs ? QJsonValue(toWireTime(*priceCheckedAtMs)) : QJsonValue()},
            {QStringLiteral("refreshFailures"), refreshFailures},
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
            {QStringLiteral("images"), imagesJson(images, storedImages)},
            {QStringLiteral("originalTitle"), title},
            {QStringLiteral("skus"), skuArray}};
}

std::optional<ProductSort> productSortFromName(QStringView name)
{
    if (name.isEmpty() || name == u"newest")
        return ProductSort::Newest;
    if (name == u"oldest")
        return ProductSort::Oldest;
    if (name == u"updated")
        return ProductSort::Updated;
    if (name == u"title")
        return ProductSort::Title;
    return std::nullopt;
}

// Newest: "123" (what clients held before sorts existed). Oldest: "o123". Updated:
// "u<updatedAt>.<id>". Title: "t<id>.<base64url title>".
QString encodeProductCursor(ProductSort sort, const Product &last)
{
    switch (sort) {
    case ProductSort::Newest:
        break;
    case ProductSort::Oldest:
        return QStringLiteral("o%1").arg(last.id);
    case ProductSort::Updated:
        return QStringLiteral("u%1.%2").arg(last.updatedAtMs).arg(last.id);
    case ProductSort::Title:
        return QStringLiteral("t%1.").arg(last.id) +
               QString::fromLatin1(last.title.toUtf8().toBase64(QByteArray::Base64UrlEncoding |
                                                                QByteArray::OmitTrailingEquals));
    }
    return QString::number(last.id);
}

std::optional<ProductCursor> decodeProductCursor(ProductSort sort, const QString &text)
{
    const auto positive = [](QStringView s) -> std::optional<qint64> {
        bool ok = false;
        const qint64 n = s.toLongLong(&ok);
        return ok && n > 0 ? std::optional<qint64>(n) : std::nullopt;
    };
    ProductCursor c;
    const QStringView body = QStringView(text).mid(1);
    switch (sort) {
    case ProductSort::Newest: {
        const auto id = positive(text);
        if (!id)
            return std::nullopt;
        c.id = *id;
        return c;
    }
    case ProductSort::Oldest: {
        const auto id = text.startsWith(u'o') ? positive(body) : std::nullopt;
        if (!id)
            return std::nullopt;
        c.id = *id;
        return c;
    }
    case ProductSort::Updated: {
        const qsizetype dot = body.indexOf(u'.');
        if (!text.startsWith(u'u') || dot <= 0)
            return std::nullopt;
        const auto at = positive(body.left(dot));
        const auto id = positive(body.mid(dot + 1));
        if (!at || !id)
            return std::nullopt;
        c.updatedAtMs = *at;
        c.id = *id;
        return c;
    }
    case ProductSort::Title: {
        const qsizetype dot = body.indexOf(u'.');
        if (!text.startsWith(u't') || dot <= 0)
            return std::nullopt;
        const auto id = positive(body.left(dot));
        const auto decoded = QByteArray::fromBase64Encoding(
            body.mid(dot + 1).toLatin1(), QByteArray::Base64UrlEncoding |
                                              QByteArray::OmitTrailingEquals |
                                              QByteArray::AbortOnBase64DecodingErrors);
        if (!id || !decoded)
            return std::nullopt;
        c.id = *id;
        c.title = QString::fromUtf8(*decoded);
        return c;
    }
    }
    return std::nullopt;
}

QJsonObject ProductCounts::toJson() const
{
    QJsonObject counts;
    for (ListingStatus s :
         {ListingStatus::Imported, ListingStatus::InTranslation, ListingStatus::InReview,
          ListingStatus::Published, ListingStatus::Unpublished})
        counts.insert(listingStatusName(s), byStatus.value(s, 0));
    return {{QStringLiteral("counts"), counts}, {QStringLiteral("total"), total}};
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
