#include "widgets/productspage.h"

#include "models/itemroles.h"
#include "models/productsmodel.h"
#include "widgets/bulkactions.h"
#include "widgets/errortext.h"
#include "widgets/importdialog.h"
#include "widgets/messagelabel.h"
#include "widgets/productdelegate.h"
#include "widgets/productfilterbar.h"
#include "widgets/productlabels.h"
#include "widgets/thumbnailcache.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QPushButton>
#include <QTabBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace haitao::widgets {

using models::ProductsModel;

namespace {

constexpr int kAllTab = 0; // then one tab per status, in workflow order

std::optional<client::ProductStatus> statusOfTab(int tab)
{
    if (tab <= kAllTab || tab > client::kProductStatusCount)
        return std::nullopt;
    return client::ProductStatus(tab - 1);
}

} // namespace

ProductsPage::ProductsPage(client::ApiClient *client, const UserInfo &user, QWidget *parent)
    : Page(parent)
    , m_client(client)
    , m_api(client)
    , m_user(user)
    , m_model(new ProductsModel(m_api, this))
    , m_thumbnails(new ThumbnailCache(m_api, this))
    , m_filterBar(new ProductFilterBar(this))
    , m_tabs(new QTabBar(this))
    , m_importButton(new QPushButton(this))
    , m_reloadButton(new QPushButton(this))
    , m_message(new MessageLabel(this))
    , m_bulk(new BulkActionsBar(client, user.role, this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("productsPage"));
    m_tabs->setObjectName(QStringLiteral("statusTabs"));
    m_importButton->setObjectName(QStringLiteral("importProducts"));
    m_reloadButton->setObjectName(QStringLiteral("reloadProducts"));
    m_message->setObjectName(QStringLiteral("productsMessage"));
    m_view->setObjectName(QStringLiteral("productsView"));

    for (int tab = 0; tab <= client::kProductStatusCount; ++tab)
        m_tabs->addTab(QString());
    m_tabs->setExpanding(false);
    // Imports are for ops and admins.
    m_importButton->setVisible(canManage(user.role));

    m_view->setModel(m_model);
    m_view->setItemDelegate(new ProductDelegate(m_thumbnails, m_view));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setVisible(false);
    // Fixed heights: with a million rows, nothing may measure rows one by one.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(ThumbnailCache::kSize + 4);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionsClickable(true);
    header->setStretchLastSection(true);
    header->resizeSection(ProductsModel::ImageColumn, ThumbnailCache::kSize + 8);
    header->resizeSection(ProductsModel::TitleColumn, 280);
    header->resizeSection(ProductsModel::TitleZhColumn, 200);
    header->resizeSection(ProductsModel::SiteColumn, 120);
    header->resizeSection(ProductsModel::CategoryColumn, 140);
    header->resizeSection(ProductsModel::PriceColumn, 100);
    header->resizeSection(ProductsModel::StatusColumn, 110);
    header->resizeSection(ProductsModel::AssigneeColumn, 100);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filterBar, 1);
    top->addWidget(m_reloadButton);
    top->addWidget(m_importButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_tabs);
    layout->addWidget(m_message);
    layout->addWidget(m_bulk);
    layout->addWidget(m_view, 1);

    connect(m_filterBar, &ProductFilterBar::filterChanged, this, &ProductsPage::applyFilter);
    connect(m_tabs, &QTabBar::currentChanged, this, &ProductsPage::applyFilter);
    connect(m_reloadButton, &QPushButton::clicked, this, &ProductsPage::reload);
    connect(m_importButton, &QPushButton::clicked, this, &ProductsPage::openImportDialog);
    connect(header, &QHeaderView::sectionClicked, this, &ProductsPage::headerClicked);
    connect(m_model, &ProductsModel::countsChanged, this, &ProductsPage::updateTabs);
    connect(m_model, &ProductsModel::errorOccurred, this, [this](const client::ApiError &error) {
        m_message->showError(tr("The products could not be loaded: %1").arg(describeError(error)));
    });
    connect(m_model, &ProductsModel::firstBlockLoaded, this, [this] {
        for (int row = 0; row < std::min(m_model->rowCount(), ProductsModel::kBlockSize); ++row) {
            if (const client::ProductSummary *p = m_model->productAt(row))
                m_filterBar->addKnownSite(p->site);
        }
    });
    // Refreshed rows may hold other listings under the same selected row numbers: the bar's ids
    // follow the model, once per burst of changes.
    connect(m_model, &QAbstractItemModel::modelReset, this, &ProductsPage::queueSelectionUpdate);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ProductsPage::queueSelectionUpdate);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ProductsPage::queueSelectionUpdate);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ProductsPage::updateSelection);
    // Double-click and Enter, whatever the style says about activation (single-click
    // activation would open a listing on every selection).
    connect(m_view, &QAbstractItemView::doubleClicked, this, &ProductsPage::openRow);
    m_view->installEventFilter(this);
    connect(m_thumbnails, &ThumbnailCache::loaded, m_view->viewport(),
            qOverload<>(&QWidget::update));
    connect(m_bulk, &BulkActionsBar::finished, this,
            [this](const client::BulkResult &result, const QString &assignee) {
                m_model->applyBulkResult(result, assignee);
                // The refresh refills these row numbers, maybe with other listings: a second
                // action must not reach them through a stale selection.
                m_view->selectionModel()->clearSelection();
                m_model->refresh(); // counts, and rows that left the tab's status
            });

    retranslateUi();
}

