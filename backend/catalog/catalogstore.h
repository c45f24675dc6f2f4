#pragma once

#include "backend/catalog/feedrow.h"
#include "backend/catalog/importjob.h"
#include "backend/catalog/product.h"
#include "backend/storage/auditlog.h"
#include "backend/storage/migrations.h"
#include "core/page.h"

#include <QSqlDatabase>

#include <optional>

namespace haitao::server::catalog {

// What one upsert did to one SKU row, for the import's counts.
enum class Upserted { New, Updated, Unchanged };

struct ListingText
{
    QString titleZh;
    QString descriptionZh;
    QJsonObject attributesZh;
};

// The SQL of the catalog component, and nothing else. Every function takes the connection
// so that the caller decides on the transaction and on primary versus replica.
namespace catalogstore {

QList<Migration> migrations();

// Inserts or updates the product and SKU of one feed row, keyed by (site, group or SKU) and
// (site, SKU). Re-reading an unchanged row writes nothing. `productSeen`: an earlier row of
// this import already wrote the product, so this row only adds its SKU (the product's fields
// come from the group's first row, and differing variant rows cannot flip them back and forth).
// `priceSource` names where a new price came from in the price history ("feed", "url").
Upserted upsertRow(QSqlDatabase &db, const QString &site, const FeedRow &row, qint64 now,
                   bool productSeen = false, const QString &priceSource = QStringLiteral("feed"));

std::optional<Product> product(const QSqlDatabase &db, qint64 id);
// The product a feed group (or single SKU) of a site became; 0 when there is none.
qint64 productIdByGroup(const QSqlDatabase &db, const QString &site, const QString &groupKey);
// One SKU with its product's site and category (for pricing), without the other SKUs.
struct SkuInfo
{
    Sku sku;
    QString site;
    QString category;
    ListingStatus status = ListingStatus::Imported;
};
std::optional<SkuInfo> sku(const QSqlDatabase &db, qint64 skuId);
Page<Product> listProducts(const QSqlDatabase &db, const ProductFilter &filter);
// Per status, for the filter's search, site, category and assignee (its status is ignored).
ProductCounts countProducts(const QSqlDatabase &db, const ProductFilter &filter);

// Writes the listing if its version is still `expectedVersion`; false if not.
bool updateListing(QSqlDatabase &db, qint64 id, qint64 expectedVersion, const ListingText &text,
                   qint64 now);
bool setStatus(QSqlDatabase &db, qint64 id, qint64 expectedVersion, ListingStatus status,
               qint64 now);
// Sets the assignee ("" for none) if the version is still `expectedVersion`; false if not.
bool setAssignee(QSqlDatabase &db, qint64 id, qint64 expectedVersion, const QString &assignee,
                 qint64 now);
// Neither bumps the version: each goes with a status change in the same transaction.
void setLastPublished(QSqlDatabase &db, qint64 id, const QJsonObject &text);
void setLastRejection(QSqlDatabase &db, qint64 id, const QJsonObject &rejection); // {}: none
void addEvent(QSqlDatabase &db, const ListingEvent &event);
QList<ListingEvent> events(const QSqlDatabase &db, qint64 productId);

qint64 insertImport(QSqlDatabase &db, const ImportJob &job);
void updateImport(QSqlDatabase &db, const ImportJob &job, qint64 now);
void addImportErrors(QSqlDatabase &db, qint64 importId, const QList<RowError> &errors);
bool requestCancel(QSqlDatabase &db, qint64 importId);
// Marks imports a stopped server left queued or running as failed with `reason`; returns how
// many.
int failUnfinishedImports(QSqlDatabase &db, const QString &reason, qint64 now);
bool cancelRequested(const QSqlDatabase &db, qint64 importId);
std::optional<ImportJob> importJob(const QSqlDatabase &db, qint64 importId, int maxErrors);

} // namespace catalogstore
} // namespace haitao::server::catalog
