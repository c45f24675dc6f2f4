#include "core/user.h"

#include "core/wiretime.h"

namespace haitao {

QJsonObject UserInfo::toJson() const
{
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("username"), username},
        {QStringLiteral("displayName"), displayName},
        {QStringLiteral("role"), roleToString(role)},
        {QStringLiteral("disabled"), disabled},
        {QStringLiteral("createdAt"), toWireTime(createdAt)},
    };
}

UserInfo UserInfo::fromJson(const QJsonObject &json)
{
    UserInfo u;
    u.id = json.value(QStringLiteral("id")).toInteger();
    u.username = json.value(QStringLiteral("username")).toString();
    u.displayName = json.value(QStringLiteral("displayName")).toString();
    u.role = roleFromString(json.value(QStringLiteral("role")).toString()).value_or(Role::Customer);
    u.disabled = json.value(QStringLiteral("disabled")).toBool();
    u.createdAt = fromWireTime(json.value(QStringLiteral("createdAt")).toString());
    return u;
}

QJsonObject Session::toJson() const
{
    return {
        {QStringLiteral("token"), token},
        {QStringLiteral("expiresAt"), toWireTime(expiresAt)},
        {QStringLiteral("user"), user.toJson()},
    };
}

Session Session::fromJson(const QJsonObject &json)
{
    Session s;
    s.token = json.value(QStringLiteral("token")).toString();
    s.expiresAt = fromWireTime(json.value(QStringLiteral("expiresAt")).toString());
    s.user = UserInfo::fromJson(json.value(QStringLiteral("user")).toObject());
    return s;
}

} // namespace haitao
