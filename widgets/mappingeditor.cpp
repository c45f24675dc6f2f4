#include "widgets/mappingeditor.h"

#include "models/logisticslabels.h"
#include "models/statusmappingmodels.h"
#include "widgets/errortext.h"
#include "widgets/messagelabel.h"
#include "widgets/tableviews.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace haitao::widgets {

namespace {

void fillStatuses(QComboBox *box)
{
    const QString current = box->currentData().toString();
    const QSignalBlocker blocker(box);
    box->clear();
    for (const QString &s : models::normalizedStatuses())
        box->addItem(models::shipmentStatusLabel(s), s);
    const int i = box->findData(current);
    if (i >= 0)
        box->setCurrentIndex(i);
}

} // namespace

MappingEditor::MappingEditor(client::LogisticsApi api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_unmapped(new models::UnmappedStatusesModel(this))
    , m_mappings(new models::MappingsModel(this))
    , m_unmappedTitle(new QLabel(this))
    , m_unmappedView(new QTableView(this))
    , m_mapTo(new QComboBox(this))
    , m_map(new QPushButton(this))
    , m_mappingsTitle(new QLabel(this))
    , m_carrier(new QComboBox(this))
    , m_mappingsView(new QTableView(this))
    , m_changeTo(new QComboBox(this))
    , m_save(new QPushButton(this))
    , m_reloadButton(new QPushButton(this))
    , m_message(new MessageLabel(this))
{
    setObjectName(QStringLiteral("mappingEditor"));
    m_unmappedView->setObjectName(QStringLiteral("unmappedView"));
    m_mapTo->setObjectName(QStringLiteral("mapToStatus"));
    m_map->setObjectName(QStringLiteral("mapStatus"));
    m_carrier->setObjectName(QStringLiteral("mappingCarrierFilter"));
    m_mappingsView->setObjectName(QStringLiteral("mappingsView"));
    m_changeTo->setObjectName(QStringLiteral("changeToStatus"));
    m_save->setObjectName(QStringLiteral("saveMapping"));
    m_reloadButton->setObjectName(QStringLiteral("reloadMappings"));
    m_message->setObjectName(QStringLiteral("mappingsMessage"));

    m_carrier->addItem(QString(), QString()); // every carrier
    fillStatuses(m_mapTo);
    fillStatuses(m_changeTo);

    for (QTableView *view : {m_unmappedView, m_mappingsView}) {
        view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        view->setSelectionMode(QAbstractItemView::SingleSelection);
    }
    m_unmappedView->setModel(m_unmapped);
    setUpTableView(m_unmappedView);
    m_mappingsView->setModel(m_mappings);
    setUpTableView(m_mappingsView);

    auto *upper = new QWidget(this);
    auto *upperLayout = new QVBoxLayout(upper);
    upperLayout->setContentsMargins(0, 0, 0, 0);
    auto *upperBar = new QHBoxLayout;
    upperBar->addWidget(m_unmappedTitle, 1);
    upperBar->addWidget(m_reloadButton);
    upperLayout->addLayout(upperBar);
    upperLayout->addWidget(m_unmappedView, 1);
    auto *mapBar = new QHBoxLayout;
    mapBar->addStretch(1);
    mapBar->addWidget(m_mapTo);
    mapBar->addWidget(m_map);
    upperLayout->addLayout(mapBar);

    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    auto *lowerBar = new QHBoxLayout;
    lowerBar->addWidget(m_mappingsTitle, 1);
    lowerBar->addWidget(m_carrier);
    lowerLayout->addLayout(lowerBar);
    lowerLayout->addWidget(m_mappingsView, 1);
    auto *saveBar = new QHBoxLayout;
    saveBar->addStretch(1);
    saveBar->addWidget(m_changeTo);
    saveBar->addWidget(m_save);
    lowerLayout->addLayout(saveBar);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(upper);
    splitter->addWidget(lower);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_reloadButton, &QPushButton::clicked, this, &MappingEditor::reload);
    connect(m_map, &QPushButton::clicked, this, &MappingEditor::mapSelected);
    connect(m_save, &QPushButton::clicked, this, &MappingEditor::saveSelected);
    connect(m_carrier, &QComboBox::currentIndexChanged, this, &MappingEditor::loadMappings);
    connect(m_changeTo, &QComboBox::currentIndexChanged, this, &MappingEditor::updateButtons);
    connect(m_unmappedView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MappingEditor::updateButtons);
    connect(m_mappingsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                // Start from the mapping's present status.
                if (current.isValid()) {
                    const int i = m_changeTo->findData(m_mappings->itemAt(current.row()).status);
                    if (i >= 0)
                        m_changeTo->setCurrentIndex(i);
                }
                updateButtons();
            });
    for (QAbstractItemModel *model : {static_cast<QAbstractItemModel *>(m_unmapped),
                                      static_cast<QAbstractItemModel *>(m_mappings)})
        connect(model, &QAbstractItemModel::modelReset, this, &MappingEditor::updateButtons);

    retranslateUi();
    updateButtons();
}

