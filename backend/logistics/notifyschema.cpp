#include "backend/logistics/notifyschema.h"

#include "backend/storage/sqltext.h"

namespace haitao::server::logistics::schema {

using sql::L;

Migration alertsAndOutbox()
{
    return Migration{
        2,
        QStringLiteral("logistics: alerts and the notification outbox"),
        {
            L("CREATE TABLE alerts ("
              " id %ID%,"
              " shipment_id BIGINT NOT NULL,"
              " order_id BIGINT NOT NULL,"
              " site TEXT NOT NULL,"
              " kind TEXT NOT NULL CHECK (kind IN ('quiet','exception','customs_hold')),"
              " state TEXT NOT NULL CHECK (state IN ('open','acknowledged','resolved')),"
              " detail TEXT NOT NULL,"
              " raised_at BIGINT NOT NULL,"
              " acknowledged_by TEXT NOT NULL DEFAULT '',"
              " acknowledged_at BIGINT,"
              " resolved_by TEXT NOT NULL DEFAULT '',"
              " resolved_at BIGINT,"
              " note TEXT NOT NULL DEFAULT '')"),
            // At most one unresolved alert per shipment and kind: raising is an INSERT that
            // does nothing on conflict, safe from several instances at once.
            L("CREATE UNIQUE INDEX alerts_unresolved ON alerts(shipment_id, kind)"
              " WHERE state <> 'resolved'"),
            L("CREATE INDEX alerts_state ON alerts(state, id)"),
            L("CREATE INDEX alerts_shipment ON alerts(shipment_id, id)"),
            L("CREATE INDEX alerts_raised ON alerts(raised_at)"),
            // One message per shipment, kind and channel, written in the transaction of the
            // status change; the worker claims a due row (claimed_until) before sending.
            L("CREATE TABLE outbox ("
              " id %ID%,"
              " shipment_id BIGINT NOT NULL,"
              " order_id BIGINT NOT NULL,"
              " kind TEXT NOT NULL CHECK (kind IN ('shipped','customs_cleared','delivered')),"
              " channel TEXT NOT NULL CHECK (channel IN ('email','sms')),"
              " recipient TEXT NOT NULL,"
              " subject TEXT NOT NULL,"
              " body TEXT NOT NULL,"
              " status TEXT NOT NULL CHECK (status IN ('pending','sent','failed')),"
              " attempts INTEGER NOT NULL DEFAULT 0,"
              " last_error TEXT NOT NULL DEFAULT '',"
              " next_attempt_at BIGINT NOT NULL,"
              " claimed_until BIGINT NOT NULL DEFAULT 0,"
              " created_at BIGINT NOT NULL,"
              " updated_at BIGINT NOT NULL,"
              " sent_at BIGINT,"
              " UNIQUE (shipment_id, kind, channel))"),
            L("CREATE INDEX outbox_due ON outbox(status, next_attempt_at)"),
            L("CREATE INDEX outbox_shipment ON outbox(shipment_id, id)"),
            // One row: this installation's random part of every Message-ID, and which
            // channels the servers are configured for (the status hook writes messages only
            // for those; each server sets them when it starts).
            L("CREATE TABLE notify_installation ("
              " id INTEGER PRIMARY KEY CHECK (id = 1),"
              " token TEXT NOT NULL,"
              " email_enabled INTEGER NOT NULL DEFAULT 0,"
              " sms_enabled INTEGER NOT NULL DEFAULT 0)"),
        },
        {},
        {},
    };
}

} // namespace haitao::server::logistics::schema
