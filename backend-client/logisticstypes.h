#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace haitao::client {

// The client's view of the logistics answers (issue 7: /api/v1/logistics/... and
// /orders/{id}/tracking). Statuses, leg kinds, alert kinds and sources stay wire names
// (QString): the server may grow new ones, and an unknown name must show as it is rather than
// make the whole answer unreadable. Times are wire times (UTC) except a checkpoint's time, which
// keeps the carrier's zone. Each fromJson() returns nullopt and sets `why` when a field the
// desktop relies on (an id) is missing.

// One carrier event on a leg.
struct Checkpoint
{
    qint64 id = 0;  // 0 when the answer does not carry it
    QDateTime time; // with the carrier's UTC offset (Qt::OffsetFromUTC)
    QString place;
    QString status;    // normalized; "unknown" when the raw status has no mapping
    QString rawStatus; // the carrier's code
    QString rawText;   // the carrier's words
    QString source;    // poll, webhook, manual, warehouse

    static std::optional<Checkpoint> fromJson(const QJsonObject &json, QString *why);
};

struct Leg
{
    qint64 id = 0; // in the shipment detail
    QString kind;  // shop, international, customs, domestic
    QString carrier;
    QString carrierName;
    QString trackingNumber;
    QString status;
    QList<Checkpoint> checkpoints; // by event time

    static std::optional<Leg> fromJson(const QJsonObject &json, QString *why);
};

// GET /orders/{id}/tracking.
struct TrackedSubOrder
{
    qint64 id = 0;
    QString site;
    qint64 shipmentId = 0; // 0: no shipment yet
    QString status;
    QList<Leg> legs;
};

struct OrderTracking
{
    qint64 orderId = 0;
    QList<TrackedSubOrder> subOrders;

    static std::optional<OrderTracking> fromJson(const QJsonObject &json, QString *why);
};

// A row of GET /logistics/shipments.
struct ShipmentSummary
{
    qint64 id = 0;
    qint64 subOrderId = 0;
    qint64 orderId = 0;
    QString site;
    QString customer;
    QString status; // overall: awaiting_shipment or a normalized status
    QString currentLeg;
    QString carrier;
    QString trackingNumber;
    QDateTime lastCheckpointAt; // event time of the newest checkpoint
    QDateTime lastActivityAt;   // when the server last stored a new checkpoint
    qint64 openAlerts = 0;
    QDateTime createdAt;

    // What "quiet" counts from: the last new checkpoint, else the creation.
    QDateTime quietSince() const { return lastActivityAt.isValid() ? lastActivityAt : createdAt; }

    static std::optional<ShipmentSummary> fromJson(const QJsonObject &json, QString *why);
};

struct ShipmentEvent
{
    QDateTime at;
    QString actor;
    QString from;
    QString to;
    QString reason;
};

// GET /logistics/alerts items (and the shipment detail's alerts).
struct Alert
{
    qint64 id = 0;
    qint64 shipmentId = 0;
    qint64 orderId = 0;
    QString site;
    QString kind;  // quiet, exception, customs_hold
    QString state; // open, acknowledged, resolved
    QString detail;
    QDateTime raisedAt;
    QString acknowledgedBy;
    QDateTime acknowledgedAt;
    QString resolvedBy;
    QDateTime resolvedAt;
    QString note;

    static std::optional<Alert> fromJson(const QJsonObject &json, QString *why);
};

// GET /logistics/shipments/{id}.
struct ShipmentDetail
{
    ShipmentSummary summary;
    QJsonObject recipient;
    qint64 pricedWeightG = 0;
    QList<Leg> legs; // route order
    QList<ShipmentEvent> events;
    QList<Alert> alerts;
    QJsonObject receipt; // empty: not received at the warehouse

    static std::optional<ShipmentDetail> fromJson(const QJsonObject &json, QString *why);
};

// GET /logistics/shipments/counts.
struct ShipmentCounts
{
    QMap<QString, qint64> byStatus;
    qint64 open = 0;
    qint64 unmapped = 0;
    qint64 openAlerts = 0;

    static std::optional<ShipmentCounts> fromJson(const QJsonObject &json, QString *why);
};

// GET /logistics/carriers items.
struct Carrier
{
    QString code;
    QString name;
    QString protocol;
    QString baseUrl;
    int rps = 0;
    int batchSize = 0;
    int tzOffsetMinutes = 0;
    bool enabled = false;
    bool webhookRegistered = false;

    static std::optional<Carrier> fromJson(const QJsonObject &json, QString *why);
    QJsonObject toJson() const; // PUT /logistics/carriers/{code}
};

// GET /logistics/mappings items.
struct StatusMapping
{
    QString carrier;
    QString rawStatus;
    QString status;
    QString updatedBy;
    QDateTime updatedAt;

    static std::optional<StatusMapping> fromJson(const QJsonObject &json, QString *why);
};

// GET /logistics/mappings/unmapped items: raw statuses seen without a mapping.
struct UnmappedStatus
{
    QString carrier;
    QString rawStatus;
    QString sampleText;
    qint64 count = 0;
    QDateTime firstSeen;
    QDateTime lastSeen;

    static std::optional<UnmappedStatus> fromJson(const QJsonObject &json, QString *why);
};

// GET /logistics/notifications items: what a customer was (or is to be) told.
struct Notification
{
    qint64 id = 0;
    qint64 shipmentId = 0;
    qint64 orderId = 0;
    QString kind;    // shipped, customs_cleared, delivered
    QString channel; // email, sms
    QString recipient;
    QString subject;
    QString status; // pending, sent, failed
    int attempts = 0;
    QString lastError;
    QDateTime createdAt;
    QDateTime sentAt;

    static std::optional<Notification> fromJson(const QJsonObject &json, QString *why);
};

// The filters of GET /logistics/shipments.
struct ShipmentFilter
{
    QString status; // empty: all
    QString carrier;
    QString site;
    std::optional<int> quietDays;
    bool openAlertsOnly = false;
    QString search; // tracking number, order id or customer

    friend bool operator==(const ShipmentFilter &, const ShipmentFilter &) = default;
};

struct ShipmentQuery
{
    ShipmentFilter filter;
    QString cursor;
    int limit = 50;
};

struct AlertQuery
{
    QString state = QStringLiteral("open"); // empty: every state
    QString kind;                           // empty: every kind
    QString cursor;
    int limit = 100;

    friend bool operator==(const AlertQuery &, const AlertQuery &) = default;
};

// POST /logistics/shipments/{id}/checkpoints.
struct NewCheckpoint
{
    QString leg;    // empty: the current leg
    QDateTime time; // invalid: now; sent with its offset
    QString place;
    QString status; // normalized, required
    QString text;
    QString reason; // required

    QJsonObject toJson() const;
};

// PUT /logistics/shipments/{id}/legs/{kind}: a tracking number learned by hand.
struct LegAssignment
{
    QString carrier;
    QString trackingNumber;
    QString reason;

    QJsonObject toJson() const;
};

// A checkpoint time on the wire: ISO 8601 with the time's own offset.
QString checkpointTimeText(const QDateTime &time);
QDateTime checkpointTimeFromText(const QString &text); // keeps the offset; invalid on bad input

} // namespace haitao::client
