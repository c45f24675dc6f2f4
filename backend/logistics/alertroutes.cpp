#include "backend/logistics/alertroutes.h"

#include "backend/http/actor.h"
#include "backend/http/apierror.h"
#include "backend/http/fields.h"
#include "backend/http/paging.h"
#include "backend/logistics/notifyservice.h"

namespace haitao::server::logistics {

namespace {

constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 200;

} // namespace

void addAlertRoutes(Router &router, NotifyService &notify)
{
    const Access ops = Access::only({Role::Ops, Role::Admin});
    NotifyService *n = &notify;

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/logistics/alerts"), ops, Body::None,
               [n](const Request &r) {
                   const Paging paging = readPaging(r, kDefaultLimit, kMaxLimit);
                   alerts::Filter f;
                   f.state = r.query(QStringLiteral("state"));
                   f.kind = r.query(QStringLiteral("kind"));
                   QList<FieldProblem> errors;
                   if (!f.state.isEmpty() && !isAlertState(f.state))
                       errors.append({QStringLiteral("state"),
                                      QStringLiteral("must be open, acknowledged or resolved")});
                   if (!f.kind.isEmpty() && !isAlertKind(f.kind))
                       errors.append({QStringLiteral("kind"),
                                      QStringLiteral("must be quiet, exception or customs_hold")});
                   if (const QString s = r.query(QStringLiteral("shipmentId")); !s.isEmpty()) {
                       bool ok = false;
                       f.shipmentId = s.toLongLong(&ok);
                       if (!ok || f.shipmentId <= 0)
                           errors.append({QStringLiteral("shipmentId"),
                                          QStringLiteral("must be a shipment id")});
                   }
                   if (!errors.isEmpty())
                       throw ApiError(ProblemKind::MalformedRequest,
                                      QStringLiteral("Bad query parameters"), errors);
                   f.beforeId = paging.cursor;
                   f.limit = paging.limit;
                   return Response::json(n->alertList(f));
               });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/logistics/alerts/counts"), ops,
               Body::None, [n](const Request &) { return Response::json(n->alertCounts()); });

    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/logistics/alerts/{id}/acknowledge"),
               ops, Body::None, [n](const Request &r) {
                   return Response::json(
                       n->acknowledge(Actor::of(r), r.idParam(QStringLiteral("id"))));
               });

    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/logistics/alerts/{id}/resolve"), ops,
               Body::Json, [n](const Request &r) {
                   const qint64 id = r.idParam(QStringLiteral("id"));
                   Fields f(r.body);
                   f.onlyKnown({QStringLiteral("note")});
                   const QString note = f.requiredString(QStringLiteral("note"), 1, 2000).trimmed();
                   if (r.body.value(QStringLiteral("note")).isString() && note.isEmpty())
                       f.fail(QStringLiteral("note"), QStringLiteral("must not be empty"));
                   f.done();
                   return Response::json(n->resolve(Actor::of(r), id, note));
               });
}

} // namespace haitao::server::logistics
