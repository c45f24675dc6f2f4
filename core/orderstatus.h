#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace haitao {

// The states of an order and of its sub-orders (one per foreign site) and their wire names
// ("pending_payment"), shared by the server and the client. Which transitions are allowed is
// the server's business (backend/orders/orderstatus.h).
enum class OrderStatus { PendingPayment, Paid, Completed, Cancelled, Expired };

enum class SubOrderStatus {
    PendingPayment,
    AwaitingPlacement,
    Placing,
    Placed,
    NeedsManual,
    PlacedManually,
    Cancelled,
};

QString statusName(OrderStatus status);
QString statusName(SubOrderStatus status);
std::optional<OrderStatus> orderStatusFromName(QStringView name);
std::optional<SubOrderStatus> subOrderStatusFromName(QStringView name);
QList<OrderStatus> allOrderStatuses();
QList<SubOrderStatus> allSubOrderStatuses();

} // namespace haitao
