#include "backend/logistics/carriers.h"

#include "backend/storage/database.h"
#include "backend/storage/sqltext.h"

namespace haitao::server::logistics {

using sql::L;

bool Carrier::polled() const
{
    return protocol == u"batch_json" || protocol == u"jp_single" || protocol == u"intl_webhook";
}

bool Carrier::hasWebhooks() const
{
    return protocol == u"intl_webhook";
}

QJsonObject Carrier::toJson() const
{
    return {{QStringLiteral("code"), code},
            {QStringLiteral("name"), name},
            {QStringLiteral("protocol"), protocol},
            {QStringLiteral("baseUrl"), baseUrl},
            {QStringLiteral("rps"), rps},
            {QStringLiteral("batchSize"), batchSize},
            {QStringLiteral("tzOffsetMinutes"), tzOffsetMin},
            {QStringLiteral("enabled"), enabled},
            {QStringLiteral("webhookRegistered"), !webhookId.isEmpty()}};
}

bool isNormalizedStatus(const QString &status)
{
    static const QStringList all{
        QStringLiteral("info_received"), QStringLiteral("in_transit"),
        QStringLiteral("at_warehouse"),  QStringLiteral("customs"),
        QStringLiteral("customs_hold"),  QStringLiteral("out_for_delivery"),
        QStringLiteral("delivered"),     QStringLiteral("exception"),
        QStringLiteral("returned")};
    return all.contains(status);
}

const QStringList &legKinds()
{
    static const QStringList kinds{QStringLiteral("shop"), QStringLiteral("international"),
                                   QStringLiteral("customs"), QStringLiteral("domestic")};
    return kinds;
}

int legOrder(const QString &kind)
{
    return int(legKinds().indexOf(kind));
}

bool isFinalStatus(const QString &status)
{
    return status == u"delivered" || status == u"returned";
}

namespace carriers {

namespace {

const char *kColumns = "code, name, protocol, base_url, rps, batch_size, tz_offset_min, "
                       "webhook_id, webhook_secret, enabled, updated_by, updated_at";

Carrier read(const Statement &q)
{
    Carrier c;
    c.code = q.value(0).toString();
    c.name = q.value(1).toString();
    c.protocol = q.value(2).toString();
    c.baseUrl = q.value(3).toString();
    c.rps = q.value(4).toInt();
    c.batchSize = q.value(5).toInt();
    c.tzOffsetMin = q.value(6).toInt();
    c.webhookId = q.value(7).toString();
    c.webhookSecret = q.value(8).toString();
    c.enabled = q.value(9).toInt() != 0;
    c.updatedBy = q.value(10).toString();
    c.updatedAt = q.value(11).toLongLong();
    return c;
}

} // namespace

QList<Carrier> list(const QSqlDatabase &db)
{
    Statement q = prepareOrThrow(db, L("SELECT ") + QLatin1String(kColumns) +
                                         L(" FROM carriers ORDER BY code"));
    execOrThrow(q, "list carriers");
    QList<Carrier> out;
    while (q.next())
        out.append(read(q));
    return out;
}

std::optional<Carrier> get(const QSqlDatabase &db, const QString &code)
{
    Statement q = prepareOrThrow(db, L("SELECT ") + QLatin1String(kColumns) +
                                         L(" FROM carriers WHERE code = :code"));
    q.bindValue(QStringLiteral(":code"), code);
    execOrThrow(q, "read carrier");
    if (!q.next())
        return std::nullopt;
    return read(q);
}

void upsert(QSqlDatabase &db, const Carrier &c)
{
    Statement u = prepareOrThrow(
        db, L("UPDATE carriers SET name = :name, protocol = :protocol, base_url = :url, rps = "
              ":rps, batch_size = :batch, tz_offset_min = :tz, enabled = :enabled, updated_by = "
              ":by, updated_at = :at WHERE code = :code"));
    u.bindValue(QStringLiteral(":name"), c.name);
    u.bindValue(QStringLiteral(":protocol"), c.protocol);
    u.bindValue(QStringLiteral(":url"), sql::text(c.baseUrl));
    u.bindValue(QStringLiteral(":rps"), c.rps);
    u.bindValue(QStringLiteral(":batch"), c.batchSize);
    u.bindValue(QStringLiteral(":tz"), c.tzOffsetMin);
    u.bindValue(QStringLiteral(":enabled"), c.enabled ? 1 : 0);
    u.bindValue(QStringLiteral(":by"), c.updatedBy);
    u.bindValue(QStringLiteral(":at"), c.updatedAt);
    u.bindValue(QStringLiteral(":code"), c.code);
    execOrThrow(u, "update carrier");
    if (u.query().numRowsAffected() > 0)
        return;
    Statement i = prepareOrThrow(
        db, L("INSERT INTO carriers (code, name, protocol, base_url, rps, batch_size, "
              "tz_offset_min, enabled, updated_by, updated_at) VALUES (:code, :name, :protocol, "
              ":url, :rps, :batch, :tz, :enabled, :by, :at)"));
    i.bindValue(QStringLiteral(":code"), c.code);
    i.bindValue(QStringLiteral(":name"), c.name);
    i.bindValue(QStringLiteral(":protocol"), c.protocol);
    i.bindValue(QStringLiteral(":url"), sql::text(c.baseUrl));
    i.bindValue(QStringLiteral(":rps"), c.rps);
    i.bindValue(QStringLiteral(":batch"), c.batchSize);
    i.bindValue(QStringLiteral(":tz"), c.tzOffsetMin);
    i.bindValue(QStringLiteral(":enabled"), c.enabled ? 1 : 0);
    i.bindValue(QStringLiteral(":by"), c.updatedBy);
    i.bindValue(QStringLiteral(":at"), c.updatedAt);
    execOrThrow(i, "insert carrier");
}

void setWebhook(QSqlDatabase &db, const QString &code, const QString &id, const QString &secret)
{
    Statement u = prepareOrThrow(db, L("UPDATE carriers SET webhook_id = :id, webhook_secret = "
                                       ":secret WHERE code = :code"));
    u.bindValue(QStringLiteral(":id"), sql::text(id));
    u.bindValue(QStringLiteral(":secret"), sql::text(secret));
    u.bindValue(QStringLiteral(":code"), code);
    execOrThrow(u, "store webhook");
}

QString normalize(QSqlDatabase &db, const QString &carrier, const QString &rawStatus,
                  const QString &sampleText, qint64 nowMs)
{
    Statement q = prepareOrThrow(db, L("SELECT status FROM status_mappings WHERE carrier = "
                                       ":carrier AND raw_status = :raw"));
    q.bindValue(QStringLiteral(":carrier"), carrier);
    q.bindValue(QStringLiteral(":raw"), rawStatus);
    execOrThrow(q, "read mapping");
    if (q.next())
        return q.value(0).toString();
    Statement u = prepareOrThrow(
        db, L("UPDATE unmapped_statuses SET last_seen = :now, seen_count = seen_count + 1 "
              "WHERE carrier = :carrier AND raw_status = :raw"));
    u.bindValue(QStringLiteral(":now"), nowMs);
    u.bindValue(QStringLiteral(":carrier"), carrier);
    u.bindValue(QStringLiteral(":raw"), rawStatus);
    execOrThrow(u, "count unmapped status");
    if (u.query().numRowsAffected() == 0) {
        Statement i = prepareOrThrow(
            db, L("INSERT INTO unmapped_statuses (carrier, raw_status, sample_text, first_seen, "
                  "last_seen, seen_count) VALUES (:carrier, :raw, :text, :now, :now2, 1)"));
        i.bindValue(QStringLiteral(":carrier"), carrier);
        i.bindValue(QStringLiteral(":raw"), rawStatus);
        i.bindValue(QStringLiteral(":text"), sql::text(sampleText));
        i.bindValue(QStringLiteral(":now"), nowMs);
        i.bindValue(QStringLiteral(":now2"), nowMs);
        execOrThrow(i, "record unmapped status");
    }
    return unknownStatus();
}

} // namespace carriers
} // namespace haitao::server::logistics
