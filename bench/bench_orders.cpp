// Orders, end to end in this process: haitao-sim as the outside world and haitao-server with
// the demo seeded from it (three sites: amazon.com in USD, amazon.co.jp in JPY, asos.com in
// GBP). Measures
//  1. orders created per second through POST /api/v1/orders (wrk, a fresh Idempotency-Key
//     per request), and replays of one key for comparison;
//  2. automatic placement under the default fault mix (150 ms latency, 5% 429, 5%
//     503, 3% resets, 5% timeouts after create, 1% each captcha, out of stock, price
//     change): success rate per site, sub-orders placed per minute, duplicates at the shop.
// Usage: bench_orders [wrk seconds] [paid orders per site] [connections]
#include "backend/server.h"
#include "bench/benchclient.h"
#include "bench/wrk.h"
#include "sim/simserver.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>

#include <httplib.h>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <utility>

namespace {

using haitao::bench::Http;
using haitao::bench::orderBody;
using haitao::bench::skusOf;

const QStringList kSites{QStringLiteral("amazon.com"), QStringLiteral("amazon.co.jp"),
                         QStringLiteral("asos.com")};

QString writeScript(const QTemporaryDir &dir, const QString &name, const std::string &token,
                    const QByteArray &body, bool freshKeys)
{
    // One wrk thread (-t1): one Lua state, so the counter alone makes the keys unique.
    const QByteArray run = QByteArray::number(QDateTime::currentMSecsSinceEpoch());
    QByteArray lua = "local n = 0\n"
                     "local body = [[" +
                     body +
                     "]]\n"
                     "request = function()\n"
                     "  n = n + 1\n"
                     "  local key = " +
                     (freshKeys ? QByteArray("\"bench-" + run + "-\" .. n") : "\"bench-replay\"") +
                     "\n"
                     "  return wrk.format(\"POST\", \"/api/v1/orders\", {[\"Content-Type\"] = "
                     "\"application/json\", [\"Authorization\"] = \"Bearer " +
                     QByteArray::fromStdString(token) +
                     "\", [\"Idempotency-Key\"] = key}, body)\n"
                     "end\n";
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(lua) != lua.size())
        return {};
    return path;
}

