#pragma once

#include "core/money.h"
#include "core/orderstatus.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace haitao::client {

// The client's view of the staff order and placement answers (docs/openapi.yaml, "Orders" and
// "Placements"). Amounts are core Money read from {minor, currency}, never floating point;
// times are wire times. Each fromJson() returns nullopt and sets `why` when a field the
// desktop relies on is missing or malformed, so an unreadable answer is reported instead of
// shown as zero.

// The statuses and their wire names are core's (core/orderstatus.h), shared with the server.
using haitao::OrderStatus;
using haitao::SubOrderStatus;

struct CustomerRef
{
    qint64 id = 0;
    QString username;
};

// A sub-order as the staff order list shows it.
struct SubOrderRef
{
    qint64 id = 0;
    QString site;
    SubOrderStatus status = SubOrderStatus::PendingPayment;
    QString merchantOrderId; // empty until placed
};

// A row of GET /admin/orders.
struct OrderSummary
{
    qint64 id = 0;
    OrderStatus status = OrderStatus::PendingPayment;
    CustomerRef customer;
    Money total = Money::zero(Currency::cny());
    QDateTime createdAt;
    QDateTime updatedAt;
    QList<SubOrderRef> subOrders;

    static std::optional<OrderSummary> fromJson(const QJsonObject &json, QString *why);
};

// What was ordered, as it was when ordered.
struct OrderLine
{
    qint64 skuId = 0;
    qint64 productId = 0;
    QString title;
    QString titleZh;
    qint64 quantity = 0;
    Money unitPrice = Money::zero(Currency::cny()); // the site's currency
    std::optional<Money> total;                     // CNY; in the order JSON
    QString sourceUrl;                              // in placement items
    QString merchantSku;                            // in placement items

    static std::optional<OrderLine> fromJson(const QJsonObject &json, QString *why);
};

struct SubOrder
{
    qint64 id = 0;
    QString site;
    SubOrderStatus status = SubOrderStatus::PendingPayment;
    Money total = Money::zero(Currency::cny()); // its share of the order's CNY total
    std::optional<Money> goods;                 // the site's currency
    QString merchantOrderId;
    QList<OrderLine> lines;
};

// One state change of an order (subOrderId 0) or one of its sub-orders.
struct OrderEvent
{
    QDateTime at;
    QString actor; // user name, "system", "gateway:simpay", "worker:..."
    qint64 subOrderId = 0;
    QString from; // wire status names (an order's or a sub-order's)
    QString to;
    QString reason;

    static std::optional<OrderEvent> fromJson(const QJsonObject &json, QString *why);
};

struct OrderPayment
{
    qint64 id = 0;
    QString status; // created, paid, refunded, partially_refunded
    Money amount = Money::zero(Currency::cny());
    QDateTime createdAt;
    QDateTime paidAt;
};

struct OrderRefund
{
    qint64 id = 0;
    qint64 subOrderId = 0; // 0: the whole order
    Money amount = Money::zero(Currency::cny());
    QString status; // pending, refunded, failed
    QString reason;
    QDateTime createdAt;
};

// GET /admin/orders/{id}: everything about one order.
struct OrderDetail
{
    qint64 id = 0;
    OrderStatus status = OrderStatus::PendingPayment;
    CustomerRef customer;
    Money total = Money::zero(Currency::cny());
    QDateTime createdAt, updatedAt, expiresAt, paidAt;
    qint64 ruleSetVersion = 0;
    qint64 rateSnapshot = 0;
    QJsonObject address;
    QJsonObject quote; // the stored quote, for QuoteBreakdownModel
    QList<SubOrder> subOrders;
    QList<OrderPayment> payments;
    QList<OrderRefund> refunds;
    QList<OrderEvent> events; // oldest first

    static std::optional<OrderDetail> fromJson(const QJsonObject &json, QString *why);
};

// A sub-order in the placement queue (GET /admin/placements and the sub-order actions).
struct PlacementItem
{
    qint64 id = 0;
    qint64 orderId = 0;
    QString site;
    SubOrderStatus status = SubOrderStatus::PendingPayment;
    QString reason;
    int attempts = 0;
    QString claimedBy; // empty: nobody
    QDateTime claimedAt;
    QDateTime statusChangedAt; // the SLA clock starts here
    QDateTime createdAt;
    QDateTime paidAt;
    Money total = Money::zero(Currency::cny());
    Money goods = Money::zero(Currency::cny()); // the site's currency
    QString merchantOrderId;
    QList<OrderLine> lines;

    static std::optional<PlacementItem> fromJson(const QJsonObject &json, QString *why);
};

struct PlacementStep
{
    QString step; // sign_in, lookup, check_price, create, confirm
    QDateTime startedAt, endedAt;
    QString outcome; // ok, failed, ambiguous
    int httpStatus = 0;
    QString answer; // the shop's answer, as received
    QString detail;

    qint64 durationMs() const;
};

struct PlacementAttempt
{
    qint64 id = 0;
    int number = 0;
    QString worker;
    QDateTime startedAt;
    QDateTime endedAt; // invalid while running
    QString outcome;   // running, placed, retry, needs_manual, interrupted
    QString failedStep;
    QString reason;
    QList<PlacementStep> steps;

    qint64 durationMs() const; // -1 while running
};

// GET /admin/sub-orders/{id}.
struct SubOrderDetail
{
    PlacementItem item;
    QString clientReference;
    std::optional<Money> paid; // what the shop charged, once placed
    QList<OrderEvent> events;
    QList<PlacementAttempt> attempts;

    static std::optional<SubOrderDetail> fromJson(const QJsonObject &json, QString *why);
};

// GET /admin/placements/counts.
struct PlacementCounts
{
    qint64 awaitingPlacement = 0, placing = 0, needsManual = 0, placed = 0, placedManually = 0,
           cancelled = 0;
    qint64 stuck = 0; // paid, not final, for longer than the server's stuck limit
    QDateTime oldestNeedsManualAt;

    static std::optional<PlacementCounts> fromJson(const QJsonObject &json, QString *why);
    friend bool operator==(const PlacementCounts &, const PlacementCounts &) = default;
};

// GET /admin/placements/stats.
struct PlacementStats
{
    struct Day
    {
        QDate date;
        QString site;
        qint64 attempts = 0, placed = 0, needsManual = 0;
    };
    struct Failure
    {
        QString step, reason;
        qint64 count = 0;
    };
    struct Latency
    {
        QString site;
        qint64 count = 0, p50Ms = 0, p90Ms = 0, p99Ms = 0;
    };
    struct Queue
    {
        QDate date;
        qint64 needsManual = 0;
    };
    QList<Day> days;
    QList<Failure> failures;
    QList<Latency> latency;
    QList<Queue> queue;

    static std::optional<PlacementStats> fromJson(const QJsonObject &json, QString *why);
};

// The filters of GET /admin/orders.
struct OrderFilter
{
    std::optional<OrderStatus> status;
    QString site;
    QString customer; // user name
    std::optional<int> minAgeHours;

    friend bool operator==(const OrderFilter &, const OrderFilter &) = default;
};

struct OrderQuery
{
    OrderFilter filter;
    QString cursor;
    int limit = 50;
};

struct PlacementQuery
{
    std::optional<SubOrderStatus> status = SubOrderStatus::NeedsManual;
    QString site;
    QString cursor;
    int limit = 100;
};

// POST /admin/sub-orders/{id}/manual-placement: what staff did on the shop's site by hand.
struct ManualPlacement
{
    QString merchantOrderId;
    Money paid = Money::zero(Currency::cny()); // in the site's currency

    QJsonObject toJson() const;
};

} // namespace haitao::client
