#include "backend/catalog/catalogservice.h"

#include "backend/catalog/demofeed.h"
#include "backend/catalog/productpage.h"
#include "backend/catalog/shoppage.h"
#include "backend/http/apierror.h"
#include "backend/integrations/httpfetch.h"
#include "backend/log.h"
#include "core/wiretime.h"

#include <QBuffer>
#include <QRegularExpression>
#include <QSet>

namespace haitao::server::catalog {

namespace {

constexpr int kBatchRows = 1000;           // rows per transaction
constexpr qint64 kChunkBytes = 256 * 1024; // read size
constexpr int kMaxStoredErrors = 1000;     // per import; the counts stay exact
constexpr int kErrorsShown = 200;

ApiError notFound()
{
    return ApiError(ProblemKind::NotFound, QStringLiteral("No such product"));
}

ApiError staleVersion(qint64 current)
{
    return ApiError(ProblemKind::PreconditionFailed,
                    QStringLiteral("The listing was changed by someone else (now version %1); "
                                   "reload it and apply your changes again")
                        .arg(current));
}

// The listing `id` if it is still at `version`: 404 when there is none, 412 when it moved.
Product productAt(const QSqlDatabase &db, qint64 id, qint64 version)
{
    auto current = catalogstore::product(db, id);
    if (!current)
        throw notFound();
    if (current->version != version)
        throw staleVersion(current->version);
    return std::move(*current);
}

ApiError badUrl(const QString &message)
{
    return ApiError::validation({{QStringLiteral("url"), message}});
}

// The feed rows of a page's product: one per variant, all in one group.
QList<FeedRow> rowsOf(const PageProduct &p, const QUrl &pageUrl)
{
    QList<FeedRow> rows;
    const QUrl productUrl = productUrlOf(p, pageUrl);
    for (qsizetype i = 0; i < p.variants.size(); ++i) {
        const PageVariant &v = p.variants.at(i);
        FeedRow row;
        row.lineNumber = i + 1;
        row.sku = variantSku(p, pageUrl, i);
        row.title = p.name.left(500);
        row.description = p.description;
        row.brand = p.brand;
        // The shop's own category path is not ours: staff pick the category.
        row.url = productUrl.toString();
        row.imageUrls = !p.images.isEmpty() ? p.images : v.images;
        row.language = primaryLanguage(p.language); // inLanguage or <html lang>; else "en"
        row.price = v.price;
        for (const auto &[name, value] : v.options)
            row.options.append({name, value});
        rows.append(row);
    }
    const QString group = p.groupId.isEmpty() ? rows.constFirst().sku : p.groupId.left(128);
    for (FeedRow &row : rows)
        row.group = group;
    return rows;
}

} // namespace

bool isValidSite(const QString &site)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[a-z0-9]([a-z0-9.-]{0,98}[a-z0-9])?$"));
    return pattern.match(site).hasMatch();
}

CatalogService::CatalogService(Database &db, const Config &config)
    : m_db(db)
    , m_config(config)
{
    m_worker = std::thread([this] { worker(); });
}

CatalogService::~CatalogService()
{
    stop();
}

void CatalogService::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_worker.joinable())
        m_worker.join();
}

bool CatalogService::stopping()
{
    std::lock_guard lock(m_mutex);
    return m_stopping;
}

void CatalogService::recordFinished(QSqlDatabase &db, const ImportJob &job)
{
    auditlog::record(db, Actor(), now(), QStringLiteral("catalog.import_finished"),
                     QStringLiteral("import"), QString::number(job.id),
                     {{QStringLiteral("state"), importStateName(job.state)},
                      {QStringLiteral("new"), job.rowsNew},
                      {QStringLiteral("updated"), job.rowsUpdated},
                      {QStringLiteral("unchanged"), job.rowsUnchanged},
                      {QStringLiteral("rejected"), job.rowsRejected},
                      {QStringLiteral("error"), job.error}});
}

