// haitao-sim's control plane: health, the simulated clock, the fault switches and their
// input checks; and the simulated ECB rate file.
#include "sim/ecbfeed.h"
#include "sim/simserver.h"
#include "tests/support/syncclient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTimeZone>

#include <memory>

using haitao::testing::SyncClient;

namespace {

const QList<QPair<QByteArray, QByteArray>> kJson = {{"Content-Type", "application/json"}};
const QString kFxFile = QStringLiteral("/fx/eurofxref-daily.xml");

qint64 utcMs(int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone::utc()).toMSecsSinceEpoch();
}

} // namespace

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

    void faultRequestsAreChecked()
    {
        haitao::sim::SimServer sim;
        QString error;
        QVERIFY2(sim.start(QStringLiteral("127.0.0.1"), 0, &error), qPrintable(error));
        SyncClient c(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(sim.port())));
        for (const QByteArray &bad :
             {QByteArray(R"({"path": "fx/", "mode": "503"})"),     // no leading /
              QByteArray(R"({"path": "/__sim/", "mode": "503"})"), // the control plane
              QByteArray(R"({"mode": "503"})"),
              QByteArray(R"({"path": "/fx/", "mode": "explode"})"),
              QByteArray(R"({"path": "/fx/"})"),
              QByteArray(R"({"path": "/fx/", "mode": "slow", "delayMs": -1})"),
              QByteArray(R"({"path": "/fx/", "mode": "slow", "delayMs": 1.5})"),
              QByteArray(R"({"path": "/fx/", "mode": "503", "retryAfter": "5"})"),
              QByteArray(R"({"path": "/fx/", "mode": "503", "times": -1})"),
              QByteArray(R"({"path": "/fx/", "mode": "503", "method": "FETCH"})"),
              QByteArray(R"({"path": "/fx/", "mode": "503", "method": 1})"), QByteArray("not json"),
              QByteArray("[]")}) {
            const auto r = c.raw("POST", QStringLiteral("/__sim/faults"), bad, kJson);
            QVERIFY2(r.status == 400, bad.constData());
        }
        const auto listed = c.raw("GET", QStringLiteral("/__sim/faults"));
        QCOMPARE(listed.status, 200);
        QCOMPARE(QJsonDocument::fromJson(listed.body)
                     .object()
                     .value(QStringLiteral("faults"))
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(c.raw("GET", kFxFile).status, 200); // the refusals set nothing
    }

    void shoppersCheckTheirPlan()
    {
        haitao::sim::SimServer sim;
        QString error;
        QVERIFY2(sim.start(QStringLiteral("127.0.0.1"), 0, &error), qPrintable(error));
        SyncClient c(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(sim.port())));
        const auto post = [&](const QByteArray &json) {
            return c.raw("POST", QStringLiteral("/__sim/shoppers"), json, kJson).status;
        };
        for (const QByteArray &bad :
             {QByteArray("{\"username\": \"u\", \"password\": \"p\"}"),
              QByteArray("{\"platform\": \"ftp://x\", \"username\": \"u\", \"password\": \"p\"}"),
              QByteArray("{\"platform\": \"http://127.0.0.1:1\", \"password\": \"p\"}"),
              QByteArray("{\"platform\": \"http://127.0.0.1:1\", \"username\": \"u\", "
                         "\"password\": \"p\", \"orders\": 0}"),
              QByteArray("{\"platform\": \"http://127.0.0.1:1\", \"username\": \"u\", "
                         "\"password\": \"p\", \"orders\": 2.5}"),
              QByteArray("{\"platform\": \"http://127.0.0.1:1\", \"username\": \"u\", "
                         "\"password\": \"p\", \"pauseMs\": -1}"),
              QByteArray("[]")})
            QVERIFY2(post(bad) == 400, bad.constData());
        QCOMPARE(c.raw("GET", QStringLiteral("/__sim/shoppers")).status, 200);
        QCOMPARE(QJsonDocument::fromJson(c.raw("GET", QStringLiteral("/__sim/shoppers")).body)
                     .object()
                     .value(QStringLiteral("state"))
                     .toString(),
                 QStringLiteral("idle"));
        // Nothing listens there: they keep trying to sign in (the server may be starting), and a
        // second run is refused meanwhile. Stopping the sim ends the first.
        const QByteArray plan(
            "{\"platform\": \"http://127.0.0.1:1\", \"username\": \"u\", \"password\": \"p\"}");
        QCOMPARE(post(plan), 202);
        QCOMPARE(post(plan), 409);
    }

    void faultsApplyByPrefixAndCount()
    {
        haitao::sim::SimServer sim;
        QString error;
        QVERIFY2(sim.start(QStringLiteral("127.0.0.1"), 0, &error), qPrintable(error));
        SyncClient c(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(sim.port())));
        const auto set = [&](const QByteArray &json) {
            return c.raw("POST", QStringLiteral("/__sim/faults"), json, kJson).status;
        };

        // Two uses, then gone by itself.
        QCOMPARE(set(R"({"path": "/fx/", "mode": "503", "retryAfter": 30, "times": 2})"), 200);
        const auto first = c.raw("GET", kFxFile);
        QCOMPARE(first.status, 503);
        QCOMPARE(first.header("Retry-After"), QByteArray("30"));
        QCOMPARE(c.raw("GET", kFxFile).status, 503);
        QCOMPARE(c.raw("GET", kFxFile).status, 200);

        // The longest matching path wins: "none" under a broad 429 exempts the file.
        QCOMPARE(set(R"({"path": "/", "mode": "429"})"), 200);
        const auto limited = c.raw("GET", kFxFile);
        QCOMPARE(limited.status, 429);
        QVERIFY(limited.header("Retry-After").isEmpty()); // none asked for
        QCOMPARE(set(R"({"path": "/fx/eurofxref", "mode": "none"})"), 200);
        QCOMPARE(c.raw("GET", kFxFile).status, 200);
        // Setting a path again replaces its rule.
        QCOMPARE(set(R"({"path": "/fx/eurofxref", "mode": "503"})"), 200);
        QCOMPARE(c.raw("GET", kFxFile).status, 503);
        const QJsonArray rules =
            QJsonDocument::fromJson(c.raw("GET", QStringLiteral("/__sim/faults")).body)
                .object()
                .value(QStringLiteral("faults"))
                .toArray();
        QCOMPARE(rules.size(), 2);
        // The control plane is never faulted.
        QCOMPARE(c.raw("GET", QStringLiteral("/__sim/health")).status, 200);

        QCOMPARE(c.raw("DELETE", QStringLiteral("/__sim/faults")).status, 204);
        QCOMPARE(c.raw("GET", kFxFile).status, 200);

        // A rule for one method leaves the others alone; for the same path it goes first.
        QCOMPARE(set(R"({"path": "/fx/", "method": "post", "mode": "503"})"), 200);
        QCOMPARE(c.raw("GET", kFxFile).status, 200);
        QCOMPARE(set(R"({"path": "/fx/", "method": "GET", "mode": "429", "times": 1})"), 200);
        QCOMPARE(set(R"({"path": "/fx/", "mode": "503", "times": 1})"), 200);
        const QJsonArray byMethod =
            QJsonDocument::fromJson(c.raw("GET", QStringLiteral("/__sim/faults")).body)
                .object()
                .value(QStringLiteral("faults"))
                .toArray();
        QCOMPARE(byMethod.size(), 3);
        QCOMPARE(byMethod.at(0).toObject().value(QStringLiteral("method")).toString(),
                 QStringLiteral("POST"));
        QCOMPARE(c.raw("GET", kFxFile).status, 429);
        QCOMPARE(c.raw("GET", kFxFile).status, 503);
        QCOMPARE(c.raw("GET", kFxFile).status, 200);
        QCOMPARE(c.raw("DELETE", QStringLiteral("/__sim/faults")).status, 204);

        // A malformed body is a complete response with the first half of the file.
        const QByteArray whole = c.raw("GET", kFxFile).body;
        QCOMPARE(set(R"({"path": "/fx/", "mode": "malformed", "times": 1})"), 200);
        const auto half = c.raw("GET", kFxFile);
        QCOMPARE(half.status, 200);
        QCOMPARE(half.body, whole.left(whole.size() / 2));

        // Slow: the answer comes, late.
        QCOMPARE(set(R"({"path": "/fx/", "mode": "slow", "delayMs": 300, "times": 1})"), 200);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(c.raw("GET", kFxFile).status, 200);
        QVERIFY2(timer.elapsed() >= 300, qPrintable(QString::number(timer.elapsed())));
    }

    void stopEndsSimulatedDelays()
    {
        haitao::sim::SimServer sim;
        QString error;
        QVERIFY2(sim.start(QStringLiteral("127.0.0.1"), 0, &error), qPrintable(error));
        {
            // Scoped: an idle keep-alive connection would hold stop() for httplib's 5 s.
            SyncClient c(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(sim.port())));
            QCOMPARE(c.raw("POST", QStringLiteral("/__sim/faults"),
                           R"({"path": "/fx/", "mode": "slow", "delayMs": 600000})", kJson)
                         .status,
                     200);
        }
        QNetworkAccessManager nam; // a request left waiting out the delay
        std::unique_ptr<QNetworkReply> reply(nam.get(QNetworkRequest(
            QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(sim.port()).arg(kFxFile)))));
        QTest::qWait(200);
        QVERIFY(!reply->isFinished());
        QElapsedTimer timer;
        timer.start();
        sim.stop();
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    }

    void ecbPublishedDate_data()
    {
        QTest::addColumn<qint64>("now");
        QTest::addColumn<QDate>("published");
        // 2025-01-15 is a Wednesday; in January Frankfurt is UTC+1, so 16:00 there is 15:00 UTC.
        QTest::newRow("before 16:00") << utcMs(2025, 1, 15, 14, 59) << QDate(2025, 1, 14);
        QTest::newRow("at 16:00") << utcMs(2025, 1, 15, 15, 0) << QDate(2025, 1, 15);
        QTest::newRow("late evening") << utcMs(2025, 1, 15, 23, 30) << QDate(2025, 1, 15);
        QTest::newRow("Saturday") << utcMs(2025, 1, 18, 12, 0) << QDate(2025, 1, 17);
        QTest::newRow("Sunday") << utcMs(2025, 1, 19, 20, 0) << QDate(2025, 1, 17);
        // Monday morning: Friday's file; Monday 15:00 UTC: Monday's.
        QTest::newRow("Monday morning") << utcMs(2025, 1, 20, 10, 0) << QDate(2025, 1, 17);
        QTest::newRow("Monday afternoon") << utcMs(2025, 1, 20, 15, 0) << QDate(2025, 1, 20);
    }

    void ecbPublishedDate()
    {
        QFETCH(qint64, now);
        QFETCH(QDate, published);
        QCOMPARE(haitao::sim::ecbPublishedDate(now), published);
    }

    void ecbFileFollowsTheClock()
    {
        haitao::sim::SimServer sim;
        QString error;
        QVERIFY2(sim.start(QStringLiteral("127.0.0.1"), 0, &error), qPrintable(error));
        SyncClient c(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(sim.port())));
        const QRegularExpression time(QStringLiteral("<Cube time='([0-9-]+)'>"));
        const QRegularExpression rate(
            QStringLiteral("<Cube currency='([A-Z]{3})' rate='([0-9.]+)'/>"));

        const auto today = c.raw("GET", kFxFile);
        QCOMPARE(today.status, 200);
        QCOMPARE(today.header("Content-Type"), QByteArray("text/xml"));
        const QString text = QString::fromUtf8(today.body);
        QCOMPARE(QDate::fromString(time.match(text).captured(1), Qt::ISODate),
                 haitao::sim::ecbPublishedDate(sim.nowMs()));
        QStringList codes;
        for (auto it = rate.globalMatch(text); it.hasNext();)
            codes << it.next().captured(1);
        QCOMPARE(codes.size(), 30);
        for (const char *code : {"USD", "JPY", "GBP", "KRW", "AUD", "CNY", "CHF", "THB"})
            QVERIFY2(codes.contains(QLatin1String(code)), code);

        // A week later: another file, a week newer.
        QCOMPARE(c.raw("POST", QStringLiteral("/__sim/advance"), R"({"hours": 168})", kJson).status,
                 200);
        const QString later = QString::fromUtf8(c.raw("GET", kFxFile).body);
        QCOMPARE(QDate::fromString(time.match(later).captured(1), Qt::ISODate),
                 haitao::sim::ecbPublishedDate(sim.nowMs()));
        QVERIFY(later != text);
    }

    void ecbRatesStayNearTheirBase()
    {
        // The same date gives the same file; each rate stays within +-0.5% of its base:
        // USD 1.0512 * 0.995 = 1.045944 and * 1.005 = 1.056456, at 4 decimals 1.0459..1.0565.
        const QDate day(2025, 1, 15);
        QCOMPARE(haitao::sim::ecbDailyXml(day), haitao::sim::ecbDailyXml(day));
        const QRegularExpression usd(QStringLiteral("currency='USD' rate='([0-9]+)\\.([0-9]{4})'"));
        QSet<QString> seen;
        for (int i = 0; i < 60; ++i) {
            const QString xml = QString::fromUtf8(haitao::sim::ecbDailyXml(day.addDays(i)));
            const QRegularExpressionMatch m = usd.match(xml);
            QVERIFY2(m.hasMatch(), qPrintable(xml));
            const int tenThousandths = (m.captured(1) + m.captured(2)).toInt();
            QVERIFY2(tenThousandths >= 10459 && tenThousandths <= 10565, qPrintable(m.captured(0)));
            seen.insert(m.captured(0));
        }
        QVERIFY(seen.size() > 10); // it does move
    }
};

QTEST_GUILESS_MAIN(TstSim)
#include "tst_sim.moc"
