#include "widgets/logisticspage.h"

#include "models/alertsmodel.h"
#include "models/itemroles.h"
#include "models/logisticslabels.h"
#include "models/shipmentsmodel.h"
#include "widgets/alertqueuepanel.h"
#include "widgets/errortext.h"
#include "widgets/logisticsdelegates.h"
#include "widgets/mappingeditor.h"
#include "widgets/messagelabel.h"
#include "widgets/shipmentdetailpanel.h"
#include "widgets/tableviews.h"
#include "widgets/visiblerefresh.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace haitao::widgets {

LogisticsPage::LogisticsPage(client::ApiClient *client, QWidget *parent)
    : Page(parent)
    , m_api(client)
    , m_tabs(new QTabWidget(this))
    , m_shipmentsTab(new QWidget(this))
    , m_model(new models::ShipmentsModel(m_api, this))
    , m_status(new QComboBox(this))
    , m_carrier(new QComboBox(this))
    , m_site(new QLineEdit(this))
    , m_quietDays(new QSpinBox(this))
    , m_openAlerts(new QCheckBox(this))
    , m_search(new QLineEdit(this))
    , m_reloadButton(new QPushButton(this))
    , m_counts(new QLabel(this))
    , m_message(new MessageLabel(this))
    , m_view(new QTableView(this))
    , m_detail(new ShipmentDetailPanel(m_api, this))
    , m_alerts(new AlertQueuePanel(m_api, this))
    , m_mappings(new MappingEditor(m_api, this))
    , m_refresh(new VisibleRefresh(this, kRefreshMs))
{
    setObjectName(QStringLiteral("logisticsPage"));
    m_tabs->setObjectName(QStringLiteral("logisticsTabs"));
    m_status->setObjectName(QStringLiteral("shipmentStatusFilter"));
    m_carrier->setObjectName(QStringLiteral("shipmentCarrierFilter"));
    m_site->setObjectName(QStringLiteral("shipmentSiteFilter"));
    m_quietDays->setObjectName(QStringLiteral("shipmentQuietFilter"));
    m_openAlerts->setObjectName(QStringLiteral("shipmentAlertsFilter"));
    m_search->setObjectName(QStringLiteral("shipmentSearch"));
    m_reloadButton->setObjectName(QStringLiteral("reloadShipments"));
    m_counts->setObjectName(QStringLiteral("shipmentCounts"));
    m_message->setObjectName(QStringLiteral("shipmentsMessage"));
    m_view->setObjectName(QStringLiteral("shipmentsView"));

    m_status->addItem(QString(), QString()); // all
    for (const QString &s : models::shipmentStatuses())
        m_status->addItem(QString(), s);
    m_carrier->addItem(QString(), QString()); // all; the carriers come from the server
    m_site->setClearButtonEnabled(true);
    m_search->setClearButtonEnabled(true);
    m_quietDays->setRange(0, 365);
    m_counts->setTextFormat(Qt::PlainText);
    m_counts->setWordWrap(true);

    m_view->setModel(m_model);
    setUpTableView(m_view);
    m_view->setItemDelegate(new ShipmentsDelegate(m_view));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 2);
    filters->addWidget(m_status);
    filters->addWidget(m_carrier);
    filters->addWidget(m_site, 1);
    filters->addWidget(m_quietDays);
    filters->addWidget(m_openAlerts);
    filters->addWidget(m_reloadButton);
    auto *splitter = new QSplitter(Qt::Horizontal, m_shipmentsTab);
    splitter->addWidget(m_view);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *shipments = new QVBoxLayout(m_shipmentsTab);
    shipments->addLayout(filters);
    shipments->addWidget(m_counts);
    shipments->addWidget(m_message);
    shipments->addWidget(splitter, 1);

    m_tabs->addTab(m_shipmentsTab, QString());
    m_tabs->addTab(m_alerts, QString());
    m_tabs->addTab(m_mappings, QString());
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);

    connect(m_refresh, &VisibleRefresh::shown, this, [this] {
        if (!m_loaded)
            reload();
        else
            refreshCounts();
    });
    connect(m_refresh, &VisibleRefresh::tick, this, [this] {
        refreshCounts();
        m_model->refreshAges();
        m_alerts->model()->refreshAges();
    });
    connect(m_status, &QComboBox::currentIndexChanged, this, &LogisticsPage::applyFilter);
    connect(m_carrier, &QComboBox::currentIndexChanged, this, &LogisticsPage::applyFilter);
    connect(m_openAlerts, &QCheckBox::toggled, this, &LogisticsPage::applyFilter);
    connect(m_site, &QLineEdit::editingFinished, this, &LogisticsPage::applyFilter);
    connect(m_search, &QLineEdit::editingFinished, this, &LogisticsPage::applyFilter);
    connect(m_quietDays, &QSpinBox::editingFinished, this, &LogisticsPage::applyFilter);
    connect(m_reloadButton, &QPushButton::clicked, this, &LogisticsPage::reload);
    connect(m_model, &models::ShipmentsModel::errorOccurred, this,
            [this](const client::ApiError &error) {
                m_message->showError(
                    tr("The shipments could not be loaded: %1").arg(describeError(error)));
            });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &LogisticsPage::currentRowChanged);
    // A manual checkpoint or a mapping can change statuses and counters.
    connect(m_detail, &ShipmentDetailPanel::shipmentChanged, this, [this] {
        m_model->reload();
        refreshCounts();
    });
    connect(m_mappings, &MappingEditor::mappingChanged, this, [this] {
        refreshCounts();
        if (m_detail->shipmentId() != 0)
            m_detail->reload();
    });
    connect(m_alerts, &AlertQueuePanel::actionFinished, this, [this](bool ok) {
        if (ok)
            refreshCounts();
    });
    connect(m_alerts, &AlertQueuePanel::showShipmentRequested, this, &LogisticsPage::showShipment);

    retranslateUi();
}

