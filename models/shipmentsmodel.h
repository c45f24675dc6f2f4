#pragma once

#include "backend-client/logisticsapi.h"
#include "models/itemroles.h"
#include "models/pagedtablemodel.h"

#include <QDateTime>
#include <QList>

#include <functional>

namespace haitao::models {

// The shipments list (GET /logistics/shipments), newest first, one page at a time as the view
// scrolls. Read-only; filters go to the server.
//
// RawRole is the raw value of the column: ids, wire names (status, leg kind, carrier), UTC
// times, the open alert count; DisplayRole is translated text or a local QDateTime. QuietRole
// (every column) is how long the shipment has been without a new checkpoint, in seconds, by the
// model's clock; the Quiet column shows it (the delegate formats it). StatusRole (every column)
// is the overall status wire name, for colouring the row. IdRole is the shipment id.
class ShipmentsModel : public PagedTableModel
{
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        OrderColumn,
        SiteColumn,
        CustomerColumn,
        StatusColumn,
        LegColumn,
        CarrierColumn,
        TrackingColumn,
        LastCheckpointColumn,
        QuietColumn, // DisplayRole and RawRole: seconds
        AlertsColumn,
        CreatedColumn,
        ColumnCount
    };
    enum Role { QuietRole = StaleRole + 200, StatusRole };

    explicit ShipmentsModel(client::LogisticsApi api, QObject *parent = nullptr);

    // Reloads from the first page.
    void setFilter(const client::ShipmentFilter &filter);
    client::ShipmentFilter filter() const { return m_filter; }
    void setPageSize(int limit) { m_pageSize = limit; }
    // "Now" for the quiet age; the system clock unless a test sets one.
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }
    // Quiet ages move with the clock: tells the views to repaint.
    void refreshAges();

    const client::ShipmentSummary &shipmentAt(int row) const { return m_rows.at(row); }
    int rowOfId(qint64 id) const; // -1 when not loaded
    qint64 quietSeconds(const client::ShipmentSummary &shipment) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    void requestPage(const QString &cursor, quint64 request) override;
    void clearRows() override { m_rows.clear(); }

private:
    client::LogisticsApi m_api;
    client::ShipmentFilter m_filter;
    int m_pageSize = 50;
    std::function<QDateTime()> m_now;
    QList<client::ShipmentSummary> m_rows;
};

} // namespace haitao::models
