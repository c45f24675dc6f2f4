// The Manual queue page and the placement dashboard against the real server in-process (with
// haitao-sim as shops and payment gateway; no shop accounts, so every paid sub-order lands in
// the manual queue), offscreen: PlacementQueueModel pages through the queue under
// QAbstractItemModelTester with the SLA age by its clock; the page shows the counters, claims
// and releases, says readably when someone else holds the claim, opens the product page, records
// a manual placement in the site's currency, retries automatic placement, cancels with a
// reason, and polls the counters only while visible; the dashboard loads the server's figures.

#include "backend-client/ordersapi.h"
#include "models/itemroles.h"
#include "models/orderlinesmodel.h"
#include "models/placementqueuemodel.h"
#include "tests/support/orderfixture.h"
#include "tests/support/rawjson.h"
#include "widgets/manualplacementdialog.h"
#include "widgets/manualqueuecanceldialog.h"
#include "widgets/manualqueuepage.h"
#include "widgets/messagelabel.h"
#include "widgets/placementdashboard.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace haitao;
using models::PlacementQueueModel;
using widgets::ManualQueuePage;

namespace {

const QString opsPassword = QStringLiteral("ops-password-1");
constexpr int kOrders = 5;

} // namespace

class TstManualQueuePage : public QObject
{
    Q_OBJECT

public slots:
    // QDesktopServices hands the product pages here instead of to a browser.
    void openUrl(const QUrl &url) { m_opened.append(url); }

private slots:
    void initTestCase();
    void cleanupTestCase();
    void modelPagesWithAges();
    void countersAndPolling();
    void claimAndRelease();
    void someoneElsesClaimIsSaidReadably();
    void opensTheSourcePage();
    void placesByHand();
    void retriesAutomatic();
    void cancelsWithAReason();
    void dashboardLoads();

private:
    std::unique_ptr<ManualQueuePage> newPage();
    int selectRow(ManualQueuePage &page, int row);
    QJsonObject subOrder(qint64 id);

    std::unique_ptr<testing::OrderFixture> m_fixture;
    std::unique_ptr<testing::SyncClient> m_ops;
    std::unique_ptr<testing::SyncClient> m_other;
    UserInfo m_user;
    QList<QUrl> m_opened;
};

void TstManualQueuePage::initTestCase()
{
    server::Config config;
    config.placementWorkers = 1;
    config.placementPollMs = 100;
    m_fixture = std::make_unique<testing::OrderFixture>(config);
    QVERIFY(m_fixture->start());
    m_user.id = m_fixture->server().createUser(QStringLiteral("ops.one"), opsPassword, Role::Ops);
    QVERIFY(m_user.id > 0);
    m_user.username = QStringLiteral("ops.one");
    m_user.role = Role::Ops;
    QVERIFY(m_fixture->server().createUser(QStringLiteral("ops.two"), opsPassword, Role::Ops) > 0);
    m_ops = m_fixture->client(QStringLiteral("ops.one"), opsPassword);
    m_other = m_fixture->client(QStringLiteral("ops.two"), opsPassword);
    QVERIFY(m_ops && m_other);

    QVERIFY(m_fixture->createCustomer(QStringLiteral("li.wei")) > 0);
    auto li =
        m_fixture->client(QStringLiteral("li.wei"), testing::OrderFixture::customerPassword());
    QVERIFY(li);
    const QList<qint64> uk = m_fixture->publishedSkuIds(QStringLiteral("asos.com"));
    QVERIFY(uk.size() >= kOrders);
    for (int i = 0; i < kOrders; ++i) {
        const QJsonObject o =
            m_fixture->placeOrder(*li, {{uk.at(i), 1}}, QStringLiteral("queue-%1").arg(i));
        const qint64 id = o.value(QStringLiteral("id")).toInteger();
        QVERIFY(id > 0);
        m_fixture->pay(*li, id);
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        testing::body(m_ops->raw("GET", QStringLiteral("/api/v1/admin/placements/counts")))
                .value(QStringLiteral("needs_manual"))
                .toInteger() == kOrders,
        20000);
    QDesktopServices::setUrlHandler(QStringLiteral("http"), this, "openUrl");
    QDesktopServices::setUrlHandler(QStringLiteral("https"), this, "openUrl");
}

