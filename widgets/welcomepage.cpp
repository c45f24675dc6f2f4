#include "widgets/welcomepage.h"

#include "widgets/rolelabel.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace haitao::widgets {

WelcomePage::WelcomePage(const UserInfo &user, QWidget *parent)
    : Page(parent)
    , m_user(user)
    , m_greeting(new QLabel(this))
    , m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("welcomePage"));
    m_greeting->setObjectName(QStringLiteral("greeting"));
    QFont font = m_greeting->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    m_greeting->setFont(font);
    m_note->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_greeting);
    layout->addWidget(m_note);
    layout->addStretch();
    retranslateUi();
}

QString WelcomePage::title() const
{
    return tr("Welcome");
}

void WelcomePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    Page::changeEvent(event);
}

void WelcomePage::retranslateUi()
{
    const QString name = m_user.displayName.isEmpty() ? m_user.username : m_user.displayName;
    m_greeting->setText(tr("Welcome, %1.").arg(name));
    m_note->setText(tr("You are signed in as %1. The tools for your work will appear in the list "
                       "on the left.")
                        .arg(roleLabel(m_user.role)));
}

} // namespace haitao::widgets
