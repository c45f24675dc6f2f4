#pragma once

#include "core/money.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace haitao::client {

// The client's view of the warehouse answers: receiving (lookup, weight preview, receipt), the
// shipments ready for an international parcel, the parcel dispatched, and the logistics
// figures (GET /logistics/stats). Weights are whole grams, amounts core Money (CNY), times wire
// times. Each fromJson() returns nullopt and sets `why` when a field the desktop relies on is
// missing or malformed, so an unreadable answer is reported instead of shown as zero.

struct ReceivingLine
{
    QString title;
    QString titleZh;
    qint64 quantity = 0;
};

// The sub-order's shipment a scan matched.
struct ReceivingShipment
{
    qint64 id = 0;
    qint64 orderId = 0;
    qint64 subOrderId = 0;
    QString site;
    QString customer;
    QString status; // normalized overall status (wire name)
    qint64 pricedWeightG = 0;
    QList<ReceivingLine> lines;

    static std::optional<ReceivingShipment> fromJson(const QJsonObject &json, QString *why);
};

// The fee adjustment a receipt recorded (null when the weight was within tolerance).
struct ReceiptAdjustment
{
    qint64 id = 0;
    Money amount = Money::zero(Currency::cny()); // signed: + the customer pays, - refunded
    QString status;                              // due, paid, refund_pending, refunded
};

// POST /logistics/receiving's answer, and the earlier receipt of an already received scan.
struct Receipt
{
    qint64 id = 0;
    qint64 shipmentId = 0;
    qint64 weightG = 0;
    qint64 pricedWeightG = 0;
    std::optional<ReceiptAdjustment> adjustment;
    QString receivedBy;
    QDateTime receivedAt;

    static std::optional<Receipt> fromJson(const QJsonObject &json, QString *why);
};

enum class ScanMatch { Matched, AlreadyReceived, Unknown };

// GET /logistics/receiving/lookup.
struct ScanLookup
{
    ScanMatch match = ScanMatch::Unknown;
    std::optional<ReceivingShipment> shipment; // matched and already received
    std::optional<Receipt> receipt;            // already received

    static std::optional<ScanLookup> fromJson(const QJsonObject &json, QString *why);
};

// POST /logistics/receiving/preview: what confirming this weight would record.
struct WeightPreview
{
    struct Adjustment
    {
        Money amount = Money::zero(Currency::cny()); // signed, + the customer pays
        Money before = Money::zero(Currency::cny()); // the sub-order's price on the priced weight
        Money after = Money::zero(Currency::cny());  // on the weighed weight
    };
    qint64 pricedWeightG = 0;
    qint64 weightG = 0;
    qint64 differenceG = 0; // weightG - pricedWeightG
    bool beyondTolerance = false;
    std::optional<Adjustment> adjustment; // null: nothing to charge or refund

    static std::optional<WeightPreview> fromJson(const QJsonObject &json, QString *why);
};

struct ReadyShipment
{
    qint64 id = 0;
    qint64 orderId = 0;
    QString site;
    qint64 weightG = 0;
};

// Received shipments of one customer to one address, not dispatched yet: one international
// parcel's worth.
struct ReadyGroup
{
    QString customer;
    QJsonObject address; // the order's Address; `addressText` when the server sends text
    QString addressText; // one line, for display
    QList<ReadyShipment> shipments;

    static std::optional<ReadyGroup> fromJson(const QJsonObject &json, QString *why);
};

// GET /logistics/receiving/ready.
struct ReadyGroups
{
    QList<ReadyGroup> groups;

    static std::optional<ReadyGroups> fromJson(const QJsonObject &json, QString *why);
};

// POST /logistics/parcels's answer.
struct DispatchedParcel
{
    qint64 legId = 0;
    QString carrier;
    QString trackingNumber;
    QList<qint64> shipmentIds;

    static std::optional<DispatchedParcel> fromJson(const QJsonObject &json, QString *why);
};

// GET /logistics/stats?days=N.
struct LogisticsStats
{
    struct Bucket
    {
        int fromDays = 0;
        std::optional<int> toDays; // nullopt: open ("21+ days")
        qint64 count = 0;
    };
    // Lead time (delivered - placed) of one site and shop-leg carrier.
    struct LeadTime
    {
        QString site;
        QString carrier;
        qint64 count = 0;
        std::optional<double> p50Hours; // for display and plotting only
        std::optional<double> p90Hours;
        QList<Bucket> buckets;
    };
    struct StatusCount
    {
        QString status;
        qint64 count = 0;
    };
    struct AlertsDay
    {
        QDate day;
        qint64 open = 0;
    };
    QList<LeadTime> leadTimes;
    QList<StatusCount> byStatus;
    QList<AlertsDay> alertsOpen;

    static std::optional<LogisticsStats> fromJson(const QJsonObject &json, QString *why);
};

} // namespace haitao::client
