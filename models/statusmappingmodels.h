#pragma once

#include "backend-client/logisticstypes.h"

#include <QAbstractTableModel>
#include <QList>

namespace haitao::models {

// Raw carrier statuses seen without a mapping (GET /logistics/mappings/unmapped), most seen
// first as the server sends them. Read-only: mapping one goes through LogisticsApi and the page
// reloads. RawRole: wire values, counts, UTC times.
class UnmappedStatusesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        CarrierColumn,
        RawStatusColumn,
        SampleTextColumn,
        CountColumn,
        FirstSeenColumn,
        LastSeenColumn,
        ColumnCount
    };

    explicit UnmappedStatusesModel(QObject *parent = nullptr);

    void setItems(const QList<client::UnmappedStatus> &items);
    void clear() { setItems({}); }
    const client::UnmappedStatus &itemAt(int row) const { return m_items.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

public slots:
    void retranslate();

private:
    QList<client::UnmappedStatus> m_items;
};

// The raw -> normalized mappings (GET /logistics/mappings), per carrier and raw code.
// Read-only here: a change goes through LogisticsApi (it re-normalizes stored checkpoints on
// the server) and the page reloads. RawRole: wire values (the normalized status name), UTC time.
class MappingsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        CarrierColumn,
        RawStatusColumn,
        StatusColumn,
        UpdatedByColumn,
        UpdatedAtColumn,
        ColumnCount
    };

    explicit MappingsModel(QObject *parent = nullptr);

    void setItems(const QList<client::StatusMapping> &items);
    const client::StatusMapping &itemAt(int row) const { return m_items.at(row); }
    int rowOf(const QString &carrier, const QString &rawStatus) const; // -1: none

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

public slots:
    void retranslate();

private:
    QList<client::StatusMapping> m_items;
};

} // namespace haitao::models