void TstManualQueuePage::cleanupTestCase()
{
    QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
}

QJsonObject TstManualQueuePage::subOrder(qint64 id)
{
    return testing::body(m_ops->raw("GET", QStringLiteral("/api/v1/admin/sub-orders/%1").arg(id)));
}

std::unique_ptr<ManualQueuePage> TstManualQueuePage::newPage()
{
    auto page = std::make_unique<ManualQueuePage>(&m_ops->api(), m_user);
    page->resize(1400, 900);
    page->show();
    return page;
}

int TstManualQueuePage::selectRow(ManualQueuePage &page, int row)
{
    [&] { QTRY_VERIFY(page.model()->rowCount() > row && !page.model()->isLoading()); }();
    page.view()->setCurrentIndex(page.model()->index(row, 0));
    return page.selectedItem() ? int(page.selectedItem()->id) : -1;
}

void TstManualQueuePage::modelPagesWithAges()
{
    PlacementQueueModel model{client::OrdersApi(&m_ops->api())};
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    client::PlacementQuery q;
    q.limit = 2;
    model.setQuery(q);
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(model.rowCount(), 2);
    while (model.canFetchMore({})) {
        model.fetchMore({});
        QTRY_VERIFY(!model.isLoading());
    }
    QCOMPARE(model.rowCount(), kOrders);
    // Oldest status change first.
    for (int row = 1; row < kOrders; ++row)
        QVERIFY(model.itemAt(row - 1).statusChangedAt <= model.itemAt(row).statusChangedAt);
    const client::PlacementItem &first = model.itemAt(0);
    QCOMPARE(first.status, client::SubOrderStatus::NeedsManual);
    QCOMPARE(first.site, QStringLiteral("asos.com"));
    QCOMPARE(first.goods.currency().code(), QStringLiteral("GBP"));
    QVERIFY(!first.reason.isEmpty());
    QVERIFY(!first.lines.isEmpty());

    // The SLA age by the model's clock.
    const QDateTime changed = first.statusChangedAt;
    model.setClock([changed] { return changed.addSecs(45 * 60); });
    QSignalSpy changedSpy(&model, &QAbstractItemModel::dataChanged);
    model.refreshAges();
    QCOMPARE(changedSpy.size(), 1);
    QCOMPARE(model.index(0, PlacementQueueModel::SiteColumn).data(PlacementQueueModel::AgeRole),
             QVariant(qint64(45 * 60)));
    QCOMPARE(model.index(0, PlacementQueueModel::AgeColumn).data(models::RawRole),
             QVariant(qint64(45 * 60)));
    QCOMPARE(model.index(0, PlacementQueueModel::StatusColumn).data().toString(),
             QStringLiteral("Needs manual placement"));
    QCOMPARE(model.index(0, 0).data(models::IdRole).toLongLong(), first.id);

    // Another status: the queue of what waits for the worker is empty.
    q.status = client::SubOrderStatus::Placing;
    model.setQuery(q);
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(model.rowCount(), 0);
}

void TstManualQueuePage::countersAndPolling()
{
    auto page = newPage();
    QSignalSpy counts(page.get(), &ManualQueuePage::countsLoaded);
    QTRY_VERIFY(page->counts().has_value());
    QCOMPARE(page->counts()->needsManual, qint64(kOrders));
    QVERIFY2(page->countsLabel()->text().contains(QStringLiteral("Needs manual: %1").arg(kOrders)),
             qPrintable(page->countsLabel()->text()));
    QVERIFY(page->stuckLabel()->text().startsWith(QStringLiteral("Stuck: ")));
    QCOMPARE(page->countsTimer()->interval(), ManualQueuePage::kCountsRefreshMs);
    QVERIFY(page->countsTimer()->isActive());
    // Each tick asks again (sooner here than the page's 30 s).
    page->countsTimer()->setInterval(50);
    const qsizetype before = counts.size();
    QTRY_VERIFY(counts.size() > before + 1);
    page->hide();
    QVERIFY(!page->countsTimer()->isActive());
    page->show();
    QVERIFY(page->countsTimer()->isActive());
}

