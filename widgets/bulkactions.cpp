#include "widgets/bulkactions.h"

#include "widgets/bulkdialogs.h"
#include "widgets/errortext.h"
#include "widgets/messagelabel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHash>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace haitao::widgets {

using client::BulkAction;
using client::ProductStatus;

BulkActionsBar::BulkActionsBar(client::ApiClient *client, Role role, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_api(client)
    , m_translate(new QPushButton(this))
    , m_submit(new QPushButton(this))
    , m_approve(new QPushButton(this))
    , m_reject(new QPushButton(this))
    , m_unpublish(new QPushButton(this))
    , m_assign(new QPushButton(this))
    , m_message(new MessageLabel(this))
    , m_failures(new QListWidget(this))
{
    m_translate->setObjectName(QStringLiteral("bulkTranslate"));
    m_submit->setObjectName(QStringLiteral("bulkSubmit"));
    m_approve->setObjectName(QStringLiteral("bulkApprove"));
    m_reject->setObjectName(QStringLiteral("bulkReject"));
    m_unpublish->setObjectName(QStringLiteral("bulkUnpublish"));
    m_assign->setObjectName(QStringLiteral("bulkAssign"));
    m_message->setObjectName(QStringLiteral("bulkMessage"));
    m_failures->setObjectName(QStringLiteral("bulkFailures"));
    m_failures->setVisible(false);
    m_failures->setMaximumHeight(110);

    // Review decisions and assignments are for ops and admins; the server checks each item.
    const bool reviewer = canManage(role);
    m_approve->setVisible(reviewer);
    m_reject->setVisible(reviewer);
    m_unpublish->setVisible(reviewer);
    m_assign->setVisible(reviewer);

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    for (QPushButton *b : {m_translate, m_submit, m_approve, m_reject, m_unpublish, m_assign})
        buttons->addWidget(b);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(m_failures);

    connect(m_translate, &QPushButton::clicked, this,
            [this] { transition(ProductStatus::InTranslation); });
    connect(m_submit, &QPushButton::clicked, this, [this] { transition(ProductStatus::InReview); });
    connect(m_approve, &QPushButton::clicked, this,
            [this] { transition(ProductStatus::Published); });
    connect(m_unpublish, &QPushButton::clicked, this,
            [this] { transition(ProductStatus::Unpublished); });
    connect(m_reject, &QPushButton::clicked, this, &BulkActionsBar::askReject);
    connect(m_assign, &QPushButton::clicked, this, &BulkActionsBar::askAssign);

    retranslateUi();
    updateButtons();
}

void BulkActionsBar::setSelection(const QList<Selected> &selected, int notLoaded)
{
    m_selected = selected;
    m_notLoaded = notLoaded;
    updateButtons();
}

void BulkActionsBar::updateButtons()
{
    const bool can = !m_busy && !m_selected.isEmpty();
    for (QPushButton *b : {m_translate, m_submit, m_approve, m_reject, m_unpublish, m_assign})
        b->setEnabled(can);
}

void BulkActionsBar::transition(ProductStatus to)
{
    BulkAction action;
    action.kind = BulkAction::Kind::Transition;
    action.to = to;
    run(action);
}

void BulkActionsBar::askReject()
{
    auto *dialog = new RejectDialog(int(m_selected.size()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        BulkAction action;
        action.kind = BulkAction::Kind::Transition;
        action.to = ProductStatus::InTranslation;
        action.comment = dialog->reason();
        run(action);
    });
    dialog->open();
}

void BulkActionsBar::askAssign()
{
    auto *dialog = new AssignDialog(m_client, int(m_selected.size()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        BulkAction action;
        action.kind = BulkAction::Kind::Assign;
        action.assignee = dialog->assignee();
        run(action);
    });
    dialog->open();
}

void BulkActionsBar::run(BulkAction action)
{
    if (m_busy || m_selected.isEmpty())
        return;
    if (m_selected.size() > client::kMaxBulkIds) {
        m_message->showError(
            tr("Select at most %1 listings for one action.").arg(client::kMaxBulkIds));
        return;
    }
    action.ids.clear();
    for (const Selected &s : m_selected)
        action.ids.append(s.id);
    m_busy = true;
    updateButtons();
    m_failures->clear();
    m_failures->setVisible(false);
    m_message->showInfo(tr("%1: working on %n listing(s)…", nullptr, int(action.ids.size()))
                            .arg(actionName(action)));
    // The titles and count as they were when the action started: the selection may change.
    m_api.bulk(
        action, this,
        [this, action, selected = m_selected,
         notLoaded = m_notLoaded](const client::Result<client::BulkResult> &result) {
            m_busy = false;
            updateButtons();
            if (!result.ok()) {
                m_message->showError(
                    tr("%1 failed: %2").arg(actionName(action), describeError(result.error())));
                return;
            }
            showResult(action, result.value(), selected, notLoaded);
            emit finished(result.value(),
                          action.kind == BulkAction::Kind::Assign
                              ? (action.assignee.isNull() ? QStringLiteral("") : action.assignee)
                              : QString());
        });
}

void BulkActionsBar::showResult(const BulkAction &action, const client::BulkResult &result,
                                const QList<Selected> &selected, int notLoaded)
{
    QHash<qint64, QString> titles;
    for (const Selected &s : selected)
        titles.insert(s.id, s.title);
    const int failed = result.failed();
    const int done = int(result.results.size()) - failed;
    QString text = tr("%1: %n listing(s) done", nullptr, done).arg(actionName(action));
    if (failed > 0)
        text += tr(", %n failed (listed below).", nullptr, failed);
    else
        text += QLatin1Char('.');
    if (notLoaded > 0)
        text += QLatin1Char(' ') +
                tr("%n selected row(s) were still loading and were left out.", nullptr, notLoaded);
    if (failed > 0)
        m_message->showError(text);
    else
        m_message->showInfo(text);

    for (const client::BulkItemResult &r : result.results) {
        if (r.ok)
            continue;
        const QString title = titles.value(r.id);
        auto *item = new QListWidgetItem(
            tr("#%1 %2: %3").arg(r.id).arg(title, describeError(r.problem)), m_failures);
        item->setData(Qt::UserRole, r.id);
    }
    m_failures->setVisible(failed > 0);
}

QString BulkActionsBar::actionName(const BulkAction &action) const
{
    if (action.kind == BulkAction::Kind::Assign)
        return action.assignee.isEmpty() ? tr("Unassign") : tr("Assign to %1").arg(action.assignee);
    switch (action.to) {
    case ProductStatus::InTranslation:
        return action.comment.isEmpty() ? tr("Send to translation") : tr("Reject");
    case ProductStatus::InReview:
        return tr("Submit for review");
    case ProductStatus::Published:
        return tr("Approve");
    case ProductStatus::Unpublished:
        return tr("Unpublish");
    case ProductStatus::Imported:
        break;
    }
    return {};
}

void BulkActionsBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void BulkActionsBar::retranslateUi()
{
    m_translate->setText(tr("Send to &translation"));
    m_submit->setText(tr("Submit for re&view"));
    m_approve->setText(tr("A&pprove"));
    m_reject->setText(tr("&Reject…"));
    m_unpublish->setText(tr("&Unpublish"));
    m_assign->setText(tr("Assi&gn…"));
}

} // namespace haitao::widgets
