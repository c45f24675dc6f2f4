#pragma once

#include "backend/storage/migrations.h"
#include "backend/translation/glossary.h"
#include "core/page.h"

#include <QSqlDatabase>

#include <optional>

namespace haitao::server::translation {

struct GlossaryFilter
{
    QString sourceLanguage = QStringLiteral("en");
    QString targetLanguage = QStringLiteral("zh");
    QString search; // term or translation substring
    // Keyset: after this (lower-case term, id); empty key and 0 id: from the start.
    QString afterKey;
    qint64 afterId = 0;
    int limit = 100;
};

// A remembered translation: a segment of a published listing with its Chinese text.
struct TmSegment
{
    qint64 id = 0;
    QString sourceLanguage, targetLanguage;
    QString source, target;
    qint64 productId = 0;
    qint64 atMs = 0;
};

// The SQL of the translation component (glossary, translation memory, audit), and nothing
// else. Every function takes the connection: the service picks the transaction.
namespace translationstore {

QList<Migration> migrations();

// The lower-case form entries are unique and sorted by.
QString termKey(const QString &term);

Page<GlossaryEntry> listGlossary(const QSqlDatabase &db, const GlossaryFilter &filter);
// Every entry of a pair, for matching and export (a glossary is thousands, not millions).
QList<GlossaryEntry> pairEntries(const QSqlDatabase &db, const QString &source,
                                 const QString &target);
std::optional<GlossaryEntry> entry(const QSqlDatabase &db, qint64 id);
std::optional<GlossaryEntry> entryByTerm(const QSqlDatabase &db, const QString &source,
                                         const QString &target, const QString &term,
                                         const QString &kind);
qint64 insertEntry(QSqlDatabase &db, const GlossaryEntry &entry);
// Writes the entry if its version is still `expectedVersion` (and bumps it); false if not.
bool updateEntry(QSqlDatabase &db, const GlossaryEntry &entry, qint64 expectedVersion);
bool deleteEntry(QSqlDatabase &db, qint64 id, qint64 expectedVersion);
bool glossaryEmpty(const QSqlDatabase &db);

// Adds the segment, or refreshes its product and time when the same pair of texts is there.
void rememberSegment(QSqlDatabase &db, const TmSegment &segment);
// Segments with exactly this source text, then up to `max` more that share trigrams with it
// (FTS5 trigram on SQLite, pg_trgm on PostgreSQL), unscored.
QList<TmSegment> tmCandidates(const QSqlDatabase &db, const QString &source, const QString &target,
                              const QString &text, int max);

} // namespace translationstore
} // namespace haitao::server::translation
