#include "models/statusmappingmodels.h"

#include "models/itemroles.h"
#include "models/logisticslabels.h"

namespace haitao::models {

UnmappedStatusesModel::UnmappedStatusesModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void UnmappedStatusesModel::setItems(const QList<client::UnmappedStatus> &items)
{
    beginResetModel();
    m_items = items;
    endResetModel();
}

int UnmappedStatusesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int UnmappedStatusesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UnmappedStatusesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::UnmappedStatus &u = m_items.at(index.row());
    if (role == Qt::TextAlignmentRole && index.column() == CountColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    const bool display = role == Qt::DisplayRole;
    if (!display && role != RawRole)
        return {};
    switch (index.column()) {
    case CarrierColumn:
        return u.carrier;
    case RawStatusColumn:
        return u.rawStatus;
    case SampleTextColumn:
        return u.sampleText;
    case CountColumn:
        return u.count;
    case FirstSeenColumn:
        return timeValue(u.firstSeen, display);
    case LastSeenColumn:
        return timeValue(u.lastSeen, display);
    default:
        return {};
    }
}

QVariant UnmappedStatusesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CarrierColumn:
        return tr("Carrier");
    case RawStatusColumn:
        return tr("Carrier code");
    case SampleTextColumn:
        return tr("Sample text");
    case CountColumn:
        return tr("Seen");
    case FirstSeenColumn:
        return tr("First seen");
    case LastSeenColumn:
        return tr("Last seen");
    default:
        return {};
    }
}

void UnmappedStatusesModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

MappingsModel::MappingsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void MappingsModel::setItems(const QList<client::StatusMapping> &items)
{
    beginResetModel();
    m_items = items;
    endResetModel();
}

int MappingsModel::rowOf(const QString &carrier, const QString &rawStatus) const
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).carrier == carrier && m_items.at(row).rawStatus == rawStatus)
            return row;
    }
    return -1;
}

int MappingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int MappingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MappingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::StatusMapping &m = m_items.at(index.row());
    const bool display = role == Qt::DisplayRole;
    if (!display && role != RawRole)
        return {};
    switch (index.column()) {
    case CarrierColumn:
        return m.carrier;
    case RawStatusColumn:
        return m.rawStatus;
    case StatusColumn:
        return display ? shipmentStatusLabel(m.status) : m.status;
    case UpdatedByColumn:
        return m.updatedBy;
    case UpdatedAtColumn:
        return timeValue(m.updatedAt, display);
    default:
        return {};
    }
}

QVariant MappingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CarrierColumn:
        return tr("Carrier");
    case RawStatusColumn:
        return tr("Carrier code");
    case StatusColumn:
        return tr("Normalized status");
    case UpdatedByColumn:
        return tr("Changed by");
    case UpdatedAtColumn:
        return tr("Changed");
    default:
        return {};
    }
}

void MappingsModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_items.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_items.size()) - 1, ColumnCount - 1));
}

} // namespace haitao::models
