#pragma once

#include "backend-client/apiclient.h"
#include "backend-client/catalogtypes.h"
#include "core/page.h"

namespace haitao::client {

// The staff catalog endpoints the Products page uses (/api/v1/catalog/products..., imports,
// images), one async call each, on top of an ApiClient. A small value that only points at the
// client: copy it freely; the client must outlive it.
class CatalogApi
{
public:
    template <typename T> using Callback = ApiClient::Callback<T>;

    explicit CatalogApi(ApiClient *client)
        : m_client(client)
    {}
    ApiClient *client() const { return m_client; }

    // One page by cursor, or a block of rows by offset (the desktop's random access).
    void list(const ProductQuery &query, QObject *context,
              Callback<Page<ProductSummary>> done) const;
    void product(qint64 id, QObject *context, Callback<ProductDetail> done) const;
    // Per status for the filter's search, site, category and assignee (its status is ignored).
    void counts(const ProductFilter &filter, QObject *context, Callback<StatusCounts> done) const;
    // Per item results: one item's failure does not stop the others.
    void bulk(const BulkAction &action, QObject *context, Callback<BulkResult> done) const;
    // `etag` goes as If-Match: PreconditionFailed when the listing changed meanwhile.
    void assign(qint64 id, const QString &assignee, const QByteArray &etag, QObject *context,
                Callback<ProductDetail> done) const;
    void transition(qint64 id, ProductStatus to, const QString &comment, const QByteArray &etag,
                    QObject *context, Callback<ProductDetail> done) const;

    // Feed imports: the upload answers at once; poll importStatus() until finished().
    void startImport(const FeedUpload &upload, QObject *context, Callback<ImportStatus> done) const;
    void importStatus(qint64 id, QObject *context, Callback<ImportStatus> done) const;
    void cancelImport(qint64 id, QObject *context, Callback<ImportStatus> done) const;
    // Fetches and reads the page while the call waits; the product it made or updated.
    void importUrl(const QString &url, QObject *context, Callback<ProductDetail> done) const;

    void priceHistory(qint64 id, QObject *context, Callback<QList<PricePoint>> done) const;
    // An image's bytes by its path from ProductImage::url ("/api/v1/images/<sha256>").
    void image(const QString &path, QObject *context, Callback<QByteArray> done) const;

private:
    ApiClient *m_client;
};

} // namespace haitao::client
