#include "backend/storage/fingerprint.h"

#include <QCryptographicHash>

namespace haitao::server {

QString fingerprint(const QStringList &parts, int hexChars)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (const QString &p : parts) {
        h.addData(p.toUtf8());
        h.addData(QByteArrayView("\x1f", 1));
    }
    return QString::fromLatin1(h.result().toHex().left(hexChars));
}

} // namespace haitao::server
