#include "backend/media/mediaservice.h"

#include "backend/integrations/httpfetch.h"

#include <QSet>
#include <QUrl>

#include <algorithm>
#include <chrono>

namespace haitao::server::media {

namespace {

constexpr qint64 kMaxImageBytes = 10 * 1024 * 1024;
constexpr int kBatch = 20;               // due images read per query
constexpr qint64 kMaxRetryMs = 86400000; // backoff cap: a day
constexpr qint64 kIdleWakeMs = 60000;    // look again at least this often

// "image/jpeg; charset=..." -> "image/jpeg"; empty unless it is one of the raster types
// browsers show. Only exact types: served from our origin, SVG, "*+xml" or a list such as
// "image/png, text/html" could run script as ours.
QString imageType(const QByteArray &header)
{
    const QString type = QString::fromLatin1(header.split(';').constFirst()).trimmed().toLower();
    for (const char *allowed :
         {"image/jpeg", "image/png", "image/gif", "image/webp", "image/avif"}) {
        if (type == QLatin1String(allowed))
            return type;
    }
    return {};
}

} // namespace

MediaService::MediaService(Database &db, const Config &config)
    : m_db(db)
    , m_config(config)
    , m_files(config.dataDir)
{}

MediaService::~MediaService()
{
    stop();
}

void MediaService::migrate()
{
    haitao::server::migrate(m_db, mediastore::migrations());
}

void MediaService::start()
{
    if (m_worker.joinable())
        return;
    m_stopping = false;
    m_worker = std::thread([this] { worker(); });
}

void MediaService::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_worker.joinable())
        m_worker.join();
}

void MediaService::enqueue(const QStringList &sourceUrls)
{
    QStringList urls;
    QSet<QString> seen;
    for (const QString &u : sourceUrls) {
        const QUrl url(u, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (u.size() > 2000 || !url.isValid() || url.host().isEmpty() ||
            (scheme != u"http" && scheme != u"https") || seen.contains(u))
            continue;
        seen.insert(u);
        urls << u;
    }
    if (urls.isEmpty())
        return;
    int added = 0;
    m_db.write([&](QSqlDatabase &db) { added = mediastore::enqueue(db, urls, now()); });
    if (added > 0) {
        {
            std::lock_guard lock(m_mutex);
            m_poked = true;
        }
        m_wake.notify_all();
    }
}

QHash<QString, QString> MediaService::stored(const QStringList &sourceUrls)
{
    if (sourceUrls.isEmpty())
        return {};
    return mediastore::stored(m_db.reader(), sourceUrls);
}

std::optional<ImageRecord> MediaService::record(const QString &sourceUrl)
{
    return mediastore::bySource(m_db.writer(), sourceUrl);
}

std::optional<MediaService::Image> MediaService::image(const QString &sha256)
{
    if (!ImageFiles::isValidHash(sha256))
        return std::nullopt;
    const auto type = mediastore::contentType(m_db.reader(), sha256);
    if (!type)
        return std::nullopt;
    auto bytes = m_files.read(sha256);
    if (!bytes)
        return std::nullopt;
    return Image{std::move(*bytes), *type};
}

ImageRecord MediaService::fetch(const ImageRecord &pending)
{
    FetchOptions options;
    options.totalTimeoutMs = 15000;
    options.maxBytes = kMaxImageBytes;
    options.extraHeaders = {"Accept: image/*"};
    // Image URLs come from feeds and shop pages, i.e. from outside: the same guard as the
    // URL import (docs/architecture.md), with the same allow-list.
    QString policyError;
    options.addressPolicy = AddressPolicy::fromAllowList(m_config.fetchAllowHosts, &policyError)
                                .value_or(AddressPolicy());
    const FetchResult r = httpGet(QUrl(pending.sourceUrl), options);

    QString error;
    bool retry = false;
    QString type;
    if (r.addressRefused) {
        error = r.error;
    } else if (!r.error.isEmpty()) {
        error = r.error;
        retry = !r.error.startsWith(QLatin1String("response larger than"));
    } else if (r.status == 429 || r.status >= 500) {
        error = QStringLiteral("the shop answered HTTP %1").arg(r.status);
        retry = true;
    } else if (r.status < 200 || r.status >= 300) {
        error = QStringLiteral("the shop answered HTTP %1").arg(r.status);
    } else if (type = imageType(r.header("content-type")); type.isEmpty()) {
        error = QStringLiteral("not an image: Content-Type \"%1\"")
                    .arg(QString::fromLatin1(r.header("content-type").left(100)));
    } else if (r.body.isEmpty()) {
        error = QStringLiteral("the image is empty");
    }

    const QString hash = error.isEmpty() ? ImageFiles::hashOf(r.body) : QString();
    if (error.isEmpty() && !m_files.store(hash, r.body, &error))
        retry = true; // a full disk may clear

    const qint64 at = now();
    std::optional<qint64> retryAt;
    if (!error.isEmpty() && retry && pending.attempts + 1 < m_config.imageFetchAttempts) {
        const qint64 backoff = std::min<qint64>(
            qint64(m_config.imageRetryMs) << std::min(pending.attempts, 20), kMaxRetryMs);
        retryAt = at + std::max<qint64>(backoff, qint64(std::max(0, r.retryAfterSeconds)) * 1000);
    }
    m_db.write([&](QSqlDatabase &db) {
        if (error.isEmpty())
            mediastore::markFetched(db, pending.id, hash, type, r.body.size(), at);
        else
            mediastore::markFailed(db, pending.id, error, retryAt, at);
    });
    return mediastore::bySource(m_db.writer(), pending.sourceUrl).value_or(pending);
}

void MediaService::worker()
{
    for (;;) {
        QList<ImageRecord> batch;
        try {
            batch = mediastore::due(m_db.writer(), now(), kBatch);
        } catch (const std::exception &) {
            // The store is unreachable for now: try again after the idle wait.
        }
        bool storeFailed = false;
        for (const ImageRecord &r : std::as_const(batch)) {
            {
                std::lock_guard lock(m_mutex);
                if (m_stopping)
                    return;
            }
            try {
                fetch(r);
            } catch (const std::exception &) {
                // Recording the outcome failed; the image stays due and is tried again, but
                // not at once: that would fetch it from the shop again and again.
                storeFailed = true;
            }
        }
        qint64 waitMs = kIdleWakeMs;
        if (batch.size() == kBatch && !storeFailed) {
            waitMs = 0;
        } else if (!storeFailed) {
            try {
                if (const auto next = mediastore::nextDue(m_db.writer()))
                    waitMs = std::clamp<qint64>(*next - now(), 0, kIdleWakeMs);
            } catch (const std::exception &) {
            }
        }
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, std::chrono::milliseconds(waitMs),
                        [this] { return m_stopping || m_poked; });
        if (m_stopping)
            return;
        m_poked = false;
    }
}

} // namespace haitao::server::media
