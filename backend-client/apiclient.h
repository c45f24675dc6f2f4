#pragma once

#include "backend-client/result.h"
#include "core/audit.h"
#include "core/page.h"
#include "core/user.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace haitao::client {

struct UserQuery
{
    QString search; // substring of user name or display name
    std::optional<Role> role;
    QString cursor; // from Page::nextCursor
    int limit = 50; // the server takes 1 to 200
};

struct AuditQuery
{
    QString action; // exact action, e.g. "user.created"
    QString actor;  // actor user name
    QString cursor;
    int limit = 100; // the server takes 1 to 500
};

struct NewUser
{
    QString username;
    QString displayName;
    Role role = Role::Ops;
    QString password;
};

struct UserPatch
{
    std::optional<Role> role;
    std::optional<bool> disabled;
    std::optional<QString> displayName;
};

// A raw HTTP answer, for callers that need more than the typed calls give (tests, tools).
struct RawResponse
{
    int status = 0; // 0: no HTTP answer
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString networkError; // set when status is 0
    QByteArray header(const QByteArray &name) const;
};

// A request body that is not JSON, with its Content-Type; empty bytes send no body.
struct RawBody
{
    QByteArray bytes;
    QByteArray contentType;
};

// A JSON answer with its headers, for calls whose state travels in headers (ETag, Location).
struct JsonReply
{
    int status = 0;
    QJsonObject body; // empty for 204
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray header(const QByteArray &name) const;
};

// `path` with `query` appended, '+' escaped (the server reads a raw '+' as a space).
QString pathWithQuery(const QString &path, const QUrlQuery &query);

// Asynchronous REST client of haitao-server. Every call takes a context object and a callback:
// the callback runs on the context's thread, once, and never after the context is destroyed.
// Nothing here blocks.
class ApiClient : public QObject
{
    Q_OBJECT

public:
    template <typename T> using Callback = std::function<void(const Result<T> &)>;

    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;

    void setBaseUrl(const QUrl &url); // e.g. http://127.0.0.1:8080
    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    // Health
    void health(QObject *context, Callback<Done> done);

    // Authentication. login() keeps the token for the calls that follow; logout() forgets it.
    void registerCustomer(const QString &username, const QString &password,
                          const QString &displayName, QObject *context, Callback<UserInfo> done);
    void login(const QString &username, const QString &password, QObject *context,
               Callback<Session> done);
    void logout(QObject *context, Callback<Done> done);
    void me(QObject *context, Callback<UserInfo> done);
    void changePassword(const QString &currentPassword, const QString &newPassword,
                        QObject *context, Callback<Done> done);

    // Administration (admin role)
    void listUsers(const UserQuery &query, QObject *context, Callback<Page<UserInfo>> done);
    void createUser(const NewUser &user, QObject *context, Callback<UserInfo> done);
    void updateUser(qint64 id, const UserPatch &patch, QObject *context, Callback<UserInfo> done);
    void listAudit(const AuditQuery &query, QObject *context, Callback<Page<AuditEntry>> done);

    // A JSON call with extra request headers (If-Match) whose answer keeps its headers (ETag).
    // Errors arrive as ApiError like every typed call; `body` null sends no body.
    void requestJson(const QByteArray &method, const QString &path, const QJsonObject *body,
                     const QList<QPair<QByteArray, QByteArray>> &headers, QObject *context,
                     Callback<JsonReply> done);
    // The same with a body that is not JSON (a feed file, a CSV), sent as is.
    void requestJson(const QByteArray &method, const QString &path, const RawBody &body,
                     QObject *context, Callback<JsonReply> done);
    // A call whose answer is not JSON (an image, a CSV export): the bytes and headers on
    // success; errors, and the end of a session on 401, as for every typed call.
    void requestBytes(const QByteArray &method, const QString &path, const RawBody &body,
                      const QList<QPair<QByteArray, QByteArray>> &headers, QObject *context,
                      Callback<RawResponse> done);

    // Any request; `path` may carry a query string. Adds the bearer token when one is set.
    void send(const QByteArray &method, const QString &path, const QByteArray &body,
              const QList<QPair<QByteArray, QByteArray>> &headers, QObject *context,
              std::function<void(const RawResponse &)> done);

signals:
    // The server refused the token (expired or revoked): the app should sign in again.
    void sessionExpired();
    // Whether the last call reached the server at all.
    void reachableChanged(bool reachable);

private:
    // Whether a call carries the session's token. Public calls (sign-in, sign-up, health)
    // don't, so a 401 on them never reads as a lost session.
    enum class Auth { Token, None };

    void sendRequest(const QByteArray &method, const QString &path, const QByteArray &body,
                     const QList<QPair<QByteArray, QByteArray>> &headers, const QString &token,
                     QObject *context, std::function<void(const RawResponse &)> done);
    void sendJson(const QByteArray &method, const QString &path, const RawBody &body,
                  const QList<QPair<QByteArray, QByteArray>> &headers, Auth auth, QObject *context,
                  std::function<void(const Result<JsonReply> &)> done);
    // Sends `body` with the token (or none) and hands a successful answer on; a failure
    // arrives as ApiError, and a 401 on the current token ends the session.
    void sendChecked(const QByteArray &method, const QString &path, const RawBody &body,
                     const QList<QPair<QByteArray, QByteArray>> &headers, Auth auth,
                     QObject *context, std::function<void(const Result<RawResponse> &)> done);
    template <typename T>
    void call(const QByteArray &method, const QString &path, const QJsonObject *body,
              QObject *context, Callback<T> done, std::function<T(const QJsonObject &)> parse,
              Auth auth = Auth::Token);
    void noteReachable(bool reachable);

    QNetworkAccessManager *m_nam;
    QUrl m_baseUrl;
    QString m_token;
    std::chrono::milliseconds m_timeout{15000};
    std::optional<bool> m_reachable;
};

} // namespace haitao::client
