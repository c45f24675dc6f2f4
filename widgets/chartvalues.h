#pragma once

#include "core/decimal.h"
#include "core/money.h"

class QChart;

namespace haitao::widgets {

// Chart coordinates. Charts draw in qreal; these conversions are for plotting only and their
// results never flow back into any amount or rate.
qreal plotValue(const Decimal &value);
qreal plotValue(const Money &amount); // in major units

// Removes every series and axis before a redraw. removeAxis() hands each axis back to us, so
// it is deleted here; otherwise every redraw leaks its axes.
void clearChart(QChart *chart);

} // namespace haitao::widgets
