// Catalog import throughput: a feed (from bench_feedgen) imported through the server's own
// import path (CatalogService::runImport: parse, validate, upsert in batches) beside the same
// rows inserted by a bare sqlite3 program into the same schema (same migrations, triggers and
// pragmas, no checks). The ratio is the figure. Also prints each database's size.
// Usage: bench_import FEED.csv [--site amazon.com] [--keep DIR] [--publish] [--bare-batch N]
//                     [--no-bare]
//   --keep DIR   import into DIR (a server data folder) and keep it, e.g. for bench_search
//   --publish    afterwards mark every listing published (bench data only: skips the workflow)
#include "backend/catalog/catalogservice.h"
#include "backend/config.h"
#include "backend/storage/database.h"
#include "backend/storage/dburl.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <cstdio>
#include <memory>

namespace {

using namespace haitao::server;

qint64 storeBytes(const QString &dir)
{
    qint64 total = 0;
    for (const QFileInfo &f : QDir(dir).entryInfoList({QStringLiteral("catalog*")}, QDir::Files))
        total += f.size();
    return total;
}

struct Store
{
    std::unique_ptr<Database> db;
    std::unique_ptr<catalog::CatalogService> service;
};

Store openCatalog(const Config &config)
{
    QString error;
    const auto url = DbUrl::parse(config.dbUrl(QStringLiteral("catalog")), &error);
    if (!url)
        throw std::runtime_error(error.toStdString());
    Store s;
    s.db = std::make_unique<Database>(QStringLiteral("catalog"), *url);
    s.service = std::make_unique<catalog::CatalogService>(*s.db, config);
    s.service->migrate();
    return s;
}

// RFC 4180 fields of one record starting at `pos`; advances `pos` past the record.
QList<QByteArray> nextRecord(const QByteArray &data, qsizetype &pos)
{
    QList<QByteArray> fields;
    QByteArray field;
    bool quoted = false;
    while (pos < data.size()) {
        const char c = data.at(pos++);
        if (quoted) {
            if (c == '"') {
                if (pos < data.size() && data.at(pos) == '"') {
                    field += '"';
                    ++pos;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields << field;
            field.clear();
        } else if (c == '\n') {
            break;
        } else if (c != '\r') {
            field += c;
        }
    }
    fields << field;
    return fields;
}

void check(int rc, sqlite3 *db, const char *what)
{
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        std::fprintf(stderr, "sqlite3 %s: %s\n", what, sqlite3_errmsg(db));
        std::exit(1);
    }
}

sqlite3_stmt *prepare(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *s = nullptr;
    check(sqlite3_prepare_v2(db, sql, -1, &s, nullptr), db, sql);
    return s;
}

void bindText(sqlite3_stmt *s, int i, const QByteArray &v)
{
    sqlite3_bind_text(s, i, v.constData(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}

long long minorOf(const QByteArray &price)
{
    const int dot = price.indexOf('.');
    if (dot < 0)
        return price.toLongLong() * 100;
    return price.left(dot).toLongLong() * 100 +
           price.mid(dot + 1).leftJustified(2, '0').toLongLong();
}

// The bare program: the same rows into the same tables, in transactions of `batch` rows.
long long bareInsert(const QString &file, const QByteArray &feed, const QByteArray &site, int batch)
{
    sqlite3 *db = nullptr;
    check(sqlite3_open(QFile::encodeName(file).constData(), &db), db, "open");
    check(sqlite3_exec(db,
                       "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                       "PRAGMA foreign_keys=ON",
                       nullptr, nullptr, nullptr),
          db, "pragmas");
    sqlite3_stmt *product = prepare(
        db, "INSERT INTO products (site, group_key, source_url, source_language, title, "
            "description, brand, category, attributes, images, source_hash, status, version, "
            "title_zh, description_zh, attributes_zh, assignee, stale, created_at, updated_at) "
            "VALUES (?, ?, ?, 'en', ?, ?, ?, ?, '{}', ?, '', 'imported', 1, ?, '', '{}', '', 0, "
            "1, 1)");
    sqlite3_stmt *sku = prepare(
        db, "INSERT INTO skus (product_id, site, source_sku, options, price_minor, currency, "
            "weight_g, length_mm, width_mm, height_mm, stock, sku_hash, updated_at) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', 1)");
    sqlite3_stmt *history = prepare(db, "INSERT INTO price_history (sku_id, at, price_minor, "
                                        "currency, source) VALUES (?, 1, ?, ?, 'feed')");
    QHash<QByteArray, sqlite3_int64> groups;
    qsizetype pos = 0;
    nextRecord(feed, pos); // header: the generator's fixed column order
    long long rows = 0;
    check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin");
    while (pos < feed.size()) {
        const QList<QByteArray> f = nextRecord(feed, pos);
        if (f.size() < 18)
            continue;
        const QByteArray groupKey = f[1].isEmpty() ? f[0] : f[1];
        sqlite3_int64 productId = groups.value(groupKey);
        if (productId == 0) {
            bindText(product, 1, site);
            bindText(product, 2, groupKey);
            bindText(product, 3, f[7]);
            bindText(product, 4, f[2]);
            bindText(product, 5, f[15]);
            bindText(product, 6, f[5]);
            bindText(product, 7, f[6]);
            bindText(product, 8, "[\"" + f[8] + "\"]");
            bindText(product, 9, f[14]);
            check(sqlite3_step(product), db, "insert product");
            sqlite3_reset(product);
            productId = sqlite3_last_insert_rowid(db);
            groups.insert(groupKey, productId);
        }
        QByteArray options = "[";
        if (!f[16].isEmpty())
            options += "[\"size\",\"" + f[16] + "\"],[\"color\",\"" + f[17] + "\"]";
        options += ']';
        sqlite3_bind_int64(sku, 1, productId);
        bindText(sku, 2, site);
        bindText(sku, 3, f[0]);
        bindText(sku, 4, options);
        sqlite3_bind_int64(sku, 5, minorOf(f[3]));
        bindText(sku, 6, f[4]);
        for (int i = 0; i < 5; ++i)
            sqlite3_bind_int64(sku, 7 + i, f[9 + i].toLongLong());
        check(sqlite3_step(sku), db, "insert sku");
        sqlite3_reset(sku);
        sqlite3_bind_int64(history, 1, sqlite3_last_insert_rowid(db));
        sqlite3_bind_int64(history, 2, minorOf(f[3]));
        bindText(history, 3, f[4]);
        check(sqlite3_step(history), db, "insert price");
        sqlite3_reset(history);
        if (++rows % batch == 0) {
            check(sqlite3_exec(db, "COMMIT; BEGIN", nullptr, nullptr, nullptr), db, "commit");
        }
    }
    check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
    sqlite3_finalize(product);
    sqlite3_finalize(sku);
    sqlite3_finalize(history);
    check(sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr), db,
          "checkpoint");
    sqlite3_close(db);
    return rows;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_import FEED.csv [--site SITE] [--keep DIR] [--publish] "
                             "[--bare-batch N]\n");
        return 2;
    }
    const QString feedPath = args.at(1);
    QString site = QStringLiteral("amazon.com"), keep;
    bool publish = false;
    bool bare = true;
    int bareBatch = 1000; // the server's batch size, so both pay the same commits
    for (int i = 2; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--site") && i + 1 < args.size())
            site = args.at(++i);
        else if (args.at(i) == QLatin1String("--keep") && i + 1 < args.size())
            keep = args.at(++i);
        else if (args.at(i) == QLatin1String("--publish"))
            publish = true;
        else if (args.at(i) == QLatin1String("--no-bare"))
            bare = false;
        else if (args.at(i) == QLatin1String("--bare-batch") && i + 1 < args.size())
            bareBatch = qMax(1, args.at(++i).toInt());
    }
    QFile feed(feedPath);
    if (!feed.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(feedPath));
        return 1;
    }
    QTemporaryDir serverTmp, bareTmp;
    const QString serverDir = keep.isEmpty() ? serverTmp.path() : keep;
    QDir().mkpath(serverDir);

