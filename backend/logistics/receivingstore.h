#pragma once

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

// The SQL of warehouse receiving and dispatch (receipts; the shipments and legs it reads),
// prepared statements only, in the caller's transaction.
namespace haitao::server::logistics::receivingstore {

struct ShipmentRow
{
    qint64 id = 0, subOrderId = 0, orderId = 0, userId = 0;
    QString username, site, status;
    qint64 pricedWeightG = 0;
    QString address; // compact JSON, as stored: equal text = equal address
    QString recipientName, recipientPhone;
};
std::optional<ShipmentRow> shipment(const QSqlDatabase &db, qint64 id);
// The shipment whose shop leg has this (normalized: no spaces, upper case) tracking number.
std::optional<qint64> shipmentByShopNumber(const QSqlDatabase &db, const QString &number);
std::optional<qint64> shopLeg(const QSqlDatabase &db, qint64 shipmentId);

struct Receipt
{
    qint64 id = 0, shipmentId = 0, userId = 0;
    QString addressKey;
    qint64 weightG = 0, pricedWeightG = 0;
    qint64 adjustmentId = 0; // 0: none
    qint64 adjustmentMinor = 0;
    QString adjustmentCurrency, adjustmentStatus;
    QString receivedBy;
    qint64 receivedAtMs = 0;
    std::optional<qint64> parcelLegId;
    QString dispatchedBy;
    std::optional<qint64> dispatchedAtMs;

    QJsonObject toJson() const;
};
std::optional<Receipt> receipt(const QSqlDatabase &db, qint64 shipmentId);
// false when the shipment has a receipt already (nothing inserted).
bool insertReceipt(QSqlDatabase &db, Receipt &r);
// Received and not dispatched, by customer, address and id.
// A group with a pending parcel leg (carrier not answered yet) is listed too: the retry.
QList<Receipt> ready(const QSqlDatabase &db);
// The shop leg's tracker stops: the parcel is in our hands (lost ones would be polled on).
void closeShopTracker(QSqlDatabase &db, qint64 legId);
QList<Receipt> inParcel(const QSqlDatabase &db, qint64 legId);
void assignParcel(QSqlDatabase &db, qint64 shipmentId, qint64 legId);
void markDispatched(QSqlDatabase &db, qint64 legId, const QString &actor, qint64 atMs);

// The international leg of a parcel being created: made before the carrier is asked (its id
// is the parcel's reference), with a placeholder number until the carrier answers.
qint64 insertPendingLeg(QSqlDatabase &db, qint64 atMs);
QString legNumber(const QSqlDatabase &db, qint64 legId);
// The carrier refused the parcel for good: its receipts are ready again and the placeholder
// leg is deleted. false when the leg is no longer pending (nothing changed).
bool releasePendingLeg(QSqlDatabase &db, qint64 legId);
// The carrier's number replaces the placeholder; false when it was replaced already.
bool setLegNumber(QSqlDatabase &db, qint64 legId, const QString &number);

} // namespace haitao::server::logistics::receivingstore
