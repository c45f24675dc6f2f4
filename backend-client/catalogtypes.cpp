#include "backend-client/catalogtypes.h"

#include "backend-client/jsonfields.h"
#include "backend-client/pricingtypes.h"
#include "core/wiretime.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace haitao::client {

namespace {

using jsonfields::fail;

struct StatusName
{
    ProductStatus status;
    const char *name;
};

constexpr StatusName kStatusNames[] = {
    {ProductStatus::Imported, "imported"},       {ProductStatus::InTranslation, "in_translation"},
    {ProductStatus::InReview, "in_review"},      {ProductStatus::Published, "published"},
    {ProductStatus::Unpublished, "unpublished"},
};

QDateTime readTime(const QJsonValue &v)
{
    return v.isString() ? fromWireTime(v.toString()) : QDateTime();
}

// Images were plain source URLs before the media component; objects since. Both read.
QList<ProductImage> readImages(const QJsonArray &array)
{
    QList<ProductImage> images;
    for (const QJsonValue &v : array) {
        if (v.isString()) {
            images.append({v.toString(), QString()});
            continue;
        }
        const QJsonObject o = v.toObject();
        images.append({o.value(QStringLiteral("source")).toString(),
                       o.value(QStringLiteral("url")).toString()});
    }
    return images;
}

std::optional<ProductSku> readSku(const QJsonObject &json, QString *why)
{
    ProductSku s;
    s.id = json.value(QStringLiteral("id")).toInteger();
    s.sourceSku = json.value(QStringLiteral("sourceSku")).toString();
    const std::optional<Money> price = moneyFromJson(json.value(QStringLiteral("price")));
    if (!price) {
        fail(why, QStringLiteral("SKU %1 has no readable price").arg(s.id));
        return std::nullopt;
    }
    s.price = *price;
    for (const QJsonValue &o : json.value(QStringLiteral("options")).toArray())
        s.options.append({o.toObject().value(QStringLiteral("name")).toString(),
                          o.toObject().value(QStringLiteral("value")).toString()});
    if (const QJsonValue w = json.value(QStringLiteral("weightG")); w.isDouble())
        s.weightG = w.toInteger();
    if (const QJsonValue st = json.value(QStringLiteral("stock")); st.isDouble())
        s.stock = st.toInteger();
    return s;
}

std::optional<QList<ProductSku>> readSkus(const QJsonObject &json, QString *why)
{
    QList<ProductSku> skus;
    for (const QJsonValue &v : json.value(QStringLiteral("skus")).toArray()) {
        std::optional<ProductSku> sku = readSku(v.toObject(), why);
        if (!sku)
            return std::nullopt;
        skus.append(std::move(*sku));
    }
    return skus;
}

} // namespace

QString productStatusName(ProductStatus status)
{
    for (const StatusName &n : kStatusNames) {
        if (n.status == status)
            return QLatin1String(n.name);
    }
    return {};
}

std::optional<ProductStatus> productStatusFromName(QStringView name)
{
    for (const StatusName &n : kStatusNames) {
        if (name == QLatin1String(n.name))
            return n.status;
    }
    return std::nullopt;
}

QString productSortName(ProductSort sort)
{
    switch (sort) {
    case ProductSort::Newest:
        return QStringLiteral("newest");
    case ProductSort::Oldest:
        return QStringLiteral("oldest");
    case ProductSort::Updated:
        return QStringLiteral("updated");
    case ProductSort::Title:
        return QStringLiteral("title");
    }
    return QStringLiteral("newest");
}

QByteArray ProductSummary::etag() const
{
    return "\"v" + QByteArray::number(version) + '"';
}

QString ProductSummary::thumbnailPath() const
{
    for (const ProductImage &i : images) {
        if (!i.url.isEmpty())
            return i.url;
    }
    return {};
}

