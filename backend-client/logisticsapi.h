#pragma once

#include "backend-client/apiclient.h"
#include "backend-client/logisticstypes.h"
#include "core/page.h"

namespace haitao::client {

// The tracking and notification endpoints of issue 7 (/api/v1/logistics/..., and
// /orders/{id}/tracking) the Logistics page uses, one async call each, on top of an ApiClient.
// A small value that only points at the client: copy it freely; the client must outlive it.
//
// The writes answer Done: the page reloads what it shows afterwards, so it never shows a
// half-updated copy (a mapping change re-normalizes checkpoints of many shipments).
class LogisticsApi
{
public:
    template <typename T> using Callback = ApiClient::Callback<T>;

    explicit LogisticsApi(ApiClient *client)
        : m_client(client)
    {}
    ApiClient *client() const { return m_client; }

    void tracking(qint64 orderId, QObject *context, Callback<OrderTracking> done) const;

    // Newest first, keyset paged.
    void shipments(const ShipmentQuery &query, QObject *context,
                   Callback<Page<ShipmentSummary>> done) const;
    void shipmentCounts(QObject *context, Callback<ShipmentCounts> done) const;
    void shipment(qint64 id, QObject *context, Callback<ShipmentDetail> done) const;
    // Validation (422) names the refused fields: leg, time, place, status, text, reason.
    void addCheckpoint(qint64 shipmentId, const NewCheckpoint &checkpoint, QObject *context,
                       Callback<Done> done) const;
    void assignLeg(qint64 shipmentId, const QString &legKind, const LegAssignment &assignment,
                   QObject *context, Callback<Done> done) const;

    void carriers(QObject *context, Callback<QList<Carrier>> done) const;
    void updateCarrier(const Carrier &carrier, QObject *context, Callback<Done> done) const;

    // `carrier` empty: every carrier's mappings.
    void mappings(const QString &carrier, QObject *context,
                  Callback<QList<StatusMapping>> done) const;
    void unmapped(QObject *context, Callback<QList<UnmappedStatus>> done) const;
    void setMapping(const QString &carrier, const QString &rawStatus, const QString &status,
                    QObject *context, Callback<Done> done) const;

    void alerts(const AlertQuery &query, QObject *context, Callback<Page<Alert>> done) const;
    // Conflict (409) when the alert is already past that state.
    void acknowledgeAlert(qint64 id, QObject *context, Callback<Done> done) const;
    void resolveAlert(qint64 id, const QString &note, QObject *context, Callback<Done> done) const;

    // `status` and `shipmentId` (0) empty: no filter.
    void notifications(const QString &status, qint64 shipmentId, QObject *context,
                       Callback<QList<Notification>> done) const;
    void retryNotification(qint64 id, QObject *context, Callback<Done> done) const;

private:
    void write(const QByteArray &method, const QString &path, const QJsonObject &body,
               QObject *context, Callback<Done> done) const;

    ApiClient *m_client;
};

} // namespace haitao::client
