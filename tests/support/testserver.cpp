#include "tests/support/testserver.h"

#include "backend/identity/identityservice.h"
#include "tests/support/testdb.h"

#include <QTest>

namespace haitao::testing {

TestServer::TestServer(server::Config config)
    : m_config(std::move(config))
{
    m_config.host = QStringLiteral("127.0.0.1");
    m_config.port = 0;
    m_config.dataDir = m_dir.path();
    m_config.adminPassword = adminPassword();
    m_config.hashProfile = server::HashProfile::Fast;
    m_config.threads = 4;
    m_config.keepAliveTimeoutSeconds = 1; // stop() waits for idle keep-alive connections
    if (!qEnvironmentVariableIsSet("HAITAO_TEST_LOG")) {
        m_config.logRequests = false;
        if (!m_config.logSink) // a test that reads the log brings its own sink
            m_config.logSink = [](const QByteArray &) {};
    }
    for (const QString &component : server::Config::components()) {
        if (!m_config.dbUrls.contains(component))
            m_config.dbUrls.insert(component, freshDatabaseUrl(m_dir.path(), component));
    }
}

TestServer::~TestServer()
{
    stop();
}

bool TestServer::start()
{
    m_server = std::make_unique<server::Server>(m_config);
    QString error;
    if (!m_server->start(&error)) {
        qWarning("test server did not start: %s", qPrintable(error));
        return false;
    }
    return true;
}

void TestServer::stop()
{
    if (m_server)
        m_server->stop();
}

QUrl TestServer::url() const
{
    return QUrl(m_server->url());
}

qint64 TestServer::createUser(const QString &username, const QString &password, Role role)
{
    server::Actor actor;
    if (role == Role::Customer)
        return m_server->identity().registerCustomer(username, password, QString(), {}).id;
    return m_server->identity().createUser(actor, {username, QString(), role, password}).id;
}

} // namespace haitao::testing
