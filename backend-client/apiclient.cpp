#include "backend-client/apiclient.h"

#include "backend-client/jsoncall.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

namespace haitao::client {

namespace {

// A JSON body as sent: compact, with its type; none for a null object pointer.
RawBody jsonBody(const QJsonObject *body)
{
    if (!body)
        return {};
    return {QJsonDocument(*body).toJson(QJsonDocument::Compact), "application/json"};
}

template <typename T> Page<T> parsePage(const QJsonObject &json)
{
    Page<T> page;
    const QJsonArray items = json.value(QStringLiteral("items")).toArray();
    for (const QJsonValue &v : items)
        page.items.append(T::fromJson(v.toObject()));
    page.nextCursor = json.value(QStringLiteral("nextCursor")).toString();
    return page;
}

QByteArray findHeader(const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &name)
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

} // namespace

QString pathWithQuery(const QString &path, const QUrlQuery &query)
{
    // QUrlQuery leaves '+' alone, and the server reads it as a space ("C++" -> "C  ").
    const QString q =
        query.toString(QUrl::FullyEncoded).replace(QLatin1Char('+'), QLatin1String("%2B"));
    return q.isEmpty() ? path : path + QLatin1Char('?') + q;
}

QByteArray RawResponse::header(const QByteArray &name) const
{
    return findHeader(headers, name);
}

QByteArray JsonReply::header(const QByteArray &name) const
{
    return findHeader(headers, name);
}

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
{}

ApiClient::~ApiClient() = default;

void ApiClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = url;
    m_reachable.reset();
}

void ApiClient::noteReachable(bool reachable)
{
    if (m_reachable == reachable)
        return;
    m_reachable = reachable;
    emit reachableChanged(reachable);
}

void ApiClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
                     const QList<QPair<QByteArray, QByteArray>> &headers, QObject *context,
                     std::function<void(const RawResponse &)> done)
{
    sendRequest(method, path, body, headers, m_token, context, std::move(done));
}

void ApiClient::sendRequest(const QByteArray &method, const QString &path, const QByteArray &body,
                            const QList<QPair<QByteArray, QByteArray>> &headers,
                            const QString &token, QObject *context,
                            std::function<void(const RawResponse &)> done)
{
    QUrl url = m_baseUrl;
    const qsizetype q = path.indexOf(QLatin1Char('?'));
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) +
                (q < 0 ? path : path.left(q)));
    if (q >= 0)
        url.setQuery(path.mid(q + 1), QUrl::StrictMode);

    QNetworkRequest request(url);
    request.setTransferTimeout(int(m_timeout.count()));
    request.setRawHeader("Accept", "application/json, application/problem+json");
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);

    QNetworkReply *reply = m_nam->sendCustomRequest(request, method, body);
    // The context guards the callback: if it dies first, the reply is dropped silently.
    QPointer<QObject> guard(context);
    // Connected to the client, not the context, so the reply is always freed; the callback
    // itself only runs while the context lives.
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, guard, hasContext = context != nullptr, done = std::move(done)] {
                reply->deleteLater();
                RawResponse r;
                r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                r.body = reply->readAll();
                r.headers = reply->rawHeaderPairs();
                if (r.status == 0)
                    r.networkError = reply->errorString();
                noteReachable(r.status != 0);
                if (hasContext && !guard)
                    return;
                done(r);
            });
}