void CatalogService::migrate()
{
    haitao::server::migrate(m_db, catalogstore::migrations());
}

void CatalogService::recoverImports()
{
    // Uploads wait in memory: those a stopped server had not finished are gone. Say so
    // instead of showing them queued forever. (With several instances on one store, an
    // instance restarting marks the others' running imports too; imports are meant to run
    // on one instance, see docs/architecture.md.)
    m_db.write([&](QSqlDatabase &db) {
        catalogstore::failUnfinishedImports(
            db,
            QStringLiteral("The server stopped before this import finished; upload the feed again"),
            now());
    });
}

// ---- imports ----

ImportJob CatalogService::createImport(const Actor &actor, const QString &site, FeedFormat format,
                                       const QString &source, qint64 bytesTotal)
{
    ImportJob job;
    job.site = site;
    job.format = format == FeedFormat::Csv ? QStringLiteral("csv") : QStringLiteral("jsonl");
    job.source = source;
    job.bytesTotal = bytesTotal;
    job.createdBy = actor.name;
    job.createdAtMs = job.updatedAtMs = now();
    m_db.write([&](QSqlDatabase &db) {
        job.id = catalogstore::insertImport(db, job);
        auditlog::record(db, actor, now(), QStringLiteral("catalog.import_started"),
                         QStringLiteral("import"), QString::number(job.id),
                         {{QStringLiteral("site"), site},
                          {QStringLiteral("format"), job.format},
                          {QStringLiteral("bytes"), bytesTotal}});
    });
    return job;
}

ImportJob CatalogService::runImport(qint64 importId, QIODevice &input, FeedFormat format,
                                    FeedEncoding encoding, const Progress &progress)
{
    ImportJob job = importJob(importId);
    if (catalogstore::cancelRequested(m_db.writer(), importId)) {
        // Cancelled while it waited in the queue: nothing read, nothing written.
        job.state = ImportState::Cancelled;
        m_db.write([&](QSqlDatabase &db) {
            catalogstore::updateImport(db, job, now());
            recordFinished(db, job);
        });
        return importJob(importId);
    }
    job.state = ImportState::Running;
    m_db.write([&](QSqlDatabase &db) { catalogstore::updateImport(db, job, now()); });

    FeedParser parser(format, encoding);
    QList<FeedRow> rows;
    QList<RowError> errors;
    qint64 storedErrors = 0;
    QSet<QString> groupsSeen; // products already written by this import
    const auto onRow = [&rows](FeedRow &&row) { rows.append(std::move(row)); };
    const auto onError = [&](const RowError &e) {
        if (storedErrors < kMaxStoredErrors) {
            errors.append(e);
            ++storedErrors;
        }
    };
    // One transaction per batch: a crash loses at most the batch in flight, and the counts and
    // progress committed with it are always true.
    // One transaction per batch: a crash loses at most the batch in flight, and the counts and
    // progress committed with it are always true. write() may run the work again after a
    // serialization failure, so it changes copies and they are kept only once committed.
    const auto flush = [&] {
        ImportJob next;
        QSet<QString> seen;
        m_db.write([&](QSqlDatabase &db) {
            next = job;
            seen = groupsSeen;
            const qint64 at = now();
            for (const FeedRow &row : std::as_const(rows)) {
                const QString group = row.group.isEmpty() ? row.sku : row.group;
                const bool already = seen.contains(group);
                seen.insert(group);
                switch (catalogstore::upsertRow(db, next.site, row, at, already)) {
                case Upserted::New:
                    ++next.rowsNew;
                    break;
                case Upserted::Updated:
                    ++next.rowsUpdated;
                    break;
                case Upserted::Unchanged:
                    ++next.rowsUnchanged;
                    break;
                }
            }
            catalogstore::addImportErrors(db, next.id, errors);
            next.rowsRejected = parser.rowsRejected();
            catalogstore::updateImport(db, next, at);
        });
        job = next;
        groupsSeen = seen;
        announceImages(rows);
        rows.clear();
        errors.clear();
        if (progress)
            progress(job);
    };

    bool cancelled = false;
    while (!input.atEnd()) {
        const QByteArray chunk = input.read(kChunkBytes);
        if (chunk.isEmpty())
            break;
        parser.feed(chunk, onRow, onError);
        job.bytesDone += chunk.size();
        if (!parser.fileError().isEmpty())
            break;
        if (rows.size() >= kBatchRows) {
            flush();
            if (catalogstore::cancelRequested(m_db.writer(), job.id)) {
                cancelled = true;
                break;
            }
            if (stopping()) // the server is stopping: recoverImports() reports it at next start
                return job;
        }
    }
    if (!cancelled)
        parser.finish(onRow, onError);
    job.warnings = parser.warnings();
    flush();
    if (cancelled)
        job.state = ImportState::Cancelled;
    else if (!parser.fileError().isEmpty())
        job.state = ImportState::Failed;
    else
        job.state = ImportState::Done;
    job.error = parser.fileError();
    m_db.write([&](QSqlDatabase &db) {
        catalogstore::updateImport(db, job, now());
        recordFinished(db, job);
    });
    return importJob(importId);
}

