#pragma once

#include "core/page.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace haitao::server::logistics {

// Something about a parcel that ops staff must look at: no new checkpoint for too long
// ("quiet"), an exception or a customs hold. open -> acknowledged -> resolved (with a note);
// at most one unresolved alert per shipment and kind.
struct Alert
{
    qint64 id = 0, shipmentId = 0, orderId = 0;
    QString site, kind, state, detail;
    qint64 raisedAtMs = 0;
    QString acknowledgedBy;
    std::optional<qint64> acknowledgedAtMs;
    QString resolvedBy;
    std::optional<qint64> resolvedAtMs;
    QString note;

    QJsonObject toJson() const;
};

bool isAlertKind(const QString &kind);
bool isAlertState(const QString &state);

// SQL only; the caller chooses the transaction.
namespace alerts {

struct Filter
{
    QString state; // empty: any
    QString kind;  // empty: any
    qint64 shipmentId = 0;
    qint64 beforeId = 0; // keyset cursor, newest first; 0: from the newest
    int limit = 50;
};

// Raises an alert unless one of that kind is already unresolved for the shipment. Returns
// whether a new alert was written.
bool raise(QSqlDatabase &db, qint64 shipmentId, qint64 orderId, const QString &site,
           const QString &kind, const QString &detail, qint64 atMs);

// Raises a quiet alert for each open shipment on a leg of kind `legKind` with no activity
// (new checkpoint, creation, start of that leg's tracking) since `hours` before `nowMs`,
// unless it has an unresolved quiet alert or one raised since its last activity (a
// resolved alert is not raised again until the parcel moves and goes quiet again).
// Returns how many were raised.
int raiseQuiet(QSqlDatabase &db, const QString &legKind, int hours, qint64 nowMs);

Page<Alert> list(const QSqlDatabase &db, const Filter &filter);
std::optional<Alert> byId(const QSqlDatabase &db, qint64 id);
QList<Alert> forShipment(const QSqlDatabase &db, qint64 shipmentId);

// Conditional moves: false when the alert is not (any longer) in a state that allows it.
bool acknowledge(QSqlDatabase &db, qint64 id, const QString &by, qint64 atMs);
bool resolve(QSqlDatabase &db, qint64 id, const QString &by, const QString &note, qint64 atMs);

// Unresolved alerts: in all, per kind, per state.
struct Counts
{
    qint64 open = 0, acknowledged = 0;
    QMap<QString, qint64> unresolvedByKind;
};
Counts counts(const QSqlDatabase &db);

// For each UTC day ending in `dayEndsMs`, how many alerts were unresolved at its end.
QList<qint64> unresolvedAt(const QSqlDatabase &db, const QList<qint64> &dayEndsMs);

} // namespace alerts
} // namespace haitao::server::logistics
