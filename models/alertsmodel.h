#pragma once

#include "backend-client/logisticsapi.h"
#include "models/itemroles.h"
#include "models/pagedtablemodel.h"

#include <QDateTime>
#include <QList>

#include <functional>

namespace haitao::models {

// The alert queue (GET /logistics/alerts): by default the open alerts, one page at a time as the
// view scrolls. Read-only; acknowledging and resolving go through LogisticsApi, after which the
// page reloads.
//
// RawRole is the raw value (ids, wire names of kind and state, UTC times); AgeRole (every
// column) is how long ago the alert was raised, in seconds, by the model's clock, shown in the
// Age column (formatted by the delegate). IdRole is the alert id.
class AlertsModel : public PagedTableModel
{
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        KindColumn,
        AgeColumn, // DisplayRole and RawRole: seconds
        ShipmentColumn,
        OrderColumn,
        SiteColumn,
        StateColumn,
        DetailColumn,
        HandledByColumn, // who acknowledged or resolved it
        NoteColumn,
        ColumnCount
    };
    enum Role { AgeRole = StaleRole + 300 };

    explicit AlertsModel(client::LogisticsApi api, QObject *parent = nullptr);

    void setQuery(const client::AlertQuery &query); // reloads
    client::AlertQuery query() const { return m_query; }
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }
    void refreshAges();

    const client::Alert &alertAt(int row) const { return m_rows.at(row); }
    int rowOfId(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    void requestPage(const QString &cursor, quint64 request) override;
    void clearRows() override { m_rows.clear(); }

private:
    qint64 ageSeconds(const client::Alert &alert) const;

    client::LogisticsApi m_api;
    client::AlertQuery m_query;
    std::function<QDateTime()> m_now;
    QList<client::Alert> m_rows;
};

} // namespace haitao::models
