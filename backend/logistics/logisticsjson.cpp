#include "backend/logistics/logisticsjson.h"

#include "backend/logistics/carriers.h"
#include "backend/storage/database.h"
#include "backend/storage/sqltext.h"

#include <QDateTime>

namespace haitao::server::logistics::json {

using sql::L;

QJsonObject checkpoint(qint64 id, qint64 eventAtMs, int tzOffsetMin, const QString &place,
                       const QString &status, const QString &rawStatus, const QString &rawText,
                       const QString &source, bool withId)
{
    QJsonObject o{{QStringLiteral("time"),
                   QDateTime::fromMSecsSinceEpoch(eventAtMs, Qt::OffsetFromUTC, tzOffsetMin * 60)
                       .toString(Qt::ISODate)},
                  {QStringLiteral("place"), place},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("rawStatus"), rawStatus},
                  {QStringLiteral("rawText"), rawText},
                  {QStringLiteral("source"), source}};
    if (withId)
        o.insert(QStringLiteral("id"), id);
    return o;
}

QJsonArray legs(const QSqlDatabase &db, qint64 shipmentId, bool withIds)
{
    Statement q = prepareOrThrow(
        db, L("SELECT l.id, l.kind, l.carrier, l.tracking_number, l.status, c.name FROM "
              "shipment_legs sl JOIN legs l ON l.id = sl.leg_id LEFT JOIN carriers c ON c.code = "
              "l.carrier WHERE sl.shipment_id = :id"));
    q.bindValue(QStringLiteral(":id"), shipmentId);
    execOrThrow(q, "legs");
    struct Row
    {
        qint64 id;
        QString kind, carrier, number, status, name;
    };
    QList<Row> rows;
    while (q.next())
        rows.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toString(), q.value(4).toString(), q.value(5).toString()});
    std::sort(rows.begin(), rows.end(),
              [](const Row &a, const Row &b) { return legOrder(a.kind) < legOrder(b.kind); });
    QJsonArray out;
    for (const Row &r : rows) {
        Statement c = prepareOrThrow(
            db, L("SELECT id, event_at, tz_offset_min, place, status, raw_status, raw_text, "
                  "source FROM checkpoints WHERE leg_id = :leg ORDER BY event_at, id"));
        c.bindValue(QStringLiteral(":leg"), r.id);
        execOrThrow(c, "checkpoints");
        QJsonArray checkpoints;
        while (c.next())
            checkpoints.append(checkpoint(c.value(0).toLongLong(), c.value(1).toLongLong(),
                                          c.value(2).toInt(), c.value(3).toString(),
                                          c.value(4).toString(), c.value(5).toString(),
                                          c.value(6).toString(), c.value(7).toString(), withIds));
        QJsonObject leg{{QStringLiteral("kind"), r.kind},
                        {QStringLiteral("carrier"), r.carrier},
                        {QStringLiteral("carrierName"), r.name.isEmpty() ? r.carrier : r.name},
                        {QStringLiteral("trackingNumber"), r.number},
                        {QStringLiteral("status"),
                         r.status.isEmpty() ? QStringLiteral("info_received") : r.status},
                        {QStringLiteral("checkpoints"), checkpoints}};
        if (withIds)
            leg.insert(QStringLiteral("id"), r.id);
        out.append(leg);
    }
    return out;
}

} // namespace haitao::server::logistics::json
