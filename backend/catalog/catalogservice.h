#pragma once

#include "backend/catalog/catalogstore.h"
#include "backend/catalog/feedparser.h"
#include "backend/config.h"
#include "backend/http/actor.h"
#include "backend/http/apierror.h"
#include "backend/http/request.h"
#include "backend/storage/database.h"

#include <QIODevice>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace haitao::server::catalog {

// A shop's site key: its lower-case domain, e.g. "amazon.com".
bool isValidSite(const QString &site);

// The catalog component: products, SKUs and listings, feed imports, the listing workflow and
// search. Throws ApiError for anything the caller did wrong; every listing change is recorded
// with who and when in the same transaction.
class CatalogService
{
public:
    CatalogService(Database &db, const Config &config);
    ~CatalogService();

    void migrate();
    // At server start: imports a stopped server left queued or running are failed (their
    // uploads were in its memory). Not for `import-feed`, which runs beside a live server.
    void recoverImports();
    bool seedDemo();

    // Reads a whole feed from `input` in batches, each in its own transaction, updating the
    // job's progress as it goes; stops between batches when a cancel was requested.
    using Progress = std::function<void(const ImportJob &)>;
    ImportJob runImport(qint64 importId, QIODevice &input, FeedFormat format, FeedEncoding encoding,
                        const Progress &progress = {});
    ImportJob createImport(const Actor &actor, const QString &site, FeedFormat format,
                           const QString &source, qint64 bytesTotal);
    // Queues an uploaded feed for the import worker; answers at once.
    ImportJob startImport(const Actor &actor, const QString &site, FeedFormat format,
                          FeedEncoding encoding, QByteArray body);
    ImportJob importJob(qint64 id);
    // Marks an unfinished import failed with `reason` (and audits it); never throws.
    void failImport(qint64 id, const QString &reason);
    ImportJob cancelImport(const Actor &actor, qint64 id);
    // One-click import: fetches a shop's product page (blocking, with the SSRF guard always
    // on), reads its product and upserts its variants as SKUs in one transaction. 422 for a
    // bad or refused URL and for a page without a usable product; 503 when the shop is down.
    Product importUrl(const Actor &actor, const QString &url);

    Page<Product> listProducts(const ProductFilter &filter);
    ProductCounts countProducts(const ProductFilter &filter);
    Product product(qint64 id);
    Product updateListing(const Actor &actor, qint64 id, qint64 version, const ListingText &text);
    Product transition(const Principal &user, qint64 id, qint64 version, ListingStatus to,
                       const QString &comment);
    QList<ListingEvent> events(qint64 id);
    // Ops: who works on the listing ("" for nobody); 422 at `assignee` unless `assignee` is
    // an enabled translator, ops or admin (setStaffCheck).
    Product assign(const Principal &user, qint64 id, qint64 version, const QString &assignee);

    // Many listings at once, each at its current version, in its own transaction, with its
    // own role checks: one answer per id, in order.
    struct BulkResult
    {
        qint64 id = 0;
        std::optional<Product> product; // set on success
        std::optional<ApiError> error;  // set on failure
    };
    enum class BulkAction { Transition, Assign };
    QList<BulkResult> bulk(const Principal &user, const QList<qint64> &ids, BulkAction action,
                           ListingStatus to, const QString &comment, const QString &assignee);

    // Whether a user name is an enabled translator, ops or admin (the identity component
    // answers; wired by the server). Unset: nobody may be assigned.
    using StaffCheck = std::function<bool(const QString &username)>;
    void setStaffCheck(StaffCheck check) { m_staffCheck = std::move(check); }
    // Called after a publish commits, with the published product (the translation memory
    // keeps its segments). Must not throw.
    using PublishedHook = std::function<void(const Product &)>;
    void setPublishedHook(PublishedHook hook) { m_publishedHook = std::move(hook); }

    // Product images live in the media component (no cross-store join; wired by the
    // server): `found` hears the image URLs of each import batch and URL import, `stored`
    // maps source URLs to the sha256 of those already fetched. Unset: images stay unfetched.
    using ImagesFound = std::function<void(const QStringList &sourceUrls)>;
    using ImagesStored = std::function<QHash<QString, QString>(const QStringList &sourceUrls)>;
    void setImageHooks(ImagesFound found, ImagesStored stored)
    {
        m_imagesFound = std::move(found);
        m_imagesStored = std::move(stored);
    }
    // Fills Product::storedImages, for a whole page in one lookup.
    void attachImages(QList<Product> &products) const;
    void attachImages(Product &product) const;

    // Customers: published listings only; anything else is 404.
    Page<Product> listPublished(ProductFilter filter);
    Product publishedProduct(qint64 id);

    // A SKU for pricing: customers may only price published listings (nullopt for any
    // other), staff any.
    std::optional<catalogstore::SkuInfo> sku(qint64 skuId, bool staff);

    void stop();

private:
    struct QueuedImport
    {
        qint64 id;
        FeedFormat format;
        FeedEncoding encoding;
        QByteArray body;
    };

    qint64 now() const { return m_config.clock(); }
    void worker();
    bool stopping();
    void recordFinished(QSqlDatabase &db, const ImportJob &job);

    void checkAssignee(const QString &assignee) const;

    Database &m_db;
    const Config &m_config;
    StaffCheck m_staffCheck;
    PublishedHook m_publishedHook;
    ImagesFound m_imagesFound;
    ImagesStored m_imagesStored;
    void announceImages(const QList<FeedRow> &rows) const;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<QueuedImport> m_queue;
    qint64 m_queuedBytes = 0; // bounded: uploads wait in memory
    bool m_stopping = false;
    std::thread m_worker;
};

} // namespace haitao::server::catalog
