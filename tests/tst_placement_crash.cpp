// The real haitao-server process killed (SIGKILL) in the middle of placement and started
// again on the same data (same --instance-name): nothing is ordered twice at the shop and no
// paid sub-order is lost; the new process takes the sites over once the old leases expire.
// The orders are prepared by an in-process server (stopped before the process starts) on the
// same store; the shop is haitao-sim in this process, slowed down and holding half of the
// creates without an answer, so that the kill lands while orders are in flight.
#include "tests/support/orderfixture.h"
#include "tests/support/rawjson.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace haitao;
using haitao::testing::body;
using haitao::testing::compact;
using haitao::testing::describe;
using haitao::testing::OrderFixture;
using haitao::testing::SyncClient;

namespace {

const QList<QPair<QByteArray, QByteArray>> kJson{{"Content-Type", "application/json"}};

// Starts haitao-server on the fixture's stores and returns its URL (empty on failure).
QString startServer(QProcess &process, const server::Config &config, const QString &logName)
{
    QStringList args{QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--data"),
                     config.dataDir,
                     QStringLiteral("--placement-workers"),
                     QStringLiteral("2"),
                     QStringLiteral("--instance-name"),
                     QStringLiteral("crash-test"),
                     QStringLiteral("--log-format"),
                     QStringLiteral("json")};
    for (const QString &component : server::Config::components())
        args << QStringLiteral("--db") << component + u'=' + config.dbUrl(component);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HAITAO_ADMIN_PASSWORD"),
               haitao::testing::TestServer::adminPassword());
    // The restarted process never frees the killed one's leases (it could be alive, in a
    // rolling restart): it waits until they expire. Short calls keep that wait short (the
    // worker raises the lease to 3 x (call timeout + pacing), here about 7 s).
    env.insert(QStringLiteral("HAITAO_PLACEMENT_LEASE_SECONDS"), QStringLiteral("1"));
    env.insert(QStringLiteral("HAITAO_PLACEMENT_HTTP_TIMEOUT_MS"), QStringLiteral("2000"));
    process.setProcessEnvironment(env);
    // Its log goes to a file: an unread pipe would fill up and block the server.
    process.setStandardErrorFile(config.dataDir + u'/' + logName);
    process.start(QStringLiteral(HAITAO_SERVER_BINARY), args);
    QByteArray out;
    QElapsedTimer timer;
    timer.start();
    while (!out.contains("listening on ") && timer.elapsed() < 60000) {
        if (!process.waitForReadyRead(500) && process.state() != QProcess::Running)
            break;
        out += process.readAllStandardOutput();
    }
    return QRegularExpression(QStringLiteral("listening on (http://\\S+)"))
        .match(QString::fromUtf8(out))
        .captured(1);
}

} // namespace

