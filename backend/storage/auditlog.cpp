#include "backend/storage/auditlog.h"

#include "backend/storage/database.h"
#include "backend/storage/keyset.h"
#include "backend/storage/sqltext.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

#include <limits>

namespace haitao::server::auditlog {

using sql::L;
using sql::text;

QStringList createStatements()
{
    return {
        L("CREATE TABLE audit_log ("
          " id %ID%,"
          " at BIGINT NOT NULL,"
          " actor_id BIGINT NOT NULL,"
          " actor_name TEXT NOT NULL,"
          " action TEXT NOT NULL,"
          " target_type TEXT NOT NULL,"
          " target_id TEXT NOT NULL,"
          " address TEXT NOT NULL,"
          " detail TEXT NOT NULL)"),
        L("CREATE INDEX audit_action ON audit_log(action, id)"),
        L("CREATE INDEX audit_actor ON audit_log(actor_name, id)"),
    };
}

QStringList sqliteGuards()
{
    return {
        L("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
          "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"),
        L("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
          "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"),
    };
}

QStringList postgresGuards()
{
    return {
        L("CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$ BEGIN "
          "RAISE EXCEPTION 'audit_log is append-only'; END $$ LANGUAGE plpgsql"),
        L("CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
          "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"),
    };
}

void append(QSqlDatabase &db, const AuditEntry &e)
{
    Statement q = prepareOrThrow(
        db, L("INSERT INTO audit_log (at, actor_id, actor_name, action, target_type, target_id, "
              "address, detail) VALUES (:at, :aid, :an, :ac, :tt, :ti, :ad, :de)"));
    q.bindValue(QStringLiteral(":at"), e.at.toMSecsSinceEpoch());
    q.bindValue(QStringLiteral(":aid"), e.actorId);
    q.bindValue(QStringLiteral(":an"), text(e.actorName));
    q.bindValue(QStringLiteral(":ac"), text(e.action));
    q.bindValue(QStringLiteral(":tt"), text(e.targetType));
    q.bindValue(QStringLiteral(":ti"), text(e.targetId));
    q.bindValue(QStringLiteral(":ad"), text(e.address));
    q.bindValue(QStringLiteral(":de"),
                QString::fromUtf8(QJsonDocument(e.detail).toJson(QJsonDocument::Compact)));
    execOrThrow(q, "append audit");
}

void record(QSqlDatabase &db, const Actor &actor, qint64 atMs, const QString &action,
            const QString &targetType, const QString &targetId, const QJsonObject &detail)
{
    AuditEntry e;
    e.at = QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC);
    e.actorId = actor.id;
    e.actorName = actor.name;
    e.action = action;
    e.targetType = targetType;
    e.targetId = targetId;
    e.address = actor.address;
    e.detail = detail;
    append(db, e);
}

Page<AuditEntry> list(const QSqlDatabase &db, const AuditFilter &filter)
{
    QString select = L("SELECT id, at, actor_id, actor_name, action, target_type, target_id, "
                       "address, detail FROM audit_log WHERE id < :before");
    if (!filter.action.isEmpty())
        select += QStringLiteral(" AND action = :action");
    if (!filter.actor.isEmpty())
        select += QStringLiteral(" AND actor_name = :actor");
    select += QStringLiteral(" ORDER BY id DESC LIMIT :n");
    Statement q = prepareOrThrow(db, select);
    q.bindValue(QStringLiteral(":before"),
                filter.beforeId > 0 ? filter.beforeId : std::numeric_limits<qint64>::max());
    if (!filter.action.isEmpty())
        q.bindValue(QStringLiteral(":action"), filter.action);
    if (!filter.actor.isEmpty())
        q.bindValue(QStringLiteral(":actor"), filter.actor);
    q.bindValue(QStringLiteral(":n"), filter.limit + 1);
    execOrThrow(q, "list audit");
    return sql::readKeysetPage<AuditEntry>(q, filter.limit, [](const QSqlQuery &row) {
        AuditEntry e;
        e.id = row.value(0).toLongLong();
        e.at = QDateTime::fromMSecsSinceEpoch(row.value(1).toLongLong(), Qt::UTC);
        e.actorId = row.value(2).toLongLong();
        e.actorName = row.value(3).toString();
        e.action = row.value(4).toString();
        e.targetType = row.value(5).toString();
        e.targetId = row.value(6).toString();
        e.address = row.value(7).toString();
        e.detail = QJsonDocument::fromJson(row.value(8).toString().toUtf8()).object();
        return e;
    });
}

} // namespace haitao::server::auditlog
