#pragma once

#include "backend-client/ordersapi.h"
#include "models/pagedtablemodel.h"

#include <QList>

namespace haitao::models {

// The staff order list (GET /admin/orders), newest first, one page at a time as the view
// scrolls ("load more" through fetchMore()). Read-only; filters go to the server.
//
// DisplayRole is text or a local QDateTime; RawRole is the raw value: ids, the status enum as
// int, amounts in minor units, UTC times. IdRole is the order id on every column.
class OrdersModel : public PagedTableModel
{
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        CreatedColumn,
        CustomerColumn,
        StatusColumn,
        SubOrdersColumn, // "site: status" per sub-order; RawRole: the number of sub-orders
        TotalColumn,
        UpdatedColumn,
        ColumnCount
    };

    explicit OrdersModel(client::OrdersApi api, QObject *parent = nullptr);

    // Reloads from the first page.
    void setFilter(const client::OrderFilter &filter);
    client::OrderFilter filter() const { return m_filter; }
    void setPageSize(int limit) { m_pageSize = limit; }

    const client::OrderSummary &orderAt(int row) const { return m_rows.at(row); }
    int rowOfId(qint64 id) const; // -1 when not loaded

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    void requestPage(const QString &cursor, quint64 request) override;
    void clearRows() override { m_rows.clear(); }

private:
    client::OrdersApi m_api;
    client::OrderFilter m_filter;
    int m_pageSize = 50;
    QList<client::OrderSummary> m_rows;
};

} // namespace haitao::models
