// The Logistics page offscreen against a fake logistics server (tests/desktop/logisticsfake.h
// answers the contract JSON of issue 7 and records what the page sent): the first show loads
// shipments, counters, carriers, alerts and mappings; the filters reach the server; the detail
// shows the timeline in route order with times in the carrier's zone and unmapped statuses
// marked; "Add checkpoint" sends the checkpoint with its zone and shows 422 field errors in the
// dialog; the alert queue acknowledges and resolves with a note and shows 409 in place; the
// mapping editor maps an unknown raw status and changes an existing mapping; a failed
// notification is retried; counters poll only while the page is visible.

#include "models/alertsmodel.h"
#include "models/checkpointsmodel.h"
#include "models/itemroles.h"
#include "models/notificationsmodel.h"
#include "models/shipmentsmodel.h"
#include "models/statusmappingmodels.h"
#include "tests/desktop/logisticsfake.h"
#include "widgets/addcheckpointdialog.h"
#include "widgets/alertqueuepanel.h"
#include "widgets/logisticsdelegates.h"
#include "widgets/logisticslabels.h"
#include "widgets/logisticspage.h"
#include "widgets/mappingeditor.h"
#include "widgets/messagelabel.h"
#include "widgets/resolvealertdialog.h"
#include "widgets/shipmentdetailpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <memory>

using namespace haitao;
using models::AlertsModel;
using models::CheckpointsModel;
using models::ShipmentsModel;
using widgets::LogisticsPage;

namespace {

const QString kGet = QStringLiteral("GET");
const QString kPost = QStringLiteral("POST");
const QString kPut = QStringLiteral("PUT");
const QString kShipments = QStringLiteral("/api/v1/logistics/shipments");
const QString kCounts = QStringLiteral("/api/v1/logistics/shipments/counts");
const QString kShipment = QStringLiteral("/api/v1/logistics/shipments/7");
const QString kCheckpoints = QStringLiteral("/api/v1/logistics/shipments/7/checkpoints");
const QString kCarriers = QStringLiteral("/api/v1/logistics/carriers");
const QString kAlerts = QStringLiteral("/api/v1/logistics/alerts");
const QString kMappings = QStringLiteral("/api/v1/logistics/mappings");
const QString kUnmapped = QStringLiteral("/api/v1/logistics/mappings/unmapped");
const QString kNotifications = QStringLiteral("/api/v1/logistics/notifications");

const QByteArray kShipmentList = R"({"items": [
  {"id": 7, "subOrderId": 70, "orderId": 700, "site": "jp", "customer": "li.wei",
   "status": "in_transit", "currentLeg": "shop", "carrier": "kuroneko", "trackingNumber": "KN123",
   "lastCheckpointAt": "2026-11-22T00:30:00.000Z", "lastActivityAt": "2026-11-22T00:31:00.000Z",
   "openAlerts": 1, "createdAt": "2026-11-20T00:00:00.000Z"},
  {"id": 6, "subOrderId": 60, "orderId": 600, "site": "us", "customer": "wang.fang",
   "status": "delivered", "currentLeg": "domestic", "carrier": "sfsim", "trackingNumber": "SF9",
   "lastCheckpointAt": "2026-11-10T00:00:00.000Z", "lastActivityAt": "2026-11-10T00:00:00.000Z",
   "openAlerts": 0, "createdAt": "2026-11-01T00:00:00.000Z"}], "nextCursor": null})";

const QByteArray kShipmentDetail = R"({
  "id": 7, "subOrderId": 70, "orderId": 700, "site": "jp", "customer": "li.wei",
  "status": "in_transit", "currentLeg": "shop", "carrier": "kuroneko", "trackingNumber": "KN123",
  "lastCheckpointAt": "2026-11-22T00:30:00.000Z", "lastActivityAt": "2026-11-22T00:31:00.000Z",
  "openAlerts": 1, "createdAt": "2026-11-20T00:00:00.000Z",
  "recipient": {"name": "Li Wei", "phone": "13800000000", "email": "",
                "address": {"name": "Li Wei", "city": "Hangzhou", "line1": "1 West Lake Road"}},
  "pricedWeightG": 1200,
  "legs": [
    {"id": 1, "kind": "shop", "carrier": "kuroneko", "carrierName": "Kuroneko",
     "trackingNumber": "KN123", "status": "in_transit", "checkpoints": [
       {"time": "2026-11-21T10:00:00+09:00", "place": "東京", "status": "info_received",
        "rawStatus": "01", "rawText": "荷物受付", "source": "poll"},
       {"time": "2026-11-22T09:30:00+09:00", "place": "大阪", "status": "unknown",
        "rawStatus": "77", "rawText": "謎の状態", "source": "poll"}]}],
  "events": [],
  "alerts": [{"id": 5, "shipmentId": 7, "orderId": 700, "site": "jp", "kind": "quiet",
              "state": "open", "detail": "no news", "raisedAt": "2026-11-25T00:00:00.000Z"}],
  "receipt": null})";

