// Logistics tracking (docs/logistics.md): each sim carrier style's status mapping, polling
// back-off and the per-carrier rate limit, signed webhooks (bad signature, old timestamp,
// replay, duplicate events), out-of-order events, unknown raw statuses mapped later, manual
// checkpoints, IDOR on /orders/{id}/tracking, and the whole journey against haitao-sim.
#include "backend/logistics/logisticsservice.h"
#include "tests/support/logisticsfixture.h"
#include "tests/support/logisticsseed.h"
#include "tests/support/rawjson.h"
#include "tests/support/testdb.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace haitao;
using namespace haitao::testing;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;
const Headers kJson{{"Content-Type", "application/json"}};
constexpr qint64 kMinute = 60 * 1000;

QJsonObject legOf(const QJsonObject &shipment, const QString &kind)
{
    for (const QJsonValue &v : shipment.value(QStringLiteral("legs")).toArray())
        if (v.toObject().value(QStringLiteral("kind")).toString() == kind)
            return v.toObject();
    return {};
}

QJsonArray checkpointsOf(const QJsonObject &shipment, const QString &kind)
{
    return legOf(shipment, kind).value(QStringLiteral("checkpoints")).toArray();
}

QStringList field(const QJsonArray &items, const char *name)
{
    QStringList out;
    for (const QJsonValue &v : items)
        out << v.toObject().value(QLatin1String(name)).toString();
    return out;
}

bool hasRaw(const QJsonObject &shipment, const QString &kind, const QString &raw)
{
    return field(checkpointsOf(shipment, kind), "rawStatus").contains(raw);
}

} // namespace

class TstTracking : public QObject
{
    Q_OBJECT

    std::unique_ptr<LogisticsFixture> m_world;
    QList<PlacedSub> m_subs; // placed sub-orders, each test takes its own
    int m_nextSub = 0;

    // A shipment of its own for a test (discovered from a placed sub-order).
    qint64 takeShipment()
    {
        if (m_nextSub >= m_subs.size()) {
            qWarning("out of placed sub-orders");
            return 0;
        }
        const PlacedSub p = m_subs.at(m_nextSub++);
        return m_world->waitShipment(p.subOrderId).value(QStringLiteral("id")).toInteger();
    }

    // A parcel at the sim's carrier, started now (sim time).
    QString simParcel(const QString &carrier, const QString &scenario = QStringLiteral("normal"))
    {
        SyncClient s(m_world->simUrl());
        const auto r = s.raw("POST", QStringLiteral("/__sim/parcels/bulk"),
                             compact({{QStringLiteral("carrier"), carrier},
                                      {QStringLiteral("count"), 1},
                                      {QStringLiteral("scenario"), scenario}}),
                             kJson);
        if (r.status != 201) {
            qWarning("bulk parcel: %s", qPrintable(describe(r)));
            return {};
        }
        return body(r).value(QStringLiteral("numbers")).toArray().at(0).toString();
    }

    client::RawResponse putLeg(qint64 shipmentId, const QString &kind, const QString &carrier,
                               const QString &number)
    {
        return m_world->ops().raw(
            "PUT",
            QStringLiteral("/api/v1/logistics/shipments/%1/legs/%2").arg(shipmentId).arg(kind),
            compact({{QStringLiteral("carrier"), carrier},
                     {QStringLiteral("trackingNumber"), number},
                     {QStringLiteral("reason"), QStringLiteral("e-mailed by the shop")}}),
            kJson);
    }

    // Moves the server clock a poll interval at a time until `done` holds.
    template <typename Done>
    QJsonObject waitFor(qint64 shipmentId, Done done, int timeoutMs = 20000)
    {
        return m_world->waitUntil(shipmentId, done, timeoutMs, 5 * kMinute);
    }

    QJsonObject simCarrier(const QString &code)
    {
        SyncClient s(m_world->simUrl());
        for (const QJsonValue &v : body(s.raw("GET", QStringLiteral("/__sim/carriers")))
                                       .value(QStringLiteral("carriers"))
                                       .toArray())
            if (v.toObject().value(QStringLiteral("code")).toString() == code)
                return v.toObject();
        return {};
    }

    QByteArray webhookSecret()
    {
        SyncClient s(m_world->simUrl());
        const QJsonArray hooks = body(s.raw("GET", QStringLiteral("/__sim/webhooks")))
                                     .value(QStringLiteral("webhooks"))
                                     .toArray();
        for (const QJsonValue &v : hooks)
            if (v.toObject()
                    .value(QStringLiteral("url"))
                    .toString()
                    .endsWith(QStringLiteral("/api/v1/logistics/webhooks/intlexpress")))
                return v.toObject().value(QStringLiteral("secret")).toString().toUtf8();
        return {};
    }

    client::RawResponse postWebhook(const QByteArray &rawBody, const QByteArray &secret,
                                    qint64 timestamp,
                                    const QString &carrier = QStringLiteral("intlexpress"))
    {
        const QByteArray ts = QByteArray::number(timestamp);
        const QByteArray signature =
            QMessageAuthenticationCode::hash(ts + '.' + rawBody, secret, QCryptographicHash::Sha256)
                .toHex();
        SyncClient anyone(m_world->server().url());
        return anyone.raw("POST", QStringLiteral("/api/v1/logistics/webhooks/") + carrier, rawBody,
                          {{"Content-Type", "application/json"},
                           {"X-Carrier-Timestamp", ts},
                           {"X-Carrier-Signature", signature}});
    }

