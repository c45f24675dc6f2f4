#include "backend/logistics/outbox.h"

#include "backend/storage/database.h"
#include "backend/storage/keyset.h"
#include "backend/storage/sqltext.h"
#include "core/wiretime.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace haitao::server::logistics {

namespace {

using sql::L;

constexpr const char *kColumns =
    "id, shipment_id, order_id, kind, channel, recipient, subject, body, status, attempts, "
    "last_error, next_attempt_at, created_at, sent_at";

OutboxMessage readMessage(const QSqlQuery &q)
{
    OutboxMessage m;
    m.id = q.value(0).toLongLong();
    m.shipmentId = q.value(1).toLongLong();
    m.orderId = q.value(2).toLongLong();
    m.kind = q.value(3).toString();
    m.channel = q.value(4).toString();
    m.recipient = q.value(5).toString();
    m.subject = q.value(6).toString();
    m.body = q.value(7).toString();
    m.status = q.value(8).toString();
    m.attempts = q.value(9).toInt();
    m.lastError = q.value(10).toString();
    m.nextAttemptAtMs = q.value(11).toLongLong();
    m.createdAtMs = q.value(12).toLongLong();
    m.sentAtMs = sql::optionalLong(q.value(13));
    return m;
}

} // namespace

QJsonObject OutboxMessage::toJson() const
{
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("shipmentId"), shipmentId},
        {QStringLiteral("orderId"), orderId},
        {QStringLiteral("kind"), kind},
        {QStringLiteral("channel"), channel},
        {QStringLiteral("recipient"), recipient},
        {QStringLiteral("subject"), subject},
        {QStringLiteral("status"), status},
        {QStringLiteral("attempts"), attempts},
        {QStringLiteral("lastError"), lastError.isEmpty() ? QJsonValue() : lastError},
        {QStringLiteral("createdAt"), toWireTime(createdAtMs)},
        {QStringLiteral("sentAt"), sentAtMs ? QJsonValue(toWireTime(*sentAtMs)) : QJsonValue()}};
}

