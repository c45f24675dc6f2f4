#pragma once

#include "sim/simserver.h"
#include "tests/support/syncclient.h"
#include "tests/support/testserver.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QUrl>

#include <memory>

namespace haitao::testing {

// The world the order tests run in: haitao-sim (shops, merchant APIs, payment gateway) and a
// real server whose payment gateway is the sim's, with the sim's us, jp and uk feeds imported
// as amazon.com, amazon.co.jp and asos.com, every product with a Chinese title published,
// and demo price rules and rates.
class OrderFixture
{
public:
    explicit OrderFixture(server::Config config = {});
    ~OrderFixture();

    // Starts both and fills the catalog; fails the calling test (with a warning) if not.
    bool start();

    TestServer &server() { return *m_server; }
    sim::SimServer &sim() { return *m_sim; }
    QUrl simUrl() const;
    // The SKUs customers can buy on `site` (published listings), in the catalog's order.
    QList<qint64> publishedSkuIds(const QString &site);

    // A customer account with password "customer-pass"; returns its id.
    qint64 createCustomer(const QString &name);
    static QString customerPassword() { return QStringLiteral("customer-pass"); }
    // A signed-in client for any user of the server.
    std::unique_ptr<SyncClient> client(const QString &username, const QString &password);
    std::unique_ptr<SyncClient> admin();

    // POST /orders with those SKU quantities and a test address; returns the 201 body (and
    // fails the test on any other answer).
    QJsonObject placeOrder(SyncClient &customer, const QList<QPair<qint64, int>> &skuQuantities,
                           const QString &idempotencyKey);
    // Pays an order through the sim's gateway like a person would: creates the payment,
    // presses Pay at the sim, and waits (up to 10 s) for the signed notification to make the
    // order paid. Fails the test otherwise.
    void pay(SyncClient &customer, qint64 orderId);
    // The address placeOrder sends.
    static QJsonObject testAddress();
    // Shop accounts (PUT /admin/shop-accounts) for amazon.com, amazon.co.jp and asos.com at
    // the sim's merchant APIs us, jp and uk, account haitao / sim-shop-pass.
    void addShopAccounts();

    // Imports the sim's feed of `simSite` ("us") as `site` ("amazon.com") again and
    // publishes what is new with a Chinese title (e.g. after a price change at the sim).
    bool importSite(SyncClient &admin, const QString &simSite, const QString &site);

private:
    server::Config m_config;
    std::unique_ptr<sim::SimServer> m_sim;
    std::unique_ptr<TestServer> m_server;
};

} // namespace haitao::testing
