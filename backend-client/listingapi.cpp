#include "backend-client/listingapi.h"

#include "backend-client/jsoncall.h"

#include "core/wiretime.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace haitao::client {

namespace {

QString productPath(qint64 id, const QString &rest = {})
{
    return QStringLiteral("/api/v1/catalog/products/%1").arg(id) + rest;
}

std::optional<Listing> parseListing(const JsonReply &reply, QString *why)
{
    return Listing::fromJson(reply.body, reply.header("ETag"), why);
}

} // namespace

void ListingApi::listing(qint64 productId, QObject *context, Callback<Listing> done) const
{
    jsonCall<Listing>(m_client, "GET", productPath(productId), nullptr, {}, context,
                      std::move(done), &parseListing);
}

void ListingApi::save(qint64 productId, const ListingText &text, const QByteArray &etag,
                      QObject *context, Callback<Listing> done, ConflictCallback conflict) const
{
    const QJsonObject body = text.toJson();
    ListingApi api = *this;
    jsonCall<Listing>(
        m_client, "PUT", productPath(productId, QStringLiteral("/listing")), &body, etag, context,
        [api, productId, context, done, conflict](const Result<Listing> &r) {
            if (r.ok() || r.error().kind != ProblemKind::PreconditionFailed || !conflict) {
                done(r);
                return;
            }
            const ApiError stale = r.error();
            api.listing(productId, context,
                        [done, conflict, stale](const Result<Listing> &current) {
                            if (current.ok())
                                conflict(current.value());
                            else
                                done(stale);
                        });
        },
        &parseListing);
}

void ListingApi::transition(qint64 productId, const QString &to, const QString &comment,
                            const QByteArray &etag, QObject *context, Callback<Listing> done) const
{
    QJsonObject body{{QStringLiteral("to"), to}};
    if (!comment.isEmpty())
        body.insert(QStringLiteral("comment"), comment);
    jsonCall<Listing>(m_client, "POST", productPath(productId, QStringLiteral("/transitions")),
                      &body, etag, context, std::move(done), &parseListing);
}

void ListingApi::events(qint64 productId, QObject *context,
                        Callback<QList<ListingEvent>> done) const
{
    jsonCall<QList<ListingEvent>>(
        m_client, "GET", productPath(productId, QStringLiteral("/events")), nullptr, {}, context,
        std::move(done), [](const JsonReply &r, QString *) -> std::optional<QList<ListingEvent>> {
            QList<ListingEvent> events;
            for (const QJsonValue &v : r.body.value(QStringLiteral("items")).toArray()) {
                const QJsonObject o = v.toObject();
                events.append({o.value(QStringLiteral("id")).toInteger(),
                               fromWireTime(o.value(QStringLiteral("at")).toString()),
                               o.value(QStringLiteral("actor")).toString(),
                               o.value(QStringLiteral("from")).toString(),
                               o.value(QStringLiteral("to")).toString(),
                               o.value(QStringLiteral("comment")).toString()});
            }
            return events;
        });
}

void ListingApi::translationMemory(const QString &source, const QString &target,
                                   const QString &text, int limit, QObject *context,
                                   Callback<QList<TmSuggestion>> done) const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("source"), source);
    query.addQueryItem(QStringLiteral("target"), target);
    query.addQueryItem(QStringLiteral("text"), text);
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    jsonCall<QList<TmSuggestion>>(
        m_client, "GET", pathWithQuery(QStringLiteral("/api/v1/catalog/tm"), query), nullptr, {},
        context, std::move(done),
        [](const JsonReply &r, QString *) -> std::optional<QList<TmSuggestion>> {
            QList<TmSuggestion> items;
            for (const QJsonValue &v : r.body.value(QStringLiteral("items")).toArray()) {
                const QJsonObject o = v.toObject();
                items.append({o.value(QStringLiteral("source")).toString(),
                              o.value(QStringLiteral("target")).toString(),
                              o.value(QStringLiteral("score")).toInt(),
                              o.value(QStringLiteral("productId")).toInteger(),
                              fromWireTime(o.value(QStringLiteral("at")).toString())});
            }
            return items;
        });
}

void ListingApi::machineTranslate(const QStringList &texts, const QString &source,
                                  const QString &target, QObject *context,
                                  Callback<MtResult> done) const
{
    const QJsonObject body{{QStringLiteral("texts"), QJsonArray::fromStringList(texts)},
                           {QStringLiteral("sourceLanguage"), source},
                           {QStringLiteral("targetLanguage"), target}};
    const qsizetype expected = texts.size();
    jsonCall<MtResult>(
        m_client, "POST", QStringLiteral("/api/v1/catalog/mt"), &body, {}, context, std::move(done),
        [expected](const JsonReply &r, QString *why) -> std::optional<MtResult> {
            MtResult result;
            for (const QJsonValue &v : r.body.value(QStringLiteral("translations")).toArray())
                result.translations.append(v.toString());
            result.engine = r.body.value(QStringLiteral("engine")).toString();
            if (result.translations.size() != expected) {
                *why = QStringLiteral("%1 translations for %2 texts")
                           .arg(result.translations.size())
                           .arg(expected);
                return std::nullopt;
            }
            return result;
        });
}

} // namespace haitao::client
