#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace haitao::server::media {

// Content-addressed image files under <data>/images/<first two hex digits>/<sha256 hex>:
// the same bytes are stored once, and a file never changes once written.
class ImageFiles
{
public:
    explicit ImageFiles(const QString &dataDir);

    // "e3b0c4..." (64 lower-case hex digits) or nothing else.
    static bool isValidHash(const QString &sha256);
    static QString hashOf(const QByteArray &bytes);

    QString pathFor(const QString &sha256) const;
    // Writes `bytes` under their hash through a temporary file renamed into place, so a
    // reader never sees half a file; keeps an existing file. False with *error on failure.
    bool store(const QString &sha256, const QByteArray &bytes, QString *error) const;
    std::optional<QByteArray> read(const QString &sha256) const;

private:
    QString m_root;
};

} // namespace haitao::server::media