const QByteArray kCountsAnswer =
    R"({"byStatus": {"in_transit": 1, "delivered": 1}, "open": 1, "unmapped": 1, "openAlerts": 2})";

const QByteArray kCarrierList = R"({"items": [
  {"code": "swiftpost", "name": "SwiftPost", "protocol": "batch_json", "baseUrl": "",
   "rps": 5, "batchSize": 40, "tzOffsetMinutes": 0, "enabled": true, "webhookRegistered": false},
  {"code": "kuroneko", "name": "Kuroneko", "protocol": "jp_single", "baseUrl": "",
   "rps": 5, "batchSize": 1, "tzOffsetMinutes": 540, "enabled": true, "webhookRegistered": false}]})";

const QByteArray kAlertList = R"({"items": [
  {"id": 5, "shipmentId": 7, "orderId": 700, "site": "jp", "kind": "quiet", "state": "open",
   "detail": "no news", "raisedAt": "2026-11-25T00:00:00.000Z", "acknowledgedBy": null,
   "acknowledgedAt": null, "resolvedBy": null, "resolvedAt": null, "note": null},
  {"id": 4, "shipmentId": 6, "orderId": 600, "site": "us", "kind": "exception",
   "state": "acknowledged", "detail": "EXC", "raisedAt": "2026-11-24T00:00:00.000Z",
   "acknowledgedBy": "ops.two", "acknowledgedAt": "2026-11-24T01:00:00.000Z",
   "resolvedBy": null, "resolvedAt": null, "note": null}], "nextCursor": null})";

const QByteArray kUnmappedList = R"({"items": [
  {"carrier": "swiftpost", "rawStatus": "HUB_HOLD", "sampleText": "Held at hub for inspection",
   "count": 4, "firstSeen": "2026-11-24T00:00:00.000Z", "lastSeen": "2026-11-25T00:00:00.000Z"}]})";

const QByteArray kMappingList = R"({"items": [
  {"carrier": "swiftpost", "rawStatus": "DLV", "status": "delivered", "updatedBy": "seed",
   "updatedAt": "2026-11-01T00:00:00.000Z"},
  {"carrier": "swiftpost", "rawStatus": "EXC", "status": "exception", "updatedBy": "seed",
   "updatedAt": "2026-11-01T00:00:00.000Z"}]})";

const QByteArray kNotificationList = R"({"items": [
  {"id": 11, "shipmentId": 7, "orderId": 700, "kind": "shipped", "channel": "email",
   "recipient": "li@example.com", "subject": "Your parcel shipped", "status": "sent",
   "attempts": 1, "lastError": null, "createdAt": "2026-11-21T01:00:00.000Z",
   "sentAt": "2026-11-21T01:00:02.000Z"},
  {"id": 12, "shipmentId": 7, "orderId": 700, "kind": "shipped", "channel": "sms",
   "recipient": "13800000000", "subject": "", "status": "failed", "attempts": 5,
   "lastError": "503", "createdAt": "2026-11-21T01:00:00.000Z", "sentAt": null}]})";

const QByteArray kConflict =
    R"({"type": "urn:haitao:problem:conflict", "title": "Conflict", "status": 409,
        "detail": "alert 5 is already acknowledged"})";

const QByteArray kFieldErrors =
    R"({"type": "urn:haitao:problem:validation", "title": "Validation failed", "status": 422,
        "errors": [{"field": "place", "message": "Enter where the parcel was."},
                   {"field": "time", "message": "The time is in the future."}]})";

// Exposes the delegates' styling to the test.
struct ShipmentsProbe : widgets::ShipmentsDelegate
{
    using widgets::ShipmentsDelegate::initStyleOption;
};
struct CheckpointsProbe : widgets::CheckpointsDelegate
{
    using widgets::CheckpointsDelegate::initStyleOption;
};

} // namespace

