#include "widgets/warehousereceivingpage.h"

#include "models/recentreceiptsmodel.h"
#include "widgets/errortext.h"
#include "widgets/messagelabel.h"
#include "widgets/readytodispatchpanel.h"
#include "widgets/tableviews.h"
#include "widgets/warehousedelegates.h"
#include "widgets/warehouselabels.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace haitao::widgets {

WarehouseReceivingPage::WarehouseReceivingPage(client::ApiClient *client, QWidget *parent)
    : Page(parent)
    , m_api(client)
    , m_beep([] { QApplication::beep(); })
    , m_scanLabel(new QLabel(this))
    , m_scan(new QLineEdit(this))
    , m_result(new ReceivingResultPanel(this))
    , m_weightLabel(new QLabel(this))
    , m_weight(new QLineEdit(this))
    , m_confirm(new QPushButton(this))
    , m_previewText(new QLabel(this))
    , m_message(new MessageLabel(this))
    , m_receipts(new models::RecentReceiptsModel(this))
    , m_receiptsView(new QTableView(this))
    , m_receiptsTitle(new QLabel(this))
    , m_ready(new ReadyToDispatchPanel(m_api, this))
{
    setObjectName(QStringLiteral("warehouseReceivingPage"));
    m_scan->setObjectName(QStringLiteral("scanField"));
    m_weight->setObjectName(QStringLiteral("weightField"));
    m_confirm->setObjectName(QStringLiteral("confirmReceipt"));
    m_previewText->setObjectName(QStringLiteral("weightPreview"));
    m_message->setObjectName(QStringLiteral("receivingMessage"));
    m_receiptsView->setObjectName(QStringLiteral("recentReceipts"));

    QFont big = m_scan->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    m_scan->setFont(big);
    m_weight->setFont(big);
    m_scan->setClearButtonEnabled(true);
    m_scan->setMaxLength(64);
    m_weight->setMaxLength(7);
    m_weight->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,7}")), m_weight));
    m_weight->setAlignment(Qt::AlignRight);
    m_scanLabel->setBuddy(m_scan);
    m_weightLabel->setBuddy(m_weight);
    m_previewText->setTextFormat(Qt::PlainText);
    m_previewText->setWordWrap(true);
    m_previewText->setFocusPolicy(Qt::NoFocus);
    m_confirm->setEnabled(false);
    QFont bold = m_receiptsTitle->font();
    bold.setBold(true);
    m_receiptsTitle->setFont(bold);

    m_receiptsView->setModel(m_receipts);
    setUpTableView(m_receiptsView);
    m_receiptsView->setItemDelegate(new WarehouseDelegate(m_receiptsView));
    m_receiptsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_receiptsView->setSelectionMode(QAbstractItemView::SingleSelection);

    auto *scanRow = new QHBoxLayout;
    scanRow->addWidget(m_scanLabel);
    scanRow->addWidget(m_scan, 1);
    auto *weightRow = new QHBoxLayout;
    weightRow->addWidget(m_weightLabel);
    weightRow->addWidget(m_weight);
    weightRow->addWidget(m_confirm);
    weightRow->addStretch(1);
    auto *receipts = new QWidget(this);
    auto *receiptsLayout = new QVBoxLayout(receipts);
    receiptsLayout->setContentsMargins(0, 0, 0, 0);
    receiptsLayout->addWidget(m_receiptsTitle);
    receiptsLayout->addWidget(m_receiptsView, 1);
    auto *lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(receipts);
    lower->addWidget(m_ready);
    lower->setStretchFactor(0, 3);
    lower->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(scanRow);
    layout->addWidget(m_result);
    layout->addLayout(weightRow);
    layout->addWidget(m_previewText);
    layout->addWidget(m_message);
    layout->addWidget(lower, 1);

    // Enter in the weight field is ours (Enter and Ctrl+Enter, and letters from a scanner).
    m_weight->installEventFilter(this);
    connect(m_scan, &QLineEdit::returnPressed, this, &WarehouseReceivingPage::lookup);
    connect(m_weight, &QLineEdit::textEdited, this, [this] {
        // A changed weight is not the previewed one: no confirm until it is previewed again.
        if (m_preview) {
            m_preview.reset();
            renderPreview();
            updateButtons();
        }
    });
    connect(m_confirm, &QPushButton::clicked, this, &WarehouseReceivingPage::confirm);
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, &WarehouseReceivingPage::cancelMatch);
    // Dispatching is a detour: the keyboard goes back to the scan field either way.
    connect(m_ready, &ReadyToDispatchPanel::dispatchFinished, this, [this] { focusScan(true); });

    retranslateUi();
    updateButtons();
}

