#include "backend/importfeedcommand.h"

#include "backend/catalog/catalogservice.h"
#include "backend/config.h"
#include "backend/storage/database.h"

#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace haitao::server {

namespace {

void print(FILE *to, const QString &text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), to);
    std::fflush(to);
}

} // namespace

int runImportFeed(const QStringList &arguments, const QProcessEnvironment &environment)
{
    // arguments: program, "import-feed", then FILE and options in any order.
    QString file, site, format, encoding;
    QStringList rest{arguments.value(0)};
    for (int i = 2; i < arguments.size(); ++i) {
        const QString a = arguments.at(i);
        const auto value = [&](QString *out) {
            if (i + 1 >= arguments.size())
                return false;
            *out = arguments.at(++i);
            return true;
        };
        bool ok = true;
        if (a == QLatin1String("--site"))
            ok = value(&site);
        else if (a == QLatin1String("--format"))
            ok = value(&format);
        else if (a == QLatin1String("--encoding"))
            ok = value(&encoding);
        else if (!a.startsWith(QLatin1String("--")) && file.isEmpty())
            file = a;
        else
            rest << a; // --data DIR, --db catalog=URL, ...: the server's own options
        if (!ok) {
            print(stderr, QStringLiteral("haitao-server import-feed: %1 needs a value").arg(a));
            return 2;
        }
    }
    if (file.isEmpty() || site.isEmpty()) {
        print(stderr, QStringLiteral("usage: haitao-server import-feed FILE --site SITE "
                                     "[--format csv|jsonl] [--encoding gbk|utf-8] [--data DIR] "
                                     "[--db catalog=URL]"));
        return 2;
    }
    if (format.isEmpty())
        format = QFileInfo(file).suffix().toLower() == QLatin1String("csv")
                     ? QStringLiteral("csv")
                     : QStringLiteral("jsonl");
    const auto feedFormat = catalog::feedFormatFromName(format);
    if (!feedFormat) {
        print(stderr, QStringLiteral("haitao-server import-feed: --format is csv or jsonl"));
        return 2;
    }
    catalog::FeedEncoding feedEncoding = catalog::FeedEncoding::Auto;
    if (!encoding.isEmpty()) {
        const auto named = catalog::feedEncodingFromName(encoding);
        if (!named) {
            print(stderr, QStringLiteral("haitao-server import-feed: --encoding is utf-8 or gbk"));
            return 2;
        }
        feedEncoding = *named;
    }
    site = site.toLower();
    if (!catalog::isValidSite(site)) {
        print(stderr, QStringLiteral("haitao-server import-feed: --site is the shop's domain, "
                                     "e.g. amazon.com"));
        return 2;
    }

    QString error;
    const auto config = parseConfig(rest, environment, &error);
    if (!config) {
        print(stderr, QStringLiteral("haitao-server import-feed: %1").arg(error));
        return 2;
    }
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly)) {
        print(stderr, QStringLiteral("haitao-server import-feed: cannot read %1: %2")
                          .arg(file, input.errorString()));
        return 1;
    }
    std::unique_ptr<Database> db;
    std::unique_ptr<catalog::CatalogService> service;
    qint64 importId = 0;
    try {
        const auto url = DbUrl::parse(config->dbUrl(QStringLiteral("catalog")), &error);
        if (!url)
            throw StorageError(error);
        db = std::make_unique<Database>(QStringLiteral("catalog"), *url);
        service = std::make_unique<catalog::CatalogService>(*db, *config);
        service->migrate();
        Actor actor;
        actor.name = QStringLiteral("import-feed");
        const catalog::ImportJob job =
            service->createImport(actor, site, *feedFormat, QStringLiteral("file"), input.size());
        importId = job.id;
        const catalog::ImportJob done = service->runImport(
            job.id, input, *feedFormat, feedEncoding, [](const catalog::ImportJob &j) {
                print(stderr, QStringLiteral("%1 / %2 bytes: %3 new, %4 updated, %5 unchanged, "
                                             "%6 rejected")
                                  .arg(j.bytesDone)
                                  .arg(j.bytesTotal)
                                  .arg(j.rowsNew)
                                  .arg(j.rowsUpdated)
                                  .arg(j.rowsUnchanged)
                                  .arg(j.rowsRejected));
            });
        for (const catalog::RowError &e : done.errors)
            print(stderr, QStringLiteral("line %1: %2 %3").arg(e.line).arg(e.field, e.reason));
        print(stdout, QStringLiteral("import %1 %2: %3 new, %4 updated, %5 unchanged, %6 rejected")
                          .arg(done.id)
                          .arg(catalog::importStateName(done.state))
                          .arg(done.rowsNew)
                          .arg(done.rowsUpdated)
                          .arg(done.rowsUnchanged)
                          .arg(done.rowsRejected));
        if (!done.error.isEmpty())
            print(stderr, done.error);
        service->stop();
        db->close();
        return done.state == catalog::ImportState::Done ? 0 : 1;
    } catch (const std::exception &e) {
        const QString reason = QString::fromUtf8(e.what());
        print(stderr, QStringLiteral("haitao-server import-feed: %1").arg(reason));
        // Not left "running": say where it stopped (fails again quietly if the store is gone).
        if (service && importId > 0)
            service->failImport(importId, QStringLiteral("The import stopped: %1").arg(reason));
        return 1;
    }
}

} // namespace haitao::server