class TstLogisticsPage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void firstShowLoadsEverything();
    void filtersReachTheServer();
    void detailShowsTheTimeline();
    void delegatesColourAndZone();
    void addCheckpointShowsFieldErrors();
    void alertQueueAcknowledgesAndResolves();
    void mappingEditorMapsAndChanges();
    void retriesAFailedNotification();
    void countersPollOnlyWhileVisible();

private:
    std::unique_ptr<LogisticsPage> newPage();
    void selectShipment(LogisticsPage &page, int row);

    std::unique_ptr<testing::LogisticsFake> m_fake;
    std::unique_ptr<client::ApiClient> m_client;
};

void TstLogisticsPage::init()
{
    m_fake = std::make_unique<testing::LogisticsFake>();
    m_fake->answer(kGet, kShipments, 200, kShipmentList);
    m_fake->answer(kGet, kCounts, 200, kCountsAnswer);
    m_fake->answer(kGet, kShipment, 200, kShipmentDetail);
    m_fake->answer(kGet, kCarriers, 200, kCarrierList);
    m_fake->answer(kGet, kAlerts, 200, kAlertList);
    m_fake->answer(kGet, kUnmapped, 200, kUnmappedList);
    m_fake->answer(kGet, kMappings, 200, kMappingList);
    m_fake->answer(kGet, kNotifications, 200, kNotificationList);
    m_client = std::make_unique<client::ApiClient>();
    m_client->setBaseUrl(m_fake->url());
    m_client->setToken(QStringLiteral("t"));
}

void TstLogisticsPage::cleanup()
{
    m_client.reset();
    m_fake.reset();
}

std::unique_ptr<LogisticsPage> TstLogisticsPage::newPage()
{
    auto page = std::make_unique<LogisticsPage>(m_client.get());
    page->resize(1400, 900);
    page->show();
    return page;
}

void TstLogisticsPage::selectShipment(LogisticsPage &page, int row)
{
    [&] { QTRY_VERIFY(page.model()->rowCount() > row && !page.model()->isLoading()); }();
    page.view()->setCurrentIndex(page.model()->index(row, 0));
}

void TstLogisticsPage::firstShowLoadsEverything()
{
    auto page = newPage();
    QSignalSpy counts(page.get(), &LogisticsPage::countsLoaded);
    QSignalSpy carriers(page.get(), &LogisticsPage::carriersLoaded);
    QTRY_COMPARE(page->model()->rowCount(), 2);
    QTRY_VERIFY(counts.size() >= 1);
    QTRY_VERIFY(carriers.size() >= 1);
    QTRY_COMPARE(page->alerts()->model()->rowCount(), 2);
    QTRY_COMPARE(page->mappings()->unmappedModel()->rowCount(), 1);
    QTRY_COMPARE(page->mappings()->mappingsModel()->rowCount(), 2);

    // The alert queue asks for the open ones first.
    QCOMPARE(m_fake->requests(kGet, kAlerts).first().query.queryItemValue(QStringLiteral("state")),
             QStringLiteral("open"));
    // Carriers from the server in the filter (after "All carriers").
    QCOMPARE(page->carrierFilter()->count(), 3);
    QCOMPARE(page->carrierFilter()->itemData(2).toString(), QStringLiteral("kuroneko"));
    QCOMPARE(page->carrierFilter()->itemText(2), QStringLiteral("Kuroneko"));
    // Counters in words and on the tabs.
    QVERIFY(page->countsLabel()->text().contains(QStringLiteral("Open: 1")));
    QVERIFY(page->countsLabel()->text().contains(QStringLiteral("Delivered: 1")));
    QCOMPARE(page->tabs()->tabText(1), QStringLiteral("Alerts (2)"));
    QCOMPARE(page->tabs()->tabText(2), QStringLiteral("Mappings (1 unmapped)"));
    QVERIFY(!page->message()->isVisible());
}

