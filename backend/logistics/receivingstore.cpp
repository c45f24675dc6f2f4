#include "backend/logistics/receivingstore.h"

#include "backend/storage/database.h"
#include "backend/storage/sqltext.h"
#include "core/wiretime.h"

#include <QUuid>

namespace haitao::server::logistics::receivingstore {

using sql::L;

namespace {

constexpr const char *kShipmentColumns =
    "id, sub_order_id, order_id, user_id, username, site, status, priced_weight_g, address, "
    "recipient_name, recipient_phone";

constexpr const char *kReceiptColumns =
    "id, shipment_id, user_id, address_key, weight_g, priced_weight_g, adjustment_id, "
    "adjustment_minor, adjustment_currency, adjustment_status, received_by, received_at, "
    "parcel_leg_id, dispatched_by, dispatched_at";

const QString kPending = QStringLiteral("pending:");

Receipt readReceipt(const QSqlQuery &q)
{
    Receipt r;
    r.id = q.value(0).toLongLong();
    r.shipmentId = q.value(1).toLongLong();
    r.userId = q.value(2).toLongLong();
    r.addressKey = q.value(3).toString();
    r.weightG = q.value(4).toLongLong();
    r.pricedWeightG = q.value(5).toLongLong();
    r.adjustmentId = q.value(6).toLongLong();
    r.adjustmentMinor = q.value(7).toLongLong();
    r.adjustmentCurrency = q.value(8).toString();
    r.adjustmentStatus = q.value(9).toString();
    r.receivedBy = q.value(10).toString();
    r.receivedAtMs = q.value(11).toLongLong();
    r.parcelLegId = sql::optionalLong(q.value(12));
    r.dispatchedBy = q.value(13).toString();
    r.dispatchedAtMs = sql::optionalLong(q.value(14));
    return r;
}

QList<Receipt> receipts(Statement &q)
{
    execOrThrow(q, "read receipts");
    QList<Receipt> out;
    while (q.next())
        out.append(readReceipt(q.query()));
    return out;
}

} // namespace

QJsonObject Receipt::toJson() const
{
    QJsonValue adjustment;
    if (adjustmentId != 0) {
        adjustment = QJsonObject{{QStringLiteral("id"), adjustmentId},
                                 {QStringLiteral("amount"),
                                  sql::storedMoney(adjustmentMinor, adjustmentCurrency).toJson()},
                                 {QStringLiteral("status"), adjustmentStatus}};
    }
    return {{QStringLiteral("id"), id},
            {QStringLiteral("shipmentId"), shipmentId},
            {QStringLiteral("weightG"), weightG},
            {QStringLiteral("pricedWeightG"), pricedWeightG},
            {QStringLiteral("adjustment"), adjustment},
            {QStringLiteral("receivedBy"), receivedBy},
            {QStringLiteral("receivedAt"), toWireTime(receivedAtMs)},
            {QStringLiteral("parcelLegId"),
             parcelLegId && dispatchedAtMs ? QJsonValue(*parcelLegId) : QJsonValue()}};
}

std::optional<ShipmentRow> shipment(const QSqlDatabase &db, qint64 id)
{
    Statement q =
        prepareOrThrow(db, L("SELECT %1 FROM shipments WHERE id = :id").arg(L(kShipmentColumns)));
    q.bindValue(QStringLiteral(":id"), id);
    execOrThrow(q, "read shipment");
    if (!q.next())
        return std::nullopt;
    ShipmentRow s;
    s.id = q.value(0).toLongLong();
    s.subOrderId = q.value(1).toLongLong();
    s.orderId = q.value(2).toLongLong();
    s.userId = q.value(3).toLongLong();
    s.username = q.value(4).toString();
    s.site = q.value(5).toString();
    s.status = q.value(6).toString();
    s.pricedWeightG = q.value(7).toLongLong();
    s.address = q.value(8).toString();
    s.recipientName = q.value(9).toString();
    s.recipientPhone = q.value(10).toString();
    return s;
}

std::optional<qint64> shipmentByShopNumber(const QSqlDatabase &db, const QString &number)
{
    // As the carrier wrote it first (on the index); then case and spaces ignored (a scan).
    const QString exact = L("SELECT sl.shipment_id FROM legs l JOIN shipment_legs sl ON "
                            "sl.leg_id = l.id WHERE l.kind = 'shop' AND l.tracking_number = :n "
                            "ORDER BY sl.shipment_id LIMIT 1");
    const QString loose = L("SELECT sl.shipment_id FROM legs l JOIN shipment_legs sl ON "
                            "sl.leg_id = l.id WHERE l.kind = 'shop' AND "
                            "UPPER(REPLACE(l.tracking_number, ' ', '')) = :n "
                            "ORDER BY sl.shipment_id LIMIT 1");
    for (const QString &sql : {exact, loose}) {
        Statement q = prepareOrThrow(db, sql);
        q.bindValue(QStringLiteral(":n"), number);
        execOrThrow(q, "find shipment by scan");
        if (q.next())
            return q.value(0).toLongLong();
    }
    return std::nullopt;
}

std::optional<qint64> shopLeg(const QSqlDatabase &db, qint64 shipmentId)
{
    Statement q = prepareOrThrow(db, L("SELECT l.id FROM legs l JOIN shipment_legs sl ON "
                                       "sl.leg_id = l.id WHERE sl.shipment_id = :s AND "
                                       "l.kind = 'shop' ORDER BY l.id DESC LIMIT 1"));
    q.bindValue(QStringLiteral(":s"), shipmentId);
    execOrThrow(q, "find shop leg");
    if (!q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

std::optional<Receipt> receipt(const QSqlDatabase &db, qint64 shipmentId)
{
    Statement q = prepareOrThrow(
        db, L("SELECT %1 FROM receipts WHERE shipment_id = :s").arg(L(kReceiptColumns)));
    q.bindValue(QStringLiteral(":s"), shipmentId);
    const QList<Receipt> rows = receipts(q);
    if (rows.isEmpty())
        return std::nullopt;
    return rows.first();
}

bool insertReceipt(QSqlDatabase &db, Receipt &r)
{
    if (receipt(db, r.shipmentId))
        return false;
    Statement q = prepareOrThrow(
        db, L("INSERT INTO receipts (shipment_id, user_id, address_key, weight_g, "
              "priced_weight_g, adjustment_id, adjustment_minor, adjustment_currency, "
              "adjustment_status, received_by, received_at) VALUES (:s, :u, :a, :w, :pw, :aid, "
              ":am, :ac, :as, :by, :at) RETURNING id"));
    q.bindValue(QStringLiteral(":s"), r.shipmentId);
    q.bindValue(QStringLiteral(":u"), r.userId);
    q.bindValue(QStringLiteral(":a"), sql::text(r.addressKey));
    q.bindValue(QStringLiteral(":w"), r.weightG);
    q.bindValue(QStringLiteral(":pw"), r.pricedWeightG);
    q.bindValue(QStringLiteral(":aid"), r.adjustmentId ? QVariant(r.adjustmentId) : QVariant());
    q.bindValue(QStringLiteral(":am"), r.adjustmentId ? QVariant(r.adjustmentMinor) : QVariant());
    q.bindValue(QStringLiteral(":ac"), sql::text(r.adjustmentCurrency));
    q.bindValue(QStringLiteral(":as"), sql::text(r.adjustmentStatus));
    q.bindValue(QStringLiteral(":by"), sql::text(r.receivedBy));
    q.bindValue(QStringLiteral(":at"), r.receivedAtMs);
    execOrThrow(q, "insert receipt");
    if (!q.next())
        throw StorageError(QStringLiteral("insert receipt returned no id"));
    r.id = q.value(0).toLongLong();
    return true;
}

QList<Receipt> ready(const QSqlDatabase &db)
{
    Statement q = prepareOrThrow(db, L("SELECT %1 FROM receipts WHERE dispatched_at IS NULL "
                                       "ORDER BY user_id, address_key, parcel_leg_id, id "
                                       "LIMIT 5000")
                                         .arg(L(kReceiptColumns)));
    return receipts(q);
}

QList<Receipt> inParcel(const QSqlDatabase &db, qint64 legId)
{
    Statement q = prepareOrThrow(
        db,
        L("SELECT %1 FROM receipts WHERE parcel_leg_id = :l ORDER BY id").arg(L(kReceiptColumns)));
    q.bindValue(QStringLiteral(":l"), legId);
    return receipts(q);
}

void assignParcel(QSqlDatabase &db, qint64 shipmentId, qint64 legId)
{
    Statement q =
        prepareOrThrow(db, L("UPDATE receipts SET parcel_leg_id = :l WHERE shipment_id = :s"));
    q.bindValue(QStringLiteral(":l"), legId);
    q.bindValue(QStringLiteral(":s"), shipmentId);
    execOrThrow(q, "assign parcel");
}

void markDispatched(QSqlDatabase &db, qint64 legId, const QString &actor, qint64 atMs)
{
    Statement q = prepareOrThrow(db, L("UPDATE receipts SET dispatched_by = :by, dispatched_at = "
                                       ":at WHERE parcel_leg_id = :l"));
    q.bindValue(QStringLiteral(":by"), sql::text(actor));
    q.bindValue(QStringLiteral(":at"), atMs);
    q.bindValue(QStringLiteral(":l"), legId);
    execOrThrow(q, "mark dispatched");
}

qint64 insertPendingLeg(QSqlDatabase &db, qint64 atMs)
{
    Statement q = prepareOrThrow(
        db, L("INSERT INTO legs (kind, carrier, tracking_number, status, created_at, closed) "
              "VALUES ('international', 'intlexpress', :n, '', :at, 0) RETURNING id"));
    q.bindValue(QStringLiteral(":n"),
                kPending + QUuid::createUuid().toString(QUuid::WithoutBraces));
    q.bindValue(QStringLiteral(":at"), atMs);
    execOrThrow(q, "insert parcel leg");
    if (!q.next())
        throw StorageError(QStringLiteral("insert parcel leg returned no id"));
    return q.value(0).toLongLong();
}

QString legNumber(const QSqlDatabase &db, qint64 legId)
{
    Statement q = prepareOrThrow(db, L("SELECT tracking_number FROM legs WHERE id = :l"));
    q.bindValue(QStringLiteral(":l"), legId);
    execOrThrow(q, "read leg number");
    return q.next() ? q.value(0).toString() : QString();
}

bool releasePendingLeg(QSqlDatabase &db, qint64 legId)
{
    Statement d = prepareOrThrow(
        db, L("DELETE FROM legs WHERE id = :l AND tracking_number LIKE 'pending:%'"));
    d.bindValue(QStringLiteral(":l"), legId);
    execOrThrow(d, "delete pending parcel leg");
    if (d.query().numRowsAffected() != 1)
        return false;
    Statement q = prepareOrThrow(db, L("UPDATE receipts SET parcel_leg_id = NULL WHERE "
                                       "parcel_leg_id = :l AND dispatched_at IS NULL"));
    q.bindValue(QStringLiteral(":l"), legId);
    execOrThrow(q, "release parcel");
    return true;
}

void closeShopTracker(QSqlDatabase &db, qint64 legId)
{
    Statement q =
        prepareOrThrow(db, L("UPDATE trackers SET open = 0, claimed_until = 0 WHERE leg_id = :l"));
    q.bindValue(QStringLiteral(":l"), legId);
    execOrThrow(q, "close shop tracker");
}

bool setLegNumber(QSqlDatabase &db, qint64 legId, const QString &number)
{
    Statement q = prepareOrThrow(db, L("UPDATE legs SET tracking_number = :n WHERE id = :l AND "
                                       "tracking_number LIKE 'pending:%'"));
    q.bindValue(QStringLiteral(":n"), number);
    q.bindValue(QStringLiteral(":l"), legId);
    execOrThrow(q, "set parcel number");
    return q.query().numRowsAffected() == 1;
}

} // namespace haitao::server::logistics::receivingstore
