#include "models/logisticslabels.h"

#include <QCoreApplication>

namespace haitao::models {

// Free functions have no tr(): the literal context lets lupdate find the strings.

QStringList normalizedStatuses()
{
    return {QStringLiteral("info_received"), QStringLiteral("in_transit"),
            QStringLiteral("at_warehouse"),  QStringLiteral("customs"),
            QStringLiteral("customs_hold"),  QStringLiteral("out_for_delivery"),
            QStringLiteral("delivered"),     QStringLiteral("exception"),
            QStringLiteral("returned")};
}

QStringList shipmentStatuses()
{
    return QStringList{QStringLiteral("awaiting_shipment")} + normalizedStatuses();
}

QStringList legKinds()
{
    return {QStringLiteral("shop"), QStringLiteral("international"), QStringLiteral("customs"),
            QStringLiteral("domestic")};
}

int legOrder(const QString &kind)
{
    const qsizetype i = legKinds().indexOf(kind);
    return i < 0 ? int(legKinds().size()) : int(i);
}

QString shipmentStatusLabel(const QString &status)
{
    if (status == QLatin1String("awaiting_shipment"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "Awaiting shipment");
    if (status == QLatin1String("info_received"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "Info received");
    if (status == QLatin1String("in_transit"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "In transit");
    if (status == QLatin1String("at_warehouse"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "At warehouse");
    if (status == QLatin1String("customs"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "Customs");
    if (status == QLatin1String("customs_hold"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "Customs hold");
    if (status == QLatin1String("out_for_delivery"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "Out for delivery");
    if (status == QLatin1String("delivered"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "Delivered");
    if (status == QLatin1String("exception"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "Exception");
    if (status == QLatin1String("returned"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "Returned");
    if (status == QLatin1String("cancelled")) // only in an order's tracking: never shipped
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "Cancelled");
    if (isUnknownStatus(status))
        return QCoreApplication::translate("haitao::models::LogisticsLabels",
                                           "Unknown (not mapped)");
    return status;
}

QString legKindLabel(const QString &kind)
{
    if (kind == QLatin1String("shop"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "Shop to warehouse");
    if (kind == QLatin1String("international"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "International");
    if (kind == QLatin1String("customs"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "Customs");
    if (kind == QLatin1String("domestic"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "Domestic delivery");
    return kind;
}

QString checkpointSourceLabel(const QString &source)
{
    if (source == QLatin1String("poll"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "Polled");
    if (source == QLatin1String("webhook"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "Webhook");
    if (source == QLatin1String("manual"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "Entered by hand");
    if (source == QLatin1String("warehouse"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "Warehouse scan");
    return source;
}

QString alertKindLabel(const QString &kind)
{
    if (kind == QLatin1String("quiet"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "Gone quiet");
    if (kind == QLatin1String("exception"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "Exception");
    if (kind == QLatin1String("customs_hold"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "Customs hold");
    return kind;
}

QString alertStateLabel(const QString &state)
{
    if (state == QLatin1String("open"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "Open");
    if (state == QLatin1String("acknowledged"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "Acknowledged");
    if (state == QLatin1String("resolved"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "Resolved");
    return state;
}

QString notificationKindLabel(const QString &kind)
{
    if (kind == QLatin1String("shipped"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "Shipped");
    if (kind == QLatin1String("customs_cleared"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "Cleared customs");
    if (kind == QLatin1String("delivered"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "Delivered");
    return kind;
}

QString notificationStatusLabel(const QString &status)
{
    if (status == QLatin1String("pending"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "Pending");
    if (status == QLatin1String("sent"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "Sent");
    if (status == QLatin1String("failed"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "Failed");
    return status;
}

QString channelLabel(const QString &channel)
{
    if (channel == QLatin1String("email"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "E-mail");
    if (channel == QLatin1String("sms"))
        return QCoreApplication::translate("haitao::models::LogisticsLabels", "SMS");
    return channel;
}

} // namespace haitao::models
