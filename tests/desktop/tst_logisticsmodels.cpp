// The logistics client types and models: the contract's JSON (issue 7) read into structs (and
// refused when an id the desktop relies on is missing), checkpoint times kept in the carrier's
// zone, the timeline in route and event-time order with unmapped statuses flagged, the
// shipments and alerts lists paged and filtered through LogisticsApi against a fake server
// (tests/desktop/logisticsfake.h), quiet ages by an injected clock, and every model under
// QAbstractItemModelTester.

#include "backend-client/logisticsapi.h"
#include "models/alertsmodel.h"
#include "models/checkpointsmodel.h"
#include "models/itemroles.h"
#include "models/logisticslabels.h"
#include "models/notificationsmodel.h"
#include "models/shipmentsmodel.h"
#include "models/statusmappingmodels.h"
#include "tests/desktop/logisticsfake.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace haitao;
using models::AlertsModel;
using models::CheckpointsModel;
using models::ShipmentsModel;

namespace {

QJsonObject parse(const char *json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

// GET /logistics/shipments/{id}, legs deliberately out of route order and a customs leg's
// checkpoints out of time order (the model must not rely on the answer being sorted).
const char *kDetail = R"({
  "id": 7, "subOrderId": 70, "orderId": 700, "site": "jp", "customer": "li.wei",
  "status": "in_transit", "currentLeg": "international", "carrier": "intlexpress",
  "trackingNumber": "IE000000001CN", "lastCheckpointAt": "2026-11-25T06:00:00.000Z",
  "lastActivityAt": "2026-11-25T06:00:05.000Z", "openAlerts": 1,
  "createdAt": "2026-11-20T00:00:00.000Z",
  "recipient": {"name": "Li Wei", "phone": "13800000000", "city": "Hangzhou"},
  "pricedWeightG": 1200,
  "legs": [
    {"id": 3, "kind": "international", "carrier": "intlexpress", "carrierName": "Intl Express",
     "trackingNumber": "IE000000001CN", "status": "in_transit",
     "checkpoints": [
       {"time": "2026-11-25T06:00:00Z", "place": "Narita", "status": "in_transit",
        "rawStatus": "DEPARTED", "rawText": "Departed facility", "source": "webhook"},
       {"time": "2026-11-25T00:00:00Z", "place": "Tokyo", "status": "info_received",
        "rawStatus": "ACCEPTED", "rawText": "Accepted", "source": "poll"}]},
    {"id": 1, "kind": "shop", "carrier": "kuroneko", "carrierName": "Kuroneko",
     "trackingNumber": "KN123", "status": "delivered",
     "checkpoints": [
       {"time": "2026-11-21T10:00:00+09:00", "place": "東京", "status": "info_received",
        "rawStatus": "01", "rawText": "荷物受付", "source": "poll"},
       {"time": "2026-11-22T09:30:00+09:00", "place": "大阪", "status": "unknown",
        "rawStatus": "77", "rawText": "謎", "source": "poll"},
       {"time": "2026-11-23T15:00:00+09:00", "place": "千葉", "status": "delivered",
        "rawStatus": "05", "rawText": "配達完了", "source": "poll"}]},
    {"id": 4, "kind": "domestic", "carrier": "", "carrierName": "", "trackingNumber": "",
     "status": "", "checkpoints": []}],
  "events": [{"at": "2026-11-21T01:00:00.000Z", "actor": "system", "from": "awaiting_shipment",
              "to": "info_received", "reason": "checkpoint"}],
  "alerts": [{"id": 5, "shipmentId": 7, "orderId": 700, "site": "jp", "kind": "quiet",
              "state": "open", "detail": "no news for 3 days", "raisedAt": "2026-11-25T00:00:00.000Z",
              "acknowledgedBy": null, "acknowledgedAt": null, "resolvedBy": null,
              "resolvedAt": null, "note": null}],
  "receipt": null})";

