#include "models/logisticsstats.h"

#include "models/logisticslabels.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace haitao::models {

namespace {

// Free functions have no tr(): the literal context lets lupdate find the strings.
QString localized(const char *text)
{
    return QCoreApplication::translate("haitao::models::LogisticsStats", text);
}

// The route's statuses, then unmapped ones.
QStringList routeOrder()
{
    return shipmentStatuses() << QStringLiteral("unknown");
}

bool rangeBefore(const DayRange &a, const DayRange &b)
{
    if (a.fromDays != b.fromDays)
        return a.fromDays < b.fromDays;
    // An open range sorts after a closed one starting at the same day.
    return a.toDays.has_value() && (!b.toDays || *a.toDays < *b.toDays);
}

} // namespace

LeadTimeTable leadTimeTable(const client::LogisticsStats &stats)
{
    LeadTimeTable table;
    QList<const client::LogisticsStats::LeadTime *> kept;
    for (const client::LogisticsStats::LeadTime &l : stats.leadTimes) {
        if (l.count <= 0)
            continue;
        kept.append(&l);
        for (const client::LogisticsStats::Bucket &b : l.buckets) {
            const DayRange range{b.fromDays, b.toDays};
            if (!table.buckets.contains(range))
                table.buckets.append(range);
        }
    }
    std::sort(table.buckets.begin(), table.buckets.end(), rangeBefore);
    std::stable_sort(kept.begin(), kept.end(), [](const auto *a, const auto *b) {
        return a->site != b->site ? a->site < b->site : a->carrier < b->carrier;
    });
    for (const client::LogisticsStats::LeadTime *l : kept) {
        LeadTimeRow row{l->site, l->carrier, l->count, l->p50Hours, l->p90Hours, {}};
        row.counts.fill(0, table.buckets.size());
        for (const client::LogisticsStats::Bucket &b : l->buckets)
            row.counts[table.buckets.indexOf(DayRange{b.fromDays, b.toDays})] += b.count;
        table.rows.append(row);
    }
    return table;
}

QList<client::LogisticsStats::StatusCount> statusCounts(const client::LogisticsStats &stats)
{
    QList<client::LogisticsStats::StatusCount> counts;
    for (const client::LogisticsStats::StatusCount &c : stats.byStatus) {
        if (c.count > 0)
            counts.append(c);
    }
    const QStringList order = routeOrder();
    std::stable_sort(counts.begin(), counts.end(), [&order](const auto &a, const auto &b) {
        const qsizetype ia = order.indexOf(a.status), ib = order.indexOf(b.status);
        const qsizetype ra = ia < 0 ? order.size() : ia, rb = ib < 0 ? order.size() : ib;
        return ra != rb ? ra < rb : a.status < b.status;
    });
    return counts;
}

QList<client::LogisticsStats::AlertsDay> alertsOpenByDay(const client::LogisticsStats &stats)
{
    QList<client::LogisticsStats::AlertsDay> days = stats.alertsOpen;
    std::stable_sort(days.begin(), days.end(),
                     [](const auto &a, const auto &b) { return a.day < b.day; });
    return days;
}

QString dayRangeLabel(const DayRange &range)
{
    if (!range.toDays)
        return localized(QT_TRANSLATE_NOOP("haitao::models::LogisticsStats", "%1+ d"))
            .arg(range.fromDays);
    return localized(QT_TRANSLATE_NOOP("haitao::models::LogisticsStats", "%1–%2 d"))
        .arg(range.fromDays)
        .arg(*range.toDays);
}

QString leadTimeDaysText(double hours)
{
    return localized(QT_TRANSLATE_NOOP("haitao::models::LogisticsStats", "%1 d"))
        .arg(QLocale().toString(hours / 24.0, 'f', 1));
}

QString leadTimeLegend(const LeadTimeRow &row)
{
    QString text =
        localized(QT_TRANSLATE_NOOP("haitao::models::LogisticsStats", "%1 · %2: %L3 delivered"))
            .arg(row.site, row.carrier)
            .arg(row.count);
    if (row.p50Hours)
        text += localized(QT_TRANSLATE_NOOP("haitao::models::LogisticsStats", ", p50 %1"))
                    .arg(leadTimeDaysText(*row.p50Hours));
    if (row.p90Hours)
        text += localized(QT_TRANSLATE_NOOP("haitao::models::LogisticsStats", ", p90 %1"))
                    .arg(leadTimeDaysText(*row.p90Hours));
    return text;
}

} // namespace haitao::models
