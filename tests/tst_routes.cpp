// Default deny, checked over the whole route table: every route is called with no token, a
// customer's, an ops user's and an admin's, and must answer 401, 403 or 2xx as its access
// rule says. A route without a sample request below fails the test, so new routes get rows.
#include "backend/http/router.h"
#include "tests/support/syncclient.h"
#include "tests/support/testserver.h"

#include <QTest>

using namespace haitao;
using haitao::testing::SyncClient;
using haitao::testing::TestServer;

namespace {

struct Sample
{
    QString path; // {id}: an existing user; {n}: a fresh number per call
    QByteArray body;
};

// One valid request per route. {password} is the caller's own password.
const QHash<QString, Sample> kSamples = {
    {QStringLiteral("GET /healthz"), {QStringLiteral("/healthz"), {}}},
    {QStringLiteral("GET /readyz"), {QStringLiteral("/readyz"), {}}},
    {QStringLiteral("GET /metrics"), {QStringLiteral("/metrics"), {}}},
    {QStringLiteral("POST /api/v1/auth/register"),
     {QStringLiteral("/api/v1/auth/register"), R"({"username":"new{n}","password":"a password"})"}},
    {QStringLiteral("POST /api/v1/auth/login"),
     {QStringLiteral("/api/v1/auth/login"),
      R"({"username":"customer","password":"customer password"})"}},
    {QStringLiteral("POST /api/v1/auth/logout"), {QStringLiteral("/api/v1/auth/logout"), {}}},
    {QStringLiteral("GET /api/v1/auth/me"), {QStringLiteral("/api/v1/auth/me"), {}}},
    {QStringLiteral("POST /api/v1/auth/password"),
     {QStringLiteral("/api/v1/auth/password"),
      R"({"currentPassword":"{password}","newPassword":"{password}"})"}},
    {QStringLiteral("GET /api/v1/admin/users"), {QStringLiteral("/api/v1/admin/users"), {}}},
    {QStringLiteral("POST /api/v1/admin/users"),
     {QStringLiteral("/api/v1/admin/users"),
      R"({"username":"staff{n}","role":"ops","password":"a password"})"}},
    {QStringLiteral("GET /api/v1/admin/users/{id}"),
     {QStringLiteral("/api/v1/admin/users/{id}"), {}}},
    {QStringLiteral("PATCH /api/v1/admin/users/{id}"),
     {QStringLiteral("/api/v1/admin/users/{id}"), R"({"displayName":"Renamed {n}"})"}},
    {QStringLiteral("GET /api/v1/admin/audit"), {QStringLiteral("/api/v1/admin/audit"), {}}},
};

struct Caller
{
    const char *name;
    std::optional<Role> role; // nullopt: no token
    const char *username;
    const char *password;
};

const Caller kCallers[] = {
    {"anonymous", std::nullopt, "", ""},
    {"customer", Role::Customer, "customer", "customer password"},
    {"ops", Role::Ops, "opsuser", "ops password"},
    {"translator", Role::Translator, "translatoruser", "translator password"},
    {"admin", Role::Admin, "admin", "admin-test-password"},
};

} // namespace

class TstRoutes : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    qint64 m_targetId = 0;
    int m_counter = 0;

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
        m_server->createUser(QStringLiteral("customer"), QStringLiteral("customer password"),
                             Role::Customer);
        m_server->createUser(QStringLiteral("opsuser"), QStringLiteral("ops password"), Role::Ops);
        m_server->createUser(QStringLiteral("translatoruser"),
                             QStringLiteral("translator password"), Role::Translator);
        m_targetId = m_server->createUser(QStringLiteral("target"),
                                          QStringLiteral("target password"), Role::Ops);
    }

    void cleanupTestCase() { m_server.reset(); }

    void everyRouteHasASample()
    {
        QStringList missing;
        for (const server::Route &r : m_server->server().router().routes()) {
            if (!kSamples.contains(r.method + QLatin1Char(' ') + r.pattern))
                missing << r.method + QLatin1Char(' ') + r.pattern;
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
    }

    void accessIsEnforced_data()
    {
        QTest::addColumn<int>("routeIndex");
        QTest::addColumn<int>("callerIndex");
        const auto &routes = m_server->server().router().routes();
        for (int r = 0; r < routes.size(); ++r) {
            for (int c = 0; c < int(std::size(kCallers)); ++c) {
                QTest::addRow("%s %s as %s", qPrintable(routes.at(r).method),
                              qPrintable(routes.at(r).pattern), kCallers[c].name)
                    << r << c;
            }
        }
    }

    void accessIsEnforced()
    {
        QFETCH(int, routeIndex);
        QFETCH(int, callerIndex);
        const server::Route &route = m_server->server().router().routes().at(routeIndex);
        const Caller &caller = kCallers[callerIndex];
        const Sample sample = kSamples.value(route.method + QLatin1Char(' ') + route.pattern);
        QVERIFY(!sample.path.isEmpty());

        SyncClient c(m_server->url());
        if (caller.role) {
            const QString error =
                c.login(QString::fromLatin1(caller.username), QString::fromLatin1(caller.password));
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        const QString n = QString::number(++m_counter);
        const QString path = QString(sample.path)
                                 .replace(QStringLiteral("{id}"), QString::number(m_targetId))
                                 .replace(QStringLiteral("{n}"), n);
        QByteArray body = sample.body;
        body.replace("{n}", n.toUtf8()).replace("{password}", caller.password);
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!body.isEmpty())
            headers.append({QByteArray("Content-Type"), QByteArray("application/json")});

        const auto r = c.raw(route.method.toLatin1(), path, body, headers);
        int expected = 200;
        if (!route.access.isPublic && !caller.role)
            expected = 401;
        else if (caller.role && !route.access.allows(*caller.role))
            expected = 403;
        if (expected == 200)
            QVERIFY2(
                r.status >= 200 && r.status < 300,
                qPrintable(QStringLiteral("%1: %2").arg(r.status).arg(QString::fromUtf8(r.body))));
        else
            QCOMPARE(r.status, expected);
    }
};

QTEST_GUILESS_MAIN(TstRoutes)
#include "tst_routes.moc"
