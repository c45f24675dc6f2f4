#pragma once

#include <QString>
#include <QStringList>

namespace haitao::app {

// What the command line asks for. The password never appears on it: --password-env names the
// environment variable that holds it (scripts/run signs the demo user in that way).
struct CommandLine
{
    QString server;
    QString user;
    QString passwordVariable;
    QString page; // the page to open on ("logistics"), else the last one used
};

// Parses QCoreApplication's arguments; handles --help and --version (which exit).
CommandLine parseCommandLine(const QStringList &arguments);

} // namespace haitao::app
