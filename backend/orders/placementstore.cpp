#include "backend/orders/placementstore.h"

#include "backend/orders/orderstore.h"

#include "backend/storage/sqltext.h"
#include "core/wiretime.h"

#include <QJsonObject>

namespace haitao::server::orders::placementstore {

namespace {

using sql::L;
using sql::optionalLong;
using sql::storedMoney;

const char *const kSubOrderColumns =
    "SELECT s.id, s.order_id, s.site, s.status, s.reason, s.attempts, s.claimed_by, "
    "s.claimed_at, s.status_changed_at, s.created_at, o.paid_at, s.total_minor, o.currency, "
    "s.goods_minor, s.goods_currency, s.merchant_order_id, s.client_reference, s.paid_minor, "
    "s.paid_currency FROM sub_orders s JOIN orders o ON o.id = s.order_id";

SubOrder fromRow(const Statement &q)
{
    SubOrder s;
    s.id = q.value(0).toLongLong();
    s.orderId = q.value(1).toLongLong();
    s.site = q.value(2).toString();
    s.status = q.value(3).toString();
    s.reason = q.value(4).toString();
    s.attempts = q.value(5).toInt();
    s.claimedBy = q.value(6).toString();
    s.claimedAt = optionalLong(q.value(7));
    s.statusChangedAt = q.value(8).toLongLong();
    s.createdAt = q.value(9).toLongLong();
    s.paidAt = optionalLong(q.value(10));
    s.total = storedMoney(q.value(11), q.value(12));
    s.goods = storedMoney(q.value(13), q.value(14));
    s.merchantOrderId = q.value(15).toString();
    s.clientReference = q.value(16).toString();
    if (!q.value(17).isNull())
        s.paid = storedMoney(q.value(17), q.value(18));
    return s;
}

QList<Ref> refs(Statement &q)
{
    QList<Ref> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toLongLong()});
    return out;
}

} // namespace

std::optional<SubOrder> subOrder(const QSqlDatabase &db, qint64 id)
{
    std::optional<SubOrder> s;
    {
        Statement q =
            prepareOrThrow(db, QString::fromLatin1(kSubOrderColumns) + L(" WHERE s.id = :id"));
        q.bindValue(QStringLiteral(":id"), id);
        execOrThrow(q, "read sub-order");
        if (!q.next())
            return std::nullopt;
        s = fromRow(q);
    }
    s->lines = orderstore::linesOfSubOrder(db, id);
    return s;
}

QList<SubOrder> list(const QSqlDatabase &db, const ListFilter &filter)
{
    // Keyset on (status_changed_at, id); each placeholder appears once (QPSQL binds by
    // position).
    QStringList where{L("(s.status_changed_at > :at1 OR (s.status_changed_at = :at2 AND s.id > "
                        ":id))")};
    if (!filter.status.isEmpty())
        where << L("s.status = :status");
    if (!filter.site.isEmpty())
        where << L("s.site = :site");
    QList<SubOrder> out;
    {
        Statement q = prepareOrThrow(db, QString::fromLatin1(kSubOrderColumns) + L(" WHERE ") +
                                             where.join(L(" AND ")) +
                                             L(" ORDER BY s.status_changed_at, s.id LIMIT :limit"));
        q.bindValue(QStringLiteral(":at1"), filter.afterAt);
        q.bindValue(QStringLiteral(":at2"), filter.afterAt);
        q.bindValue(QStringLiteral(":id"), filter.afterId);
        if (!filter.status.isEmpty())
            q.bindValue(QStringLiteral(":status"), filter.status);
        if (!filter.site.isEmpty())
            q.bindValue(QStringLiteral(":site"), filter.site);
        q.bindValue(QStringLiteral(":limit"), filter.limit + 1);
        execOrThrow(q, "list sub-orders");
        while (q.next())
            out.append(fromRow(q));
    }
    for (SubOrder &s : out)
        s.lines = orderstore::linesOfSubOrder(db, s.id);
    return out;
}

QStringList sitesWithWork(const QSqlDatabase &db, qint64 nowMs)
{
    Statement q = prepareOrThrow(
        db, L("SELECT site, MIN(next_attempt_at) AS due FROM sub_orders WHERE (status = "
              "'awaiting_placement' AND next_attempt_at <= :now) OR status = 'placing' "
              "GROUP BY site ORDER BY due, site"));
    q.bindValue(QStringLiteral(":now"), nowMs);
    execOrThrow(q, "find sites with placement work");
    QStringList sites;
    while (q.next())
        sites.append(q.value(0).toString());
    return sites;
}

