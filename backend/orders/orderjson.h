#pragma once

#include "backend/orders/order.h"

#include <QJsonObject>

namespace haitao::server::orders {

// The order as customers and staff read it (docs/openapi.yaml, Order). Without the quote in
// lists, where it would multiply the page's size.
QJsonObject orderJson(const Order &order, bool withQuote = true);
// Staff: the order plus who ordered it and every state change.
QJsonObject staffOrderJson(const Order &order, const QList<OrderEvent> &events);
// Staff list row: the order's head and its sub-orders' states.
QJsonObject staffOrderRowJson(const Order &order);
QJsonObject eventJson(const OrderEvent &event);

} // namespace haitao::server::orders
