#pragma once

// A stand-in for haitao-server's logistics routes in the desktop tests: a small cpp-httplib
// server on 127.0.0.1 that answers each (method, path[, cursor]) with the canned JSON a test
// sets, and records every request it got (method, path, query, body) so that tests can check
// what the client sent. The JSON is the contract's (issue 7); the real server is tested by the
// server helpers' tests.

#include <httplib.h>

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <mutex>
#include <thread>

namespace haitao::testing {

class LogisticsFake
{
public:
    struct Request
    {
        QString method;
        QString path;
        QUrlQuery query;
        QJsonObject body;
    };
    struct Answer
    {
        int status = 200;
        QByteArray body;
    };

    LogisticsFake()
    {
        // One request per connection: an idle keep-alive connection would hold stop().
        m_server.set_keep_alive_max_count(1);
        const auto handler = [this](const httplib::Request &req, httplib::Response &res) {
            serve(req, res);
        };
        m_server.Get(".*", handler);
        m_server.Post(".*", handler);
        m_server.Put(".*", handler);
        m_server.Delete(".*", handler);
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
    }
    ~LogisticsFake()
    {
        m_server.stop();
        m_thread.join();
    }
    LogisticsFake(const LogisticsFake &) = delete;
    LogisticsFake &operator=(const LogisticsFake &) = delete;

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }

    // The answer to `method` on `path` (no query); `cursor` set: only for that page.
    void answer(const QString &method, const QString &path, int status, const QByteArray &body,
                const QString &cursor = QString())
    {
        const std::lock_guard lock(m_mutex);
        m_answers.insert(key(method, path, cursor), {status, body});
    }
    void answer(const QString &method, const QString &path, const QJsonObject &body,
                int status = 200)
    {
        answer(method, path, status, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    QList<Request> requests() const
    {
        const std::lock_guard lock(m_mutex);
        return m_requests;
    }
    // The requests for `method` on `path`, oldest first.
    QList<Request> requests(const QString &method, const QString &path) const
    {
        QList<Request> out;
        for (const Request &r : requests()) {
            if (r.method == method && r.path == path)
                out.append(r);
        }
        return out;
    }
    int count(const QString &method, const QString &path) const
    {
        return int(requests(method, path).size());
    }
    void clearRequests()
    {
        const std::lock_guard lock(m_mutex);
        m_requests.clear();
    }

private:
    static QString key(const QString &method, const QString &path, const QString &cursor)
    {
        return method + QLatin1Char(' ') + path + QLatin1Char('#') + cursor;
    }

    void serve(const httplib::Request &req, httplib::Response &res)
    {
        Request r;
        r.method = QString::fromStdString(req.method);
        r.path = QString::fromStdString(req.path);
        for (const auto &[name, value] : req.params)
            r.query.addQueryItem(QString::fromStdString(name), QString::fromStdString(value));
        r.body = QJsonDocument::fromJson(QByteArray::fromStdString(req.body)).object();
        const QString cursor = r.query.queryItemValue(QStringLiteral("cursor"));
        Answer a{404, QByteArray("{\"type\": \"urn:haitao:problem:not-found\", "
                                 "\"title\": \"Not found\", \"status\": 404}")};
        {
            const std::lock_guard lock(m_mutex);
            m_requests.append(r);
            const auto paged = m_answers.constFind(key(r.method, r.path, cursor));
            const auto any = m_answers.constFind(key(r.method, r.path, QString()));
            if (paged != m_answers.constEnd())
                a = *paged;
            else if (any != m_answers.constEnd())
                a = *any;
        }
        res.status = a.status;
        const bool problem = a.status >= 400;
        res.set_content(a.body.toStdString(),
                        problem ? "application/problem+json" : "application/json");
    }

    httplib::Server m_server;
    std::thread m_thread;
    int m_port = 0;
    mutable std::mutex m_mutex;
    QHash<QString, Answer> m_answers;
    QList<Request> m_requests;
};

} // namespace haitao::testing
