#pragma once

#include "backend/storage/database.h"

#include <QList>
#include <QStringList>

namespace haitao::server {

// One schema step of a component. Statements run in order in one transaction; `%ID%` stands
// for the dialect's auto-increment primary key.
struct Migration
{
    int version;
    QString name;
    QStringList statements;
    QStringList sqliteOnly;
    QStringList postgresOnly;
};

// Brings the component's schema up to the newest of `migrations` (versions ascending from 1),
// recording each in `schema_migrations`. Throws StorageError when the database already has a
// version this server does not know (a newer server wrote it): running on it would be unsafe.
// Returns the number of migrations applied.
int migrate(Database &db, const QList<Migration> &migrations);

// The highest version recorded, 0 for an empty database.
int schemaVersion(Database &db);

} // namespace haitao::server
