#pragma once

#include "backend/storage/migrations.h"
#include "core/money.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QString>

namespace haitao::server::catalog {

// One price a SKU had from `atMs` on, and where it was read: "feed", "url" or "refresh".
struct PricePoint
{
    qint64 skuId = 0;
    QString sourceSku;
    qint64 atMs = 0;
    Money price = Money::zero(Currency::cny());
    QString source;

    QJsonObject toJson() const;
};

// The SQL of the price refresh (pricerefresh.h): its columns on products, its reads and
// writes. The migration is the catalog's number 3 (catalogstore::migrations()).
namespace refreshstore {

Migration migration();

// Products and their sites: published ones whose refresh is due (never checked first), at
// most `limit`.
QList<QPair<qint64, QString>> due(const QSqlDatabase &db, qint64 now, int limit);
// Every published product with a source page, at most `limit`.
QList<QPair<qint64, QString>> published(const QSqlDatabase &db, int limit);
// Of `ids`, those that exist and have a source page.
QList<QPair<qint64, QString>> withSource(const QSqlDatabase &db, const QList<qint64> &ids);

struct PriceChange
{
    qint64 skuId = 0;
    Money price = Money::zero(Currency::cny());
};
// A successful read: new prices (each also a "refresh" price_history row), the failure count
// and stale flag cleared, checked now, next due at `nextAt`.
void recordSuccess(QSqlDatabase &db, qint64 productId, const QList<PriceChange> &changes,
                   qint64 now, qint64 nextAt);
// A failed read: one more failure in a row, stale from `staleAfter` of them on. Returns the
// count.
int recordFailure(QSqlDatabase &db, qint64 productId, int staleAfter, qint64 nextAt);

// The product's SKU prices, newest first.
QList<PricePoint> history(const QSqlDatabase &db, qint64 productId, int limit);

} // namespace refreshstore
} // namespace haitao::server::catalog
