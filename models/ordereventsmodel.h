#pragma once

#include "backend-client/ordertypes.h"

#include <QAbstractTableModel>
#include <QList>

namespace haitao::models {

// The state changes of an order and its sub-orders (who, when, from, to, why), oldest first.
// Read-only. RawRole: UTC times, wire status names, the sub-order id (0: the order itself).
class OrderEventsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        ActorColumn,
        SubOrderColumn,
        FromColumn,
        ToColumn,
        ReasonColumn,
        ColumnCount
    };

    explicit OrderEventsModel(QObject *parent = nullptr);

    void setEvents(const QList<client::OrderEvent> &events);
    void clear() { setEvents({}); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

public slots:
    void retranslate();

private:
    QList<client::OrderEvent> m_events;
};

} // namespace haitao::models