void MappingEditor::setCarriers(const QList<client::Carrier> &carriers)
{
    const QString current = m_carrier->currentData().toString();
    const QSignalBlocker blocker(m_carrier);
    while (m_carrier->count() > 1)
        m_carrier->removeItem(1);
    for (const client::Carrier &c : carriers)
        m_carrier->addItem(c.name.isEmpty() ? c.code : c.name, c.code);
    const int i = m_carrier->findData(current);
    m_carrier->setCurrentIndex(i < 0 ? 0 : i);
}

void MappingEditor::reload()
{
    const quint64 request = ++m_request;
    m_api.unmapped(this, [this, request](const client::Result<QList<client::UnmappedStatus>> &r) {
        if (request != m_request)
            return;
        if (!r.ok()) {
            m_message->showError(
                tr("The unmapped statuses could not be loaded: %1").arg(describeError(r.error())));
            return;
        }
        m_unmapped->setItems(r.value());
        m_unmappedTitle->setText(
            tr("%n carrier status(es) without a mapping", nullptr, int(r.value().size())));
        emit loaded();
    });
    loadMappings();
}

void MappingEditor::loadMappings()
{
    const QString carrier = m_carrier->currentData().toString();
    m_api.mappings(
        carrier, this, [this, carrier](const client::Result<QList<client::StatusMapping>> &r) {
            if (carrier != m_carrier->currentData().toString())
                return; // another carrier was chosen meanwhile
            if (!r.ok()) {
                m_message->showError(
                    tr("The mappings could not be loaded: %1").arg(describeError(r.error())));
                return;
            }
            m_mappings->setItems(r.value());
        });
}

void MappingEditor::updateButtons()
{
    const QModelIndex unmapped = m_unmappedView->currentIndex();
    const QModelIndex mapping = m_mappingsView->currentIndex();
    m_map->setEnabled(!m_busy && unmapped.isValid());
    m_save->setEnabled(!m_busy && mapping.isValid() &&
                       m_mappings->itemAt(mapping.row()).status !=
                           m_changeTo->currentData().toString());
}

void MappingEditor::mapSelected()
{
    const QModelIndex current = m_unmappedView->currentIndex();
    if (!current.isValid() || m_busy)
        return;
    const client::UnmappedStatus &u = m_unmapped->itemAt(current.row());
    send(u.carrier, u.rawStatus, m_mapTo->currentData().toString());
}

void MappingEditor::saveSelected()
{
    const QModelIndex current = m_mappingsView->currentIndex();
    if (!current.isValid() || m_busy)
        return;
    const client::StatusMapping &m = m_mappings->itemAt(current.row());
    send(m.carrier, m.rawStatus, m_changeTo->currentData().toString());
}

void MappingEditor::send(const QString &carrier, const QString &rawStatus, const QString &status)
{
    m_busy = true;
    updateButtons();
    m_message->showInfo(tr("Saving…"));
    m_api.setMapping(
        carrier, rawStatus, status, this,
        [this, carrier, rawStatus, status](const client::Result<client::Done> &r) {
            m_busy = false;
            updateButtons();
            if (!r.ok()) {
                m_message->showError(tr("The mapping of %1 %2 was not saved: %3")
                                         .arg(carrier, rawStatus, describeError(r.error())));
                emit saveFinished(false);
                return;
            }
            m_message->showInfo(tr("%1 %2 now reads as %3; its checkpoints are "
                                   "re-read.")
                                    .arg(carrier, rawStatus, models::shipmentStatusLabel(status)));
            reload();
            emit mappingChanged(carrier, rawStatus);
            emit saveFinished(true);
        });
}

void MappingEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void MappingEditor::retranslateUi()
{
    m_carrier->setItemText(0, tr("Every carrier"));
    fillStatuses(m_mapTo);
    fillStatuses(m_changeTo);
    m_unmappedTitle->setText(tr("Carrier statuses without a mapping"));
    m_mappingsTitle->setText(tr("Mappings"));
    m_map->setText(tr("&Map"));
    m_save->setText(tr("Sa&ve mapping"));
    m_reloadButton->setText(tr("Re&load"));
    m_unmapped->retranslate();
    m_mappings->retranslate();
}

} // namespace haitao::widgets
