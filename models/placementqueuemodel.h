#pragma once

#include "backend-client/ordersapi.h"
#include "models/itemroles.h"
#include "models/pagedtablemodel.h"

#include <QDateTime>
#include <QList>

#include <functional>

namespace haitao::models {

// The placement queue (GET /admin/placements), oldest status change first: by default the
// sub-orders that need manual placement. One page at a time as the view scrolls. The queue's
// actions answer the sub-order as it is now: updateItem() puts that answer in its row, or drops
// the row when the sub-order left the queue's status.
//
// AgeRole (every column) is how long the sub-order has been in its status, in seconds, by the
// model's clock: the SLA age the delegate colours rows by. RawRole is the raw value of the
// column (ids, the status enum as int, amounts in minor units, UTC times); IdRole the sub-order.
class PlacementQueueModel : public PagedTableModel
{
    Q_OBJECT

public:
    enum Column {
        SubOrderColumn,
        OrderColumn,
        SiteColumn,
        AgeColumn, // DisplayRole and RawRole: the age in seconds; the delegate formats it
        ReasonColumn,
        AttemptsColumn,
        ClaimedByColumn,
        GoodsColumn,
        TotalColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role { AgeRole = StaleRole + 100 };

    explicit PlacementQueueModel(client::OrdersApi api, QObject *parent = nullptr);

    // Which sub-orders (status, site); reloads.
    void setQuery(const client::PlacementQuery &query);
    client::PlacementQuery query() const { return m_query; }
    // "Now" for the SLA age; the system clock unless a test sets one.
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }
    // Ages move with the clock: tells the views to repaint the rows.
    void refreshAges();

    const client::PlacementItem &itemAt(int row) const { return m_rows.at(row); }
    int rowOfId(qint64 id) const; // -1 when not loaded
    void updateItem(const client::PlacementItem &item);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    void requestPage(const QString &cursor, quint64 request) override;
    void clearRows() override { m_rows.clear(); }

private:
    qint64 ageSeconds(const client::PlacementItem &item) const;

    client::OrdersApi m_api;
    client::PlacementQuery m_query;
    std::function<QDateTime()> m_now;
    QList<client::PlacementItem> m_rows;
};

} // namespace haitao::models
