#include "backend-client/ordersapi.h"

#include "backend-client/jsoncall.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace haitao::client {

namespace {

const QString kOrders = QStringLiteral("/api/v1/admin/orders");
const QString kPlacements = QStringLiteral("/api/v1/admin/placements");
const QString kSubOrders = QStringLiteral("/api/v1/admin/sub-orders");

// {"items": [...], "nextCursor"} with each item read by T::fromJson.
template <typename T> std::optional<Page<T>> readPage(const JsonReply &r, QString *why)
{
    Page<T> page;
    const QJsonArray items = r.body.value(QStringLiteral("items")).toArray();
    page.items.reserve(items.size());
    for (const QJsonValue &v : items) {
        std::optional<T> item = T::fromJson(v.toObject(), why);
        if (!item)
            return std::nullopt;
        page.items.append(std::move(*item));
    }
    page.nextCursor = r.body.value(QStringLiteral("nextCursor")).toString();
    return page;
}

std::optional<PlacementItem> readItem(const JsonReply &r, QString *why)
{
    return PlacementItem::fromJson(r.body, why);
}

} // namespace

void OrdersApi::orders(const OrderQuery &query, QObject *context,
                       Callback<Page<OrderSummary>> done) const
{
    QUrlQuery q;
    const OrderFilter &f = query.filter;
    if (f.status)
        q.addQueryItem(QStringLiteral("status"), statusName(*f.status));
    if (!f.site.isEmpty())
        q.addQueryItem(QStringLiteral("site"), f.site);
    if (!f.customer.isEmpty())
        q.addQueryItem(QStringLiteral("customer"), f.customer);
    if (f.minAgeHours)
        q.addQueryItem(QStringLiteral("minAgeHours"), QString::number(*f.minAgeHours));
    if (!query.cursor.isEmpty())
        q.addQueryItem(QStringLiteral("cursor"), query.cursor);
    q.addQueryItem(QStringLiteral("limit"), QString::number(query.limit));
    jsonCall<Page<OrderSummary>>(m_client, "GET", pathWithQuery(kOrders, q), nullptr, {}, context,
                                 std::move(done), &readPage<OrderSummary>);
}

void OrdersApi::order(qint64 id, QObject *context, Callback<OrderDetail> done) const
{
    jsonCall<OrderDetail>(m_client, "GET", kOrders + QStringLiteral("/%1").arg(id), nullptr, {},
                          context, std::move(done), [](const JsonReply &r, QString *why) {
                              return OrderDetail::fromJson(r.body, why);
                          });
}

void OrdersApi::placements(const PlacementQuery &query, QObject *context,
                           Callback<Page<PlacementItem>> done) const
{
    QUrlQuery q;
    if (query.status)
        q.addQueryItem(QStringLiteral("status"), statusName(*query.status));
    if (!query.site.isEmpty())
        q.addQueryItem(QStringLiteral("site"), query.site);
    if (!query.cursor.isEmpty())
        q.addQueryItem(QStringLiteral("cursor"), query.cursor);
    q.addQueryItem(QStringLiteral("limit"), QString::number(query.limit));
    jsonCall<Page<PlacementItem>>(m_client, "GET", pathWithQuery(kPlacements, q), nullptr, {},
                                  context, std::move(done), &readPage<PlacementItem>);
}

void OrdersApi::placementCounts(QObject *context, Callback<PlacementCounts> done) const
{
    jsonCall<PlacementCounts>(m_client, "GET", kPlacements + QStringLiteral("/counts"), nullptr, {},
                              context, std::move(done), [](const JsonReply &r, QString *why) {
                                  return PlacementCounts::fromJson(r.body, why);
                              });
}

void OrdersApi::placementStats(int days, QObject *context, Callback<PlacementStats> done) const
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("days"), QString::number(days));
    jsonCall<PlacementStats>(
        m_client, "GET", pathWithQuery(kPlacements + QStringLiteral("/stats"), q), nullptr, {},
        context, std::move(done),
        [](const JsonReply &r, QString *why) { return PlacementStats::fromJson(r.body, why); });
}

void OrdersApi::subOrder(qint64 id, QObject *context, Callback<SubOrderDetail> done) const
{
    jsonCall<SubOrderDetail>(m_client, "GET", kSubOrders + QStringLiteral("/%1").arg(id), nullptr,
                             {}, context, std::move(done), [](const JsonReply &r, QString *why) {
                                 return SubOrderDetail::fromJson(r.body, why);
                             });
}

void OrdersApi::action(qint64 id, const char *what, const QJsonObject *body, QObject *context,
                       Callback<PlacementItem> done) const
{
    // Actions without input still send {}: the server's JSON routes read an empty body as {}.
    const QJsonObject empty;
    jsonCall<PlacementItem>(m_client, "POST",
                            kSubOrders + QStringLiteral("/%1/").arg(id) + QLatin1String(what),
                            body ? body : &empty, {}, context, std::move(done), &readItem);
}

void OrdersApi::claim(qint64 id, QObject *context, Callback<PlacementItem> done) const
{
    action(id, "claim", nullptr, context, std::move(done));
}

void OrdersApi::release(qint64 id, QObject *context, Callback<PlacementItem> done) const
{
    action(id, "release", nullptr, context, std::move(done));
}

void OrdersApi::placeManually(qint64 id, const ManualPlacement &placement, QObject *context,
                              Callback<PlacementItem> done) const
{
    const QJsonObject body = placement.toJson();
    action(id, "manual-placement", &body, context, std::move(done));
}

void OrdersApi::retryAutomatic(qint64 id, QObject *context, Callback<PlacementItem> done) const
{
    action(id, "retry-auto", nullptr, context, std::move(done));
}

void OrdersApi::cancel(qint64 id, const QString &reason, QObject *context,
                       Callback<PlacementItem> done) const
{
    const QJsonObject body{{QStringLiteral("reason"), reason}};
    action(id, "cancel", &body, context, std::move(done));
}

} // namespace haitao::client
