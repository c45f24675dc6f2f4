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

template <typename T>
void CatalogApi::call(const QByteArray &method, const QString &path, const QJsonObject *body,
                      const QByteArray &ifMatch, QObject *context, Callback<T> done,
                      Parser<T> parse) const
{
    jsonCall<T>(m_client, method, path, body, ifMatch, context, std::move(done), std::move(parse));
}

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
    call<Page<ProductSummary>>(
        "GET", pathWithQuery(kProducts, q), nullptr, {}, context, std::move(done),
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
    call<ProductDetail>("GET", kProducts + QStringLiteral("/%1").arg(id), nullptr, {}, context,
                        std::move(done), &parseDetail);
}

void CatalogApi::counts(const ProductFilter &filter, QObject *context,
                        Callback<StatusCounts> done) const
{
    QUrlQuery q;
    addFilter(&q, filter);
    call<StatusCounts>("GET", pathWithQuery(kProducts + QStringLiteral("/counts"), q), nullptr, {},
                       context, std::move(done), [](const JsonReply &r, QString *why) {
                           return StatusCounts::fromJson(r.body, why);
                       });
}

void CatalogApi::bulk(const BulkAction &action, QObject *context, Callback<BulkResult> done) const
{
    const QJsonObject body = action.toJson();
    call<BulkResult>(
        "POST", kProducts + QStringLiteral("/bulk"), &body, {}, context, std::move(done),
        [](const JsonReply &r, QString *why) { return BulkResult::fromJson(r.body, why); });
}

void CatalogApi::assign(qint64 id, const QString &assignee, const QByteArray &etag,
                        QObject *context, Callback<ProductDetail> done) const
{
    const QJsonObject body{{QStringLiteral("assignee"), assignee}};
    call<ProductDetail>("PUT", kProducts + QStringLiteral("/%1/assignee").arg(id), &body, etag,
                        context, std::move(done), &parseDetail);
}

void CatalogApi::transition(qint64 id, ProductStatus to, const QString &comment,
                            const QByteArray &etag, QObject *context,
                            Callback<ProductDetail> done) const
{
    QJsonObject body{{QStringLiteral("to"), productStatusName(to)}};
    if (!comment.isEmpty())
        body.insert(QStringLiteral("comment"), comment);
    call<ProductDetail>("POST", kProducts + QStringLiteral("/%1/transitions").arg(id), &body, etag,
                        context, std::move(done), &parseDetail);
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
    // The feed is the raw body, not JSON: the raw send, with errors mapped as usual.
    m_client->send("POST", pathWithQuery(kImports, q), upload.body,
                   {{QByteArray("Content-Type"), contentType}}, context,
                   [done = std::move(done)](const RawResponse &r) {
                       if (const std::optional<ApiError> e = rawAnswerError(r)) {
                           done(*e);
                           return;
                       }
                       QString why;
                       const std::optional<ImportStatus> s =
                           ImportStatus::fromJson(QJsonDocument::fromJson(r.body).object(), &why);
                       if (s)
                           done(*s);
                       else
                           done(unreadableAnswer(r.status, why));
                   });
}

void CatalogApi::importStatus(qint64 id, QObject *context, Callback<ImportStatus> done) const
{
    call<ImportStatus>("GET", kImports + QStringLiteral("/%1").arg(id), nullptr, {}, context,
                       std::move(done), &parseImport);
}

void CatalogApi::cancelImport(qint64 id, QObject *context, Callback<ImportStatus> done) const
{
    call<ImportStatus>("POST", kImports + QStringLiteral("/%1/cancel").arg(id), nullptr, {},
                       context, std::move(done), &parseImport);
}

void CatalogApi::importUrl(const QString &url, QObject *context, Callback<ProductDetail> done) const
{
    const QJsonObject body{{QStringLiteral("url"), url}};
    call<ProductDetail>("POST", kImports + QStringLiteral("/url"), &body, {}, context,
                        std::move(done), &parseDetail);
}

void CatalogApi::priceHistory(qint64 id, QObject *context, Callback<QList<PricePoint>> done) const
{
    call<QList<PricePoint>>(
        "GET", kProducts + QStringLiteral("/%1/prices").arg(id), nullptr, {}, context,
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
    m_client->send("GET", path, {}, {{QByteArray("Accept"), QByteArray("image/*")}}, context,
                   [done = std::move(done)](const RawResponse &r) {
                       if (const std::optional<ApiError> e = rawAnswerError(r))
                           done(*e);
                       else
                           done(r.body);
                   });
}

} // namespace haitao::client
