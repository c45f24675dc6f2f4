#pragma once

#include "backend-client/apiclient.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace haitao::models {
class UsersModel;
}

namespace haitao::widgets {

class MessageLabel;

// The "Users" tab: search and role filter, the accounts table (role edited in place through a
// combo box, accounts disabled through the check box column) and "New staff account…".
class UsersPanel : public QWidget
{
    Q_OBJECT

public:
    UsersPanel(models::UsersModel *model, client::ApiClient *client, QWidget *parent = nullptr);

public slots:
    void reload();
    void openCreateUserDialog();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void applyFilters();
    void setLoading(bool loading);

    models::UsersModel *m_model;
    client::ApiClient *m_client;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_search;
    QComboBox *m_roleFilter;
    QLabel *m_loading;
    QPushButton *m_reloadButton;
    QPushButton *m_newUserButton;
    MessageLabel *m_message;
    QTableView *m_view;
    QTimer *m_searchDelay; // typing waits for a pause before asking the server
};

} // namespace haitao::widgets
