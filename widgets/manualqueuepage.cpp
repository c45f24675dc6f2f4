#include "widgets/manualqueuepage.h"

#include "models/itemroles.h"
#include "models/orderlabels.h"
#include "models/orderlinesmodel.h"
#include "models/placementqueuemodel.h"
#include "widgets/errortext.h"
#include "widgets/manualplacementdialog.h"
#include "widgets/manualqueuecanceldialog.h"
#include "widgets/messagelabel.h"
#include "widgets/placementdelegates.h"
#include "widgets/tableviews.h"
#include "widgets/visiblerefresh.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QEvent>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

namespace haitao::widgets {

using models::PlacementQueueModel;

namespace {

// A refused action in words for the person who tried it: a conflict usually means someone
// else claimed or moved the sub-order first.
QString actionError(const client::ApiError &error)
{
    if (error.kind == ProblemKind::Conflict) {
        return QCoreApplication::translate("haitao::widgets::ManualQueuePage",
                                           "Someone else got there first: %1")
            .arg(error.message());
    }
    return describeError(error);
}

} // namespace

ManualQueuePage::ManualQueuePage(client::ApiClient *client, const UserInfo &user, QWidget *parent)
    : Page(parent)
    , m_api(client)
    , m_user(user)
    , m_model(new PlacementQueueModel(m_api, this))
    , m_lines(new models::OrderLinesModel(this))
    , m_counts(new QLabel(this))
    , m_stuck(new QLabel(this))
    , m_status(new QComboBox(this))
    , m_site(new QLineEdit(this))
    , m_reloadButton(new QPushButton(this))
    , m_message(new MessageLabel(this))
    , m_view(new QTableView(this))
    , m_linesView(new QTableView(this))
    , m_claim(new QPushButton(this))
    , m_release(new QPushButton(this))
    , m_openSource(new QPushButton(this))
    , m_place(new QPushButton(this))
    , m_retry(new QPushButton(this))
    , m_cancel(new QPushButton(this))
    , m_refresh(new VisibleRefresh(this, kCountsRefreshMs))
{
    setObjectName(QStringLiteral("manualQueuePage"));
    m_counts->setObjectName(QStringLiteral("queueCounts"));
    m_stuck->setObjectName(QStringLiteral("queueStuck"));
    m_status->setObjectName(QStringLiteral("queueStatusFilter"));
    m_site->setObjectName(QStringLiteral("queueSiteFilter"));
    m_reloadButton->setObjectName(QStringLiteral("reloadQueue"));
    m_message->setObjectName(QStringLiteral("queueMessage"));
    m_view->setObjectName(QStringLiteral("queueView"));
    m_linesView->setObjectName(QStringLiteral("queueLinesView"));
    m_claim->setObjectName(QStringLiteral("claimSubOrder"));
    m_release->setObjectName(QStringLiteral("releaseSubOrder"));
    m_openSource->setObjectName(QStringLiteral("openSourcePage"));
    m_place->setObjectName(QStringLiteral("placeManually"));
    m_retry->setObjectName(QStringLiteral("retryAutomatic"));
    m_cancel->setObjectName(QStringLiteral("cancelSubOrder"));

    // The queue is needs_manual; the other statuses are there to look at what is in flight.
    for (client::SubOrderStatus s :
         {client::SubOrderStatus::NeedsManual, client::SubOrderStatus::AwaitingPlacement,
          client::SubOrderStatus::Placing})
        m_status->addItem(QString(), int(s));
    m_site->setClearButtonEnabled(true);
    m_counts->setTextFormat(Qt::PlainText);
    m_stuck->setTextFormat(Qt::PlainText);

    m_view->setModel(m_model);
    setUpTableView(m_view);
    m_view->setItemDelegate(new PlacementQueueDelegate(m_view));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_linesView->setModel(m_lines);
    setUpTableView(m_linesView);
    m_linesView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_linesView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_linesView->hideColumn(models::OrderLinesModel::SubOrderColumn);
    m_linesView->hideColumn(models::OrderLinesModel::StatusColumn);

    auto *top = new QHBoxLayout;
    top->addWidget(m_counts, 1);
    top->addWidget(m_stuck);
    top->addWidget(m_status);
    top->addWidget(m_site);
    top->addWidget(m_reloadButton);
    auto *actions = new QHBoxLayout;
    for (QPushButton *b : {m_claim, m_release, m_openSource, m_place, m_retry, m_cancel})
        actions->addWidget(b);
    actions->addStretch(1);
    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addLayout(actions);
    lowerLayout->addWidget(m_linesView, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_refresh, &VisibleRefresh::shown, this, [this] {
        if (!m_loaded)
            reload();
        else
            refreshCounts();
    });
    connect(m_refresh, &VisibleRefresh::tick, this, [this] {
        refreshCounts();
        m_model->refreshAges();
    });
    connect(m_status, &QComboBox::currentIndexChanged, this, &ManualQueuePage::applyFilter);
    connect(m_site, &QLineEdit::editingFinished, this, &ManualQueuePage::applyFilter);
    connect(m_reloadButton, &QPushButton::clicked, this, &ManualQueuePage::reload);
    connect(m_claim, &QPushButton::clicked, this, &ManualQueuePage::claim);
    connect(m_release, &QPushButton::clicked, this, &ManualQueuePage::release);
    connect(m_openSource, &QPushButton::clicked, this, &ManualQueuePage::openSourcePage);
    connect(m_place, &QPushButton::clicked, this, &ManualQueuePage::openPlacementDialog);
    connect(m_retry, &QPushButton::clicked, this, &ManualQueuePage::retryAutomatic);
    connect(m_cancel, &QPushButton::clicked, this, &ManualQueuePage::openCancelDialog);
    connect(
        m_model, &PlacementQueueModel::errorOccurred, this, [this](const client::ApiError &error) {
            m_message->showError(tr("The queue could not be loaded: %1").arg(describeError(error)));
        });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ManualQueuePage::updateSelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ManualQueuePage::updateSelection);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ManualQueuePage::updateSelection);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ManualQueuePage::updateSelection);

    retranslateUi();
    updateSelection();
}

