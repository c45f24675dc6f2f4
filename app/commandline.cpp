#include "app/commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace haitao::app {

CommandLine parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("haitao::app::CommandLine", "Haitao Ops desktop for staff."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(
        QStringLiteral("server"),
        QCoreApplication::translate("haitao::app::CommandLine", "Server address, e.g. %1.")
            .arg(QStringLiteral("http://127.0.0.1:8080")),
        QStringLiteral("url"));
    const QCommandLineOption user(
        QStringLiteral("user"),
        QCoreApplication::translate("haitao::app::CommandLine", "User name to sign in with."),
        QStringLiteral("name"));
    const QCommandLineOption passwordEnv(
        QStringLiteral("password-env"),
        QCoreApplication::translate("haitao::app::CommandLine",
                                    "Sign in at once with the password held by this environment "
                                    "variable."),
        QStringLiteral("variable"));
    const QCommandLineOption page(
        QStringLiteral("page"),
        QCoreApplication::translate("haitao::app::CommandLine",
                                    "Page to open after signing in: welcome, admin, pricing, "
                                    "products, glossary, orders, manualQueue, "
                                    "placementDashboard, logistics, warehouseReceiving or "
                                    "logisticsDashboard (default: the last one used)."),
        QStringLiteral("name"));
    parser.addOptions({server, user, passwordEnv, page});
    parser.process(arguments);
    return {parser.value(server), parser.value(user), parser.value(passwordEnv),
            parser.value(page)};
}

} // namespace haitao::app
