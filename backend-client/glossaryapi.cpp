#include "backend-client/glossaryapi.h"

#include "backend-client/jsoncall.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace haitao::client {

namespace {

const QString kGlossaryPath = QStringLiteral("/api/v1/catalog/glossary");

// The entry's ETag as the server writes it (backend/http/etag.h numberedEtag('g', version)).
QByteArray entryEtag(const GlossaryEntry &entry)
{
    return QByteArray("\"g") + QByteArray::number(entry.version) + '"';
}

QUrlQuery pairQuery(const QString &source, const QString &target)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("source"), source);
    q.addQueryItem(QStringLiteral("target"), target);
    return q;
}

QString entryPath(qint64 id)
{
    return kGlossaryPath + QStringLiteral("/%1").arg(id);
}

std::optional<GlossaryEntry> parseEntry(const JsonReply &reply, QString *why)
{
    return GlossaryEntry::fromJson(reply.body, why);
}

} // namespace

void GlossaryApi::list(const QString &source, const QString &target, const QString &search,
                       const QString &cursor, int limit, QObject *context,
                       Callback<Page<GlossaryEntry>> done) const
{
    QUrlQuery q = pairQuery(source, target);
    if (!search.isEmpty())
        q.addQueryItem(QStringLiteral("q"), search);
    if (!cursor.isEmpty())
        q.addQueryItem(QStringLiteral("cursor"), cursor);
    q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    jsonCall<Page<GlossaryEntry>>(
        m_client, "GET", pathWithQuery(kGlossaryPath, q), nullptr, {}, context, std::move(done),
        [](const JsonReply &r, QString *why) -> std::optional<Page<GlossaryEntry>> {
            Page<GlossaryEntry> page;
            const QJsonArray items = r.body.value(QStringLiteral("items")).toArray();
            for (const QJsonValue &v : items) {
                std::optional<GlossaryEntry> e = GlossaryEntry::fromJson(v.toObject(), why);
                if (!e)
                    return std::nullopt;
                page.items.append(*e);
            }
            page.nextCursor = r.body.value(QStringLiteral("nextCursor")).toString();
            return page;
        });
}

void GlossaryApi::create(const GlossaryEntry &entry, QObject *context,
                         Callback<GlossaryEntry> done) const
{
    const QJsonObject body = entry.toWriteJson();
    jsonCall<GlossaryEntry>(m_client, "POST", kGlossaryPath, &body, {}, context, std::move(done),
                            &parseEntry);
}

void GlossaryApi::update(const GlossaryEntry &entry, QObject *context,
                         Callback<GlossaryEntry> done) const
{
    const QJsonObject body = entry.toWriteJson();
    jsonCall<GlossaryEntry>(m_client, "PUT", entryPath(entry.id), &body, entryEtag(entry), context,
                            std::move(done), &parseEntry);
}

void GlossaryApi::remove(const GlossaryEntry &entry, QObject *context, Callback<Done> done) const
{
    jsonCall<Done>(m_client, "DELETE", entryPath(entry.id), nullptr, entryEtag(entry), context,
                   std::move(done),
                   [](const JsonReply &, QString *) { return std::optional(Done{}); });
}

void GlossaryApi::exportCsv(const QString &source, const QString &target, QObject *context,
                            Callback<QByteArray> done) const
{
    m_client->requestBytes(
        "GET", pathWithQuery(kGlossaryPath + QStringLiteral("/export"), pairQuery(source, target)),
        {}, {}, context, [done = std::move(done)](const Result<RawResponse> &r) {
            if (r.ok())
                done(r.value().body);
            else
                done(r.error());
        });
}

void GlossaryApi::importCsv(const QString &source, const QString &target, const QByteArray &csv,
                            QObject *context, Callback<GlossaryImportResult> done) const
{
    jsonCall<GlossaryImportResult>(
        m_client, "POST",
        pathWithQuery(kGlossaryPath + QStringLiteral("/import"), pairQuery(source, target)),
        RawBody{csv, "text/csv; charset=utf-8"}, context, std::move(done),
        [](const JsonReply &r, QString *) -> std::optional<GlossaryImportResult> {
            GlossaryImportResult result;
            result.added = r.body.value(QStringLiteral("added")).toInt();
            result.updated = r.body.value(QStringLiteral("updated")).toInt();
            result.unchanged = r.body.value(QStringLiteral("unchanged")).toInt();
            result.rejected = r.body.value(QStringLiteral("rejected")).toInt();
            for (const QJsonValue &v : r.body.value(QStringLiteral("errors")).toArray()) {
                const QJsonObject o = v.toObject();
                result.errors.append({o.value(QStringLiteral("line")).toInteger(),
                                      o.value(QStringLiteral("field")).toString(),
                                      o.value(QStringLiteral("reason")).toString()});
            }
            return result;
        });
}

void GlossaryApi::match(const QString &source, const QString &target, const QString &text,
                        QObject *context, Callback<QList<GlossaryMatch>> done) const
{
    QUrlQuery q = pairQuery(source, target);
    q.addQueryItem(QStringLiteral("text"), text);
    jsonCall<QList<GlossaryMatch>>(
        m_client, "GET", pathWithQuery(kGlossaryPath + QStringLiteral("/match"), q), nullptr, {},
        context, std::move(done),
        [](const JsonReply &r, QString *why) -> std::optional<QList<GlossaryMatch>> {
            QList<GlossaryMatch> matches;
            const QJsonArray items = r.body.value(QStringLiteral("items")).toArray();
            for (const QJsonValue &v : items) {
                const QJsonObject o = v.toObject();
                std::optional<GlossaryEntry> e =
                    GlossaryEntry::fromJson(o.value(QStringLiteral("entry")).toObject(), why);
                if (!e)
                    return std::nullopt;
                matches.append({*e, o.value(QStringLiteral("start")).toInt(),
                                o.value(QStringLiteral("length")).toInt()});
            }
            return matches;
        });
}

} // namespace haitao::client
