#pragma once

#include "sim/parcelplan.h"

#include <QJsonArray>

#include <array>
#include <mutex>

namespace haitao::sim {

// Requests to the simulated carrier APIs: the per-carrier limit (requests per wall-clock
// second) and the counters of GET /__sim/carriers. Thread-safe.
class CarrierTraffic
{
public:
    // Counts a request; false when it is over the carrier's limit this second.
    bool admit(Carrier carrier, int limitPerSecond);
    void countThrottled(Carrier carrier);
    void countNumbers(Carrier carrier, int numbers);
    QJsonArray toJson() const;
    void reset();

private:
    struct Counters
    {
        qint64 requests = 0;
        qint64 numbers = 0;
        qint64 throttled = 0;
        qint64 second = 0; // the wall-clock second `inSecond` counts
        int inSecond = 0;
        int maxPerSecond = 0;
    };
    mutable std::mutex m_mutex;
    std::array<Counters, 5> m_counters{};
};

} // namespace haitao::sim
