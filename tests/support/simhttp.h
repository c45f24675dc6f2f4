#pragma once

// A plain blocking HTTP client for the sim's own tests (one connection per call, no Qt event
// loop), with the headers a shop client sends: a bearer token and a fencing token.

#include <httplib.h>

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <QList>

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace haitao::testing {

struct SimReply
{
    int status = 0; // 0: no HTTP answer (reset, timeout)
    QJsonObject json;
    QByteArray body;
    QByteArray retryAfter;
};

class SimHttp
{
public:
    explicit SimHttp(int port)
        : m_port(port)
    {}

    QByteArray token;
    std::optional<qint64> fencingToken;
    int readTimeoutSec = 10;

    SimReply call(const char *method, const QString &path, const QByteArray &body = {},
                  const char *contentType = "application/json") const
    {
        httplib::Client client("127.0.0.1", m_port);
        client.set_read_timeout(readTimeoutSec);
        httplib::Headers headers;
        if (!token.isEmpty())
            headers.emplace("Authorization", ("Bearer " + token).toStdString());
        if (fencingToken)
            headers.emplace("X-Fencing-Token", std::to_string(*fencingToken));
        const std::string p = path.toStdString();
        const QByteArray m(method);
        const auto size = size_t(body.size());
        httplib::Result r =
            m == "GET"      ? client.Get(p.c_str(), headers)
            : m == "PUT"    ? client.Put(p.c_str(), headers, body.constData(), size, contentType)
            : m == "DELETE" ? client.Delete(p.c_str(), headers)
                            : client.Post(p.c_str(), headers, body.constData(), size, contentType);
        SimReply out;
        if (!r)
            return out;
        out.status = r->status;
        out.body = QByteArray::fromStdString(r->body);
        out.json = QJsonDocument::fromJson(out.body).object();
        out.retryAfter = QByteArray::fromStdString(r->get_header_value("Retry-After"));
        return out;
    }
    SimReply get(const QString &path) const { return call("GET", path); }
    SimReply post(const QString &path, const QJsonObject &body) const
    {
        return call("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    SimReply put(const QString &path, const QByteArray &body) const
    {
        return call("PUT", path, body);
    }
    SimReply put(const QString &path, const QJsonObject &body) const
    {
        return call("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    int del(const QString &path) const { return call("DELETE", path).status; }

    // Signs in to a sim shop's order API as the platform's account; the token is kept.
    bool signIn(const QString &site)
    {
        const SimReply r = post(QStringLiteral("/merchant/%1/login").arg(site),
                                {{QStringLiteral("account"), QStringLiteral("haitao")},
                                 {QStringLiteral("password"), QStringLiteral("sim-shop-pass")}});
        token = r.json.value(QStringLiteral("token")).toString().toUtf8();
        return r.status == 200 && !token.isEmpty();
    }

private:
    int m_port;
};

// {"minor": n, "currency": "USD"}: an amount as the sim's APIs take it.
inline QJsonObject money(qint64 minor, const char *currency)
{
    return {{QStringLiteral("minor"), minor},
            {QStringLiteral("currency"), QLatin1String(currency)}};
}

// A row of GET /__sim/accounts (the platform's account at a sim shop); {} when none.
inline QJsonObject accountOf(const SimHttp &http, const QString &site)
{
    for (const QJsonValue &v : http.get(QStringLiteral("/__sim/accounts"))
                                   .json.value(QStringLiteral("items"))
                                   .toArray()) {
        if (v.toObject().value(QStringLiteral("site")).toString() == site)
            return v.toObject();
    }
    return {};
}

// An endpoint the sim calls back (a merchant's payment notifications, the server's carrier
// webhooks): records each POST's body and signature headers, and answers with the statuses
// queued by answerNext() (200 once they run out).
class CallbackReceiver
{
public:
    struct Received
    {
        QByteArray body;
        QByteArray timestamp; // the timestamp header, when the sender signs one
        QByteArray signature;
    };

    CallbackReceiver(const char *path, const char *signatureHeader,
                     const char *timestampHeader = nullptr)
        : m_path(path)
    {
        m_server.Post(path, [this, signatureHeader, timestampHeader](const httplib::Request &req,
                                                                     httplib::Response &res) {
            std::lock_guard lock(m_mutex);
            m_received.append(
                {QByteArray::fromStdString(req.body),
                 timestampHeader ? QByteArray::fromStdString(req.get_header_value(timestampHeader))
                                 : QByteArray(),
                 QByteArray::fromStdString(req.get_header_value(signatureHeader))});
            res.status = m_statuses.isEmpty() ? 200 : m_statuses.takeFirst();
            res.set_content("{}", "application/json");
        });
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        while (!m_server.is_running())
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~CallbackReceiver()
    {
        m_server.stop();
        m_thread.join();
    }
    CallbackReceiver(const CallbackReceiver &) = delete;
    CallbackReceiver &operator=(const CallbackReceiver &) = delete;

    QString url() const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(QLatin1String(m_path));
    }
    void answerNext(QList<int> statuses)
    {
        std::lock_guard lock(m_mutex);
        m_statuses = std::move(statuses);
    }
    QList<Received> received() const
    {
        std::lock_guard lock(m_mutex);
        return m_received;
    }
    int count() const { return int(received().size()); }

private:
    const char *m_path;
    httplib::Server m_server;
    std::thread m_thread;
    int m_port = 0;
    mutable std::mutex m_mutex;
    QList<Received> m_received;
    QList<int> m_statuses;
};

} // namespace haitao::testing
