// The real haitao-server binary: flags, the first admin's one-time password, JSON logs,
// graceful stop on SIGTERM, a restart on the same data, and refusals at start.
#include "tests/support/syncclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using haitao::testing::SyncClient;

namespace {

struct Started
{
    QString url;
    QString oneTimePassword;
};

// Starts the server and reads its stdout up to the "listening on" line.
Started startServer(QProcess &process, const QString &dataDir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("HAITAO_ADMIN_PASSWORD"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(HAITAO_SERVER_BINARY),
                  {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                   QStringLiteral("--data"), dataDir, QStringLiteral("--log-format"),
                   QStringLiteral("json")});
    Started s;
    QByteArray out;
    QElapsedTimer timer;
    timer.start();
    while (!out.contains("listening on ") && timer.elapsed() < 60000) {
        if (!process.waitForReadyRead(1000) && process.state() != QProcess::Running)
            break;
        out += process.readAllStandardOutput();
    }
    const QString text = QString::fromUtf8(out);
    s.url =
        QRegularExpression(QStringLiteral("listening on (http://\\S+)")).match(text).captured(1);
    s.oneTimePassword =
        QRegularExpression(QStringLiteral("one-time password '([^']+)'")).match(text).captured(1);
    return s;
}

} // namespace

class TstServerProcess : public QObject
{
    Q_OBJECT

private slots:
    void firstStartStopAndRestart()
    {
        QTemporaryDir dir;
        QProcess server;
        const Started first = startServer(server, dir.path());
        QVERIFY2(!first.url.isEmpty(), server.readAllStandardError().constData());
        QVERIFY(first.oneTimePassword.size() >= 16);

        {
            // Scoped: an idle keep-alive connection would hold the shutdown for its timeout.
            SyncClient client{QUrl(first.url)};
            QCOMPARE(client.login(QStringLiteral("admin"), first.oneTimePassword), QString());
        }

#ifdef Q_OS_UNIX
        server.terminate(); // SIGTERM: finish in-flight requests, close the stores, exit 0
        QVERIFY(server.waitForFinished(15000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
        const QList<QByteArray> lines = server.readAllStandardError().split('\n');
        bool sawJsonRequestLine = false;
        for (const QByteArray &line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(QStringLiteral("msg")).toString() == QLatin1String("request") &&
                o.value(QStringLiteral("route")).toString() == QLatin1String("/api/v1/auth/login"))
                sawJsonRequestLine = !o.value(QStringLiteral("requestId")).toString().isEmpty();
        }
        QVERIFY(sawJsonRequestLine);

        // Same data: the admin exists, so no new password is made or shown.
        QProcess again;
        const Started second = startServer(again, dir.path());
        QVERIFY(!second.url.isEmpty());
        QVERIFY(second.oneTimePassword.isEmpty());
        {
            SyncClient client{QUrl(second.url)};
            QCOMPARE(client.login(QStringLiteral("admin"), first.oneTimePassword), QString());
        }
        again.terminate();
        QVERIFY(again.waitForFinished(15000));
        QCOMPARE(again.exitCode(), 0);
#else
        server.kill();
        server.waitForFinished();
#endif
    }

    void refusesBadFlags()
    {
        QProcess server;
        server.start(QStringLiteral(HAITAO_SERVER_BINARY),
                     {QStringLiteral("--listen"), QStringLiteral("nowhere")});
        QVERIFY(server.waitForFinished(15000));
        QCOMPARE(server.exitCode(), 2);
        QVERIFY(server.readAllStandardError().contains("HOST:PORT"));
    }

    void refusesAShortAdminPassword()
    {
        QTemporaryDir dir;
        QProcess server;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HAITAO_ADMIN_PASSWORD"), QStringLiteral("short"));
        server.setProcessEnvironment(env);
        server.start(QStringLiteral(HAITAO_SERVER_BINARY),
                     {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                      QStringLiteral("--data"), dir.path()});
        QVERIFY(server.waitForFinished(30000));
        QCOMPARE(server.exitCode(), 1);
        const QByteArray err = server.readAllStandardError();
        QVERIFY2(err.contains("HAITAO_ADMIN_PASSWORD must be 8 to 128 characters"),
                 err.constData());
    }

    void refusesANewerSchema()
    {
        QTemporaryDir dir;
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("prep"));
            db.setDatabaseName(dir.filePath(QStringLiteral("identity.db")));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE schema_migrations (version INTEGER PRIMARY "
                                          "KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)")));
            QVERIFY(
                q.exec(QStringLiteral("INSERT INTO schema_migrations VALUES (99, 'future', 0)")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("prep"));
        QProcess server;
        server.start(QStringLiteral(HAITAO_SERVER_BINARY),
                     {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                      QStringLiteral("--data"), dir.path()});
        QVERIFY(server.waitForFinished(30000));
        QCOMPARE(server.exitCode(), 1);
        const QByteArray err = server.readAllStandardError();
        QVERIFY2(err.contains("newer than this server knows"), err.constData());
    }
};

QTEST_GUILESS_MAIN(TstServerProcess)
#include "tst_server_process.moc"
