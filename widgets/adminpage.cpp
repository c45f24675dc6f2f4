#include "widgets/adminpage.h"

#include "models/auditmodel.h"
#include "models/usersmodel.h"
#include "widgets/auditpanel.h"
#include "widgets/userspanel.h"

#include <QEvent>
#include <QTabWidget>
#include <QVBoxLayout>

namespace haitao::widgets {

AdminPage::AdminPage(client::ApiClient *client, QWidget *parent)
    : Page(parent)
    , m_usersModel(new models::UsersModel(client, this))
    , m_auditModel(new models::AuditModel(client, this))
    , m_tabs(new QTabWidget(this))
    , m_usersPanel(new UsersPanel(m_usersModel, client, this))
    , m_auditPanel(new AuditPanel(m_auditModel, this))
{
    setObjectName(QStringLiteral("adminPage"));
    m_tabs->setObjectName(QStringLiteral("adminTabs"));
    m_tabs->addTab(m_usersPanel, QString());
    m_tabs->addTab(m_auditPanel, QString());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    // The log grows while the admin works: show it fresh each time its tab is opened.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_auditPanel)
            m_auditPanel->reload();
    });

    retranslateUi();
    m_usersModel->reload();
}

QString AdminPage::title() const
{
    return tr("Administration");
}

void AdminPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    Page::changeEvent(event);
}

void AdminPage::retranslateUi()
{
    m_tabs->setTabText(m_tabs->indexOf(m_usersPanel), tr("Users"));
    m_tabs->setTabText(m_tabs->indexOf(m_auditPanel), tr("Audit log"));
}

} // namespace haitao::widgets