QList<Ref> dueOf(const QSqlDatabase &db, const QString &site, qint64 nowMs, int limit)
{
    Statement q = prepareOrThrow(
        db, L("SELECT id, order_id FROM sub_orders WHERE site = :site AND status = "
              "'awaiting_placement' AND next_attempt_at <= :now ORDER BY next_attempt_at, id "
              "LIMIT :limit"));
    q.bindValue(QStringLiteral(":site"), site);
    q.bindValue(QStringLiteral(":now"), nowMs);
    q.bindValue(QStringLiteral(":limit"), limit);
    execOrThrow(q, "find due sub-orders");
    return refs(q);
}

QList<Ref> placingOf(const QSqlDatabase &db, const QString &site)
{
    Statement q = prepareOrThrow(db, L("SELECT id, order_id FROM sub_orders WHERE site = :site "
                                       "AND status = 'placing' ORDER BY id"));
    q.bindValue(QStringLiteral(":site"), site);
    execOrThrow(q, "find sub-orders left in placing");
    return refs(q);
}

int interruptRunning(QSqlDatabase &db, qint64 subOrderId, qint64 nowMs, const QString &reason)
{
    Statement q = prepareOrThrow(
        db, L("UPDATE placement_attempts SET outcome = 'interrupted', ended_at = :at, reason = "
              ":reason WHERE sub_order_id = :id AND outcome = 'running'"));
    q.bindValue(QStringLiteral(":at"), nowMs);
    q.bindValue(QStringLiteral(":reason"), sql::text(reason));
    q.bindValue(QStringLiteral(":id"), subOrderId);
    execOrThrow(q, "interrupt placement attempts");
    return q.query().numRowsAffected();
}

bool mightExistAtShop(const QSqlDatabase &db, qint64 subOrderId)
{
    Statement q = prepareOrThrow(
        db, L("SELECT (SELECT COUNT(*) FROM sub_orders WHERE id = :id1 AND merchant_order_id <> "
              "'') + (SELECT COUNT(*) FROM placement_attempts a WHERE a.sub_order_id = :id2 AND "
              "(a.outcome IN ('interrupted', 'running') OR EXISTS (SELECT 1 FROM placement_steps "
              "p WHERE p.attempt_id = a.id AND p.step IN ('create', 'confirm'))))"));
    q.bindValue(QStringLiteral(":id1"), subOrderId);
    q.bindValue(QStringLiteral(":id2"), subOrderId);
    execOrThrow(q, "check earlier placement attempts");
    return q.next() && q.value(0).toLongLong() > 0;
}

bool mayHaveOrderAtShop(const QSqlDatabase &db, qint64 subOrderId)
{
    Statement known = prepareOrThrow(
        db, L("SELECT COUNT(*) FROM sub_orders WHERE id = :id AND merchant_order_id <> ''"));
    known.bindValue(QStringLiteral(":id"), subOrderId);
    execOrThrow(known, "check the merchant order id");
    if (known.next() && known.value(0).toLongLong() > 0)
        return true;
    // In the order things happened: a create or confirm that was not refused outright, or an
    // attempt cut short (its create may have been in flight without a step), makes an order
    // possible; a lookup that answered (an ok lookup found nothing: what it finds is adopted)
    // makes it known absent again.
    Statement q = prepareOrThrow(
        db, L("SELECT a.id, a.outcome, p.step, p.outcome FROM placement_attempts a LEFT JOIN "
              "placement_steps p ON p.attempt_id = a.id WHERE a.sub_order_id = :id ORDER BY "
              "a.id, p.id"));
    q.bindValue(QStringLiteral(":id"), subOrderId);
    execOrThrow(q, "read earlier placement steps");
    bool may = false;
    qint64 attempt = 0;
    QString attemptOutcome;
    const auto endOf = [&] {
        if (attempt != 0 && (attemptOutcome == u"interrupted" || attemptOutcome == u"running"))
            may = true;
    };
    while (q.next()) {
        if (q.value(0).toLongLong() != attempt) {
            endOf();
            attempt = q.value(0).toLongLong();
            attemptOutcome = q.value(1).toString();
        }
        const QString step = q.value(2).toString();
        const QString outcome = q.value(3).toString();
        if ((step == u"create" || step == u"confirm") && outcome != u"failed")
            may = true;
        else if (step == u"lookup" && outcome == u"ok")
            may = false;
    }
    endOf();
    return may;
}

