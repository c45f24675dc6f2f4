#include "backend/systemroutes.h"

#include "backend/http/apierror.h"

namespace haitao::server {

void addSystemRoutes(Router &router, const QList<Database *> &stores, const Metrics &metrics)
{
    router.add(QStringLiteral("GET"), QStringLiteral("/healthz"), Access::publicRoute(), Body::None,
               [](const Request &) {
                   return Response::json({{QStringLiteral("status"), QStringLiteral("ok")}});
               });

    router.add(QStringLiteral("GET"), QStringLiteral("/readyz"), Access::publicRoute(), Body::None,
               [stores](const Request &) {
                   QJsonObject components;
                   QStringList failed;
                   for (Database *db : stores) {
                       QString error;
                       const bool ok = db->ping(&error);
                       components.insert(db->component(), ok ? QStringLiteral("ok") : error);
                       if (!ok)
                           failed << db->component();
                   }
                   if (!failed.isEmpty()) {
                       ApiError e(ProblemKind::Unavailable,
                                  QStringLiteral("Store not reachable: %1")
                                      .arg(failed.join(QStringLiteral(", "))));
                       e.retryAfterSeconds = 5;
                       throw e;
                   }
                   return Response::json({{QStringLiteral("status"), QStringLiteral("ready")},
                                          {QStringLiteral("components"), components}});
               });

    router.add(QStringLiteral("GET"), QStringLiteral("/metrics"), Access::publicRoute(), Body::None,
               [&metrics](const Request &) {
                   return Response::text(metrics.prometheusText(),
                                         "text/plain; version=0.0.4; charset=utf-8");
               });
}

} // namespace haitao::server
