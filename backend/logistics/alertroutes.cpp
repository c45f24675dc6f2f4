#include "backend/logistics/alertroutes.h"

#include "backend/http/actor.h"
#include "backend/http/apierror.h"
#include "backend/http/fields.h"
#include "backend/http/paging.h"
#include "backend/http/query.h"
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

    router.add(
        QStringLiteral("GET"), QStringLiteral("/api/v1/logistics/alerts"), ops, Body::None,
        [n](const Request &r) {
            QueryFields q(r);
            const Paging paging = readPaging(q, kDefaultLimit, kMaxLimit);
            alerts::Filter f;
            f.state = r.query(QStringLiteral("state"));
            f.kind = r.query(QStringLiteral("kind"));
            if (!f.state.isEmpty() && !isAlertState(f.state))
                q.fail(QStringLiteral("state"),
                       QStringLiteral("must be open, acknowledged or resolved"));
            if (!f.kind.isEmpty() && !isAlertKind(f.kind))
                q.fail(QStringLiteral("kind"),
                       QStringLiteral("must be quiet, exception or customs_hold"));
            f.shipmentId =
                q.id(QStringLiteral("shipmentId"), QStringLiteral("a shipment id")).value_or(0);
            q.done();
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
