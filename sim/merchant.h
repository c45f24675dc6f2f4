#pragma once

#include "sim/faultmix.h"
#include "sim/shipping.h"
#include "sim/shop.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <mutex>

namespace haitao::sim {

// An answer of the merchant order API: status and JSON body.
struct MerchantReply
{
    int status = 200;
    QJsonObject body;
};

// The shops' merchant order API behind /merchant/{site}: one account per shop ("haitao" /
// "sim-shop-pass") with a balance, bearer tokens, orders that are created, then confirmed
// (paid from the balance), looked up by the buyer's client reference. Like a real shop it
// does NOT deduplicate creates by client reference. It also watches its callers for the
// placement tests: fencing tokens (a lower one than seen is refused) and requests of one
// account in flight at the same time. Thread-safe; HTTP is in merchantroutes.cpp.
class Merchants
{
public:
    static constexpr const char *kAccount = "haitao";
    static constexpr const char *kPassword = "sim-shop-pass";

    Merchants(const Shops &shops, std::function<qint64()> clock);

    bool hasSite(const QString &site) const;
    // Plans the shipment of an order when it is confirmed (set before serving).
    using Shipper = std::function<ShipmentPlan(const QString &site, const QString &merchantOrderId,
                                               qint64 confirmedAtMs)>;
    void setShipper(Shipper shipper) { m_shipper = std::move(shipper); }

    // Accounting of every request: begin() when it starts, end() when the caller can see its
    // answer (or never will).
    void begin(const QString &site);
    void end(const QString &site);
    // X-Fencing-Token: false if lower than the highest the account has seen.
    bool acceptFencingToken(const QString &site, qint64 token);

    MerchantReply login(const QString &site, const QJsonObject &body, const MerchantFaults &faults);
    bool authorized(const QString &site, const QString &authorizationHeader) const;
    MerchantReply sku(const QString &site, const QString &sku, const MerchantFaults &faults) const;
    MerchantReply createOrder(const QString &site, const QJsonObject &body,
                              const MerchantFaults &faults);
    MerchantReply confirmOrder(const QString &site, const QString &merchantOrderId);
    MerchantReply ordersByReference(const QString &site, const QString &clientReference) const;
    MerchantReply order(const QString &site, const QString &merchantOrderId) const;
    MerchantReply account(const QString &site) const;

    // Control plane: GET /__sim/orders, GET /__sim/accounts, POST /__sim/accounts/{site}.
    QJsonArray allOrders() const;
    QJsonArray accounts() const;
    bool setBalance(const QString &site, qint64 minor);

private:
    struct Line
    {
        QString sku;
        QString title;
        int quantity = 0;
        qint64 unitMinor = 0;
    };
    struct Order
    {
        QString site;
        QString merchantOrderId;
        QString clientReference;
        QString status; // pending_confirmation, confirmed
        QList<Line> lines;
        qint64 totalMinor = 0;
        QJsonValue shipTo;
        qint64 createdAtMs = 0;
        qint64 confirmedAtMs = 0;
        ShipmentPlan shipment; // shown once the simulated clock reaches shippedAtMs
    };
    struct Account
    {
        qint64 balanceMinor = 0;
        int inFlight = 0;
        int maxInFlight = 0;
        int concurrentUse = 0;
        qint64 highestFencingToken = 0;
        int nextOrder = 1;
    };
    // The shop's price of `sku` now, in minor units; the fault raises it by 20%.
    std::optional<qint64> priceMinor(const QString &site, const ShopOffer &offer,
                                     bool priceChange) const;
    QJsonObject money(const QString &site, qint64 minor) const;
    QJsonObject orderJson(const Order &order) const;

    const Shops &m_shops;
    std::function<qint64()> m_clock;
    Shipper m_shipper;
    QHash<QString, QString> m_currencies; // site -> currency; fixed after construction
    mutable std::mutex m_mutex;
    QHash<QString, Account> m_accounts;                  // by site
    QHash<QString, std::pair<QString, qint64>> m_tokens; // token -> site, expires at (ms)
    QList<Order> m_orders;                               // in creation order
};

} // namespace haitao::sim
