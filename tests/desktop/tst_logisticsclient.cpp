// The desktop's logistics and warehouse clients (LogisticsApi, WarehouseApi) and the models fed
// from them, against the REAL server and haitao-sim (tests/support/logisticsfixture): every
// answer must be readable by the client and carry the values the server stored. The other
// desktop logistics tests use a fake server written from the contract; this one catches the
// places where the real server and the client read the contract differently.
#include "backend-client/logisticsapi.h"
#include "backend-client/warehouseapi.h"
#include "models/alertsmodel.h"
#include "models/checkpointsmodel.h"
#include "models/shipmentsmodel.h"
#include "models/statusmappingmodels.h"
#include "tests/support/logisticsfixture.h"
#include "tests/support/rawjson.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace haitao;
using models::AlertsModel;
using models::CheckpointsModel;
using models::MappingsModel;
using models::ShipmentsModel;
using models::UnmappedStatusesModel;
using testing::body;
using testing::compact;
using testing::describe;
using testing::LogisticsFixture;
using testing::SyncClient;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;
const Headers kJson{{"Content-Type", "application/json"}};
constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;

// The answer of one async call; the state is shared with the callback so that an answer
// arriving after a failed wait does not write into a dead stack frame.
template <typename T> class Answer
{
public:
    client::ApiClient::Callback<T> callback()
    {
        auto state = m_state;
        return [state](const client::Result<T> &r) { *state = r; };
    }
    bool wait(int timeoutMs = 15000)
    {
        auto state = m_state;
        return QTest::qWaitFor([state] { return state->has_value(); }, timeoutMs);
    }
    const client::Result<T> &result() const { return **m_state; }
    const T &value() const { return result().value(); }

private:
    std::shared_ptr<std::optional<client::Result<T>>> m_state =
        std::make_shared<std::optional<client::Result<T>>>();
};

bool hasRaw(const QJsonObject &shipment, const QString &raw)
{
    for (const QJsonValue &leg : shipment.value(QStringLiteral("legs")).toArray())
        for (const QJsonValue &c : leg.toObject().value(QStringLiteral("checkpoints")).toArray())
            if (c.toObject().value(QStringLiteral("rawStatus")).toString() == raw)
                return true;
    return false;
}

} // namespace

// Waits for the answer and fails the test unless the client could read it.
#define AWAIT_OK(answer)                                                                           \
    do {                                                                                           \
        QVERIFY2((answer).wait(), "no answer");                                                    \
        QVERIFY2((answer).result().ok(), qPrintable((answer).result().error().message()));         \
    } while (false)

class TestLogisticsClient : public QObject
{
    Q_OBJECT

    std::unique_ptr<LogisticsFixture> m_f;
    std::unique_ptr<client::LogisticsApi> m_api;
    std::unique_ptr<client::WarehouseApi> m_warehouse;
    // Three amazon.com sub-orders of "buyer" (one address): parcels with the scenarios
    // unknown_status (A), lost (B) and normal (C) on their shop legs.
    testing::PlacedSub m_subA, m_subB, m_subC;
    qint64 m_a = 0, m_b = 0, m_c = 0;
    QString m_numberA, m_numberB, m_numberC;
    qint64 m_alert = 0;

