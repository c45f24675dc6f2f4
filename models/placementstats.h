#pragma once

#include "backend-client/ordertypes.h"

#include <QMap>

namespace haitao::models {

// What the placement dashboard plots, taken from the server's stats: plain values, no Qt
// Charts (the widgets draw them).

// The automatic success of one site on one day: of the sub-orders that reached an automatic
// outcome that day (placed or sent to the manual queue), how many were placed.
struct DaySuccess
{
    QDate date;
    qint64 placed = 0;
    qint64 decided = 0; // placed + needs manual; 0: nothing to rate that day

    // In percent, for plotting only; nullopt when nothing was decided.
    std::optional<double> percent() const;
};

// Per site, oldest day first.
QMap<QString, QList<DaySuccess>> successBySite(const client::PlacementStats &stats);

// The most frequent failures first (ties by step, then reason), at most `limit`.
QList<client::PlacementStats::Failure> topFailures(const client::PlacementStats &stats, int limit);

} // namespace haitao::models
