#include "backend/pricing/pricingstore.h"

#include "backend/storage/database.h"
#include "backend/storage/sqltext.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace haitao::server::pricing::pricingstore {

namespace {

using sql::jsonText;
using sql::L;
using sql::text;

constexpr const char *kRuleSetColumns =
    "id, version, based_on, revision, document, note, effective_at, created_by, created_at, "
    "updated_by, updated_at, published_by, published_at";

StoredRuleSet readRuleSet(const QSqlQuery &q)
{
    StoredRuleSet r;
    r.id = q.value(0).toLongLong();
    r.version = q.value(1).toLongLong(); // NULL reads as 0
    r.basedOn = q.value(2).toLongLong();
    r.revision = q.value(3).toLongLong();
    r.document = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
    r.note = q.value(5).toString();
    r.effectiveAtMs = q.value(6).toLongLong();
    r.createdBy = q.value(7).toString();
    r.createdAtMs = q.value(8).toLongLong();
    r.updatedBy = q.value(9).toString();
    r.updatedAtMs = q.value(10).toLongLong();
    r.publishedBy = q.value(11).toString();
    r.publishedAtMs = q.value(12).toLongLong();
    return r;
}

std::optional<StoredRuleSet> oneRuleSet(Statement &q)
{
    execOrThrow(q, "read rule set");
    if (!q.next())
        return std::nullopt;
    return readRuleSet(q.query());
}

constexpr const char *kRateColumns =
    "id, currency, rate, markup, source, as_of, valid_until, created_by, created_at";

FxRate readRate(const QSqlQuery &q)
{
    FxRate r;
    r.id = q.value(0).toLongLong();
    // The table only holds what insertRate() wrote, which was validated; a row that no longer
    // parses is a corrupt store, not a user error.
    const auto currency = Currency::fromCode(q.value(1).toString());
    const auto rate = Decimal::parse(q.value(2).toString());
    const auto markup = Decimal::parse(q.value(3).toString());
    if (!currency || !rate || !markup)
        throw StorageError(QStringLiteral("fx_rates row %1 is unreadable").arg(r.id));
    r.currency = *currency;
    r.rate = *rate;
    r.markupPercent = *markup;
    const auto effective = FxRate::effective(r.rate, r.markupPercent);
    if (!effective)
        throw StorageError(QStringLiteral("fx_rates row %1 overflows").arg(r.id));
    r.effectiveRate = *effective;
    r.source = q.value(4).toString();
    r.asOfMs = q.value(5).toLongLong();
    if (!q.value(6).isNull())
        r.validUntilMs = q.value(6).toLongLong();
    r.createdBy = q.value(7).toString();
    r.createdAtMs = q.value(8).toLongLong();
    return r;
}

} // namespace

QList<Migration> migrations()
{
    Migration first{
        1,
        QStringLiteral("rule sets, fx rates, audit log"),
        {
            // version is NULL for the draft and set once when it is published.
            L("CREATE TABLE rule_sets ("
              " id %ID%,"
              " version BIGINT UNIQUE,"
              " status TEXT NOT NULL CHECK (status IN ('draft','published','discarded')),"
              " based_on BIGINT,"
              " revision BIGINT NOT NULL,"
              " document TEXT NOT NULL,"
              " note TEXT NOT NULL,"
              " effective_at BIGINT,"
              " created_by TEXT NOT NULL,"
              " created_at BIGINT NOT NULL,"
              " updated_by TEXT NOT NULL,"
              " updated_at BIGINT NOT NULL,"
              " published_by TEXT,"
              " published_at BIGINT)"),
            // At most one draft: two staff creating one at once get a 409, not two drafts.
            L("CREATE UNIQUE INDEX rule_sets_one_draft ON rule_sets(status) "
              "WHERE status = 'draft'"),
            L("CREATE TABLE fx_rates ("
              " id %ID%,"
              " currency TEXT NOT NULL,"
              " rate TEXT NOT NULL,"
              " markup TEXT NOT NULL,"
              " source TEXT NOT NULL,"
              " as_of BIGINT NOT NULL,"
              " valid_until BIGINT,"
              " created_by TEXT NOT NULL,"
              " created_at BIGINT NOT NULL)"),
            L("CREATE INDEX fx_rates_currency ON fx_rates(currency, id)"),
        },
        // A published version never changes: the database refuses it, whatever the code does.
        {
            L("CREATE TRIGGER rule_sets_published_no_update BEFORE UPDATE ON rule_sets "
              "WHEN OLD.status = 'published' "
              "BEGIN SELECT RAISE(ABORT, 'published rule sets are immutable'); END"),
            L("CREATE TRIGGER rule_sets_published_no_delete BEFORE DELETE ON rule_sets "
              "WHEN OLD.status = 'published' "
              "BEGIN SELECT RAISE(ABORT, 'published rule sets are immutable'); END"),
            L("CREATE TRIGGER fx_rates_no_update BEFORE UPDATE ON fx_rates "
              "BEGIN SELECT RAISE(ABORT, 'fx_rates is append-only'); END"),
            L("CREATE TRIGGER fx_rates_no_delete BEFORE DELETE ON fx_rates "
              "BEGIN SELECT RAISE(ABORT, 'fx_rates is append-only'); END"),
        },
        {
            L("CREATE FUNCTION rule_sets_published_immutable() RETURNS trigger AS $$ BEGIN "
              "IF OLD.status = 'published' THEN "
              "RAISE EXCEPTION 'published rule sets are immutable'; END IF; "
              "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$ "
              "LANGUAGE plpgsql"),
            L("CREATE TRIGGER rule_sets_published_no_change BEFORE UPDATE OR DELETE ON "
              "rule_sets FOR EACH ROW EXECUTE FUNCTION rule_sets_published_immutable()"),
            L("CREATE FUNCTION fx_rates_append_only() RETURNS trigger AS $$ BEGIN "
              "RAISE EXCEPTION 'fx_rates is append-only'; END $$ LANGUAGE plpgsql"),
            L("CREATE TRIGGER fx_rates_no_change BEFORE UPDATE OR DELETE ON fx_rates "
              "FOR EACH ROW EXECUTE FUNCTION fx_rates_append_only()"),
        }};
    first.statements += auditlog::createStatements();
    first.sqliteOnly += auditlog::sqliteGuards();
    first.postgresOnly += auditlog::postgresGuards();
    return {first};
}

