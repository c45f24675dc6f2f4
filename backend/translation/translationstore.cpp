#include "backend/translation/translationstore.h"

#include "backend/storage/auditlog.h"
#include "backend/storage/database.h"
#include "backend/storage/fingerprint.h"
#include "backend/storage/sqltext.h"
#include "backend/translation/similarity.h"

#include <QSet>
#include <QVariant>

namespace haitao::server::translation::translationstore {

namespace {

using sql::containsPattern;
using sql::isSqlite;
using sql::L;
using sql::text;

constexpr const char *kEntryColumns =
    "id, source_language, target_language, term, translation, kind, note, updated_by, "
    "updated_at, version";

GlossaryEntry readEntry(const Statement &q)
{
    GlossaryEntry e;
    e.id = q.value(0).toLongLong();
    e.sourceLanguage = q.value(1).toString();
    e.targetLanguage = q.value(2).toString();
    e.term = q.value(3).toString();
    e.translation = q.value(4).toString();
    e.kind = q.value(5).toString();
    e.note = q.value(6).toString();
    e.updatedBy = q.value(7).toString();
    e.updatedAtMs = q.value(8).toLongLong();
    e.version = q.value(9).toLongLong();
    return e;
}

constexpr const char *kSegmentColumns =
    "s.id, s.source_language, s.target_language, s.source_text, s.target_text, s.product_id, "
    "s.at";

TmSegment readSegment(const Statement &q)
{
    return {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
            q.value(3).toString(),   q.value(4).toString(), q.value(5).toLongLong(),
            q.value(6).toLongLong()};
}

} // namespace

QList<Migration> migrations()
{
    Migration first{
        1,
        QStringLiteral("glossary, translation memory"),
        {
            L("CREATE TABLE glossary ("
              " id %ID%,"
              " source_language TEXT NOT NULL,"
              " target_language TEXT NOT NULL,"
              " term TEXT NOT NULL,"
              " term_key TEXT NOT NULL,"
              " translation TEXT NOT NULL,"
              " kind TEXT NOT NULL CHECK (kind IN ('term','forbidden')),"
              " note TEXT NOT NULL,"
              " updated_by TEXT NOT NULL,"
              " updated_at BIGINT NOT NULL,"
              " version BIGINT NOT NULL,"
              " UNIQUE (source_language, target_language, term_key, kind))"),
            L("CREATE INDEX glossary_pair ON glossary(source_language, target_language, "
              "term_key, id)"),
            L("CREATE TABLE tm_segments ("
              " id %ID%,"
              " source_language TEXT NOT NULL,"
              " target_language TEXT NOT NULL,"
              " source_text TEXT NOT NULL,"
              " target_text TEXT NOT NULL,"
              " source_hash TEXT NOT NULL,"
              " pair_hash TEXT NOT NULL,"
              " product_id BIGINT NOT NULL,"
              " at BIGINT NOT NULL,"
              " UNIQUE (source_language, target_language, pair_hash))"),
            L("CREATE INDEX tm_segments_source ON tm_segments(source_language, "
              "target_language, source_hash)"),
        },
        // Similar segments are looked up by trigrams of their source text.
        {
            L("CREATE VIRTUAL TABLE tm_fts USING fts5(source_text, content='tm_segments', "
              "content_rowid='id', tokenize='trigram')"),
            L("CREATE TRIGGER tm_fts_insert AFTER INSERT ON tm_segments BEGIN "
              "INSERT INTO tm_fts(rowid, source_text) VALUES (new.id, new.source_text); END"),
            L("CREATE TRIGGER tm_fts_delete AFTER DELETE ON tm_segments BEGIN "
              "INSERT INTO tm_fts(tm_fts, rowid, source_text) "
              "VALUES ('delete', old.id, old.source_text); END"),
            L("CREATE TRIGGER tm_fts_update AFTER UPDATE OF source_text ON tm_segments BEGIN "
              "INSERT INTO tm_fts(tm_fts, rowid, source_text) "
              "VALUES ('delete', old.id, old.source_text); "
              "INSERT INTO tm_fts(rowid, source_text) VALUES (new.id, new.source_text); END"),
        },
        {
            L("CREATE EXTENSION IF NOT EXISTS pg_trgm"),
            L("CREATE INDEX tm_source_trgm ON tm_segments USING gin (source_text "
              "gin_trgm_ops)"),
        }};
    first.statements += auditlog::createStatements();
    first.sqliteOnly += auditlog::sqliteGuards();
    first.postgresOnly += auditlog::postgresGuards();
    return {first};
}

QString termKey(const QString &term)
{
    return term.toCaseFolded();
}

Page<GlossaryEntry> listGlossary(const QSqlDatabase &db, const GlossaryFilter &filter)
{
    QStringList where{QStringLiteral("source_language = :s"),
                      QStringLiteral("target_language = :t")};
    if (!filter.search.isEmpty())
        where << QStringLiteral("(term_key LIKE :q ESCAPE '!' OR lower(translation) LIKE :q2 "
                                "ESCAPE '!')");
    if (filter.afterId > 0)
        where << QStringLiteral("(term_key, id) > (:ak, :aid)");
    Statement q = prepareOrThrow(
        db, QStringLiteral("SELECT %1 FROM glossary WHERE %2 ORDER BY term_key, id LIMIT :n")
                .arg(QLatin1String(kEntryColumns), where.join(QStringLiteral(" AND "))));
    q.bindValue(QStringLiteral(":s"), filter.sourceLanguage);
    q.bindValue(QStringLiteral(":t"), filter.targetLanguage);
    if (!filter.search.isEmpty()) {
        const QString like = containsPattern(termKey(filter.search));
        q.bindValue(QStringLiteral(":q"), like);
        q.bindValue(QStringLiteral(":q2"), like);
    }
    if (filter.afterId > 0) {
        q.bindValue(QStringLiteral(":ak"), filter.afterKey);
        q.bindValue(QStringLiteral(":aid"), filter.afterId);
    }
    q.bindValue(QStringLiteral(":n"), filter.limit + 1);
    execOrThrow(q, "list glossary");
    Page<GlossaryEntry> page;
    while (q.next())
        page.items.append(readEntry(q));
    if (page.items.size() > filter.limit) {
        page.items.removeLast();
        const GlossaryEntry &last = page.items.constLast();
        // Opaque to clients: "<id>.<base64url of the sort key>".
        page.nextCursor = QString::number(last.id) + QLatin1Char('.') +
                          QString::fromLatin1(termKey(last.term).toUtf8().toBase64(
                              QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    }
    return page;
}

QList<GlossaryEntry> pairEntries(const QSqlDatabase &db, const QString &source,
                                 const QString &target)
{
    Statement q = prepareOrThrow(db, QStringLiteral("SELECT %1 FROM glossary WHERE "
                                                    "source_language = :s AND target_language = "
                                                    ":t ORDER BY term_key, id")
                                         .arg(QLatin1String(kEntryColumns)));
    q.bindValue(QStringLiteral(":s"), source);
    q.bindValue(QStringLiteral(":t"), target);
    execOrThrow(q, "read glossary pair");
    QList<GlossaryEntry> out;
    while (q.next())
        out.append(readEntry(q));
    return out;
}

std::optional<GlossaryEntry> entry(const QSqlDatabase &db, qint64 id)
{
    Statement q = prepareOrThrow(
        db,
        QStringLiteral("SELECT %1 FROM glossary WHERE id = :id").arg(QLatin1String(kEntryColumns)));
    q.bindValue(QStringLiteral(":id"), id);
    execOrThrow(q, "read glossary entry");
    if (!q.next())
        return std::nullopt;
    return readEntry(q);
}

std::optional<GlossaryEntry> entryByTerm(const QSqlDatabase &db, const QString &source,
                                         const QString &target, const QString &term,
                                         const QString &kind)
{
    Statement q =
        prepareOrThrow(db, QStringLiteral("SELECT %1 FROM glossary WHERE source_language = :s AND "
                                          "target_language = :t AND term_key = :k AND kind = :kind")
                               .arg(QLatin1String(kEntryColumns)));
    q.bindValue(QStringLiteral(":s"), source);
    q.bindValue(QStringLiteral(":t"), target);
    q.bindValue(QStringLiteral(":k"), termKey(term));
    q.bindValue(QStringLiteral(":kind"), kind);
    execOrThrow(q, "find glossary term");
    if (!q.next())
        return std::nullopt;
    return readEntry(q);
}

namespace {

// The writable columns of an insert or update, by the names both statements use.
void bindEntry(Statement &q, const GlossaryEntry &e)
{
    q.bindValue(QStringLiteral(":s"), e.sourceLanguage);
    q.bindValue(QStringLiteral(":t"), e.targetLanguage);
    q.bindValue(QStringLiteral(":term"), e.term);
    q.bindValue(QStringLiteral(":k"), termKey(e.term));
    q.bindValue(QStringLiteral(":tr"), text(e.translation));
    q.bindValue(QStringLiteral(":kind"), e.kind);
    q.bindValue(QStringLiteral(":note"), text(e.note));
    q.bindValue(QStringLiteral(":by"), text(e.updatedBy));
    q.bindValue(QStringLiteral(":at"), e.updatedAtMs);
}

} // namespace

qint64 insertEntry(QSqlDatabase &db, const GlossaryEntry &e)
{
    Statement q = prepareOrThrow(
        db, L("INSERT INTO glossary (source_language, target_language, term, term_key, "
              "translation, kind, note, updated_by, updated_at, version) VALUES (:s, :t, :term, "
              ":k, :tr, :kind, :note, :by, :at, 1) RETURNING id"));
    bindEntry(q, e);
    execOrThrow(q, "insert glossary entry");
    if (!q.next())
        throw StorageError(QStringLiteral("insert glossary entry returned no id"));
    return q.value(0).toLongLong();
}

bool updateEntry(QSqlDatabase &db, const GlossaryEntry &e, qint64 expectedVersion)
{
    Statement q = prepareOrThrow(
        db, L("UPDATE glossary SET source_language = :s, target_language = :t, term = :term, "
              "term_key = :k, translation = :tr, kind = :kind, note = :note, updated_by = :by, "
              "updated_at = :at, version = version + 1 WHERE id = :id AND version = :v"));
    bindEntry(q, e);
    q.bindValue(QStringLiteral(":id"), e.id);
    q.bindValue(QStringLiteral(":v"), expectedVersion);
    execOrThrow(q, "update glossary entry");
    return q.query().numRowsAffected() == 1;
}

bool deleteEntry(QSqlDatabase &db, qint64 id, qint64 expectedVersion)
{
    Statement q = prepareOrThrow(db, L("DELETE FROM glossary WHERE id = :id AND version = :v"));
    q.bindValue(QStringLiteral(":id"), id);
    q.bindValue(QStringLiteral(":v"), expectedVersion);
    execOrThrow(q, "delete glossary entry");
    return q.query().numRowsAffected() == 1;
}

bool glossaryEmpty(const QSqlDatabase &db)
{
    Statement q = prepareOrThrow(db, L("SELECT 1 FROM glossary LIMIT 1"));
    execOrThrow(q, "read glossary");
    return !q.next();
}

void rememberSegment(QSqlDatabase &db, const TmSegment &s)
{
    Statement q = prepareOrThrow(
        db, L("INSERT INTO tm_segments (source_language, target_language, source_text, "
              "target_text, source_hash, pair_hash, product_id, at) VALUES (:sl, :tl, :s, :t, "
              ":sh, :ph, :p, :at) ON CONFLICT (source_language, target_language, pair_hash) DO "
              "UPDATE SET product_id = excluded.product_id, at = excluded.at"));
    q.bindValue(QStringLiteral(":sl"), s.sourceLanguage);
    q.bindValue(QStringLiteral(":tl"), s.targetLanguage);
    q.bindValue(QStringLiteral(":s"), s.source);
    q.bindValue(QStringLiteral(":t"), s.target);
    q.bindValue(QStringLiteral(":sh"), fingerprint({normalizedForMatch(s.source)}, 40));
    q.bindValue(QStringLiteral(":ph"), fingerprint({s.source, s.target}, 40));
    q.bindValue(QStringLiteral(":p"), s.productId);
    q.bindValue(QStringLiteral(":at"), s.atMs);
    execOrThrow(q, "remember segment");
}

QList<TmSegment> tmCandidates(const QSqlDatabase &db, const QString &source, const QString &target,
                              const QString &text, int max)
{
    QList<TmSegment> out;
    QSet<qint64> seen;
    // Exact (after normalisation) by hash: found even where trigrams cannot help (short text).
    {
        Statement q = prepareOrThrow(
            db, QStringLiteral("SELECT %1 FROM tm_segments s WHERE s.source_language = :sl AND "
                               "s.target_language = :tl AND s.source_hash = :sh ORDER BY s.at "
                               "DESC LIMIT 20")
                    .arg(QLatin1String(kSegmentColumns)));
        q.bindValue(QStringLiteral(":sl"), source);
        q.bindValue(QStringLiteral(":tl"), target);
        q.bindValue(QStringLiteral(":sh"), fingerprint({normalizedForMatch(text)}, 40));
        execOrThrow(q, "find exact segments");
        while (q.next()) {
            out.append(readSegment(q));
            seen.insert(out.constLast().id);
        }
    }
    if (isSqlite(db)) {
        // Any of (up to 32 of) the text's trigrams, best ranked first.
        const QStringList trigrams = searchTrigrams(text, 32);
        if (trigrams.isEmpty())
            return out;
        QStringList phrases;
        for (QString t : trigrams)
            phrases << QLatin1Char('"') + t.replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
                           QLatin1Char('"');
        Statement q = prepareOrThrow(
            db, QStringLiteral("SELECT %1 FROM tm_segments s WHERE s.id IN (SELECT rowid FROM "
                               "tm_fts WHERE tm_fts MATCH :m ORDER BY rank LIMIT :n) AND "
                               "s.source_language = :sl AND s.target_language = :tl")
                    .arg(QLatin1String(kSegmentColumns)));
        q.bindValue(QStringLiteral(":m"), phrases.join(QStringLiteral(" OR ")));
        q.bindValue(QStringLiteral(":n"), max);
        q.bindValue(QStringLiteral(":sl"), source);
        q.bindValue(QStringLiteral(":tl"), target);
        execOrThrow(q, "find similar segments");
        while (q.next()) {
            TmSegment s = readSegment(q);
            if (!seen.contains(s.id)) {
                seen.insert(s.id);
                out.append(std::move(s));
            }
        }
    } else {
        Statement q = prepareOrThrow(
            db, QStringLiteral("SELECT %1 FROM tm_segments s WHERE s.source_language = :sl AND "
                               "s.target_language = :tl AND s.source_text % :t ORDER BY "
                               "similarity(s.source_text, :t2) DESC LIMIT :n")
                    .arg(QLatin1String(kSegmentColumns)));
        q.bindValue(QStringLiteral(":sl"), source);
        q.bindValue(QStringLiteral(":tl"), target);
        q.bindValue(QStringLiteral(":t"), text);
        q.bindValue(QStringLiteral(":t2"), text);
        q.bindValue(QStringLiteral(":n"), max);
        execOrThrow(q, "find similar segments");
        while (q.next()) {
            TmSegment s = readSegment(q);
            if (!seen.contains(s.id)) {
                seen.insert(s.id);
                out.append(std::move(s));
            }
        }
    }
    return out;
}

} // namespace haitao::server::translation::translationstore
