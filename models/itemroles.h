#pragma once

#include <QDateTime>
#include <QVariant>
#include <Qt>

namespace haitao::models {

// Item data roles shared by our models. Views and proxies sort and filter on RawRole, never on
// display strings.
enum ItemRole : int {
    RawRole = Qt::UserRole + 1, // the column's value, unformatted (role enum as int, QDateTime...)
    IdRole,                     // the row's server id (qint64), whatever the column
    ErrorRole,                  // why the cell's value is refused (QString), empty when it is fine
    StaleRole, // whether the row's data is too old to be used (bool), whatever the column
};

// A time cell: local time for DisplayRole (the delegate formats it), the UTC QDateTime as is
// for RawRole; nothing when the time is unknown.
inline QVariant timeValue(const QDateTime &t, bool display)
{
    if (!t.isValid())
        return {};
    return display ? QVariant(t.toLocalTime()) : QVariant(t);
}

} // namespace haitao::models
