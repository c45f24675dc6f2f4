#pragma once

#include "backend/storage/dburl.h"
#include "backend/storage/storageerror.h"

#include <QSqlDatabase>
#include <QStringList>

#include <functional>
#include <mutex>
#include <optional>

namespace haitao::server {

// One component's store: a primary and an optional read replica. Each thread gets its own
// connection to each (a QSqlDatabase may only be used by the thread that opened it); the
// connections close when their thread ends or when the store is closed.
class Database
{
public:
    Database(QString component, DbUrl primary, std::optional<DbUrl> replica = std::nullopt);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const QString &component() const { return m_component; }
    Dialect dialect() const { return m_primary.dialect; }
    bool hasReplica() const { return m_replica.has_value(); }

    // This thread's connections, opened on first use. Throw StorageError when unreachable.
    QSqlDatabase writer();
    QSqlDatabase reader(); // the replica where there is one, else the primary

    // Runs `work` inside a write transaction (BEGIN IMMEDIATE on SQLite, so writers queue on
    // the lock up front instead of failing on upgrade), commits, or rolls back on any exception.
    // Retries a few times when the database reports lock contention.
    void write(const std::function<void(QSqlDatabase &)> &work);

    bool ping(QString *error);
    // Closes every connection this store opened. Call only when no thread still uses it.
    void close();

private:
    QSqlDatabase connection(bool replica);
    QSqlDatabase open(const QString &name, const DbUrl &url, bool readOnly);

    QString m_component;
    DbUrl m_primary;
    std::optional<DbUrl> m_replica;
    int m_instance;
    std::mutex m_mutex;
    QStringList m_names;
};

// Executes a prepared statement and throws StorageError on failure.
void execOrThrow(class QSqlQuery &query, const char *what);
// Prepares `sql` on `db`, throwing StorageError on failure.
class QSqlQuery prepareOrThrow(const QSqlDatabase &db, const QString &sql);

} // namespace haitao::server