QByteArray shipmentsPage(int firstId, int count, const QString &nextCursor)
{
    QJsonArray items;
    for (int i = 0; i < count; ++i) {
        const int id = firstId - i;
        items.append(QJsonObject{
            {QStringLiteral("id"), id},
            {QStringLiteral("subOrderId"), id * 10},
            {QStringLiteral("orderId"), id * 100},
            {QStringLiteral("site"), QStringLiteral("us")},
            {QStringLiteral("customer"), QStringLiteral("li.wei")},
            {QStringLiteral("status"),
             i == 0 ? QStringLiteral("exception") : QStringLiteral("in_transit")},
            {QStringLiteral("currentLeg"), QStringLiteral("shop")},
            {QStringLiteral("carrier"), QStringLiteral("swiftpost")},
            {QStringLiteral("trackingNumber"), QStringLiteral("SP%1US").arg(id)},
            {QStringLiteral("lastCheckpointAt"), QStringLiteral("2026-11-24T00:00:00.000Z")},
            {QStringLiteral("lastActivityAt"), QStringLiteral("2026-11-24T00:00:00.000Z")},
            {QStringLiteral("openAlerts"), i == 0 ? 1 : 0},
            {QStringLiteral("createdAt"), QStringLiteral("2026-11-20T00:00:00.000Z")}});
    }
    QJsonObject page{{QStringLiteral("items"), items}};
    page.insert(QStringLiteral("nextCursor"),
                nextCursor.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(nextCursor));
    return QJsonDocument(page).toJson(QJsonDocument::Compact);
}

} // namespace

class TstLogisticsModels : public QObject
{
    Q_OBJECT

private slots:
    void readsTheShipmentDetail();
    void refusesAnswersWithoutIds();
    void newCheckpointKeepsItsZone();
    void labels();
    void timelineInRouteAndTimeOrder();
    void shipmentsPageAndFilter();
    void shipmentsLoadErrorStopsPaging();
    void alertsByStateWithAges();
    void mappingAndNotificationModels();
};

void TstLogisticsModels::readsTheShipmentDetail()
{
    QString why;
    const auto d = client::ShipmentDetail::fromJson(parse(kDetail), &why);
    QVERIFY2(d, qPrintable(why));
    QCOMPARE(d->summary.id, 7);
    QCOMPARE(d->summary.orderId, 700);
    QCOMPARE(d->summary.status, QStringLiteral("in_transit"));
    QCOMPARE(d->summary.openAlerts, 1);
    QCOMPARE(d->pricedWeightG, 1200);
    QCOMPARE(d->recipient.value(QStringLiteral("name")).toString(), QStringLiteral("Li Wei"));
    QCOMPARE(d->legs.size(), 3);
    const client::Leg &shop = d->legs.at(1);
    QCOMPARE(shop.kind, QStringLiteral("shop"));
    QCOMPARE(shop.checkpoints.size(), 3);
    // The carrier's wall clock and zone are kept, not converted.
    const QDateTime t = shop.checkpoints.first().time;
    QCOMPARE(t.offsetFromUtc(), 9 * 3600);
    QCOMPARE(t.time(), QTime(10, 0));
    QCOMPARE(t.toUTC(), QDateTime(QDate(2026, 11, 21), QTime(1, 0), Qt::UTC));
    QCOMPARE(shop.checkpoints.at(1).rawText, QStringLiteral("謎"));
    QCOMPARE(d->events.size(), 1);
    QCOMPARE(d->events.first().to, QStringLiteral("info_received"));
    QCOMPARE(d->alerts.size(), 1);
    QCOMPARE(d->alerts.first().kind, QStringLiteral("quiet"));
    QVERIFY(d->receipt.isEmpty());
    QCOMPARE(d->summary.quietSince(), d->summary.lastActivityAt);

    // GET /orders/{id}/tracking: a sub-order without a shipment yet has shipmentId null.
    const auto tracking = client::OrderTracking::fromJson(parse(R"({"orderId": 700, "subOrders": [
            {"id": 70, "site": "jp", "shipmentId": 7, "status": "in_transit", "legs": []},
            {"id": 71, "site": "us", "shipmentId": null, "status": "awaiting_shipment", "legs": []}]})"),
                                                          &why);
    QVERIFY2(tracking, qPrintable(why));
    QCOMPARE(tracking->subOrders.size(), 2);
    QCOMPARE(tracking->subOrders.at(0).shipmentId, 7);
    QCOMPARE(tracking->subOrders.at(1).shipmentId, 0);

    const auto counts = client::ShipmentCounts::fromJson(
        parse(R"({"byStatus": {"in_transit": 4, "exception": 1}, "open": 5, "unmapped": 2,
                  "openAlerts": 3})"),
        &why);
    QVERIFY(counts);
    QCOMPARE(counts->byStatus.value(QStringLiteral("in_transit")), 4);
    QCOMPARE(counts->open, 5);
    QCOMPARE(counts->unmapped, 2);
    QCOMPARE(counts->openAlerts, 3);
}

