#include "backend/integrations/httpfetch.h"

#include "backend/integrations/curlhandle.h"

#include <QCoreApplication>
#include <QDateTime>

#include <curl/curl.h>

#ifdef Q_OS_WIN
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <netinet/in.h>
#include <sys/socket.h>
#endif

#include <algorithm>
#include <limits>
#include <memory>
#include <mutex>

namespace haitao::server {

namespace {

struct Transfer
{
    FetchResult *result = nullptr;
    qint64 maxBytes = 0;
    bool tooLarge = false;
    CURL *curl = nullptr;
    const AddressPolicy *policy = nullptr;
    QString refusal; // the first connection the policy refused
};

// curl calls this for every connection it opens, after DNS and before the socket exists:
// the one place that sees the address really used, on every hop and for every address tried.
curl_socket_t onOpenSocket(void *user, curlsocktype purpose, curl_sockaddr *address)
{
    auto *t = static_cast<Transfer *>(user);
    if (t->policy && purpose == CURLSOCKTYPE_IPCXN) {
        const QHostAddress ip(&address->addr);
        int port = 0;
        if (address->family == AF_INET)
            port = ntohs(reinterpret_cast<const sockaddr_in *>(&address->addr)->sin_port);
        else if (address->family == AF_INET6)
            port = ntohs(reinterpret_cast<const sockaddr_in6 *>(&address->addr)->sin6_port);
        // The effective URL is already the hop's own once curl follows a redirect.
        const char *url = nullptr;
        curl_easy_getinfo(t->curl, CURLINFO_EFFECTIVE_URL, &url);
        const QString host = url ? QUrl::fromEncoded(QByteArray(url)).host() : QString();
        const QString why = t->policy->check(host, ip, port);
        if (!why.isEmpty()) {
            if (t->refusal.isEmpty())
                t->refusal = why;
            return CURL_SOCKET_BAD; // curl tries the next address, if any, or fails
        }
    }
#ifdef SOCK_CLOEXEC
    return socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
#else
    return socket(address->family, address->socktype, address->protocol);
#endif
}

size_t onBody(char *data, size_t size, size_t count, void *user)
{
    auto *t = static_cast<Transfer *>(user);
    const size_t n = size * count;
    if (qint64(n) > t->maxBytes - t->result->body.size()) {
        t->tooLarge = true;
        return 0; // aborts the transfer with CURLE_WRITE_ERROR
    }
    t->result->body.append(data, qsizetype(n));
    return n;
}

// Called once per header line, for every response along the redirect chain: a status line
// starts a new response, so only the last one's headers remain.
size_t onHeader(char *data, size_t size, size_t count, void *user)
{
    auto *t = static_cast<Transfer *>(user);
    const size_t n = size * count;
    const QByteArray line = QByteArray(data, qsizetype(n)).trimmed();
    if (line.startsWith("HTTP/")) {
        t->result->headers.clear();
        return n;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon > 0)
        t->result->headers.append(
            {line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    return n;
}

QString describe(CURLcode code, const char *detail)
{
    const QString text = QString::fromUtf8(detail).trimmed();
    return text.isEmpty() ? QString::fromUtf8(curl_easy_strerror(code)) : text;
}

} // namespace

QString FetchOptions::defaultUserAgent()
{
    QString version = QCoreApplication::applicationVersion();
    if (version.isEmpty())
        version = QStringLiteral("dev");
    return QStringLiteral("haitao-server/%1 (+https://haitao.invalid/bot)").arg(version);
}

QByteArray FetchResult::header(const QByteArray &lowerCaseName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerCaseName)
            return value;
    }
    return {};
}

namespace {

// GET, or POST when `postBody` is set (sent as is; the caller names its type in extraHeaders).
FetchResult perform(const QUrl &url, const FetchOptions &options, const QByteArray *postBody)
{
    FetchResult result;
    result.effectiveUrl = url;
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"http" && scheme != u"https") || url.host().isEmpty()) {
        result.error = QStringLiteral("only http and https URLs can be fetched, not \"%1\"")
                           .arg(url.toDisplayString());
        return result;
    }
    // Names under the special-use TLDs never resolve (RFC 2606, RFC 6761): refused without a
    // DNS query, so demo data such as https://img.example/... never reaches the network.
    const QString host = url.host().toLower();
    for (const QLatin1String tld :
         {QLatin1String("example"), QLatin1String("invalid"), QLatin1String("test")}) {
        if (host == tld || (host.endsWith(tld) && host.at(host.size() - tld.size() - 1) == u'.')) {
            result.addressRefused = true;
            result.error =
                QStringLiteral("refused: %1 is a reserved name that never resolves").arg(host);
            return result;
        }
    }
    curl::initOnce();
    const curl::Easy curl(curl_easy_init());
    if (!curl) {
        result.error = QStringLiteral("cannot start an HTTP transfer (curl_easy_init)");
        return result;
    }
    Transfer transfer{&result,
                      std::max<qint64>(0, options.maxBytes),
                      false,
                      curl.get(),
                      options.addressPolicy ? &*options.addressPolicy : nullptr,
                      {}};
    char detail[CURL_ERROR_SIZE] = {};
    const QByteArray target = url.toEncoded();
    const QByteArray agent = options.userAgent.toUtf8();
    curl::Slist headers;
    for (const QByteArray &line : options.extraHeaders) {
        curl_slist *appended = curl_slist_append(headers.get(), line.constData());
        if (!appended) {
            result.error = QStringLiteral("out of memory building request headers");
            return result;
        }
        (void)headers.release(); // curl_slist_append returned the same list, now longer
        headers.reset(appended);
    }

