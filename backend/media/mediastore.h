#pragma once

#include "backend/storage/migrations.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace haitao::server::media {

// One product image by its source URL: waiting to be fetched, stored under its hash, or
// given up on.
struct ImageRecord
{
    qint64 id = 0;
    QString sourceUrl;
    QString state; // "pending", "fetched", "failed"
    QString sha256;
    QString contentType;
    qint64 sizeBytes = 0;
    int attempts = 0;
    QString error; // of the last attempt that failed
    qint64 nextAttemptAtMs = 0;
};

// The SQL of the media component, and nothing else.
namespace mediastore {

QList<Migration> migrations();

// Adds URLs not seen before as pending, due now; known ones are left as they are.
// Returns how many were new.
int enqueue(QSqlDatabase &db, const QStringList &sourceUrls, qint64 now);
// Pending images whose next attempt is due, oldest due first.
QList<ImageRecord> due(const QSqlDatabase &db, qint64 now, int limit);
// When the next pending image is due; nullopt when none is pending.
std::optional<qint64> nextDue(const QSqlDatabase &db);
void markFetched(QSqlDatabase &db, qint64 id, const QString &sha256, const QString &contentType,
                 qint64 sizeBytes, qint64 now);
// A failed attempt: pending again at `retryAt`, or failed for good when `retryAt` is nullopt.
void markFailed(QSqlDatabase &db, qint64 id, const QString &error, std::optional<qint64> retryAt,
                qint64 now);
// Source URL -> sha256 of those stored, in one query per 500 URLs.
QHash<QString, QString> stored(const QSqlDatabase &db, const QStringList &sourceUrls);
std::optional<ImageRecord> bySource(const QSqlDatabase &db, const QString &sourceUrl);
// The content type a stored hash was served with; nullopt for an unknown hash.
std::optional<QString> contentType(const QSqlDatabase &db, const QString &sha256);

} // namespace mediastore
} // namespace haitao::server::media
