#pragma once

#include "backend-client/apierror.h"

namespace haitao::widgets {

// A readable, translated sentence for a failed call, for a MessageLabel.
QString describeError(const client::ApiError &error);

// "Try again in 30 seconds" style wait for 429 answers; empty when the server gave no time.
QString retryAfterText(int seconds);

} // namespace haitao::widgets
