#include "backend/logistics/logisticsschema.h"

#include "backend/logistics/notifyschema.h"
#include "backend/logistics/receivingschema.h"
#include "backend/storage/auditlog.h"
#include "backend/storage/sqltext.h"

namespace haitao::server::logistics::schema {

using sql::L;

namespace {

// The default raw -> normalized mappings (docs/logistics.md): data staff may edit.
QStringList seededMappings()
{
    struct Row
    {
        const char *carrier, *raw, *status;
    };
    static const Row rows[] = {
        {"swiftpost", "LABEL", "info_received"},
        {"swiftpost", "PICKUP", "in_transit"},
        {"swiftpost", "TRANSIT", "in_transit"},
        {"swiftpost", "OUT", "out_for_delivery"},
        {"swiftpost", "DLV", "delivered"},
        {"swiftpost", "EXC", "exception"},
        {"swiftpost", "RTS", "returned"},
        {"kuroneko", "01", "info_received"},
        {"kuroneko", "02", "in_transit"},
        {"kuroneko", "03", "in_transit"},
        {"kuroneko", "04", "out_for_delivery"},
        {"kuroneko", "05", "delivered"},
        {"kuroneko", "90", "exception"},
        {"kuroneko", "91", "returned"},
        {"intlexpress", "ACCEPTED", "info_received"},
        {"intlexpress", "DEPARTED", "in_transit"},
        {"intlexpress", "ARRIVED_CN", "in_transit"},
        {"intlexpress", "CUSTOMS_IN", "customs"},
        {"intlexpress", "CUSTOMS_HOLD", "customs_hold"},
        {"intlexpress", "CUSTOMS_RELEASED", "customs"},
        {"intlexpress", "HANDOVER", "in_transit"},
        {"intlexpress", "EXCEPTION", "exception"},
        {"sfsim", "COLLECT", "info_received"},
        {"sfsim", "TRANSIT", "in_transit"},
        {"sfsim", "DELIVERING", "out_for_delivery"},
        {"sfsim", "SIGNED", "delivered"},
        {"sfsim", "PROBLEM", "exception"},
        {"sfsim", "RETURN", "returned"},
        {"warehouse", "RECEIVED", "at_warehouse"},
    };
    QStringList out;
    for (const Row &r : rows)
        out.append(
            QStringLiteral("INSERT INTO status_mappings (carrier, raw_status, status, "
                           "updated_by, updated_at) VALUES ('%1', '%2', '%3', 'system', 0)")
                .arg(QLatin1String(r.carrier), QLatin1String(r.raw), QLatin1String(r.status)));
    return out;
}

QStringList seededCarriers()
{
    struct Row
    {
        const char *code, *name, *protocol;
        int rps, batch, tz;
    };
    static const Row rows[] = {
        {"swiftpost", "SwiftPost", "batch_json", 10, 40, 0},
        {"kuroneko", "Kuroneko Yamato", "jp_single", 10, 1, 540},
        {"dpost", "D-Post", "none", 1, 1, 60},
        {"intlexpress", "Intl Express", "intl_webhook", 10, 1, 0},
        {"sfsim", "SF Express", "batch_json", 10, 40, 480},
        {"warehouse", "Forwarder warehouse", "none", 1, 1, 0},
    };
    QStringList out;
    for (const Row &r : rows)
        out.append(QStringLiteral("INSERT INTO carriers (code, name, protocol, base_url, rps, "
                                  "batch_size, tz_offset_min, enabled, updated_by, updated_at) "
                                  "VALUES ('%1', '%2', '%3', '', %4, %5, %6, 1, 'system', 0)")
                       .arg(QLatin1String(r.code), QLatin1String(r.name), QLatin1String(r.protocol))
                       .arg(r.rps)
                       .arg(r.batch)
                       .arg(r.tz));
    return out;
}

} // namespace

QList<Migration> migrations()
{
    Migration first{
        1,
        QStringLiteral("logistics: carriers, mappings, shipments, legs, trackers, checkpoints"),
        {
            // How to reach a carrier (the protocol is code, the rest data). webhook_secret is
            // never returned; throttled_until keeps a 429's pause for every poller.
            L("CREATE TABLE carriers ("
              " code TEXT PRIMARY KEY,"
              " name TEXT NOT NULL,"
              " protocol TEXT NOT NULL CHECK (protocol IN ('batch_json','jp_single',"
              "'intl_webhook','none')),"
              " base_url TEXT NOT NULL DEFAULT '',"
              " rps INTEGER NOT NULL DEFAULT 10,"
              " batch_size INTEGER NOT NULL DEFAULT 1,"
              " tz_offset_min INTEGER NOT NULL DEFAULT 0,"
              " webhook_id TEXT NOT NULL DEFAULT '',"
              " webhook_secret TEXT NOT NULL DEFAULT '',"
              " enabled INTEGER NOT NULL DEFAULT 1,"
              " updated_by TEXT NOT NULL,"
              " updated_at BIGINT NOT NULL)"),
            L("CREATE TABLE status_mappings ("
              " carrier TEXT NOT NULL,"
              " raw_status TEXT NOT NULL,"
              " status TEXT NOT NULL,"
              " updated_by TEXT NOT NULL,"
              " updated_at BIGINT NOT NULL,"
              " PRIMARY KEY (carrier, raw_status))"),
            L("CREATE TABLE unmapped_statuses ("
              " carrier TEXT NOT NULL,"
              " raw_status TEXT NOT NULL,"
              " sample_text TEXT NOT NULL,"
              " first_seen BIGINT NOT NULL,"
              " last_seen BIGINT NOT NULL,"
              " seen_count BIGINT NOT NULL,"
              " PRIMARY KEY (carrier, raw_status))"),
            // One sub-order's journey; status is the overall one (docs/logistics.md).
            L("CREATE TABLE shipments ("
              " id %ID%,"
              " sub_order_id BIGINT NOT NULL UNIQUE,"
              " order_id BIGINT NOT NULL,"
              " user_id BIGINT NOT NULL,"
              " username TEXT NOT NULL,"
              " site TEXT NOT NULL,"
              " merchant_order_id TEXT NOT NULL,"
              " status TEXT NOT NULL,"
              " current_leg TEXT NOT NULL,"
              " recipient_name TEXT NOT NULL,"
              " recipient_phone TEXT NOT NULL,"
              " recipient_email TEXT NOT NULL,"
              " address TEXT NOT NULL,"
              " priced_weight_g BIGINT NOT NULL,"
              " created_at BIGINT NOT NULL,"
              // When the sub-order was placed at the shop (lead times start there).
              " placed_at BIGINT NOT NULL DEFAULT 0,"
              " updated_at BIGINT NOT NULL,"
              " last_checkpoint_at BIGINT,"
              " last_activity_at BIGINT,"
              " delivered_at BIGINT,"
              " shop_checked_at BIGINT NOT NULL DEFAULT 0,"
              " version BIGINT NOT NULL DEFAULT 1)"),
            L("CREATE INDEX shipments_order ON shipments(order_id)"),
            L("CREATE INDEX shipments_status ON shipments(status, id)"),
            L("CREATE INDEX shipments_user ON shipments(user_id, id)"),
            // Shipments waiting for the shop's tracking number, oldest check first.
            L("CREATE INDEX shipments_shop_check ON shipments(status, shop_checked_at)"),
            // The quiet check: open shipments of one leg kind without recent activity.
            L("CREATE INDEX shipments_quiet ON shipments(current_leg, last_activity_at)"),
            L("CREATE TABLE legs ("
              " id %ID%,"
              " kind TEXT NOT NULL CHECK (kind IN ('shop','international','customs','domestic')),"
              " carrier TEXT NOT NULL,"
              " tracking_number TEXT NOT NULL,"
              " status TEXT NOT NULL,"
              " created_at BIGINT NOT NULL,"
              " closed INTEGER NOT NULL DEFAULT 0,"
              " UNIQUE (kind, carrier, tracking_number))"),
            L("CREATE INDEX legs_number ON legs(tracking_number)"),
            L("CREATE TABLE shipment_legs ("
              " shipment_id BIGINT NOT NULL,"
              " leg_id BIGINT NOT NULL,"
              " PRIMARY KEY (shipment_id, leg_id))"),
            L("CREATE INDEX shipment_legs_leg ON shipment_legs(leg_id, shipment_id)"),
            // A tracking number to poll. The due query reads (carrier, open, next_poll_at)
            // only; a claim moves next_poll_at past the lease, so a claimed row is not due.
            L("CREATE TABLE trackers ("
              " leg_id BIGINT PRIMARY KEY,"
              " carrier TEXT NOT NULL,"
              " tracking_number TEXT NOT NULL,"
              " next_poll_at BIGINT NOT NULL,"
              " interval_ms BIGINT NOT NULL,"
              " failures INTEGER NOT NULL DEFAULT 0,"
              " claimed_until BIGINT NOT NULL DEFAULT 0,"
              " open INTEGER NOT NULL DEFAULT 1,"
              " polls BIGINT NOT NULL DEFAULT 0,"
              " started_at BIGINT NOT NULL DEFAULT 0)"),
            L("CREATE INDEX trackers_due ON trackers(carrier, open, next_poll_at)"),
            // What a carrier (or a person, or the warehouse) said, once per event key.
            L("CREATE TABLE checkpoints ("
              " id %ID%,"
              " leg_id BIGINT NOT NULL,"
              " carrier TEXT NOT NULL,"
              " event_key TEXT NOT NULL,"
              " event_at BIGINT NOT NULL,"
              " tz_offset_min INTEGER NOT NULL,"
              " place TEXT NOT NULL,"
              " raw_status TEXT NOT NULL,"
              " raw_text TEXT NOT NULL,"
              " status TEXT NOT NULL,"
              " source TEXT NOT NULL CHECK (source IN ('poll','webhook','manual','warehouse')),"
              " actor TEXT NOT NULL,"
              " reason TEXT NOT NULL,"
              " recorded_at BIGINT NOT NULL,"
              " UNIQUE (leg_id, event_key))"),
            L("CREATE INDEX checkpoints_leg ON checkpoints(leg_id, event_at, id)"),
            L("CREATE INDEX checkpoints_raw ON checkpoints(carrier, raw_status)"),
            L("CREATE TABLE shipment_events ("
              " id %ID%,"
              " shipment_id BIGINT NOT NULL,"
              " at BIGINT NOT NULL,"
              " actor TEXT NOT NULL,"
              " from_status TEXT NOT NULL,"
              " to_status TEXT NOT NULL,"
              " reason TEXT NOT NULL)"),
            L("CREATE INDEX shipment_events_shipment ON shipment_events(shipment_id, id)"),
            L("CREATE TABLE webhook_receipts ("
              " id %ID%,"
              " carrier TEXT NOT NULL,"
              " signature TEXT NOT NULL UNIQUE,"
              " received_at BIGINT NOT NULL)"),
            L("CREATE INDEX webhook_receipts_at ON webhook_receipts(received_at)"),
            // Where discovery of placed sub-orders got to (at, id), with an overlap window.
            L("CREATE TABLE sync_cursor ("
              " name TEXT PRIMARY KEY,"
              " at_ms BIGINT NOT NULL,"
              " after_id BIGINT NOT NULL)"),
        },
        {},
        {},
    };
    first.statements += seededCarriers();
    first.statements += seededMappings();
    first.statements += auditlog::createStatements();
    first.sqliteOnly += auditlog::sqliteGuards();
    first.postgresOnly += auditlog::postgresGuards();
    return {first, alertsAndOutbox(), receipts()};
}

} // namespace haitao::server::logistics::schema
