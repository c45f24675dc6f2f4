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
    const QCommandLineOption timeScale(
        QStringLiteral("time-scale"),
        QStringLiteral("Simulated time runs N times faster than the wall clock (e.g. 720: one "
                       "second is twelve simulated minutes)."),
        QStringLiteral("N"), QStringLiteral("1"));
    parser.addOption(timeScale);
    const QCommandLineOption smtpPort(
        QStringLiteral("smtp-port"),
        QStringLiteral("Port of the SMTP sink on the --listen host (0: any free port)."),
        QStringLiteral("PORT"), QStringLiteral("0"));
    parser.addOption(smtpPort);
    parser.process(app);
    bool scaleOk = false;
    const double scale = parser.value(timeScale).toDouble(&scaleOk);
    if (!scaleOk || scale <= 0 || scale > 100000) {
        std::fprintf(stderr, "haitao-sim: --time-scale expects a number from 0 to 100000\n");
        return 2;
    }
    const auto address = haitao::parseListenAddress(parser.value(listen));
    if (!address) {
        std::fprintf(stderr, "haitao-sim: --listen expects HOST:PORT\n");
        return 2;
    }
    haitao::installStopHandler();
    haitao::sim::SimServer sim;
    sim.setPaySecret(parser.value(paySecret).toUtf8());
    sim.setTimeScale(scale);
    bool smtpPortOk = false;
    const int smtpPortValue = parser.value(smtpPort).toInt(&smtpPortOk);
    if (!smtpPortOk || smtpPortValue < 0 || smtpPortValue > 65535) {
        std::fprintf(stderr, "haitao-sim: --smtp-port expects 0 to 65535\n");
        return 2;
    }
    sim.setSmtpPort(smtpPortValue);
    QString error;
    if (!sim.start(address->host, address->port, &error)) {
        std::fprintf(stderr, "haitao-sim: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("haitao-sim listening on http://%s:%d\n", qPrintable(address->host), sim.port());
    std::printf("haitao-sim smtp sink on smtp://%s:%d\n", qPrintable(address->host),
                sim.smtpPort());
    std::fflush(stdout);
    while (!haitao::stopRequested())
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    sim.stop();
    return 0;
}
