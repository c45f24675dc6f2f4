#pragma once

#include "backend-client/apiclient.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace haitao::widgets {

class MessageLabel;

// Asks why listings are rejected: the translators read it on top of their work, so OK stays
// disabled until there is a reason.
class RejectDialog : public QDialog
{
    Q_OBJECT

public:
    RejectDialog(int count, QWidget *parent = nullptr);

    QString reason() const;
    QPlainTextEdit *reasonEdit() const { return m_reason; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void updateOk();

    QLabel *m_prompt;
    QPlainTextEdit *m_reason;
    QDialogButtonBox *m_buttons;
};

// Picks the translator to assign listings to, from the translators the server lists (admins
// may list users; others type the user name). An empty name unassigns.
class AssignDialog : public QDialog
{
    Q_OBJECT

public:
    AssignDialog(client::ApiClient *client, int count, QWidget *parent = nullptr);

    QString assignee() const;
    QComboBox *assigneeBox() const { return m_assignee; }

private:
    QLabel *m_prompt;
    QComboBox *m_assignee;
    MessageLabel *m_message;
    QDialogButtonBox *m_buttons;
};

} // namespace haitao::widgets
