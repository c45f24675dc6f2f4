#pragma once

#include "tests/support/orderfixture.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <atomic>
#include <memory>

namespace haitao::server::logistics {
class LogisticsService;
}

namespace haitao::testing {

// A sub-order placed at the sim's shop, as placeSubOrders() returns it.
struct PlacedSub
{
    qint64 orderId = 0;
    qint64 subOrderId = 0;
    QString site;
};

// The world the logistics tests run in: OrderFixture (sim + server with catalog, shop
// accounts, fast placement) plus the sim's carriers configured through PUT
// /logistics/carriers/{code}, an ops user, a customer, and a server clock the test can move.
// Logistics' jobs tick every 50 ms; the first poll interval is pollMs (60 s server time by
// default: tests move the server clock to make polls due).
class LogisticsFixture
{
public:
    explicit LogisticsFixture(server::Config config = defaultConfig());
    ~LogisticsFixture();

    // Fast placement, logistics ticks of 50 ms, polls every 60 s doubling to 1 h.
    static server::Config defaultConfig();

    // Starts sim and server, fills the catalog, adds shop accounts and users, configures the
    // carriers. Fails the calling test (with a warning) if not.
    bool start();

    OrderFixture &orders() { return *m_orders; }
    TestServer &server() { return m_orders->server(); }
    sim::SimServer &sim() { return m_orders->sim(); }
    QUrl simUrl() const { return m_orders->simUrl(); }
    server::logistics::LogisticsService &logistics();

    SyncClient &admin() { return *m_admin; }
    SyncClient &ops() { return *m_ops; }           // user "ops1", role ops
    SyncClient &customer() { return *m_customer; } // user "buyer", role customer
    static QString opsPassword() { return QStringLiteral("ops-pass-1"); }

    // PUT /logistics/carriers/{code} for the sim's carriers (swiftpost, kuroneko, intlexpress,
    // sfsim at {sim}/carrier/{code}; dpost without API) with this rate and batch size.
    void configureCarriers(int rps = 10, int batchSize = 40);
    // One carrier with any fields (fails the test on a non-200).
    QJsonObject putCarrier(const QString &code, const QJsonObject &fields);

    // The server's clock: now, and moving it forward (it never goes back).
    qint64 serverNow() const;
    void advanceServer(qint64 ms);
    // The sim's clock: POST /__sim/advance {"hours"}.
    void advanceSim(double hours);
    // PUT /__sim/logistics (fault modes, rps).
    void simLogistics(const QJsonObject &settings);

    // Orders with one line per named site (quantity 1, SKUs in stock in turn), paid, and
    // waits (up to 20 s) until every sub-order is placed at the sim. One PlacedSub per site
    // per order, in order. Fails the test otherwise.
    QList<PlacedSub> placeSubOrders(const QStringList &sites, int orders = 1);
    // Waits (up to timeoutMs) until the shipment of the sub-order exists (discovery) and
    // returns GET /logistics/shipments/{id}; {} on timeout.
    QJsonObject waitShipment(qint64 subOrderId, int timeoutMs = 10000);
    // The shipment id of a sub-order (0 when there is none yet).
    qint64 shipmentIdOf(qint64 subOrderId);
    // GET /logistics/shipments/{id} as ops.
    QJsonObject shipment(qint64 shipmentId);
    // Moves the server clock by stepMs until `done(shipment)` holds or timeoutMs (wall)
    // passes; returns the last shipment seen.
    template <typename Done>
    QJsonObject waitUntil(qint64 shipmentId, Done done, int timeoutMs = 15000, qint64 stepMs = 0);

private:
    QJsonObject waitUntilImpl(qint64 shipmentId, const std::function<bool(const QJsonObject &)> &,
                              int timeoutMs, qint64 stepMs);

    std::shared_ptr<std::atomic<qint64>> m_offset;
    std::unique_ptr<OrderFixture> m_orders;
    std::unique_ptr<SyncClient> m_admin, m_ops, m_customer;
    QHash<QString, QList<qint64>> m_skus;
    int m_orderCount = 0;
    int m_skuTurn = 0;
};

template <typename Done>
QJsonObject LogisticsFixture::waitUntil(qint64 shipmentId, Done done, int timeoutMs, qint64 stepMs)
{
    return waitUntilImpl(shipmentId, std::function<bool(const QJsonObject &)>(done), timeoutMs,
                         stepMs);
}

} // namespace haitao::testing
