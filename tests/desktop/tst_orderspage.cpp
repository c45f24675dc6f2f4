// The Orders page and its model against the real server in-process (with haitao-sim as the
// shops and payment gateway), offscreen: OrdersModel pages through the staff order list under
// QAbstractItemModelTester and filters on the server by status, site, customer and age; the
// page opens an order and shows its lines, totals, pricing breakdown, events and the placement
// of each sub-order; a translator is refused readably.

#include "backend-client/ordersapi.h"
#include "models/itemroles.h"
#include "models/ordereventsmodel.h"
#include "models/orderlinesmodel.h"
#include "models/ordersmodel.h"
#include "models/placementattemptsmodel.h"
#include "models/quotebreakdownmodel.h"
#include "tests/support/orderfixture.h"
#include "tests/support/rawjson.h"
#include "widgets/messagelabel.h"
#include "widgets/ordersdetailpanel.h"
#include "widgets/orderspage.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace haitao;
using models::OrdersModel;
using widgets::OrdersPage;

namespace {

const QString opsPassword = QStringLiteral("ops-password-1");

} // namespace

class TstOrdersPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void modelPagesNewestFirst();
    void modelFiltersOnTheServer();
    void pageShowsAnOrder();
    void translatorIsRefused();
    void timelineShowsEveryStep(); // last: it places sub-orders at the sim

private:
    void waitForRows(OrdersModel &model, int rows);
    void waitForNeedsManual(qint64 count);

    std::unique_ptr<testing::OrderFixture> m_fixture;
    std::unique_ptr<testing::SyncClient> m_ops;
    qint64 m_twoSites = 0; // li.wei, amazon.com + asos.com, paid
    qint64 m_japan = 0;    // zhang.san, amazon.co.jp, unpaid
    qint64 m_latest = 0;   // li.wei, amazon.com, paid
    int m_twoSitesLines = 0;
};

void TstOrdersPage::initTestCase()
{
    server::Config config;
    // No shop accounts: every paid sub-order ends in the manual queue, quickly.
    config.placementWorkers = 1;
    config.placementPollMs = 100;
    m_fixture = std::make_unique<testing::OrderFixture>(config);
    QVERIFY(m_fixture->start());
    QVERIFY(m_fixture->server().createUser(QStringLiteral("ops.one"), opsPassword, Role::Ops) > 0);
    QVERIFY(m_fixture->server().createUser(QStringLiteral("tr.one"), opsPassword,
                                           Role::Translator) > 0);
    m_ops = m_fixture->client(QStringLiteral("ops.one"), opsPassword);
    QVERIFY(m_ops);
    QVERIFY(m_fixture->createCustomer(QStringLiteral("li.wei")) > 0);
    QVERIFY(m_fixture->createCustomer(QStringLiteral("zhang.san")) > 0);
    auto li =
        m_fixture->client(QStringLiteral("li.wei"), testing::OrderFixture::customerPassword());
    auto zhang =
        m_fixture->client(QStringLiteral("zhang.san"), testing::OrderFixture::customerPassword());
    QVERIFY(li && zhang);

    const QList<qint64> us = m_fixture->publishedSkuIds(QStringLiteral("amazon.com"));
    const QList<qint64> uk = m_fixture->publishedSkuIds(QStringLiteral("asos.com"));
    const QList<qint64> jp = m_fixture->publishedSkuIds(QStringLiteral("amazon.co.jp"));
    QVERIFY(us.size() >= 2 && !uk.isEmpty() && !jp.isEmpty());

    QJsonObject o =
        m_fixture->placeOrder(*li, {{us.at(0), 2}, {uk.at(0), 1}}, QStringLiteral("k1"));
    m_twoSites = o.value(QStringLiteral("id")).toInteger();
    QVERIFY(m_twoSites > 0);
    for (const QJsonValue &s : o.value(QStringLiteral("subOrders")).toArray())
        m_twoSitesLines += int(s.toObject().value(QStringLiteral("lines")).toArray().size());
    QCOMPARE(m_twoSitesLines, 2);
    m_fixture->pay(*li, m_twoSites);
    o = m_fixture->placeOrder(*zhang, {{jp.at(0), 1}}, QStringLiteral("k2"));
    m_japan = o.value(QStringLiteral("id")).toInteger();
    QVERIFY(m_japan > 0);
    o = m_fixture->placeOrder(*li, {{us.at(1), 1}}, QStringLiteral("k3"));
    m_latest = o.value(QStringLiteral("id")).toInteger();
    QVERIFY(m_latest > 0);
    m_fixture->pay(*li, m_latest);
    waitForNeedsManual(3);
}

void TstOrdersPage::waitForNeedsManual(qint64 count)
{
    QTRY_VERIFY_WITH_TIMEOUT(
        testing::body(m_ops->raw("GET", QStringLiteral("/api/v1/admin/placements/counts")))
                .value(QStringLiteral("needs_manual"))
                .toInteger() == count,
        20000);
}

