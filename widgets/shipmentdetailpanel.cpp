#include "widgets/shipmentdetailpanel.h"

#include "models/checkpointsmodel.h"
#include "models/itemroles.h"
#include "models/logisticslabels.h"
#include "models/notificationsmodel.h"
#include "widgets/addcheckpointdialog.h"
#include "widgets/errortext.h"
#include "widgets/logisticsdelegates.h"
#include "widgets/messagelabel.h"
#include "widgets/tableviews.h"
#include "widgets/timetext.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace haitao::widgets {

namespace {

// {"name", "phone", "email", "address": {the order's address}}; flat fields also read.
QString recipientText(const QJsonObject &r)
{
    QStringList parts;
    const QJsonObject address = r.value(QStringLiteral("address")).toObject();
    for (const char *field :
         {"name", "phone", "email", "province", "city", "district", "line1", "line2", "postcode"}) {
        QString v = r.value(QLatin1String(field)).toString();
        if (v.isEmpty())
            v = address.value(QLatin1String(field)).toString();
        if (!v.isEmpty() && !parts.contains(v))
            parts.append(v);
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

ShipmentDetailPanel::ShipmentDetailPanel(client::LogisticsApi api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_timeline(new models::CheckpointsModel(this))
    , m_notifications(new models::NotificationsModel(this))
    , m_summary(new QLabel(this))
    , m_message(new MessageLabel(this))
    , m_addCheckpoint(new QPushButton(this))
    , m_timelineView(new QTreeView(this))
    , m_notificationsTitle(new QLabel(this))
    , m_notificationsView(new QTableView(this))
    , m_retry(new QPushButton(this))
{
    setObjectName(QStringLiteral("shipmentDetail"));
    m_summary->setObjectName(QStringLiteral("shipmentSummary"));
    m_message->setObjectName(QStringLiteral("shipmentDetailMessage"));
    m_addCheckpoint->setObjectName(QStringLiteral("addCheckpoint"));
    m_timelineView->setObjectName(QStringLiteral("timelineView"));
    m_notificationsView->setObjectName(QStringLiteral("notificationsView"));
    m_retry->setObjectName(QStringLiteral("retryNotification"));

    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_timelineView->setModel(m_timeline);
    m_timelineView->setItemDelegate(new CheckpointsDelegate(m_timelineView));
    m_timelineView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_timelineView->setAlternatingRowColors(true);
    m_timelineView->setUniformRowHeights(true);
    m_timelineView->header()->setStretchLastSection(true);
    // Every leg open: the timeline is the point.
    connect(m_timeline, &QAbstractItemModel::modelReset, m_timelineView, [this] {
        m_timelineView->expandAll();
        m_timelineView->header()->resizeSections(QHeaderView::ResizeToContents);
    });

    m_notificationsView->setModel(m_notifications);
    setUpTableView(m_notificationsView);
    m_notificationsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_notificationsView->setSelectionMode(QAbstractItemView::SingleSelection);

    auto *timelineBar = new QHBoxLayout;
    timelineBar->addStretch(1);
    timelineBar->addWidget(m_addCheckpoint);
    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(timelineBar);
    topLayout->addWidget(m_timelineView, 1);

    auto *notifyBar = new QHBoxLayout;
    notifyBar->addWidget(m_notificationsTitle, 1);
    notifyBar->addWidget(m_retry);
    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addLayout(notifyBar);
    bottomLayout->addWidget(m_notificationsView, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_addCheckpoint, &QPushButton::clicked, this, &ShipmentDetailPanel::openAddCheckpoint);
    connect(m_retry, &QPushButton::clicked, this, &ShipmentDetailPanel::retrySelectedNotification);
    connect(m_notificationsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ShipmentDetailPanel::updateButtons);
    connect(m_notifications, &QAbstractItemModel::modelReset, this,
            &ShipmentDetailPanel::updateButtons);

    retranslateUi();
    clear();
}

void ShipmentDetailPanel::clear()
{
    m_shipmentId = 0;
    m_shipment.reset();
    m_timeline->clear();
    m_notifications->clear();
    m_message->clearMessage();
    updateSummary();
    updateButtons();
}

void ShipmentDetailPanel::showShipment(qint64 id)
{
    if (id <= 0) {
        clear();
        return;
    }
    const bool same = id == m_shipmentId;
    if (!same) {
        clear();
        m_shipmentId = id;
        m_summary->setText(tr("Loading shipment %1…").arg(id));
    }
    m_api.shipment(id, this, [this, id](const client::Result<client::ShipmentDetail> &r) {
        if (id != m_shipmentId)
            return; // another shipment was opened meanwhile
        if (!r.ok()) {
            if (!m_shipment)
                m_summary->clear();
            m_message->showError(
                tr("Shipment %1 could not be loaded: %2").arg(id).arg(describeError(r.error())));
            return;
        }
        m_shipment = r.value();
        m_timeline->setLegs(m_shipment->legs);
        updateSummary();
        updateButtons();
        emit shipmentLoaded(id);
    });
    loadNotifications();
}

void ShipmentDetailPanel::loadNotifications()
{
    const qint64 id = m_shipmentId;
    m_api.notifications(
        QString(), id, this, [this, id](const client::Result<QList<client::Notification>> &r) {
            if (id != m_shipmentId)
                return;
            if (!r.ok()) {
                m_message->showError(tr("The notifications of shipment %1 could not be "
                                        "loaded: %2")
                                         .arg(id)
                                         .arg(describeError(r.error())));
                return;
            }
            m_notifications->setItems(r.value());
            emit notificationsLoaded(id);
        });
}

void ShipmentDetailPanel::updateSummary()
{
    if (!m_shipment) {
        if (m_shipmentId == 0)
            m_summary->setText(tr("Select a shipment to see its timeline."));
        return;
    }
    const client::ShipmentDetail &d = *m_shipment;
    const client::ShipmentSummary &s = d.summary;
    QStringList lines;
    lines << tr("Shipment %1 · order %2, sub-order %3 · %4")
                 .arg(s.id)
                 .arg(s.orderId)
                 .arg(s.subOrderId)
                 .arg(s.site);
    QString status = tr("Status: %1").arg(models::shipmentStatusLabel(s.status));
    if (!s.currentLeg.isEmpty())
        status += tr(" · current leg: %1").arg(models::legKindLabel(s.currentLeg));
    lines << status;
    lines << tr("Customer: %1").arg(s.customer);
    const QString recipient = recipientText(d.recipient);
    if (!recipient.isEmpty())
        lines << tr("Ship to: %1").arg(recipient);
    if (d.pricedWeightG > 0)
        lines << tr("Priced on %L1 g").arg(d.pricedWeightG);
    if (!d.receipt.isEmpty()) {
        lines << tr("Received at the warehouse: %L1 g")
                     .arg(d.receipt.value(QStringLiteral("weightG")).toInteger());
    }
    QString times = tr("Created %1").arg(localTimeText(s.createdAt));
    if (s.lastCheckpointAt.isValid())
        times += tr(", last checkpoint %1").arg(localTimeText(s.lastCheckpointAt));
    lines << times;
    for (const client::Alert &a : d.alerts) {
        if (a.state == QLatin1String("resolved"))
            continue;
        lines << tr("Alert %1: %2 (%3) – %4")
                     .arg(a.id)
                     .arg(models::alertKindLabel(a.kind), models::alertStateLabel(a.state),
                          a.detail);
    }
    int unknown = 0;
    for (const client::Leg &leg : d.legs) {
        for (const client::Checkpoint &c : leg.checkpoints)
            unknown += models::isUnknownStatus(c.status) ? 1 : 0;
    }
    if (unknown > 0)
        lines << tr("%n checkpoint(s) with a carrier status nobody has mapped yet.", nullptr,
                    unknown);
    m_summary->setText(lines.join(QLatin1Char('\n')));
}

void ShipmentDetailPanel::updateButtons()
{
    m_addCheckpoint->setEnabled(m_shipment.has_value());
    const QModelIndex current = m_notificationsView->currentIndex();
    const bool failed = current.isValid() && current.row() < m_notifications->rowCount() &&
                        m_notifications->itemAt(current.row()).status == QLatin1String("failed");
    m_retry->setEnabled(!m_retrying && failed);
}

void ShipmentDetailPanel::openAddCheckpoint()
{
    if (!m_shipment)
        return;
    delete m_dialog;
    m_dialog = new AddCheckpointDialog(m_api, *m_shipment, this);
    connect(m_dialog, &AddCheckpointDialog::added, this, [this](qint64 id) {
        if (id != m_shipmentId)
            return;
        m_message->showInfo(tr("Checkpoint added to shipment %1.").arg(id));
        showShipment(id);
        emit shipmentChanged(id);
    });
    m_dialog->open();
}

void ShipmentDetailPanel::retrySelectedNotification()
{
    const QModelIndex current = m_notificationsView->currentIndex();
    if (m_retrying || !current.isValid())
        return;
    const client::Notification n = m_notifications->itemAt(current.row());
    m_retrying = true;
    updateButtons();
    m_api.retryNotification(n.id, this, [this, n](const client::Result<client::Done> &r) {
        m_retrying = false;
        updateButtons();
        if (!r.ok()) {
            m_message->showError(tr("Notification %1 could not be retried: %2")
                                     .arg(n.id)
                                     .arg(describeError(r.error())));
            emit retryFinished(false);
            return;
        }
        m_message->showInfo(tr("Notification %1 will be sent again.").arg(n.id));
        if (n.shipmentId == m_shipmentId || n.shipmentId == 0)
            loadNotifications();
        emit retryFinished(true);
    });
}

void ShipmentDetailPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ShipmentDetailPanel::retranslateUi()
{
    m_addCheckpoint->setText(tr("Add &checkpoint…"));
    m_notificationsTitle->setText(tr("What the customer was told"));
    m_retry->setText(tr("Re&try sending"));
    m_timeline->retranslate();
    m_notifications->retranslate();
    updateSummary();
}

} // namespace haitao::widgets
