#include "sim/paymentgateway.h"

#include "core/money.h"
#include "core/wiretime.h"

#include <QJsonDocument>
#include <QUrl>

#include <httplib.h>
#include <sodium.h>

#include <algorithm>

namespace haitao::sim {

namespace {

GatewayReply error(int status, const QString &code, const QString &detail = {})
{
    QJsonObject body{{QStringLiteral("error"), code}};
    if (!detail.isEmpty())
        body.insert(QStringLiteral("detail"), detail);
    return {status, body};
}

QJsonObject money(qint64 minor, const QString &currency)
{
    return {{QStringLiteral("minor"), minor}, {QStringLiteral("currency"), currency}};
}

bool isHttpUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https") &&
           !url.host().isEmpty();
}

} // namespace

PaymentGateway::PaymentGateway(std::function<qint64()> clock, FaultMix &faults)
    : m_clock(std::move(clock))
    , m_faults(faults)
{
    if (sodium_init() < 0)
        qFatal("haitao-sim: libsodium cannot be initialised");
}

PaymentGateway::~PaymentGateway()
{
    stop();
}

void PaymentGateway::setSecret(const QByteArray &secret)
{
    std::lock_guard lock(m_mutex);
    m_secret = secret;
}

QByteArray PaymentGateway::signature(const QByteArray &secret, const QByteArray &body)
{
    crypto_auth_hmacsha256_state state;
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char *>(secret.constData()),
                                size_t(secret.size()));
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char *>(body.constData()),
                                  quint64(body.size()));
    crypto_auth_hmacsha256_final(&state, mac);
    return "sha256=" + QByteArray(reinterpret_cast<const char *>(mac), sizeof mac).toHex();
}

PaymentGateway::Payment *PaymentGateway::find(const QString &paymentId)
{
    const auto it = std::find_if(m_payments.begin(), m_payments.end(),
                                 [&](const Payment &p) { return p.paymentId == paymentId; });
    return it == m_payments.end() ? nullptr : &*it;
}

GatewayReply PaymentGateway::create(const QJsonObject &body, const QString &origin)
{
    const QString outTradeNo = body.value(QStringLiteral("outTradeNo")).toString();
    const MoneyResult<Money> amount =
        Money::fromJson(body.value(QStringLiteral("amount")).toObject());
    const QString notifyUrl = body.value(QStringLiteral("notifyUrl")).toString();
    const QJsonValue subject = body.value(QStringLiteral("subject"));
    if (outTradeNo.isEmpty() || outTradeNo.size() > 64)
        return error(422, QStringLiteral("invalid_out_trade_no"),
                     QStringLiteral("outTradeNo is 1 to 64 characters"));
    if (!amount || amount->minor() <= 0)
        return error(422, QStringLiteral("invalid_amount"),
                     QStringLiteral("amount is {minor > 0, currency}"));
    if (!isHttpUrl(notifyUrl))
        return error(422, QStringLiteral("invalid_notify_url"),
                     QStringLiteral("notifyUrl is an absolute http(s) URL"));
    if (!subject.isUndefined() && (!subject.isString() || subject.toString().size() > 256))
        return error(422, QStringLiteral("invalid_subject"),
                     QStringLiteral("subject is text of up to 256 characters"));
    std::lock_guard lock(m_mutex);
    if (const auto it = m_byTradeNo.constFind(outTradeNo); it != m_byTradeNo.constEnd()) {
        const Payment &p = m_payments.at(*it); // gateways deduplicate on the trade number
        return {200,
                {{QStringLiteral("paymentId"), p.paymentId},
                 {QStringLiteral("payUrl"), p.payUrl},
                 {QStringLiteral("status"), p.status}}};
    }
    Payment p;
    p.paymentId = QStringLiteral("P%1").arg(m_payments.size() + 1, 6, 10, QLatin1Char('0'));
    p.outTradeNo = outTradeNo;
    p.amountMinor = amount->minor();
    p.currency = amount->currency().code();
    p.subject = subject.toString();
    p.notifyUrl = notifyUrl;
    p.payUrl = origin + QStringLiteral("/pay/checkout/") + p.paymentId;
    p.status = QStringLiteral("created");
    p.createdAtMs = m_clock();
    m_byTradeNo.insert(outTradeNo, m_payments.size());
    m_payments.append(p);
    return {201,
            {{QStringLiteral("paymentId"), p.paymentId},
             {QStringLiteral("payUrl"), p.payUrl},
             {QStringLiteral("status"), p.status}}};
}

