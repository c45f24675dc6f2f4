#include "widgets/thumbnailcache.h"

#include <QImage>

namespace haitao::widgets {

namespace {

constexpr int kMaxWanted = 64;   // a screenful or two; older requests are from rows scrolled past
constexpr int kMaxFailed = 4096; // forgotten past this, so a long session stays bounded

} // namespace

ThumbnailCache::ThumbnailCache(client::CatalogApi api, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_cache(kMaxCostKb)
{}

QPixmap ThumbnailCache::pixmap(const QString &path)
{
    if (path.isEmpty())
        return {};
    if (const QPixmap *p = m_cache.object(path))
        return *p;
    if (m_inFlight.contains(path) || m_failed.contains(path))
        return {};
    m_wanted.removeOne(path);
    m_wanted.append(path);
    while (m_wanted.size() > kMaxWanted)
        m_wanted.removeFirst();
    pump();
    return {};
}

void ThumbnailCache::pump()
{
    while (m_inFlight.size() < kMaxInFlight && !m_wanted.isEmpty()) {
        const QString path = m_wanted.takeLast();
        m_inFlight.insert(path);
        m_api.image(path, this, [this, path](const client::Result<QByteArray> &result) {
            arrived(path, result);
        });
    }
}

void ThumbnailCache::arrived(const QString &path, const client::Result<QByteArray> &result)
{
    m_inFlight.remove(path);
    QImage image;
    if (result.ok())
        image.loadFromData(result.value());
    if (image.isNull()) {
        if (m_failed.size() >= kMaxFailed)
            m_failed.clear();
        m_failed.insert(path);
    } else {
        // Kept at thumbnail size: a full product photo would be megabytes each.
        const QImage scaled =
            image.scaled(kSize, kSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        auto *pixmap = new QPixmap(QPixmap::fromImage(scaled));
        const int costKb = std::max(1, int(qint64(pixmap->width()) * pixmap->height() * 4 / 1024));
        m_cache.insert(path, pixmap, costKb);
        emit loaded(path);
    }
    pump();
}

} // namespace haitao::widgets
