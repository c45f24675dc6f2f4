#include "backend/logistics/notifyservice.h"

#include "backend/http/apierror.h"
#include "backend/integrations/smsclient.h"
#include "backend/integrations/smtpsender.h"
#include "backend/logistics/logisticsstats.h"
#include "backend/storage/auditlog.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRandomGenerator>

#include <algorithm>
#include <chrono>
#include <cstdlib>

namespace haitao::server::logistics {

namespace {

constexpr int kBatch = 20;                 // due messages read per query
constexpr qint64 kClaimMs = 2 * 60 * 1000; // longer than one send may take
constexpr qint64 kMaxRetryMs = 86400000;   // backoff cap: a day
constexpr int kSendTimeoutMs = 15000;
constexpr qint64 kQuietEveryMs = 60 * 1000;    // quiet is measured in hours
constexpr qint64 kErrorLogEveryMs = 60 * 1000; // one line a minute while the store fails

} // namespace

NotifyService::NotifyService(Database &db, const Config &config, const Log *log)
    : m_db(db)
    , m_config(config)
    , m_log(log)
{}

NotifyService::~NotifyService()
{
    stop();
}

void NotifyService::setup()
{
    const QString candidate =
        QString::number(QRandomGenerator::system()->generate64(), 36).rightJustified(13, u'0');
    m_db.write([&](QSqlDatabase &db) {
        m_token =
            outbox::setup(db, candidate, !m_config.smtpUrl.isEmpty(), !m_config.smsUrl.isEmpty());
    });
}

void NotifyService::start()
{
    if (m_worker.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = false;
    }
    m_worker = std::thread([this] { worker(); });
}

void NotifyService::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_worker.joinable())
        m_worker.join();
}

QString NotifyService::messageId(qint64 outboxId) const
{
    return QStringLiteral("n%1.%2@haitao.invalid").arg(outboxId).arg(m_token);
}

int NotifyService::checkQuiet()
{
    int raised = 0;
    const qint64 at = now();
    m_db.write([&](QSqlDatabase &db) {
        raised = 0;
        for (auto it = m_config.quietHours.cbegin(); it != m_config.quietHours.cend(); ++it) {
            if (it.value() > 0)
                raised += alerts::raiseQuiet(db, it.key(), it.value(), at);
        }
    });
    return raised;
}

int NotifyService::checkQuietIfDue()
{
    const qint64 at = now();
    // A clock moved back (tests) counts as due too.
    if (m_lastQuietAt && at >= *m_lastQuietAt && at - *m_lastQuietAt < kQuietEveryMs)
        return 0;
    m_lastQuietAt = at;
    return checkQuiet();
}

int NotifyService::deliverDue()
{
    const QList<OutboxMessage> batch = outbox::due(m_db.writer(), now(), kBatch);
    int done = 0;
    for (const OutboxMessage &m : batch) {
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping && m_worker.joinable())
                break;
        }
        bool claimed = false;
        m_db.write([&](QSqlDatabase &db) {
            const qint64 at = now();
            claimed = outbox::claim(db, m.id, at, at + kClaimMs);
        });
        if (!claimed)
            continue; // another worker has it, or it changed
        deliver(m);
        ++done;
    }
    return done;
}

void NotifyService::deliver(const OutboxMessage &m)
{
    bool sent = false;
    bool transient = true;
    QString error;
    if (m.channel == u"email") {
        if (m_config.smtpUrl.isEmpty()) {
            error = QStringLiteral("e-mail is not configured (--smtp-url)");
            transient = false;
        } else {
            MailMessage mail;
            mail.from = m_config.smtpFrom;
            mail.to = m.recipient;
            mail.subject = m.subject;
            mail.body = m.body;
            mail.messageId = messageId(m.id);
            mail.dateMs = now();
            const MailResult r = sendMail(m_config.smtpUrl, mail, kSendTimeoutMs);
            sent = r.sent;
            transient = r.transient;
            error = r.error;
        }
    } else {
        if (m_config.smsUrl.isEmpty()) {
            error = QStringLiteral("SMS is not configured (--sms-url)");
            transient = false;
        } else {
            const SmsResult r =
                sendSms(m_config.smsUrl, m.recipient, m.body, messageId(m.id), kSendTimeoutMs);
            sent = r.sent;
            transient = r.transient;
            error = r.error;
        }
    }
    const qint64 at = now();
    const int attempt = m.attempts + 1;
    std::optional<qint64> retryAt;
    if (!sent && transient && attempt < m_config.outboxAttempts) {
        const qint64 delay = std::min<qint64>(
            qint64(std::max(1, m_config.outboxRetryMs)) << std::min(attempt - 1, 30), kMaxRetryMs);
        retryAt = at + delay;
    }
    m_db.write([&](QSqlDatabase &db) {
        if (sent)
            outbox::markSent(db, m.id, at);
        else
            outbox::markFailed(db, m.id, error, retryAt, at);
    });
}

void NotifyService::worker()
{
    for (;;) {
        qint64 waitMs = std::max(10, m_config.logisticsTickMs);
        try {
            if (deliverDue() == kBatch)
                waitMs = 0;
        } catch (const std::exception &e) {
            // The store is unreachable for now (or recording an outcome failed: the claim
            // keeps the message from being sent again until it lapses). Try next tick.
            const qint64 wall = QDateTime::currentMSecsSinceEpoch();
            if (m_log && std::llabs(wall - m_lastErrorLogAt) >= kErrorLogEveryMs) {
                m_lastErrorLogAt = wall;
                m_log->error(QStringLiteral("notification delivery"),
                             {{QStringLiteral("error"), QString::fromUtf8(e.what())}});
            }
        }
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, std::chrono::milliseconds(waitMs),
                        [this] { return m_stopping || m_poked; });
        if (m_stopping)
            return;
        m_poked = false;
    }
}

