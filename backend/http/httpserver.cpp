#include "backend/http/httpserver.h"

#include "backend/http/apierror.h"
#include "backend/storage/storageerror.h"

#include <QJsonDocument>
#include <QRandomGenerator>

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <optional>
#include <thread>
#include <utility>

namespace haitao::server {

namespace {

// What the logger needs to know about the request being served on this thread: cpp-httplib
// runs one request at a time per pool thread, from pre-routing to logging.
struct RequestState
{
    std::chrono::steady_clock::time_point start;
    QString requestId;
    QString route;
    QString user;
    QString client; // the client behind a trusted proxy, where different from the peer
};
thread_local RequestState t_state;

QString acceptedRequestId(const std::string &header)
{
    if (header.empty() || header.size() > 128)
        return {};
    for (char c : header) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':';
        if (!ok)
            return {};
    }
    return QString::fromStdString(header);
}

QString newRequestId()
{
    quint64 n = QRandomGenerator::global()->generate64();
    return QString::number(n, 16).rightJustified(16, QLatin1Char('0'));
}

bool isJsonContentType(const std::string &value)
{
    const QByteArray type = QByteArray::fromStdString(value).split(';').first().trimmed().toLower();
    return type == "application/json" || type.endsWith("+json");
}

void writeProblem(httplib::Response &res, const ApiError &error, const std::string &path,
                  int status = 0)
{
    res.status = status ? status : httpStatus(error.kind);
    const QByteArray body =
        problemJson(error, QString::fromStdString(path), t_state.requestId, res.status);
    res.set_content(body.constData(), size_t(body.size()), "application/problem+json");
    if (error.retryAfterSeconds > 0)
        res.set_header("Retry-After", std::to_string(error.retryAfterSeconds));
    if (!error.allowedMethods.isEmpty())
        res.set_header("Allow", error.allowedMethods.join(QStringLiteral(", ")).toStdString());
    if (error.kind == ProblemKind::Unauthenticated)
        res.set_header("WWW-Authenticate", "Bearer");
}

} // namespace

