#pragma once

#include "backend/http/actor.h"
#include "core/money.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace haitao::server::logistics {

// What logistics needs of the orders component, in process (no cross-store join). Set in
// Server::wireLogistics(); the orders side lives in backend/orders/logisticsfeed.* (placed
// sub-orders, shop shipments) and backend/orders/adjustments.* (weight fees).
struct PlacedSubOrder
{
    qint64 subOrderId = 0, orderId = 0, userId = 0;
    QString username, site, merchantOrderId;
    qint64 placedAtMs = 0;
    QJsonObject address;      // name, phone, email?, ...
    qint64 pricedWeightG = 0; // sum of the quote's chargeableWeightG over the sub-order's lines
};

struct SubOrderRef
{
    qint64 id = 0;
    QString site;
    bool cancelled = false; // before it reached the shop: it will never ship
};

struct OrderRef
{
    qint64 orderId = 0, userId = 0;
    QList<SubOrderRef> subOrders; // by id
};

struct ShopShipment
{
    QString carrier, trackingNumber;
};

// What weighing a sub-order's parcel means for the customer's bill: computed by the orders
// component (adjustments.cpp, the rule itself is pricing::requoteWeighed), shown by receiving.
struct WeightPreview
{
    qint64 pricedWeightG = 0, weightG = 0;
    bool beyondTolerance = false;
    // Set when beyond the tolerance: the order's total requoted as priced and with the weighed
    // weight, and the difference (signed CNY, + = the customer pays). No adjustment (amount
    // unset) when the difference is zero.
    std::optional<Money> before, after, amount;
    qint64 adjustmentId = 0; // recordWeight: the adjustment, 0 when none
    QString status;          // its status
    QString reason;
};

struct OrderLink
{
    // sub-orders placed or placed_manually with status_changed_at >= sinceMs, (at, id) order
    std::function<QList<PlacedSubOrder>(qint64 sinceMs, qint64 afterSubOrderId, int limit)>
        placedSince;
    std::function<std::optional<OrderRef>(qint64 orderId)> order;
    // asks the shop (the site's shop account) for the merchant order's shipment:
    // nullopt = could not ask now (retry later); ShopShipment{} empty = not shipped yet
    std::function<std::optional<ShopShipment>(const QString &site, const QString &merchantOrderId)>
        shopShipment;
    // receive's two, set by receive in wireLogistics()
    std::function<WeightPreview(qint64 subOrderId, qint64 weightG)> previewWeight;
    std::function<WeightPreview(qint64 subOrderId, qint64 weightG, const Actor &,
                                const QString &key)>
        recordWeight;
};

} // namespace haitao::server::logistics