ImportJob CatalogService::startImport(const Actor &actor, const QString &site, FeedFormat format,
                                      FeedEncoding encoding, QByteArray body)
{
    // Uploads wait in memory for the one worker: beyond four full-size uploads, later ones
    // are turned away until the queue drains, rather than holding gigabytes.
    const qint64 cap = 4 * qint64(m_config.maxUploadBytes);
    {
        std::lock_guard lock(m_mutex);
        if (m_queuedBytes + body.size() > cap) {
            ApiError busy(ProblemKind::Unavailable,
                          QStringLiteral("Too many feeds are waiting to be imported; try again "
                                         "shortly"));
            busy.retryAfterSeconds = 30;
            throw busy;
        }
        m_queuedBytes += body.size();
    }
    ImportJob job;
    try {
        job = createImport(actor, site, format, QStringLiteral("upload"), qint64(body.size()));
    } catch (...) {
        std::lock_guard lock(m_mutex);
        m_queuedBytes -= body.size();
        throw;
    }
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back({job.id, format, encoding, std::move(body)});
    }
    m_wake.notify_one();
    return job;
}

void CatalogService::worker()
{
    for (;;) {
        QueuedImport next;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_stopping)
                return;
            next = std::move(m_queue.front());
            m_queue.pop_front();
            m_queuedBytes -= next.body.size();
        }
        QBuffer buffer(&next.body);
        buffer.open(QIODevice::ReadOnly);
        try {
            runImport(next.id, buffer, next.format, next.encoding);
        } catch (const std::exception &e) {
            // The store failed under the import: record it where staff look for the outcome.
            failImport(next.id,
                       QStringLiteral("The import stopped: %1").arg(QString::fromUtf8(e.what())));
        }
    }
}

void CatalogService::failImport(qint64 id, const QString &reason)
{
    try {
        m_db.write([&](QSqlDatabase &db) {
            auto job = catalogstore::importJob(db, id, 0);
            if (!job || (job->state != ImportState::Queued && job->state != ImportState::Running))
                return;
            job->state = ImportState::Failed;
            job->error = reason;
            catalogstore::updateImport(db, *job, now());
            recordFinished(db, *job);
        });
    } catch (const std::exception &) {
        // The store is gone altogether; recoverImports() reports the job at the next start.
    }
}

ImportJob CatalogService::importJob(qint64 id)
{
    const auto job = catalogstore::importJob(m_db.writer(), id, kErrorsShown);
    if (!job)
        throw ApiError(ProblemKind::NotFound, QStringLiteral("No such import"));
    return *job;
}

