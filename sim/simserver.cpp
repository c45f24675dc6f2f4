#include "sim/simserver.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <httplib.h>

#include <chrono>
#include <thread>

namespace haitao::sim {

namespace {

void sendJson(httplib::Response &res, const QJsonObject &o, int status = 200)
{
    const QByteArray body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    res.status = status;
    res.set_content(body.constData(), size_t(body.size()), "application/json");
}

void sendError(httplib::Response &res, int status, const QString &detail)
{
    sendJson(res, {{QStringLiteral("error"), detail}}, status);
}

QJsonObject parseBody(const httplib::Request &req, bool *ok)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(req.body), &error);
    *ok = error.error == QJsonParseError::NoError && doc.isObject();
    return doc.object();
}

} // namespace

SimServer::SimServer()
    : m_server(std::make_unique<httplib::Server>())
{
    httplib::Server &s = *m_server;
    s.set_tcp_nodelay(true);
    s.Get("/__sim/health", [](const httplib::Request &, httplib::Response &res) {
        sendJson(res, {{QStringLiteral("status"), QStringLiteral("ok")}});
    });
    s.Get("/__sim/clock", [this](const httplib::Request &, httplib::Response &res) {
        sendJson(res,
                 {{QStringLiteral("now"),
                   QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC).toString(Qt::ISODateWithMs)}});
    });
    s.Post("/__sim/advance", [this](const httplib::Request &req, httplib::Response &res) {
        bool ok = false;
        const QJsonObject body = parseBody(req, &ok);
        const double hours = body.value(QStringLiteral("hours")).toDouble(-1);
        if (!ok || hours < 0 || hours > 24 * 365) {
            sendError(res, 400, QStringLiteral("send {\"hours\": N} with 0 <= N <= 8760"));
            return;
        }
        m_offsetMs += qint64(hours * 3600 * 1000);
        sendJson(res,
                 {{QStringLiteral("now"),
                   QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC).toString(Qt::ISODateWithMs)}});
    });
}

SimServer::~SimServer()
{
    stop();
}

bool SimServer::start(const QString &host, int port, QString *error)
{
    const std::string h = host.toStdString();
    if (port == 0) {
        m_port = m_server->bind_to_any_port(h);
    } else if (m_server->bind_to_port(h, port)) {
        m_port = port;
    } else {
        m_port = -1;
    }
    if (m_port <= 0) {
        *error = QStringLiteral("cannot listen on %1:%2").arg(host).arg(port);
        return false;
    }
    m_thread = std::thread([this] { m_server->listen_after_bind(); });
    while (!m_server->is_running()) // stop() is a no-op until the listen loop runs
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return true;
}

void SimServer::stop()
{
    if (m_thread.joinable()) {
        m_server->stop();
        m_thread.join();
    }
}

qint64 SimServer::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch() + m_offsetMs.load();
}

} // namespace haitao::sim