int interruptedInARow(const QSqlDatabase &db, qint64 subOrderId)
{
    Statement q = prepareOrThrow(db, L("SELECT outcome FROM placement_attempts WHERE "
                                       "sub_order_id = :id ORDER BY id DESC"));
    q.bindValue(QStringLiteral(":id"), subOrderId);
    execOrThrow(q, "count interrupted placement attempts");
    int n = 0;
    while (q.next() && q.value(0).toString() == u"interrupted")
        ++n;
    return n;
}

AttemptStart startAttempt(QSqlDatabase &db, qint64 subOrderId, const QString &site,
                          const QString &worker, qint64 fencingToken, qint64 nowMs)
{
    AttemptStart a;
    {
        Statement n = prepareOrThrow(
            db, L("SELECT COUNT(*) FROM placement_attempts WHERE sub_order_id = :id"));
        n.bindValue(QStringLiteral(":id"), subOrderId);
        execOrThrow(n, "count placement attempts");
        a.number = n.next() ? n.value(0).toInt() + 1 : 1;
    }
    Statement q = prepareOrThrow(
        db, L("INSERT INTO placement_attempts (sub_order_id, number, site, worker, "
              "fencing_token, started_at, outcome) VALUES (:id, :n, :site, :worker, :token, :at, "
              "'running')"));
    q.bindValue(QStringLiteral(":id"), subOrderId);
    q.bindValue(QStringLiteral(":n"), a.number);
    q.bindValue(QStringLiteral(":site"), site);
    q.bindValue(QStringLiteral(":worker"), worker);
    q.bindValue(QStringLiteral(":token"), fencingToken);
    q.bindValue(QStringLiteral(":at"), nowMs);
    execOrThrow(q, "start placement attempt");
    a.id = q.query().lastInsertId().toLongLong();
    return a;
}

void recordStep(QSqlDatabase &db, qint64 attemptId, const Step &step)
{
    Statement q = prepareOrThrow(
        db, L("INSERT INTO placement_steps (attempt_id, step, started_at, ended_at, outcome, "
              "http_status, answer, detail) VALUES (:a, :step, :start, :end, :outcome, :status, "
              ":answer, :detail)"));
    q.bindValue(QStringLiteral(":a"), attemptId);
    q.bindValue(QStringLiteral(":step"), step.step);
    q.bindValue(QStringLiteral(":start"), step.startedAt);
    q.bindValue(QStringLiteral(":end"), step.endedAt);
    q.bindValue(QStringLiteral(":outcome"), step.outcome);
    q.bindValue(QStringLiteral(":status"), step.httpStatus);
    q.bindValue(QStringLiteral(":answer"), sql::text(step.answer));
    q.bindValue(QStringLiteral(":detail"), sql::text(step.detail));
    execOrThrow(q, "record placement step");
}

void endAttempt(QSqlDatabase &db, qint64 attemptId, const QString &outcome,
                const QString &failedStep, const QString &reason, qint64 nowMs)
{
    Statement q = prepareOrThrow(
        db, L("UPDATE placement_attempts SET outcome = :outcome, failed_step = :step, reason = "
              ":reason, ended_at = :at WHERE id = :id AND outcome = 'running'"));
    q.bindValue(QStringLiteral(":outcome"), outcome);
    q.bindValue(QStringLiteral(":step"), sql::text(failedStep));
    q.bindValue(QStringLiteral(":reason"), sql::text(reason));
    q.bindValue(QStringLiteral(":at"), nowMs);
    q.bindValue(QStringLiteral(":id"), attemptId);
    execOrThrow(q, "end placement attempt");
}

void setMerchantOrderId(QSqlDatabase &db, qint64 subOrderId, const QString &merchantOrderId,
                        qint64 nowMs)
{
    Statement q = prepareOrThrow(db, L("UPDATE sub_orders SET merchant_order_id = :m, updated_at "
                                       "= :at WHERE id = :id"));
    q.bindValue(QStringLiteral(":m"), merchantOrderId);
    q.bindValue(QStringLiteral(":at"), nowMs);
    q.bindValue(QStringLiteral(":id"), subOrderId);
    execOrThrow(q, "store merchant order id");
}

