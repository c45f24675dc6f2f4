#pragma once

#include "backend-client/logisticstypes.h"

#include <QAbstractTableModel>
#include <QList>

namespace haitao::models {

// What a customer was (or is to be) told about one shipment (GET /logistics/notifications?
// shipmentId=): kind, channel, recipient, status, attempts, last error. Read-only; retrying a
// failed one goes through LogisticsApi and the panel reloads. RawRole: wire names, UTC times;
// IdRole: the notification id.
class NotificationsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        KindColumn,
        ChannelColumn,
        RecipientColumn,
        StatusColumn,
        AttemptsColumn,
        LastErrorColumn,
        CreatedColumn,
        SentColumn,
        ColumnCount
    };

    explicit NotificationsModel(QObject *parent = nullptr);

    void setItems(const QList<client::Notification> &items);
    void clear() { setItems({}); }
    const client::Notification &itemAt(int row) const { return m_items.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

public slots:
    void retranslate();

private:
    QList<client::Notification> m_items;
};

} // namespace haitao::models
