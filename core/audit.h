#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace haitao {

// One line of the append-only audit log: who did what to whom, and when.
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;
    qint64 actorId = 0; // 0: anonymous (e.g. a failed login)
    QString actorName;
    QString action; // e.g. "user.created", "user.role_changed", "auth.login_failed"
    QString targetType;
    QString targetId;
    QString address;
    QJsonObject detail;

    QJsonObject toJson() const;
    static AuditEntry fromJson(const QJsonObject &json);
};

} // namespace haitao
