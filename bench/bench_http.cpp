// GET /api/v1/auth/me (authenticated) on haitao-server against a minimal cpp-httplib server
// that returns the same bytes from memory, both in this process, measured by wrk in the same
// run. The ratio is the cost of our routing, authentication (a token lookup in SQLite),
// logging-off request bookkeeping and JSON. Usage: bench_http [seconds] [connections]
#include "backend/server.h"
#include "bench/wrk.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <httplib.h>

#include <cstdio>
#include <thread>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int seconds = argc > 1 ? std::atoi(argv[1]) : 10;
    const int connections = argc > 2 ? std::atoi(argv[2]) : 32;
    const int threads = connections + 4; // a keep-alive connection holds a pool thread

    QTemporaryDir dir;
    haitao::server::Config config;
    config.port = 0;
    config.dataDir = dir.path();
    config.adminPassword = QStringLiteral("bench-admin-password");
    config.logRequests = false;
    config.logSink = [](const QByteArray &) {};
    config.threads = threads;
    haitao::server::Server server(config);
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "server: %s\n", qPrintable(error));
        return 1;
    }

    httplib::Client client("127.0.0.1", server.port());
    const auto login = client.Post("/api/v1/auth/login",
                                   R"({"username":"admin","password":"bench-admin-password"})",
                                   "application/json");
    if (!login || login->status != 200) {
        std::fprintf(stderr, "login failed\n");
        return 1;
    }
    const QString token = QRegularExpression(QStringLiteral("\"token\":\"([^\"]+)\""))
                              .match(QString::fromStdString(login->body))
                              .captured(1);
    const auto me =
        client.Get("/api/v1/auth/me", {{"Authorization", "Bearer " + token.toStdString()}});
    if (!me || me->status != 200) {
        std::fprintf(stderr, "/auth/me failed\n");
        return 1;
    }

    // The baseline: the same answer from memory, same pool size and TCP_NODELAY.
    httplib::Server minimal;
    minimal.new_task_queue = [threads] { return new httplib::ThreadPool(size_t(threads)); };
    minimal.set_tcp_nodelay(true);
    minimal.set_keep_alive_max_count(1000);
    const std::string body = me->body;
    minimal.Get("/api/v1/auth/me", [&body](const httplib::Request &, httplib::Response &res) {
        res.set_content(body, "application/json");
    });
    const int minimalPort = minimal.bind_to_any_port("127.0.0.1");
    std::thread minimalThread([&] { minimal.listen_after_bind(); });
    while (!minimal.is_running())
        std::this_thread::sleep_for(std::chrono::milliseconds(1));

    std::printf("wrk -t1 -c%d -d%ds --latency, GET /api/v1/auth/me (%zu-byte answer)\n",
                connections, seconds, body.size());
    // Both with the token, so both receive the same request bytes.
    const QStringList auth{QStringLiteral("Authorization: Bearer ") + token};
    const haitao::bench::WrkFigures ours = haitao::bench::runWrk(
        QStringLiteral("%1/api/v1/auth/me").arg(server.url()), seconds, connections, auth);
    const haitao::bench::WrkFigures base =
        haitao::bench::runWrk(QStringLiteral("http://127.0.0.1:%1/api/v1/auth/me").arg(minimalPort),
                              seconds, connections, auth);
    minimal.stop();
    minimalThread.join();
    server.stop();

    if (ours.requestsPerSecond <= 0 || base.requestsPerSecond <= 0) {
        std::fprintf(stderr, "wrk failed (is it installed?):\n%s\n%s\n", qPrintable(ours.raw),
                     qPrintable(base.raw));
        return 1;
    }
    std::printf("%-26s %12s %10s %10s\n", "server", "requests/s", "p50", "p99");
    std::printf("%-26s %12.0f %10s %10s\n", "haitao-server", ours.requestsPerSecond,
                qPrintable(ours.p50), qPrintable(ours.p99));
    std::printf("%-26s %12.0f %10s %10s\n", "minimal cpp-httplib", base.requestsPerSecond,
                qPrintable(base.p50), qPrintable(base.p99));
    std::printf("ratio haitao/minimal: %.2f\n", ours.requestsPerSecond / base.requestsPerSecond);
    return 0;
}
