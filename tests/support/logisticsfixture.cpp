#include "tests/support/logisticsfixture.h"

#include "backend/logistics/logisticsservice.h"
#include "tests/support/rawjson.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

namespace haitao::testing {

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;
const Headers kJson{{"Content-Type", "application/json"}};

const QStringList kSites{QStringLiteral("amazon.com"), QStringLiteral("amazon.co.jp"),
                         QStringLiteral("asos.com")};

} // namespace

server::Config LogisticsFixture::defaultConfig()
{
    server::Config c;
    c.placementWorkers = 2;
    c.placementBackoffMs = 50;
    c.placementPollMs = 20;
    c.placementRps = 1000;
    c.placementHttpTimeoutMs = 2000;
    c.placementAttempts = 3;
    c.logisticsTickMs = 50;
    c.trackingPollMs = 60 * 1000;
    c.trackingPollMaxMs = 3600 * 1000;
    // Tests move the server clock by hours: sign-ins must outlast that.
    c.tokenTtlSeconds = 7LL * 24 * 3600;
    return c;
}

LogisticsFixture::LogisticsFixture(server::Config config)
    : m_offset(std::make_shared<std::atomic<qint64>>(0))
{
    auto offset = m_offset;
    config.clock = [offset] { return QDateTime::currentMSecsSinceEpoch() + offset->load(); };
    m_orders = std::make_unique<OrderFixture>(std::move(config));
}

LogisticsFixture::~LogisticsFixture() = default;

server::logistics::LogisticsService &LogisticsFixture::logistics()
{
    return server().server().logistics();
}

bool LogisticsFixture::start()
{
    if (!m_orders->start())
        return false;
    m_orders->addShopAccounts();
    server().createUser(QStringLiteral("ops1"), opsPassword(), Role::Ops);
    m_orders->createCustomer(QStringLiteral("buyer"));
    m_admin = m_orders->admin();
    m_ops = m_orders->client(QStringLiteral("ops1"), opsPassword());
    m_customer = m_orders->client(QStringLiteral("buyer"), OrderFixture::customerPassword());
    for (const QString &site : kSites)
        m_skus.insert(site, m_orders->publishedSkuIds(site));
    configureCarriers();
    return !QTest::currentTestFailed();
}

QJsonObject LogisticsFixture::putCarrier(const QString &code, const QJsonObject &fields)
{
    const auto r = m_admin->raw("PUT", QStringLiteral("/api/v1/logistics/carriers/") + code,
                                compact(fields), kJson);
    if (r.status != 200) {
        QTest::qFail(qPrintable(QStringLiteral("PUT carrier %1: %2").arg(code, describe(r))),
                     __FILE__, __LINE__);
        return {};
    }
    return body(r);
}

void LogisticsFixture::configureCarriers(int rps, int batchSize)
{
    struct C
    {
        const char *code, *name, *protocol;
        int tz;
        bool batch;
    };
    const C carriers[] = {{"swiftpost", "SwiftPost", "batch_json", 0, true},
                          {"kuroneko", "Kuroneko Yamato", "jp_single", 540, false},
                          {"intlexpress", "Intl Express", "intl_webhook", 0, false},
                          {"sfsim", "SF Express", "batch_json", 480, true},
                          {"dpost", "D-Post", "none", 60, false}};
    for (const C &c : carriers) {
        const QString code = QString::fromLatin1(c.code);
        const bool api = QLatin1String(c.protocol) != QLatin1String("none");
        putCarrier(code,
                   {{QStringLiteral("name"), QString::fromLatin1(c.name)},
                    {QStringLiteral("protocol"), QString::fromLatin1(c.protocol)},
                    {QStringLiteral("baseUrl"),
                     api ? simUrl().toString() + QStringLiteral("/carrier/") + code : QString()},
                    {QStringLiteral("rps"), rps},
                    {QStringLiteral("batchSize"), c.batch ? batchSize : 1},
                    {QStringLiteral("tzOffsetMinutes"), c.tz},
                    {QStringLiteral("enabled"), true}});
    }
}

qint64 LogisticsFixture::serverNow() const
{
    return QDateTime::currentMSecsSinceEpoch() + m_offset->load();
}

void LogisticsFixture::advanceServer(qint64 ms)
{
    m_offset->fetch_add(ms);
    logistics().wake();
}

void LogisticsFixture::advanceSim(double hours)
{
    SyncClient s(simUrl());
    const auto r = s.raw("POST", QStringLiteral("/__sim/advance"),
                         compact({{QStringLiteral("hours"), hours}}), kJson);
    QVERIFY2(r.status == 200 || r.status == 204, qPrintable(describe(r)));
}

void LogisticsFixture::simLogistics(const QJsonObject &settings)
{
    SyncClient s(simUrl());
    const auto r = s.raw("PUT", QStringLiteral("/__sim/logistics"), compact(settings), kJson);
    QVERIFY2(r.status == 200 || r.status == 204, qPrintable(describe(r)));
}

