#pragma once

#include "backend/storage/migrations.h"

#include <QList>

namespace haitao::server::orders::schema {

// The orders component's store: carts, orders, sub-orders and their lines, payments,
// refunds, the state-change log, placement attempts and steps, shop accounts and their
// leases. Both the order flow (orderstore) and placement (placementstore) read it; nothing
// outside the component does.
QList<Migration> migrations();

} // namespace haitao::server::orders::schema
