#include "backend/storage/migrations.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

namespace haitao::server {

namespace {

QString expand(QString sql, Dialect dialect)
{
    return sql.replace(QLatin1String("%ID%"),
                       dialect == Dialect::Sqlite
                           ? QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT")
                           : QLatin1String("BIGSERIAL PRIMARY KEY"));
}

void run(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        throw StorageError::fromSql(QStringLiteral("migration statement failed"), q.lastError());
}

void ensureTable(QSqlDatabase &db)
{
    run(db, QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                           "version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                           "applied_at BIGINT NOT NULL)"));
}

int currentVersion(QSqlDatabase &db)
{
    ensureTable(db);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")) ||
        !q.next())
        throw StorageError::fromSql(QStringLiteral("read schema version"), q.lastError());
    return q.value(0).toInt();
}

} // namespace

int schemaVersion(Database &database)
{
    QSqlDatabase db = database.writer();
    return currentVersion(db);
}

int migrate(Database &database, const QList<Migration> &migrations)
{
    int applied = 0;
    database.write([&](QSqlDatabase &db) {
        if (database.dialect() == Dialect::Postgres) {
            // Several instances may start at once against one PostgreSQL: one migrates at a time.
            run(db, QStringLiteral("SELECT pg_advisory_xact_lock(hashtext('haitao-migrate-%1'))")
                        .arg(database.component()));
        }
        const int current = currentVersion(db);
        const int known = migrations.isEmpty() ? 0 : migrations.last().version;
        if (current > known) {
            throw StorageError(QStringLiteral("the %1 store has schema version %2, newer than "
                                              "this server knows (%3): upgrade the server")
                                   .arg(database.component())
                                   .arg(current)
                                   .arg(known));
        }
        for (const Migration &m : migrations) {
            if (m.version <= current)
                continue;
            for (const QString &sql : m.statements)
                run(db, expand(sql, database.dialect()));
            const QStringList &specific =
                database.dialect() == Dialect::Sqlite ? m.sqliteOnly : m.postgresOnly;
            for (const QString &sql : specific)
                run(db, expand(sql, database.dialect()));
            Statement record = prepareOrThrow(
                db, QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) "
                                   "VALUES (:v, :n, :t)"));
            record.bindValue(QStringLiteral(":v"), m.version);
            record.bindValue(QStringLiteral(":n"), m.name);
            record.bindValue(QStringLiteral(":t"), QDateTime::currentMSecsSinceEpoch());
            execOrThrow(record, "record migration");
            ++applied;
        }
    });
    return applied;
}

} // namespace haitao::server