// The manual queue's reasons name SKUs and prices; the figures want their kind.
QString reasonKind(const QString &reason)
{
    for (const char *kind : {"out of stock", "captcha", "the shop asks", "insufficient balance",
                             "attempts", "interrupted", "no shop account"}) {
        if (reason.contains(QLatin1String(kind)))
            return QString::fromLatin1(kind) == u"the shop asks"
                       ? QStringLiteral("price beyond tolerance")
                       : QString::fromLatin1(kind);
    }
    return reason.left(60);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int seconds = argc > 1 ? std::atoi(argv[1]) : 10;
    const int perSite = argc > 2 ? std::atoi(argv[2]) : 100;
    const int connections = argc > 3 ? std::atoi(argv[3]) : 8;

    haitao::sim::SimServer sim;
    QString error;
    if (!sim.start(QStringLiteral("127.0.0.1"), 0, &error)) {
        std::fprintf(stderr, "sim: %s\n", qPrintable(error));
        return 1;
    }
    const QString simUrl = QStringLiteral("http://127.0.0.1:%1").arg(sim.port());

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
    config.fetchAllowHosts << QStringLiteral("127.0.0.1:%1").arg(sim.port());
    config.fxEcbUrl = simUrl + QStringLiteral("/fx/eurofxref-daily.xml");
    config.paymentUrl = simUrl + QStringLiteral("/pay");
    config.paymentSecret = QStringLiteral("sim-pay-demo-secret");
    config.placementWorkers = 3; // one per site: a site's account is used by one at a time
    haitao::server::Server server(config);
    if (!server.start(&error)) {
        std::fprintf(stderr, "server: %s\n", qPrintable(error));
        return 1;
    }

    Http customer("127.0.0.1", server.port());
    Http admin("127.0.0.1", server.port());
    Http simHttp("127.0.0.1", sim.port());
    if (!customer.login("customer", "customer-demo-pass") ||
        !admin.login("admin", "bench-admin-password")) {
        std::fprintf(stderr, "cannot sign in to the demo\n");
        return 1;
    }
    QHash<QString, QList<qint64>> skus;
    for (const QString &site : kSites) {
        skus[site] = skusOf(customer, site);
        if (skus[site].isEmpty()) {
            std::fprintf(stderr, "no published SKUs for %s\n", qPrintable(site));
            return 1;
        }
    }

    // 1. Orders per second.
    const QByteArray body =
        QJsonDocument(orderBody(skus[kSites[0]].first())).toJson(QJsonDocument::Compact);
    const QString fresh = writeScript(dir, QStringLiteral("fresh.lua"), customer.token, body, true);
    const QString replay =
        writeScript(dir, QStringLiteral("replay.lua"), customer.token, body, false);
    const QString url = server.url();
    std::printf("POST /api/v1/orders, one line, wrk -t1 -c%d -d%ds\n", connections, seconds);
    for (const auto &[label, script] : {std::pair{"new orders (fresh Idempotency-Key)", fresh},
                                        std::pair{"replays (one Idempotency-Key)", replay}}) {
        const haitao::bench::WrkFigures f =
            haitao::bench::runWrk(url, seconds, connections, {}, script);
        if (f.requestsPerSecond <= 0) {
            std::fprintf(stderr, "wrk failed: %s\n", qPrintable(f.raw));
            return 1;
        }
        std::printf("  %-36s %8.0f req/s  p50 %-8s p99 %-8s (%lld requests, %lld not 2xx)\n", label,
                    f.requestsPerSecond, qPrintable(f.p50), qPrintable(f.p99), f.requests,
                    f.non2xx);
    }

    // 2. Placement under the default fault mix.
    const QJsonObject mix{
        {QStringLiteral("seed"), 7},
        {QStringLiteral("default"), QJsonObject{{QStringLiteral("latencyMs"), 150},
                                                {QStringLiteral("http429"), 0.05},
                                                {QStringLiteral("http503"), 0.05},
                                                {QStringLiteral("reset"), 0.03},
                                                {QStringLiteral("timeoutAfterCreate"), 0.05},
                                                {QStringLiteral("captcha"), 0.01},
                                                {QStringLiteral("outOfStock"), 0.01},
                                                {QStringLiteral("priceChange"), 0.01}}}};
    int status = 0;
    if (!simHttp.call("PUT", "/__sim/faults", mix, &status) || status != 200) {
        std::fprintf(stderr, "cannot set the fault mix (HTTP %d)\n", status);
        return 1;
    }
    QHash<qint64, QString> siteOfOrder;
    QList<QPair<qint64, QString>> toPay;
    for (const QString &site : kSites) {
        QList<qint64> &list = skus[site];
        for (int i = 0; i < perSite; ++i) {
            std::optional<QJsonObject> order;
            // A SKU the checkout refuses (422: out of stock at import) is dropped and another
            // one drawn.
            while (!list.isEmpty()) {
                const int at = QRandomGenerator::global()->bounded(int(list.size()));
                order = customer.call("POST", "/api/v1/orders", orderBody(list.at(at)), &status,
                                      QStringLiteral("place-%1-%2-%3")
                                          .arg(site)
                                          .arg(i)
                                          .arg(list.at(at))
                                          .toStdString());
                if (order && status == 422) {
                    list.removeAt(at);
                    continue;
                }
                break;
            }
            if (!order || status != 201) {
                std::fprintf(stderr, "order failed (HTTP %d)\n", status);
                return 1;
            }
            toPay.append({order->value(QStringLiteral("id")).toInteger(), site});
        }
    }
    QElapsedTimer clock;
    clock.start();
    for (const auto &[id, site] : toPay) {
        const auto payment = customer.call(
            "POST", "/api/v1/orders/" + std::to_string(id) + "/payments", {}, &status);
        if (!payment || status != 201) {
            std::fprintf(stderr, "payment failed (HTTP %d)\n", status);
            return 1;
        }
        const QUrl payUrl(payment->value(QStringLiteral("payUrl")).toString());
        simHttp.call("POST", payUrl.path().toStdString(), {}, &status);
        siteOfOrder.insert(id, site);
    }
    const qint64 total = toPay.size();
    qint64 placed = 0, manual = 0;
    for (;;) {
        const auto counts = admin.call("GET", "/api/v1/admin/placements/counts");
        if (counts) {
            placed = counts->value(QStringLiteral("placed")).toInteger();
            manual = counts->value(QStringLiteral("needs_manual")).toInteger();
            if (placed + manual >= total)
                break;
        }
        if (clock.elapsed() > 30 * 60 * 1000) {
            std::fprintf(stderr, "placement did not finish in 30 minutes\n");
            break;
        }
        QThread::msleep(250);
    }
    const double minutes = clock.elapsed() / 60000.0;

    QHash<QString, int> placedBy, manualBy;
    QMap<QString, int> manualReasons; // why sub-orders went to the manual queue
    for (const auto &[wanted, into] :
         {std::pair{"placed", &placedBy}, std::pair{"needs_manual", &manualBy}}) {
        std::string cursor;
        do {
            const auto page = admin.call("GET", std::string("/api/v1/admin/placements?limit=200&"
                                                            "status=") +
                                                    wanted + "&cursor=" + cursor);
            if (!page)
                break;
            for (const QJsonValue &v : page->value(QStringLiteral("items")).toArray()) {
                const QJsonObject item = v.toObject();
                ++(*into)[item.value(QStringLiteral("site")).toString()];
                if (into == &manualBy)
                    ++manualReasons[reasonKind(item.value(QStringLiteral("reason")).toString())];
            }
            cursor = QUrl::toPercentEncoding(page->value(QStringLiteral("nextCursor")).toString())
                         .toStdString();
        } while (!cursor.empty());
    }
    QHash<QString, int> references;
    qint64 merchantOrders = 0;
    if (const auto orders = simHttp.call("GET", "/__sim/orders"))
        for (const QJsonValue &v : orders->value(QStringLiteral("items")).toArray()) {
            ++references[v.toObject().value(QStringLiteral("clientReference")).toString()];
            ++merchantOrders;
        }
    int duplicates = 0;
    for (int n : std::as_const(references))
        duplicates += n > 1 ? n - 1 : 0;

    std::printf("\nautomatic placement, default fault mix, %d workers, %d requests/s per site\n",
                config.placementWorkers, config.placementRps);
    std::printf("  %-14s %10s %8s %13s %9s\n", "site", "sub-orders", "placed", "needs_manual",
                "success");
    for (const QString &site : kSites) {
        const int p = placedBy.value(site), m = manualBy.value(site);
        std::printf("  %-14s %10d %8d %13d %8.1f%%\n", qPrintable(site), perSite, p, m,
                    perSite ? 100.0 * p / perSite : 0.0);
    }
    std::printf("  %-14s %10lld %8lld %13lld %8.1f%%\n", "all", total, placed, manual,
                total ? 100.0 * placed / total : 0.0);
    std::printf("  %.2f minutes from the first payment: %.0f sub-orders placed or queued per "
                "minute\n",
                minutes, minutes > 0 ? (placed + manual) / minutes : 0.0);
    std::printf("  manual queue by reason:\n");
    for (auto it = manualReasons.cbegin(); it != manualReasons.cend(); ++it)
        std::printf("    %4d  %s\n", it.value(), qPrintable(it.key()));
    std::printf("  merchant orders at the shop: %lld, duplicates (same client reference): %d\n",
                merchantOrders, duplicates);
    server.stop();
    sim.stop();
    return duplicates == 0 ? 0 : 2;
}
