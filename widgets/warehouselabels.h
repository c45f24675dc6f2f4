#pragma once

#include "backend-client/warehousetypes.h"

namespace haitao::widgets {

// Texts of the warehouse screens: weights and fee adjustments as people read them.

// "1,250 g".
QString gramsText(qint64 grams);
// "+250 g", "−40 g", "±0 g".
QString signedGramsText(qint64 grams);
// "+CNY 12.00" (the customer pays), "−CNY 5.00" (refunded), "CNY 0.00".
QString signedMoneyText(const Money &amount);
// "due", "paid", "refund pending", "refunded"; unknown names as they are.
QString adjustmentStatusLabel(const QString &status);
// "Received 2026-11-26 10:00 by alice: 1,250 g (priced on 1,000 g), fee adjustment +CNY 12.00
// (due)": an earlier receipt, for the packer who scans the parcel again.
QString receiptText(const client::Receipt &receipt);

} // namespace haitao::widgets