void setPaid(QSqlDatabase &db, qint64 subOrderId, const Money &paid, qint64 nowMs)
{
    Statement q = prepareOrThrow(db, L("UPDATE sub_orders SET paid_minor = :minor, paid_currency "
                                       "= :currency, updated_at = :at WHERE id = :id"));
    q.bindValue(QStringLiteral(":minor"), paid.minor());
    q.bindValue(QStringLiteral(":currency"), paid.currency().code());
    q.bindValue(QStringLiteral(":at"), nowMs);
    q.bindValue(QStringLiteral(":id"), subOrderId);
    execOrThrow(q, "store amount paid at the shop");
}

void setRetry(QSqlDatabase &db, qint64 subOrderId, bool counted, qint64 nextAttemptAt,
              const QString &reason)
{
    Statement q = prepareOrThrow(
        db, L("UPDATE sub_orders SET attempts = attempts + :n, next_attempt_at = :next, reason = "
              ":reason WHERE id = :id"));
    q.bindValue(QStringLiteral(":n"), counted ? 1 : 0);
    q.bindValue(QStringLiteral(":next"), nextAttemptAt);
    q.bindValue(QStringLiteral(":reason"), sql::text(reason));
    q.bindValue(QStringLiteral(":id"), subOrderId);
    execOrThrow(q, "schedule the next placement attempt");
}

void setReason(QSqlDatabase &db, qint64 subOrderId, const QString &reason)
{
    Statement q = prepareOrThrow(db, L("UPDATE sub_orders SET reason = :reason WHERE id = :id"));
    q.bindValue(QStringLiteral(":reason"), sql::text(reason));
    q.bindValue(QStringLiteral(":id"), subOrderId);
    execOrThrow(q, "store placement reason");
}