QJsonObject NotifyService::alertList(const alerts::Filter &filter)
{
    const Page<Alert> page = alerts::list(m_db.reader(), filter);
    QJsonArray items;
    for (const Alert &a : page.items)
        items.append(a.toJson());
    return {{QStringLiteral("items"), items},
            {QStringLiteral("nextCursor"),
             page.nextCursor.isEmpty() ? QJsonValue() : QJsonValue(page.nextCursor)}};
}

QJsonObject NotifyService::alertCounts()
{
    const alerts::Counts c = alerts::counts(m_db.reader());
    QJsonObject byKind;
    for (auto it = c.unresolvedByKind.cbegin(); it != c.unresolvedByKind.cend(); ++it)
        byKind.insert(it.key(), it.value());
    return {{QStringLiteral("open"), c.open},
            {QStringLiteral("acknowledged"), c.acknowledged},
            {QStringLiteral("unresolvedByKind"), byKind}};
}

QJsonObject NotifyService::acknowledge(const Actor &actor, qint64 id)
{
    std::optional<Alert> after;
    m_db.write([&](QSqlDatabase &db) {
        const auto before = alerts::byId(db, id);
        if (!before)
            throw ApiError(ProblemKind::NotFound, QStringLiteral("No such alert"));
        const qint64 at = now();
        if (!alerts::acknowledge(db, id, actor.name, at))
            throw ApiError(ProblemKind::Conflict,
                           QStringLiteral("The alert is already %1").arg(before->state));
        auditlog::record(db, actor, at, QStringLiteral("logistics.alert_acknowledged"),
                         QStringLiteral("alert"), QString::number(id),
                         {{QStringLiteral("shipmentId"), before->shipmentId},
                          {QStringLiteral("kind"), before->kind}});
        after = alerts::byId(db, id);
    });
    return after->toJson();
}

QJsonObject NotifyService::resolve(const Actor &actor, qint64 id, const QString &note)
{
    std::optional<Alert> after;
    m_db.write([&](QSqlDatabase &db) {
        const auto before = alerts::byId(db, id);
        if (!before)
            throw ApiError(ProblemKind::NotFound, QStringLiteral("No such alert"));
        const qint64 at = now();
        if (!alerts::resolve(db, id, actor.name, note, at))
            throw ApiError(ProblemKind::Conflict, QStringLiteral("The alert is already resolved"));
        auditlog::record(db, actor, at, QStringLiteral("logistics.alert_resolved"),
                         QStringLiteral("alert"), QString::number(id),
                         {{QStringLiteral("shipmentId"), before->shipmentId},
                          {QStringLiteral("kind"), before->kind},
                          {QStringLiteral("note"), note}});
        after = alerts::byId(db, id);
    });
    return after->toJson();
}

QJsonObject NotifyService::notifications(const outbox::Filter &filter)
{
    const Page<OutboxMessage> page = outbox::list(m_db.reader(), filter);
    QJsonArray items;
    for (const OutboxMessage &m : page.items)
        items.append(m.toJson());
    return {{QStringLiteral("items"), items},
            {QStringLiteral("nextCursor"),
             page.nextCursor.isEmpty() ? QJsonValue() : QJsonValue(page.nextCursor)}};
}

QJsonObject NotifyService::retry(const Actor &actor, qint64 id)
{
    std::optional<OutboxMessage> after;
    m_db.write([&](QSqlDatabase &db) {
        const auto before = outbox::byId(db, id);
        if (!before)
            throw ApiError(ProblemKind::NotFound, QStringLiteral("No such notification"));
        const qint64 at = now();
        if (!outbox::retry(db, id, at))
            throw ApiError(ProblemKind::Conflict,
                           QStringLiteral("Only a failed notification can be retried; this one "
                                          "is %1")
                               .arg(before->status));
        auditlog::record(db, actor, at, QStringLiteral("logistics.notification_retried"),
                         QStringLiteral("notification"), QString::number(id),
                         {{QStringLiteral("shipmentId"), before->shipmentId},
                          {QStringLiteral("lastError"), before->lastError}});
        after = outbox::byId(db, id);
    });
    {
        std::lock_guard lock(m_mutex);
        m_poked = true;
    }
    m_wake.notify_all();
    return after->toJson();
}

QJsonObject NotifyService::stats(int days)
{
    return logisticsStats(m_db.reader(), now(), days);
}

void NotifyService::addDetail(QSqlDatabase &db, qint64 shipmentId, QJsonObject &detail) const
{
    QJsonArray items;
    for (const Alert &a : alerts::forShipment(db, shipmentId))
        items.append(a.toJson());
    detail.insert(QStringLiteral("alerts"), items);
}

void NotifyService::addCounts(QSqlDatabase &db, QJsonObject &counts) const
{
    const alerts::Counts c = alerts::counts(db);
    counts.insert(QStringLiteral("openAlerts"), c.open + c.acknowledged);
}

} // namespace haitao::server::logistics
