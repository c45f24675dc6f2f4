#pragma once

#include "backend/storage/migrations.h"

namespace haitao::server::logistics::schema {

// Migration 3 of the logistics store: warehouse receipts (one per shipment, with the weight
// and the fee adjustment it led to) and the international parcel each was dispatched in.
Migration receipts();

} // namespace haitao::server::logistics::schema
