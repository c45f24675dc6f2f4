#include "models/placementstats.h"

#include <algorithm>

namespace haitao::models {

std::optional<double> DaySuccess::percent() const
{
    if (decided <= 0)
        return std::nullopt;
    return 100.0 * double(placed) / double(decided);
}

QMap<QString, QList<DaySuccess>> successBySite(const client::PlacementStats &stats)
{
    QMap<QString, QMap<QDate, DaySuccess>> bySite;
    for (const client::PlacementStats::Day &d : stats.days) {
        DaySuccess &s = bySite[d.site][d.date];
        s.date = d.date;
        s.placed += d.placed;
        s.decided += d.placed + d.needsManual;
    }
    QMap<QString, QList<DaySuccess>> out;
    for (auto site = bySite.cbegin(); site != bySite.cend(); ++site)
        out.insert(site.key(), site.value().values()); // QMap keeps the days in order
    return out;
}

QList<client::PlacementStats::Failure> topFailures(const client::PlacementStats &stats, int limit)
{
    QList<client::PlacementStats::Failure> all = stats.failures;
    std::stable_sort(all.begin(), all.end(), [](const auto &a, const auto &b) {
        if (a.count != b.count)
            return a.count > b.count;
        if (a.step != b.step)
            return a.step < b.step;
        return a.reason < b.reason;
    });
    if (limit >= 0 && all.size() > limit)
        all.resize(limit);
    return all;
}

} // namespace haitao::models
