#include "models/checkpointsmodel.h"

#include "models/itemroles.h"
#include "models/logisticslabels.h"

#include <algorithm>

namespace haitao::models {

namespace {

// internalId of a checkpoint index: its leg's row + 1; leg indexes carry 0.
constexpr quintptr kLegId = 0;

} // namespace

CheckpointsModel::CheckpointsModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

void CheckpointsModel::setLegs(const QList<client::Leg> &legs)
{
    beginResetModel();
    m_legs = legs;
    // The server sends route order and event-time order already; sorting again (stable) keeps
    // the timeline right whatever order an answer came in.
    std::stable_sort(m_legs.begin(), m_legs.end(), [](const client::Leg &a, const client::Leg &b) {
        return legOrder(a.kind) < legOrder(b.kind);
    });
    for (client::Leg &leg : m_legs) {
        std::stable_sort(leg.checkpoints.begin(), leg.checkpoints.end(),
                         [](const client::Checkpoint &a, const client::Checkpoint &b) {
                             return a.time.toMSecsSinceEpoch() < b.time.toMSecsSinceEpoch();
                         });
    }
    endResetModel();
}

bool CheckpointsModel::isCheckpoint(const QModelIndex &index) const
{
    return index.isValid() && index.internalId() != kLegId;
}

QModelIndex CheckpointsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kLegId);
    if (parent.internalId() != kLegId)
        return {}; // checkpoints have no children
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex CheckpointsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kLegId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kLegId);
}

int CheckpointsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_legs.size());
    if (parent.column() != 0 || parent.internalId() != kLegId)
        return 0;
    return int(m_legs.at(parent.row()).checkpoints.size());
}

int CheckpointsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant CheckpointsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kLegId) {
        const client::Leg &leg = m_legs.at(index.row());
        if (role == LegKindRole)
            return leg.kind;
        if (role == UnknownRole)
            return false;
        return legData(leg, index.column(), role);
    }
    const client::Leg &leg = m_legs.at(int(index.internalId() - 1));
    const client::Checkpoint &c = leg.checkpoints.at(index.row());
    if (role == LegKindRole)
        return leg.kind;
    if (role == UnknownRole)
        return isUnknownStatus(c.status);
    if (role == IdRole)
        return c.id;
    return checkpointData(c, index.column(), role);
}

QVariant CheckpointsModel::legData(const client::Leg &leg, int column, int role) const
{
    if (role == IdRole)
        return leg.id;
    const bool display = role == Qt::DisplayRole;
    if (!display && role != RawRole)
        return {};
    switch (column) {
    case TimeColumn: {
        if (!display)
            return leg.kind;
        QString text = legKindLabel(leg.kind);
        const QString carrier = leg.carrierName.isEmpty() ? leg.carrier : leg.carrierName;
        if (!carrier.isEmpty())
            text += QStringLiteral(" · ") + carrier;
        if (leg.trackingNumber.isEmpty())
            text += QStringLiteral(" · ") + tr("no tracking number yet");
        else
            text += QStringLiteral(" · ") + leg.trackingNumber;
        return text;
    }
    case StatusColumn:
        if (leg.status.isEmpty())
            return display ? QVariant(QString()) : QVariant(leg.status);
        return display ? shipmentStatusLabel(leg.status) : leg.status;
    default:
        return {};
    }
}

QVariant CheckpointsModel::checkpointData(const client::Checkpoint &c, int column, int role) const
{
    const bool display = role == Qt::DisplayRole;
    if (role == Qt::ToolTipRole && column == StatusColumn && isUnknownStatus(c.status))
        return tr("No mapping for the carrier's status %1 yet: map it in the Mappings tab.")
            .arg(c.rawStatus);
    if (!display && role != RawRole)
        return {};
    switch (column) {
    case TimeColumn:
        return c.time; // in the carrier's zone either way
    case PlaceColumn:
        return c.place;
    case StatusColumn:
        return display ? shipmentStatusLabel(c.status) : c.status;
    case RawStatusColumn:
        return c.rawStatus;
    case RawTextColumn:
        return c.rawText;
    case SourceColumn:
        return display ? checkpointSourceLabel(c.source) : c.source;
    default:
        return {};
    }
}

QVariant CheckpointsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time (local to the carrier)");
    case PlaceColumn:
        return tr("Place");
    case StatusColumn:
        return tr("Status");
    case RawStatusColumn:
        return tr("Carrier code");
    case RawTextColumn:
        return tr("Carrier text");
    case SourceColumn:
        return tr("Source");
    default:
        return {};
    }
}

void CheckpointsModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_legs.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_legs.size()) - 1, ColumnCount - 1));
    for (int i = 0; i < m_legs.size(); ++i) {
        const int n = int(m_legs.at(i).checkpoints.size());
        if (n > 0) {
            const QModelIndex leg = index(i, 0);
            emit dataChanged(index(0, 0, leg), index(n - 1, ColumnCount - 1, leg));
        }
    }
}

} // namespace haitao::models
