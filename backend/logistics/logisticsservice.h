#pragma once

#include "backend/config.h"
#include "backend/http/actor.h"
#include "backend/http/request.h"
#include "backend/log.h"
#include "backend/logistics/orderlink.h"
#include "backend/storage/database.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace haitao::server::logistics {

class CarrierPoller;

// What the shipments list is asked (GET /logistics/shipments).
struct ShipmentQuery
{
    QString status, carrier, site, q;
    int quietDays = 0;
    bool openAlerts = false;
    QString cursor;
    int limit = 50;
};

// A checkpoint entered by a person (POST /logistics/shipments/{id}/checkpoints).
struct ManualCheckpoint
{
    QString leg; // empty: the shipment's current leg
    std::optional<qint64> atMs;
    int tzOffsetMin = 0;
    QString place, status, text, reason;
};

// What PUT /logistics/carriers/{code} sets.
struct CarrierUpdate
{
    QString code, name, protocol, baseUrl;
    int rps = 10, batchSize = 1, tzOffsetMinutes = 0;
    bool enabled = true;
};

// How much the pollers did since start (the bench reads them).
struct PollCounters
{
    qint64 requests = 0;         // carrier API calls sent
    qint64 numbersRefreshed = 0; // tracking numbers answered
    qint64 throttled = 0;        // 429s received
    qint64 failures = 0;         // transport errors, 5xx, unparsable answers
    qint64 newCheckpoints = 0;   // stored from polls and webhooks
};

// The logistics component (docs/logistics.md): shipments discovered from placed sub-orders,
// the shop's tracking number, carriers and their status mappings, polling with back-off and
// per-carrier rate limits, signed webhooks, manual checkpoints, the overall status rule.
// Throws ApiError for anything the caller did wrong.
class LogisticsService
{
public:
    static constexpr qsizetype kMaxWebhookBytes = 64 * 1024;
    static constexpr qint64 kWebhookToleranceSecs = 300;

    LogisticsService(Database &db, const Config &config, const Log &log);
    ~LogisticsService();

    void migrate();
    // With --demo --sim-url: the sim's carriers' base URLs (only where none is set yet).
    bool seedDemo(const QString &simUrl);
    void setOrderLink(OrderLink link) { m_link = std::move(link); }
    const OrderLink &orderLink() const { return m_link; }
    // Where carriers reach this server's webhooks (Config::publicUrl, else the listen address).
    void setPublicUrl(const QString &url);
    QString publicUrl() const;

    // Extensions other parts of the component plug in before start(): jobs run on every
    // tick (notify: quiet alerts, outbox), parts of the shipment detail (alerts, receipt) and
    // of the counts.
    using TickJob = std::function<void()>;
    using DetailPart = std::function<void(QSqlDatabase &, qint64 shipmentId, QJsonObject &)>;
    using CountsPart = std::function<void(QSqlDatabase &, QJsonObject &)>;
    void addTickJob(TickJob job) { m_tickJobs.append(std::move(job)); }
    void addDetailPart(DetailPart part) { m_detailParts.append(std::move(part)); }
    void addCountsPart(CountsPart part) { m_countsParts.append(std::move(part)); }

    // The tick thread (discovery, tick jobs), the shop thread (tracking numbers asked of the
    // shops, whose slow answers must not hold up the tick) and one poller per carrier with an
    // API. stop() joins them.
    void start();
    void stop();
    // Wakes the pollers (a tracker became due now).
    void wake();

    Database &database() { return m_db; }
    const Config &config() const { return m_config; }
    qint64 now() const { return m_config.clock(); }
    PollCounters counters() const;

    // One pass of the jobs (the threads call them; tests may too). Return how many.
    int discover();
    int checkShops(int limit = 20);
    // One batch of due trackers of `carrier` (claimed, fetched, ingested); -1 when the
    // carrier is paused (429) or has no API.
    int pollOnce(const QString &carrier);
    // Deletes webhook receipts (wall-clock received_at) too old to matter for replays.
    int pruneWebhookReceipts(qint64 wallMs);

    // REST (logisticsroutes.cpp).
    QJsonObject orderTracking(const Principal &user, qint64 orderId);
    QJsonObject shipments(const ShipmentQuery &query);
    QJsonObject counts();
    QJsonObject shipment(qint64 id);
    QJsonObject addCheckpoint(const Actor &actor, qint64 shipmentId, const ManualCheckpoint &c);
    QJsonObject putLeg(const Actor &actor, qint64 shipmentId, const QString &kind,
                       const QString &carrier, const QString &trackingNumber,
                       const QString &reason);
    QJsonObject carriers();
    QJsonObject putCarrier(const Actor &actor, const CarrierUpdate &update);
    QJsonObject mappings(const QString &carrier);
    QJsonObject unmapped();
    QJsonObject putMapping(const Actor &actor, const QString &carrier, const QString &rawStatus,
                           const QString &status);
    // POST /logistics/webhooks/{carrier}: {"accepted": n} or {"duplicate": true}; 401, 404,
    // 413 as ApiError.
    QJsonObject webhook(const QString &carrier, const QByteArray &rawBody,
                        const QByteArray &timestamp, const QByteArray &signature);

    // For tests and the bench: a tracker's state by leg.
    struct TrackerState
    {
        qint64 legId = 0, nextPollAt = 0, intervalMs = 0, polls = 0;
        bool open = false;
    };
    std::optional<TrackerState> tracker(const QString &carrier, const QString &trackingNumber);

private:
    friend class CarrierPoller;
    void tickLoop();
    void shopLoop();
    // Waits one tick; false when stopping.
    bool waitTick();
    // Carriers with webhooks but no registration yet (the demo's seeded ones, or one whose
    // registration failed): the tick retries once a minute.
    void registerMissingWebhooks();
    void ensurePollers();
    void countPoll(qint64 requests, qint64 numbers, qint64 throttled, qint64 failures,
                   qint64 checkpoints);

    Database &m_db;
    const Config &m_config;
    const Log &m_log;
    OrderLink m_link;
    QList<TickJob> m_tickJobs;
    QList<DetailPart> m_detailParts;
    QList<CountsPart> m_countsParts;

    mutable std::mutex m_mutex;
    QString m_publicUrl;
    std::condition_variable m_wake;
    bool m_stopping = false;
    bool m_hasAlerts = false; // notify's migration is there: the list may filter on alerts
    std::thread m_tick;
    std::thread m_shops;
    QMap<QString, std::shared_ptr<CarrierPoller>> m_pollers;

    std::atomic<qint64> m_requests{0}, m_numbers{0}, m_throttled{0}, m_failures{0},
        m_newCheckpoints{0};
};

} // namespace haitao::server::logistics
