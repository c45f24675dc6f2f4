#pragma once

#include "backend-client/logisticsapi.h"

#include <QDialog>

class QDialogButtonBox;
class QPlainTextEdit;

namespace haitao::widgets {

class MessageLabel;

// Resolves an alert with a note (required: what was done, for whoever looks next). Sends it
// itself; a refusal shows in place, a conflict (409: someone resolved it meanwhile) in words.
// Open with open().
class ResolveAlertDialog : public QDialog
{
    Q_OBJECT

public:
    ResolveAlertDialog(client::LogisticsApi api, const client::Alert &alert,
                       QWidget *parent = nullptr);

    QPlainTextEdit *noteEdit() const { return m_note; }
    MessageLabel *message() const { return m_message; }
    QDialogButtonBox *buttons() const { return m_buttons; }

    void accept() override;

signals:
    void resolved(qint64 alertId);

private:
    void updateOk();

    client::LogisticsApi m_api;
    qint64 m_id;
    QPlainTextEdit *m_note;
    MessageLabel *m_message;
    QDialogButtonBox *m_buttons;
    bool m_sending = false;
};

// A refused alert action in words: a conflict means someone else handled it first.
QString alertActionError(const client::ApiError &error);

} // namespace haitao::widgets
