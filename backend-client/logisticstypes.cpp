#include "backend-client/logisticstypes.h"

#include "backend-client/jsonfields.h"
#include "core/wiretime.h"

#include <QJsonArray>

namespace haitao::client {

namespace {

using jsonfields::fail;
using jsonfields::integer;
using jsonfields::readList;
using jsonfields::text;
using jsonfields::time;

bool requireId(qint64 id, const char *what, QString *why)
{
    return id > 0 || fail(why, QStringLiteral("%1 has no id").arg(QLatin1String(what)));
}

bool requireText(const QString &value, const char *what, const char *field, QString *why)
{
    return !value.isEmpty() ||
           fail(why, QStringLiteral("%1 has no %2").arg(QLatin1String(what), QLatin1String(field)));
}

} // namespace

QString checkpointTimeText(const QDateTime &time)
{
    // Qt writes "Z" for UTC and "+09:00" for an offset: both are ISO 8601 with a zone.
    return time.toString(Qt::ISODate);
}

QDateTime checkpointTimeFromText(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

std::optional<Checkpoint> Checkpoint::fromJson(const QJsonObject &json, QString *why)
{
    Checkpoint c;
    c.id = integer(json, "id");
    c.time = checkpointTimeFromText(text(json, "time"));
    if (!c.time.isValid()) {
        if (why)
            *why = QStringLiteral("a checkpoint has no readable time");
        return std::nullopt;
    }
    c.place = text(json, "place");
    c.status = text(json, "status");
    c.rawStatus = text(json, "rawStatus");
    c.rawText = text(json, "rawText");
    c.source = text(json, "source");
    return c;
}

std::optional<Leg> Leg::fromJson(const QJsonObject &json, QString *why)
{
    Leg l;
    l.id = integer(json, "id");
    l.kind = text(json, "kind");
    if (!requireText(l.kind, "a leg", "kind", why))
        return std::nullopt;
    l.carrier = text(json, "carrier");
    l.carrierName = text(json, "carrierName");
    l.trackingNumber = text(json, "trackingNumber");
    l.status = text(json, "status");
    std::optional<QList<Checkpoint>> checkpoints = readList<Checkpoint>(json, "checkpoints", why);
    if (!checkpoints)
        return std::nullopt;
    l.checkpoints = std::move(*checkpoints);
    return l;
}

std::optional<OrderTracking> OrderTracking::fromJson(const QJsonObject &json, QString *why)
{
    OrderTracking t;
    t.orderId = integer(json, "orderId");
    if (!requireId(t.orderId, "the tracking answer", why))
        return std::nullopt;
    for (const QJsonValue &v : json.value(QStringLiteral("subOrders")).toArray()) {
        const QJsonObject o = v.toObject();
        TrackedSubOrder s;
        s.id = integer(o, "id");
        if (!requireId(s.id, "a tracked sub-order", why))
            return std::nullopt;
        s.site = text(o, "site");
        s.shipmentId = integer(o, "shipmentId"); // null reads as 0
        s.status = text(o, "status");
        std::optional<QList<Leg>> legs = readList<Leg>(o, "legs", why);
        if (!legs)
            return std::nullopt;
        s.legs = std::move(*legs);
        t.subOrders.append(std::move(s));
    }
    return t;
}

std::optional<ShipmentSummary> ShipmentSummary::fromJson(const QJsonObject &json, QString *why)
{
    ShipmentSummary s;
    s.id = integer(json, "id");
    if (!requireId(s.id, "a shipment", why))
        return std::nullopt;
    s.subOrderId = integer(json, "subOrderId");
    s.orderId = integer(json, "orderId");
    s.site = text(json, "site");
    s.customer = text(json, "customer");
    s.status = text(json, "status");
    s.currentLeg = text(json, "currentLeg");
    s.carrier = text(json, "carrier");
    s.trackingNumber = text(json, "trackingNumber");
    s.lastCheckpointAt = time(json, "lastCheckpointAt");
    s.lastActivityAt = time(json, "lastActivityAt");
    s.openAlerts = integer(json, "openAlerts");
    s.createdAt = time(json, "createdAt");
    return s;
}

std::optional<Alert> Alert::fromJson(const QJsonObject &json, QString *why)
{
    Alert a;
    a.id = integer(json, "id");
    if (!requireId(a.id, "an alert", why))
        return std::nullopt;
    a.shipmentId = integer(json, "shipmentId");
    a.orderId = integer(json, "orderId");
    a.site = text(json, "site");
    a.kind = text(json, "kind");
    a.state = text(json, "state");
    a.detail = text(json, "detail");
    a.raisedAt = time(json, "raisedAt");
    a.acknowledgedBy = text(json, "acknowledgedBy");
    a.acknowledgedAt = time(json, "acknowledgedAt");
    a.resolvedBy = text(json, "resolvedBy");
    a.resolvedAt = time(json, "resolvedAt");
    a.note = text(json, "note");
    return a;
}

std::optional<ShipmentDetail> ShipmentDetail::fromJson(const QJsonObject &json, QString *why)
{
    std::optional<ShipmentSummary> summary = ShipmentSummary::fromJson(json, why);
    if (!summary)
        return std::nullopt;
    ShipmentDetail d;
    d.summary = std::move(*summary);
    d.recipient = json.value(QStringLiteral("recipient")).toObject();
    d.pricedWeightG = integer(json, "pricedWeightG");
    std::optional<QList<Leg>> legs = readList<Leg>(json, "legs", why);
    if (!legs)
        return std::nullopt;
    d.legs = std::move(*legs);
    for (const QJsonValue &v : json.value(QStringLiteral("events")).toArray()) {
        const QJsonObject o = v.toObject();
        d.events.append(
            {time(o, "at"), text(o, "actor"), text(o, "from"), text(o, "to"), text(o, "reason")});
    }
    std::optional<QList<Alert>> alerts = readList<Alert>(json, "alerts", why);
    if (!alerts)
        return std::nullopt;
    d.alerts = std::move(*alerts);
    d.receipt = json.value(QStringLiteral("receipt")).toObject();
    return d;
}

std::optional<ShipmentCounts> ShipmentCounts::fromJson(const QJsonObject &json, QString *)
{
    ShipmentCounts c;
    const QJsonObject by = json.value(QStringLiteral("byStatus")).toObject();
    for (auto it = by.begin(); it != by.end(); ++it)
        c.byStatus.insert(it.key(), it.value().toInteger());
    c.open = integer(json, "open");
    c.unmapped = integer(json, "unmapped");
    c.openAlerts = integer(json, "openAlerts");
    return c;
}

std::optional<Carrier> Carrier::fromJson(const QJsonObject &json, QString *why)
{
    Carrier c;
    c.code = text(json, "code");
    if (!requireText(c.code, "a carrier", "code", why))
        return std::nullopt;
    c.name = text(json, "name");
    c.protocol = text(json, "protocol");
    c.baseUrl = text(json, "baseUrl");
    c.rps = int(integer(json, "rps"));
    c.batchSize = int(integer(json, "batchSize"));
    c.tzOffsetMinutes = int(integer(json, "tzOffsetMinutes"));
    c.enabled = json.value(QStringLiteral("enabled")).toBool();
    c.webhookRegistered = json.value(QStringLiteral("webhookRegistered")).toBool();
    return c;
}

QJsonObject Carrier::toJson() const
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("protocol"), protocol},
            {QStringLiteral("baseUrl"), baseUrl},
            {QStringLiteral("rps"), rps},
            {QStringLiteral("batchSize"), batchSize},
            {QStringLiteral("tzOffsetMinutes"), tzOffsetMinutes},
            {QStringLiteral("enabled"), enabled}};
}

