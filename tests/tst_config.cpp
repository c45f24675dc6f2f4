// Command line and environment: flags win over HAITAO_* variables; bad input says what's wrong.
#include "backend/config.h"
#include "backend/http/clientaddress.h"
#include "backend/storage/dburl.h"

#include <QTest>

using namespace haitao::server;

namespace {
std::optional<Config> parse(QStringList args, const QProcessEnvironment &env, QString *error)
{
    args.prepend(QStringLiteral("haitao-server"));
    return parseConfig(args, env, error);
}
} // namespace

class TstConfig : public QObject
{
    Q_OBJECT

private slots:
    void defaults()
    {
        QString error;
        const auto c = parse({}, QProcessEnvironment(), &error);
        QVERIFY2(c, qPrintable(error));
        QCOMPARE(c->host, QStringLiteral("127.0.0.1"));
        QCOMPARE(c->port, 8080);
        QVERIFY(!c->demo);
        QVERIFY(c->dbUrl(QStringLiteral("identity")).startsWith(QStringLiteral("sqlite:")));
        QVERIFY(c->dbUrl(QStringLiteral("identity")).endsWith(QStringLiteral("/data/identity.db")));
    }

    void flagsAndEnvironment()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("HAITAO_LISTEN"), QStringLiteral("0.0.0.0:9000"));
        env.insert(QStringLiteral("HAITAO_DATA"), QStringLiteral("/tmp/x"));
        env.insert(QStringLiteral("HAITAO_DEMO"), QStringLiteral("1"));
        env.insert(QStringLiteral("HAITAO_LOG_FORMAT"), QStringLiteral("json"));
        env.insert(QStringLiteral("HAITAO_DB"),
                   QStringLiteral("identity=postgres://u:p@db.internal:5433/ident"));
        QString error;
        auto c = parse({}, env, &error);
        QVERIFY2(c, qPrintable(error));
        QCOMPARE(c->host, QStringLiteral("0.0.0.0"));
        QCOMPARE(c->port, 9000);
        QCOMPARE(c->dataDir, QStringLiteral("/tmp/x"));
        QVERIFY(c->demo);
        QCOMPARE(c->logFormat, LogFormat::Json);
        QCOMPARE(c->dbUrl(QStringLiteral("identity")),
                 QStringLiteral("postgres://u:p@db.internal:5433/ident"));

        // A flag wins over the environment.
        c = parse({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                   QStringLiteral("--db"), QStringLiteral("identity=sqlite:/tmp/i.db"),
                   QStringLiteral("--db-replica"), QStringLiteral("identity=sqlite:/tmp/r.db")},
                  env, &error);
        QVERIFY2(c, qPrintable(error));
        QCOMPARE(c->port, 0);
        QCOMPARE(c->dbUrl(QStringLiteral("identity")), QStringLiteral("sqlite:/tmp/i.db"));
        QCOMPARE(c->replicaUrls.value(QStringLiteral("identity")),
                 QStringLiteral("sqlite:/tmp/r.db"));
    }

    void corsOrigins()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("HAITAO_CORS_ORIGINS"),
                   QStringLiteral("https://shop.example, http://localhost:5173"));
        QString error;
        const auto c = parse({}, env, &error);
        QVERIFY2(c, qPrintable(error));
        QCOMPARE(c->corsOrigins, (QStringList{QStringLiteral("https://shop.example"),
                                              QStringLiteral("http://localhost:5173")}));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("listen without port")
            << QStringList{QStringLiteral("--listen"), QStringLiteral("localhost")}
            << QStringLiteral("HOST:PORT");
        QTest::newRow("port out of range")
            << QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:70000")}
            << QStringLiteral("HOST:PORT");
        QTest::newRow("unknown component")
            << QStringList{QStringLiteral("--db"), QStringLiteral("billing=sqlite:/tmp/b.db")}
            << QStringLiteral("COMPONENT=URL");
        QTest::newRow("unknown scheme")
            << QStringList{QStringLiteral("--db"), QStringLiteral("identity=mysql://h/db")}
            << QStringLiteral("unsupported database URL");
        QTest::newRow("log format")
            << QStringList{QStringLiteral("--log-format"), QStringLiteral("xml")}
            << QStringLiteral("json or text");
        QTest::newRow("threads") << QStringList{QStringLiteral("--threads"), QStringLiteral("0")}
                                 << QStringLiteral("--threads");
        QTest::newRow("unknown flag")
            << QStringList{QStringLiteral("--colour")} << QStringLiteral("colour");
        QTest::newRow("cors origin with a path")
            << QStringList{QStringLiteral("--cors-origins"),
                           QStringLiteral("https://shop.example/")}
            << QStringLiteral("is not an origin");
        QTest::newRow("trusted proxies")
            << QStringList{QStringLiteral("--trusted-proxies"), QStringLiteral("10.0.0.0/8,lb")}
            << QStringLiteral("'lb' is not an address");
    }

    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!parse(args, QProcessEnvironment(), &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void clientBehindProxies_data()
    {
        QTest::addColumn<QString>("peer");
        QTest::addColumn<QString>("forwardedFor");
        QTest::addColumn<QString>("trusted");
        QTest::addColumn<QString>("client");
        const QString lb = QStringLiteral("10.0.0.0/8,127.0.0.1");
        auto s = [](const char *text) { return QString::fromLatin1(text); };
        QTest::newRow("no proxies trusted")
            << s("10.1.2.3") << s("203.0.113.5") << QString() << s("10.1.2.3");
        QTest::newRow("trusted balancer")
            << s("10.1.2.3") << s("203.0.113.5") << lb << s("203.0.113.5");
        QTest::newRow("untrusted peer forging")
            << s("198.51.100.7") << s("203.0.113.5") << lb << s("198.51.100.7");
        QTest::newRow("client-written hops ignored")
            << s("10.1.2.3") << s("1.1.1.1, 203.0.113.5, 10.9.9.9") << lb << s("203.0.113.5");
        QTest::newRow("no header") << s("10.1.2.3") << QString() << lb << s("10.1.2.3");
        QTest::newRow("garbage hop") << s("10.1.2.3") << s("evil") << lb << s("10.1.2.3");
        QTest::newRow("ipv6") << s("::1") << s("2001:db8::7") << s("::1") << s("2001:db8::7");
    }

    void clientBehindProxies()
    {
        QFETCH(QString, peer);
        QFETCH(QString, forwardedFor);
        QFETCH(QString, trusted);
        QFETCH(QString, client);
        QList<Subnet> subnets;
        QString error;
        QVERIFY2(parseSubnets(trusted, &subnets, &error), qPrintable(error));
        QCOMPARE(clientAddress(peer, forwardedFor, subnets), client);
    }

    void postgresUrl()
    {
        QString error;
        const auto url = DbUrl::parse(
            QStringLiteral("postgres://haitao:s%40cret@10.0.0.5:6432/orders?sslmode=require"),
            &error);
        QVERIFY2(url, qPrintable(error));
        QCOMPARE(url->dialect, Dialect::Postgres);
        QCOMPARE(url->host, QStringLiteral("10.0.0.5"));
        QCOMPARE(url->port, 6432);
        QCOMPARE(url->database, QStringLiteral("orders"));
        QCOMPARE(url->user, QStringLiteral("haitao"));
        QCOMPARE(url->password, QStringLiteral("s@cret"));
        QCOMPARE(url->options, QStringLiteral("sslmode=require"));
        QVERIFY(!url->redacted().contains(QStringLiteral("cret")));
        QVERIFY(!DbUrl::parse(QStringLiteral("postgres://host-only"), &error));
        QVERIFY(!DbUrl::parse(QStringLiteral("sqlite:"), &error));
    }
};

QTEST_GUILESS_MAIN(TstConfig)
#include "tst_config.moc"
