#pragma once

#include "sim/parcels.h"

#include <QJsonObject>

namespace haitao::sim {

// The answer shapes of the carrier styles, one event at a time.

// swiftpost, sfsim: {"id", "time" (ISO 8601 in the carrier's zone), "location", "code",
// "description"}
QJsonObject batchEventJson(const ParcelInfo &parcel, const PlannedEvent &event);
// kuroneko: {"eventId", "datetime": "2026/11/26 10:00" (JST, no zone), "place",
// "statusCode", "statusName"}
QJsonObject kuronekoEventJson(const PlannedEvent &event);
// intlexpress: {"id", "time" (UTC, Z), "location", "code", "text", "handover"?}
QJsonObject intlEventJson(const ParcelInfo &parcel, const PlannedEvent &event);
// Whichever of the above the parcel's carrier uses.
QJsonObject eventJson(const ParcelInfo &parcel, const PlannedEvent &event);

// "2026-11-26T10:00:00+09:00": the time in a fixed zone (UTC: "Z").
QString isoWithOffset(qint64 ms, int offsetMinutes);

} // namespace haitao::sim
