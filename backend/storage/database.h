#pragma once

#include "backend/storage/dburl.h"
#include "backend/storage/storageerror.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>

#include <functional>
#include <memory>
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

// A prepared statement borrowed from this thread's cache for its connection: SQL is parsed
// once per connection, not once per request. Leaving scope resets it (sqlite3_reset), which
// also ends the read transaction an unfinished SELECT would otherwise keep open.
class Statement
{
public:
    Statement(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    QSqlQuery &query() { return *m_query; }
    void bindValue(const QString &placeholder, const QVariant &value)
    {
        m_query->bindValue(placeholder, value);
    }
    bool next() { return m_query->next(); }
    QVariant value(int index) const { return m_query->value(index); }

private:
    friend Statement prepareOrThrow(const QSqlDatabase &db, const QString &sql);
    friend void execOrThrow(Statement &statement, const char *what);
    Statement(QSqlQuery *cached, bool *inUse, QString connection);
    Statement(std::unique_ptr<QSqlQuery> own, QString connection);

    QSqlQuery *m_query;
    QString m_connection;
    bool *m_inUse = nullptr;            // the cache entry's flag, for borrowed statements
    std::unique_ptr<QSqlQuery> m_owned; // when the cached one is already in use (nesting)
};

// Prepares `sql` on `db` (from the cache where possible), throwing StorageError on failure.
Statement prepareOrThrow(const QSqlDatabase &db, const QString &sql);
// Executes a prepared statement and throws StorageError on failure.
void execOrThrow(Statement &statement, const char *what);
void execOrThrow(QSqlQuery &query, const char *what);

} // namespace haitao::server
