#pragma once

// A plain blocking HTTP client for the sim's own tests (one connection per call, no Qt event
// loop), with the headers a shop client sends: a bearer token and a fencing token.

#include <httplib.h>

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <string>

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

} // namespace haitao::testing
