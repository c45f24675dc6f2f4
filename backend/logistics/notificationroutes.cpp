#include "backend/logistics/notificationroutes.h"

#include "backend/http/actor.h"
#include "backend/http/apierror.h"
#include "backend/http/paging.h"
#include "backend/http/query.h"
#include "backend/logistics/notifyservice.h"

namespace haitao::server::logistics {

namespace {

constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 200;

} // namespace

void addNotificationRoutes(Router &router, NotifyService &notify)
{
    const Access ops = Access::only({Role::Ops, Role::Admin});
    NotifyService *n = &notify;

    router.add(
        QStringLiteral("GET"), QStringLiteral("/api/v1/logistics/notifications"), ops, Body::None,
        [n](const Request &r) {
            QueryFields q(r);
            const Paging paging = readPaging(q, kDefaultLimit, kMaxLimit);
            outbox::Filter f;
            f.status = r.query(QStringLiteral("status"));
            if (!f.status.isEmpty() && f.status != u"pending" && f.status != u"sent" &&
                f.status != u"failed")
                q.fail(QStringLiteral("status"), QStringLiteral("must be pending, sent or failed"));
            f.shipmentId =
                q.id(QStringLiteral("shipmentId"), QStringLiteral("a shipment id")).value_or(0);
            q.done();
            f.beforeId = paging.cursor;
            f.limit = paging.limit;
            return Response::json(n->notifications(f));
        });

    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/logistics/notifications/{id}/retry"),
               ops, Body::None, [n](const Request &r) {
                   return Response::json(n->retry(Actor::of(r), r.idParam(QStringLiteral("id"))));
               });
}

} // namespace haitao::server::logistics