HttpServer::HttpServer(const Router &router, Authenticator authenticator, Metrics &metrics,
                       const Log &log, Options options)
    : m_router(router)
    , m_authenticator(std::move(authenticator))
    , m_metrics(metrics)
    , m_log(log)
    , m_options(options)
    , m_server(std::make_unique<httplib::Server>())
{
    httplib::Server &s = *m_server;
    const int threads = std::max(1, m_options.threads);
    s.new_task_queue = [threads] { return new httplib::ThreadPool(size_t(threads)); };
    // Without TCP_NODELAY every keep-alive answer waits ~40 ms for a delayed ACK.
    s.set_tcp_nodelay(true);
    // httplib has one limit for all routes: the larger one; JSON routes check their own below.
    s.set_payload_max_length(std::max(m_options.maxBodyBytes, m_options.maxUploadBytes));
    s.set_read_timeout(m_options.readTimeoutSeconds, 0);
    s.set_write_timeout(m_options.writeTimeoutSeconds, 0);
    s.set_keep_alive_max_count(size_t(m_options.keepAliveMaxCount));
    s.set_keep_alive_timeout(m_options.keepAliveTimeoutSeconds);

    s.set_pre_routing_handler([this](const httplib::Request &req, httplib::Response &res) {
        t_state.start = std::chrono::steady_clock::now();
        t_state.requestId = acceptedRequestId(req.get_header_value("X-Request-Id"));
        if (t_state.requestId.isEmpty())
            t_state.requestId = newRequestId();
        t_state.route = QStringLiteral("unmatched");
        t_state.user.clear();
        // httplib has one body limit for all routes (the upload one) and reads the body
        // before routing. A declared Content-Length over the route's own limit is refused
        // here, before a byte of it is read; so is a chunked body on any route but an upload,
        // whose size nobody could know before reading up to the upload limit.
        std::string coding = req.get_header_value("Transfer-Encoding");
        std::transform(coding.begin(), coding.end(), coding.begin(),
                       [](unsigned char c) { return char(std::tolower(c)); });
        const bool chunked = coding.find("chunked") != std::string::npos; // as httplib: any case
        if (chunked || req.has_header("Content-Length")) {
            const auto match = m_router.match(QString::fromStdString(req.method),
                                              QString::fromStdString(req.path));
            const bool upload = match.route && match.route->body == Body::Raw;
            const size_t limit = upload ? m_options.maxUploadBytes : m_options.maxBodyBytes;
            std::optional<ApiError> refusal;
            if (chunked && !upload)
                refusal = ApiError(ProblemKind::LengthRequired,
                                   QStringLiteral("Send the body with a Content-Length; only "
                                                  "uploads may be chunked"));
            else if (!chunked && req.get_header_value<uint64_t>("Content-Length") > limit)
                refusal = ApiError(ProblemKind::PayloadTooLarge,
                                   QStringLiteral("The request body is larger than allowed"));
            if (refusal) {
                writeProblem(res, *refusal, req.path);
                res.set_header("Connection", "close");
                res.set_header("X-Request-Id", t_state.requestId.toStdString());
                return httplib::Server::HandlerResponse::Handled;
            }
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });

    auto dispatch = [this](const httplib::Request &req, httplib::Response &res) {
        this->dispatch(req, res);
    };
    s.Get(".*", dispatch);
    s.Post(".*", dispatch);
    s.Put(".*", dispatch);
    s.Patch(".*", dispatch);
    s.Delete(".*", dispatch);
    s.Options(".*", dispatch);

    // Refusals cpp-httplib makes itself (oversize body, bad request line) get problem+json too.
    s.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request &req,
                                                                httplib::Response &res) {
        if (!res.body.empty())
            return httplib::Server::HandlerResponse::Unhandled;
        // Refused before routing (bad request line, URI too long): pre-routing did not run.
        if (t_state.requestId.isEmpty()) {
            t_state.start = std::chrono::steady_clock::now();
            t_state.requestId = newRequestId();
            t_state.route = QStringLiteral("unmatched");
        }
        ApiError error(problemKindForStatus(res.status),
                       res.status == 413 ? QStringLiteral("The request body is larger than allowed")
                                         : QStringLiteral("The request could not be read"));
        writeProblem(res, error, req.path, res.status);
        res.set_header("X-Request-Id", t_state.requestId.toStdString());
        return httplib::Server::HandlerResponse::Handled;
    }));
    s.set_exception_handler(
        [](const httplib::Request &req, httplib::Response &res, std::exception_ptr) {
            writeProblem(res, ApiError(ProblemKind::Internal, QStringLiteral("Unexpected error")),
                         req.path);
        });
    s.set_logger([this](const httplib::Request &req, const httplib::Response &res) {
        const bool timed = t_state.start != std::chrono::steady_clock::time_point{};
        const double seconds =
            timed ? std::chrono::duration<double>(std::chrono::steady_clock::now() - t_state.start)
                        .count()
                  : 0.0;
        const QString method = QString::fromStdString(req.method);
        const QString route = timed ? t_state.route : QStringLiteral("unmatched");
        // Reset, so that nothing leaks into a later request that skips pre-routing.
        const RequestState state = std::exchange(t_state, RequestState{});
        m_metrics.record(method, route, res.status, seconds);
        if (!m_options.logRequests)
            return;
        m_log.info(QStringLiteral("request"),
                   {{QStringLiteral("requestId"), state.requestId},
                    {QStringLiteral("method"), method},
                    {QStringLiteral("path"), QString::fromStdString(req.path)},
                    {QStringLiteral("route"), route},
                    {QStringLiteral("status"), res.status},
                    {QStringLiteral("latencyMs"), qRound(seconds * 1e5) / 100.0},
                    {QStringLiteral("user"), state.user},
                    {QStringLiteral("remote"), QString::fromStdString(req.remote_addr)},
                    {QStringLiteral("client"), state.client}});
    });
}

HttpServer::~HttpServer()
{
    stop();
}

