#pragma once

#include <QString>
#include <QStringList>

namespace haitao::models {

// Translated words for the logistics wire names (normalized statuses, leg kinds, alert kinds
// and states, checkpoint sources, notification kinds), for DisplayRole and the page's filters;
// unknown names come back as they are, so a status the client does not know yet still shows.

// The normalized statuses a checkpoint can be mapped to, in journey order (no "unknown").
QStringList normalizedStatuses();
// The overall statuses a shipment can have: awaiting_shipment, then normalizedStatuses().
QStringList shipmentStatuses();
// Leg kinds in route order.
QStringList legKinds();
// Position of a leg kind in the route (unknown kinds last).
int legOrder(const QString &kind);

// Also "unknown", "awaiting_shipment" and (an order's tracking only) "cancelled".
QString shipmentStatusLabel(const QString &status);
QString legKindLabel(const QString &kind);
QString checkpointSourceLabel(const QString &source);
QString alertKindLabel(const QString &kind);
QString alertStateLabel(const QString &state);
QString notificationKindLabel(const QString &kind);
QString notificationStatusLabel(const QString &status);
QString channelLabel(const QString &channel);

// The status a raw carrier status got when nothing maps it.
inline bool isUnknownStatus(const QString &status)
{
    return status.isEmpty() || status == QLatin1String("unknown");
}

} // namespace haitao::models
