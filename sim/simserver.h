#pragma once

#include "sim/faultmix.h"
#include "sim/faults.h"
#include "sim/merchant.h"
#include "sim/paymentgateway.h"
#include "sim/shop.h"

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

    qint64 nowMs() const; // simulated time: wall clock plus what /__sim/advance added
    // The gateway's notification secret (haitao-sim --pay-secret); set before start().
    void setPaySecret(const QByteArray &secret);

private:
    using Handler = std::function<void(const httplib::Request &, httplib::Response &)>;
    // A simulated endpoint: the fault rules (FaultTable) apply to it.
    void get(const std::string &pattern, Handler handler);
    void post(const std::string &pattern, Handler handler);
    void addShopRoutes();
    void addControlRoutes();  // the mix, orders, accounts and payments under /__sim
    void addMerchantRoutes(); // merchantroutes.cpp
    void addPaymentRoutes();  // paymentroutes.cpp
    using MerchantHandler = std::function<MerchantReply(
        const QString &site, const httplib::Request &, const MerchantFaults &)>;
    enum class MerchantCall { SignedOut, SignedIn, Create };
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
    std::atomic<bool> m_stopping{false};
    std::thread m_thread;
    int m_port = 0;
    std::atomic<qint64> m_offsetMs{0};
};

} // namespace haitao::sim
