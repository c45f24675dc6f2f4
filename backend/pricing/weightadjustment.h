#pragma once

#include "backend/pricing/quote.h"
#include "core/money.h"

#include <QString>

namespace haitao::server::pricing {

class PricingService;

// When a weighed parcel differs enough from what was priced: by more than `percent` of the
// priced weight AND by more than `grams` (both, so that light parcels are not charged for a
// few grams and heavy ones not for a rounding of the scale).
struct WeightTolerance
{
    int percent = 5;
    int grams = 50;
};
bool beyondTolerance(qint64 pricedWeightG, qint64 weighedG, const WeightTolerance &tolerance);

// The input with the actual weights of `site`'s lines scaled so that they total `weighedG`:
// shared in proportion to weightG * quantity (equal shares when all are 0), whole grams, the
// remainder to the last line. A line whose share does not divide by its quantity is split in
// two (the odd grams go to a line of one unit); `asPriced` gets the same split with its own
// weights, so that both quote the same lines and differ only in weight.
struct WeighedInputs
{
    QuoteInput asPriced;
    QuoteInput weighed;
};
WeighedInputs withSiteWeight(const QuoteInput &input, const QString &site, qint64 weighedG);

// The weight fee adjustment of one site's parcel: the order requoted (stored rule-set version
// and rate snapshot, input as priced) with the weighed weight, minus the same requote with the
// weights as priced. `amount` is signed CNY (+: the customer pays more) and zero within the
// tolerance.
struct WeightRequote
{
    qint64 pricedWeightG = 0; // the site's lines' chargeable weight as priced
    qint64 weighedG = 0;
    bool beyondTolerance = false;
    Money before = Money::zero(Currency::cny()); // the order's total, requoted as priced
    Money after = Money::zero(Currency::cny());  // ... with the weighed weight
    Money amount = Money::zero(Currency::cny());
};
// The site's chargeable weight as a quote priced it.
qint64 siteChargeableWeight(const Quote &quote, const QString &site);
WeightRequote requoteWeighed(PricingService &pricing, const QuoteInput &input, qint64 version,
                             qint64 snapshot, const QString &site, qint64 weighedG,
                             const WeightTolerance &tolerance);

} // namespace haitao::server::pricing
