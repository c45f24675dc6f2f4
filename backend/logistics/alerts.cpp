#include "backend/logistics/alerts.h"

#include "backend/storage/database.h"
#include "backend/storage/keyset.h"
#include "backend/storage/sqltext.h"
#include "core/wiretime.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace haitao::server::logistics {

namespace {

using sql::L;
using sql::optionalLong;

constexpr const char *kColumns =
    "id, shipment_id, order_id, site, kind, state, detail, raised_at, acknowledged_by, "
    "acknowledged_at, resolved_by, resolved_at, note";

Alert readAlert(const QSqlQuery &q)
{
    Alert a;
    a.id = q.value(0).toLongLong();
    a.shipmentId = q.value(1).toLongLong();
    a.orderId = q.value(2).toLongLong();
    a.site = q.value(3).toString();
    a.kind = q.value(4).toString();
    a.state = q.value(5).toString();
    a.detail = q.value(6).toString();
    a.raisedAtMs = q.value(7).toLongLong();
    a.acknowledgedBy = q.value(8).toString();
    a.acknowledgedAtMs = optionalLong(q.value(9));
    a.resolvedBy = q.value(10).toString();
    a.resolvedAtMs = optionalLong(q.value(11));
    a.note = q.value(12).toString();
    return a;
}

QJsonValue timeOrNull(const std::optional<qint64> &ms)
{
    return ms ? QJsonValue(toWireTime(*ms)) : QJsonValue();
}

QJsonValue textOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

} // namespace

QJsonObject Alert::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("shipmentId"), shipmentId},
            {QStringLiteral("orderId"), orderId},
            {QStringLiteral("site"), site},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("state"), state},
            {QStringLiteral("detail"), detail},
            {QStringLiteral("raisedAt"), toWireTime(raisedAtMs)},
            {QStringLiteral("acknowledgedBy"), textOrNull(acknowledgedBy)},
            {QStringLiteral("acknowledgedAt"), timeOrNull(acknowledgedAtMs)},
            {QStringLiteral("resolvedBy"), textOrNull(resolvedBy)},
            {QStringLiteral("resolvedAt"), timeOrNull(resolvedAtMs)},
            {QStringLiteral("note"), textOrNull(note)}};
}

bool isAlertKind(const QString &kind)
{
    return kind == u"quiet" || kind == u"exception" || kind == u"customs_hold";
}

bool isAlertState(const QString &state)
{
    return state == u"open" || state == u"acknowledged" || state == u"resolved";
}

