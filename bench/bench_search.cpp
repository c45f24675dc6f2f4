// Customer search, GET /api/v1/products?q=..., measured with wrk over a catalog prepared by
// bench_import --keep DIR --publish (e.g. 1,000,000 SKUs). Starts haitao-server in-process on
// DIR and runs wrk once per query: common and rare English words, Chinese substrings, an
// exact SKU. Usage: bench_search DIR [seconds] [connections]
#include "backend/server.h"
#include "bench/wrk.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

#include <httplib.h>

#include <cstdio>

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
    // Beside each term: the first page's listings and its size in bytes, read once with a
    // plain request (how many listings match in all is not counted). The shares in the
    // comments follow from bench_feedgen's word lists, not from a count.
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
    std::printf("%-28s %10s %10s %10s  %s\n", "q", "req/s", "p50", "p99", "first page, bytes");
    for (const QString &q : queries) {
        const QByteArray encoded = QUrl::toPercentEncoding(q);
        const std::string path = "/api/v1/products?limit=20&q=" + encoded.toStdString();
        const auto r = probe.Get(path.c_str());
        const bool ok = r && r->status == 200;
        const int items =
            ok ? static_cast<int>(QByteArray::fromStdString(r->body).count("\"originalTitle\""))
               : -1;
        const long long bytes = ok ? static_cast<long long>(r->body.size()) : -1;
        const haitao::bench::WrkFigures f =
            haitao::bench::runWrk(base + QString::fromLatin1(encoded), seconds, connections);
        if (f.requestsPerSecond <= 0) {
            std::fprintf(stderr, "wrk failed for %s: %s\n", qPrintable(q), qPrintable(f.raw));
            return 1;
        }
        std::printf("%-28s %10.0f %10s %10s  %d items, %lld bytes\n", q.toUtf8().constData(),
                    f.requestsPerSecond, qPrintable(f.p50), qPrintable(f.p99), items, bytes);
    }
    server.stop();
    return 0;
}
