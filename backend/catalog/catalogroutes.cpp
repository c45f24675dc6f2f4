#include "backend/catalog/catalogroutes.h"

#include "backend/catalog/catalogservice.h"
#include "backend/http/etag.h"
#include "backend/http/fields.h"
#include "backend/http/paging.h"
#include "backend/http/query.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace haitao::server::catalog {

namespace {

Response productResponse(const Product &p, int status = 200)
{
    Response r = Response::json(p.toJson(), status);
    r.headers.append({"ETag", numberedEtag('v', p.version)});
    return r;
}

// "assignee": a user name, or "" for nobody; required, so that a missing field never
// unassigns by accident.
QString readAssignee(Fields &f, const QJsonObject &body)
{
    if (!body.value(QStringLiteral("assignee")).isString())
        f.fail(QStringLiteral("assignee"),
               QStringLiteral("is required: a user name, or \"\" for nobody"));
    return f.optionalString(QStringLiteral("assignee"), 0, 64).value_or(QString());
}

// "to": the status a workflow move goes to.
std::optional<ListingStatus> readTo(Fields &f)
{
    const QString name = f.requiredString(QStringLiteral("to"), 1, 32);
    const auto to = listingStatusFromName(name);
    if (!name.isEmpty() && !to)
        f.fail(QStringLiteral("to"),
               QStringLiteral("must be in_translation, in_review, published or unpublished"));
    return to;
}

// The filters only (search, site, category; staff: status and assignee, "me" the caller).
ProductFilter readSelection(const Request &r, bool staff)
{
    ProductFilter f;
    f.search = r.query(QStringLiteral("q")).trimmed().left(100);
    f.site = r.query(QStringLiteral("site")).left(100).toLower(); // stored lower-case
    f.category = r.query(QStringLiteral("category")).left(64);
    if (staff) {
        f.assignee = r.query(QStringLiteral("assignee")).trimmed().left(64);
        if (f.assignee == QLatin1String("me"))
            f.assignee = r.user().username;
    }
    return f;
}

// Filters, sort and the page: a keyset `cursor` (opaque, of the same sort) or, for staff, an
// `offset` (random access for the desktop's table), never both.
ProductFilter readFilter(const Request &r, bool staff)
{
    ProductFilter f = readSelection(r, staff);
    const auto sort = productSortFromName(r.query(QStringLiteral("sort")));
    if (!sort)
        throw badQuery(QStringLiteral("sort"),
                       QStringLiteral("must be newest, oldest, updated or title"));
    f.sort = *sort;
    const QString cursor = r.query(QStringLiteral("cursor"));
    const QString offset = staff ? r.query(QStringLiteral("offset")) : QString();
    if (!cursor.isEmpty() && !offset.isEmpty())
        throw badQuery(QStringLiteral("offset"), QStringLiteral("send cursor or offset, not both"));
    const int maxLimit = offset.isEmpty() ? 200 : 500;
    f.limit = int(queryInteger(r, QStringLiteral("limit"), f.limit, 1, maxLimit));
    if (!offset.isEmpty())
        f.offset = queryInteger(r, QStringLiteral("offset"), 0, 0, 10'000'000);
    if (!cursor.isEmpty()) {
        const auto c = decodeProductCursor(f.sort, cursor);
        if (!c)
            throw badQuery(QStringLiteral("cursor"),
                           QStringLiteral("is not a cursor this API gave for this sort"));
        if (f.sort == ProductSort::Newest)
            f.beforeId = c->id;
        else
            f.cursor = c;
    }
    if (staff) {
        if (const QString s = r.query(QStringLiteral("status")); !s.isEmpty()) {
            f.status = listingStatusFromName(s);
            if (!f.status)
                throw badQuery(QStringLiteral("status"),
                               QStringLiteral("must be imported, in_translation, in_review, "
                                              "published or unpublished"));
        }
    }
    return f;
}

Response bulkResponse(CatalogService &catalog, const Request &r)
{
    Fields f(r.body);
    f.onlyKnown({QStringLiteral("ids"), QStringLiteral("action"), QStringLiteral("to"),
                 QStringLiteral("comment"), QStringLiteral("assignee")});
    QList<qint64> ids;
    const QJsonValue idsValue = r.body.value(QStringLiteral("ids"));
    const QJsonArray idArray = idsValue.toArray();
    if (!idsValue.isArray() || idArray.isEmpty() || idArray.size() > 500)
        f.fail(QStringLiteral("ids"), QStringLiteral("must be an array of 1 to 500 product ids"));
    for (qsizetype i = 0; i < idArray.size(); ++i) {
        const qint64 id = idArray.at(i).toInteger(0);
        if (id <= 0)
            f.fail(QStringLiteral("ids[%1]").arg(i), QStringLiteral("must be a product id"));
        ids.append(id);
    }
    const QString action = f.requiredString(QStringLiteral("action"), 1, 32);
    const bool assign = action == QLatin1String("assign");
    if (!action.isEmpty() && !assign && action != QLatin1String("transition"))
        f.fail(QStringLiteral("action"), QStringLiteral("must be transition or assign"));
    std::optional<ListingStatus> to;
    QString assignee;
    if (assign)
        assignee = readAssignee(f, r.body);
    else if (action == QLatin1String("transition"))
        to = readTo(f);
    const QString comment =
        f.optionalString(QStringLiteral("comment"), 0, 2000).value_or(QString());
    f.done();
    const auto results = catalog.bulk(
        r.user(), ids,
        assign ? CatalogService::BulkAction::Assign : CatalogService::BulkAction::Transition,
        to.value_or(ListingStatus::Imported), comment, assignee.trimmed());
    QJsonArray items;
    for (const CatalogService::BulkResult &result : results) {
        QJsonObject o{{QStringLiteral("id"), result.id}, {QStringLiteral("ok"), !result.error}};
        if (result.product) {
            o.insert(QStringLiteral("status"), listingStatusName(result.product->status));
            o.insert(QStringLiteral("version"), result.product->version);
        } else if (result.error) {
            const QString instance = QStringLiteral("/api/v1/catalog/products/%1").arg(result.id);
            o.insert(QStringLiteral("problem"),
                     QJsonDocument::fromJson(problemJson(*result.error, instance, r.requestId))
                         .object());
        }
        items.append(o);
    }
    return Response::json({{QStringLiteral("results"), items}});
}

} // namespace

