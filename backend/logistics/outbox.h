#pragma once

#include "core/page.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace haitao::server::logistics {

// One message to a customer (e-mail or SMS), written in the transaction of the status change
// that caused it and sent afterwards by the outbox worker. pending -> sent, or -> failed
// after the last attempt (staff may put a failed one back to pending).
struct OutboxMessage
{
    qint64 id = 0, shipmentId = 0, orderId = 0;
    QString kind;    // shipped, customs_cleared, delivered
    QString channel; // email, sms
    QString recipient, subject, body;
    QString status; // pending, sent, failed
    int attempts = 0;
    QString lastError;
    qint64 nextAttemptAtMs = 0, createdAtMs = 0;
    std::optional<qint64> sentAtMs;

    // The list view (no body).
    QJsonObject toJson() const;
};

// SQL only; the caller chooses the transaction.
namespace outbox {

// Adds the message unless the shipment already has one of that kind on that channel.
// Returns whether it was added.
bool add(QSqlDatabase &db, const OutboxMessage &message, qint64 nowMs);

// Pending messages due at `nowMs` and not claimed by a worker, oldest due first.
QList<OutboxMessage> due(const QSqlDatabase &db, qint64 nowMs, int limit);
// Takes the message for sending until `untilMs` (a conditional update: false when another
// worker has it, or it is no longer pending and due).
bool claim(QSqlDatabase &db, qint64 id, qint64 nowMs, qint64 untilMs);
// The message was delivered; false when it was no longer pending (nothing changes).
bool markSent(QSqlDatabase &db, qint64 id, qint64 nowMs);
// An attempt failed: try again at `retryAtMs`, or give up (failed) when it is nullopt.
bool markFailed(QSqlDatabase &db, qint64 id, const QString &error, std::optional<qint64> retryAtMs,
                qint64 nowMs);
// failed -> pending, due now, attempts from zero; false when it was not failed.
bool retry(QSqlDatabase &db, qint64 id, qint64 nowMs);

struct Filter
{
    QString status; // empty: any
    qint64 shipmentId = 0;
    qint64 beforeId = 0; // keyset cursor, newest first
    int limit = 50;
};
Page<OutboxMessage> list(const QSqlDatabase &db, const Filter &filter);
std::optional<OutboxMessage> byId(const QSqlDatabase &db, qint64 id);

// This installation's random part of Message-IDs (`candidate` on first use) and the
// channels configured; returns the token.
QString setup(QSqlDatabase &db, const QString &candidate, bool email, bool sms);
struct Channels
{
    bool email = false, sms = false;
};
Channels channels(const QSqlDatabase &db);

} // namespace outbox
} // namespace haitao::server::logistics
