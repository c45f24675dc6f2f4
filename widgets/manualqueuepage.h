#pragma once

#include "backend-client/ordersapi.h"
#include "core/user.h"
#include "widgets/page.h"

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace haitao::models {
class OrderLinesModel;
class PlacementQueueModel;
} // namespace haitao::models

namespace haitao::widgets {

class ManualPlacementDialog;
class ManualQueueCancelDialog;
class MessageLabel;
class VisibleRefresh;

// The manual placement queue for ops staff: counters per status (stuck ones stand out), the
// sub-orders that need a person, oldest first, coloured by how long they have waited, and for
// the selected one its lines and the actions: claim and release, open the product's page on
// the shop, enter the foreign order number and amount paid, retry automatic placement, cancel
// with a refund. Counters refresh every kCountsRefreshMs while the page is visible.
class ManualQueuePage : public Page
{
    Q_OBJECT

public:
    static constexpr int kCountsRefreshMs = 30 * 1000;

    ManualQueuePage(client::ApiClient *client, const UserInfo &user, QWidget *parent = nullptr);

    QString title() const override;

    models::PlacementQueueModel *model() const { return m_model; }
    models::OrderLinesModel *linesModel() const { return m_lines; }
    QTableView *view() const { return m_view; }
    QTableView *linesView() const { return m_linesView; }
    MessageLabel *message() const { return m_message; }
    QLabel *countsLabel() const { return m_counts; }
    QLabel *stuckLabel() const { return m_stuck; }
    QComboBox *statusFilter() const { return m_status; }
    QLineEdit *siteFilter() const { return m_site; }
    QPushButton *claimButton() const { return m_claim; }
    QPushButton *releaseButton() const { return m_release; }
    QPushButton *openSourceButton() const { return m_openSource; }
    QPushButton *placeButton() const { return m_place; }
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *cancelButton() const { return m_cancel; }
    QTimer *countsTimer() const;
    ManualPlacementDialog *placementDialog() const { return m_placementDialog; }
    ManualQueueCancelDialog *cancelDialog() const { return m_cancelDialog; }
    const std::optional<client::PlacementCounts> &counts() const { return m_countsValue; }
    // The selected sub-order, when one is selected and loaded.
    const client::PlacementItem *selectedItem() const;

    void reload();
    void refreshCounts();
    void claim();
    void release();
    void openSourcePage();
    void openPlacementDialog();
    void retryAutomatic();
    void openCancelDialog();

signals:
    void countsLoaded();
    // A claim, release, placement, retry or cancel answered (ok or not).
    void actionFinished(bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void applyFilter();
    void updateCounts();
    void updateSelection();
    void applyAnswer(const client::Result<client::PlacementItem> &result, const QString &done);
    // Claim, release, retry: one call on the selected sub-order; `done` has %1 for its id.
    using ItemAction = void (client::OrdersApi::*)(
        qint64, QObject *, client::OrdersApi::Callback<client::PlacementItem>) const;
    void act(ItemAction action, const QString &done);
    void itemChanged(const client::PlacementItem &item, const QString &done);

    client::OrdersApi m_api;
    UserInfo m_user;
    models::PlacementQueueModel *m_model;
    models::OrderLinesModel *m_lines;
    QLabel *m_counts;
    QLabel *m_stuck;
    QComboBox *m_status;
    QLineEdit *m_site;
    QPushButton *m_reloadButton;
    MessageLabel *m_message;
    QTableView *m_view;
    QTableView *m_linesView;
    QPushButton *m_claim;
    QPushButton *m_release;
    QPushButton *m_openSource;
    QPushButton *m_place;
    QPushButton *m_retry;
    QPushButton *m_cancel;
    VisibleRefresh *m_refresh;
    ManualPlacementDialog *m_placementDialog = nullptr;
    ManualQueueCancelDialog *m_cancelDialog = nullptr;
    std::optional<client::PlacementCounts> m_countsValue;
    bool m_loaded = false;
    bool m_busy = false;
    quint64 m_countsRequest = 0;
};

} // namespace haitao::widgets
