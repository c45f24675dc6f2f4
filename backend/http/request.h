#pragma once

#include "core/role.h"
#include "core/user.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>

namespace haitao::server {

// The signed-in user behind a request.
struct Principal
{
    qint64 userId = 0;
    QString username;
    Role role = Role::Customer;
    QString tokenHash;
    UserInfo user; // as read with the token, so /auth/me needs no second query
};

// What a handler sees of a request: no socket, no httplib types.
struct Request
{
    QString method;
    QString path;
    QHash<QString, QString> pathParams;
    std::function<QString(const QString &)> query;  // decoded query parameter, empty if absent
    std::function<QString(const QString &)> header; // request header, empty if absent
    QJsonObject body;                               // parsed JSON body of JSON routes
    QByteArray rawBody;                             // the body of Body::Raw routes
    std::optional<Principal> principal;             // set on every non-public route
    QString requestId;
    QString remoteAddress;

    const Principal &user() const { return *principal; }
    // A numeric path parameter; throws ApiError NotFound when it is not a positive integer.
    qint64 idParam(const QString &name) const;
};

// What a handler answers.
struct Response
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;

    static Response json(const QJsonObject &object, int status = 200);
    static Response noContent();
    static Response text(QByteArray body, QByteArray contentType);
};

} // namespace haitao::server
