#include "models/alertsmodel.h"

#include "models/logisticslabels.h"

namespace haitao::models {

AlertsModel::AlertsModel(client::LogisticsApi api, QObject *parent)
    : PagedTableModel(parent)
    , m_api(api)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{}

void AlertsModel::setQuery(const client::AlertQuery &query)
{
    m_query = query;
    m_query.cursor.clear();
    reload();
}

void AlertsModel::refreshAges()
{
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1),
                         {Qt::DisplayRole, RawRole, AgeRole});
}

int AlertsModel::rowOfId(qint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

qint64 AlertsModel::ageSeconds(const client::Alert &alert) const
{
    if (!alert.raisedAt.isValid())
        return 0;
    return qMax<qint64>(0, alert.raisedAt.secsTo(m_now()));
}

int AlertsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlertsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::Alert &a = m_rows.at(index.row());
    if (role == IdRole)
        return a.id;
    if (role == AgeRole)
        return ageSeconds(a);
    const bool display = role == Qt::DisplayRole;
    if (!display && role != RawRole)
        return {};
    switch (index.column()) {
    case IdColumn:
        return a.id;
    case KindColumn:
        return display ? alertKindLabel(a.kind) : a.kind;
    case AgeColumn:
        return ageSeconds(a);
    case ShipmentColumn:
        return a.shipmentId;
    case OrderColumn:
        return a.orderId;
    case SiteColumn:
        return a.site;
    case StateColumn:
        return display ? alertStateLabel(a.state) : a.state;
    case DetailColumn:
        return a.detail;
    case HandledByColumn:
        return a.resolvedBy.isEmpty() ? a.acknowledgedBy : a.resolvedBy;
    case NoteColumn:
        return a.note;
    default:
        return {};
    }
}

QVariant AlertsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return PagedTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Alert");
    case KindColumn:
        return tr("Kind");
    case AgeColumn:
        return tr("Age");
    case ShipmentColumn:
        return tr("Shipment");
    case OrderColumn:
        return tr("Order");
    case SiteColumn:
        return tr("Site");
    case StateColumn:
        return tr("State");
    case DetailColumn:
        return tr("Detail");
    case HandledByColumn:
        return tr("Handled by");
    case NoteColumn:
        return tr("Note");
    default:
        return {};
    }
}

void AlertsModel::requestPage(const QString &cursor, quint64 request)
{
    client::AlertQuery query = m_query;
    query.cursor = cursor;
    m_api.alerts(query, this, [this, request](const client::Result<Page<client::Alert>> &result) {
        appendPage(request, result, m_rows);
    });
}

} // namespace haitao::models
