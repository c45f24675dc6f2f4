#pragma once

#include "sim/carriertraffic.h"
#include "sim/faultmix.h"
#include "sim/faults.h"
#include "sim/logisticsfaults.h"
#include "sim/merchant.h"
#include "sim/messagesinks.h"
#include "sim/parcels.h"
#include "sim/paymentgateway.h"
#include "sim/shop.h"
#include "sim/shoppers.h"
#include "sim/smtpsink.h"
#include "sim/webhooksender.h"

#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace haitao::sim {

// The simulator's HTTP server: a control plane under /__sim (health, a simulated clock that
// tests move forward instead of waiting, fault switches) and the simulated outside world,
// so far the ECB rate file, the foreign shops (sim/shop.h) with their merchant order APIs
// (sim/merchant.h), the payment gateway (sim/paymentgateway.h) and a fake machine
// translation. Later issues add carriers and message sinks; they register through get() or
// post() so that the fault switches reach them. Requests are served by a large thread pool,
// so that connections the fault mix holds open cannot starve the others.
class SimServer
{
public:
    SimServer();
    ~SimServer();

    bool start(const QString &host, int port, QString *error); // port 0: any free port
    void stop();
    int port() const { return m_port; }

    // Simulated time: from start() on it runs timeScale times faster than the wall clock,
    // plus what /__sim/advance added.
    qint64 nowMs() const;
    // haitao-sim --time-scale N (default 1); set before start().
    void setTimeScale(double scale) { m_timeScale = scale; }
    // The SMTP sink's port (haitao-sim --smtp-port; 0, the default: any free port), on the
    // same host as the HTTP server; set before start(). smtpPort(): the port it got.
    void setSmtpPort(int port) { m_smtpPortWanted = port; }
    int smtpPort() const { return m_smtp.port(); }
    // The gateway's notification secret (haitao-sim --pay-secret); set before start().
    void setPaySecret(const QByteArray &secret);

private:
    using Handler = std::function<void(const httplib::Request &, httplib::Response &)>;
    // A simulated endpoint: the fault rules (FaultTable) apply to it.
    void get(const std::string &pattern, Handler handler);
    void post(const std::string &pattern, Handler handler);
    void addShopRoutes();
    void addControlRoutes();          // the mix, orders, accounts and payments under /__sim
    void addMerchantRoutes();         // merchantroutes.cpp
    void addPaymentRoutes();          // paymentroutes.cpp
    void addCarrierRoutes();          // carrierroutes.cpp: /carrier/{code}/...
    void addLogisticsControlRoutes(); // logisticsroutes.cpp: /__sim/logistics, parcels, ...
    void addSinkRoutes();             // sinkroutes.cpp: /sms/messages, /__sim/messages, ...
    void addShopperRoutes();          // shopperroutes.cpp: /__sim/shoppers
    // A carrier endpoint: request limit, random throttling and slowness before the handler.
    void carrierRoute(bool post, Carrier carrier, const std::string &pattern, Handler handler);
    using MerchantHandler = std::function<MerchantReply(
        const QString &site, const httplib::Request &, const MerchantFaults &)>;
    // Read: signed in, a GET of orders that does not count as in flight.
    enum class MerchantCall { SignedOut, SignedIn, Read, Create };
    // A merchant endpoint (/merchant/{site}/...): request accounting, the fault mix, the
    // fencing token and the bearer token come before the handler.
    void merchantRoute(bool post, const std::string &pattern, MerchantCall call,
                       MerchantHandler handler);
    // "http://host:port" as the client addressed us, for absolute URLs in answers.
    QString origin(const httplib::Request &req) const;
    void serve(const httplib::Request &req, httplib::Response &res, const Handler &handler);
    void sleepUnlessStopping(int ms) const;

    std::unique_ptr<httplib::Server> m_server;
    FaultTable m_faults;
    FaultMix m_faultMix;
    Shops m_shops;
    Merchants m_merchants;
    PaymentGateway m_gateway;
    LogisticsFaults m_logisticsFaults;
    Parcels m_parcels;
    CarrierTraffic m_carrierTraffic;
    WebhookSender m_webhooks;
    MessageSinks m_sinks;
    SmtpSink m_smtp;
    Shoppers m_shoppers;
    int m_smtpPortWanted = 0;
    std::atomic<bool> m_stopping{false};
    std::thread m_thread;
    int m_port = 0;
    std::atomic<qint64> m_offsetMs{0};
    double m_timeScale = 1;
    qint64 m_scaleEpochMs = 0; // the wall clock when simulated time began to run scaled
};

} // namespace haitao::sim
