#include "widgets/auditpanel.h"

#include "models/auditmodel.h"
#include "widgets/errortext.h"
#include "widgets/messagelabel.h"
#include "widgets/tableviews.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <chrono>

namespace haitao::widgets {

using namespace std::chrono_literals;

AuditPanel::AuditPanel(models::AuditModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_action(new QLineEdit(this))
    , m_actor(new QLineEdit(this))
    , m_actionLabel(new QLabel(this))
    , m_actorLabel(new QLabel(this))
    , m_loading(new QLabel(this))
    , m_reloadButton(new QPushButton(this))
    , m_message(new MessageLabel(this))
    , m_view(new QTableView(this))
    , m_loadMoreButton(new QPushButton(this))
    , m_filterDelay(new QTimer(this))
{
    m_action->setObjectName(QStringLiteral("auditActionFilter"));
    m_actor->setObjectName(QStringLiteral("auditActorFilter"));
    m_reloadButton->setObjectName(QStringLiteral("reloadAuditButton"));
    m_message->setObjectName(QStringLiteral("auditMessage"));
    m_view->setObjectName(QStringLiteral("auditView"));
    m_loadMoreButton->setObjectName(QStringLiteral("loadMoreButton"));

    m_action->setClearButtonEnabled(true);
    m_actor->setClearButtonEnabled(true);
    m_actionLabel->setBuddy(m_action);
    m_actorLabel->setBuddy(m_actor);
    m_loading->setVisible(false);

    // The server's order (newest first) is the only one that pages correctly: no sorting.
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    setUpTableView(m_view);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_actionLabel);
    filters->addWidget(m_action, 1);
    filters->addWidget(m_actorLabel);
    filters->addWidget(m_actor, 1);
    filters->addWidget(m_loading);
    filters->addWidget(m_reloadButton);
    auto *bottom = new QHBoxLayout;
    bottom->addStretch();
    bottom->addWidget(m_loadMoreButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);
    layout->addLayout(bottom);

    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(400ms);
    connect(m_filterDelay, &QTimer::timeout, this, &AuditPanel::applyFilters);
    for (QLineEdit *edit : {m_action, m_actor}) {
        connect(edit, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
        connect(edit, &QLineEdit::returnPressed, this, &AuditPanel::applyFilters);
    }
    connect(m_reloadButton, &QPushButton::clicked, this, &AuditPanel::reload);
    connect(m_loadMoreButton, &QPushButton::clicked, this, &AuditPanel::loadMore);
    connect(m_model, &models::AuditModel::loadingChanged, this, &AuditPanel::updateButtons);
    connect(m_model, &models::AuditModel::modelReset, this, &AuditPanel::updateButtons);
    connect(m_model, &models::AuditModel::errorOccurred, this,
            [this](const client::ApiError &error) { m_message->showError(describeError(error)); });

    updateButtons();
    retranslateUi();
}

void AuditPanel::reload()
{
    m_message->clearMessage();
    m_model->reload();
}

void AuditPanel::loadMore()
{
    m_model->fetchMore(QModelIndex());
}

void AuditPanel::applyFilters()
{
    m_filterDelay->stop();
    client::AuditQuery query = m_model->query();
    query.action = m_action->text().trimmed();
    query.actor = m_actor->text().trimmed();
    m_message->clearMessage();
    m_model->setQuery(query);
}

void AuditPanel::updateButtons()
{
    const bool loading = m_model->isLoading();
    m_loading->setVisible(loading);
    m_reloadButton->setEnabled(!loading);
    m_loadMoreButton->setEnabled(m_model->canFetchMore(QModelIndex()));
}

void AuditPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void AuditPanel::retranslateUi()
{
    m_actionLabel->setText(tr("&Action:"));
    m_actorLabel->setText(tr("A&ctor:"));
    m_action->setPlaceholderText(tr("e.g. user.created"));
    m_actor->setPlaceholderText(tr("user name"));
    m_loading->setText(tr("Loading…"));
    m_reloadButton->setText(tr("Reload"));
    m_loadMoreButton->setText(tr("Load more"));
    m_model->retranslate();
}

} // namespace haitao::widgets
