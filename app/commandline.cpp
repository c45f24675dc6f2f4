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
    parser.addOptions({server, user, passwordEnv});
    parser.process(arguments);
    return {parser.value(server), parser.value(user), parser.value(passwordEnv)};
}

} // namespace haitao::app
