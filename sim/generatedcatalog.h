#pragma once

#include "sim/shop.h"

#include <QList>

namespace haitao::sim {

// Twenty plain products for each of the us, jp and uk shops, after the hand-written ones, so
// the demo has a catalog worth browsing and the placement tests have SKUs to spread over. All
// carry a Chinese title; the same on every run.
QList<ShopProduct> generatedProducts();

} // namespace haitao::sim
