#include "backend/integrations/smsclient.h"

#include "backend/integrations/httpfetch.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace haitao::server {

SmsResult sendSms(const QString &url, const QString &to, const QString &text,
                  const QString &clientMessageId, int timeoutMs)
{
    const QJsonObject body{{QStringLiteral("to"), to},
                           {QStringLiteral("text"), text},
                           {QStringLiteral("clientMessageId"), clientMessageId}};
    FetchOptions options;
    options.totalTimeoutMs = timeoutMs;
    options.connectTimeoutMs = std::min(timeoutMs, 5000);
    options.maxRedirects = 0;
    options.maxBytes = 64 * 1024;
    options.extraHeaders = {"Accept: application/json"};
    const FetchResult r = httpPost(QUrl(url), QJsonDocument(body).toJson(QJsonDocument::Compact),
                                   "application/json", options);
    SmsResult result;
    result.status = r.status;
    if (!r.error.isEmpty()) {
        result.error = r.error;
        return result;
    }
    if (r.status >= 200 && r.status < 300) {
        result.sent = true;
        result.transient = false;
        return result;
    }
    result.error = QStringLiteral("the SMS gateway answered HTTP %1: %2")
                       .arg(r.status)
                       .arg(QString::fromUtf8(r.body.left(200)));
    result.transient = r.status == 429 || r.status == 408 || r.status >= 500;
    return result;
}

} // namespace haitao::server
