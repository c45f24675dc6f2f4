#pragma once

#include "backend/orders/order.h"
#include "backend/orders/orderstatus.h"
#include "backend/storage/database.h"
#include "core/money.h"

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The placement side of the orders store: SQL only. The worker's writes run inside a
// transaction that the caller opened after checking its lease (shopleases::fence).
namespace haitao::server::orders::placementstore {

struct SubOrder
{
    qint64 id = 0;
    qint64 orderId = 0;
    QString site;
    QString status;
    QString reason;
    int attempts = 0;
    QString claimedBy;
    std::optional<qint64> claimedAt;
    qint64 statusChangedAt = 0;
    qint64 createdAt = 0;
    std::optional<qint64> paidAt; // the order's
    Money total = Money::zero(Currency::cny());
    Money goods = Money::zero(Currency::cny());
    QString merchantOrderId;
    QString clientReference;
    std::optional<Money> paid;
    QList<OrderLine> lines;
};

std::optional<SubOrder> subOrder(const QSqlDatabase &db, qint64 id);

struct ListFilter
{
    QString status;     // empty: any
    QString site;       // empty: any
    qint64 afterAt = 0; // keyset: (status_changed_at, id) after these
    qint64 afterId = 0;
    int limit = 50;
};
// Oldest status change first; `limit + 1` rows tell whether there is a next page.
QList<SubOrder> list(const QSqlDatabase &db, const ListFilter &filter);

// --- the worker ---

// Sites with sub-orders due for an attempt (awaiting_placement, next_attempt_at passed) or
// left in placing; oldest work first.
QStringList sitesWithWork(const QSqlDatabase &db, qint64 nowMs);
struct Ref
{
    qint64 id = 0;
    qint64 orderId = 0;
};
QList<Ref> dueOf(const QSqlDatabase &db, const QString &site, qint64 nowMs, int limit);
QList<Ref> placingOf(const QSqlDatabase &db, const QString &site);
// Ends the sub-order's running attempts as interrupted; returns how many.
int interruptRunning(QSqlDatabase &db, qint64 subOrderId, qint64 nowMs, const QString &reason);
// Whether an earlier attempt may have created an order at the shop: one reached create or
// confirm, or ended interrupted, or a merchant order id is known.
bool mightExistAtShop(const QSqlDatabase &db, qint64 subOrderId);
// Whether an order may exist at the shop now: a merchant order id is known, or since the last
// lookup that answered, a create or confirm was sent and not refused outright, or an attempt
// was cut short. Cancelling (and refunding) is refused while true.
bool mayHaveOrderAtShop(const QSqlDatabase &db, qint64 subOrderId);
// How many of the sub-order's latest attempts in a row ended interrupted.
int interruptedInARow(const QSqlDatabase &db, qint64 subOrderId);

struct AttemptStart
{
    qint64 id = 0;
    int number = 0;
};
AttemptStart startAttempt(QSqlDatabase &db, qint64 subOrderId, const QString &site,
                          const QString &worker, qint64 fencingToken, qint64 nowMs);
struct Step
{
    QString step; // sign_in, lookup, check_price, create, confirm
    qint64 startedAt = 0;
    qint64 endedAt = 0;
    QString outcome; // ok, failed, ambiguous
    int httpStatus = 0;
    QString answer;
    QString detail;
};
void recordStep(QSqlDatabase &db, qint64 attemptId, const Step &step);
void endAttempt(QSqlDatabase &db, qint64 attemptId, const QString &outcome,
                const QString &failedStep, const QString &reason, qint64 nowMs);

void setMerchantOrderId(QSqlDatabase &db, qint64 subOrderId, const QString &merchantOrderId,
                        qint64 nowMs);
void setPaid(QSqlDatabase &db, qint64 subOrderId, const Money &paid, qint64 nowMs);
// After a failed attempt: counts it (or not), when to try again, why it failed.
void setRetry(QSqlDatabase &db, qint64 subOrderId, bool counted, qint64 nextAttemptAt,
              const QString &reason);
void setReason(QSqlDatabase &db, qint64 subOrderId, const QString &reason);

// Paid sub-orders not final whose order was paid before `paidBefore`.
QList<qint64> stuck(const QSqlDatabase &db, qint64 paidBefore, int limit);

// --- the manual queue ---

void setClaim(QSqlDatabase &db, qint64 subOrderId, const QString &claimedBy,
              std::optional<qint64> claimedAt, qint64 nowMs);
// retry-auto: attempts and claim cleared, due at once.
void resetForRetry(QSqlDatabase &db, qint64 subOrderId, qint64 nowMs);

struct Counts
{
    QList<QPair<QString, qint64>> byStatus;
    qint64 stuck = 0;
    std::optional<qint64> oldestNeedsManualAt;
};
Counts counts(const QSqlDatabase &db, qint64 paidBefore);

// The sub-order's state changes [{at, actor, subOrderId, from, to, reason}] and its attempts
// with their steps, for the detail view.
QJsonArray events(const QSqlDatabase &db, qint64 subOrderId);
QJsonArray attempts(const QSqlDatabase &db, qint64 subOrderId);

} // namespace haitao::server::orders::placementstore
