#pragma once

#include "backend/integrations/addressguard.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <optional>

namespace haitao::server {

// The server's one outbound HTTP client (libcurl): the ECB rate file now, catalog URL import
// later. Blocking, so call it from a worker thread, never from a request handler that holds
// a lock. Each call uses its own curl handle: calls from several threads are safe.
struct FetchOptions
{
    int connectTimeoutMs = 5000;
    int totalTimeoutMs = 15000;        // the whole transfer, redirects included
    int maxRedirects = 3;              // one more is an error; 0 refuses any redirect
    qint64 maxBytes = 5 * 1024 * 1024; // of the decoded body; checked while receiving
    QString userAgent = defaultUserAgent();
    QList<QByteArray> extraHeaders; // whole lines: "Accept: application/xml"
    // For URLs from users (the catalog's URL import): every connection, the first and each
    // redirect's, is checked against the policy when its socket is about to be opened, with
    // the address DNS actually gave, so a rebinding name cannot slip a private address past
    // an earlier check. Proxies are then off (a proxy would hide the real target). Unset:
    // any address, as for the configured ECB URL.
    std::optional<AddressPolicy> addressPolicy;

    // "haitao-server/<application version> (+https://haitao.invalid/bot)".
    static QString defaultUserAgent();
};

struct FetchResult
{
    int status = 0;                               // of the last response; 0 when none arrived
    QByteArray body;                              // what arrived (part of it when truncated)
    QList<QPair<QByteArray, QByteArray>> headers; // of the last response; names lower-case
    QString error;               // empty when the transfer completed, whatever the status
    QUrl effectiveUrl;           // after redirects
    bool truncated = false;      // a response started but its body is incomplete
    int retryAfterSeconds = -1;  // from Retry-After (seconds or HTTP date); -1 if absent
    bool addressRefused = false; // FetchOptions::addressPolicy refused it; `error` says why

    // The first value of a header, by lower-case name; empty if absent.
    QByteArray header(const QByteArray &lowerCaseName) const;
};

// GET url. Only http and https, for the first request and for every redirect. A transport
// failure, a size or redirect limit, or a timeout sets `error`; an HTTP error status does not.
FetchResult httpGet(const QUrl &url, const FetchOptions &options = FetchOptions());
// POST `body` with the given Content-Type (e.g. "application/json"), under the same rules
// as httpGet (the machine translation adapter).
FetchResult httpPost(const QUrl &url, const QByteArray &body, const QByteArray &contentType,
                     FetchOptions options = FetchOptions());

namespace detail {
// Retry-After as seconds from `nowSecs` (Unix time): "120", or an HTTP date (clamped at 0).
// -1 if the value is neither.
int parseRetryAfter(const QByteArray &value, qint64 nowSecs);
} // namespace detail

} // namespace haitao::server
