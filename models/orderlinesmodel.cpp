#include "models/orderlinesmodel.h"

#include "models/orderlabels.h"

namespace haitao::models {

OrderLinesModel::OrderLinesModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void OrderLinesModel::setOrder(const client::OrderDetail &order)
{
    QList<Row> rows;
    for (const client::SubOrder &s : order.subOrders) {
        for (const client::OrderLine &line : s.lines)
            rows.append({s.id, s.site, s.status, line});
    }
    setRows(std::move(rows));
}

void OrderLinesModel::setPlacement(const client::PlacementItem &item)
{
    QList<Row> rows;
    for (const client::OrderLine &line : item.lines)
        rows.append({item.id, item.site, item.status, line});
    setRows(std::move(rows));
}

void OrderLinesModel::clear()
{
    setRows({});
}

void OrderLinesModel::setRows(QList<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int OrderLinesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OrderLinesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OrderLinesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    if (role == SourceUrlRole)
        return r.line.sourceUrl;
    if (role == IdRole)
        return r.line.skuId;
    const bool display = role == Qt::DisplayRole;
    if (role == Qt::ToolTipRole && index.column() == TitleColumn)
        return r.line.titleZh;
    if (!display && role != RawRole)
        return {};
    switch (index.column()) {
    case SubOrderColumn:
        return r.subOrderId;
    case SiteColumn:
        return r.site;
    case StatusColumn:
        return display ? QVariant(subOrderStatusLabel(r.status)) : QVariant(int(r.status));
    case TitleColumn:
        return r.line.title;
    case TitleZhColumn:
        return r.line.titleZh;
    case QuantityColumn:
        return r.line.quantity;
    case UnitPriceColumn:
        return display ? QVariant(moneyText(r.line.unitPrice)) : QVariant(r.line.unitPrice.minor());
    case TotalColumn:
        if (!r.line.total)
            return {};
        return display ? QVariant(moneyText(*r.line.total)) : QVariant(r.line.total->minor());
    default:
        return {};
    }
}

QVariant OrderLinesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SubOrderColumn:
        return tr("Sub-order");
    case SiteColumn:
        return tr("Site");
    case StatusColumn:
        return tr("Status");
    case TitleColumn:
        return tr("Title");
    case TitleZhColumn:
        return tr("Chinese title");
    case QuantityColumn:
        return tr("Qty");
    case UnitPriceColumn:
        return tr("Unit price");
    case TotalColumn:
        return tr("Total (CNY)");
    default:
        return {};
    }
}

void OrderLinesModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

} // namespace haitao::models
