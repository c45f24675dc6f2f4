#include "sim/webhooksender.h"

#include "sim/carrieranswers.h"
#include "sim/logisticsfaults.h"

#include "core/wiretime.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

#include <httplib.h>
#include <sodium.h>

#include <map>
#include <memory>

namespace haitao::sim {

namespace {

constexpr int kTickMs = 100;    // visible events are picked up at least this often
constexpr int kRecentMax = 200; // deliveries kept for GET /__sim/webhooks

qint64 wallMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

WebhookSender::WebhookSender(std::function<QList<DueEvent>()> source, LogisticsFaults &faults)
    : m_source(std::move(source))
    , m_faults(faults)
{
    if (sodium_init() < 0)
        qFatal("libsodium cannot be initialized");
}

WebhookSender::~WebhookSender()
{
    stop();
}

void WebhookSender::start()
{
    std::lock_guard lock(m_mutex);
    if (m_thread.joinable())
        return;
    m_stopping = false;
    m_thread = std::thread([this] { run(); });
}

void WebhookSender::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

QByteArray WebhookSender::signature(const QByteArray &secret, const QByteArray &timestamp,
                                    const QByteArray &body)
{
    const QByteArray message = timestamp + '.' + body;
    crypto_auth_hmacsha256_state state;
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char *>(secret.constData()),
                                size_t(secret.size()));
    crypto_auth_hmacsha256_update(&state,
                                  reinterpret_cast<const unsigned char *>(message.constData()),
                                  size_t(message.size()));
    crypto_auth_hmacsha256_final(&state, mac);
    return QByteArray(reinterpret_cast<const char *>(mac), sizeof mac).toHex();
}

WebhookSender::Registration WebhookSender::subscribe(const QString &url)
{
    std::lock_guard lock(m_mutex);
    for (const Hook &h : m_hooks) {
        if (h.url == url)
            return {h.id, QString::fromLatin1(h.secret), false};
    }
    unsigned char random[24];
    randombytes_buf(random, sizeof random);
    Hook hook;
    hook.id = QStringLiteral("wh_%1").arg(m_hooks.size() + 1);
    hook.url = url;
    hook.secret = QByteArray(reinterpret_cast<const char *>(random), sizeof random).toHex();
    m_hooks.append(hook);
    return {hook.id, QString::fromLatin1(hook.secret), true};
}

QJsonObject WebhookSender::toJson() const
{
    std::lock_guard lock(m_mutex);
    QJsonArray hooks;
    for (const Hook &h : m_hooks)
        hooks.append(QJsonObject{{QStringLiteral("id"), h.id},
                                 {QStringLiteral("url"), h.url},
                                 {QStringLiteral("secret"), QString::fromLatin1(h.secret)},
                                 {QStringLiteral("deliveries"), h.deliveries},
                                 {QStringLiteral("failures"), h.failures},
                                 {QStringLiteral("abandoned"), h.abandoned}});
    QJsonArray recent;
    for (const QJsonObject &r : m_recent)
        recent.append(r);
    return {{QStringLiteral("webhooks"), hooks},
            {QStringLiteral("pending"), qint64(m_jobs.size())},
            {QStringLiteral("recent"), recent}};
}

void WebhookSender::enqueue(const QList<DueEvent> &events)
{
    // Bodies once; each URL gets the batch, possibly shuffled, possibly with doubles.
    QList<std::pair<QByteArray, const DueEvent *>> bodies;
    for (const DueEvent &due : events) {
        const QJsonObject body{{QStringLiteral("carrier"), carrierCode(due.parcel.carrier)},
                               {QStringLiteral("trackingNumber"), due.parcel.number},
                               {QStringLiteral("event"), intlEventJson(due.parcel, due.event)}};
        bodies.append({QJsonDocument(body).toJson(QJsonDocument::Compact), &due});
    }
    std::lock_guard lock(m_mutex);
    const qint64 now = wallMs();
    for (int hook = 0; hook < m_hooks.size(); ++hook) {
        auto batch = bodies;
        if (m_faults.drawOutOfOrder())
            m_faults.shuffle(batch);
        for (const auto &[body, due] : batch) {
            const int copies = m_faults.drawDuplicate() ? 2 : 1;
            for (int i = 0; i < copies; ++i)
                m_jobs.push_back({hook, body, due->parcel.number, due->event.id, 0, now});
        }
    }
}

void WebhookSender::run()
{
    // One keep-alive client per URL, used by this thread only.
    std::map<QString, std::unique_ptr<httplib::Client>> clients;
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        const QList<DueEvent> events = m_source(); // always, so that the watermark moves
        if (!events.isEmpty())
            enqueue(events);
        lock.lock();
        const qint64 now = wallMs();
        std::deque<Job> due;
        for (auto it = m_jobs.begin(); it != m_jobs.end();) {
            if (it->dueWallMs <= now) {
                due.push_back(std::move(*it));
                it = m_jobs.erase(it);
            } else {
                ++it;
            }
        }
        for (Job &job : due) {
            if (m_stopping)
                break;
            const QString url = m_hooks.at(job.hook).url;
            const QByteArray secret = m_hooks.at(job.hook).secret;
            lock.unlock();
            auto &client = clients[url];
            const QUrl parsed(url);
            if (!client) {
                client = std::make_unique<httplib::Client>(QStringLiteral("%1://%2:%3")
                                                               .arg(parsed.scheme(), parsed.host())
                                                               .arg(parsed.port(80))
                                                               .toStdString());
                client->set_connection_timeout(1, 0);
                client->set_read_timeout(3, 0);
                client->set_write_timeout(3, 0);
                client->set_keep_alive(true);
            }
            const QByteArray timestamp = QByteArray::number(wallMs() / 1000);
            const httplib::Headers headers{
                {"X-Carrier-Timestamp", timestamp.toStdString()},
                {"X-Carrier-Signature", signature(secret, timestamp, job.body).toStdString()}};
            const std::string path =
                parsed.path(QUrl::FullyEncoded).toStdString() +
                (parsed.hasQuery() ? "?" + parsed.query(QUrl::FullyEncoded).toStdString() : "");
            const httplib::Result r =
                client->Post(path.empty() ? "/" : path.c_str(), headers, job.body.constData(),
                             size_t(job.body.size()), "application/json");
            const int status = r ? r->status : 0;
            if (!r)
                client.reset(); // a fresh connection next time
            lock.lock();
            ++job.attempt;
            const bool ok = status >= 200 && status < 300;
            record(job, status, ok);
            if (!ok && job.attempt <= kRetries) {
                job.dueWallMs = wallMs() + job.attempt * 1000LL;
                m_jobs.push_back(std::move(job));
            }
        }
        m_wake.wait_for(lock, std::chrono::milliseconds(kTickMs), [this] { return m_stopping; });
    }
}

void WebhookSender::record(const Job &job, int status, bool ok)
{
    Hook &hook = m_hooks[job.hook];
    if (ok)
        ++hook.deliveries;
    else
        ++hook.failures;
    if (!ok && job.attempt > kRetries)
        ++hook.abandoned;
    m_recent.push_back({{QStringLiteral("webhookId"), hook.id},
                        {QStringLiteral("trackingNumber"), job.trackingNumber},
                        {QStringLiteral("eventId"), job.eventId},
                        {QStringLiteral("attempt"), job.attempt},
                        {QStringLiteral("status"), status},
                        {QStringLiteral("at"), toWireTime(wallMs())}});
    while (m_recent.size() > kRecentMax)
        m_recent.pop_front();
}

} // namespace haitao::sim