void TstLogisticsModels::refusesAnswersWithoutIds()
{
    QString why;
    QVERIFY(!client::ShipmentSummary::fromJson(parse(R"({"status": "in_transit"})"), &why));
    QVERIFY(why.contains(QStringLiteral("shipment")));
    QVERIFY(!client::Alert::fromJson(parse(R"({"kind": "quiet"})"), &why));
    QVERIFY(!client::Notification::fromJson(parse(R"({"kind": "shipped"})"), &why));
    QVERIFY(!client::UnmappedStatus::fromJson(parse(R"({"carrier": "swiftpost"})"), &why));
    // A checkpoint without a readable time cannot be placed on a timeline.
    QVERIFY(!client::Checkpoint::fromJson(parse(R"({"time": "yesterday", "status": "x"})"), &why));
    // One bad checkpoint makes the whole detail unreadable rather than silently shorter.
    QJsonObject detail = parse(kDetail);
    QJsonArray legs = detail.value(QStringLiteral("legs")).toArray();
    QJsonObject leg = legs.at(0).toObject();
    leg.insert(QStringLiteral("checkpoints"), QJsonArray{QJsonObject{{QStringLiteral("time"), 5}}});
    legs.replace(0, leg);
    detail.insert(QStringLiteral("legs"), legs);
    QVERIFY(!client::ShipmentDetail::fromJson(detail, &why));
}

void TstLogisticsModels::newCheckpointKeepsItsZone()
{
    client::NewCheckpoint c;
    c.leg = QStringLiteral("shop");
    c.time = QDateTime(QDate(2026, 11, 26), QTime(10, 0), Qt::OffsetFromUTC, 9 * 3600);
    c.status = QStringLiteral("in_transit");
    c.place = QStringLiteral("Osaka");
    c.reason = QStringLiteral("phoned the depot");
    const QJsonObject o = c.toJson();
    QCOMPARE(o.value(QStringLiteral("time")).toString(),
             QStringLiteral("2026-11-26T10:00:00+09:00"));
    QCOMPARE(o.value(QStringLiteral("leg")).toString(), QStringLiteral("shop"));
    QCOMPARE(o.value(QStringLiteral("reason")).toString(), QStringLiteral("phoned the depot"));
    QVERIFY(!o.contains(QStringLiteral("text"))); // nothing typed: not sent
    // Round trip through the wire text.
    QCOMPARE(client::checkpointTimeFromText(o.value(QStringLiteral("time")).toString()), c.time);
    QCOMPARE(
        client::checkpointTimeFromText(QStringLiteral("2026-11-26T10:00:00-05:00")).offsetFromUtc(),
        -5 * 3600);
}

