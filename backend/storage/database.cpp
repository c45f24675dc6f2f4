#include "backend/storage/database.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <unordered_map>
#include <utility>

namespace haitao::server {

namespace {

std::atomic<int> g_nextInstance{1};
std::atomic<quint64> g_nextThread{1};

struct CachedStatement
{
    QSqlQuery query;
    bool inUse = false;
};

// The connections opened by the current thread and their prepared statements; all removed
// when the thread ends (statements first: a connection must not be removed under them).
struct ThreadConnections
{
    quint64 serial = g_nextThread.fetch_add(1);
    QStringList names;
    std::unordered_map<QString, std::unordered_map<QString, std::unique_ptr<CachedStatement>>>
        statements; // connection name -> SQL -> statement

    void dropStatements(const QString &name) { statements.erase(name); }
    ~ThreadConnections()
    {
        statements.clear();
        for (const QString &name : std::as_const(names))
            QSqlDatabase::removeDatabase(name);
    }
};

ThreadConnections &threadConnections()
{
    thread_local ThreadConnections connections;
    return connections;
}

void execPragma(QSqlDatabase &db, const char *sql)
{
    QSqlQuery q(db);
    if (!q.exec(QString::fromLatin1(sql)))
        throw StorageError::fromSql(QString::fromLatin1(sql), q.lastError());
}

} // namespace

void execOrThrow(QSqlQuery &query, const char *what)
{
    if (!query.exec())
        throw StorageError::fromSql(QString::fromLatin1(what), query.lastError());
}

void execOrThrow(Statement &statement, const char *what)
{
    if (statement.m_query->exec())
        return;
    const QSqlError error = statement.m_query->lastError();
    // Qt marks a connection closed when the server went away (PostgreSQL restart, network):
    // say so, and the thread's next call opens a new one.
    if (!QSqlDatabase::database(statement.m_connection, false).isOpen())
        throw StorageError(QStringLiteral("%1: lost the connection: %2")
                               .arg(QString::fromLatin1(what), error.text()),
                           false, true);
    throw StorageError::fromSql(QString::fromLatin1(what), error);
}

Statement::Statement(QSqlQuery *cached, bool *inUse, QString connection)
    : m_query(cached)
    , m_connection(std::move(connection))
    , m_inUse(inUse)
{
    *m_inUse = true;
}

Statement::Statement(std::unique_ptr<QSqlQuery> own, QString connection)
    : m_query(own.get())
    , m_connection(std::move(connection))
    , m_owned(std::move(own))
{}

Statement::Statement(Statement &&other) noexcept
    : m_query(std::exchange(other.m_query, nullptr))
    , m_connection(std::move(other.m_connection))
    , m_inUse(std::exchange(other.m_inUse, nullptr))
    , m_owned(std::move(other.m_owned))
{}

Statement::~Statement()
{
    if (m_query && m_inUse) {
        m_query->finish();
        *m_inUse = false;
    }
}

Statement prepareOrThrow(const QSqlDatabase &db, const QString &sql)
{
    auto &perConnection = threadConnections().statements[db.connectionName()];
    auto &entry = perConnection[sql];
    if (entry && !entry->inUse)
        return Statement(&entry->query, &entry->inUse, db.connectionName());

    auto query = std::make_unique<QSqlQuery>(db);
    if (!query->prepare(sql)) {
        if (!db.isOpen()) // the server went away; the thread's next call reconnects
            throw StorageError(QStringLiteral("prepare: lost the connection"), false, true);
        throw StorageError::fromSql(QStringLiteral("prepare"), query->lastError());
    }
    if (entry) // the cached one is borrowed further up this thread's stack
        return Statement(std::move(query), db.connectionName());
    entry = std::make_unique<CachedStatement>(CachedStatement{std::move(*query), false});
    return Statement(&entry->query, &entry->inUse, db.connectionName());
}

Database::Database(QString component, DbUrl primary, std::optional<DbUrl> replica)
    : m_component(std::move(component))
    , m_primary(std::move(primary))
    , m_replica(std::move(replica))
    , m_instance(g_nextInstance.fetch_add(1))
{}

Database::~Database()
{
    close();
}

QSqlDatabase Database::writer()
{
    return connection(false);
}

QSqlDatabase Database::reader()
{
    return connection(m_replica.has_value());
}

QSqlDatabase Database::connection(bool replica)
{
    ThreadConnections &tc = threadConnections();
    const QString name = QStringLiteral("%1#%2/%3/%4")
                             .arg(m_component)
                             .arg(m_instance)
                             .arg(replica ? QLatin1String("r") : QLatin1String("w"))
                             .arg(tc.serial);
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return db;
        db = QSqlDatabase();
        tc.dropStatements(name);
        QSqlDatabase::removeDatabase(name);
    }
    QSqlDatabase db = open(name, replica ? *m_replica : m_primary, replica);
    tc.names.append(name);
    std::lock_guard lock(m_mutex);
    m_names.append(name);
    return db;
}