QTimer *ManualQueuePage::countsTimer() const
{
    return m_refresh->timer();
}

QString ManualQueuePage::title() const
{
    return tr("Manual queue");
}

void ManualQueuePage::reload()
{
    m_loaded = true;
    m_message->clearMessage();
    client::PlacementQuery q;
    q.status = client::SubOrderStatus(m_status->currentData().toInt());
    q.site = m_site->text().trimmed();
    m_model->setQuery(q);
    refreshCounts();
}

void ManualQueuePage::applyFilter()
{
    if (!m_loaded)
        return;
    const client::PlacementQuery current = m_model->query();
    if (current.status && int(*current.status) == m_status->currentData().toInt() &&
        current.site == m_site->text().trimmed())
        return; // editingFinished again on focus out
    reload();
}

void ManualQueuePage::refreshCounts()
{
    const quint64 request = ++m_countsRequest;
    m_api.placementCounts(this, [this, request](const client::Result<client::PlacementCounts> &r) {
        if (request != m_countsRequest)
            return;
        if (!r.ok()) {
            m_counts->setText(tr("Counts unavailable: %1").arg(describeError(r.error())));
            return;
        }
        m_countsValue = r.value();
        updateCounts();
        emit countsLoaded();
    });
}

void ManualQueuePage::updateCounts()
{
    if (!m_countsValue) {
        m_counts->setText(tr("Loading counts…"));
        m_stuck->clear();
        m_stuck->setStyleSheet(QString());
        return;
    }
    const client::PlacementCounts &c = *m_countsValue;
    QString text = tr("Needs manual: %L1 · Awaiting placement: %L2 · Placing: %L3 · "
                      "Placed: %L4 · Placed manually: %L5 · Cancelled: %L6")
                       .arg(c.needsManual)
                       .arg(c.awaitingPlacement)
                       .arg(c.placing)
                       .arg(c.placed)
                       .arg(c.placedManually)
                       .arg(c.cancelled);
    if (c.oldestNeedsManualAt.isValid()) {
        const qint64 age =
            qMax<qint64>(0, c.oldestNeedsManualAt.secsTo(QDateTime::currentDateTimeUtc()));
        text += tr(" · oldest waiting %1").arg(ageText(age));
    }
    m_counts->setText(text);
    m_stuck->setText(tr("Stuck: %L1").arg(c.stuck));
    // Stuck sub-orders are paid and going nowhere: they must not blend in.
    m_stuck->setStyleSheet(c.stuck > 0
                               ? QStringLiteral("QLabel { color: #8a1c1c; background: "
                                                "#fdecea; font-weight: bold; padding: 2px; }")
                               : QString());
}

const client::PlacementItem *ManualQueuePage::selectedItem() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || current.row() >= m_model->rowCount())
        return nullptr;
    return &m_model->itemAt(current.row());
}

