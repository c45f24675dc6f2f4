#include "backend/logistics/logisticsservice.h"

#include "backend/http/apierror.h"
#include "backend/logistics/carriers.h"
#include "backend/logistics/logisticsschema.h"
#include "backend/logistics/poller.h"
#include "backend/storage/auditlog.h"
#include "backend/storage/migrations.h"
#include "backend/storage/sqltext.h"

#include <QDateTime>

#include <cstdlib>

namespace haitao::server::logistics {

using sql::L;

LogisticsService::LogisticsService(Database &db, const Config &config, const Log &log)
    : m_db(db)
    , m_config(config)
    , m_log(log)
{}

LogisticsService::~LogisticsService()
{
    stop();
}

void LogisticsService::migrate()
{
    haitao::server::migrate(m_db, schema::migrations());
    m_hasAlerts = schemaVersion(m_db) >= 2;
}

bool LogisticsService::seedDemo(const QString &simUrl)
{
    QString base = simUrl;
    while (base.endsWith(u'/'))
        base.chop(1);
    int changed = 0;
    m_db.write([&](QSqlDatabase &db) {
        for (Carrier c : carriers::list(db)) {
            if (!c.baseUrl.isEmpty() || !c.polled())
                continue;
            c.baseUrl = base + QStringLiteral("/carrier/") + c.code;
            c.updatedBy = QStringLiteral("system");
            c.updatedAt = now();
            carriers::upsert(db, c);
            ++changed;
        }
    });
    return changed > 0;
}

void LogisticsService::setPublicUrl(const QString &url)
{
    std::lock_guard lock(m_mutex);
    m_publicUrl = url;
    while (m_publicUrl.endsWith(u'/'))
        m_publicUrl.chop(1);
}

QString LogisticsService::publicUrl() const
{
    QString base = m_config.publicUrl;
    if (base.isEmpty()) {
        std::lock_guard lock(m_mutex);
        base = m_publicUrl;
    }
    while (base.endsWith(u'/'))
        base.chop(1);
    return base;
}

void LogisticsService::start()
{
    std::lock_guard lock(m_mutex);
    if (m_tick.joinable())
        return;
    m_stopping = false;
    m_tick = std::thread([this] { tickLoop(); });
    m_shops = std::thread([this] { shopLoop(); });
}

void LogisticsService::stop()
{
    QMap<QString, std::shared_ptr<CarrierPoller>> pollers;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        pollers.swap(m_pollers);
    }
    m_wake.notify_all();
    if (m_tick.joinable())
        m_tick.join();
    if (m_shops.joinable())
        m_shops.join();
    for (const auto &p : pollers)
        p->stop();
}

void LogisticsService::wake()
{
    std::lock_guard lock(m_mutex);
    for (const auto &p : m_pollers)
        p->wake();
}

PollCounters LogisticsService::counters() const
{
    return {m_requests.load(), m_numbers.load(), m_throttled.load(), m_failures.load(),
            m_newCheckpoints.load()};
}

void LogisticsService::countPoll(qint64 requests, qint64 numbers, qint64 throttled, qint64 failures,
                                 qint64 checkpoints)
{
    m_requests += requests;
    m_numbers += numbers;
    m_throttled += throttled;
    m_failures += failures;
    m_newCheckpoints += checkpoints;
}

void LogisticsService::ensurePollers()
{
    const QList<Carrier> all = carriers::list(m_db.writer());
    std::lock_guard lock(m_mutex);
    if (m_stopping)
        return;
    for (const Carrier &c : all) {
        if (!c.polled() || m_pollers.contains(c.code))
            continue;
        auto poller = std::make_shared<CarrierPoller>(*this, c.code);
        poller->start();
        m_pollers.insert(c.code, poller);
    }
}

int LogisticsService::pruneWebhookReceipts(qint64 wallMs)
{
    // Receipts only stop replays inside the signature's time window; past it (plus a
    // margin) the timestamp check refuses the replay anyway.
    constexpr qint64 kMarginMs = 60 * 60 * 1000;
    int removed = 0;
    m_db.write([&](QSqlDatabase &db) {
        Statement d =
            prepareOrThrow(db, L("DELETE FROM webhook_receipts WHERE received_at < :before"));
        d.bindValue(QStringLiteral(":before"), wallMs - kWebhookToleranceSecs * 1000 - kMarginMs);
        execOrThrow(d, "prune webhook receipts");
        removed = std::max(0, d.query().numRowsAffected());
    });
    return removed;
}

bool LogisticsService::waitTick()
{
    std::unique_lock lock(m_mutex);
    m_wake.wait_for(lock, std::chrono::milliseconds(std::max(10, m_config.logisticsTickMs)),
                    [this] { return m_stopping; });
    return !m_stopping;
}

void LogisticsService::shopLoop()
{
    while (waitTick()) {
        try {
            checkShops();
        } catch (const std::exception &e) {
            m_log.error(QStringLiteral("logistics shop check"),
                        {{QStringLiteral("error"), QString::fromUtf8(e.what())}});
        }
    }
}

void LogisticsService::tickLoop()
{
    // Housekeeping at most once a minute (wall clock): registering webhooks that failed
    // before (the carrier was down at start) and forgetting old webhook receipts.
    constexpr qint64 kHousekeepingMs = 60 * 1000;
    std::optional<qint64> housekeptAt;
    while (waitTick()) {
        try {
            const qint64 wall = QDateTime::currentMSecsSinceEpoch();
            if (!housekeptAt || std::llabs(wall - *housekeptAt) >= kHousekeepingMs) {
                housekeptAt = wall;
                registerMissingWebhooks();
                pruneWebhookReceipts(wall);
            }
            ensurePollers();
            discover();
        } catch (const std::exception &e) {
            m_log.error(QStringLiteral("logistics tick"),
                        {{QStringLiteral("error"), QString::fromUtf8(e.what())}});
        }
        for (const TickJob &job : m_tickJobs) {
            try {
                job();
            } catch (const std::exception &e) {
                m_log.error(QStringLiteral("logistics job"),
                            {{QStringLiteral("error"), QString::fromUtf8(e.what())}});
            }
        }
    }
}

} // namespace haitao::server::logistics
