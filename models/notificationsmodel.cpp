#include "models/notificationsmodel.h"

#include "models/itemroles.h"
#include "models/logisticslabels.h"

namespace haitao::models {

NotificationsModel::NotificationsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void NotificationsModel::setItems(const QList<client::Notification> &items)
{
    beginResetModel();
    m_items = items;
    endResetModel();
}

int NotificationsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int NotificationsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NotificationsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::Notification &n = m_items.at(index.row());
    if (role == IdRole)
        return n.id;
    if (role == Qt::ToolTipRole && index.column() == RecipientColumn && !n.subject.isEmpty())
        return n.subject;
    const bool display = role == Qt::DisplayRole;
    if (!display && role != RawRole)
        return {};
    switch (index.column()) {
    case KindColumn:
        return display ? notificationKindLabel(n.kind) : n.kind;
    case ChannelColumn:
        return display ? channelLabel(n.channel) : n.channel;
    case RecipientColumn:
        return n.recipient;
    case StatusColumn:
        return display ? notificationStatusLabel(n.status) : n.status;
    case AttemptsColumn:
        return n.attempts;
    case LastErrorColumn:
        return n.lastError;
    case CreatedColumn:
        return timeValue(n.createdAt, display);
    case SentColumn:
        return timeValue(n.sentAt, display);
    default:
        return {};
    }
}

QVariant NotificationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KindColumn:
        return tr("Message");
    case ChannelColumn:
        return tr("Channel");
    case RecipientColumn:
        return tr("To");
    case StatusColumn:
        return tr("Status");
    case AttemptsColumn:
        return tr("Attempts");
    case LastErrorColumn:
        return tr("Last error");
    case CreatedColumn:
        return tr("Created");
    case SentColumn:
        return tr("Sent");
    default:
        return {};
    }
}

void NotificationsModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_items.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_items.size()) - 1, ColumnCount - 1));
}

} // namespace haitao::models