class TstPlacementCrash : public QObject
{
    Q_OBJECT

private slots:
    void killedMidPlacementAndRestarted()
    {
#ifndef Q_OS_UNIX
        QSKIP("SIGKILL is POSIX");
#endif
        server::Config config;
        config.placementWorkers = 0; // the process places, not the preparing server
        OrderFixture world(config);
        QVERIFY(world.start());
        world.addShopAccounts();
        world.createCustomer(QStringLiteral("buyer"));
        auto customer = world.client(QStringLiteral("buyer"), OrderFixture::customerPassword());
        const QStringList sites{QStringLiteral("amazon.com"), QStringLiteral("amazon.co.jp"),
                                QStringLiteral("asos.com")};
        QHash<QString, QList<qint64>> skus;
        for (const QString &site : sites)
            skus[site] = world.publishedSkuIds(site);
        QList<qint64> subOrders;
        for (int i = 0; i < 12; ++i) {
            QList<QPair<qint64, int>> lines;
            for (const QString &site : sites)
                lines.append({skus[site].at(i % skus[site].size()), 1});
            const QJsonObject order =
                world.placeOrder(*customer, lines, QStringLiteral("crash-%1").arg(i));
            world.pay(*customer, order.value(QStringLiteral("id")).toInteger());
            for (const QJsonValue &s : order.value(QStringLiteral("subOrders")).toArray())
                subOrders << s.toObject().value(QStringLiteral("id")).toInteger();
        }
        QCOMPARE(int(subOrders.size()), 36);
        const server::Config used = world.server().config();
        world.server().stop();

        SyncClient sim(world.simUrl());
        QCOMPARE(sim.raw("PUT", QStringLiteral("/__sim/faults"),
                         compact({{QStringLiteral("seed"), 5},
                                  {QStringLiteral("default"),
                                   QJsonObject{{QStringLiteral("latencyMs"), 100},
                                               {QStringLiteral("timeoutAfterCreate"), 0.5}}}}),
                         kJson)
                         .status /
                     100,
                 2);
        const auto simOrderCount = [&sim] {
            return body(sim.raw("GET", QStringLiteral("/__sim/orders")))
                .value(QStringLiteral("items"))
                .toArray()
                .size();
        };

        QProcess first;
        const QString url = startServer(first, used, QStringLiteral("first.log"));
        QVERIFY(!url.isEmpty());
        // Kill it once some orders exist at the shop and others are still to come.
        QElapsedTimer t;
        t.start();
        while (simOrderCount() < 6 && t.elapsed() < 60000)
            QTest::qWait(50);
        QVERIFY(simOrderCount() >= 6);
        QVERIFY(simOrderCount() < subOrders.size());
        first.kill(); // SIGKILL: no shutdown, whatever was in flight stays so
        QVERIFY(first.waitForFinished(10000));
        QCOMPARE(first.exitStatus(), QProcess::CrashExit);

        QCOMPARE(sim.raw("PUT", QStringLiteral("/__sim/faults"),
                         compact({{QStringLiteral("default"),
                                   QJsonObject{{QStringLiteral("latencyMs"), 5}}}}),
                         kJson)
                         .status /
                     100,
                 2);
        QProcess second;
        const QString url2 = startServer(second, used, QStringLiteral("second.log"));
        QVERIFY(!url2.isEmpty());
        {
            SyncClient admin{QUrl(url2)};
            QCOMPARE(
                admin.login(QStringLiteral("admin"), haitao::testing::TestServer::adminPassword()),
                QString());
            QElapsedTimer wait;
            wait.start();
            QJsonObject counts;
            for (;;) {
                counts = body(admin.raw("GET", QStringLiteral("/api/v1/admin/placements/counts")));
                if (counts.value(QStringLiteral("awaiting_placement")).toInt() +
                        counts.value(QStringLiteral("placing")).toInt() ==
                    0)
                    break;
                QVERIFY2(wait.elapsed() < 90000, qPrintable(QString::fromUtf8(compact(counts))));
                QTest::qWait(100);
            }

            QHash<QString, int> atShop;
            QHash<QString, QString> merchantIds;
            for (const QJsonValue &v : body(sim.raw("GET", QStringLiteral("/__sim/orders")))
                                           .value(QStringLiteral("items"))
                                           .toArray()) {
                const QJsonObject o = v.toObject();
                const QString ref = o.value(QStringLiteral("clientReference")).toString();
                ++atShop[ref];
                merchantIds[ref] = o.value(QStringLiteral("merchantOrderId")).toString();
            }
            int placed = 0;
            int reconciled = 0;
            for (const qint64 id : std::as_const(subOrders)) {
                const auto r =
                    admin.raw("GET", QStringLiteral("/api/v1/admin/sub-orders/%1").arg(id));
                QCOMPARE(r.status, 200);
                const QJsonObject s = body(r);
                const QString ref = s.value(QStringLiteral("clientReference")).toString();
                const QString status = s.value(QStringLiteral("status")).toString();
                QVERIFY2(atShop.value(ref) <= 1, qPrintable(ref)); // never twice
                QVERIFY2(status == u"placed" || status == u"needs_manual", qPrintable(status));
                if (status == u"placed") {
                    ++placed;
                    QCOMPARE(atShop.value(ref), 1);
                    QCOMPARE(s.value(QStringLiteral("merchantOrderId")).toString(),
                             merchantIds.value(ref));
                }
                for (const QJsonValue &a : s.value(QStringLiteral("placementAttempts")).toArray())
                    if (a.toObject().value(QStringLiteral("outcome")).toString() == u"interrupted")
                        ++reconciled;
            }
            qInfo("%d of %d placed; %d attempts interrupted by the kill and reconciled", placed,
                  int(subOrders.size()), reconciled);
            QVERIFY(reconciled >= 1);                // the kill did land mid-flight
            QCOMPARE(placed, int(subOrders.size())); // the second run has no faults but latency
        }
        second.terminate();
        QVERIFY(second.waitForFinished(20000));
    }
};

QTEST_MAIN(TstPlacementCrash)
#include "tst_placement_crash.moc"
