#include "backend/orders/logisticsfeed.h"

#include "backend/integrations/merchantclient.h"
#include "backend/orders/orderstore.h"
#include "backend/orders/shopaccounts.h"
#include "backend/orders/shopleases.h"
#include "backend/storage/sqltext.h"
#include "core/orderstatus.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace haitao::server::orders {

using sql::L;

namespace {

constexpr qint64 kLoginLeaseMs = 30 * 1000;

} // namespace

LogisticsFeed::LogisticsFeed(Database &db, const Config &config)
    : m_db(db)
    , m_config(config)
    , m_holder(QStringLiteral("logistics#%1").arg(QUuid::createUuid().toString(QUuid::Id128)))
{}

void LogisticsFeed::fill(logistics::OrderLink &link)
{
    link.placedSince = [this](qint64 since, qint64 after, int limit) {
        return placedSince(since, after, limit);
    };
    link.order = [this](qint64 orderId) { return order(orderId); };
    link.shopShipment = [this](const QString &site, const QString &merchantOrderId) {
        return shopShipment(site, merchantOrderId);
    };
}

QList<logistics::PlacedSubOrder> LogisticsFeed::placedSince(qint64 sinceMs, qint64 afterSubOrderId,
                                                            int limit)
{
    QSqlDatabase db = m_db.reader();
    Statement q = prepareOrThrow(
        db, L("SELECT s.id, s.order_id, o.user_id, o.username, s.site, s.merchant_order_id, "
              "s.status_changed_at, o.address, o.quote FROM sub_orders s JOIN orders o ON o.id = "
              "s.order_id WHERE s.status IN ('placed', 'placed_manually') AND "
              "(s.status_changed_at > :since OR (s.status_changed_at = :since2 AND s.id > "
              ":after)) ORDER BY s.status_changed_at, s.id LIMIT :limit"));
    q.bindValue(QStringLiteral(":since"), sinceMs);
    q.bindValue(QStringLiteral(":since2"), sinceMs);
    q.bindValue(QStringLiteral(":after"), afterSubOrderId);
    q.bindValue(QStringLiteral(":limit"), limit);
    execOrThrow(q, "placed sub-orders");
    QList<logistics::PlacedSubOrder> out;
    while (q.next()) {
        logistics::PlacedSubOrder p;
        p.subOrderId = q.value(0).toLongLong();
        p.orderId = q.value(1).toLongLong();
        p.userId = q.value(2).toLongLong();
        p.username = q.value(3).toString();
        p.site = q.value(4).toString();
        p.merchantOrderId = q.value(5).toString();
        p.placedAtMs = q.value(6).toLongLong();
        p.address = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
        // The weight the order was priced on: the quote's chargeable weight of this site's
        // lines (one sub-order per site and order).
        const QJsonObject quote = QJsonDocument::fromJson(q.value(8).toString().toUtf8()).object();
        for (const QJsonValue &v : quote.value(QStringLiteral("lines")).toArray()) {
            const QJsonObject line = v.toObject();
            if (line.value(QStringLiteral("site")).toString() == p.site)
                p.pricedWeightG += std::max<qint64>(
                    0, line.value(QStringLiteral("chargeableWeightG")).toInteger());
        }
        out.append(p);
    }
    return out;
}

std::optional<logistics::OrderRef> LogisticsFeed::order(qint64 orderId)
{
    QSqlDatabase db = m_db.reader();
    const auto owner = orderstore::orderOwner(db, orderId);
    if (!owner)
        return std::nullopt;
    logistics::OrderRef ref;
    ref.orderId = orderId;
    ref.userId = *owner;
    Statement s = prepareOrThrow(
        db, L("SELECT id, site, status FROM sub_orders WHERE order_id = :id ORDER BY id"));
    s.bindValue(QStringLiteral(":id"), orderId);
    execOrThrow(s, "sub-orders of order");
    while (s.next())
        ref.subOrders.append(
            {s.value(0).toLongLong(), s.value(1).toString(),
             subOrderStatusFromName(s.value(2).toString()) == SubOrderStatus::Cancelled});
    return ref;
}

std::optional<logistics::ShopShipment> LogisticsFeed::shopShipment(const QString &site,
                                                                   const QString &merchantOrderId)
{
    QString reference;
    qint64 fence = 0;
    std::optional<ShopAccount> account;
    {
        QSqlDatabase db = m_db.reader();
        account = shopaccounts::get(db, site);
        Statement q =
            prepareOrThrow(db, L("SELECT client_reference FROM sub_orders WHERE site = :site AND "
                                 "merchant_order_id = :merchant"));
        q.bindValue(QStringLiteral(":site"), site);
        q.bindValue(QStringLiteral(":merchant"), merchantOrderId);
        execOrThrow(q, "sub-order of merchant order");
        if (q.next())
            reference = q.value(0).toString();
        // Reads carry the newest fencing token granted for the site: a shop that checks the
        // fence accepts it and placement's next grant is still higher.
        if (const auto lease = shopleases::read(db, site))
            fence = lease->token;
    }
    if (!account || !account->enabled || reference.isEmpty())
        return std::nullopt;
    MerchantClient client(account->apiUrl, fence, {2000, 5000});
    for (int attempt = 0; attempt < 2; ++attempt) {
        {
            std::lock_guard lock(m_mutex);
            client.setSession(m_sessions.value(site));
        }
        if (client.session().isEmpty()) {
            // Signing in is a call the shop counts against the account: under the site's
            // lease, like placement's, so the two never overlap (busy: try later).
            const qint64 now = m_config.clock();
            const auto lease = shopleases::acquire(m_db, site, m_holder, now, kLoginLeaseMs);
            if (!lease)
                return std::nullopt;
            MerchantClient signIn(account->apiUrl, *lease, {2000, 5000});
            const MerchantAnswer login = signIn.login(account->account, account->secret);
            shopleases::release(m_db, site, m_holder, *lease);
            const QString token = login.body.value(QStringLiteral("token")).toString();
            if (!login.ok() || token.isEmpty())
                return std::nullopt;
            std::lock_guard lock(m_mutex);
            m_sessions.insert(site, token);
            client = MerchantClient(account->apiUrl, *lease, {2000, 5000});
            client.setSession(token);
        }
        const MerchantAnswer answer = client.lookup(reference);
        if (answer.httpStatus == 401) {
            std::lock_guard lock(m_mutex);
            m_sessions.remove(site); // expired: sign in again once
            continue;
        }
        if (!answer.ok())
            return std::nullopt;
        for (const QJsonValue &v : answer.body.value(QStringLiteral("items")).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("merchantOrderId")).toString() != merchantOrderId)
                continue;
            const QJsonObject shipment = o.value(QStringLiteral("shipment")).toObject();
            return logistics::ShopShipment{
                shipment.value(QStringLiteral("carrier")).toString(),
                shipment.value(QStringLiteral("trackingNumber")).toString()};
        }
        return logistics::ShopShipment{};
    }
    return std::nullopt;
}

} // namespace haitao::server::orders
