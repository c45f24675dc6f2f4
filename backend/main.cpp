// haitao-server: reads the configuration, starts the server, serves until SIGINT/SIGTERM.
// `haitao-server import-feed FILE --site SITE` imports a feed file instead (see
// backend/importfeedcommand.h).
#include "backend/config.h"
#include "backend/importfeedcommand.h"
#include "backend/server.h"
#include "core/platform/stopsignal.h"

#include <QCoreApplication>

#include <chrono>
#include <cstdio>
#include <thread>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("haitao-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HAITAO_VERSION));

    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.value(1) == QLatin1String("import-feed"))
        return haitao::server::runImportFeed(arguments, QProcessEnvironment::systemEnvironment());

    QString error;
    QString help;
    const auto config = haitao::server::parseConfig(
        QCoreApplication::arguments(), QProcessEnvironment::systemEnvironment(), &error, &help);
    if (!config) {
        if (error.isEmpty()) {
            std::fputs(qPrintable(help), stdout);
            return 0;
        }
        std::fprintf(stderr, "haitao-server: %s\n", qPrintable(error));
        return 2;
    }

    haitao::installStopHandler();
    haitao::server::Server server(*config);
    if (!server.start(&error)) {
        std::fprintf(stderr, "haitao-server: %s\n", qPrintable(error));
        return 1;
    }
    if (const QString pw = server.generatedAdminPassword(); !pw.isEmpty()) {
        std::printf("created the first admin account: user 'admin', one-time password '%s' "
                    "(shown only now; change it after signing in)\n",
                    qPrintable(pw));
    }
    std::printf("listening on %s\n", qPrintable(server.url()));
    std::fflush(stdout);

    while (!haitao::stopRequested())
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    std::fprintf(stderr, "haitao-server: stopping (finishing in-flight requests)\n");
    server.stop();
    return 0;
}
