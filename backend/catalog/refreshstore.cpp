#include "backend/catalog/refreshstore.h"

#include "backend/storage/database.h"
#include "backend/storage/sqltext.h"
#include "core/wiretime.h"

#include <QSqlQuery>
#include <QVariant>

namespace haitao::server::catalog {

QJsonObject PricePoint::toJson() const
{
    return {{QStringLiteral("skuId"), skuId},
            {QStringLiteral("sourceSku"), sourceSku},
            {QStringLiteral("at"), toWireTime(atMs)},
            {QStringLiteral("price"), price.toJson()},
            {QStringLiteral("source"), source}};
}

namespace refreshstore {

namespace {

using sql::L;

QList<QPair<qint64, QString>> idsAndSites(Statement &q)
{
    QList<QPair<qint64, QString>> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString()});
    return out;
}

} // namespace

Migration migration()
{
    return {3,
            QStringLiteral("price refresh: last check, failures in a row, next due"),
            {
                L("ALTER TABLE products ADD COLUMN price_checked_at BIGINT"),
                L("ALTER TABLE products ADD COLUMN refresh_failures INTEGER NOT NULL DEFAULT 0"),
                L("ALTER TABLE products ADD COLUMN next_refresh_at BIGINT"),
                L("CREATE INDEX products_refresh ON products(status, next_refresh_at)"),
            },
            {},
            {}};
}

QList<QPair<qint64, QString>> due(const QSqlDatabase &db, qint64 now, int limit)
{
    Statement q = prepareOrThrow(
        db, L("SELECT id, site FROM products WHERE status = 'published' AND source_url <> '' AND "
              "(next_refresh_at IS NULL OR next_refresh_at <= :n) ORDER BY "
              "COALESCE(next_refresh_at, 0), id "
              "LIMIT :l"));
    q.bindValue(QStringLiteral(":n"), now);
    q.bindValue(QStringLiteral(":l"), limit);
    execOrThrow(q, "list due refreshes");
    return idsAndSites(q);
}

QList<QPair<qint64, QString>> published(const QSqlDatabase &db, int limit)
{
    Statement q = prepareOrThrow(db, L("SELECT id, site FROM products WHERE status = 'published' "
                                       "AND source_url <> '' ORDER BY id LIMIT :l"));
    q.bindValue(QStringLiteral(":l"), limit);
    execOrThrow(q, "list published products");
    return idsAndSites(q);
}

QList<QPair<qint64, QString>> withSource(const QSqlDatabase &db, const QList<qint64> &ids)
{
    Statement q =
        prepareOrThrow(db, L("SELECT id, site FROM products WHERE id = :id AND source_url <> ''"));
    QList<QPair<qint64, QString>> out;
    for (const qint64 id : ids) {
        q.bindValue(QStringLiteral(":id"), id);
        execOrThrow(q, "read product site");
        out += idsAndSites(q);
    }
    return out;
}

void recordSuccess(QSqlDatabase &db, qint64 productId, const QList<PriceChange> &changes,
                   qint64 now, qint64 nextAt)
{
    // The feed fingerprint is cleared, so that a feed sending the old price again writes it
    // instead of finding its row unchanged.
    Statement sku = prepareOrThrow(db, L("UPDATE skus SET price_minor = :pm, currency = :c, "
                                         "sku_hash = '', updated_at = :n WHERE id = :id"));
    Statement history = prepareOrThrow(
        db, L("INSERT INTO price_history (sku_id, at, price_minor, currency, source) "
              "VALUES (:k, :n, :pm, :c, 'refresh')"));
    for (const PriceChange &c : changes) {
        sku.bindValue(QStringLiteral(":pm"), c.price.minor());
        sku.bindValue(QStringLiteral(":c"), c.price.currency().code());
        sku.bindValue(QStringLiteral(":n"), now);
        sku.bindValue(QStringLiteral(":id"), c.skuId);
        execOrThrow(sku, "refresh sku price");
        history.bindValue(QStringLiteral(":k"), c.skuId);
        history.bindValue(QStringLiteral(":n"), now);
        history.bindValue(QStringLiteral(":pm"), c.price.minor());
        history.bindValue(QStringLiteral(":c"), c.price.currency().code());
        execOrThrow(history, "record refreshed price");
    }
    Statement p = prepareOrThrow(db, L("UPDATE products SET price_checked_at = :n, "
                                       "refresh_failures = 0, stale = 0, next_refresh_at = :next "
                                       "WHERE id = :id"));
    p.bindValue(QStringLiteral(":n"), now);
    p.bindValue(QStringLiteral(":next"), nextAt);
    p.bindValue(QStringLiteral(":id"), productId);
    execOrThrow(p, "record refresh");
}

int recordFailure(QSqlDatabase &db, qint64 productId, int staleAfter, qint64 nextAt)
{
    Statement p = prepareOrThrow(
        db, L("UPDATE products SET refresh_failures = refresh_failures + 1, stale = CASE WHEN "
              "refresh_failures + 1 >= :f THEN 1 ELSE stale END, next_refresh_at = :next WHERE "
              "id = :id RETURNING refresh_failures"));
    p.bindValue(QStringLiteral(":f"), staleAfter);
    p.bindValue(QStringLiteral(":next"), nextAt);
    p.bindValue(QStringLiteral(":id"), productId);
    execOrThrow(p, "record refresh failure");
    return p.next() ? p.value(0).toInt() : 0;
}

QList<PricePoint> history(const QSqlDatabase &db, qint64 productId, int limit)
{
    Statement q = prepareOrThrow(
        db, L("SELECT h.sku_id, s.source_sku, h.at, h.price_minor, h.currency, h.source FROM "
              "price_history h JOIN skus s ON s.id = h.sku_id WHERE s.product_id = :p ORDER BY "
              "h.at DESC, h.id DESC LIMIT :l"));
    q.bindValue(QStringLiteral(":p"), productId);
    q.bindValue(QStringLiteral(":l"), limit);
    execOrThrow(q, "read price history");
    QList<PricePoint> out;
    while (q.next()) {
        const auto currency = Currency::fromCode(q.value(4).toString());
        if (!currency)
            continue;
        PricePoint point;
        point.skuId = q.value(0).toLongLong();
        point.sourceSku = q.value(1).toString();
        point.atMs = q.value(2).toLongLong();
        point.price = Money(q.value(3).toLongLong(), *currency);
        point.source = q.value(5).toString();
        out.append(point);
    }
    return out;
}

} // namespace refreshstore
} // namespace haitao::server::catalog
