#pragma once

#include "backend-client/warehousetypes.h"

#include <QStringList>

namespace haitao::models {

// What the Logistics dashboard plots, taken from GET /logistics/stats: plain values and their
// labels, no Qt Charts (the widget draws them).

// One lead-time bucket in days; toDays nullopt: open-ended.
struct DayRange
{
    int fromDays = 0;
    std::optional<int> toDays;
    friend bool operator==(const DayRange &, const DayRange &) = default;
};

// The lead-time distribution of one site and shop carrier, its counts aligned with
// LeadTimeTable::buckets.
struct LeadTimeRow
{
    QString site;
    QString carrier;
    qint64 count = 0;
    std::optional<double> p50Hours;
    std::optional<double> p90Hours;
    QList<qint64> counts;
};

struct LeadTimeTable
{
    QList<DayRange> buckets; // every bucket any row has, shortest lead time first
    QList<LeadTimeRow> rows; // by site, then carrier; rows without deliveries left out
};

LeadTimeTable leadTimeTable(const client::LogisticsStats &stats);

// Parcels per overall status in route order (shipmentStatuses() of logisticslabels.h, then
// unknown and any other name alphabetically); statuses without parcels are left out. Their
// words: shipmentStatusLabel().
QList<client::LogisticsStats::StatusCount> statusCounts(const client::LogisticsStats &stats);

// Open alerts per day, oldest first.
QList<client::LogisticsStats::AlertsDay> alertsOpenByDay(const client::LogisticsStats &stats);

// Translated labels. "0–3 d", "21+ d".
QString dayRangeLabel(const DayRange &range);
// "amazon.com · swiftpost: 12 delivered, p50 4.2 d, p90 6.0 d": a bar set's legend text.
QString leadTimeLegend(const LeadTimeRow &row);
// Hours as days with one decimal ("4.2 d"); for display only.
QString leadTimeDaysText(double hours);

} // namespace haitao::models
