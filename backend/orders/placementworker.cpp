#include "backend/orders/placementworker.h"

#include "backend/orders/orderstatus.h"
#include "backend/orders/placementattempt.h"
#include "backend/orders/placementstore.h"
#include "backend/orders/shopaccounts.h"
#include "backend/orders/shopleases.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSysInfo>

#include <algorithm>

namespace haitao::server::orders {

namespace {

constexpr int kBatch = 50; // attempts per lease grant, then others get a turn
constexpr qint64 kMaxRetryAfterMs = 3600 * 1000;
constexpr qint64 kMaxBackoffMs = 5 * 60 * 1000;
constexpr auto kStuckCheckEvery = std::chrono::seconds(30);

} // namespace

PlacementWorker::PlacementWorker(Database &db, const Config &config, const Log &log)
    : m_db(db)
    , m_config(config)
    , m_log(log)
    , m_instance(config.instanceName)
{
    if (m_instance.isEmpty())
        m_instance = QStringLiteral("%1:%2")
                         .arg(QSysInfo::machineHostName())
                         .arg(QCoreApplication::applicationPid());
    // Unique per process: a restarted process with the same --instance-name (a rolling
    // restart) must not take over the live leases of the old one while it finishes.
    m_instance +=
        QStringLiteral("#%1").arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0'));
    // A lease must outlive the longest shop call plus the pacing before it, with margin,
    // or it could run out while its holder waits for an answer.
    const qint64 minLeaseMs = 3 * (qint64(std::max(1000, config.placementHttpTimeoutMs)) +
                                   1000 / std::max(1, config.placementRps));
    m_leaseMs = std::max(qint64(config.placementLeaseSeconds) * 1000, minLeaseMs);
    if (m_leaseMs > qint64(m_config.placementLeaseSeconds) * 1000)
        m_log.info(QStringLiteral("placement: lease lifetime raised to outlast a shop call"),
                   {{QStringLiteral("configuredSeconds"), m_config.placementLeaseSeconds},
                    {QStringLiteral("leaseMs"), m_leaseMs}});
}

PlacementWorker::~PlacementWorker()
{
    stop();
}

void PlacementWorker::start()
{
    if (!m_threads.empty() || m_config.placementWorkers <= 0)
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = false;
    }
    // No lease of an earlier run is freed here: that process may still be finishing (rolling
    // restart); its leases expire on their own and what it left in placing is reconciled then.
    for (int i = 1; i <= m_config.placementWorkers; ++i)
        m_threads.emplace_back([this, i] { loop(i); });
}

void PlacementWorker::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (std::thread &t : m_threads)
        t.join();
    m_threads.clear();
}

bool PlacementWorker::sleepFor(std::chrono::milliseconds ms)
{
    std::unique_lock lock(m_mutex);
    return !m_wake.wait_for(lock, ms, [this] { return m_stopping; });
}

void PlacementWorker::loop(int thread)
{
    const QString holder = m_instance + u'/' + QString::number(thread);
    const QString actor = QStringLiteral("worker:") + holder;
    const auto poll = std::chrono::milliseconds(std::max(10, m_config.placementPollMs));
    for (;;) {
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping)
                return;
        }
        bool worked = false;
        try {
            worked = round(thread, holder, actor);
        } catch (const Stopped &) {
            return;
        } catch (const std::exception &e) {
            // The store or a shop failed under us: the sub-order in flight stays in placing
            // and is reconciled with the next lease grant.
            m_log.error(QStringLiteral("placement worker"),
                        {{QStringLiteral("worker"), holder},
                         {QStringLiteral("error"), QString::fromUtf8(e.what())}});
        }
        if (!worked && !sleepFor(poll))
            return;
    }
}

