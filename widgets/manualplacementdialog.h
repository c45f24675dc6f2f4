#pragma once

#include "backend-client/ordersapi.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace haitao::widgets {

class MessageLabel;

// "Placed by hand": the foreign order number and the amount paid on the shop's site, in the
// site's currency, read exactly (core Money, never floating point). Sends the manual placement
// itself; a refusal (someone else holds the claim, a bad field) is shown in the dialog, which
// stays open. Open with open(), never exec().
class ManualPlacementDialog : public QDialog
{
    Q_OBJECT

public:
    ManualPlacementDialog(client::OrdersApi api, const client::PlacementItem &item,
                          QWidget *parent = nullptr);

    QLineEdit *orderNumberEdit() const { return m_orderNumber; }
    QLineEdit *amountEdit() const { return m_amount; }
    QLabel *currencyLabel() const { return m_currency; }
    MessageLabel *message() const { return m_message; }
    QDialogButtonBox *buttons() const { return m_buttons; }

    // The input read as a placement; nullopt (and why) while it is incomplete or not exact.
    std::optional<client::ManualPlacement> placement(QString *why = nullptr) const;

    void accept() override;

signals:
    void placed(const client::PlacementItem &item);

private:
    void updateOk();

    client::OrdersApi m_api;
    client::PlacementItem m_item;
    QLineEdit *m_orderNumber;
    QLineEdit *m_amount;
    QLabel *m_currency;
    MessageLabel *m_message;
    QDialogButtonBox *m_buttons;
    bool m_sending = false;
};

} // namespace haitao::widgets
