#include "tests/support/testdb.h"

#include <QDir>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include <stdexcept>

namespace haitao::testing {

bool usingPostgres()
{
    return !qEnvironmentVariableIsEmpty("HAITAO_TEST_PG_URL");
}

bool postgresRequiredButMissing()
{
    return qEnvironmentVariableIsSet("HAITAO_TEST_REQUIRE_PG") && !usingPostgres();
}

QString freshDatabaseUrl(const QString &dir, const QString &component)
{
    if (!usingPostgres())
        return QStringLiteral("sqlite:") +
               QDir(dir).absoluteFilePath(component + QStringLiteral(".db"));

    QUrl admin(qEnvironmentVariable("HAITAO_TEST_PG_URL"));
    const QString name = QStringLiteral("haitao_test_%1_%2")
                             .arg(component)
                             .arg(QRandomGenerator::global()->generate64(), 0, 16);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(admin.host());
        db.setPort(admin.port(5432));
        db.setDatabaseName(admin.path().mid(1));
        db.setUserName(admin.userName());
        db.setPassword(admin.password());
        if (!db.open())
            throw std::runtime_error("cannot reach HAITAO_TEST_PG_URL: " +
                                     db.lastError().text().toStdString());
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("CREATE DATABASE ") + name))
            throw std::runtime_error("cannot create test database: " +
                                     q.lastError().text().toStdString());
    }
    QSqlDatabase::removeDatabase(name);
    admin.setPath(QLatin1Char('/') + name);
    return admin.toString();
}

} // namespace haitao::testing
