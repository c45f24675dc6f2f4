#include "backend/integrations/paymentgateway.h"

#include "backend/integrations/httpfetch.h"

#include <QJsonDocument>

namespace haitao::server {

PaymentGateway::PaymentGateway(QString baseUrl)
    : m_baseUrl(std::move(baseUrl))
{
    while (m_baseUrl.endsWith(u'/'))
        m_baseUrl.chop(1);
}

GatewayResult PaymentGateway::createPayment(const QString &outTradeNo, const Money &amount,
                                            const QString &subject, const QString &notifyUrl) const
{
    return post(QStringLiteral("/payments"), {{QStringLiteral("outTradeNo"), outTradeNo},
                                              {QStringLiteral("amount"), amount.toJson()},
                                              {QStringLiteral("subject"), subject},
                                              {QStringLiteral("notifyUrl"), notifyUrl}});
}

GatewayResult PaymentGateway::refund(const QString &paymentId, const QString &refundNo,
                                     const Money &amount, const QString &reason) const
{
    return post(QStringLiteral("/refunds"), {{QStringLiteral("paymentId"), paymentId},
                                             {QStringLiteral("refundNo"), refundNo},
                                             {QStringLiteral("amount"), amount.toJson()},
                                             {QStringLiteral("reason"), reason}});
}

GatewayResult PaymentGateway::post(const QString &path, const QJsonObject &body) const
{
    GatewayResult result;
    if (!configured()) {
        result.error = QStringLiteral("no payment gateway is configured");
        return result;
    }
    FetchOptions options;
    options.totalTimeoutMs = 10000;
    options.maxRedirects = 0; // a POST is not replayed elsewhere
    options.extraHeaders = {"Accept: application/json"};
    const FetchResult fetched =
        httpPost(QUrl(m_baseUrl + path), QJsonDocument(body).toJson(QJsonDocument::Compact),
                 "application/json", options);
    result.httpStatus = fetched.status;
    if (!fetched.error.isEmpty()) {
        result.error = fetched.error;
        return result;
    }
    result.answer = QJsonDocument::fromJson(fetched.body).object();
    if (fetched.status >= 200 && fetched.status < 300) {
        result.ok = true;
        return result;
    }
    const QString said = result.answer.value(QStringLiteral("error")).toString();
    result.code = said.left(128);
    result.error = QStringLiteral("the gateway answered HTTP %1%2")
                       .arg(fetched.status)
                       .arg(said.isEmpty() ? QString() : QStringLiteral(": ") + said);
    // 429 and 5xx may pass; any other 4xx is about this request and stays so.
    result.refused = fetched.status >= 400 && fetched.status < 500 && fetched.status != 429 &&
                     fetched.status != 408;
    return result;
}

} // namespace haitao::server
