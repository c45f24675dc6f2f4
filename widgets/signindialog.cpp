#include "widgets/signindialog.h"

#include "widgets/errortext.h"
#include "widgets/messagelabel.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace haitao::widgets {

namespace {

QString serverKey()
{
    return QStringLiteral("signIn/server");
}

QString userKey()
{
    return QStringLiteral("signIn/user");
}

QString defaultServer()
{
    return QStringLiteral("http://127.0.0.1:8080");
}

} // namespace

SignInDialog::SignInDialog(client::ApiClient *client, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_intro(new QLabel(this))
    , m_serverLabel(new QLabel(this))
    , m_userLabel(new QLabel(this))
    , m_passwordLabel(new QLabel(this))
    , m_server(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_message(new MessageLabel(this))
    , m_signInButton(new QPushButton(this))
    , m_cancelButton(new QPushButton(this))
{
    m_server->setObjectName(QStringLiteral("serverEdit"));
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_message->setObjectName(QStringLiteral("signInMessage"));
    m_signInButton->setObjectName(QStringLiteral("signInButton"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));

    m_intro->setWordWrap(true);
    m_password->setEchoMode(QLineEdit::Password);
    m_serverLabel->setBuddy(m_server);
    m_userLabel->setBuddy(m_user);
    m_passwordLabel->setBuddy(m_password);
    m_signInButton->setDefault(true);

    auto *form = new QFormLayout;
    form->addRow(m_serverLabel, m_server);
    form->addRow(m_userLabel, m_user);
    form->addRow(m_passwordLabel, m_password);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_signInButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancelButton, QDialogButtonBox::RejectRole);
    connect(m_signInButton, &QPushButton::clicked, this, &SignInDialog::signIn);
    connect(m_cancelButton, &QPushButton::clicked, this, &SignInDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setMinimumWidth(420);

    const QSettings settings;
    m_server->setText(settings.value(serverKey(), defaultServer()).toString());
    m_user->setText(settings.value(userKey()).toString());
    if (!m_user->text().isEmpty())
        m_password->setFocus();

    retranslateUi();
}

void SignInDialog::setServerUrl(const QString &url)
{
    m_server->setText(url);
}

void SignInDialog::setUserName(const QString &userName)
{
    m_user->setText(userName);
}

void SignInDialog::setPassword(const QString &password)
{
    m_password->setText(password);
}

void SignInDialog::setMessage(const QString &message)
{
    m_messageText = message.isEmpty() ? std::function<QString()>() : [message] { return message; };
    if (message.isEmpty())
        m_message->clearMessage();
    else
        m_message->showInfo(message);
}

QString SignInDialog::message() const
{
    return m_message->text();
}

void SignInDialog::signIn()
{
    if (m_busy)
        return;
    // A user name or password typed into the address must not reach QSettings.
    const QUrl server =
        QUrl::fromUserInput(m_server->text().trimmed()).adjusted(QUrl::RemoveUserInfo);
    if (m_server->text().trimmed().isEmpty() || !server.isValid() || server.host().isEmpty() ||
        (server.scheme() != QLatin1String("http") && server.scheme() != QLatin1String("https"))) {
        showError([] { return tr("Enter the server address, e.g. http://127.0.0.1:8080."); });
        m_server->setFocus();
        return;
    }
    if (m_user->text().trimmed().isEmpty()) {
        showError([] { return tr("Enter your user name."); });
        m_user->setFocus();
        return;
    }
    if (m_password->text().isEmpty()) {
        showError([] { return tr("Enter your password."); });
        m_password->setFocus();
        return;
    }

    setMessage(QString());
    setBusy(true);
    const quint64 attempt = ++m_attempt;
    // A token left from an expired session must not turn a wrong password into
    // ApiClient::sessionExpired.
    m_client->setToken(QString());
    m_client->setBaseUrl(server);
    m_client->login(m_user->text().trimmed(), m_password->text(), this,
                    [this, attempt, server](const client::Result<Session> &result) {
                        if (attempt == m_attempt)
                            finishSignIn(result, server);
                    });
}

void SignInDialog::reject()
{
    ++m_attempt;
    setBusy(false);
    QDialog::reject();
}

void SignInDialog::finishSignIn(const client::Result<Session> &result, const QUrl &server)
{
    setBusy(false);
    if (!result.ok()) {
        const client::ApiError error = result.error();
        showError([this, error, server] { return describeSignInError(error, server); });
        m_password->selectAll();
        m_password->setFocus();
        return;
    }
    const Session &session = result.value();
    if (!isStaff(session.user.role)) {
        // Revoke the customer's fresh token right away; nothing else will use it.
        m_client->logout(this, [](const client::Result<client::Done> &) {});
        showError(
            [] { return tr("This app is for staff. Customer accounts cannot sign in here."); });
        return;
    }

    QSettings settings;
    settings.setValue(serverKey(), server.toString());
    settings.setValue(userKey(), session.user.username);
    m_password->clear();
    emit signedIn(session);
    accept();
}

QString SignInDialog::describeSignInError(const client::ApiError &error, const QUrl &server) const
{
    switch (error.kind) {
    case ProblemKind::Unauthenticated:
        return tr("Wrong user name or password.");
    case ProblemKind::TooManyRequests:
        return (tr("Too many failed sign-ins: this account is locked for now.") + QLatin1Char(' ') +
                retryAfterText(error.retryAfterSeconds))
            .trimmed();
    case ProblemKind::Network:
        return tr("Cannot reach the server at %1 (%2).")
            .arg(server.toDisplayString(), error.detail);
    case ProblemKind::Forbidden:
        return tr("This account cannot sign in: %1").arg(error.message());
    default:
        return describeError(error);
    }
}

void SignInDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_server->setEnabled(!busy);
    m_user->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_signInButton->setEnabled(!busy);
    retranslateUi(); // the button text says what is going on
}

void SignInDialog::showError(std::function<QString()> message)
{
    m_messageText = std::move(message);
    m_message->showError(m_messageText());
}

void SignInDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void SignInDialog::retranslateUi()
{
    setWindowTitle(tr("Sign in to Haitao Ops"));
    m_intro->setText(tr("Sign in with your staff account."));
    m_serverLabel->setText(tr("&Server:"));
    m_userLabel->setText(tr("&User name:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_server->setPlaceholderText(defaultServer());
    m_signInButton->setText(m_busy ? tr("Signing in…") : tr("Sign in"));
    m_cancelButton->setText(tr("Cancel"));
    if (m_messageText) {
        if (m_message->isError())
            m_message->showError(m_messageText());
        else
            m_message->showInfo(m_messageText());
    }
}

} // namespace haitao::widgets
