#pragma once

// Helpers for the translation editor's tests: products imported in process and the
// listing read or written over HTTP as another user would.

#include "backend/catalog/catalogservice.h"
#include "backend/http/actor.h"
#include "tests/support/syncclient.h"
#include "tests/support/testserver.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace haitao::testing {

// Imports `csv` for `site` with the import worker's own code (no HTTP, no waiting) and
// answers the id of the product whose SKU is `sku` (0 when missing).
inline qint64 importProduct(TestServer &server, SyncClient &client, const QString &site,
                            const QByteArray &csv, const QString &sku)
{
    server::catalog::CatalogService &catalog = server.server().catalog();
    QByteArray bytes = csv;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    const auto job = catalog.createImport(server::Actor{}, site, server::catalog::FeedFormat::Csv,
                                          QStringLiteral("test"), bytes.size());
    catalog.runImport(job.id, buffer, server::catalog::FeedFormat::Csv,
                      server::catalog::FeedEncoding::Auto);
    const auto r = client.raw("GET", QStringLiteral("/api/v1/catalog/products?q=") +
                                         QString::fromUtf8(QUrl::toPercentEncoding(sku)));
    const QJsonArray items =
        QJsonDocument::fromJson(r.body).object().value(QStringLiteral("items")).toArray();
    return items.isEmpty() ? 0 : items.first().toObject().value(QStringLiteral("id")).toInteger();
}

// The staff view of a product, with its ETag.
inline QJsonObject productJson(SyncClient &client, qint64 id, QByteArray *etag = nullptr)
{
    const auto r = client.raw("GET", QStringLiteral("/api/v1/catalog/products/%1").arg(id));
    if (etag)
        *etag = r.header("ETag");
    return QJsonDocument::fromJson(r.body).object();
}

// A save by someone else: PUT .../listing with the current ETag. Answers the HTTP status.
inline int putListing(SyncClient &client, qint64 id, const QJsonObject &text)
{
    QByteArray etag;
    productJson(client, id, &etag);
    return client
        .raw("PUT", QStringLiteral("/api/v1/catalog/products/%1/listing").arg(id),
             QJsonDocument(text).toJson(QJsonDocument::Compact),
             {{"Content-Type", "application/json"}, {"If-Match", etag}})
        .status;
}

// A workflow move by someone else.
inline int moveListing(SyncClient &client, qint64 id, const QString &to,
                       const QString &comment = {})
{
    QByteArray etag;
    productJson(client, id, &etag);
    QJsonObject body{{QStringLiteral("to"), to}};
    if (!comment.isEmpty())
        body.insert(QStringLiteral("comment"), comment);
    return client
        .raw("POST", QStringLiteral("/api/v1/catalog/products/%1/transitions").arg(id),
             QJsonDocument(body).toJson(QJsonDocument::Compact),
             {{"Content-Type", "application/json"}, {"If-Match", etag}})
        .status;
}

} // namespace haitao::testing
