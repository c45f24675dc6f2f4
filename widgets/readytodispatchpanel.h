#pragma once

#include "backend-client/warehouseapi.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeView;

namespace haitao::models {
class ReceivingReadyModel;
}

namespace haitao::widgets {

class MessageLabel;

// "Ready to dispatch": the received shipments grouped by customer and address (one parcel
// each), and "Dispatch parcel" for the selected group, which books one international parcel
// (POST /logistics/parcels) and shows its tracking number for the label.
class ReadyToDispatchPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ReadyToDispatchPanel(const client::WarehouseApi &api, QWidget *parent = nullptr);

    models::ReceivingReadyModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QPushButton *dispatchButton() const { return m_dispatch; }
    QPushButton *reloadButton() const { return m_reload; }
    QLabel *parcelLabel() const { return m_parcel; }
    MessageLabel *message() const { return m_message; }

    void reload();
    // Dispatches the current group's shipments.
    void dispatchSelected();

signals:
    void loaded();
    // The parcel is booked (ok) or refused; either way the packer goes back to scanning.
    void dispatchFinished(bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateButtons();

    client::WarehouseApi m_api;
    models::ReceivingReadyModel *m_model;
    QTreeView *m_view;
    QPushButton *m_dispatch;
    QPushButton *m_reload;
    QLabel *m_title;
    QLabel *m_parcel;
    MessageLabel *m_message;
    quint64 m_request = 0;
    bool m_busy = false;
};

} // namespace haitao::widgets