QString ProductsPage::title() const
{
    return tr("Products");
}

void ProductsPage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    if (!m_loaded)
        reload();
}

void ProductsPage::reload()
{
    m_loaded = true;
    m_message->clearMessage();
    applyFilter();
}

void ProductsPage::applyFilter()
{
    client::ProductFilter f;
    f.search = m_filterBar->search();
    f.site = m_filterBar->site();
    f.category = m_filterBar->category();
    f.assignee = m_filterBar->onlyMine() ? QStringLiteral("me") : QString();
    f.status = statusOfTab(m_tabs->currentIndex());
    f.sort = m_model->filter().sort;
    if (!m_loaded)
        return; // the first show loads
    m_message->clearMessage();
    m_model->setFilter(f);
}

void ProductsPage::headerClicked(int section)
{
    // The server sorts by title or by last change; clicking the sorted column again (or any
    // other) goes back to newest first.
    m_model->sort(section == m_model->sortColumn() ? -1 : section);
    syncSortIndicator();
}

void ProductsPage::syncSortIndicator()
{
    QHeaderView *header = m_view->horizontalHeader();
    const int column = m_model->sortColumn();
    header->setSortIndicatorShown(column >= 0);
    if (column >= 0)
        header->setSortIndicator(column, m_model->sortOrder());
}

void ProductsPage::updateTabs()
{
    const bool known = m_model->countsKnown();
    const client::StatusCounts &counts = m_model->counts();
    m_tabs->setTabText(kAllTab, known ? tr("All (%L1)").arg(counts.total) : tr("All"));
    for (int tab = 1; tab <= client::kProductStatusCount; ++tab) {
        const QString label = productStatusLabel(*statusOfTab(tab));
        m_tabs->setTabText(
            tab, known ? tr("%1 (%L2)").arg(label).arg(counts.count(*statusOfTab(tab))) : label);
    }
}

void ProductsPage::queueSelectionUpdate()
{
    if (m_selectionUpdateQueued)
        return;
    m_selectionUpdateQueued = true;
    QTimer::singleShot(0, this, &ProductsPage::updateSelection);
}

void ProductsPage::updateSelection()
{
    m_selectionUpdateQueued = false;
    // Walks the selection's ranges, not its rows one by one: "select all" over a million rows
    // must not build a million indexes.
    QList<BulkActionsBar::Selected> selected;
    int notLoaded = 0;
    const QItemSelection selection = m_view->selectionModel()->selection();
    for (const QItemSelectionRange &range : selection) {
        for (int row = range.top(); row <= range.bottom(); ++row) {
            if (selected.size() > client::kMaxBulkIds) {
                notLoaded += range.bottom() - row + 1;
                break;
            }
            if (const client::ProductSummary *p = m_model->productAt(row))
                selected.append({p->id, p->title});
            else
                ++notLoaded;
        }
    }
    m_bulk->setSelection(selected, notLoaded);
}

void ProductsPage::openRow(const QModelIndex &index)
{
    if (const client::ProductSummary *p = m_model->productAt(index.row()))
        emit openListingRequested(p->id);
}

bool ProductsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && m_view->currentIndex().isValid()) {
            openRow(m_view->currentIndex());
            return true;
        }
    }
    return Page::eventFilter(watched, event);
}

void ProductsPage::openImportDialog()
{
    if (!m_importDialog) {
        m_importDialog = new ImportDialog(m_api, this);
        connect(m_importDialog, &ImportDialog::imported, m_model, &ProductsModel::refresh);
    }
    m_importDialog->open();
    m_importDialog->raise();
}

void ProductsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    Page::changeEvent(event);
}

void ProductsPage::retranslateUi()
{
    m_importButton->setText(tr("&Import…"));
    m_reloadButton->setText(tr("Re&load"));
    m_model->retranslate();
    updateTabs();
}

} // namespace haitao::widgets
