#pragma once

#include "core/decimal.h"
#include "core/money.h"

namespace haitao::widgets {

// Chart coordinates. Charts draw in qreal; these conversions are for plotting only and their
// results never flow back into any amount or rate.
qreal plotValue(const Decimal &value);
qreal plotValue(const Money &amount); // in major units

} // namespace haitao::widgets