ImportJob CatalogService::cancelImport(const Actor &actor, qint64 id)
{
    m_db.write([&](QSqlDatabase &db) {
        if (!catalogstore::importJob(db, id, 0))
            throw ApiError(ProblemKind::NotFound, QStringLiteral("No such import"));
        if (!catalogstore::requestCancel(db, id))
            throw ApiError(ProblemKind::Conflict,
                           QStringLiteral("The import has already finished"));
        auditlog::record(db, actor, now(), QStringLiteral("catalog.import_cancel_requested"),
                         QStringLiteral("import"), QString::number(id));
    });
    // Queued and not started: it is dropped when the worker reaches it (runImport sees the flag
    // after its first batch); a small upload may finish first, which the state then says.
    return importJob(id);
}

// ---- one-click URL import ----

Product CatalogService::importUrl(const Actor &actor, const QString &urlText)
{
    if (urlText.size() > 2000)
        throw badUrl(QStringLiteral("must be at most 2000 characters"));
    const QUrl url(urlText.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        throw badUrl(QStringLiteral("must be an http or https URL of a product page"));
    QString site = url.host().toLower();
    if (site.startsWith(QLatin1String("www.")))
        site = site.mid(4);
    if (!isValidSite(site))
        throw badUrl(QStringLiteral("'%1' is not a shop's domain").arg(url.host()));

    const FetchResult fetched = httpGet(url, shopPageFetchOptions(m_config));
    if (fetched.addressRefused)
        throw badUrl(fetched.error);
    const auto unavailable = [&](const QString &why) {
        ApiError e(ProblemKind::Unavailable,
                   QStringLiteral("The shop's page could not be fetched: %1").arg(why));
        if (fetched.status == 429 || fetched.status == 503)
            e.retryAfterSeconds = fetched.retryAfterSeconds > 0 ? fetched.retryAfterSeconds : 0;
        return e;
    };
    if (!fetched.error.isEmpty())
        throw unavailable(fetched.error);
    if (fetched.status >= 500 || fetched.status == 429)
        throw unavailable(QStringLiteral("it answered HTTP %1").arg(fetched.status));
    if (fetched.status >= 400)
        throw badUrl(QStringLiteral("the page answered HTTP %1").arg(fetched.status));
    if (fetched.status < 200 || fetched.status >= 300)
        throw unavailable(QStringLiteral("it answered HTTP %1").arg(fetched.status));

    const QUrl pageUrl = fetched.effectiveUrl.isValid() ? fetched.effectiveUrl : url;
    const ExtractedProduct extracted =
        extractProduct(fetched.body, pageUrl, fetched.header("content-type"));
    if (!extracted.ok()) {
        QString detail;
        switch (extracted.refusal) {
        case PageRefusal::RobotCheck:
            detail = QStringLiteral("The shop answered with a robot check (captcha) instead of "
                                    "the product page; try again later or import the product "
                                    "from a feed");
            break;
        case PageRefusal::NoProduct:
            detail = QStringLiteral("No product was found on the page (no schema.org Product "
                                    "and no OpenGraph product tags): check the URL, or the shop "
                                    "changed its pages");
            break;
        case PageRefusal::BadPrice:
        case PageRefusal::None:
            detail = QStringLiteral("The page's product has no usable price (missing, malformed "
                                    "or in an unsupported currency)");
            break;
        }
        // The extractor's own reason (which field, what was wrong) goes at `url`.
        throw ApiError(
            ProblemKind::Validation, detail,
            {{QStringLiteral("url"), extracted.error.isEmpty() ? detail : extracted.error}});
    }
    const PageProduct &page = *extracted.product;
    if (page.name.trimmed().isEmpty() || page.variants.isEmpty())
        throw ApiError(
            ProblemKind::Validation, QStringLiteral("The page's product has no name"),
            {{QStringLiteral("url"), QStringLiteral("the product on the page has no name")}});
    const QList<FeedRow> rows = rowsOf(page, pageUrl);

    Product result;
    m_db.write([&](QSqlDatabase &db) {
        const qint64 at = now();
        bool seen = false;
        for (const FeedRow &row : rows) {
            catalogstore::upsertRow(db, site, row, at, seen, QStringLiteral("url"));
            seen = true;
        }
        const FeedRow &first = rows.constFirst();
        const auto found = catalogstore::product(
            db, catalogstore::productIdByGroup(db, site,
                                               first.group.isEmpty() ? first.sku : first.group));
        if (!found)
            throw StorageError(QStringLiteral("the imported product was not found again"));
        result = *found;
        auditlog::record(db, actor, at, QStringLiteral("catalog.url_imported"),
                         QStringLiteral("product"), QString::number(result.id),
                         {{QStringLiteral("url"), url.toString()},
                          {QStringLiteral("site"), site},
                          {QStringLiteral("skus"), qint64(rows.size())}});
    });
    announceImages(rows);
    attachImages(result);
    return result;
}

// ---- products and listings ----

Page<Product> CatalogService::listProducts(const ProductFilter &filter)
{
    Page<Product> page = catalogstore::listProducts(m_db.reader(), filter);
    attachImages(page.items);
    return page;
}

ProductCounts CatalogService::countProducts(const ProductFilter &filter)
{
    return catalogstore::countProducts(m_db.reader(), filter);
}

Product CatalogService::product(qint64 id)
{
    const auto p = catalogstore::product(m_db.reader(), id);
    if (!p)
        throw notFound();
    Product result = *p;
    attachImages(result);
    return result;
}

Product CatalogService::updateListing(const Actor &actor, qint64 id, qint64 version,
                                      const ListingText &text)
{
    // Lengths were checked with the request's other fields (catalogroutes).
    Product result;
    m_db.write([&](QSqlDatabase &db) {
        const auto current = productAt(db, id, version);
        if (current.status == ListingStatus::Published)
            throw ApiError(ProblemKind::Conflict,
                           QStringLiteral("A published listing is not edited in place; move it "
                                          "back to review first"));
        if (!catalogstore::updateListing(db, id, version, text, now()))
            throw staleVersion(current.version);
        const QString status = listingStatusName(current.status);
        catalogstore::addEvent(
            db, {0, id, now(), actor.name, status, status, QStringLiteral("text edited")});
        result = *catalogstore::product(db, id);
    });
    attachImages(result);
    return result;
}

Product CatalogService::transition(const Principal &user, qint64 id, qint64 version,
                                   ListingStatus to, const QString &comment)
{
    Product result;
    m_db.write([&](QSqlDatabase &db) {
        const auto current = productAt(db, id, version);
        const TransitionCheck check = checkTransition(current.status, to, user.role);
        if (check.forbiddenForRole)
            throw ApiError(ProblemKind::Forbidden,
                           QStringLiteral("The role '%1' may not move a listing from %2 to %3")
                               .arg(roleToString(user.role), listingStatusName(current.status),
                                    listingStatusName(to)));
        if (!check.allowed)
            throw ApiError(ProblemKind::Conflict,
                           QStringLiteral("A listing cannot move from %1 to %2")
                               .arg(listingStatusName(current.status), listingStatusName(to)));
        if (check.needsComment && comment.trimmed().isEmpty())
            throw ApiError::validation(
                {{QStringLiteral("comment"), QStringLiteral("say why (the translator sees it)")}});
        if (to == ListingStatus::Published && current.titleZh.trimmed().isEmpty())
            throw ApiError(ProblemKind::Conflict,
                           QStringLiteral("A listing without a Chinese title cannot be published"));
        if (current.status == ListingStatus::InTranslation && to == ListingStatus::InReview &&
            current.titleZh.trimmed().isEmpty())
            throw ApiError::validation(
                {{QStringLiteral("titleZh"),
                  QStringLiteral("write the Chinese title before sending it to review")}});
        if (!catalogstore::setStatus(db, id, version, to, now()))
            throw staleVersion(current.version);
        // A rejection stays on top for the translator until the listing moves on.
        const bool rejected =
            current.status == ListingStatus::InReview && to == ListingStatus::InTranslation;
        catalogstore::setLastRejection(
            db, id,
            rejected ? QJsonObject{{QStringLiteral("comment"), comment.trimmed()},
                                   {QStringLiteral("actor"), user.username},
                                   {QStringLiteral("at"), toWireTime(now())}}
                     : QJsonObject());
        if (to == ListingStatus::Published)
            catalogstore::setLastPublished(
                db, id,
                {{QStringLiteral("titleZh"), current.titleZh},
                 {QStringLiteral("descriptionZh"), current.descriptionZh},
                 {QStringLiteral("attributesZh"), current.attributesZh}});
        catalogstore::addEvent(db, {0, id, now(), user.username, listingStatusName(current.status),
                                    listingStatusName(to), comment.trimmed()});
        result = *catalogstore::product(db, id);
    });
    if (to == ListingStatus::Published && m_publishedHook)
        m_publishedHook(result);
    attachImages(result);
    return result;
}

void CatalogService::checkAssignee(const QString &assignee) const
{
    if (assignee.isEmpty())
        return;
    if (assignee.size() > 64 || !m_staffCheck || !m_staffCheck(assignee))
        throw ApiError::validation(
            {{QStringLiteral("assignee"),
              QStringLiteral("'%1' is not an enabled translator, ops or admin user")
                  .arg(assignee.left(64))}});
}

Product CatalogService::assign(const Principal &user, qint64 id, qint64 version,
                               const QString &assignee)
{
    if (user.role != Role::Ops && user.role != Role::Admin)
        throw ApiError(
            ProblemKind::Forbidden,
            QStringLiteral("The role '%1' may not assign listings").arg(roleToString(user.role)));
    checkAssignee(assignee);
    Product result;
    m_db.write([&](QSqlDatabase &db) {
        const auto current = productAt(db, id, version);
        if (!catalogstore::setAssignee(db, id, version, assignee, now()))
            throw staleVersion(current.version);
        const QString status = listingStatusName(current.status);
        catalogstore::addEvent(db, {0, id, now(), user.username, status, status,
                                    assignee.isEmpty()
                                        ? QStringLiteral("unassigned")
                                        : QStringLiteral("assigned to %1").arg(assignee)});
        result = *catalogstore::product(db, id);
    });
    attachImages(result);
    return result;
}

QList<CatalogService::BulkResult> CatalogService::bulk(const Principal &user,
                                                       const QList<qint64> &ids, BulkAction action,
                                                       ListingStatus to, const QString &comment,
                                                       const QString &assignee)
{
    if (action == BulkAction::Assign && (user.role == Role::Ops || user.role == Role::Admin))
        checkAssignee(assignee); // one answer for the whole request, not one per listing
    QList<BulkResult> results;
    for (const qint64 id : ids) {
        BulkResult r;
        r.id = id;
        try {
            // Each at the version it has now: the caller chose the listings, not their states.
            const auto current = catalogstore::product(m_db.writer(), id);
            if (!current)
                throw notFound();
            r.product = action == BulkAction::Assign
                            ? assign(user, id, current->version, assignee)
                            : transition(user, id, current->version, to, comment);
        } catch (const ApiError &e) {
            r.error = e;
        } catch (const StorageError &) {
            // The listings before it are done: say which one failed rather than failing all.
            r.error = ApiError(ProblemKind::Unavailable,
                               QStringLiteral("The catalog store is busy or unreachable; try "
                                              "this listing again."));
        }
        results.append(std::move(r));
    }
    return results;
}

QList<ListingEvent> CatalogService::events(qint64 id)
{
    product(id); // 404 for an unknown product
    return catalogstore::events(m_db.reader(), id);
}

Page<Product> CatalogService::listPublished(ProductFilter filter)
{
    filter.status = ListingStatus::Published;
    Page<Product> page = catalogstore::listProducts(m_db.reader(), filter);
    attachImages(page.items);
    return page;
}

Product CatalogService::publishedProduct(qint64 id)
{
    const auto p = catalogstore::product(m_db.reader(), id);
    if (!p || p->status != ListingStatus::Published)
        throw notFound();
    Product result = *p;
    attachImages(result);
    return result;
}

std::optional<catalogstore::SkuInfo> CatalogService::sku(qint64 skuId, bool staff)
{
    auto info = catalogstore::sku(m_db.reader(), skuId);
    if (info && !staff && info->status != ListingStatus::Published)
        return std::nullopt;
    return info;
}

// ---- images (the media component) ----

void CatalogService::announceImages(const QList<FeedRow> &rows) const
{
    if (!m_imagesFound)
        return;
    QStringList urls;
    for (const FeedRow &row : rows)
        urls += row.imageUrls;
    urls.removeDuplicates();
    if (urls.isEmpty())
        return;
    try {
        m_imagesFound(urls);
    } catch (const std::exception &) {
        // The media store is away: these images are fetched when the feed comes again.
    }
}

void CatalogService::attachImages(QList<Product> &products) const
{
    if (!m_imagesStored)
        return;
    QStringList urls;
    for (const Product &p : std::as_const(products))
        urls += p.images;
    urls.removeDuplicates();
    const QHash<QString, QString> stored =
        urls.isEmpty() ? QHash<QString, QString>() : m_imagesStored(urls);
    for (Product &p : products) {
        for (const QString &url : std::as_const(p.images)) {
            if (const auto it = stored.constFind(url); it != stored.constEnd())
                p.storedImages.insert(url, *it);
        }
    }
}

void CatalogService::attachImages(Product &product) const
{
    QList<Product> one{std::move(product)};
    attachImages(one);
    product = std::move(one.first());
}

// ---- demo data ----

bool CatalogService::seedDemo()
{
    if (!catalogstore::listProducts(m_db.writer(), ProductFilter{}).items.isEmpty())
        return false;
    Actor system;
    QList<DemoFeed> feeds;
    if (!m_config.simUrl.isEmpty()) {
        // The demo's shops are the simulator's, so that orders can be placed there.
        QString error;
        const Log log(m_config.logFormat, m_config.logSink);
        if (const auto fromSim = simDemoFeeds(m_config.simUrl, &error)) {
            feeds = *fromSim;
            log.info(QStringLiteral("demo catalog: importing the sim's shop feeds"),
                     {{QStringLiteral("simUrl"), m_config.simUrl}});
        } else {
            log.error(
                QStringLiteral("demo catalog: the sim's feeds are unreachable, using the "
                               "built-in demo feeds"),
                {{QStringLiteral("simUrl"), m_config.simUrl}, {QStringLiteral("error"), error}});
        }
    }
    if (feeds.isEmpty())
        feeds = demoFeeds();
    for (const DemoFeed &feed : std::as_const(feeds)) {
        QByteArray bytes = feed.csv;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        const ImportJob job =
            createImport(system, feed.site, FeedFormat::Csv, QStringLiteral("demo"), bytes.size());
        runImport(job.id, buffer, FeedFormat::Csv, FeedEncoding::Auto);
    }
    // Listings that came with the partner's Chinese text go straight to published, so that
    // customers see something; the rest wait for the translators.
    Principal reviewer;
    reviewer.username = QStringLiteral("system");
    reviewer.role = Role::Admin;
    ProductFilter all;
    all.limit = 1000;
    for (const Product &p : catalogstore::listProducts(m_db.writer(), all).items) {
        if (p.titleZh.isEmpty())
            continue;
        qint64 version = p.version;
        for (ListingStatus to :
             {ListingStatus::InTranslation, ListingStatus::InReview, ListingStatus::Published})
            version = transition(reviewer, p.id, version, to, QString()).version;
    }
    return true;
}

} // namespace haitao::server::catalog
