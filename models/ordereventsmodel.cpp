#include "models/ordereventsmodel.h"

#include "models/itemroles.h"
#include "models/orderlabels.h"

namespace haitao::models {

OrderEventsModel::OrderEventsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void OrderEventsModel::setEvents(const QList<client::OrderEvent> &events)
{
    beginResetModel();
    m_events = events;
    endResetModel();
}

int OrderEventsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int OrderEventsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OrderEventsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::OrderEvent &e = m_events.at(index.row());
    const bool display = role == Qt::DisplayRole;
    if (role == Qt::ToolTipRole && index.column() == ReasonColumn)
        return e.reason;
    if (!display && role != RawRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return display ? e.at.toLocalTime() : e.at;
    case ActorColumn:
        return e.actor;
    case SubOrderColumn:
        if (display && e.subOrderId == 0)
            return tr("order");
        return e.subOrderId;
    case FromColumn:
        return display ? statusLabel(e.from) : e.from;
    case ToColumn:
        return display ? statusLabel(e.to) : e.to;
    case ReasonColumn:
        return e.reason;
    default:
        return {};
    }
}

QVariant OrderEventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ActorColumn:
        return tr("By");
    case SubOrderColumn:
        return tr("Sub-order");
    case FromColumn:
        return tr("From");
    case ToColumn:
        return tr("To");
    case ReasonColumn:
        return tr("Why");
    default:
        return {};
    }
}

void OrderEventsModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_events.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_events.size()) - 1, ColumnCount - 1));
}

} // namespace haitao::models
