#include "backend/translation/translationservice.h"

#include "backend/http/apierror.h"
#include "backend/storage/auditlog.h"
#include "backend/translation/demoglossary.h"
#include "backend/translation/similarity.h"
#include "core/wiretime.h"

#include <QJsonArray>

#include <algorithm>

namespace haitao::server::translation {

namespace {

constexpr int kMinScore = 50;
constexpr int kCandidates = 200;

ApiError notFound()
{
    return ApiError(ProblemKind::NotFound, QStringLiteral("No such glossary entry"));
}

ApiError staleVersion(qint64 current)
{
    return ApiError(ProblemKind::PreconditionFailed,
                    QStringLiteral("The glossary entry was changed by someone else (now version "
                                   "%1); reload it and apply your change again")
                        .arg(current));
}

ApiError duplicate(const GlossaryEntry &e)
{
    return ApiError(ProblemKind::Conflict,
                    QStringLiteral("The %1 glossary already has the %2 '%3'")
                        .arg(e.sourceLanguage + QStringLiteral("->") + e.targetLanguage,
                             e.kind == QLatin1String("forbidden") ? QStringLiteral("forbidden word")
                                                                  : QStringLiteral("term"),
                             e.term));
}

void validate(GlossaryEntry &entry)
{
    QList<FieldProblem> errors;
    for (const auto &[field, reason] : checkEntry(entry))
        errors.append({field, reason});
    if (!errors.isEmpty())
        throw ApiError::validation(errors);
}

QJsonObject entryDetail(const GlossaryEntry &e)
{
    return {{QStringLiteral("sourceLanguage"), e.sourceLanguage},
            {QStringLiteral("targetLanguage"), e.targetLanguage},
            {QStringLiteral("term"), e.term},
            {QStringLiteral("translation"), e.translation},
            {QStringLiteral("kind"), e.kind},
            {QStringLiteral("note"), e.note}};
}

} // namespace

QJsonObject GlossaryImport::toJson() const
{
    // The first 100 reasons; `rejected` counts them all (a wrong file may reject every line).
    QJsonArray list;
    for (const CsvRowError &e : errors.mid(0, 100))
        list.append(QJsonObject{{QStringLiteral("line"), e.line},
                                {QStringLiteral("field"), e.field},
                                {QStringLiteral("reason"), e.reason}});
    return {{QStringLiteral("added"), added},
            {QStringLiteral("updated"), updated},
            {QStringLiteral("unchanged"), unchanged},
            {QStringLiteral("rejected"), rejected},
            {QStringLiteral("errors"), list}};
}

QJsonObject TmSuggestion::toJson() const
{
    return {{QStringLiteral("source"), segment.source},
            {QStringLiteral("target"), segment.target},
            {QStringLiteral("score"), score},
            {QStringLiteral("productId"), segment.productId},
            {QStringLiteral("at"), toWireTime(segment.atMs)}};
}

TranslationService::TranslationService(Database &db, const Config &config)
    : m_db(db)
    , m_config(config)
    , m_mt(config.mtUrl, config.fetchAllowHosts)
{}

void TranslationService::migrate()
{
    haitao::server::migrate(m_db, translationstore::migrations());
}

bool TranslationService::seedDemo()
{
    if (!translationstore::glossaryEmpty(m_db.writer()))
        return false;
    const Actor system;
    m_db.write([&](QSqlDatabase &db) {
        for (GlossaryEntry e : demoGlossary()) {
            validate(e);
            e.updatedBy = system.name;
            e.updatedAtMs = now();
            e.id = translationstore::insertEntry(db, e);
        }
        auditlog::record(db, system, now(), QStringLiteral("glossary.seeded"),
                         QStringLiteral("glossary"), QStringLiteral("en-zh"),
                         {{QStringLiteral("entries"), qint64(demoGlossary().size())}});
    });
    return true;
}

// ---- glossary ----

Page<GlossaryEntry> TranslationService::listGlossary(const GlossaryFilter &filter)
{
    return translationstore::listGlossary(m_db.reader(), filter);
}

GlossaryEntry TranslationService::entry(qint64 id)
{
    const auto e = translationstore::entry(m_db.writer(), id);
    if (!e)
        throw notFound();
    return *e;
}

GlossaryEntry TranslationService::createEntry(const Actor &actor, GlossaryEntry entry)
{
    validate(entry);
    entry.updatedBy = actor.name;
    entry.updatedAtMs = now();
    m_db.write([&](QSqlDatabase &db) {
        if (translationstore::entryByTerm(db, entry.sourceLanguage, entry.targetLanguage,
                                          entry.term, entry.kind))
            throw duplicate(entry);
        entry.id = translationstore::insertEntry(db, entry);
        entry.version = 1;
        auditlog::record(db, actor, entry.updatedAtMs, QStringLiteral("glossary.created"),
                         QStringLiteral("glossary_entry"), QString::number(entry.id),
                         entryDetail(entry));
    });
    return entry;
}

GlossaryEntry TranslationService::updateEntry(const Actor &actor, qint64 id, qint64 version,
                                              GlossaryEntry entry)
{
    validate(entry);
    entry.id = id;
    entry.updatedBy = actor.name;
    entry.updatedAtMs = now();
    m_db.write([&](QSqlDatabase &db) {
        const auto current = translationstore::entry(db, id);
        if (!current)
            throw notFound();
        if (current->version != version)
            throw staleVersion(current->version);
        const auto same = translationstore::entryByTerm(
            db, entry.sourceLanguage, entry.targetLanguage, entry.term, entry.kind);
        if (same && same->id != id)
            throw duplicate(entry);
        if (!translationstore::updateEntry(db, entry, version))
            throw staleVersion(current->version);
        entry.version = version + 1;
        QJsonObject detail = entryDetail(entry);
        detail.insert(QStringLiteral("before"), entryDetail(*current));
        auditlog::record(db, actor, entry.updatedAtMs, QStringLiteral("glossary.updated"),
                         QStringLiteral("glossary_entry"), QString::number(id), detail);
    });
    return entry;
}

void TranslationService::deleteEntry(const Actor &actor, qint64 id, qint64 version)
{
    m_db.write([&](QSqlDatabase &db) {
        const auto current = translationstore::entry(db, id);
        if (!current)
            throw notFound();
        if (current->version != version || !translationstore::deleteEntry(db, id, version))
            throw staleVersion(current->version);
        auditlog::record(db, actor, now(), QStringLiteral("glossary.deleted"),
                         QStringLiteral("glossary_entry"), QString::number(id),
                         entryDetail(*current));
    });
}

QByteArray TranslationService::exportCsv(const QString &source, const QString &target)
{
    return glossaryCsv(translationstore::pairEntries(m_db.reader(), source, target));
}

GlossaryImport TranslationService::importCsv(const Actor &actor, const QString &source,
                                             const QString &target, const QByteArray &csv)
{
    const ParsedGlossaryCsv parsed = parseGlossaryCsv(csv, source, target);
    if (!parsed.fileError.isEmpty())
        throw ApiError(ProblemKind::Validation, QStringLiteral("The glossary file cannot be read"),
                       {{QStringLiteral("body"), parsed.fileError}});
    GlossaryImport result;
    m_db.write([&](QSqlDatabase &db) {
        result = {}; // write() may run this again
        result.rejected = parsed.rejected;
        result.errors = parsed.errors;
        const qint64 at = now();
        for (GlossaryEntry e : parsed.rows) {
            e.updatedBy = actor.name;
            e.updatedAtMs = at;
            const auto current = translationstore::entryByTerm(db, e.sourceLanguage,
                                                               e.targetLanguage, e.term, e.kind);
            if (!current) {
                translationstore::insertEntry(db, e);
                ++result.added;
            } else if (current->sameContent(e)) {
                ++result.unchanged;
            } else {
                e.id = current->id;
                translationstore::updateEntry(db, e, current->version);
                ++result.updated;
            }
        }
        auditlog::record(db, actor, at, QStringLiteral("glossary.imported"),
                         QStringLiteral("glossary"), source + QLatin1Char('-') + target,
                         {{QStringLiteral("added"), result.added},
                          {QStringLiteral("updated"), result.updated},
                          {QStringLiteral("unchanged"), result.unchanged},
                          {QStringLiteral("rejected"), result.rejected}});
    });
    return result;
}

QList<GlossaryMatch> TranslationService::match(const QString &source, const QString &target,
                                               const QString &text)
{
    return findTerms(text, translationstore::pairEntries(m_db.reader(), source, target));
}

// ---- translation memory ----

void TranslationService::rememberPublished(qint64 productId, const QString &sourceLanguage,
                                           const QList<PublishedSegment> &segments)
{
    m_db.write([&](QSqlDatabase &db) {
        for (const PublishedSegment &s : segments) {
            if (s.source.trimmed().isEmpty() || s.target.trimmed().isEmpty())
                continue;
            translationstore::rememberSegment(db, {0, sourceLanguage, QStringLiteral("zh"),
                                                   s.source, s.target, productId, now()});
        }
    });
}

QList<TmSuggestion> TranslationService::suggest(const QString &source, const QString &target,
                                                const QString &text, int limit)
{
    QList<TmSuggestion> out;
    if (text.trimmed().isEmpty())
        return out;
    for (TmSegment &s :
         translationstore::tmCandidates(m_db.reader(), source, target, text, kCandidates)) {
        const int score = similarity(text, s.source);
        if (score >= kMinScore)
            out.append({std::move(s), score});
    }
    std::stable_sort(out.begin(), out.end(), [](const TmSuggestion &a, const TmSuggestion &b) {
        return a.score != b.score ? a.score > b.score : a.segment.atMs > b.segment.atMs;
    });
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

// ---- machine translation ----

MtResult TranslationService::machineTranslate(const QStringList &texts, const QString &source,
                                              const QString &target)
{
    if (!m_mt.configured())
        throw ApiError(ProblemKind::Unavailable,
                       QStringLiteral("No machine translation service is configured (--mt-url)"));
    MtResult result = m_mt.translate(texts, source, target);
    if (result.error.isEmpty())
        return result;
    if (result.refused)
        throw ApiError(ProblemKind::Validation,
                       QStringLiteral("The machine translation service refused the request: %1")
                           .arg(result.error),
                       {{QStringLiteral("sourceLanguage"), result.error}});
    ApiError e(ProblemKind::Unavailable,
               QStringLiteral("Machine translation is unavailable: %1").arg(result.error));
    if (result.retryAfterSeconds > 0)
        e.retryAfterSeconds = result.retryAfterSeconds;
    throw e;
}

} // namespace haitao::server::translation
