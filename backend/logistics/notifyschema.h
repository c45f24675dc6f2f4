#pragma once

#include "backend/storage/migrations.h"

namespace haitao::server::logistics::schema {

// Migration 2 of the logistics store: alerts for ops staff and the customer notification
// outbox (docs/logistics.md).
Migration alertsAndOutbox();

} // namespace haitao::server::logistics::schema
