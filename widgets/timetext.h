#pragma once

#include <QDateTime>
#include <QLocale>
#include <QString>

namespace haitao::widgets {

// A moment in the user's time zone and the UI language's short format; "" when unknown.
inline QString localTimeText(const QDateTime &t)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
}

} // namespace haitao::widgets
