#pragma once

#include "backend/http/router.h"

namespace haitao::server {

class IdentityService;

// /api/v1/auth/* and /api/v1/admin/*: input shape in, service call, JSON out.
void addIdentityRoutes(Router &router, IdentityService &identity);

} // namespace haitao::server