    CURL *c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, target.constData());
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, detail);
    // Timeouts otherwise use signals (SIGALRM), which are process-wide: unsafe with threads.
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
#if LIBCURL_VERSION_NUM >= 0x075500 // 7.85: the string forms replace the deprecated bitmasks
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
    curl_easy_setopt(c, CURLOPT_PROTOCOLS, long(CURLPROTO_HTTP | CURLPROTO_HTTPS));
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS, long(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, long(std::max(0, options.maxRedirects)));
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, long(std::max(1, options.connectTimeoutMs)));
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, long(std::max(1, options.totalTimeoutMs)));
    curl_easy_setopt(c, CURLOPT_USERAGENT, agent.constData());
    // gzip and friends are decoded by curl; maxBytes then limits the decoded size, which is
    // what a compression bomb would inflate.
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
    // A declared Content-Length past the limit fails before the body is read at all.
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(transfer.maxBytes));
    if (headers)
        curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
    if (postBody) {
        // The body is not copied: it outlives the transfer. A redirect does not resend it.
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, postBody->constData());
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(postBody->size()));
    }
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &onBody);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, &onHeader);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &transfer);
    if (transfer.policy) {
        curl_easy_setopt(c, CURLOPT_OPENSOCKETFUNCTION, &onOpenSocket);
        curl_easy_setopt(c, CURLOPT_OPENSOCKETDATA, &transfer);
        curl_easy_setopt(c, CURLOPT_PROXY, ""); // "" turns proxies off, environment included
    }

    const CURLcode code = curl_easy_perform(c);

    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    result.status = int(status);
    const char *effective = nullptr;
    if (curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK && effective)
        result.effectiveUrl = QUrl::fromEncoded(QByteArray(effective));
    const QByteArray retryAfter = result.header("retry-after");
    if (!retryAfter.isEmpty())
        result.retryAfterSeconds =
            detail::parseRetryAfter(retryAfter, QDateTime::currentSecsSinceEpoch());

    if (code != CURLE_OK && !transfer.refusal.isEmpty()) {
        result.error = transfer.refusal;
        result.addressRefused = true;
        return result;
    }
    switch (code) {
    case CURLE_OK:
        break;
    case CURLE_WRITE_ERROR:
    case CURLE_FILESIZE_EXCEEDED:
        if (transfer.tooLarge || code == CURLE_FILESIZE_EXCEEDED) {
            result.error = QStringLiteral("response larger than %1 bytes").arg(transfer.maxBytes);
            result.truncated = true;
        } else {
            result.error = describe(code, detail);
        }
        break;
    case CURLE_TOO_MANY_REDIRECTS:
        result.error = QStringLiteral("more than %1 redirects").arg(options.maxRedirects);
        break;
    case CURLE_UNSUPPORTED_PROTOCOL:
        result.error = QStringLiteral("refused a redirect or URL that is not http or https (%1)")
                           .arg(describe(code, detail));
        break;
    case CURLE_PARTIAL_FILE:
        result.error = QStringLiteral("the connection closed before the whole body arrived "
                                      "(%1 bytes)")
                           .arg(result.body.size());
        result.truncated = true;
        break;
    case CURLE_OPERATION_TIMEDOUT:
        result.error = QStringLiteral("timed out: %1").arg(describe(code, detail));
        result.truncated = result.status != 0;
        break;
    default:
        result.error = describe(code, detail);
        // A failure after the status line leaves an incomplete body behind.
        result.truncated = result.status != 0 && code == CURLE_RECV_ERROR;
        break;
    }
    return result;
}

} // namespace

FetchResult httpGet(const QUrl &url, const FetchOptions &options)
{
    return perform(url, options, nullptr);
}

FetchResult httpPost(const QUrl &url, const QByteArray &body, const QByteArray &contentType,
                     FetchOptions options)
{
    options.extraHeaders.append("Content-Type: " + contentType);
    return perform(url, options, &body);
}

namespace detail {

int parseRetryAfter(const QByteArray &value, qint64 nowSecs)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return -1;
    if (std::all_of(v.begin(), v.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
        bool ok = false;
        const qint64 seconds = v.toLongLong(&ok);
        if (!ok) // more digits than qint64: a very long time
            return std::numeric_limits<int>::max();
        return int(std::min<qint64>(seconds, std::numeric_limits<int>::max()));
    }
    // An HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT"); curl_getdate also takes the obsolete
    // RFC 850 and asctime forms that RFC 9110 says a recipient must accept.
    const time_t at = curl_getdate(v.constData(), nullptr);
    if (at == time_t(-1))
        return -1;
    return int(std::clamp<qint64>(qint64(at) - nowSecs, 0, std::numeric_limits<int>::max()));
}

} // namespace detail

} // namespace haitao::server
