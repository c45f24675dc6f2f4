#pragma once

#include "backend/http/router.h"

namespace haitao::server::catalog {

class CatalogService;

// /api/v1/catalog/* (staff) and /api/v1/products* (customers): input shape in, service call,
// JSON out.
void addCatalogRoutes(Router &router, CatalogService &catalog);

} // namespace haitao::server::catalog
