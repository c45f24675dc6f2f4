#pragma once

#include "backend/catalog/listingstatus.h"
#include "core/money.h"

#include <QJsonObject>
#include <QList>
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

    // The listing: the Chinese text and where it is in the workflow.
    ListingStatus status = ListingStatus::Imported;
    qint64 version = 1; // bumped by every listing change; the ETag
    QString titleZh, descriptionZh;
    QJsonObject attributesZh;
    QString assignee;   // translator user name, empty when unassigned
    bool stale = false; // the source could not be read repeatedly

    qint64 createdAtMs = 0, updatedAtMs = 0;
    QList<Sku> skus;

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

struct ProductFilter
{
    QString search; // title (original or Chinese) substring, or an exact SKU id
    std::optional<ListingStatus> status;
    QString site;
    QString category;
    qint64 beforeId = 0; // keyset: newest first
    int limit = 50;
};

} // namespace haitao::server::catalog
