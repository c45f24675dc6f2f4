#include "backend/logistics/poller.h"

#include "backend/integrations/httpfetch.h"
#include "backend/logistics/carrierapi.h"
#include "backend/logistics/ingest.h"
#include "backend/logistics/logisticsservice.h"
#include "backend/storage/sqltext.h"

#include <QDateTime>

#include <algorithm>
#include <cstdlib>

namespace haitao::server::logistics {

using sql::L;

namespace {

// A claimed number not answered within its claim is due again for anyone. The claim covers
// the batch's requests at the carrier's rate, each up to its timeout, plus this margin.
constexpr qint64 kClaimMarginMs = 60 * 1000;
constexpr qint64 kRequestTimeoutMs = 10000;    // carrierFetchOptions' total timeout
constexpr qint64 kErrorLogEveryMs = 60 * 1000; // one line a minute per carrier

struct Claimed
{
    qint64 legId = 0;
    QString number;
    qint64 intervalMs = 0;
};

} // namespace

CarrierPoller::CarrierPoller(LogisticsService &service, QString carrier)
    : m_service(service)
    , m_carrier(std::move(carrier))
{}

CarrierPoller::~CarrierPoller()
{
    stop();
}

void CarrierPoller::start()
{
    m_thread = std::thread([this] { loop(); });
}

void CarrierPoller::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_cv.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void CarrierPoller::wake()
{
    {
        std::lock_guard lock(m_mutex);
        m_woken = true;
    }
    m_cv.notify_all();
}

bool CarrierPoller::waitForTurn(int rps)
{
    std::unique_lock lock(m_mutex);
    const auto spacing = std::chrono::microseconds(1000000 / std::max(1, rps));
    const auto now = SteadyClock::now();
    const auto turn = std::max({now, m_nextSlot, m_pausedUntil});
    m_cv.wait_until(lock, turn, [this] { return m_stopping; });
    if (m_stopping)
        return false;
    m_nextSlot = std::max(SteadyClock::now(), turn) + spacing;
    return true;
}

void CarrierPoller::loop()
{
    const int idleMs = std::max(10, std::min(m_service.config().logisticsTickMs, 250));
    for (;;) {
        int polled = -1;
        try {
            polled = pollOnce();
        } catch (const std::exception &e) {
            // The store was busy or unreachable: the claims run out and the next pass retries.
            m_service.countPoll(0, 0, 0, 1, 0);
            const qint64 wall = QDateTime::currentMSecsSinceEpoch();
            if (std::llabs(wall - m_lastErrorLogAt) >= kErrorLogEveryMs) {
                m_lastErrorLogAt = wall;
                m_service.m_log.error(QStringLiteral("tracking poll failed"),
                                      {{QStringLiteral("carrier"), m_carrier},
                                       {QStringLiteral("error"), QString::fromUtf8(e.what())}});
            }
        }
        std::unique_lock lock(m_mutex);
        if (m_stopping)
            return;
        if (polled <= 0) {
            m_cv.wait_for(lock, std::chrono::milliseconds(idleMs),
                          [this] { return m_stopping || m_woken; });
            m_woken = false;
            if (m_stopping)
                return;
        }
    }
}

int CarrierPoller::pollOnce()
{
    Database &store = m_service.database();
    const Config &config = m_service.config();
    const auto carrier = carriers::get(store.writer(), m_carrier);
    if (!carrier || !carrier->enabled || !carrier->polled() || carrier->baseUrl.isEmpty())
        return -1;
    {
        std::lock_guard lock(m_mutex);
        if (SteadyClock::now() < m_pausedUntil)
            return -1;
    }
    const qint64 now = m_service.now();
    const int batch = std::clamp(carrier->batchSize, 1, 200);
    {
        // Idle passes only read: the write transaction is taken once something is due.
        Statement q =
            prepareOrThrow(store.writer(), L("SELECT 1 FROM trackers WHERE carrier = :carrier AND "
                                             "open = 1 AND next_poll_at <= :now LIMIT 1"));
        q.bindValue(QStringLiteral(":carrier"), m_carrier);
        q.bindValue(QStringLiteral(":now"), now);
        execOrThrow(q, "any due tracker");
        if (!q.next())
            return 0;
    }
    // batch_json asks all numbers at once; the others one request per number.
    const qint64 requests = carrier->protocol == u"batch_json" ? 1 : batch;
    const qint64 claimUntil =
        now + requests * (1000 / std::max(1, carrier->rps) + kRequestTimeoutMs) + kClaimMarginMs;

    // Claim: the due query reads the (carrier, open, next_poll_at) index only.
    QList<Claimed> claimed;
    store.write([&](QSqlDatabase &db) {
        claimed.clear(); // a retried transaction starts over
        Statement q = prepareOrThrow(
            db, L("SELECT leg_id, tracking_number, interval_ms FROM trackers WHERE carrier = "
                  ":carrier AND open = 1 AND next_poll_at <= :now ORDER BY next_poll_at LIMIT "
                  ":limit"));
        q.bindValue(QStringLiteral(":carrier"), m_carrier);
        q.bindValue(QStringLiteral(":now"), now);
        q.bindValue(QStringLiteral(":limit"), batch);
        execOrThrow(q, "due trackers");
        QList<Claimed> due;
        while (q.next())
            due.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong()});
        for (const Claimed &c : due) {
            Statement u = prepareOrThrow(
                db, L("UPDATE trackers SET next_poll_at = :lease, claimed_until = :lease2 WHERE "
                      "leg_id = :leg AND open = 1 AND next_poll_at <= :now"));
            u.bindValue(QStringLiteral(":lease"), claimUntil);
            u.bindValue(QStringLiteral(":lease2"), claimUntil);
            u.bindValue(QStringLiteral(":leg"), c.legId);
            u.bindValue(QStringLiteral(":now"), now);
            execOrThrow(u, "claim tracker");
            if (u.query().numRowsAffected() > 0)
                claimed.append(c);
        }
    });
    if (claimed.isEmpty())
        return 0;

    QStringList numbers;
    for (const Claimed &c : claimed)
        numbers.append(c.number);
    // jp_single and intl_webhook ask one number per request: each waits for its turn.
    TrackAnswer answer;
    if (carrier->protocol == u"batch_json") {
        if (!waitForTurn(carrier->rps))
            return 0;
        answer = carrierapi::track(*carrier, numbers, carrierapi::carrierFetchOptions(config));
    } else {
        answer.outcome = TrackAnswer::Outcome::Ok;
        for (const QString &n : numbers) {
            if (!waitForTurn(carrier->rps))
                break;
            const TrackAnswer one =
                carrierapi::track(*carrier, {n}, carrierapi::carrierFetchOptions(config));
            answer.requests += one.requests;
            if (one.outcome != TrackAnswer::Outcome::Ok) {
                answer.outcome = one.outcome;
                answer.retryAfterSeconds = one.retryAfterSeconds;
                answer.error = one.error;
                break;
            }
            for (auto it = one.events.begin(); it != one.events.end(); ++it)
                answer.events.insert(it.key(), it.value());
        }
    }
    if (answer.outcome == TrackAnswer::Outcome::Throttled) {
        // Carrier-wide: nobody asks this carrier before Retry-After (1 s when it said none).
        std::lock_guard lock(m_mutex);
        const int seconds = answer.retryAfterSeconds > 0 ? answer.retryAfterSeconds : 1;
        m_pausedUntil = SteadyClock::now() + std::chrono::seconds(seconds);
    }

    const qint64 after = m_service.now();
    const qint64 minMs = std::max<qint64>(1, config.trackingPollMs);
    const qint64 maxMs = std::max(minMs, config.trackingPollMaxMs);
    qint64 stored = 0, answered = 0;
    store.write([&](QSqlDatabase &db) {
        stored = answered = 0;
        for (const Claimed &c : claimed) {
            qint64 next = 0, interval = c.intervalMs;
            bool polledNow = false;
            if (answer.events.contains(c.number)) {
                const IngestResult r = ingest::store(db, c.legId, answer.events.value(c.number),
                                                     {QStringLiteral("poll")}, after, minMs);
                stored += r.stored;
                ++answered;
                polledNow = true;
                interval = r.stored > 0 ? minMs : std::min(maxMs, std::max(minMs, interval * 2));
                next = after + interval;
            } else if (answer.outcome == TrackAnswer::Outcome::Throttled) {
                next = after; // not asked: due again once the pause is over
            } else {
                next = after + std::max(minMs, interval); // failed: the same interval again
            }
            // Only while the claim is still ours: a tracker restarted meanwhile (a new
            // number, a webhook's news) or closed keeps what was set then.
            Statement u = prepareOrThrow(
                db, polledNow
                        ? L("UPDATE trackers SET next_poll_at = :next, interval_ms = :interval, "
                            "claimed_until = 0, failures = 0, polls = polls + 1 WHERE leg_id = "
                            ":leg AND claimed_until = :claim")
                        : L("UPDATE trackers SET next_poll_at = :next, interval_ms = :interval, "
                            "claimed_until = 0, failures = failures + 1 WHERE leg_id = :leg "
                            "AND claimed_until = :claim"));
            u.bindValue(QStringLiteral(":next"), next);
            u.bindValue(QStringLiteral(":interval"), interval);
            u.bindValue(QStringLiteral(":leg"), c.legId);
            u.bindValue(QStringLiteral(":claim"), claimUntil);
            execOrThrow(u, "schedule tracker");
        }
    });
    m_service.countPoll(answer.requests, answered,
                        answer.outcome == TrackAnswer::Outcome::Throttled ? 1 : 0,
                        answer.outcome == TrackAnswer::Outcome::Failed ? 1 : 0, stored);
    return int(claimed.size());
}

} // namespace haitao::server::logistics
