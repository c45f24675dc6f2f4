// The desktop Products page over a large catalog: time until the first page shows, time to
// jump to row 500,000 (scrollTo, then until its block is loaded and painted), and the
// process's resident memory at each point and after many more jumps (the model's block cache
// keeps it bounded). The view is shown on the offscreen platform.
//
// Usage:
//   bench_productsview --url http://127.0.0.1:8080 --user ops --password ops-demo-pass
//   bench_productsview [--rows 20000]   (default: an in-process server with a generated catalog;
//                                        its memory is counted with the app's)
// Options: --row N (the jump target, default 500000, clamped to the last row), --jumps N
// (random jumps after that, default 50). The password may come from $HAITAO_BENCH_PASSWORD.

#include "backend-client/apiclient.h"
#include "backend-client/catalogapi.h"
#include "backend/server.h"
#include "models/productsmodel.h"
#include "widgets/productspage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTableView>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>
#include <memory>

using namespace haitao;

namespace {

// Resident memory from /proc/self/status, in MiB; -1 where there is no /proc.
double rssMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

// Runs the event loop until `done` or the timeout (a benchmark may wait; the app never does).
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

// A catalog of `rows` products with mixed English and Chinese titles over a few categories.
QByteArray generatedFeed(int rows)
{
    static const char *const nouns[] = {"kettle", "lamp", "jacket", "backpack", "teapot", "knife"};
    static const char *const zh[] = {"水壶", "台灯", "夹克", "背包", "茶壶", "刀"};
    static const char *const categories[] = {"Home > Kitchen", "Home > Lighting", "Outdoor",
                                             "Fashion"};
    QByteArray csv = "sku,title,title_zh,price,currency,category\r\n";
    csv.reserve(qsizetype(rows) * 80);
    for (int i = 0; i < rows; ++i) {
        const int k = i % 6;
        csv += "BV-" + QByteArray::number(i) + ",Bench " + nouns[k] + ' ' + QByteArray::number(i) +
               ',' + QByteArray(zh[k]) + ' ' + QByteArray::number(i) + ',' +
               QByteArray::number(5 + i % 200) + ".99,USD," + categories[i % 4] + "\r\n";
    }
    return csv;
}

template <typename T>
std::optional<T> waitFor(std::function<void(client::ApiClient::Callback<T>)> call)
{
    std::optional<client::Result<T>> result;
    call([&](const client::Result<T> &r) { result.emplace(r); });
    if (!waitUntil([&] { return result.has_value(); }, 600'000))
        return std::nullopt;
    if (!result->ok()) {
        std::fprintf(stderr, "error: %s\n", qPrintable(result->error().message()));
        return std::nullopt;
    }
    return result->value();
}

void report(const char *what, qint64 ms)
{
    if (ms >= 0)
        std::printf("%-34s %8lld ms   RSS %7.1f MiB\n", what, static_cast<long long>(ms), rssMiB());
    else
        std::printf("%-34s %11s   RSS %7.1f MiB\n", what, "", rssMiB());
    std::fflush(stdout);
}

// Whether every row the view shows is loaded (the screen is complete).
bool screenLoaded(QTableView *view, models::ProductsModel *model)
{
    const int top = view->rowAt(0);
    int bottom = view->rowAt(view->viewport()->height() - 1);
    if (bottom < 0)
        bottom = model->rowCount() - 1;
    for (int row = std::max(top, 0); row <= bottom; ++row) {
        if (!model->isLoaded(row))
            return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Products view: first page, jump, memory"));
    parser.addHelpOption();
    const QCommandLineOption urlOption(QStringLiteral("url"), QStringLiteral("Server URL."),
                                       QStringLiteral("url"));
    const QCommandLineOption userOption(QStringLiteral("user"), QStringLiteral("User name."),
                                        QStringLiteral("name"), QStringLiteral("ops"));
    const QCommandLineOption passwordOption(QStringLiteral("password"), QStringLiteral("Password."),
                                            QStringLiteral("text"));
    const QCommandLineOption rowsOption(QStringLiteral("rows"),
                                        QStringLiteral("Generated catalog size (in-process)."),
                                        QStringLiteral("n"), QStringLiteral("20000"));
    const QCommandLineOption rowOption(QStringLiteral("row"), QStringLiteral("Jump target row."),
                                       QStringLiteral("n"), QStringLiteral("500000"));
    const QCommandLineOption jumpsOption(QStringLiteral("jumps"),
                                         QStringLiteral("Random jumps after that."),
                                         QStringLiteral("n"), QStringLiteral("50"));
    parser.addOptions({urlOption, userOption, passwordOption, rowsOption, rowOption, jumpsOption});
    parser.process(app);

    report("start", -1);
    QTemporaryDir dir;
    std::unique_ptr<server::Server> inProcess;
    QUrl url(parser.value(urlOption));
    QString user = parser.value(userOption);
    QString password = parser.isSet(passwordOption) ? parser.value(passwordOption)
                                                    : qEnvironmentVariable("HAITAO_BENCH_PASSWORD");
    if (!parser.isSet(urlOption)) {
        server::Config config;
        config.port = 0;
        config.dataDir = dir.path();
        config.adminPassword = QStringLiteral("bench-admin-password");
        config.logRequests = false;
        config.logSink = [](const QByteArray &) {};
        inProcess = std::make_unique<server::Server>(config);
        QString error;
        if (!inProcess->start(&error)) {
            std::fprintf(stderr, "server: %s\n", qPrintable(error));
            return 1;
        }
        url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(inProcess->port()));
        user = QStringLiteral("admin");
        password = config.adminPassword;
    }

    client::ApiClient api;
    api.setBaseUrl(url);
    api.setTimeout(std::chrono::minutes(2));
    const std::optional<Session> session =
        waitFor<Session>([&](auto done) { api.login(user, password, &app, done); });
    if (!session)
        return 1;
    client::CatalogApi catalog(&api);

    if (inProcess) {
        const int rows = parser.value(rowsOption).toInt();
        client::FeedUpload upload{
            QStringLiteral("bench.example"), QStringLiteral("csv"), {}, generatedFeed(rows)};
        QElapsedTimer importTimer;
        importTimer.start();
        std::optional<client::ImportStatus> job = waitFor<client::ImportStatus>(
            [&](auto done) { catalog.startImport(upload, &app, done); });
        while (job && !job->finished()) {
            QElapsedTimer pause;
            pause.start();
            waitUntil([&] { return pause.elapsed() > 200; }, 1000);
            const qint64 id = job->id;
            job = waitFor<client::ImportStatus>(
                [&](auto done) { catalog.importStatus(id, &app, done); });
        }
        if (!job || job->state != client::ImportStatus::State::Done) {
            std::fprintf(stderr, "the generated catalog did not import\n");
            return 1;
        }
        std::printf("generated catalog: %d products imported in %lld ms\n", rows,
                    static_cast<long long>(importTimer.elapsed()));
    }
    std::printf("server: %s as %s\n", qPrintable(url.toString()), qPrintable(user));
    report("signed in", -1);

    widgets::ProductsPage page(&api, session->user);
    page.resize(1280, 900);
    models::ProductsModel *model = page.model();
    QTableView *view = page.view();

    QElapsedTimer timer;
    timer.start();
    page.show();
    if (!waitUntil([&] { return model->countsKnown() && screenLoaded(view, model); }, 120'000)) {
        std::fprintf(stderr, "the first page did not load\n");
        return 1;
    }
    const qint64 firstPage = timer.elapsed();
    std::printf("rows in the table: %d (block %d rows, at most %d blocks cached)\n",
                model->rowCount(), model->blockSize(), models::ProductsModel::kMaxBlocks);
    report("first page shown", firstPage);

    const int target = std::min(parser.value(rowOption).toInt(), model->rowCount() - 1);
    timer.restart();
    view->scrollTo(model->index(target, models::ProductsModel::TitleColumn),
                   QAbstractItemView::PositionAtCenter);
    // The view asks for the rows when it paints them; the jump is done when they are in.
    if (!waitUntil([&] { return model->isLoaded(target) && screenLoaded(view, model); }, 120'000)) {
        std::fprintf(stderr, "row %d did not load\n", target);
        return 1;
    }
    const QByteArray jumpLabel = "row " + QByteArray::number(target) + " shown";
    report(jumpLabel.constData(), timer.elapsed());

    const int jumps = parser.value(jumpsOption).toInt();
    QList<qint64> times;
    for (int i = 0; i < jumps; ++i) {
        const int row = int(QRandomGenerator::global()->bounded(model->rowCount()));
        timer.restart();
        view->scrollTo(model->index(row, 1), QAbstractItemView::PositionAtCenter);
        if (!waitUntil([&] { return screenLoaded(view, model); }, 120'000)) {
            std::fprintf(stderr, "row %d did not load\n", row);
            return 1;
        }
        times.append(timer.elapsed());
    }
    if (!times.isEmpty()) {
        std::sort(times.begin(), times.end());
        std::printf("%d random jumps: median %lld ms, max %lld ms, %d blocks cached\n", jumps,
                    static_cast<long long>(times.at(times.size() / 2)),
                    static_cast<long long>(times.last()), model->cachedBlocks());
        report("after the jumps", -1);
    }
    if (inProcess)
        std::printf("(RSS includes the in-process server)\n");
    return 0;
}
