#pragma once

#include "backend-client/ordersapi.h"

#include <QDialog>

class QDialogButtonBox;
class QPlainTextEdit;

namespace haitao::widgets {

class MessageLabel;

// Cancels a sub-order with a refund of its share; the reason is required (the customer and the
// audit see it). Sends the cancel itself and shows a refusal in place. Open with open().
class ManualQueueCancelDialog : public QDialog
{
    Q_OBJECT

public:
    ManualQueueCancelDialog(client::OrdersApi api, const client::PlacementItem &item,
                            QWidget *parent = nullptr);

    QPlainTextEdit *reasonEdit() const { return m_reason; }
    MessageLabel *message() const { return m_message; }
    QDialogButtonBox *buttons() const { return m_buttons; }

    void accept() override;

signals:
    void cancelled(const client::PlacementItem &item);

private:
    void updateOk();

    client::OrdersApi m_api;
    qint64 m_id;
    QPlainTextEdit *m_reason;
    MessageLabel *m_message;
    QDialogButtonBox *m_buttons;
    bool m_sending = false;
};

} // namespace haitao::widgets
