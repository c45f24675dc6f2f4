#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace haitao::server::logistics {

// One event as a carrier (or a person) reported it, before normalization.
struct RawEvent
{
    QString key; // the carrier's event id; empty: a hash of time, code and place is used
    qint64 atMs = 0;
    int tzOffsetMin = 0; // the zone the carrier gave (or its configured one)
    QString place, code, text;
    QString handoverCarrier, handoverNumber; // the next leg's courier, when it names one
};

// Who stored the checkpoints, for the checkpoint and the shipment's event log.
struct IngestSource
{
    QString source; // poll, webhook, manual, warehouse
    QString actor = QStringLiteral("system");
    QString reason;
    QString status;  // manual only: the normalized status given by a person
    QString carrier; // checkpoint's carrier when not the leg's (warehouse scans)
};

struct IngestResult
{
    int stored = 0;              // new checkpoints
    QList<qint64> checkpointIds; // of the new ones
    bool closeTracker = false;   // the leg reached delivered/returned or handed over
};

namespace ingest {

// Stores `events` on leg `legId` (inside the caller's transaction): once per event key,
// normalized through the carrier's mapping (unknown raw statuses flagged), customs events of
// an international leg on its customs leg, a handover creating the domestic leg with its
// tracker; then every affected shipment's overall status is recomputed (onStatusChanged).
IngestResult store(QSqlDatabase &db, qint64 legId, const QList<RawEvent> &events,
                   const IngestSource &source, qint64 nowMs, qint64 firstPollMs);

// The overall status rule for one shipment; records the change and calls onStatusChanged
// when it changed. `activity`: a new checkpoint arrived now.
void recompute(QSqlDatabase &db, qint64 shipmentId, const QString &actor, const QString &reason,
               qint64 nowMs, bool activity);

// Finds or creates the leg (kind, carrier, number), links it to the shipment (replacing a
// leg of the same kind) and starts its tracker when the carrier is polled.
qint64 attachLeg(QSqlDatabase &db, qint64 shipmentId, const QString &kind, const QString &carrier,
                 const QString &trackingNumber, qint64 nowMs, qint64 firstPollMs);
// Starts (or reopens) polling of a leg's number when its carrier has an API.
void startTracker(QSqlDatabase &db, qint64 legId, const QString &carrier,
                  const QString &trackingNumber, qint64 nowMs, qint64 firstPollMs);

QString eventKey(const RawEvent &e);

} // namespace ingest
} // namespace haitao::server::logistics
