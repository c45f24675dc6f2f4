#pragma once

#include "backend/config.h"
#include "backend/logistics/orderlink.h"
#include "backend/storage/database.h"

#include <QHash>

#include <memory>
#include <mutex>

namespace haitao::server::orders {

// The orders side of logistics' OrderLink (placedSince, order, shopShipment): placed
// sub-orders from the orders store, and the shop's shipment of a merchant order read with
// the site's shop account (the merchant API's order lookup by client reference).
class LogisticsFeed
{
public:
    LogisticsFeed(Database &db, const Config &config);

    QList<logistics::PlacedSubOrder> placedSince(qint64 sinceMs, qint64 afterSubOrderId, int limit);
    std::optional<logistics::OrderRef> order(qint64 orderId);
    std::optional<logistics::ShopShipment> shopShipment(const QString &site,
                                                        const QString &merchantOrderId);

    // The three as OrderLink functions (the feed must outlive the link).
    void fill(logistics::OrderLink &link);

private:
    Database &m_db;
    const Config &m_config;
    const QString m_holder; // of the shop lease while signing in
    std::mutex m_mutex;
    QHash<QString, QString> m_sessions; // site -> the shop's session token
};

} // namespace haitao::server::orders
