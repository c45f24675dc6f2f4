#include "core/wiretime.h"

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
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

} // namespace haitao
