#include "widgets/readytodispatchpanel.h"

#include "models/receivingreadymodel.h"
#include "widgets/errortext.h"
#include "widgets/messagelabel.h"
#include "widgets/warehousedelegates.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace haitao::widgets {

using models::ReceivingReadyModel;

ReadyToDispatchPanel::ReadyToDispatchPanel(const client::WarehouseApi &api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_model(new ReceivingReadyModel(this))
    , m_view(new QTreeView(this))
    , m_dispatch(new QPushButton(this))
    , m_reload(new QPushButton(this))
    , m_title(new QLabel(this))
    , m_parcel(new QLabel(this))
    , m_message(new MessageLabel(this))
{
    setObjectName(QStringLiteral("readyToDispatch"));
    m_view->setObjectName(QStringLiteral("readyView"));
    m_dispatch->setObjectName(QStringLiteral("dispatchParcel"));
    m_reload->setObjectName(QStringLiteral("reloadReady"));
    m_parcel->setObjectName(QStringLiteral("parcelNumber"));
    m_message->setObjectName(QStringLiteral("readyMessage"));

    m_view->setModel(m_model);
    m_view->setItemDelegate(new WarehouseDelegate(m_view));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(true);
    QFont title = m_title->font();
    title.setBold(true);
    m_title->setFont(title);
    // The tracking number goes on the parcel's label: large and selectable.
    QFont big = m_parcel->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_parcel->setFont(big);
    m_parcel->setTextFormat(Qt::PlainText);
    m_parcel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_parcel->setVisible(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_title, 1);
    buttons->addWidget(m_reload);
    buttons->addWidget(m_dispatch);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(m_parcel);
    layout->addWidget(m_view, 1);

    connect(m_reload, &QPushButton::clicked, this, &ReadyToDispatchPanel::reload);
    connect(m_dispatch, &QPushButton::clicked, this, &ReadyToDispatchPanel::dispatchSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ReadyToDispatchPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_view->expandAll();
        if (m_model->rowCount() > 0)
            m_view->setCurrentIndex(m_model->groupIndex(0));
        updateButtons();
    });
    retranslateUi();
}

void ReadyToDispatchPanel::reload()
{
    const quint64 request = ++m_request;
    m_api.ready(this, [this, request](const client::Result<client::ReadyGroups> &r) {
        if (request != m_request)
            return; // a newer reload is on its way
        if (!r.ok()) {
            m_message->showError(tr("The shipments ready to dispatch could not be loaded: %1")
                                     .arg(describeError(r.error())));
            return;
        }
        m_model->setGroups(r.value());
        emit loaded();
    });
}

void ReadyToDispatchPanel::dispatchSelected()
{
    const QList<qint64> ids = m_model->shipmentIds(m_view->currentIndex());
    if (ids.isEmpty() || m_busy)
        return;
    m_busy = true;
    updateButtons();
    m_message->clearMessage();
    m_api.dispatchParcel(ids, this, [this](const client::Result<client::DispatchedParcel> &r) {
        m_busy = false;
        if (!r.ok()) {
            m_message->showError(tr("The parcel was not booked: %1").arg(describeError(r.error())));
            updateButtons();
            reload(); // someone else may have dispatched some of them
            emit dispatchFinished(false);
            return;
        }
        const client::DispatchedParcel &p = r.value();
        QStringList ids;
        for (qint64 id : p.shipmentIds)
            ids << QString::number(id);
        m_parcel->setText(tr("Parcel %1 (%2) — shipments %3")
                              .arg(p.trackingNumber, p.carrier, ids.join(QStringLiteral(", "))));
        m_parcel->setVisible(true);
        m_message->showInfo(tr("Parcel booked: write %1 on the label.").arg(p.trackingNumber));
        reload();
        emit dispatchFinished(true);
    });
}

void ReadyToDispatchPanel::updateButtons()
{
    const int n = int(m_model->shipmentIds(m_view->currentIndex()).size());
    m_dispatch->setEnabled(!m_busy && n > 0);
    m_dispatch->setText(n > 0 ? tr("&Dispatch parcel (%n shipment(s))", nullptr, n)
                              : tr("&Dispatch parcel"));
}

void ReadyToDispatchPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ReadyToDispatchPanel::retranslateUi()
{
    m_title->setText(tr("Ready to dispatch"));
    m_reload->setText(tr("Re&load"));
    m_model->retranslate();
    updateButtons();
}

} // namespace haitao::widgets
