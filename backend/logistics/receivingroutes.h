#pragma once

#include "backend/http/router.h"

namespace haitao::server::logistics {

class ReceivingService;

// Warehouse receiving and parcel dispatch (docs/logistics.md): ops and admin only.
void addReceivingRoutes(Router &router, ReceivingService &service);

} // namespace haitao::server::logistics