    Config config;
    config.dataDir = serverDir;
    double serverSeconds = 0;
    qint64 skus = 0;
    try {
        Store s = openCatalog(config);
        Actor actor;
        actor.name = QStringLiteral("bench");
        const auto job = s.service->createImport(actor, site, catalog::FeedFormat::Csv,
                                                 QStringLiteral("file"), feed.size());
        QElapsedTimer t;
        t.start();
        const auto done = s.service->runImport(job.id, feed, catalog::FeedFormat::Csv,
                                               catalog::FeedEncoding::Utf8);
        serverSeconds = t.nsecsElapsed() / 1e9;
        skus = done.rowsNew + done.rowsUpdated + done.rowsUnchanged;
        if (done.state != catalog::ImportState::Done || done.rowsRejected > 0) {
            std::fprintf(stderr, "import ended %s with %lld rejected rows: %s\n",
                         qPrintable(catalog::importStateName(done.state)),
                         static_cast<long long>(done.rowsRejected), qPrintable(done.error));
            return 1;
        }
        if (publish) {
            QSqlDatabase db = s.db->writer();
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("UPDATE products SET status = 'published'")))
                throw std::runtime_error("publish failed");
        }
        QSqlQuery(s.db->writer()).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        s.service->stop();
        s.db->close();
    } catch (const std::exception &e) {
        std::fprintf(stderr, "server import: %s\n", e.what());
        return 1;
    }

    std::printf("feed: %s, %.1f MB, %lld SKUs\n", qPrintable(feedPath), feed.size() / 1e6,
                static_cast<long long>(skus));
    std::printf("server import: %.2f s, %.0f SKUs/s, database %.1f MB (%s)\n", serverSeconds,
                skus / serverSeconds, storeBytes(serverDir) / 1e6, qPrintable(serverDir));
    std::fflush(stdout);
    if (!bare)
        return 0;

    // The bare program gets an empty database with the same schema (the same migrations).
    Config bareConfig;
    bareConfig.dataDir = bareTmp.path();
    try {
        Store s = openCatalog(bareConfig);
        s.service->stop();
        s.db->close();
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bare schema: %s\n", e.what());
        return 1;
    }
    const QString bareFile = bareTmp.filePath(QStringLiteral("catalog.db")); // Config::dbUrl
    if (!QFileInfo::exists(bareFile)) {
        std::fprintf(stderr, "bare: no %s\n", qPrintable(bareFile));
        return 1;
    }
    feed.seek(0);
    const QByteArray bytes = feed.readAll();
    QElapsedTimer t;
    t.start();
    const long long bareRows = bareInsert(bareFile, bytes, site.toUtf8(), bareBatch);
    const double bareSeconds = t.nsecsElapsed() / 1e9;

    std::printf("bare sqlite3:  %.2f s, %.0f SKUs/s, database %.1f MB (batches of %d)\n",
                bareSeconds, bareRows / bareSeconds, storeBytes(bareTmp.path()) / 1e6, bareBatch);
    std::printf("ratio (server time / bare time): %.2f\n", serverSeconds / bareSeconds);
    return 0;
}
