#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>

namespace haitao::server::logistics::json {

// A checkpoint on the wire: its time in the zone the carrier gave.
QJsonObject checkpoint(qint64 id, qint64 eventAtMs, int tzOffsetMin, const QString &place,
                       const QString &status, const QString &rawStatus, const QString &rawText,
                       const QString &source, bool withId);
// A shipment's legs in route order with their checkpoints by event time (ties: id).
QJsonArray legs(const QSqlDatabase &db, qint64 shipmentId, bool withIds);

} // namespace haitao::server::logistics::json
