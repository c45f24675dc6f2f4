// ReceivingService: dispatch of received shipments in one international parcel.
#include "backend/http/apierror.h"
#include "backend/integrations/httpfetch.h"
#include "backend/logistics/carrierapi.h"
#include "backend/logistics/carriers.h"
#include "backend/logistics/ingest.h"
#include "backend/logistics/logisticsservice.h"
#include "backend/logistics/receiving.h"
#include "backend/logistics/receivingstore.h"
#include "backend/storage/auditlog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace haitao::server::logistics {

namespace {

const QString kParcelCarrier = QStringLiteral("intlexpress");

ApiError refused(const QString &message)
{
    return ApiError::validation({{QStringLiteral("shipmentIds"), message}});
}

ApiError carrierDown(const QString &why)
{
    ApiError e(ProblemKind::Unavailable,
               QStringLiteral("intlexpress could not create the parcel just now (%1); dispatch "
                              "the same shipments again: the carrier will not make a second one")
                   .arg(why));
    e.retryAfterSeconds = 5;
    return e;
}

// The carrier's own words for a refusal: its "detail", "message" or "error", else the body.
QString carrierReason(const FetchResult &answer)
{
    const QJsonObject o = QJsonDocument::fromJson(answer.body).object();
    for (const char *key : {"detail", "message", "error"}) {
        const QString text = o.value(QLatin1String(key)).toString().trimmed();
        if (!text.isEmpty())
            return text.left(300);
    }
    return QString::fromUtf8(answer.body).simplified().left(300);
}

// 4xx other than a timeout or a throttle: the carrier will never accept this request as it
// is, so keeping the shipments reserved for it would strand them.
bool refusedForGood(int status)
{
    return status >= 400 && status < 500 && status != 408 && status != 429;
}

struct Planned
{
    qint64 legId = 0;
    QList<receivingstore::ShipmentRow> shipments;
    QList<qint64> weights;
    QString baseUrl;
};

} // namespace

