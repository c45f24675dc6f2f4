#pragma once

#include "core/wiretime.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// Reading the server's JSON answers into the client's wire types: absent fields read as
// empty, zero or invalid, and the types' fromJson() decide what is required.
namespace haitao::client::jsonfields {

inline QString text(const QJsonObject &o, const char *field)
{
    return o.value(QLatin1String(field)).toString();
}

inline qint64 integer(const QJsonObject &o, const char *field)
{
    return o.value(QLatin1String(field)).toInteger();
}

// A wire time ("2026-11-26T10:00:00Z"); invalid when absent or null.
inline QDateTime time(const QJsonObject &o, const char *field)
{
    const QJsonValue v = o.value(QLatin1String(field));
    return v.isString() ? fromWireTime(v.toString()) : QDateTime();
}

inline QDate date(const QJsonObject &o, const char *field)
{
    return QDate::fromString(text(o, field), Qt::ISODate);
}

// The array `field` of T objects; nullopt (with `why`) at the first unreadable one.
template <typename T>
std::optional<QList<T>> readList(const QJsonObject &o, const char *field, QString *why)
{
    QList<T> items;
    for (const QJsonValue &v : o.value(QLatin1String(field)).toArray()) {
        std::optional<T> item = T::fromJson(v.toObject(), why);
        if (!item)
            return std::nullopt;
        items.append(std::move(*item));
    }
    return items;
}

} // namespace haitao::client::jsonfields
