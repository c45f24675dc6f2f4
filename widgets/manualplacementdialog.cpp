#include "widgets/manualplacementdialog.h"

#include "models/orderlabels.h"
#include "widgets/errortext.h"
#include "widgets/messagelabel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace haitao::widgets {

ManualPlacementDialog::ManualPlacementDialog(client::OrdersApi api,
                                             const client::PlacementItem &item, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_item(item)
    , m_orderNumber(new QLineEdit(this))
    , m_amount(new QLineEdit(this))
    , m_currency(new QLabel(item.goods.currency().code(), this))
    , m_message(new MessageLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("manualPlacementDialog"));
    m_orderNumber->setObjectName(QStringLiteral("merchantOrderId"));
    m_amount->setObjectName(QStringLiteral("amountPaid"));
    setWindowTitle(tr("Placed by hand: sub-order %1").arg(item.id));
    auto *intro = new QLabel(tr("Order the goods of sub-order %1 on %2 (expected about %3), then "
                                "enter the shop's order number and what you paid.")
                                 .arg(item.id)
                                 .arg(item.site, models::moneyText(item.goods)),
                             this);
    intro->setWordWrap(true);
    m_orderNumber->setPlaceholderText(tr("e.g. US-000123"));
    m_amount->setPlaceholderText(item.goods.toString());
    auto *amountRow = new QHBoxLayout;
    amountRow->addWidget(m_amount, 1);
    amountRow->addWidget(m_currency);
    auto *form = new QFormLayout;
    form->addRow(tr("Shop's order number:"), m_orderNumber);
    form->addRow(tr("Amount paid:"), amountRow);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ManualPlacementDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ManualPlacementDialog::reject);
    connect(m_orderNumber, &QLineEdit::textChanged, this, &ManualPlacementDialog::updateOk);
    connect(m_amount, &QLineEdit::textChanged, this, &ManualPlacementDialog::updateOk);
    updateOk();
}

std::optional<client::ManualPlacement> ManualPlacementDialog::placement(QString *why) const
{
    auto fail = [why](const QString &text) -> std::optional<client::ManualPlacement> {
        if (why)
            *why = text;
        return std::nullopt;
    };
    const QString number = m_orderNumber->text().trimmed();
    if (number.isEmpty())
        return fail(tr("Enter the shop's order number."));
    const QString amount = m_amount->text().trimmed();
    if (amount.isEmpty())
        return fail(tr("Enter the amount paid."));
    const Currency currency = m_item.goods.currency();
    const MoneyResult<Money> paid = Money::parse(amount, currency);
    if (!paid) {
        return fail(tr("The amount must be a plain number with at most %n decimal(s), e.g. %1.",
                       nullptr, currency.exponent())
                        .arg(m_item.goods.toString()));
    }
    if (paid.value().isNegative() || paid.value().isZero())
        return fail(tr("The amount paid must be more than zero."));
    return client::ManualPlacement{number, paid.value()};
}

void ManualPlacementDialog::updateOk()
{
    QString why;
    const bool ok = placement(&why).has_value();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok && !m_sending);
    // Only complain about what was typed: an empty form is not an error yet.
    if (!ok && !m_amount->text().trimmed().isEmpty() && !m_orderNumber->text().trimmed().isEmpty())
        m_message->showError(why);
    else if (!m_sending)
        m_message->clearMessage();
}

void ManualPlacementDialog::accept()
{
    QString why;
    const std::optional<client::ManualPlacement> p = placement(&why);
    if (!p) {
        m_message->showError(why);
        return;
    }
    if (m_sending)
        return;
    m_sending = true;
    updateOk();
    m_message->showInfo(tr("Saving…"));
    m_api.placeManually(m_item.id, *p, this,
                        [this](const client::Result<client::PlacementItem> &r) {
                            m_sending = false;
                            updateOk();
                            if (!r.ok()) {
                                m_message->showError(describeError(r.error()));
                                return;
                            }
                            emit placed(r.value());
                            QDialog::accept();
                        });
}

} // namespace haitao::widgets
