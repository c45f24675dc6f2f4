// OrderService: payments at the gateway, its signed notifications, refunds.
#include "backend/http/apierror.h"
#include "backend/orders/orderservice.h"
#include "backend/orders/orderstatus.h"
#include "backend/orders/paymentsignature.h"
#include "backend/storage/auditlog.h"

#include <QJsonDocument>

namespace haitao::server::orders {

namespace {

ApiError gatewayDown(const QString &why)
{
    ApiError e(ProblemKind::Unavailable,
               QStringLiteral("The payment gateway cannot be reached just now (%1); try again "
                              "in a moment")
                   .arg(why));
    e.retryAfterSeconds = 5;
    return e;
}

// The gateway said no to this payment itself: asking again will not help, so not a 503.
ApiError gatewayRefused(const GatewayResult &result)
{
    const QString detail = result.answer.value(QStringLiteral("detail")).toString().left(300);
    return ApiError(
        ProblemKind::Validation,
        QStringLiteral("The payment gateway refused the payment (%1%2)")
            .arg(result.error, detail.isEmpty() ? QString() : QStringLiteral(": ") + detail));
}

} // namespace

PaymentStart OrderService::createPayment(const Principal &user, qint64 orderId)
{
    if (!gatewayConfigured())
        throw ApiError(ProblemKind::Unavailable,
                       QStringLiteral("Online payment is not configured on this server"));
    Payment payment;
    m_db.write([&](QSqlDatabase &db) {
        const auto o = orderstore::order(db, orderId);
        if (!o || o->userId != user.userId)
            throw ApiError(ProblemKind::NotFound,
                           QStringLiteral("There is no order %1").arg(orderId));
        // A paid order with weight adjustments due: a payment for their sum.
        const bool settled = o->status == statusName(OrderStatus::Paid) ||
                             o->status == statusName(OrderStatus::Completed);
        const qint64 due = settled ? adjustments::dueMinor(db, orderId) : 0;
        if (settled && (due > 0 || orderstore::openPayment(db, orderId))) {
            if (const auto open = orderstore::openPayment(db, orderId)) {
                payment = *open;
                return;
            }
            payment.orderId = orderId;
            payment.provider = m_config.paymentProvider;
            payment.amount = Money(due, o->total.currency());
            payment.createdAtMs = now();
            orderstore::insertPayment(db, payment);
            adjustments::attachPayment(db, orderId, payment.id, now());
            return;
        }
        if (o->status != statusName(OrderStatus::PendingPayment) || o->expiresAtMs <= now())
            throw ApiError(ProblemKind::Conflict,
                           QStringLiteral("Only an order waiting for payment can be paid; this one "
                                          "is %1")
                               .arg(o->expiresAtMs <= now() &&
                                            o->status == statusName(OrderStatus::PendingPayment)
                                        ? statusName(OrderStatus::Expired)
                                        : o->status));
        // One open payment per order: asking again answers the same one.
        if (const auto open = orderstore::openPayment(db, orderId)) {
            payment = *open;
            return;
        }
        payment.orderId = orderId;
        payment.provider = m_config.paymentProvider;
        payment.amount = o->total;
        payment.createdAtMs = now();
        orderstore::insertPayment(db, payment);
    });
    if (!payment.payUrl.isEmpty())
        return {payment.gatewayPaymentId, payment.payUrl, payment.outTradeNo};

    QString base;
    {
        std::lock_guard lock(m_mutex);
        base = m_config.publicUrl.isEmpty() ? m_publicUrl : m_config.publicUrl;
    }
    while (base.endsWith(u'/'))
        base.chop(1);
    const QString notifyUrl =
        base + QStringLiteral("/api/v1/payments/notify/") + m_config.paymentProvider;
    // Outside any transaction: the gateway dedupes on the out-trade number, so a lost answer
    // is repaired by asking again.
    const GatewayResult created =
        m_gateway.createPayment(payment.outTradeNo, payment.amount,
                                QStringLiteral("Haitao order %1").arg(orderId), notifyUrl);
    const QString paymentId = created.answer.value(QStringLiteral("paymentId")).toString();
    const QString payUrl = created.answer.value(QStringLiteral("payUrl")).toString();
    if (!created.ok && created.refused)
        throw gatewayRefused(created);
    if (!created.ok || paymentId.isEmpty() || payUrl.isEmpty())
        throw gatewayDown(created.ok ? QStringLiteral("its answer had no payment") : created.error);
    m_db.write([&](QSqlDatabase &db) {
        orderstore::setPaymentGateway(db, payment.id, paymentId, payUrl);
    });
    return {paymentId, payUrl, payment.outTradeNo};
}

void OrderService::refuseNotification(const orderstore::Notification &n, const Actor &actor,
                                      ProblemKind kind, const QString &detail)
{
    orderstore::Notification refused = n;
    refused.outcome = QStringLiteral("refused");
    refused.reason = detail;
    m_db.write([&](QSqlDatabase &db) {
        orderstore::recordNotification(db, refused);
        auditlog::record(
            db, actor, refused.receivedAtMs, QStringLiteral("payment.notification_refused"),
            QStringLiteral("payment"), refused.outTradeNo,
            {{QStringLiteral("reason"), detail}, {QStringLiteral("provider"), refused.provider}});
    });
    throw ApiError(kind, detail);
}

QString OrderService::notify(const QString &provider, const QByteArray &rawBody,
                             const QByteArray &signature, const QString &address)
{
    // Before anything else: the route takes raw bodies, and a notification is a few hundred
    // bytes. Not recorded: nothing of it is read.
    if (rawBody.size() > kMaxNotificationBytes)
        throw ApiError(ProblemKind::PayloadTooLarge,
                       QStringLiteral("A payment notification is at most %1 KiB")
                           .arg(kMaxNotificationBytes / 1024));
    if (provider != m_config.paymentProvider)
        throw ApiError(ProblemKind::NotFound,
                       QStringLiteral("There is no payment provider %1").arg(provider));
    orderstore::Notification n;
    n.provider = provider;
    n.receivedAtMs = now();
    n.address = address;
    n.body = QString::fromUtf8(rawBody.left(8192));
    const Actor gateway{0, QStringLiteral("gateway:") + provider, address};

    // The signature first, over the bytes as received: a forgery is not even parsed (it is
    // recorded with its body's start and no out-trade number, which it cannot be trusted for).
    if (!verifyPaymentSignature(m_config.paymentSecret.toUtf8(), rawBody, signature))
        refuseNotification(n, gateway, ProblemKind::Unauthenticated,
                           QStringLiteral("The notification's signature does not match"));
    const QJsonObject body = QJsonDocument::fromJson(rawBody).object();
    n.outTradeNo = body.value(QStringLiteral("outTradeNo")).toString().left(128);

    const QString status = body.value(QStringLiteral("status")).toString();
    if (n.outTradeNo.isEmpty() ||
        (status != QLatin1String("paid") && status != QLatin1String("refunded")))
        refuseNotification(n, gateway, ProblemKind::Validation,
                           QStringLiteral("The notification has no outTradeNo or no known status"));
    const auto payment = orderstore::paymentByTrade(m_db.writer(), n.outTradeNo);
    if (!payment)
        refuseNotification(n, gateway, ProblemKind::NotFound,
                           QStringLiteral("There is no payment %1").arg(n.outTradeNo));
    if (status == QLatin1String("refunded")) {
        // Our own refunds, confirmed: they were recorded when the gateway answered.
        n.outcome = QStringLiteral("accepted");
        n.reason = QStringLiteral("refund confirmed");
        m_db.write([&](QSqlDatabase &db) { orderstore::recordNotification(db, n); });
        return QStringLiteral("accepted");
    }
    const auto amount = Money::fromJson(body.value(QStringLiteral("amount")).toObject());
    if (!amount)
        refuseNotification(n, gateway, ProblemKind::Validation,
                           QStringLiteral("The notification has no valid amount"));
    if (amount->currency() != payment->amount.currency())
        refuseNotification(n, gateway, ProblemKind::Validation,
                           QStringLiteral("The notification is in %1, the payment in %2")
                               .arg(amount->currency().code(), payment->amount.currency().code()));
    if (amount->minor() != payment->amount.minor())
        refuseNotification(n, gateway, ProblemKind::Validation,
                           QStringLiteral("The notification says %1 minor units, the payment is "
                                          "for %2")
                               .arg(amount->minor())
                               .arg(payment->amount.minor()));
    return acceptPaid(n, *payment, body.value(QStringLiteral("paymentId")).toString());
}

QString OrderService::acceptPaid(const orderstore::Notification &notification,
                                 const Payment &payment, const QString &gatewayPaymentId)
{
    orderstore::Notification n = notification;
    const QString actor = QStringLiteral("gateway:") + n.provider;
    std::optional<qint64> refundId;
    m_db.write([&](QSqlDatabase &db) {
        const qint64 at = now();
        // Only the id, only if missing: the copy of the payment may predate the create call's
        // answer, whose pay URL must not be overwritten. A refund needs the id.
        if (!gatewayPaymentId.isEmpty())
            orderstore::setGatewayPaymentIdIfMissing(db, payment.id, gatewayPaymentId.left(128));
        if (!orderstore::markPaymentPaid(db, payment.id, at)) {
            // Paid before: a retry or a replay. Acknowledged, nothing changes.
            n.outcome = QStringLiteral("duplicate");
            n.reason = QStringLiteral("the payment was already paid");
            orderstore::recordNotification(db, n);
            return;
        }
        // A payment for weight adjustments due: they are paid, the order stays as it is.
        if (adjustments::settlePayment(db, payment.id, actor, at)) {
            n.outcome = QStringLiteral("accepted");
            n.reason = QStringLiteral("adjustments paid");
            orderstore::recordNotification(db, n);
            return;
        }
        const auto o = orderstore::order(db, payment.orderId);
        if (!o)
            throw StorageError(QStringLiteral("payment %1 has no order").arg(payment.id));
        const auto status = orderStatusFromName(o->status);
        const QString why = QStringLiteral("paid at the gateway (%1)").arg(payment.outTradeNo);
        if (status == OrderStatus::PendingPayment || status == OrderStatus::Expired) {
            // Money received is never lost: an expired order is paid all the same.
            changeOrder(db, {o->id, *status, OrderStatus::Paid, actor, why, at});
            orderstore::setPaidAt(db, o->id, at);
            for (const SubOrder &s : o->subOrders) {
                if (s.status == statusName(SubOrderStatus::PendingPayment))
                    changeSubOrder(db, {s.id, o->id, SubOrderStatus::PendingPayment,
                                        SubOrderStatus::AwaitingPlacement, actor, why, at});
            }
            n.reason = QStringLiteral("order paid");
        } else {
            // The order no longer takes money (cancelled meanwhile, or paid by another
            // payment): this one goes back to the customer.
            Refund r;
            r.orderId = o->id;
            r.paymentId = payment.id;
            r.refundNo =
                orderstore::referenceBase(db, o->id) + QStringLiteral("RP%1").arg(payment.id);
            r.amount = payment.amount;
            r.reason = QStringLiteral("paid while the order was %1").arg(o->status);
            r.actor = actor;
            r.createdAtMs = at;
            refundId = orderstore::insertRefund(db, r, at + kRefundRetryMs);
            n.reason = r.reason + QStringLiteral("; refunding");
        }
        n.outcome = QStringLiteral("accepted");
        orderstore::recordNotification(db, n);
    });
    if (refundId)
        sendRefund(*refundId);
    return n.outcome;
}

void OrderService::sendRefund(qint64 refundId)
{
    const auto r = orderstore::refund(m_db.writer(), refundId);
    if (!r || r->status != QLatin1String("pending"))
        return;
    const auto payment = orderstore::payment(m_db.writer(), r->paymentId);
    if (!payment)
        return;
    const auto later = [&] {
        m_db.write([&](QSqlDatabase &db) {
            orderstore::deferRefund(db, refundId, now() + kRefundRetryMs);
        });
    };
    // Without the gateway's payment id the gateway cannot know which payment; a later
    // notification brings it.
    if (payment->gatewayPaymentId.isEmpty()) {
        later();
        return;
    }
    const GatewayResult result =
        m_gateway.refund(payment->gatewayPaymentId, r->refundNo, r->amount, r->reason);
    if (!result.ok && !result.businessRefusal()) {
        // Unanswered, or refused for a reason that may pass: the job tries again later (the
        // gateway dedupes on the refund number).
        later();
        return;
    }
    m_db.write([&](QSqlDatabase &db) {
        const qint64 at = now();
        if (result.ok) {
            orderstore::setRefundResult(db, refundId, QStringLiteral("refunded"),
                                        result.answer.value(QStringLiteral("refundId")).toString(),
                                        at);
            adjustments::refundConfirmed(db, refundId, at);
            const qint64 refunded = orderstore::refundedMinor(db, payment->id);
            orderstore::setPaymentStatus(db, payment->id,
                                         refunded >= payment->amount.minor()
                                             ? QStringLiteral("refunded")
                                             : QStringLiteral("partially_refunded"));
        } else {
            // Refused by the gateway for good: staff must look at it (audited, shown on the
            // order).
            orderstore::setRefundResult(db, refundId, QStringLiteral("failed"), QString(), at);
            auditlog::record(db, Actor(), at, QStringLiteral("refund.failed"),
                             QStringLiteral("refund"), QString::number(refundId),
                             {{QStringLiteral("error"), result.error}});
        }
    });
}

int OrderService::retryRefunds()
{
    if (!gatewayConfigured())
        return 0;
    int tried = 0;
    // Only due ones, the longest due first: refunds backing off never hide later ones.
    for (const Refund &r : orderstore::dueRefunds(m_db.writer(), now(), 50)) {
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping)
                break;
        }
        sendRefund(r.id);
        ++tried;
    }
    return tried;
}

} // namespace haitao::server::orders
