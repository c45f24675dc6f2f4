#include "models/ordersmodel.h"

#include "models/itemroles.h"
#include "models/orderlabels.h"

namespace haitao::models {

namespace {

QString subOrdersText(const client::OrderSummary &order)
{
    QStringList parts;
    for (const client::SubOrderRef &s : order.subOrders)
        parts.append(s.site + QStringLiteral(": ") + subOrderStatusLabel(s.status));
    return parts.join(QStringLiteral(", "));
}

} // namespace

OrdersModel::OrdersModel(client::OrdersApi api, QObject *parent)
    : PagedTableModel(parent)
    , m_api(api)
{}

void OrdersModel::setFilter(const client::OrderFilter &filter)
{
    m_filter = filter;
    reload();
}

int OrdersModel::rowOfId(qint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

int OrdersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OrdersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OrdersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::OrderSummary &o = m_rows.at(index.row());
    if (role == IdRole)
        return o.id;
    if (role == Qt::TextAlignmentRole &&
        (index.column() == IdColumn || index.column() == TotalColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    const bool display = role == Qt::DisplayRole;
    if (!display && role != RawRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case IdColumn:
        return role == Qt::ToolTipRole ? QVariant() : QVariant(o.id);
    case CreatedColumn:
        if (role == Qt::ToolTipRole)
            return {};
        return display ? o.createdAt.toLocalTime() : o.createdAt;
    case CustomerColumn:
        if (role == RawRole)
            return o.customer.id;
        return o.customer.username;
    case StatusColumn:
        if (role == RawRole)
            return int(o.status);
        return orderStatusLabel(o.status);
    case SubOrdersColumn:
        if (role == RawRole)
            return int(o.subOrders.size());
        return subOrdersText(o);
    case TotalColumn:
        if (role == RawRole)
            return o.total.minor();
        return display ? QVariant(moneyText(o.total)) : QVariant();
    case UpdatedColumn:
        if (role == Qt::ToolTipRole)
            return {};
        return display ? o.updatedAt.toLocalTime() : o.updatedAt;
    default:
        return {};
    }
}

QVariant OrdersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return PagedTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Order");
    case CreatedColumn:
        return tr("Created");
    case CustomerColumn:
        return tr("Customer");
    case StatusColumn:
        return tr("Status");
    case SubOrdersColumn:
        return tr("Sub-orders");
    case TotalColumn:
        return tr("Total");
    case UpdatedColumn:
        return tr("Updated");
    default:
        return {};
    }
}

void OrdersModel::requestPage(const QString &cursor, quint64 request)
{
    client::OrderQuery query;
    query.filter = m_filter;
    query.cursor = cursor;
    query.limit = m_pageSize;
    m_api.orders(query, this,
                 [this, request](const client::Result<Page<client::OrderSummary>> &result) {
                     appendPage(request, result, m_rows);
                 });
}

} // namespace haitao::models
