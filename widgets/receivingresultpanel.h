#pragma once

#include "backend-client/warehousetypes.h"

#include <QColor>
#include <QWidget>

#include <optional>

class QLabel;

namespace haitao::widgets {

// What the last scan found, where the packer looks: a banner whose colour AND words say
// matched, already received or unknown (never the colour alone), then the shipment (order,
// sub-order, site, customer, priced weight, lines) and, for a parcel received before, that
// receipt.
class ReceivingResultPanel : public QWidget
{
    Q_OBJECT

public:
    enum class State { Idle, Looking, Matched, AlreadyReceived, Unknown, Failed, Received };

    explicit ReceivingResultPanel(QWidget *parent = nullptr);

    // Background and text colours of the banner per state; invalid for Idle and Looking.
    static QColor background(State state);
    static QColor foreground(State state);

    State state() const { return m_state; }
    QLabel *banner() const { return m_banner; }
    QLabel *details() const { return m_details; }
    QLabel *lines() const { return m_lines; }
    QLabel *receipt() const { return m_receipt; }

    void showIdle();
    void showLooking(const QString &scan);
    void showLookup(const QString &scan, const client::ScanLookup &lookup);
    // The lookup (or the confirm) failed: `why` is already readable.
    void showFailure(const QString &scan, const QString &why);
    // The confirm answered: the parcel is in.
    void showReceived(const QString &scan, const client::Receipt &receipt);

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();
    void setBanner(const QString &text);

    QLabel *m_banner;
    QLabel *m_details;
    QLabel *m_lines;
    QLabel *m_receipt;
    State m_state = State::Idle;
    QString m_scan;
    QString m_why;
    std::optional<client::ReceivingShipment> m_shipment;
    std::optional<client::Receipt> m_receiptValue;
};

} // namespace haitao::widgets