void TstLogisticsPage::filtersReachTheServer()
{
    auto page = newPage();
    QTRY_COMPARE(page->model()->rowCount(), 2);
    QTRY_COMPARE(page->carrierFilter()->count(), 3);
    QTRY_VERIFY(!page->model()->isLoading());
    const auto lastQuery = [this] { return m_fake->requests(kGet, kShipments).last().query; };

    page->statusFilter()->setCurrentIndex(
        page->statusFilter()->findData(QStringLiteral("customs_hold")));
    QTRY_COMPARE(lastQuery().queryItemValue(QStringLiteral("status")),
                 QStringLiteral("customs_hold"));
    page->carrierFilter()->setCurrentIndex(2);
    QTRY_COMPARE(lastQuery().queryItemValue(QStringLiteral("carrier")), QStringLiteral("kuroneko"));
    page->alertsFilter()->setChecked(true);
    QTRY_COMPARE(lastQuery().queryItemValue(QStringLiteral("alerts")), QStringLiteral("open"));

    const int before = m_fake->count(kGet, kShipments);
    page->quietFilter()->setValue(3);
    emit page->quietFilter()->editingFinished();
    QTRY_COMPARE(lastQuery().queryItemValue(QStringLiteral("quietDays")), QStringLiteral("3"));
    page->siteFilter()->setText(QStringLiteral("jp"));
    emit page->siteFilter()->editingFinished();
    // One at a time: the connections may deliver parallel requests in any order.
    QTRY_COMPARE(lastQuery().queryItemValue(QStringLiteral("site")), QStringLiteral("jp"));
    page->searchField()->setText(QStringLiteral(" KN123 "));
    emit page->searchField()->editingFinished();
    QTRY_COMPARE(lastQuery().queryItemValue(QStringLiteral("q")), QStringLiteral("KN123"));
    QCOMPARE(lastQuery().queryItemValue(QStringLiteral("site")), QStringLiteral("jp"));
    QCOMPARE(lastQuery().queryItemValue(QStringLiteral("status")), QStringLiteral("customs_hold"));
    QTRY_VERIFY(!page->model()->isLoading());
    // editingFinished again (focus out) without a change: no new request.
    const int now = m_fake->count(kGet, kShipments);
    QCOMPARE(now, before + 3);
    emit page->searchField()->editingFinished();
    QTest::qWait(50);
    QCOMPARE(m_fake->count(kGet, kShipments), now);

    // A failed load is said on the page.
    m_fake->answer(kGet, kShipments, 503,
                   R"({"type": "urn:haitao:problem:unavailable", "title": "Unavailable",
                       "status": 503, "detail": "logistics store is down"})");
    page->statusFilter()->setCurrentIndex(0);
    QTRY_VERIFY(page->message()->isError());
    QVERIFY(page->message()->text().contains(QStringLiteral("logistics store is down")));
}

void TstLogisticsPage::detailShowsTheTimeline()
{
    auto page = newPage();
    QSignalSpy loaded(page->detail(), &widgets::ShipmentDetailPanel::shipmentLoaded);
    QSignalSpy notified(page->detail(), &widgets::ShipmentDetailPanel::notificationsLoaded);
    selectShipment(*page, 0);
    QTRY_COMPARE(loaded.size(), 1);
    QTRY_COMPARE(notified.size(), 1);
    QCOMPARE(m_fake->requests(kGet, kNotifications)
                 .last()
                 .query.queryItemValue(QStringLiteral("shipmentId")),
             QStringLiteral("7"));

    const CheckpointsModel *timeline = page->detail()->timeline();
    QCOMPARE(timeline->rowCount(), 1);
    const QModelIndex shop = timeline->index(0, 0);
    QCOMPARE(timeline->rowCount(shop), 2);
    QCOMPARE(timeline->index(1, CheckpointsModel::RawStatusColumn, shop).data().toString(),
             QStringLiteral("77"));
    QVERIFY(timeline->index(1, 0, shop).data(CheckpointsModel::UnknownRole).toBool());
    QVERIFY(page->detail()->timelineView()->isExpanded(shop));

    const QString summary = page->detail()->summary()->text();
    QVERIFY2(summary.contains(QStringLiteral("Shipment 7")), qPrintable(summary));
    QVERIFY2(summary.contains(
                 QStringLiteral("Ship to: Li Wei, 13800000000, Hangzhou, 1 West Lake Road")),
             qPrintable(summary));
    QVERIFY(summary.contains(QStringLiteral("Gone quiet")));
    QVERIFY(summary.contains(
        QStringLiteral("1 checkpoint(s) with a carrier status nobody has mapped")));
    QCOMPARE(page->detail()->notifications()->rowCount(), 2);
    QVERIFY(page->detail()->addCheckpointButton()->isEnabled());

    // Another shipment that cannot be loaded: the error in the detail, not a stale timeline.
    m_fake->answer(kGet, QStringLiteral("/api/v1/logistics/shipments/6"), 404,
                   R"({"type": "urn:haitao:problem:not-found", "title": "Not found",
                       "status": 404, "detail": "no shipment 6"})");
    selectShipment(*page, 1);
    QTRY_VERIFY(page->detail()->message()->isError());
    QCOMPARE(page->detail()->shipmentId(), 6);
    QCOMPARE(page->detail()->timeline()->rowCount(), 0);
    QVERIFY(!page->detail()->addCheckpointButton()->isEnabled());
}

