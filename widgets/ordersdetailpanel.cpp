#include "widgets/ordersdetailpanel.h"

#include "models/itemroles.h"
#include "models/ordereventsmodel.h"
#include "models/orderlabels.h"
#include "models/orderlinesmodel.h"
#include "models/placementattemptsmodel.h"
#include "models/quotebreakdownmodel.h"
#include "widgets/errortext.h"
#include "widgets/messagelabel.h"
#include "widgets/placementdelegates.h"
#include "widgets/tableviews.h"
#include "widgets/timetext.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace haitao::widgets {

namespace {

QString addressText(const QJsonObject &a)
{
    QStringList parts;
    for (const char *field :
         {"name", "phone", "province", "city", "district", "line1", "postcode"}) {
        const QString v = a.value(QLatin1String(field)).toString();
        if (!v.isEmpty())
            parts.append(v);
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

OrdersDetailPanel::OrdersDetailPanel(client::OrdersApi api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_lines(new models::OrderLinesModel(this))
    , m_breakdown(new models::QuoteBreakdownModel(this))
    , m_events(new models::OrderEventsModel(this))
    , m_attempts(new models::PlacementAttemptsModel(this))
    , m_summary(new QLabel(this))
    , m_message(new MessageLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_linesView(new QTableView(this))
    , m_breakdownView(new QTreeView(this))
    , m_eventsView(new QTableView(this))
    , m_placementTab(new QWidget(this))
    , m_subOrders(new QComboBox(m_placementTab))
    , m_subOrderSummary(new QLabel(m_placementTab))
    , m_attemptsView(new QTreeView(m_placementTab))
{
    setObjectName(QStringLiteral("orderDetail"));
    m_summary->setObjectName(QStringLiteral("orderSummary"));
    m_message->setObjectName(QStringLiteral("orderDetailMessage"));
    m_tabs->setObjectName(QStringLiteral("orderDetailTabs"));
    m_subOrders->setObjectName(QStringLiteral("subOrderPicker"));
    m_subOrderSummary->setObjectName(QStringLiteral("subOrderSummary"));
    m_attemptsView->setObjectName(QStringLiteral("attemptsView"));

    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subOrderSummary->setWordWrap(true);
    m_subOrderSummary->setTextFormat(Qt::PlainText);
    m_subOrderSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_linesView->setModel(m_lines);
    setUpTableView(m_linesView);
    m_eventsView->setModel(m_events);
    setUpTableView(m_eventsView);
    for (QTableView *view : {m_linesView, m_eventsView})
        view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_breakdownView->setModel(m_breakdown);
    m_breakdownView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_attemptsView->setModel(m_attempts);
    m_attemptsView->setItemDelegate(new PlacementAttemptsDelegate(m_attemptsView));
    m_attemptsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_attemptsView->setAlternatingRowColors(true);
    m_attemptsView->header()->setStretchLastSection(true);
    // Every attempt open: the point is seeing where each one broke.
    connect(m_attempts, &QAbstractItemModel::modelReset, m_attemptsView, &QTreeView::expandAll);
    connect(m_breakdown, &QAbstractItemModel::modelReset, m_breakdownView, &QTreeView::expandAll);

    auto *placement = new QVBoxLayout(m_placementTab);
    placement->addWidget(m_subOrders);
    placement->addWidget(m_subOrderSummary);
    placement->addWidget(m_attemptsView, 1);

    m_tabs->addTab(m_linesView, QString());
    m_tabs->addTab(m_breakdownView, QString());
    m_tabs->addTab(m_eventsView, QString());
    m_tabs->addTab(m_placementTab, QString());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_message);
    layout->addWidget(m_tabs, 1);

    connect(m_subOrders, &QComboBox::currentIndexChanged, this, &OrdersDetailPanel::loadSubOrder);
    retranslateUi();
    clear();
}

void OrdersDetailPanel::clear()
{
    m_orderId = 0;
    m_subOrderId = 0;
    m_order.reset();
    m_lines->clear();
    m_breakdown->clear();
    m_events->clear();
    m_attempts->clear();
    {
        const QSignalBlocker blocker(m_subOrders);
        m_subOrders->clear();
    }
    m_subOrderSummary->clear();
    m_message->clearMessage();
    updateSummary();
}

void OrdersDetailPanel::showOrder(qint64 id)
{
    clear();
    m_orderId = id;
    m_summary->setText(tr("Loading order %1…").arg(id));
    m_api.order(id, this, [this, id](const client::Result<client::OrderDetail> &r) {
        if (id != m_orderId)
            return; // another order was opened meanwhile
        if (!r.ok()) {
            m_summary->clear();
            m_message->showError(
                tr("Order %1 could not be loaded: %2").arg(id).arg(describeError(r.error())));
            return;
        }
        showDetail(r.value());
    });
}

void OrdersDetailPanel::showDetail(const client::OrderDetail &order)
{
    m_order = order;
    m_lines->setOrder(order);
    if (order.quote.isEmpty())
        m_breakdown->clear();
    else
        m_breakdown->setQuote(order.quote);
    m_events->setEvents(order.events);
    updateSummary();
    {
        const QSignalBlocker blocker(m_subOrders);
        m_subOrders->clear();
        for (const client::SubOrder &s : order.subOrders) {
            m_subOrders->addItem(tr("Sub-order %1 · %2 · %3")
                                     .arg(s.id)
                                     .arg(s.site, models::subOrderStatusLabel(s.status)),
                                 s.id);
        }
    }
    emit orderLoaded(order.id);
    if (!order.subOrders.isEmpty())
        loadSubOrder(0);
}

void OrdersDetailPanel::loadSubOrder(int pickerIndex)
{
    m_attempts->clear();
    m_subOrderSummary->clear();
    if (pickerIndex < 0 || pickerIndex >= m_subOrders->count()) {
        m_subOrderId = 0;
        return;
    }
    const qint64 id = m_subOrders->itemData(pickerIndex).toLongLong();
    m_subOrderId = id;
    m_subOrderSummary->setText(tr("Loading…"));
    m_api.subOrder(id, this, [this, id](const client::Result<client::SubOrderDetail> &r) {
        if (id != m_subOrderId)
            return;
        if (!r.ok()) {
            m_subOrderSummary->clear();
            m_message->showError(
                tr("The placement attempts of sub-order %1 could not be loaded: %2")
                    .arg(id)
                    .arg(describeError(r.error())));
            return;
        }
        showSubOrder(r.value());
    });
}

void OrdersDetailPanel::showSubOrder(const client::SubOrderDetail &d)
{
    QStringList lines;
    lines << tr("Client reference: %1").arg(d.clientReference);
    if (!d.item.merchantOrderId.isEmpty())
        lines << tr("Shop order: %1").arg(d.item.merchantOrderId);
    if (d.paid)
        lines << tr("Paid at the shop: %1").arg(models::moneyText(*d.paid));
    lines << tr("Goods: %1 · share of the total: %2")
                 .arg(models::moneyText(d.item.goods), models::moneyText(d.item.total));
    if (!d.item.reason.isEmpty())
        lines << tr("Reason: %1").arg(d.item.reason);
    if (!d.item.claimedBy.isEmpty())
        lines
            << tr("Claimed by %1 since %2").arg(d.item.claimedBy, localTimeText(d.item.claimedAt));
    if (d.attempts.isEmpty())
        lines << tr("No automatic placement attempt yet.");
    m_subOrderSummary->setText(lines.join(QLatin1Char('\n')));
    m_attempts->setAttempts(d.attempts);
    emit subOrderLoaded(d.item.id);
}

void OrdersDetailPanel::updateSummary()
{
    if (!m_order) {
        if (m_orderId == 0)
            m_summary->setText(tr("Select an order to see its details."));
        return;
    }
    const client::OrderDetail &o = *m_order;
    QStringList lines;
    lines << tr("Order %1 · %2 · %3")
                 .arg(o.id)
                 .arg(models::orderStatusLabel(o.status), models::moneyText(o.total));
    lines << tr("Customer: %1 (user %2)").arg(o.customer.username).arg(o.customer.id);
    QString times = tr("Created %1").arg(localTimeText(o.createdAt));
    if (o.paidAt.isValid())
        times += tr(", paid %1").arg(localTimeText(o.paidAt));
    else if (o.status == client::OrderStatus::PendingPayment)
        times += tr(", expires %1").arg(localTimeText(o.expiresAt));
    lines << times;
    lines << tr("Priced with rule set %1 at rate snapshot %2")
                 .arg(o.ruleSetVersion)
                 .arg(o.rateSnapshot);
    for (const client::OrderPayment &p : o.payments) {
        lines << tr("Payment %1: %2, %3").arg(p.id).arg(p.status, models::moneyText(p.amount));
    }
    for (const client::OrderRefund &r : o.refunds) {
        const QString whom = r.subOrderId ? tr("sub-order %1").arg(r.subOrderId) : tr("order");
        lines << tr("Refund %1 (%2): %3, %4 – %5")
                     .arg(r.id)
                     .arg(whom, r.status, models::moneyText(r.amount), r.reason);
    }
    const QString address = addressText(o.address);
    if (!address.isEmpty())
        lines << tr("Ship to: %1").arg(address);
    m_summary->setText(lines.join(QLatin1Char('\n')));
}

void OrdersDetailPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void OrdersDetailPanel::retranslateUi()
{
    m_tabs->setTabText(m_tabs->indexOf(m_linesView), tr("Lines"));
    m_tabs->setTabText(m_tabs->indexOf(m_breakdownView), tr("Pricing"));
    m_tabs->setTabText(m_tabs->indexOf(m_eventsView), tr("Events"));
    m_tabs->setTabText(m_tabs->indexOf(m_placementTab), tr("Placement"));
    m_lines->retranslate();
    m_events->retranslate();
    m_attempts->retranslate();
    m_breakdown->retranslate();
    updateSummary();
}

} // namespace haitao::widgets