std::optional<QByteArray> PaymentGateway::checkoutPage(const QString &paymentId) const
{
    std::lock_guard lock(m_mutex);
    const auto it = std::find_if(m_payments.begin(), m_payments.end(),
                                 [&](const Payment &p) { return p.paymentId == paymentId; });
    if (it == m_payments.end())
        return std::nullopt;
    const auto currency = Currency::fromCode(it->currency);
    const QString amount = currency ? Money(it->amountMinor, *currency).toString() : QString();
    const QString action = it->status == u"created"
                               ? QStringLiteral("<form method=\"post\"><button type=\"submit\">"
                                                "Pay %1 %2</button></form>")
                                     .arg(amount, it->currency)
                               : QStringLiteral("<p>Status: %1</p>").arg(it->status);
    return QStringLiteral(R"(<!doctype html>
<html><head><meta charset="utf-8"><title>SimPay checkout</title></head>
<body><h1>SimPay</h1><p>%1</p><p>Order %2: <strong>%3 %4</strong></p>
%5</body></html>
)")
        .arg(it->subject.toHtmlEscaped(), it->outTradeNo.toHtmlEscaped(), amount, it->currency,
             action)
        .toUtf8();
}

GatewayReply PaymentGateway::pay(const QString &paymentId)
{
    const NotifyFaults faults = m_faults.drawNotify();
    std::lock_guard lock(m_mutex);
    Payment *p = find(paymentId);
    if (!p)
        return error(404, QStringLiteral("unknown_payment"));
    if (p->status == u"paid") // paying again sends nothing
        return {200, {{QStringLiteral("status"), p->status}}};
    if (p->status != u"created")
        return error(409, QStringLiteral("not_payable"),
                     QStringLiteral("the payment is %1").arg(p->status));
    p->status = QStringLiteral("paid");
    p->paidAtMs = m_clock();
    const QString notifyId = QStringLiteral("N%1").arg(m_nextNotify++, 6, 10, QLatin1Char('0'));
    const QJsonObject notification{{QStringLiteral("provider"), QStringLiteral("simpay")},
                                   {QStringLiteral("notifyId"), notifyId},
                                   {QStringLiteral("paymentId"), p->paymentId},
                                   {QStringLiteral("outTradeNo"), p->outTradeNo},
                                   {QStringLiteral("amount"), money(p->amountMinor, p->currency)},
                                   {QStringLiteral("status"), QStringLiteral("paid")},
                                   {QStringLiteral("paidAt"), toWireTime(p->paidAtMs)}};
    Job job;
    job.due = std::chrono::steady_clock::now() + std::chrono::milliseconds(faults.delayMs);
    job.paymentId = p->paymentId;
    job.notifyId = notifyId;
    job.url = p->notifyUrl;
    job.body = QJsonDocument(notification).toJson(QJsonDocument::Compact);
    if (faults.twice) { // the same notification again, as gateways do when unsure
        Job again = job;
        again.due += std::chrono::milliseconds(50);
        enqueue(std::move(again));
    }
    enqueue(std::move(job));
    return {200, {{QStringLiteral("status"), p->status}}};
}

QJsonObject PaymentGateway::refundJson(const Refund &r) const
{
    const auto it = std::find_if(m_payments.begin(), m_payments.end(),
                                 [&](const Payment &p) { return p.paymentId == r.paymentId; });
    return {{QStringLiteral("refundId"), r.refundId},
            {QStringLiteral("refundNo"), r.refundNo},
            {QStringLiteral("paymentId"), r.paymentId},
            {QStringLiteral("amount"), money(r.amountMinor, it->currency)},
            {QStringLiteral("reason"), r.reason},
            {QStringLiteral("status"), QStringLiteral("refunded")},
            {QStringLiteral("refundedAt"), toWireTime(r.atMs)}};
}

GatewayReply PaymentGateway::refund(const QJsonObject &body)
{
    const QString paymentId = body.value(QStringLiteral("paymentId")).toString();
    const QString refundNo = body.value(QStringLiteral("refundNo")).toString();
    const MoneyResult<Money> amount =
        Money::fromJson(body.value(QStringLiteral("amount")).toObject());
    if (refundNo.isEmpty() || refundNo.size() > 64)
        return error(422, QStringLiteral("invalid_refund_no"),
                     QStringLiteral("refundNo is 1 to 64 characters"));
    std::lock_guard lock(m_mutex);
    for (const Refund &r : std::as_const(m_refunds)) {
        if (r.refundNo == refundNo) // the same refund asked again
            return {200, refundJson(r)};
    }
    Payment *p = find(paymentId);
    if (!p)
        return error(404, QStringLiteral("unknown_payment"));
    if (!amount || amount->minor() <= 0 || amount->currency().code() != p->currency)
        return error(422, QStringLiteral("invalid_amount"),
                     QStringLiteral("amount is {minor > 0, currency of the payment}"));
    if (p->status == u"created")
        return error(409, QStringLiteral("not_paid"));
    if (p->refundedMinor + amount->minor() > p->amountMinor)
        return error(
            422, QStringLiteral("exceeds_payment"),
            QStringLiteral("%1 of %2 already refunded").arg(p->refundedMinor).arg(p->amountMinor));
    Refund r;
    r.refundId = QStringLiteral("R%1").arg(m_refunds.size() + 1, 6, 10, QLatin1Char('0'));
    r.refundNo = refundNo;
    r.paymentId = paymentId;
    r.amountMinor = amount->minor();
    r.reason = body.value(QStringLiteral("reason")).toString();
    r.atMs = m_clock();
    p->refundedMinor += r.amountMinor;
    if (p->refundedMinor == p->amountMinor)
        p->status = QStringLiteral("refunded");
    m_refunds.append(r);
    return {201, refundJson(r)};
}

