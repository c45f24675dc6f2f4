#pragma once

#include "backend-client/warehouseapi.h"
#include "widgets/page.h"
#include "widgets/receivingresultpanel.h"

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace haitao::models {
class RecentReceiptsModel;
}

namespace haitao::widgets {

class MessageLabel;
class ReadyToDispatchPanel;

// Warehouse receiving at the forwarder, keyboard only and scanner-friendly. The scan field
// has the keyboard: a barcode scanner types the shop's tracking number and Enter, which looks
// it up. A match (green, one beep) moves the keyboard to the weight field; already received
// (amber, two beeps, the earlier receipt shown) and unknown (red, three beeps) leave it in the
// scan field with the text selected for the next scan. The weight in grams and Enter preview
// the difference and the fee adjustment; Enter again (or Ctrl+Enter) confirms that previewed
// weight, never another; then the keyboard is back in the scan field and the receipt heads the
// list. Esc abandons a match. Letters typed into the weight field are a new scan: they go to
// the scan field. Below: the shipments ready to dispatch and "Dispatch parcel".
class WarehouseReceivingPage : public Page
{
    Q_OBJECT

public:
    using State = ReceivingResultPanel::State;
    static constexpr qint64 kMaxWeightG = 100'000; // 100 kg: beyond that it is a typo
    static constexpr int kBeepGapMs = 180;

    explicit WarehouseReceivingPage(client::ApiClient *client, QWidget *parent = nullptr);

    QString title() const override;

    // The sound of a scan result; QApplication::beep by default (tests count the calls).
    void setBeeper(std::function<void()> beep) { m_beep = std::move(beep); }
    // Beeps per outcome: matched 1, already received 2, unknown or failed 3.
    static int beepsFor(State state);

    State state() const { return m_result->state(); }
    QLineEdit *scanEdit() const { return m_scan; }
    QLineEdit *weightEdit() const { return m_weight; }
    QPushButton *confirmButton() const { return m_confirm; }
    QLabel *previewLabel() const { return m_previewText; }
    MessageLabel *message() const { return m_message; }
    ReceivingResultPanel *result() const { return m_result; }
    models::RecentReceiptsModel *receiptsModel() const { return m_receipts; }
    QTableView *receiptsView() const { return m_receiptsView; }
    ReadyToDispatchPanel *readyPanel() const { return m_ready; }
    // The weight the current preview is for, when one is shown and still valid.
    const std::optional<client::WeightPreview> &preview() const { return m_preview; }

    // Looks up what the scan field holds.
    void lookup();
    // Enter in the weight field: previews a new weight, confirms the previewed one.
    void weightEntered();
    void confirm();
    void cancelMatch();

signals:
    void lookupFinished(); // state() says how
    void previewShown();
    void receiptRecorded(qint64 receiptId);
    void confirmFailed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void beep(int times);
    void lookupScan(const QString &scan);
    void focusScan(bool clear);
    void requestPreview(qint64 weightG);
    void renderPreview();
    void updateButtons();
    std::optional<qint64> enteredWeight(QString *why) const;

    client::WarehouseApi m_api;
    std::function<void()> m_beep;
    QLabel *m_scanLabel;
    QLineEdit *m_scan;
    ReceivingResultPanel *m_result;
    QLabel *m_weightLabel;
    QLineEdit *m_weight;
    QPushButton *m_confirm;
    QLabel *m_previewText;
    MessageLabel *m_message;
    models::RecentReceiptsModel *m_receipts;
    QTableView *m_receiptsView;
    QLabel *m_receiptsTitle;
    ReadyToDispatchPanel *m_ready;

    QString m_matchedScan;
    std::optional<client::ReceivingShipment> m_match;
    std::optional<client::WeightPreview> m_preview;
    quint64 m_lookupRequest = 0;
    quint64 m_previewRequest = 0;
    bool m_confirming = false;
    bool m_loaded = false;
};

} // namespace haitao::widgets