void TstLogisticsPage::delegatesColourAndZone()
{
    auto page = newPage();
    selectShipment(*page, 0);
    QTRY_COMPARE(page->detail()->timeline()->rowCount(), 1);

    // Shipments: the status cell in its colour; the quiet age as text and coloured by level.
    ShipmentsProbe shipments;
    const QDateTime created = page->model()->shipmentAt(0).lastActivityAt;
    page->model()->setClock([created] { return created.addDays(6); });
    QStyleOptionViewItem option;
    shipments.initStyleOption(&option, page->model()->index(0, ShipmentsModel::StatusColumn));
    QCOMPARE(option.backgroundBrush.color(),
             widgets::statusColours(QStringLiteral("in_transit")).background);
    option = QStyleOptionViewItem();
    shipments.initStyleOption(&option, page->model()->index(0, ShipmentsModel::QuietColumn));
    QCOMPARE(option.text, QStringLiteral("6 d 0 h"));
    QVERIFY(option.font.bold()); // red: over kRedAfterSeconds
    // A delivered parcel is quiet by nature: no colour.
    page->model()->setClock([created] { return created.addDays(30); });
    option = QStyleOptionViewItem();
    shipments.initStyleOption(&option, page->model()->index(1, ShipmentsModel::QuietColumn));
    QVERIFY(!option.font.bold());
    QCOMPARE(option.backgroundBrush.style(), Qt::NoBrush);
    QCOMPARE(widgets::quiet::levelOf(3 * 24 * 3600, QStringLiteral("in_transit")),
             widgets::quiet::Level::Amber);

    // Timeline: the time with its own offset; the unknown status marked.
    CheckpointsProbe checkpoints;
    const auto *timeline = page->detail()->timeline();
    const QModelIndex shop = timeline->index(0, 0);
    option = QStyleOptionViewItem();
    checkpoints.initStyleOption(&option, timeline->index(0, CheckpointsModel::TimeColumn, shop));
    QVERIFY2(option.text.contains(QStringLiteral("UTC+09:00")), qPrintable(option.text));
    QVERIFY2(option.text.contains(QStringLiteral("10:00")), qPrintable(option.text));
    option = QStyleOptionViewItem();
    checkpoints.initStyleOption(&option, timeline->index(1, CheckpointsModel::StatusColumn, shop));
    QVERIFY2(option.text.startsWith(QStringLiteral("? ")), qPrintable(option.text));
    QVERIFY(option.font.italic());
    option = QStyleOptionViewItem();
    checkpoints.initStyleOption(&option, timeline->index(0, CheckpointsModel::StatusColumn, shop));
    QVERIFY(!option.font.italic());
    QVERIFY(!option.text.startsWith(QStringLiteral("? ")));
}

