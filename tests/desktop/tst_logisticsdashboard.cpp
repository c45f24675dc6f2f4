// The Logistics dashboard against a fake server answering GET /logistics/stats as the
// contract says (tests/desktop/fakehttpserver.h), offscreen: the chart data (lead-time buckets
// aligned across sites and carriers, statuses in route order, open alerts by day), the charts
// drawn from it with p50/p90 in the legend, the days selector and Refresh asking again, the
// empty state, and an error shown where the user looks.

#include "backend-client/apiclient.h"
#include "models/logisticsstats.h"
#include "tests/desktop/fakehttpserver.h"
#include "widgets/logisticsdashboard.h"
#include "widgets/messagelabel.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace haitao;
using widgets::LogisticsDashboard;

namespace {

QJsonObject bucket(int from, std::optional<int> to, qint64 count)
{
    return {{QStringLiteral("fromDays"), from},
            {QStringLiteral("toDays"), to ? QJsonValue(*to) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("count"), count}};
}

QJsonObject sampleStats()
{
    const QJsonArray leadTimes{
        // Listed out of order on purpose: the chart sorts by site, then carrier.
        QJsonObject{{QStringLiteral("site"), QStringLiteral("uk")},
                    {QStringLiteral("carrier"), QStringLiteral("swiftpost")},
                    {QStringLiteral("count"), 3},
                    {QStringLiteral("p50Hours"), 150},
                    {QStringLiteral("p90Hours"), 300},
                    {QStringLiteral("buckets"), QJsonArray{bucket(5, 7, 2), bucket(10, 14, 1)}}},
        QJsonObject{
            {QStringLiteral("site"), QStringLiteral("jp")},
            {QStringLiteral("carrier"), QStringLiteral("kuroneko")},
            {QStringLiteral("count"), 6},
            {QStringLiteral("p50Hours"), 96},
            {QStringLiteral("p90Hours"), 130.8},
            {QStringLiteral("buckets"), QJsonArray{bucket(0, 3, 1), bucket(3, 5, 4),
                                                   bucket(5, 7, 1), bucket(21, std::nullopt, 0)}}},
        QJsonObject{{QStringLiteral("site"), QStringLiteral("de")},
                    {QStringLiteral("carrier"), QStringLiteral("dpost")},
                    {QStringLiteral("count"), 0},
                    {QStringLiteral("p50Hours"), QJsonValue::Null},
                    {QStringLiteral("p90Hours"), QJsonValue::Null},
                    {QStringLiteral("buckets"), QJsonArray{}}}};
    const QJsonArray byStatus{
        QJsonObject{{QStringLiteral("status"), QStringLiteral("delivered")},
                    {QStringLiteral("count"), 9}},
        QJsonObject{{QStringLiteral("status"), QStringLiteral("unknown")},
                    {QStringLiteral("count"), 1}},
        QJsonObject{{QStringLiteral("status"), QStringLiteral("in_transit")},
                    {QStringLiteral("count"), 14}},
        QJsonObject{{QStringLiteral("status"), QStringLiteral("customs_hold")},
                    {QStringLiteral("count"), 2}},
        QJsonObject{{QStringLiteral("status"), QStringLiteral("returned")},
                    {QStringLiteral("count"), 0}},
        QJsonObject{{QStringLiteral("status"), QStringLiteral("awaiting_shipment")},
                    {QStringLiteral("count"), 5}}};
    const QJsonArray alertsOpen{QJsonObject{{QStringLiteral("day"), QStringLiteral("2026-11-25")},
                                            {QStringLiteral("open"), 4}},
                                QJsonObject{{QStringLiteral("day"), QStringLiteral("2026-11-23")},
                                            {QStringLiteral("open"), 1}},
                                QJsonObject{{QStringLiteral("day"), QStringLiteral("2026-11-24")},
                                            {QStringLiteral("open"), 2}}};
    return {{QStringLiteral("leadTimes"), leadTimes},
            {QStringLiteral("byStatus"), byStatus},
            {QStringLiteral("alertsOpen"), alertsOpen}};
}

// A quiet period as the server answers it: every status and day listed, all zero.
QJsonObject emptyStats()
{
    return {{QStringLiteral("leadTimes"), QJsonArray{}},
            {QStringLiteral("byStatus"),
             QJsonArray{QJsonObject{{QStringLiteral("status"), QStringLiteral("in_transit")},
                                    {QStringLiteral("count"), 0}},
                        QJsonObject{{QStringLiteral("status"), QStringLiteral("delivered")},
                                    {QStringLiteral("count"), 0}}}},
            {QStringLiteral("alertsOpen"),
             QJsonArray{QJsonObject{{QStringLiteral("day"), QStringLiteral("2026-11-24")},
                                    {QStringLiteral("open"), 0}},
                        QJsonObject{{QStringLiteral("day"), QStringLiteral("2026-11-25")},
                                    {QStringLiteral("open"), 0}}}}};
}

QStringList categoriesOf(QChart *chart)
{
    for (QAbstractAxis *axis : chart->axes(Qt::Horizontal)) {
        if (auto *c = qobject_cast<QBarCategoryAxis *>(axis))
            return c->categories();
    }
    return {};
}

} // namespace

