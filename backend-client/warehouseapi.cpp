#include "backend-client/warehouseapi.h"

#include "backend-client/jsoncall.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace haitao::client {

namespace {

const QString kReceiving = QStringLiteral("/api/v1/logistics/receiving");
const QString kParcels = QStringLiteral("/api/v1/logistics/parcels");
const QString kStats = QStringLiteral("/api/v1/logistics/stats");

template <typename T> ReplyParser<T> readBody()
{
    return [](const JsonReply &r, QString *why) { return T::fromJson(r.body, why); };
}

} // namespace

void WarehouseApi::lookup(const QString &scan, QObject *context, Callback<ScanLookup> done) const
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("scan"), scan);
    jsonCall<ScanLookup>(m_client, "GET", pathWithQuery(kReceiving + QStringLiteral("/lookup"), q),
                         nullptr, {}, context, std::move(done), readBody<ScanLookup>());
}

void WarehouseApi::preview(qint64 shipmentId, qint64 weightG, QObject *context,
                           Callback<WeightPreview> done) const
{
    const QJsonObject body{{QStringLiteral("shipmentId"), shipmentId},
                           {QStringLiteral("weightG"), weightG}};
    jsonCall<WeightPreview>(m_client, "POST", kReceiving + QStringLiteral("/preview"), &body, {},
                            context, std::move(done), readBody<WeightPreview>());
}

void WarehouseApi::receive(qint64 shipmentId, qint64 weightG, QObject *context,
                           Callback<Receipt> done) const
{
    const QJsonObject body{{QStringLiteral("shipmentId"), shipmentId},
                           {QStringLiteral("weightG"), weightG}};
    jsonCall<Receipt>(m_client, "POST", kReceiving, &body, {}, context, std::move(done),
                      readBody<Receipt>());
}

void WarehouseApi::ready(QObject *context, Callback<ReadyGroups> done) const
{
    jsonCall<ReadyGroups>(m_client, "GET", kReceiving + QStringLiteral("/ready"), nullptr, {},
                          context, std::move(done), readBody<ReadyGroups>());
}

void WarehouseApi::dispatchParcel(const QList<qint64> &shipmentIds, QObject *context,
                                  Callback<DispatchedParcel> done) const
{
    QJsonArray ids;
    for (qint64 id : shipmentIds)
        ids.append(id);
    const QJsonObject body{{QStringLiteral("shipmentIds"), ids}};
    jsonCall<DispatchedParcel>(m_client, "POST", kParcels, &body, {}, context, std::move(done),
                               readBody<DispatchedParcel>());
}

void WarehouseApi::stats(int days, QObject *context, Callback<LogisticsStats> done) const
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("days"), QString::number(days));
    jsonCall<LogisticsStats>(m_client, "GET", pathWithQuery(kStats, q), nullptr, {}, context,
                             std::move(done), readBody<LogisticsStats>());
}

} // namespace haitao::client
