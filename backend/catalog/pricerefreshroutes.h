#pragma once

#include "backend/http/router.h"

namespace haitao::server::catalog {

class PriceRefresh;

// POST /api/v1/catalog/price-refresh (ops) and GET /api/v1/catalog/products/{id}/prices
// (staff).
void addPriceRefreshRoutes(Router &router, PriceRefresh &refresh);

} // namespace haitao::server::catalog
