#pragma once

#include "backend-client/warehousetypes.h"
#include "models/warehouseroles.h"

#include <QAbstractTableModel>

namespace haitao::models {

// The receipts recorded at this desk since the screen opened, newest first, at most kMaxRows:
// what the packer checks after each confirm. Read-only. RawRole: ids, grams and the
// adjustment in minor units (UnitRole "g" or the currency code), receivedAt as QDateTime;
// IdRole: the receipt's id.
class RecentReceiptsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int kMaxRows = 50;

    enum Column {
        TimeColumn,
        ScanColumn, // the tracking number as scanned
        OrderColumn,
        CustomerColumn,
        WeightColumn,
        PricedWeightColumn,
        AdjustmentColumn, // signed; empty within tolerance
        ReceivedByColumn,
        ColumnCount
    };

    struct Entry
    {
        client::Receipt receipt;
        QString scan;
        qint64 orderId = 0;
        QString customer;
    };

    explicit RecentReceiptsModel(QObject *parent = nullptr);

    void add(const Entry &entry);
    const Entry &entryAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

public slots:
    void retranslate();

private:
    QList<Entry> m_rows;
};

} // namespace haitao::models
