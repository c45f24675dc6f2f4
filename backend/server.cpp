#include "backend/server.h"

#include "backend/http/httpserver.h"
#include "backend/identity/crypto.h"
#include "backend/identity/identityroutes.h"
#include "backend/identity/identityservice.h"
#include "backend/storage/database.h"
#include "backend/systemroutes.h"

#include <QDir>

namespace haitao::server {

struct Server::Private
{
    Config config;
    Log log;
    Metrics metrics;
    Router router;
    std::unique_ptr<Database> identityDb;
    std::unique_ptr<IdentityService> identity;
    std::unique_ptr<HttpServer> http;
    QString generatedAdminPassword;

    explicit Private(Config c)
        : config(std::move(c))
        , log(config.logFormat, config.logSink)
    {}

    std::unique_ptr<Database> openStore(const QString &component)
    {
        QString error;
        const auto primary = DbUrl::parse(config.dbUrl(component), &error);
        if (!primary)
            throw StorageError(error);
        std::optional<DbUrl> replica;
        if (config.replicaUrls.contains(component)) {
            replica = DbUrl::parse(config.replicaUrls.value(component), &error);
            if (!replica)
                throw StorageError(error);
        }
        auto db = std::make_unique<Database>(component, *primary, replica);
        log.info(QStringLiteral("store"),
                 {{QStringLiteral("component"), component},
                  {QStringLiteral("url"), primary->redacted()},
                  {QStringLiteral("replica"), replica ? replica->redacted() : QString()}});
        return db;
    }
};

Server::Server(Config config)
    : d(std::make_unique<Private>(std::move(config)))
{}

Server::~Server()
{
    stop();
}

bool Server::start(QString *error)
{
    if (!cryptoInit()) {
        *error = QStringLiteral("libsodium failed to initialise");
        return false;
    }
    try {
        if (!QDir().mkpath(d->config.dataDir)) {
            *error = QStringLiteral("cannot create the data folder %1").arg(d->config.dataDir);
            return false;
        }
        d->identityDb = d->openStore(QStringLiteral("identity"));
        d->identity = std::make_unique<IdentityService>(*d->identityDb, d->config);
        d->identity->migrate();
        d->generatedAdminPassword = d->identity->ensureAdmin(d->config.adminPassword);
        if (d->config.demo && d->identity->seedDemo())
            d->log.info(QStringLiteral("demo data seeded"));
    } catch (const std::exception &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }

    addSystemRoutes(d->router, {d->identityDb.get()}, d->metrics);
    addIdentityRoutes(d->router, *d->identity);

    HttpServer::Options options;
    options.threads = d->config.threads;
    options.maxBodyBytes = d->config.maxBodyBytes;
    options.readTimeoutSeconds = d->config.readTimeoutSeconds;
    options.keepAliveTimeoutSeconds = d->config.keepAliveTimeoutSeconds;
    options.logRequests = d->config.logRequests;
    options.corsOrigins = d->config.corsOrigins;
    QString proxyError;
    if (!parseSubnets(d->config.trustedProxies, &options.trustedProxies, &proxyError)) {
        *error = proxyError;
        return false;
    }
    IdentityService *identity = d->identity.get();
    d->http = std::make_unique<HttpServer>(
        d->router, [identity](const QString &token) { return identity->authenticate(token); },
        d->metrics, d->log, options);
    if (!d->http->bind(d->config.host, d->config.port, error))
        return false;
    d->http->start();
    return true;
}

void Server::stop()
{
    if (d->http)
        d->http->stop(); // joins the worker threads, which close their connections
    d->http.reset();
    if (d->identityDb)
        d->identityDb->close();
}

int Server::port() const
{
    return d->http ? d->http->port() : 0;
}

QString Server::url() const
{
    const QString host = d->config.host.contains(QLatin1Char(':'))
                             ? QLatin1Char('[') + d->config.host + QLatin1Char(']')
                             : d->config.host;
    return QStringLiteral("http://%1:%2").arg(host).arg(port());
}

QString Server::generatedAdminPassword() const
{
    return d->generatedAdminPassword;
}

const Router &Server::router() const
{
    return d->router;
}

IdentityService &Server::identity()
{
    return *d->identity;
}

const Config &Server::config() const
{
    return d->config;
}

} // namespace haitao::server
