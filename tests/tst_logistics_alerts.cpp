// Alerts, customer notifications and statistics of the logistics component, end to end: a
// real server and haitao-sim (shops that ship, carriers with scenarios, SMS sink), the
// server's clock and the sim's moved instead of waiting.
#include "backend/logistics/logisticsstats.h"
#include "backend/logistics/notifyservice.h"
#include "core/wiretime.h"
#include "tests/support/logisticsfixture.h"
#include "tests/support/rawjson.h"
#include "tests/support/testdb.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace haitao;
using testing::body;
using testing::compact;
using testing::describe;
using testing::errorFields;
using testing::LogisticsFixture;
using testing::SyncClient;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;
const Headers kJson{{"Content-Type", "application/json"}};
constexpr qint64 kHour = 3600 * 1000;

server::Config alertsConfig()
{
    server::Config c = LogisticsFixture::defaultConfig();
    c.smsUrl = QStringLiteral("{sim}/sms/messages");
    c.outboxRetryMs = 1000;
    c.outboxAttempts = 3;
    return c;
}

QJsonArray items(const client::RawResponse &r)
{
    return body(r).value(QStringLiteral("items")).toArray();
}

} // namespace

class TestLogisticsAlerts : public QObject
{
    Q_OBJECT

    std::unique_ptr<LogisticsFixture> m_f;
    std::unique_ptr<SyncClient> m_translator;
    std::unique_ptr<SyncClient> m_sim;

    // Alerts of one shipment (any state), as ops sees them.
    QJsonArray alertsOf(qint64 shipmentId, const QString &query = {})
    {
        const auto r = m_f->ops().raw(
            "GET",
            QStringLiteral("/api/v1/logistics/alerts?shipmentId=%1%2").arg(shipmentId).arg(query));
        if (r.status != 200)
            qWarning("alerts: %s", qPrintable(describe(r)));
        return items(r);
    }

    QJsonObject simJson(const QByteArray &method, const QString &path, const QJsonObject &b = {})
    {
        const auto r = m_sim->raw(method, path, b.isEmpty() ? QByteArray() : compact(b), kJson);
        if (r.status >= 300)
            qWarning("sim %s %s: %s", method.constData(), qPrintable(path),
                     qPrintable(describe(r)));
        return body(r);
    }

    void setSinks(const char *smtp, const char *sms)
    {
        simJson("PUT", QStringLiteral("/__sim/sinks"),
                {{QStringLiteral("smtp"), QLatin1String(smtp)},
                 {QStringLiteral("sms"), QLatin1String(sms)}});
    }

    // A shipment of a new amazon.com sub-order whose shop has shipped it, with the parcel's
    // scenario forced; returns {shipmentId, trackingNumber}.
    QPair<qint64, QString> shippedParcel(const QString &scenario)
    {
        const auto placed = m_f->placeSubOrders({QStringLiteral("amazon.com")});
        if (placed.isEmpty())
            return {};
        const QJsonObject s = m_f->waitShipment(placed.first().subOrderId);
        const qint64 id = qint64(s.value(QStringLiteral("id")).toDouble());
        m_f->advanceSim(13); // the shop ships 2..12 simulated hours after confirming
        const QJsonObject shipped = m_f->waitUntil(
            id,
            [](const QJsonObject &x) {
                return !x.value(QStringLiteral("trackingNumber")).toString().isEmpty();
            },
            20000, 60 * 1000);
        const QString number = shipped.value(QStringLiteral("trackingNumber")).toString();
        if (number.isEmpty())
            return {id, {}};
        simJson("POST", QStringLiteral("/__sim/parcels/%1/scenario").arg(number),
                {{QStringLiteral("scenario"), scenario}});
        return {id, number};
    }

private slots:
    void initTestCase()
    {
        if (testing::postgresRequiredButMissing())
            QSKIP("no PostgreSQL configured: scripts/test starts one and sets HAITAO_TEST_PG_URL");
        m_f = std::make_unique<LogisticsFixture>(alertsConfig());
        QVERIFY(m_f->start());
        m_f->server().createUser(QStringLiteral("trans1"), QStringLiteral("trans-pass-1"),
                                 Role::Translator);
        m_translator =
            m_f->orders().client(QStringLiteral("trans1"), QStringLiteral("trans-pass-1"));
        m_sim = std::make_unique<SyncClient>(m_f->simUrl());
    }

