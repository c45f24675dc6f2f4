#include "backend/integrations/merchantclient.h"

#include "backend/integrations/httpfetch.h"

#include <QJsonDocument>
#include <QUrl>

namespace haitao::server {

namespace {

constexpr qsizetype kRawKept = 2000; // of an answer, in the step record
constexpr qint64 kMaxAnswer = 1024 * 1024;

QString segment(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

} // namespace

MerchantClient::MerchantClient(QString baseUrl, qint64 fencingToken, Timeouts timeouts)
    : m_base(std::move(baseUrl))
    , m_fence(fencingToken)
    , m_timeouts(timeouts)
{}

MerchantAnswer MerchantClient::classify(int status, const QByteArray &body,
                                        const QString &transportError, int retryAfterSeconds)
{
    MerchantAnswer a;
    a.httpStatus = status;
    a.raw = body.left(kRawKept);
    a.retryAfterSeconds = retryAfterSeconds;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject())
        a.body = doc.object();
    if (!transportError.isEmpty() && (status == 0 || status / 100 == 2)) {
        // Nothing (or half an answer) came back after the request went out: whether the shop
        // acted on it is unknown. A refused connection would be safe to call definite, but
        // curl's message is the only clue, and treating it as ambiguous costs one lookup.
        a.outcome = MerchantOutcome::Ambiguous;
        a.error = transportError;
        return a;
    }
    if (status == 429 || status == 503) {
        a.outcome = MerchantOutcome::RateLimited;
        a.error = a.body.value(QStringLiteral("error")).toString(QStringLiteral("busy"));
        return a;
    }
    if (status >= 500 || status < 200 || (status >= 300 && status < 400)) {
        a.outcome = MerchantOutcome::Ambiguous;
        a.error = QStringLiteral("shop error %1").arg(status);
        return a;
    }
    if (status >= 400) {
        a.outcome = MerchantOutcome::Failed;
        a.error = a.body.value(QStringLiteral("error")).toString();
        if (a.error.isEmpty())
            a.error = QStringLiteral("http_%1").arg(status);
        return a;
    }
    if (!doc.isObject()) {
        a.outcome = MerchantOutcome::Ambiguous;
        a.error = QStringLiteral("the shop's answer is not JSON");
        return a;
    }
    a.outcome = MerchantOutcome::Ok;
    return a;
}

QList<QByteArray> MerchantClient::headers() const
{
    QList<QByteArray> h{"Accept: application/json",
                        "X-Fencing-Token: " + QByteArray::number(m_fence)};
    if (!m_session.isEmpty())
        h.append("Authorization: Bearer " + m_session.toUtf8());
    return h;
}

FetchOptions MerchantClient::fetchOptions() const
{
    FetchOptions options;
    options.connectTimeoutMs = m_timeouts.connectMs;
    options.totalTimeoutMs = m_timeouts.totalMs;
    options.maxRedirects = 0;
    options.maxBytes = kMaxAnswer;
    options.extraHeaders = headers();
    return options;
}

MerchantAnswer MerchantClient::get(const QString &path)
{
    const FetchResult r = httpGet(QUrl(m_base + path), fetchOptions());
    return classify(r.status, r.body, r.error, r.retryAfterSeconds);
}

MerchantAnswer MerchantClient::post(const QString &path, const QJsonObject &body)
{
    const FetchResult r =
        httpPost(QUrl(m_base + path), QJsonDocument(body).toJson(QJsonDocument::Compact),
                 "application/json", fetchOptions());
    return classify(r.status, r.body, r.error, r.retryAfterSeconds);
}

MerchantAnswer MerchantClient::login(const QString &account, const QString &password)
{
    MerchantAnswer a = post(QStringLiteral("/login"), {{QStringLiteral("account"), account},
                                                       {QStringLiteral("password"), password}});
    if (a.ok()) {
        m_session = a.body.value(QStringLiteral("token")).toString();
        if (m_session.isEmpty()) {
            a.outcome = MerchantOutcome::Ambiguous;
            a.error = QStringLiteral("the shop's sign-in answer has no token");
        }
    }
    return a;
}

MerchantAnswer MerchantClient::sku(const QString &sku)
{
    return get(QStringLiteral("/skus/") + segment(sku));
}

MerchantAnswer MerchantClient::create(const QString &clientReference, const QJsonArray &lines,
                                      const QJsonObject &shipTo)
{
    return post(QStringLiteral("/orders"), {{QStringLiteral("clientReference"), clientReference},
                                            {QStringLiteral("lines"), lines},
                                            {QStringLiteral("shipTo"), shipTo}});
}

MerchantAnswer MerchantClient::confirm(const QString &merchantOrderId)
{
    return post(QStringLiteral("/orders/") + segment(merchantOrderId) + QStringLiteral("/confirm"),
                {});
}

MerchantAnswer MerchantClient::lookup(const QString &clientReference)
{
    MerchantAnswer a = get(QStringLiteral("/orders?clientReference=") + segment(clientReference));
    if (a.ok() && !a.body.value(QStringLiteral("items")).isArray()) {
        a.outcome = MerchantOutcome::Ambiguous;
        a.error = QStringLiteral("the shop's lookup answer has no items");
    }
    return a;
}

} // namespace haitao::server
