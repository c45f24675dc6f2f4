#include "backend-client/warehousetypes.h"

#include "backend-client/jsonfields.h"
#include "backend-client/pricingtypes.h"
#include "core/wiretime.h"

#include <QJsonArray>

namespace haitao::client {

namespace {

using jsonfields::fail;
using jsonfields::integer;
using jsonfields::readId;
using jsonfields::readMoney;
using jsonfields::text;

// A required whole number of grams (0 allowed: a parcel without a priced weight).
bool readGrams(const QJsonObject &o, const char *field, const QString &what, qint64 *out,
               QString *why)
{
    const QJsonValue v = o.value(QLatin1String(field));
    if (!v.isDouble() || v.toInteger(-1) < 0)
        return fail(why, QStringLiteral("%1 has no readable %2").arg(what, QLatin1String(field)));
    *out = v.toInteger();
    return true;
}

std::optional<double> hours(const QJsonObject &o, const char *field)
{
    const QJsonValue v = o.value(QLatin1String(field));
    return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

// "Wang Fang, Shanghai Shanghai Pudong, 88 Century Ave, 200120": what a packer compares with
// the label.
QString addressLine(const QJsonObject &a)
{
    QStringList place;
    for (const char *field : {"province", "city", "district", "line1"}) {
        const QString part = text(a, field).trimmed();
        if (!part.isEmpty())
            place << part;
    }
    QStringList parts;
    for (const QString &part :
         {text(a, "name").trimmed(), place.join(QLatin1Char(' ')), text(a, "postcode").trimmed()}) {
        if (!part.isEmpty())
            parts << part;
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

std::optional<ReceivingShipment> ReceivingShipment::fromJson(const QJsonObject &json, QString *why)
{
    ReceivingShipment s;
    const QString what = QStringLiteral("a shipment");
    if (!readId(json, "id", what, &s.id, why) || !readId(json, "orderId", what, &s.orderId, why) ||
        !readId(json, "subOrderId", what, &s.subOrderId, why) ||
        !readGrams(json, "pricedWeightG", what, &s.pricedWeightG, why))
        return std::nullopt;
    s.site = text(json, "site");
    s.customer = text(json, "customer");
    s.status = text(json, "status");
    for (const QJsonValue &v : json.value(QStringLiteral("lines")).toArray()) {
        const QJsonObject l = v.toObject();
        s.lines.append({text(l, "title"), text(l, "titleZh"), integer(l, "quantity")});
    }
    return s;
}

std::optional<Receipt> Receipt::fromJson(const QJsonObject &json, QString *why)
{
    Receipt r;
    const QString what = QStringLiteral("a receipt");
    if (!readId(json, "id", what, &r.id, why) ||
        !readId(json, "shipmentId", what, &r.shipmentId, why) ||
        !readGrams(json, "weightG", what, &r.weightG, why) ||
        !readGrams(json, "pricedWeightG", what, &r.pricedWeightG, why))
        return std::nullopt;
    const QJsonValue adjustment = json.value(QStringLiteral("adjustment"));
    if (adjustment.isObject()) {
        const QJsonObject a = adjustment.toObject();
        ReceiptAdjustment ra;
        ra.id = integer(a, "id");
        ra.status = text(a, "status");
        if (!readMoney(a, "amount", QStringLiteral("a receipt's adjustment"), &ra.amount, why))
            return std::nullopt;
        r.adjustment = ra;
    }
    r.receivedBy = text(json, "receivedBy");
    r.receivedAt = fromWireTime(text(json, "receivedAt"));
    return r;
}

std::optional<ScanLookup> ScanLookup::fromJson(const QJsonObject &json, QString *why)
{
    ScanLookup l;
    const QString match = text(json, "match");
    if (match == u"matched")
        l.match = ScanMatch::Matched;
    else if (match == u"already_received")
        l.match = ScanMatch::AlreadyReceived;
    else if (match == u"unknown")
        l.match = ScanMatch::Unknown;
    else {
        fail(why, QStringLiteral("a lookup has an unknown match \"%1\"").arg(match));
        return std::nullopt;
    }
    const QJsonValue shipment = json.value(QStringLiteral("shipment"));
    if (shipment.isObject()) {
        l.shipment = ReceivingShipment::fromJson(shipment.toObject(), why);
        if (!l.shipment)
            return std::nullopt;
    }
    const QJsonValue receipt = json.value(QStringLiteral("receipt"));
    if (receipt.isObject()) {
        l.receipt = Receipt::fromJson(receipt.toObject(), why);
        if (!l.receipt)
            return std::nullopt;
    }
    // The screen acts on the shipment of a match: without it there is nothing to weigh.
    if (l.match != ScanMatch::Unknown && !l.shipment) {
        fail(why, QStringLiteral("a lookup matched no shipment"));
        return std::nullopt;
    }
    return l;
}

std::optional<WeightPreview> WeightPreview::fromJson(const QJsonObject &json, QString *why)
{
    WeightPreview p;
    const QString what = QStringLiteral("a weight preview");
    if (!readGrams(json, "pricedWeightG", what, &p.pricedWeightG, why) ||
        !readGrams(json, "weightG", what, &p.weightG, why))
        return std::nullopt;
    const QJsonValue difference = json.value(QStringLiteral("differenceG"));
    p.differenceG = difference.isDouble() ? difference.toInteger() : p.weightG - p.pricedWeightG;
    p.beyondTolerance = json.value(QStringLiteral("beyondTolerance")).toBool();
    const QJsonValue adjustment = json.value(QStringLiteral("adjustment"));
    if (adjustment.isObject()) {
        const QJsonObject a = adjustment.toObject();
        Adjustment adj;
        const QString whatAdj = QStringLiteral("a weight preview's adjustment");
        if (!readMoney(a, "amount", whatAdj, &adj.amount, why) ||
            !readMoney(a, "before", whatAdj, &adj.before, why) ||
            !readMoney(a, "after", whatAdj, &adj.after, why))
            return std::nullopt;
        p.adjustment = adj;
    }
    return p;
}

std::optional<ReadyGroup> ReadyGroup::fromJson(const QJsonObject &json, QString *why)
{
    ReadyGroup g;
    g.customer = text(json, "customer");
    const QJsonValue address = json.value(QStringLiteral("address"));
    if (address.isObject()) {
        g.address = address.toObject();
        g.addressText = addressLine(g.address);
    } else {
        g.addressText = address.toString();
    }
    for (const QJsonValue &v : json.value(QStringLiteral("shipments")).toArray()) {
        const QJsonObject o = v.toObject();
        ReadyShipment s;
        const QString what = QStringLiteral("a ready shipment");
        if (!readId(o, "id", what, &s.id, why) || !readId(o, "orderId", what, &s.orderId, why) ||
            !readGrams(o, "weightG", what, &s.weightG, why))
            return std::nullopt;
        s.site = text(o, "site");
        g.shipments.append(s);
    }
    if (g.shipments.isEmpty()) {
        fail(why, QStringLiteral("a ready group has no shipments"));
        return std::nullopt;
    }
    return g;
}

std::optional<ReadyGroups> ReadyGroups::fromJson(const QJsonObject &json, QString *why)
{
    ReadyGroups r;
    for (const QJsonValue &v : json.value(QStringLiteral("groups")).toArray()) {
        std::optional<ReadyGroup> g = ReadyGroup::fromJson(v.toObject(), why);
        if (!g)
            return std::nullopt;
        r.groups.append(std::move(*g));
    }
    return r;
}

std::optional<DispatchedParcel> DispatchedParcel::fromJson(const QJsonObject &json, QString *why)
{
    DispatchedParcel p;
    if (!readId(json, "legId", QStringLiteral("a parcel"), &p.legId, why))
        return std::nullopt;
    p.carrier = text(json, "carrier");
    p.trackingNumber = text(json, "trackingNumber");
    if (p.trackingNumber.isEmpty()) {
        fail(why, QStringLiteral("a parcel has no tracking number"));
        return std::nullopt;
    }
    for (const QJsonValue &v : json.value(QStringLiteral("shipmentIds")).toArray())
        p.shipmentIds.append(v.toInteger());
    return p;
}

std::optional<LogisticsStats> LogisticsStats::fromJson(const QJsonObject &json, QString *why)
{
    LogisticsStats s;
    for (const QJsonValue &v : json.value(QStringLiteral("leadTimes")).toArray()) {
        const QJsonObject o = v.toObject();
        LeadTime l;
        l.site = text(o, "site");
        l.carrier = text(o, "carrier");
        l.count = integer(o, "count");
        l.p50Hours = hours(o, "p50Hours");
        l.p90Hours = hours(o, "p90Hours");
        for (const QJsonValue &b : o.value(QStringLiteral("buckets")).toArray()) {
            const QJsonObject bo = b.toObject();
            Bucket bucket;
            bucket.fromDays = int(integer(bo, "fromDays"));
            const QJsonValue to = bo.value(QStringLiteral("toDays"));
            if (to.isDouble())
                bucket.toDays = int(to.toInteger());
            bucket.count = integer(bo, "count");
            l.buckets.append(bucket);
        }
        s.leadTimes.append(l);
    }
    for (const QJsonValue &v : json.value(QStringLiteral("byStatus")).toArray()) {
        const QJsonObject o = v.toObject();
        s.byStatus.append({text(o, "status"), integer(o, "count")});
    }
    for (const QJsonValue &v : json.value(QStringLiteral("alertsOpen")).toArray()) {
        const QJsonObject o = v.toObject();
        const QDate day = QDate::fromString(text(o, "day"), Qt::ISODate);
        if (!day.isValid()) {
            fail(why, QStringLiteral("the open alerts have an unreadable day"));
            return std::nullopt;
        }
        s.alertsOpen.append({day, integer(o, "open")});
    }
    return s;
}

} // namespace haitao::client
