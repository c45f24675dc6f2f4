#include "models/placementqueuemodel.h"

#include "models/orderlabels.h"

namespace haitao::models {

PlacementQueueModel::PlacementQueueModel(client::OrdersApi api, QObject *parent)
    : PagedTableModel(parent)
    , m_api(api)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{}

void PlacementQueueModel::setQuery(const client::PlacementQuery &query)
{
    m_query = query;
    m_query.cursor.clear();
    reload();
}

void PlacementQueueModel::refreshAges()
{
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1),
                         {Qt::DisplayRole, RawRole, AgeRole});
}

int PlacementQueueModel::rowOfId(qint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

void PlacementQueueModel::updateItem(const client::PlacementItem &item)
{
    const int row = rowOfId(item.id);
    if (row < 0)
        return;
    if (m_query.status && item.status != *m_query.status) {
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
        return;
    }
    m_rows[row] = item;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

qint64 PlacementQueueModel::ageSeconds(const client::PlacementItem &item) const
{
    if (!item.statusChangedAt.isValid())
        return 0;
    return qMax<qint64>(0, item.statusChangedAt.secsTo(m_now()));
}

int PlacementQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PlacementQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlacementQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::PlacementItem &p = m_rows.at(index.row());
    if (role == IdRole)
        return p.id;
    if (role == AgeRole)
        return ageSeconds(p);
    const bool display = role == Qt::DisplayRole;
    if (role == Qt::ToolTipRole && index.column() == ReasonColumn)
        return p.reason;
    if (!display && role != RawRole)
        return {};
    switch (index.column()) {
    case SubOrderColumn:
        return p.id;
    case OrderColumn:
        return p.orderId;
    case SiteColumn:
        return p.site;
    case AgeColumn:
        return ageSeconds(p);
    case ReasonColumn:
        return p.reason;
    case AttemptsColumn:
        return p.attempts;
    case ClaimedByColumn:
        return p.claimedBy;
    case GoodsColumn:
        return display ? QVariant(moneyText(p.goods)) : QVariant(p.goods.minor());
    case TotalColumn:
        return display ? QVariant(moneyText(p.total)) : QVariant(p.total.minor());
    case StatusColumn:
        return display ? QVariant(subOrderStatusLabel(p.status)) : QVariant(int(p.status));
    default:
        return {};
    }
}

QVariant PlacementQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return PagedTableModel::headerData(section, orientation, role);
    switch (section) {
    case SubOrderColumn:
        return tr("Sub-order");
    case OrderColumn:
        return tr("Order");
    case SiteColumn:
        return tr("Site");
    case AgeColumn:
        return tr("Waiting");
    case ReasonColumn:
        return tr("Reason");
    case AttemptsColumn:
        return tr("Attempts");
    case ClaimedByColumn:
        return tr("Claimed by");
    case GoodsColumn:
        return tr("Goods");
    case TotalColumn:
        return tr("Total");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

void PlacementQueueModel::requestPage(const QString &cursor, quint64 request)
{
    client::PlacementQuery query = m_query;
    query.cursor = cursor;
    m_api.placements(query, this,
                     [this, request](const client::Result<Page<client::PlacementItem>> &result) {
                         appendPage(request, result, m_rows);
                     });
}

} // namespace haitao::models
