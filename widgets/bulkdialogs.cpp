#include "widgets/bulkdialogs.h"

#include "widgets/messagelabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace haitao::widgets {

RejectDialog::RejectDialog(int count, QWidget *parent)
    : QDialog(parent)
    , m_prompt(new QLabel(this))
    , m_reason(new QPlainTextEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("rejectDialog"));
    m_reason->setObjectName(QStringLiteral("rejectReason"));
    setWindowTitle(tr("Reject listings"));
    m_prompt->setText(tr("Why are these %n listing(s) sent back to translation?", nullptr, count));
    m_prompt->setWordWrap(true);
    m_reason->setPlaceholderText(tr("The translator sees this reason on top of the listing."));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Reject"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_prompt);
    layout->addWidget(m_reason);
    layout->addWidget(m_buttons);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &RejectDialog::updateOk);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateOk();
}

QString RejectDialog::reason() const
{
    return m_reason->toPlainText().trimmed();
}

void RejectDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!reason().isEmpty());
}

AssignDialog::AssignDialog(client::ApiClient *client, int count, QWidget *parent)
    : QDialog(parent)
    , m_prompt(new QLabel(this))
    , m_assignee(new QComboBox(this))
    , m_message(new MessageLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("assignDialog"));
    m_assignee->setObjectName(QStringLiteral("assignee"));
    setWindowTitle(tr("Assign to translator"));
    m_prompt->setText(tr("Assign %n listing(s) to:", nullptr, count));
    m_assignee->setEditable(true);
    m_assignee->setInsertPolicy(QComboBox::NoInsert);
    m_assignee->lineEdit()->setPlaceholderText(tr("translator's user name; empty to unassign"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Assign"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_prompt);
    layout->addWidget(m_assignee);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    client::UserQuery query;
    query.role = Role::Translator;
    query.limit = 200;
    client->listUsers(query, this, [this](const client::Result<Page<UserInfo>> &result) {
        if (!result.ok()) {
            // Only admins may list users: the others type the name.
            m_message->showInfo(tr("Type the translator's user name."));
            return;
        }
        const QString typed = m_assignee->currentText();
        for (const UserInfo &u : result.value().items) {
            if (u.disabled)
                continue;
            const QString label = u.displayName.isEmpty()
                                      ? u.username
                                      : QStringLiteral("%1 (%2)").arg(u.username, u.displayName);
            m_assignee->addItem(label, u.username);
        }
        m_assignee->setEditText(typed);
    });
}

QString AssignDialog::assignee() const
{
    // A picked entry carries the user name; typed text is the name itself.
    const int i = m_assignee->findText(m_assignee->currentText());
    if (i >= 0 && !m_assignee->itemData(i).toString().isEmpty())
        return m_assignee->itemData(i).toString();
    return m_assignee->currentText().trimmed();
}

} // namespace haitao::widgets
