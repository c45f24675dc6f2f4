#pragma once

#include "backend-client/ordersapi.h"
#include "widgets/page.h"

class QComboBox;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace haitao::models {
class OrdersModel;
} // namespace haitao::models

namespace haitao::widgets {

class MessageLabel;
class OrdersDetailPanel;

// Orders for ops staff: every order, newest first, filtered on the server by status, site,
// customer and age, loaded page by page as the table scrolls; the selected order's detail
// (lines, totals, pricing breakdown, events, placement attempts) beside it.
class OrdersPage : public Page
{
    Q_OBJECT

public:
    explicit OrdersPage(client::ApiClient *client, QWidget *parent = nullptr);

    QString title() const override;

    models::OrdersModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    OrdersDetailPanel *detail() const { return m_detail; }
    MessageLabel *message() const { return m_message; }
    QComboBox *statusFilter() const { return m_status; }
    QLineEdit *siteFilter() const { return m_site; }
    QLineEdit *customerFilter() const { return m_customer; }
    QSpinBox *ageFilter() const { return m_minAge; }

    // Loads with the current filters (the first show does this too).
    void reload();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void applyFilter();
    client::OrderFilter currentFilter() const;
    void currentRowChanged();

    client::OrdersApi m_api;
    models::OrdersModel *m_model;
    QComboBox *m_status;
    QLineEdit *m_site;
    QLineEdit *m_customer;
    QSpinBox *m_minAge;
    QPushButton *m_reloadButton;
    MessageLabel *m_message;
    QTableView *m_view;
    OrdersDetailPanel *m_detail;
    bool m_loaded = false;
};

} // namespace haitao::widgets
