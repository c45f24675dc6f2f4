#pragma once

#include "backend/storage/storageerror.h"
#include "core/money.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QString>
#include <QVariant>

#include <optional>

// Small helpers every component's SQL file uses (namespace haitao::server::sql).
namespace haitao::server::sql {

// SQL text written as a plain literal (QT_NO_CAST_FROM_ASCII is on).
inline QString L(const char *sql)
{
    return QString::fromLatin1(sql);
}

// A null QString binds as SQL NULL; our text columns are NOT NULL, so bind "" instead.
inline QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

// JSON kept in a TEXT column, compact.
inline QString jsonText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

inline QString jsonText(const QJsonArray &a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

// `LIKE :p ESCAPE '!'` pattern for "contains `needle`": its !, % and _ escaped, % around it.
// Case is the caller's business (lower-case both sides, or ILIKE).
inline QString containsPattern(const QString &needle)
{
    QString escaped = needle;
    escaped.replace(QLatin1String("!"), QLatin1String("!!"))
        .replace(QLatin1String("%"), QLatin1String("!%"))
        .replace(QLatin1String("_"), QLatin1String("!_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

// A nullable integer column (times, ids).
inline std::optional<qint64> optionalLong(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

// An amount read back from minor units and a currency code the store wrote; a code this
// server no longer knows is a corrupt store, not a zero.
inline Money storedMoney(const QVariant &minor, const QVariant &code)
{
    const auto currency = Currency::fromCode(code.toString());
    if (!currency)
        throw StorageError(QStringLiteral("unknown currency %1 in the store").arg(code.toString()));
    return Money(minor.toLongLong(), *currency);
}

// Where SQLite and PostgreSQL need different SQL (FTS5 against pg_trgm, LIKE against ILIKE).
inline bool isSqlite(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QSQLITE");
}

} // namespace haitao::server::sql
