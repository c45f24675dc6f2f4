#pragma once

#include "sim/parcels.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace haitao::sim {

class LogisticsFaults;

// intlexpress's webhooks: registered URLs, each with its own secret, and a background
// thread that POSTs every event that becomes visible to every URL, signed:
// X-Carrier-Timestamp (unix seconds, wall clock) and X-Carrier-Signature (lowercase hex
// HMAC-SHA256(secret, timestamp + "." + body)). Non-2xx or no answer: retried up to five
// times, 1 s, 2 s, ... apart. Thread-safe.
class WebhookSender
{
public:
    static constexpr int kRetries = 5;

    // source: the events that became visible since the last call.
    WebhookSender(std::function<QList<DueEvent>()> source, LogisticsFaults &faults);
    ~WebhookSender();
    void start();
    void stop();

    struct Registration
    {
        QString id;
        QString secret;
        bool created = false; // false: the URL was registered before
    };
    Registration subscribe(const QString &url);
    // {"webhooks": [{"id", "url", "secret", "deliveries", "failures", "abandoned"}],
    //  "recent": [{"webhookId", "trackingNumber", "eventId", "attempt", "status", "at"}]}
    QJsonObject toJson() const;

    static QByteArray signature(const QByteArray &secret, const QByteArray &timestamp,
                                const QByteArray &body);

private:
    struct Hook
    {
        QString id;
        QString url;
        QByteArray secret;
        qint64 deliveries = 0;
        qint64 failures = 0; // failed attempts
        qint64 abandoned = 0;
    };
    struct Job
    {
        int hook = 0;
        QByteArray body;
        QString trackingNumber;
        QString eventId;
        int attempt = 0; // attempts made so far
        qint64 dueWallMs = 0;
    };
    void run();
    void enqueue(const QList<DueEvent> &events);
    // One attempt; the HTTP status (0: no answer).
    int send(const Job &job, const QString &url, const QByteArray &secret);
    void record(const Job &job, int status, bool ok);

    std::function<QList<DueEvent>()> m_source;
    LogisticsFaults &m_faults;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    QList<Hook> m_hooks;
    std::deque<Job> m_jobs;
    std::deque<QJsonObject> m_recent;
    std::thread m_thread;
};

} // namespace haitao::sim
