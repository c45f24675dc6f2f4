#include "backend/catalog/pricerefresh.h"

#include "backend/catalog/catalogservice.h"
#include "backend/catalog/catalogstore.h"
#include "backend/catalog/productpage.h"
#include "backend/catalog/shoppage.h"
#include "backend/http/apierror.h"
#include "backend/integrations/httpfetch.h"

#include <algorithm>

namespace haitao::server::catalog {

namespace {

constexpr int kMaxDeferrals = 3;                  // 429/503 answers before it counts as failed
constexpr qint64 kMaxBackoffMs = 3600 * 1000;     // a site waits an hour at most
constexpr qint64 kMaxRetryAfterMs = 86400 * 1000; // however long it asks for
constexpr auto kScanEvery = std::chrono::seconds(60);
constexpr int kScanBatch = 1000;
constexpr int kRequestCap = 100000; // products queued by one "refresh all"
constexpr int kNotesInComment = 10;

// "+30.0%" from old to new, in tenths of a percent, without floating point.
QString percentChange(qint64 oldMinor, qint64 newMinor)
{
    if (oldMinor <= 0)
        return QStringLiteral("new");
    const qint64 tenths = (newMinor - oldMinor) * 1000 / oldMinor;
    const qint64 magnitude = tenths < 0 ? -tenths : tenths;
    return QStringLiteral("%1%2.%3%")
        .arg(newMinor < oldMinor ? QLatin1Char('-') : QLatin1Char('+'))
        .arg(magnitude / 10)
        .arg(magnitude % 10);
}

// More than `percent` away from the old price (or a different currency, which cannot be
// compared).
bool beyond(const Money &oldPrice, const Money &newPrice, int percent)
{
    if (oldPrice.currency() != newPrice.currency() || oldPrice.minor() <= 0)
        return true;
    const qint64 diff = newPrice.minor() - oldPrice.minor();
    return (diff < 0 ? -diff : diff) * 100 > qint64(percent) * oldPrice.minor();
}

} // namespace

PriceRefresh::PriceRefresh(Database &db, const Config &config, CatalogService &catalog)
    : m_db(db)
    , m_config(config)
    , m_catalog(catalog)
{}

PriceRefresh::~PriceRefresh()
{
    stop();
}

void PriceRefresh::start()
{
    if (m_thread.joinable())
        return;
    m_stopping = false;
    m_thread = std::thread([this] { loop(); });
}

void PriceRefresh::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

int PriceRefresh::enqueueLocked(const QList<QPair<qint64, QString>> &items)
{
    for (const auto &[id, site] : items) {
        if (m_queued.contains(id) || id == m_current)
            continue;
        m_queued.insert(id);
        m_queue.push_back({id, site, 0, 0});
    }
    return int(items.size());
}

int PriceRefresh::request(const QList<qint64> &productIds)
{
    const auto items = productIds.isEmpty() ? refreshstore::published(m_db.reader(), kRequestCap)
                                            : refreshstore::withSource(m_db.reader(), productIds);
    int queued = 0;
    {
        std::lock_guard lock(m_mutex);
        queued = enqueueLocked(items);
    }
    m_wake.notify_all();
    return queued;
}

QList<PricePoint> PriceRefresh::prices(qint64 productId)
{
    const QSqlDatabase db = m_db.reader();
    if (!catalogstore::product(db, productId))
        throw ApiError(ProblemKind::NotFound, QStringLiteral("No such product"));
    return refreshstore::history(db, productId, 500);
}

qint64 PriceRefresh::nextDueAt() const
{
    return now() + qint64(std::max(1, m_config.priceRefreshHours)) * 3600 * 1000;
}

void PriceRefresh::loop()
{
    const auto spacing = std::chrono::milliseconds(1000 / std::max(1, m_config.priceRefreshRps));
    const bool scheduled = m_config.priceRefreshHours > 0;
    for (;;) {
        Item item;
        {
            std::unique_lock lock(m_mutex);
            for (;;) {
                if (m_stopping)
                    return;
                const auto t = SteadyClock::now();
                if (scheduled && t >= m_nextScan) {
                    m_nextScan = t + kScanEvery;
                    lock.unlock();
                    QList<QPair<qint64, QString>> due;
                    try {
                        due = refreshstore::due(m_db.writer(), now(), kScanBatch);
                    } catch (const std::exception &) {
                        // The store is away: the next scan tries again.
                    }
                    lock.lock();
                    enqueueLocked(due);
                    continue;
                }
                // The first queued product whose site may be asked now; the others keep
                // their places.
                auto wakeAt = scheduled ? m_nextScan : t + std::chrono::hours(1);
                const auto ready = std::find_if(m_queue.begin(), m_queue.end(), [&](const Item &i) {
                    return m_sites.value(i.site).nextAllowed <= t;
                });
                if (ready != m_queue.end()) {
                    item = *ready;
                    m_queue.erase(ready);
                    m_queued.remove(item.id);
                    m_current = item.id;
                    // A token bucket of one: requests to a site start `spacing` apart.
                    m_sites[item.site].nextAllowed = t + spacing;
                    item.releasedAt = now();
                    break;
                }
                for (const Item &i : m_queue)
                    wakeAt = std::min(wakeAt, m_sites.value(i.site).nextAllowed);
                m_wake.wait_until(lock, wakeAt);
            }
        }
        try {
            refresh(item);
        } catch (const std::exception &) {
            // The store failed under the refresh: the product stays due and comes again.
        }
        std::lock_guard lock(m_mutex);
        m_current = 0;
    }
}

void PriceRefresh::refresh(const Item &item)
{
    const auto product = catalogstore::product(m_db.writer(), item.id);
    if (!product || product->sourceUrl.isEmpty())
        return;
    const QUrl url(product->sourceUrl);
    // When the limiter released it, not after the store read above: so priceCheckedAt
    // shows the spacing the limiter keeps, whatever the store's latency.
    const qint64 readAt = item.releasedAt;
    const FetchResult r = httpGet(url, shopPageFetchOptions(m_config));

    const bool askedToWait = r.error.isEmpty() && (r.status == 429 || r.status == 503);
    {
        std::lock_guard lock(m_mutex);
        Site &site = m_sites[item.site];
        if (!askedToWait) {
            site.backoffs = 0;
        } else {
            const qint64 waitMs =
                r.retryAfterSeconds >= 0
                    ? std::min<qint64>(qint64(r.retryAfterSeconds) * 1000, kMaxRetryAfterMs)
                    : std::min<qint64>(qint64(m_config.priceRefreshBackoffMs)
                                           << std::min(site.backoffs, 16),
                                       kMaxBackoffMs);
            ++site.backoffs;
            site.nextAllowed =
                std::max(site.nextAllowed, SteadyClock::now() + std::chrono::milliseconds(waitMs));
            // Not the product's fault: it waits its turn again, a few times.
            if (item.deferrals < kMaxDeferrals && !m_queued.contains(item.id)) {
                m_queue.push_front({item.id, item.site, item.deferrals + 1, 0});
                m_queued.insert(item.id);
                return;
            }
        }
    }
    if (!r.error.isEmpty() || r.status < 200 || r.status >= 300) {
        failed(item.id);
        return;
    }
    const QUrl pageUrl = r.effectiveUrl.isValid() ? r.effectiveUrl : url;
    const ExtractedProduct extracted = extractProduct(r.body, pageUrl, r.header("content-type"));
    if (!extracted.ok() || extracted.product->variants.isEmpty()) {
        failed(item.id); // a captcha, a redesign: the shop may be back to normal next time
        return;
    }
    succeeded(*product, *extracted.product, pageUrl, readAt);
}

void PriceRefresh::failed(qint64 productId)
{
    m_db.write([&](QSqlDatabase &db) {
        refreshstore::recordFailure(db, productId, m_config.priceRefreshFailures, nextDueAt());
    });
}

void PriceRefresh::succeeded(const Product &product, const PageProduct &page, const QUrl &pageUrl,
                             qint64 readAt)
{
    QHash<QString, const Sku *> bySource;
    for (const Sku &s : product.skus)
        bySource.insert(s.sourceSku, &s);
    QList<refreshstore::PriceChange> changes;
    QStringList notes;
    for (qsizetype i = 0; i < page.variants.size(); ++i) {
        const PageVariant &v = page.variants.at(i);
        const Sku *sku = bySource.value(variantSku(page, pageUrl, i));
        if (!sku && page.variants.size() == 1 && product.skus.size() == 1)
            sku = &product.skus.constFirst();
        if (!sku || sku->price == v.price)
            continue;
        changes.append({sku->id, v.price});
        if (beyond(sku->price, v.price, m_config.priceChangePercent))
            notes << QStringLiteral("%1 %2 %3 -> %4 %5 (%6)")
                         .arg(sku->sourceSku, sku->price.toString(), sku->price.currency().code(),
                              v.price.toString(), v.price.currency().code(),
                              sku->price.currency() == v.price.currency()
                                  ? percentChange(sku->price.minor(), v.price.minor())
                                  : QStringLiteral("other currency"));
    }
    // A change beyond the limit takes the listing out of the shop first, then the new prices
    // are recorded: customers never get the new price unreviewed. If the move fails on the
    // store, the exception leaves the prices unrecorded and the next refresh finds the change
    // again.
    if (!notes.isEmpty() && product.status == ListingStatus::Published) {
        // Through the listing workflow, so that it is a listing event like any other: the
        // reviewer sees old and new price in its comment.
        QString comment = QStringLiteral("Price changed at the shop by more than %1%: %2")
                              .arg(m_config.priceChangePercent)
                              .arg(notes.mid(0, kNotesInComment).join(QStringLiteral("; ")));
        if (notes.size() > kNotesInComment)
            comment += QStringLiteral("; and %1 more SKUs").arg(notes.size() - kNotesInComment);
        Principal system;
        system.username = QStringLiteral("system:price-refresh");
        system.role = Role::Admin;
        for (int attempt = 0; attempt < 2; ++attempt) {
            const auto current = catalogstore::product(m_db.writer(), product.id);
            if (!current || current->status != ListingStatus::Published)
                break; // someone moved it meanwhile: not in the shop as it was
            try {
                m_catalog.transition(system, product.id, current->version, ListingStatus::InReview,
                                     comment);
                break;
            } catch (const ApiError &e) {
                if (e.kind != ProblemKind::PreconditionFailed)
                    break;
            }
        }
    }
    m_db.write([&](QSqlDatabase &db) {
        refreshstore::recordSuccess(db, product.id, changes, readAt, nextDueAt());
    });
}

} // namespace haitao::server::catalog