class TstLogisticsDashboard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void chartDataFromStats();
    void drawsTheServersFigures();
    void emptyPeriodSaysSo();
    void errorIsShown();

private:
    FakeReply m_reply{200, sampleStats()};
};

void TstLogisticsDashboard::chartDataFromStats()
{
    QString why;
    const std::optional<client::LogisticsStats> stats =
        client::LogisticsStats::fromJson(sampleStats(), &why);
    QVERIFY2(stats, qPrintable(why));

    const models::LeadTimeTable table = models::leadTimeTable(*stats);
    // Every bucket any row has, in order; rows without deliveries left out.
    QCOMPARE(table.buckets.size(), 5);
    QCOMPARE(table.buckets.first(), (models::DayRange{0, 3}));
    QCOMPARE(table.buckets.at(3), (models::DayRange{10, 14}));
    QCOMPARE(table.buckets.last(), (models::DayRange{21, std::nullopt}));
    QCOMPARE(table.rows.size(), 2);
    QCOMPARE(table.rows.at(0).site, QStringLiteral("jp"));
    QCOMPARE(table.rows.at(0).counts, (QList<qint64>{1, 4, 1, 0, 0}));
    QCOMPARE(table.rows.at(1).counts, (QList<qint64>{0, 0, 2, 1, 0}));
    QCOMPARE(models::dayRangeLabel(table.buckets.first()), QStringLiteral("0–3 d"));
    QCOMPARE(models::dayRangeLabel(table.buckets.last()), QStringLiteral("21+ d"));
    QCOMPARE(models::leadTimeLegend(table.rows.at(0)),
             QStringLiteral("jp · kuroneko: 6 delivered, p50 4.0 d, p90 5.5 d"));

    const QList<client::LogisticsStats::StatusCount> statuses = models::statusCounts(*stats);
    QStringList order;
    for (const auto &s : statuses)
        order << s.status;
    QCOMPARE(order, (QStringList{QStringLiteral("awaiting_shipment"), QStringLiteral("in_transit"),
                                 QStringLiteral("customs_hold"), QStringLiteral("delivered"),
                                 QStringLiteral("unknown")}));

    const QList<client::LogisticsStats::AlertsDay> days = models::alertsOpenByDay(*stats);
    QCOMPARE(days.size(), 3);
    QCOMPARE(days.first().day, QDate(2026, 11, 23));
    QCOMPARE(days.last().open, 4);

    // An unreadable day is reported, not drawn at 1970.
    QJsonObject bad = sampleStats();
    bad[QStringLiteral("alertsOpen")] = QJsonArray{QJsonObject{
        {QStringLiteral("day"), QStringLiteral("yesterday")}, {QStringLiteral("open"), 1}}};
    QVERIFY(!client::LogisticsStats::fromJson(bad, &why));
}

