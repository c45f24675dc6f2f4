#pragma once

#include <QDateTime>
#include <QString>

namespace haitao {

// Times travel as RFC 3339 UTC strings with milliseconds and are stored as epoch milliseconds.
QString toWireTime(const QDateTime &time);
QString toWireTime(qint64 epochMs);
QDateTime fromWireTime(const QString &text); // invalid QDateTime on bad input

} // namespace haitao
