#include "widgets/userspanel.h"

#include "models/itemroles.h"
#include "models/usersmodel.h"
#include "widgets/createuserdialog.h"
#include "widgets/errortext.h"
#include "widgets/messagelabel.h"
#include "widgets/roledelegate.h"
#include "widgets/rolelabel.h"
#include "widgets/tableviews.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <chrono>

namespace haitao::widgets {

using namespace std::chrono_literals;

UsersPanel::UsersPanel(models::UsersModel *model, client::ApiClient *client, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_client(client)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_roleFilter(new QComboBox(this))
    , m_loading(new QLabel(this))
    , m_reloadButton(new QPushButton(this))
    , m_newUserButton(new QPushButton(this))
    , m_message(new MessageLabel(this))
    , m_view(new QTableView(this))
    , m_searchDelay(new QTimer(this))
{
    m_search->setObjectName(QStringLiteral("usersSearch"));
    m_roleFilter->setObjectName(QStringLiteral("usersRoleFilter"));
    m_reloadButton->setObjectName(QStringLiteral("reloadUsersButton"));
    m_newUserButton->setObjectName(QStringLiteral("newUserButton"));
    m_message->setObjectName(QStringLiteral("usersMessage"));
    m_view->setObjectName(QStringLiteral("usersView"));

    m_search->setClearButtonEnabled(true);
    m_roleFilter->addItem(QString(), QString()); // "All roles"
    for (const QString &name : allRoleNames())
        m_roleFilter->addItem(QString(), name);
    m_loading->setVisible(false);

    // Sorting (when the user clicks a header) uses raw values; until then, server order.
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(models::RawRole);
    m_view->setModel(m_proxy);
    m_view->setItemDelegateForColumn(models::UsersModel::RoleColumn, new RoleDelegate(m_view));
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    setUpTableView(m_view);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked |
                            QAbstractItemView::EditKeyPressed);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_roleFilter);
    filters->addWidget(m_loading);
    filters->addStretch();
    filters->addWidget(m_reloadButton);
    filters->addWidget(m_newUserButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(300ms);
    connect(m_searchDelay, &QTimer::timeout, this, &UsersPanel::applyFilters);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &UsersPanel::applyFilters);
    connect(m_roleFilter, &QComboBox::currentIndexChanged, this, &UsersPanel::applyFilters);
    connect(m_reloadButton, &QPushButton::clicked, this, &UsersPanel::reload);
    connect(m_newUserButton, &QPushButton::clicked, this, &UsersPanel::openCreateUserDialog);
    connect(m_model, &models::UsersModel::loadingChanged, this, &UsersPanel::setLoading);
    connect(m_model, &models::UsersModel::errorOccurred, this,
            [this](const client::ApiError &error) { m_message->showError(describeError(error)); });

    retranslateUi();
}

void UsersPanel::reload()
{
    m_message->clearMessage();
    m_model->reload();
}

void UsersPanel::applyFilters()
{
    m_searchDelay->stop();
    client::UserQuery query = m_model->query();
    query.search = m_search->text().trimmed();
    query.role = roleFromString(m_roleFilter->currentData().toString());
    m_message->clearMessage();
    m_model->setQuery(query);
}

void UsersPanel::openCreateUserDialog()
{
    auto *dialog = new CreateUserDialog(m_client, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CreateUserDialog::userCreated, this, [this](const UserInfo &user) {
        m_message->showInfo(tr("Created the account “%1”.").arg(user.username));
        m_model->reload();
    });
    dialog->open();
}

void UsersPanel::setLoading(bool loading)
{
    m_loading->setVisible(loading);
    m_reloadButton->setEnabled(!loading);
}

void UsersPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void UsersPanel::retranslateUi()
{
    m_search->setPlaceholderText(tr("Search user name or display name"));
    m_roleFilter->setItemText(0, tr("All roles"));
    for (int i = 1; i < m_roleFilter->count(); ++i)
        m_roleFilter->setItemText(i, roleLabel(m_roleFilter->itemData(i).toString()));
    m_loading->setText(tr("Loading…"));
    m_reloadButton->setText(tr("Reload"));
    m_newUserButton->setText(tr("New staff account…"));
    m_model->retranslate();
    m_view->viewport()->update(); // the role delegate's labels
}

} // namespace haitao::widgets