namespace alerts {

bool raise(QSqlDatabase &db, qint64 shipmentId, qint64 orderId, const QString &site,
           const QString &kind, const QString &detail, qint64 atMs)
{
    Statement q = prepareOrThrow(
        db, L("INSERT INTO alerts (shipment_id, order_id, site, kind, state, detail, raised_at) "
              "VALUES (:s, :o, :site, :k, 'open', :d, :at) ON CONFLICT DO NOTHING"));
    q.bindValue(QStringLiteral(":s"), shipmentId);
    q.bindValue(QStringLiteral(":o"), orderId);
    q.bindValue(QStringLiteral(":site"), sql::text(site));
    q.bindValue(QStringLiteral(":k"), kind);
    q.bindValue(QStringLiteral(":d"), sql::text(detail));
    q.bindValue(QStringLiteral(":at"), atMs);
    execOrThrow(q, "raise alert");
    return q.query().numRowsAffected() > 0;
}

int raiseQuiet(QSqlDatabase &db, const QString &legKind, int hours, qint64 nowMs)
{
    const qint64 cut = nowMs - qint64(hours) * 3600 * 1000;
    // SQLite needs the WHERE of an INSERT ... SELECT ... ON CONFLICT (parsing ambiguity); it
    // is there anyway.
    Statement q = prepareOrThrow(
        db, L("INSERT INTO alerts (shipment_id, order_id, site, kind, state, detail, raised_at) "
              "SELECT s.id, s.order_id, s.site, 'quiet', 'open', :detail, :now FROM shipments s "
              "WHERE s.current_leg = :leg AND s.status NOT IN ('delivered', 'returned') "
              "AND s.created_at < :cut1 "
              "AND (s.last_activity_at IS NULL OR s.last_activity_at < :cut2) "
              "AND NOT EXISTS (SELECT 1 FROM shipment_legs sl JOIN legs l ON l.id = sl.leg_id "
              " WHERE sl.shipment_id = s.id AND l.kind = s.current_leg AND l.created_at >= :cut3) "
              "AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.shipment_id = s.id "
              " AND a.kind = 'quiet' AND (a.state <> 'resolved' "
              " OR a.raised_at >= COALESCE(s.last_activity_at, s.created_at))) "
              "ON CONFLICT DO NOTHING"));
    q.bindValue(QStringLiteral(":detail"),
                QStringLiteral("No new checkpoint for more than %1 hours on the %2 leg")
                    .arg(hours)
                    .arg(legKind));
    q.bindValue(QStringLiteral(":now"), nowMs);
    q.bindValue(QStringLiteral(":leg"), legKind);
    q.bindValue(QStringLiteral(":cut1"), cut);
    q.bindValue(QStringLiteral(":cut2"), cut);
    q.bindValue(QStringLiteral(":cut3"), cut);
    execOrThrow(q, "raise quiet alerts");
    return std::max(0, q.query().numRowsAffected());
}

Page<Alert> list(const QSqlDatabase &db, const Filter &filter)
{
    sql::Conditions c;
    if (!filter.state.isEmpty())
        c.add(QStringLiteral("state = :state"), QStringLiteral(":state"), filter.state);
    if (!filter.kind.isEmpty())
        c.add(QStringLiteral("kind = :kind"), QStringLiteral(":kind"), filter.kind);
    if (filter.shipmentId > 0)
        c.add(QStringLiteral("shipment_id = :shipment"), QStringLiteral(":shipment"),
              filter.shipmentId);
    if (filter.beforeId > 0)
        c.add(QStringLiteral("id < :before"), QStringLiteral(":before"), filter.beforeId);
    return sql::newestFirst<Alert>(
        db, QStringLiteral("SELECT %1 FROM alerts").arg(QLatin1String(kColumns)), c, filter.limit,
        readAlert, "list alerts");
}

std::optional<Alert> byId(const QSqlDatabase &db, qint64 id)
{
    Statement q = prepareOrThrow(
        db, QStringLiteral("SELECT %1 FROM alerts WHERE id = :id").arg(QLatin1String(kColumns)));
    q.bindValue(QStringLiteral(":id"), id);
    execOrThrow(q, "read alert");
    if (!q.next())
        return std::nullopt;
    return readAlert(q.query());
}

QList<Alert> forShipment(const QSqlDatabase &db, qint64 shipmentId)
{
    Statement q = prepareOrThrow(db, QStringLiteral("SELECT %1 FROM alerts WHERE shipment_id = "
                                                    ":s ORDER BY id")
                                         .arg(QLatin1String(kColumns)));
    q.bindValue(QStringLiteral(":s"), shipmentId);
    execOrThrow(q, "read alerts of a shipment");
    QList<Alert> out;
    while (q.next())
        out.append(readAlert(q.query()));
    return out;
}

bool acknowledge(QSqlDatabase &db, qint64 id, const QString &by, qint64 atMs)
{
    Statement q = prepareOrThrow(db, L("UPDATE alerts SET state = 'acknowledged', "
                                       "acknowledged_by = :by, acknowledged_at = :at "
                                       "WHERE id = :id AND state = 'open'"));
    q.bindValue(QStringLiteral(":by"), by);
    q.bindValue(QStringLiteral(":at"), atMs);
    q.bindValue(QStringLiteral(":id"), id);
    execOrThrow(q, "acknowledge alert");
    return q.query().numRowsAffected() > 0;
}

bool resolve(QSqlDatabase &db, qint64 id, const QString &by, const QString &note, qint64 atMs)
{
    Statement q = prepareOrThrow(db, L("UPDATE alerts SET state = 'resolved', resolved_by = :by, "
                                       "resolved_at = :at, note = :note "
                                       "WHERE id = :id AND state <> 'resolved'"));
    q.bindValue(QStringLiteral(":by"), by);
    q.bindValue(QStringLiteral(":at"), atMs);
    q.bindValue(QStringLiteral(":note"), note);
    q.bindValue(QStringLiteral(":id"), id);
    execOrThrow(q, "resolve alert");
    return q.query().numRowsAffected() > 0;
}

Counts counts(const QSqlDatabase &db)
{
    Statement q = prepareOrThrow(db, L("SELECT state, kind, COUNT(*) FROM alerts "
                                       "WHERE state <> 'resolved' GROUP BY state, kind"));
    execOrThrow(q, "count alerts");
    Counts c;
    for (const char *kind : {"quiet", "exception", "customs_hold"})
        c.unresolvedByKind.insert(QLatin1String(kind), 0);
    while (q.next()) {
        const qint64 n = q.value(2).toLongLong();
        (q.value(0).toString() == u"open" ? c.open : c.acknowledged) += n;
        c.unresolvedByKind[q.value(1).toString()] += n;
    }
    return c;
}

QList<qint64> unresolvedAt(const QSqlDatabase &db, const QList<qint64> &dayEndsMs)
{
    QList<qint64> out(dayEndsMs.size(), 0);
    if (dayEndsMs.isEmpty())
        return out;
    // Only alerts alive at some point of the window matter.
    Statement q = prepareOrThrow(db, L("SELECT raised_at, resolved_at FROM alerts "
                                       "WHERE raised_at < :last AND (resolved_at IS NULL "
                                       "OR resolved_at >= :first)"));
    q.bindValue(QStringLiteral(":last"), dayEndsMs.constLast());
    q.bindValue(QStringLiteral(":first"), dayEndsMs.constFirst());
    execOrThrow(q, "alerts over time");
    while (q.next()) {
        const qint64 raised = q.value(0).toLongLong();
        const auto resolved = optionalLong(q.value(1));
        for (qsizetype i = 0; i < dayEndsMs.size(); ++i) {
            if (raised < dayEndsMs.at(i) && (!resolved || *resolved >= dayEndsMs.at(i)))
                ++out[i];
        }
    }
    return out;
}

} // namespace alerts
} // namespace haitao::server::logistics
