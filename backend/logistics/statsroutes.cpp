#include "backend/logistics/statsroutes.h"

#include "backend/http/apierror.h"
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
                   int days = kDefaultDays;
                   if (const QString text = r.query(QStringLiteral("days")); !text.isEmpty()) {
                       bool ok = false;
                       days = text.toInt(&ok);
                       if (!ok || days < 1 || days > kMaxDays)
                           throw ApiError(
                               ProblemKind::MalformedRequest,
                               QStringLiteral("Bad query parameters"),
                               {{QStringLiteral("days"),
                                 QStringLiteral("must be a number from 1 to %1").arg(kMaxDays)}});
                   }
                   return Response::json(n->stats(days));
               });
}

} // namespace haitao::server::logistics