bool PlacementWorker::round(int thread, const QString &holder, const QString &actor)
{
    checkStuck();
    const qint64 now = m_config.clock();
    QStringList sites = placementstore::sitesWithWork(m_db.writer(), now);
    if (sites.isEmpty())
        return false;
    // Threads start at different sites, so that several sites are worked at once.
    std::rotate(sites.begin(), sites.begin() + (thread - 1) % sites.size(), sites.end());
    bool worked = false;
    for (const QString &site : std::as_const(sites)) {
        {
            std::lock_guard lock(m_mutex);
            const Site &s = m_sites[site];
            if (s.busy || s.backoffUntil > SteadyClock::now())
                continue;
        }
        const auto account = shopaccounts::get(m_db.writer(), site);
        if (!account || !account->enabled) {
            const QString reason =
                account ? QStringLiteral("the shop account for site %1 is disabled").arg(site)
                        : QStringLiteral("no shop account for site %1").arg(site);
            worked = toManualWithoutAccount(site, reason, holder, actor) > 0 || worked;
            continue;
        }
        const auto token = shopleases::acquire(m_db, site, holder, m_config.clock(), m_leaseMs);
        if (!token)
            continue; // another worker (maybe another instance) has it
        {
            std::lock_guard lock(m_mutex);
            m_sites[site].busy = true;
        }
        try {
            work(site, holder, actor, *token);
        } catch (...) {
            {
                std::lock_guard lock(m_mutex);
                m_sites[site].busy = false;
            }
            try {
                shopleases::release(m_db, site, holder, *token);
            } catch (const std::exception &) {
                // It expires on its own.
            }
            throw;
        }
        {
            std::lock_guard lock(m_mutex);
            m_sites[site].busy = false;
        }
        shopleases::release(m_db, site, holder, *token);
        return true;
    }
    return worked;
}

int PlacementWorker::toManualWithoutAccount(const QString &site, const QString &reason,
                                            const QString &holder, const QString &actor)
{
    int moved = 0;
    // Left in placing by a holder that is gone (its lease free or run out): nobody will work
    // this site, so they go to the manual queue, saying an order may exist at the shop. The
    // lease is taken for that, so a holder still at work is never overtaken.
    if (!placementstore::placingOf(m_db.writer(), site).isEmpty()) {
        if (const auto token =
                shopleases::acquire(m_db, site, holder, m_config.clock(), m_leaseMs)) {
            try {
                for (const placementstore::Ref &ref :
                     placementstore::placingOf(m_db.writer(), site)) {
                    const auto s = placementstore::subOrder(m_db.writer(), ref.id);
                    const QString why =
                        QStringLiteral("%1; an attempt was interrupted (recorded), so an order "
                                       "may exist at the shop under reference %2: look it up "
                                       "before ordering by hand")
                            .arg(reason, s ? s->clientReference : QString());
                    m_db.write([&](QSqlDatabase &c) {
                        const qint64 now = m_config.clock();
                        if (!shopleases::fence(c, site, holder, *token, now, m_leaseMs))
                            return;
                        placementstore::interruptRunning(c, ref.id, now,
                                                         QStringLiteral("interrupted"));
                        if (changeSubOrder(c, {ref.id, ref.orderId, SubOrderStatus::Placing,
                                               SubOrderStatus::NeedsManual, actor, why, now})) {
                            placementstore::setReason(c, ref.id, why);
                            ++moved;
                        }
                    });
                }
            } catch (...) {
                shopleases::release(m_db, site, holder, *token);
                throw;
            }
            shopleases::release(m_db, site, holder, *token);
        }
    }
    const QList<placementstore::Ref> due =
        placementstore::dueOf(m_db.writer(), site, m_config.clock(), 500);
    for (const placementstore::Ref &ref : due) {
        m_db.write([&](QSqlDatabase &c) {
            const qint64 now = m_config.clock();
            if (changeSubOrder(c, {ref.id, ref.orderId, SubOrderStatus::AwaitingPlacement,
                                   SubOrderStatus::NeedsManual, actor, reason, now})) {
                placementstore::setReason(c, ref.id, reason);
                ++moved;
            }
        });
    }
    return moved;
}

