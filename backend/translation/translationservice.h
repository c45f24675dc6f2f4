#pragma once

#include "backend/config.h"
#include "backend/http/actor.h"
#include "backend/integrations/mtclient.h"
#include "backend/storage/database.h"
#include "backend/translation/glossarycsv.h"
#include "backend/translation/translationstore.h"

namespace haitao::server::translation {

struct GlossaryImport
{
    qint64 added = 0, updated = 0, unchanged = 0, rejected = 0;
    QList<CsvRowError> errors;

    QJsonObject toJson() const;
};

// A translation memory suggestion: an earlier published translation of a similar text.
struct TmSuggestion
{
    TmSegment segment;
    int score = 0; // 0..100; 100: the same text

    QJsonObject toJson() const;
};

// One text of a published listing and its Chinese (title, description, attribute values).
struct PublishedSegment
{
    QString source;
    QString target;
};

// The translation component: the glossary per language pair (versions, CSV, matching, every
// change audited), the translation memory fed by publishing, and machine translation through
// the configured service. Throws ApiError for anything the caller did wrong.
class TranslationService
{
public:
    TranslationService(Database &db, const Config &config);

    void migrate();
    bool seedDemo(); // the demo glossary, once

    Page<GlossaryEntry> listGlossary(const GlossaryFilter &filter);
    GlossaryEntry entry(qint64 id);
    GlossaryEntry createEntry(const Actor &actor, GlossaryEntry entry);
    GlossaryEntry updateEntry(const Actor &actor, qint64 id, qint64 version, GlossaryEntry entry);
    void deleteEntry(const Actor &actor, qint64 id, qint64 version);
    QByteArray exportCsv(const QString &source, const QString &target);
    // The whole file in one transaction: nothing is kept of a file the store fails on.
    GlossaryImport importCsv(const Actor &actor, const QString &source, const QString &target,
                             const QByteArray &csv);
    QList<GlossaryMatch> match(const QString &source, const QString &target, const QString &text);

    // After a publish (the catalog calls it): remembers each segment with its translation.
    void rememberPublished(qint64 productId, const QString &sourceLanguage,
                           const QList<PublishedSegment> &segments);
    // Best first, at most `limit`, none under 50.
    QList<TmSuggestion> suggest(const QString &source, const QString &target, const QString &text,
                                int limit);

    // 503 (Unavailable) without a configured service or when it fails; 422 when it refuses.
    MtResult machineTranslate(const QStringList &texts, const QString &source,
                              const QString &target);

private:
    qint64 now() const { return m_config.clock(); }

    Database &m_db;
    const Config &m_config;
    MtClient m_mt;
};

} // namespace haitao::server::translation
