#include "widgets/warehouselabels.h"

#include "models/orderlabels.h"

#include <QCoreApplication>
#include <QLocale>

namespace haitao::widgets {

namespace {

// Free functions have no tr(): QT_TRANSLATE_NOOP at each call lets lupdate find the strings.
QString localized(const char *text)
{
    return QCoreApplication::translate("haitao::widgets::WarehouseLabels", text);
}

const QChar kMinus(0x2212);

} // namespace

QString gramsText(qint64 grams)
{
    return localized(QT_TRANSLATE_NOOP("haitao::widgets::WarehouseLabels", "%L1 g")).arg(grams);
}

QString signedGramsText(qint64 grams)
{
    if (grams == 0)
        return localized(QT_TRANSLATE_NOOP("haitao::widgets::WarehouseLabels", "±0 g"));
    const QString magnitude = gramsText(grams < 0 ? -grams : grams);
    return (grams < 0 ? QString(kMinus) : QStringLiteral("+")) + magnitude;
}

QString signedMoneyText(const Money &amount)
{
    if (amount.isZero())
        return models::moneyText(amount);
    // The sign in front of the currency ("−CNY 12.00"), as a typographic minus.
    const Money magnitude(amount.minor() < 0 ? -amount.minor() : amount.minor(), amount.currency());
    return (amount.isNegative() ? QString(kMinus) : QStringLiteral("+")) +
           models::moneyText(magnitude);
}

QString adjustmentStatusLabel(const QString &status)
{
    if (status == u"due")
        return localized(QT_TRANSLATE_NOOP("haitao::widgets::WarehouseLabels", "due"));
    if (status == u"paid")
        return localized(QT_TRANSLATE_NOOP("haitao::widgets::WarehouseLabels", "paid"));
    if (status == u"refund_pending")
        return localized(QT_TRANSLATE_NOOP("haitao::widgets::WarehouseLabels", "refund pending"));
    if (status == u"refunded")
        return localized(QT_TRANSLATE_NOOP("haitao::widgets::WarehouseLabels", "refunded"));
    if (status == u"refund_manual")
        return localized(
            QT_TRANSLATE_NOOP("haitao::widgets::WarehouseLabels", "to refund by hand"));
    return status;
}

QString receiptText(const client::Receipt &receipt)
{
    const QString when =
        QLocale().toString(receipt.receivedAt.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"));
    QString text = localized(QT_TRANSLATE_NOOP("haitao::widgets::WarehouseLabels",
                                               "Received %1 by %2: %3 (priced on %4)"))
                       .arg(when, receipt.receivedBy, gramsText(receipt.weightG),
                            gramsText(receipt.pricedWeightG));
    if (receipt.adjustment) {
        text += localized(QT_TRANSLATE_NOOP("haitao::widgets::WarehouseLabels",
                                            ", fee adjustment %1 (%2)"))
                    .arg(signedMoneyText(receipt.adjustment->amount),
                         adjustmentStatusLabel(receipt.adjustment->status));
    } else {
        text +=
            localized(QT_TRANSLATE_NOOP("haitao::widgets::WarehouseLabels", ", no fee adjustment"));
    }
    return text;
}

} // namespace haitao::widgets