    void cleanupTestCase() { m_f.reset(); }

    void checkoutTakesAnOptionalEmail()
    {
        const QList<qint64> skus = m_f->orders().publishedSkuIds(QStringLiteral("amazon.com"));
        QVERIFY(!skus.isEmpty());
        QJsonObject address = testing::OrderFixture::testAddress();
        address.insert(QStringLiteral("email"), QStringLiteral("not an address"));
        QJsonObject request{{QStringLiteral("lines"),
                             QJsonArray{QJsonObject{{QStringLiteral("skuId"), skus.first()},
                                                    {QStringLiteral("quantity"), 1}}}},
                            {QStringLiteral("address"), address},
                            {QStringLiteral("coupons"), QJsonArray()}};
        auto r = m_f->customer().raw(
            "POST", QStringLiteral("/api/v1/orders"), compact(request),
            {{"Content-Type", "application/json"}, {"Idempotency-Key", "notify-email-1"}});
        QCOMPARE(r.status, 422);
        QCOMPARE(errorFields(r), QStringList{QStringLiteral("address.email")});
        address.insert(QStringLiteral("email"), QStringLiteral(" li.si@example.cn "));
        request.insert(QStringLiteral("address"), address);
        r = m_f->customer().raw(
            "POST", QStringLiteral("/api/v1/orders"), compact(request),
            {{"Content-Type", "application/json"}, {"Idempotency-Key", "notify-email-2"}});
        QVERIFY2(r.status == 201, qPrintable(describe(r)));
        QCOMPARE(body(r)
                     .value(QStringLiteral("address"))
                     .toObject()
                     .value(QStringLiteral("email"))
                     .toString(),
                 QStringLiteral("li.si@example.cn"));
    }