void TstLogisticsPage::addCheckpointShowsFieldErrors()
{
    auto page = newPage();
    QSignalSpy loaded(page->detail(), &widgets::ShipmentDetailPanel::shipmentLoaded);
    selectShipment(*page, 0);
    QTRY_COMPARE(loaded.size(), 1);
    page->detail()->addCheckpointButton()->click();
    widgets::AddCheckpointDialog *dialog = page->detail()->checkpointDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    // The current leg preselected, in the zone of its last checkpoint.
    QCOMPARE(dialog->legPicker()->currentData().toString(), QStringLiteral("shop"));
    QCOMPARE(dialog->offsetPicker()->currentData().toInt(), 9 * 3600);
    QPushButton *ok = dialog->buttons()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled()); // no status, no reason

    dialog->statusPicker()->setCurrentIndex(
        dialog->statusPicker()->findData(QStringLiteral("at_warehouse")));
    dialog->timeEdit()->setDateTime(QDateTime(QDate(2026, 11, 24), QTime(14, 30)));
    dialog->textEdit()->setText(QStringLiteral("Zugestellt"));
    QVERIFY(!ok->isEnabled());
    dialog->reasonEdit()->setPlainText(QStringLiteral("dpost has no API; phoned the depot"));
    QVERIFY(ok->isEnabled());

    m_fake->answer(kPost, kCheckpoints, 422, kFieldErrors);
    ok->click();
    QTRY_VERIFY(!dialog->fieldError(QStringLiteral("place")).isEmpty());
    QCOMPARE(dialog->fieldError(QStringLiteral("place")),
             QStringLiteral("Enter where the parcel was."));
    QCOMPARE(dialog->fieldError(QStringLiteral("time")),
             QStringLiteral("The time is in the future."));
    QVERIFY(dialog->fieldError(QStringLiteral("reason")).isEmpty());
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->message()->isError());

    const QJsonObject sent = m_fake->requests(kPost, kCheckpoints).last().body;
    QCOMPARE(sent.value(QStringLiteral("leg")).toString(), QStringLiteral("shop"));
    QCOMPARE(sent.value(QStringLiteral("status")).toString(), QStringLiteral("at_warehouse"));
    QCOMPARE(sent.value(QStringLiteral("time")).toString(),
             QStringLiteral("2026-11-24T14:30:00+09:00"));
    QCOMPARE(sent.value(QStringLiteral("text")).toString(), QStringLiteral("Zugestellt"));
    QCOMPARE(sent.value(QStringLiteral("reason")).toString(),
             QStringLiteral("dpost has no API; phoned the depot"));
    QVERIFY(!sent.contains(QStringLiteral("place")));

    // Corrected and accepted: the dialog closes, the detail and the list reload.
    const int details = m_fake->count(kGet, kShipment);
    const int lists = m_fake->count(kGet, kShipments);
    m_fake->answer(kPost, kCheckpoints, 201,
                   R"({"time": "2026-11-24T14:30:00+09:00", "place": "Frankfurt",
                       "status": "at_warehouse", "rawStatus": "", "rawText": "Zugestellt",
                       "source": "manual"})");
    dialog->placeEdit()->setText(QStringLiteral("Frankfurt"));
    dialog->offsetPicker()->setCurrentIndex(dialog->offsetPicker()->findData(3600));
    ok->click();
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(
        m_fake->requests(kPost, kCheckpoints).last().body.value(QStringLiteral("time")).toString(),
        QStringLiteral("2026-11-24T14:30:00+01:00"));
    QTRY_VERIFY(m_fake->count(kGet, kShipment) > details);
    QTRY_VERIFY(m_fake->count(kGet, kShipments) > lists);
    QVERIFY(page->detail()->message()->text().contains(QStringLiteral("Checkpoint added")));
}

