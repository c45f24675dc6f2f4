// The placement widgets that need no server, offscreen: the SLA limits and their colours in
// the queue delegate, age and duration texts, the manual placement dialog reading amounts
// exactly in the site's currency, the cancel dialog's required reason, and the dashboard
// drawing the server's figures (and redrawing without piling up axes).

#include "backend-client/apiclient.h"
#include "backend-client/ordertypes.h"
#include "models/placementqueuemodel.h"
#include "widgets/manualplacementdialog.h"
#include "widgets/manualqueuecanceldialog.h"
#include "widgets/messagelabel.h"
#include "widgets/placementdashboard.h"
#include "widgets/placementdelegates.h"

#include <QAbstractAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDialogButtonBox>
#include <QHorizontalBarSeries>
#include <QLineEdit>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTest>

using namespace haitao;
using namespace haitao::widgets;

namespace {

class ExposedQueueDelegate : public PlacementQueueDelegate
{
public:
    using PlacementQueueDelegate::initStyleOption;
};

client::PlacementItem ukItem()
{
    client::PlacementItem item;
    item.id = 102;
    item.orderId = 42;
    item.site = QStringLiteral("asos.com");
    item.status = client::SubOrderStatus::NeedsManual;
    item.goods = Money(2500, *Currency::fromCode(u"GBP"));
    item.total = Money(23456, Currency::cny());
    return item;
}

client::PlacementStats sampleStats()
{
    client::PlacementStats s;
    const QDate d1(2026, 11, 24), d2(2026, 11, 25);
    s.days = {{d1, QStringLiteral("amazon.com"), 12, 9, 1},
              {d2, QStringLiteral("amazon.com"), 5, 3, 1},
              {d2, QStringLiteral("asos.com"), 4, 2, 2}};
    s.failures = {{QStringLiteral("create"), QStringLiteral("timeout"), 2},
                  {QStringLiteral("sign_in"), QStringLiteral("captcha"), 5},
                  {QStringLiteral("check_price"), QStringLiteral("price_changed"), 1}};
    s.latency = {{QStringLiteral("amazon.com"), 12, 1500, 4000, 9000},
                 {QStringLiteral("asos.com"), 2, 2500, 3000, 3000}};
    s.queue = {{d1, 1}, {d2, 3}};
    return s;
}

} // namespace

class TstPlacementWidgets : public QObject
{
    Q_OBJECT

private slots:
    void slaLevels();
    void ageAndDurationTexts();
    void queueDelegateColoursByAge();
    void manualPlacementReadsExactAmounts();
    void cancelNeedsAReason();
    void dashboardDrawsTheFigures();
};

void TstPlacementWidgets::slaLevels()
{
    QCOMPARE(sla::levelOf(0), sla::Level::Normal);
    QCOMPARE(sla::levelOf(sla::kAmberAfterSeconds - 1), sla::Level::Normal);
    QCOMPARE(sla::levelOf(sla::kAmberAfterSeconds), sla::Level::Amber);
    QCOMPARE(sla::levelOf(sla::kRedAfterSeconds - 1), sla::Level::Amber);
    QCOMPARE(sla::levelOf(sla::kRedAfterSeconds), sla::Level::Red);
    QCOMPARE(sla::kAmberAfterSeconds, 30 * 60);
    QCOMPARE(sla::kRedAfterSeconds, 2 * 60 * 60);
    QVERIFY(!sla::background(sla::Level::Normal).isValid());
    QVERIFY(sla::background(sla::Level::Amber) != sla::background(sla::Level::Red));
}

void TstPlacementWidgets::ageAndDurationTexts()
{
    QCOMPARE(ageText(45), QStringLiteral("45 s"));
    QCOMPARE(ageText(12 * 60 + 5), QStringLiteral("12 min"));
    QCOMPARE(ageText(3 * 3600 + 5 * 60), QStringLiteral("3 h 05 min"));
    QCOMPARE(ageText(2 * 86400 + 4 * 3600), QStringLiteral("2 d 4 h"));
    QCOMPARE(durationText(850), QStringLiteral("850 ms"));
    QCOMPARE(durationText(1250), QStringLiteral("1.25 s"));
    QCOMPARE(durationText(1005), QStringLiteral("1.00 s"));
    QCOMPARE(durationText(123000), QStringLiteral("2 min 03 s"));
    QCOMPARE(durationText(-1), QString());
}

void TstPlacementWidgets::queueDelegateColoursByAge()
{
    QStandardItemModel model(3, models::PlacementQueueModel::ColumnCount);
    const qint64 ages[] = {60, sla::kAmberAfterSeconds + 60, sla::kRedAfterSeconds + 60};
    for (int row = 0; row < 3; ++row) {
        for (int column = 0; column < model.columnCount(); ++column)
            model.setData(model.index(row, column), ages[row],
                          models::PlacementQueueModel::AgeRole);
    }
    ExposedQueueDelegate delegate;
    const sla::Level expected[] = {sla::Level::Normal, sla::Level::Amber, sla::Level::Red};
    for (int row = 0; row < 3; ++row) {
        QStyleOptionViewItem option;
        delegate.initStyleOption(&option, model.index(row, models::PlacementQueueModel::AgeColumn));
        QCOMPARE(option.text, ageText(ages[row]));
        if (expected[row] == sla::Level::Normal)
            QCOMPARE(option.backgroundBrush.style(), Qt::NoBrush);
        else
            QCOMPARE(option.backgroundBrush.color(), sla::background(expected[row]));
        // The whole row, not only the age.
        QStyleOptionViewItem site;
        delegate.initStyleOption(&site, model.index(row, models::PlacementQueueModel::SiteColumn));
        QCOMPARE(site.backgroundBrush.color() == sla::background(expected[row]),
                 expected[row] != sla::Level::Normal);
    }
}

