#pragma once

#include "backend-client/catalogapi.h"
#include "core/user.h"
#include "widgets/page.h"

class QPushButton;
class QTabBar;
class QTableView;

namespace haitao::models {
class ProductsModel;
} // namespace haitao::models

namespace haitao::widgets {

class BulkActionsBar;
class ImportDialog;
class MessageLabel;
class ProductFilterBar;
class ThumbnailCache;

// The catalog for staff: every listing in one table over a lazily loaded model (rows fetched
// as they scroll into view), searched and filtered on the server, with tabs per status and
// their counts, sorting by title or last change, bulk workflow actions and imports. Opening a
// row (double-click or Enter) asks for its listing editor.
class ProductsPage : public Page
{
    Q_OBJECT

public:
    ProductsPage(client::ApiClient *client, const UserInfo &user, QWidget *parent = nullptr);

    QString title() const override;

    models::ProductsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    ProductFilterBar *filterBar() const { return m_filterBar; }
    QTabBar *statusTabs() const { return m_tabs; }
    BulkActionsBar *bulkBar() const { return m_bulk; }
    MessageLabel *message() const { return m_message; }
    ThumbnailCache *thumbnails() const { return m_thumbnails; }
    QPushButton *importButton() const { return m_importButton; }
    ImportDialog *importDialog() const { return m_importDialog; }

    // Loads with the current filters (the first show does this too).
    void reload();
    void openImportDialog();

signals:
    void openListingRequested(qint64 productId);

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void applyFilter();
    void updateTabs();
    void updateSelection();
    void queueSelectionUpdate();
    void headerClicked(int section);
    void openRow(const QModelIndex &index);
    void syncSortIndicator();

    client::ApiClient *m_client;
    client::CatalogApi m_api;
    UserInfo m_user;
    models::ProductsModel *m_model;
    ThumbnailCache *m_thumbnails;
    ProductFilterBar *m_filterBar;
    QTabBar *m_tabs;
    QPushButton *m_importButton;
    QPushButton *m_reloadButton;
    MessageLabel *m_message;
    BulkActionsBar *m_bulk;
    QTableView *m_view;
    ImportDialog *m_importDialog = nullptr;
    bool m_loaded = false;
    bool m_selectionUpdateQueued = false;
};

} // namespace haitao::widgets
