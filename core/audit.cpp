#include "core/audit.h"

#include "core/wiretime.h"

namespace haitao {

QJsonObject AuditEntry::toJson() const
{
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("at"), toWireTime(at)},
        {QStringLiteral("actorId"), actorId},
        {QStringLiteral("actorName"), actorName},
        {QStringLiteral("action"), action},
        {QStringLiteral("targetType"), targetType},
        {QStringLiteral("targetId"), targetId},
        {QStringLiteral("address"), address},
        {QStringLiteral("detail"), detail},
    };
}

AuditEntry AuditEntry::fromJson(const QJsonObject &json)
{
    AuditEntry e;
    e.id = json.value(QStringLiteral("id")).toInteger();
    e.at = fromWireTime(json.value(QStringLiteral("at")).toString());
    e.actorId = json.value(QStringLiteral("actorId")).toInteger();
    e.actorName = json.value(QStringLiteral("actorName")).toString();
    e.action = json.value(QStringLiteral("action")).toString();
    e.targetType = json.value(QStringLiteral("targetType")).toString();
    e.targetId = json.value(QStringLiteral("targetId")).toString();
    e.address = json.value(QStringLiteral("address")).toString();
    e.detail = json.value(QStringLiteral("detail")).toObject();
    return e;
}

} // namespace haitao
