#pragma once

#include "backend-client/apiclient.h"
#include "backend-client/ordertypes.h"
#include "core/page.h"

namespace haitao::client {

// The staff order and placement endpoints (/api/v1/admin/orders..., /admin/placements...,
// /admin/sub-orders/...) the Orders, Manual queue and Placement dashboard pages use, one async
// call each, on top of an ApiClient. A small value that only points at the client: copy it
// freely; the client must outlive it.
class OrdersApi
{
public:
    template <typename T> using Callback = ApiClient::Callback<T>;

    explicit OrdersApi(ApiClient *client)
        : m_client(client)
    {}
    ApiClient *client() const { return m_client; }

    // Newest first, keyset paged.
    void orders(const OrderQuery &query, QObject *context, Callback<Page<OrderSummary>> done) const;
    void order(qint64 id, QObject *context, Callback<OrderDetail> done) const;

    // Oldest status change first, keyset paged.
    void placements(const PlacementQuery &query, QObject *context,
                    Callback<Page<PlacementItem>> done) const;
    void placementCounts(QObject *context, Callback<PlacementCounts> done) const;
    void placementStats(int days, QObject *context, Callback<PlacementStats> done) const;
    void subOrder(qint64 id, QObject *context, Callback<SubOrderDetail> done) const;

    // The manual queue's actions; each answers the sub-order as it is now. Conflict (409) when
    // someone else holds the claim or the sub-order moved meanwhile.
    void claim(qint64 id, QObject *context, Callback<PlacementItem> done) const;
    void release(qint64 id, QObject *context, Callback<PlacementItem> done) const;
    void placeManually(qint64 id, const ManualPlacement &placement, QObject *context,
                       Callback<PlacementItem> done) const;
    void retryAutomatic(qint64 id, QObject *context, Callback<PlacementItem> done) const;
    // Cancels with a refund of the sub-order's share; `reason` is required.
    void cancel(qint64 id, const QString &reason, QObject *context,
                Callback<PlacementItem> done) const;

private:
    void action(qint64 id, const char *what, const QJsonObject *body, QObject *context,
                Callback<PlacementItem> done) const;

    ApiClient *m_client;
};

} // namespace haitao::client
