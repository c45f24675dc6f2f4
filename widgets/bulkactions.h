#pragma once

#include "backend-client/catalogapi.h"
#include "core/role.h"

#include <QWidget>

class QListWidget;
class QPushButton;

namespace haitao::widgets {

class MessageLabel;

// The actions on the selected listings: send to translation, submit for review, approve,
// reject (with a reason), unpublish, assign to a translator. Each runs as one bulk call;
// the outcome is shown here, with every listing that failed named and why.
class BulkActionsBar : public QWidget
{
    Q_OBJECT

public:
    struct Selected
    {
        qint64 id = 0;
        QString title;
    };

    BulkActionsBar(client::ApiClient *client, Role role, QWidget *parent = nullptr);

    void setSelection(const QList<Selected> &selected, int notLoaded);
    bool isBusy() const { return m_busy; }
    int selectedCount() const { return int(m_selected.size()); }

    QPushButton *translateButton() const { return m_translate; }
    QPushButton *submitButton() const { return m_submit; }
    QPushButton *approveButton() const { return m_approve; }
    QPushButton *rejectButton() const { return m_reject; }
    QPushButton *assignButton() const { return m_assign; }
    MessageLabel *message() const { return m_message; }
    QListWidget *failures() const { return m_failures; }

    // Runs `action` on the current selection (the buttons call this; so can tests).
    void run(client::BulkAction action);

signals:
    // After each bulk call that reached the server; `assignee` is null for transitions.
    void finished(const haitao::client::BulkResult &result, const QString &assignee);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateButtons();
    void transition(client::ProductStatus to);
    void askReject();
    void askAssign();
    void showResult(const client::BulkAction &action, const client::BulkResult &result,
                    const QList<Selected> &selected, int notLoaded);
    QString actionName(const client::BulkAction &action) const;

    client::ApiClient *m_client;
    client::CatalogApi m_api;
    QList<Selected> m_selected;
    int m_notLoaded = 0;
    bool m_busy = false;
    QPushButton *m_translate;
    QPushButton *m_submit;
    QPushButton *m_approve;
    QPushButton *m_reject;
    QPushButton *m_unpublish;
    QPushButton *m_assign;
    MessageLabel *m_message;
    QListWidget *m_failures;
};

} // namespace haitao::widgets
