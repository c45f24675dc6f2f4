#include "backend/logistics/receivingschema.h"

#include "backend/storage/sqltext.h"

namespace haitao::server::logistics::schema {

using sql::L;

Migration receipts()
{
    return Migration{
        3,
        QStringLiteral("logistics: warehouse receipts and consolidated parcels"),
        {
            // A shipment weighed at the forwarder's warehouse, once. The adjustment lives in
            // the orders store; its id, amount and status at receipt are kept for the screen.
            // parcel_leg_id: the international leg it was dispatched in (NULL: ready); while
            // the carrier has not answered, that leg's number is a "pending:" placeholder.
            L("CREATE TABLE receipts ("
              " id %ID%,"
              " shipment_id BIGINT NOT NULL UNIQUE,"
              " user_id BIGINT NOT NULL,"
              " address_key TEXT NOT NULL,"
              " weight_g BIGINT NOT NULL,"
              " priced_weight_g BIGINT NOT NULL,"
              " adjustment_id BIGINT,"
              " adjustment_minor BIGINT,"
              " adjustment_currency TEXT NOT NULL DEFAULT '',"
              " adjustment_status TEXT NOT NULL DEFAULT '',"
              " received_by TEXT NOT NULL,"
              " received_at BIGINT NOT NULL,"
              " parcel_leg_id BIGINT,"
              " dispatched_by TEXT NOT NULL DEFAULT '',"
              " dispatched_at BIGINT)"),
            L("CREATE INDEX receipts_parcel ON receipts(parcel_leg_id, user_id, id)"),
        },
        {},
        {},
    };
}

} // namespace haitao::server::logistics::schema
