#pragma once

#include "backend-client/warehousetypes.h"
#include "models/warehouseroles.h"

#include <QAbstractItemModel>

namespace haitao::models {

// The received shipments waiting for an international parcel, as a tree: one top-level row per
// customer and address (one parcel's worth), its shipments below. Read-only. RawRole: ids and
// grams (UnitRole "g" on weights); IdRole: the shipment's id on shipment rows.
class ReceivingReadyModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,    // group: customer; shipment: its id
        OrderColumn,   // shipment: order id
        SiteColumn,    // shipment: site
        WeightColumn,  // group: the sum; shipment: its weight
        AddressColumn, // group: the address on one line
        ColumnCount
    };

    explicit ReceivingReadyModel(QObject *parent = nullptr);

    void setGroups(const client::ReadyGroups &groups);

    // The group a row belongs to (the row itself or its parent); -1 for an invalid index.
    int groupOf(const QModelIndex &index) const;
    // The shipments one parcel would carry: those of the index's group.
    QList<qint64> shipmentIds(const QModelIndex &index) const;
    QModelIndex groupIndex(int group) const;

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
    // internalId: 0 for a group row, group + 1 for a shipment row.
    static constexpr quintptr kGroupRow = 0;
    QVariant groupData(const client::ReadyGroup &g, int column, int role) const;
    QVariant shipmentData(const client::ReadyShipment &s, int column, int role) const;

    client::ReadyGroups m_groups;
};

} // namespace haitao::models
