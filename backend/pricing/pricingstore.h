#pragma once

#include "backend/pricing/fxrate.h"
#include "backend/storage/auditlog.h"
#include "backend/storage/migrations.h"

#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>

namespace haitao::server::pricing {

// A row of rule_sets: a published version (immutable) or the one draft.
struct StoredRuleSet
{
    qint64 id = 0;
    qint64 version = 0; // 0 for the draft
    qint64 basedOn = 0; // the version a draft was created from (0: none)
    qint64 revision = 0;
    QJsonObject document;
    QString note;
    qint64 effectiveAtMs = 0;
    QString createdBy, updatedBy, publishedBy;
    qint64 createdAtMs = 0, updatedAtMs = 0, publishedAtMs = 0;
};

struct PublishedVersion
{
    qint64 version = 0;
    qint64 effectiveAtMs = 0;
};

// The SQL of the pricing component, and nothing else: rule sets, FX rates, its audit log.
// Every function takes the connection so that the caller decides on the transaction and on
// primary versus replica.
namespace pricingstore {

QList<Migration> migrations();

QList<PublishedVersion> publishedVersions(const QSqlDatabase &db); // ascending
// Newest first, at most `limit`.
QList<StoredRuleSet> listPublished(const QSqlDatabase &db, int limit);
std::optional<StoredRuleSet> published(const QSqlDatabase &db, qint64 version);
std::optional<StoredRuleSet> draft(const QSqlDatabase &db);
qint64 insertDraft(QSqlDatabase &db, const StoredRuleSet &draft);
// Replaces the draft's document when its revision is still `expectedRevision`; false if not.
bool updateDraft(QSqlDatabase &db, const QJsonObject &document, qint64 expectedRevision,
                 const QString &by, qint64 now);
bool discardDraft(QSqlDatabase &db, qint64 expectedRevision, const QString &by, qint64 now);
// Turns the draft into version `version`; false when its revision is not `expectedRevision`.
bool publishDraft(QSqlDatabase &db, qint64 expectedRevision, qint64 version, qint64 effectiveAt,
                  const QString &note, const QString &by, qint64 now);

// Serializes rate writers (PostgreSQL: a transaction advisory lock; SQLite writers are serial
// already), so that ids commit in order and "the newest id" names a snapshot that never
// gains an older row later.
void lockRates(QSqlDatabase &db);
qint64 insertRate(QSqlDatabase &db, const FxRate &rate);
qint64 latestRateId(const QSqlDatabase &db);
// Per currency the newest entry with id <= snapshot.
RateSnapshot snapshot(const QSqlDatabase &db, qint64 snapshot);
QList<FxRate> rateHistory(const QSqlDatabase &db, Currency currency, qint64 sinceMs, int limit);

} // namespace pricingstore
} // namespace haitao::server::pricing
