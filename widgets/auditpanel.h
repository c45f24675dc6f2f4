#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace haitao::models {
class AuditModel;
}

namespace haitao::widgets {

class MessageLabel;

// The "Audit log" tab: newest entries first, filtered by action and actor, more on demand.
class AuditPanel : public QWidget
{
    Q_OBJECT

public:
    explicit AuditPanel(models::AuditModel *model, QWidget *parent = nullptr);

public slots:
    void reload();
    void loadMore();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void applyFilters();
    void updateButtons();

    models::AuditModel *m_model;
    QLineEdit *m_action;
    QLineEdit *m_actor;
    QLabel *m_actionLabel;
    QLabel *m_actorLabel;
    QLabel *m_loading;
    QPushButton *m_reloadButton;
    MessageLabel *m_message;
    QTableView *m_view;
    QPushButton *m_loadMoreButton;
    QTimer *m_filterDelay; // typing waits for a pause before asking the server
};

} // namespace haitao::widgets
