#pragma once

#include "backend-client/apiclient.h"
#include "backend-client/warehousetypes.h"

namespace haitao::client {

// The warehouse endpoints the Warehouse receiving screen and the Logistics dashboard use
// (/api/v1/logistics/receiving..., /logistics/parcels, /logistics/stats), one async call each,
// on top of an ApiClient. A small value that only points at the client: copy it freely; the
// client must outlive it.
class WarehouseApi
{
public:
    template <typename T> using Callback = ApiClient::Callback<T>;

    explicit WarehouseApi(ApiClient *client)
        : m_client(client)
    {}
    ApiClient *client() const { return m_client; }

    // `scan` as the scanner typed it (the server ignores case and spaces).
    void lookup(const QString &scan, QObject *context, Callback<ScanLookup> done) const;
    // What receiving `weightG` would record; changes nothing.
    void preview(qint64 shipmentId, qint64 weightG, QObject *context,
                 Callback<WeightPreview> done) const;
    // Records the receipt (and any fee adjustment). A shipment is received once: 409 when it
    // was received already (also when a lost answer is retried).
    void receive(qint64 shipmentId, qint64 weightG, QObject *context, Callback<Receipt> done) const;
    void ready(QObject *context, Callback<ReadyGroups> done) const;
    // One international parcel for received shipments of one customer and address.
    void dispatchParcel(const QList<qint64> &shipmentIds, QObject *context,
                        Callback<DispatchedParcel> done) const;
    void stats(int days, QObject *context, Callback<LogisticsStats> done) const;

private:
    ApiClient *m_client;
};

} // namespace haitao::client
