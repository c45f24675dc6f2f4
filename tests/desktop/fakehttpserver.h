#pragma once

// A small HTTP/1.1 server on the test's own thread (QTcpServer), for widget tests of screens
// whose server routes are not needed in full: each request is recorded and answered by the
// test's handler with a status and a JSON body. One request per connection (Connection:
// close), Content-Length bodies only: what QNetworkAccessManager sends.

#include <QByteArray>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

struct FakeRequest
{
    QByteArray method;
    QString path; // without the query
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
};

struct FakeReply
{
    int status = 200;
    QJsonObject body;
    bool problem = false; // application/problem+json
    QByteArray raw;       // sent instead of `body` when set (arrays, broken JSON)
};

class FakeHttpServer : public QObject
{
public:
    using Handler = std::function<FakeReply(const FakeRequest &)>;

    explicit FakeHttpServer(Handler handler, QObject *parent = nullptr)
        : QObject(parent)
        , m_handler(std::move(handler))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                serve(socket);
        });
    }

    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    const QList<FakeRequest> &requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }
    // The requests to `path` (any method), in arrival order.
    QList<FakeRequest> requestsTo(const QString &path) const
    {
        QList<FakeRequest> out;
        for (const FakeRequest &r : m_requests) {
            if (r.path == path)
                out.append(r);
        }
        return out;
    }
    // While held, answers wait (a slow server); release() sends them.
    void hold() { m_holding = true; }
    void release()
    {
        m_holding = false;
        const auto waiting = m_waiting;
        m_waiting.clear();
        for (const auto &w : waiting)
            answer(w.first, w.second);
    }

    static FakeReply problem(int status, const QString &slug, const QString &detail)
    {
        return {status,
                QJsonObject{{QStringLiteral("type"), QStringLiteral("urn:haitao:problem:") + slug},
                            {QStringLiteral("title"), detail},
                            {QStringLiteral("status"), status},
                            {QStringLiteral("detail"), detail}},
                true};
    }

private:
    void serve(QTcpSocket *socket)
    {
        auto *buffer = new QByteArray;
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QObject::connect(socket, &QObject::destroyed, [buffer] { delete buffer; });
        QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            FakeRequest request;
            const QList<QByteArray> lines = buffer->left(end).split('\n');
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            request.method = first.value(0);
            const QUrl target(QString::fromLatin1(first.value(1)));
            request.path = target.path();
            request.query = QUrlQuery(target.query(QUrl::FullyEncoded));
            qsizetype length = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0)
                    continue;
                const QByteArray name = line.left(colon).trimmed();
                const QByteArray value = line.mid(colon + 1).trimmed();
                request.headers.append({name, value});
                if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
                    length = value.toLongLong();
            }
            if (buffer->size() < end + 4 + length)
                return; // the body is still coming
            request.body = buffer->mid(end + 4, length);
            buffer->clear();
            m_requests.append(request);
            const FakeReply reply = m_handler(request);
            if (m_holding)
                m_waiting.append({QPointer<QTcpSocket>(socket), reply});
            else
                answer(socket, reply);
        });
    }

    static void answer(QPointer<QTcpSocket> socket, const FakeReply &reply)
    {
        if (!socket)
            return;
        const QByteArray body = reply.status == 204 ? QByteArray()
                                : !reply.raw.isEmpty()
                                    ? reply.raw
                                    : QJsonDocument(reply.body).toJson(QJsonDocument::Compact);
        QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) + " X\r\n";
        head += reply.problem ? "Content-Type: application/problem+json\r\n"
                              : "Content-Type: application/json\r\n";
        head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        head += "Connection: close\r\n\r\n";
        socket->write(head + body);
        socket->disconnectFromHost();
    }

    Handler m_handler;
    QTcpServer m_server;
    QList<FakeRequest> m_requests;
    bool m_holding = false;
    QList<QPair<QPointer<QTcpSocket>, FakeReply>> m_waiting;
};
