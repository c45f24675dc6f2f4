// Customer search, GET /api/v1/products?q=..., measured with wrk over a catalog prepared by
// bench_import --keep DIR --publish (e.g. 1,000,000 SKUs). Starts haitao-server in-process on
// DIR and runs wrk once per query: common and rare English words, Chinese substrings, an
// exact SKU. Usage: bench_search DIR [seconds] [connections]
#include "backend/server.h"

#include <QCoreApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QUrl>

#include <httplib.h>

#include <cstdio>

namespace {

struct Figures
{
    double requestsPerSecond = 0;
    QString p50, p99;
    QString raw;
};

Figures runWrk(const QString &url, int seconds, int connections)
{
    QProcess wrk;
    wrk.start(QStringLiteral("wrk"),
              {QStringLiteral("-t1"), QStringLiteral("-c%1").arg(connections),
               QStringLiteral("-d%1s").arg(seconds), QStringLiteral("--latency"), url});
    Figures f;
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
    return f;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_search DIR [seconds] [connections]\n");
        return 2;
    }
    const int seconds = argc > 2 ? std::atoi(argv[2]) : 10;
    const int connections = argc > 3 ? std::atoi(argv[3]) : 8;

    haitao::server::Config config;
    config.port = 0;
    config.dataDir = QString::fromLocal8Bit(argv[1]);
    config.adminPassword = QStringLiteral("bench-admin-password");
    config.logRequests = false;
    config.logSink = [](const QByteArray &) {};
    config.threads = connections + 4; // a keep-alive connection holds a pool thread
    haitao::server::Server server(config);
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "server: %s\n", qPrintable(error));
        return 1;
    }
    const QString base =
        QStringLiteral("http://127.0.0.1:%1/api/v1/products?limit=20&q=").arg(server.port());
    // How many listings each term matches is printed beside it (from the first page's size
    // alone one cannot tell): counted once here with a plain request per term.
    const QStringList queries = {
        QStringLiteral("Cotton"),                   // common English word (one product noun in 16)
        QStringLiteral("Noise Cancelling Earbuds"), // a rarer phrase
        QStringLiteral("#4242"),                    // rare: about one product in 10,000
        QStringLiteral("无线"),      // two Chinese characters: below the trigram size
        QStringLiteral("保温杯"),    // a common Chinese word
        QStringLiteral("象印保温"),  // a rarer Chinese phrase
        QStringLiteral("P123456-1"), // an exact SKU
        QStringLiteral("nothing-matches-this"),
    };
    httplib::Client probe("127.0.0.1", server.port());
    std::printf("%-28s %10s %10s %10s  %s\n", "q", "req/s", "p50", "p99", "first page");
    for (const QString &q : queries) {
        const QByteArray encoded = QUrl::toPercentEncoding(q);
        const std::string path = "/api/v1/products?limit=20&q=" + encoded.toStdString();
        const auto r = probe.Get(path.c_str());
        const int items =
            r && r->status == 200
                ? static_cast<int>(QByteArray::fromStdString(r->body).count("\"originalTitle\""))
                : -1;
        const Figures f = runWrk(base + QString::fromLatin1(encoded), seconds, connections);
        if (f.requestsPerSecond <= 0) {
            std::fprintf(stderr, "wrk failed for %s: %s\n", qPrintable(q), qPrintable(f.raw));
            return 1;
        }
        std::printf("%-28s %10.0f %10s %10s  %d items\n", q.toUtf8().constData(),
                    f.requestsPerSecond, qPrintable(f.p50), qPrintable(f.p99), items);
    }
    server.stop();
    return 0;
}