QJsonObject ReceivingService::dispatch(const Actor &actor, const QList<qint64> &shipmentIds)
{
    if (shipmentIds.isEmpty())
        throw refused(QStringLiteral("must list at least one shipment"));
    const QSet<qint64> wanted(shipmentIds.begin(), shipmentIds.end());
    if (wanted.size() != shipmentIds.size())
        throw refused(QStringLiteral("lists a shipment twice"));

    // 1: the parcel's leg (its id is the carrier's reference), reserved for these shipments.
    // A retry after a lost answer finds the same leg and so sends the same reference.
    Planned plan;
    m_db.write([&](QSqlDatabase &db) {
        // Database::write may run this again (busy, serialization retry): start afresh.
        plan.shipments.clear();
        plan.weights.clear();
        plan.legId = 0;
        const auto carrier = carriers::get(db, kParcelCarrier);
        if (!carrier || carrier->baseUrl.isEmpty() || !carrier->enabled)
            throw ApiError(ProblemKind::Unavailable,
                           QStringLiteral("The carrier intlexpress is not configured"));
        plan.baseUrl = carrier->baseUrl;
        std::optional<qint64> pendingLeg;
        bool first = true;
        qint64 userId = 0;
        QString address;
        for (qint64 id : shipmentIds) {
            const auto s = receivingstore::shipment(db, id);
            if (!s)
                throw refused(QStringLiteral("there is no shipment %1").arg(id));
            const auto r = receivingstore::receipt(db, id);
            if (!r)
                throw refused(QStringLiteral("shipment %1 has not been received").arg(id));
            if (r->dispatchedAtMs)
                throw refused(QStringLiteral("shipment %1 was dispatched already (parcel leg %2)")
                                  .arg(id)
                                  .arg(r->parcelLegId.value_or(0)));
            if (first) {
                userId = s->userId;
                address = s->address;
                pendingLeg = r->parcelLegId;
                first = false;
            } else if (s->userId != userId) {
                throw refused(QStringLiteral("the shipments belong to different customers"));
            } else if (s->address != address) {
                throw refused(QStringLiteral("the shipments go to different addresses"));
            }
            if (r->parcelLegId != pendingLeg)
                throw refused(QStringLiteral("shipment %1 is in a parcel being created with "
                                             "other shipments; dispatch those again")
                                  .arg(id));
            plan.shipments.append(*s);
            plan.weights.append(r->weightG);
        }
        if (pendingLeg) {
            // Being created: only the very same shipments may ask again.
            QSet<qint64> inLeg;
            for (const receivingstore::Receipt &r : receivingstore::inParcel(db, *pendingLeg))
                inLeg.insert(r.shipmentId);
            if (inLeg != wanted)
                throw refused(QStringLiteral("a parcel with other shipments is being created "
                                             "for these; dispatch those again"));
            plan.legId = *pendingLeg;
            return;
        }
        plan.legId = receivingstore::insertPendingLeg(db, now());
        for (qint64 id : shipmentIds)
            receivingstore::assignParcel(db, id, plan.legId);
    });

    // 2: the carrier, outside any transaction.
    const QString reference = QStringLiteral("P%1").arg(plan.legId);
    QJsonArray pieces;
    for (qsizetype i = 0; i < plan.shipments.size(); ++i)
        pieces.append(QJsonObject{
            {QStringLiteral("reference"), QStringLiteral("S%1").arg(plan.shipments.at(i).id)},
            {QStringLiteral("weightG"), plan.weights.at(i)}});
    const QJsonObject to =
        QJsonDocument::fromJson(plan.shipments.first().address.toUtf8()).object();
    const QJsonObject request{{QStringLiteral("reference"), reference},
                              {QStringLiteral("pieces"), pieces},
                              {QStringLiteral("to"), to}};
    const FetchResult answer =
        httpPost(QUrl(plan.baseUrl + QStringLiteral("/shipments")),
                 QJsonDocument(request).toJson(QJsonDocument::Compact), "application/json",
                 carrierapi::carrierFetchOptions(m_config));
    if (!answer.error.isEmpty())
        throw carrierDown(answer.error);
    if (refusedForGood(answer.status)) {
        // Released: the shipments are ready again, the placeholder leg is gone (nothing was
        // created under its reference), and staff see why.
        const QString reason = carrierReason(answer);
        m_db.write([&](QSqlDatabase &db) {
            if (!receivingstore::releasePendingLeg(db, plan.legId))
                return; // another request finished or released it meanwhile
            auditlog::record(db, actor, now(), QStringLiteral("parcel.refused"),
                             QStringLiteral("leg"), QString::number(plan.legId),
                             {{QStringLiteral("reference"), reference},
                              {QStringLiteral("status"), answer.status},
                              {QStringLiteral("reason"), reason}});
        });
        throw refused(QStringLiteral("intlexpress refused the parcel (HTTP %1): %2")
                          .arg(answer.status)
                          .arg(reason.isEmpty() ? QStringLiteral("no reason given") : reason));
    }
    const QString number = QJsonDocument::fromJson(answer.body)
                               .object()
                               .value(QStringLiteral("trackingNumber"))
                               .toString()
                               .trimmed();
    if ((answer.status != 200 && answer.status != 201) || number.isEmpty() || number.size() > 60)
        throw carrierDown(QStringLiteral("HTTP %1").arg(answer.status));

    // 3: the number on the leg, the leg on every shipment, its tracker started.
    m_db.write([&](QSqlDatabase &db) {
        const qint64 t = now();
        if (!receivingstore::setLegNumber(db, plan.legId, number)) {
            // Another request finished it first: it did all the rest.
            if (receivingstore::legNumber(db, plan.legId) == number)
                return;
            throw ApiError(ProblemKind::Conflict,
                           QStringLiteral("Parcel leg %1 changed meanwhile").arg(plan.legId));
        }
        const QString reason = QStringLiteral("dispatched in parcel %1").arg(reference);
        for (const receivingstore::ShipmentRow &s : std::as_const(plan.shipments)) {
            ingest::attachLeg(db, s.id, QStringLiteral("international"), kParcelCarrier, number, t,
                              m_config.trackingPollMs);
            ingest::recompute(db, s.id, actor.name, reason, t, false);
        }
        receivingstore::markDispatched(db, plan.legId, actor.name, t);
        auditlog::record(db, actor, t, QStringLiteral("parcel.dispatched"), QStringLiteral("leg"),
                         QString::number(plan.legId),
                         {{QStringLiteral("trackingNumber"), number},
                          {QStringLiteral("reference"), reference},
                          {QStringLiteral("shipments"), QJsonArray::fromVariantList([&] {
                               QVariantList ids;
                               for (qint64 id : shipmentIds)
                                   ids.append(id);
                               return ids;
                           }())}});
    });
    m_logistics.wake();
    QJsonArray ids;
    for (qint64 id : shipmentIds)
        ids.append(id);
    return {{QStringLiteral("legId"), plan.legId},
            {QStringLiteral("carrier"), kParcelCarrier},
            {QStringLiteral("trackingNumber"), number},
            {QStringLiteral("shipmentIds"), ids}};
}

} // namespace haitao::server::logistics
