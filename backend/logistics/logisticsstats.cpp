#include "backend/logistics/logisticsstats.h"

#include "backend/storage/database.h"
#include "backend/storage/sqltext.h"

#include <QDateTime>
#include <QJsonArray>
#include <QMap>
#include <QVariant>

#include <algorithm>
#include <cmath>

#include "backend/logistics/alerts.h"

namespace haitao::server::logistics {

namespace {

using sql::L;

constexpr qint64 kDayMs = 86400000;
constexpr int kBucketDays[] = {0, 3, 5, 7, 10, 14, 21}; // lower bounds; the last is open
constexpr int kBuckets = int(std::size(kBucketDays));

double hours(qint64 ms)
{
    return std::round(double(ms) / 360000.0) / 10.0; // one decimal
}

const QStringList &statusOrder()
{
    static const QStringList order{
        QStringLiteral("awaiting_shipment"), QStringLiteral("info_received"),
        QStringLiteral("in_transit"),        QStringLiteral("at_warehouse"),
        QStringLiteral("customs"),           QStringLiteral("customs_hold"),
        QStringLiteral("out_for_delivery"),  QStringLiteral("delivered"),
        QStringLiteral("exception"),         QStringLiteral("returned")};
    return order;
}

} // namespace

qint64 percentile(const QList<qint64> &sorted, int p)
{
    if (sorted.isEmpty())
        return 0;
    // Nearest rank: the smallest value with at least p% of the values at or below it.
    const qsizetype rank = std::max<qsizetype>(1, (sorted.size() * p + 99) / 100);
    return sorted.at(std::min(rank, sorted.size()) - 1);
}

int leadTimeBucket(qint64 ms)
{
    int bucket = 0;
    for (int i = 0; i < kBuckets; ++i) {
        if (ms >= qint64(kBucketDays[i]) * kDayMs)
            bucket = i;
    }
    return bucket;
}

QJsonObject logisticsStats(const QSqlDatabase &db, qint64 nowMs, int days)
{
    const qint64 since = nowMs - qint64(days) * kDayMs;

    // Lead times per (site, shop carrier).
    QMap<QPair<QString, QString>, QList<qint64>> leadTimes;
    {
        Statement q = prepareOrThrow(
            db, L("SELECT s.site, COALESCE((SELECT MIN(l.carrier) FROM shipment_legs sl JOIN legs "
                  "l ON l.id = sl.leg_id WHERE sl.shipment_id = s.id AND l.kind = 'shop'), ''), "
                  "s.delivered_at - s.placed_at FROM shipments s WHERE s.status = 'delivered' "
                  "AND s.delivered_at IS NOT NULL AND s.delivered_at >= :since "
                  "AND s.delivered_at <= :now"));
        q.bindValue(QStringLiteral(":since"), since);
        q.bindValue(QStringLiteral(":now"), nowMs);
        execOrThrow(q, "lead times");
        while (q.next())
            leadTimes[{q.value(0).toString(), q.value(1).toString()}].append(
                std::max<qint64>(0, q.value(2).toLongLong()));
    }
    QJsonArray leadJson;
    for (auto it = leadTimes.begin(); it != leadTimes.end(); ++it) {
        QList<qint64> &values = it.value();
        std::sort(values.begin(), values.end());
        int counts[kBuckets] = {};
        for (const qint64 v : std::as_const(values))
            ++counts[leadTimeBucket(v)];
        QJsonArray buckets;
        for (int i = 0; i < kBuckets; ++i)
            buckets.append(
                QJsonObject{{QStringLiteral("fromDays"), kBucketDays[i]},
                            {QStringLiteral("toDays"),
                             i + 1 < kBuckets ? QJsonValue(kBucketDays[i + 1]) : QJsonValue()},
                            {QStringLiteral("count"), counts[i]}});
        leadJson.append(QJsonObject{{QStringLiteral("site"), it.key().first},
                                    {QStringLiteral("carrier"), it.key().second},
                                    {QStringLiteral("count"), values.size()},
                                    {QStringLiteral("p50Hours"), hours(percentile(values, 50))},
                                    {QStringLiteral("p90Hours"), hours(percentile(values, 90))},
                                    {QStringLiteral("buckets"), buckets}});
    }

    // Shipments per overall status, every status listed (zeros included), in route order.
    QMap<QString, qint64> byStatus;
    {
        Statement q =
            prepareOrThrow(db, L("SELECT status, COUNT(*) FROM shipments GROUP BY status"));
        execOrThrow(q, "shipments per status");
        while (q.next())
            byStatus.insert(q.value(0).toString(), q.value(1).toLongLong());
    }
    QJsonArray statusJson;
    for (const QString &s : statusOrder())
        statusJson.append(QJsonObject{{QStringLiteral("status"), s},
                                      {QStringLiteral("count"), byStatus.take(s)}});
    for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it) // anything else, e.g. unknown
        statusJson.append(QJsonObject{{QStringLiteral("status"), it.key()},
                                      {QStringLiteral("count"), it.value()}});

    // Alerts unresolved at the end of each UTC day (today: now), oldest day first.
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC).date();
    QList<QDate> dates;
    QList<qint64> ends;
    for (int i = days - 1; i >= 0; --i) {
        const QDate d = today.addDays(-i);
        dates << d;
        ends << std::min(QDateTime(d.addDays(1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch(),
                         nowMs + 1);
    }
    const QList<qint64> open = alerts::unresolvedAt(db, ends);
    QJsonArray alertsJson;
    for (qsizetype i = 0; i < dates.size(); ++i)
        alertsJson.append(QJsonObject{{QStringLiteral("day"), dates.at(i).toString(Qt::ISODate)},
                                      {QStringLiteral("open"), open.at(i)}});

    return {{QStringLiteral("days"), days},
            {QStringLiteral("leadTimes"), leadJson},
            {QStringLiteral("byStatus"), statusJson},
            {QStringLiteral("alertsOpen"), alertsJson}};
}

} // namespace haitao::server::logistics