void TstManualQueuePage::claimAndRelease()
{
    auto page = newPage();
    const qint64 id = selectRow(*page, 0);
    QVERIFY(id > 0);
    QVERIFY(page->claimButton()->isEnabled());
    QVERIFY(!page->releaseButton()->isEnabled());
    QVERIFY(!page->placeButton()->isEnabled()); // only with the claim
    QSignalSpy finished(page.get(), &ManualQueuePage::actionFinished);
    page->claimButton()->click();
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(finished.at(0).at(0).toBool());
    QCOMPARE(page->selectedItem()->claimedBy, QStringLiteral("ops.one"));
    QCOMPARE(page->model()->index(0, PlacementQueueModel::ClaimedByColumn).data().toString(),
             QStringLiteral("ops.one"));
    QVERIFY(page->releaseButton()->isEnabled());
    QVERIFY(page->placeButton()->isEnabled());
    QVERIFY(!page->claimButton()->isEnabled());
    QCOMPARE(subOrder(id).value(QStringLiteral("claimedBy")).toString(), QStringLiteral("ops.one"));

    page->releaseButton()->click();
    QTRY_COMPARE(finished.size(), 2);
    QVERIFY(finished.at(1).at(0).toBool());
    QCOMPARE(page->selectedItem()->claimedBy, QString());
    QCOMPARE(subOrder(id).value(QStringLiteral("claimedBy")).toString(), QString());
}

void TstManualQueuePage::someoneElsesClaimIsSaidReadably()
{
    auto page = newPage();
    const qint64 id = selectRow(*page, 1);
    QVERIFY(id > 0);
    // ops.two takes it after the page loaded.
    QCOMPARE(m_other
                 ->raw("POST", QStringLiteral("/api/v1/admin/sub-orders/%1/claim").arg(id), "{}",
                       {{"Content-Type", "application/json"}})
                 .status,
             200);
    QSignalSpy finished(page.get(), &ManualQueuePage::actionFinished);
    page->claim();
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(!finished.at(0).at(0).toBool());
    QVERIFY(page->message()->isVisible());
    QVERIFY(page->message()->isError());
    QVERIFY2(page->message()->text().startsWith(QStringLiteral("Someone else got there first")),
             qPrintable(page->message()->text()));
    QCOMPARE(subOrder(id).value(QStringLiteral("claimedBy")).toString(), QStringLiteral("ops.two"));
    // Back to the queue for the next tests.
    QCOMPARE(m_other
                 ->raw("POST", QStringLiteral("/api/v1/admin/sub-orders/%1/release").arg(id), "{}",
                       {{"Content-Type", "application/json"}})
                 .status,
             200);
}

void TstManualQueuePage::opensTheSourcePage()
{
    auto page = newPage();
    QVERIFY(selectRow(*page, 0) > 0);
    QVERIFY(page->linesModel()->rowCount() > 0);
    const QString expected = page->selectedItem()->lines.at(0).sourceUrl;
    QVERIFY(!expected.isEmpty());
    QVERIFY(page->openSourceButton()->isEnabled());
    m_opened.clear();
    page->openSourceButton()->click();
    QCOMPARE(m_opened.size(), 1);
    QCOMPARE(m_opened.at(0), QUrl(expected));
}

