// Logistics at scale: haitao-sim as a child process (so that this process's CPU and memory
// are the server's) and haitao-server in process with the demo seeded from the sim.
// Measures
//  1. GET /api/v1/orders/{id}/tracking (wrk) for a demo order whose parcels have moved;
//  2. tracking numbers refreshed per second with N open shipments (default 100,000) under
//     per-carrier limits (swiftpost and sfsim answer 40 numbers per call, kuroneko one),
//     with this process's CPU and resident memory, and the tracking route again under
//     that load.
// Usage: bench_logistics [seconds] [shipments] [requests/s per carrier] [connections]
#include "backend/logistics/logisticsservice.h"
#include "backend/server.h"
#include "bench/benchclient.h"
#include "bench/wrk.h"
#include "tests/support/logisticsseed.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>

#include <sys/resource.h>

#include <algorithm>

#include <cstdio>
#include <cstdlib>
#include <functional>

namespace {

using haitao::bench::Http;

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// Resident memory of this process, MiB.
double rssMiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QRegularExpression re(QStringLiteral("VmRSS:\\s+(\\d+) kB"));
    const auto m = re.match(QString::fromLatin1(f.readAll()));
    return m.hasMatch() ? m.captured(1).toDouble() / 1024.0 : 0;
}

// Starts haitao-sim next to this program on a free port; returns its URL.
QString startSim(QProcess &sim)
{
    sim.setProgram(QCoreApplication::applicationDirPath() + QStringLiteral("/haitao-sim"));
    sim.setArguments({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                      QStringLiteral("--smtp-port"), QStringLiteral("0")});
    sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    sim.start();
    if (!sim.waitForStarted(10000))
        return {};
    QByteArray out;
    while (sim.waitForReadyRead(10000)) {
        out += sim.readAllStandardOutput();
        const auto m = QRegularExpression(QStringLiteral("listening on (http://\\S+)"))
                           .match(QString::fromUtf8(out));
        if (m.hasMatch())
            return m.captured(1);
    }
    return {};
}

bool waitFor(const std::function<bool()> &done, int seconds)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > seconds * 1000)
            return false;
        QThread::msleep(200);
    }
    return true;
}

int checkpointsOf(const QJsonObject &tracking)
{
    int n = 0;
    for (const QJsonValue &s : tracking.value(QStringLiteral("subOrders")).toArray())
        for (const QJsonValue &l : s.toObject().value(QStringLiteral("legs")).toArray())
            n += int(l.toObject().value(QStringLiteral("checkpoints")).toArray().size());
    return n;
}

