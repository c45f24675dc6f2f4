// LogisticsService: what changes shipments (discovery, the shop's tracking number, manual
// checkpoints and legs, carriers, mappings, webhooks).
#include "backend/http/apierror.h"
#include "backend/integrations/httpfetch.h"
#include "backend/logistics/carrierapi.h"
#include "backend/logistics/carriers.h"
#include "backend/logistics/ingest.h"
#include "backend/logistics/logisticsjson.h"
#include "backend/logistics/logisticsservice.h"
#include "backend/logistics/poller.h"
#include "backend/logistics/shipmentstore.h"
#include "backend/storage/auditlog.h"
#include "backend/storage/sqltext.h"
#include "core/wiretime.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUuid>

#include <algorithm>
#include <array>
#include <cstdlib>

#include <sodium.h>

namespace haitao::server::logistics {

using sql::L;

namespace {

// Placed sub-orders are read again this far back: a placement committed late with an
// earlier status_changed_at is not missed (shipments are unique per sub-order).
constexpr qint64 kDiscoveryOverlapMs = 2 * 60 * 1000;
constexpr int kDiscoveryPage = 200;

struct ShipmentRef
{
    qint64 id = 0;
    QString currentLeg;
};

ShipmentRef shipmentRef(QSqlDatabase &db, qint64 id)
{
    Statement q = prepareOrThrow(db, L("SELECT id, current_leg FROM shipments WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), id);
    execOrThrow(q, "read shipment");
    if (!q.next())
        throw ApiError(ProblemKind::NotFound, QStringLiteral("No such shipment"));
    return {q.value(0).toLongLong(), q.value(1).toString()};
}

std::optional<qint64> legOfKind(QSqlDatabase &db, qint64 shipmentId, const QString &kind)
{
    Statement q = prepareOrThrow(
        db, L("SELECT l.id FROM shipment_legs sl JOIN legs l ON l.id = sl.leg_id WHERE "
              "sl.shipment_id = :s AND l.kind = :kind"));
    q.bindValue(QStringLiteral(":s"), shipmentId);
    q.bindValue(QStringLiteral(":kind"), kind);
    execOrThrow(q, "leg of kind");
    if (!q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

} // namespace

int LogisticsService::discover()
{
    if (!m_link.placedSince)
        return 0;
    qint64 cursorAt = 0;
    {
        Statement q =
            prepareOrThrow(m_db.writer(), L("SELECT at_ms FROM sync_cursor WHERE name = 'placed'"));
        execOrThrow(q, "read cursor");
        if (q.next())
            cursorAt = q.value(0).toLongLong();
    }
    qint64 since = std::max<qint64>(0, cursorAt - kDiscoveryOverlapMs);
    qint64 after = 0;
    int created = 0;
    for (int page = 0; page < 50; ++page) {
        const QList<PlacedSubOrder> placed = m_link.placedSince(since, after, kDiscoveryPage);
        if (placed.isEmpty())
            break;
        const qint64 t = now();
        m_db.write([&](QSqlDatabase &db) {
            for (const PlacedSubOrder &p : placed) {
                created += shipmentstore::create(db, p, t) > 0 ? 1 : 0;
            }
            const PlacedSubOrder &last = placed.last();
            Statement u = prepareOrThrow(
                db, L("UPDATE sync_cursor SET at_ms = :at, after_id = :id WHERE name = "
                      "'placed' AND at_ms <= :at2"));
            u.bindValue(QStringLiteral(":at"), last.placedAtMs);
            u.bindValue(QStringLiteral(":id"), last.subOrderId);
            u.bindValue(QStringLiteral(":at2"), last.placedAtMs);
            execOrThrow(u, "move cursor");
            Statement f = prepareOrThrow(db, L("SELECT 1 FROM sync_cursor WHERE name = 'placed'"));
            execOrThrow(f, "find cursor");
            if (!f.next()) {
                Statement i = prepareOrThrow(
                    db, L("INSERT INTO sync_cursor (name, at_ms, after_id) VALUES ('placed', "
                          ":at, :id)"));
                i.bindValue(QStringLiteral(":at"), last.placedAtMs);
                i.bindValue(QStringLiteral(":id"), last.subOrderId);
                execOrThrow(i, "create cursor");
            }
        });
        if (placed.size() < kDiscoveryPage)
            break;
        since = placed.last().placedAtMs;
        after = placed.last().subOrderId;
    }
    return created;
}

int LogisticsService::checkShops(int limit)
{
    if (!m_link.shopShipment)
        return 0;
    struct Waiting
    {
        qint64 id;
        QString site, merchantOrderId;
    };
    QList<Waiting> waiting;
    const qint64 t = now();
    {
        Statement q = prepareOrThrow(
            m_db.writer(), L("SELECT id, site, merchant_order_id FROM shipments WHERE status = "
                             "'awaiting_shipment' AND shop_checked_at <= :due ORDER BY "
                             "shop_checked_at, id LIMIT :limit"));
        q.bindValue(QStringLiteral(":due"), t - std::max<qint64>(1, m_config.trackingPollMs));
        q.bindValue(QStringLiteral(":limit"), limit);
        execOrThrow(q, "shipments awaiting the shop");
        while (q.next())
            waiting.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    }
    int found = 0;
    for (const Waiting &w : waiting) {
        const auto shipment = w.merchantOrderId.isEmpty()
                                  ? std::optional<ShopShipment>(ShopShipment{})
                                  : m_link.shopShipment(w.site, w.merchantOrderId);
        const qint64 at = now();
        m_db.write([&](QSqlDatabase &db) {
            Statement u =
                prepareOrThrow(db, L("UPDATE shipments SET shop_checked_at = :now WHERE id = :id"));
            u.bindValue(QStringLiteral(":now"), at);
            u.bindValue(QStringLiteral(":id"), w.id);
            execOrThrow(u, "shop checked");
            if (!shipment || shipment->trackingNumber.isEmpty() || shipment->carrier.isEmpty())
                return;
            if (legOfKind(db, w.id, QStringLiteral("shop")))
                return; // entered by hand meanwhile
            ingest::attachLeg(db, w.id, QStringLiteral("shop"), shipment->carrier,
                              shipment->trackingNumber, at, m_config.trackingPollMs);
            ingest::recompute(db, w.id, QStringLiteral("system"),
                              QStringLiteral("tracking number from the shop"), at, false);
            ++found;
        });
    }
    if (found > 0)
        wake();
    return found;
}

int LogisticsService::pollOnce(const QString &carrier)
{
    std::shared_ptr<CarrierPoller> poller;
    {
        std::lock_guard lock(m_mutex);
        poller = m_pollers.value(carrier);
    }
    if (poller)
        return poller->pollOnce();
    CarrierPoller once(*this, carrier);
    return once.pollOnce();
}

QJsonObject LogisticsService::addCheckpoint(const Actor &actor, qint64 shipmentId,
                                            const ManualCheckpoint &c)
{
    QJsonObject result;
    m_db.write([&](QSqlDatabase &db) {
        const ShipmentRef s = shipmentRef(db, shipmentId);
        const QString kind = c.leg.isEmpty() ? s.currentLeg : c.leg;
        const auto legId = legOfKind(db, shipmentId, kind);
        if (!legId)
            throw ApiError::validation(
                {{QStringLiteral("leg"), QStringLiteral("the shipment has no %1 leg").arg(kind)}});
        const qint64 t = now();
        RawEvent e;
        e.key = QStringLiteral("m:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        e.atMs = c.atMs.value_or(t);
        e.tzOffsetMin = c.tzOffsetMin;
        e.place = c.place;
        e.text = c.text;
        IngestSource source{QStringLiteral("manual"), actor.name, c.reason, c.status, {}};
        const IngestResult r = ingest::store(db, *legId, {e}, source, t, m_config.trackingPollMs);
        if (r.checkpointIds.isEmpty())
            throw ApiError(ProblemKind::Conflict, QStringLiteral("The checkpoint was not stored"));
        result = json::checkpoint(r.checkpointIds.first(), e.atMs, e.tzOffsetMin, e.place, c.status,
                                  QString(), e.text, QStringLiteral("manual"), true);
        result.insert(QStringLiteral("leg"), kind);
        result.insert(QStringLiteral("actor"), actor.name);
        result.insert(QStringLiteral("reason"), c.reason);
        auditlog::record(db, actor, t, QStringLiteral("shipment.checkpoint_added"),
                         QStringLiteral("shipment"), QString::number(shipmentId),
                         {{QStringLiteral("leg"), kind},
                          {QStringLiteral("status"), c.status},
                          {QStringLiteral("reason"), c.reason}});
    });
    return result;
}

QJsonObject LogisticsService::putLeg(const Actor &actor, qint64 shipmentId, const QString &kind,
                                     const QString &carrier, const QString &trackingNumber,
                                     const QString &reason)
{
    if (!legKinds().contains(kind) || kind == u"customs")
        throw ApiError(ProblemKind::NotFound, QStringLiteral("No such leg kind"));
    m_db.write([&](QSqlDatabase &db) {
        shipmentRef(db, shipmentId);
        if (!carriers::get(db, carrier))
            throw ApiError::validation(
                {{QStringLiteral("carrier"), QStringLiteral("is not a known carrier")}});
        const qint64 t = now();
        ingest::attachLeg(db, shipmentId, kind, carrier, trackingNumber, t,
                          m_config.trackingPollMs);
        ingest::recompute(db, shipmentId, actor.name, reason, t, false);
        auditlog::record(db, actor, t, QStringLiteral("shipment.leg_set"),
                         QStringLiteral("shipment"), QString::number(shipmentId),
                         {{QStringLiteral("kind"), kind},
                          {QStringLiteral("carrier"), carrier},
                          {QStringLiteral("trackingNumber"), trackingNumber},
                          {QStringLiteral("reason"), reason}});
    });
    wake();
    return shipment(shipmentId);
}

QJsonObject LogisticsService::putCarrier(const Actor &actor, const CarrierUpdate &update)
{
    Carrier c;
    c.code = update.code;
    c.name = update.name;
    c.protocol = update.protocol;
    c.baseUrl = update.baseUrl;
    c.rps = update.rps;
    c.batchSize = update.batchSize;
    c.tzOffsetMin = update.tzOffsetMinutes;
    c.enabled = update.enabled;
    c.updatedBy = actor.name;
    c.updatedAt = now();
    m_db.write([&](QSqlDatabase &db) {
        carriers::upsert(db, c);
        auditlog::record(db, actor, c.updatedAt, QStringLiteral("carrier.updated"),
                         QStringLiteral("carrier"), c.code, c.toJson());
    });
    if (c.hasWebhooks() && c.enabled && !c.baseUrl.isEmpty() && !publicUrl().isEmpty()) {
        // Registering twice is harmless: the carrier answers the same id and secret.
        QString id, secret, error;
        carrierapi::registerWebhook(
            c, publicUrl() + QStringLiteral("/api/v1/logistics/webhooks/") + c.code,
            carrierapi::carrierFetchOptions(m_config), &id, &secret, &error);
        if (!id.isEmpty())
            m_db.write([&](QSqlDatabase &db) { carriers::setWebhook(db, c.code, id, secret); });
        else
            m_log.error(QStringLiteral("webhook registration failed"),
                        {{QStringLiteral("carrier"), c.code}, {QStringLiteral("error"), error}});
    }
    wake();
    const auto stored = carriers::get(m_db.writer(), c.code);
    return stored ? stored->toJson() : c.toJson();
}

void LogisticsService::registerMissingWebhooks()
{
    const QString base = publicUrl();
    if (base.isEmpty())
        return;
    for (const Carrier &c : carriers::list(m_db.writer())) {
        if (!c.hasWebhooks() || !c.enabled || c.baseUrl.isEmpty() || !c.webhookId.isEmpty())
            continue;
        QString id, secret, error;
        carrierapi::registerWebhook(
            c, base + QStringLiteral("/api/v1/logistics/webhooks/") + c.code,
            carrierapi::carrierFetchOptions(m_config), &id, &secret, &error);
        if (!id.isEmpty())
            m_db.write([&](QSqlDatabase &db) { carriers::setWebhook(db, c.code, id, secret); });
        else
            m_log.error(QStringLiteral("webhook registration failed"),
                        {{QStringLiteral("carrier"), c.code}, {QStringLiteral("error"), error}});
    }
}

QJsonObject LogisticsService::putMapping(const Actor &actor, const QString &carrier,
                                         const QString &rawStatus, const QString &status)
{
    QJsonObject result;
    m_db.write([&](QSqlDatabase &db) {
        if (!carriers::get(db, carrier))
            throw ApiError(ProblemKind::NotFound, QStringLiteral("No such carrier"));
        const qint64 t = now();
        Statement u = prepareOrThrow(
            db, L("UPDATE status_mappings SET status = :status, updated_by = :by, updated_at = "
                  ":now WHERE carrier = :carrier AND raw_status = :raw"));
        u.bindValue(QStringLiteral(":status"), status);
        u.bindValue(QStringLiteral(":by"), actor.name);
        u.bindValue(QStringLiteral(":now"), t);
        u.bindValue(QStringLiteral(":carrier"), carrier);
        u.bindValue(QStringLiteral(":raw"), rawStatus);
        execOrThrow(u, "update mapping");
        if (u.query().numRowsAffected() == 0) {
            Statement i = prepareOrThrow(
                db, L("INSERT INTO status_mappings (carrier, raw_status, status, updated_by, "
                      "updated_at) VALUES (:carrier, :raw, :status, :by, :now)"));
            i.bindValue(QStringLiteral(":carrier"), carrier);
            i.bindValue(QStringLiteral(":raw"), rawStatus);
            i.bindValue(QStringLiteral(":status"), status);
            i.bindValue(QStringLiteral(":by"), actor.name);
            i.bindValue(QStringLiteral(":now"), t);
            execOrThrow(i, "insert mapping");
        }
        // Stored checkpoints with that raw status follow the new mapping (not manual ones,
        // whose status a person chose).
        Statement legsQ = prepareOrThrow(
            db, L("SELECT DISTINCT leg_id FROM checkpoints WHERE carrier = :carrier AND "
                  "raw_status = :raw AND source <> 'manual'"));
        legsQ.bindValue(QStringLiteral(":carrier"), carrier);
        legsQ.bindValue(QStringLiteral(":raw"), rawStatus);
        execOrThrow(legsQ, "legs with raw status");
        QList<qint64> legs;
        while (legsQ.next())
            legs.append(legsQ.value(0).toLongLong());
        Statement c = prepareOrThrow(
            db, L("UPDATE checkpoints SET status = :status WHERE carrier = :carrier AND "
                  "raw_status = :raw AND source <> 'manual'"));
        c.bindValue(QStringLiteral(":status"), status);
        c.bindValue(QStringLiteral(":carrier"), carrier);
        c.bindValue(QStringLiteral(":raw"), rawStatus);
        execOrThrow(c, "re-normalize checkpoints");
        QSet<qint64> shipments;
        for (qint64 leg : legs) {
            Statement ls = prepareOrThrow(
                db, L("UPDATE legs SET status = COALESCE((SELECT status FROM checkpoints WHERE "
                      "leg_id = :leg AND status <> 'unknown' ORDER BY event_at DESC, id DESC "
                      "LIMIT 1), '') WHERE id = :leg2"));
            ls.bindValue(QStringLiteral(":leg"), leg);
            ls.bindValue(QStringLiteral(":leg2"), leg);
            execOrThrow(ls, "leg status");
            Statement s =
                prepareOrThrow(db, L("SELECT shipment_id FROM shipment_legs WHERE leg_id = :leg"));
            s.bindValue(QStringLiteral(":leg"), leg);
            execOrThrow(s, "shipments of leg");
            while (s.next())
                shipments.insert(s.value(0).toLongLong());
        }
        QList<qint64> ordered(shipments.begin(), shipments.end());
        std::sort(ordered.begin(), ordered.end());
        const QString reason =
            QStringLiteral("mapping %1 %2 -> %3").arg(carrier, rawStatus, status);
        for (qint64 s : ordered)
            ingest::recompute(db, s, actor.name, reason, t, false);
        Statement d = prepareOrThrow(
            db, L("DELETE FROM unmapped_statuses WHERE carrier = :carrier AND raw_status = :raw"));
        d.bindValue(QStringLiteral(":carrier"), carrier);
        d.bindValue(QStringLiteral(":raw"), rawStatus);
        execOrThrow(d, "remove unmapped");
        result = {{QStringLiteral("carrier"), carrier},
                  {QStringLiteral("rawStatus"), rawStatus},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("updatedBy"), actor.name},
                  {QStringLiteral("updatedAt"), toWireTime(t)},
                  {QStringLiteral("checkpointsUpdated"), qint64(legs.size())},
                  {QStringLiteral("shipmentsRecomputed"), qint64(ordered.size())}};
        auditlog::record(db, actor, t, QStringLiteral("mapping.updated"), QStringLiteral("mapping"),
                         carrier + u'/' + rawStatus, {{QStringLiteral("status"), status}});
    });
    return result;
}

QJsonObject LogisticsService::webhook(const QString &carrier, const QByteArray &rawBody,
                                      const QByteArray &timestamp, const QByteArray &signature)
{
    if (rawBody.size() > kMaxWebhookBytes)
        throw ApiError(ProblemKind::PayloadTooLarge, QStringLiteral("The body is too large"));
    const auto c = carriers::get(m_db.writer(), carrier);
    if (!c || !c->hasWebhooks())
        throw ApiError(ProblemKind::NotFound, QStringLiteral("No such carrier"));
    const QByteArray secret = c->webhookSecret.toUtf8();
    // The signature first, in constant time, before anything reads the body.
    std::array<unsigned char, crypto_auth_hmacsha256_BYTES> given{};
    size_t length = 0;
    const QByteArray hex = signature.trimmed();
    bool valid = !secret.isEmpty() && hex.size() == qsizetype(2 * given.size()) &&
                 sodium_hex2bin(given.data(), given.size(), hex.constData(), size_t(hex.size()),
                                nullptr, &length, nullptr) == 0 &&
                 length == given.size();
    if (valid) {
        std::array<unsigned char, crypto_auth_hmacsha256_BYTES> expected{};
        crypto_auth_hmacsha256_state state;
        crypto_auth_hmacsha256_init(&state,
                                    reinterpret_cast<const unsigned char *>(secret.constData()),
                                    size_t(secret.size()));
        const QByteArray signedPart = timestamp + '.';
        crypto_auth_hmacsha256_update(
            &state, reinterpret_cast<const unsigned char *>(signedPart.constData()),
            quint64(signedPart.size()));
        crypto_auth_hmacsha256_update(&state,
                                      reinterpret_cast<const unsigned char *>(rawBody.constData()),
                                      quint64(rawBody.size()));
        crypto_auth_hmacsha256_final(&state, expected.data());
        sodium_memzero(&state, sizeof state);
        valid = crypto_verify_32(given.data(), expected.data()) == 0;
    }
    if (!valid)
        throw ApiError(ProblemKind::Unauthenticated, QStringLiteral("Bad signature"));
    bool tsOk = false;
    const qint64 ts = timestamp.trimmed().toLongLong(&tsOk);
    // The wall clock, not the server's injected one: the carrier signs with real time.
    const qint64 wall = QDateTime::currentSecsSinceEpoch();
    if (!tsOk || std::llabs(wall - ts) > kWebhookToleranceSecs)
        throw ApiError(ProblemKind::Unauthenticated,
                       QStringLiteral("The timestamp is outside the allowed window"));
    const QJsonDocument doc = QJsonDocument::fromJson(rawBody);
    if (!doc.isObject())
        throw ApiError(ProblemKind::MalformedRequest, QStringLiteral("The body is not JSON"));
    const QJsonObject o = doc.object();
    const QString number = o.value(QStringLiteral("trackingNumber")).toString();
    QList<RawEvent> events;
    const auto addEvent = [&](const QJsonValue &v) {
        const RawEvent e = carrierapi::parseEvent(*c, v.toObject());
        if (e.atMs > 0 && !e.code.isEmpty())
            events.append(e);
    };
    if (o.value(QStringLiteral("events")).isArray()) {
        for (const QJsonValue &v : o.value(QStringLiteral("events")).toArray())
            addEvent(v);
    } else {
        addEvent(o.value(QStringLiteral("event")));
    }
    bool duplicate = false;
    int stored = 0;
    const qint64 t = now();
    m_db.write([&](QSqlDatabase &db) {
        stored = 0;
        Statement f =
            prepareOrThrow(db, L("SELECT 1 FROM webhook_receipts WHERE signature = :sig"));
        f.bindValue(QStringLiteral(":sig"), QString::fromLatin1(hex.toLower()));
        execOrThrow(f, "find receipt");
        if (f.next()) {
            duplicate = true;
            return;
        }
        Statement i = prepareOrThrow(
            db, L("INSERT INTO webhook_receipts (carrier, signature, received_at) VALUES "
                  "(:carrier, :sig, :now)"));
        i.bindValue(QStringLiteral(":carrier"), carrier);
        i.bindValue(QStringLiteral(":sig"), QString::fromLatin1(hex.toLower()));
        // The wall clock, as the signature's window (pruneWebhookReceipts).
        i.bindValue(QStringLiteral(":now"), QDateTime::currentMSecsSinceEpoch());
        execOrThrow(i, "record receipt");
        Statement l = prepareOrThrow(
            db, L("SELECT id FROM legs WHERE carrier = :carrier AND tracking_number = :number "
                  "AND kind <> 'customs' ORDER BY id"));
        l.bindValue(QStringLiteral(":carrier"), carrier);
        l.bindValue(QStringLiteral(":number"), number);
        execOrThrow(l, "legs of number");
        QList<qint64> legs;
        while (l.next())
            legs.append(l.value(0).toLongLong());
        for (qint64 leg : legs) {
            const IngestResult r = ingest::store(db, leg, events, {QStringLiteral("webhook")}, t,
                                                 m_config.trackingPollMs);
            stored += r.stored;
            if (r.stored > 0) {
                // News: the next poll of this number comes soon again. Clearing the claim
                // keeps a poll in flight from scheduling over this.
                Statement u = prepareOrThrow(
                    db, L("UPDATE trackers SET interval_ms = :interval, claimed_until = 0, "
                          "next_poll_at = CASE WHEN next_poll_at > :next THEN :next2 ELSE "
                          "next_poll_at END WHERE leg_id = :leg"));
                u.bindValue(QStringLiteral(":interval"), m_config.trackingPollMs);
                u.bindValue(QStringLiteral(":next"), t + m_config.trackingPollMs);
                u.bindValue(QStringLiteral(":next2"), t + m_config.trackingPollMs);
                u.bindValue(QStringLiteral(":leg"), leg);
                execOrThrow(u, "reset interval");
            }
        }
    });
    if (duplicate)
        return {{QStringLiteral("duplicate"), true}};
    countPoll(0, 0, 0, 0, stored);
    if (stored > 0)
        wake();
    return {{QStringLiteral("accepted"), stored}, {QStringLiteral("duplicate"), false}};
}

} // namespace haitao::server::logistics
