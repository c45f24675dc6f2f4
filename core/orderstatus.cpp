#include "core/orderstatus.h"

#include <utility>

namespace haitao {

namespace {

constexpr std::pair<OrderStatus, const char *> kOrderNames[] = {
    {OrderStatus::PendingPayment, "pending_payment"},
    {OrderStatus::Paid, "paid"},
    {OrderStatus::Completed, "completed"},
    {OrderStatus::Cancelled, "cancelled"},
    {OrderStatus::Expired, "expired"},
};

constexpr std::pair<SubOrderStatus, const char *> kSubOrderNames[] = {
    {SubOrderStatus::PendingPayment, "pending_payment"},
    {SubOrderStatus::AwaitingPlacement, "awaiting_placement"},
    {SubOrderStatus::Placing, "placing"},
    {SubOrderStatus::Placed, "placed"},
    {SubOrderStatus::NeedsManual, "needs_manual"},
    {SubOrderStatus::PlacedManually, "placed_manually"},
    {SubOrderStatus::Cancelled, "cancelled"},
};

template <typename Status, size_t N>
QString nameIn(const std::pair<Status, const char *> (&table)[N], Status status)
{
    for (const auto &[s, name] : table)
        if (s == status)
            return QString::fromLatin1(name);
    return {};
}

template <typename Status, size_t N>
std::optional<Status> statusIn(const std::pair<Status, const char *> (&table)[N], QStringView name)
{
    for (const auto &[s, n] : table)
        if (name == QLatin1String(n))
            return s;
    return std::nullopt;
}

template <typename Status, size_t N>
QList<Status> allIn(const std::pair<Status, const char *> (&table)[N])
{
    QList<Status> all;
    for (const auto &entry : table)
        all.append(entry.first);
    return all;
}

} // namespace

QString statusName(OrderStatus status)
{
    return nameIn(kOrderNames, status);
}

QString statusName(SubOrderStatus status)
{
    return nameIn(kSubOrderNames, status);
}

std::optional<OrderStatus> orderStatusFromName(QStringView name)
{
    return statusIn(kOrderNames, name);
}

std::optional<SubOrderStatus> subOrderStatusFromName(QStringView name)
{
    return statusIn(kSubOrderNames, name);
}

QList<OrderStatus> allOrderStatuses()
{
    return allIn(kOrderNames);
}

QList<SubOrderStatus> allSubOrderStatuses()
{
    return allIn(kSubOrderNames);
}

} // namespace haitao
