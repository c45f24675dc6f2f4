#include "backend/storage/storageerror.h"

namespace haitao::server {

StorageError StorageError::fromSql(const QString &what, const QSqlError &error)
{
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6); PostgreSQL serialization failure and deadlock.
    const QString code = error.nativeErrorCode();
    const bool busy = code == QLatin1String("5") || code == QLatin1String("6") ||
                      code == QLatin1String("40001") || code == QLatin1String("40P01");
    const bool unreachable = error.type() == QSqlError::ConnectionError;
    return StorageError(QStringLiteral("%1: %2").arg(what, error.text()), busy, unreachable);
}

} // namespace haitao::server