QJsonArray PaymentGateway::payments() const
{
    std::lock_guard lock(m_mutex);
    QJsonArray items;
    for (const Payment &p : m_payments) {
        QJsonArray deliveries;
        for (const Delivery &d : p.deliveries)
            deliveries.append(QJsonObject{{QStringLiteral("notifyId"), d.notifyId},
                                          {QStringLiteral("at"), toWireTime(d.atMs)},
                                          {QStringLiteral("httpStatus"), d.httpStatus}});
        QJsonArray refunds;
        for (const Refund &r : m_refunds) {
            if (r.paymentId == p.paymentId)
                refunds.append(refundJson(r));
        }
        items.append(QJsonObject{{QStringLiteral("paymentId"), p.paymentId},
                                 {QStringLiteral("outTradeNo"), p.outTradeNo},
                                 {QStringLiteral("amount"), money(p.amountMinor, p.currency)},
                                 {QStringLiteral("subject"), p.subject},
                                 {QStringLiteral("notifyUrl"), p.notifyUrl},
                                 {QStringLiteral("status"), p.status},
                                 {QStringLiteral("createdAt"), toWireTime(p.createdAtMs)},
                                 {QStringLiteral("paidAt"), p.paidAtMs > 0
                                                                ? QJsonValue(toWireTime(p.paidAtMs))
                                                                : QJsonValue(QJsonValue::Null)},
                                 {QStringLiteral("refunded"), money(p.refundedMinor, p.currency)},
                                 {QStringLiteral("refunds"), refunds},
                                 {QStringLiteral("notifications"), deliveries}});
    }
    return items;
}

void PaymentGateway::enqueue(Job job)
{
    m_jobs.append(std::move(job));
    if (!m_thread.joinable())
        m_thread = std::thread([this] { run(); });
    m_wake.notify_all();
}

void PaymentGateway::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_jobs.clear();
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    std::lock_guard lock(m_mutex);
    m_stopping = false; // a later payment starts the thread again
}

void PaymentGateway::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        if (m_jobs.isEmpty()) {
            m_wake.wait(lock);
            continue;
        }
        const auto next = std::min_element(
            m_jobs.begin(), m_jobs.end(), [](const Job &a, const Job &b) { return a.due < b.due; });
        if (next->due > std::chrono::steady_clock::now()) {
            m_wake.wait_until(lock, next->due);
            continue;
        }
        Job job = std::move(*next);
        m_jobs.erase(next);
        const QByteArray secret = m_secret;
        lock.unlock();
        const int status = deliver(job, secret);
        lock.lock();
        if (Payment *p = find(job.paymentId))
            p->deliveries.append({job.notifyId, m_clock(), status});
        if ((status < 200 || status > 299) && job.attempt < kRetries && !m_stopping) {
            job.due = std::chrono::steady_clock::now() +
                      std::chrono::milliseconds(200 << job.attempt); // 200, 400, 800, ...
            ++job.attempt;
            m_jobs.append(std::move(job));
        }
    }
}

int PaymentGateway::deliver(const Job &job, const QByteArray &secret) const
{
    const QUrl url(job.url);
    if (url.scheme() != u"http") // the sim speaks plain HTTP only
        return 0;
    httplib::Client client(url.host().toStdString(), url.port(80));
    client.set_connection_timeout(2);
    client.set_read_timeout(5);
    client.set_write_timeout(5);
    QByteArray target = url.path(QUrl::FullyEncoded).toUtf8();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    const httplib::Headers headers{{"X-Signature", signature(secret, job.body).toStdString()}};
    const auto res = client.Post(target.toStdString(), headers, job.body.constData(),
                                 size_t(job.body.size()), "application/json");
    return res ? res->status : 0;
}

} // namespace haitao::sim
