#pragma once

#include "backend/server.h"

#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace haitao::testing {

// A real haitao-server running in this process on an ephemeral loopback port with a
// temporary data folder (or fresh PostgreSQL databases when HAITAO_TEST_PG_URL is set).
// It knows an admin account: user "admin", password adminPassword().
class TestServer
{
public:
    explicit TestServer(server::Config config = {});
    ~TestServer();

    // Starts the server; fails the calling test (QVERIFY) if it cannot.
    bool start();
    void stop();

    QUrl url() const;
    server::Server &server() { return *m_server; }
    server::Config &config() { return m_config; }
    static QString adminPassword() { return QStringLiteral("admin-test-password"); }

    // Creates a user directly through the identity service (no HTTP), returns its id.
    qint64 createUser(const QString &username, const QString &password, Role role);

private:
    QTemporaryDir m_dir;
    server::Config m_config;
    std::unique_ptr<server::Server> m_server;
};

} // namespace haitao::testing
