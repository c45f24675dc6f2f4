#pragma once

#include "sim/parcelplan.h"

#include <QString>

#include <optional>

namespace haitao::sim {

// How a shop ships a confirmed merchant order.
struct ShipmentPlan
{
    QString carrier;        // "swiftpost"
    QString trackingNumber; // "SP000000123US"
    qint64 shippedAtMs = 0; // simulated; the order shows the shipment from then on
};

// The shop's carrier and the tracking number's country: us, uk swiftpost; jp kuroneko;
// de dpost.
std::optional<std::pair<Carrier, QString>> shopCarrier(const QString &site);
// confirmedAt to the minute plus 2 to 12 hours, always the same for the same order id.
qint64 plannedShipTime(const QString &merchantOrderId, qint64 confirmedAtMs);

} // namespace haitao::sim
