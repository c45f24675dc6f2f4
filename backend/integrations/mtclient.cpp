#include "backend/integrations/mtclient.h"

#include "backend/integrations/httpfetch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace haitao::server {

MtClient::MtClient(QString url, QStringList allowHosts)
    : m_url(std::move(url))
    , m_allowHosts(std::move(allowHosts))
{}

MtResult MtClient::translate(const QStringList &texts, const QString &from, const QString &to) const
{
    MtResult result;
    const QJsonObject request{{QStringLiteral("text"), QJsonArray::fromStringList(texts)},
                              {QStringLiteral("from"), from},
                              {QStringLiteral("to"), to}};
    FetchOptions options;
    options.totalTimeoutMs = 20000;
    options.maxRedirects = 0; // a POST is not replayed elsewhere
    options.extraHeaders = {"Accept: application/json"};
    QString policyError;
    options.addressPolicy =
        AddressPolicy::fromAllowList(m_allowHosts, &policyError).value_or(AddressPolicy());
    const FetchResult fetched =
        httpPost(QUrl(m_url), QJsonDocument(request).toJson(), "application/json", options);
    result.retryAfterSeconds = fetched.retryAfterSeconds;
    if (!fetched.error.isEmpty()) {
        result.error = fetched.error;
        return result;
    }
    const QJsonObject answer = QJsonDocument::fromJson(fetched.body).object();
    if (fetched.status < 200 || fetched.status >= 300) {
        const QString said = answer.value(QStringLiteral("error")).toString();
        result.error = QStringLiteral("it answered HTTP %1%2")
                           .arg(fetched.status)
                           .arg(said.isEmpty() ? QString() : QStringLiteral(": ") + said);
        // Only "this text or language pair is not accepted" is the caller's to fix; a wrong
        // path or key (404, 401, 403) is our configuration: unavailable, not the user's error.
        result.refused = fetched.status == 400 || fetched.status == 413 || fetched.status == 422;
        return result;
    }
    const QJsonArray translations = answer.value(QStringLiteral("translations")).toArray();
    if (translations.size() != texts.size() ||
        !std::all_of(translations.begin(), translations.end(),
                     [](const QJsonValue &v) { return v.isString(); })) {
        result.error = QStringLiteral("its answer has no translation for each text");
        return result;
    }
    for (const QJsonValue &v : translations)
        result.translations << v.toString();
    result.engine = answer.value(QStringLiteral("engine")).toString();
    return result;
}

} // namespace haitao::server
