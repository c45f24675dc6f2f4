#pragma once

#include "backend/orders/order.h"
#include "core/page.h"

#include <QSqlDatabase>

#include <optional>

// The order flow's SQL (carts, orders, sub-orders, lines, payments, notifications, refunds,
// events): prepared statements only, in the caller's transaction. Status changes go through
// orderstatus.h, never through here.
namespace haitao::server::orders::orderstore {

// --- references sent out (out-trade numbers, refund numbers, client references)
// The gateway and the shops remember these for ever; built from local ids alone they would
// repeat after a restore from backup or with a fresh data folder, and the gateway or a shop
// would answer an old payment, refund or order. So each starts with a random prefix (8
// characters A-Z2-7) kept in the store and renewed at every start of the server (a restored
// store brings back its old prefix with its old ids). A reference is made once and stored
// with its row, never rebuilt, so renewing never changes an existing one.
QString referencePrefix(QSqlDatabase &db); // the current one, made if there is none
QString renewReferencePrefix(QSqlDatabase &db);
// "HT" + prefix + "_" + order id: every new reference of the order starts with it.
QString referenceBase(QSqlDatabase &db, qint64 orderId);

// --- orders
struct KeyedOrder
{
    qint64 id = 0;
    QString requestHash;
};
std::optional<KeyedOrder> orderByKey(const QSqlDatabase &db, qint64 userId, const QString &key);
// Inserts the order's head, its sub-orders (client references derived from the new ids) and
// lines; fills in the ids.
void insertOrder(QSqlDatabase &db, Order &order);
std::optional<Order> order(const QSqlDatabase &db, qint64 id);
std::optional<qint64> orderOwner(const QSqlDatabase &db, qint64 id);

struct OrderFilter
{
    std::optional<qint64> userId;
    QString orderStatus;
    QString subOrderStatus;
    QString site;
    QString customer;                      // user name
    std::optional<qint64> createdBeforeMs; // minAgeHours
    qint64 beforeId = 0;                   // the cursor; 0: from the newest
    int limit = 50;
    bool withDetails = true; // payments, refunds and lines (customer lists)
};
// Newest first, keyset on id.
Page<Order> listOrders(const QSqlDatabase &db, const OrderFilter &filter);
QList<OrderEvent> events(const QSqlDatabase &db, qint64 orderId);
bool hasPaidOrder(const QSqlDatabase &db, qint64 userId);
QList<qint64> dueExpiries(const QSqlDatabase &db, qint64 nowMs, int limit);
void setPaidAt(QSqlDatabase &db, qint64 orderId, qint64 atMs);
std::optional<SubOrder> subOrder(const QSqlDatabase &db, qint64 id);
QList<OrderLine> linesOfSubOrder(const QSqlDatabase &db, qint64 subOrderId);

// --- payments
std::optional<Payment> openPayment(const QSqlDatabase &db, qint64 orderId);
std::optional<Payment> paidPayment(const QSqlDatabase &db, qint64 orderId);
std::optional<Payment> payment(const QSqlDatabase &db, qint64 id);
std::optional<Payment> paymentByTrade(const QSqlDatabase &db, const QString &outTradeNo);
// Inserts with a fresh out-trade number (derived from the id); fills in id and outTradeNo.
void insertPayment(QSqlDatabase &db, Payment &payment);
void setPaymentGateway(QSqlDatabase &db, qint64 paymentId, const QString &gatewayPaymentId,
                       const QString &payUrl);
// Only where none is stored yet (a notification may bring it before the create call's answer).
void setGatewayPaymentIdIfMissing(QSqlDatabase &db, qint64 paymentId,
                                  const QString &gatewayPaymentId);
// created -> paid; false if it was not `created` any more.
bool markPaymentPaid(QSqlDatabase &db, qint64 paymentId, qint64 atMs);
void setPaymentStatus(QSqlDatabase &db, qint64 paymentId, const QString &status);

struct Notification
{
    QString provider;
    qint64 receivedAtMs = 0;
    QString address;
    QString outcome; // accepted, duplicate, refused
    QString reason;
    QString outTradeNo;
    QString body;
};
void recordNotification(QSqlDatabase &db, const Notification &n);
QList<Notification> notifications(const QSqlDatabase &db, const QString &outTradeNo);

// --- refunds
// A pending refund, for the retry job from `dueAtMs` on (its first send follows the commit).
qint64 insertRefund(QSqlDatabase &db, const Refund &refund, qint64 dueAtMs);
std::optional<Refund> refund(const QSqlDatabase &db, qint64 id);
// Pending refunds whose next try is due, the longest due first.
QList<Refund> dueRefunds(const QSqlDatabase &db, qint64 nowMs, int limit);
void deferRefund(QSqlDatabase &db, qint64 id, qint64 dueAtMs);
void setRefundResult(QSqlDatabase &db, qint64 id, const QString &status,
                     const QString &gatewayRefundId, qint64 atMs);
// Refunded or still pending against a payment (failed ones are not money returned).
qint64 refundedMinor(const QSqlDatabase &db, qint64 paymentId);

// --- carts
struct CartRow
{
    qint64 skuId = 0;
    qint64 quantity = 0;
    std::optional<Money> seenPrice;
    bool seenAvailable = true;
    bool seenListed = true;
};
QList<CartRow> cart(const QSqlDatabase &db, qint64 userId);
void putCartItem(QSqlDatabase &db, qint64 userId, qint64 skuId, qint64 quantity,
                 const Money &seenPrice, qint64 atMs);
void removeCartItem(QSqlDatabase &db, qint64 userId, qint64 skuId);
void markSeen(QSqlDatabase &db, qint64 userId, const CartRow &seen);

} // namespace haitao::server::orders::orderstore
