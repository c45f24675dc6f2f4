// Wire types shared by server and client: what one side writes, the other reads back.
#include "core/audit.h"
#include "core/listenaddress.h"
#include "core/problem.h"
#include "core/user.h"
#include "core/wiretime.h"

#include <QTest>

using namespace haitao;

class TstCore : public QObject
{
    Q_OBJECT

private slots:
    void rolesRoundTrip()
    {
        for (const QString &name : allRoleNames()) {
            const auto role = roleFromString(name);
            QVERIFY(role);
            QCOMPARE(roleToString(*role), name);
        }
        QVERIFY(!roleFromString(QStringLiteral("Admin")));
        QVERIFY(!roleFromString(QString()));
        QVERIFY(isStaff(Role::Translator));
        QVERIFY(!isStaff(Role::Customer));
    }

    void problemTypesRoundTrip()
    {
        for (ProblemKind k :
             {ProblemKind::MalformedRequest, ProblemKind::Validation, ProblemKind::TooManyRequests,
              ProblemKind::Unavailable, ProblemKind::PreconditionFailed,
              ProblemKind::LengthRequired, ProblemKind::PreconditionRequired,
              ProblemKind::StaleRates, ProblemKind::IdempotencyKeyMissing,
              ProblemKind::IdempotencyKeyReused}) {
            QCOMPARE(problemKindFromUri(problemTypeUri(k)), k);
        }
        QCOMPARE(problemKindFromUri(QStringLiteral("about:blank")), ProblemKind::Unknown);
        QCOMPARE(problemKindFromUri(QStringLiteral("urn:haitao:problem:nonsense")),
                 ProblemKind::Unknown);
    }

    void wireTimeIsUtcWithMilliseconds()
    {
        QCOMPARE(toWireTime(qint64(1764081838123)), QStringLiteral("2025-11-25T14:43:58.123Z"));
        QCOMPARE(fromWireTime(QStringLiteral("2025-11-25T14:43:58.123Z")).toMSecsSinceEpoch(),
                 qint64(1764081838123));
        QVERIFY(!fromWireTime(QStringLiteral("yesterday")).isValid());
        QVERIFY(!fromWireTime(QStringLiteral("2025-11-25T14:43:58")).isValid()); // no zone
        QCOMPARE(fromWireTime(QStringLiteral("2025-11-25T22:43:58.123+08:00")).toMSecsSinceEpoch(),
                 qint64(1764081838123));
    }

    void listenAddresses()
    {
        const auto v4 = parseListenAddress(QStringLiteral("127.0.0.1:8080"));
        QVERIFY(v4);
        QCOMPARE(v4->host, QStringLiteral("127.0.0.1"));
        QCOMPARE(v4->port, 8080);
        const auto v6 = parseListenAddress(QStringLiteral("[::1]:0"));
        QVERIFY(v6);
        QCOMPARE(v6->host, QStringLiteral("::1"));
        QCOMPARE(v6->port, 0);
        for (const char *bad : {"localhost", ":80", "host:", "host:65536", "host:-1", "host:x"})
            QVERIFY2(!parseListenAddress(QString::fromLatin1(bad)), bad);
    }

    void userJsonRoundTrip()
    {
        UserInfo u;
        u.id = 42;
        u.username = QStringLiteral("wang");
        u.displayName = QStringLiteral("王芳");
        u.role = Role::Translator;
        u.disabled = true;
        u.createdAt = QDateTime::fromMSecsSinceEpoch(1764081838123, Qt::UTC);
        QCOMPARE(UserInfo::fromJson(u.toJson()), u);
    }

    void auditJsonRoundTrip()
    {
        AuditEntry e;
        e.id = 7;
        e.at = QDateTime::fromMSecsSinceEpoch(1764081838000, Qt::UTC);
        e.actorId = 1;
        e.actorName = QStringLiteral("admin");
        e.action = QStringLiteral("user.role_changed");
        e.targetType = QStringLiteral("user");
        e.targetId = QStringLiteral("3");
        e.detail = {{QStringLiteral("from"), QStringLiteral("ops")}};
        const AuditEntry back = AuditEntry::fromJson(e.toJson());
        QCOMPARE(back.id, e.id);
        QCOMPARE(back.at, e.at);
        QCOMPARE(back.action, e.action);
        QCOMPARE(back.detail, e.detail);
    }
};

QTEST_GUILESS_MAIN(TstCore)
#include "tst_core.moc"
