#pragma once

#include "backend-client/ordertypes.h"
#include "models/itemroles.h"

#include <QAbstractTableModel>
#include <QList>

namespace haitao::models {

// The lines of an order (grouped by sub-order, in the order's order) or of one queued
// sub-order. Read-only. RawRole: ids, the sub-order status enum as int, amounts in minor
// units; SourceUrlRole (every column): the shop's product page of the line.
class OrderLinesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        SubOrderColumn,
        SiteColumn,
        StatusColumn,
        TitleColumn, // tooltip: the Chinese title
        TitleZhColumn,
        QuantityColumn,
        UnitPriceColumn, // the site's currency
        TotalColumn,     // CNY, when the order JSON carries it
        ColumnCount
    };
    enum Role { SourceUrlRole = StaleRole + 101 };

    explicit OrderLinesModel(QObject *parent = nullptr);

    void setOrder(const client::OrderDetail &order);
    void setPlacement(const client::PlacementItem &item);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

public slots:
    void retranslate();

private:
    struct Row
    {
        qint64 subOrderId = 0;
        QString site;
        client::SubOrderStatus status = client::SubOrderStatus::PendingPayment;
        client::OrderLine line;
    };
    void setRows(QList<Row> rows);

    QList<Row> m_rows;
};

} // namespace haitao::models
