#include "backend/orders/placementstats.h"

#include "backend/storage/database.h"
#include "backend/storage/sqltext.h"

#include <QDateTime>
#include <QJsonArray>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace haitao::server::orders::placementstats {

namespace {

using sql::L;

constexpr qint64 kDayMs = 86400 * 1000;

QString dateOf(qint64 day)
{
    return QDateTime::fromMSecsSinceEpoch(day * kDayMs, Qt::UTC).date().toString(Qt::ISODate);
}

// Nearest rank: the smallest value with at least p% of the values at or below it.
qint64 percentile(const QList<qint64> &sorted, int p)
{
    if (sorted.isEmpty())
        return 0;
    const qsizetype rank = std::max<qsizetype>(1, (sorted.size() * p + 99) / 100);
    return sorted.at(std::min(rank, sorted.size()) - 1);
}

struct DayCounts
{
    qint64 attempts = 0;
    qint64 placed = 0;
    qint64 needsManual = 0;
};

} // namespace

QJsonObject compute(const QSqlDatabase &db, qint64 nowMs, int days)
{
    const qint64 today = nowMs / kDayMs;
    const qint64 firstDay = today - days + 1;
    const qint64 from = firstDay * kDayMs;

    QSet<QString> sites;
    QMap<QPair<qint64, QString>, DayCounts> perDay;
    {
        Statement q = prepareOrThrow(
            db, L("SELECT started_at / 86400000, site, COUNT(*) FROM placement_attempts WHERE "
                  "started_at >= :from GROUP BY 1, 2"));
        q.bindValue(QStringLiteral(":from"), from);
        execOrThrow(q, "count placement attempts per day");
        while (q.next()) {
            const QString site = q.value(1).toString();
            sites.insert(site);
            perDay[{q.value(0).toLongLong(), site}].attempts = q.value(2).toLongLong();
        }
    }
    {
        Statement q = prepareOrThrow(
            db, L("SELECT e.at / 86400000, s.site, e.to_status, COUNT(*) FROM order_events e "
                  "JOIN sub_orders s ON s.id = e.sub_order_id WHERE e.at >= :from AND "
                  "e.to_status IN ('placed', 'needs_manual') GROUP BY 1, 2, 3"));
        q.bindValue(QStringLiteral(":from"), from);
        execOrThrow(q, "count placements per day");
        while (q.next()) {
            const QString site = q.value(1).toString();
            sites.insert(site);
            DayCounts &c = perDay[{q.value(0).toLongLong(), site}];
            if (q.value(2).toString() == u"placed")
                c.placed = q.value(3).toLongLong();
            else
                c.needsManual = q.value(3).toLongLong();
        }
    }
    QStringList siteList(sites.begin(), sites.end());
    siteList.sort();
    QJsonArray daysJson;
    for (qint64 d = firstDay; d <= today; ++d) {
        for (const QString &site : std::as_const(siteList)) {
            const DayCounts c = perDay.value({d, site});
            daysJson.append(QJsonObject{{QStringLiteral("date"), dateOf(d)},
                                        {QStringLiteral("site"), site},
                                        {QStringLiteral("attempts"), c.attempts},
                                        {QStringLiteral("placed"), c.placed},
                                        {QStringLiteral("needsManual"), c.needsManual}});
        }
    }

    QJsonArray failures;
    {
        Statement q = prepareOrThrow(
            db, L("SELECT failed_step, reason, COUNT(*) FROM placement_attempts WHERE started_at "
                  ">= :from AND outcome IN ('retry', 'needs_manual') GROUP BY 1, 2 "
                  "ORDER BY 3 DESC, 1, 2"));
        q.bindValue(QStringLiteral(":from"), from);
        execOrThrow(q, "count placement failures");
        while (q.next())
            failures.append(QJsonObject{{QStringLiteral("step"), q.value(0).toString()},
                                        {QStringLiteral("reason"), q.value(1).toString()},
                                        {QStringLiteral("count"), q.value(2).toLongLong()}});
    }

    QMap<QString, QList<qint64>> latencies;
    {
        Statement q = prepareOrThrow(
            db, L("SELECT s.site, e.at - o.paid_at FROM order_events e JOIN sub_orders s ON "
                  "s.id = e.sub_order_id JOIN orders o ON o.id = s.order_id WHERE e.to_status = "
                  "'placed' AND e.at >= :from AND o.paid_at IS NOT NULL"));
        q.bindValue(QStringLiteral(":from"), from);
        execOrThrow(q, "read placement latencies");
        while (q.next())
            latencies[q.value(0).toString()].append(std::max<qint64>(0, q.value(1).toLongLong()));
    }
    QJsonArray latency;
    for (auto it = latencies.begin(); it != latencies.end(); ++it) {
        QList<qint64> &values = it.value();
        std::sort(values.begin(), values.end());
        latency.append(QJsonObject{{QStringLiteral("site"), it.key()},
                                   {QStringLiteral("count"), values.size()},
                                   {QStringLiteral("p50Ms"), percentile(values, 50)},
                                   {QStringLiteral("p90Ms"), percentile(values, 90)},
                                   {QStringLiteral("p99Ms"), percentile(values, 99)}});
    }

    // The queue at each day's end: every entry into needs_manual adds one, every exit takes
    // one away, from the first event on.
    QJsonArray queue;
    {
        Statement q = prepareOrThrow(
            db, L("SELECT at, to_status FROM order_events WHERE sub_order_id IS NOT NULL AND "
                  "(to_status = 'needs_manual' OR from_status = 'needs_manual') AND at < :to "
                  "ORDER BY at, id"));
        q.bindValue(QStringLiteral(":to"), (today + 1) * kDayMs);
        execOrThrow(q, "read manual queue changes");
        qint64 length = 0;
        qint64 day = firstDay;
        const auto closeDaysBefore = [&](qint64 at) {
            while (day <= today && at >= (day + 1) * kDayMs) {
                queue.append(QJsonObject{{QStringLiteral("date"), dateOf(day)},
                                         {QStringLiteral("needsManual"), length}});
                ++day;
            }
        };
        while (q.next()) {
            const qint64 at = q.value(0).toLongLong();
            closeDaysBefore(at);
            length += q.value(1).toString() == u"needs_manual" ? 1 : -1;
        }
        closeDaysBefore((today + 1) * kDayMs);
    }

    return {{QStringLiteral("days"), daysJson},
            {QStringLiteral("failures"), failures},
            {QStringLiteral("latency"), latency},
            {QStringLiteral("queue"), queue}};
}

} // namespace haitao::server::orders::placementstats
