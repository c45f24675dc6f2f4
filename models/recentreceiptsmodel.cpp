#include "models/recentreceiptsmodel.h"

namespace haitao::models {

RecentReceiptsModel::RecentReceiptsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void RecentReceiptsModel::add(const Entry &entry)
{
    if (m_rows.size() >= kMaxRows) {
        const int last = int(m_rows.size()) - 1;
        beginRemoveRows({}, last, last);
        m_rows.removeLast();
        endRemoveRows();
    }
    beginInsertRows({}, 0, 0);
    m_rows.prepend(entry);
    endInsertRows();
}

int RecentReceiptsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RecentReceiptsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecentReceiptsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_rows.at(index.row());
    const client::Receipt &r = e.receipt;
    if (role == IdRole)
        return r.id;
    if (role == UnitRole) {
        switch (index.column()) {
        case WeightColumn:
        case PricedWeightColumn:
            return QStringLiteral("g");
        case AdjustmentColumn:
            return r.adjustment ? QVariant(r.adjustment->amount.currency().code()) : QVariant();
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == AdjustmentColumn && r.adjustment)
        return r.adjustment->status;
    if (role != Qt::DisplayRole && role != RawRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return r.receivedAt;
    case ScanColumn:
        return e.scan;
    case OrderColumn:
        return e.orderId;
    case CustomerColumn:
        return e.customer;
    case WeightColumn:
        return r.weightG;
    case PricedWeightColumn:
        return r.pricedWeightG;
    case AdjustmentColumn:
        return r.adjustment ? QVariant(r.adjustment->amount.minor()) : QVariant();
    case ReceivedByColumn:
        return r.receivedBy;
    default:
        return {};
    }
}

QVariant RecentReceiptsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Received");
    case ScanColumn:
        return tr("Tracking number");
    case OrderColumn:
        return tr("Order");
    case CustomerColumn:
        return tr("Customer");
    case WeightColumn:
        return tr("Weight");
    case PricedWeightColumn:
        return tr("Priced on");
    case AdjustmentColumn:
        return tr("Fee adjustment");
    case ReceivedByColumn:
        return tr("By");
    default:
        return {};
    }
}

void RecentReceiptsModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

} // namespace haitao::models