QString WarehouseReceivingPage::title() const
{
    return tr("Warehouse receiving");
}

int WarehouseReceivingPage::beepsFor(State state)
{
    switch (state) {
    case State::Matched:
        return 1;
    case State::AlreadyReceived:
        return 2;
    case State::Unknown:
    case State::Failed:
        return 3;
    default:
        return 0;
    }
}

void WarehouseReceivingPage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    if (!m_loaded) {
        m_loaded = true;
        m_ready->reload();
    }
    if (!m_match)
        focusScan(false);
}

void WarehouseReceivingPage::beep(int times)
{
    // One now, the rest spaced so that the ear can count them.
    for (int i = 0; i < times; ++i) {
        if (i == 0)
            m_beep();
        else
            QTimer::singleShot(kBeepGapMs * i, this, [this] { m_beep(); });
    }
}

void WarehouseReceivingPage::focusScan(bool clear)
{
    if (clear)
        m_scan->clear();
    m_scan->setFocus(Qt::OtherFocusReason);
    m_scan->selectAll(); // the next scan replaces what is there
}

void WarehouseReceivingPage::lookup()
{
    const QString scan = m_scan->text().trimmed();
    if (!scan.isEmpty())
        lookupScan(scan);
}

void WarehouseReceivingPage::lookupScan(const QString &scan)
{
    // A new scan abandons the parcel on the scale: nothing was recorded for it.
    m_match.reset();
    m_preview.reset();
    m_weight->clear();
    renderPreview();
    m_message->clearMessage();
    m_result->showLooking(scan);
    updateButtons();
    m_scan->selectAll();
    const quint64 request = ++m_lookupRequest;
    m_api.lookup(scan, this, [this, request, scan](const client::Result<client::ScanLookup> &r) {
        if (request != m_lookupRequest)
            return; // the packer scanned another parcel meanwhile
        if (!r.ok()) {
            m_result->showFailure(scan, tr("the lookup failed: %1").arg(describeError(r.error())));
            beep(beepsFor(State::Failed));
            focusScan(false);
            emit lookupFinished();
            return;
        }
        const client::ScanLookup &lookup = r.value();
        m_result->showLookup(scan, lookup);
        beep(beepsFor(m_result->state()));
        if (lookup.match == client::ScanMatch::Matched) {
            m_match = lookup.shipment;
            m_matchedScan = scan;
            updateButtons();
            m_weight->setFocus(Qt::OtherFocusReason);
        } else {
            focusScan(false);
        }
        emit lookupFinished();
    });
}

std::optional<qint64> WarehouseReceivingPage::enteredWeight(QString *why) const
{
    bool ok = false;
    const qint64 grams = m_weight->text().trimmed().toLongLong(&ok);
    if (!ok || grams <= 0 || grams > kMaxWeightG) {
        *why = tr("Enter the weight in whole grams, 1 to %L1.").arg(kMaxWeightG);
        return std::nullopt;
    }
    return grams;
}

void WarehouseReceivingPage::weightEntered()
{
    if (!m_match) {
        focusScan(false);
        return;
    }
    if (m_confirming)
        return;
    QString why;
    const std::optional<qint64> grams = enteredWeight(&why);
    if (!grams) {
        m_message->showError(why);
        m_weight->selectAll();
        return;
    }
    if (m_preview && m_preview->weightG == *grams)
        confirm();
    else
        requestPreview(*grams);
}

void WarehouseReceivingPage::requestPreview(qint64 weightG)
{
    m_message->clearMessage();
    m_preview.reset();
    renderPreview();
    updateButtons();
    const qint64 shipmentId = m_match->id;
    const quint64 request = ++m_previewRequest;
    m_api.preview(
        shipmentId, weightG, this,
        [this, request, shipmentId](const client::Result<client::WeightPreview> &r) {
            if (request != m_previewRequest || !m_match || m_match->id != shipmentId)
                return;
            if (!r.ok()) {
                m_message->showError(
                    tr("The weight could not be checked: %1").arg(describeError(r.error())));
                m_weight->selectAll();
                return;
            }
            m_preview = r.value();
            renderPreview();
            updateButtons();
            emit previewShown();
        });
}

