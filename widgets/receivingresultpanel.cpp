#include "widgets/receivingresultpanel.h"

#include "widgets/warehouselabels.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace haitao::widgets {

using State = ReceivingResultPanel::State;

ReceivingResultPanel::ReceivingResultPanel(QWidget *parent)
    : QWidget(parent)
    , m_banner(new QLabel(this))
    , m_details(new QLabel(this))
    , m_lines(new QLabel(this))
    , m_receipt(new QLabel(this))
{
    setObjectName(QStringLiteral("receivingResult"));
    m_banner->setObjectName(QStringLiteral("scanBanner"));
    m_details->setObjectName(QStringLiteral("scanDetails"));
    m_lines->setObjectName(QStringLiteral("scanLines"));
    m_receipt->setObjectName(QStringLiteral("scanReceipt"));
    for (QLabel *l : {m_banner, m_details, m_lines, m_receipt}) {
        l->setTextFormat(Qt::PlainText);
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        l->setFocusPolicy(Qt::NoFocus); // the scan field keeps the keyboard
    }
    // Readable from a step away: the packer's hands are on the parcel.
    QFont big = m_banner->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_banner->setFont(big);
    m_banner->setAutoFillBackground(true);
    m_banner->setMargin(8);
    QFont detailFont = m_details->font();
    detailFont.setPointSizeF(detailFont.pointSizeF() * 1.2);
    m_details->setFont(detailFont);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addWidget(m_details);
    layout->addWidget(m_lines);
    layout->addWidget(m_receipt);
    layout->addStretch(1);
    render();
}

QColor ReceivingResultPanel::background(State state)
{
    switch (state) {
    case State::Matched:
    case State::Received:
        return QColor(0xdf, 0xf0, 0xd8);
    case State::AlreadyReceived:
        return QColor(0xff, 0xe8, 0xa8);
    case State::Unknown:
    case State::Failed:
        return QColor(0xf8, 0xd0, 0xcc);
    default:
        return {};
    }
}

QColor ReceivingResultPanel::foreground(State state)
{
    switch (state) {
    case State::Matched:
    case State::Received:
        return QColor(0x1d, 0x5e, 0x20);
    case State::AlreadyReceived:
        return QColor(0x6b, 0x42, 0x00);
    case State::Unknown:
    case State::Failed:
        return QColor(0x8a, 0x1c, 0x1c);
    default:
        return {};
    }
}

void ReceivingResultPanel::showIdle()
{
    m_state = State::Idle;
    m_scan.clear();
    m_shipment.reset();
    m_receiptValue.reset();
    render();
}

void ReceivingResultPanel::showLooking(const QString &scan)
{
    m_state = State::Looking;
    m_scan = scan;
    m_shipment.reset();
    m_receiptValue.reset();
    render();
}

void ReceivingResultPanel::showLookup(const QString &scan, const client::ScanLookup &lookup)
{
    m_scan = scan;
    m_shipment = lookup.shipment;
    m_receiptValue = lookup.receipt;
    switch (lookup.match) {
    case client::ScanMatch::Matched:
        m_state = State::Matched;
        break;
    case client::ScanMatch::AlreadyReceived:
        m_state = State::AlreadyReceived;
        break;
    case client::ScanMatch::Unknown:
        m_state = State::Unknown;
        break;
    }
    render();
}

void ReceivingResultPanel::showFailure(const QString &scan, const QString &why)
{
    m_state = State::Failed;
    m_scan = scan;
    m_why = why;
    render();
}

void ReceivingResultPanel::showReceived(const QString &scan, const client::Receipt &receipt)
{
    m_state = State::Received;
    m_scan = scan;
    m_receiptValue = receipt;
    render();
}

void ReceivingResultPanel::setBanner(const QString &text)
{
    m_banner->setText(text);
    QPalette p = palette();
    const QColor bg = background(m_state), fg = foreground(m_state);
    if (bg.isValid())
        p.setColor(QPalette::Window, bg);
    if (fg.isValid())
        p.setColor(QPalette::WindowText, fg);
    m_banner->setPalette(p);
}

void ReceivingResultPanel::render()
{
    // Each state starts with a word and a symbol of its own, so that colour is never the only
    // signal.
    switch (m_state) {
    case State::Idle:
        setBanner(tr("Scan a parcel"));
        break;
    case State::Looking:
        setBanner(tr("Looking up %1…").arg(m_scan));
        break;
    case State::Matched:
        setBanner(tr("✔ MATCHED: %1 — weigh it").arg(m_scan));
        break;
    case State::AlreadyReceived:
        setBanner(tr("⚠ ALREADY RECEIVED: %1").arg(m_scan));
        break;
    case State::Unknown:
        setBanner(tr("✖ UNKNOWN: %1 — no shipment has this tracking number").arg(m_scan));
        break;
    case State::Failed:
        setBanner(tr("✖ NOT DONE: %1").arg(m_why));
        break;
    case State::Received:
        setBanner(tr("✔ RECEIVED: %1 — scan the next parcel").arg(m_scan));
        break;
    }

    if (m_shipment && m_state != State::Unknown && m_state != State::Looking) {
        const client::ReceivingShipment &s = *m_shipment;
        m_details->setText(tr("Order %1 · sub-order %2 · %3 · customer %4 · priced on %5")
                               .arg(s.orderId)
                               .arg(s.subOrderId)
                               .arg(s.site, s.customer, gramsText(s.pricedWeightG)));
        QStringList lines;
        for (const client::ReceivingLine &l : s.lines) {
            lines << (l.titleZh.isEmpty()
                          ? tr("%1 × %2").arg(l.quantity).arg(l.title)
                          : tr("%1 × %2 (%3)").arg(l.quantity).arg(l.title, l.titleZh));
        }
        m_lines->setText(lines.join(QLatin1Char('\n')));
    } else {
        m_details->clear();
        m_lines->clear();
    }
    m_details->setVisible(!m_details->text().isEmpty());
    m_lines->setVisible(!m_lines->text().isEmpty());

    if (m_receiptValue && (m_state == State::AlreadyReceived || m_state == State::Received))
        m_receipt->setText(receiptText(*m_receiptValue));
    else
        m_receipt->clear();
    m_receipt->setVisible(!m_receipt->text().isEmpty());
}

void ReceivingResultPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        render();
    QWidget::changeEvent(event);
}

} // namespace haitao::widgets