void TstLogisticsDashboard::drawsTheServersFigures()
{
    m_reply = {200, sampleStats()};
    FakeHttpServer server([this](const FakeRequest &) { return m_reply; });
    client::ApiClient api;
    api.setBaseUrl(server.url());
    LogisticsDashboard dashboard(&api);
    QSignalSpy loaded(&dashboard, &LogisticsDashboard::statsLoaded);
    dashboard.show(); // loads when first shown
    QVERIFY(loaded.wait(5000));
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(server.requests().at(0).path, QStringLiteral("/api/v1/logistics/stats"));
    QCOMPARE(server.requests().at(0).query.queryItemValue(QStringLiteral("days")),
             QStringLiteral("30"));

    for (int round = 0; round < 2; ++round) {
        auto *lead = qobject_cast<QBarSeries *>(dashboard.leadTimeChart()->series().value(0));
        QVERIFY(lead);
        QCOMPARE(lead->barSets().size(), 2);
        QCOMPARE(lead->barSets().at(0)->label(),
                 QStringLiteral("jp · kuroneko: 6 delivered, p50 4.0 d, p90 5.5 d"));
        QCOMPARE(lead->barSets().at(0)->at(1), 4.0);
        QCOMPARE(lead->barSets().at(1)->at(3), 1.0);
        QCOMPARE(categoriesOf(dashboard.leadTimeChart()).size(), 5);
        QCOMPARE(categoriesOf(dashboard.leadTimeChart()).last(), QStringLiteral("21+ d"));

        auto *status = qobject_cast<QBarSeries *>(dashboard.statusChart()->series().value(0));
        QVERIFY(status);
        QCOMPARE(status->barSets().at(0)->count(), 5);
        QCOMPARE(status->barSets().at(0)->at(1), 14.0);
        QVERIFY(status->isLabelsVisible());
        QCOMPARE(categoriesOf(dashboard.statusChart()).value(2), QStringLiteral("Customs hold"));

        auto *alerts = qobject_cast<QLineSeries *>(dashboard.alertsChart()->series().value(0));
        QVERIFY(alerts);
        QCOMPARE(alerts->count(), 3);
        QCOMPARE(alerts->at(2).y(), 4.0);

        QVERIFY(!dashboard.leadTimeEmpty()->isVisible());
        QVERIFY(!dashboard.statusEmpty()->isVisible());
        QVERIFY(!dashboard.alertsEmpty()->isVisible());
        // Redrawing replaces the axes instead of adding more.
        QCOMPARE(dashboard.leadTimeChart()->axes().size(), 2);
        QCOMPARE(dashboard.alertsChart()->axes().size(), 2);

        // Refresh asks again.
        dashboard.refreshButton()->click();
        QVERIFY(loaded.wait(5000));
    }
    QCOMPARE(server.requests().size(), 3);

    // Another period asks for it.
    dashboard.daysPicker()->setCurrentIndex(dashboard.daysPicker()->findData(7));
    QVERIFY(loaded.wait(5000));
    QCOMPARE(server.requests().last().query.queryItemValue(QStringLiteral("days")),
             QStringLiteral("7"));
}

void TstLogisticsDashboard::emptyPeriodSaysSo()
{
    m_reply = {200, emptyStats()};
    FakeHttpServer server([this](const FakeRequest &) { return m_reply; });
    client::ApiClient api;
    api.setBaseUrl(server.url());
    LogisticsDashboard dashboard(&api);
    dashboard.showStats(*client::LogisticsStats::fromJson(sampleStats(), nullptr));
    QVERIFY(!dashboard.leadTimeChart()->series().isEmpty());
    QSignalSpy loaded(&dashboard, &LogisticsDashboard::statsLoaded);
    dashboard.show();
    QVERIFY(loaded.wait(5000));
    for (QChart *chart :
         {dashboard.leadTimeChart(), dashboard.statusChart(), dashboard.alertsChart()}) {
        QVERIFY(chart->series().isEmpty());
        QVERIFY(chart->axes().isEmpty());
    }
    QVERIFY(dashboard.leadTimeEmpty()->isVisible());
    QVERIFY(dashboard.leadTimeEmpty()->text().contains(QStringLiteral("30 day")));
    QVERIFY(dashboard.statusEmpty()->isVisible());
    QVERIFY(dashboard.alertsEmpty()->isVisible());
    QVERIFY(!dashboard.message()->isVisible());
}

void TstLogisticsDashboard::errorIsShown()
{
    m_reply = FakeHttpServer::problem(403, QStringLiteral("forbidden"), QStringLiteral("ops only"));
    FakeHttpServer server([this](const FakeRequest &) { return m_reply; });
    client::ApiClient api;
    api.setBaseUrl(server.url());
    LogisticsDashboard dashboard(&api);
    dashboard.show();
    QTRY_VERIFY(dashboard.message()->isVisible());
    QVERIFY(dashboard.message()->isError());
    QVERIFY2(dashboard.message()->text().contains(QStringLiteral("ops only")),
             qPrintable(dashboard.message()->text()));
    QVERIFY(!dashboard.stats());
}

QTEST_MAIN(TstLogisticsDashboard)
#include "tst_logisticsdashboard.moc"
