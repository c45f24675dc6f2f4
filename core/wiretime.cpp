#include "core/wiretime.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace haitao {

QString toWireTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QString toWireTime(qint64 epochMs)
{
    return toWireTime(QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC));
}

QDateTime fromWireTime(const QString &text)
{
    // Without a zone Qt would read local time: a time that means different instants on
    // different machines is refused instead.
    static const QRegularExpression zoned(QStringLiteral("(Z|[+-][0-9]{2}:[0-9]{2})$"));
    if (!zoned.match(text).hasMatch())
        return {};
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

} // namespace haitao
