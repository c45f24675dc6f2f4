#pragma once

#include "core/money.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace haitao::server::orders {

// What was ordered, as it was when ordered.
struct OrderLine
{
    qint64 id = 0;
    qint64 orderId = 0;
    qint64 subOrderId = 0;
    qint64 skuId = 0;
    qint64 productId = 0;
    QString merchantSku; // the shop's SKU
    QString title, titleZh, sourceUrl;
    qint64 quantity = 0;
    Money unitPrice = Money::zero(Currency::cny()); // the site's currency
    Money total = Money::zero(Currency::cny());     // CNY, as quoted
};

// The part of an order bought on one foreign site.
struct SubOrder
{
    qint64 id = 0;
    qint64 orderId = 0;
    QString site;
    QString status;
    Money total = Money::zero(Currency::cny()); // CNY: its share of the order's total
    Money goods = Money::zero(Currency::cny()); // the site's currency
    QString clientReference;
    QString merchantOrderId; // "" until placed
    QList<OrderLine> lines;
};

struct Payment
{
    qint64 id = 0;
    qint64 orderId = 0;
    QString provider;
    QString outTradeNo;
    QString gatewayPaymentId;
    QString payUrl;
    Money amount = Money::zero(Currency::cny());
    QString status; // created, paid, refunded, partially_refunded
    qint64 createdAtMs = 0;
    std::optional<qint64> paidAtMs;
};

struct Refund
{
    qint64 id = 0;
    qint64 orderId = 0;
    std::optional<qint64> subOrderId; // unset: the whole order
    qint64 paymentId = 0;
    QString refundNo;
    Money amount = Money::zero(Currency::cny());
    QString status; // pending, refunded, failed
    QString gatewayRefundId;
    QString reason;
    QString actor;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
};

// A change of what the customer owes after checkout (issue 7: the weighed parcel): + the
// customer pays (due -> paid), - the customer gets back (refund_pending -> refunded).
struct Adjustment
{
    qint64 id = 0;
    qint64 orderId = 0;
    qint64 subOrderId = 0;
    QString kind; // weight
    Money amount = Money::zero(Currency::cny());
    QString status; // due, paid, refund_pending, refunded, refund_manual
    QString reason;
    qint64 refundedMinor = 0; // refunds: what the automatic refund returns (positive)
    qint64 createdAtMs = 0;
};

struct OrderEvent
{
    qint64 atMs = 0;
    QString actor;
    std::optional<qint64> subOrderId;
    QString from, to, reason;
};

struct Order
{
    qint64 id = 0;
    qint64 userId = 0;
    QString username;
    QString status;
    Money total = Money::zero(Currency::cny());
    qint64 ruleSetVersion = 0;
    qint64 rateSnapshot = 0;
    QJsonObject quote; // as priced
    QJsonObject address;
    QJsonArray coupons;
    QString idempotencyKey;
    QString requestHash;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    qint64 expiresAtMs = 0;
    std::optional<qint64> paidAtMs;
    qint64 version = 1;
    QList<SubOrder> subOrders;
    QList<Payment> payments;
    QList<Refund> refunds;
    QList<Adjustment> adjustments;
};

} // namespace haitao::server::orders
