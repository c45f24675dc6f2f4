#include "backend/logistics/receivingroutes.h"

#include "backend/http/actor.h"
#include "backend/http/apierror.h"
#include "backend/http/fields.h"
#include "backend/logistics/receiving.h"

#include <QJsonArray>

#include <limits>

namespace haitao::server::logistics {

namespace {

constexpr qint64 kMaxWeightG = 1000LL * 1000; // a tonne: a typo, not a parcel
constexpr int kMaxParcelShipments = 50;
constexpr qint64 kMaxId = 9'000'000'000'000'000; // exactly representable as a JSON number

struct Weighing
{
    qint64 shipmentId = 0, weightG = 0;
};

Weighing readWeighing(const QJsonObject &body)
{
    Fields f(body);
    f.onlyKnown({QStringLiteral("shipmentId"), QStringLiteral("weightG")});
    Weighing w;
    w.shipmentId = f.requiredInteger(QStringLiteral("shipmentId"), 1,
                                     std::numeric_limits<qint32>::max() * 1024LL);
    w.weightG = f.requiredInteger(QStringLiteral("weightG"), 1, kMaxWeightG);
    f.done();
    return w;
}

} // namespace

void addReceivingRoutes(Router &router, ReceivingService &service)
{
    const Access ops = Access::only({Role::Ops, Role::Admin});
    ReceivingService *s = &service;

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/logistics/receiving/lookup"), ops,
               Body::None, [s](const Request &r) {
                   const QString scan = r.query(QStringLiteral("scan"));
                   if (scan.trimmed().isEmpty() || scan.size() > 200)
                       throw ApiError(
                           ProblemKind::MalformedRequest, QStringLiteral("Bad query parameters"),
                           {{QStringLiteral("scan"), QStringLiteral("must be a tracking number")}});
                   return Response::json(s->lookup(scan));
               });

    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/logistics/receiving/preview"), ops,
               Body::Json, [s](const Request &r) {
                   const Weighing w = readWeighing(r.body);
                   return Response::json(s->preview(w.shipmentId, w.weightG));
               });

    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/logistics/receiving"), ops,
               Body::Json, [s](const Request &r) {
                   const Weighing w = readWeighing(r.body);
                   return Response::json(s->receive(Actor::of(r), w.shipmentId, w.weightG), 201);
               });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/logistics/receiving/ready"), ops,
               Body::None, [s](const Request &) { return Response::json(s->ready()); });

    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/logistics/parcels"), ops, Body::Json,
               [s](const Request &r) {
                   Fields f(r.body);
                   f.onlyKnown({QStringLiteral("shipmentIds")});
                   const QJsonValue v = r.body.value(QStringLiteral("shipmentIds"));
                   QList<qint64> ids;
                   if (!v.isArray() || v.toArray().isEmpty() ||
                       v.toArray().size() > kMaxParcelShipments) {
                       f.fail(QStringLiteral("shipmentIds"),
                              QStringLiteral("must be a list of 1 to %1 shipment ids")
                                  .arg(kMaxParcelShipments));
                   } else {
                       for (const QJsonValue &id : v.toArray()) {
                           if (!isWholeNumber(id, 1, kMaxId)) {
                               f.fail(QStringLiteral("shipmentIds"),
                                      QStringLiteral("must hold shipment ids"));
                               break;
                           }
                           ids.append(qint64(id.toDouble()));
                       }
                   }
                   f.done();
                   return Response::json(s->dispatch(Actor::of(r), ids), 201);
               });
}

} // namespace haitao::server::logistics
