#pragma once

#include "backend/config.h"
#include "backend/media/imagefiles.h"
#include "backend/media/mediastore.h"
#include "backend/storage/database.h"

#include <QHash>
#include <QStringList>

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace haitao::server::media {

// Product images, kept by the server so that customers never load them from the foreign
// shop: a background worker fetches each source URL the catalog announces (with the SSRF
// guard, a size limit and only image/* answers), stores the bytes content-addressed on disk
// and remembers source URL -> sha256. Failed fetches are retried a bounded number of times.
class MediaService
{
public:
    MediaService(Database &db, const Config &config);
    ~MediaService();

    void migrate();
    void start(); // the fetch worker
    void stop();

    // The catalog saw these image URLs (an import batch, a URL import): fetch the new ones.
    void enqueue(const QStringList &sourceUrls);
    // Source URL -> sha256 of the images already stored, for a page of products at once.
    QHash<QString, QString> stored(const QStringList &sourceUrls);
    std::optional<ImageRecord> record(const QString &sourceUrl);

    struct Image
    {
        QByteArray bytes;
        QString contentType;
    };
    // nullopt for a hash that is not stored.
    std::optional<Image> image(const QString &sha256);

    // Fetches one image now, on the calling thread (the worker's step; tests use it too).
    // Returns the record afterwards.
    ImageRecord fetch(const ImageRecord &pending);

private:
    qint64 now() const { return m_config.clock(); }
    void worker();

    Database &m_db;
    const Config &m_config;
    ImageFiles m_files;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    bool m_poked = false; // new URLs arrived since the worker last looked
    std::thread m_worker;
};

} // namespace haitao::server::media