bool HttpServer::bind(const QString &host, int port, QString *error)
{
    const std::string h = host.toStdString();
    if (port == 0) {
        m_port = m_server->bind_to_any_port(h);
        if (m_port <= 0) {
            *error = QStringLiteral("cannot listen on %1").arg(host);
            return false;
        }
        return true;
    }
    if (!m_server->bind_to_port(h, port)) {
        *error = QStringLiteral("cannot listen on %1:%2 (address in use or not allowed)")
                     .arg(host)
                     .arg(port);
        return false;
    }
    m_port = port;
    return true;
}

void HttpServer::start()
{
    m_thread = std::thread([this] { m_server->listen_after_bind(); });
    // stop() is a no-op until the listen loop runs, so do not hand back control before it does.
    while (!m_server->is_running())
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void HttpServer::stop()
{
    if (m_thread.joinable()) {
        m_server->stop();
        m_thread.join();
    }
}

void HttpServer::dispatch(const httplib::Request &req, httplib::Response &res)
{
    res.set_header("X-Request-Id", t_state.requestId.toStdString());
    const Router::Match match =
        m_router.match(QString::fromStdString(req.method), QString::fromStdString(req.path));
    if (applyCors(req, res, match))
        return;
    try {
        if (!match.route) {
            if (match.allowed.isEmpty())
                throw ApiError(ProblemKind::NotFound, QStringLiteral("No such endpoint"));
            ApiError e(ProblemKind::MethodNotAllowed,
                       QStringLiteral("Use %1 on this endpoint")
                           .arg(match.allowed.join(QStringLiteral(" or "))));
            e.allowedMethods = match.allowed;
            if (e.allowedMethods.contains(QLatin1String("GET")))
                e.allowedMethods.append(QStringLiteral("HEAD"));
            throw e;
        }
        t_state.route = match.route->pattern;
        const Response r = handle(req, match);
        res.status = r.status;
        for (const auto &h : r.headers)
            res.set_header(h.first.toStdString(), h.second.toStdString());
        if (!r.body.isEmpty())
            res.set_content(r.body.constData(), size_t(r.body.size()), r.contentType.constData());
    } catch (const ApiError &e) {
        writeProblem(res, e, req.path);
    } catch (const StorageError &e) {
        if (e.isDuplicate()) {
            writeProblem(res,
                         ApiError(ProblemKind::Conflict,
                                  QStringLiteral("Another request created the same thing first")),
                         req.path);
            return;
        }
        m_log.error(QStringLiteral("storage failure"),
                    {{QStringLiteral("requestId"), t_state.requestId},
                     {QStringLiteral("error"), QString::fromUtf8(e.what())}});
        ApiError problem(e.isUnreachable() || e.isBusy() ? ProblemKind::Unavailable
                                                         : ProblemKind::Internal,
                         e.isBusy() ? QStringLiteral("The store is busy; try again")
                                    : QStringLiteral("The store could not complete the request"));
        problem.retryAfterSeconds = problem.kind == ProblemKind::Unavailable ? 1 : 0;
        writeProblem(res, problem, req.path);
    } catch (const std::exception &e) {
        m_log.error(QStringLiteral("unhandled exception"),
                    {{QStringLiteral("requestId"), t_state.requestId},
                     {QStringLiteral("error"), QString::fromUtf8(e.what())}});
        writeProblem(res, ApiError(ProblemKind::Internal, QStringLiteral("Unexpected error")),
                     req.path);
    } catch (...) {
        m_log.error(QStringLiteral("unhandled exception"),
                    {{QStringLiteral("requestId"), t_state.requestId}});
        writeProblem(res, ApiError(ProblemKind::Internal, QStringLiteral("Unexpected error")),
                     req.path);
    }
}

bool HttpServer::applyCors(const httplib::Request &req, httplib::Response &res,
                           const Router::Match &match)
{
    const QString origin = QString::fromStdString(req.get_header_value("Origin"));
    if (origin.isEmpty() || m_options.corsOrigins.isEmpty() ||
        !(m_options.corsOrigins.contains(QStringLiteral("*")) ||
          m_options.corsOrigins.contains(origin)))
        return false;
    // Tokens travel in the Authorization header, never in cookies, so echoing an allowed
    // origin gives a foreign page nothing it could not send itself.
    res.set_header("Access-Control-Allow-Origin", origin.toStdString());
    res.set_header("Vary", "Origin");
    res.set_header("Access-Control-Expose-Headers", "X-Request-Id, Retry-After, Location, ETag");
    if (req.method != "OPTIONS" || !req.has_header("Access-Control-Request-Method") ||
        match.allowed.isEmpty())
        return false;
    // A preflight: public by nature (browsers send no Authorization with it), and it runs no
    // handler. The real request that follows is authenticated as usual.
    t_state.route = QStringLiteral("preflight");
    res.status = 204;
    res.set_header("Access-Control-Allow-Methods",
                   match.allowed.join(QStringLiteral(", ")).toStdString());
    res.set_header("Access-Control-Allow-Headers",
                   "Authorization, Content-Type, X-Request-Id, If-Match, Idempotency-Key");
    res.set_header("Access-Control-Max-Age", "600");
    return true;
}

Response HttpServer::handle(const httplib::Request &req, const Router::Match &match)
{
    const Route &route = *match.route;
    Request request;
    request.method = QString::fromStdString(req.method);
    request.path = QString::fromStdString(req.path);
    request.pathParams = match.params;
    request.requestId = t_state.requestId;
    request.remoteAddress = clientAddress(
        QString::fromStdString(req.remote_addr),
        QString::fromStdString(req.get_header_value("X-Forwarded-For")), m_options.trustedProxies);
    t_state.client = request.remoteAddress;
    request.query = [&req](const QString &name) {
        return QString::fromStdString(req.get_param_value(name.toStdString()));
    };
    request.header = [&req](const QString &name) {
        return QString::fromStdString(req.get_header_value(name.toStdString()));
    };

    // Authentication and role checks come before anything else reads the request.
    if (!route.access.isPublic) {
        const QString auth = QString::fromStdString(req.get_header_value("Authorization"));
        static const QString kBearer = QStringLiteral("bearer ");
        if (auth.size() <= kBearer.size() || !auth.startsWith(kBearer, Qt::CaseInsensitive))
            throw ApiError(ProblemKind::Unauthenticated,
                           QStringLiteral("Sign in and send the token as 'Authorization: Bearer'"));
        request.principal = m_authenticator(auth.mid(kBearer.size()).trimmed());
        if (!request.principal)
            throw ApiError(ProblemKind::Unauthenticated,
                           QStringLiteral("The token is unknown, expired or revoked"));
        t_state.user = request.principal->username;
        if (!route.access.allows(request.principal->role))
            throw ApiError(ProblemKind::Forbidden, QStringLiteral("The role '%1' may not do this")
                                                       .arg(roleToString(request.principal->role)));
    }

    if (route.body != Body::Raw && req.body.size() > m_options.maxBodyBytes)
        throw ApiError(ProblemKind::PayloadTooLarge,
                       QStringLiteral("The request body is larger than allowed"));
    if (route.body == Body::Raw && req.body.size() > m_options.maxUploadBytes)
        throw ApiError(ProblemKind::PayloadTooLarge,
                       QStringLiteral("The upload is larger than %1 MiB")
                           .arg(m_options.maxUploadBytes / (1024 * 1024)));
    if (route.body == Body::Raw || route.body == Body::Signed)
        request.rawBody = QByteArray(req.body.data(), qsizetype(req.body.size()));
    if (route.body == Body::Json && !req.body.empty()) {
        if (!isJsonContentType(req.get_header_value("Content-Type")))
            throw ApiError(ProblemKind::UnsupportedMediaType,
                           QStringLiteral("Send the body as application/json"));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(
            QByteArray::fromRawData(req.body.data(), qsizetype(req.body.size())), &error);
        if (error.error != QJsonParseError::NoError)
            throw ApiError(ProblemKind::MalformedRequest,
                           QStringLiteral("The body is not valid JSON: %1 at offset %2")
                               .arg(error.errorString())
                               .arg(error.offset));
        if (!doc.isObject())
            throw ApiError(ProblemKind::MalformedRequest,
                           QStringLiteral("The body must be a JSON object"));
        request.body = doc.object();
    }
    return route.handler(request);
}

} // namespace haitao::server