std::optional<ProductSummary> ProductSummary::fromJson(const QJsonObject &json, QString *why)
{
    ProductSummary p;
    p.id = json.value(QStringLiteral("id")).toInteger();
    if (p.id <= 0) {
        fail(why, QStringLiteral("a product has no id"));
        return std::nullopt;
    }
    const std::optional<ProductStatus> status =
        productStatusFromName(json.value(QStringLiteral("status")).toString());
    if (!status) {
        fail(why, QStringLiteral("product %1 has an unknown status").arg(p.id));
        return std::nullopt;
    }
    p.status = *status;
    p.site = json.value(QStringLiteral("site")).toString();
    p.title = json.value(QStringLiteral("title")).toString();
    p.titleZh = json.value(QStringLiteral("titleZh")).toString();
    p.brand = json.value(QStringLiteral("brand")).toString();
    p.category = json.value(QStringLiteral("category")).toString();
    p.sourceLanguage = json.value(QStringLiteral("sourceLanguage")).toString();
    p.version = json.value(QStringLiteral("version")).toInteger();
    p.assignee = json.value(QStringLiteral("assignee")).toString();
    p.stale = json.value(QStringLiteral("stale")).toBool();
    p.images = readImages(json.value(QStringLiteral("images")).toArray());
    p.createdAt = readTime(json.value(QStringLiteral("createdAt")));
    p.updatedAt = readTime(json.value(QStringLiteral("updatedAt")));

    const QJsonArray skus = json.value(QStringLiteral("skus")).toArray();
    p.skuCount = int(skus.size());
    for (const QJsonValue &v : skus) {
        const std::optional<Money> price =
            moneyFromJson(v.toObject().value(QStringLiteral("price")));
        if (!price) {
            fail(why, QStringLiteral("product %1 has a SKU without a readable price").arg(p.id));
            return std::nullopt;
        }
        if (!p.lowestPrice) {
            p.lowestPrice = *price;
            continue;
        }
        // A product's SKUs share a currency; one in another currency is not compared.
        const auto order = price->compare(*p.lowestPrice);
        if (order && order.value() == std::strong_ordering::less)
            p.lowestPrice = *price;
    }
    return p;
}

std::optional<ProductDetail> ProductDetail::fromJson(const QJsonObject &json, QString *why)
{
    std::optional<ProductSummary> summary = ProductSummary::fromJson(json, why);
    if (!summary)
        return std::nullopt;
    std::optional<QList<ProductSku>> skus = readSkus(json, why);
    if (!skus)
        return std::nullopt;
    ProductDetail d;
    d.summary = std::move(*summary);
    d.skus = std::move(*skus);
    d.sourceUrl = json.value(QStringLiteral("sourceUrl")).toString();
    d.description = json.value(QStringLiteral("description")).toString();
    d.attributes = json.value(QStringLiteral("attributes")).toObject();
    d.descriptionZh = json.value(QStringLiteral("descriptionZh")).toString();
    d.attributesZh = json.value(QStringLiteral("attributesZh")).toObject();
    if (const QJsonValue v = json.value(QStringLiteral("lastPublished")); v.isObject()) {
        const QJsonObject o = v.toObject();
        d.lastPublished = PublishedText{o.value(QStringLiteral("titleZh")).toString(),
                                        o.value(QStringLiteral("descriptionZh")).toString(),
                                        o.value(QStringLiteral("attributesZh")).toObject()};
    }
    if (const QJsonValue v = json.value(QStringLiteral("lastRejection")); v.isObject()) {
        const QJsonObject o = v.toObject();
        d.lastRejection = Rejection{o.value(QStringLiteral("comment")).toString(),
                                    o.value(QStringLiteral("actor")).toString(),
                                    readTime(o.value(QStringLiteral("at")))};
    }
    d.priceCheckedAt = readTime(json.value(QStringLiteral("priceCheckedAt")));
    d.refreshFailures = json.value(QStringLiteral("refreshFailures")).toInt();
    d.etag = d.summary.etag();
    return d;
}

std::optional<StatusCounts> StatusCounts::fromJson(const QJsonObject &json, QString *why)
{
    const QJsonValue counts = json.value(QStringLiteral("counts"));
    if (!counts.isObject() || !json.value(QStringLiteral("total")).isDouble()) {
        fail(why, QStringLiteral("the counts answer has no counts or total"));
        return std::nullopt;
    }
    StatusCounts c;
    const QJsonObject o = counts.toObject();
    for (const StatusName &n : kStatusNames)
        c.byStatus[size_t(n.status)] = o.value(QLatin1String(n.name)).toInteger();
    c.total = json.value(QStringLiteral("total")).toInteger();
    return c;
}

QJsonObject BulkAction::toJson() const
{
    QJsonArray idArray;
    for (const qint64 id : ids)
        idArray.append(id);
    QJsonObject o{{QStringLiteral("ids"), idArray}};
    if (kind == Kind::Assign) {
        o.insert(QStringLiteral("action"), QStringLiteral("assign"));
        o.insert(QStringLiteral("assignee"), assignee);
        return o;
    }
    o.insert(QStringLiteral("action"), QStringLiteral("transition"));
    o.insert(QStringLiteral("to"), productStatusName(to));
    if (!comment.isEmpty())
        o.insert(QStringLiteral("comment"), comment);
    return o;
}