void TstOrdersPage::waitForRows(OrdersModel &model, int rows)
{
    QTRY_VERIFY(!model.isLoading());
    while (model.canFetchMore({})) {
        model.fetchMore({});
        QTRY_VERIFY(!model.isLoading());
    }
    QCOMPARE(model.rowCount(), rows);
}

void TstOrdersPage::modelPagesNewestFirst()
{
    OrdersModel model(client::OrdersApi(&m_ops->api()));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(1); // one order per page: "load more" three times
    QSignalSpy errors(&model, &OrdersModel::errorOccurred);
    model.reload();
    QTRY_COMPARE(model.rowCount(), 1);
    QVERIFY(model.canFetchMore({}));
    waitForRows(model, 3);
    QVERIFY(errors.isEmpty());
    QCOMPARE(model.orderAt(0).id, m_latest);
    QCOMPARE(model.orderAt(2).id, m_twoSites);
    QCOMPARE(model.index(0, OrdersModel::IdColumn).data(models::IdRole).toLongLong(), m_latest);
    QCOMPARE(model.index(2, OrdersModel::CustomerColumn).data().toString(),
             QStringLiteral("li.wei"));
    QCOMPARE(model.index(2, OrdersModel::StatusColumn).data(models::RawRole).toInt(),
             int(client::OrderStatus::Paid));
    QCOMPARE(model.index(1, OrdersModel::StatusColumn).data().toString(),
             QStringLiteral("Awaiting payment"));
    QCOMPARE(model.index(2, OrdersModel::SubOrdersColumn).data(models::RawRole).toInt(), 2);
    QVERIFY(model.index(2, OrdersModel::SubOrdersColumn)
                .data()
                .toString()
                .contains(QStringLiteral("asos.com: Needs manual placement")));
    const QString total = model.index(2, OrdersModel::TotalColumn).data().toString();
    QVERIFY2(total.startsWith(QStringLiteral("CNY ")), qPrintable(total));
    QVERIFY(model.index(2, OrdersModel::TotalColumn).data(models::RawRole).toLongLong() > 0);
}

void TstOrdersPage::modelFiltersOnTheServer()
{
    OrdersModel model(client::OrdersApi(&m_ops->api()));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    client::OrderFilter f;
    f.status = client::OrderStatus::Paid;
    model.setFilter(f);
    waitForRows(model, 2);
    f = {};
    f.customer = QStringLiteral("zhang.san");
    model.setFilter(f);
    waitForRows(model, 1);
    QCOMPARE(model.orderAt(0).id, m_japan);
    f = {};
    f.site = QStringLiteral("asos.com");
    model.setFilter(f);
    waitForRows(model, 1);
    QCOMPARE(model.orderAt(0).id, m_twoSites);
    f = {};
    f.minAgeHours = 1; // all were made just now
    model.setFilter(f);
    waitForRows(model, 0);
}

void TstOrdersPage::pageShowsAnOrder()
{
    OrdersPage page(&m_ops->api());
    page.resize(1400, 900);
    page.show();
    QTRY_COMPARE(page.model()->rowCount(), 3);
    QVERIFY(!page.message()->isVisible());

    // The customer filter narrows on Enter.
    page.customerFilter()->setText(QStringLiteral("li.wei"));
    emit page.customerFilter()->editingFinished();
    QTRY_COMPARE(page.model()->filter().customer, QStringLiteral("li.wei"));
    QTRY_VERIFY(!page.model()->isLoading());
    QCOMPARE(page.model()->rowCount(), 2);

    widgets::OrdersDetailPanel *detail = page.detail();
    QSignalSpy loaded(detail, &widgets::OrdersDetailPanel::orderLoaded);
    QSignalSpy subLoaded(detail, &widgets::OrdersDetailPanel::subOrderLoaded);
    const int row = page.model()->rowOfId(m_twoSites);
    QVERIFY(row >= 0);
    page.view()->setCurrentIndex(page.model()->index(row, 0));
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(loaded.at(0).at(0).toLongLong(), m_twoSites);
    QVERIFY(detail->order());
    const QString summary = detail->summary()->text();
    QVERIFY2(summary.contains(QStringLiteral("li.wei")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("Paid")), qPrintable(summary));
    QVERIFY2(summary.contains(detail->order()->total.toString()), qPrintable(summary));
    QCOMPARE(detail->linesModel()->rowCount(), m_twoSitesLines);
    // The stored quote's breakdown: the lines, sites and totals it was ordered at.
    QVERIFY(detail->breakdownModel()->rowCount() > 0);
    // Created, paid, and each sub-order to the queue: at least the order's payment.
    QVERIFY(detail->eventsModel()->rowCount() >= 1);
    bool paidEvent = false;
    for (int r = 0; r < detail->eventsModel()->rowCount(); ++r) {
        paidEvent = paidEvent || detail->eventsModel()
                                         ->index(r, models::OrderEventsModel::ToColumn)
                                         .data(models::RawRole)
                                         .toString() == QLatin1String("paid");
    }
    QVERIFY(paidEvent);
    QCOMPARE(detail->subOrderPicker()->count(), 2);
    QTRY_COMPARE(subLoaded.size(), 1);
    QCOMPARE(subLoaded.at(0).at(0).toLongLong(),
             detail->subOrderPicker()->itemData(0).toLongLong());
    QVERIFY(!detail->subOrderSummary()->text().isEmpty());
    // Another sub-order: its own timeline.
    detail->subOrderPicker()->setCurrentIndex(1);
    QTRY_COMPARE(subLoaded.size(), 2);
    QCOMPARE(subLoaded.at(1).at(0).toLongLong(),
             detail->subOrderPicker()->itemData(1).toLongLong());
    QVERIFY(!detail->message()->isVisible());

    // An order that is not there: said where the user looks.
    detail->showOrder(999999);
    QTRY_VERIFY(detail->message()->isVisible());
    QVERIFY(detail->message()->isError());
}