    static QByteArray webhookBody(const QString &number, const QString &id, const QString &time,
                                  const QString &code, const QString &place)
    {
        return compact(
            {{QStringLiteral("carrier"), QStringLiteral("intlexpress")},
             {QStringLiteral("trackingNumber"), number},
             {QStringLiteral("event"), QJsonObject{{QStringLiteral("id"), id},
                                                   {QStringLiteral("time"), time},
                                                   {QStringLiteral("location"), place},
                                                   {QStringLiteral("code"), code},
                                                   {QStringLiteral("text"), code.toLower()}}}});
    }

private slots:
    void initTestCase()
    {
        if (haitao::testing::postgresRequiredButMissing())
            QSKIP("no PostgreSQL configured: scripts/test starts one and sets HAITAO_TEST_PG_URL");
        m_world = std::make_unique<LogisticsFixture>();
        QVERIFY(m_world->start());
        m_subs =
            m_world->placeSubOrders({QStringLiteral("amazon.com"), QStringLiteral("asos.com")}, 5);
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(m_subs.size(), 10);
    }

    void carriersAreConfigured()
    {
        const auto r = m_world->ops().raw("GET", QStringLiteral("/api/v1/logistics/carriers"));
        QCOMPARE(r.status, 200);
        QHash<QString, QJsonObject> byCode;
        for (const QJsonValue &v : body(r).value(QStringLiteral("items")).toArray())
            byCode.insert(v.toObject().value(QStringLiteral("code")).toString(), v.toObject());
        QVERIFY(byCode.contains(QStringLiteral("warehouse")));
        QCOMPARE(
            byCode.value(QStringLiteral("kuroneko")).value(QStringLiteral("protocol")).toString(),
            QStringLiteral("jp_single"));
        // The webhook was registered at the sim when intlexpress was configured.
        QVERIFY(byCode.value(QStringLiteral("intlexpress"))
                    .value(QStringLiteral("webhookRegistered"))
                    .toBool());
        QVERIFY(!webhookSecret().isEmpty());
        QVERIFY(!r.body.contains("secret"));
        // Ops may read carriers, not change them; translators not even read.
        const auto put =
            m_world->ops().raw("PUT", QStringLiteral("/api/v1/logistics/carriers/dpost"),
                               compact({{QStringLiteral("name"), QStringLiteral("x")},
                                        {QStringLiteral("protocol"), QStringLiteral("none")}}),
                               kJson);
        QCOMPARE(put.status, 403);
        m_world->server().createUser(QStringLiteral("tr1"), QStringLiteral("tr-pass-1"),
                                     Role::Translator);
        auto tr = m_world->orders().client(QStringLiteral("tr1"), QStringLiteral("tr-pass-1"));
        QCOMPARE(tr->raw("GET", QStringLiteral("/api/v1/logistics/carriers")).status, 403);
        QCOMPARE(tr->raw("GET", QStringLiteral("/api/v1/logistics/shipments")).status, 403);
    }

    void discoveryMakesOneShipmentPerSubOrder()
    {
        QSet<qint64> ids;
        for (const PlacedSub &p : m_subs) {
            const QJsonObject s = m_world->waitShipment(p.subOrderId);
            QVERIFY2(!s.isEmpty(), qPrintable(QString::number(p.subOrderId)));
            QCOMPARE(s.value(QStringLiteral("orderId")).toInteger(), p.orderId);
            QCOMPARE(s.value(QStringLiteral("site")).toString(), p.site);
            QCOMPARE(s.value(QStringLiteral("recipient"))
                         .toObject()
                         .value(QStringLiteral("name"))
                         .toString(),
                     QStringLiteral("张三"));
            ids.insert(s.value(QStringLiteral("id")).toInteger());
        }
        QCOMPARE(ids.size(), m_subs.size());
        // Discovery again (its overlap window re-reads them) makes no second shipment.
        QCOMPARE(m_world->logistics().discover(), 0);
    }

