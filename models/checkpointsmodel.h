#pragma once

#include "backend-client/logisticstypes.h"

#include <QAbstractItemModel>
#include <QList>

namespace haitao::models {

// The timeline of one shipment: its legs in route order (top-level rows, also those without a
// checkpoint yet), each with its checkpoints by event time as children. Read-only.
//
// Checkpoint rows: RawRole is the raw value (the time as a QDateTime in the carrier's own
// zone, wire names of the normalized status and source, the carrier's code and text);
// DisplayRole is text, except the time, which stays a QDateTime in its own zone for the delegate
// to write with its offset. Leg rows: the leg (kind, carrier, tracking number) in the first
// column, its status under StatusColumn. LegKindRole (every row) is the leg's kind;
// UnknownRole (every row) whether the checkpoint's raw status has no mapping.
class CheckpointsModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        PlaceColumn,
        StatusColumn,
        RawStatusColumn,
        RawTextColumn,
        SourceColumn,
        ColumnCount
    };
    enum Role { LegKindRole = Qt::UserRole + 300, UnknownRole };

    explicit CheckpointsModel(QObject *parent = nullptr);

    void setLegs(const QList<client::Leg> &legs);
    void clear() { setLegs({}); }
    // Whether the index is a checkpoint (else a leg).
    bool isCheckpoint(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

public slots:
    void retranslate();

private:
    QVariant legData(const client::Leg &leg, int column, int role) const;
    QVariant checkpointData(const client::Checkpoint &c, int column, int role) const;

    QList<client::Leg> m_legs;
};

} // namespace haitao::models