void printWrk(const char *label, const haitao::bench::WrkFigures &f)
{
    std::printf("  %-44s %8.0f req/s  p50 %-8s p99 %-8s (%lld requests, %lld not 2xx)\n", label,
                f.requestsPerSecond, qPrintable(f.p50), qPrintable(f.p99), f.requests, f.non2xx);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int seconds = argc > 1 ? std::atoi(argv[1]) : 20;
    const int shipments = argc > 2 ? std::atoi(argv[2]) : 100000;
    const int rps = argc > 3 ? std::atoi(argv[3]) : 10;
    const int connections = argc > 4 ? std::atoi(argv[4]) : 8;

    QProcess simProcess;
    const QString simUrl = startSim(simProcess);
    if (simUrl.isEmpty()) {
        std::fprintf(stderr, "haitao-sim did not start\n");
        return 1;
    }
    const QUrl sim(simUrl);

    QTemporaryDir dir;
    haitao::server::Config config;
    config.port = 0;
    config.dataDir = dir.path();
    config.adminPassword = QStringLiteral("bench-admin-password");
    config.logRequests = false;
    config.logSink = [](const QByteArray &) {};
    config.threads = connections + 8;
    config.hashProfile = haitao::server::HashProfile::Fast;
    config.demo = true;
    config.simUrl = simUrl;
    config.fetchAllowHosts << QStringLiteral("%1:%2").arg(sim.host()).arg(sim.port());
    config.fxEcbUrl = simUrl + QStringLiteral("/fx/eurofxref-daily.xml");
    config.paymentUrl = simUrl + QStringLiteral("/pay");
    config.paymentSecret = QStringLiteral("sim-pay-demo-secret");
    config.smsUrl = simUrl + QStringLiteral("/sms/messages");
    config.trackingPollMs = 2000; // a parcel with news is asked again after 2 s
    haitao::server::Server server(config);
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "server: %s\n", qPrintable(error));
        return 1;
    }

    Http customer("127.0.0.1", server.port());
    Http admin("127.0.0.1", server.port());
    Http simHttp(sim.host().toStdString(), sim.port());
    if (!customer.login("customer", "customer-demo-pass") ||
        !admin.login("admin", "bench-admin-password")) {
        std::fprintf(stderr, "cannot sign in to the demo\n");
        return 1;
    }
    // The sim's own limit stays above ours, so that ours is what the figures show.
    int status = 0;
    simHttp.call("PUT", "/__sim/logistics",
                 {{QStringLiteral("rps"), QJsonObject{{QStringLiteral("swiftpost"), rps * 3},
                                                      {QStringLiteral("sfsim"), rps * 3},
                                                      {QStringLiteral("kuroneko"), rps * 3}}}},
                 &status);
    for (const auto &[code, batch] :
         {std::pair{"swiftpost", 40}, std::pair{"sfsim", 40}, std::pair{"kuroneko", 1}}) {
        const auto c = admin.call("GET", "/api/v1/logistics/carriers");
        QJsonObject carrier;
        for (const QJsonValue &v : c ? c->value(QStringLiteral("items")).toArray() : QJsonArray())
            if (v.toObject().value(QStringLiteral("code")).toString() == QLatin1String(code))
                carrier = v.toObject();
        carrier.insert(QStringLiteral("rps"), rps);
        carrier.insert(QStringLiteral("batchSize"), batch);
        admin.call("PUT", std::string("/api/v1/logistics/carriers/") + code, carrier, &status);
        if (status != 200) {
            std::fprintf(stderr, "PUT carrier %s: HTTP %d\n", code, status);
            return 1;
        }
    }

    // 1. One demo order over two sites, paid, placed, shipped and moved two days on.
    QList<qint64> lines;
    for (const char *site : {"amazon.com", "amazon.co.jp"}) {
        const QList<qint64> skus = haitao::bench::skusOf(customer, QString::fromLatin1(site));
        if (skus.isEmpty()) {
            std::fprintf(stderr, "no published SKUs for %s\n", site);
            return 1;
        }
        lines << skus.constFirst();
    }
    QJsonObject body = haitao::bench::orderBody(lines.at(0));
    QJsonArray orderLines = body.value(QStringLiteral("lines")).toArray();
    orderLines.append(
        QJsonObject{{QStringLiteral("skuId"), lines.at(1)}, {QStringLiteral("quantity"), 1}});
    body.insert(QStringLiteral("lines"), orderLines);
    const auto order = customer.call("POST", "/api/v1/orders", body, &status, "bench-tracking");
    if (!order || status != 201) {
        std::fprintf(stderr, "order failed (HTTP %d)\n", status);
        return 1;
    }
    const std::string orderId = std::to_string(order->value(QStringLiteral("id")).toInteger());
    const auto payment =
        customer.call("POST", "/api/v1/orders/" + orderId + "/payments", {}, &status);
    if (!payment || status != 201) {
        std::fprintf(stderr, "payment failed (HTTP %d)\n", status);
        return 1;
    }
    simHttp.call("POST",
                 QUrl(payment->value(QStringLiteral("payUrl")).toString()).path().toStdString(), {},
                 &status);
    const std::string trackingPath = "/api/v1/orders/" + orderId + "/tracking";
    QJsonObject tracking;
    // First placed at the shops and discovered as shipments (the sim's clock still), then
    // the sim's clock moved on a few hours at a time until the parcels have moved.
    const bool discovered = waitFor(
        [&] {
            tracking = customer.call("GET", trackingPath).value_or(QJsonObject());
            const QJsonArray subs = tracking.value(QStringLiteral("subOrders")).toArray();
            return !subs.isEmpty() && std::all_of(subs.begin(), subs.end(), [](const auto &v) {
                return !v.toObject().value(QStringLiteral("shipmentId")).isNull();
            });
        },
        120);
    const bool moved =
        discovered &&
        waitFor(
            [&] {
                simHttp.call("POST", "/__sim/advance", {{QStringLiteral("hours"), 2}});
                tracking = customer.call("GET", trackingPath).value_or(QJsonObject());
                return checkpointsOf(tracking) >= 8;
            },
            180);
    if (!moved) {
        std::fprintf(stderr, "the demo order's parcels did not move: %s\n",
                     QJsonDocument(tracking).toJson(QJsonDocument::Compact).constData());
        simProcess.kill();
        return 1;
    }
    std::printf("GET %s (%d checkpoints, %lld sub-orders), wrk -t1 -c%d -d%ds\n",
                trackingPath.c_str(), checkpointsOf(tracking),
                qint64(tracking.value(QStringLiteral("subOrders")).toArray().size()), connections,
                seconds);
    const QStringList auth{QStringLiteral("Authorization: Bearer ") +
                           QString::fromStdString(customer.token)};
    const haitao::bench::WrkFigures idle = haitao::bench::runWrk(
        server.url() + QString::fromStdString(trackingPath), seconds, connections, auth);
    if (idle.requestsPerSecond <= 0) {
        std::fprintf(stderr, "wrk failed: %s\n", qPrintable(idle.raw));
        return 1;
    }
    printWrk("idle scheduler", idle);

    // 2. N open shipments: parcels at the sim, shipments with trackers in the store.
    haitao::server::logistics::LogisticsService &logistics = server.logistics();
    const double rssBefore = rssMiB();
    QElapsedTimer made;
    made.start();
    const QList<std::pair<QString, int>> split{{QStringLiteral("swiftpost"), shipments * 45 / 100},
                                               {QStringLiteral("sfsim"), shipments * 45 / 100},
                                               {QStringLiteral("kuroneko"), 0}};
    qint64 nextSubOrder = 1000000000;
    int created = 0;
    for (auto [carrier, count] : split) {
        if (carrier == u"kuroneko")
            count = shipments - created;
        for (int done = 0; done < count;) {
            const int n = std::min(50000, count - done);
            const auto numbers = simHttp.call(
                "POST", "/__sim/parcels/bulk",
                {{QStringLiteral("carrier"), carrier}, {QStringLiteral("count"), n}}, &status);
            QStringList list;
            for (const QJsonValue &v :
                 numbers ? numbers->value(QStringLiteral("numbers")).toArray() : QJsonArray())
                list << v.toString();
            if (list.size() != n) {
                std::fprintf(stderr, "sim bulk parcels failed (HTTP %d)\n", status);
                return 1;
            }
            created += haitao::testing::seedShipments(logistics, carrier, list, nextSubOrder);
            nextSubOrder += n;
            done += n;
        }
    }
    std::printf("\n%d open shipments with trackers created in %.1f s (%.0f/s)\n", created,
                made.elapsed() / 1000.0, created / (made.elapsed() / 1000.0));
    logistics.wake();

    // Let the pollers get going, then measure a window.
    QThread::sleep(3);
    const auto before = logistics.counters();
    const double cpuBefore = cpuSeconds();
    QElapsedTimer window;
    window.start();
    const haitao::bench::WrkFigures loaded = haitao::bench::runWrk(
        server.url() + QString::fromStdString(trackingPath), seconds, connections, auth);
    const double wall = window.elapsed() / 1000.0;
    const double cpu = cpuSeconds() - cpuBefore;
    const auto after = logistics.counters();
    const double rssAfter = rssMiB();

    std::printf("polling, %d requests/s per carrier (swiftpost and sfsim 40 numbers per call, "
                "kuroneko 1), %.1f s window:\n",
                rps, wall);
    std::printf("  tracking numbers refreshed  %8.0f /s   (limit %d/s)\n",
                (after.numbersRefreshed - before.numbersRefreshed) / wall, rps * 81);
    std::printf("  carrier requests            %8.1f /s   429s %lld, failures %lld\n",
                (after.requests - before.requests) / wall, after.throttled - before.throttled,
                after.failures - before.failures);
    std::printf("  new checkpoints stored      %8.0f /s\n",
                (after.newCheckpoints - before.newCheckpoints) / wall);
    std::printf("  server process CPU          %8.2f cores (wrk's load on the tracking route "
                "included)\n",
                cpu / wall);
    std::printf("  resident memory             %8.1f MiB before the shipments, %.1f MiB with "
                "them (+%.1f)\n",
                rssBefore, rssAfter, rssAfter - rssBefore);
    printWrk("GET tracking while polling", loaded);

    // The scheduler alone: no wrk.
    const auto quietBefore = logistics.counters();
    const double quietCpu = cpuSeconds();
    QElapsedTimer quiet;
    quiet.start();
    QThread::sleep(uint(seconds));
    const double quietWall = quiet.elapsed() / 1000.0;
    const auto quietAfter = logistics.counters();
    std::printf("  scheduler alone: %.0f numbers/s, %.2f cores, %.1f MiB resident\n",
                (quietAfter.numbersRefreshed - quietBefore.numbersRefreshed) / quietWall,
                (cpuSeconds() - quietCpu) / quietWall, rssMiB());

    server.stop();
    simProcess.terminate();
    simProcess.waitForFinished(5000);
    return 0;
}