void ManualQueuePage::updateSelection()
{
    const client::PlacementItem *item = selectedItem();
    if (item)
        m_lines->setPlacement(*item);
    else
        m_lines->clear();
    const bool needsManual = item && item->status == client::SubOrderStatus::NeedsManual;
    const bool mine = item && item->claimedBy == m_user.username;
    const bool free = item && item->claimedBy.isEmpty();
    // Claim stays possible on someone else's claim: the server says who holds it.
    m_claim->setEnabled(!m_busy && needsManual && !mine);
    m_release->setEnabled(!m_busy && item && mine);
    m_place->setEnabled(!m_busy && needsManual && mine);
    m_retry->setEnabled(!m_busy && needsManual && (mine || free));
    m_cancel->setEnabled(!m_busy && needsManual && (mine || free));
    bool anyUrl = false;
    if (item) {
        for (const client::OrderLine &l : item->lines)
            anyUrl = anyUrl || !l.sourceUrl.isEmpty();
    }
    m_openSource->setEnabled(anyUrl);
}

void ManualQueuePage::applyAnswer(const client::Result<client::PlacementItem> &result,
                                  const QString &done)
{
    m_busy = false;
    if (!result.ok()) {
        m_message->showError(actionError(result.error()));
        updateSelection();
        emit actionFinished(false);
        return;
    }
    itemChanged(result.value(), done);
    emit actionFinished(true);
}

void ManualQueuePage::itemChanged(const client::PlacementItem &item, const QString &done)
{
    m_model->updateItem(item);
    m_message->showInfo(done);
    updateSelection();
    refreshCounts();
}

void ManualQueuePage::act(ItemAction action, const QString &done)
{
    const client::PlacementItem *item = selectedItem();
    if (!item || m_busy)
        return;
    m_busy = true;
    updateSelection();
    const qint64 id = item->id;
    (m_api.*action)(id, this,
                    [this, done = done.arg(id)](const client::Result<client::PlacementItem> &r) {
                        applyAnswer(r, done);
                    });
}

void ManualQueuePage::claim()
{
    act(&client::OrdersApi::claim, tr("You hold sub-order %1 now."));
}

void ManualQueuePage::release()
{
    act(&client::OrdersApi::release, tr("Sub-order %1 released."));
}

void ManualQueuePage::retryAutomatic()
{
    act(&client::OrdersApi::retryAutomatic, tr("Sub-order %1 goes back to automatic placement."));
}

void ManualQueuePage::openSourcePage()
{
    const client::PlacementItem *item = selectedItem();
    if (!item)
        return;
    // The selected line's page, else the first line that has one.
    QString url;
    const QModelIndex line = m_linesView->currentIndex();
    if (line.isValid())
        url = line.data(models::OrderLinesModel::SourceUrlRole).toString();
    for (int i = 0; url.isEmpty() && i < item->lines.size(); ++i)
        url = item->lines.at(i).sourceUrl;
    if (url.isEmpty() || !QDesktopServices::openUrl(QUrl(url)))
        m_message->showError(tr("The product page could not be opened: %1").arg(url));
}

void ManualQueuePage::openPlacementDialog()
{
    const client::PlacementItem *item = selectedItem();
    if (!item)
        return;
    delete m_placementDialog;
    m_placementDialog = new ManualPlacementDialog(m_api, *item, this);
    connect(m_placementDialog, &ManualPlacementDialog::placed, this,
            [this](const client::PlacementItem &placed) {
                itemChanged(placed, tr("Sub-order %1 placed by hand as %2.")
                                        .arg(placed.id)
                                        .arg(placed.merchantOrderId));
            });
    m_placementDialog->open();
}

void ManualQueuePage::openCancelDialog()
{
    const client::PlacementItem *item = selectedItem();
    if (!item)
        return;
    delete m_cancelDialog;
    m_cancelDialog = new ManualQueueCancelDialog(m_api, *item, this);
    connect(m_cancelDialog, &ManualQueueCancelDialog::cancelled, this,
            [this](const client::PlacementItem &cancelled) {
                itemChanged(cancelled,
                            tr("Sub-order %1 cancelled; its share is refunded.").arg(cancelled.id));
            });
    m_cancelDialog->open();
}

void ManualQueuePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    Page::changeEvent(event);
}

void ManualQueuePage::retranslateUi()
{
    for (int i = 0; i < m_status->count(); ++i)
        m_status->setItemText(
            i, models::subOrderStatusLabel(client::SubOrderStatus(m_status->itemData(i).toInt())));
    m_site->setPlaceholderText(tr("Site"));
    m_reloadButton->setText(tr("Re&load"));
    m_claim->setText(tr("&Claim"));
    m_release->setText(tr("&Release"));
    m_openSource->setText(tr("Open &source page"));
    m_place->setText(tr("Placed by &hand…"));
    m_retry->setText(tr("Retry &automatic"));
    m_cancel->setText(tr("Cancel with re&fund…"));
    m_model->retranslate();
    m_lines->retranslate();
    updateCounts();
}

} // namespace haitao::widgets
