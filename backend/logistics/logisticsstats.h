#pragma once

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>

namespace haitao::server::logistics {

// GET /logistics/stats: lead times (placed -> delivered event) of the shipments delivered in
// the last `days` days per site and shop carrier, shipments per overall status, and the
// alerts unresolved at the end of each of the last `days` UTC days (docs/logistics.md).
QJsonObject logisticsStats(const QSqlDatabase &db, qint64 nowMs, int days);

// The lead-time distribution's pieces, for tests: nearest-rank percentile of sorted values,
// and the bucket (0-3, 3-5, 5-7, 7-10, 10-14, 14-21, 21+ days) of a duration.
qint64 percentile(const QList<qint64> &sorted, int p);
int leadTimeBucket(qint64 ms);

} // namespace haitao::server::logistics
