#pragma once

#include <QString>

#include <atomic>
#include <memory>
#include <thread>

namespace httplib {
class Server;
}

namespace haitao::sim {

// The simulator's HTTP server. So far it has its control plane only: health and a simulated
// clock that tests move forward instead of waiting. Later issues add the merchant shops,
// carriers, payment gateway, FX feed and message sinks, with their fault modes.
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
    std::unique_ptr<httplib::Server> m_server;
    std::thread m_thread;
    int m_port = 0;
    std::atomic<qint64> m_offsetMs{0};
};

} // namespace haitao::sim