void ApiClient::sendChecked(const QByteArray &method, const QString &path, const RawBody &body,
                            const QList<QPair<QByteArray, QByteArray>> &extraHeaders, Auth auth,
                            QObject *context, std::function<void(const Result<RawResponse> &)> done)
{
    QList<QPair<QByteArray, QByteArray>> headers = extraHeaders;
    if (!body.bytes.isEmpty() && !body.contentType.isEmpty())
        headers.append(qMakePair(QByteArray("Content-Type"), body.contentType));
    const QString token = auth == Auth::Token ? m_token : QString();
    sendRequest(method, path, body.bytes, headers, token, context,
                [this, token, done = std::move(done)](const RawResponse &r) {
                    if (r.status == 0) {
                        done(ApiError::network(r.networkError));
                        return;
                    }
                    if (r.status >= 400) {
                        ApiError error = ApiError::fromResponse(
                            r.status, r.body, r.header("Retry-After"), r.header("X-Request-Id"));
                        // A 401 on a call that carried the token means the session is gone, but
                        // only if that token is still ours: a late answer to a call made before a
                        // new sign-in must not end the new session.
                        if (r.status == 401 && !token.isEmpty() && m_token == token)
                            emit sessionExpired();
                        done(error);
                        return;
                    }
                    done(r);
                });
}

void ApiClient::sendJson(const QByteArray &method, const QString &path, const RawBody &body,
                         const QList<QPair<QByteArray, QByteArray>> &headers, Auth auth,
                         QObject *context, std::function<void(const Result<JsonReply> &)> done)
{
    sendChecked(method, path, body, headers, auth, context,
                [done = std::move(done)](const Result<RawResponse> &r) {
                    if (!r.ok()) {
                        done(r.error());
                        return;
                    }
                    JsonReply reply{r.value().status, QJsonObject(), r.value().headers};
                    if (r.value().body.isEmpty()) {
                        done(reply); // 204
                        return;
                    }
                    QJsonParseError parseError;
                    const QJsonDocument doc = QJsonDocument::fromJson(r.value().body, &parseError);
                    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
                        done(unreadableAnswer(r.value().status, parseError.errorString()));
                        return;
                    }
                    reply.body = doc.object();
                    done(reply);
                });
}

void ApiClient::requestJson(const QByteArray &method, const QString &path, const QJsonObject *body,
                            const QList<QPair<QByteArray, QByteArray>> &headers, QObject *context,
                            Callback<JsonReply> done)
{
    sendJson(method, path, jsonBody(body), headers, Auth::Token, context, std::move(done));
}

void ApiClient::requestJson(const QByteArray &method, const QString &path, const RawBody &body,
                            QObject *context, Callback<JsonReply> done)
{
    sendJson(method, path, body, {}, Auth::Token, context, std::move(done));
}

void ApiClient::requestBytes(const QByteArray &method, const QString &path, const RawBody &body,
                             const QList<QPair<QByteArray, QByteArray>> &headers, QObject *context,
                             Callback<RawResponse> done)
{
    sendChecked(method, path, body, headers, Auth::Token, context, std::move(done));
}

template <typename T>
void ApiClient::call(const QByteArray &method, const QString &path, const QJsonObject *body,
                     QObject *context, Callback<T> done,
                     std::function<T(const QJsonObject &)> parse, Auth auth)
{
    sendJson(method, path, jsonBody(body), {}, auth, context,
             [done = std::move(done), parse = std::move(parse)](const Result<JsonReply> &r) {
                 if (r.ok())
                     done(parse(r.value().body));
                 else
                     done(r.error());
             });
}

void ApiClient::health(QObject *context, Callback<Done> done)
{
    call<Done>(
        "GET", QStringLiteral("/healthz"), nullptr, context, std::move(done),
        [](const QJsonObject &) { return Done{}; }, Auth::None);
}

void ApiClient::registerCustomer(const QString &username, const QString &password,
                                 const QString &displayName, QObject *context,
                                 Callback<UserInfo> done)
{
    QJsonObject body{{QStringLiteral("username"), username},
                     {QStringLiteral("password"), password}};
    if (!displayName.isEmpty())
        body.insert(QStringLiteral("displayName"), displayName);
    call<UserInfo>("POST", QStringLiteral("/api/v1/auth/register"), &body, context, std::move(done),
                   &UserInfo::fromJson, Auth::None);
}

void ApiClient::login(const QString &username, const QString &password, QObject *context,
                      Callback<Session> done)
{
    const QJsonObject body{{QStringLiteral("username"), username},
                           {QStringLiteral("password"), password}};
    call<Session>(
        "POST", QStringLiteral("/api/v1/auth/login"), &body, context,
        [this, done = std::move(done)](const Result<Session> &r) {
            if (r.ok())
                m_token = r.value().token;
            done(r);
        },
        &Session::fromJson, Auth::None);
}

