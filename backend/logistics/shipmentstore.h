#pragma once

#include "backend/logistics/orderlink.h"

#include <QSqlDatabase>

namespace haitao::server::logistics::shipmentstore {

// A shipment for a sub-order placed at the shop (awaiting its shop tracking number), with its
// first event, in the caller's transaction. Returns its id; 0 when the sub-order has one.
qint64 create(QSqlDatabase &db, const PlacedSubOrder &placed, qint64 nowMs);

} // namespace haitao::server::logistics::shipmentstore