QList<qint64> stuck(const QSqlDatabase &db, qint64 paidBefore, int limit)
{
    Statement q = prepareOrThrow(
        db, L("SELECT s.id FROM sub_orders s JOIN orders o ON o.id = s.order_id WHERE s.status "
              "IN ('awaiting_placement', 'placing', 'needs_manual') AND o.paid_at IS NOT NULL "
              "AND o.paid_at < :before ORDER BY s.id LIMIT :limit"));
    q.bindValue(QStringLiteral(":before"), paidBefore);
    q.bindValue(QStringLiteral(":limit"), limit);
    execOrThrow(q, "find stuck sub-orders");
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

void setClaim(QSqlDatabase &db, qint64 subOrderId, const QString &claimedBy,
              std::optional<qint64> claimedAt, qint64 nowMs)
{
    Statement q = prepareOrThrow(db, L("UPDATE sub_orders SET claimed_by = :by, claimed_at = :at, "
                                       "updated_at = :now, version = version + 1 WHERE id = :id"));
    q.bindValue(QStringLiteral(":by"), sql::text(claimedBy));
    q.bindValue(QStringLiteral(":at"), claimedAt ? QVariant(*claimedAt) : QVariant());
    q.bindValue(QStringLiteral(":now"), nowMs);
    q.bindValue(QStringLiteral(":id"), subOrderId);
    execOrThrow(q, "claim sub-order");
}

void resetForRetry(QSqlDatabase &db, qint64 subOrderId, qint64 nowMs)
{
    Statement q = prepareOrThrow(
        db, L("UPDATE sub_orders SET attempts = 0, next_attempt_at = 0, claimed_by = '', "
              "claimed_at = NULL, reason = '', updated_at = :now WHERE id = :id"));
    q.bindValue(QStringLiteral(":now"), nowMs);
    q.bindValue(QStringLiteral(":id"), subOrderId);
    execOrThrow(q, "reset sub-order for automatic placement");
}

Counts counts(const QSqlDatabase &db, qint64 paidBefore)
{
    Counts c;
    {
        Statement q = prepareOrThrow(
            db, L("SELECT status, COUNT(*) FROM sub_orders GROUP BY status ORDER BY status"));
        execOrThrow(q, "count sub-orders");
        while (q.next())
            c.byStatus.append({q.value(0).toString(), q.value(1).toLongLong()});
    }
    {
        Statement q = prepareOrThrow(
            db, L("SELECT COUNT(*) FROM sub_orders s JOIN orders o ON o.id = s.order_id WHERE "
                  "s.status IN ('awaiting_placement', 'placing', 'needs_manual') AND o.paid_at IS "
                  "NOT NULL AND o.paid_at < :before"));
        q.bindValue(QStringLiteral(":before"), paidBefore);
        execOrThrow(q, "count stuck sub-orders");
        if (q.next())
            c.stuck = q.value(0).toLongLong();
    }
    {
        Statement q = prepareOrThrow(db, L("SELECT MIN(status_changed_at) FROM sub_orders WHERE "
                                           "status = 'needs_manual'"));
        execOrThrow(q, "oldest needs_manual");
        if (q.next())
            c.oldestNeedsManualAt = optionalLong(q.value(0));
    }
    return c;
}

QJsonArray events(const QSqlDatabase &db, qint64 subOrderId)
{
    Statement q = prepareOrThrow(
        db, L("SELECT at, actor, sub_order_id, from_status, to_status, reason FROM order_events "
              "WHERE sub_order_id = :id ORDER BY id"));
    q.bindValue(QStringLiteral(":id"), subOrderId);
    execOrThrow(q, "read sub-order events");
    QJsonArray out;
    while (q.next())
        out.append(QJsonObject{{QStringLiteral("at"), toWireTime(q.value(0).toLongLong())},
                               {QStringLiteral("actor"), q.value(1).toString()},
                               {QStringLiteral("subOrderId"), q.value(2).toLongLong()},
                               {QStringLiteral("from"), q.value(3).toString()},
                               {QStringLiteral("to"), q.value(4).toString()},
                               {QStringLiteral("reason"), q.value(5).toString()}});
    return out;
}

QJsonArray attempts(const QSqlDatabase &db, qint64 subOrderId)
{
    QList<QJsonObject> list;
    QList<qint64> ids;
    {
        Statement q = prepareOrThrow(
            db, L("SELECT id, number, worker, started_at, ended_at, outcome, failed_step, reason "
                  "FROM placement_attempts WHERE sub_order_id = :id ORDER BY id"));
        q.bindValue(QStringLiteral(":id"), subOrderId);
        execOrThrow(q, "read placement attempts");
        while (q.next()) {
            ids.append(q.value(0).toLongLong());
            list.append({{QStringLiteral("id"), q.value(0).toLongLong()},
                         {QStringLiteral("number"), q.value(1).toInt()},
                         {QStringLiteral("worker"), q.value(2).toString()},
                         {QStringLiteral("startedAt"), toWireTime(q.value(3).toLongLong())},
                         {QStringLiteral("endedAt"),
                          q.value(4).isNull() ? QJsonValue() : toWireTime(q.value(4).toLongLong())},
                         {QStringLiteral("outcome"), q.value(5).toString()},
                         {QStringLiteral("failedStep"), q.value(6).toString()},
                         {QStringLiteral("reason"), q.value(7).toString()}});
        }
    }
    QJsonArray out;
    for (qsizetype i = 0; i < list.size(); ++i) {
        Statement q = prepareOrThrow(
            db, L("SELECT step, started_at, ended_at, outcome, http_status, answer, detail FROM "
                  "placement_steps WHERE attempt_id = :id ORDER BY id"));
        q.bindValue(QStringLiteral(":id"), ids.at(i));
        execOrThrow(q, "read placement steps");
        QJsonArray steps;
        while (q.next())
            steps.append(
                QJsonObject{{QStringLiteral("step"), q.value(0).toString()},
                            {QStringLiteral("startedAt"), toWireTime(q.value(1).toLongLong())},
                            {QStringLiteral("endedAt"), toWireTime(q.value(2).toLongLong())},
                            {QStringLiteral("outcome"), q.value(3).toString()},
                            {QStringLiteral("httpStatus"), q.value(4).toInt()},
                            {QStringLiteral("answer"), q.value(5).toString()},
                            {QStringLiteral("detail"), q.value(6).toString()}});
        QJsonObject a = list.at(i);
        a.insert(QStringLiteral("steps"), steps);
        out.append(a);
    }
    return out;
}

} // namespace haitao::server::orders::placementstore
