#pragma once

#include "backend-client/apiclient.h"
#include "widgets/page.h"

class QTabWidget;

namespace haitao::models {
class AuditModel;
class UsersModel;
} // namespace haitao::models

namespace haitao::widgets {

class AuditPanel;
class UsersPanel;

// Administration for admins: staff accounts and the audit log, one tab each.
class AdminPage : public Page
{
    Q_OBJECT

public:
    explicit AdminPage(client::ApiClient *client, QWidget *parent = nullptr);

    QString title() const override;
    models::UsersModel *usersModel() const { return m_usersModel; }
    models::AuditModel *auditModel() const { return m_auditModel; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    models::UsersModel *m_usersModel;
    models::AuditModel *m_auditModel;
    QTabWidget *m_tabs;
    UsersPanel *m_usersPanel;
    AuditPanel *m_auditPanel;
};

} // namespace haitao::widgets
