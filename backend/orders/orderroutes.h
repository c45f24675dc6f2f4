#pragma once

#include "backend/http/router.h"

namespace haitao::server::orders {

class OrderService;

// The customer's /api/v1/cart and /api/v1/orders (own orders only), the gateway's
// /api/v1/payments/notify/{provider}, and the staff /api/v1/admin/orders: input shape in,
// service call, JSON out.
void addOrderRoutes(Router &router, OrderService &orders);

} // namespace haitao::server::orders
