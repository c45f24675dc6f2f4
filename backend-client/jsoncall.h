#pragma once

#include "backend-client/apiclient.h"

#include <functional>
#include <optional>

namespace haitao::client {

// The error a call reports when the server's answer cannot be read as what was asked for.
ApiError unreadableAnswer(int status, const QString &why);

// A raw answer's failure as the typed calls report it; nullopt when it succeeded.
std::optional<ApiError> rawAnswerError(const RawResponse &response);

template <typename T>
using ReplyParser = std::function<std::optional<T>(const JsonReply &, QString *)>;

// A JSON call whose answer `parse` turns into T, with `ifMatch` (when set) as If-Match. Errors,
// an unreadable answer included, arrive as ApiError. The endpoint groups' APIs (pricing,
// catalog, listings, glossary) are built on it.
template <typename T>
void jsonCall(ApiClient *client, const QByteArray &method, const QString &path,
              const QJsonObject *body, const QByteArray &ifMatch, QObject *context,
              ApiClient::Callback<T> done, ReplyParser<T> parse)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!ifMatch.isEmpty())
        headers.append(qMakePair(QByteArray("If-Match"), ifMatch));
    client->requestJson(
        method, path, body, headers, context,
        [done = std::move(done), parse = std::move(parse)](const Result<JsonReply> &r) {
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
        });
}

} // namespace haitao::client