void TstLogisticsModels::labels()
{
    QCOMPARE(models::shipmentStatusLabel(QStringLiteral("customs_hold")),
             QStringLiteral("Customs hold"));
    QCOMPARE(models::shipmentStatusLabel(QStringLiteral("unknown")),
             QStringLiteral("Unknown (not mapped)"));
    QCOMPARE(models::shipmentStatusLabel(QStringLiteral("teleported")),
             QStringLiteral("teleported"));
    QCOMPARE(models::normalizedStatuses().size(), 9);
    QVERIFY(!models::normalizedStatuses().contains(QStringLiteral("unknown")));
    QCOMPARE(models::shipmentStatuses().first(), QStringLiteral("awaiting_shipment"));
    QVERIFY(models::legOrder(QStringLiteral("shop")) <
            models::legOrder(QStringLiteral("international")));
    QVERIFY(models::legOrder(QStringLiteral("customs")) <
            models::legOrder(QStringLiteral("domestic")));
    QVERIFY(models::legOrder(QStringLiteral("domestic")) <
            models::legOrder(QStringLiteral("moon")));
}

void TstLogisticsModels::timelineInRouteAndTimeOrder()
{
    CheckpointsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString why;
    const auto d = client::ShipmentDetail::fromJson(parse(kDetail), &why);
    QVERIFY(d);
    model.setLegs(d->legs);

    // Legs in route order, the one without checkpoints too.
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, 0).data(CheckpointsModel::LegKindRole).toString(),
             QStringLiteral("shop"));
    QCOMPARE(model.index(1, 0).data(CheckpointsModel::LegKindRole).toString(),
             QStringLiteral("international"));
    QCOMPARE(model.index(2, 0).data(CheckpointsModel::LegKindRole).toString(),
             QStringLiteral("domestic"));
    QVERIFY(model.index(0, 0).data().toString().contains(QStringLiteral("KN123")));
    QVERIFY(!model.isCheckpoint(model.index(0, 0)));
    QCOMPARE(model.rowCount(model.index(2, 0)), 0);

    // Checkpoints by event time within their leg: ACCEPTED before DEPARTED.
    const QModelIndex intl = model.index(1, 0);
    QCOMPARE(model.rowCount(intl), 2);
    QCOMPARE(model.index(0, CheckpointsModel::RawStatusColumn, intl).data().toString(),
             QStringLiteral("ACCEPTED"));
    QCOMPARE(model.index(1, CheckpointsModel::RawStatusColumn, intl).data().toString(),
             QStringLiteral("DEPARTED"));
    QVERIFY(model.isCheckpoint(model.index(0, 0, intl)));

    const QModelIndex shop = model.index(0, 0);
    const QModelIndex unknown = model.index(1, CheckpointsModel::StatusColumn, shop);
    QCOMPARE(unknown.data(models::RawRole).toString(), QStringLiteral("unknown"));
    QVERIFY(unknown.data(CheckpointsModel::UnknownRole).toBool());
    QVERIFY(unknown.data(Qt::ToolTipRole).toString().contains(QStringLiteral("77")));
    QVERIFY(!model.index(0, 0, shop).data(CheckpointsModel::UnknownRole).toBool());
    QCOMPARE(model.index(1, CheckpointsModel::RawTextColumn, shop).data().toString(),
             QStringLiteral("謎"));
    QCOMPARE(model.index(2, CheckpointsModel::SourceColumn, shop).data(models::RawRole).toString(),
             QStringLiteral("poll"));
    QCOMPARE(model.index(2, CheckpointsModel::SourceColumn, shop).data().toString(),
             QStringLiteral("Polled"));
    // The time stays in the carrier's zone for the delegate.
    const QDateTime t =
        model.index(0, CheckpointsModel::TimeColumn, shop).data(models::RawRole).toDateTime();
    QCOMPARE(t.offsetFromUtc(), 9 * 3600);
    QCOMPARE(t.time(), QTime(10, 0));
    QCOMPARE(model.index(0, CheckpointsModel::PlaceColumn, shop).data().toString(),
             QStringLiteral("東京"));

    model.retranslate();
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TstLogisticsModels::shipmentsPageAndFilter()
{
    testing::LogisticsFake fake;
    const QString path = QStringLiteral("/api/v1/logistics/shipments");
    fake.answer(QStringLiteral("GET"), path, 200, shipmentsPage(10, 3, QStringLiteral("c2")));
    fake.answer(QStringLiteral("GET"), path, 200, shipmentsPage(7, 2, QString()),
                QStringLiteral("c2"));
    client::ApiClient api;
    api.setBaseUrl(fake.url());
    ShipmentsModel model{client::LogisticsApi(&api)};
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime now(QDate(2026, 11, 26), QTime(0, 0), Qt::UTC);
    model.setClock([now] { return now; });
    model.setPageSize(3);

    client::ShipmentFilter f;
    f.status = QStringLiteral("in_transit");
    f.carrier = QStringLiteral("swiftpost");
    f.site = QStringLiteral("us");
    f.quietDays = 2;
    f.openAlertsOnly = true;
    f.search = QStringLiteral("SP10+US");
    model.setFilter(f);
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(model.rowCount(), 3);
    const auto first = fake.requests(QStringLiteral("GET"), path);
    QCOMPARE(first.size(), 1);
    const QUrlQuery q = first.first().query;
    QCOMPARE(q.queryItemValue(QStringLiteral("status")), QStringLiteral("in_transit"));
    QCOMPARE(q.queryItemValue(QStringLiteral("carrier")), QStringLiteral("swiftpost"));
    QCOMPARE(q.queryItemValue(QStringLiteral("site")), QStringLiteral("us"));
    QCOMPARE(q.queryItemValue(QStringLiteral("quietDays")), QStringLiteral("2"));
    QCOMPARE(q.queryItemValue(QStringLiteral("alerts")), QStringLiteral("open"));
    QCOMPARE(q.queryItemValue(QStringLiteral("q")), QStringLiteral("SP10+US")); // '+' kept
    QCOMPARE(q.queryItemValue(QStringLiteral("limit")), QStringLiteral("3"));

    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QTRY_COMPARE(model.rowCount(), 5);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(fake.requests(QStringLiteral("GET"), path)
                 .last()
                 .query.queryItemValue(QStringLiteral("cursor")),
             QStringLiteral("c2"));

    // Raw values under RawRole, text for display; the quiet age by the model's clock.
    QCOMPARE(model.index(0, ShipmentsModel::IdColumn).data(models::IdRole).toLongLong(), 10);
    QCOMPARE(model.index(0, ShipmentsModel::StatusColumn).data(models::RawRole).toString(),
             QStringLiteral("exception"));
    QCOMPARE(model.index(0, ShipmentsModel::StatusColumn).data().toString(),
             QStringLiteral("Exception"));
    QCOMPARE(model.index(0, ShipmentsModel::LegColumn).data(models::RawRole).toString(),
             QStringLiteral("shop"));
    QCOMPARE(model.index(3, ShipmentsModel::TrackingColumn).data().toString(),
             QStringLiteral("SP7US"));
    QCOMPARE(model.index(1, ShipmentsModel::QuietColumn).data(models::RawRole).toLongLong(),
             2 * 24 * 3600);
    QCOMPARE(
        model.index(1, ShipmentsModel::CarrierColumn).data(ShipmentsModel::QuietRole).toLongLong(),
        2 * 24 * 3600);
    QCOMPARE(
        model.index(1, ShipmentsModel::CarrierColumn).data(ShipmentsModel::StatusRole).toString(),
        QStringLiteral("in_transit"));
    QCOMPARE(model.rowOfId(7), 3);
    QCOMPARE(model.rowOfId(99), -1);

    // The clock moves: the ages follow after refreshAges().
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setClock([now] { return now.addDays(1); });
    model.refreshAges();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(1, ShipmentsModel::QuietColumn).data(models::RawRole).toLongLong(),
             3 * 24 * 3600);
    for (int c = 0; c < ShipmentsModel::ColumnCount; ++c)
        QVERIFY(!model.headerData(c, Qt::Horizontal).toString().isEmpty());

    // An unchanged filter still reloads from the first page when set.
    model.setFilter(client::ShipmentFilter{});
    QTRY_VERIFY(!model.isLoading());
    QVERIFY(!fake.requests(QStringLiteral("GET"), path)
                 .last()
                 .query.hasQueryItem(QStringLiteral("status")));
}