void TstLogisticsPage::alertQueueAcknowledgesAndResolves()
{
    auto page = newPage();
    widgets::AlertQueuePanel *alerts = page->alerts();
    page->tabs()->setCurrentWidget(alerts);
    QTRY_COMPARE(alerts->model()->rowCount(), 2);
    QTRY_VERIFY(!alerts->model()->isLoading());
    alerts->view()->setCurrentIndex(alerts->model()->index(0, 0));
    QVERIFY(alerts->acknowledgeButton()->isEnabled());
    QVERIFY(alerts->resolveButton()->isEnabled());
    // An acknowledged alert can be resolved, not acknowledged again.
    alerts->view()->setCurrentIndex(alerts->model()->index(1, 0));
    QVERIFY(!alerts->acknowledgeButton()->isEnabled());
    QVERIFY(alerts->resolveButton()->isEnabled());
    alerts->view()->setCurrentIndex(alerts->model()->index(0, 0));

    const QString ack = QStringLiteral("/api/v1/logistics/alerts/5/acknowledge");
    QSignalSpy finished(alerts, &widgets::AlertQueuePanel::actionFinished);
    m_fake->answer(kPost, ack, 409, kConflict);
    alerts->acknowledgeButton()->click();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.last().first().toBool(), false);
    QVERIFY(alerts->message()->isError());
    QVERIFY2(alerts->message()->text().contains(QStringLiteral("Someone else handled")),
             qPrintable(alerts->message()->text()));

    const int listed = m_fake->count(kGet, kAlerts);
    m_fake->answer(kPost, ack, 200, R"({"id": 5, "state": "acknowledged"})");
    alerts->acknowledgeButton()->click();
    QTRY_COMPARE(finished.size(), 2);
    QCOMPARE(finished.last().first().toBool(), true);
    QTRY_VERIFY(m_fake->count(kGet, kAlerts) > listed); // the queue reloads
    QVERIFY(!alerts->message()->isError());

    // Resolve needs a note; a conflict shows in the dialog.
    QTRY_COMPARE(alerts->model()->rowCount(), 2);
    QTRY_VERIFY(!alerts->model()->isLoading());
    alerts->view()->setCurrentIndex(alerts->model()->index(0, 0));
    alerts->resolveButton()->click();
    widgets::ResolveAlertDialog *dialog = alerts->resolveDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QPushButton *ok = dialog->buttons()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    dialog->noteEdit()->setPlainText(QStringLiteral("  carrier found the parcel  "));
    QVERIFY(ok->isEnabled());
    const QString resolve = QStringLiteral("/api/v1/logistics/alerts/5/resolve");
    m_fake->answer(kPost, resolve, 409, kConflict);
    ok->click();
    QTRY_VERIFY(dialog->message()->isError());
    QVERIFY(dialog->message()->text().contains(QStringLiteral("Someone else handled")));
    QVERIFY(dialog->isVisible());
    QCOMPARE(m_fake->requests(kPost, resolve).last().body.value(QStringLiteral("note")).toString(),
             QStringLiteral("carrier found the parcel"));
    m_fake->answer(kPost, resolve, 200, R"({"id": 5, "state": "resolved"})");
    ok->click();
    QTRY_VERIFY(!dialog->isVisible());
    QTRY_COMPARE(finished.size(), 3);
    QVERIFY(alerts->message()->text().contains(QStringLiteral("resolved")));

    // "Show shipment" opens the parcel in the shipments tab.
    QTRY_VERIFY(!alerts->model()->isLoading());
    alerts->view()->setCurrentIndex(alerts->model()->index(0, 0));
    alerts->showShipmentButton()->click();
    QCOMPARE(page->tabs()->currentIndex(), 0);
    QCOMPARE(page->detail()->shipmentId(), 7);
}

void TstLogisticsPage::mappingEditorMapsAndChanges()
{
    auto page = newPage();
    widgets::MappingEditor *editor = page->mappings();
    page->tabs()->setCurrentWidget(editor);
    QTRY_COMPARE(editor->unmappedModel()->rowCount(), 1);
    QTRY_COMPARE(editor->mappingsModel()->rowCount(), 2);
    QTRY_COMPARE(editor->carrierFilter()->count(), 3);
    QVERIFY(!editor->mapButton()->isEnabled());

    editor->unmappedView()->setCurrentIndex(editor->unmappedModel()->index(0, 0));
    QVERIFY(editor->mapButton()->isEnabled());
    editor->mapToPicker()->setCurrentIndex(
        editor->mapToPicker()->findData(QStringLiteral("customs_hold")));
    const QString hubHold = QStringLiteral("/api/v1/logistics/mappings/swiftpost/HUB_HOLD");
    m_fake->answer(kPut, hubHold, 200, R"({"carrier": "swiftpost", "rawStatus": "HUB_HOLD",
                                           "status": "customs_hold"})");
    QSignalSpy saved(editor, &widgets::MappingEditor::saveFinished);
    const int unmappedLoads = m_fake->count(kGet, kUnmapped);
    editor->mapButton()->click();
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(saved.last().first().toBool(), true);
    QCOMPARE(m_fake->requests(kPut, hubHold).last().body.value(QStringLiteral("status")).toString(),
             QStringLiteral("customs_hold"));
    QTRY_VERIFY(m_fake->count(kGet, kUnmapped) > unmappedLoads);

    // The mappings of one carrier; an existing one changed.
    QSignalSpy reset(editor->mappingsModel(), &QAbstractItemModel::modelReset);
    editor->carrierFilter()->setCurrentIndex(
        editor->carrierFilter()->findData(QStringLiteral("swiftpost")));
    QTRY_COMPARE(
        m_fake->requests(kGet, kMappings).last().query.queryItemValue(QStringLiteral("carrier")),
        QStringLiteral("swiftpost"));
    // The answer for the chosen carrier (an older one for every carrier is dropped).
    QTRY_VERIFY(reset.size() >= 1);
    QTRY_COMPARE(editor->mappingsModel()->rowCount(), 2);
    editor->mappingsView()->setCurrentIndex(editor->mappingsModel()->index(1, 0));
    // The picker starts at the mapping's status: saving it unchanged is pointless.
    QCOMPARE(editor->changeToPicker()->currentData().toString(), QStringLiteral("exception"));
    QVERIFY(!editor->saveButton()->isEnabled());
    editor->changeToPicker()->setCurrentIndex(
        editor->changeToPicker()->findData(QStringLiteral("returned")));
    QVERIFY(editor->saveButton()->isEnabled());
    const QString exc = QStringLiteral("/api/v1/logistics/mappings/swiftpost/EXC");
    m_fake->answer(kPut, exc, 403, R"({"type": "urn:haitao:problem:forbidden", "title": "Forbidden",
                                        "status": 403, "detail": "admin only"})");
    editor->saveButton()->click();
    QTRY_COMPARE(saved.size(), 2);
    QCOMPARE(saved.last().first().toBool(), false);
    QVERIFY(editor->message()->isError());
    QCOMPARE(m_fake->requests(kPut, exc).last().body.value(QStringLiteral("status")).toString(),
             QStringLiteral("returned"));
}