    QString simParcel(const QString &scenario)
    {
        SyncClient s(m_f->simUrl());
        const auto r = s.raw("POST", QStringLiteral("/__sim/parcels/bulk"),
                             compact({{QStringLiteral("carrier"), QStringLiteral("swiftpost")},
                                      {QStringLiteral("count"), 1},
                                      {QStringLiteral("scenario"), scenario}}),
                             kJson);
        if (r.status != 201) {
            qWarning("bulk parcel: %s", qPrintable(describe(r)));
            return {};
        }
        return body(r).value(QStringLiteral("numbers")).toArray().at(0).toString();
    }

private slots:
    void initTestCase()
    {
        server::Config config = LogisticsFixture::defaultConfig();
        config.smsUrl = QStringLiteral("{sim}/sms/messages"); // customers are told by SMS
        m_f = std::make_unique<LogisticsFixture>(config);
        QVERIFY(m_f->start());
        m_api = std::make_unique<client::LogisticsApi>(&m_f->ops().api());
        m_warehouse = std::make_unique<client::WarehouseApi>(&m_f->ops().api());

        const auto placed = m_f->placeSubOrders({QStringLiteral("amazon.com")}, 3);
        QCOMPARE(placed.size(), 3);
        m_subA = placed.at(0);
        m_subB = placed.at(1);
        m_subC = placed.at(2);
        m_a = m_f->waitShipment(m_subA.subOrderId).value(QStringLiteral("id")).toInteger();
        m_b = m_f->waitShipment(m_subB.subOrderId).value(QStringLiteral("id")).toInteger();
        m_c = m_f->waitShipment(m_subC.subOrderId).value(QStringLiteral("id")).toInteger();
        QVERIFY(m_a > 0 && m_b > 0 && m_c > 0);

        // The tracking numbers, learned by hand through the client (PUT .../legs/shop).
        m_numberA = simParcel(QStringLiteral("unknown_status"));
        m_numberB = simParcel(QStringLiteral("lost"));
        m_numberC = simParcel(QStringLiteral("normal"));
        QVERIFY(!m_numberA.isEmpty() && !m_numberB.isEmpty() && !m_numberC.isEmpty());
        const QList<QPair<qint64, QString>> legs{
            {m_a, m_numberA}, {m_b, m_numberB}, {m_c, m_numberC}};
        for (const auto &[id, number] : legs) {
            Answer<client::Done> assigned;
            m_api->assignLeg(
                id, QStringLiteral("shop"),
                {QStringLiteral("swiftpost"), number, QStringLiteral("from the shop's e-mail")},
                this, assigned.callback());
            AWAIT_OK(assigned);
        }
        // LABEL 0 h, PICKUP 3 h, TRANSIT 20 h, and A's HUB_HOLD at 24 h.
        m_f->advanceSim(30);
        const auto moving = [](const QJsonObject &o) {
            return hasRaw(o, QStringLiteral("TRANSIT"));
        };
        QVERIFY(hasRaw(m_f->waitUntil(m_b, moving, 20000, 5 * kMinute), QStringLiteral("TRANSIT")));
        QVERIFY(hasRaw(m_f->waitUntil(m_c, moving, 20000, 5 * kMinute), QStringLiteral("TRANSIT")));
        QVERIFY(hasRaw(
            m_f->waitUntil(
                m_a, [](const QJsonObject &o) { return hasRaw(o, QStringLiteral("HUB_HOLD")); },
                20000, 5 * kMinute),
            QStringLiteral("HUB_HOLD")));
    }

    void cleanupTestCase()
    {
        m_api.reset();
        m_warehouse.reset();
        m_f.reset();
    }

