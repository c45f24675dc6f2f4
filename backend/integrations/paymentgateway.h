#pragma once

#include "core/money.h"

#include <QJsonObject>
#include <QString>

namespace haitao::server {

// What a gateway call gave. `ok`: done (created, or the same one again); `refused`: the
// gateway said no to this request itself (a 4xx other than 408 and 429); otherwise it did not
// answer usefully and a later retry may. Only a business refusal (422 with an `error` code,
// e.g. exceeds_payment) is final for a refund: another 4xx may pass later (a payment the
// gateway does not show as paid yet, a gateway misconfigured for a while).
struct GatewayResult
{
    bool ok = false;
    bool refused = false;
    int httpStatus = 0;
    QString code;  // the gateway's `error` field, if it sent one
    QString error; // why not, for logs and staff
    QJsonObject answer;

    bool businessRefusal() const { return refused && httpStatus == 422 && !code.isEmpty(); }
};

// The payment gateway's API (Alipay/UnionPay style; haitao-sim's /pay speaks it): create a
// payment for an out-trade number, refund part or all of one. Both are idempotent at the
// gateway (the same outTradeNo or refundNo answers the existing one), so a call whose answer
// was lost is simply made again. Blocking, through httpfetch: call from a request handler or
// a job, never while holding a lock or a transaction.
class PaymentGateway
{
public:
    explicit PaymentGateway(QString baseUrl);

    bool configured() const { return !m_baseUrl.isEmpty(); }

    // POST {base}/payments -> {"paymentId","payUrl","status"}.
    GatewayResult createPayment(const QString &outTradeNo, const Money &amount,
                                const QString &subject, const QString &notifyUrl) const;
    // POST {base}/refunds -> {"refundId","status"}.
    GatewayResult refund(const QString &paymentId, const QString &refundNo, const Money &amount,
                         const QString &reason) const;

private:
    GatewayResult post(const QString &path, const QJsonObject &body) const;

    QString m_baseUrl;
};

} // namespace haitao::server
