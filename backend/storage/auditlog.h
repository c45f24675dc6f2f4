#pragma once

#include "backend/http/actor.h"
#include "backend/storage/migrations.h"
#include "core/audit.h"
#include "core/page.h"

#include <QSqlDatabase>
#include <QStringList>

namespace haitao::server {

struct AuditFilter
{
    QString action;
    QString actor;
    qint64 beforeId = 0; // 0: from the newest
    int limit = 100;
};

// The append-only audit table every component keeps in its own store (same shape in each,
// so the desktop shows them alike). Its migration statements go into the component's own
// first migration.
namespace auditlog {

QStringList createStatements();
QStringList sqliteGuards();   // triggers refusing UPDATE and DELETE
QStringList postgresGuards(); // the same for PostgreSQL

void append(QSqlDatabase &db, const AuditEntry &entry);
// Appends what `actor` did at `atMs`; call inside the transaction of the change itself.
void record(QSqlDatabase &db, const Actor &actor, qint64 atMs, const QString &action,
            const QString &targetType, const QString &targetId, const QJsonObject &detail = {});
Page<AuditEntry> list(const QSqlDatabase &db, const AuditFilter &filter);

} // namespace auditlog
} // namespace haitao::server