    void shipmentsListCountsAndModel()
    {
        Answer<Page<client::ShipmentSummary>> list;
        client::ShipmentQuery query;
        query.filter.search = m_numberC;
        m_api->shipments(query, this, list.callback());
        AWAIT_OK(list);
        QCOMPARE(list.value().items.size(), 1);
        const client::ShipmentSummary &s = list.value().items.first();
        QCOMPARE(s.id, m_c);
        QCOMPARE(s.subOrderId, m_subC.subOrderId);
        QCOMPARE(s.orderId, m_subC.orderId);
        QCOMPARE(s.site, QStringLiteral("amazon.com"));
        QCOMPARE(s.customer, QStringLiteral("buyer"));
        QCOMPARE(s.status, QStringLiteral("in_transit"));
        QCOMPARE(s.currentLeg, QStringLiteral("shop"));
        QCOMPARE(s.carrier, QStringLiteral("swiftpost"));
        QCOMPARE(s.trackingNumber, m_numberC);
        QVERIFY(s.lastCheckpointAt.isValid());
        QVERIFY(s.lastActivityAt.isValid());
        QVERIFY(s.createdAt.isValid());

        Answer<client::ShipmentCounts> counts;
        m_api->shipmentCounts(this, counts.callback());
        AWAIT_OK(counts);
        QCOMPARE(counts.value().byStatus.value(QStringLiteral("in_transit")), 3);
        QCOMPARE(counts.value().open, 3);
        QCOMPARE(counts.value().unmapped, 1); // swiftpost HUB_HOLD

        // The keyset-paged model, one row a page.
        client::LogisticsApi api(&m_f->ops().api());
        ShipmentsModel model(api);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy errors(&model, &ShipmentsModel::errorOccurred);
        model.setPageSize(1);
        model.reload();
        QTRY_COMPARE(model.rowCount(), 1);
        QTRY_VERIFY(!model.isLoading());
        while (model.canFetchMore({})) {
            model.fetchMore({});
            QTRY_VERIFY(!model.isLoading());
        }
        QVERIFY(errors.isEmpty());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.shipmentAt(0).id, m_c); // newest first
        QVERIFY(model.rowOfId(m_a) >= 0);
        QCOMPARE(model.shipmentAt(model.rowOfId(m_b)).trackingNumber, m_numberB);
    }

    void detailTrackingAndTimeline()
    {
        Answer<client::ShipmentDetail> detail;
        m_api->shipment(m_a, this, detail.callback());
        AWAIT_OK(detail);
        const client::ShipmentDetail &d = detail.value();
        QCOMPARE(d.summary.id, m_a);
        QCOMPARE(d.summary.status, QStringLiteral("in_transit")); // unknown is skipped
        QVERIFY(d.pricedWeightG > 0);
        QCOMPARE(d.recipient.value(QStringLiteral("name")).toString(), QStringLiteral("张三"));
        QCOMPARE(d.legs.size(), 1);
        const client::Leg &leg = d.legs.first();
        QVERIFY(leg.id > 0);
        QCOMPARE(leg.kind, QStringLiteral("shop"));
        QCOMPARE(leg.carrier, QStringLiteral("swiftpost"));
        QCOMPARE(leg.carrierName, QStringLiteral("SwiftPost"));
        QCOMPARE(leg.trackingNumber, m_numberA);
        QStringList raw, normalized;
        for (const client::Checkpoint &c : leg.checkpoints) {
            raw << c.rawStatus;
            normalized << c.status;
            QVERIFY(c.time.isValid());
            QCOMPARE(c.source, QStringLiteral("poll"));
            QVERIFY(!c.place.isEmpty());
        }
        QCOMPARE(raw, QStringList({QStringLiteral("LABEL"), QStringLiteral("PICKUP"),
                                   QStringLiteral("TRANSIT"), QStringLiteral("HUB_HOLD")}));
        QCOMPARE(normalized,
                 QStringList({QStringLiteral("info_received"), QStringLiteral("in_transit"),
                              QStringLiteral("in_transit"), QStringLiteral("unknown")}));
        QCOMPARE(leg.checkpoints.last().rawText, QStringLiteral("Held at hub for inspection"));
        // The assignment and the first checkpoint are in the shipment's events.
        QVERIFY(!d.events.isEmpty());
        QVERIFY(d.events.first().at.isValid());
        QVERIFY(d.receipt.isEmpty());

        CheckpointsModel timeline;
        QAbstractItemModelTester tester(&timeline,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        timeline.setLegs(d.legs);
        QCOMPARE(timeline.rowCount(), 1);
        QCOMPARE(timeline.rowCount(timeline.index(0, 0)), 4);

        // The customer's view of the order, read by the same client types.
        Answer<client::OrderTracking> tracking;
        m_api->tracking(m_subA.orderId, this, tracking.callback());
        AWAIT_OK(tracking);
        QCOMPARE(tracking.value().orderId, m_subA.orderId);
        QCOMPARE(tracking.value().subOrders.size(), 1);
        const client::TrackedSubOrder &sub = tracking.value().subOrders.first();
        QCOMPARE(sub.id, m_subA.subOrderId);
        QCOMPARE(sub.shipmentId, m_a);
        QCOMPARE(sub.status, QStringLiteral("in_transit"));
        QCOMPARE(sub.legs.size(), 1);
        QCOMPARE(sub.legs.first().checkpoints.size(), 4);
        QCOMPARE(sub.legs.first().checkpoints.first().time,
                 leg.checkpoints.first().time); // same instant and offset
        QCOMPARE(sub.legs.first().checkpoints.first().time.offsetFromUtc(),
                 leg.checkpoints.first().time.offsetFromUtc());
    }

    void manualCheckpointKeepsItsZone()
    {
        client::NewCheckpoint c;
        c.leg = QStringLiteral("shop");
        // After the parcel's last poll checkpoint (sim now), in Tokyo's zone.
        c.time = QDateTime::currentDateTimeUtc().addDays(2).toOffsetFromUtc(9 * 3600);
        c.time = c.time.addMSecs(-c.time.time().msec());
        c.place = QStringLiteral("Los Angeles");
        c.status = QStringLiteral("out_for_delivery");
        c.text = QStringLiteral("Called the carrier");
        c.reason = QStringLiteral("carrier hotline");
        Answer<client::Done> added;
        m_api->addCheckpoint(m_c, c, this, added.callback());
        AWAIT_OK(added);

        Answer<client::ShipmentDetail> detail;
        m_api->shipment(m_c, this, detail.callback());
        AWAIT_OK(detail);
        const QList<client::Checkpoint> &cps = detail.value().legs.first().checkpoints;
        const client::Checkpoint *manual = nullptr;
        for (const client::Checkpoint &x : cps)
            if (x.source == u"manual")
                manual = &x;
        QVERIFY(manual);
        QCOMPARE(manual->status, QStringLiteral("out_for_delivery"));
        QCOMPARE(manual->place, QStringLiteral("Los Angeles"));
        QCOMPARE(manual->rawText, QStringLiteral("Called the carrier"));
        QCOMPARE(manual->time, c.time);
        QCOMPARE(manual->time.offsetFromUtc(), 9 * 3600);
        QCOMPARE(detail.value().summary.status, QStringLiteral("out_for_delivery"));

        // Refused fields come back named.
        client::NewCheckpoint bad;
        bad.status = QStringLiteral("teleported");
        Answer<client::Done> refused;
        m_api->addCheckpoint(m_c, bad, this, refused.callback());
        QVERIFY(refused.wait());
        QVERIFY(!refused.result().ok());
        QCOMPARE(refused.result().error().status, 422);
    }

    void carriers()
    {
        Answer<QList<client::Carrier>> carriers;
        m_api->carriers(this, carriers.callback());
        AWAIT_OK(carriers);
        QHash<QString, client::Carrier> byCode;
        for (const client::Carrier &c : carriers.value())
            byCode.insert(c.code, c);
        for (const char *code : {"swiftpost", "kuroneko", "dpost", "intlexpress", "sfsim"})
            QVERIFY2(byCode.contains(QLatin1String(code)), code);
        const client::Carrier sp = byCode.value(QStringLiteral("swiftpost"));
        QCOMPARE(sp.name, QStringLiteral("SwiftPost"));
        QCOMPARE(sp.protocol, QStringLiteral("batch_json"));
        QCOMPARE(sp.baseUrl, m_f->simUrl().toString() + QStringLiteral("/carrier/swiftpost"));
        QCOMPARE(sp.rps, 10);
        QCOMPARE(sp.batchSize, 40);
        QVERIFY(sp.enabled);
        QCOMPARE(byCode.value(QStringLiteral("kuroneko")).tzOffsetMinutes, 540);
        QCOMPARE(byCode.value(QStringLiteral("dpost")).protocol, QStringLiteral("none"));
        QVERIFY(byCode.value(QStringLiteral("intlexpress")).webhookRegistered);
    }

    void mappingsAndUnmapped()
    {
        Answer<QList<client::StatusMapping>> mappings;
        m_api->mappings(QStringLiteral("swiftpost"), this, mappings.callback());
        AWAIT_OK(mappings);
        MappingsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setItems(mappings.value());
        QCOMPARE(model.rowCount(), 7);
        const int label = model.rowOf(QStringLiteral("swiftpost"), QStringLiteral("LABEL"));
        QVERIFY(label >= 0);
        QCOMPARE(model.itemAt(label).status, QStringLiteral("info_received"));
        QCOMPARE(model.rowOf(QStringLiteral("swiftpost"), QStringLiteral("HUB_HOLD")), -1);

        Answer<QList<client::UnmappedStatus>> unmapped;
        m_api->unmapped(this, unmapped.callback());
        AWAIT_OK(unmapped);
        QCOMPARE(unmapped.value().size(), 1);
        const client::UnmappedStatus &u = unmapped.value().first();
        QCOMPARE(u.carrier, QStringLiteral("swiftpost"));
        QCOMPARE(u.rawStatus, QStringLiteral("HUB_HOLD"));
        QCOMPARE(u.sampleText, QStringLiteral("Held at hub for inspection"));
        QVERIFY(u.count >= 1);
        QVERIFY(u.firstSeen.isValid() && u.lastSeen.isValid());
        UnmappedStatusesModel unmappedModel;
        QAbstractItemModelTester tester2(&unmappedModel,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
        unmappedModel.setItems(unmapped.value());
        QCOMPARE(unmappedModel.rowCount(), 1);

        // Mapping it re-normalizes A's checkpoint and empties the list.
        Answer<client::Done> set;
        m_api->setMapping(QStringLiteral("swiftpost"), QStringLiteral("HUB_HOLD"),
                          QStringLiteral("in_transit"), this, set.callback());
        AWAIT_OK(set);
        Answer<QList<client::UnmappedStatus>> after;
        m_api->unmapped(this, after.callback());
        AWAIT_OK(after);
        QVERIFY(after.value().isEmpty());
        Answer<QList<client::StatusMapping>> all;
        m_api->mappings(QString(), this, all.callback());
        AWAIT_OK(all);
        model.setItems(all.value());
        const int hold = model.rowOf(QStringLiteral("swiftpost"), QStringLiteral("HUB_HOLD"));
        QVERIFY(hold >= 0);
        QCOMPARE(model.itemAt(hold).updatedBy, QStringLiteral("ops1"));
        QVERIFY(model.itemAt(hold).updatedAt.isValid());
        QVERIFY(model.rowOf(QStringLiteral("sfsim"), QStringLiteral("SIGNED")) >= 0);
        Answer<client::ShipmentDetail> detail;
        m_api->shipment(m_a, this, detail.callback());
        AWAIT_OK(detail);
        QCOMPARE(detail.value().legs.first().checkpoints.last().status,
                 QStringLiteral("in_transit"));
    }

    void alertsAcknowledgeAndResolve()
    {
        // 72 hours on the shop leg without a new checkpoint: quiet (B is lost; the others are
        // as quiet while the sim's clock stands).
        m_f->advanceServer(73 * kHour);
        client::LogisticsApi api(&m_f->ops().api());
        AlertsModel model(api);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy errors(&model, &AlertsModel::errorOccurred);
        client::AlertQuery query;
        query.kind = QStringLiteral("quiet");
        // The quiet check runs on the logistics tick: reload until B's alert is listed.
        const auto listed = [&] {
            for (int r = 0; r < model.rowCount(); ++r)
                if (model.alertAt(r).shipmentId == m_b)
                    return true;
            return false;
        };
        QElapsedTimer t;
        t.start();
        for (;;) {
            model.setQuery(query);
            QTRY_VERIFY(!model.isLoading());
            if (listed() || t.elapsed() > 15000)
                break;
            QTest::qWait(100);
        }
        QVERIFY(errors.isEmpty());
        int row = -1;
        for (int r = 0; r < model.rowCount(); ++r)
            if (model.alertAt(r).shipmentId == m_b)
                row = r;
        QVERIFY2(row >= 0, "a quiet alert for the lost parcel");
        const client::Alert a = model.alertAt(row);
        QCOMPARE(a.kind, QStringLiteral("quiet"));
        QCOMPARE(a.state, QStringLiteral("open"));
        QCOMPARE(a.orderId, m_subB.orderId);
        QCOMPARE(a.site, QStringLiteral("amazon.com"));
        QVERIFY(a.raisedAt.isValid());
        QVERIFY(a.acknowledgedBy.isEmpty());
        QVERIFY(!a.acknowledgedAt.isValid());
        m_alert = a.id;

        Answer<client::ShipmentCounts> counts;
        m_api->shipmentCounts(this, counts.callback());
        AWAIT_OK(counts);
        QVERIFY(counts.value().openAlerts >= 1);

        Answer<client::Done> ack;
        m_api->acknowledgeAlert(m_alert, this, ack.callback());
        AWAIT_OK(ack);
        Answer<client::Done> again;
        m_api->acknowledgeAlert(m_alert, this, again.callback());
        QVERIFY(again.wait());
        QCOMPARE(again.result().error().kind, ProblemKind::Conflict);

        Answer<client::ShipmentDetail> detail;
        m_api->shipment(m_b, this, detail.callback());
        AWAIT_OK(detail);
        QCOMPARE(detail.value().alerts.size(), 1);
        QCOMPARE(detail.value().alerts.first().state, QStringLiteral("acknowledged"));
        QCOMPARE(detail.value().alerts.first().acknowledgedBy, QStringLiteral("ops1"));
        QVERIFY(detail.value().alerts.first().acknowledgedAt.isValid());
        QCOMPARE(detail.value().summary.openAlerts, 1);

        Answer<client::Done> resolve;
        m_api->resolveAlert(m_alert, QStringLiteral("asked the shop to open a claim"), this,
                            resolve.callback());
        AWAIT_OK(resolve);
        Answer<Page<client::Alert>> resolved;
        client::AlertQuery resolvedQuery;
        resolvedQuery.state = QStringLiteral("resolved");
        m_api->alerts(resolvedQuery, this, resolved.callback());
        AWAIT_OK(resolved);
        const client::Alert *r = nullptr;
        for (const client::Alert &x : resolved.value().items)
            if (x.id == m_alert)
                r = &x;
        QVERIFY(r);
        QCOMPARE(r->state, QStringLiteral("resolved"));
        QCOMPARE(r->resolvedBy, QStringLiteral("ops1"));
        QVERIFY(r->resolvedAt.isValid());
        QCOMPARE(r->note, QStringLiteral("asked the shop to open a claim"));
    }

    void notifications()
    {
        // Shipped (awaiting_shipment -> in_transit): one row per channel the address has.
        Answer<QList<client::Notification>> list;
        m_api->notifications(QString(), m_c, this, list.callback());
        AWAIT_OK(list);
        QVERIFY(!list.value().isEmpty());
        bool shipped = false;
        for (const client::Notification &n : list.value()) {
            QCOMPARE(n.shipmentId, m_c);
            QCOMPARE(n.orderId, m_subC.orderId);
            QCOMPARE(n.channel, QStringLiteral("sms"));
            QCOMPARE(n.recipient, QStringLiteral("13800138000"));
            QVERIFY(!n.status.isEmpty());
            QVERIFY(n.createdAt.isValid());
            shipped = shipped || n.kind == u"shipped";
        }
        QVERIFY(shipped);
        Answer<QList<client::Notification>> all;
        m_api->notifications(QString(), 0, this, all.callback());
        AWAIT_OK(all);
        QVERIFY(all.value().size() >= list.value().size());
    }

    void receiving()
    {
        // Spaces and lower case, as a person might type the scan.
        const QString typed = m_numberC.toLower().insert(4, QLatin1Char(' '));
        Answer<client::ScanLookup> lookup;
        m_warehouse->lookup(typed, this, lookup.callback());
        AWAIT_OK(lookup);
        QCOMPARE(lookup.value().match, client::ScanMatch::Matched);
        QVERIFY(lookup.value().shipment);
        const client::ReceivingShipment &s = *lookup.value().shipment;
        QCOMPARE(s.id, m_c);
        QCOMPARE(s.orderId, m_subC.orderId);
        QCOMPARE(s.subOrderId, m_subC.subOrderId);
        QCOMPARE(s.customer, QStringLiteral("buyer"));
        QCOMPARE(s.site, QStringLiteral("amazon.com"));
        QVERIFY(s.pricedWeightG > 0);
        QCOMPARE(s.lines.size(), 1);
        QCOMPARE(s.lines.first().quantity, 1);
        QVERIFY(!s.lines.first().title.isEmpty());
        QVERIFY(!lookup.value().receipt);

        Answer<client::ScanLookup> unknown;
        m_warehouse->lookup(QStringLiteral("NOSUCH123"), this, unknown.callback());
        AWAIT_OK(unknown);
        QCOMPARE(unknown.value().match, client::ScanMatch::Unknown);
        QVERIFY(!unknown.value().shipment);

        // 2 kg more than priced: beyond tolerance, a fee to pay.
        const qint64 heavy = s.pricedWeightG + 2000;
        Answer<client::WeightPreview> preview;
        m_warehouse->preview(m_c, heavy, this, preview.callback());
        AWAIT_OK(preview);
        QCOMPARE(preview.value().pricedWeightG, s.pricedWeightG);
        QCOMPARE(preview.value().weightG, heavy);
        QCOMPARE(preview.value().differenceG, 2000);
        QVERIFY(preview.value().beyondTolerance);
        QVERIFY(preview.value().adjustment);
        const auto &adj = *preview.value().adjustment;
        QVERIFY(adj.amount.minor() > 0);
        QCOMPARE(adj.after.minor() - adj.before.minor(), adj.amount.minor());

        Answer<client::Receipt> receipt;
        m_warehouse->receive(m_c, heavy, this, receipt.callback());
        AWAIT_OK(receipt);
        QVERIFY(receipt.value().id > 0);
        QCOMPARE(receipt.value().shipmentId, m_c);
        QCOMPARE(receipt.value().weightG, heavy);
        QCOMPARE(receipt.value().pricedWeightG, s.pricedWeightG);
        QCOMPARE(receipt.value().receivedBy, QStringLiteral("ops1"));
        QVERIFY(receipt.value().receivedAt.isValid());
        QVERIFY(receipt.value().adjustment);
        QVERIFY(receipt.value().adjustment->id > 0);
        QCOMPARE(receipt.value().adjustment->amount, adj.amount);
        QCOMPARE(receipt.value().adjustment->status, QStringLiteral("due"));

        Answer<client::Receipt> twice;
        m_warehouse->receive(m_c, heavy, this, twice.callback());
        QVERIFY(twice.wait());
        QCOMPARE(twice.result().error().status, 409);

        Answer<client::ScanLookup> received;
        m_warehouse->lookup(m_numberC, this, received.callback());
        AWAIT_OK(received);
        QCOMPARE(received.value().match, client::ScanMatch::AlreadyReceived);
        QVERIFY(received.value().receipt);
        QCOMPARE(received.value().receipt->id, receipt.value().id);

        // Within tolerance: no adjustment.
        Answer<client::ScanLookup> lookupA;
        m_warehouse->lookup(m_numberA, this, lookupA.callback());
        AWAIT_OK(lookupA);
        QVERIFY(lookupA.value().shipment);
        const qint64 priced = lookupA.value().shipment->pricedWeightG;
        Answer<client::WeightPreview> same;
        m_warehouse->preview(m_a, priced, this, same.callback());
        AWAIT_OK(same);
        QVERIFY(!same.value().beyondTolerance);
        QVERIFY(!same.value().adjustment);
        Answer<client::Receipt> receiptA;
        m_warehouse->receive(m_a, priced, this, receiptA.callback());
        AWAIT_OK(receiptA);
        QVERIFY(!receiptA.value().adjustment);

        // The receipt shows in the shipment's detail, with the warehouse's checkpoint.
        Answer<client::ShipmentDetail> detail;
        m_api->shipment(m_c, this, detail.callback());
        AWAIT_OK(detail);
        QVERIFY(!detail.value().receipt.isEmpty());
        QCOMPARE(detail.value().summary.status, QStringLiteral("at_warehouse"));
        bool warehouse = false;
        for (const client::Checkpoint &c : detail.value().legs.first().checkpoints)
            warehouse = warehouse || (c.source == u"warehouse" && c.rawStatus == u"RECEIVED");
        QVERIFY(warehouse);
    }

    void readyAndDispatch()
    {
        Answer<client::ReadyGroups> ready;
        m_warehouse->ready(this, ready.callback());
        AWAIT_OK(ready);
        QCOMPARE(ready.value().groups.size(), 1);
        const client::ReadyGroup &g = ready.value().groups.first();
        QCOMPARE(g.customer, QStringLiteral("buyer"));
        QCOMPARE(g.address.value(QStringLiteral("postcode")).toString(), QStringLiteral("200120"));
        QVERIFY(g.addressText.contains(QStringLiteral("200120")));
        QCOMPARE(g.shipments.size(), 2);
        QList<qint64> ids;
        for (const client::ReadyShipment &s : g.shipments) {
            ids << s.id;
            QVERIFY(s.weightG > 0);
            QCOMPARE(s.site, QStringLiteral("amazon.com"));
        }
        std::sort(ids.begin(), ids.end());
        QList<qint64> expected{m_a, m_c};
        std::sort(expected.begin(), expected.end());
        QCOMPARE(ids, expected);

        Answer<client::DispatchedParcel> parcel;
        m_warehouse->dispatchParcel(expected, this, parcel.callback());
        AWAIT_OK(parcel);
        QVERIFY(parcel.value().legId > 0);
        QCOMPARE(parcel.value().carrier, QStringLiteral("intlexpress"));
        QVERIFY(!parcel.value().trackingNumber.isEmpty());
        QList<qint64> sent = parcel.value().shipmentIds;
        std::sort(sent.begin(), sent.end());
        QCOMPARE(sent, expected);

        Answer<client::ReadyGroups> empty;
        m_warehouse->ready(this, empty.callback());
        AWAIT_OK(empty);
        QVERIFY(empty.value().groups.isEmpty());

        // Both shipments now have the international leg.
        Answer<client::ShipmentDetail> detail;
        m_api->shipment(m_a, this, detail.callback());
        AWAIT_OK(detail);
        bool international = false;
        for (const client::Leg &l : detail.value().legs)
            international = international || (l.kind == u"international" &&
                                              l.trackingNumber == parcel.value().trackingNumber);
        QVERIFY(international);
    }

    void stats()
    {
        Answer<client::LogisticsStats> stats;
        m_warehouse->stats(30, this, stats.callback());
        AWAIT_OK(stats);
        qint64 total = 0;
        for (const auto &s : stats.value().byStatus) {
            QVERIFY(!s.status.isEmpty());
            total += s.count;
        }
        QCOMPARE(total, 3);
        QCOMPARE(stats.value().alertsOpen.size(), 30); // one a day, oldest first
        for (const auto &d : stats.value().alertsOpen)
            QVERIFY(d.day.isValid());
        // Nothing delivered yet: no lead times, or only empty ones.
        for (const auto &l : stats.value().leadTimes)
            QCOMPARE(l.count, 0);
    }
};

QTEST_MAIN(TestLogisticsClient)
#include "tst_logisticsclient.moc"
