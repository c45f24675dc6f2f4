#include "backend/orders/placementattempt.h"

#include "backend/integrations/merchantclient.h"
#include "backend/orders/orderstatus.h"
#include "backend/orders/shopleases.h"
#include "core/wiretime.h"

#include <QJsonArray>

#include <algorithm>

namespace haitao::server::orders {

void PlacementContext::fenced(const std::function<void(QSqlDatabase &)> &work) const
{
    bool held = false;
    db.write([&](QSqlDatabase &c) {
        held =
            shopleases::fence(c, site, holder, token, now(),
                              leaseMs > 0 ? leaseMs : qint64(config.placementLeaseSeconds) * 1000);
        if (held)
            work(c);
    });
    if (!held)
        throw LeaseLost();
}

namespace placement {

namespace {

constexpr qint64 kMaxRetryDelayMs = 5 * 60 * 1000;
// An attempt whose failure may have left an order at the shop is followed by one that looks
// it up, even past the attempt limit, up to this many extra attempts.
constexpr int kExtraLookupAttempts = 2;
// Attempts cut short (crash, stop, an unexpected error) in a row before staff take over.
constexpr int kMaxInterruptedInARow = 3;

// The shop refused our fencing token as stale while the store says the lease is still ours
// (a restored store, or another client using the account): counted as a failed attempt, so
// that it ends in the manual queue instead of looping.
struct StaleFenceHeld
{
    QString step;
};

// A lookup answer that is usable: every item is an order under our reference, with a number.
bool lookupIsOurs(const QJsonObject &body, const QString &clientReference)
{
    for (const QJsonValue &v : body.value(QStringLiteral("items")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("clientReference")).toString() != clientReference ||
            o.value(QStringLiteral("merchantOrderId")).toString().isEmpty())
            return false;
    }
    return true;
}

enum class End { Placed, Retry, NeedsManual };

struct Ending
{
    End end = End::Retry;
    QString failedStep;
    QString category; // short, for the stats: "captcha", "timeout", ...
    QString reason;   // for staff
    bool counted = true;
    qint64 retryAt = 0;
    std::optional<Money> paid;
};

// A short name for why a call got no usable answer.
QString ambiguity(const MerchantAnswer &a)
{
    const QString e = a.error.toLower();
    if (e.contains(u"timed out") || e.contains(u"timeout"))
        return QStringLiteral("timeout");
    if (e.contains(u"reset") || e.contains(u"empty reply") || e.contains(u"recv failure") ||
        e.contains(u"closed"))
        return QStringLiteral("connection reset");
    if (a.httpStatus >= 500)
        return QStringLiteral("shop error");
    return QStringLiteral("no answer");
}

// More than `percent` away from the ordered price, or another currency.
bool beyond(const Money &ordered, const Money &shop, int percent)
{
    if (ordered.currency() != shop.currency())
        return true;
    const qint64 diff = shop.minor() - ordered.minor();
    return (diff < 0 ? -diff : diff) * 100 > qint64(percent) * ordered.minor();
}

// A create sent without a clear answer may still be stored by a slow shop: the lookup that
// decides whether to create again waits at least twice the call timeout.
qint64 lookupDelay(const Config &config)
{
    return 2 * qint64(std::max(1000, config.placementHttpTimeoutMs));
}

// Inside a fenced transaction, after the sub-order's running attempt ended interrupted: back
// to awaiting_placement (due at `retryAt`), or to the manual queue after
// kMaxInterruptedInARow interrupted attempts in a row (an attempt that always fails hard).
void backFromPlacing(PlacementContext &ctx, QSqlDatabase &c, qint64 subOrderId, qint64 orderId,
                     const QString &clientReference, const QString &reason, qint64 retryAt,
                     qint64 now)
{
    const int inARow = placementstore::interruptedInARow(c, subOrderId);
    if (inARow >= kMaxInterruptedInARow) {
        const QString why = QStringLiteral("%1 attempts in a row were interrupted; an order may "
                                           "exist at the shop under reference %2: look it up "
                                           "before ordering by hand")
                                .arg(inARow)
                                .arg(clientReference);
        if (changeSubOrder(c, {subOrderId, orderId, SubOrderStatus::Placing,
                               SubOrderStatus::NeedsManual, ctx.actor, why, now}))
            placementstore::setRetry(c, subOrderId, false, 0, why);
        return;
    }
    if (changeSubOrder(c, {subOrderId, orderId, SubOrderStatus::Placing,
                           SubOrderStatus::AwaitingPlacement, ctx.actor, reason, now}))
        placementstore::setRetry(c, subOrderId, false, retryAt, reason);
}

class Attempt
{
public:
    Attempt(PlacementContext &ctx, placementstore::SubOrder subOrder, qint64 attemptId,
            bool mightExist)
        : m_ctx(ctx)
        , m_so(std::move(subOrder))
        , m_attemptId(attemptId)
        , m_lookupFirst(mightExist)
        , m_client(ctx.account.apiUrl, ctx.token,
                   {2000, std::max(1000, ctx.config.placementHttpTimeoutMs)})
    {
        m_client.setSession(*ctx.session);
    }

