#pragma once

#include "sim/faults.h"
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
// so far the ECB rate file, the foreign shops (sim/shop.h) and a fake machine translation.
// Later issues add carriers, payment gateway and message sinks; they register through get()
// or post() so that the fault switches reach them.
class SimServer
{
public:
    SimServer();
    ~SimServer();

    bool start(const QString &host, int port, QString *error); // port 0: any free port
    void stop();
    int port() const { return m_port; }

    qint64 nowMs() const; // simulated time: wall clock plus what /__sim/advance added

private:
    using Handler = std::function<void(const httplib::Request &, httplib::Response &)>;
    // A simulated endpoint: the fault rules (FaultTable) apply to it.
    void get(const std::string &pattern, Handler handler);
    void post(const std::string &pattern, Handler handler);
    void addShopRoutes();
    void serve(const httplib::Request &req, httplib::Response &res, const Handler &handler);
    void sleepUnlessStopping(int ms) const;

    std::unique_ptr<httplib::Server> m_server;
    FaultTable m_faults;
    Shops m_shops;
    std::atomic<bool> m_stopping{false};
    std::thread m_thread;
    int m_port = 0;
    std::atomic<qint64> m_offsetMs{0};
};

} // namespace haitao::sim
