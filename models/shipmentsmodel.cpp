#include "models/shipmentsmodel.h"

#include "models/itemroles.h"
#include "models/logisticslabels.h"

namespace haitao::models {

ShipmentsModel::ShipmentsModel(client::LogisticsApi api, QObject *parent)
    : PagedTableModel(parent)
    , m_api(api)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{}

void ShipmentsModel::setFilter(const client::ShipmentFilter &filter)
{
    m_filter = filter;
    reload();
}

void ShipmentsModel::refreshAges()
{
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1),
                         {Qt::DisplayRole, RawRole, QuietRole});
}

int ShipmentsModel::rowOfId(qint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

qint64 ShipmentsModel::quietSeconds(const client::ShipmentSummary &shipment) const
{
    const QDateTime since = shipment.quietSince();
    if (!since.isValid())
        return 0;
    return qMax<qint64>(0, since.secsTo(m_now()));
}

int ShipmentsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ShipmentsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ShipmentsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::ShipmentSummary &s = m_rows.at(index.row());
    if (role == IdRole)
        return s.id;
    if (role == QuietRole)
        return quietSeconds(s);
    if (role == StatusRole)
        return s.status;
    if (role == Qt::TextAlignmentRole &&
        (index.column() == IdColumn || index.column() == OrderColumn ||
         index.column() == AlertsColumn || index.column() == QuietColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    const bool display = role == Qt::DisplayRole;
    if (!display && role != RawRole)
        return {};
    switch (index.column()) {
    case IdColumn:
        return s.id;
    case OrderColumn:
        return s.orderId;
    case SiteColumn:
        return s.site;
    case CustomerColumn:
        return s.customer;
    case StatusColumn:
        return display ? shipmentStatusLabel(s.status) : s.status;
    case LegColumn:
        if (s.currentLeg.isEmpty())
            return display ? QVariant(QString()) : QVariant(s.currentLeg);
        return display ? legKindLabel(s.currentLeg) : s.currentLeg;
    case CarrierColumn:
        return s.carrier;
    case TrackingColumn:
        return s.trackingNumber;
    case LastCheckpointColumn:
        return timeValue(s.lastCheckpointAt, display);
    case QuietColumn:
        return quietSeconds(s);
    case AlertsColumn:
        return s.openAlerts;
    case CreatedColumn:
        return timeValue(s.createdAt, display);
    default:
        return {};
    }
}

QVariant ShipmentsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return PagedTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Shipment");
    case OrderColumn:
        return tr("Order");
    case SiteColumn:
        return tr("Site");
    case CustomerColumn:
        return tr("Customer");
    case StatusColumn:
        return tr("Status");
    case LegColumn:
        return tr("Leg");
    case CarrierColumn:
        return tr("Carrier");
    case TrackingColumn:
        return tr("Tracking number");
    case LastCheckpointColumn:
        return tr("Last checkpoint");
    case QuietColumn:
        return tr("Quiet for");
    case AlertsColumn:
        return tr("Open alerts");
    case CreatedColumn:
        return tr("Created");
    default:
        return {};
    }
}

void ShipmentsModel::requestPage(const QString &cursor, quint64 request)
{
    client::ShipmentQuery query;
    query.filter = m_filter;
    query.cursor = cursor;
    query.limit = m_pageSize;
    m_api.shipments(query, this,
                    [this, request](const client::Result<Page<client::ShipmentSummary>> &result) {
                        appendPage(request, result, m_rows);
                    });
}

} // namespace haitao::models
