#include "backend/media/imagefiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace haitao::server::media {

ImageFiles::ImageFiles(const QString &dataDir)
    : m_root(QDir(dataDir).absoluteFilePath(QStringLiteral("images")))
{}

bool ImageFiles::isValidHash(const QString &sha256)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{64}$"));
    return pattern.match(sha256).hasMatch();
}

QString ImageFiles::hashOf(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString ImageFiles::pathFor(const QString &sha256) const
{
    return m_root + QLatin1Char('/') + sha256.left(2) + QLatin1Char('/') + sha256;
}

bool ImageFiles::store(const QString &sha256, const QByteArray &bytes, QString *error) const
{
    const QString path = pathFor(sha256);
    if (QFileInfo::exists(path))
        return true; // same hash, same bytes
    if (!QDir().mkpath(QFileInfo(path).path())) {
        *error = QStringLiteral("cannot create the folder of %1").arg(path);
        return false;
    }
    // QSaveFile writes a temporary file beside the target and renames it on commit.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<QByteArray> ImageFiles::read(const QString &sha256) const
{
    if (!isValidHash(sha256))
        return std::nullopt;
    QFile file(pathFor(sha256));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll();
}

} // namespace haitao::server::media
