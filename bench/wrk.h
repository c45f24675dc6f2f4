#pragma once

#include <QString>
#include <QStringList>

namespace haitao::bench {

// What one wrk run printed: requests per second and the latency percentiles as wrk writes
// them ("1.12ms"); `raw` is its whole output, or its error output when it failed.
struct WrkFigures
{
    double requestsPerSecond = 0; // 0 when wrk failed or is not installed
    QString p50, p99;
    qint64 requests = 0;
    qint64 non2xx = 0; // "Non-2xx or 3xx responses"
    QString raw;
};

// Runs `wrk -t1 -cCONNECTIONS -dSECONDSs --latency [-H header]... [-s SCRIPT] URL` and reads
// its figures. A Lua script varies each request (e.g. a fresh Idempotency-Key per order).
WrkFigures runWrk(const QString &url, int seconds, int connections, const QStringList &headers = {},
                  const QString &scriptPath = {});

} // namespace haitao::bench