    Ending run();
    void finish(const Ending &e);
    void interrupted();
    Ending staleFence(const QString &step) const
    {
        return retry(step, QStringLiteral("stale fencing token"),
                     QStringLiteral("%1: the shop refused fencing token %2 as stale although this "
                                    "worker still holds the lease (another client may be using "
                                    "the shop account, or the store was restored)")
                         .arg(step)
                         .arg(m_ctx.token));
    }

private:
    MerchantAnswer call(const QString &step, const QString &detail,
                        const std::function<MerchantAnswer()> &request);
    void record(const QString &step, qint64 startedAt, const QString &outcome, int status,
                const QString &answer, const QString &detail);
    Ending placed(const Money &paid) const
    {
        Ending e;
        e.end = End::Placed;
        e.paid = paid;
        return e;
    }
    Ending manual(const QString &step, const QString &category, const QString &reason) const
    {
        return {End::NeedsManual, step, category, reason, true, 0, std::nullopt};
    }
    Ending retry(const QString &step, const QString &category, const QString &reason) const
    {
        return {End::Retry, step, category, reason, true, 0, std::nullopt};
    }
    // 429/503: the shop asked to wait; not the sub-order's failure.
    Ending wait(const QString &step, const MerchantAnswer &a) const
    {
        return {End::Retry,
                step,
                QStringLiteral("rate limited"),
                QStringLiteral("the shop asked to wait (%1 at %2)").arg(a.httpStatus).arg(step),
                false,
                m_retryAt,
                std::nullopt};
    }
    // A call that got no usable answer or an unexpected refusal.
    Ending failed(const QString &step, const MerchantAnswer &a) const
    {
        if (a.outcome == MerchantOutcome::Ambiguous)
            return retry(step, ambiguity(a),
                         QStringLiteral("%1: %2 (%3)").arg(step, ambiguity(a), a.error));
        return retry(step, QStringLiteral("shop refused"),
                     QStringLiteral("%1: the shop refused (%2 %3)")
                         .arg(step)
                         .arg(a.httpStatus)
                         .arg(a.error));
    }
    Ending adopt(const QJsonObject &order);
    Ending confirm(const QString &merchantOrderId);
    qint64 lookupNotBefore(qint64 now) const { return now + lookupDelay(m_ctx.config); }

