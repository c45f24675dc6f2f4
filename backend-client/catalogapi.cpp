#include "backend-client/catalogapi.h"

#include "backend-client/jsoncall.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace haitao::client {

namespace {

const QString kProducts = QStringLiteral("/api/v1/catalog/products");
const QString kImports = QStringLiteral("/api/v1/catalog/imports");

void addFilter(QUrlQuery *q, const ProductFilter &f)
{
    if (!f.search.isEmpty())
        q->addQueryItem(QStringLiteral("q"), f.search);
    if (!f.site.isEmpty())
        q->addQueryItem(QStringLiteral("site"), f.site);
    if (!f.category.isEmpty())
        q->addQueryItem(QStringLiteral("category"), f.category);
    if (!f.assignee.isEmpty())
        q->addQueryItem(QStringLiteral("assignee"), f.assignee);
}

std::optional<ProductDetail> parseDetail(const JsonReply &reply, QString *why)
{
    std::optional<ProductDetail> d = ProductDetail::fromJson(reply.body, why);
    if (d && !reply.header("ETag").isEmpty())
        d->etag = reply.header("ETag");
    return d;
}

std::optional<ImportStatus> parseImport(const JsonReply &reply, QString *why)
{
    return ImportStatus::fromJson(reply.body, why);
}

} // namespace

void CatalogApi::list(const ProductQuery &query, QObject *context,
                      Callback<Page<ProductSummary>> done) const
{
    QUrlQuery q;
    addFilter(&q, query.filter);
    if (query.filter.status)
        q.addQueryItem(QStringLiteral("status"), productStatusName(*query.filter.status));
    if (query.filter.sort != ProductSort::Newest)
        q.addQueryItem(QStringLiteral("sort"), productSortName(query.filter.sort));
    if (query.offset)
        q.addQueryItem(QStringLiteral("offset"), QString::number(*query.offset));
    else if (!query.cursor.isEmpty())
        q.addQueryItem(QStringLiteral("cursor"), query.cursor);
    q.addQueryItem(QStringLiteral("limit"), QString::number(query.limit));
    jsonCall<Page<ProductSummary>>(
        m_client, "GET", pathWithQuery(kProducts, q), nullptr, {}, context, std::move(done),
        [](const JsonReply &r, QString *why) -> std::optional<Page<ProductSummary>> {
            Page<ProductSummary> page;
            const QJsonArray items = r.body.value(QStringLiteral("items")).toArray();
            page.items.reserve(items.size());
            for (const QJsonValue &v : items) {
                std::optional<ProductSummary> p = ProductSummary::fromJson(v.toObject(), why);
                if (!p)
                    return std::nullopt;
                page.items.append(std::move(*p));
            }
            page.nextCursor = r.body.value(QStringLiteral("nextCursor")).toString();
            return page;
        });
}

void CatalogApi::product(qint64 id, QObject *context, Callback<ProductDetail> done) const
{
    jsonCall<ProductDetail>(m_client, "GET", kProducts + QStringLiteral("/%1").arg(id), nullptr, {},
                            context, std::move(done), &parseDetail);
}

void CatalogApi::counts(const ProductFilter &filter, QObject *context,
                        Callback<StatusCounts> done) const
{
    QUrlQuery q;
    addFilter(&q, filter);
    jsonCall<StatusCounts>(
        m_client, "GET", pathWithQuery(kProducts + QStringLiteral("/counts"), q), nullptr, {},
        context, std::move(done),
        [](const JsonReply &r, QString *why) { return StatusCounts::fromJson(r.body, why); });
}

void CatalogApi::bulk(const BulkAction &action, QObject *context, Callback<BulkResult> done) const
{
    const QJsonObject body = action.toJson();
    jsonCall<BulkResult>(
        m_client, "POST", kProducts + QStringLiteral("/bulk"), &body, {}, context, std::move(done),
        [](const JsonReply &r, QString *why) { return BulkResult::fromJson(r.body, why); });
}

void CatalogApi::assign(qint64 id, const QString &assignee, const QByteArray &etag,
                        QObject *context, Callback<ProductDetail> done) const
{
    const QJsonObject body{{QStringLiteral("assignee"), assignee}};
    jsonCall<ProductDetail>(m_client, "PUT", kProducts + QStringLiteral("/%1/assignee").arg(id),
                            &body, etag, context, std::move(done), &parseDetail);
}

void CatalogApi::transition(qint64 id, ProductStatus to, const QString &comment,
                            const QByteArray &etag, QObject *context,
                            Callback<ProductDetail> done) const
{
    QJsonObject body{{QStringLiteral("to"), productStatusName(to)}};
    if (!comment.isEmpty())
        body.insert(QStringLiteral("comment"), comment);
    jsonCall<ProductDetail>(m_client, "POST", kProducts + QStringLiteral("/%1/transitions").arg(id),
                            &body, etag, context, std::move(done), &parseDetail);
}

void CatalogApi::startImport(const FeedUpload &upload, QObject *context,
                             Callback<ImportStatus> done) const
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("site"), upload.site);
    q.addQueryItem(QStringLiteral("format"), upload.format);
    if (!upload.encoding.isEmpty())
        q.addQueryItem(QStringLiteral("encoding"), upload.encoding);
    const QByteArray contentType =
        upload.format == QLatin1String("jsonl") ? "application/jsonl" : "text/csv";
    jsonCall<ImportStatus>(m_client, "POST", pathWithQuery(kImports, q),
                           RawBody{upload.body, contentType}, context, std::move(done),
                           &parseImport);
}

void CatalogApi::importStatus(qint64 id, QObject *context, Callback<ImportStatus> done) const
{
    jsonCall<ImportStatus>(m_client, "GET", kImports + QStringLiteral("/%1").arg(id), nullptr, {},
                           context, std::move(done), &parseImport);
}

void CatalogApi::cancelImport(qint64 id, QObject *context, Callback<ImportStatus> done) const
{
    jsonCall<ImportStatus>(m_client, "POST", kImports + QStringLiteral("/%1/cancel").arg(id),
                           nullptr, {}, context, std::move(done), &parseImport);
}

void CatalogApi::importUrl(const QString &url, QObject *context, Callback<ProductDetail> done) const
{
    const QJsonObject body{{QStringLiteral("url"), url}};
    jsonCall<ProductDetail>(m_client, "POST", kImports + QStringLiteral("/url"), &body, {}, context,
                            std::move(done), &parseDetail);
}

void CatalogApi::priceHistory(qint64 id, QObject *context, Callback<QList<PricePoint>> done) const
{
    jsonCall<QList<PricePoint>>(
        m_client, "GET", kProducts + QStringLiteral("/%1/prices").arg(id), nullptr, {}, context,
        std::move(done), [](const JsonReply &r, QString *why) -> std::optional<QList<PricePoint>> {
            QList<PricePoint> points;
            for (const QJsonValue &v : r.body.value(QStringLiteral("items")).toArray()) {
                std::optional<PricePoint> p = PricePoint::fromJson(v.toObject(), why);
                if (!p)
                    return std::nullopt;
                points.append(std::move(*p));
            }
            return points;
        });
}

void CatalogApi::image(const QString &path, QObject *context, Callback<QByteArray> done) const
{
    m_client->requestBytes("GET", path, {}, {{QByteArray("Accept"), QByteArray("image/*")}},
                           context, [done = std::move(done)](const Result<RawResponse> &r) {
                               if (r.ok())
                                   done(r.value().body);
                               else
                                   done(r.error());
                           });
}

} // namespace haitao::client