QTimer *LogisticsPage::refreshTimer() const
{
    return m_refresh->timer();
}

QString LogisticsPage::title() const
{
    return tr("Logistics");
}

void LogisticsPage::reload()
{
    m_loaded = true;
    m_message->clearMessage();
    m_model->setFilter(currentFilter());
    m_alerts->reload();
    m_mappings->reload();
    loadCarriers();
    refreshCounts();
    if (m_detail->shipmentId() != 0)
        m_detail->reload();
}

void LogisticsPage::loadCarriers()
{
    m_api.carriers(this, [this](const client::Result<QList<client::Carrier>> &r) {
        if (!r.ok()) {
            m_message->showError(
                tr("The carriers could not be loaded: %1").arg(describeError(r.error())));
            return;
        }
        {
            const QString current = m_carrier->currentData().toString();
            const QSignalBlocker blocker(m_carrier);
            while (m_carrier->count() > 1)
                m_carrier->removeItem(1);
            for (const client::Carrier &c : r.value())
                m_carrier->addItem(c.name.isEmpty() ? c.code : c.name, c.code);
            const int i = m_carrier->findData(current);
            m_carrier->setCurrentIndex(i < 0 ? 0 : i);
        }
        m_mappings->setCarriers(r.value());
        emit carriersLoaded();
    });
}

void LogisticsPage::refreshCounts()
{
    const quint64 request = ++m_countsRequest;
    m_api.shipmentCounts(this, [this, request](const client::Result<client::ShipmentCounts> &r) {
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

void LogisticsPage::updateCounts()
{
    const int alertsTab = m_tabs->indexOf(m_alerts);
    const int mappingsTab = m_tabs->indexOf(m_mappings);
    if (!m_countsValue) {
        m_counts->setText(tr("Loading counts…"));
        m_tabs->setTabText(alertsTab, tr("Alerts"));
        m_tabs->setTabText(mappingsTab, tr("Mappings"));
        return;
    }
    const client::ShipmentCounts &c = *m_countsValue;
    QStringList parts;
    parts << tr("Open: %L1").arg(c.open);
    for (const QString &s : models::shipmentStatuses()) {
        const qint64 n = c.byStatus.value(s);
        if (n > 0)
            parts << QStringLiteral("%1: %L2").arg(models::shipmentStatusLabel(s)).arg(n);
    }
    m_counts->setText(parts.join(QStringLiteral(" · ")));
    m_tabs->setTabText(alertsTab,
                       c.openAlerts > 0 ? tr("Alerts (%L1)").arg(c.openAlerts) : tr("Alerts"));
    m_tabs->setTabText(mappingsTab, c.unmapped > 0 ? tr("Mappings (%L1 unmapped)").arg(c.unmapped)
                                                   : tr("Mappings"));
}

client::ShipmentFilter LogisticsPage::currentFilter() const
{
    client::ShipmentFilter f;
    f.status = m_status->currentData().toString();
    f.carrier = m_carrier->currentData().toString();
    f.site = m_site->text().trimmed();
    if (m_quietDays->value() > 0)
        f.quietDays = m_quietDays->value();
    f.openAlertsOnly = m_openAlerts->isChecked();
    f.search = m_search->text().trimmed();
    return f;
}

void LogisticsPage::applyFilter()
{
    if (!m_loaded)
        return; // the first show loads
    const client::ShipmentFilter f = currentFilter();
    // editingFinished comes on Enter and again on focus out: only a change reloads.
    if (f == m_model->filter())
        return;
    m_message->clearMessage();
    m_model->setFilter(f);
}

void LogisticsPage::currentRowChanged()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const qint64 id = current.data(models::IdRole).toLongLong();
    if (id != m_detail->shipmentId())
        m_detail->showShipment(id);
}

void LogisticsPage::showShipment(qint64 id)
{
    m_tabs->setCurrentWidget(m_shipmentsTab);
    const int row = m_model->rowOfId(id);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, 0));
    if (id != m_detail->shipmentId())
        m_detail->showShipment(id);
}

void LogisticsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    Page::changeEvent(event);
}

void LogisticsPage::retranslateUi()
{
    m_tabs->setTabText(m_tabs->indexOf(m_shipmentsTab), tr("Shipments"));
    m_status->setItemText(0, tr("All statuses"));
    for (int i = 1; i < m_status->count(); ++i)
        m_status->setItemText(i, models::shipmentStatusLabel(m_status->itemData(i).toString()));
    m_carrier->setItemText(0, tr("All carriers"));
    m_site->setPlaceholderText(tr("Site"));
    m_search->setPlaceholderText(tr("Tracking number, order or customer"));
    m_quietDays->setPrefix(tr("Quiet > "));
    m_quietDays->setSuffix(tr(" d"));
    m_quietDays->setSpecialValueText(tr("Any activity"));
    m_openAlerts->setText(tr("Only with open &alerts"));
    m_reloadButton->setText(tr("Re&load"));
    m_model->retranslate();
    updateCounts();
}

} // namespace haitao::widgets