void ApiClient::logout(QObject *context, Callback<Done> done)
{
    call<Done>(
        "POST", QStringLiteral("/api/v1/auth/logout"), nullptr, context,
        [this, token = m_token, done = std::move(done)](const Result<Done> &r) {
            if (m_token == token) // a sign-in that finished meanwhile keeps its new token
                m_token.clear();
            done(r);
        },
        [](const QJsonObject &) { return Done{}; });
}

void ApiClient::me(QObject *context, Callback<UserInfo> done)
{
    call<UserInfo>("GET", QStringLiteral("/api/v1/auth/me"), nullptr, context, std::move(done),
                   &UserInfo::fromJson);
}

void ApiClient::changePassword(const QString &currentPassword, const QString &newPassword,
                               QObject *context, Callback<Done> done)
{
    const QJsonObject body{{QStringLiteral("currentPassword"), currentPassword},
                           {QStringLiteral("newPassword"), newPassword}};
    call<Done>("POST", QStringLiteral("/api/v1/auth/password"), &body, context, std::move(done),
               [](const QJsonObject &) { return Done{}; });
}

void ApiClient::listUsers(const UserQuery &query, QObject *context, Callback<Page<UserInfo>> done)
{
    QUrlQuery q;
    if (!query.search.isEmpty())
        q.addQueryItem(QStringLiteral("q"), query.search);
    if (query.role)
        q.addQueryItem(QStringLiteral("role"), roleToString(*query.role));
    if (!query.cursor.isEmpty())
        q.addQueryItem(QStringLiteral("cursor"), query.cursor);
    q.addQueryItem(QStringLiteral("limit"), QString::number(query.limit));
    call<Page<UserInfo>>("GET", pathWithQuery(QStringLiteral("/api/v1/admin/users"), q), nullptr,
                         context, std::move(done), &parsePage<UserInfo>);
}

void ApiClient::createUser(const NewUser &user, QObject *context, Callback<UserInfo> done)
{
    const QJsonObject body{{QStringLiteral("username"), user.username},
                           {QStringLiteral("displayName"), user.displayName},
                           {QStringLiteral("role"), roleToString(user.role)},
                           {QStringLiteral("password"), user.password}};
    call<UserInfo>("POST", QStringLiteral("/api/v1/admin/users"), &body, context, std::move(done),
                   &UserInfo::fromJson);
}

void ApiClient::updateUser(qint64 id, const UserPatch &patch, QObject *context,
                           Callback<UserInfo> done)
{
    QJsonObject body;
    if (patch.role)
        body.insert(QStringLiteral("role"), roleToString(*patch.role));
    if (patch.disabled)
        body.insert(QStringLiteral("disabled"), *patch.disabled);
    if (patch.displayName)
        body.insert(QStringLiteral("displayName"), *patch.displayName);
    call<UserInfo>("PATCH", QStringLiteral("/api/v1/admin/users/%1").arg(id), &body, context,
                   std::move(done), &UserInfo::fromJson);
}

void ApiClient::listAudit(const AuditQuery &query, QObject *context,
                          Callback<Page<AuditEntry>> done)
{
    QUrlQuery q;
    if (!query.action.isEmpty())
        q.addQueryItem(QStringLiteral("action"), query.action);
    if (!query.actor.isEmpty())
        q.addQueryItem(QStringLiteral("actor"), query.actor);
    if (!query.cursor.isEmpty())
        q.addQueryItem(QStringLiteral("cursor"), query.cursor);
    q.addQueryItem(QStringLiteral("limit"), QString::number(query.limit));
    call<Page<AuditEntry>>("GET", pathWithQuery(QStringLiteral("/api/v1/admin/audit"), q), nullptr,
                           context, std::move(done), &parsePage<AuditEntry>);
}

} // namespace haitao::client