    void statsOfPureParts()
    {
        QCOMPARE(server::logistics::percentile({}, 50), 0);
        const QList<qint64> v{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        QCOMPARE(server::logistics::percentile(v, 50), 5);
        QCOMPARE(server::logistics::percentile(v, 90), 9);
        QCOMPARE(server::logistics::percentile({7}, 90), 7);
        const qint64 day = 24 * kHour;
        QCOMPARE(server::logistics::leadTimeBucket(0), 0);
        QCOMPARE(server::logistics::leadTimeBucket(3 * day - 1), 0);
        QCOMPARE(server::logistics::leadTimeBucket(3 * day), 1);
        QCOMPARE(server::logistics::leadTimeBucket(9 * day), 3);
        QCOMPARE(server::logistics::leadTimeBucket(21 * day), 6);
        QCOMPARE(server::logistics::leadTimeBucket(400 * day), 6);
    }

    void quietParcelRaisesAnAlertStaffAcknowledgeAndResolve()
    {
        setSinks("ok", "ok");
        const auto [id, number] = shippedParcel(QStringLiteral("lost"));
        QVERIFY(id > 0);
        QVERIFY(!number.isEmpty());
        // The lost parcel's first events arrive, then nothing.
        m_f->advanceSim(25);
        const QJsonObject moving = m_f->waitUntil(
            id,
            [](const QJsonObject &x) {
                return x.value(QStringLiteral("status")).toString() == u"in_transit";
            },
            20000, 60 * 1000);
        QCOMPARE(moving.value(QStringLiteral("status")).toString(), QStringLiteral("in_transit"));
        QVERIFY(alertsOf(id, QStringLiteral("&kind=quiet")).isEmpty());

        // 72 hours on the shop leg without a new checkpoint: quiet.
        m_f->advanceServer(73 * kHour);
        QTRY_COMPARE_WITH_TIMEOUT(alertsOf(id, QStringLiteral("&kind=quiet")).size(), 1, 10000);
        const QJsonObject alert = alertsOf(id, QStringLiteral("&kind=quiet")).first().toObject();
        QCOMPARE(alert.value(QStringLiteral("state")).toString(), QStringLiteral("open"));
        QCOMPARE(alert.value(QStringLiteral("site")).toString(), QStringLiteral("amazon.com"));
        QVERIFY(alert.value(QStringLiteral("acknowledgedBy")).isNull());
        const qint64 alertId = qint64(alert.value(QStringLiteral("id")).toDouble());
        // The shipment's detail and the counts show it.
        const QJsonArray detailAlerts = m_f->shipment(id).value(QStringLiteral("alerts")).toArray();
        QCOMPARE(detailAlerts.size(), 1);
        const auto counts =
            m_f->ops().raw("GET", QStringLiteral("/api/v1/logistics/alerts/counts"));
        QCOMPARE(counts.status, 200);
        QVERIFY(body(counts).value(QStringLiteral("open")).toInt() >= 1);
        QVERIFY(body(counts)
                    .value(QStringLiteral("unresolvedByKind"))
                    .toObject()
                    .value(QStringLiteral("quiet"))
                    .toInt() >= 1);

        // Translators and customers may not see or touch alerts.
        QCOMPARE(m_translator->raw("GET", QStringLiteral("/api/v1/logistics/alerts")).status, 403);
        QCOMPARE(m_f->customer().raw("GET", QStringLiteral("/api/v1/logistics/alerts")).status,
                 403);
        QCOMPARE(m_translator
                     ->raw("POST",
                           QStringLiteral("/api/v1/logistics/alerts/%1/acknowledge").arg(alertId))
                     .status,
                 403);
        QCOMPARE(
            m_f->ops().raw("GET", QStringLiteral("/api/v1/logistics/alerts?state=nope")).status,
            400);

        const QString ack = QStringLiteral("/api/v1/logistics/alerts/%1/acknowledge").arg(alertId);
        const QString resolve = QStringLiteral("/api/v1/logistics/alerts/%1/resolve").arg(alertId);
        auto r = m_f->ops().raw("POST", ack);
        QCOMPARE(r.status, 200);
        QCOMPARE(body(r).value(QStringLiteral("state")).toString(), QStringLiteral("acknowledged"));
        QCOMPARE(body(r).value(QStringLiteral("acknowledgedBy")).toString(),
                 QStringLiteral("ops1"));
        QVERIFY(!body(r).value(QStringLiteral("acknowledgedAt")).toString().isEmpty());
        QCOMPARE(m_f->ops().raw("POST", ack).status, 409);
        QCOMPARE(m_f->ops()
                     .raw("POST", QStringLiteral("/api/v1/logistics/alerts/999999/acknowledge"))
                     .status,
                 404);

        r = m_f->ops().raw("POST", resolve, "{}", kJson);
        QCOMPARE(r.status, 422);
        QCOMPARE(errorFields(r), QStringList{QStringLiteral("note")});
        QCOMPARE(m_f->ops().raw("POST", resolve, QByteArray("{\"note\": \"   \"}"), kJson).status,
                 422);
        r = m_f->admin().raw(
            "POST", resolve,
            compact({{QStringLiteral("note"), QStringLiteral("Carrier claim filed")}}), kJson);
        QCOMPARE(r.status, 200);
        QCOMPARE(body(r).value(QStringLiteral("state")).toString(), QStringLiteral("resolved"));
        QCOMPARE(body(r).value(QStringLiteral("resolvedBy")).toString(), QStringLiteral("admin"));
        QCOMPARE(body(r).value(QStringLiteral("note")).toString(),
                 QStringLiteral("Carrier claim filed"));
        QCOMPARE(m_f->ops().raw("POST", resolve, QByteArray("{\"note\": \"again\"}"), kJson).status,
                 409);
        QCOMPARE(m_f->ops().raw("POST", ack).status, 409);

        // Still quiet, but resolved since its last activity: not raised again.
        m_f->advanceServer(kHour);
        QCOMPARE(m_f->server().server().notify().checkQuiet() >= 0, true);
        QCOMPARE(alertsOf(id, QStringLiteral("&kind=quiet")).size(), 1);
        QCOMPARE(alertsOf(id, QStringLiteral("&state=resolved")).size(), 1);
    }

    void exceptionAndCustomsHoldFromTheCarriers()
    {
        const auto [id, number] = shippedParcel(QStringLiteral("exception"));
        QVERIFY(id > 0);
        QVERIFY(!number.isEmpty());
        m_f->advanceSim(41); // EXC at 40 hours
        const QJsonObject s = m_f->waitUntil(
            id,
            [](const QJsonObject &x) {
                return x.value(QStringLiteral("status")).toString() == u"exception";
            },
            20000, 60 * 1000);
        QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("exception"));
        QTRY_COMPARE(alertsOf(id, QStringLiteral("&kind=exception&state=open")).size(), 1);
        QVERIFY(alertsOf(id, QStringLiteral("&kind=exception"))
                    .first()
                    .toObject()
                    .value(QStringLiteral("detail"))
                    .toString()
                    .contains(number));

        // The international parcel of the same shipment is held by customs.
        const QJsonObject created =
            simJson("POST", QStringLiteral("/carrier/intlexpress/shipments"),
                    {{QStringLiteral("reference"), QStringLiteral("T-alerts-%1").arg(id)},
                     {QStringLiteral("pieces"),
                      QJsonArray{QJsonObject{{QStringLiteral("reference"), QString::number(id)},
                                             {QStringLiteral("weightG"), 800}}}},
                     {QStringLiteral("to"),
                      QJsonObject{{QStringLiteral("city"), QStringLiteral("上海市")}}}});
        const QString ie = created.value(QStringLiteral("trackingNumber")).toString();
        QVERIFY(!ie.isEmpty());
        simJson("POST", QStringLiteral("/__sim/parcels/%1/scenario").arg(ie),
                {{QStringLiteral("scenario"), QStringLiteral("customs_hold")}});
        const auto put = m_f->ops().raw(
            "PUT", QStringLiteral("/api/v1/logistics/shipments/%1/legs/international").arg(id),
            compact({{QStringLiteral("carrier"), QStringLiteral("intlexpress")},
                     {QStringLiteral("trackingNumber"), ie},
                     {QStringLiteral("reason"), QStringLiteral("dispatched by hand")}}),
            kJson);
        QVERIFY2(put.status == 200, qPrintable(describe(put)));
        m_f->advanceSim(35); // CUSTOMS_HOLD at 34 hours
        const QJsonObject held = m_f->waitUntil(
            id,
            [](const QJsonObject &x) {
                return x.value(QStringLiteral("status")).toString() == u"customs_hold";
            },
            20000, 60 * 1000);
        QCOMPARE(held.value(QStringLiteral("status")).toString(), QStringLiteral("customs_hold"));
        QTRY_COMPARE(alertsOf(id, QStringLiteral("&kind=customs_hold&state=open")).size(), 1);
        // Polled again and again: still one unresolved alert per kind.
        m_f->advanceServer(2 * kHour);
        QTest::qWait(200);
        QCOMPARE(alertsOf(id, QStringLiteral("&kind=customs_hold")).size(), 1);
        QCOMPARE(alertsOf(id, QStringLiteral("&kind=exception")).size(), 1);
    }

