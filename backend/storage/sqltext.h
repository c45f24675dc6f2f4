#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

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

} // namespace haitao::server::sql
