#pragma once

#include "backend-client/apierror.h"
#include "core/money.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <array>
#include <optional>

namespace haitao::client {

// The client's view of the catalog API's product answers (docs/openapi.yaml, "Catalog").
// Prices are core Money read from {minor, currency}; never floating point. Each fromJson()
// returns nullopt and sets `why` when a field the desktop relies on is missing or malformed.

// Where a listing is in the workflow. Named "product status" here because listingtypes.h (the
// translation editor's) has its own listing view.
enum class ProductStatus { Imported, InTranslation, InReview, Published, Unpublished };
constexpr int kProductStatusCount = 5;
QString productStatusName(ProductStatus status); // the wire name, "in_review"
std::optional<ProductStatus> productStatusFromName(QStringView name);

struct ProductImage
{
    QString source; // the shop's image URL
    QString url;    // "/api/v1/images/<sha256>" once fetched; empty until then or on failure
};

struct ProductSku
{
    qint64 id = 0;
    QString sourceSku;
    QList<QPair<QString, QString>> options; // ("size", "M")
    Money price = Money::zero(Currency::cny());
    std::optional<qint64> weightG, stock;
};

// A row of the products table: what the list shows, without description and attributes.
struct ProductSummary
{
    qint64 id = 0;
    QString site;
    QString title;   // the original
    QString titleZh; // the listing's Chinese title, empty until translated
    QString brand;
    QString category;
    QString sourceLanguage;
    ProductStatus status = ProductStatus::Imported;
    qint64 version = 0;
    QString assignee;
    bool stale = false;
    QList<ProductImage> images;
    std::optional<Money> lowestPrice; // over the SKUs of the first SKU's currency
    int skuCount = 0;
    QDateTime createdAt;
    QDateTime updatedAt;

    // The listing's ETag for writes: "v<version>" with the quotes.
    QByteArray etag() const;
    // The first fetched image's path, empty when none is fetched yet.
    QString thumbnailPath() const;

    static std::optional<ProductSummary> fromJson(const QJsonObject &json, QString *why);
};

// The listing text at its most recent publish.
struct PublishedText
{
    QString titleZh;
    QString descriptionZh;
    QJsonObject attributesZh;
};

struct Rejection
{
    QString comment;
    QString actor;
    QDateTime at;
};

// GET /catalog/products/{id}: everything.
struct ProductDetail
{
    ProductSummary summary;
    QString sourceUrl;
    QString description;
    QJsonObject attributes;
    QString descriptionZh;
    QJsonObject attributesZh;
    QList<ProductSku> skus;
    std::optional<PublishedText> lastPublished;
    std::optional<Rejection> lastRejection;
    QDateTime priceCheckedAt; // invalid: never checked
    int refreshFailures = 0;
    QByteArray etag; // as the server sent it

    static std::optional<ProductDetail> fromJson(const QJsonObject &json, QString *why);
};

// Server-side sort orders of GET /catalog/products.
enum class ProductSort { Newest, Oldest, Updated, Title };
QString productSortName(ProductSort sort);

// The filters shared by the list and the counts.
struct ProductFilter
{
    QString search;                      // title substring or an exact SKU id
    QString site;                        // "amazon.com"
    QString category;                    // exact
    QString assignee;                    // user name, or "me"
    std::optional<ProductStatus> status; // the list only: counts cover every status
    ProductSort sort = ProductSort::Newest;

    friend bool operator==(const ProductFilter &, const ProductFilter &) = default;
};

struct ProductQuery
{
    ProductFilter filter;
    QString cursor;               // from Page::nextCursor; or
    std::optional<qint64> offset; // random access (0..10,000,000); never with cursor
    int limit = 50;               // 1..200 with a cursor, up to 500 with an offset
};

// Listings per status for a filter (GET /catalog/products/counts).
struct StatusCounts
{
    std::array<qint64, kProductStatusCount> byStatus{}; // indexed by ProductStatus
    qint64 total = 0;

    qint64 count(ProductStatus status) const { return byStatus[size_t(status)]; }
    static std::optional<StatusCounts> fromJson(const QJsonObject &json, QString *why);
    friend bool operator==(const StatusCounts &, const StatusCounts &) = default;
};

// POST /catalog/products/bulk: one action on up to 500 listings.
struct BulkAction
{
    enum class Kind { Transition, Assign };
    Kind kind = Kind::Transition;
    QList<qint64> ids;
    ProductStatus to = ProductStatus::InTranslation; // Transition
    QString comment;                                 // Transition (a reject needs one)
    QString assignee;                                // Assign; empty unassigns

    QJsonObject toJson() const;
};
constexpr int kMaxBulkIds = 500;

struct BulkItemResult
{
    qint64 id = 0;
    bool ok = false;
    ProductStatus status = ProductStatus::Imported; // when ok
    qint64 version = 0;                             // when ok
    ApiError problem;                               // when not ok
};

struct BulkResult
{
    QList<BulkItemResult> results; // in the order of the ids sent
    int failed() const;

    static std::optional<BulkResult> fromJson(const QJsonObject &json, QString *why);
};

// A feed file to upload (POST /catalog/imports).
struct FeedUpload
{
    QString site;
    QString format;   // "csv" or "jsonl"
    QString encoding; // empty: detected; "utf-8" or "gbk"
    QByteArray body;
};

// A feed import's state and counts (GET /catalog/imports/{id}).
struct ImportStatus
{
    enum class State { Queued, Running, Done, Failed, Cancelled };

    qint64 id = 0;
    QString site;
    QString format;
    State state = State::Queued;
    qint64 bytesTotal = 0;
    qint64 bytesDone = 0;
    qint64 rowsNew = 0, rowsUpdated = 0, rowsUnchanged = 0, rowsRejected = 0;
    QString error; // why the whole feed failed
    QStringList warnings;
    struct RowError
    {
        qint64 line = 0;
        QString field, reason;
    };
    QList<RowError> errors; // the first ones, in feed order

    bool finished() const { return state != State::Queued && state != State::Running; }
    static std::optional<ImportStatus> fromJson(const QJsonObject &json, QString *why);
};

// One price observation of a SKU (GET /catalog/products/{id}/prices), newest first.
struct PricePoint
{
    qint64 skuId = 0;
    QString sourceSku;
    QDateTime at;
    Money price = Money::zero(Currency::cny());
    QString source; // "feed", "url", "refresh"

    static std::optional<PricePoint> fromJson(const QJsonObject &json, QString *why);
};

} // namespace haitao::client
