#pragma once

#include "backend/config.h"
#include "backend/http/actor.h"
#include "backend/orders/placementstore.h"
#include "backend/orders/shopaccounts.h"
#include "backend/storage/database.h"

#include <QJsonObject>

namespace haitao::server::orders {

class OrderService;

// The staff side of placement: the manual queue (claim, manual placement, retry automatic,
// cancel with refund), what the worker recorded, counts and stats, and the shop accounts.
// Throws ApiError: 404 unknown sub-order, 409 wrong state or someone else's claim.
class PlacementService
{
public:
    PlacementService(Database &db, const Config &config, OrderService &orders);

    struct ListQuery
    {
        QString status;
        QString site;
        QString cursor; // as a previous page gave it
        int limit = 50;
    };
    QJsonObject list(const ListQuery &query);
    QJsonObject counts();
    QJsonObject detail(qint64 subOrderId);
    QJsonObject stats(int days);

    QJsonObject claim(const Actor &actor, qint64 subOrderId);
    QJsonObject release(const Actor &actor, qint64 subOrderId);
    // `paid` must be in the sub-order's goods currency (422); a sub-order that already has
    // another merchant order id (an automatic create) needs `replaceMerchantOrderId` (409).
    QJsonObject placeManually(const Actor &actor, qint64 subOrderId, const QString &merchantOrderId,
                              const Money &paid, bool replaceMerchantOrderId = false);
    // 409 while another user holds the claim.
    QJsonObject retryAutomatic(const Actor &actor, qint64 subOrderId);
    QJsonObject cancel(const Actor &actor, qint64 subOrderId, const QString &reason);

    QList<ShopAccount> shopAccounts();
    ShopAccount putShopAccount(const Actor &actor, const shopaccounts::Update &update);

    static QJsonObject itemJson(const placementstore::SubOrder &s);

private:
    qint64 now() const { return m_config.clock(); }
    QJsonObject item(qint64 subOrderId);
    placementstore::SubOrder require(const QSqlDatabase &db, qint64 subOrderId);

    Database &m_db;
    const Config &m_config;
    OrderService &m_orders;
};

} // namespace haitao::server::orders
