#include "widgets/alertqueuepanel.h"

#include "models/alertsmodel.h"
#include "models/itemroles.h"
#include "models/logisticslabels.h"
#include "widgets/errortext.h"
#include "widgets/logisticsdelegates.h"
#include "widgets/messagelabel.h"
#include "widgets/resolvealertdialog.h"
#include "widgets/tableviews.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace haitao::widgets {

using models::AlertsModel;

AlertQueuePanel::AlertQueuePanel(client::LogisticsApi api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_model(new AlertsModel(m_api, this))
    , m_state(new QComboBox(this))
    , m_kind(new QComboBox(this))
    , m_reloadButton(new QPushButton(this))
    , m_message(new MessageLabel(this))
    , m_view(new QTableView(this))
    , m_acknowledge(new QPushButton(this))
    , m_resolve(new QPushButton(this))
    , m_showShipment(new QPushButton(this))
{
    setObjectName(QStringLiteral("alertQueue"));
    m_state->setObjectName(QStringLiteral("alertStateFilter"));
    m_kind->setObjectName(QStringLiteral("alertKindFilter"));
    m_reloadButton->setObjectName(QStringLiteral("reloadAlerts"));
    m_message->setObjectName(QStringLiteral("alertsMessage"));
    m_view->setObjectName(QStringLiteral("alertsView"));
    m_acknowledge->setObjectName(QStringLiteral("acknowledgeAlert"));
    m_resolve->setObjectName(QStringLiteral("resolveAlert"));
    m_showShipment->setObjectName(QStringLiteral("showAlertShipment"));

    for (const char *state : {"open", "acknowledged", "resolved", ""})
        m_state->addItem(QString(), QString::fromLatin1(state));
    for (const char *kind : {"", "quiet", "exception", "customs_hold"})
        m_kind->addItem(QString(), QString::fromLatin1(kind));

    m_view->setModel(m_model);
    setUpTableView(m_view);
    m_view->setItemDelegate(new AlertsDelegate(m_view));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_state);
    filters->addWidget(m_kind);
    filters->addStretch(1);
    filters->addWidget(m_reloadButton);
    auto *actions = new QHBoxLayout;
    for (QPushButton *b : {m_acknowledge, m_resolve, m_showShipment})
        actions->addWidget(b);
    actions->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);
    layout->addLayout(actions);

    connect(m_state, &QComboBox::currentIndexChanged, this, &AlertQueuePanel::applyFilter);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &AlertQueuePanel::applyFilter);
    connect(m_reloadButton, &QPushButton::clicked, this, &AlertQueuePanel::reload);
    connect(m_acknowledge, &QPushButton::clicked, this, &AlertQueuePanel::acknowledge);
    connect(m_resolve, &QPushButton::clicked, this, &AlertQueuePanel::openResolveDialog);
    connect(m_showShipment, &QPushButton::clicked, this, [this] {
        if (const client::Alert *a = selectedAlert())
            emit showShipmentRequested(a->shipmentId);
    });
    connect(m_model, &AlertsModel::errorOccurred, this, [this](const client::ApiError &error) {
        m_message->showError(tr("The alerts could not be loaded: %1").arg(describeError(error)));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AlertQueuePanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AlertQueuePanel::updateButtons);

    retranslateUi();
    updateButtons();
}

void AlertQueuePanel::reload()
{
    m_message->clearMessage();
    client::AlertQuery q;
    q.state = m_state->currentData().toString();
    q.kind = m_kind->currentData().toString();
    m_model->setQuery(q);
}

void AlertQueuePanel::applyFilter()
{
    const client::AlertQuery current = m_model->query();
    if (current.state == m_state->currentData().toString() &&
        current.kind == m_kind->currentData().toString())
        return;
    reload();
}

const client::Alert *AlertQueuePanel::selectedAlert() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || current.row() >= m_model->rowCount())
        return nullptr;
    return &m_model->alertAt(current.row());
}

void AlertQueuePanel::updateButtons()
{
    const client::Alert *a = selectedAlert();
    const bool open = a && a->state == QLatin1String("open");
    const bool unresolved = a && a->state != QLatin1String("resolved");
    m_acknowledge->setEnabled(!m_busy && open);
    m_resolve->setEnabled(!m_busy && unresolved);
    m_showShipment->setEnabled(a && a->shipmentId > 0);
}

void AlertQueuePanel::acknowledge()
{
    const client::Alert *a = selectedAlert();
    if (!a || m_busy)
        return;
    m_busy = true;
    updateButtons();
    const qint64 id = a->id;
    m_api.acknowledgeAlert(id, this, [this, id](const client::Result<client::Done> &r) {
        m_busy = false;
        if (!r.ok()) {
            m_message->showError(alertActionError(r.error()));
            updateButtons();
            emit actionFinished(false);
            return;
        }
        reload();
        m_message->showInfo(tr("Alert %1 acknowledged.").arg(id));
        emit actionFinished(true);
    });
}

void AlertQueuePanel::openResolveDialog()
{
    const client::Alert *a = selectedAlert();
    if (!a)
        return;
    delete m_dialog;
    m_dialog = new ResolveAlertDialog(m_api, *a, this);
    connect(m_dialog, &ResolveAlertDialog::resolved, this, [this](qint64 id) {
        reload();
        m_message->showInfo(tr("Alert %1 resolved.").arg(id));
        emit actionFinished(true);
    });
    m_dialog->open();
}

void AlertQueuePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void AlertQueuePanel::retranslateUi()
{
    for (int i = 0; i < m_state->count(); ++i) {
        const QString state = m_state->itemData(i).toString();
        m_state->setItemText(i,
                             state.isEmpty() ? tr("Every state") : models::alertStateLabel(state));
    }
    for (int i = 0; i < m_kind->count(); ++i) {
        const QString kind = m_kind->itemData(i).toString();
        m_kind->setItemText(i, kind.isEmpty() ? tr("Every kind") : models::alertKindLabel(kind));
    }
    m_reloadButton->setText(tr("Re&load"));
    m_acknowledge->setText(tr("&Acknowledge"));
    m_resolve->setText(tr("Re&solve…"));
    m_showShipment->setText(tr("Show &shipment"));
    m_model->retranslate();
}

} // namespace haitao::widgets
