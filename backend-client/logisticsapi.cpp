#include "backend-client/logisticsapi.h"

#include "backend-client/jsoncall.h"

#include <QJsonArray>
#include <QUrl>
#include <QUrlQuery>

namespace haitao::client {

namespace {

const QString kLogistics = QStringLiteral("/api/v1/logistics");

// {"items": [...]} with each item read by T::fromJson.
template <typename T> std::optional<QList<T>> readItems(const JsonReply &r, QString *why)
{
    QList<T> items;
    for (const QJsonValue &v : r.body.value(QStringLiteral("items")).toArray()) {
        std::optional<T> item = T::fromJson(v.toObject(), why);
        if (!item)
            return std::nullopt;
        items.append(std::move(*item));
    }
    return items;
}

template <typename T> std::optional<Page<T>> readPage(const JsonReply &r, QString *why)
{
    std::optional<QList<T>> items = readItems<T>(r, why);
    if (!items)
        return std::nullopt;
    Page<T> page;
    page.items = std::move(*items);
    page.nextCursor = r.body.value(QStringLiteral("nextCursor")).toString();
    return page;
}

template <typename T> std::optional<T> readObject(const JsonReply &r, QString *why)
{
    return T::fromJson(r.body, why);
}

std::optional<Done> readNothing(const JsonReply &, QString *)
{
    return Done{};
}

// A path segment that may hold anything a carrier sends ("HUB HOLD", "03/x").
QString segment(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

} // namespace

void LogisticsApi::tracking(qint64 orderId, QObject *context, Callback<OrderTracking> done) const
{
    jsonCall<OrderTracking>(m_client, "GET",
                            QStringLiteral("/api/v1/orders/%1/tracking").arg(orderId), nullptr, {},
                            context, std::move(done), &readObject<OrderTracking>);
}

void LogisticsApi::shipments(const ShipmentQuery &query, QObject *context,
                             Callback<Page<ShipmentSummary>> done) const
{
    QUrlQuery q;
    const ShipmentFilter &f = query.filter;
    if (!f.status.isEmpty())
        q.addQueryItem(QStringLiteral("status"), f.status);
    if (!f.carrier.isEmpty())
        q.addQueryItem(QStringLiteral("carrier"), f.carrier);
    if (!f.site.isEmpty())
        q.addQueryItem(QStringLiteral("site"), f.site);
    if (f.quietDays)
        q.addQueryItem(QStringLiteral("quietDays"), QString::number(*f.quietDays));
    if (f.openAlertsOnly)
        q.addQueryItem(QStringLiteral("alerts"), QStringLiteral("open"));
    if (!f.search.isEmpty())
        q.addQueryItem(QStringLiteral("q"), f.search);
    if (!query.cursor.isEmpty())
        q.addQueryItem(QStringLiteral("cursor"), query.cursor);
    q.addQueryItem(QStringLiteral("limit"), QString::number(query.limit));
    jsonCall<Page<ShipmentSummary>>(
        m_client, "GET", pathWithQuery(kLogistics + QStringLiteral("/shipments"), q), nullptr, {},
        context, std::move(done), &readPage<ShipmentSummary>);
}

void LogisticsApi::shipmentCounts(QObject *context, Callback<ShipmentCounts> done) const
{
    jsonCall<ShipmentCounts>(m_client, "GET", kLogistics + QStringLiteral("/shipments/counts"),
                             nullptr, {}, context, std::move(done), &readObject<ShipmentCounts>);
}

void LogisticsApi::shipment(qint64 id, QObject *context, Callback<ShipmentDetail> done) const
{
    jsonCall<ShipmentDetail>(m_client, "GET", kLogistics + QStringLiteral("/shipments/%1").arg(id),
                             nullptr, {}, context, std::move(done), &readObject<ShipmentDetail>);
}

void LogisticsApi::write(const QByteArray &method, const QString &path, const QJsonObject &body,
                         QObject *context, Callback<Done> done) const
{
    jsonCall<Done>(m_client, method, path, &body, {}, context, std::move(done), &readNothing);
}

void LogisticsApi::addCheckpoint(qint64 shipmentId, const NewCheckpoint &checkpoint,
                                 QObject *context, Callback<Done> done) const
{
    write("POST", kLogistics + QStringLiteral("/shipments/%1/checkpoints").arg(shipmentId),
          checkpoint.toJson(), context, std::move(done));
}

void LogisticsApi::assignLeg(qint64 shipmentId, const QString &legKind,
                             const LegAssignment &assignment, QObject *context,
                             Callback<Done> done) const
{
    write("PUT",
          kLogistics + QStringLiteral("/shipments/%1/legs/").arg(shipmentId) + segment(legKind),
          assignment.toJson(), context, std::move(done));
}

void LogisticsApi::carriers(QObject *context, Callback<QList<Carrier>> done) const
{
    jsonCall<QList<Carrier>>(m_client, "GET", kLogistics + QStringLiteral("/carriers"), nullptr, {},
                             context, std::move(done), &readItems<Carrier>);
}

void LogisticsApi::updateCarrier(const Carrier &carrier, QObject *context,
                                 Callback<Done> done) const
{
    write("PUT", kLogistics + QStringLiteral("/carriers/") + segment(carrier.code),
          carrier.toJson(), context, std::move(done));
}

void LogisticsApi::mappings(const QString &carrier, QObject *context,
                            Callback<QList<StatusMapping>> done) const
{
    QUrlQuery q;
    if (!carrier.isEmpty())
        q.addQueryItem(QStringLiteral("carrier"), carrier);
    jsonCall<QList<StatusMapping>>(
        m_client, "GET", pathWithQuery(kLogistics + QStringLiteral("/mappings"), q), nullptr, {},
        context, std::move(done), &readItems<StatusMapping>);
}

void LogisticsApi::unmapped(QObject *context, Callback<QList<UnmappedStatus>> done) const
{
    jsonCall<QList<UnmappedStatus>>(m_client, "GET",
                                    kLogistics + QStringLiteral("/mappings/unmapped"), nullptr, {},
                                    context, std::move(done), &readItems<UnmappedStatus>);
}

void LogisticsApi::setMapping(const QString &carrier, const QString &rawStatus,
                              const QString &status, QObject *context, Callback<Done> done) const
{
    write("PUT",
          kLogistics + QStringLiteral("/mappings/") + segment(carrier) + QLatin1Char('/') +
              segment(rawStatus),
          {{QStringLiteral("status"), status}}, context, std::move(done));
}

void LogisticsApi::alerts(const AlertQuery &query, QObject *context,
                          Callback<Page<Alert>> done) const
{
    QUrlQuery q;
    if (!query.state.isEmpty())
        q.addQueryItem(QStringLiteral("state"), query.state);
    if (!query.kind.isEmpty())
        q.addQueryItem(QStringLiteral("kind"), query.kind);
    if (!query.cursor.isEmpty())
        q.addQueryItem(QStringLiteral("cursor"), query.cursor);
    q.addQueryItem(QStringLiteral("limit"), QString::number(query.limit));
    jsonCall<Page<Alert>>(m_client, "GET", pathWithQuery(kLogistics + QStringLiteral("/alerts"), q),
                          nullptr, {}, context, std::move(done), &readPage<Alert>);
}

void LogisticsApi::acknowledgeAlert(qint64 id, QObject *context, Callback<Done> done) const
{
    // Actions without input still send {}: the server's JSON routes read an empty body as {}.
    write("POST", kLogistics + QStringLiteral("/alerts/%1/acknowledge").arg(id), {}, context,
          std::move(done));
}

void LogisticsApi::resolveAlert(qint64 id, const QString &note, QObject *context,
                                Callback<Done> done) const
{
    write("POST", kLogistics + QStringLiteral("/alerts/%1/resolve").arg(id),
          {{QStringLiteral("note"), note}}, context, std::move(done));
}

void LogisticsApi::notifications(const QString &status, qint64 shipmentId, QObject *context,
                                 Callback<QList<Notification>> done) const
{
    QUrlQuery q;
    if (!status.isEmpty())
        q.addQueryItem(QStringLiteral("status"), status);
    if (shipmentId > 0)
        q.addQueryItem(QStringLiteral("shipmentId"), QString::number(shipmentId));
    jsonCall<QList<Notification>>(m_client, "GET",
                                  pathWithQuery(kLogistics + QStringLiteral("/notifications"), q),
                                  nullptr, {}, context, std::move(done), &readItems<Notification>);
}

void LogisticsApi::retryNotification(qint64 id, QObject *context, Callback<Done> done) const
{
    write("POST", kLogistics + QStringLiteral("/notifications/%1/retry").arg(id), {}, context,
          std::move(done));
}

} // namespace haitao::client
