// Sign-up, sign-in, lockout, token expiry and revocation, user administration and its audit
// trail: over real HTTP through backend-client against an in-process server.
#include "tests/support/syncclient.h"
#include "tests/support/testdb.h"
#include "tests/support/testserver.h"

#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <memory>

using namespace haitao;
using haitao::client::ApiError;
using haitao::testing::SyncClient;
using haitao::testing::TestServer;

class TstAuth : public QObject
{
    Q_OBJECT

    std::shared_ptr<std::atomic<qint64>> m_offset = std::make_shared<std::atomic<qint64>>(0);
    std::unique_ptr<TestServer> m_server;

    void advance(qint64 seconds) { *m_offset += seconds * 1000; }

    std::unique_ptr<SyncClient> client() { return std::make_unique<SyncClient>(m_server->url()); }

    std::unique_ptr<SyncClient> signedIn(const QString &user, const QString &password)
    {
        auto c = client();
        const QString error = c->login(user, password);
        if (!error.isEmpty())
            qWarning("login failed: %s", qPrintable(error));
        return c;
    }

    QList<AuditEntry> audit(const QString &action)
    {
        auto admin = signedIn(QStringLiteral("admin"), TestServer::adminPassword());
        client::AuditQuery q;
        q.action = action;
        const auto r = admin->wait<Page<AuditEntry>>(
            [&](QObject *ctx, auto done) { admin->api().listAudit(q, ctx, done); });
        return r.ok() ? r.value().items : QList<AuditEntry>();
    }

private slots:
    void initTestCase()
    {
        if (haitao::testing::postgresRequiredButMissing())
            QSKIP("no PostgreSQL configured: scripts/test starts one and sets HAITAO_TEST_PG_URL");
    }

    void init()
    {
        server::Config config;
        auto offset = m_offset;
        *offset = 0;
        config.clock = [offset] { return QDateTime::currentMSecsSinceEpoch() + offset->load(); };
        config.tokenTtlSeconds = 3600;
        config.lockout.maxFailuresPerAccount = 5;
        config.lockout.maxFailuresPerAddress = 1000;
        config.lockout.windowSeconds = 900;
        m_server = std::make_unique<TestServer>(config);
        QVERIFY(m_server->start());
    }

    void cleanup() { m_server.reset(); }

    void registerAndSignIn()
    {
        auto c = client();
        const auto reg = c->wait<UserInfo>([&](QObject *ctx, auto done) {
            c->api().registerCustomer(QStringLiteral("Zhang.Wei"), QStringLiteral("long enough pw"),
                                      QStringLiteral("张伟"), ctx, done);
        });
        QVERIFY2(reg.ok(), qPrintable(reg.error().message()));
        QCOMPARE(reg.value().username, QStringLiteral("zhang.wei")); // names are case-insensitive
        QCOMPARE(reg.value().role, Role::Customer);
        QCOMPARE(reg.value().displayName, QStringLiteral("张伟"));

        const auto session = c->wait<Session>([&](QObject *ctx, auto done) {
            c->api().login(QStringLiteral("ZHANG.WEI"), QStringLiteral("long enough pw"), ctx,
                           done);
        });
        QVERIFY2(session.ok(), qPrintable(session.error().message()));
        QVERIFY(session.value().token.size() >= 40);
        QVERIFY(session.value().expiresAt > QDateTime::currentDateTimeUtc().addSecs(3500));

        const auto me = c->wait<UserInfo>([&](QObject *ctx, auto done) { c->api().me(ctx, done); });
        QVERIFY(me.ok());
        QCOMPARE(me.value().id, reg.value().id);
        QCOMPARE(audit(QStringLiteral("user.registered")).size(), 1);
    }

    void registrationValidates()
    {
        auto c = client();
        const auto r = c->wait<UserInfo>([&](QObject *ctx, auto done) {
            c->api().registerCustomer(QStringLiteral("x"), QStringLiteral("short"), QString(), ctx,
                                      done);
        });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().status, 422);
        QCOMPARE(r.error().kind, ProblemKind::Validation);
        QStringList fields;
        for (const auto &e : r.error().errors)
            fields << e.field;
        fields.sort();
        QCOMPARE(fields, (QStringList{QStringLiteral("password"), QStringLiteral("username")}));