    void customersAreToldOnceWhileTheSmsGatewayFailsAndRecovers()
    {
        simJson("DELETE", QStringLiteral("/__sim/messages"));
        setSinks("ok", "fail");
        const auto [id, number] = shippedParcel(QStringLiteral("normal"));
        QVERIFY(id > 0);
        const QString list =
            QStringLiteral("/api/v1/logistics/notifications?shipmentId=%1").arg(id);
        // shipped: one SMS (the test address has a phone, no e-mail; SMTP is not configured).
        QTRY_VERIFY_WITH_TIMEOUT(!items(m_f->ops().raw("GET", list)).isEmpty(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(items(m_f->ops().raw("GET", list))
                                         .first()
                                         .toObject()
                                         .value(QStringLiteral("attempts"))
                                         .toInt() >= 1,
                                 10000);
        QJsonObject n = items(m_f->ops().raw("GET", list)).first().toObject();
        QCOMPARE(items(m_f->ops().raw("GET", list)).size(), 1);
        QCOMPARE(n.value(QStringLiteral("kind")).toString(), QStringLiteral("shipped"));
        QCOMPARE(n.value(QStringLiteral("channel")).toString(), QStringLiteral("sms"));
        QCOMPARE(n.value(QStringLiteral("recipient")).toString(), QStringLiteral("13800138000"));
        QCOMPARE(n.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QVERIFY(n.value(QStringLiteral("lastError")).toString().contains(QStringLiteral("503")));
        QCOMPARE(m_translator->raw("GET", list).status, 403);

        // Three failed attempts: failed. Retrying a message that is not failed: 409.
        const qint64 nid = qint64(n.value(QStringLiteral("id")).toDouble());
        const QString retry = QStringLiteral("/api/v1/logistics/notifications/%1/retry").arg(nid);
        QCOMPARE(m_f->ops().raw("POST", retry).status, 409);
        for (int i = 0; i < 20; ++i) {
            m_f->advanceServer(5000);
            QTest::qWait(100);
            if (items(m_f->ops().raw("GET", list))
                    .first()
                    .toObject()
                    .value(QStringLiteral("status")) == QStringLiteral("failed"))
                break;
        }
        n = items(m_f->ops().raw("GET", list)).first().toObject();
        QCOMPARE(n.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(n.value(QStringLiteral("attempts")).toInt(), 3);
        QCOMPARE(items(m_f->ops().raw(
                           "GET", QStringLiteral("/api/v1/logistics/notifications?status=failed")))
                     .first()
                     .toObject()
                     .value(QStringLiteral("id")),
                 n.value(QStringLiteral("id")));

        setSinks("ok", "ok");
        auto r = m_f->ops().raw("POST", retry);
        QCOMPARE(r.status, 200);
        QCOMPARE(body(r).value(QStringLiteral("attempts")).toInt(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(items(m_f->ops().raw("GET", list))
                                      .first()
                                      .toObject()
                                      .value(QStringLiteral("status"))
                                      .toString(),
                                  QStringLiteral("sent"), 10000);
        QCOMPARE(m_f->ops().raw("POST", retry).status, 409);
        m_f->advanceServer(kHour);
        QTest::qWait(200);
        const QJsonObject got = simJson("GET", QStringLiteral("/__sim/messages"));
        int mine = 0;
        for (const QJsonValue &v : got.value(QStringLiteral("sms")).toArray()) {
            const QString text = v.toObject().value(QStringLiteral("text")).toString();
            if (text.contains(number)) {
                ++mine;
                QVERIFY(text.contains(QStringLiteral("已发货")));
            }
        }
        QCOMPARE(mine, 1);
        QCOMPARE(
            got.value(QStringLiteral("duplicates")).toObject().value(QStringLiteral("sms")).toInt(),
            0);
    }

    void statsOfAKnownSet()
    {
        // Two parcels delivered by hand on a domestic leg, 4 and 12 days after they were placed
        // (checkpoint times must not lie in the future of the server's clock).
        QList<qint64> ids;
        for (int i = 0; i < 2; ++i) {
            const auto [id, number] = shippedParcel(QStringLiteral("normal"));
            QVERIFY(id > 0);
            ids << id;
        }
        m_f->advanceServer(13 * 24 * kHour);
        // Sessions last 7 days: sign in again.
        const auto ops =
            m_f->orders().client(QStringLiteral("ops1"), LogisticsFixture::opsPassword());
        const auto translator =
            m_f->orders().client(QStringLiteral("trans1"), QStringLiteral("trans-pass-1"));
        const QList<int> leadDays{4, 12};
        for (int i = 0; i < 2; ++i) {
            const qint64 id = ids.at(i);
            const auto detail =
                ops->raw("GET", QStringLiteral("/api/v1/logistics/shipments/%1").arg(id));
            const QJsonObject s = body(detail);
            const QDateTime created = fromWireTime(s.value(QStringLiteral("createdAt")).toString());
            QVERIFY2(created.isValid(), QJsonDocument(s).toJson().constData());
            auto r = ops->raw(
                "PUT", QStringLiteral("/api/v1/logistics/shipments/%1/legs/domestic").arg(id),
                compact({{QStringLiteral("carrier"), QStringLiteral("sfsim")},
                         {QStringLiteral("trackingNumber"), QStringLiteral("SFSTATS%1").arg(id)},
                         {QStringLiteral("reason"), QStringLiteral("stats test")}}),
                kJson);
            QVERIFY2(r.status == 200, qPrintable(describe(r)));
            const QDateTime at = created.addDays(leadDays.at(i)).toOffsetFromUtc(8 * 3600);
            r = ops->raw("POST",
                         QStringLiteral("/api/v1/logistics/shipments/%1/checkpoints").arg(id),
                         compact({{QStringLiteral("leg"), QStringLiteral("domestic")},
                                  {QStringLiteral("time"), at.toString(Qt::ISODate)},
                                  {QStringLiteral("place"), QStringLiteral("上海市")},
                                  {QStringLiteral("status"), QStringLiteral("delivered")},
                                  {QStringLiteral("text"), QStringLiteral("已签收")},
                                  {QStringLiteral("reason"), QStringLiteral("stats test")}}),
                         kJson);
            QVERIFY2(r.status == 201, qPrintable(describe(r)));
            QCOMPARE(body(ops->raw("GET", QStringLiteral("/api/v1/logistics/shipments/%1").arg(id)))
                         .value(QStringLiteral("status"))
                         .toString(),
                     QStringLiteral("delivered"));
        }
        auto r = ops->raw("GET", QStringLiteral("/api/v1/logistics/stats?days=30"));
        QCOMPARE(r.status, 200);
        const QJsonObject stats = body(r);
        QJsonObject lead;
        for (const QJsonValue &v : stats.value(QStringLiteral("leadTimes")).toArray()) {
            if (v.toObject().value(QStringLiteral("site")) == QStringLiteral("amazon.com"))
                lead = v.toObject();
        }
        QCOMPARE(lead.value(QStringLiteral("carrier")).toString(), QStringLiteral("swiftpost"));
        QCOMPARE(lead.value(QStringLiteral("count")).toInt(), 2);
        QCOMPARE(lead.value(QStringLiteral("p50Hours")).toDouble(), 96.0);
        QCOMPARE(lead.value(QStringLiteral("p90Hours")).toDouble(), 288.0);
        const QJsonArray buckets = lead.value(QStringLiteral("buckets")).toArray();
        QCOMPARE(buckets.size(), 7);
        QCOMPARE(buckets.at(1).toObject().value(QStringLiteral("count")).toInt(), 1); // 3-5 days
        QCOMPARE(buckets.at(4).toObject().value(QStringLiteral("count")).toInt(), 1); // 10-14 days
        QVERIFY(buckets.at(6).toObject().value(QStringLiteral("toDays")).isNull());
        int delivered = -1;
        for (const QJsonValue &v : stats.value(QStringLiteral("byStatus")).toArray()) {
            if (v.toObject().value(QStringLiteral("status")) == QStringLiteral("delivered"))
                delivered = v.toObject().value(QStringLiteral("count")).toInt();
        }
        QCOMPARE(delivered, 2);
        const QJsonArray open = stats.value(QStringLiteral("alertsOpen")).toArray();
        QCOMPARE(open.size(), 30);
        QCOMPARE(
            open.last().toObject().value(QStringLiteral("day")).toString(),
            QDateTime::fromMSecsSinceEpoch(m_f->serverNow(), Qt::UTC).date().toString(Qt::ISODate));
        QVERIFY(open.last().toObject().value(QStringLiteral("open")).toInt() >=
                2); // exception, hold
        QCOMPARE(translator->raw("GET", QStringLiteral("/api/v1/logistics/stats")).status, 403);
        QCOMPARE(ops->raw("GET", QStringLiteral("/api/v1/logistics/stats?days=0")).status, 400);
    }
};

QTEST_MAIN(TestLogisticsAlerts)
#include "tst_logistics_alerts.moc"
