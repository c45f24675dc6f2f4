#pragma once

#include "backend/pricing/fxrate.h"

#include <QJsonObject>

namespace haitao::server::pricing {

// A realistic rule set document (eight shops in six countries, weight-banded shipping, China
// cross-border import tax, a coupon, spend-and-save and a first-order discount), as used by
// `--demo`, the benchmark and the tests. It passes RuleSet::fromJson(..., forPublish = true).
QJsonObject demoRuleSetDocument();

// Rates for every currency the demo rules and shops use (USD, JPY, EUR, GBP, KRW, AUD), all
// as of `asOfMs` with a 1.5% markup, entry ids 1..6 and snapshot 6.
RateSnapshot demoRateSnapshot(qint64 asOfMs);

} // namespace haitao::server::pricing
