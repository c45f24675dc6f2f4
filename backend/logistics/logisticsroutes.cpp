#include "backend/logistics/logisticsroutes.h"

#include "backend/http/actor.h"
#include "backend/http/apierror.h"
#include "backend/http/fields.h"
#include "backend/http/paging.h"
#include "backend/http/query.h"
#include "backend/logistics/carrierapi.h"
#include "backend/logistics/carriers.h"
#include "backend/logistics/logisticsservice.h"

#include <QRegularExpression>
#include <QUrl>

namespace haitao::server::logistics {

void addLogisticsRoutes(Router &router, LogisticsService &service)
{
    const Access ops = Access::only({Role::Ops, Role::Admin});
    const Access admin = Access::only({Role::Admin});
    const Access ownerOrOps = Access::only({Role::Customer, Role::Ops, Role::Admin});
    LogisticsService *s = &service;

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/orders/{id}/tracking"), ownerOrOps,
               Body::None, [s](const Request &r) {
                   return Response::json(
                       s->orderTracking(r.user(), r.idParam(QStringLiteral("id"))));
               });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/logistics/shipments"), ops,
               Body::None, [s](const Request &r) {
                   ShipmentQuery q;
                   q.status = r.query(QStringLiteral("status"));
                   if (!q.status.isEmpty() && !isNormalizedStatus(q.status) &&
                       q.status != u"awaiting_shipment")
                       throw ApiError(ProblemKind::MalformedRequest,
                                      QStringLiteral("Bad query parameters"),
                                      {{QStringLiteral("status"),
                                        QStringLiteral("is not a shipment status")}});
                   q.carrier = r.query(QStringLiteral("carrier"));
                   q.site = r.query(QStringLiteral("site"));
                   q.q = r.query(QStringLiteral("q"));
                   QueryFields f(r);
                   q.quietDays = int(f.integer(QStringLiteral("quietDays"), 0, 3650).value_or(0));
                   const QString alerts = r.query(QStringLiteral("alerts"));
                   if (!alerts.isEmpty() && alerts != u"open")
                       f.fail(QStringLiteral("alerts"), QStringLiteral("must be open"));
                   q.openAlerts = alerts == u"open";
                   const Paging paging = readPaging(f, 50, 200);
                   if (paging.cursor > 0)
                       q.cursor = QString::number(paging.cursor);
                   q.limit = paging.limit;
                   f.done();
                   return Response::json(s->shipments(q));
               });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/logistics/shipments/counts"), ops,
               Body::None, [s](const Request &) { return Response::json(s->counts()); });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/logistics/shipments/{id}"), ops,
               Body::None, [s](const Request &r) {
                   return Response::json(s->shipment(r.idParam(QStringLiteral("id"))));
               });

    router.add(
        QStringLiteral("POST"), QStringLiteral("/api/v1/logistics/shipments/{id}/checkpoints"), ops,
        Body::Json, [s](const Request &r) {
            const qint64 id = r.idParam(QStringLiteral("id"));
            Fields f(r.body);
            f.onlyKnown({QStringLiteral("leg"), QStringLiteral("time"), QStringLiteral("place"),
                         QStringLiteral("status"), QStringLiteral("text"),
                         QStringLiteral("reason")});
            ManualCheckpoint c;
            c.leg = f.optionalString(QStringLiteral("leg"), 1, 20).value_or(QString());
            if (!c.leg.isEmpty() && !legKinds().contains(c.leg))
                f.fail(QStringLiteral("leg"),
                       QStringLiteral("must be shop, international, customs or domestic"));
            const auto time = f.optionalString(QStringLiteral("time"), 1, 64);
            if (time) {
                qint64 ms = 0;
                int tz = 0;
                // A person's time must say its zone: a checkpoint keeps the zone it happened in.
                static const QRegularExpression zoned(QStringLiteral("(Z|[+-]\\d\\d:?\\d\\d)$"));
                if (!zoned.match(time->trimmed()).hasMatch() ||
                    !carrierapi::parseTime(*time, 0, &ms, &tz))
                    f.fail(QStringLiteral("time"),
                           QStringLiteral("must be an ISO 8601 time with an offset"));
                else {
                    c.atMs = ms;
                    c.tzOffsetMin = tz;
                }
            } else {
                c.tzOffsetMin = 480; // entered in China when no time is given
            }
            c.place = f.optionalString(QStringLiteral("place"), 1, 200).value_or(QString());
            c.status = f.requiredString(QStringLiteral("status"), 1, 40);
            if (r.body.value(QStringLiteral("status")).isString() && !isNormalizedStatus(c.status))
                f.fail(QStringLiteral("status"), QStringLiteral("is not a normalized status"));
            c.text = f.optionalString(QStringLiteral("text"), 1, 500).value_or(QString());
            c.reason = f.requiredString(QStringLiteral("reason"), 1, 500).trimmed();
            if (r.body.value(QStringLiteral("reason")).isString() && c.reason.isEmpty())
                f.fail(QStringLiteral("reason"), QStringLiteral("must not be empty"));
            f.done();
            return Response::json(s->addCheckpoint(Actor::of(r), id, c), 201);
        });

    router.add(
        QStringLiteral("PUT"), QStringLiteral("/api/v1/logistics/shipments/{id}/legs/{kind}"), ops,
        Body::Json, [s](const Request &r) {
            const qint64 id = r.idParam(QStringLiteral("id"));
            const QString kind = r.pathParams.value(QStringLiteral("kind"));
            Fields f(r.body);
            f.onlyKnown({QStringLiteral("carrier"), QStringLiteral("trackingNumber"),
                         QStringLiteral("reason")});
            const QString carrier = f.requiredString(QStringLiteral("carrier"), 1, 40);
            const QString number =
                f.requiredString(QStringLiteral("trackingNumber"), 1, 60).trimmed();
            const QString reason = f.requiredString(QStringLiteral("reason"), 1, 500);
            f.done();
            return Response::json(s->putLeg(Actor::of(r), id, kind, carrier, number, reason));
        });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/logistics/carriers"), ops, Body::None,
               [s](const Request &) { return Response::json(s->carriers()); });

    router.add(
        QStringLiteral("PUT"), QStringLiteral("/api/v1/logistics/carriers/{code}"), admin,
        Body::Json, [s](const Request &r) {
            static const QRegularExpression codeRe(QStringLiteral("^[a-z0-9_-]{1,40}$"));
            CarrierUpdate u;
            u.code = r.pathParams.value(QStringLiteral("code"));
            if (!codeRe.match(u.code).hasMatch())
                throw ApiError(ProblemKind::NotFound, QStringLiteral("No such carrier"));
            Fields f(r.body);
            f.onlyKnown({QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("protocol"),
                         QStringLiteral("baseUrl"), QStringLiteral("rps"),
                         QStringLiteral("batchSize"), QStringLiteral("tzOffsetMinutes"),
                         QStringLiteral("enabled"), QStringLiteral("webhookRegistered")});
            u.name = f.requiredString(QStringLiteral("name"), 1, 100);
            u.protocol = f.requiredString(QStringLiteral("protocol"), 1, 20);
            static const QStringList protocols{
                QStringLiteral("batch_json"), QStringLiteral("jp_single"),
                QStringLiteral("intl_webhook"), QStringLiteral("none")};
            if (r.body.value(QStringLiteral("protocol")).isString() &&
                !protocols.contains(u.protocol))
                f.fail(QStringLiteral("protocol"),
                       QStringLiteral("must be batch_json, jp_single, intl_webhook or "
                                      "none"));
            u.baseUrl =
                f.optionalString(QStringLiteral("baseUrl"), 0, 2000).value_or(QString()).trimmed();
            if (!u.baseUrl.isEmpty()) {
                const QUrl url(u.baseUrl);
                if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https"))
                    f.fail(QStringLiteral("baseUrl"), QStringLiteral("must be an http(s) URL"));
            }
            u.rps = int(f.optionalInteger(QStringLiteral("rps"), 1, 1000).value_or(10));
            u.batchSize = int(f.optionalInteger(QStringLiteral("batchSize"), 1, 200).value_or(1));
            u.tzOffsetMinutes =
                int(f.optionalInteger(QStringLiteral("tzOffsetMinutes"), -840, 840).value_or(0));
            u.enabled = f.optionalBool(QStringLiteral("enabled")).value_or(true);
            f.done();
            return Response::json(s->putCarrier(Actor::of(r), u));
        });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/logistics/mappings"), ops, Body::None,
               [s](const Request &r) {
                   return Response::json(s->mappings(r.query(QStringLiteral("carrier"))));
               });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/logistics/mappings/unmapped"), ops,
               Body::None, [s](const Request &) { return Response::json(s->unmapped()); });

    router.add(
        QStringLiteral("PUT"), QStringLiteral("/api/v1/logistics/mappings/{carrier}/{rawStatus}"),
        ops, Body::Json, [s](const Request &r) {
            Fields f(r.body);
            f.onlyKnown({QStringLiteral("status")});
            const QString status = f.requiredString(QStringLiteral("status"), 1, 40);
            if (r.body.value(QStringLiteral("status")).isString() && !isNormalizedStatus(status))
                f.fail(QStringLiteral("status"), QStringLiteral("is not a normalized status"));
            f.done();
            return Response::json(
                s->putMapping(Actor::of(r), r.pathParams.value(QStringLiteral("carrier")),
                              r.pathParams.value(QStringLiteral("rawStatus")), status));
        });

    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/logistics/webhooks/{carrier}"),
               Access::publicRoute(), Body::Signed, [s](const Request &r) {
                   return Response::json(
                       s->webhook(r.pathParams.value(QStringLiteral("carrier")), r.rawBody,
                                  r.header(QStringLiteral("X-Carrier-Timestamp")).toUtf8(),
                                  r.header(QStringLiteral("X-Carrier-Signature")).toUtf8()));
               });
}

} // namespace haitao::server::logistics
