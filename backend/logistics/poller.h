#pragma once

#include <QString>
#include <QtGlobal>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace haitao::server::logistics {

class LogisticsService;

// Polls one carrier's due tracking numbers: claims a batch (a conditional update, so two
// instances never poll one number at once), waits for its turn under the carrier's rate
// (requests evenly spaced at 1/rps), asks, stores what is new and schedules each number's
// next poll (back-off doubling while nothing changes). A 429 pauses the whole carrier for
// its Retry-After.
class CarrierPoller
{
public:
    CarrierPoller(LogisticsService &service, QString carrier);
    ~CarrierPoller();

    void start();
    void stop();
    void wake();

    // One batch; -1 when paused or the carrier has no usable API, else the numbers polled.
    int pollOnce();

private:
    using SteadyClock = std::chrono::steady_clock;
    void loop();
    // Sleeps (interruptibly) until the rate limit allows one more request.
    bool waitForTurn(int rps);

    LogisticsService &m_service;
    QString m_carrier;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stopping = false;
    bool m_woken = false;
    SteadyClock::time_point m_nextSlot{};
    SteadyClock::time_point m_pausedUntil{};
    qint64 m_lastErrorLogAt = 0; // wall ms of the last logged failure (loop thread only)
    std::thread m_thread;
};

} // namespace haitao::server::logistics