void TstLogisticsModels::shipmentsLoadErrorStopsPaging()
{
    testing::LogisticsFake fake;
    fake.answer(QStringLiteral("GET"), QStringLiteral("/api/v1/logistics/shipments"), 403,
                R"({"type": "urn:haitao:problem:forbidden", "title": "Forbidden", "status": 403})");
    client::ApiClient api;
    api.setBaseUrl(fake.url());
    ShipmentsModel model{client::LogisticsApi(&api)};
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<ProblemKind> errors; // ApiError is not a QVariant type: record its kind
    connect(&model, &ShipmentsModel::errorOccurred, this,
            [&errors](const client::ApiError &e) { errors.append(e.kind); });
    model.reload();
    QTRY_COMPARE(errors.size(), 1);
    QCOMPARE(errors.first(), ProblemKind::Forbidden);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
}

void TstLogisticsModels::alertsByStateWithAges()
{
    testing::LogisticsFake fake;
    const QString path = QStringLiteral("/api/v1/logistics/alerts");
    fake.answer(QStringLiteral("GET"), path, 200, R"({"items": [
        {"id": 5, "shipmentId": 7, "orderId": 700, "site": "jp", "kind": "customs_hold",
         "state": "acknowledged", "detail": "CUSTOMS_HOLD at Shanghai",
         "raisedAt": "2026-11-25T00:00:00.000Z", "acknowledgedBy": "ops.one",
         "acknowledgedAt": "2026-11-25T01:00:00.000Z", "resolvedBy": null, "resolvedAt": null,
         "note": null},
        {"id": 6, "shipmentId": 8, "orderId": 800, "site": "us", "kind": "quiet",
         "state": "open", "detail": "no checkpoint for 49 h", "raisedAt": "2026-11-25T12:00:00.000Z",
         "acknowledgedBy": null, "acknowledgedAt": null, "resolvedBy": null, "resolvedAt": null,
         "note": null}], "nextCursor": null})");
    client::ApiClient api;
    api.setBaseUrl(fake.url());
    AlertsModel model{client::LogisticsApi(&api)};
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime now(QDate(2026, 11, 26), QTime(0, 0), Qt::UTC);
    model.setClock([now] { return now; });
    client::AlertQuery query;
    query.state = QString(); // every state
    query.kind = QStringLiteral("customs_hold");
    model.setQuery(query);
    QTRY_COMPARE(model.rowCount(), 2);
    QTRY_VERIFY(!model.isLoading());
    const QUrlQuery sent = fake.requests().last().query;
    QVERIFY(!sent.hasQueryItem(QStringLiteral("state")));
    QCOMPARE(sent.queryItemValue(QStringLiteral("kind")), QStringLiteral("customs_hold"));
    QVERIFY(!model.canFetchMore({}));

    QCOMPARE(model.index(0, AlertsModel::AgeColumn).data(models::RawRole).toLongLong(), 24 * 3600);
    QCOMPARE(model.index(1, AlertsModel::DetailColumn).data(AlertsModel::AgeRole).toLongLong(),
             12 * 3600);
    QCOMPARE(model.index(0, AlertsModel::KindColumn).data(models::RawRole).toString(),
             QStringLiteral("customs_hold"));
    QCOMPARE(model.index(0, AlertsModel::KindColumn).data().toString(),
             QStringLiteral("Customs hold"));
    QCOMPARE(model.index(0, AlertsModel::StateColumn).data().toString(),
             QStringLiteral("Acknowledged"));
    QCOMPARE(model.index(0, AlertsModel::HandledByColumn).data().toString(),
             QStringLiteral("ops.one"));
    QCOMPARE(model.index(1, AlertsModel::IdColumn).data(models::IdRole).toLongLong(), 6);
    QCOMPARE(model.rowOfId(6), 1);
    QCOMPARE(model.alertAt(1).shipmentId, 8);
}

