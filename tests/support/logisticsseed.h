#pragma once

#include <QString>
#include <QStringList>

namespace haitao::server::logistics {
class LogisticsService;
}

namespace haitao::testing {

// Shipments with open trackers made directly in the logistics store, with no orders behind
// them (tests and bench_logistics): what discovery and the shop check would leave, already
// shipped (status info_received, announced to nobody), sub-order ids from `firstSubOrderId`.
// The leg is the carrier's usual one (intlexpress international, sfsim domestic, else shop).
// Returns how many were made.
int seedShipments(server::logistics::LogisticsService &logistics, const QString &carrier,
                  const QStringList &trackingNumbers, qint64 firstSubOrderId);

} // namespace haitao::testing
