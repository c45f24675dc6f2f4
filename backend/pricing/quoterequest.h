#pragma once

#include "backend/pricing/quote.h"

#include <QJsonObject>

#include <optional>

namespace haitao::server::pricing {

struct QuoteRequest
{
    QuoteInput input;
    std::optional<QJsonObject> sweep; // simulate only: {fromG, toG, stepG}, validated
};

// Reads the body of POST /api/v1/quotes (and /simulate, which also takes `sweep` and
// `firstOrder`), collecting every problem with its path ("lines[1].price") into one 422.
QuoteRequest readQuoteRequest(const QJsonObject &body, bool simulate);

} // namespace haitao::server::pricing
