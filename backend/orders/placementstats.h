#pragma once

#include <QJsonObject>
#include <QSqlDatabase>

namespace haitao::server::orders::placementstats {

// GET /admin/placements/stats over the last `days` UTC days up to `nowMs`:
// {"days": [{"date", "site", "attempts", "placed", "needsManual"}] (every date and site of the
// window, zeros included), "failures": [{"step", "reason", "count"}] (failed attempts, most
// first), "latency": [{"site", "count", "p50Ms", "p90Ms", "p99Ms"}] (paid -> placed
// automatically), "queue": [{"date", "needsManual"}] (the queue's length at the end of each
// day, from the state changes)}.
QJsonObject compute(const QSqlDatabase &db, qint64 nowMs, int days);

} // namespace haitao::server::orders::placementstats
