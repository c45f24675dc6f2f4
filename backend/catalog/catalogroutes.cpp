#include "backend/catalog/catalogroutes.h"

#include "backend/catalog/catalogservice.h"
#include "backend/http/etag.h"
#include "backend/http/fields.h"
#include "backend/http/paging.h"

#include <QJsonArray>

namespace haitao::server::catalog {

namespace {

Response productResponse(const Product &p, int status = 200)
{
    Response r = Response::json(p.toJson(), status);
    r.headers.append({"ETag", numberedEtag('v', p.version)});
    return r;
}

ProductFilter readFilter(const Request &r, bool staff)
{
    const Paging paging = readPaging(r, 50, 200);
    ProductFilter f;
    f.beforeId = paging.cursor;
    f.limit = paging.limit;
    f.search = r.query(QStringLiteral("q")).trimmed().left(100);
    f.site = r.query(QStringLiteral("site")).left(100).toLower(); // stored lower-case
    f.category = r.query(QStringLiteral("category")).left(64);
    if (staff) {
        if (const QString s = r.query(QStringLiteral("status")); !s.isEmpty()) {
            f.status = listingStatusFromName(s);
            if (!f.status)
                throw ApiError(ProblemKind::MalformedRequest,
                               QStringLiteral("Bad query parameters"),
                               {{QStringLiteral("status"),
                                 QStringLiteral("must be imported, in_translation, in_review, "
                                                "published or unpublished")}});
        }
    }
    return f;
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

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/catalog/products/{id}"), staff,
               Body::None, [&catalog](const Request &r) {
                   return productResponse(catalog.product(r.idParam(QStringLiteral("id"))));
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
                   const QString to = f.requiredString(QStringLiteral("to"), 1, 32);
                   const auto status = listingStatusFromName(to);
                   if (!to.isEmpty() && !status)
                       f.fail(QStringLiteral("to"),
                              QStringLiteral("must be in_translation, in_review, published or "
                                             "unpublished"));
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
