#pragma once

#include "backend/http/clientaddress.h"
#include "backend/http/metrics.h"
#include "backend/http/router.h"
#include "backend/log.h"

#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <thread>

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace haitao::server {

// The only place that touches cpp-httplib: turns its requests into Request, runs
// authentication and role checks before the handler (default deny), and turns every outcome,
// including exceptions and httplib's own refusals, into a response: problem+json on errors.
class HttpServer
{
public:
    struct Options
    {
        int threads = 16;
        size_t maxBodyBytes = 1024 * 1024;        // JSON and body-less routes
        size_t maxUploadBytes = 64 * 1024 * 1024; // Body::Raw routes (feed uploads)
        int readTimeoutSeconds = 10;
        int writeTimeoutSeconds = 10;
        int keepAliveMaxCount = 1000;
        int keepAliveTimeoutSeconds = 5;
        bool logRequests = true;
        QList<Subnet> trustedProxies; // whose X-Forwarded-For is believed
        QStringList corsOrigins;      // browser origins allowed to call the API; "*" for any
    };
    // Looks up a bearer token; nullopt when unknown, expired or revoked.
    using Authenticator = std::function<std::optional<Principal>(const QString &token)>;

    HttpServer(const Router &router, Authenticator authenticator, Metrics &metrics, const Log &log,
               Options options);
    ~HttpServer();

    bool bind(const QString &host, int port, QString *error); // port 0: any free port
    int port() const { return m_port; }
    void start(); // serves on a thread of its own
    void stop();  // stops accepting, lets in-flight requests finish, joins

private:
    void dispatch(const httplib::Request &req, httplib::Response &res);
    Response handle(const httplib::Request &req, const Router::Match &match);
    // Adds the CORS headers for an allowed Origin; answers a preflight and returns true.
    bool applyCors(const httplib::Request &req, httplib::Response &res, const Router::Match &match);

    const Router &m_router;
    Authenticator m_authenticator;
    Metrics &m_metrics;
    const Log &m_log;
    Options m_options;
    std::unique_ptr<httplib::Server> m_server;
    std::thread m_thread;
    int m_port = 0;
};

} // namespace haitao::server
