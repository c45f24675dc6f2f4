#include "widgets/orderspage.h"

#include "models/itemroles.h"
#include "models/orderlabels.h"
#include "models/ordersmodel.h"
#include "widgets/errortext.h"
#include "widgets/messagelabel.h"
#include "widgets/ordersdetailpanel.h"
#include "widgets/tableviews.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace haitao::widgets {

OrdersPage::OrdersPage(client::ApiClient *client, QWidget *parent)
    : Page(parent)
    , m_api(client)
    , m_model(new models::OrdersModel(m_api, this))
    , m_status(new QComboBox(this))
    , m_site(new QLineEdit(this))
    , m_customer(new QLineEdit(this))
    , m_minAge(new QSpinBox(this))
    , m_reloadButton(new QPushButton(this))
    , m_message(new MessageLabel(this))
    , m_view(new QTableView(this))
    , m_detail(new OrdersDetailPanel(m_api, this))
{
    setObjectName(QStringLiteral("ordersPage"));
    m_status->setObjectName(QStringLiteral("orderStatusFilter"));
    m_site->setObjectName(QStringLiteral("orderSiteFilter"));
    m_customer->setObjectName(QStringLiteral("orderCustomerFilter"));
    m_minAge->setObjectName(QStringLiteral("orderAgeFilter"));
    m_reloadButton->setObjectName(QStringLiteral("reloadOrders"));
    m_message->setObjectName(QStringLiteral("ordersMessage"));
    m_view->setObjectName(QStringLiteral("ordersView"));

    m_status->addItem(QString()); // all
    for (client::OrderStatus s : allOrderStatuses())
        m_status->addItem(QString(), int(s));
    m_site->setClearButtonEnabled(true);
    m_customer->setClearButtonEnabled(true);
    m_minAge->setRange(0, 24 * 365);

    m_view->setModel(m_model);
    setUpTableView(m_view);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_status);
    filters->addWidget(m_site, 1);
    filters->addWidget(m_customer, 1);
    filters->addWidget(m_minAge);
    filters->addWidget(m_reloadButton);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_status, &QComboBox::currentIndexChanged, this, &OrdersPage::applyFilter);
    connect(m_site, &QLineEdit::editingFinished, this, &OrdersPage::applyFilter);
    connect(m_customer, &QLineEdit::editingFinished, this, &OrdersPage::applyFilter);
    connect(m_minAge, &QSpinBox::editingFinished, this, &OrdersPage::applyFilter);
    connect(m_reloadButton, &QPushButton::clicked, this, &OrdersPage::reload);
    connect(m_model, &models::OrdersModel::errorOccurred, this,
            [this](const client::ApiError &error) {
                m_message->showError(
                    tr("The orders could not be loaded: %1").arg(describeError(error)));
            });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &OrdersPage::currentRowChanged);

    retranslateUi();
}

QString OrdersPage::title() const
{
    return tr("Orders");
}

void OrdersPage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    if (!m_loaded)
        reload();
}

void OrdersPage::reload()
{
    m_loaded = true;
    m_message->clearMessage();
    m_model->setFilter(currentFilter());
    if (m_detail->orderId() != 0)
        m_detail->showOrder(m_detail->orderId());
}

client::OrderFilter OrdersPage::currentFilter() const
{
    client::OrderFilter f;
    if (const QVariant s = m_status->currentData(); s.isValid())
        f.status = client::OrderStatus(s.toInt());
    f.site = m_site->text().trimmed();
    f.customer = m_customer->text().trimmed();
    if (m_minAge->value() > 0)
        f.minAgeHours = m_minAge->value();
    return f;
}

void OrdersPage::applyFilter()
{
    if (!m_loaded)
        return; // the first show loads
    const client::OrderFilter f = currentFilter();
    // editingFinished comes on Enter and again on focus out: only a change reloads.
    if (f == m_model->filter())
        return;
    m_message->clearMessage();
    m_model->setFilter(f);
}

void OrdersPage::currentRowChanged()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const qint64 id = current.data(models::IdRole).toLongLong();
    if (id != m_detail->orderId())
        m_detail->showOrder(id);
}

void OrdersPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    Page::changeEvent(event);
}

void OrdersPage::retranslateUi()
{
    m_status->setItemText(0, tr("All statuses"));
    for (int i = 1; i < m_status->count(); ++i)
        m_status->setItemText(
            i, models::orderStatusLabel(client::OrderStatus(m_status->itemData(i).toInt())));
    m_site->setPlaceholderText(tr("Site, e.g. amazon.com"));
    m_customer->setPlaceholderText(tr("Customer user name"));
    m_minAge->setPrefix(tr("Older than "));
    m_minAge->setSuffix(tr(" h"));
    m_minAge->setSpecialValueText(tr("Any age"));
    m_reloadButton->setText(tr("Re&load"));
    m_model->retranslate();
}

} // namespace haitao::widgets
