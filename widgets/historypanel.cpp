#include "widgets/historypanel.h"

#include "models/auditmodel.h"
#include "models/itemroles.h"
#include "models/rulesetversionsmodel.h"
#include "widgets/errortext.h"
#include "widgets/messagelabel.h"
#include "widgets/tableviews.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace haitao::widgets {

HistoryPanel::HistoryPanel(client::PricingApi api, models::RuleSetVersionsModel *versions,
                           models::AuditModel *audit, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_versions(versions)
    , m_audit(audit)
    , m_versionsLabel(new QLabel(this))
    , m_auditLabel(new QLabel(this))
    , m_reloadButton(new QPushButton(this))
    , m_loadMoreButton(new QPushButton(this))
    , m_message(new MessageLabel(this))
    , m_versionsView(new QTableView(this))
    , m_auditView(new QTableView(this))
{
    m_reloadButton->setObjectName(QStringLiteral("reloadHistoryButton"));
    m_loadMoreButton->setObjectName(QStringLiteral("loadMorePricingAuditButton"));
    m_message->setObjectName(QStringLiteral("historyMessage"));
    m_versionsView->setObjectName(QStringLiteral("versionsView"));
    m_auditView->setObjectName(QStringLiteral("pricingAuditView"));

    for (QTableView *view : {m_versionsView, m_auditView})
        view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_versionsView->setModel(m_versions);
    setUpTableView(m_versionsView);
    m_auditView->setModel(m_audit);
    setUpTableView(m_auditView);
    connect(m_versions, &QAbstractItemModel::modelReset, m_versionsView,
            [this] { m_versionsView->resizeColumnsToContents(); });
    connect(m_versionsView, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        showVersion(index.data(models::IdRole).toLongLong());
    });

    auto *top = new QHBoxLayout;
    top->addWidget(m_versionsLabel, 1);
    top->addWidget(m_reloadButton);
    auto *versionsBox = new QWidget(this);
    auto *versionsLayout = new QVBoxLayout(versionsBox);
    versionsLayout->setContentsMargins(0, 0, 0, 0);
    versionsLayout->addLayout(top);
    versionsLayout->addWidget(m_versionsView);
    auto *auditBox = new QWidget(this);
    auto *auditLayout = new QVBoxLayout(auditBox);
    auditLayout->setContentsMargins(0, 0, 0, 0);
    auto *auditTop = new QHBoxLayout;
    auditTop->addWidget(m_auditLabel, 1);
    auditTop->addWidget(m_loadMoreButton);
    auditLayout->addLayout(auditTop);
    auditLayout->addWidget(m_auditView);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(versionsBox);
    splitter->addWidget(auditBox);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_reloadButton, &QPushButton::clicked, this, &HistoryPanel::reload);
    connect(m_loadMoreButton, &QPushButton::clicked, this,
            [this] { m_audit->fetchMore(QModelIndex()); });
    connect(m_audit, &models::AuditModel::loadingChanged, this, &HistoryPanel::updateButtons);
    connect(m_versions, &models::RuleSetVersionsModel::loadingChanged, this,
            &HistoryPanel::updateButtons);
    connect(m_audit, &models::AuditModel::errorOccurred, this,
            [this](const client::ApiError &e) { m_message->showError(describeError(e)); });
    connect(m_versions, &models::RuleSetVersionsModel::errorOccurred, this,
            [this](const client::ApiError &e) { m_message->showError(describeError(e)); });
    updateButtons();
    retranslateUi();
}

void HistoryPanel::reload()
{
    m_message->clearMessage();
    m_versions->reload();
    m_audit->reload();
}

void HistoryPanel::showVersion(qint64 version)
{
    if (version <= 0)
        return;
    m_api.ruleSet(version, this, [this](const client::Result<client::RuleSetVersion> &r) {
        if (!r.ok()) {
            m_message->showError(describeError(r.error()));
            return;
        }
        auto *dialog = new QDialog(this);
        dialog->setObjectName(QStringLiteral("versionDialog"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(tr("Rule set version %1").arg(r.value().version));
        auto *text = new QPlainTextEdit(dialog);
        text->setReadOnly(true);
        text->setPlainText(QString::fromUtf8(QJsonDocument(r.value().document).toJson()));
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
        connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
        auto *layout = new QVBoxLayout(dialog);
        layout->addWidget(text);
        layout->addWidget(buttons);
        dialog->resize(700, 600);
        dialog->show();
    });
}

void HistoryPanel::updateButtons()
{
    const bool loading = m_audit->isLoading() || m_versions->isLoading();
    m_reloadButton->setEnabled(!loading);
    m_loadMoreButton->setEnabled(m_audit->canFetchMore(QModelIndex()));
}

void HistoryPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void HistoryPanel::retranslateUi()
{
    m_versionsLabel->setText(tr("Published versions (double-click to see the rules)"));
    m_auditLabel->setText(tr("Pricing audit trail"));
    m_reloadButton->setText(tr("Reload"));
    m_loadMoreButton->setText(tr("Load more"));
    m_versions->retranslate();
    m_audit->retranslate();
}

} // namespace haitao::widgets
