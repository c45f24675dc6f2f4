#include "backend/media/mediastore.h"

#include "backend/storage/auditlog.h"
#include "backend/storage/database.h"
#include "backend/storage/sqltext.h"

#include <QSqlQuery>
#include <QVariant>

namespace haitao::server::media::mediastore {

namespace {

using sql::L;
using sql::text;

constexpr int kChunk = 500; // bound parameters per IN (...) query

constexpr const char *kColumns = "id, source_url, state, sha256, content_type, size_bytes, "
                                 "attempts, error, next_attempt_at";

ImageRecord readRecord(const QSqlQuery &q)
{
    ImageRecord r;
    r.id = q.value(0).toLongLong();
    r.sourceUrl = q.value(1).toString();
    r.state = q.value(2).toString();
    r.sha256 = q.value(3).toString();
    r.contentType = q.value(4).toString();
    r.sizeBytes = q.value(5).toLongLong();
    r.attempts = q.value(6).toInt();
    r.error = q.value(7).toString();
    r.nextAttemptAtMs = q.value(8).toLongLong();
    return r;
}

} // namespace

QList<Migration> migrations()
{
    Migration first{1,
                    QStringLiteral("images by source URL"),
                    {
                        L("CREATE TABLE images ("
                          " id %ID%,"
                          " source_url TEXT NOT NULL UNIQUE,"
                          " state TEXT NOT NULL CHECK (state IN ('pending','fetched','failed')),"
                          " sha256 TEXT NOT NULL,"
                          " content_type TEXT NOT NULL,"
                          " size_bytes BIGINT NOT NULL,"
                          " attempts INTEGER NOT NULL,"
                          " error TEXT NOT NULL,"
                          " next_attempt_at BIGINT NOT NULL,"
                          " created_at BIGINT NOT NULL,"
                          " updated_at BIGINT NOT NULL)"),
                        L("CREATE INDEX images_due ON images(state, next_attempt_at)"),
                        L("CREATE INDEX images_sha256 ON images(sha256)"),
                    },
                    {},
                    {}};
    first.statements += auditlog::createStatements();
    first.sqliteOnly += auditlog::sqliteGuards();
    first.postgresOnly += auditlog::postgresGuards();
    return {first};
}

int enqueue(QSqlDatabase &db, const QStringList &sourceUrls, qint64 now)
{
    Statement q = prepareOrThrow(
        db, L("INSERT INTO images (source_url, state, sha256, content_type, size_bytes, attempts, "
              "error, next_attempt_at, created_at, updated_at) VALUES (:u, 'pending', '', '', 0, "
              "0, '', :n, :n2, :n3) ON CONFLICT (source_url) DO NOTHING"));
    int added = 0;
    for (const QString &url : sourceUrls) {
        q.bindValue(QStringLiteral(":u"), url);
        q.bindValue(QStringLiteral(":n"), now);
        q.bindValue(QStringLiteral(":n2"), now);
        q.bindValue(QStringLiteral(":n3"), now);
        execOrThrow(q, "enqueue image");
        added += q.query().numRowsAffected() > 0 ? 1 : 0;
    }
    return added;
}

QList<ImageRecord> due(const QSqlDatabase &db, qint64 now, int limit)
{
    Statement q = prepareOrThrow(db, QStringLiteral("SELECT %1 FROM images WHERE state = "
                                                    "'pending' AND next_attempt_at <= :n ORDER "
                                                    "BY next_attempt_at, id LIMIT :l")
                                         .arg(QLatin1String(kColumns)));
    q.bindValue(QStringLiteral(":n"), now);
    q.bindValue(QStringLiteral(":l"), limit);
    execOrThrow(q, "list due images");
    QList<ImageRecord> out;
    while (q.next())
        out.append(readRecord(q.query()));
    return out;
}

std::optional<qint64> nextDue(const QSqlDatabase &db)
{
    Statement q =
        prepareOrThrow(db, L("SELECT MIN(next_attempt_at) FROM images WHERE state = 'pending'"));
    execOrThrow(q, "next due image");
    if (!q.next() || q.value(0).isNull())
        return std::nullopt;
    return q.value(0).toLongLong();
}

void markFetched(QSqlDatabase &db, qint64 id, const QString &sha256, const QString &contentType,
                 qint64 sizeBytes, qint64 now)
{
    Statement q = prepareOrThrow(
        db, L("UPDATE images SET state = 'fetched', sha256 = :h, content_type = :c, size_bytes = "
              ":s, attempts = attempts + 1, error = '', updated_at = :n WHERE id = :id"));
    q.bindValue(QStringLiteral(":h"), sha256);
    q.bindValue(QStringLiteral(":c"), contentType);
    q.bindValue(QStringLiteral(":s"), sizeBytes);
    q.bindValue(QStringLiteral(":n"), now);
    q.bindValue(QStringLiteral(":id"), id);
    execOrThrow(q, "mark image fetched");
}

void markFailed(QSqlDatabase &db, qint64 id, const QString &error, std::optional<qint64> retryAt,
                qint64 now)
{
    Statement q =
        prepareOrThrow(db, L("UPDATE images SET state = :st, attempts = attempts + 1, error = :e, "
                             "next_attempt_at = :at, updated_at = :n WHERE id = :id"));
    q.bindValue(QStringLiteral(":st"),
                retryAt ? QStringLiteral("pending") : QStringLiteral("failed"));
    q.bindValue(QStringLiteral(":e"), text(error.left(1000)));
    q.bindValue(QStringLiteral(":at"), retryAt.value_or(now));
    q.bindValue(QStringLiteral(":n"), now);
    q.bindValue(QStringLiteral(":id"), id);
    execOrThrow(q, "mark image failed");
}

QHash<QString, QString> stored(const QSqlDatabase &db, const QStringList &sourceUrls)
{
    QHash<QString, QString> out;
    for (qsizetype start = 0; start < sourceUrls.size(); start += kChunk) {
        const QStringList chunk = sourceUrls.mid(start, kChunk);
        QStringList placeholders;
        for (qsizetype i = 0; i < chunk.size(); ++i)
            placeholders << QStringLiteral(":u%1").arg(i);
        Statement q = prepareOrThrow(
            db, QStringLiteral("SELECT source_url, sha256 FROM images WHERE state = 'fetched' AND "
                               "source_url IN (%1)")
                    .arg(placeholders.join(QLatin1Char(','))));
        for (qsizetype i = 0; i < chunk.size(); ++i)
            q.bindValue(placeholders.at(i), chunk.at(i));
        execOrThrow(q, "look up stored images");
        while (q.next())
            out.insert(q.value(0).toString(), q.value(1).toString());
    }
    return out;
}

std::optional<ImageRecord> bySource(const QSqlDatabase &db, const QString &sourceUrl)
{
    Statement q = prepareOrThrow(
        db,
        QStringLiteral("SELECT %1 FROM images WHERE source_url = :u").arg(QLatin1String(kColumns)));
    q.bindValue(QStringLiteral(":u"), sourceUrl);
    execOrThrow(q, "read image");
    if (!q.next())
        return std::nullopt;
    return readRecord(q.query());
}

std::optional<QString> contentType(const QSqlDatabase &db, const QString &sha256)
{
    Statement q = prepareOrThrow(
        db, L("SELECT content_type FROM images WHERE sha256 = :h AND state = 'fetched' LIMIT 1"));
    q.bindValue(QStringLiteral(":h"), sha256);
    execOrThrow(q, "read image type");
    if (!q.next())
        return std::nullopt;
    return q.value(0).toString();
}

} // namespace haitao::server::media::mediastore
