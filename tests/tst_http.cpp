// The HTTP layer's contract: every malformed-input class answers problem+json with a stable
// type; request ids; health, readiness and metrics; shutdown.
#include "backend/http/httpserver.h"
#include "backend/storage/storageerror.h"
#include "tests/support/syncclient.h"
#include "tests/support/testserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>

using namespace haitao;
using haitao::client::RawResponse;
using haitao::testing::SyncClient;
using haitao::testing::TestServer;

namespace {
using Headers = QList<QPair<QByteArray, QByteArray>>;
const Headers kJson = {{"Content-Type", "application/json"}};

QJsonObject json(const RawResponse &r)
{
    return QJsonDocument::fromJson(r.body).object();
}
} // namespace

class TstHttp : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<SyncClient> m_client;

private slots:
    void initTestCase()
    {
        server::Config config;
        config.maxBodyBytes = 64 * 1024;
        m_server = std::make_unique<TestServer>(config);
        QVERIFY(m_server->start());
        m_client = std::make_unique<SyncClient>(m_server->url());
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_server.reset();
    }

    void problems_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<Headers>("headers");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");

        QTest::newRow("unknown route")
            << QByteArray("GET") << QStringLiteral("/api/v1/nothing") << QByteArray() << Headers()
            << 404 << QStringLiteral("not-found");
        QTest::newRow("wrong method")
            << QByteArray("DELETE") << QStringLiteral("/api/v1/auth/login") << QByteArray()
            << Headers() << 405 << QStringLiteral("method-not-allowed");
        QTest::newRow("wrong method on a GET route")
            << QByteArray("POST") << QStringLiteral("/healthz") << QByteArray() << Headers() << 405
            << QStringLiteral("method-not-allowed");
        QTest::newRow("uri too long")
            << QByteArray("GET") << QStringLiteral("/api/v1/") + QString(9000, QLatin1Char('a'))
            << QByteArray() << Headers() << 414 << QStringLiteral("malformed-request");
        QTest::newRow("malformed json")
            << QByteArray("POST") << QStringLiteral("/api/v1/auth/login")
            << QByteArray("{\"username\": ") << kJson << 400 << QStringLiteral("malformed-request");
        QTest::newRow("json not an object")
            << QByteArray("POST") << QStringLiteral("/api/v1/auth/login") << QByteArray("[1,2]")
            << kJson << 400 << QStringLiteral("malformed-request");
        QTest::newRow("oversize body")
            << QByteArray("POST") << QStringLiteral("/api/v1/auth/register")
            << QByteArray(100 * 1024, 'x') << kJson << 413 << QStringLiteral("payload-too-large");
        QTest::newRow("wrong content type")
            << QByteArray("POST") << QStringLiteral("/api/v1/auth/login")
            << QByteArray("username=a&password=b")
            << Headers{{"Content-Type", "application/x-www-form-urlencoded"}} << 415
            << QStringLiteral("unsupported-media-type");
        QTest::newRow("validation")
            << QByteArray("POST") << QStringLiteral("/api/v1/auth/login")
            << QByteArray("{\"username\": 5}") << kJson << 422 << QStringLiteral("validation");
        QTest::newRow("no token") << QByteArray("GET") << QStringLiteral("/api/v1/auth/me")
                                  << QByteArray() << Headers() << 401
                                  << QStringLiteral("unauthenticated");
        QTest::newRow("garbage token")
            << QByteArray("GET") << QStringLiteral("/api/v1/auth/me") << QByteArray()
            << Headers{{"Authorization", "Bearer not-a-token"}} << 401
            << QStringLiteral("unauthenticated");
        QTest::newRow("basic auth is no bearer token")
            << QByteArray("GET") << QStringLiteral("/api/v1/admin/users/abc") << QByteArray()
            << Headers{{"Authorization", "Basic eDp5"}} << 401 << QStringLiteral("unauthenticated");
    }

    void problems()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(Headers, headers);
        QFETCH(int, status);
        QFETCH(QString, type);
        m_client->api().setToken({});
        const RawResponse r = m_client->raw(method, path, body, headers);
        QCOMPARE(r.status, status);
        QVERIFY2(r.header("Content-Type").startsWith("application/problem+json"),
                 r.header("Content-Type").constData());
        const QJsonObject p = json(r);
        QCOMPARE(p.value(QStringLiteral("type")).toString(),
                 QStringLiteral("urn:haitao:problem:") + type);
        QCOMPARE(p.value(QStringLiteral("status")).toInt(), status);
        QVERIFY(!p.value(QStringLiteral("title")).toString().isEmpty());
        QVERIFY(!p.value(QStringLiteral("detail")).toString().isEmpty());
        QCOMPARE(p.value(QStringLiteral("requestId")).toString(),
                 QString::fromLatin1(r.header("X-Request-Id")));
        if (status == 405)
            QCOMPARE(r.header("Allow"), path == QLatin1String("/healthz") ? QByteArray("GET, HEAD")
                                                                          : QByteArray("POST"));
        if (status == 401)
            QCOMPARE(r.header("WWW-Authenticate"), QByteArray("Bearer"));
        if (status == 422) {
            const auto errors = p.value(QStringLiteral("errors")).toArray();
            QCOMPARE(errors.size(), 2); // username has the wrong type, password is missing
            QCOMPARE(errors.at(0).toObject().value(QStringLiteral("field")).toString(),
                     QStringLiteral("username"));
            QCOMPARE(errors.at(1).toObject().value(QStringLiteral("field")).toString(),
                     QStringLiteral("password"));
        }
    }

    void nonNumericIdIsNotFound()
    {
        QVERIFY(m_client->login(QStringLiteral("admin"), TestServer::adminPassword()).isEmpty());
        const RawResponse r = m_client->raw("GET", QStringLiteral("/api/v1/admin/users/abc"));
        QCOMPARE(r.status, 404);
        QCOMPARE(m_client->raw("GET", QStringLiteral("/api/v1/admin/users/999")).status, 404);
        m_client->api().setToken({});
    }

    void bearerSchemeIsCaseInsensitive()
    {
        SyncClient c(m_server->url());
        QVERIFY(c.login(QStringLiteral("admin"), TestServer::adminPassword()).isEmpty());
        const QByteArray token = c.api().token().toUtf8();
        c.api().setToken({});
        QCOMPARE(c.raw("GET", QStringLiteral("/api/v1/auth/me"), {},
                       {{"Authorization", "bearer " + token}})
                     .status,
                 200);
    }

    void requestIdIsEchoedOrMade()
    {
        const RawResponse mine =
            m_client->raw("GET", QStringLiteral("/healthz"), {}, {{"X-Request-Id", "trace-42.a"}});
        QCOMPARE(mine.header("X-Request-Id"), QByteArray("trace-42.a"));
        const RawResponse made = m_client->raw("GET", QStringLiteral("/healthz"), {},
                                               {{"X-Request-Id", "bad id with spaces"}});
        QCOMPARE(made.header("X-Request-Id").size(), 16);
    }

    void healthAndReadiness()
    {
        const RawResponse h = m_client->raw("GET", QStringLiteral("/healthz"));
        QCOMPARE(h.status, 200);
        QCOMPARE(json(h).value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        const RawResponse r = m_client->raw("GET", QStringLiteral("/readyz"));
        QCOMPARE(r.status, 200);
        QCOMPARE(json(r)
                     .value(QStringLiteral("components"))
                     .toObject()
                     .value(QStringLiteral("identity"))
                     .toString(),
                 QStringLiteral("ok"));
    }

    void metricsCountRequestsByRoute()
    {
        m_client->raw("GET", QStringLiteral("/api/v1/auth/me"));
        m_client->raw("GET", QStringLiteral("/api/v1/admin/users/77"));
        const RawResponse m = m_client->raw("GET", QStringLiteral("/metrics"));
        QCOMPARE(m.status, 200);
        QVERIFY(m.header("Content-Type").startsWith("text/plain"));
        QVERIFY(
            m.body.contains("haitao_http_requests_total{method=\"GET\",route=\"/api/v1/auth/me\","
                            "status=\"401\"}"));
        // Raw paths never become labels: the route pattern does.
        QVERIFY(!m.body.contains("/api/v1/admin/users/77"));
        QVERIFY(m.body.contains("route=\"/api/v1/admin/users/{id}\""));
        QVERIFY(m.body.contains("haitao_http_request_duration_seconds_bucket{method=\"GET\","
                                "route=\"/healthz\",status=\"200\",le=\"+Inf\"}"));
    }

    void corsForConfiguredOrigins()
    {
        server::Config config;
        config.corsOrigins = {QStringLiteral("https://shop.example")};
        TestServer web(config);
        QVERIFY(web.start());
        SyncClient c(web.url());

        // The browser's preflight: public, no handler runs, the route's methods are allowed.
        const RawResponse preflight = c.raw("OPTIONS", QStringLiteral("/api/v1/auth/me"), {},
                                            {{"Origin", "https://shop.example"},
                                             {"Access-Control-Request-Method", "GET"},
                                             {"Access-Control-Request-Headers", "authorization"}});
        QCOMPARE(preflight.status, 204);
        QCOMPARE(preflight.header("Access-Control-Allow-Origin"),
                 QByteArray("https://shop.example"));
        QCOMPARE(preflight.header("Access-Control-Allow-Methods"), QByteArray("GET"));
        QVERIFY(preflight.header("Access-Control-Allow-Headers").contains("Authorization"));

        // The real request is authenticated as ever, and its answer carries the origin.
        const RawResponse me = c.raw("GET", QStringLiteral("/api/v1/auth/me"), {},
                                     {{"Origin", "https://shop.example"}});
        QCOMPARE(me.status, 401);
        QCOMPARE(me.header("Access-Control-Allow-Origin"), QByteArray("https://shop.example"));
        QVERIFY(me.header("Access-Control-Expose-Headers").contains("X-Request-Id"));

        // Another origin gets nothing that lets a browser read the answer.
        const RawResponse foreign =
            c.raw("OPTIONS", QStringLiteral("/api/v1/auth/me"), {},
                  {{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "GET"}});
        QCOMPARE(foreign.status, 405);
        QVERIFY(foreign.header("Access-Control-Allow-Origin").isEmpty());
        // Nor does any origin where none is configured.
        const RawResponse off = m_client->raw(
            "OPTIONS", QStringLiteral("/api/v1/auth/me"), {},
            {{"Origin", "https://shop.example"}, {"Access-Control-Request-Method", "GET"}});
        QCOMPARE(off.status, 405);
        QVERIFY(off.header("Access-Control-Allow-Origin").isEmpty());
    }

    void unreachableReplicaIsReportedNotHidden()
    {
        // The replica cannot be opened: the server still starts (writes and sign-in use the
        // primary), readiness says which store is down, and reads answer 503 with Retry-After.
        server::Config config;
        config.replicaUrls.insert(QStringLiteral("identity"),
                                  QStringLiteral("sqlite:/proc/no-such-dir/identity.db"));
        TestServer degraded(config);
        QVERIFY(degraded.start());
        SyncClient c(degraded.url());
        const RawResponse ready = c.raw("GET", QStringLiteral("/readyz"));
        QCOMPARE(ready.status, 503);
        QCOMPARE(json(ready).value(QStringLiteral("type")).toString(),
                 QStringLiteral("urn:haitao:problem:unavailable"));
        QVERIFY(json(ready)
                    .value(QStringLiteral("detail"))
                    .toString()
                    .contains(QStringLiteral("identity")));
        QVERIFY(!ready.header("Retry-After").isEmpty());

        QCOMPARE(c.login(QStringLiteral("admin"), TestServer::adminPassword()), QString());
        const RawResponse list = c.raw("GET", QStringLiteral("/api/v1/admin/users"));
        QCOMPARE(list.status, 503);
        QVERIFY(list.header("Content-Type").startsWith("application/problem+json"));
        QCOMPARE(list.header("Retry-After"), QByteArray("1"));
    }

    void handlerFailuresBecomeProblems_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::newRow("std::exception")
            << QStringLiteral("/throws/std") << 500 << QStringLiteral("internal") << QByteArray();
        QTest::newRow("anything else")
            << QStringLiteral("/throws/int") << 500 << QStringLiteral("internal") << QByteArray();
        QTest::newRow("busy store") << QStringLiteral("/throws/busy") << 503
                                    << QStringLiteral("unavailable") << QByteArray("1");
        QTest::newRow("broken SQL")
            << QStringLiteral("/throws/sql") << 500 << QStringLiteral("internal") << QByteArray();
        QTest::newRow("duplicate") << QStringLiteral("/throws/duplicate") << 409
                                   << QStringLiteral("conflict") << QByteArray();
    }

    void handlerFailuresBecomeProblems()
    {
        // The HTTP layer alone, with handlers that fail in every way a handler can: each
        // failure is answered in problem+json, and no internal text leaks to the client.
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QString, type);
        QFETCH(QByteArray, retryAfter);
        server::Router router;
        auto add = [&](const char *p, std::function<void()> fail) {
            router.add(QStringLiteral("GET"), QString::fromLatin1(p), server::Access::publicRoute(),
                       server::Body::None, [fail](const server::Request &) -> server::Response {
                           fail();
                           return server::Response::noContent();
                       });
        };
        add("/throws/std", [] { throw std::runtime_error("secret internal detail"); });
        add("/throws/int", [] { throw 42; });
        add("/throws/busy", [] { throw server::StorageError(QStringLiteral("secret"), true); });
        add("/throws/sql", [] { throw server::StorageError(QStringLiteral("secret SQL text")); });
        add("/throws/duplicate",
            [] { throw server::StorageError(QStringLiteral("secret"), false, false, true); });
        server::Metrics metrics;
        QList<QByteArray> logged;
        const server::Log log(server::LogFormat::Json,
                              [&logged](const QByteArray &line) { logged.append(line); });
        server::HttpServer http(router,
                                [](const QString &) { return std::optional<server::Principal>(); },
                                metrics, log, {});
        QString error;
        QVERIFY2(http.bind(QStringLiteral("127.0.0.1"), 0, &error), qPrintable(error));
        http.start();
        RawResponse r;
        {
            // Scoped: an idle keep-alive connection would hold stop() for its timeout.
            SyncClient c(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(http.port())));
            r = c.raw("GET", path);
        }
        http.stop();
        QCOMPARE(r.status, status);
        QVERIFY(r.header("Content-Type").startsWith("application/problem+json"));
        QCOMPARE(json(r).value(QStringLiteral("type")).toString(),
                 QStringLiteral("urn:haitao:problem:") + type);
        QVERIFY(!r.body.contains("secret"));
        QCOMPARE(r.header("Retry-After"), retryAfter);
        if (status == 500) // the detail goes to the log, with the request id, not to the client
            QVERIFY(std::any_of(logged.cbegin(), logged.cend(), [&](const QByteArray &line) {
                return line.contains(r.header("X-Request-Id"));
            }));
    }

    // What the server answers to bytes sent as they are on a new connection (status line,
    // headers, body), read until it closes the connection or 5 s pass.
    QByteArray exchange(const QByteArray &request)
    {
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(m_server->url().port()));
        if (!socket.waitForConnected(5000))
            return {};
        socket.write(request);
        QByteArray answer;
        QElapsedTimer timer;
        timer.start();
        while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 5000) {
            if (socket.waitForReadyRead(200))
                answer += socket.readAll();
        }
        return answer + socket.readAll();
    }

    void chunkedBodyOnlyForUploads()
    {
        // A chunked body has no size to check before reading: JSON routes refuse it at once
        // with 411 and close, instead of reading up to the upload limit first.
        const QByteArray json = exchange(
            "POST /api/v1/auth/login HTTP/1.1\r\nHost: test\r\nContent-Type: application/json"
            "\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n");
        QVERIFY2(json.startsWith("HTTP/1.1 411"), json.constData());
        QVERIFY(json.contains("application/problem+json"));
        QVERIFY(json.contains("urn:haitao:problem:length-required"));
        QVERIFY(json.contains("Connection: close"));
        const QByteArray capitalized = exchange(
            "POST /api/v1/auth/login HTTP/1.1\r\nHost: test\r\nContent-Type: application/json"
            "\r\nTransfer-Encoding: Chunked\r\n\r\n5\r\n{\"a\":\r\n");
        QVERIFY2(capitalized.startsWith("HTTP/1.1 411"), capitalized.constData());
        // An upload may stream: it gets past the body check to sign-in (401 without a token).
        const QByteArray upload =
            exchange("POST /api/v1/catalog/imports HTTP/1.1\r\nHost: test\r\nConnection: close\r\n"
                     "Content-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n3\r\na,b\r\n0\r\n"
                     "\r\n");
        QVERIFY2(upload.startsWith("HTTP/1.1 401"), upload.constData());
        QVERIFY(upload.contains("urn:haitao:problem:unauthenticated"));
    }

    void stopClosesThePort()
    {
        TestServer extra;
        QVERIFY(extra.start());
        const quint16 port = quint16(extra.url().port());
        extra.stop();
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        QVERIFY(!socket.waitForConnected(1000));
    }
};

QTEST_GUILESS_MAIN(TstHttp)
#include "tst_http.moc"
