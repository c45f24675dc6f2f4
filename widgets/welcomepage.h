#pragma once

#include "core/user.h"
#include "widgets/page.h"

class QLabel;

namespace haitao::widgets {

// The landing page for staff whose tools are not built yet.
class WelcomePage : public Page
{
    Q_OBJECT

public:
    explicit WelcomePage(const UserInfo &user, QWidget *parent = nullptr);

    QString title() const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    UserInfo m_user;
    QLabel *m_greeting;
    QLabel *m_note;
};

} // namespace haitao::widgets
