#pragma once

#include "backend/logistics/orderlink.h"
#include "backend/orders/order.h"
#include "core/money.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace haitao::server::orders {

// OrderService::previewWeight / recordWeight answer in the logistics link's own type.
using WeightOutcome = logistics::WeightPreview;

// The SQL of order_adjustments and orders.quote_input (orders store migration 5), in the
// caller's transaction.
namespace adjustments {

void storeQuoteInput(QSqlDatabase &db, qint64 orderId, const QJsonObject &input);
// nullopt for orders placed before the column existed.
std::optional<QJsonObject> quoteInput(const QSqlDatabase &db, qint64 orderId);

struct Stored
{
    Adjustment adjustment;
    qint64 pricedWeightG = 0, weighedG = 0;
    Money before = Money::zero(Currency::cny());
    Money after = Money::zero(Currency::cny());
    std::optional<qint64> paymentId, refundId;
};
QList<Adjustment> ofOrder(const QSqlDatabase &db, qint64 orderId);
std::optional<Stored> weightOf(const QSqlDatabase &db, qint64 subOrderId);
// Inserts (fills in the id); false when the sub-order already has one of that kind.
bool insert(QSqlDatabase &db, Stored &row, const QString &actor, const QString &requestKey);
void setRefund(QSqlDatabase &db, qint64 adjustmentId, qint64 refundId);

// Due adjustments of the order without a payment in progress, and their sum (0: none).
qint64 dueMinor(const QSqlDatabase &db, qint64 orderId);
// Ties the order's due adjustments without a payment to `paymentId`.
void attachPayment(QSqlDatabase &db, qint64 orderId, qint64 paymentId, qint64 atMs);
// The payment was made for due adjustments: they become paid (with an order event). False
// when the payment is not one for adjustments.
bool settlePayment(QSqlDatabase &db, qint64 paymentId, const QString &actor, qint64 atMs);
// The gateway confirmed the refund: its adjustment becomes refunded.
void refundConfirmed(QSqlDatabase &db, qint64 refundId, qint64 atMs);

} // namespace adjustments

} // namespace haitao::server::orders