void addCatalogRoutes(Router &router, CatalogService &catalog)
{
    const Access staff = Access::only({Role::Ops, Role::Admin, Role::Translator});
    const Access ops = Access::only({Role::Ops, Role::Admin});

    router.add(
        QStringLiteral("POST"), QStringLiteral("/api/v1/catalog/imports"), ops, Body::Raw,
        [&catalog](const Request &r) {
            QList<FieldProblem> errors;
            const QString site = r.query(QStringLiteral("site")).toLower();
            if (!isValidSite(site))
                errors.append({QStringLiteral("site"),
                               QStringLiteral("must be the shop's domain, e.g. amazon.com")});
            const auto format = feedFormatFromName(r.query(QStringLiteral("format")));
            if (!format)
                errors.append({QStringLiteral("format"), QStringLiteral("must be csv or jsonl")});
            // encoding=gbk, or a charset on the Content-Type, names the encoding; without
            // either it is detected (docs/feeds.md).
            FeedEncoding encoding = FeedEncoding::Auto;
            QString declared = r.query(QStringLiteral("encoding"));
            QString declaredField = QStringLiteral("encoding");
            if (declared.isEmpty()) {
                declared = charsetParameter(r.header(QStringLiteral("Content-Type")));
                declaredField = QStringLiteral("Content-Type");
            }
            if (!declared.isEmpty()) {
                if (const auto e = feedEncodingFromName(declared))
                    encoding = *e;
                else
                    errors.append(
                        {declaredField, QStringLiteral("'%1' is not an encoding feeds may use "
                                                       "(utf-8 or gbk)")
                                            .arg(declared)});
            }
            if (r.rawBody.isEmpty())
                errors.append({QStringLiteral("body"),
                               QStringLiteral("send the feed file as the request body")});
            if (!errors.isEmpty())
                throw ApiError(ProblemKind::Validation, QStringLiteral("The import cannot start"),
                               errors);
            const ImportJob job =
                catalog.startImport(Actor::of(r), site, *format, encoding, r.rawBody);
            Response resp = Response::json(job.toJson(), 202);
            resp.headers.append(
                {"Location", "/api/v1/catalog/imports/" + QByteArray::number(job.id)});
            return resp;
        });

    // Fetches the page while the request waits (a few seconds at most): the caller sees the
    // product, or why it could not be read, at once.
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/catalog/imports/url"), ops,
               Body::Json, [&catalog](const Request &r) {
                   Fields f(r.body);
                   f.onlyKnown({QStringLiteral("url")});
                   const QString url = f.requiredString(QStringLiteral("url"), 1, 2000);
                   f.done();
                   return productResponse(catalog.importUrl(Actor::of(r), url), 201);
               });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/catalog/imports/{id}"), ops,
               Body::None, [&catalog](const Request &r) {
                   return Response::json(
                       catalog.importJob(r.idParam(QStringLiteral("id"))).toJson());
               });

    router.add(
        QStringLiteral("POST"), QStringLiteral("/api/v1/catalog/imports/{id}/cancel"), ops,
        Body::None, [&catalog](const Request &r) {
            return Response::json(
                catalog.cancelImport(Actor::of(r), r.idParam(QStringLiteral("id"))).toJson());
        });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/catalog/products"), staff, Body::None,
               [&catalog](const Request &r) {
                   return Response::json(pageJson(catalog.listProducts(readFilter(r, true))));
               });

    // Before products/{id}: the first route that matches a path wins.
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/catalog/products/counts"), staff,
               Body::None, [&catalog](const Request &r) {
                   return Response::json(catalog.countProducts(readSelection(r, true)).toJson());
               });

    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/catalog/products/bulk"), staff,
               Body::Json, [&catalog](const Request &r) { return bulkResponse(catalog, r); });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/catalog/products/{id}"), staff,
               Body::None, [&catalog](const Request &r) {
                   return productResponse(catalog.product(r.idParam(QStringLiteral("id"))));
               });

    router.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/catalog/products/{id}/assignee"), ops,
               Body::Json, [&catalog](const Request &r) {
                   const qint64 id = r.idParam(QStringLiteral("id"));
                   const qint64 version = ifMatchNumber(r, 'v', QStringLiteral("listing version"));
                   Fields f(r.body);
                   f.onlyKnown({QStringLiteral("assignee")});
                   const QString assignee = readAssignee(f, r.body);
                   f.done();
                   return productResponse(
                       catalog.assign(r.user(), id, version, assignee.trimmed()));
               });

    router.add(
        QStringLiteral("PUT"), QStringLiteral("/api/v1/catalog/products/{id}/listing"), staff,
        Body::Json, [&catalog](const Request &r) {
            const qint64 id = r.idParam(QStringLiteral("id"));
            const qint64 version = ifMatchNumber(r, 'v', QStringLiteral("listing version"));
            Fields f(r.body);
            f.onlyKnown({QStringLiteral("titleZh"), QStringLiteral("descriptionZh"),
                         QStringLiteral("attributesZh")});
            ListingText text;
            text.titleZh = f.optionalString(QStringLiteral("titleZh"), 0, 500).value_or(QString());
            text.descriptionZh =
                f.optionalString(QStringLiteral("descriptionZh"), 0, 20000).value_or(QString());
            const QJsonValue attrs = r.body.value(QStringLiteral("attributesZh"));
            if (!attrs.isUndefined() && !attrs.isNull() && !attrs.isObject())
                f.fail(QStringLiteral("attributesZh"),
                       QStringLiteral("must be an object of attribute: text"));
            text.attributesZh = attrs.toObject();
            f.done();
            return productResponse(catalog.updateListing(Actor::of(r), id, version, text));
        });

    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/catalog/products/{id}/transitions"),
               staff, Body::Json, [&catalog](const Request &r) {
                   const qint64 id = r.idParam(QStringLiteral("id"));
                   const qint64 version = ifMatchNumber(r, 'v', QStringLiteral("listing version"));
                   Fields f(r.body);
                   f.onlyKnown({QStringLiteral("to"), QStringLiteral("comment")});
                   const auto status = readTo(f);
                   const QString comment =
                       f.optionalString(QStringLiteral("comment"), 0, 2000).value_or(QString());
                   f.done();
                   return productResponse(
                       catalog.transition(r.user(), id, version, *status, comment));
               });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/catalog/products/{id}/events"), staff,
               Body::None, [&catalog](const Request &r) {
                   QJsonArray items;
                   for (const ListingEvent &e : catalog.events(r.idParam(QStringLiteral("id"))))
                       items.append(e.toJson());
                   return Response::json({{QStringLiteral("items"), items}});
               });

    // Customers browse without signing in, as in any shop.
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/products"), Access::publicRoute(),
               Body::None, [&catalog](const Request &r) {
                   return Response::json(
                       pageJson(catalog.listPublished(readFilter(r, false)),
                                [](const Product &p) { return p.toPublicJson(); }));
               });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/products/{id}"),
               Access::publicRoute(), Body::None, [&catalog](const Request &r) {
                   return Response::json(
                       catalog.publishedProduct(r.idParam(QStringLiteral("id"))).toPublicJson());
               });
}

} // namespace haitao::server::catalog