void TstPlacementWidgets::manualPlacementReadsExactAmounts()
{
    client::ApiClient api; // never called: the dialog only sends on OK
    ManualPlacementDialog dialog(client::OrdersApi(&api), ukItem());
    QPushButton *ok = dialog.buttons()->button(QDialogButtonBox::Ok);
    QCOMPARE(dialog.currencyLabel()->text(), QStringLiteral("GBP"));
    QVERIFY(!ok->isEnabled());
    QString why;
    QVERIFY(!dialog.placement(&why));
    QCOMPARE(why, QStringLiteral("Enter the shop's order number."));

    dialog.orderNumberEdit()->setText(QStringLiteral("  UK-000777 "));
    dialog.amountEdit()->setText(QStringLiteral("25.1"));
    QVERIFY(ok->isEnabled());
    const std::optional<client::ManualPlacement> p = dialog.placement();
    QVERIFY(p);
    QCOMPARE(p->merchantOrderId, QStringLiteral("UK-000777"));
    QCOMPARE(p->paid, Money(2510, *Currency::fromCode(u"GBP")));

    // Never rounded, never floating point: each of these is refused, with the reason shown.
    for (const char *bad : {"25.105", "1e3", "25,10", "abc", "-3", "0"}) {
        dialog.amountEdit()->setText(QString::fromLatin1(bad));
        QVERIFY2(!ok->isEnabled(), bad);
        QVERIFY2(!dialog.placement(), bad);
        QVERIFY2(dialog.message()->isError() && dialog.message()->isVisibleTo(&dialog), bad);
    }
    dialog.amountEdit()->setText(QStringLiteral("1000"));
    QVERIFY(ok->isEnabled());
    QVERIFY(!dialog.message()->isVisibleTo(&dialog));
    QCOMPARE(dialog.placement()->paid.minor(), 100000);
}

void TstPlacementWidgets::cancelNeedsAReason()
{
    client::ApiClient api;
    ManualQueueCancelDialog dialog(client::OrdersApi(&api), ukItem());
    QPushButton *ok = dialog.buttons()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    dialog.reasonEdit()->setPlainText(QStringLiteral("   "));
    QVERIFY(!ok->isEnabled());
    dialog.accept(); // refused without a call
    QVERIFY(dialog.message()->isError());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    dialog.reasonEdit()->setPlainText(QStringLiteral("sold out everywhere"));
    QVERIFY(ok->isEnabled());
}

void TstPlacementWidgets::dashboardDrawsTheFigures()
{
    client::ApiClient api;
    PlacementDashboard dashboard(&api);
    for (int round = 0; round < 2; ++round) {
        dashboard.showStats(sampleStats());

        const QList<QAbstractSeries *> success = dashboard.successChart()->series();
        QCOMPARE(success.size(), 2); // one line per site
        auto *amazon = qobject_cast<QLineSeries *>(success.at(0));
        QVERIFY(amazon);
        QCOMPARE(amazon->name(), QStringLiteral("amazon.com"));
        QCOMPARE(amazon->count(), 2);
        QCOMPARE(amazon->at(0).y(), 90.0);
        QCOMPARE(amazon->at(1).y(), 75.0);
        auto *asos = qobject_cast<QLineSeries *>(success.at(1));
        QCOMPARE(asos->at(0).y(), 50.0);

        const QList<QAbstractSeries *> failures = dashboard.failuresChart()->series();
        QCOMPARE(failures.size(), 1);
        auto *bars = qobject_cast<QHorizontalBarSeries *>(failures.at(0));
        QVERIFY(bars);
        QCOMPARE(bars->barSets().size(), 1);
        QCOMPARE(bars->barSets().at(0)->count(), 3);
        // The largest last: drawn on top.
        QCOMPARE(bars->barSets().at(0)->at(2), 5.0);

        auto *latency = qobject_cast<QBarSeries *>(dashboard.latencyChart()->series().value(0));
        QVERIFY(latency);
        QCOMPARE(latency->barSets().size(), 2);
        QCOMPARE(latency->barSets().at(1)->at(0), 4.0); // p90 of amazon.com in seconds

        auto *queue = qobject_cast<QLineSeries *>(dashboard.queueChart()->series().value(0));
        QVERIFY(queue);
        QCOMPARE(queue->count(), 2);
        QCOMPARE(queue->at(1).y(), 3.0);

        // Redrawing replaces the axes instead of adding more.
        QCOMPARE(dashboard.successChart()->axes().size(), 2);
        QCOMPARE(dashboard.failuresChart()->axes().size(), 2);
        QCOMPARE(dashboard.queueChart()->axes().size(), 2);
    }
    dashboard.showStats({});
    QVERIFY(dashboard.successChart()->series().isEmpty());
    QVERIFY(dashboard.latencyChart()->axes().isEmpty());
}

QTEST_MAIN(TstPlacementWidgets)
#include "tst_placementwidgets.moc"