void TstOrdersPage::translatorIsRefused()
{
    auto translator = m_fixture->client(QStringLiteral("tr.one"), opsPassword);
    QVERIFY(translator);
    OrdersPage page(&translator->api());
    page.show();
    QTRY_VERIFY(page.message()->isVisible());
    QVERIFY(page.message()->isError());
    QVERIFY2(page.message()->text().contains(QStringLiteral("not allowed")),
             qPrintable(page.message()->text()));
    QCOMPARE(page.model()->rowCount(), 0);
}

void TstOrdersPage::timelineShowsEveryStep()
{
    // With shop accounts, retrying sends the asos.com sub-order through the worker to the sim.
    m_fixture->addShopAccounts();
    const QJsonObject order =
        testing::body(m_ops->raw("GET", QStringLiteral("/api/v1/admin/orders/%1").arg(m_twoSites)));
    qint64 uk = 0;
    for (const QJsonValue &v : order.value(QStringLiteral("subOrders")).toArray()) {
        if (v.toObject().value(QStringLiteral("site")).toString() == QLatin1String("asos.com"))
            uk = v.toObject().value(QStringLiteral("id")).toInteger();
    }
    QVERIFY(uk > 0);
    const QString path = QStringLiteral("/api/v1/admin/sub-orders/%1").arg(uk);
    const client::RawResponse retry = m_ops->raw("POST", path + QStringLiteral("/retry-auto"), "{}",
                                                 {{"Content-Type", "application/json"}});
    QVERIFY2(retry.status == 200, qPrintable(testing::describe(retry)));
    QTRY_COMPARE_WITH_TIMEOUT(
        testing::body(m_ops->raw("GET", path)).value(QStringLiteral("status")).toString(),
        QStringLiteral("placed"), 20000);

    widgets::OrdersDetailPanel panel{client::OrdersApi(&m_ops->api())};
    QSignalSpy subLoaded(&panel, &widgets::OrdersDetailPanel::subOrderLoaded);
    panel.showOrder(m_twoSites);
    QTRY_COMPARE(subLoaded.size(), 1);
    const int index = panel.subOrderPicker()->findData(uk);
    QVERIFY(index >= 0);
    panel.subOrderPicker()->setCurrentIndex(index);
    QTRY_VERIFY(!subLoaded.isEmpty() && subLoaded.last().at(0).toLongLong() == uk);
    QVERIFY2(panel.subOrderSummary()->text().contains(QStringLiteral("Shop order: ")),
             qPrintable(panel.subOrderSummary()->text()));

    models::PlacementAttemptsModel *attempts = panel.attemptsModel();
    QAbstractItemModelTester tester(attempts,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(attempts->rowCount() >= 1);
    const int last = attempts->rowCount() - 1;
    using A = models::PlacementAttemptsModel;
    QCOMPARE(attempts->index(last, A::OutcomeColumn).data(models::RawRole).toString(),
             QStringLiteral("placed"));
    const QModelIndex attempt = attempts->index(last, 0);
    QStringList steps;
    for (int r = 0; r < attempts->rowCount(attempt); ++r) {
        steps << attempts->index(r, A::WhatColumn, attempt).data(models::RawRole).toString();
        QVERIFY(attempts->index(r, A::DurationColumn, attempt).data(models::RawRole).toLongLong() >=
                0);
    }
    QVERIFY2(steps.contains(QStringLiteral("create")), qPrintable(steps.join(u',')));
    const int create = int(steps.indexOf(QStringLiteral("create")));
    // The shop's answer to the create call, as received.
    QVERIFY(attempts->index(create, A::HttpColumn, attempt).data(models::RawRole).toInt() >= 200);
    QVERIFY(!attempts->index(create, A::AnswerColumn, attempt)
                 .data(models::RawRole)
                 .toString()
                 .isEmpty());
}

QTEST_MAIN(TstOrdersPage)
#include "tst_orderspage.moc"