QList<PlacedSub> LogisticsFixture::placeSubOrders(const QStringList &sites, int orders)
{
    QList<PlacedSub> out;
    for (int n = 0; n < orders; ++n) {
        QJsonObject order;
        // An out-of-stock SKU answers 422: the next ones in turn are tried.
        for (int attempt = 0; attempt < 20 && order.isEmpty(); ++attempt) {
            QJsonArray lines;
            for (const QString &site : sites) {
                const QList<qint64> &skus = m_skus[site];
                if (skus.isEmpty()) {
                    QTest::qFail("no published SKUs", __FILE__, __LINE__);
                    return out;
                }
                lines.append(
                    QJsonObject{{QStringLiteral("skuId"), skus.at(m_skuTurn++ % skus.size())},
                                {QStringLiteral("quantity"), 1}});
            }
            const QJsonObject request{{QStringLiteral("lines"), lines},
                                      {QStringLiteral("address"), OrderFixture::testAddress()},
                                      {QStringLiteral("coupons"), QJsonArray()}};
            const auto r = m_customer->raw(
                "POST", QStringLiteral("/api/v1/orders"), compact(request),
                {{"Content-Type", "application/json"},
                 {"Idempotency-Key", QStringLiteral("logistics-%1").arg(++m_orderCount).toUtf8()}});
            if (r.status == 201)
                order = body(r);
            else if (r.status != 422) {
                QTest::qFail(qPrintable(QStringLiteral("POST /orders: ") + describe(r)), __FILE__,
                             __LINE__);
                return out;
            }
        }
        if (order.isEmpty()) {
            QTest::qFail("no order could be placed (stock)", __FILE__, __LINE__);
            return out;
        }
        const qint64 orderId = order.value(QStringLiteral("id")).toInteger();
        m_orders->pay(*m_customer, orderId);
        for (const QString &site : sites)
            for (const QJsonValue &v : order.value(QStringLiteral("subOrders")).toArray())
                if (v.toObject().value(QStringLiteral("site")).toString() == site)
                    out.append(
                        {orderId, v.toObject().value(QStringLiteral("id")).toInteger(), site});
    }
    for (const PlacedSub &p : out) {
        QString status;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 20000) {
            status =
                body(m_ops->raw("GET",
                                QStringLiteral("/api/v1/admin/sub-orders/%1").arg(p.subOrderId)))
                    .value(QStringLiteral("status"))
                    .toString();
            if (status == u"placed" || status == u"placed_manually" || status == u"needs_manual")
                break;
            QTest::qWait(25);
        }
        if (status != u"placed" && status != u"placed_manually") {
            QTest::qFail(
                qPrintable(
                    QStringLiteral("sub-order %1 is %2, not placed").arg(p.subOrderId).arg(status)),
                __FILE__, __LINE__);
            return out;
        }
    }
    return out;
}

qint64 LogisticsFixture::shipmentIdOf(qint64 subOrderId)
{
    // q matches order ids, not sub-order ids: walk the newest shipments.
    QString cursor;
    for (int page = 0; page < 20; ++page) {
        QString url = QStringLiteral("/api/v1/logistics/shipments?limit=200");
        if (!cursor.isEmpty())
            url += QStringLiteral("&cursor=") + cursor;
        const QJsonObject o = body(m_ops->raw("GET", url));
        for (const QJsonValue &v : o.value(QStringLiteral("items")).toArray())
            if (v.toObject().value(QStringLiteral("subOrderId")).toInteger() == subOrderId)
                return v.toObject().value(QStringLiteral("id")).toInteger();
        cursor = o.value(QStringLiteral("nextCursor")).toString();
        if (cursor.isEmpty())
            break;
    }
    return 0;
}

QJsonObject LogisticsFixture::shipment(qint64 shipmentId)
{
    return body(
        m_ops->raw("GET", QStringLiteral("/api/v1/logistics/shipments/%1").arg(shipmentId)));
}

QJsonObject LogisticsFixture::waitShipment(qint64 subOrderId, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        if (const qint64 id = shipmentIdOf(subOrderId))
            return shipment(id);
        QTest::qWait(25);
    }
    return {};
}

QJsonObject LogisticsFixture::waitUntilImpl(qint64 shipmentId,
                                            const std::function<bool(const QJsonObject &)> &done,
                                            int timeoutMs, qint64 stepMs)
{
    QElapsedTimer t;
    t.start();
    QJsonObject s = shipment(shipmentId);
    while (!done(s) && t.elapsed() < timeoutMs) {
        if (stepMs > 0)
            advanceServer(stepMs);
        QTest::qWait(25);
        s = shipment(shipmentId);
    }
    return s;
}

} // namespace haitao::testing
