#pragma once

#include "backend/config.h"
#include "backend/http/actor.h"
#include "backend/http/paging.h"
#include "backend/integrations/paymentgateway.h"
#include "backend/orders/adjustments.h"
#include "backend/orders/order.h"
#include "backend/orders/orderstore.h"
#include "backend/storage/database.h"
#include "core/problem.h"

#include <QJsonArray>
#include <QJsonObject>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace haitao::server::pricing {
class PricingService;
}

namespace haitao::server::orders {

// A catalog SKU as an order line and the cart need it (the catalog answers, in process).
struct OrderSku
{
    qint64 skuId = 0;
    qint64 productId = 0;
    QString site;
    QString title, titleZh, sourceUrl;
    QString merchantSku;
    QJsonArray options;                         // [{"name","value"}]
    Money price = Money::zero(Currency::cny()); // the site's currency
    bool listed = false;                        // published
    bool available = false;                     // listed and not known to be out of stock
};
// nullopt: no such SKU at all.
using SkuLookup = std::function<std::optional<OrderSku>(qint64 skuId)>;

struct OrderRequest
{
    QList<QPair<qint64, qint64>> lines; // skuId, quantity
    bool fromCart = false;
    QJsonObject address;
    QStringList coupons;
};

struct PaymentStart
{
    QString paymentId; // the gateway's
    QString payUrl;
    QString outTradeNo;
};

// The order flow (docs/orders.md): carts, checkout with Idempotency-Key, payments through
// the gateway and its signed notifications, cancel with refund, expiry of unpaid orders, and
// the staff views. Prices come only from PricingService. Throws ApiError for anything the
// caller did wrong; every status change goes through orderstatus.h with its event.
class OrderService
{
public:
    // The largest payment notification taken (413 beyond: real ones are a few hundred bytes).
    static constexpr qsizetype kMaxNotificationBytes = 64 * 1024;
    // A pending refund is tried again this long after an unanswered or passing refusal.
    static constexpr qint64 kRefundRetryMs = 30 * 1000;

    OrderService(Database &db, const Config &config, pricing::PricingService &pricing);
    ~OrderService();

    void migrate();
    void setSkuLookup(SkuLookup lookup) { m_skus = std::move(lookup); }
    // Where the gateway reaches this server (Config::publicUrl, else the listen address).
    void setPublicUrl(const QString &url);
    // The job thread: expiry of unpaid orders, retry of pending refunds. stop() joins it.
    void start();
    void stop();

    Database &database() { return m_db; }
    const Config &config() const { return m_config; }

    // Customers: their own cart and orders only; anyone else's order is 404.
    QJsonObject cart(const Principal &user);
    QJsonObject setCartItem(const Principal &user, qint64 skuId, qint64 quantity);
    struct Placed
    {
        Order order;
        bool replayed = false;
    };
    Placed placeOrder(const Principal &user, const OrderRequest &request,
                      const QString &idempotencyKey, const QString &requestHash);
    Order order(const Principal &user, qint64 id);
    Page<Order> ownOrders(const Principal &user, const Paging &paging);
    PaymentStart createPayment(const Principal &user, qint64 orderId);
    // A gateway notification: "accepted" or "duplicate"; throws ApiError (401 signature, 404
    // unknown trade, 422 amount, currency or body) after recording and auditing it; 413
    // (not recorded) for a body over kMaxNotificationBytes.
    QString notify(const QString &provider, const QByteArray &rawBody, const QByteArray &signature,
                   const QString &address);
    Order cancel(const Principal &user, qint64 orderId, const QString &reason);

    // Staff.
    Page<Order> listOrders(const orderstore::OrderFilter &filter);
    QJsonObject staffOrder(qint64 id);
    // needs_manual or awaiting_placement -> cancelled, with a refund of the sub-order's total
    // (written with the status change, sent to the gateway after commit; retried by the job
    // while pending). 404 unknown, 409 wrong state.
    void cancelSubOrder(const Actor &actor, qint64 subOrderId, const QString &reason);

    // For pricing: whether the user has a paid order (then no first-order promotions).
    bool hasPaidOrder(qint64 userId);

    // Logistics (adjustments.cpp): what weighing the sub-order's parcel at `weightG` changes
    // (404 unknown sub-order), and recording it: at most one weight adjustment per sub-order
    // (again: the first one's answer); a refund is sent at once, a charge is due until paid
    // with POST /orders/{id}/payments.
    WeightOutcome previewWeight(qint64 subOrderId, qint64 weightG);
    WeightOutcome recordWeight(qint64 subOrderId, qint64 weightG, const Actor &actor,
                               const QString &key);

    // One pass of the jobs (the thread calls them; tests may too). Return how many.
    int expireDue();
    int retryRefunds();

private:
    qint64 now() const { return m_config.clock(); }
    bool gatewayConfigured() const;
    Order orderOf(const Principal &user, qint64 id);
    Placed replayOrRefuse(qint64 existingId, const QString &existingHash,
                          const QString &requestHash);
    void sendRefund(qint64 refundId);
    [[noreturn]] void refuseNotification(const orderstore::Notification &n, const Actor &actor,
                                         ProblemKind kind, const QString &detail);
    QString acceptPaid(const orderstore::Notification &n, const Payment &payment,
                       const QString &gatewayPaymentId);
    void jobLoop();

    Database &m_db;
    const Config &m_config;
    pricing::PricingService &m_pricing;
    PaymentGateway m_gateway;
    SkuLookup m_skus;

    std::mutex m_mutex;
    QString m_publicUrl;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_jobs;
};

} // namespace haitao::server::orders
