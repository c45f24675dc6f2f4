#pragma once

#include "backend/pricing/quote.h"

#include <QJsonObject>

#include <optional>

namespace haitao::server::pricing {

// A quote's input as it was priced (every line explicit: site, price, weight, dimensions,
// category; coupons, destination, firstOrder, nowMs), kept with an order so that the same
// quote can be computed again later (requote) with one thing changed, e.g. a weighed weight.
QJsonObject quoteInputToJson(const QuoteInput &input);
// nullopt when the document is not one quoteInputToJson wrote.
std::optional<QuoteInput> quoteInputFromJson(const QJsonObject &json);

} // namespace haitao::server::pricing