QList<PublishedVersion> publishedVersions(const QSqlDatabase &db)
{
    Statement q = prepareOrThrow(db, L("SELECT version, effective_at FROM rule_sets "
                                       "WHERE status = 'published' ORDER BY version"));
    execOrThrow(q, "list published versions");
    QList<PublishedVersion> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toLongLong()});
    return out;
}

QList<StoredRuleSet> listPublished(const QSqlDatabase &db, int limit)
{
    Statement q = prepareOrThrow(db, QStringLiteral("SELECT %1 FROM rule_sets WHERE status = "
                                                    "'published' ORDER BY version DESC LIMIT :n")
                                         .arg(QLatin1String(kRuleSetColumns)));
    q.bindValue(QStringLiteral(":n"), limit);
    execOrThrow(q, "list rule sets");
    QList<StoredRuleSet> out;
    while (q.next())
        out.append(readRuleSet(q.query()));
    return out;
}

std::optional<StoredRuleSet> published(const QSqlDatabase &db, qint64 version)
{
    Statement q = prepareOrThrow(
        db, QStringLiteral("SELECT %1 FROM rule_sets WHERE status = 'published' AND version = :v")
                .arg(QLatin1String(kRuleSetColumns)));
    q.bindValue(QStringLiteral(":v"), version);
    return oneRuleSet(q);
}

std::optional<StoredRuleSet> draft(const QSqlDatabase &db)
{
    Statement q =
        prepareOrThrow(db, QStringLiteral("SELECT %1 FROM rule_sets WHERE status = 'draft'")
                               .arg(QLatin1String(kRuleSetColumns)));
    return oneRuleSet(q);
}

qint64 insertDraft(QSqlDatabase &db, const StoredRuleSet &d)
{
    Statement q = prepareOrThrow(
        db, L("INSERT INTO rule_sets (version, status, based_on, revision, document, note, "
              "created_by, created_at, updated_by, updated_at) VALUES (NULL, 'draft', :b, 1, "
              ":d, '', :cb, :ca, :ub, :ua) RETURNING id"));
    q.bindValue(QStringLiteral(":b"), d.basedOn > 0 ? QVariant(d.basedOn) : QVariant());
    q.bindValue(QStringLiteral(":d"), jsonText(d.document));
    q.bindValue(QStringLiteral(":cb"), text(d.createdBy));
    q.bindValue(QStringLiteral(":ca"), d.createdAtMs);
    q.bindValue(QStringLiteral(":ub"), text(d.createdBy));
    q.bindValue(QStringLiteral(":ua"), d.createdAtMs);
    execOrThrow(q, "insert draft");
    if (!q.next())
        throw StorageError(QStringLiteral("insert draft returned no id"));
    return q.value(0).toLongLong();
}

bool updateDraft(QSqlDatabase &db, const QJsonObject &document, qint64 expectedRevision,
                 const QString &by, qint64 now)
{
    Statement q = prepareOrThrow(
        db, L("UPDATE rule_sets SET document = :d, revision = revision + 1, updated_by = :b, "
              "updated_at = :t WHERE status = 'draft' AND revision = :r"));
    q.bindValue(QStringLiteral(":d"), jsonText(document));
    q.bindValue(QStringLiteral(":b"), text(by));
    q.bindValue(QStringLiteral(":t"), now);
    q.bindValue(QStringLiteral(":r"), expectedRevision);
    execOrThrow(q, "update draft");
    return q.query().numRowsAffected() == 1;
}