QSqlDatabase Database::open(const QString &name, const DbUrl &url, bool readOnly)
{
    QSqlDatabase db;
    if (url.dialect == Dialect::Sqlite) {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        if (!readOnly)
            QDir().mkpath(QFileInfo(url.path).absolutePath());
        db.setDatabaseName(url.path);
        // The busy timeout makes a writer wait for the lock instead of failing at once.
        db.setConnectOptions(readOnly ? QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000;"
                                                       "QSQLITE_OPEN_READONLY")
                                      : QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    } else {
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(url.host);
        db.setPort(url.port);
        db.setDatabaseName(url.database);
        db.setUserName(url.user);
        db.setPassword(url.password);
        db.setConnectOptions(url.options);
    }
    if (!db.open()) {
        const QSqlError error = db.lastError();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        throw StorageError(QStringLiteral("cannot open %1 store at %2: %3")
                               .arg(m_component, url.redacted(), error.text()),
                           false, true);
    }
    if (url.dialect == Dialect::Postgres)
        execPragma(db, "SET client_min_messages = warning");
    if (url.dialect == Dialect::Sqlite) {
        if (!readOnly) {
            execPragma(db, "PRAGMA journal_mode=WAL");
            execPragma(db, "PRAGMA synchronous=NORMAL");
        }
        execPragma(db, "PRAGMA foreign_keys=ON");
        // Read pages through a memory map instead of one pread() per page miss: each write
        // transaction in WAL mode invalidates the other connections' page caches, and the
        // syscalls were the largest single cost of a checkout (bench_orders, perf).
        execPragma(db, "PRAGMA mmap_size=268435456");
    }
    return db;
}

void Database::write(const std::function<void(QSqlDatabase &)> &work)
{
    // Both dialects run write transactions serializably, so that the invariants the services
    // check inside them (last admin, counters) hold under concurrency. SQLite gets there by
    // taking the write lock up front; PostgreSQL by SSI, whose conflicts are retried here.
    const QString begin = dialect() == Dialect::Sqlite
                              ? QStringLiteral("BEGIN IMMEDIATE")
                              : QStringLiteral("BEGIN ISOLATION LEVEL SERIALIZABLE");
    constexpr int kAttempts = 30;
    for (int attempt = 1;; ++attempt) {
        QSqlDatabase db = writer();
        QSqlQuery q(db);
        try {
            if (!q.exec(begin))
                throw StorageError::fromSql(QStringLiteral("begin"), q.lastError());
            bool commitFailed = false;
            try {
                work(db);
                if (!q.exec(QStringLiteral("COMMIT"))) {
                    commitFailed = true;
                    throw StorageError::fromSql(QStringLiteral("commit"), q.lastError());
                }
            } catch (...) {
                // PostgreSQL has ended a transaction whose COMMIT failed (a serialization
                // failure at commit): a ROLLBACK would only warn "no transaction in progress".
                // SQLite keeps it open after a busy COMMIT, so it is rolled back.
                if (!(commitFailed && dialect() == Dialect::Postgres)) {
                    QSqlQuery rollback(db);
                    rollback.exec(QStringLiteral("ROLLBACK"));
                }
                throw;
            }
            return;
        } catch (const StorageError &e) {
            if (e.isUnreachable() || !db.isOpen()) {
                db.close(); // a dropped connection is reopened on the next call
                // Never retried: a COMMIT may have reached the server before the line broke.
                throw StorageError(QString::fromUtf8(e.what()), false, true);
            }
            if (!e.isBusy() || attempt == kAttempts)
                throw;
            // Jittered back-off, so that conflicting writers do not collide again in step.
            const int ceiling = 1 << std::min(attempt, 6); // 2 .. 64 ms
            std::this_thread::sleep_for(
                std::chrono::milliseconds(QRandomGenerator::global()->bounded(1, ceiling + 1)));
        }
    }
}

bool Database::ping(QString *error)
{
    for (const bool replica : {false, true}) {
        if (replica && !m_replica)
            break;
        try {
            QSqlDatabase db = connection(replica);
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("SELECT 1")) || !q.next()) {
                *error = (replica ? QStringLiteral("replica: ") : QString()) + q.lastError().text();
                // A dropped PostgreSQL connection is reopened on the next call.
                db.close();
                return false;
            }
        } catch (const StorageError &e) {
            *error = QString::fromUtf8(e.what());
            return false;
        }
    }
    return true;
}

void Database::close()
{
    std::lock_guard lock(m_mutex);
    // Other threads that used this store have ended (and dropped theirs); this one drops its own.
    ThreadConnections &tc = threadConnections();
    for (const QString &name : std::as_const(m_names))
        tc.dropStatements(name);
    for (const QString &name : std::as_const(m_names))
        QSqlDatabase::removeDatabase(name);
    m_names.clear();
}

} // namespace haitao::server