        const auto taken = c->wait<UserInfo>([&](QObject *ctx, auto done) {
            c->api().registerCustomer(QStringLiteral("admin"), QStringLiteral("long enough pw"),
                                      QString(), ctx, done);
        });
        QCOMPARE(taken.error().status, 409);
        QCOMPARE(taken.error().kind, ProblemKind::Conflict);
    }

    void wrongPasswordAndUnknownUser()
    {
        auto c = client();
        for (const QString &user : {QStringLiteral("admin"), QStringLiteral("nobody")}) {
            const auto r = c->wait<Session>([&](QObject *ctx, auto done) {
                c->api().login(user, QStringLiteral("wrong password"), ctx, done);
            });
            QVERIFY(!r.ok());
            QCOMPARE(r.error().status, 401);
            // Same answer whether the account exists or not.
            QCOMPARE(r.error().detail, QStringLiteral("The user name or password is wrong"));
        }
        QCOMPARE(audit(QStringLiteral("auth.login_failed")).size(), 2);
    }

    void lockoutAfterRepeatedFailures()
    {
        m_server->createUser(QStringLiteral("lina"), QStringLiteral("correct horse"), Role::Ops);
        auto c = client();
        auto attempt = [&](const QString &password) {
            return c->wait<Session>([&](QObject *ctx, auto done) {
                c->api().login(QStringLiteral("lina"), password, ctx, done);
            });
        };
        for (int i = 0; i < 5; ++i)
            QCOMPARE(attempt(QStringLiteral("guess %1").arg(i)).error().status, 401);
        // Locked now, even with the right password.
        const auto locked = attempt(QStringLiteral("correct horse"));
        QVERIFY(!locked.ok());
        QCOMPARE(locked.error().status, 429);
        QCOMPARE(locked.error().kind, ProblemKind::TooManyRequests);
        QVERIFY(locked.error().retryAfterSeconds > 0);
        QVERIFY(locked.error().retryAfterSeconds <= 900);
        QVERIFY(!audit(QStringLiteral("auth.login_refused")).isEmpty());

        // Other accounts are unaffected.
        QVERIFY(
            signedIn(QStringLiteral("admin"), TestServer::adminPassword())->api().token().size() >
            0);

        advance(901);
        const auto after = attempt(QStringLiteral("correct horse"));
        QVERIFY2(after.ok(), qPrintable(after.error().message()));
    }

    void parallelGuessesCannotPassTheLimit()
    {
        m_server->createUser(QStringLiteral("guessme"), QStringLiteral("the real one"), Role::Ops);
        client::ApiClient api;
        api.setBaseUrl(m_server->url());
        QObject context;
        int unauthorized = 0, tooMany = 0, other = 0;
        for (int i = 0; i < 12; ++i) {
            api.login(QStringLiteral("guessme"), QStringLiteral("guess %1").arg(i), &context,
                      [&](const client::Result<Session> &r) {
                          const int status = r.error().status;
                          (status == 401 ? unauthorized : status == 429 ? tooMany : other)++;
                      });
        }
        QTRY_COMPARE_WITH_TIMEOUT(unauthorized + tooMany + other, 12, 15000);
        QCOMPARE(other, 0);
        QCOMPARE(unauthorized, 5); // exactly the limit, however the requests interleave
        QCOMPARE(tooMany, 7);
    }

    void addressLockoutSeesClientsBehindATrustedProxy()
    {
        server::Config config;
        config.trustedProxies = QStringLiteral("127.0.0.1");
        config.lockout.maxFailuresPerAddress = 3;
        TestServer lb(config);
        QVERIFY(lb.start());
        SyncClient c(lb.url());
        auto attempt = [&](const QByteArray &client, int n) {
            return c
                .raw("POST", QStringLiteral("/api/v1/auth/login"),
                     QStringLiteral(R"({"username":"nobody%1","password":"wrong password"})")
                         .arg(n)
                         .toUtf8(),
                     {{"Content-Type", "application/json"}, {"X-Forwarded-For", client}})
                .status;
        };
        for (int i = 0; i < 3; ++i)
            QCOMPARE(attempt("203.0.113.5", i), 401);
        QCOMPARE(attempt("203.0.113.5", 3), 429); // that client is locked out...
        QCOMPARE(attempt("203.0.113.6", 4), 401); // ...the one next to it behind the LB is not
    }

    void tokenExpires()
    {
        auto c = signedIn(QStringLiteral("admin"), TestServer::adminPassword());
        QVERIFY(c->wait<UserInfo>([&](QObject *ctx, auto done) { c->api().me(ctx, done); }).ok());
        // Calls whose bodies or answers are not JSON (an export, an upload) carry the token too.
        const QString csvExport =
            QStringLiteral("/api/v1/catalog/glossary/export?source=en&target=zh");
        const auto exported = c->wait<client::RawResponse>([&](QObject *ctx, auto done) {
            c->api().requestBytes("GET", csvExport, {}, {}, ctx, done);
        });
        QVERIFY2(exported.ok(), qPrintable(exported.ok() ? QString() : exported.error().detail));
        QVERIFY(exported.value().body.startsWith("\xEF\xBB\xBF")); // the CSV's BOM
        QSignalSpy expired(&c->api(), &client::ApiClient::sessionExpired);
        advance(3601);
        const auto r = c->wait<UserInfo>([&](QObject *ctx, auto done) { c->api().me(ctx, done); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().status, 401);
        QCOMPARE(r.error().kind, ProblemKind::Unauthenticated);
        QCOMPARE(expired.count(), 1);
        // ...and end the session the same way.
        const auto bytes = c->wait<client::RawResponse>([&](QObject *ctx, auto done) {
            c->api().requestBytes("GET", csvExport, {}, {}, ctx, done);
        });
        QCOMPARE(bytes.error().status, 401);
        QCOMPARE(expired.count(), 2);
        const auto upload = c->wait<client::JsonReply>([&](QObject *ctx, auto done) {
            c->api().requestJson(
                "POST", QStringLiteral("/api/v1/catalog/imports?site=shop.example&format=csv"),
                client::RawBody{"sku,title,price,currency\n", "text/csv"}, ctx, done);
        });
        QCOMPARE(upload.error().status, 401);
        QCOMPARE(expired.count(), 3);
    }

    void wrongPasswordIsNotALostSession()
    {
        // A refused sign-in while a session is held only answers 401; the session goes on.
        auto c = signedIn(QStringLiteral("admin"), TestServer::adminPassword());
        QSignalSpy expired(&c->api(), &client::ApiClient::sessionExpired);
        const auto r = c->wait<Session>([&](QObject *ctx, auto done) {
            c->api().login(QStringLiteral("admin"), QStringLiteral("wrong password"), ctx, done);
        });
        QCOMPARE(r.error().status, 401);
        QCOMPARE(expired.count(), 0);
        QVERIFY(c->wait<UserInfo>([&](QObject *ctx, auto done) { c->api().me(ctx, done); }).ok());
    }

    void logoutRevokesOnlyThatToken()
    {
        auto a = signedIn(QStringLiteral("admin"), TestServer::adminPassword());
        auto b = signedIn(QStringLiteral("admin"), TestServer::adminPassword());
        const QString tokenA = a->api().token();
        QVERIFY(a->wait<client::Done>([&](QObject *ctx, auto done) {
                     a->api().logout(ctx, done);
                 }).ok());
        QVERIFY(a->api().token().isEmpty());
        a->api().setToken(tokenA);
        QCOMPARE(a->wait<UserInfo>([&](QObject *ctx, auto done) { a->api().me(ctx, done); })
                     .error()
                     .status,
                 401);
        QVERIFY(b->wait<UserInfo>([&](QObject *ctx, auto done) { b->api().me(ctx, done); }).ok());
    }

    void changePassword()
    {
        m_server->createUser(QStringLiteral("fang"), QStringLiteral("first password"),
                             Role::Translator);
        auto one = signedIn(QStringLiteral("fang"), QStringLiteral("first password"));
        auto two = signedIn(QStringLiteral("fang"), QStringLiteral("first password"));
        const auto wrong = one->wait<client::Done>([&](QObject *ctx, auto done) {
            one->api().changePassword(QStringLiteral("not it"), QStringLiteral("second password"),
                                      ctx, done);
        });
        QCOMPARE(wrong.error().status, 422);
        QCOMPARE(wrong.error().errors.value(0).field, QStringLiteral("currentPassword"));
        const auto ok = one->wait<client::Done>([&](QObject *ctx, auto done) {
            one->api().changePassword(QStringLiteral("first password"),
                                      QStringLiteral("second password"), ctx, done);
        });
        QVERIFY2(ok.ok(), qPrintable(ok.error().message()));
        // This session goes on; the other one ends; the new password works.
        QVERIFY(
            one->wait<UserInfo>([&](QObject *ctx, auto done) { one->api().me(ctx, done); }).ok());
        QCOMPARE(two->wait<UserInfo>([&](QObject *ctx, auto done) { two->api().me(ctx, done); })
                     .error()
                     .status,
                 401);
        QVERIFY(
            client()->login(QStringLiteral("fang"), QStringLiteral("second password")).isEmpty());
    }

    void adminManagesStaff()
    {
        auto admin = signedIn(QStringLiteral("admin"), TestServer::adminPassword());
        client::NewUser n{QStringLiteral("ops2"), QStringLiteral("Ops Two"), Role::Ops,
                          QStringLiteral("ops password")};
        const auto created = admin->wait<UserInfo>(
            [&](QObject *ctx, auto done) { admin->api().createUser(n, ctx, done); });
        QVERIFY2(created.ok(), qPrintable(created.error().message()));
        QCOMPARE(created.value().role, Role::Ops);

        client::NewUser customer = n;
        customer.username = QStringLiteral("cust2");
        customer.role = Role::Customer;
        const auto refused = admin->wait<UserInfo>(
            [&](QObject *ctx, auto done) { admin->api().createUser(customer, ctx, done); });
        QCOMPARE(refused.error().status, 422);
        QCOMPARE(refused.error().errors.value(0).field, QStringLiteral("role"));

        auto ops = signedIn(QStringLiteral("ops2"), QStringLiteral("ops password"));
        client::UserPatch patch;
        patch.role = Role::Translator;
        const auto changed = admin->wait<UserInfo>([&](QObject *ctx, auto done) {
            admin->api().updateUser(created.value().id, patch, ctx, done);
        });
        QVERIFY(changed.ok());
        QCOMPARE(changed.value().role, Role::Translator);
        const auto roleAudit = audit(QStringLiteral("user.role_changed"));
        QCOMPARE(roleAudit.size(), 1);
        QCOMPARE(roleAudit.first().actorName, QStringLiteral("admin"));
        QCOMPARE(roleAudit.first().detail.value(QStringLiteral("to")).toString(),
                 QStringLiteral("translator"));

        client::UserPatch toCustomer;
        toCustomer.role = Role::Customer;
        const auto crossing = admin->wait<UserInfo>([&](QObject *ctx, auto done) {
            admin->api().updateUser(created.value().id, toCustomer, ctx, done);
        });
        QCOMPARE(crossing.error().status, 422);
        QCOMPARE(crossing.error().errors.value(0).field, QStringLiteral("role"));

        client::UserPatch disable;
        disable.disabled = true;
        QVERIFY(admin
                    ->wait<UserInfo>([&](QObject *ctx, auto done) {
                        admin->api().updateUser(created.value().id, disable, ctx, done);
                    })
                    .value()
                    .disabled);
        // Disabling ends the user's sessions and refuses new ones.
        QCOMPARE(ops->wait<UserInfo>([&](QObject *ctx, auto done) { ops->api().me(ctx, done); })
                     .error()
                     .status,
                 401);
        auto again = client();
        const auto login = again->wait<Session>([&](QObject *ctx, auto done) {
            again->api().login(QStringLiteral("ops2"), QStringLiteral("ops password"), ctx, done);
        });
        QCOMPARE(login.error().status, 403);
    }

    void lastAdminIsProtected()
    {
        auto admin = signedIn(QStringLiteral("admin"), TestServer::adminPassword());
        const qint64 adminId = 1;
        client::UserPatch demote;
        demote.role = Role::Ops;
        const auto self = admin->wait<UserInfo>(
            [&](QObject *ctx, auto done) { admin->api().updateUser(adminId, demote, ctx, done); });
        QCOMPARE(self.error().status, 409);

        const qint64 second = m_server->createUser(QStringLiteral("admin2"),
                                                   QStringLiteral("admin2 password"), Role::Admin);
        auto admin2 = signedIn(QStringLiteral("admin2"), QStringLiteral("admin2 password"));
        // admin2 may demote admin now that two are active...
        QVERIFY(admin2
                    ->wait<UserInfo>([&](QObject *ctx, auto done) {
                        admin2->api().updateUser(adminId, demote, ctx, done);
                    })
                    .ok());
        // ...but nobody can then remove the last one.
        client::UserPatch disable;
        disable.disabled = true;
        QCOMPARE(admin2
                     ->wait<UserInfo>([&](QObject *ctx, auto done) {
                         admin2->api().updateUser(second, disable, ctx, done);
                     })
                     .error()
                     .status,
                 409);
    }

    void tokensWorkAcrossInstances()
    {
        // A second server on the same stores: a token issued by one works on the other, and a
        // logout on the other ends it everywhere (no sticky sessions needed).
        server::Config config;
        config.dbUrls = m_server->config().dbUrls;
        TestServer second(config);
        QVERIFY(second.start());
        auto a = signedIn(QStringLiteral("admin"), TestServer::adminPassword());
        SyncClient b(second.url());
        b.api().setToken(a->api().token());
        QVERIFY(b.wait<UserInfo>([&](QObject *ctx, auto done) { b.api().me(ctx, done); }).ok());
        QVERIFY(
            b.wait<client::Done>([&](QObject *ctx, auto done) { b.api().logout(ctx, done); }).ok());
        QCOMPARE(a->wait<UserInfo>([&](QObject *ctx, auto done) { a->api().me(ctx, done); })
                     .error()
                     .status,
                 401);
    }

    void listsArePagedAndFiltered()
    {
        for (int i = 0; i < 7; ++i)
            m_server->createUser(QStringLiteral("page%1").arg(i),
                                 QStringLiteral("password %1").arg(i),
                                 i % 2 ? Role::Ops : Role::Translator);
        auto admin = signedIn(QStringLiteral("admin"), TestServer::adminPassword());
        client::UserQuery q;
        q.limit = 3;
        QStringList names;
        for (int pages = 0; pages < 10; ++pages) {
            const auto r = admin->wait<Page<UserInfo>>(
                [&](QObject *ctx, auto done) { admin->api().listUsers(q, ctx, done); });
            QVERIFY(r.ok());
            QVERIFY(r.value().items.size() <= 3);
            for (const auto &u : r.value().items)
                names << u.username;
            if (r.value().nextCursor.isEmpty())
                break;
            q.cursor = r.value().nextCursor;
        }
        QCOMPARE(names.size(), 8);
        QCOMPARE(names.first(), QStringLiteral("admin"));

        client::UserQuery ops;
        ops.role = Role::Ops;
        ops.search = QStringLiteral("PAGE");
        const auto r = admin->wait<Page<UserInfo>>(
            [&](QObject *ctx, auto done) { admin->api().listUsers(ops, ctx, done); });
        QCOMPARE(r.value().items.size(), 3);

        // Query text travels intact, '+' included.
        client::NewUser plus{QStringLiteral("cpp"), QStringLiteral("C++ Team"), Role::Ops,
                             QStringLiteral("cpp password")};
        QVERIFY(admin
                    ->wait<UserInfo>(
                        [&](QObject *ctx, auto done) { admin->api().createUser(plus, ctx, done); })
                    .ok());
        client::UserQuery search;
        search.search = QStringLiteral("c++ t");
        const auto found = admin->wait<Page<UserInfo>>(
            [&](QObject *ctx, auto done) { admin->api().listUsers(search, ctx, done); });
        QCOMPARE(found.value().items.size(), 1);
        QCOMPARE(found.value().items.first().username, QStringLiteral("cpp"));

        const auto bad =
            admin->raw("GET", QStringLiteral("/api/v1/admin/users?cursor=abc&limit=0"));
        QCOMPARE(bad.status, 400);
        const auto e = ApiError::fromResponse(bad.status, bad.body, {}, {});
        QCOMPARE(e.errors.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TstAuth)
#include "tst_auth.moc"
