#pragma once

#include "backend-client/apiclient.h"
#include "core/user.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace haitao::widgets {

class MessageLabel;

// Creates a staff account (admin, ops or translator). Checks what it can before sending, and
// shows the server's field errors next to the fields; emits userCreated() and closes on
// success. Show it with open().
class CreateUserDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CreateUserDialog(client::ApiClient *client, QWidget *parent = nullptr);

public slots:
    void submit();

signals:
    void userCreated(const haitao::UserInfo &user);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    bool validate();
    void setFieldError(const QString &field, const QString &text);
    void clearErrors();
    void setBusy(bool busy);
    void showServerError(const client::ApiError &error);
    void fitToContents();

    client::ApiClient *m_client;
    QLabel *m_userLabel;
    QLabel *m_displayNameLabel;
    QLabel *m_roleLabel;
    QLabel *m_passwordLabel;
    QLabel *m_confirmLabel;
    QLineEdit *m_user;
    QLineEdit *m_displayName;
    QComboBox *m_role;
    QLineEdit *m_password;
    QLineEdit *m_confirm;
    QHash<QString, QLabel *> m_fieldErrors; // by API field name, e.g. "password"
    MessageLabel *m_message;
    QPushButton *m_createButton;
    QPushButton *m_cancelButton;
    bool m_busy = false;
};

} // namespace haitao::widgets
