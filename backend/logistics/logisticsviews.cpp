// LogisticsService: what the REST routes read (tracking, shipments, counts, carriers,
// mappings).
#include "backend/http/apierror.h"
#include "backend/logistics/carriers.h"
#include "backend/logistics/logisticsjson.h"
#include "backend/logistics/logisticsservice.h"
#include "backend/storage/sqltext.h"
#include "core/wiretime.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace haitao::server::logistics {

using sql::L;

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;

QJsonValue wireOrNull(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(toWireTime(v.toLongLong()));
}

const char *kItemColumns =
    "s.id, s.sub_order_id, s.order_id, s.site, s.username, s.status, s.current_leg, "
    "(SELECT l.carrier FROM shipment_legs sl JOIN legs l ON l.id = sl.leg_id WHERE "
    "sl.shipment_id = s.id AND l.kind = s.current_leg LIMIT 1), "
    "(SELECT l.tracking_number FROM shipment_legs sl JOIN legs l ON l.id = sl.leg_id WHERE "
    "sl.shipment_id = s.id AND l.kind = s.current_leg LIMIT 1), "
    "s.last_checkpoint_at, s.last_activity_at, s.created_at";

QJsonObject item(const Statement &q, bool hasAlerts, int openAlertsColumn)
{
    return {{QStringLiteral("id"), q.value(0).toLongLong()},
            {QStringLiteral("subOrderId"), q.value(1).toLongLong()},
            {QStringLiteral("orderId"), q.value(2).toLongLong()},
            {QStringLiteral("site"), q.value(3).toString()},
            {QStringLiteral("customer"), q.value(4).toString()},
            {QStringLiteral("status"), q.value(5).toString()},
            {QStringLiteral("currentLeg"), q.value(6).toString()},
            {QStringLiteral("carrier"),
             q.value(7).isNull() ? QJsonValue() : QJsonValue(q.value(7).toString())},
            {QStringLiteral("trackingNumber"),
             q.value(8).isNull() ? QJsonValue() : QJsonValue(q.value(8).toString())},
            {QStringLiteral("lastCheckpointAt"), wireOrNull(q.value(9))},
            {QStringLiteral("lastActivityAt"), wireOrNull(q.value(10))},
            {QStringLiteral("createdAt"), toWireTime(q.value(11).toLongLong())},
            {QStringLiteral("openAlerts"), hasAlerts ? q.value(openAlertsColumn).toInt() : 0}};
}

QString alertsColumn(bool hasAlerts)
{
    return hasAlerts ? L(", (SELECT COUNT(*) FROM alerts a WHERE a.shipment_id = s.id AND "
                         "a.state <> 'resolved')")
                     : L(", 0");
}

} // namespace

QJsonObject LogisticsService::orderTracking(const Principal &user, qint64 orderId)
{
    const auto ref = m_link.order ? m_link.order(orderId) : std::nullopt;
    const bool staff = user.role == Role::Ops || user.role == Role::Admin;
    if (!ref || (!staff && ref->userId != user.userId))
        throw ApiError(ProblemKind::NotFound, QStringLiteral("No such order"));
    QSqlDatabase db = m_db.reader();
    QJsonArray subOrders;
    for (const SubOrderRef &sub : ref->subOrders) {
        Statement q =
            prepareOrThrow(db, L("SELECT id, status FROM shipments WHERE sub_order_id = :id"));
        q.bindValue(QStringLiteral(":id"), sub.id);
        execOrThrow(q, "shipment of sub-order");
        QJsonObject s{{QStringLiteral("id"), sub.id}, {QStringLiteral("site"), sub.site}};
        if (q.next()) {
            const qint64 shipmentId = q.value(0).toLongLong();
            s.insert(QStringLiteral("shipmentId"), shipmentId);
            s.insert(QStringLiteral("status"), q.value(1).toString());
            s.insert(QStringLiteral("legs"), json::legs(db, shipmentId, false));
        } else {
            s.insert(QStringLiteral("shipmentId"), QJsonValue());
            // A sub-order cancelled before the shop had it never ships: say so, not "awaiting".
            s.insert(QStringLiteral("status"), sub.cancelled ? QStringLiteral("cancelled")
                                                             : QStringLiteral("awaiting_shipment"));
            s.insert(QStringLiteral("legs"), QJsonArray());
        }
        subOrders.append(s);
    }
    return {{QStringLiteral("orderId"), orderId}, {QStringLiteral("subOrders"), subOrders}};
}

