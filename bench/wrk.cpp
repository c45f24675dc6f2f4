#include "bench/wrk.h"

#include <QProcess>
#include <QRegularExpression>

namespace haitao::bench {

WrkFigures runWrk(const QString &url, int seconds, int connections, const QStringList &headers,
                  const QString &scriptPath)
{
    QStringList args{QStringLiteral("-t1"), QStringLiteral("-c%1").arg(connections),
                     QStringLiteral("-d%1s").arg(seconds), QStringLiteral("--latency")};
    for (const QString &h : headers)
        args << QStringLiteral("-H") << h;
    if (!scriptPath.isEmpty())
        args << QStringLiteral("-s") << scriptPath;
    args << url;
    QProcess wrk;
    wrk.start(QStringLiteral("wrk"), args);
    WrkFigures f;
    if (!wrk.waitForFinished((seconds + 30) * 1000) || wrk.exitCode() != 0) {
        f.raw = QString::fromLocal8Bit(wrk.readAllStandardError());
        return f;
    }
    f.raw = QString::fromLocal8Bit(wrk.readAllStandardOutput());
    f.requestsPerSecond = QRegularExpression(QStringLiteral("Requests/sec:\\s+([0-9.]+)"))
                              .match(f.raw)
                              .captured(1)
                              .toDouble();
    f.p50 = QRegularExpression(QStringLiteral("\\s50%\\s+(\\S+)")).match(f.raw).captured(1);
    f.p99 = QRegularExpression(QStringLiteral("\\s99%\\s+(\\S+)")).match(f.raw).captured(1);
    f.requests = QRegularExpression(QStringLiteral("([0-9]+) requests in"))
                     .match(f.raw)
                     .captured(1)
                     .toLongLong();
    f.non2xx = QRegularExpression(QStringLiteral("Non-2xx or 3xx responses:\\s+([0-9]+)"))
                   .match(f.raw)
                   .captured(1)
                   .toLongLong();
    return f;
}

} // namespace haitao::bench
