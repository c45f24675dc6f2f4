#pragma once

#include "backend/config.h"
#include "backend/http/actor.h"
#include "backend/logistics/receivingstore.h"
#include "backend/storage/database.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace haitao::server::logistics {

class LogisticsService;

// One line of a sub-order as the receiving screen shows it (what is in the parcel).
struct ReceivingLine
{
    QString title, titleZh;
    qint64 quantity = 0;
};
using SubOrderLines = std::function<QList<ReceivingLine>(qint64 subOrderId)>;
// The status of a sub-order's weight adjustment now (the orders store); empty when none.
using AdjustmentStatus = std::function<QString(qint64 subOrderId)>;

// Warehouse receiving (docs/logistics.md): a parcel scanned by its shop tracking number,
// weighed once (the fee adjustment comes from the orders component through the order link,
// which asks pricing), the RECEIVED checkpoint on the shop leg; then received shipments of
// one customer and address are dispatched together in one international parcel (parcels.cpp).
// Its store is the logistics store (migration 3). Throws ApiError for anything the caller did
// wrong.
class ReceivingService
{
public:
    ReceivingService(Database &db, const Config &config, LogisticsService &logistics);

    void setSubOrderLines(SubOrderLines lines) { m_lines = std::move(lines); }
    void setAdjustmentStatus(AdjustmentStatus status) { m_adjustmentStatus = std::move(status); }

    // REST (receivingroutes.cpp).
    QJsonObject lookup(const QString &scan);
    QJsonObject preview(qint64 shipmentId, qint64 weightG);
    QJsonObject receive(const Actor &actor, qint64 shipmentId, qint64 weightG);
    QJsonObject ready();
    QJsonObject dispatch(const Actor &actor, const QList<qint64> &shipmentIds);

    // The "receipt" of track's shipment detail (null when not received).
    void addDetail(QSqlDatabase &db, qint64 shipmentId, QJsonObject &detail) const;

    // "SP 0000-0012 3us" -> "SP0000-00123US": what a scanner or a person typed.
    static QString normalizeScan(const QString &scan);

private:
    qint64 now() const { return m_config.clock(); }
    // The receipt with its adjustment's status read live from the order (the stored one is
    // the status at receipt time, kept only when orders are not connected).
    QJsonObject receiptJson(receivingstore::Receipt r, qint64 subOrderId) const;

    Database &m_db;
    const Config &m_config;
    LogisticsService &m_logistics;
    SubOrderLines m_lines;
    AdjustmentStatus m_adjustmentStatus;
};

} // namespace haitao::server::logistics
