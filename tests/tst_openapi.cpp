// docs/openapi.yaml and the route table must agree: every route documented, every documented
// operation served, and each operation's access (security: [] for public, x-roles otherwise)
// the same as the route's.
#include "backend/http/router.h"
#include "tests/support/testserver.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace haitao;
using haitao::testing::TestServer;

namespace {

struct Operation
{
    bool isPublic = false;
    QStringList roles; // from x-roles; "any" for every signed-in user
};

// Reads just enough YAML: path keys at two spaces under `paths:`, operations at four.
QMap<QString, Operation> readOperations(const QString &fileName, QString *error)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    static const QRegularExpression pathRe(QStringLiteral("^  (/[^:\\s]*):\\s*$"));
    static const QRegularExpression opRe(QStringLiteral("^    (get|post|put|patch|delete):\\s*$"));
    static const QRegularExpression rolesRe(QStringLiteral("^      x-roles:\\s*\\[([^\\]]*)\\]"));
    QMap<QString, Operation> ops;
    bool inPaths = false;
    QString path;
    QString current;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("paths:"))) {
            inPaths = true;
            continue;
        }
        if (inPaths && !line.isEmpty() && !line.startsWith(QLatin1Char(' ')) &&
            !line.startsWith(QLatin1Char('#')))
            inPaths = false;
        if (!inPaths)
            continue;
        if (const auto m = pathRe.match(line); m.hasMatch()) {
            path = m.captured(1);
            current.clear();
        } else if (const auto m = opRe.match(line); m.hasMatch()) {
            current = m.captured(1).toUpper() + QLatin1Char(' ') + path;
            ops.insert(current, {});
        } else if (!current.isEmpty() && line.startsWith(QLatin1String("      security: []"))) {
            ops[current].isPublic = true;
        } else if (const auto m = rolesRe.match(line); m.hasMatch() && !current.isEmpty()) {
            for (const QString &r : m.captured(1).split(QLatin1Char(','), Qt::SkipEmptyParts))
                ops[current].roles << r.trimmed();
            ops[current].roles.sort();
        }
    }
    return ops;
}

} // namespace

class TstOpenApi : public QObject
{
    Q_OBJECT

private slots:
    void documentMatchesRouteTable()
    {
        QString error;
        const auto documented = readOperations(QStringLiteral(HAITAO_OPENAPI), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!documented.isEmpty());

        TestServer server;
        QVERIFY(server.start());
        QStringList undocumented, mismatched;
        QSet<QString> served;
        for (const server::Route &r : server.server().router().routes()) {
            const QString key = r.method + QLatin1Char(' ') + r.pattern;
            served.insert(key);
            if (!documented.contains(key)) {
                undocumented << key;
                continue;
            }
            const Operation op = documented.value(key);
            QStringList roles;
            for (Role role : r.access.roles)
                roles << roleToString(role);
            if (!r.access.isPublic && roles.isEmpty())
                roles << QStringLiteral("any");
            roles.sort();
            if (op.isPublic != r.access.isPublic || (!op.isPublic && op.roles != roles))
                mismatched << QStringLiteral("%1 (document: %2, server: %3)")
                                  .arg(key,
                                       op.isPublic ? QStringLiteral("public")
                                                   : op.roles.join(QLatin1Char(',')),
                                       r.access.isPublic ? QStringLiteral("public")
                                                         : roles.join(QLatin1Char(',')));
        }
        QStringList unserved;
        for (const QString &key : documented.keys()) {
            if (!served.contains(key))
                unserved << key;
        }
        QVERIFY2(undocumented.isEmpty(), qPrintable(QStringLiteral("not in openapi.yaml: ") +
                                                    undocumented.join(QStringLiteral(", "))));
        QVERIFY2(unserved.isEmpty(), qPrintable(QStringLiteral("documented but not served: ") +
                                                unserved.join(QStringLiteral(", "))));
        QVERIFY2(mismatched.isEmpty(), qPrintable(QStringLiteral("access differs: ") +
                                                  mismatched.join(QStringLiteral("; "))));
    }
};

QTEST_GUILESS_MAIN(TstOpenApi)
#include "tst_openapi.moc"
