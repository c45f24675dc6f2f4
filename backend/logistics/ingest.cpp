#include "backend/logistics/ingest.h"

#include "backend/logistics/carriers.h"
#include "backend/logistics/statushooks.h"
#include "backend/storage/database.h"
#include "backend/storage/sqltext.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <optional>

namespace haitao::server::logistics::ingest {

using sql::L;

namespace {

struct Leg
{
    qint64 id = 0;
    QString kind, carrier, number;
};

std::optional<Leg> legById(QSqlDatabase &db, qint64 id)
{
    Statement q =
        prepareOrThrow(db, L("SELECT id, kind, carrier, tracking_number FROM legs WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), id);
    execOrThrow(q, "read leg");
    if (!q.next())
        return std::nullopt;
    return Leg{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
               q.value(3).toString()};
}

qint64 findOrCreateLeg(QSqlDatabase &db, const QString &kind, const QString &carrier,
                       const QString &number, qint64 nowMs)
{
    Statement f = prepareOrThrow(db, L("SELECT id FROM legs WHERE kind = :kind AND carrier = "
                                       ":carrier AND tracking_number = :number"));
    f.bindValue(QStringLiteral(":kind"), kind);
    f.bindValue(QStringLiteral(":carrier"), carrier);
    f.bindValue(QStringLiteral(":number"), number);
    execOrThrow(f, "find leg");
    if (f.next())
        return f.value(0).toLongLong();
    Statement i = prepareOrThrow(
        db, L("INSERT INTO legs (kind, carrier, tracking_number, status, created_at, closed) "
              "VALUES (:kind, :carrier, :number, '', :now, 0) RETURNING id"));
    i.bindValue(QStringLiteral(":kind"), kind);
    i.bindValue(QStringLiteral(":carrier"), carrier);
    i.bindValue(QStringLiteral(":number"), number);
    i.bindValue(QStringLiteral(":now"), nowMs);
    execOrThrow(i, "create leg");
    if (!i.next())
        throw StorageError(QStringLiteral("the new leg has no id"));
    return i.value(0).toLongLong();
}

QList<qint64> shipmentsOfLeg(QSqlDatabase &db, qint64 legId)
{
    Statement q = prepareOrThrow(
        db, L("SELECT shipment_id FROM shipment_legs WHERE leg_id = :leg ORDER BY shipment_id"));
    q.bindValue(QStringLiteral(":leg"), legId);
    execOrThrow(q, "shipments of leg");
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

void link(QSqlDatabase &db, qint64 shipmentId, qint64 legId, const QString &kind)
{
    // One leg per kind and shipment: a number entered by hand replaces the one before.
    Statement r = prepareOrThrow(
        db, L("SELECT sl.leg_id FROM shipment_legs sl JOIN legs l ON l.id = sl.leg_id WHERE "
              "sl.shipment_id = :s AND sl.leg_id <> :leg AND l.kind = :kind"));
    r.bindValue(QStringLiteral(":s"), shipmentId);
    r.bindValue(QStringLiteral(":leg"), legId);
    r.bindValue(QStringLiteral(":kind"), kind);
    execOrThrow(r, "replaced legs");
    QList<qint64> replaced;
    while (r.next())
        replaced.append(r.value(0).toLongLong());
    if (!replaced.isEmpty()) {
        Statement d = prepareOrThrow(
            db, L("DELETE FROM shipment_legs WHERE shipment_id = :s AND leg_id <> :leg AND "
                  "leg_id IN (SELECT id FROM legs WHERE kind = :kind)"));
        d.bindValue(QStringLiteral(":s"), shipmentId);
        d.bindValue(QStringLiteral(":leg"), legId);
        d.bindValue(QStringLiteral(":kind"), kind);
        execOrThrow(d, "unlink leg");
    }
    // A replaced leg no shipment uses any more is not polled again.
    for (qint64 old : std::as_const(replaced)) {
        Statement c = prepareOrThrow(
            db, L("UPDATE trackers SET open = 0, claimed_until = 0 WHERE leg_id = :leg AND NOT "
                  "EXISTS (SELECT 1 FROM shipment_legs WHERE leg_id = :leg2)"));
        c.bindValue(QStringLiteral(":leg"), old);
        c.bindValue(QStringLiteral(":leg2"), old);
        execOrThrow(c, "close replaced tracker");
    }
    Statement f = prepareOrThrow(
        db, L("SELECT 1 FROM shipment_legs WHERE shipment_id = :s AND leg_id = :leg"));
    f.bindValue(QStringLiteral(":s"), shipmentId);
    f.bindValue(QStringLiteral(":leg"), legId);
    execOrThrow(f, "find link");
    if (f.next())
        return;
    Statement i =
        prepareOrThrow(db, L("INSERT INTO shipment_legs (shipment_id, leg_id) VALUES (:s, :leg)"));
    i.bindValue(QStringLiteral(":s"), shipmentId);
    i.bindValue(QStringLiteral(":leg"), legId);
    execOrThrow(i, "link leg");
}

// The customs leg of an international number (same carrier and number), linked to every
// shipment the international leg carries.
qint64 customsLeg(QSqlDatabase &db, const Leg &international, qint64 nowMs)
{
    const qint64 id = findOrCreateLeg(db, QStringLiteral("customs"), international.carrier,
                                      international.number, nowMs);
    for (qint64 s : shipmentsOfLeg(db, international.id))
        link(db, s, id, QStringLiteral("customs"));
    return id;
}

bool customsStarted(QSqlDatabase &db, qint64 customsLegId, qint64 atMs)
{
    Statement q = prepareOrThrow(db, L("SELECT 1 FROM checkpoints WHERE leg_id = :leg AND "
                                       "event_at <= :at LIMIT 1"));
    q.bindValue(QStringLiteral(":leg"), customsLegId);
    q.bindValue(QStringLiteral(":at"), atMs);
    execOrThrow(q, "customs started");
    return q.next();
}

// The leg's own status: its latest known checkpoint by event time.
void updateLegStatus(QSqlDatabase &db, qint64 legId)
{
    Statement q = prepareOrThrow(
        db, L("SELECT status FROM checkpoints WHERE leg_id = :leg AND status <> 'unknown' "
              "ORDER BY event_at DESC, id DESC LIMIT 1"));
    q.bindValue(QStringLiteral(":leg"), legId);
    execOrThrow(q, "leg status");
    const QString status = q.next() ? q.value(0).toString() : QString();
    Statement u = prepareOrThrow(db, L("UPDATE legs SET status = :status WHERE id = :leg"));
    u.bindValue(QStringLiteral(":status"), sql::text(status));
    u.bindValue(QStringLiteral(":leg"), legId);
    execOrThrow(u, "update leg status");
}

bool insertCheckpoint(QSqlDatabase &db, qint64 legId, const QString &carrier, const RawEvent &e,
                      const QString &status, const IngestSource &source, qint64 nowMs, qint64 *id)
{
    Statement i = prepareOrThrow(
        db,
        L("INSERT INTO checkpoints (leg_id, carrier, event_key, event_at, tz_offset_min, place, "
          "raw_status, raw_text, status, source, actor, reason, recorded_at) VALUES (:leg, "
          ":carrier, :key, :at, :tz, :place, :raw, :text, :status, :source, :actor, :reason, "
          ":now) ON CONFLICT (leg_id, event_key) DO NOTHING RETURNING id"));
    i.bindValue(QStringLiteral(":leg"), legId);
    i.bindValue(QStringLiteral(":carrier"), carrier);
    i.bindValue(QStringLiteral(":key"), eventKey(e));
    i.bindValue(QStringLiteral(":at"), e.atMs);
    i.bindValue(QStringLiteral(":tz"), e.tzOffsetMin);
    i.bindValue(QStringLiteral(":place"), sql::text(e.place));
    i.bindValue(QStringLiteral(":raw"), sql::text(e.code));
    i.bindValue(QStringLiteral(":text"), sql::text(e.text));
    i.bindValue(QStringLiteral(":status"), status);
    i.bindValue(QStringLiteral(":source"), source.source);
    i.bindValue(QStringLiteral(":actor"), source.actor);
    i.bindValue(QStringLiteral(":reason"), sql::text(source.reason));
    i.bindValue(QStringLiteral(":now"), nowMs);
    execOrThrow(i, "store checkpoint");
    if (!i.next())
        return false;
    *id = i.value(0).toLongLong();
    return true;
}

bool exists(QSqlDatabase &db, qint64 legId, const QString &key)
{
    Statement q =
        prepareOrThrow(db, L("SELECT 1 FROM checkpoints WHERE leg_id = :leg AND event_key = :key"));
    q.bindValue(QStringLiteral(":leg"), legId);
    q.bindValue(QStringLiteral(":key"), key);
    execOrThrow(q, "checkpoint exists");
    return q.next();
}

} // namespace

QString eventKey(const RawEvent &e)
{
    if (!e.key.isEmpty())
        return e.key;
    const QByteArray material =
        QByteArray::number(e.atMs) + '\n' + e.code.toUtf8() + '\n' + e.place.toUtf8();
    return QStringLiteral("h:") +
           QString::fromLatin1(
               QCryptographicHash::hash(material, QCryptographicHash::Sha256).toHex().left(32));
}

void startTracker(QSqlDatabase &db, qint64 legId, const QString &carrier,
                  const QString &trackingNumber, qint64 nowMs, qint64 firstPollMs)
{
    const auto c = carriers::get(db, carrier);
    if (!c || !c->polled())
        return;
    Statement u = prepareOrThrow(
        db, L("UPDATE trackers SET open = 1, next_poll_at = :now, interval_ms = :interval, "
              "failures = 0, claimed_until = 0 WHERE leg_id = :leg"));
    u.bindValue(QStringLiteral(":now"), nowMs);
    u.bindValue(QStringLiteral(":interval"), firstPollMs);
    u.bindValue(QStringLiteral(":leg"), legId);
    execOrThrow(u, "reopen tracker");
    if (u.query().numRowsAffected() > 0)
        return;
    Statement i = prepareOrThrow(
        db, L("INSERT INTO trackers (leg_id, carrier, tracking_number, next_poll_at, "
              "interval_ms, failures, claimed_until, open, polls, started_at) VALUES (:leg, "
              ":carrier, :number, :now, :interval, 0, 0, 1, 0, :now2)"));
    i.bindValue(QStringLiteral(":leg"), legId);
    i.bindValue(QStringLiteral(":carrier"), carrier);
    i.bindValue(QStringLiteral(":number"), trackingNumber);
    i.bindValue(QStringLiteral(":now"), nowMs);
    i.bindValue(QStringLiteral(":interval"), firstPollMs);
    i.bindValue(QStringLiteral(":now2"), nowMs);
    execOrThrow(i, "start tracker");
}

qint64 attachLeg(QSqlDatabase &db, qint64 shipmentId, const QString &kind, const QString &carrier,
                 const QString &trackingNumber, qint64 nowMs, qint64 firstPollMs)
{
    const qint64 legId = findOrCreateLeg(db, kind, carrier, trackingNumber, nowMs);
    link(db, shipmentId, legId, kind);
    if (kind != u"customs")
        startTracker(db, legId, carrier, trackingNumber, nowMs, firstPollMs);
    return legId;
}

IngestResult store(QSqlDatabase &db, qint64 legId, const QList<RawEvent> &events,
                   const IngestSource &source, qint64 nowMs, qint64 firstPollMs)
{
    IngestResult result;
    const auto leg = legById(db, legId);
    if (!leg)
        return result;
    QSet<qint64> touchedLegs;
    qint64 customsId = 0;
    if (leg->kind == u"international") {
        Statement f = prepareOrThrow(db, L("SELECT id FROM legs WHERE kind = 'customs' AND "
                                           "carrier = :carrier AND tracking_number = :number"));
        f.bindValue(QStringLiteral(":carrier"), leg->carrier);
        f.bindValue(QStringLiteral(":number"), leg->number);
        execOrThrow(f, "find customs leg");
        if (f.next())
            customsId = f.value(0).toLongLong();
    }
    // Oldest first, so "customs has started" is known for the events after it.
    QList<RawEvent> sorted = events;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const RawEvent &a, const RawEvent &b) { return a.atMs < b.atMs; });
    const QString checkpointCarrier = source.carrier.isEmpty() ? leg->carrier : source.carrier;
    for (const RawEvent &e : sorted) {
        const QString key = eventKey(e);
        qint64 target = legId;
        QString status;
        if (!source.status.isEmpty()) {
            status = source.status;
        } else {
            // Seen before (on this leg or its customs leg): no mapping lookup, no counting.
            if (exists(db, legId, key) || (customsId && exists(db, customsId, key)))
                continue;
            status = carriers::normalize(db, checkpointCarrier, e.code, e.text, nowMs);
        }
        if (leg->kind == u"international" && source.status.isEmpty()) {
            const bool customsEvent = status == u"customs" || status == u"customs_hold" ||
                                      !e.handoverNumber.isEmpty() ||
                                      (customsId && customsStarted(db, customsId, e.atMs));
            if (customsEvent) {
                if (!customsId)
                    customsId = customsLeg(db, *leg, nowMs);
                target = customsId;
            }
        }
        qint64 id = 0;
        if (!insertCheckpoint(db, target, checkpointCarrier, e, status, source, nowMs, &id))
            continue;
        ++result.stored;
        result.checkpointIds.append(id);
        touchedLegs.insert(target);
        if (!e.handoverNumber.isEmpty() && !e.handoverCarrier.isEmpty()) {
            // The international carrier hands the parcel to a domestic courier: that number
            // is a new leg of every shipment in the parcel, polled from now on.
            const qint64 domestic = findOrCreateLeg(db, QStringLiteral("domestic"),
                                                    e.handoverCarrier, e.handoverNumber, nowMs);
            for (qint64 s : shipmentsOfLeg(db, legId))
                link(db, s, domestic, QStringLiteral("domestic"));
            startTracker(db, domestic, e.handoverCarrier, e.handoverNumber, nowMs, firstPollMs);
            result.closeTracker = true;
        }
        if (isFinalStatus(status) && target == legId)
            result.closeTracker = true;
    }
    if (touchedLegs.isEmpty())
        return result;
    QSet<qint64> shipments;
    for (qint64 l : touchedLegs) {
        updateLegStatus(db, l);
        for (qint64 s : shipmentsOfLeg(db, l))
            shipments.insert(s);
    }
    if (result.closeTracker) {
        Statement c = prepareOrThrow(
            db, L("UPDATE trackers SET open = 0, claimed_until = 0 WHERE leg_id = :leg"));
        c.bindValue(QStringLiteral(":leg"), legId);
        execOrThrow(c, "close tracker");
        Statement l = prepareOrThrow(db, L("UPDATE legs SET closed = 1 WHERE id = :leg"));
        l.bindValue(QStringLiteral(":leg"), legId);
        execOrThrow(l, "close leg");
    }
    QList<qint64> ordered(shipments.begin(), shipments.end());
    std::sort(ordered.begin(), ordered.end());
    for (qint64 s : ordered)
        recompute(db, s, source.actor, source.reason, nowMs, true);
    return result;
}

void recompute(QSqlDatabase &db, qint64 shipmentId, const QString &actor, const QString &reason,
               qint64 nowMs, bool activity)
{
    Statement sq = prepareOrThrow(
        db, L("SELECT status, order_id, sub_order_id, user_id, site, username, recipient_name, "
              "recipient_phone, recipient_email, current_leg FROM shipments WHERE id = :id"));
    sq.bindValue(QStringLiteral(":id"), shipmentId);
    execOrThrow(sq, "read shipment");
    if (!sq.next())
        return;
    StatusChange change;
    change.shipmentId = shipmentId;
    change.from = sq.value(0).toString();
    change.orderId = sq.value(1).toLongLong();
    change.subOrderId = sq.value(2).toLongLong();
    change.userId = sq.value(3).toLongLong();
    change.site = sq.value(4).toString();
    change.username = sq.value(5).toString();
    change.recipientName = sq.value(6).toString();
    change.recipientPhone = sq.value(7).toString();
    change.recipientEmail = sq.value(8).toString();
    const QString fromLeg = sq.value(9).toString();

    QList<Leg> legs;
    {
        Statement lq = prepareOrThrow(
            db, L("SELECT l.id, l.kind, l.carrier, l.tracking_number FROM shipment_legs sl JOIN "
                  "legs l ON l.id = sl.leg_id WHERE sl.shipment_id = :id"));
        lq.bindValue(QStringLiteral(":id"), shipmentId);
        execOrThrow(lq, "legs of shipment");
        while (lq.next())
            legs.append(Leg{lq.value(0).toLongLong(), lq.value(1).toString(),
                            lq.value(2).toString(), lq.value(3).toString()});
    }
    std::sort(legs.begin(), legs.end(),
              [](const Leg &a, const Leg &b) { return legOrder(a.kind) < legOrder(b.kind); });
    const bool hasShop =
        std::any_of(legs.begin(), legs.end(), [](const Leg &l) { return l.kind == u"shop"; });
    QString status = QStringLiteral("awaiting_shipment");
    QString currentLeg = QStringLiteral("shop");
    qint64 lastCheckpointAt = 0;
    std::optional<qint64> deliveredAt;
    if (hasShop || !legs.isEmpty()) {
        status = QStringLiteral("info_received");
        currentLeg = legs.last().kind;
        change.carrier = legs.last().carrier;
        change.trackingNumber = legs.last().number;
        for (qsizetype i = legs.size() - 1; i >= 0; --i) {
            Statement cq = prepareOrThrow(
                db, L("SELECT status, event_at, place FROM checkpoints WHERE leg_id = :leg AND "
                      "status <> 'unknown' ORDER BY event_at DESC, id DESC LIMIT 1"));
            cq.bindValue(QStringLiteral(":leg"), legs.at(i).id);
            execOrThrow(cq, "latest checkpoint");
            if (!cq.next())
                continue;
            status = cq.value(0).toString();
            change.eventAtMs = cq.value(1).toLongLong();
            change.place = cq.value(2).toString();
            currentLeg = legs.at(i).kind;
            change.carrier = legs.at(i).carrier;
            change.trackingNumber = legs.at(i).number;
            const bool finalLeg = legs.at(i).kind == u"domestic";
            if (status == u"delivered" && !finalLeg)
                status = legs.at(i).kind == u"shop" ? QStringLiteral("at_warehouse")
                                                    : QStringLiteral("in_transit");
            if (status == u"delivered")
                deliveredAt = change.eventAtMs;
            break;
        }
        if (!hasShop && status == u"info_received" && change.eventAtMs == 0)
            status = QStringLiteral("awaiting_shipment");
        Statement mq = prepareOrThrow(
            db, L("SELECT MAX(c.event_at) FROM checkpoints c JOIN shipment_legs sl ON sl.leg_id "
                  "= c.leg_id WHERE sl.shipment_id = :id"));
        mq.bindValue(QStringLiteral(":id"), shipmentId);
        execOrThrow(mq, "last checkpoint");
        if (mq.next() && !mq.value(0).isNull())
            lastCheckpointAt = mq.value(0).toLongLong();
    }
    change.to = status;
    change.legKind = currentLeg;
    change.atMs = nowMs;

    Statement u = prepareOrThrow(
        db, activity ? L("UPDATE shipments SET status = :status, current_leg = :leg, updated_at = "
                         ":now, last_checkpoint_at = :last, delivered_at = :delivered, "
                         "last_activity_at = :now2, version = version + 1 WHERE id = :id")
                     : L("UPDATE shipments SET status = :status, current_leg = :leg, updated_at = "
                         ":now, last_checkpoint_at = :last, delivered_at = :delivered, version = "
                         "version + 1 WHERE id = :id"));
    u.bindValue(QStringLiteral(":status"), status);
    u.bindValue(QStringLiteral(":leg"), currentLeg);
    u.bindValue(QStringLiteral(":now"), nowMs);
    u.bindValue(QStringLiteral(":last"), lastCheckpointAt
                                             ? QVariant(lastCheckpointAt)
                                             : QVariant(QMetaType::fromType<qint64>()));
    u.bindValue(QStringLiteral(":delivered"),
                deliveredAt ? QVariant(*deliveredAt) : QVariant(QMetaType::fromType<qint64>()));
    if (activity)
        u.bindValue(QStringLiteral(":now2"), nowMs);
    u.bindValue(QStringLiteral(":id"), shipmentId);
    execOrThrow(u, "update shipment");
    if (status == change.from && currentLeg == fromLeg)
        return;
    if (status == change.from)
        return; // the leg moved on with the same overall status: nothing to tell anyone
    Statement e = prepareOrThrow(
        db, L("INSERT INTO shipment_events (shipment_id, at, actor, from_status, to_status, "
              "reason) VALUES (:s, :at, :actor, :from, :to, :reason)"));
    e.bindValue(QStringLiteral(":s"), shipmentId);
    e.bindValue(QStringLiteral(":at"), nowMs);
    e.bindValue(QStringLiteral(":actor"), actor);
    e.bindValue(QStringLiteral(":from"), change.from);
    e.bindValue(QStringLiteral(":to"), status);
    e.bindValue(QStringLiteral(":reason"), sql::text(reason));
    execOrThrow(e, "record shipment event");
    onStatusChanged(db, change);
}

} // namespace haitao::server::logistics::ingest
