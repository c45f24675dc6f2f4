#pragma once

#include "backend/config.h"
#include "backend/http/actor.h"
#include "backend/log.h"
#include "backend/logistics/alerts.h"
#include "backend/logistics/outbox.h"
#include "backend/storage/database.h"

#include <QJsonObject>

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace haitao::server::logistics {

// Alerts for ops staff and customer notifications (docs/logistics.md): the quiet-parcel
// check, the alert queue, the outbox and its delivery worker, and the statistics. Its store
// is the logistics store (migration 2). Throws ApiError for anything the caller did wrong.
class NotifyService
{
public:
    NotifyService(Database &db, const Config &config, const Log *log = nullptr);
    ~NotifyService();

    // After the store is migrated: this installation's Message-ID token and the channels
    // configured (the status hook writes messages only for those).
    void setup();
    // The delivery worker; stop() joins it (after the message in flight).
    void start();
    void stop();

    // One pass of each job (the threads run them; tests may too). Return how many.
    int checkQuiet();
    // The tick's job: checkQuiet() at most once a minute of the server's clock (each pass
    // scans the open shipments); the first call runs it.
    int checkQuietIfDue();
    int deliverDue();
    // Sends one claimed message now and records the outcome.
    void deliver(const OutboxMessage &message);

    // REST (alertroutes.cpp, notificationroutes.cpp, statsroutes.cpp).
    QJsonObject alertList(const alerts::Filter &filter);
    QJsonObject alertCounts();
    QJsonObject acknowledge(const Actor &actor, qint64 id);
    QJsonObject resolve(const Actor &actor, qint64 id, const QString &note);
    QJsonObject notifications(const outbox::Filter &filter);
    QJsonObject retry(const Actor &actor, qint64 id);
    QJsonObject stats(int days);

    // The parts of track's shipment detail and counts this service adds.
    void addDetail(QSqlDatabase &db, qint64 shipmentId, QJsonObject &detail) const;
    void addCounts(QSqlDatabase &db, QJsonObject &counts) const;

    QString messageId(qint64 outboxId) const;

private:
    qint64 now() const { return m_config.clock(); }
    void worker();

    Database &m_db;
    const Config &m_config;
    QString m_token;
    const Log *m_log = nullptr;
    std::optional<qint64> m_lastQuietAt; // tick thread only
    qint64 m_lastErrorLogAt = 0;         // worker thread only

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    bool m_poked = false; // a message became due now (a retry)
    std::thread m_worker;
};

} // namespace haitao::server::logistics
