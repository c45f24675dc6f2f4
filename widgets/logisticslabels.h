#pragma once

#include <QColor>
#include <QDateTime>
#include <QString>

namespace haitao::widgets {

// The colours of the normalized statuses (the names are models/logisticslabels.h) and of quiet
// parcels: the one place these live, for the shipments table, the timeline and the filters.
struct StatusColours
{
    QColor background; // invalid: the view's own
    QColor foreground;
};
StatusColours statusColours(const QString &status); // "unknown" stands out too

// How long an open parcel may go without a new checkpoint before its quiet age turns amber,
// then red. The server's alerts use their own limits per leg (--quiet-hours); these only draw
// the eye.
namespace quiet {
constexpr qint64 kAmberAfterSeconds = 2 * 24 * 3600;
constexpr qint64 kRedAfterSeconds = 5 * 24 * 3600;
enum class Level { Normal, Amber, Red };
Level levelOf(qint64 quietSeconds, const QString &status); // delivered/returned: Normal
} // namespace quiet

// A checkpoint time in the carrier's own zone: "26/11/2026 10:00 UTC+09:00" in the user's
// locale; empty for an invalid time.
QString zonedTimeText(const QDateTime &time);

} // namespace haitao::widgets
