// haitao-sim: serves the simulated outside world until Ctrl-C.
#include "core/listenaddress.h"
#include "core/platform/stopsignal.h"
#include "sim/simserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <chrono>
#include <cstdio>
#include <thread>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("haitao-sim: simulated shops, carriers, "
                                                    "gateways and feeds for tests and the demo."));
    parser.addHelpOption();
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("HOST:PORT to listen on (port 0: any)."),
                                    QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:8090"));
    parser.addOption(listen);
    const QCommandLineOption paySecret(
        QStringLiteral("pay-secret"),
        QStringLiteral("The payment gateway's notification signing secret."),
        QStringLiteral("SECRET"), QLatin1String(haitao::sim::PaymentGateway::kDefaultSecret));
    parser.addOption(paySecret);
    parser.process(app);
    const auto address = haitao::parseListenAddress(parser.value(listen));
    if (!address) {
        std::fprintf(stderr, "haitao-sim: --listen expects HOST:PORT\n");
        return 2;
    }
    haitao::installStopHandler();
    haitao::sim::SimServer sim;
    sim.setPaySecret(parser.value(paySecret).toUtf8());
    QString error;
    if (!sim.start(address->host, address->port, &error)) {
        std::fprintf(stderr, "haitao-sim: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("haitao-sim listening on http://%s:%d\n", qPrintable(address->host), sim.port());
    std::fflush(stdout);
    while (!haitao::stopRequested())
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    sim.stop();
    return 0;
}
