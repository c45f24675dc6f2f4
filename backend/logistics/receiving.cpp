#include "backend/logistics/receiving.h"

#include "backend/http/apierror.h"
#include "backend/logistics/ingest.h"
#include "backend/logistics/logisticsservice.h"
#include "backend/logistics/receivingstore.h"
#include "backend/storage/auditlog.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdlib>

namespace haitao::server::logistics {

namespace {

ApiError noSuchShipment(qint64 id)
{
    return ApiError(ProblemKind::NotFound, QStringLiteral("There is no shipment %1").arg(id));
}

QJsonValue moneyOrNull(const std::optional<Money> &m)
{
    return m ? QJsonValue(m->toJson()) : QJsonValue();
}

} // namespace

ReceivingService::ReceivingService(Database &db, const Config &config, LogisticsService &logistics)
    : m_db(db)
    , m_config(config)
    , m_logistics(logistics)
{}

QString ReceivingService::normalizeScan(const QString &scan)
{
    QString out;
    out.reserve(scan.size());
    for (const QChar c : scan) {
        if (!c.isSpace())
            out.append(c.toUpper());
    }
    return out;
}

QJsonObject ReceivingService::lookup(const QString &scan)
{
    const QString number = normalizeScan(scan);
    QSqlDatabase db = m_db.writer(); // a parcel received a moment ago reads as received
    const auto id =
        number.isEmpty() ? std::nullopt : receivingstore::shipmentByShopNumber(db, number);
    const auto s = id ? receivingstore::shipment(db, *id) : std::nullopt;
    if (!s)
        return {{QStringLiteral("match"), QStringLiteral("unknown")},
                {QStringLiteral("shipment"), QJsonValue()},
                {QStringLiteral("receipt"), QJsonValue()}};
    QJsonArray lines;
    if (m_lines) {
        for (const ReceivingLine &l : m_lines(s->subOrderId))
            lines.append(QJsonObject{{QStringLiteral("title"), l.title},
                                     {QStringLiteral("titleZh"), l.titleZh},
                                     {QStringLiteral("quantity"), l.quantity}});
    }
    const auto receipt = receivingstore::receipt(db, s->id);
    return {{QStringLiteral("match"),
             receipt ? QStringLiteral("already_received") : QStringLiteral("matched")},
            {QStringLiteral("shipment"),
             QJsonObject{{QStringLiteral("id"), s->id},
                         {QStringLiteral("orderId"), s->orderId},
                         {QStringLiteral("subOrderId"), s->subOrderId},
                         {QStringLiteral("site"), s->site},
                         {QStringLiteral("customer"), s->username},
                         {QStringLiteral("status"), s->status},
                         {QStringLiteral("pricedWeightG"), s->pricedWeightG},
                         {QStringLiteral("lines"), lines}}},
            {QStringLiteral("receipt"),
             receipt ? QJsonValue(receiptJson(*receipt, s->subOrderId)) : QJsonValue()}};
}

QJsonObject ReceivingService::preview(qint64 shipmentId, qint64 weightG)
{
    const auto s = receivingstore::shipment(m_db.reader(), shipmentId);
    if (!s)
        throw noSuchShipment(shipmentId);
    const OrderLink &link = m_logistics.orderLink();
    if (!link.previewWeight)
        throw ApiError(ProblemKind::Unavailable, QStringLiteral("Orders are not connected"));
    const WeightPreview p = link.previewWeight(s->subOrderId, weightG);
    QJsonValue adjustment;
    if (p.amount)
        adjustment = QJsonObject{{QStringLiteral("amount"), p.amount->toJson()},
                                 {QStringLiteral("before"), moneyOrNull(p.before)},
                                 {QStringLiteral("after"), moneyOrNull(p.after)}};
    // The orders side prices before/after only beyond the tolerance (pricing decides it).
    return {{QStringLiteral("pricedWeightG"), p.pricedWeightG},
            {QStringLiteral("weightG"), weightG},
            {QStringLiteral("differenceG"), weightG - p.pricedWeightG},
            {QStringLiteral("beyondTolerance"), p.before.has_value()},
            {QStringLiteral("adjustment"), adjustment}};
}

QJsonObject ReceivingService::receive(const Actor &actor, qint64 shipmentId, qint64 weightG)
{
    const auto already = [shipmentId] {
        return ApiError(ProblemKind::Conflict,
                        QStringLiteral("Shipment %1 was received already").arg(shipmentId));
    };
    const auto s = receivingstore::shipment(m_db.writer(), shipmentId);
    if (!s)
        throw noSuchShipment(shipmentId);
    if (receivingstore::receipt(m_db.writer(), shipmentId))
        throw already();
    if (!receivingstore::shopLeg(m_db.writer(), shipmentId))
        throw ApiError::validation(
            {{QStringLiteral("shipmentId"),
              QStringLiteral("the shipment has no shop tracking number yet; set it first")}});
    const OrderLink &link = m_logistics.orderLink();
    if (!link.recordWeight)
        throw ApiError(ProblemKind::Unavailable, QStringLiteral("Orders are not connected"));
    // In the orders store first (once per sub-order: a retry gets the same adjustment back),
    // then the receipt here; a receipt that fails to commit leaves an adjustment a retry
    // answers again.
    const WeightPreview w = link.recordWeight(s->subOrderId, weightG, actor,
                                              QStringLiteral("receipt:%1").arg(shipmentId));

    receivingstore::Receipt r;
    r.shipmentId = shipmentId;
    r.userId = s->userId;
    r.addressKey = s->address;
    r.weightG = weightG;
    r.pricedWeightG = w.pricedWeightG;
    if (w.adjustmentId != 0 && w.amount) {
        r.adjustmentId = w.adjustmentId;
        r.adjustmentMinor = w.amount->minor();
        r.adjustmentCurrency = w.amount->currency().code();
        r.adjustmentStatus = w.status;
    }
    r.receivedBy = actor.name;
    bool inserted = false;
    try {
        m_db.write([&](QSqlDatabase &db) {
            const qint64 t = now();
            r.receivedAtMs = t;
            inserted = receivingstore::insertReceipt(db, r);
            if (!inserted)
                return;
            const auto legId = receivingstore::shopLeg(db, shipmentId);
            RawEvent e;
            e.key = QStringLiteral("warehouse:received");
            e.atMs = t;
            e.tzOffsetMin = 0;
            e.place = QStringLiteral("Forwarder warehouse");
            e.code = QStringLiteral("RECEIVED");
            e.text = QStringLiteral("Received and weighed: %1 g").arg(weightG);
            IngestSource source;
            source.source = QStringLiteral("warehouse");
            source.actor = actor.name;
            source.reason = QStringLiteral("received at the warehouse");
            source.carrier = QStringLiteral("warehouse");
            ingest::store(db, *legId, {e}, source, t, m_config.trackingPollMs);
            receivingstore::closeShopTracker(db, *legId);
            auditlog::record(db, actor, t, QStringLiteral("shipment.received"),
                             QStringLiteral("shipment"), QString::number(shipmentId),
                             {{QStringLiteral("weightG"), weightG},
                              {QStringLiteral("pricedWeightG"), w.pricedWeightG},
                              {QStringLiteral("adjustmentId"), r.adjustmentId}});
        });
    } catch (const StorageError &) {
        // PostgreSQL: another terminal's receipt committed between the check and the insert.
        if (receivingstore::receipt(m_db.writer(), shipmentId))
            throw already();
        throw;
    }
    if (!inserted)
        throw already();
    return r.toJson();
}

QJsonObject ReceivingService::ready()
{
    QSqlDatabase db = m_db.writer();
    QJsonArray groups;
    QJsonObject group;
    QJsonArray shipments;
    qint64 userId = -1;
    QString addressKey;
    std::optional<qint64> legId;
    const auto flush = [&] {
        if (shipments.isEmpty())
            return;
        group.insert(QStringLiteral("shipments"), shipments);
        groups.append(group);
        shipments = QJsonArray();
    };
    for (const receivingstore::Receipt &r : receivingstore::ready(db)) {
        const auto s = receivingstore::shipment(db, r.shipmentId);
        if (!s)
            continue;
        // A parcel being created (the carrier did not answer) is its own group, shown with
        // its reference: dispatching the same shipments again sends the same one.
        if (shipments.isEmpty() || r.userId != userId || r.addressKey != addressKey ||
            r.parcelLegId != legId) {
            flush();
            userId = r.userId;
            addressKey = r.addressKey;
            legId = r.parcelLegId;
            group = {
                {QStringLiteral("customer"), s->username},
                {QStringLiteral("address"), QJsonDocument::fromJson(s->address.toUtf8()).object()},
                {QStringLiteral("pendingParcel"),
                 legId ? QJsonValue(QJsonObject{
                             {QStringLiteral("legId"), *legId},
                             {QStringLiteral("reference"), QStringLiteral("P%1").arg(*legId)}})
                       : QJsonValue()}};
        }
        shipments.append(QJsonObject{{QStringLiteral("id"), s->id},
                                     {QStringLiteral("orderId"), s->orderId},
                                     {QStringLiteral("site"), s->site},
                                     {QStringLiteral("weightG"), r.weightG}});
    }
    flush();
    return {{QStringLiteral("groups"), groups}};
}

void ReceivingService::addDetail(QSqlDatabase &db, qint64 shipmentId, QJsonObject &detail) const
{
    const auto r = receivingstore::receipt(db, shipmentId);
    const auto s = r ? receivingstore::shipment(db, shipmentId) : std::nullopt;
    detail.insert(QStringLiteral("receipt"),
                  r && s ? QJsonValue(receiptJson(*r, s->subOrderId)) : QJsonValue());
}

QJsonObject ReceivingService::receiptJson(receivingstore::Receipt r, qint64 subOrderId) const
{
    if (r.adjustmentId != 0 && m_adjustmentStatus) {
        const QString live = m_adjustmentStatus(subOrderId);
        if (!live.isEmpty())
            r.adjustmentStatus = live;
    }
    return r.toJson();
}

} // namespace haitao::server::logistics