void WarehouseReceivingPage::renderPreview()
{
    if (!m_preview) {
        m_previewText->setText(m_match ? tr("Type the weight in grams and press Enter to see "
                                            "the difference and any fee adjustment.")
                                       : QString());
        return;
    }
    const client::WeightPreview &p = *m_preview;
    QString text =
        tr("Weighed %1 · priced on %2 · difference %3 (%4)")
            .arg(gramsText(p.weightG), gramsText(p.pricedWeightG), signedGramsText(p.differenceG),
                 p.beyondTolerance ? tr("beyond the tolerance") : tr("within the tolerance"));
    text += QLatin1Char('\n');
    if (p.adjustment) {
        const client::WeightPreview::Adjustment &a = *p.adjustment;
        text +=
            tr("Fee adjustment %1: before %2 → after %3 (%4)")
                .arg(signedMoneyText(a.amount), signedMoneyText(a.before), signedMoneyText(a.after),
                     a.amount.isNegative() ? tr("refunded to the customer")
                                           : tr("the customer pays"));
    } else {
        text += tr("No fee adjustment.");
    }
    text += QLatin1Char('\n') + tr("Enter or Ctrl+Enter confirms this weight; Esc cancels.");
    m_previewText->setText(text);
}

void WarehouseReceivingPage::confirm()
{
    if (!m_match || !m_preview || m_confirming)
        return;
    m_confirming = true;
    updateButtons();
    const client::ReceivingShipment shipment = *m_match;
    const QString scan = m_matchedScan;
    m_api.receive(
        shipment.id, m_preview->weightG, this,
        [this, shipment, scan](const client::Result<client::Receipt> &r) {
            m_confirming = false;
            if (!r.ok()) {
                if (r.error().kind == ProblemKind::Conflict) {
                    // Received meanwhile (someone else, or our own answer lost on the way):
                    // looked up again, it shows that receipt, amber, as a second scan would.
                    m_scan->setText(scan);
                    lookupScan(scan);
                    m_message->showError(
                        tr("Not recorded again: %1").arg(describeError(r.error())));
                } else {
                    // Nothing was recorded: Enter again retries.
                    m_message->showError(
                        tr("The receipt was not recorded: %1").arg(describeError(r.error())));
                    beep(beepsFor(State::Failed));
                    m_weight->setFocus(Qt::OtherFocusReason);
                }
                updateButtons();
                emit confirmFailed();
                return;
            }
            const client::Receipt &receipt = r.value();
            m_receipts->add({receipt, scan, shipment.orderId, shipment.customer});
            m_receiptsView->setCurrentIndex(m_receipts->index(0, 0));
            m_match.reset();
            m_preview.reset();
            m_weight->clear();
            renderPreview();
            m_result->showReceived(scan, receipt);
            m_message->showInfo(receipt.adjustment
                                    ? tr("Shipment %1 received at %2; fee adjustment %3.")
                                          .arg(receipt.shipmentId)
                                          .arg(gramsText(receipt.weightG),
                                               signedMoneyText(receipt.adjustment->amount))
                                    : tr("Shipment %1 received at %2.")
                                          .arg(receipt.shipmentId)
                                          .arg(gramsText(receipt.weightG)));
            updateButtons();
            focusScan(true);
            m_ready->reload();
            emit receiptRecorded(receipt.id);
        });
}

void WarehouseReceivingPage::cancelMatch()
{
    if (m_confirming)
        return; // the answer decides; it comes back here anyway
    ++m_lookupRequest;
    ++m_previewRequest;
    m_match.reset();
    m_preview.reset();
    m_weight->clear();
    renderPreview();
    m_message->clearMessage();
    m_result->showIdle();
    updateButtons();
    focusScan(false);
}

void WarehouseReceivingPage::updateButtons()
{
    m_weight->setEnabled(m_match.has_value());
    m_confirm->setEnabled(m_match && m_preview && !m_confirming);
}

bool WarehouseReceivingPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_weight && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            weightEntered(); // with or without Ctrl: both preview first, then confirm
            return true;
        }
        const QString text = key->text();
        const bool plain = (key->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier)) == 0;
        if (plain && !text.isEmpty() && text.at(0).isLetter()) {
            // A tracking number arriving while the weight field has the keyboard: the packer
            // moved on to another parcel.
            cancelMatch();
            m_scan->clear();
            m_scan->insert(text);
            return true;
        }
    }
    return Page::eventFilter(watched, event);
}

void WarehouseReceivingPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    Page::changeEvent(event);
}

void WarehouseReceivingPage::retranslateUi()
{
    m_scanLabel->setText(tr("&Scan:"));
    m_scan->setPlaceholderText(tr("Scan or type the shop's tracking number, then Enter"));
    m_weightLabel->setText(tr("&Weight (g):"));
    m_weight->setPlaceholderText(tr("grams"));
    m_confirm->setText(tr("&Confirm receipt"));
    m_receiptsTitle->setText(tr("Received at this desk"));
    m_receipts->retranslate();
    renderPreview();
}

} // namespace haitao::widgets
