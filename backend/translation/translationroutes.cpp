#include "backend/translation/translationroutes.h"

#include "backend/http/etag.h"
#include "backend/http/fields.h"
#include "backend/http/paging.h"
#include "backend/http/query.h"
#include "backend/translation/translationservice.h"

#include <QJsonArray>

namespace haitao::server::translation {

namespace {

constexpr qint64 kMaxGlossaryCsvBytes = 2 * 1024 * 1024;

// The language pair of a query: ?source=en&target=zh (the defaults).
QPair<QString, QString> readPair(const Request &r)
{
    QString source = r.query(QStringLiteral("source"));
    QString target = r.query(QStringLiteral("target"));
    if (source.isEmpty())
        source = QStringLiteral("en");
    if (target.isEmpty())
        target = QStringLiteral("zh");
    if (!isLanguageCode(source))
        throw badQuery(QStringLiteral("source"),
                       QStringLiteral("must be a language code, e.g. en"));
    if (!isLanguageCode(target))
        throw badQuery(QStringLiteral("target"),
                       QStringLiteral("must be a language code, e.g. zh"));
    return {source, target};
}

int readLimit(const Request &r, int defaultLimit, int maxLimit)
{
    return int(queryInteger(r, QStringLiteral("limit"), defaultLimit, 1, maxLimit));
}

Response entryResponse(const GlossaryEntry &e, int status = 200)
{
    Response r = Response::json(e.toJson(), status);
    r.headers.append({"ETag", numberedEtag('g', e.version)});
    return r;
}

// The writable fields of an entry; `current` gives the language pair and kind when the body
// leaves them out (an edit).
GlossaryEntry readEntry(const QJsonObject &body, const GlossaryEntry &current = {})
{
    Fields f(body);
    f.onlyKnown({QStringLiteral("sourceLanguage"), QStringLiteral("targetLanguage"),
                 QStringLiteral("term"), QStringLiteral("translation"), QStringLiteral("kind"),
                 QStringLiteral("note")});
    GlossaryEntry e = current;
    e.sourceLanguage =
        f.optionalString(QStringLiteral("sourceLanguage"), 2, 16).value_or(current.sourceLanguage);
    e.targetLanguage =
        f.optionalString(QStringLiteral("targetLanguage"), 2, 16).value_or(current.targetLanguage);
    e.term = f.requiredString(QStringLiteral("term"), 1, 200);
    e.translation = f.optionalString(QStringLiteral("translation"), 0, 200).value_or(QString());
    e.kind = f.optionalString(QStringLiteral("kind"), 1, 16).value_or(current.kind);
    e.note = f.optionalString(QStringLiteral("note"), 0, 1000).value_or(QString());
    f.done();
    return e;
}

} // namespace

void addTranslationRoutes(Router &router, TranslationService &translation)
{
    const Access staff = Access::only({Role::Ops, Role::Admin, Role::Translator});
    const Access ops = Access::only({Role::Ops, Role::Admin});

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/catalog/glossary"), staff, Body::None,
               [&translation](const Request &r) {
                   const auto [source, target] = readPair(r);
                   GlossaryFilter filter;
                   filter.sourceLanguage = source;
                   filter.targetLanguage = target;
                   filter.search = r.query(QStringLiteral("q")).trimmed().left(200);
                   filter.limit = readLimit(r, 100, 500);
                   if (const QString c = r.query(QStringLiteral("cursor")); !c.isEmpty()) {
                       const qsizetype dot = c.indexOf(QLatin1Char('.'));
                       bool ok = false;
                       filter.afterId = dot > 0 ? c.left(dot).toLongLong(&ok) : 0;
                       const auto key = QByteArray::fromBase64Encoding(
                           c.mid(dot + 1).toLatin1(), QByteArray::Base64UrlEncoding |
                                                          QByteArray::OmitTrailingEquals |
                                                          QByteArray::AbortOnBase64DecodingErrors);
                       if (!ok || filter.afterId <= 0 || !key)
                           throw badQuery(QStringLiteral("cursor"),
                                          QStringLiteral("is not a cursor this API gave"));
                       filter.afterKey = QString::fromUtf8(*key);
                   }
                   return Response::json(pageJson(translation.listGlossary(filter)));
               });

    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/catalog/glossary"), ops, Body::Json,
               [&translation](const Request &r) {
                   const GlossaryEntry e = translation.createEntry(Actor::of(r), readEntry(r.body));
                   Response resp = entryResponse(e, 201);
                   resp.headers.append(
                       {"Location", "/api/v1/catalog/glossary/" + QByteArray::number(e.id)});
                   return resp;
               });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/catalog/glossary/export"), staff,
               Body::None, [&translation](const Request &r) {
                   const auto [source, target] = readPair(r);
                   Response resp = Response::text(translation.exportCsv(source, target),
                                                  "text/csv; charset=utf-8");
                   resp.headers.append({"Content-Disposition", "attachment; filename=\"glossary-" +
                                                                   source.toLatin1() + '-' +
                                                                   target.toLatin1() + ".csv\""});
                   return resp;
               });

    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/catalog/glossary/import"), ops,
               Body::Raw, [&translation](const Request &r) {
                   const auto [source, target] = readPair(r);
                   if (r.rawBody.isEmpty())
                       throw ApiError::validation(
                           {{QStringLiteral("body"),
                             QStringLiteral("send the CSV file as the request body")}});
                   // A glossary is thousands of lines, not a feed: a bounded import holds the
                   // store's write lock briefly.
                   if (r.rawBody.size() > kMaxGlossaryCsvBytes)
                       throw ApiError(ProblemKind::PayloadTooLarge,
                                      QStringLiteral("A glossary CSV may have at most %1 MiB; "
                                                     "split it into several imports.")
                                          .arg(kMaxGlossaryCsvBytes / (1024 * 1024)));
                   return Response::json(
                       translation.importCsv(Actor::of(r), source, target, r.rawBody).toJson());
               });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/catalog/glossary/match"), staff,
               Body::None, [&translation](const Request &r) {
                   const auto [source, target] = readPair(r);
                   const QString text = r.query(QStringLiteral("text"));
                   if (text.size() > 20000)
                       throw badQuery(QStringLiteral("text"),
                                      QStringLiteral("must be at most 20000 characters"));
                   QJsonArray items;
                   for (const GlossaryMatch &m : translation.match(source, target, text))
                       items.append(QJsonObject{{QStringLiteral("entry"), m.entry.toJson()},
                                                {QStringLiteral("start"), qint64(m.start)},
                                                {QStringLiteral("length"), qint64(m.length)}});
                   return Response::json({{QStringLiteral("items"), items}});
               });

    router.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/catalog/glossary/{id}"), ops,
               Body::Json, [&translation](const Request &r) {
                   const qint64 id = r.idParam(QStringLiteral("id"));
                   const qint64 version = ifMatchNumber(r, 'g', QStringLiteral("glossary entry"));
                   // The pair and kind stay unless the body names them.
                   const GlossaryEntry current = translation.entry(id);
                   return entryResponse(translation.updateEntry(Actor::of(r), id, version,
                                                                readEntry(r.body, current)));
               });

    router.add(QStringLiteral("DELETE"), QStringLiteral("/api/v1/catalog/glossary/{id}"), ops,
               Body::None, [&translation](const Request &r) {
                   const qint64 id = r.idParam(QStringLiteral("id"));
                   const qint64 version = ifMatchNumber(r, 'g', QStringLiteral("glossary entry"));
                   translation.deleteEntry(Actor::of(r), id, version);
                   return Response::noContent();
               });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/catalog/tm"), staff, Body::None,
               [&translation](const Request &r) {
                   const auto [source, target] = readPair(r);
                   const QString text = r.query(QStringLiteral("text"));
                   if (text.trimmed().isEmpty() || text.size() > 20000)
                       throw badQuery(QStringLiteral("text"),
                                      QStringLiteral("must be 1 to 20000 characters"));
                   QJsonArray items;
                   for (const TmSuggestion &s :
                        translation.suggest(source, target, text, readLimit(r, 5, 20)))
                       items.append(s.toJson());
                   return Response::json({{QStringLiteral("items"), items}});
               });

    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/catalog/mt"), staff, Body::Json,
               [&translation](const Request &r) {
                   Fields f(r.body);
                   f.onlyKnown({QStringLiteral("texts"), QStringLiteral("sourceLanguage"),
                                QStringLiteral("targetLanguage")});
                   const QJsonValue textsValue = r.body.value(QStringLiteral("texts"));
                   const QJsonArray array = textsValue.toArray();
                   QStringList texts;
                   if (!textsValue.isArray() || array.isEmpty() || array.size() > 128)
                       f.fail(QStringLiteral("texts"),
                              QStringLiteral("must be an array of 1 to 128 texts"));
                   for (qsizetype i = 0; i < array.size(); ++i) {
                       if (!array.at(i).isString() || array.at(i).toString().size() > 20000)
                           f.fail(QStringLiteral("texts[%1]").arg(i),
                                  QStringLiteral("must be a text of at most 20000 characters"));
                       texts << array.at(i).toString();
                   }
                   const QString source = f.optionalString(QStringLiteral("sourceLanguage"), 2, 16)
                                              .value_or(QStringLiteral("en"));
                   const QString target = f.optionalString(QStringLiteral("targetLanguage"), 2, 16)
                                              .value_or(QStringLiteral("zh"));
                   if (!isLanguageCode(source))
                       f.fail(QStringLiteral("sourceLanguage"),
                              QStringLiteral("must be a language code, e.g. en"));
                   if (!isLanguageCode(target))
                       f.fail(QStringLiteral("targetLanguage"),
                              QStringLiteral("must be a language code, e.g. zh"));
                   f.done();
                   const MtResult result = translation.machineTranslate(texts, source, target);
                   return Response::json({{QStringLiteral("translations"),
                                           QJsonArray::fromStringList(result.translations)},
                                          {QStringLiteral("engine"), result.engine}});
               });
}

} // namespace haitao::server::translation
