#pragma once

#include "backend-client/pricingtypes.h"
#include "core/money.h"
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

// The fromJson() functions' refusal: says why (when the caller asked) and returns false.
inline bool fail(QString *why, const QString &reason)
{
    if (why)
        *why = reason;
    return false;
}

// A required positive id; `what` names the object in the reason ("a shipment").
inline bool readId(const QJsonObject &o, const char *field, const QString &what, qint64 *out,
                   QString *why)
{
    *out = integer(o, field);
    return *out > 0 || fail(why, QStringLiteral("%1 has no %2").arg(what, QLatin1String(field)));
}

// A required amount ({minor, currency}).
inline bool readMoney(const QJsonObject &o, const char *field, const QString &what, Money *out,
                      QString *why)
{
    const std::optional<Money> m = moneyFromJson(o.value(QLatin1String(field)));
    if (!m)
        return fail(why, QStringLiteral("%1 has no readable %2").arg(what, QLatin1String(field)));
    *out = *m;
    return true;
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
