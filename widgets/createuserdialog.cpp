#include "widgets/createuserdialog.h"

#include "widgets/errortext.h"
#include "widgets/messagelabel.h"
#include "widgets/rolelabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace haitao::widgets {

namespace {

const Role staffRoles[] = {Role::Admin, Role::Ops, Role::Translator};

QLabel *makeFieldError(QWidget *parent, const QString &field)
{
    auto *label = new QLabel(parent);
    label->setObjectName(field + QStringLiteral("Error"));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("QLabel { color: #8a1c1c; }"));
    label->setVisible(false);
    return label;
}

// A field and, under it, the place for what is wrong with it.
QWidget *withError(QWidget *field, QLabel *error)
{
    auto *box = new QWidget(field->parentWidget());
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(error);
    return box;
}

} // namespace

CreateUserDialog::CreateUserDialog(client::ApiClient *client, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_userLabel(new QLabel(this))
    , m_displayNameLabel(new QLabel(this))
    , m_roleLabel(new QLabel(this))
    , m_passwordLabel(new QLabel(this))
    , m_confirmLabel(new QLabel(this))
    , m_user(new QLineEdit(this))
    , m_displayName(new QLineEdit(this))
    , m_role(new QComboBox(this))
    , m_password(new QLineEdit(this))
    , m_confirm(new QLineEdit(this))
    , m_message(new MessageLabel(this))
    , m_createButton(new QPushButton(this))
    , m_cancelButton(new QPushButton(this))
{
    m_user->setObjectName(QStringLiteral("usernameEdit"));
    m_displayName->setObjectName(QStringLiteral("displayNameEdit"));
    m_role->setObjectName(QStringLiteral("roleCombo"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_confirm->setObjectName(QStringLiteral("confirmEdit"));
    m_message->setObjectName(QStringLiteral("createUserMessage"));
    m_createButton->setObjectName(QStringLiteral("createButton"));
    m_password->setEchoMode(QLineEdit::Password);
    m_confirm->setEchoMode(QLineEdit::Password);
    for (Role role : staffRoles)
        m_role->addItem(roleLabel(role), roleToString(role));
    m_role->setCurrentIndex(m_role->findData(roleToString(Role::Ops)));

    const QString fields[] = {QStringLiteral("username"), QStringLiteral("displayName"),
                              QStringLiteral("role"), QStringLiteral("password"),
                              QStringLiteral("confirm")};
    for (const QString &field : fields)
        m_fieldErrors.insert(field, makeFieldError(this, field));

    auto *form = new QFormLayout;
    form->addRow(m_userLabel, withError(m_user, m_fieldErrors.value(fields[0])));
    form->addRow(m_displayNameLabel, withError(m_displayName, m_fieldErrors.value(fields[1])));
    form->addRow(m_roleLabel, withError(m_role, m_fieldErrors.value(fields[2])));
    form->addRow(m_passwordLabel, withError(m_password, m_fieldErrors.value(fields[3])));
    form->addRow(m_confirmLabel, withError(m_confirm, m_fieldErrors.value(fields[4])));
    m_userLabel->setBuddy(m_user);
    m_displayNameLabel->setBuddy(m_displayName);
    m_roleLabel->setBuddy(m_role);
    m_passwordLabel->setBuddy(m_password);
    m_confirmLabel->setBuddy(m_confirm);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_createButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancelButton, QDialogButtonBox::RejectRole);
    m_createButton->setDefault(true);
    connect(m_createButton, &QPushButton::clicked, this, &CreateUserDialog::submit);
    connect(m_cancelButton, &QPushButton::clicked, this, &CreateUserDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setMinimumWidth(420);
    retranslateUi();
}

void CreateUserDialog::submit()
{
    if (m_busy || !validate())
        return;
    client::NewUser user;
    user.username = m_user->text().trimmed();
    user.displayName = m_displayName->text().trimmed();
    user.role = roleFromString(m_role->currentData().toString()).value_or(Role::Ops);
    user.password = m_password->text();

    setBusy(true);
    m_client->createUser(user, this, [this](const client::Result<UserInfo> &result) {
        setBusy(false);
        if (!result.ok()) {
            showServerError(result.error());
            return;
        }
        emit userCreated(result.value());
        accept();
    });
}

bool CreateUserDialog::validate()
{
    clearErrors();
    const QString user = m_user->text().trimmed();
    if (user.isEmpty())
        setFieldError(QStringLiteral("username"), tr("Enter a user name."));
    else if (user.contains(QLatin1Char(' ')))
        setFieldError(QStringLiteral("username"), tr("A user name cannot contain spaces."));
    if (m_displayName->text().trimmed().isEmpty())
        setFieldError(QStringLiteral("displayName"), tr("Enter the name people will see."));
    if (m_password->text().isEmpty())
        setFieldError(QStringLiteral("password"), tr("Enter a password."));
    else if (m_confirm->text() != m_password->text())
        setFieldError(QStringLiteral("confirm"), tr("The two passwords differ."));

    fitToContents();
    for (const QLabel *label : std::as_const(m_fieldErrors)) {
        if (!label->text().isEmpty())
            return false;
    }
    return true;
}

void CreateUserDialog::showServerError(const client::ApiError &error)
{
    if (error.kind == ProblemKind::Conflict) {
        setFieldError(QStringLiteral("username"), tr("This user name is already taken."));
        fitToContents();
        m_user->setFocus();
        return;
    }
    QStringList unplaced;
    for (const client::FieldError &fieldError : error.errors) {
        if (m_fieldErrors.contains(fieldError.field))
            setFieldError(fieldError.field, fieldError.message);
        else
            unplaced << fieldError.message;
    }
    if (error.errors.isEmpty())
        m_message->showError(describeError(error));
    else if (!unplaced.isEmpty())
        m_message->showError(unplaced.join(QLatin1Char('\n')));
    else
        m_message->showError(tr("Please correct the marked fields."));
    fitToContents();
}

void CreateUserDialog::fitToContents()
{
    // Messages appear and wrap under the fields: grow (never shrink below the user's size) so
    // that none is cut off.
    layout()->activate();
    resize(size().expandedTo(sizeHint()));
}

void CreateUserDialog::setFieldError(const QString &field, const QString &text)
{
    if (QLabel *label = m_fieldErrors.value(field)) {
        label->setText(text);
        label->setVisible(!text.isEmpty());
    }
}

void CreateUserDialog::clearErrors()
{
    for (auto it = m_fieldErrors.cbegin(); it != m_fieldErrors.cend(); ++it)
        setFieldError(it.key(), QString());
    m_message->clearMessage();
}

void CreateUserDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_createButton->setEnabled(!busy);
    retranslateUi();
}

void CreateUserDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void CreateUserDialog::retranslateUi()
{
    setWindowTitle(tr("New staff account"));
    m_userLabel->setText(tr("&User name:"));
    m_displayNameLabel->setText(tr("&Display name:"));
    m_roleLabel->setText(tr("&Role:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_confirmLabel->setText(tr("&Confirm password:"));
    for (int i = 0; i < m_role->count(); ++i)
        m_role->setItemText(i, roleLabel(m_role->itemData(i).toString()));
    m_createButton->setText(m_busy ? tr("Creating…") : tr("Create"));
    m_cancelButton->setText(tr("Cancel"));
}

} // namespace haitao::widgets
