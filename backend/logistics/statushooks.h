#pragma once

#include <QSqlDatabase>
#include <QString>

namespace haitao::server::logistics {

// A shipment's overall status changed (docs/logistics.md).
struct StatusChange
{
    qint64 shipmentId = 0, orderId = 0, subOrderId = 0, userId = 0;
    QString site, username, legKind, from, to; // overall statuses
    QString carrier, trackingNumber, place;
    qint64 eventAtMs = 0, atMs = 0;
    QString recipientName, recipientPhone, recipientEmail;
};

// Called by ingest inside the transaction that stored the checkpoint(s) and changed the
// shipment's overall status (also for manual and warehouse checkpoints): writes the outbox
// rows (shipped: from awaiting_shipment; customs_cleared: from customs/customs_hold to a later
// status; delivered) and raises alerts (exception, customs_hold). Must not throw for business
// reasons; storage errors propagate (the transaction rolls back, nothing is lost).
void onStatusChanged(QSqlDatabase &db, const StatusChange &change);

} // namespace haitao::server::logistics
