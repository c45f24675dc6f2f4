#pragma once

#include "core/role.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace haitao {

// A user as the API shows it (never the password hash).
struct UserInfo
{
    qint64 id = 0;
    QString username;
    QString displayName;
    Role role = Role::Customer;
    bool disabled = false;
    QDateTime createdAt;

    QJsonObject toJson() const;
    static UserInfo fromJson(const QJsonObject &json);
    friend bool operator==(const UserInfo &, const UserInfo &) = default;
};

// What a successful sign-in returns.
struct Session
{
    QString token;
    QDateTime expiresAt;
    UserInfo user;

    QJsonObject toJson() const;
    static Session fromJson(const QJsonObject &json);
};

} // namespace haitao