QJsonObject LogisticsService::shipments(const ShipmentQuery &query)
{
    QSqlDatabase db = m_db.reader();
    QString where = L(" WHERE 1 = 1");
    if (!query.cursor.isEmpty())
        where += L(" AND s.id < :cursor");
    if (!query.status.isEmpty())
        where += L(" AND s.status = :status");
    if (!query.site.isEmpty())
        where += L(" AND s.site = :site");
    if (!query.carrier.isEmpty())
        where += L(" AND EXISTS (SELECT 1 FROM shipment_legs sl JOIN legs l ON l.id = sl.leg_id "
                   "WHERE sl.shipment_id = s.id AND l.carrier = :carrier)");
    if (query.quietDays > 0)
        where += L(" AND s.status NOT IN ('delivered', 'returned') AND COALESCE("
                   "s.last_activity_at, s.created_at) < :quiet");
    if (query.openAlerts)
        where += m_hasAlerts ? L(" AND EXISTS (SELECT 1 FROM alerts a WHERE a.shipment_id = s.id "
                                 "AND a.state <> 'resolved')")
                             : L(" AND 1 = 0");
    bool qNumber = false;
    const QString q = query.q.trimmed();
    if (!q.isEmpty()) {
        q.toLongLong(&qNumber);
        where += L(" AND (LOWER(s.username) = :qlower OR EXISTS (SELECT 1 FROM shipment_legs sl "
                   "JOIN legs l ON l.id = sl.leg_id WHERE sl.shipment_id = s.id AND "
                   "l.tracking_number = :qnumber)");
        if (qNumber)
            where += L(" OR s.order_id = :qid");
        where += L(")");
    }
    const int limit = std::clamp(query.limit, 1, 200);
    Statement st = prepareOrThrow(db, L("SELECT ") + QLatin1String(kItemColumns) +
                                          alertsColumn(m_hasAlerts) + L(" FROM shipments s") +
                                          where + L(" ORDER BY s.id DESC LIMIT :limit"));
    if (!query.cursor.isEmpty())
        st.bindValue(QStringLiteral(":cursor"), query.cursor.toLongLong());
    if (!query.status.isEmpty())
        st.bindValue(QStringLiteral(":status"), query.status);
    if (!query.site.isEmpty())
        st.bindValue(QStringLiteral(":site"), query.site);
    if (!query.carrier.isEmpty())
        st.bindValue(QStringLiteral(":carrier"), query.carrier);
    if (query.quietDays > 0)
        st.bindValue(QStringLiteral(":quiet"), now() - query.quietDays * kDayMs);
    if (!q.isEmpty()) {
        st.bindValue(QStringLiteral(":qlower"), q.toLower());
        st.bindValue(QStringLiteral(":qnumber"), q);
        if (qNumber)
            st.bindValue(QStringLiteral(":qid"), q.toLongLong());
    }
    st.bindValue(QStringLiteral(":limit"), limit + 1);
    execOrThrow(st, "list shipments");
    QJsonArray items;
    qint64 lastId = 0;
    bool more = false;
    while (st.next()) {
        if (items.size() == limit) {
            more = true;
            break;
        }
        items.append(item(st, m_hasAlerts, 12));
        lastId = st.value(0).toLongLong();
    }
    return {
        {QStringLiteral("items"), items},
        {QStringLiteral("nextCursor"), more ? QJsonValue(QString::number(lastId)) : QJsonValue()}};
}

QJsonObject LogisticsService::counts()
{
    QSqlDatabase db = m_db.reader();
    Statement q = prepareOrThrow(db, L("SELECT status, COUNT(*) FROM shipments GROUP BY status"));
    execOrThrow(q, "count shipments");
    QJsonObject byStatus;
    qint64 open = 0;
    while (q.next()) {
        const QString status = q.value(0).toString();
        const qint64 n = q.value(1).toLongLong();
        byStatus.insert(status, n);
        if (!isFinalStatus(status))
            open += n;
    }
    Statement u = prepareOrThrow(db, L("SELECT COUNT(*) FROM unmapped_statuses"));
    execOrThrow(u, "count unmapped");
    const qint64 unmapped = u.next() ? u.value(0).toLongLong() : 0;
    QJsonObject o{{QStringLiteral("byStatus"), byStatus},
                  {QStringLiteral("open"), open},
                  {QStringLiteral("unmapped"), unmapped}};
    for (const CountsPart &part : m_countsParts)
        part(db, o);
    return o;
}

