#include "widgets/manualqueuecanceldialog.h"

#include "models/orderlabels.h"
#include "widgets/errortext.h"
#include "widgets/messagelabel.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace haitao::widgets {

ManualQueueCancelDialog::ManualQueueCancelDialog(client::OrdersApi api,
                                                 const client::PlacementItem &item, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_id(item.id)
    , m_reason(new QPlainTextEdit(this))
    , m_message(new MessageLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("cancelSubOrderDialog"));
    m_reason->setObjectName(QStringLiteral("cancelReason"));
    setWindowTitle(tr("Cancel sub-order %1").arg(item.id));
    auto *intro = new QLabel(tr("Sub-order %1 on %2 is cancelled and %3 is refunded to the "
                                "customer. Why?")
                                 .arg(item.id)
                                 .arg(item.site, models::moneyText(item.total)),
                             this);
    intro->setWordWrap(true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Cancel and refund"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Keep"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_reason, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ManualQueueCancelDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ManualQueueCancelDialog::reject);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &ManualQueueCancelDialog::updateOk);
    updateOk();
}

void ManualQueueCancelDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_sending && !m_reason->toPlainText().trimmed().isEmpty());
}

void ManualQueueCancelDialog::accept()
{
    const QString reason = m_reason->toPlainText().trimmed();
    if (reason.isEmpty()) {
        m_message->showError(tr("Enter why the sub-order is cancelled."));
        return;
    }
    if (m_sending)
        return;
    m_sending = true;
    updateOk();
    m_message->showInfo(tr("Cancelling…"));
    m_api.cancel(m_id, reason, this, [this](const client::Result<client::PlacementItem> &r) {
        m_sending = false;
        updateOk();
        if (!r.ok()) {
            m_message->showError(describeError(r.error()));
            return;
        }
        emit cancelled(r.value());
        QDialog::accept();
    });
}

} // namespace haitao::widgets
