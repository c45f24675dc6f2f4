#pragma once

#include "backend/http/router.h"

namespace haitao::server::logistics {

class NotifyService;

// /api/v1/logistics/notifications...: the customer notification outbox (ops and admins).
void addNotificationRoutes(Router &router, NotifyService &notify);

} // namespace haitao::server::logistics
