#pragma once

#include "backend-client/apiclient.h"

#include <functional>
#include <optional>

namespace haitao::client {

// The error a call reports when the server's answer cannot be read as what was asked for.
ApiError unreadableAnswer(int status, const QString &why);

template <typename T>
using ReplyParser = std::function<std::optional<T>(const JsonReply &, QString *)>;

// The callback of a JSON call whose answer `parse` turns into T: errors, an unreadable answer
// included, arrive as ApiError.
template <typename T>
ApiClient::Callback<JsonReply> parsedBy(ApiClient::Callback<T> done, ReplyParser<T> parse)
{
    return [done = std::move(done), parse = std::move(parse)](const Result<JsonReply> &r) {
        if (!r.ok()) {
            done(r.error());
            return;
        }
        QString why;
        std::optional<T> value = parse(r.value(), &why);
        if (value)
            done(std::move(*value));
        else
            done(unreadableAnswer(r.value().status, why));
    };
}

// A JSON call with `ifMatch` (when set) as If-Match. The endpoint groups' APIs (pricing,
// catalog, listings, glossary) are built on it.
template <typename T>
void jsonCall(ApiClient *client, const QByteArray &method, const QString &path,
              const QJsonObject *body, const QByteArray &ifMatch, QObject *context,
              ApiClient::Callback<T> done, ReplyParser<T> parse)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!ifMatch.isEmpty())
        headers.append(qMakePair(QByteArray("If-Match"), ifMatch));
    client->requestJson(method, path, body, headers, context,
                        parsedBy<T>(std::move(done), std::move(parse)));
}

// The same with a body that is not JSON (a feed file, a CSV).
template <typename T>
void jsonCall(ApiClient *client, const QByteArray &method, const QString &path, const RawBody &body,
              QObject *context, ApiClient::Callback<T> done, ReplyParser<T> parse)
{
    client->requestJson(method, path, body, context,
                        parsedBy<T>(std::move(done), std::move(parse)));
}

} // namespace haitao::client
