#pragma once

#include "backend/catalog/refreshstore.h"
#include "backend/config.h"
#include "backend/storage/database.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QUrl>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace haitao::server::catalog {

class CatalogService;
struct PageProduct;
struct Product;

// The price refresh job: re-reads the shop page of published products (every
// Config::priceRefreshHours, or when staff ask) with the URL import's extraction, records
// changed prices, sends a listing whose price moved beyond Config::priceChangePercent back to
// review, and marks a product stale after Config::priceRefreshFailures failed reads in a row.
// Shops are treated politely: one request at a time, at most Config::priceRefreshRps per
// second per site, and a site answering 429 or 503 is left alone until its Retry-After (or an
// exponential backoff) has passed, while other sites go on.
class PriceRefresh
{
public:
    PriceRefresh(Database &db, const Config &config, CatalogService &catalog);
    ~PriceRefresh();

    void start();
    void stop();

    // Queues the given products (those that exist and have a source page), or with no ids
    // every published one; returns how many were queued (already queued ones count once).
    int request(const QList<qint64> &productIds);
    // A product's SKU prices, newest first; 404 for an unknown product.
    QList<PricePoint> prices(qint64 productId);

private:
    using SteadyClock = std::chrono::steady_clock;
    struct Item
    {
        qint64 id = 0;
        QString site;
        int deferrals = 0;     // times put back because its site asked us to wait
        qint64 releasedAt = 0; // when the site's limiter let it go (ms): its priceCheckedAt
    };
    struct Site
    {
        SteadyClock::time_point nextAllowed{};
        int backoffs = 0; // 429/503 answers in a row
    };

    qint64 now() const { return m_config.clock(); }
    void loop();
    int enqueueLocked(const QList<QPair<qint64, QString>> &items);
    // Reads one product's page; puts it back in the queue when its site asks to wait.
    void refresh(const Item &item);
    void succeeded(const Product &product, const PageProduct &page, const QUrl &pageUrl,
                   qint64 readAt);
    void failed(qint64 productId);
    qint64 nextDueAt() const;

    Database &m_db;
    const Config &m_config;
    CatalogService &m_catalog;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::deque<Item> m_queue;
    QSet<qint64> m_queued;
    qint64 m_current = 0; // being read now: a scan must not queue it again
    QHash<QString, Site> m_sites;
    SteadyClock::time_point m_nextScan{};
    std::thread m_thread;
};

} // namespace haitao::server::catalog
