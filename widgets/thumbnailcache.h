#pragma once

#include "backend-client/catalogapi.h"

#include <QCache>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QStringList>

namespace haitao::widgets {

// Product thumbnails by image path ("/api/v1/images/<sha>"): each loaded once from the server,
// scaled down and kept in a cache bounded by memory. Images are content-addressed, so a cached
// one never goes out of date. Loads are few at a time, the latest asked for first (what is on
// screen); paths that failed are not asked again.
class ThumbnailCache : public QObject
{
    Q_OBJECT

public:
    static constexpr int kSize = 48;             // pixels, the longer side
    static constexpr int kMaxCostKb = 16 * 1024; // ~1,700 thumbnails
    static constexpr int kMaxInFlight = 4;

    explicit ThumbnailCache(client::CatalogApi api, QObject *parent = nullptr);

    // The thumbnail, or a null pixmap while it loads (loaded() follows) or when it failed.
    QPixmap pixmap(const QString &path);

signals:
    void loaded(const QString &path);

private:
    void pump();
    void arrived(const QString &path, const client::Result<QByteArray> &result);

    client::CatalogApi m_api;
    QCache<QString, QPixmap> m_cache;
    QStringList m_wanted; // most recent last
    QSet<QString> m_inFlight;
    QSet<QString> m_failed;
};

} // namespace haitao::widgets