void TstLogisticsModels::mappingAndNotificationModels()
{
    QString why;
    models::UnmappedStatusesModel unmapped;
    QAbstractItemModelTester t1(&unmapped, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto u =
        client::UnmappedStatus::fromJson(parse(R"({"carrier": "swiftpost", "rawStatus": "HUB_HOLD",
                  "sampleText": "Held at hub for inspection", "count": 3,
                  "firstSeen": "2026-11-24T00:00:00.000Z", "lastSeen": "2026-11-25T00:00:00.000Z"})"),
                                         &why);
    QVERIFY2(u, qPrintable(why));
    unmapped.setItems({*u});
    QCOMPARE(unmapped.rowCount(), 1);
    QCOMPARE(unmapped.index(0, models::UnmappedStatusesModel::RawStatusColumn).data().toString(),
             QStringLiteral("HUB_HOLD"));
    QCOMPARE(unmapped.index(0, models::UnmappedStatusesModel::CountColumn)
                 .data(models::RawRole)
                 .toLongLong(),
             3);
    QCOMPARE(unmapped.index(0, models::UnmappedStatusesModel::SampleTextColumn).data().toString(),
             QStringLiteral("Held at hub for inspection"));
    QCOMPARE(unmapped.index(0, models::UnmappedStatusesModel::LastSeenColumn)
                 .data(models::RawRole)
                 .toDateTime(),
             QDateTime(QDate(2026, 11, 25), QTime(0, 0), Qt::UTC));
    unmapped.retranslate();
    unmapped.clear();
    QCOMPARE(unmapped.rowCount(), 0);

    models::MappingsModel mappings;
    QAbstractItemModelTester t2(&mappings, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto m1 = client::StatusMapping::fromJson(
        parse(R"({"carrier": "sfsim", "rawStatus": "SIGNED", "status": "delivered",
                  "updatedBy": "seed", "updatedAt": "2026-11-01T00:00:00.000Z"})"),
        &why);
    const auto m2 = client::StatusMapping::fromJson(
        parse(R"({"carrier": "swiftpost", "rawStatus": "EXC", "status": "exception",
                  "updatedBy": "ops.one", "updatedAt": "2026-11-02T00:00:00.000Z"})"),
        &why);
    QVERIFY(m1 && m2);
    mappings.setItems({*m1, *m2});
    QCOMPARE(mappings.rowOf(QStringLiteral("swiftpost"), QStringLiteral("EXC")), 1);
    QCOMPARE(mappings.rowOf(QStringLiteral("swiftpost"), QStringLiteral("DLV")), -1);
    QCOMPARE(
        mappings.index(0, models::MappingsModel::StatusColumn).data(models::RawRole).toString(),
        QStringLiteral("delivered"));
    QCOMPARE(mappings.index(0, models::MappingsModel::StatusColumn).data().toString(),
             QStringLiteral("Delivered"));
    mappings.retranslate();

    models::NotificationsModel notifications;
    QAbstractItemModelTester t3(&notifications,
                                QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto n = client::Notification::fromJson(
        parse(R"({"id": 9, "shipmentId": 7, "orderId": 700, "kind": "customs_cleared",
                  "channel": "sms", "recipient": "13800000000", "subject": "",
                  "status": "failed", "attempts": 5, "lastError": "503 from the gateway",
                  "createdAt": "2026-11-25T00:00:00.000Z", "sentAt": null})"),
        &why);
    QVERIFY2(n, qPrintable(why));
    notifications.setItems({*n});
    QCOMPARE(notifications.index(0, models::NotificationsModel::KindColumn).data().toString(),
             QStringLiteral("Cleared customs"));
    QCOMPARE(notifications.index(0, models::NotificationsModel::StatusColumn)
                 .data(models::RawRole)
                 .toString(),
             QStringLiteral("failed"));
    QCOMPARE(notifications.index(0, models::NotificationsModel::AttemptsColumn).data().toInt(), 5);
    QCOMPARE(notifications.index(0, 0).data(models::IdRole).toLongLong(), 9);
    QVERIFY(!notifications.index(0, models::NotificationsModel::SentColumn).data().isValid());
    notifications.retranslate();
}

QTEST_GUILESS_MAIN(TstLogisticsModels)
#include "tst_logisticsmodels.moc"
