#pragma once

#include "backend/catalog/listingstatus.h"
#include "core/money.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace haitao::server::catalog {

// One buyable variant of a product at its foreign shop.
struct Sku
{
    qint64 id = 0;
    qint64 productId = 0;
    QString sourceSku;                          // the shop's SKU id; unique per site
    QList<QPair<QString, QString>> options;     // ("size", "M"), ("colour", "red")
    Money price = Money::zero(Currency::cny()); // in the shop's currency
    std::optional<qint64> weightG, lengthMm, widthMm, heightMm, stock;
    qint64 updatedAtMs = 0;

    QJsonObject toJson() const;
};

// A foreign product with its Chinese listing (1:1) and its SKUs.
struct Product
{
    qint64 id = 0;
    QString site;
    QString groupKey; // the feed's group, or the only SKU's id: unique per site
    QString sourceUrl;
    QString sourceLanguage; // "en", "ja", "de", ...
    QString title, description, brand, category;
    QJsonObject attributes;
    QStringList images; // source URLs
    // Source URL -> sha256 of the images the media component has stored (filled by
    // CatalogService::attachImages); the others are not fetched yet.
    QHash<QString, QString> storedImages;

    // The listing: the Chinese text and where it is in the workflow.
    ListingStatus status = ListingStatus::Imported;
    qint64 version = 1; // bumped by every listing change; the ETag
    QString titleZh, descriptionZh;
    QJsonObject attributesZh;
    QString assignee;                       // translator user name, empty when unassigned
    bool stale = false;                     // the source could not be read repeatedly
    std::optional<qint64> priceCheckedAtMs; // the last successful price refresh
    int refreshFailures = 0;                // failed price refreshes in a row
    // The listing text at its most recent publish ({titleZh, descriptionZh, attributesZh}),
    // for the reviewer's diff; empty before the first publish.
    QJsonObject lastPublished;
    // The most recent rejection ({comment, actor, at}); shown while in_translation only.
    QJsonObject lastRejection;

    qint64 createdAtMs = 0, updatedAtMs = 0;
    QList<Sku> skus;

    // The listing's text as (source, Chinese) pairs: title, description, each attribute. What
    // a publish teaches the translation memory.
    QList<QPair<QString, QString>> translatedSegments() const;

    QJsonObject toJson() const;       // staff view: everything
    QJsonObject toPublicJson() const; // customers: the Chinese listing, SKUs and prices
};

struct ListingEvent
{
    qint64 id = 0;
    qint64 productId = 0;
    qint64 atMs = 0;
    QString actor;
    QString from, to; // statuses; equal for an edit of the text
    QString comment;

    QJsonObject toJson() const;
};

enum class ProductSort { Newest, Oldest, Updated, Title };

std::optional<ProductSort> productSortFromName(QStringView name); // "newest", ...

// Where a keyset page starts: after the row with this sort key and id.
struct ProductCursor
{
    qint64 id = 0;
    qint64 updatedAtMs = 0; // ProductSort::Updated
    QString title;          // ProductSort::Title
};

// The opaque cursor string of the page after `last` in `sort`; nullopt when `text` is not one
// this sort gave. Newest: the id alone (as before sorts existed).
QString encodeProductCursor(ProductSort sort, const Product &last);
std::optional<ProductCursor> decodeProductCursor(ProductSort sort, const QString &text);

struct ProductFilter
{
    QString search; // title (original or Chinese) substring, or an exact SKU id
    std::optional<ListingStatus> status;
    QString site;
    QString category;
    QString assignee; // exact user name; empty: anyone's
    ProductSort sort = ProductSort::Newest;
    qint64 beforeId = 0;                 // keyset for Newest: ids below this
    std::optional<ProductCursor> cursor; // keyset for the other sorts
    qint64 offset = -1;                  // >= 0: the page starts at this row (no cursor)
    int limit = 50;
};

// Listings per status for the same filters (status aside).
struct ProductCounts
{
    QMap<ListingStatus, qint64> byStatus;
    qint64 total = 0;

    QJsonObject toJson() const;
};

} // namespace haitao::server::catalog
