#pragma once

// A stand-in for haitao-server's logistics routes in the desktop tests: answers each
// (method, path[, cursor]) with the canned JSON a test sets, and records every request it got
// (method, path, query, body) so that tests can check what the client sent. A table of
// answers over FakeHttpServer; the real server is tested by the server's own tests and by
// tst_logisticsclient.

#include "tests/desktop/fakehttpserver.h"

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

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

    LogisticsFake()
        : m_server([this](const FakeRequest &r) { return reply(r); })
    {}

    QUrl url() const { return m_server.url(); }

    // The answer to `method` on `path` (no query); `cursor` set: only for that page.
    void answer(const QString &method, const QString &path, int status, const QByteArray &body,
                const QString &cursor = QString())
    {
        m_answers.insert(key(method, path, cursor), FakeReply{status, {}, status >= 400, body});
    }
    void answer(const QString &method, const QString &path, const QJsonObject &body,
                int status = 200)
    {
        answer(method, path, status, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    QList<Request> requests() const
    {
        QList<Request> out;
        for (const FakeRequest &r : m_server.requests()) {
            // Values as the client meant them ("SP10+US", not "SP10%2BUS").
            QUrlQuery query;
            for (const auto &[name, value] : r.query.queryItems(QUrl::FullyDecoded))
                query.addQueryItem(name, value);
            out.append({QString::fromLatin1(r.method), r.path, query, r.json()});
        }
        return out;
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
    void clearRequests() { m_server.clearRequests(); }

private:
    static QString key(const QString &method, const QString &path, const QString &cursor)
    {
        return method + QLatin1Char(' ') + path + QLatin1Char('#') + cursor;
    }

    FakeReply reply(const FakeRequest &r) const
    {
        const QString method = QString::fromLatin1(r.method);
        const QString cursor = r.query.queryItemValue(QStringLiteral("cursor"));
        const auto paged = m_answers.constFind(key(method, r.path, cursor));
        if (paged != m_answers.constEnd())
            return *paged;
        const auto any = m_answers.constFind(key(method, r.path, QString()));
        if (any != m_answers.constEnd())
            return *any;
        return FakeHttpServer::problem(404, QStringLiteral("not-found"),
                                       QStringLiteral("Not found"));
    }

    FakeHttpServer m_server;
    QHash<QString, FakeReply> m_answers;
};

} // namespace haitao::testing
