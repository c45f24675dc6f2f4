#pragma once

#include "backend/storage/migrations.h"

#include <QList>

namespace haitao::server::logistics::schema {

// The logistics component's store: carriers and their status mappings, shipments with their
// legs, trackers and checkpoints, the state-change log, webhook receipts (migration 1);
// alerts and the outbox (2, notify); warehouse receipts (3, receive). Append only.
QList<Migration> migrations();

} // namespace haitao::server::logistics::schema