std::optional<StatusMapping> StatusMapping::fromJson(const QJsonObject &json, QString *why)
{
    StatusMapping m;
    m.carrier = text(json, "carrier");
    m.rawStatus = text(json, "rawStatus");
    if (!requireText(m.carrier, "a mapping", "carrier", why) ||
        !requireText(m.rawStatus, "a mapping", "rawStatus", why))
        return std::nullopt;
    m.status = text(json, "status");
    m.updatedBy = text(json, "updatedBy");
    m.updatedAt = time(json, "updatedAt");
    return m;
}

std::optional<UnmappedStatus> UnmappedStatus::fromJson(const QJsonObject &json, QString *why)
{
    UnmappedStatus u;
    u.carrier = text(json, "carrier");
    u.rawStatus = text(json, "rawStatus");
    if (!requireText(u.carrier, "an unmapped status", "carrier", why) ||
        !requireText(u.rawStatus, "an unmapped status", "rawStatus", why))
        return std::nullopt;
    u.sampleText = text(json, "sampleText");
    u.count = integer(json, "count");
    u.firstSeen = time(json, "firstSeen");
    u.lastSeen = time(json, "lastSeen");
    return u;
}

std::optional<Notification> Notification::fromJson(const QJsonObject &json, QString *why)
{
    Notification n;
    n.id = integer(json, "id");
    if (!requireId(n.id, "a notification", why))
        return std::nullopt;
    n.shipmentId = integer(json, "shipmentId");
    n.orderId = integer(json, "orderId");
    n.kind = text(json, "kind");
    n.channel = text(json, "channel");
    n.recipient = text(json, "recipient");
    n.subject = text(json, "subject");
    n.status = text(json, "status");
    n.attempts = int(integer(json, "attempts"));
    n.lastError = text(json, "lastError");
    n.createdAt = time(json, "createdAt");
    n.sentAt = time(json, "sentAt");
    return n;
}

QJsonObject NewCheckpoint::toJson() const
{
    QJsonObject o{{QStringLiteral("status"), status}, {QStringLiteral("reason"), reason}};
    if (!leg.isEmpty())
        o.insert(QStringLiteral("leg"), leg);
    if (time.isValid())
        o.insert(QStringLiteral("time"), checkpointTimeText(time));
    if (!place.isEmpty())
        o.insert(QStringLiteral("place"), place);
    if (!text.isEmpty())
        o.insert(QStringLiteral("text"), text);
    return o;
}

QJsonObject LegAssignment::toJson() const
{
    return {{QStringLiteral("carrier"), carrier},
            {QStringLiteral("trackingNumber"), trackingNumber},
            {QStringLiteral("reason"), reason}};
}

} // namespace haitao::client
