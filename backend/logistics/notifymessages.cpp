#include "backend/logistics/notifymessages.h"

#include <QStringList>

namespace haitao::server::logistics {

namespace {

bool isCustoms(const QString &status)
{
    return status == u"customs" || status == u"customs_hold";
}

} // namespace

QStringList notificationKinds(const QString &from, const QString &to)
{
    QStringList kinds;
    if (from == u"awaiting_shipment" && to != u"awaiting_shipment")
        kinds << QStringLiteral("shipped");
    // Released by customs: the parcel moves on (CUSTOMS_RELEASED itself still reads customs).
    if (isCustoms(from) && (to == u"in_transit" || to == u"out_for_delivery" || to == u"delivered"))
        kinds << QStringLiteral("customs_cleared");
    if (to == u"delivered" && from != u"delivered")
        kinds << QStringLiteral("delivered");
    return kinds;
}

NotificationText notificationText(const QString &kind, const StatusChange &c,
                                  const QString &carrierName)
{
    const QString order = QString::number(c.orderId);
    const QString carrier = carrierName.isEmpty() ? c.carrier : carrierName;
    const QString greeting = c.recipientName.isEmpty()
                                 ? QStringLiteral("您好：")
                                 : c.recipientName + QStringLiteral("，您好：");
    const QString tracking =
        QStringLiteral("承运商：%1\n运单号：%2\n").arg(carrier, c.trackingNumber);
    const QString footer = QStringLiteral("\n您可以在订单详情中随时查看物流进度。\n\n海淘 敬上\n"
                                          "（此邮件由系统自动发送，请勿直接回复。）\n");
    NotificationText t;
    if (kind == u"shipped") {
        t.subject = QStringLiteral("您的订单 %1 已发货").arg(order);
        t.email = greeting +
                  QStringLiteral("\n\n您的订单 %1 中的商品已由商家发出。\n\n").arg(order) +
                  tracking + footer;
        t.sms = QStringLiteral("【海淘】您的订单%1已发货，%2运单号%3。")
                    .arg(order, carrier, c.trackingNumber);
    } else if (kind == u"customs_cleared") {
        t.subject = QStringLiteral("您的订单 %1 的包裹已清关").arg(order);
        t.email = greeting +
                  QStringLiteral("\n\n您的订单 %1 的包裹已通过海关清关，正在运往您的收货地址。\n\n")
                      .arg(order) +
                  tracking + footer;
        t.sms = QStringLiteral("【海淘】您的订单%1的包裹已清关，%2运单号%3。")
                    .arg(order, carrier, c.trackingNumber);
    } else {
        t.subject = QStringLiteral("您的订单 %1 的包裹已签收").arg(order);
        t.email =
            greeting +
            QStringLiteral("\n\n您的订单 %1 的包裹已送达并签收。感谢您的惠顾！\n\n").arg(order) +
            tracking + footer;
        t.sms = QStringLiteral("【海淘】您的订单%1的包裹已签收（%2运单号%3），感谢您的惠顾！")
                    .arg(order, carrier, c.trackingNumber);
    }
    return t;
}

} // namespace haitao::server::logistics
