#pragma once

#include "backend-client/apiclient.h"
#include "core/user.h"

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace haitao::widgets {

class MessageLabel;

// Asks for the server address, user name and password and signs in without blocking: show it
// with open() or show(), and listen to signedIn(). Remembers the address and user name in
// QSettings, never the password. Only staff may sign in: the desktop is not for customers.
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SignInDialog(client::ApiClient *client, QWidget *parent = nullptr);

    void setServerUrl(const QString &url);
    void setUserName(const QString &userName);
    void setPassword(const QString &password);
    // A note for the user, e.g. why they must sign in again. Cleared by the next attempt.
    void setMessage(const QString &message);
    QString message() const;
    bool isBusy() const { return m_busy; }

public slots:
    // Validates the fields and starts signing in; the answer comes back later.
    void signIn();
    void reject() override;

signals:
    void signedIn(const haitao::Session &session);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void setBusy(bool busy);
    // The message is kept as a function so that it can be retranslated while shown.
    void showError(std::function<QString()> message);
    void finishSignIn(const client::Result<Session> &result, const QUrl &server);
    QString describeSignInError(const client::ApiError &error, const QUrl &server) const;

    client::ApiClient *m_client;
    QLabel *m_intro;
    QLabel *m_serverLabel;
    QLabel *m_userLabel;
    QLabel *m_passwordLabel;
    QLineEdit *m_server;
    QLineEdit *m_user;
    QLineEdit *m_password;
    MessageLabel *m_message;
    QPushButton *m_signInButton;
    QPushButton *m_cancelButton;
    std::function<QString()> m_messageText;
    quint64 m_attempt = 0; // answers to an abandoned attempt are ignored
    bool m_busy = false;
};

} // namespace haitao::widgets
