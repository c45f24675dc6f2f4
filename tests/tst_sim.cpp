// haitao-sim's control plane: health, the simulated clock and its input checks.
#include "sim/simserver.h"
#include "tests/support/syncclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using haitao::testing::SyncClient;

class TstSim : public QObject
{
    Q_OBJECT

private slots:
    void healthAndClock()
    {
        haitao::sim::SimServer sim;
        QString error;
        QVERIFY2(sim.start(QStringLiteral("127.0.0.1"), 0, &error), qPrintable(error));
        {
            SyncClient c(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(sim.port())));
            QCOMPARE(c.raw("GET", QStringLiteral("/__sim/health")).status, 200);

            const qint64 before = sim.nowMs();
            const QList<QPair<QByteArray, QByteArray>> json = {
                {"Content-Type", "application/json"}};
            const auto advanced =
                c.raw("POST", QStringLiteral("/__sim/advance"), R"({"hours": 48})", json);
            QCOMPARE(advanced.status, 200);
            const qint64 moved = sim.nowMs() - before;
            QVERIFY2(moved >= 48LL * 3600 * 1000 && moved < 48LL * 3600 * 1000 + 60000,
                     qPrintable(QString::number(moved)));
            const QDateTime reported = QDateTime::fromString(
                QJsonDocument::fromJson(c.raw("GET", QStringLiteral("/__sim/clock")).body)
                    .object()
                    .value(QStringLiteral("now"))
                    .toString(),
                Qt::ISODateWithMs);
            QVERIFY(reported > QDateTime::currentDateTimeUtc().addSecs(47 * 3600));

            for (const QByteArray &bad : {QByteArray(R"({"hours": -1})"), QByteArray("{}"),
                                          QByteArray("not json"), QByteArray("[1]")}) {
                QCOMPARE(c.raw("POST", QStringLiteral("/__sim/advance"), bad, json).status, 400);
            }
            QVERIFY(sim.nowMs() - before < 49LL * 3600 * 1000); // refusals moved nothing
        }
        sim.stop();
    }
};

QTEST_GUILESS_MAIN(TstSim)
#include "tst_sim.moc"
