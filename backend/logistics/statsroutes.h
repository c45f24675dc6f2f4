#pragma once

#include "backend/http/router.h"

namespace haitao::server::logistics {

class NotifyService;

// GET /api/v1/logistics/stats (ops and admins).
void addStatsRoutes(Router &router, NotifyService &notify);

} // namespace haitao::server::logistics
