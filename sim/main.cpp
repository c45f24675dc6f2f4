// haitao-sim: serves the simulated outside world until Ctrl-C.
#include "sim/simserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>

namespace {
volatile std::sig_atomic_t g_stop = 0;
extern "C" void onSignal(int)
{
    g_stop = 1;
}
} // namespace

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
    parser.process(app);
    const QString l = parser.value(listen);
    const qsizetype colon = l.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const int port = l.mid(colon + 1).toInt(&ok);
    if (colon <= 0 || !ok || port < 0 || port > 65535) {
        std::fprintf(stderr, "haitao-sim: --listen expects HOST:PORT\n");
        return 2;
    }
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    haitao::sim::SimServer sim;
    QString error;
    if (!sim.start(l.left(colon), port, &error)) {
        std::fprintf(stderr, "haitao-sim: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("haitao-sim listening on http://%s:%d\n", qPrintable(l.left(colon)), sim.port());
    std::fflush(stdout);
    while (!g_stop)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    sim.stop();
    return 0;
}
