#include "app/appcontroller.h"
#include "app/commandline.h"
#include "backend-client/apiclient.h"
#include "widgets/languageswitcher.h"

#include <QApplication>
#include <QIcon>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Haitao"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("haitao.example"));
    QCoreApplication::setApplicationName(QStringLiteral("haitao-ops"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HAITAO_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Haitao Ops"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/haitao-ops.png")));

    haitao::widgets::LanguageSwitcher languages;
    languages.applySaved(); // before any window exists: everything starts in that language
    const haitao::app::CommandLine commandLine =
        haitao::app::parseCommandLine(QCoreApplication::arguments());

    haitao::client::ApiClient client;
    haitao::app::AppController controller(&client, &languages);
    controller.start(commandLine);
    return QApplication::exec();
}