QJsonObject LogisticsService::shipment(qint64 id)
{
    QSqlDatabase db = m_db.reader();
    Statement q = prepareOrThrow(
        db, L("SELECT ") + QLatin1String(kItemColumns) + alertsColumn(m_hasAlerts) +
                L(", s.recipient_name, s.recipient_phone, s.recipient_email, s.address, "
                  "s.priced_weight_g FROM shipments s WHERE s.id = :id"));
    q.bindValue(QStringLiteral(":id"), id);
    execOrThrow(q, "read shipment");
    if (!q.next())
        throw ApiError(ProblemKind::NotFound, QStringLiteral("No such shipment"));
    QJsonObject o = item(q, m_hasAlerts, 12);
    o.insert(QStringLiteral("recipient"),
             QJsonObject{{QStringLiteral("name"), q.value(13).toString()},
                         {QStringLiteral("phone"), q.value(14).toString()},
                         {QStringLiteral("email"), q.value(15).toString()},
                         {QStringLiteral("address"),
                          QJsonDocument::fromJson(q.value(16).toString().toUtf8()).object()}});
    o.insert(QStringLiteral("pricedWeightG"), q.value(17).toLongLong());
    o.insert(QStringLiteral("legs"), json::legs(db, id, true));
    Statement e = prepareOrThrow(
        db, L("SELECT at, actor, from_status, to_status, reason FROM shipment_events WHERE "
              "shipment_id = :id ORDER BY id"));
    e.bindValue(QStringLiteral(":id"), id);
    execOrThrow(e, "shipment events");
    QJsonArray events;
    while (e.next())
        events.append(QJsonObject{{QStringLiteral("at"), toWireTime(e.value(0).toLongLong())},
                                  {QStringLiteral("actor"), e.value(1).toString()},
                                  {QStringLiteral("from"), e.value(2).toString()},
                                  {QStringLiteral("to"), e.value(3).toString()},
                                  {QStringLiteral("reason"), e.value(4).toString()}});
    o.insert(QStringLiteral("events"), events);
    for (const DetailPart &part : m_detailParts)
        part(db, id, o);
    return o;
}

QJsonObject LogisticsService::carriers()
{
    QJsonArray items;
    for (const Carrier &c : carriers::list(m_db.reader()))
        items.append(c.toJson());
    return {{QStringLiteral("items"), items}};
}

QJsonObject LogisticsService::mappings(const QString &carrier)
{
    QSqlDatabase db = m_db.reader();
    Statement q = prepareOrThrow(
        db, carrier.isEmpty()
                ? L("SELECT carrier, raw_status, status, updated_by, updated_at FROM "
                    "status_mappings ORDER BY carrier, raw_status")
                : L("SELECT carrier, raw_status, status, updated_by, updated_at FROM "
                    "status_mappings WHERE carrier = :carrier ORDER BY carrier, raw_status"));
    if (!carrier.isEmpty())
        q.bindValue(QStringLiteral(":carrier"), carrier);
    execOrThrow(q, "list mappings");
    QJsonArray items;
    while (q.next())
        items.append(
            QJsonObject{{QStringLiteral("carrier"), q.value(0).toString()},
                        {QStringLiteral("rawStatus"), q.value(1).toString()},
                        {QStringLiteral("status"), q.value(2).toString()},
                        {QStringLiteral("updatedBy"), q.value(3).toString()},
                        {QStringLiteral("updatedAt"), toWireTime(q.value(4).toLongLong())}});
    return {{QStringLiteral("items"), items}};
}

QJsonObject LogisticsService::unmapped()
{
    QSqlDatabase db = m_db.reader();
    Statement q = prepareOrThrow(
        db, L("SELECT carrier, raw_status, sample_text, seen_count, first_seen, last_seen FROM "
              "unmapped_statuses ORDER BY last_seen DESC, carrier, raw_status"));
    execOrThrow(q, "list unmapped");
    QJsonArray items;
    while (q.next())
        items.append(
            QJsonObject{{QStringLiteral("carrier"), q.value(0).toString()},
                        {QStringLiteral("rawStatus"), q.value(1).toString()},
                        {QStringLiteral("sampleText"), q.value(2).toString()},
                        {QStringLiteral("count"), q.value(3).toLongLong()},
                        {QStringLiteral("firstSeen"), toWireTime(q.value(4).toLongLong())},
                        {QStringLiteral("lastSeen"), toWireTime(q.value(5).toLongLong())}});
    return {{QStringLiteral("items"), items}};
}

std::optional<LogisticsService::TrackerState>
LogisticsService::tracker(const QString &carrier, const QString &trackingNumber)
{
    Statement q = prepareOrThrow(
        m_db.writer(), L("SELECT leg_id, next_poll_at, interval_ms, polls, open FROM trackers "
                         "WHERE carrier = :carrier AND tracking_number = :number"));
    q.bindValue(QStringLiteral(":carrier"), carrier);
    q.bindValue(QStringLiteral(":number"), trackingNumber);
    execOrThrow(q, "read tracker");
    if (!q.next())
        return std::nullopt;
    return TrackerState{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                        q.value(3).toLongLong(), q.value(4).toInt() != 0};
}

} // namespace haitao::server::logistics
