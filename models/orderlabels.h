#pragma once

#include "backend-client/ordertypes.h"

namespace haitao::models {

// Translated words for the order and placement wire names, for DisplayRole and the pages'
// filters; unknown names come back as they are.
QString orderStatusLabel(client::OrderStatus status);
QString subOrderStatusLabel(client::SubOrderStatus status);
// Either kind of status by wire name (events mix the order's and its sub-orders').
QString statusLabel(const QString &wireName);
QString placementStepLabel(const QString &step);       // "sign_in" -> "Sign in"
QString placementOutcomeLabel(const QString &outcome); // "ambiguous" -> "No clear answer"
// "CNY 12.34": the code first, as the products table shows prices.
QString moneyText(const Money &amount);

} // namespace haitao::models