int BulkResult::failed() const
{
    int n = 0;
    for (const BulkItemResult &r : results)
        n += r.ok ? 0 : 1;
    return n;
}

std::optional<BulkResult> BulkResult::fromJson(const QJsonObject &json, QString *why)
{
    const QJsonValue results = json.value(QStringLiteral("results"));
    if (!results.isArray()) {
        fail(why, QStringLiteral("the bulk answer has no results"));
        return std::nullopt;
    }
    BulkResult out;
    for (const QJsonValue &v : results.toArray()) {
        const QJsonObject o = v.toObject();
        BulkItemResult r;
        r.id = o.value(QStringLiteral("id")).toInteger();
        r.ok = o.value(QStringLiteral("ok")).toBool();
        if (r.ok) {
            const auto status = productStatusFromName(o.value(QStringLiteral("status")).toString());
            if (!status) {
                fail(why, QStringLiteral("bulk result %1 has an unknown status").arg(r.id));
                return std::nullopt;
            }
            r.status = *status;
            r.version = o.value(QStringLiteral("version")).toInteger();
        } else {
            // The item's problem document, read like any problem+json answer.
            const QJsonObject problem = o.value(QStringLiteral("problem")).toObject();
            r.problem = ApiError::fromResponse(problem.value(QStringLiteral("status")).toInt(),
                                               QJsonDocument(problem).toJson(), {}, {});
        }
        out.results.append(std::move(r));
    }
    return out;
}

std::optional<ImportStatus> ImportStatus::fromJson(const QJsonObject &json, QString *why)
{
    static const QList<QPair<QString, State>> states = {
        {QStringLiteral("queued"), State::Queued},
        {QStringLiteral("running"), State::Running},
        {QStringLiteral("done"), State::Done},
        {QStringLiteral("failed"), State::Failed},
        {QStringLiteral("cancelled"), State::Cancelled},
    };
    ImportStatus s;
    s.id = json.value(QStringLiteral("id")).toInteger();
    const QString state = json.value(QStringLiteral("state")).toString();
    bool known = false;
    for (const auto &[name, value] : states) {
        if (name == state) {
            s.state = value;
            known = true;
        }
    }
    if (s.id <= 0 || !known) {
        fail(why, QStringLiteral("the import answer has no id or an unknown state"));
        return std::nullopt;
    }
    s.site = json.value(QStringLiteral("site")).toString();
    s.format = json.value(QStringLiteral("format")).toString();
    s.bytesTotal = json.value(QStringLiteral("bytesTotal")).toInteger();
    s.bytesDone = json.value(QStringLiteral("bytesDone")).toInteger();
    const QJsonObject counts = json.value(QStringLiteral("counts")).toObject();
    s.rowsNew = counts.value(QStringLiteral("new")).toInteger();
    s.rowsUpdated = counts.value(QStringLiteral("updated")).toInteger();
    s.rowsUnchanged = counts.value(QStringLiteral("unchanged")).toInteger();
    s.rowsRejected = counts.value(QStringLiteral("rejected")).toInteger();
    s.error = json.value(QStringLiteral("error")).toString();
    for (const QJsonValue &w : json.value(QStringLiteral("warnings")).toArray())
        s.warnings.append(w.toString());
    for (const QJsonValue &v : json.value(QStringLiteral("errors")).toArray()) {
        const QJsonObject o = v.toObject();
        s.errors.append({o.value(QStringLiteral("line")).toInteger(),
                         o.value(QStringLiteral("field")).toString(),
                         o.value(QStringLiteral("reason")).toString()});
    }
    return s;
}

std::optional<PricePoint> PricePoint::fromJson(const QJsonObject &json, QString *why)
{
    PricePoint p;
    p.skuId = json.value(QStringLiteral("skuId")).toInteger();
    p.sourceSku = json.value(QStringLiteral("sourceSku")).toString();
    p.at = readTime(json.value(QStringLiteral("at")));
    p.source = json.value(QStringLiteral("source")).toString();
    const std::optional<Money> price = moneyFromJson(json.value(QStringLiteral("price")));
    if (!price) {
        fail(why, QStringLiteral("a price history entry has no readable price"));
        return std::nullopt;
    }
    p.price = *price;
    return p;
}

} // namespace haitao::client
