#pragma once

#include "models/itemroles.h"

namespace haitao::models {

// The unit of a numeric cell of the warehouse models, for the delegate that formats it:
// u"g" for whole grams, a currency code for an amount in minor units (RawRole holds the
// number). Absent for cells that are not quantities.
inline constexpr int UnitRole = StaleRole + 301;

} // namespace haitao::models