void PlacementWorker::work(const QString &site, const QString &holder, const QString &actor,
                           qint64 token)
{
    const auto account = shopaccounts::get(m_db.writer(), site);
    if (!account)
        return;
    QString session;
    {
        std::lock_guard lock(m_mutex);
        session = m_sites[site].session;
    }
    PlacementContext ctx{m_db,
                         m_config,
                         m_log,
                         site,
                         holder,
                         actor,
                         token,
                         *account,
                         [this, site] { waitTurn(site); },
                         [this, site](int retryAfter) { return backOff(site, retryAfter); },
                         [this, site] {
                             std::lock_guard lock(m_mutex);
                             m_sites[site].backoffs = 0;
                         },
                         &session,
                         m_leaseMs};
    const auto keepSession = [&] {
        std::lock_guard lock(m_mutex);
        m_sites[site].session = session;
    };
    try {
        placement::reconcile(ctx);
        for (int i = 0; i < kBatch; ++i) {
            {
                std::lock_guard lock(m_mutex);
                if (m_stopping || m_sites[site].backoffUntil > SteadyClock::now())
                    break;
            }
            const auto due = placementstore::dueOf(m_db.writer(), site, m_config.clock(), 1);
            if (due.isEmpty())
                break;
            placement::attempt(ctx, due.first());
        }
    } catch (const LeaseLost &) {
        keepSession();
        m_log.info(QStringLiteral("placement: lease lost, leaving the site"),
                   {{QStringLiteral("site"), site}, {QStringLiteral("worker"), holder}});
        return;
    } catch (...) {
        keepSession();
        throw;
    }
    keepSession();
}

void PlacementWorker::waitTurn(const QString &site)
{
    const auto spacing = std::chrono::microseconds(1000000 / std::max(1, m_config.placementRps));
    std::unique_lock lock(m_mutex);
    Site &s = m_sites[site];
    const auto at = std::max(SteadyClock::now(), s.nextCall);
    s.nextCall = at + spacing;
    if (m_wake.wait_until(lock, at, [this] { return m_stopping; }))
        throw Stopped();
}

qint64 PlacementWorker::backOff(const QString &site, int retryAfterSeconds)
{
    std::lock_guard lock(m_mutex);
    Site &s = m_sites[site];
    const qint64 waitMs =
        retryAfterSeconds >= 0
            ? std::min<qint64>(qint64(retryAfterSeconds) * 1000, kMaxRetryAfterMs)
            : std::min<qint64>(qint64(m_config.placementBackoffMs) << std::min(s.backoffs, 12),
                               kMaxBackoffMs);
    ++s.backoffs;
    s.backoffUntil =
        std::max(s.backoffUntil, SteadyClock::now() + std::chrono::milliseconds(waitMs));
    const qint64 until = m_config.clock() + waitMs;
    try {
        shopleases::setNotBefore(m_db, site, until); // other instances and restarts wait too
    } catch (const std::exception &e) {
        m_log.error(QStringLiteral("placement: cannot store the shop's back-off"),
                    {{QStringLiteral("site"), site},
                     {QStringLiteral("error"), QString::fromUtf8(e.what())}});
    }
    return until;
}

void PlacementWorker::checkStuck()
{
    {
        std::lock_guard lock(m_mutex);
        const auto t = SteadyClock::now();
        if (t < m_nextStuckCheck)
            return;
        m_nextStuckCheck = t + kStuckCheckEvery;
    }
    const qint64 before = m_config.clock() - qint64(m_config.placementStuckMinutes) * 60 * 1000;
    const QList<qint64> ids = placementstore::stuck(m_db.reader(), before, 1000);
    for (const qint64 id : ids) {
        {
            std::lock_guard lock(m_mutex);
            if (m_warnedStuck.contains(id))
                continue;
            m_warnedStuck.insert(id);
        }
        m_log.write("warning", QStringLiteral("sub-order stuck: paid and not placed"),
                    {{QStringLiteral("subOrderId"), id},
                     {QStringLiteral("stuckMinutes"), m_config.placementStuckMinutes}});
    }
}

} // namespace haitao::server::orders
