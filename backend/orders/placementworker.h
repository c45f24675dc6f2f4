#pragma once

#include "backend/config.h"
#include "backend/log.h"
#include "backend/storage/database.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace haitao::server::orders {

// Automatic placement (docs/orders.md, "Placement"): Config::placementWorkers threads, each
// looking for a site with due work, taking that site's shop-account lease (one holder per
// account, across instances), reconciling what a gone holder left in placing, then running
// attempts one at a time (placementattempt.h) until the site has nothing due, asks to wait,
// or a batch is done; then it lets the lease go so others get their turn. Calls to a site
// keep to Config::placementRps; 429/503 make the site wait (Retry-After or a doubling
// back-off). Sub-orders of a site without an enabled shop account go to the manual queue;
// sub-orders paid long ago and still not final are logged once as stuck.
class PlacementWorker
{
public:
    PlacementWorker(Database &db, const Config &config, const Log &log);
    ~PlacementWorker();

    // Starts the threads (nothing with placementWorkers 0). Leases of an earlier run are not
    // freed: they expire. The lease lifetime is at least 3 x (the shop-call timeout + the
    // pacing), raised from placementLeaseSeconds if needed (logged).
    void start();
    // Wakes and joins the threads: no wait is longer than the poll interval and waits end at
    // once; a shop call in flight ends within its timeout. An attempt cut short goes back to
    // awaiting_placement (it is looked up at the shop before the next create).
    void stop();

    const QString &instanceName() const { return m_instance; }

private:
    using SteadyClock = std::chrono::steady_clock;
    struct Site
    {
        SteadyClock::time_point nextCall{};     // the rate limit
        SteadyClock::time_point backoffUntil{}; // after a 429/503
        int backoffs = 0;
        QString session;   // the shop's sign-in token
        bool busy = false; // a thread of this instance holds its lease
    };

    void loop(int thread);
    bool round(int thread, const QString &holder, const QString &actor);
    int toManualWithoutAccount(const QString &site, const QString &reason, const QString &holder,
                               const QString &actor);
    void work(const QString &site, const QString &holder, const QString &actor, qint64 token);
    void checkStuck();
    void waitTurn(const QString &site);
    qint64 backOff(const QString &site, int retryAfterSeconds);
    bool sleepFor(std::chrono::milliseconds ms); // false when stopping

    Database &m_db;
    const Config &m_config;
    const Log &m_log;
    QString m_instance; // "<instanceName>#<per-process nonce>"
    qint64 m_leaseMs = 0;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    QHash<QString, Site> m_sites;
    QSet<qint64> m_warnedStuck;
    SteadyClock::time_point m_nextStuckCheck{};
    std::vector<std::thread> m_threads;
};

} // namespace haitao::server::orders
