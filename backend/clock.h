#pragma once

#include <QDateTime>

#include <functional>

namespace haitao::server {

// Milliseconds since the epoch. Injected so that tests can move time (token expiry, lockout)
// without sleeping.
using Clock = std::function<qint64()>;

inline Clock systemClock()
{
    return [] { return QDateTime::currentMSecsSinceEpoch(); };
}

} // namespace haitao::server
