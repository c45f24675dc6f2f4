#pragma once

#include "sim/faultmix.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace haitao::sim {

struct GatewayReply
{
    int status = 200;
    QJsonObject body;
};

// "simpay", an Alipay-style gateway behind /pay: the merchant creates a payment (deduplicated
// by its outTradeNo), the customer pays on the checkout page, and the gateway tells the
// merchant by a signed POST to its notifyUrl (X-Signature: sha256=<hex HMAC-SHA-256 of the
// exact body with the shared secret>), sent from a background thread and retried on any
// non-2xx answer; the fault mix's "pay" keys send it twice or late. Refunds are synchronous.
// Thread-safe; HTTP is in paymentroutes.cpp.
class PaymentGateway
{
public:
    static constexpr const char *kDefaultSecret = "sim-pay-demo-secret";
    static constexpr int kRetries = 5; // after the first delivery, 200 ms, 400 ms, ... apart

    PaymentGateway(std::function<qint64()> clock, FaultMix &faults);
    ~PaymentGateway();

    void setSecret(const QByteArray &secret);
    // "sha256=<lowercase hex>" of HMAC-SHA-256(secret, body).
    static QByteArray signature(const QByteArray &secret, const QByteArray &body);

    GatewayReply create(const QJsonObject &body, const QString &origin);
    std::optional<QByteArray> checkoutPage(const QString &paymentId) const; // HTML
    GatewayReply pay(const QString &paymentId);
    GatewayReply refund(const QJsonObject &body);
    QJsonArray payments() const; // GET /__sim/payments

    // Ends the notification thread; what was not delivered yet is dropped.
    void stop();

private:
    struct Delivery
    {
        QString notifyId;
        qint64 atMs = 0;
        int httpStatus = 0; // 0: no answer
    };
    struct Refund
    {
        QString refundId;
        QString refundNo;
        QString paymentId;
        qint64 amountMinor = 0;
        QString reason;
        qint64 atMs = 0;
    };
    struct Payment
    {
        QString paymentId;
        QString outTradeNo;
        qint64 amountMinor = 0;
        QString currency;
        QString subject;
        QString notifyUrl;
        QString payUrl;
        QString status; // created, paid, refunded (in full)
        qint64 createdAtMs = 0;
        qint64 paidAtMs = 0;
        qint64 refundedMinor = 0;
        QList<Delivery> deliveries;
    };
    struct Job
    {
        std::chrono::steady_clock::time_point due;
        QString paymentId;
        QString notifyId;
        QString url;
        QByteArray body;
        int attempt = 0; // deliveries made so far
    };

    Payment *find(const QString &paymentId); // locked by the caller
    QJsonObject refundJson(const Refund &r) const;
    void enqueue(Job job);                                       // locked by the caller
    void run();                                                  // the notification thread
    int deliver(const Job &job, const QByteArray &secret) const; // HTTP status, 0 if none

    std::function<qint64()> m_clock;
    FaultMix &m_faults;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    QByteArray m_secret = kDefaultSecret;
    QList<Payment> m_payments; // in creation order
    QHash<QString, qsizetype> m_byTradeNo;
    QList<Refund> m_refunds;
    int m_nextNotify = 1;
    QList<Job> m_jobs;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace haitao::sim
