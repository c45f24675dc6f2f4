#pragma once

#include "backend/pricing/quote.h"
#include "backend/pricing/ruleset.h"

namespace haitao::server::pricing {

struct EngineLimits
{
    qint64 maxRateAgeMs = 96LL * 3600 * 1000;
    qint64 quoteValidityMs = 30LL * 60 * 1000;
};

// The one function that prices. Pure: no storage, no clock (input.nowMs), no globals, so the
// same inputs always give the same quote and it can be re-run later from a stored version and
// rate snapshot. Throws ApiError: Validation (with errors[] paths into the request, e.g.
// "lines[2].price", "coupons[0]"), StaleRates (a needed currency has no usable rate), or
// Validation for amounts that overflow.
Quote computeQuote(const QuoteInput &input, const RuleSet &rules, qint64 ruleSetVersion,
                   const RateSnapshot &rates, const EngineLimits &limits);

} // namespace haitao::server::pricing
