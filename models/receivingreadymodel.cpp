#include "models/receivingreadymodel.h"

namespace haitao::models {

namespace {

const QString kGrams = QStringLiteral("g");

qint64 totalWeight(const client::ReadyGroup &g)
{
    qint64 sum = 0;
    for (const client::ReadyShipment &s : g.shipments)
        sum += s.weightG;
    return sum;
}

} // namespace

ReceivingReadyModel::ReceivingReadyModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

void ReceivingReadyModel::setGroups(const client::ReadyGroups &groups)
{
    beginResetModel();
    m_groups = groups;
    endResetModel();
}

int ReceivingReadyModel::groupOf(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return -1;
    return index.internalId() == kGroupRow ? index.row() : int(index.internalId() - 1);
}

QList<qint64> ReceivingReadyModel::shipmentIds(const QModelIndex &index) const
{
    const int group = groupOf(index);
    QList<qint64> ids;
    if (group < 0 || group >= m_groups.groups.size())
        return ids;
    for (const client::ReadyShipment &s : m_groups.groups.at(group).shipments)
        ids.append(s.id);
    return ids;
}

QModelIndex ReceivingReadyModel::groupIndex(int group) const
{
    return index(group, 0);
}

QModelIndex ReceivingReadyModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kGroupRow);
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex ReceivingReadyModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kGroupRow)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kGroupRow);
}

int ReceivingReadyModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.groups.size());
    if (parent.internalId() != kGroupRow || parent.column() != 0)
        return 0; // shipments have no children; only the first column carries the tree
    return int(m_groups.groups.at(parent.row()).shipments.size());
}

int ReceivingReadyModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ReceivingReadyModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kGroupRow)
        return groupData(m_groups.groups.at(index.row()), index.column(), role);
    const client::ReadyGroup &g = m_groups.groups.at(int(index.internalId() - 1));
    return shipmentData(g.shipments.at(index.row()), index.column(), role);
}

QVariant ReceivingReadyModel::groupData(const client::ReadyGroup &g, int column, int role) const
{
    if (role == UnitRole)
        return column == WeightColumn ? QVariant(kGrams) : QVariant();
    if (role == Qt::ToolTipRole && column == AddressColumn)
        return g.addressText;
    if (role != Qt::DisplayRole && role != RawRole)
        return {};
    switch (column) {
    case NameColumn:
        return g.customer;
    case WeightColumn:
        return totalWeight(g);
    case AddressColumn:
        return g.addressText;
    case SiteColumn:
        // How many shipments the parcel would carry, where shipment rows show their site.
        return role == RawRole ? QVariant(qint64(g.shipments.size()))
                               : QVariant(tr("%n shipment(s)", nullptr, int(g.shipments.size())));
    default:
        return {};
    }
}

QVariant ReceivingReadyModel::shipmentData(const client::ReadyShipment &s, int column,
                                           int role) const
{
    if (role == IdRole)
        return s.id;
    if (role == UnitRole)
        return column == WeightColumn ? QVariant(kGrams) : QVariant();
    if (role != Qt::DisplayRole && role != RawRole)
        return {};
    switch (column) {
    case NameColumn:
        return role == RawRole ? QVariant(s.id) : QVariant(tr("Shipment %1").arg(s.id));
    case OrderColumn:
        return s.orderId;
    case SiteColumn:
        return s.site;
    case WeightColumn:
        return s.weightG;
    default:
        return {};
    }
}

QVariant ReceivingReadyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Customer / shipment");
    case OrderColumn:
        return tr("Order");
    case SiteColumn:
        return tr("Site");
    case WeightColumn:
        return tr("Weight");
    case AddressColumn:
        return tr("Address");
    default:
        return {};
    }
}

void ReceivingReadyModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    for (int g = 0; g < m_groups.groups.size(); ++g) {
        emit dataChanged(index(g, 0), index(g, ColumnCount - 1));
        const QModelIndex parent = index(g, 0);
        const int n = rowCount(parent);
        if (n > 0)
            emit dataChanged(index(0, 0, parent), index(n - 1, ColumnCount - 1, parent));
    }
}

} // namespace haitao::models
