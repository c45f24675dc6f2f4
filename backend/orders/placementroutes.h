#pragma once

#include "backend/http/router.h"

namespace haitao::server::orders {

class PlacementService;

// /api/v1/admin/shop-accounts, /admin/placements(/counts, /stats) and the manual queue's
// /admin/sub-orders/{id}(/claim, /release, /manual-placement, /retry-auto, /cancel).
// Ops and admins; changing a shop account is for admins only.
void addPlacementRoutes(Router &router, PlacementService &placement);

} // namespace haitao::server::orders
