// Storage on SQLite, and on PostgreSQL when HAITAO_TEST_PG_URL is set (the *_pg CTest entry).
#include "backend/identity/identitystore.h"
#include "backend/storage/database.h"
#include "backend/storage/migrations.h"
#include "tests/support/testdb.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace haitao::server;
using haitao::testing::freshDatabaseUrl;
using haitao::testing::usingPostgres;

namespace {

std::unique_ptr<Database> openDb(const QString &dir, const QString &component,
                                 bool withReplica = false)
{
    QString error;
    const auto url = DbUrl::parse(freshDatabaseUrl(dir, component), &error);
    if (!url)
        qFatal("bad test url: %s", qPrintable(error));
    return std::make_unique<Database>(component, *url,
                                      withReplica ? std::optional<DbUrl>(*url) : std::nullopt);
}

const QList<Migration> kCounterSchema = {
    {1,
     QStringLiteral("counter"),
     {QStringLiteral("CREATE TABLE items (id %ID%, worker INTEGER NOT NULL, n INTEGER NOT NULL)")},
     {},
     {}},
};

int count(Database &db, const QString &table)
{
    QSqlQuery q(db.writer());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) || !q.next())
        return -1;
    return q.value(0).toInt();
}

} // namespace

class TstStorage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (haitao::testing::postgresRequiredButMissing())
            QSKIP("no PostgreSQL configured: scripts/test starts one and sets HAITAO_TEST_PG_URL");
        qInfo("storage backend under test: %s", usingPostgres() ? "PostgreSQL" : "SQLite");
    }

    void migrationsApplyOnceAndAreRecorded()
    {
        QTemporaryDir dir;
        auto db = openDb(dir.path(), QStringLiteral("identity"));
        QCOMPARE(schemaVersion(*db), 0);
        QCOMPARE(migrate(*db, identitystore::migrations()), 1);
        QCOMPARE(schemaVersion(*db), 1);
        QCOMPARE(migrate(*db, identitystore::migrations()), 0);
        QSqlQuery q(db->writer());
        QVERIFY(q.exec(QStringLiteral("SELECT name, applied_at FROM schema_migrations")));
        QVERIFY(q.next());
        QVERIFY(q.value(0).toString().contains(QStringLiteral("users")));
        QVERIFY(q.value(1).toLongLong() > 0);
    }

    void refusesNewerSchema()
    {
        QTemporaryDir dir;
        auto db = openDb(dir.path(), QStringLiteral("identity"));
        migrate(*db, identitystore::migrations());
        db->write([](QSqlDatabase &c) {
            QSqlQuery q(c);
            QVERIFY(
                q.exec(QStringLiteral("INSERT INTO schema_migrations VALUES (99, 'future', 0)")));
        });
        try {
            migrate(*db, identitystore::migrations());
            QFAIL("a newer schema was accepted");
        } catch (const StorageError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("newer")), e.what());
        }
    }

    void failedMigrationLeavesNothingBehind()
    {
        QTemporaryDir dir;
        auto db = openDb(dir.path(), QStringLiteral("identity"));
        QList<Migration> broken = kCounterSchema;
        broken.append(
            {2, QStringLiteral("broken"), {QStringLiteral("CREATE TABLE oops (")}, {}, {}});
        QVERIFY_THROWS_EXCEPTION(StorageError, migrate(*db, broken));
        QCOMPARE(schemaVersion(*db), 0);
        QCOMPARE(count(*db, QStringLiteral("items")), -1); // version 1 rolled back with it
        QCOMPARE(migrate(*db, kCounterSchema), 1);
    }

    void writeRollsBackOnException()
    {
        QTemporaryDir dir;
        auto db = openDb(dir.path(), QStringLiteral("identity"));
        migrate(*db, kCounterSchema);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, db->write([](QSqlDatabase &c) {
            QSqlQuery q(c);
            q.exec(QStringLiteral("INSERT INTO items (worker, n) VALUES (1, 1)"));
            throw std::runtime_error("handler failed half-way");
        }));
        QCOMPARE(count(*db, QStringLiteral("items")), 0);
    }

    void concurrentWritersNeverSeeLockErrors()
    {
        QTemporaryDir dir;
        auto db = openDb(dir.path(), QStringLiteral("identity"));
        migrate(*db, kCounterSchema);
        constexpr int kThreads = 8;
        constexpr int kWrites = 60;
        std::atomic<int> failures{0};
        QStringList messages;
        std::mutex messagesMutex;
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < kWrites; ++i) {
                    try {
                        // Read-then-write in one transaction: the pattern that deadlocks with
                        // plain BEGIN on SQLite and must not here.
                        db->write([&](QSqlDatabase &c) {
                            QSqlQuery read(c);
                            if (!read.exec(QStringLiteral("SELECT COUNT(*) FROM items")) ||
                                !read.next())
                                throw StorageError::fromSql(QStringLiteral("read"),
                                                            read.lastError());
                            Statement q = prepareOrThrow(
                                c, QStringLiteral("INSERT INTO items (worker, n) VALUES (:w, :n)"));
                            q.bindValue(QStringLiteral(":w"), t);
                            q.bindValue(QStringLiteral(":n"), read.value(0).toInt());
                            execOrThrow(q, "insert");
                        });
                    } catch (const std::exception &e) {
                        ++failures;
                        std::lock_guard lock(messagesMutex);
                        messages << QString::fromUtf8(e.what());
                    }
                }
            });
        }
        for (auto &th : threads)
            th.join();
        QVERIFY2(failures == 0, qPrintable(messages.join(QLatin1Char('\n'))));
        QCOMPARE(count(*db, QStringLiteral("items")), kThreads * kWrites);
        // Each transaction saw every earlier one: the counts it read are all distinct.
        QSqlQuery q(db->writer());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(DISTINCT n) FROM items")) && q.next());
        QCOMPARE(q.value(0).toInt(), kThreads * kWrites);
    }

    void cachedStatementsSeeLaterWrites()
    {
        // A SELECT left unfinished must not pin its connection to an old snapshot.
        QTemporaryDir dir;
        QString error;
        const auto url =
            DbUrl::parse(freshDatabaseUrl(dir.path(), QStringLiteral("identity")), &error);
        QVERIFY2(url, qPrintable(error));
        Database writer(QStringLiteral("identity"), *url);
        Database other(QStringLiteral("identity"), *url);
        migrate(writer, kCounterSchema);
        auto insert = [&](int n) {
            writer.write([n](QSqlDatabase &c) {
                Statement q = prepareOrThrow(
                    c, QStringLiteral("INSERT INTO items (worker, n) VALUES (0, :n)"));
                q.bindValue(QStringLiteral(":n"), n);
                execOrThrow(q, "insert");
            });
        };
        auto count = [&] {
            {
                Statement rows =
                    prepareOrThrow(other.reader(), QStringLiteral("SELECT n FROM items"));
                execOrThrow(rows, "read rows");
                rows.next(); // the first of several rows: the statement is left unfinished
            }
            Statement q =
                prepareOrThrow(other.reader(), QStringLiteral("SELECT COUNT(*) FROM items"));
            execOrThrow(q, "count");
            q.next();
            return q.value(0).toInt();
        };
        insert(1);
        insert(2);
        QCOMPARE(count(), 2);
        insert(3);
        QCOMPARE(count(), 3);
    }

    void readsGoToTheReplica()
    {
        QTemporaryDir dir;
        auto db = openDb(dir.path(), QStringLiteral("identity"), true);
        QVERIFY(db->hasReplica());
        migrate(*db, kCounterSchema);
        db->write([](QSqlDatabase &c) {
            QSqlQuery q(c);
            QVERIFY(q.exec(QStringLiteral("INSERT INTO items (worker, n) VALUES (1, 1)")));
        });
        QVERIFY(db->reader().connectionName() != db->writer().connectionName());
        QSqlQuery read(db->reader());
        QVERIFY(read.exec(QStringLiteral("SELECT COUNT(*) FROM items")) && read.next());
        QCOMPARE(read.value(0).toInt(), 1);
        if (!usingPostgres()) {
            // The SQLite replica connection is opened read-only.
            QSqlQuery write(db->reader());
            QVERIFY(!write.exec(QStringLiteral("INSERT INTO items (worker, n) VALUES (2, 2)")));
        }
    }

    void auditLogIsAppendOnly()
    {
        QTemporaryDir dir;
        auto db = openDb(dir.path(), QStringLiteral("identity"));
        migrate(*db, identitystore::migrations());
        haitao::AuditEntry e;
        e.at = QDateTime::currentDateTimeUtc();
        e.actorName = QStringLiteral("system");
        e.action = QStringLiteral("test.event");
        db->write([&](QSqlDatabase &c) { auditlog::append(c, e); });
        QVERIFY_THROWS_EXCEPTION(StorageError, db->write([](QSqlDatabase &c) {
            QSqlQuery q(c);
            if (!q.exec(QStringLiteral("UPDATE audit_log SET action = 'forged'")))
                throw StorageError::fromSql(QStringLiteral("update"), q.lastError());
        }));
        QVERIFY_THROWS_EXCEPTION(StorageError, db->write([](QSqlDatabase &c) {
            QSqlQuery q(c);
            if (!q.exec(QStringLiteral("DELETE FROM audit_log")))
                throw StorageError::fromSql(QStringLiteral("delete"), q.lastError());
        }));
        QCOMPARE(auditlog::list(db->reader(), {}).items.size(), 1);
    }

    void uniqueViolationIsADuplicate()
    {
        QTemporaryDir dir;
        auto db = openDb(dir.path(), QStringLiteral("identity"));
        migrate(*db, identitystore::migrations());
        auto insert = [&] {
            db->write([](QSqlDatabase &c) {
                identitystore::insertUser(c, QStringLiteral("same"), QStringLiteral("Same"),
                                          haitao::Role::Ops, QStringLiteral("x"), 1);
            });
        };
        insert();
        try {
            insert();
            QFAIL("a second user with the same name was stored");
        } catch (const StorageError &e) {
            QVERIFY2(e.isDuplicate(), e.what());
        }
    }

    void reconnectsAfterConnectionLoss()
    {
        if (!usingPostgres())
            QSKIP("needs a server that can drop the connection: runs in tst_storage_pg");
        QTemporaryDir dir;
        QString error;
        const auto url =
            DbUrl::parse(freshDatabaseUrl(dir.path(), QStringLiteral("identity")), &error);
        QVERIFY2(url, qPrintable(error));
        Database db(QStringLiteral("identity"), *url);
        Database admin(QStringLiteral("identity"), *url);
        migrate(db, kCounterSchema);
        qint64 pid = 0;
        {
            Statement q = prepareOrThrow(db.writer(), QStringLiteral("SELECT pg_backend_pid()"));
            execOrThrow(q, "pid");
            QVERIFY(q.next());
            pid = q.value(0).toLongLong();
        }
        {
            Statement kill =
                prepareOrThrow(admin.writer(), QStringLiteral("SELECT pg_terminate_backend(:p)"));
            kill.bindValue(QStringLiteral(":p"), pid);
            execOrThrow(kill, "terminate");
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                Statement q = prepareOrThrow(
                    admin.writer(),
                    QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = :p"));
                q.bindValue(QStringLiteral(":p"), pid);
                execOrThrow(q, "activity");
                return q.next() && q.value(0).toInt() == 0;
            }(),
            5000);
        // The first call finds the connection gone and says so (503 upstream)...
        try {
            Statement q = prepareOrThrow(db.writer(), QStringLiteral("SELECT COUNT(*) FROM items"));
            execOrThrow(q, "count");
            QFAIL("a dead connection answered");
        } catch (const StorageError &e) {
            QVERIFY2(e.isUnreachable(), e.what());
        }
        // ...and the next one has a new connection.
        Statement q = prepareOrThrow(db.writer(), QStringLiteral("SELECT COUNT(*) FROM items"));
        execOrThrow(q, "count");
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void unreachableStoreIsReported()
    {
        const auto url = DbUrl::parse(QStringLiteral("sqlite:/proc/no-such-dir/x.db"), nullptr);
        Database db(QStringLiteral("identity"), *url);
        QString error;
        QVERIFY(!db.ping(&error));
        QVERIFY2(error.contains(QStringLiteral("cannot open")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TstStorage)
#include "tst_storage.moc"
