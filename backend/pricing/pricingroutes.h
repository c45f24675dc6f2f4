#pragma once

#include "backend/http/router.h"

namespace haitao::server::pricing {

class PricingService;

// /api/v1/quotes*, /api/v1/pricing/* and /api/v1/fx/*: input shape in, service call, JSON out.
void addPricingRoutes(Router &router, PricingService &pricing);

} // namespace haitao::server::pricing
