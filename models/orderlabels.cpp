#include "models/orderlabels.h"

#include <QCoreApplication>

namespace haitao::models {

// Free functions have no tr(): the literal context lets lupdate find the strings.

QString orderStatusLabel(client::OrderStatus status)
{
    using S = client::OrderStatus;
    switch (status) {
    case S::PendingPayment:
        return QCoreApplication::translate("haitao::models::OrderLabels", "Awaiting payment");
    case S::Paid:
        return QCoreApplication::translate("haitao::models::OrderLabels", "Paid");
    case S::Completed:
        return QCoreApplication::translate("haitao::models::OrderLabels", "Completed");
    case S::Cancelled:
        return QCoreApplication::translate("haitao::models::OrderLabels", "Cancelled");
    case S::Expired:
        return QCoreApplication::translate("haitao::models::OrderLabels", "Expired");
    }
    return statusName(status);
}

QString subOrderStatusLabel(client::SubOrderStatus status)
{
    using S = client::SubOrderStatus;
    switch (status) {
    case S::PendingPayment:
        return QCoreApplication::translate("haitao::models::OrderLabels", "Awaiting payment");
    case S::AwaitingPlacement:
        return QCoreApplication::translate("haitao::models::OrderLabels", "Awaiting placement");
    case S::Placing:
        return QCoreApplication::translate("haitao::models::OrderLabels", "Placing");
    case S::Placed:
        return QCoreApplication::translate("haitao::models::OrderLabels", "Placed");
    case S::NeedsManual:
        return QCoreApplication::translate("haitao::models::OrderLabels", "Needs manual placement");
    case S::PlacedManually:
        return QCoreApplication::translate("haitao::models::OrderLabels", "Placed manually");
    case S::Cancelled:
        return QCoreApplication::translate("haitao::models::OrderLabels", "Cancelled");
    }
    return statusName(status);
}

QString statusLabel(const QString &wireName)
{
    if (const auto s = subOrderStatusFromName(wireName))
        return subOrderStatusLabel(*s);
    if (const auto s = orderStatusFromName(wireName))
        return orderStatusLabel(*s);
    return wireName;
}

QString placementStepLabel(const QString &step)
{
    if (step == QLatin1String("sign_in"))
        return QCoreApplication::translate("haitao::models::OrderLabels", "Sign in");
    if (step == QLatin1String("lookup"))
        return QCoreApplication::translate("haitao::models::OrderLabels", "Look up earlier orders");
    if (step == QLatin1String("check_price"))
        return QCoreApplication::translate("haitao::models::OrderLabels", "Check price and stock");
    if (step == QLatin1String("create"))
        return QCoreApplication::translate("haitao::models::OrderLabels", "Create order");
    if (step == QLatin1String("confirm"))
        return QCoreApplication::translate("haitao::models::OrderLabels", "Confirm order");
    return step;
}

QString placementOutcomeLabel(const QString &outcome)
{
    if (outcome == QLatin1String("ok"))
        return QCoreApplication::translate("haitao::models::OrderLabels", "OK");
    if (outcome == QLatin1String("failed"))
        return QCoreApplication::translate("haitao::models::OrderLabels", "Failed");
    if (outcome == QLatin1String("ambiguous"))
        return QCoreApplication::translate("haitao::models::OrderLabels", "No clear answer");
    if (outcome == QLatin1String("running"))
        return QCoreApplication::translate("haitao::models::OrderLabels", "Running");
    if (outcome == QLatin1String("placed"))
        return QCoreApplication::translate("haitao::models::OrderLabels", "Placed");
    if (outcome == QLatin1String("retry"))
        return QCoreApplication::translate("haitao::models::OrderLabels", "Will retry");
    if (outcome == QLatin1String("needs_manual"))
        return QCoreApplication::translate("haitao::models::OrderLabels", "Needs manual placement");
    if (outcome == QLatin1String("interrupted"))
        return QCoreApplication::translate("haitao::models::OrderLabels", "Interrupted");
    return outcome;
}

QString moneyText(const Money &amount)
{
    return amount.currency().code() + QLatin1Char(' ') + amount.toString();
}

} // namespace haitao::models
