#include "backend/logistics/statsroutes.h"

#include "backend/http/query.h"
#include "backend/logistics/notifyservice.h"

namespace haitao::server::logistics {

namespace {

constexpr int kDefaultDays = 30;
constexpr int kMaxDays = 366;

} // namespace

void addStatsRoutes(Router &router, NotifyService &notify)
{
    NotifyService *n = &notify;
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/logistics/stats"),
               Access::only({Role::Ops, Role::Admin}), Body::None, [n](const Request &r) {
                   const int days =
                       int(queryInteger(r, QStringLiteral("days"), kDefaultDays, 1, kMaxDays));
                   return Response::json(n->stats(days));
               });
}

} // namespace haitao::server::logistics