void TstLogisticsPage::retriesAFailedNotification()
{
    auto page = newPage();
    QSignalSpy notified(page->detail(), &widgets::ShipmentDetailPanel::notificationsLoaded);
    selectShipment(*page, 0);
    QTRY_COMPARE(notified.size(), 1);
    QTableView *view = page->detail()->notificationsView();
    view->setCurrentIndex(page->detail()->notifications()->index(0, 0));
    QVERIFY(!page->detail()->retryButton()->isEnabled()); // sent: nothing to retry
    view->setCurrentIndex(page->detail()->notifications()->index(1, 0));
    QVERIFY(page->detail()->retryButton()->isEnabled());

    const QString retry = QStringLiteral("/api/v1/logistics/notifications/12/retry");
    m_fake->answer(kPost, retry, 200, R"({"id": 12, "status": "pending"})");
    QSignalSpy finished(page->detail(), &widgets::ShipmentDetailPanel::retryFinished);
    page->detail()->retryButton()->click();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(m_fake->count(kPost, retry), 1);
    QTRY_COMPARE(notified.size(), 2); // reloaded
}

void TstLogisticsPage::countersPollOnlyWhileVisible()
{
    auto page = newPage();
    QSignalSpy counts(page.get(), &LogisticsPage::countsLoaded);
    QTRY_VERIFY(counts.size() >= 1);
    QVERIFY(page->refreshTimer()->isActive());
    QCOMPARE(page->refreshTimer()->interval(), LogisticsPage::kRefreshMs);
    // Each tick asks again (sooner here than the page's 30 s).
    const int before = m_fake->count(kGet, kCounts);
    page->refreshTimer()->setInterval(50);
    QTRY_VERIFY(m_fake->count(kGet, kCounts) > before + 1);
    page->hide();
    QVERIFY(!page->refreshTimer()->isActive());
    QTRY_VERIFY(!page->model()->isLoading());
    // A request sent just before hiding may still be on its way: wait until none arrives.
    int hidden = -1;
    for (int i = 0; i < 20 && hidden != m_fake->count(kGet, kCounts); ++i) {
        hidden = m_fake->count(kGet, kCounts);
        QTest::qWait(100);
    }
    const int lists = m_fake->count(kGet, kShipments);
    QTest::qWait(200);
    QCOMPARE(m_fake->count(kGet, kCounts), hidden); // nobody looks: no polling
    page->refreshTimer()->setInterval(LogisticsPage::kRefreshMs);
    page->show();
    QVERIFY(page->refreshTimer()->isActive());
    // Shown again: the counters refresh at once; the list is not reloaded.
    QTRY_COMPARE(m_fake->count(kGet, kCounts), hidden + 1);
    QCOMPARE(m_fake->count(kGet, kShipments), lists);
}

QTEST_MAIN(TstLogisticsPage)
#include "tst_logisticspage.moc"
