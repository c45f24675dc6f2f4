#pragma once

#include "backend/http/router.h"

namespace haitao::server::logistics {

class LogisticsService;

// Tracking for customers, shipments, carriers, mappings and the carriers' webhooks
// (docs/logistics.md). Staff routes are ops and admin only; carriers are changed by admins.
void addLogisticsRoutes(Router &router, LogisticsService &service);

} // namespace haitao::server::logistics
