#include "widgets/resolvealertdialog.h"

#include "models/logisticslabels.h"
#include "widgets/errortext.h"
#include "widgets/messagelabel.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace haitao::widgets {

QString alertActionError(const client::ApiError &error)
{
    if (error.kind == ProblemKind::Conflict) {
        return QCoreApplication::translate("haitao::widgets::ResolveAlertDialog",
                                           "Someone else handled this alert first: %1")
            .arg(error.message());
    }
    return describeError(error);
}

ResolveAlertDialog::ResolveAlertDialog(client::LogisticsApi api, const client::Alert &alert,
                                       QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_id(alert.id)
    , m_note(new QPlainTextEdit(this))
    , m_message(new MessageLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("resolveAlertDialog"));
    m_note->setObjectName(QStringLiteral("resolveNote"));
    m_message->setObjectName(QStringLiteral("resolveMessage"));
    setWindowTitle(tr("Resolve alert %1").arg(alert.id));
    auto *intro = new QLabel(tr("%1 on shipment %2 (order %3): %4\nWhat was done?")
                                 .arg(models::alertKindLabel(alert.kind))
                                 .arg(alert.shipmentId)
                                 .arg(alert.orderId)
                                 .arg(alert.detail),
                             this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Resolve"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_note, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ResolveAlertDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ResolveAlertDialog::reject);
    connect(m_note, &QPlainTextEdit::textChanged, this, &ResolveAlertDialog::updateOk);
    updateOk();
}

void ResolveAlertDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_sending && !m_note->toPlainText().trimmed().isEmpty());
}

void ResolveAlertDialog::accept()
{
    const QString note = m_note->toPlainText().trimmed();
    if (note.isEmpty()) {
        m_message->showError(tr("Write what was done about this alert."));
        return;
    }
    if (m_sending)
        return;
    m_sending = true;
    updateOk();
    m_message->showInfo(tr("Resolving…"));
    const qint64 id = m_id;
    m_api.resolveAlert(id, note, this, [this, id](const client::Result<client::Done> &r) {
        m_sending = false;
        updateOk();
        if (!r.ok()) {
            m_message->showError(alertActionError(r.error()));
            return;
        }
        emit resolved(id);
        QDialog::accept();
    });
}

} // namespace haitao::widgets
