#pragma once

#include <atomic>

namespace haitao::sim {

// Keeps the request's connection open without answering, as a shop that created an order and
// then hung: returns once the client has closed it (it gave up), or `maxMs` passed, or
// `stopping` turned true; in the last case the connection is reset, so that the client never
// sees the answer the worker writes afterwards.
void holdConnection(int localPort, int remotePort, const std::atomic<bool> &stopping, int maxMs);

} // namespace haitao::sim