    // swiftpost (batch JSON, zone in the time): every code maps; DLV on the shop leg reads
    // at_warehouse overall; the tracker closes.
    void mappingSwiftpost()
    {
        const qint64 id = takeShipment();
        const QString number = simParcel(QStringLiteral("swiftpost"));
        QVERIFY(!number.isEmpty());
        QCOMPARE(putLeg(id, QStringLiteral("shop"), QStringLiteral("swiftpost"), number).status,
                 200);
        m_world->advanceSim(45);
        const QJsonObject s = waitFor(id, [](const QJsonObject &o) {
            return hasRaw(o, QStringLiteral("shop"), QStringLiteral("DLV"));
        });
        const QJsonArray cps = checkpointsOf(s, QStringLiteral("shop"));
        QCOMPARE(
            field(cps, "rawStatus"),
            QStringList({QStringLiteral("LABEL"), QStringLiteral("PICKUP"),
                         QStringLiteral("TRANSIT"), QStringLiteral("OUT"), QStringLiteral("DLV")}));
        QCOMPARE(field(cps, "status"),
                 QStringList({QStringLiteral("info_received"), QStringLiteral("in_transit"),
                              QStringLiteral("in_transit"), QStringLiteral("out_for_delivery"),
                              QStringLiteral("delivered")}));
        const QString zone =
            number.endsWith(u"US") ? QStringLiteral("-05:00") : QStringLiteral("Z");
        QVERIFY2(cps.at(0).toObject().value(QStringLiteral("time")).toString().endsWith(zone),
                 qPrintable(cps.at(0).toObject().value(QStringLiteral("time")).toString()));
        QCOMPARE(cps.at(0).toObject().value(QStringLiteral("source")).toString(),
                 QStringLiteral("poll"));
        QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("at_warehouse"));
        QCOMPARE(s.value(QStringLiteral("currentLeg")).toString(), QStringLiteral("shop"));
        const auto tracker = m_world->logistics().tracker(QStringLiteral("swiftpost"), number);
        QVERIFY(tracker);
        QVERIFY(!tracker->open);
        // The shipment's log: created, then shipped (info_received), ..., at_warehouse.
        const QStringList to = field(s.value(QStringLiteral("events")).toArray(), "to");
        QCOMPARE(to.first(), QStringLiteral("awaiting_shipment"));
        QCOMPARE(to.last(), QStringLiteral("at_warehouse"));
    }

    // A number entered by hand replaces the leg before: its tracker stops polling.
    void replacedLegClosesItsTracker()
    {
        const qint64 id = takeShipment();
        const QString first = simParcel(QStringLiteral("swiftpost"));
        const QString second = simParcel(QStringLiteral("swiftpost"));
        QVERIFY(!first.isEmpty());
        QVERIFY(!second.isEmpty());
        QCOMPARE(putLeg(id, QStringLiteral("shop"), QStringLiteral("swiftpost"), first).status,
                 200);
        auto &logistics = m_world->logistics();
        QVERIFY(logistics.tracker(QStringLiteral("swiftpost"), first));
        QVERIFY(logistics.tracker(QStringLiteral("swiftpost"), first)->open);
        QCOMPARE(putLeg(id, QStringLiteral("shop"), QStringLiteral("swiftpost"), second).status,
                 200);
        QVERIFY(!logistics.tracker(QStringLiteral("swiftpost"), first)->open);
        QVERIFY(logistics.tracker(QStringLiteral("swiftpost"), second)->open);
        const QJsonObject s = m_world->shipment(id);
        QCOMPARE(s.value(QStringLiteral("trackingNumber")).toString(), second);
    }

    // kuroneko (one slip per call, Japanese names, times without zone read as JST).
    void mappingKuroneko()
    {
        const qint64 id = takeShipment();
        const QString number = simParcel(QStringLiteral("kuroneko"));
        QVERIFY(!number.isEmpty());
        QCOMPARE(putLeg(id, QStringLiteral("shop"), QStringLiteral("kuroneko"), number).status,
                 200);
        m_world->advanceSim(45);
        const QJsonObject s = waitFor(id, [](const QJsonObject &o) {
            return hasRaw(o, QStringLiteral("shop"), QStringLiteral("05"));
        });
        const QJsonArray cps = checkpointsOf(s, QStringLiteral("shop"));
        QCOMPARE(field(cps, "rawStatus"),
                 QStringList({QStringLiteral("01"), QStringLiteral("02"), QStringLiteral("03"),
                              QStringLiteral("04"), QStringLiteral("05")}));
        QCOMPARE(field(cps, "status").last(), QStringLiteral("delivered"));
        QCOMPARE(field(cps, "status").first(), QStringLiteral("info_received"));
        QVERIFY(cps.at(0).toObject().value(QStringLiteral("time")).toString().endsWith(u"+09:00"));
        QCOMPARE(cps.at(4).toObject().value(QStringLiteral("rawText")).toString(),
                 QStringLiteral("配達完了"));
        QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("at_warehouse"));
    }

    // sfsim (batch JSON in Chinese, +08:00) on the final leg: delivered overall.
    void mappingSfsim()
    {
        const qint64 id = takeShipment();
        const QString number = simParcel(QStringLiteral("sfsim"));
        QVERIFY(!number.isEmpty());
        QCOMPARE(putLeg(id, QStringLiteral("domestic"), QStringLiteral("sfsim"), number).status,
                 200);
        m_world->advanceSim(30);
        const QJsonObject s = waitFor(id, [](const QJsonObject &o) {
            return o.value(QStringLiteral("status")).toString() == u"delivered";
        });
        QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("delivered"));
        const QJsonArray cps = checkpointsOf(s, QStringLiteral("domestic"));
        QCOMPARE(field(cps, "rawStatus"),
                 QStringList({QStringLiteral("COLLECT"), QStringLiteral("TRANSIT"),
                              QStringLiteral("DELIVERING"), QStringLiteral("SIGNED")}));
        QCOMPARE(field(cps, "status"),
                 QStringList({QStringLiteral("info_received"), QStringLiteral("in_transit"),
                              QStringLiteral("out_for_delivery"), QStringLiteral("delivered")}));
        QVERIFY(cps.at(0).toObject().value(QStringLiteral("time")).toString().endsWith(u"+08:00"));
        QCOMPARE(cps.at(3).toObject().value(QStringLiteral("rawText")).toString(),
                 QStringLiteral("已签收"));
    }

    // Nothing new: the interval doubles per poll up to the maximum; news resets it.
    void pollingBacksOff()
    {
        const qint64 id = takeShipment();
        const QString number = simParcel(QStringLiteral("swiftpost"));
        QCOMPARE(putLeg(id, QStringLiteral("shop"), QStringLiteral("swiftpost"), number).status,
                 200);
        auto &logistics = m_world->logistics();
        const auto waitPolls = [&](qint64 polls) {
            QElapsedTimer t;
            t.start();
            auto tr = logistics.tracker(QStringLiteral("swiftpost"), number);
            while (tr && tr->polls < polls && t.elapsed() < 10000) {
                QTest::qWait(20);
                tr = logistics.tracker(QStringLiteral("swiftpost"), number);
            }
            return tr;
        };
        auto tr = waitPolls(1); // LABEL is news: the first interval
        QVERIFY(tr);
        QCOMPARE(tr->polls, qint64(1));
        QCOMPARE(tr->intervalMs, qint64(60 * 1000));
        QVERIFY(tr->nextPollAt > m_world->serverNow() + 50 * 1000); // not polled again meanwhile
        QTest::qWait(300);
        QCOMPARE(logistics.tracker(QStringLiteral("swiftpost"), number)->polls, qint64(1));
        qint64 expected = 60 * 1000;
        for (int i = 2; i <= 4; ++i) {
            m_world->advanceServer(expected + 1000);
            tr = waitPolls(i);
            QVERIFY(tr);
            QCOMPARE(tr->polls, qint64(i));
            expected *= 2;
            QCOMPARE(tr->intervalMs, expected);
        }
        m_world->advanceSim(4); // PICKUP
        m_world->advanceServer(expected + 1000);
        tr = waitPolls(5);
        QCOMPARE(tr->polls, qint64(5));
        QCOMPARE(tr->intervalMs, qint64(60 * 1000));
        QVERIFY(hasRaw(m_world->shipment(id), QStringLiteral("shop"), QStringLiteral("PICKUP")));
    }

    // The poller never sends a carrier more than its rps in one second (the sim counts), and
    // a 429 pauses the carrier for its Retry-After.
    void rateLimitPerCarrier()
    {
        m_world->putCarrier(QStringLiteral("kuroneko"),
                            {{QStringLiteral("name"), QStringLiteral("Kuroneko Yamato")},
                             {QStringLiteral("protocol"), QStringLiteral("jp_single")},
                             {QStringLiteral("baseUrl"),
                              m_world->simUrl().toString() + QStringLiteral("/carrier/kuroneko")},
                             {QStringLiteral("rps"), 4},
                             {QStringLiteral("batchSize"), 10},
                             {QStringLiteral("tzOffsetMinutes"), 540}});
        SyncClient s(m_world->simUrl());
        const auto bulk = s.raw("POST", QStringLiteral("/__sim/parcels/bulk"),
                                compact({{QStringLiteral("carrier"), QStringLiteral("kuroneko")},
                                         {QStringLiteral("count"), 16}}),
                                kJson);
        QCOMPARE(bulk.status, 201);
        QStringList numbers;
        for (const QJsonValue &v : body(bulk).value(QStringLiteral("numbers")).toArray())
            numbers << v.toString();
        const qint64 before = m_world->logistics().counters().numbersRefreshed;
        const qint64 requestsBefore =
            simCarrier(QStringLiteral("kuroneko")).value(QStringLiteral("requests")).toInteger();
        QElapsedTimer t;
        t.start();
        QCOMPARE(testing::seedShipments(m_world->logistics(), QStringLiteral("kuroneko"), numbers,
                                        9000000),
                 16);
        QTRY_VERIFY_WITH_TIMEOUT(m_world->logistics().counters().numbersRefreshed >= before + 16,
                                 15000);
        const qint64 elapsed = t.elapsed();
        const QJsonObject sim = simCarrier(QStringLiteral("kuroneko"));
        QVERIFY2(sim.value(QStringLiteral("maxPerSecond")).toInt() <= 4, compact(sim).constData());
        QVERIFY(sim.value(QStringLiteral("requests")).toInteger() - requestsBefore >= 16);
        // 16 single calls at 4 per second take at least ~3.5 s.
        QVERIFY2(elapsed >= 3000, qPrintable(QString::number(elapsed)));

        // The sim allows 2 per second now: it answers 429 + Retry-After: 1; the poller waits
        // carrier-wide, so 429s stay about one per second.
        m_world->simLogistics(
            {{QStringLiteral("rps"), QJsonObject{{QStringLiteral("kuroneko"), 2}}}});
        const auto bulk2 = s.raw("POST", QStringLiteral("/__sim/parcels/bulk"),
                                 compact({{QStringLiteral("carrier"), QStringLiteral("kuroneko")},
                                          {QStringLiteral("count"), 8}}),
                                 kJson);
        QStringList more;
        for (const QJsonValue &v : body(bulk2).value(QStringLiteral("numbers")).toArray())
            more << v.toString();
        const qint64 throttledBefore = m_world->logistics().counters().throttled;
        const qint64 refreshed = m_world->logistics().counters().numbersRefreshed;
        t.restart();
        QCOMPARE(
            testing::seedShipments(m_world->logistics(), QStringLiteral("kuroneko"), more, 9100000),
            8);
        QTRY_VERIFY_WITH_TIMEOUT(m_world->logistics().counters().numbersRefreshed >= refreshed + 8,
                                 20000);
        const qint64 throttled = m_world->logistics().counters().throttled - throttledBefore;
        QVERIFY2(throttled <= t.elapsed() / 1000 + 2,
                 qPrintable(QStringLiteral("%1 429s in %2 ms").arg(throttled).arg(t.elapsed())));
        m_world->simLogistics(
            {{QStringLiteral("rps"), QJsonObject{{QStringLiteral("kuroneko"), 20}}}});
        m_world->configureCarriers();
    }

    void webhookSignatureTimestampReplay()
    {
        const qint64 id = takeShipment();
        const QString number = QStringLiteral("IEWEBHOOK1CN");
        QCOMPARE(putLeg(id, QStringLiteral("international"), QStringLiteral("intlexpress"), number)
                     .status,
                 200);
        const QByteArray secret = webhookSecret();
        QVERIFY(!secret.isEmpty());
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QByteArray accepted =
            webhookBody(number, QStringLiteral("w1"), QStringLiteral("2026-11-20T08:00:00Z"),
                        QStringLiteral("ACCEPTED"), QStringLiteral("Frankfurt"));
        // A wrong secret, a missing signature, a tampered body: 401, nothing stored.
        QCOMPARE(postWebhook(accepted, "not-the-secret", now).status, 401);
        {
            SyncClient anyone(m_world->server().url());
            QCOMPARE(anyone
                         .raw("POST", QStringLiteral("/api/v1/logistics/webhooks/intlexpress"),
                              accepted, kJson)
                         .status,
                     401);
        }
        // Signed correctly but five minutes and more old (or ahead): 401.
        const auto old = postWebhook(accepted, secret, now - 400);
        QCOMPARE(old.status, 401);
        QVERIFY(problemType(old).endsWith(u"unauthenticated"));
        QCOMPARE(postWebhook(accepted, secret, now + 400).status, 401);
        QVERIFY(checkpointsOf(m_world->shipment(id), QStringLiteral("international")).isEmpty());
        // Unknown carrier: 404. Too large: 413.
        QCOMPARE(postWebhook(accepted, secret, now, QStringLiteral("nosuch")).status, 404);
        QCOMPARE(postWebhook(QByteArray(65 * 1024, ' '), secret, now).status, 413);

        const auto ok = postWebhook(accepted, secret, now);
        QCOMPARE(ok.status, 200);
        QCOMPARE(body(ok).value(QStringLiteral("accepted")).toInt(), 1);
        // The same request again (a replay): 200 duplicate, no effect.
        const auto replay = postWebhook(accepted, secret, now);
        QCOMPARE(replay.status, 200);
        QVERIFY(body(replay).value(QStringLiteral("duplicate")).toBool());
        // The same event in a new delivery (new timestamp): stored once.
        const auto again = postWebhook(accepted, secret, now + 1);
        QCOMPARE(again.status, 200);
        QCOMPARE(body(again).value(QStringLiteral("accepted")).toInt(), 0);
        // Receipts are kept while a replay could pass the time window, then forgotten.
        const qint64 wall = QDateTime::currentMSecsSinceEpoch();
        QCOMPARE(m_world->logistics().pruneWebhookReceipts(wall), 0);
        QVERIFY(m_world->logistics().pruneWebhookReceipts(wall + 2 * 3600 * 1000) >= 2);
        const QJsonObject s = m_world->shipment(id);
        const QJsonArray cps = checkpointsOf(s, QStringLiteral("international"));
        QCOMPARE(cps.size(), 1);
        QCOMPARE(cps.at(0).toObject().value(QStringLiteral("source")).toString(),
                 QStringLiteral("webhook"));
        QCOMPARE(cps.at(0).toObject().value(QStringLiteral("time")).toString(),
                 QStringLiteral("2026-11-20T08:00:00Z"));
        QCOMPARE(s.value(QStringLiteral("currentLeg")).toString(), QStringLiteral("international"));
    }

    // Events arriving out of order are listed by event time, and the overall status is the
    // latest event's, not the last arrival's; customs events go on the customs leg.
    void outOfOrderSortedByEventTime()
    {
        const qint64 id = takeShipment();
        const QString number = QStringLiteral("IEORDER1CN");
        QCOMPARE(putLeg(id, QStringLiteral("international"), QStringLiteral("intlexpress"), number)
                     .status,
                 200);
        const QByteArray secret = webhookSecret();
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QCOMPARE(postWebhook(webhookBody(number, QStringLiteral("o3"),
                                         QStringLiteral("2026-11-21T10:00:00Z"),
                                         QStringLiteral("CUSTOMS_IN"), QStringLiteral("Shanghai")),
                             secret, now)
                     .status,
                 200);
        QCOMPARE(postWebhook(webhookBody(number, QStringLiteral("o1"),
                                         QStringLiteral("2026-11-20T10:00:00Z"),
                                         QStringLiteral("ACCEPTED"), QStringLiteral("Frankfurt")),
                             secret, now)
                     .status,
                 200);
        QCOMPARE(postWebhook(webhookBody(number, QStringLiteral("o2"),
                                         QStringLiteral("2026-11-20T16:00:00Z"),
                                         QStringLiteral("DEPARTED"), QStringLiteral("Frankfurt")),
                             secret, now)
                     .status,
                 200);
        const QJsonObject s = m_world->shipment(id);
        QCOMPARE(field(checkpointsOf(s, QStringLiteral("international")), "rawStatus"),
                 QStringList({QStringLiteral("ACCEPTED"), QStringLiteral("DEPARTED")}));
        QCOMPARE(field(checkpointsOf(s, QStringLiteral("customs")), "rawStatus"),
                 QStringList({QStringLiteral("CUSTOMS_IN")}));
        QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("customs"));
        QCOMPARE(s.value(QStringLiteral("currentLeg")).toString(), QStringLiteral("customs"));
        // Legs in route order (a shop leg, when the shop has shipped meanwhile, comes first).
        QStringList kinds = field(s.value(QStringLiteral("legs")).toArray(), "kind");
        kinds.removeAll(QStringLiteral("shop"));
        QCOMPARE(kinds, QStringList({QStringLiteral("international"), QStringLiteral("customs")}));
    }

    // A raw status without mapping is kept as unknown and listed; mapping it re-normalizes
    // the stored checkpoints and recomputes the shipment.
    void unknownStatusFlaggedThenMapped()
    {
        const qint64 id = takeShipment();
        const QString number =
            simParcel(QStringLiteral("swiftpost"), QStringLiteral("unknown_status"));
        QCOMPARE(putLeg(id, QStringLiteral("shop"), QStringLiteral("swiftpost"), number).status,
                 200);
        m_world->advanceSim(30); // LABEL, PICKUP, TRANSIT (20 h), HUB_HOLD (24 h)
        QJsonObject s = waitFor(id, [](const QJsonObject &o) {
            return hasRaw(o, QStringLiteral("shop"), QStringLiteral("HUB_HOLD"));
        });
        QJsonArray cps = checkpointsOf(s, QStringLiteral("shop"));
        QCOMPARE(field(cps, "rawStatus").last(), QStringLiteral("HUB_HOLD"));
        QCOMPARE(field(cps, "status").last(), QStringLiteral("unknown"));
        QCOMPARE(cps.last().toObject().value(QStringLiteral("rawText")).toString(),
                 QStringLiteral("Held at hub for inspection"));
        // unknown is skipped for the overall status: the TRANSIT before it counts.
        QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("in_transit"));
        const auto unmapped =
            m_world->ops().raw("GET", QStringLiteral("/api/v1/logistics/mappings/unmapped"));
        QCOMPARE(unmapped.status, 200);
        bool listed = false;
        for (const QJsonValue &v : body(unmapped).value(QStringLiteral("items")).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("carrier")).toString() == u"swiftpost" &&
                o.value(QStringLiteral("rawStatus")).toString() == u"HUB_HOLD") {
                listed = true;
                QCOMPARE(o.value(QStringLiteral("sampleText")).toString(),
                         QStringLiteral("Held at hub for inspection"));
                QVERIFY(o.value(QStringLiteral("count")).toInt() >= 1);
            }
        }
        QVERIFY(listed);
        QVERIFY(
            body(m_world->ops().raw("GET", QStringLiteral("/api/v1/logistics/shipments/counts")))
                .value(QStringLiteral("unmapped"))
                .toInt() >= 1);
        // A status that is not normalized: 422.
        QCOMPARE(m_world->ops()
                     .raw("PUT", QStringLiteral("/api/v1/logistics/mappings/swiftpost/HUB_HOLD"),
                          compact({{QStringLiteral("status"), QStringLiteral("held")}}), kJson)
                     .status,
                 422);
        const auto mapped = m_world->ops().raw(
            "PUT", QStringLiteral("/api/v1/logistics/mappings/swiftpost/HUB_HOLD"),
            compact({{QStringLiteral("status"), QStringLiteral("exception")}}), kJson);
        QCOMPARE(mapped.status, 200);
        s = m_world->shipment(id);
        cps = checkpointsOf(s, QStringLiteral("shop"));
        QCOMPARE(field(cps, "status").last(), QStringLiteral("exception"));
        QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("exception"));
        QCOMPARE(field(s.value(QStringLiteral("events")).toArray(), "to").last(),
                 QStringLiteral("exception"));
        const auto unmappedNow =
            m_world->ops().raw("GET", QStringLiteral("/api/v1/logistics/mappings/unmapped"));
        QCOMPARE(unmappedNow.status, 200);
        const QJsonArray left = body(unmappedNow).value(QStringLiteral("items")).toArray();
        for (const QJsonValue &v : left)
            QVERIFY(v.toObject().value(QStringLiteral("rawStatus")).toString() != u"HUB_HOLD");
        const QJsonArray mappings =
            body(m_world->ops().raw("GET",
                                    QStringLiteral("/api/v1/logistics/mappings?carrier=swiftpost")))
                .value(QStringLiteral("items"))
                .toArray();
        bool found = false;
        for (const QJsonValue &v : mappings)
            if (v.toObject().value(QStringLiteral("rawStatus")).toString() == u"HUB_HOLD") {
                found = true;
                QCOMPARE(v.toObject().value(QStringLiteral("updatedBy")).toString(),
                         QStringLiteral("ops1"));
            }
        QVERIFY(found);
        // Back to in_transit for the tests after (the mapping is shared data).
        QCOMPARE(m_world->ops()
                     .raw("PUT", QStringLiteral("/api/v1/logistics/mappings/swiftpost/HUB_HOLD"),
                          compact({{QStringLiteral("status"), QStringLiteral("in_transit")}}),
                          kJson)
                     .status,
                 200);
    }

    // dpost has no API: people enter checkpoints, with a reason, in the zone they happened.
    void manualCheckpoint()
    {
        const qint64 id = takeShipment();
        QCOMPARE(putLeg(id, QStringLiteral("shop"), QStringLiteral("dpost"),
                        QStringLiteral("DP000001DE"))
                     .status,
                 200);
        const QString path = QStringLiteral("/api/v1/logistics/shipments/%1/checkpoints").arg(id);
        const auto missing =
            m_world->ops().raw("POST", path,
                               compact({{QStringLiteral("status"), QStringLiteral("sorted")},
                                        {QStringLiteral("time"), QStringLiteral("yesterday")}}),
                               kJson);
        QCOMPARE(missing.status, 422);
        const QStringList fields = errorFields(missing);
        QVERIFY(fields.contains(QStringLiteral("reason")));
        QVERIFY(fields.contains(QStringLiteral("status")));
        QVERIFY(fields.contains(QStringLiteral("time")));
        const auto created = m_world->ops().raw(
            "POST", path,
            compact({{QStringLiteral("leg"), QStringLiteral("shop")},
                     {QStringLiteral("time"), QStringLiteral("2026-11-22T10:00:00+01:00")},
                     {QStringLiteral("place"), QStringLiteral("Berlin")},
                     {QStringLiteral("status"), QStringLiteral("in_transit")},
                     {QStringLiteral("text"), QStringLiteral("Paket im Paketzentrum")},
                     {QStringLiteral("reason"), QStringLiteral("phoned D-Post")}}),
            kJson);
        QCOMPARE(created.status, 201);
        QCOMPARE(body(created).value(QStringLiteral("source")).toString(),
                 QStringLiteral("manual"));
        QCOMPARE(body(created).value(QStringLiteral("time")).toString(),
                 QStringLiteral("2026-11-22T10:00:00+01:00"));
        const QJsonObject s = m_world->shipment(id);
        QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("in_transit"));
        const QJsonArray cps = checkpointsOf(s, QStringLiteral("shop"));
        QCOMPARE(cps.size(), 1);
        QCOMPARE(cps.at(0).toObject().value(QStringLiteral("place")).toString(),
                 QStringLiteral("Berlin"));
        const QJsonObject last = s.value(QStringLiteral("events")).toArray().last().toObject();
        QCOMPARE(last.value(QStringLiteral("actor")).toString(), QStringLiteral("ops1"));
        QCOMPARE(last.value(QStringLiteral("reason")).toString(), QStringLiteral("phoned D-Post"));
        // No tracker for a carrier without API.
        QVERIFY(
            !m_world->logistics().tracker(QStringLiteral("dpost"), QStringLiteral("DP000001DE")));
        // On a leg the shipment does not have: 422; unknown shipment: 404.
        QCOMPARE(m_world->ops()
                     .raw("POST", path,
                          compact({{QStringLiteral("leg"), QStringLiteral("domestic")},
                                   {QStringLiteral("status"), QStringLiteral("in_transit")},
                                   {QStringLiteral("reason"), QStringLiteral("x")}}),
                          kJson)
                     .status,
                 422);
        QCOMPARE(m_world->ops()
                     .raw("POST",
                          QStringLiteral("/api/v1/logistics/shipments/99999999/checkpoints"),
                          compact({{QStringLiteral("status"), QStringLiteral("in_transit")},
                                   {QStringLiteral("reason"), QStringLiteral("x")}}),
                          kJson)
                     .status,
                 404);
    }

    void trackingIdor()
    {
        const PlacedSub p = m_subs.first();
        const QString path = QStringLiteral("/api/v1/orders/%1/tracking").arg(p.orderId);
        const auto own = m_world->customer().raw("GET", path);
        QCOMPARE(own.status, 200);
        QCOMPARE(body(own).value(QStringLiteral("orderId")).toInteger(), p.orderId);
        const QJsonArray subs = body(own).value(QStringLiteral("subOrders")).toArray();
        QCOMPARE(subs.size(), 2);
        QVERIFY(subs.at(0).toObject().contains(QStringLiteral("legs")));
        m_world->orders().createCustomer(QStringLiteral("other"));
        auto other =
            m_world->orders().client(QStringLiteral("other"), OrderFixture::customerPassword());
        const auto foreign = other->raw("GET", path);
        QCOMPARE(foreign.status, 404);
        QCOMPARE(other->raw("GET", QStringLiteral("/api/v1/orders/99999999/tracking")).status, 404);
        m_world->server().createUser(QStringLiteral("tr2"), QStringLiteral("tr-pass-2"),
                                     Role::Translator);
        auto tr = m_world->orders().client(QStringLiteral("tr2"), QStringLiteral("tr-pass-2"));
        QCOMPARE(tr->raw("GET", path).status, 403);
        QCOMPARE(m_world->ops().raw("GET", path).status, 200);
        SyncClient anonymous(m_world->server().url());
        QCOMPARE(anonymous.raw("GET", path).status, 401);
    }

    // shop (tracking number from the shop's order) -> international (entered by hand) ->
    // customs -> domestic (handed over by the international carrier) -> delivered, with the
    // sim's clock moved; the customer sees it all in route order.
    void wholeJourney()
    {
        const PlacedSub p = m_subs.at(m_nextSub++);
        const qint64 id =
            m_world->waitShipment(p.subOrderId).value(QStringLiteral("id")).toInteger();
        QVERIFY(id > 0);
        // The shop ships 2..12 sim hours after confirming; the server asks every poll interval.
        m_world->advanceSim(13);
        QJsonObject s = waitFor(
            id, [](const QJsonObject &o) { return !legOf(o, QStringLiteral("shop")).isEmpty(); });
        const QJsonObject shop = legOf(s, QStringLiteral("shop"));
        QCOMPARE(shop.value(QStringLiteral("carrier")).toString(), QStringLiteral("swiftpost"));
        QVERIFY(!shop.value(QStringLiteral("trackingNumber")).toString().isEmpty());
        QVERIFY(s.value(QStringLiteral("status")).toString() != u"awaiting_shipment");
        m_world->advanceSim(45);
        s = waitFor(id, [](const QJsonObject &o) {
            return o.value(QStringLiteral("status")).toString() == u"at_warehouse";
        });
        QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("at_warehouse"));

        // The international parcel (receiving and dispatch are another test's business).
        const QString intl = simParcel(QStringLiteral("intlexpress"));
        QVERIFY(!intl.isEmpty());
        QCOMPARE(
            putLeg(id, QStringLiteral("international"), QStringLiteral("intlexpress"), intl).status,
            200);
        m_world->advanceSim(36); // ACCEPTED .. CUSTOMS_IN
        s = waitFor(id, [](const QJsonObject &o) {
            return o.value(QStringLiteral("status")).toString() == u"customs";
        });
        QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("customs"));
        m_world->advanceSim(8); // CUSTOMS_RELEASED, HANDOVER
        s = waitFor(id, [](const QJsonObject &o) {
            return !legOf(o, QStringLiteral("domestic")).isEmpty();
        });
        const QJsonObject domestic = legOf(s, QStringLiteral("domestic"));
        QCOMPARE(domestic.value(QStringLiteral("carrier")).toString(), QStringLiteral("sfsim"));
        QVERIFY(hasRaw(s, QStringLiteral("customs"), QStringLiteral("CUSTOMS_RELEASED")));
        m_world->advanceSim(30);
        s = waitFor(id, [](const QJsonObject &o) {
            return o.value(QStringLiteral("status")).toString() == u"delivered";
        });
        QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("delivered"));
        QCOMPARE(s.value(QStringLiteral("currentLeg")).toString(), QStringLiteral("domestic"));

        const auto tracking = m_world->customer().raw(
            "GET", QStringLiteral("/api/v1/orders/%1/tracking").arg(p.orderId));
        QCOMPARE(tracking.status, 200);
        QJsonObject sub;
        for (const QJsonValue &v : body(tracking).value(QStringLiteral("subOrders")).toArray())
            if (v.toObject().value(QStringLiteral("id")).toInteger() == p.subOrderId)
                sub = v.toObject();
        QCOMPARE(sub.value(QStringLiteral("status")).toString(), QStringLiteral("delivered"));
        const QJsonArray legs = sub.value(QStringLiteral("legs")).toArray();
        QCOMPARE(field(legs, "kind"),
                 QStringList({QStringLiteral("shop"), QStringLiteral("international"),
                              QStringLiteral("customs"), QStringLiteral("domestic")}));
        for (const QJsonValue &leg : legs) {
            const QJsonArray cps = leg.toObject().value(QStringLiteral("checkpoints")).toArray();
            QVERIFY(!cps.isEmpty());
            for (qsizetype i = 1; i < cps.size(); ++i)
                QVERIFY(QDateTime::fromString(
                            cps.at(i - 1).toObject().value(QStringLiteral("time")).toString(),
                            Qt::ISODate) <=
                        QDateTime::fromString(
                            cps.at(i).toObject().value(QStringLiteral("time")).toString(),
                            Qt::ISODate));
        }
        // The customs events came by webhook or poll, each once.
        const QStringList customs = field(
            legs.at(2).toObject().value(QStringLiteral("checkpoints")).toArray(), "rawStatus");
        QCOMPARE(customs.count(QStringLiteral("CUSTOMS_IN")), 1);
        // Shipments list: filter by status and carrier, search by order id.
        const QJsonObject list = body(m_world->ops().raw(
            "GET", QStringLiteral("/api/v1/logistics/shipments?status=delivered&carrier=sfsim&q=%1")
                       .arg(p.orderId)));
        bool listed = false;
        for (const QJsonValue &v : list.value(QStringLiteral("items")).toArray())
            listed = listed || v.toObject().value(QStringLiteral("id")).toInteger() == id;
        QVERIFY(listed);
    }
};

QTEST_MAIN(TstTracking)
#include "tst_tracking.moc"