void TstManualQueuePage::placesByHand()
{
    auto page = newPage();
    const qint64 id = selectRow(*page, 0);
    QVERIFY(id > 0);
    QSignalSpy finished(page.get(), &ManualQueuePage::actionFinished);
    page->claim();
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(page->placeButton()->isEnabled());
    const int rows = page->model()->rowCount();
    page->placeButton()->click();
    widgets::ManualPlacementDialog *dialog = page->placementDialog();
    QVERIFY(dialog && dialog->isVisible());
    QCOMPARE(dialog->currencyLabel()->text(), QStringLiteral("GBP"));
    dialog->orderNumberEdit()->setText(QStringLiteral("UK-HAND-001"));
    dialog->amountEdit()->setText(QStringLiteral("12.34"));
    QSignalSpy placed(dialog, &widgets::ManualPlacementDialog::placed);
    dialog->buttons()->button(QDialogButtonBox::Ok)->click();
    QTRY_COMPARE(placed.size(), 1);
    QVERIFY(!dialog->isVisible());
    // Placed: it leaves the queue.
    QCOMPARE(page->model()->rowCount(), rows - 1);
    QCOMPARE(page->model()->rowOfId(id), -1);
    const QJsonObject s = subOrder(id);
    QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("placed_manually"));
    QCOMPARE(s.value(QStringLiteral("merchantOrderId")).toString(), QStringLiteral("UK-HAND-001"));
    const QJsonObject paid = s.value(QStringLiteral("paid")).toObject();
    QCOMPARE(paid.value(QStringLiteral("minor")).toInteger(), 1234);
    QCOMPARE(paid.value(QStringLiteral("currency")).toString(), QStringLiteral("GBP"));
    QVERIFY(page->message()->text().contains(QStringLiteral("UK-HAND-001")));
}

void TstManualQueuePage::retriesAutomatic()
{
    auto page = newPage();
    const qint64 id = selectRow(*page, 0);
    QVERIFY(id > 0);
    QVERIFY(page->retryButton()->isEnabled());
    QSignalSpy finished(page.get(), &ManualQueuePage::actionFinished);
    page->retryButton()->click();
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(page->message()->text()));
    // The server recorded the move back to the worker (which, without a shop account, may
    // already have sent it back to the queue).
    bool retried = false;
    for (const QJsonValue &v : subOrder(id).value(QStringLiteral("events")).toArray()) {
        const QJsonObject e = v.toObject();
        retried = retried ||
                  (e.value(QStringLiteral("from")).toString() == QLatin1String("needs_manual") &&
                   e.value(QStringLiteral("to")).toString() == QLatin1String("awaiting_placement"));
    }
    QVERIFY(retried);
}

void TstManualQueuePage::cancelsWithAReason()
{
    auto page = newPage();
    const qint64 id = selectRow(*page, 0);
    QVERIFY(id > 0);
    QVERIFY(page->cancelButton()->isEnabled());
    page->cancelButton()->click();
    widgets::ManualQueueCancelDialog *dialog = page->cancelDialog();
    QVERIFY(dialog && dialog->isVisible());
    QPushButton *ok = dialog->buttons()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    dialog->reasonEdit()->setPlainText(QStringLiteral("the shop no longer sells it"));
    QVERIFY(ok->isEnabled());
    QSignalSpy cancelled(dialog, &widgets::ManualQueueCancelDialog::cancelled);
    ok->click();
    QTRY_COMPARE(cancelled.size(), 1);
    QCOMPARE(page->model()->rowOfId(id), -1);
    const QJsonObject s = subOrder(id);
    QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
    bool withReason = false;
    for (const QJsonValue &v : s.value(QStringLiteral("events")).toArray())
        withReason = withReason || v.toObject()
                                       .value(QStringLiteral("reason"))
                                       .toString()
                                       .contains(QStringLiteral("no longer sells"));
    QVERIFY(withReason);
}

void TstManualQueuePage::dashboardLoads()
{
    widgets::PlacementDashboard dashboard(&m_ops->api());
    QSignalSpy loaded(&dashboard, &widgets::PlacementDashboard::statsLoaded);
    dashboard.show();
    QTRY_COMPARE(loaded.size(), 1);
    QVERIFY(!dashboard.message()->isVisible());
    QVERIFY(dashboard.stats().has_value());
    // Manual placements and cancels were made today: the queue has a day.
    QVERIFY(!dashboard.stats()->queue.isEmpty());
    QVERIFY(!dashboard.queueChart()->series().isEmpty());
}

QTEST_MAIN(TstManualQueuePage)
#include "tst_manualqueuepage.moc"