namespace outbox {

bool add(QSqlDatabase &db, const OutboxMessage &m, qint64 nowMs)
{
    Statement q = prepareOrThrow(
        db, L("INSERT INTO outbox (shipment_id, order_id, kind, channel, recipient, subject, body, "
              "status, next_attempt_at, created_at, updated_at) VALUES (:s, :o, :k, :c, :r, :sub, "
              ":b, 'pending', :n1, :n2, :n3) ON CONFLICT DO NOTHING"));
    q.bindValue(QStringLiteral(":s"), m.shipmentId);
    q.bindValue(QStringLiteral(":o"), m.orderId);
    q.bindValue(QStringLiteral(":k"), m.kind);
    q.bindValue(QStringLiteral(":c"), m.channel);
    q.bindValue(QStringLiteral(":r"), sql::text(m.recipient));
    q.bindValue(QStringLiteral(":sub"), sql::text(m.subject));
    q.bindValue(QStringLiteral(":b"), sql::text(m.body));
    q.bindValue(QStringLiteral(":n1"), nowMs);
    q.bindValue(QStringLiteral(":n2"), nowMs);
    q.bindValue(QStringLiteral(":n3"), nowMs);
    execOrThrow(q, "add outbox message");
    return q.query().numRowsAffected() > 0;
}

QList<OutboxMessage> due(const QSqlDatabase &db, qint64 nowMs, int limit)
{
    Statement q = prepareOrThrow(
        db, QStringLiteral("SELECT %1 FROM outbox WHERE status = 'pending' AND next_attempt_at <= "
                           ":n1 AND claimed_until <= :n2 ORDER BY next_attempt_at, id LIMIT :l")
                .arg(QLatin1String(kColumns)));
    q.bindValue(QStringLiteral(":n1"), nowMs);
    q.bindValue(QStringLiteral(":n2"), nowMs);
    q.bindValue(QStringLiteral(":l"), limit);
    execOrThrow(q, "due outbox messages");
    QList<OutboxMessage> out;
    while (q.next())
        out.append(readMessage(q.query()));
    return out;
}

bool claim(QSqlDatabase &db, qint64 id, qint64 nowMs, qint64 untilMs)
{
    Statement q = prepareOrThrow(db, L("UPDATE outbox SET claimed_until = :u, updated_at = :n0 "
                                       "WHERE id = :id AND status = 'pending' "
                                       "AND next_attempt_at <= :n1 AND claimed_until <= :n2"));
    q.bindValue(QStringLiteral(":u"), untilMs);
    q.bindValue(QStringLiteral(":n0"), nowMs);
    q.bindValue(QStringLiteral(":id"), id);
    q.bindValue(QStringLiteral(":n1"), nowMs);
    q.bindValue(QStringLiteral(":n2"), nowMs);
    execOrThrow(q, "claim outbox message");
    return q.query().numRowsAffected() > 0;
}

bool markSent(QSqlDatabase &db, qint64 id, qint64 nowMs)
{
    Statement q = prepareOrThrow(
        db, L("UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = :n1, "
              "updated_at = :n2, claimed_until = 0, last_error = '' "
              "WHERE id = :id AND status = 'pending'"));
    q.bindValue(QStringLiteral(":n1"), nowMs);
    q.bindValue(QStringLiteral(":n2"), nowMs);
    q.bindValue(QStringLiteral(":id"), id);
    execOrThrow(q, "mark outbox message sent");
    return q.query().numRowsAffected() > 0;
}

bool markFailed(QSqlDatabase &db, qint64 id, const QString &error, std::optional<qint64> retryAtMs,
                qint64 nowMs)
{
    Statement q = prepareOrThrow(
        db, L("UPDATE outbox SET status = :st, attempts = attempts + 1, last_error = :e, "
              "next_attempt_at = :next, updated_at = :n, claimed_until = 0 "
              "WHERE id = :id AND status = 'pending'"));
    q.bindValue(QStringLiteral(":st"),
                retryAtMs ? QStringLiteral("pending") : QStringLiteral("failed"));
    q.bindValue(QStringLiteral(":e"), error.left(1000));
    q.bindValue(QStringLiteral(":next"), retryAtMs.value_or(nowMs));
    q.bindValue(QStringLiteral(":n"), nowMs);
    q.bindValue(QStringLiteral(":id"), id);
    execOrThrow(q, "mark outbox message failed");
    return q.query().numRowsAffected() > 0;
}

bool retry(QSqlDatabase &db, qint64 id, qint64 nowMs)
{
    Statement q = prepareOrThrow(
        db, L("UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = :n1, "
              "updated_at = :n2, claimed_until = 0 WHERE id = :id AND status = 'failed'"));
    q.bindValue(QStringLiteral(":n1"), nowMs);
    q.bindValue(QStringLiteral(":n2"), nowMs);
    q.bindValue(QStringLiteral(":id"), id);
    execOrThrow(q, "retry outbox message");
    return q.query().numRowsAffected() > 0;
}

Page<OutboxMessage> list(const QSqlDatabase &db, const Filter &filter)
{
    sql::Conditions c;
    if (!filter.status.isEmpty())
        c.add(QStringLiteral("status = :status"), QStringLiteral(":status"), filter.status);
    if (filter.shipmentId > 0)
        c.add(QStringLiteral("shipment_id = :shipment"), QStringLiteral(":shipment"),
              filter.shipmentId);
    if (filter.beforeId > 0)
        c.add(QStringLiteral("id < :before"), QStringLiteral(":before"), filter.beforeId);
    return sql::newestFirst<OutboxMessage>(
        db, QStringLiteral("SELECT %1 FROM outbox").arg(QLatin1String(kColumns)), c, filter.limit,
        readMessage, "list outbox");
}

std::optional<OutboxMessage> byId(const QSqlDatabase &db, qint64 id)
{
    Statement q = prepareOrThrow(
        db, QStringLiteral("SELECT %1 FROM outbox WHERE id = :id").arg(QLatin1String(kColumns)));
    q.bindValue(QStringLiteral(":id"), id);
    execOrThrow(q, "read outbox message");
    if (!q.next())
        return std::nullopt;
    return readMessage(q.query());
}

QString setup(QSqlDatabase &db, const QString &candidate, bool email, bool sms)
{
    {
        Statement q = prepareOrThrow(db, L("INSERT INTO notify_installation (id, token) "
                                           "VALUES (1, :t) ON CONFLICT DO NOTHING"));
        q.bindValue(QStringLiteral(":t"), candidate);
        execOrThrow(q, "installation token");
    }
    {
        Statement q = prepareOrThrow(db, L("UPDATE notify_installation SET email_enabled = :e, "
                                           "sms_enabled = :s WHERE id = 1"));
        q.bindValue(QStringLiteral(":e"), email ? 1 : 0);
        q.bindValue(QStringLiteral(":s"), sms ? 1 : 0);
        execOrThrow(q, "notification channels");
    }
    Statement q = prepareOrThrow(db, L("SELECT token FROM notify_installation WHERE id = 1"));
    execOrThrow(q, "read installation token");
    return q.next() ? q.value(0).toString() : candidate;
}

Channels channels(const QSqlDatabase &db)
{
    Statement q = prepareOrThrow(
        db, L("SELECT email_enabled, sms_enabled FROM notify_installation WHERE id = 1"));
    execOrThrow(q, "read notification channels");
    Channels c;
    if (q.next()) {
        c.email = q.value(0).toInt() != 0;
        c.sms = q.value(1).toInt() != 0;
    }
    return c;
}

} // namespace outbox
} // namespace haitao::server::logistics
