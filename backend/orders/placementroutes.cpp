#include "backend/orders/placementroutes.h"

#include "backend/http/actor.h"
#include "backend/http/apierror.h"
#include "backend/http/fields.h"
#include "backend/http/query.h"
#include "backend/orders/orderstatus.h"
#include "backend/orders/placementservice.h"

#include <QJsonArray>

namespace haitao::server::orders {

namespace {

constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 200;
constexpr int kMaxStatsDays = 90;

} // namespace

void addPlacementRoutes(Router &router, PlacementService &placement)
{
    const Access ops = Access::only({Role::Ops, Role::Admin});
    const Access admin = Access::only({Role::Admin});
    PlacementService *p = &placement;

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/admin/shop-accounts"), ops,
               Body::None, [p](const Request &) {
                   QJsonArray items;
                   for (const ShopAccount &a : p->shopAccounts())
                       items.append(a.toJson());
                   return Response::json({{QStringLiteral("items"), items}});
               });

    router.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/admin/shop-accounts/{site}"), admin,
               Body::Json, [p](const Request &r) {
                   Fields f(r.body);
                   f.onlyKnown({QStringLiteral("apiUrl"), QStringLiteral("account"),
                                QStringLiteral("secret"), QStringLiteral("enabled")});
                   shopaccounts::Update u;
                   u.site = r.pathParams.value(QStringLiteral("site"));
                   u.apiUrl = f.requiredString(QStringLiteral("apiUrl"), 1, 2000);
                   u.account = f.requiredString(QStringLiteral("account"), 1, 200);
                   u.secret =
                       f.optionalString(QStringLiteral("secret"), 1, 1000).value_or(QString());
                   u.enabled = f.optionalBool(QStringLiteral("enabled")).value_or(true);
                   f.done();
                   return Response::json(p->putShopAccount(Actor::of(r), u).toJson());
               });

    router.add(
        QStringLiteral("GET"), QStringLiteral("/api/v1/admin/placements"), ops, Body::None,
        [p](const Request &r) {
            PlacementService::ListQuery q;
            q.status = r.query(QStringLiteral("status"));
            if (!q.status.isEmpty() && !subOrderStatusFromName(q.status))
                throw ApiError(
                    ProblemKind::MalformedRequest, QStringLiteral("Bad query parameters"),
                    {{QStringLiteral("status"), QStringLiteral("is not a sub-order status")}});
            q.site = r.query(QStringLiteral("site"));
            q.cursor = r.query(QStringLiteral("cursor"));
            q.limit = int(queryInteger(r, QStringLiteral("limit"), kDefaultLimit, 1, kMaxLimit));
            return Response::json(p->list(q));
        });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/admin/placements/counts"), ops,
               Body::None, [p](const Request &) { return Response::json(p->counts()); });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/admin/placements/stats"), ops,
               Body::None, [p](const Request &r) {
                   return Response::json(p->stats(
                       int(queryInteger(r, QStringLiteral("days"), 14, 1, kMaxStatsDays))));
               });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/admin/sub-orders/{id}"), ops,
               Body::None, [p](const Request &r) {
                   return Response::json(p->detail(r.idParam(QStringLiteral("id"))));
               });

    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/admin/sub-orders/{id}/claim"), ops,
               Body::None, [p](const Request &r) {
                   return Response::json(p->claim(Actor::of(r), r.idParam(QStringLiteral("id"))));
               });

    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/admin/sub-orders/{id}/release"), ops,
               Body::None, [p](const Request &r) {
                   return Response::json(p->release(Actor::of(r), r.idParam(QStringLiteral("id"))));
               });

    router.add(
        QStringLiteral("POST"), QStringLiteral("/api/v1/admin/sub-orders/{id}/manual-placement"),
        ops, Body::Json, [p](const Request &r) {
            const qint64 id = r.idParam(QStringLiteral("id"));
            Fields f(r.body);
            f.onlyKnown({QStringLiteral("merchantOrderId"), QStringLiteral("paid"),
                         QStringLiteral("replaceMerchantOrderId")});
            const QJsonValue replace = r.body.value(QStringLiteral("replaceMerchantOrderId"));
            if (!replace.isUndefined() && !replace.isBool())
                f.fail(QStringLiteral("replaceMerchantOrderId"), QStringLiteral("must be true or "
                                                                                "false"));
            const QString merchantOrderId =
                f.requiredString(QStringLiteral("merchantOrderId"), 1, 100).trimmed();
            if (r.body.contains(QStringLiteral("merchantOrderId")) &&
                r.body.value(QStringLiteral("merchantOrderId")).isString() &&
                merchantOrderId.isEmpty())
                f.fail(QStringLiteral("merchantOrderId"), QStringLiteral("must not be empty"));
            std::optional<Money> paid;
            const QJsonValue paidJson = r.body.value(QStringLiteral("paid"));
            if (paidJson.isUndefined() || paidJson.isNull()) {
                f.fail(QStringLiteral("paid"), QStringLiteral("is required"));
            } else if (const auto m = Money::fromJson(paidJson.toObject());
                       !paidJson.isObject() || !m) {
                f.fail(QStringLiteral("paid"),
                       QStringLiteral("must be {\"minor\": N, \"currency\": \"ISO code\"}"));
            } else if (m->minor() <= 0) {
                f.fail(QStringLiteral("paid.minor"), QStringLiteral("must be more than 0"));
            } else {
                paid = *m;
            }
            f.done();
            return Response::json(
                p->placeManually(Actor::of(r), id, merchantOrderId, *paid, replace.toBool()));
        });

    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/admin/sub-orders/{id}/retry-auto"),
               ops, Body::None, [p](const Request &r) {
                   return Response::json(
                       p->retryAutomatic(Actor::of(r), r.idParam(QStringLiteral("id"))));
               });

    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/admin/sub-orders/{id}/cancel"), ops,
               Body::Json, [p](const Request &r) {
                   const qint64 id = r.idParam(QStringLiteral("id"));
                   Fields f(r.body);
                   f.onlyKnown({QStringLiteral("reason")});
                   const QString reason =
                       f.requiredString(QStringLiteral("reason"), 1, 500).trimmed();
                   if (r.body.value(QStringLiteral("reason")).isString() && reason.isEmpty())
                       f.fail(QStringLiteral("reason"), QStringLiteral("must not be empty"));
                   f.done();
                   return Response::json(p->cancel(Actor::of(r), id, reason));
               });
}

} // namespace haitao::server::orders