bool discardDraft(QSqlDatabase &db, qint64 expectedRevision, const QString &by, qint64 now)
{
    Statement q = prepareOrThrow(
        db, L("UPDATE rule_sets SET status = 'discarded', updated_by = :b, updated_at = :t "
              "WHERE status = 'draft' AND revision = :r"));
    q.bindValue(QStringLiteral(":b"), text(by));
    q.bindValue(QStringLiteral(":t"), now);
    q.bindValue(QStringLiteral(":r"), expectedRevision);
    execOrThrow(q, "discard draft");
    return q.query().numRowsAffected() == 1;
}

bool publishDraft(QSqlDatabase &db, qint64 expectedRevision, qint64 version, qint64 effectiveAt,
                  const QString &note, const QString &by, qint64 now)
{
    Statement q = prepareOrThrow(
        db, L("UPDATE rule_sets SET status = 'published', version = :v, effective_at = :e, "
              "note = :n, published_by = :b, published_at = :t, updated_by = :b2, "
              "updated_at = :t2 WHERE status = 'draft' AND revision = :r"));
    q.bindValue(QStringLiteral(":v"), version);
    q.bindValue(QStringLiteral(":e"), effectiveAt);
    q.bindValue(QStringLiteral(":n"), text(note));
    q.bindValue(QStringLiteral(":b"), text(by));
    q.bindValue(QStringLiteral(":t"), now);
    q.bindValue(QStringLiteral(":b2"), text(by));
    q.bindValue(QStringLiteral(":t2"), now);
    q.bindValue(QStringLiteral(":r"), expectedRevision);
    execOrThrow(q, "publish draft");
    return q.query().numRowsAffected() == 1;
}

void lockRates(QSqlDatabase &db)
{
    if (db.driverName() != QLatin1String("QPSQL"))
        return;
    Statement q = prepareOrThrow(db, L("SELECT pg_advisory_xact_lock(7212001)"));
    execOrThrow(q, "lock rates");
}

qint64 insertRate(QSqlDatabase &db, const FxRate &r)
{
    Statement q = prepareOrThrow(
        db, L("INSERT INTO fx_rates (currency, rate, markup, source, as_of, valid_until, "
              "created_by, created_at) VALUES (:c, :r, :m, :s, :a, :v, :b, :t) RETURNING id"));
    q.bindValue(QStringLiteral(":c"), r.currency.code());
    q.bindValue(QStringLiteral(":r"), r.rate.toString());
    q.bindValue(QStringLiteral(":m"), r.markupPercent.toString());
    q.bindValue(QStringLiteral(":s"), text(r.source));
    q.bindValue(QStringLiteral(":a"), r.asOfMs);
    q.bindValue(QStringLiteral(":v"), r.validUntilMs ? QVariant(*r.validUntilMs) : QVariant());
    q.bindValue(QStringLiteral(":b"), text(r.createdBy));
    q.bindValue(QStringLiteral(":t"), r.createdAtMs);
    execOrThrow(q, "insert rate");
    if (!q.next())
        throw StorageError(QStringLiteral("insert rate returned no id"));
    return q.value(0).toLongLong();
}

qint64 latestRateId(const QSqlDatabase &db)
{
    Statement q = prepareOrThrow(db, L("SELECT COALESCE(MAX(id), 0) FROM fx_rates"));
    execOrThrow(q, "latest rate");
    return q.next() ? q.value(0).toLongLong() : 0;
}

RateSnapshot snapshot(const QSqlDatabase &db, qint64 snapshotId)
{
    Statement q = prepareOrThrow(
        db, QStringLiteral("SELECT %1 FROM fx_rates WHERE id IN (SELECT MAX(id) FROM fx_rates "
                           "WHERE id <= :s GROUP BY currency) ORDER BY currency")
                .arg(QLatin1String(kRateColumns)));
    q.bindValue(QStringLiteral(":s"), snapshotId);
    execOrThrow(q, "read rate snapshot");
    RateSnapshot s;
    s.id = snapshotId;
    while (q.next())
        s.rates.append(readRate(q.query()));
    return s;
}

QList<FxRate> rateHistory(const QSqlDatabase &db, Currency currency, qint64 sinceMs, int limit)
{
    Statement q = prepareOrThrow(
        db, QStringLiteral("SELECT %1 FROM fx_rates WHERE currency = :c AND as_of >= :s "
                           "ORDER BY id DESC LIMIT :n")
                .arg(QLatin1String(kRateColumns)));
    q.bindValue(QStringLiteral(":c"), currency.code());
    q.bindValue(QStringLiteral(":s"), sinceMs);
    q.bindValue(QStringLiteral(":n"), limit);
    execOrThrow(q, "rate history");
    QList<FxRate> out;
    while (q.next())
        out.prepend(readRate(q.query()));
    return out;
}

} // namespace haitao::server::pricing::pricingstore
