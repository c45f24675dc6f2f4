#include "backend/storage/storageerror.h"

namespace haitao::server {

StorageError StorageError::fromSql(const QString &what, const QSqlError &error)
{
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6); PostgreSQL serialization failure and deadlock.
    const QString code = error.nativeErrorCode();
    const bool busy = code == QLatin1String("5") || code == QLatin1String("6") ||
                      code == QLatin1String("40001") || code == QLatin1String("40P01");
    // PostgreSQL connection exceptions and shutdowns. (QSqlError::ConnectionError is no
    // guide: QSQLITE reports constraint failures with it.) Lost connections are also found
    // by their closed handle, in execOrThrow().
    const bool unreachable =
        code.startsWith(QLatin1String("08")) || code.startsWith(QLatin1String("57P0"));
    // SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY (or plain SQLITE_CONSTRAINT with a UNIQUE
    // message); PostgreSQL unique_violation.
    const bool duplicate =
        code == QLatin1String("2067") || code == QLatin1String("1555") ||
        code == QLatin1String("23505") ||
        (code == QLatin1String("19") && error.databaseText().contains(QLatin1String("UNIQUE")));
    return StorageError(QStringLiteral("%1: %2").arg(what, error.text()), busy, unreachable,
                        duplicate);
}

} // namespace haitao::server