    PlacementContext &m_ctx;
    placementstore::SubOrder m_so;
    qint64 m_attemptId;
    bool m_lookupFirst;
    bool m_mayHaveCreated = false; // this attempt sent a create or confirm without a clear answer
    MerchantClient m_client;
    qint64 m_retryAt = 0;
};

void Attempt::record(const QString &step, qint64 startedAt, const QString &outcome, int status,
                     const QString &answer, const QString &detail)
{
    placementstore::Step s{step, startedAt, m_ctx.now(), outcome, status, answer, detail};
    m_ctx.fenced([&](QSqlDatabase &c) { placementstore::recordStep(c, m_attemptId, s); });
}

MerchantAnswer Attempt::call(const QString &step, const QString &detail,
                             const std::function<MerchantAnswer()> &request)
{
    m_ctx.waitTurn();
    const qint64 started = m_ctx.now();
    const MerchantAnswer a = request();
    const bool creating = step == u"create" || step == u"confirm";
    QString outcome = QStringLiteral("failed");
    if (a.ok())
        outcome = QStringLiteral("ok");
    else if (a.outcome == MerchantOutcome::Ambiguous ||
             (creating && a.outcome == MerchantOutcome::RateLimited && a.httpStatus == 503))
        outcome = QStringLiteral("ambiguous"); // a 503 may come after the shop acted
    if (a.ok() && step == u"lookup" && !lookupIsOurs(a.body, m_so.clientReference))
        outcome = QStringLiteral("ambiguous"); // not an answer about our reference
    if (creating && outcome == u"ambiguous")
        m_mayHaveCreated = true;
    if (a.outcome == MerchantOutcome::RateLimited)
        m_retryAt = m_ctx.backOff(a.retryAfterSeconds);
    else if (a.httpStatus != 0)
        m_ctx.answered();
    QString answer = QString::fromUtf8(a.raw);
    if (answer.isEmpty() && !a.error.isEmpty())
        answer = a.error;
    record(step, started, outcome, a.httpStatus, answer, detail);
    if (a.staleFence()) {
        const auto lease = shopleases::read(m_ctx.db.writer(), m_ctx.site);
        if (lease && lease->holder == m_ctx.holder && lease->token == m_ctx.token)
            throw StaleFenceHeld{step};
        throw LeaseLost(); // a newer holder has spoken to the shop
    }
    if (a.httpStatus == 401 && step != u"sign_in") {
        m_ctx.session->clear(); // the next attempt signs in again
    }
    return a;
}

Ending Attempt::run()
{
    // sign_in: one session per site, shared by the attempts until the shop refuses it.
    if (m_ctx.session->isEmpty()) {
        const MerchantAnswer a =
            call(QStringLiteral("sign_in"), QStringLiteral("account %1").arg(m_ctx.account.account),
                 [&] { return m_client.login(m_ctx.account.account, m_ctx.account.secret); });
        if (a.outcome == MerchantOutcome::RateLimited)
            return wait(QStringLiteral("sign_in"), a);
        if (a.error == u"captcha")
            return manual(QStringLiteral("sign_in"), QStringLiteral("captcha"),
                          QStringLiteral("the shop asks for a captcha at sign-in"));
        if (!a.ok())
            return failed(QStringLiteral("sign_in"), a);
        *m_ctx.session = m_client.session();
    } else {
        record(QStringLiteral("sign_in"), m_ctx.now(), QStringLiteral("ok"), 0, QString(),
               QStringLiteral("session reused"));
    }

    // lookup: never create again while an earlier create may have reached the shop.
    if (m_lookupFirst) {
        const MerchantAnswer a =
            call(QStringLiteral("lookup"),
                 QStringLiteral("orders with reference %1").arg(m_so.clientReference),
                 [&] { return m_client.lookup(m_so.clientReference); });
        if (a.outcome == MerchantOutcome::RateLimited)
            return wait(QStringLiteral("lookup"), a);
        if (!a.ok())
            return failed(QStringLiteral("lookup"), a);
        if (!lookupIsOurs(a.body, m_so.clientReference)) {
            // Orders under other references (or without a number): never adopt them; the
            // lookup counts as failed and may be repeated as if ambiguous.
            m_mayHaveCreated = true;
            return retry(QStringLiteral("lookup"), QStringLiteral("bad answer"),
                         QStringLiteral("lookup: the shop answered reference %1 with orders of "
                                        "other references; nothing adopted")
                             .arg(m_so.clientReference));
        }
        const QJsonArray found = a.body.value(QStringLiteral("items")).toArray();
        if (!found.isEmpty()) {
            if (found.size() > 1)
                m_ctx.log.error(QStringLiteral("duplicate orders at the shop"),
                                {{QStringLiteral("site"), m_so.site},
                                 {QStringLiteral("subOrderId"), m_so.id},
                                 {QStringLiteral("clientReference"), m_so.clientReference},
                                 {QStringLiteral("count"), found.size()}});
            return adopt(found.first().toObject());
        }
    }

    // check_price: the shop's price and stock against what the customer paid for.
    QJsonArray lines;
    for (const OrderLine &line : m_so.lines) {
        const MerchantAnswer a =
            call(QStringLiteral("check_price"),
                 QStringLiteral("SKU %1: %2 at %3 %4")
                     .arg(line.merchantSku)
                     .arg(line.quantity)
                     .arg(line.unitPrice.toString(), line.unitPrice.currency().code()),
                 [&] { return m_client.sku(line.merchantSku); });
        if (a.outcome == MerchantOutcome::RateLimited)
            return wait(QStringLiteral("check_price"), a);
        if (a.error == u"unknown_sku")
            return manual(QStringLiteral("check_price"), QStringLiteral("unknown sku"),
                          QStringLiteral("the shop does not know SKU %1").arg(line.merchantSku));
        if (a.error == u"out_of_stock")
            return manual(
                QStringLiteral("check_price"), QStringLiteral("out of stock"),
                QStringLiteral("SKU %1 is out of stock at the shop").arg(line.merchantSku));
        if (!a.ok())
            return failed(QStringLiteral("check_price"), a);
        const auto price = Money::fromJson(a.body.value(QStringLiteral("price")).toObject());
        if (!price)
            return retry(
                QStringLiteral("check_price"), QStringLiteral("bad answer"),
                QStringLiteral("the shop's price of SKU %1 is unreadable").arg(line.merchantSku));
        const bool available = a.body.value(QStringLiteral("available")).toBool(true);
        const qint64 stock = a.body.value(QStringLiteral("stock")).toInteger(line.quantity);
        if (!available || stock < line.quantity)
            return manual(QStringLiteral("check_price"), QStringLiteral("out of stock"),
                          QStringLiteral("SKU %1 is out of stock at the shop (%2 left, %3 "
                                         "ordered)")
                              .arg(line.merchantSku)
                              .arg(stock)
                              .arg(line.quantity));
        if (beyond(line.unitPrice, *price, m_ctx.config.placementPriceTolerancePercent))
            return manual(QStringLiteral("check_price"), QStringLiteral("price changed"),
                          QStringLiteral("SKU %1: ordered at %2 %3, the shop asks %4 %5 (more "
                                         "than %6% apart)")
                              .arg(line.merchantSku, line.unitPrice.toString(),
                                   line.unitPrice.currency().code(), price->toString(),
                                   price->currency().code())
                              .arg(m_ctx.config.placementPriceTolerancePercent));
        // Within the tolerance the shop's own price is what it accepts.
        lines.append(QJsonObject{{QStringLiteral("sku"), line.merchantSku},
                                 {QStringLiteral("quantity"), line.quantity},
                                 {QStringLiteral("unitPrice"), price->toJson()}});
    }

    // create, with the sub-order's stable client reference.
    const QJsonObject shipTo{{QStringLiteral("name"), QStringLiteral("Haitao forwarder")},
                             {QStringLiteral("reference"), m_so.clientReference}};
    const MerchantAnswer a =
        call(QStringLiteral("create"), QStringLiteral("reference %1").arg(m_so.clientReference),
             [&] { return m_client.create(m_so.clientReference, lines, shipTo); });
    if (a.outcome == MerchantOutcome::RateLimited)
        return wait(QStringLiteral("create"), a);
    if (a.error == u"captcha")
        return manual(QStringLiteral("create"), QStringLiteral("captcha"),
                      QStringLiteral("the shop asks for a captcha at checkout"));
    if (a.error == u"out_of_stock")
        return manual(QStringLiteral("create"), QStringLiteral("out of stock"),
                      QStringLiteral("SKU %1 is out of stock at the shop")
                          .arg(a.body.value(QStringLiteral("sku")).toString()));
    if (a.error == u"price_changed") {
        const QString sku = a.body.value(QStringLiteral("sku")).toString();
        const auto price = Money::fromJson(a.body.value(QStringLiteral("price")).toObject());
        for (const OrderLine &line : m_so.lines) {
            if (line.merchantSku == sku && price &&
                beyond(line.unitPrice, *price, m_ctx.config.placementPriceTolerancePercent))
                return manual(QStringLiteral("create"), QStringLiteral("price changed"),
                              QStringLiteral("SKU %1: ordered at %2 %3, the shop asks %4 %5 "
                                             "(more than %6% apart)")
                                  .arg(sku, line.unitPrice.toString(),
                                       line.unitPrice.currency().code(), price->toString(),
                                       price->currency().code())
                                  .arg(m_ctx.config.placementPriceTolerancePercent));
        }
        return retry(QStringLiteral("create"), QStringLiteral("price changed"),
                     QStringLiteral("the price of SKU %1 changed while ordering").arg(sku));
    }
    if (!a.ok())
        return failed(QStringLiteral("create"), a);
    const QString merchantOrderId = a.body.value(QStringLiteral("merchantOrderId")).toString();
    if (merchantOrderId.isEmpty()) {
        m_mayHaveCreated = true;
        return retry(QStringLiteral("create"), QStringLiteral("bad answer"),
                     QStringLiteral("the shop's answer has no order number"));
    }
    m_ctx.fenced([&](QSqlDatabase &c) {
        placementstore::setMerchantOrderId(c, m_so.id, merchantOrderId, m_ctx.now());
    });
    return confirm(merchantOrderId);
}

Ending Attempt::adopt(const QJsonObject &order)
{
    const QString merchantOrderId = order.value(QStringLiteral("merchantOrderId")).toString();
    if (merchantOrderId.isEmpty())
        return retry(QStringLiteral("lookup"), QStringLiteral("bad answer"),
                     QStringLiteral("the shop's order has no order number"));
    m_ctx.fenced([&](QSqlDatabase &c) {
        placementstore::setMerchantOrderId(c, m_so.id, merchantOrderId, m_ctx.now());
    });
    if (order.value(QStringLiteral("status")).toString() == u"confirmed") {
        const auto total = Money::fromJson(order.value(QStringLiteral("total")).toObject());
        if (total)
            return placed(*total);
    }
    return confirm(merchantOrderId);
}

Ending Attempt::confirm(const QString &merchantOrderId)
{
    const MerchantAnswer a =
        call(QStringLiteral("confirm"), QStringLiteral("merchant order %1").arg(merchantOrderId),
             [&] { return m_client.confirm(merchantOrderId); });
    if (a.outcome == MerchantOutcome::RateLimited)
        return wait(QStringLiteral("confirm"), a);
    if (a.error == u"insufficient_balance")
        return manual(QStringLiteral("confirm"), QStringLiteral("insufficient balance"),
                      QStringLiteral("the shop account's balance does not cover order %1 (created, "
                                     "not paid)")
                          .arg(merchantOrderId));
    if (!a.ok())
        return failed(QStringLiteral("confirm"), a);
    const auto total = Money::fromJson(a.body.value(QStringLiteral("total")).toObject());
    if (!total) {
        m_mayHaveCreated = true;
        return retry(QStringLiteral("confirm"), QStringLiteral("bad answer"),
                     QStringLiteral("the shop's confirmation has no total"));
    }
    return placed(*total);
}

void Attempt::finish(const Ending &given)
{
    Ending e = given;
    const qint64 now = m_ctx.now();
    const int attemptsAfter = m_so.attempts + (e.counted ? 1 : 0);
    const int limit = m_ctx.config.placementAttempts;
    const bool lookupNeeded = m_mayHaveCreated || m_lookupFirst;
    if (e.end == End::Retry && e.counted && attemptsAfter >= limit) {
        // Out of attempts; but while an order may sit at the shop, one more attempt looks
        // it up first rather than sending staff to order a second time.
        if (!(m_mayHaveCreated && attemptsAfter < limit + kExtraLookupAttempts)) {
            e.end = End::NeedsManual;
            e.reason =
                QStringLiteral("%1 failed attempts; the last: %2").arg(attemptsAfter).arg(e.reason);
            if (lookupNeeded)
                e.reason += QStringLiteral(". An order may exist at the shop under reference %1: "
                                           "look it up before ordering by hand")
                                .arg(m_so.clientReference);
        }
    }
    if (e.end == End::Retry && e.retryAt == 0) {
        const int shift = std::clamp(attemptsAfter - 1, 0, 12);
        e.retryAt =
            now + std::min(qint64(m_ctx.config.placementBackoffMs) << shift, kMaxRetryDelayMs);
    }
    if (e.end == End::Retry && m_mayHaveCreated)
        e.retryAt = std::max(e.retryAt, lookupNotBefore(now));
    const SubOrderStatus to = e.end == End::Placed        ? SubOrderStatus::Placed
                              : e.end == End::NeedsManual ? SubOrderStatus::NeedsManual
                                                          : SubOrderStatus::AwaitingPlacement;
    const QString outcome = e.end == End::Placed        ? QStringLiteral("placed")
                            : e.end == End::NeedsManual ? QStringLiteral("needs_manual")
                                                        : QStringLiteral("retry");
    m_ctx.fenced([&](QSqlDatabase &c) {
        placementstore::endAttempt(c, m_attemptId, outcome, e.failedStep, e.category, now);
        QString eventReason = e.reason;
        if (e.end == End::Placed) {
            placementstore::setPaid(c, m_so.id, *e.paid, now);
            eventReason = QStringLiteral("placed at the shop");
        }
        const bool moved = changeSubOrder(
            c, {m_so.id, m_so.orderId, SubOrderStatus::Placing, to, m_ctx.actor, eventReason, now});
        if (!moved)
            return; // not ours any more (cannot happen while the lease holds)
        if (e.end == End::Placed) {
            placementstore::setReason(c, m_so.id, QString());
            settleOrder(c, m_so.orderId, m_ctx.actor, now);
        } else if (e.end == End::NeedsManual) {
            placementstore::setRetry(c, m_so.id, e.counted, 0, e.reason);
        } else {
            placementstore::setRetry(c, m_so.id, e.counted, e.retryAt, e.reason);
        }
    });
    if (e.end == End::NeedsManual)
        m_ctx.log.info(QStringLiteral("sub-order needs manual placement"),
                       {{QStringLiteral("site"), m_so.site},
                        {QStringLiteral("subOrderId"), m_so.id},
                        {QStringLiteral("reason"), e.reason}});
}

void Attempt::interrupted()
{
    const qint64 now = m_ctx.now();
    const QString reason = QStringLiteral("interrupted: the server is stopping");
    m_ctx.fenced([&](QSqlDatabase &c) {
        placementstore::interruptRunning(c, m_so.id, now, reason);
        backFromPlacing(m_ctx, c, m_so.id, m_so.orderId, m_so.clientReference, reason,
                        m_mayHaveCreated ? lookupNotBefore(now) : 0, now);
    });
}

} // namespace

int reconcile(PlacementContext &ctx)
{
    const QList<placementstore::Ref> left = placementstore::placingOf(ctx.db.writer(), ctx.site);
    const QString reason = QStringLiteral("reconciled: the attempt in flight was interrupted; "
                                          "the shop is asked for the reference before ordering "
                                          "again");
    for (const placementstore::Ref &ref : left) {
        const qint64 now = ctx.now();
        const auto s = placementstore::subOrder(ctx.db.writer(), ref.id);
        ctx.fenced([&](QSqlDatabase &c) {
            placementstore::interruptRunning(c, ref.id, now, QStringLiteral("interrupted"));
            // Due at once: the holder is gone since its lease ran out, longer than any call.
            backFromPlacing(ctx, c, ref.id, ref.orderId, s ? s->clientReference : QString(), reason,
                            0, now);
        });
        ctx.log.info(QStringLiteral("placement reconciled"),
                     {{QStringLiteral("site"), ctx.site}, {QStringLiteral("subOrderId"), ref.id}});
    }
    return int(left.size());
}

bool attempt(PlacementContext &ctx, const placementstore::Ref &ref)
{
    bool claimed = false;
    bool mightExist = false;
    qint64 attemptId = 0;
    const qint64 now = ctx.now();
    ctx.fenced([&](QSqlDatabase &c) {
        claimed = false;
        mightExist = placementstore::mightExistAtShop(c, ref.id);
        if (!changeSubOrder(c, {ref.id, ref.orderId, SubOrderStatus::AwaitingPlacement,
                                SubOrderStatus::Placing, ctx.actor,
                                mightExist ? QStringLiteral("automatic attempt (looking up first)")
                                           : QStringLiteral("automatic attempt"),
                                now}))
            return;
        attemptId = placementstore::startAttempt(c, ref.id, ctx.site, ctx.actor, ctx.token, now).id;
        claimed = true;
    });
    if (!claimed)
        return false;
    auto subOrder = placementstore::subOrder(ctx.db.writer(), ref.id);
    if (!subOrder)
        return false;
    Attempt a(ctx, *subOrder, attemptId, mightExist);
    Ending ending;
    try {
        ending = a.run();
    } catch (const Stopped &) {
        a.interrupted();
        throw;
    } catch (const StaleFenceHeld &stale) {
        ending = a.staleFence(stale.step);
    }
    a.finish(ending);
    return true;
}

} // namespace placement
} // namespace haitao::server::orders
