#pragma once

#include "backend/http/router.h"

namespace haitao::server::logistics {

class NotifyService;

// /api/v1/logistics/alerts...: the alert queue (ops and admins).
void addAlertRoutes(Router &router, NotifyService &notify);

} // namespace haitao::server::logistics
