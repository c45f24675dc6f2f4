#include "backend/catalog/catalogstore.h"

#include "backend/catalog/refreshstore.h"

#include "backend/storage/database.h"
#include "backend/storage/fingerprint.h"
#include "backend/storage/sqltext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

#include <limits>

namespace haitao::server::catalog::catalogstore {

namespace {

using sql::containsPattern;
using sql::isSqlite;
using sql::jsonText;
using sql::L;
using sql::text;

QVariant optional(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : QVariant();
}

std::optional<qint64> optionalValue(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toLongLong();
}

QJsonArray optionsJson(const QList<QPair<QString, QString>> &options)
{
    QJsonArray out;
    for (const auto &[name, value] : options)
        out.append(QJsonArray{name, value});
    return out;
}

QList<QPair<QString, QString>> optionsFrom(const QString &json)
{
    QList<QPair<QString, QString>> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array())
        out.append({v.toArray().at(0).toString(), v.toArray().at(1).toString()});
    return out;
}

QString productHash(const FeedRow &row)
{
    QStringList parts{row.title,    row.description, row.brand,
                      row.category, row.url,         row.imageUrls.join(QLatin1Char('\n'))};
    // Only when given, so that rows of feeds without the column keep their fingerprints.
    if (!row.language.isEmpty())
        parts << row.language;
    return fingerprint(parts);
}

QString skuHash(const FeedRow &row)
{
    const auto n = [](const std::optional<qint64> &v) {
        return v ? QString::number(*v) : QStringLiteral("-");
    };
    return fingerprint({jsonText(optionsJson(row.options)), QString::number(row.price.minor()),
                        row.price.currency().code(), n(row.weightG), n(row.lengthMm),
                        n(row.widthMm), n(row.heightMm), n(row.stock)});
}

constexpr const char *kProductColumns =
    "p.id, p.site, p.group_key, p.source_url, p.source_language, p.title, p.description, "
    "p.brand, p.category, p.attributes, p.images, p.status, p.version, p.title_zh, "
    "p.description_zh, p.attributes_zh, p.assignee, p.stale, p.created_at, p.updated_at, "
    "p.last_published, p.last_rejection, p.price_checked_at, p.refresh_failures";

Product readProduct(const QSqlQuery &q)
{
    Product p;
    p.id = q.value(0).toLongLong();
    p.site = q.value(1).toString();
    p.groupKey = q.value(2).toString();
    p.sourceUrl = q.value(3).toString();
    p.sourceLanguage = q.value(4).toString();
    p.title = q.value(5).toString();
    p.description = q.value(6).toString();
    p.brand = q.value(7).toString();
    p.category = q.value(8).toString();
    p.attributes = QJsonDocument::fromJson(q.value(9).toString().toUtf8()).object();
    for (const QJsonValue &v : QJsonDocument::fromJson(q.value(10).toString().toUtf8()).array())
        p.images << v.toString();
    p.status = listingStatusFromName(q.value(11).toString()).value_or(ListingStatus::Imported);
    p.version = q.value(12).toLongLong();
    p.titleZh = q.value(13).toString();
    p.descriptionZh = q.value(14).toString();
    p.attributesZh = QJsonDocument::fromJson(q.value(15).toString().toUtf8()).object();
    p.assignee = q.value(16).toString();
    p.stale = q.value(17).toInt() != 0;
    p.createdAtMs = q.value(18).toLongLong();
    p.updatedAtMs = q.value(19).toLongLong();
    // Read by name: migrations after the first append columns, so positions are not stable.
    p.lastPublished =
        QJsonDocument::fromJson(q.value(QStringLiteral("last_published")).toString().toUtf8())
            .object();
    p.lastRejection =
        QJsonDocument::fromJson(q.value(QStringLiteral("last_rejection")).toString().toUtf8())
            .object();
    if (const QVariant checked = q.value(QStringLiteral("price_checked_at")); !checked.isNull())
        p.priceCheckedAtMs = checked.toLongLong();
    p.refreshFailures = q.value(QStringLiteral("refresh_failures")).toInt();
    return p;
}

constexpr const char *kSkuColumns =
    "s.id, s.source_sku, s.options, s.price_minor, s.currency, s.weight_g, s.length_mm, "
    "s.width_mm, s.height_mm, s.stock, s.updated_at, s.product_id";

Sku readSku(const QSqlQuery &q)
{
    Sku s;
    s.id = q.value(0).toLongLong();
    s.productId = q.value(11).toLongLong();
    s.sourceSku = q.value(1).toString();
    s.options = optionsFrom(q.value(2).toString());
    const auto currency = Currency::fromCode(q.value(4).toString());
    if (!currency)
        throw StorageError(QStringLiteral("sku %1 has an unknown currency").arg(s.id));
    s.price = Money(q.value(3).toLongLong(), *currency);
    s.weightG = optionalValue(q.value(5));
    s.lengthMm = optionalValue(q.value(6));
    s.widthMm = optionalValue(q.value(7));
    s.heightMm = optionalValue(q.value(8));
    s.stock = optionalValue(q.value(9));
    s.updatedAtMs = q.value(10).toLongLong();
    return s;
}

QList<Sku> skusOf(const QSqlDatabase &db, qint64 productId)
{
    Statement q = prepareOrThrow(
        db, QStringLiteral("SELECT %1 FROM skus s WHERE s.product_id = :p ORDER BY s.id")
                .arg(QLatin1String(kSkuColumns)));
    q.bindValue(QStringLiteral(":p"), productId);
    execOrThrow(q, "read skus");
    QList<Sku> out;
    while (q.next())
        out.append(readSku(q.query()));
    return out;
}

} // namespace

QList<Migration> migrations()
{
    Migration first{
        1,
        QStringLiteral("products, skus, listing events, price history, imports"),
        {
            L("CREATE TABLE products ("
              " id %ID%,"
              " site TEXT NOT NULL,"
              " group_key TEXT NOT NULL,"
              " source_url TEXT NOT NULL,"
              " source_language TEXT NOT NULL,"
              " title TEXT NOT NULL,"
              " description TEXT NOT NULL,"
              " brand TEXT NOT NULL,"
              " category TEXT NOT NULL,"
              " attributes TEXT NOT NULL,"
              " images TEXT NOT NULL,"
              " source_hash TEXT NOT NULL,"
              " status TEXT NOT NULL CHECK (status IN ('imported','in_translation',"
              "'in_review','published','unpublished')),"
              " version BIGINT NOT NULL,"
              " title_zh TEXT NOT NULL,"
              " description_zh TEXT NOT NULL,"
              " attributes_zh TEXT NOT NULL,"
              " assignee TEXT NOT NULL,"
              " stale INTEGER NOT NULL DEFAULT 0,"
              " created_at BIGINT NOT NULL,"
              " updated_at BIGINT NOT NULL,"
              " UNIQUE (site, group_key))"),
            L("CREATE INDEX products_status ON products(status, id)"),
            L("CREATE INDEX products_site ON products(site, id)"),
            L("CREATE TABLE skus ("
              " id %ID%,"
              " product_id BIGINT NOT NULL REFERENCES products(id),"
              " site TEXT NOT NULL,"
              " source_sku TEXT NOT NULL,"
              " options TEXT NOT NULL,"
              " price_minor BIGINT NOT NULL,"
              " currency TEXT NOT NULL,"
              " weight_g BIGINT, length_mm BIGINT, width_mm BIGINT, height_mm BIGINT,"
              " stock BIGINT,"
              " sku_hash TEXT NOT NULL,"
              " updated_at BIGINT NOT NULL,"
              " UNIQUE (site, source_sku))"),
            L("CREATE INDEX skus_product ON skus(product_id)"),
            L("CREATE INDEX skus_source ON skus(source_sku)"),
            L("CREATE TABLE listing_events ("
              " id %ID%,"
              " product_id BIGINT NOT NULL REFERENCES products(id),"
              " at BIGINT NOT NULL,"
              " actor TEXT NOT NULL,"
              " from_status TEXT NOT NULL,"
              " to_status TEXT NOT NULL,"
              " comment TEXT NOT NULL)"),
            L("CREATE INDEX listing_events_product ON listing_events(product_id, id)"),
            L("CREATE TABLE price_history ("
              " id %ID%,"
              " sku_id BIGINT NOT NULL REFERENCES skus(id),"
              " at BIGINT NOT NULL,"
              " price_minor BIGINT NOT NULL,"
              " currency TEXT NOT NULL,"
              " source TEXT NOT NULL)"),
            L("CREATE INDEX price_history_sku ON price_history(sku_id, id)"),
            L("CREATE TABLE imports ("
              " id %ID%,"
              " site TEXT NOT NULL,"
              " format TEXT NOT NULL,"
              " source TEXT NOT NULL,"
              " state TEXT NOT NULL CHECK (state IN ('queued','running','done','failed',"
              "'cancelled')),"
              " bytes_total BIGINT NOT NULL,"
              " bytes_done BIGINT NOT NULL,"
              " rows_new BIGINT NOT NULL,"
              " rows_updated BIGINT NOT NULL,"
              " rows_unchanged BIGINT NOT NULL,"
              " rows_rejected BIGINT NOT NULL,"
              " error TEXT NOT NULL,"
              " warnings TEXT NOT NULL,"
              " cancel_requested INTEGER NOT NULL DEFAULT 0,"
              " created_by TEXT NOT NULL,"
              " created_at BIGINT NOT NULL,"
              " updated_at BIGINT NOT NULL)"),
            L("CREATE TABLE import_errors ("
              " id %ID%,"
              " import_id BIGINT NOT NULL REFERENCES imports(id),"
              " line BIGINT NOT NULL,"
              " field TEXT NOT NULL,"
              " reason TEXT NOT NULL)"),
            L("CREATE INDEX import_errors_import ON import_errors(import_id, id)"),
        },
        // Search: an FTS5 trigram index over the original and the Chinese title, kept in
        // step with products by triggers (external content: the text is stored once).
        {
            L("CREATE VIRTUAL TABLE products_fts USING fts5(title, title_zh, "
              "content='products', content_rowid='id', tokenize='trigram')"),
            L("CREATE TRIGGER products_fts_insert AFTER INSERT ON products BEGIN "
              "INSERT INTO products_fts(rowid, title, title_zh) "
              "VALUES (new.id, new.title, new.title_zh); END"),
            L("CREATE TRIGGER products_fts_delete AFTER DELETE ON products BEGIN "
              "INSERT INTO products_fts(products_fts, rowid, title, title_zh) "
              "VALUES ('delete', old.id, old.title, old.title_zh); END"),
            L("CREATE TRIGGER products_fts_update AFTER UPDATE OF title, title_zh ON products "
              "BEGIN INSERT INTO products_fts(products_fts, rowid, title, title_zh) "
              "VALUES ('delete', old.id, old.title, old.title_zh); "
              "INSERT INTO products_fts(rowid, title, title_zh) "
              "VALUES (new.id, new.title, new.title_zh); END"),
        },
        // PostgreSQL: trigram GIN indexes serve ILIKE '%term%' on both titles.
        {
            L("CREATE EXTENSION IF NOT EXISTS pg_trgm"),
            L("CREATE INDEX products_title_trgm ON products USING gin (title gin_trgm_ops)"),
            L("CREATE INDEX products_title_zh_trgm ON products "
              "USING gin (title_zh gin_trgm_ops)"),
        }};
    first.statements += auditlog::createStatements();
    first.sqliteOnly += auditlog::sqliteGuards();
    first.postgresOnly += auditlog::postgresGuards();
    // Review and translation work: the text at the last publish (the reviewer's diff), the
    // last rejection (shown to the translator), and the indexes of the list's sorts and of
    // the assignee filter. Version 3 belongs to the media and price refresh columns.
    Migration second{
        2,
        QStringLiteral("last published text, last rejection, sorts and assignee"),
        {
            L("ALTER TABLE products ADD COLUMN last_published TEXT NOT NULL DEFAULT ''"),
            L("ALTER TABLE products ADD COLUMN last_rejection TEXT NOT NULL DEFAULT ''"),
            L("CREATE INDEX products_updated ON products(updated_at, id)"),
            L("CREATE INDEX products_title_sort ON products(title, id)"),
            L("CREATE INDEX products_assignee ON products(assignee, id)"),
        },
        {},
        {}};
    return {first, second, refreshstore::migration()};
}

Upserted upsertRow(QSqlDatabase &db, const QString &site, const FeedRow &row, qint64 now,
                   bool productSeen, const QString &priceSource)
{
    const QString groupKey = row.group.isEmpty() ? row.sku : row.group;
    const QString pHash = productHash(row);
    const QString sHash = skuHash(row);

    Statement find = prepareOrThrow(
        db, L("SELECT id, source_hash FROM products WHERE site = :s AND group_key = :g"));
    find.bindValue(QStringLiteral(":s"), site);
    find.bindValue(QStringLiteral(":g"), groupKey);
    execOrThrow(find, "find product");
    qint64 productId = 0;
    bool productChanged = false;
    if (find.next()) {
        productId = find.value(0).toLongLong();
        productChanged = !productSeen && find.value(1).toString() != pHash;
    }
    if (productId == 0) {
        Statement ins = prepareOrThrow(
            db, L("INSERT INTO products (site, group_key, source_url, source_language, title, "
                  "description, brand, category, attributes, images, source_hash, status, "
                  "version, title_zh, description_zh, attributes_zh, assignee, stale, "
                  "created_at, updated_at) VALUES (:s, :g, :u, :l, :t, :d, :b, :c, '{}', :i, "
                  ":h, 'imported', 1, :tz, :dz, '{}', '', 0, :n, :n2) RETURNING id"));
        ins.bindValue(QStringLiteral(":s"), site);
        ins.bindValue(QStringLiteral(":g"), groupKey);
        ins.bindValue(QStringLiteral(":u"), text(row.url));
        ins.bindValue(QStringLiteral(":l"),
                      row.language.isEmpty() ? QStringLiteral("en") : row.language);
        ins.bindValue(QStringLiteral(":t"), row.title);
        ins.bindValue(QStringLiteral(":d"), text(row.description));
        ins.bindValue(QStringLiteral(":b"), text(row.brand));
        ins.bindValue(QStringLiteral(":c"), text(row.category));
        ins.bindValue(QStringLiteral(":i"), jsonText(QJsonArray::fromStringList(row.imageUrls)));
        ins.bindValue(QStringLiteral(":h"), pHash);
        ins.bindValue(QStringLiteral(":tz"), text(row.titleZh));
        ins.bindValue(QStringLiteral(":dz"), text(row.descriptionZh));
        ins.bindValue(QStringLiteral(":n"), now);
        ins.bindValue(QStringLiteral(":n2"), now);
        execOrThrow(ins, "insert product");
        if (!ins.next())
            throw StorageError(QStringLiteral("insert product returned no id"));
        productId = ins.value(0).toLongLong();
    } else if (productChanged) {
        Statement up = prepareOrThrow(
            db, L("UPDATE products SET source_url = :u, source_language = COALESCE(NULLIF(:l, "
                  "''), source_language), title = :t, description = :d, brand = :b, category = "
                  ":c, images = :i, source_hash = :h, updated_at = :n WHERE id = :id"));
        // A feed without the column keeps the language the product has (e.g. from its page).
        up.bindValue(QStringLiteral(":l"), row.language);
        up.bindValue(QStringLiteral(":u"), text(row.url));
        up.bindValue(QStringLiteral(":t"), row.title);
        up.bindValue(QStringLiteral(":d"), text(row.description));
        up.bindValue(QStringLiteral(":b"), text(row.brand));
        up.bindValue(QStringLiteral(":c"), text(row.category));
        up.bindValue(QStringLiteral(":i"), jsonText(QJsonArray::fromStringList(row.imageUrls)));
        up.bindValue(QStringLiteral(":h"), pHash);
        up.bindValue(QStringLiteral(":n"), now);
        up.bindValue(QStringLiteral(":id"), productId);
        execOrThrow(up, "update product");
    }

    Statement findSku =
        prepareOrThrow(db, L("SELECT id, sku_hash, price_minor, currency, product_id FROM skus "
                             "WHERE site = :s AND source_sku = :k"));
    findSku.bindValue(QStringLiteral(":s"), site);
    findSku.bindValue(QStringLiteral(":k"), row.sku);
    execOrThrow(findSku, "find sku");
    qint64 skuId = 0;
    bool skuChanged = false;
    bool priceChanged = true; // a new SKU's first price starts its history
    if (findSku.next()) {
        skuId = findSku.value(0).toLongLong();
        skuChanged =
            findSku.value(1).toString() != sHash || findSku.value(4).toLongLong() != productId;
        priceChanged = findSku.value(2).toLongLong() != row.price.minor() ||
                       findSku.value(3).toString() != row.price.currency().code();
    }
    const bool newSku = skuId == 0;
    if (newSku || skuChanged) {
        Statement w = prepareOrThrow(
            db, newSku ? L("INSERT INTO skus (product_id, site, source_sku, options, price_minor, "
                           "currency, weight_g, length_mm, width_mm, height_mm, stock, sku_hash, "
                           "updated_at) VALUES (:p, :s, :k, :o, :pm, :c, :w, :l, :wd, :h, :st, "
                           ":hash, :n) RETURNING id")
                       : L("UPDATE skus SET product_id = :p, options = :o, price_minor = :pm, "
                           "currency = :c, weight_g = :w, length_mm = :l, width_mm = :wd, "
                           "height_mm = :h, stock = :st, sku_hash = :hash, updated_at = :n "
                           "WHERE site = :s AND source_sku = :k RETURNING id"));
        w.bindValue(QStringLiteral(":p"), productId);
        w.bindValue(QStringLiteral(":s"), site);
        w.bindValue(QStringLiteral(":k"), row.sku);
        w.bindValue(QStringLiteral(":o"), jsonText(optionsJson(row.options)));
        w.bindValue(QStringLiteral(":pm"), row.price.minor());
        w.bindValue(QStringLiteral(":c"), row.price.currency().code());
        w.bindValue(QStringLiteral(":w"), optional(row.weightG));
        w.bindValue(QStringLiteral(":l"), optional(row.lengthMm));
        w.bindValue(QStringLiteral(":wd"), optional(row.widthMm));
        w.bindValue(QStringLiteral(":h"), optional(row.heightMm));
        w.bindValue(QStringLiteral(":st"), optional(row.stock));
        w.bindValue(QStringLiteral(":hash"), sHash);
        w.bindValue(QStringLiteral(":n"), now);
        execOrThrow(w, "write sku");
        if (!w.next())
            throw StorageError(QStringLiteral("write sku returned no id"));
        skuId = w.value(0).toLongLong();
    }
    if (priceChanged) {
        Statement h = prepareOrThrow(
            db, L("INSERT INTO price_history (sku_id, at, price_minor, currency, source) "
                  "VALUES (:k, :n, :pm, :c, :src)"));
        h.bindValue(QStringLiteral(":k"), skuId);
        h.bindValue(QStringLiteral(":n"), now);
        h.bindValue(QStringLiteral(":pm"), row.price.minor());
        h.bindValue(QStringLiteral(":c"), row.price.currency().code());
        h.bindValue(QStringLiteral(":src"), priceSource);
        execOrThrow(h, "record price");
    }
    if (newSku)
        return Upserted::New;
    return productChanged || skuChanged ? Upserted::Updated : Upserted::Unchanged;
}

qint64 productIdByGroup(const QSqlDatabase &db, const QString &site, const QString &groupKey)
{
    Statement q =
        prepareOrThrow(db, L("SELECT id FROM products WHERE site = :s AND group_key = :g"));
    q.bindValue(QStringLiteral(":s"), site);
    q.bindValue(QStringLiteral(":g"), groupKey);
    execOrThrow(q, "find product by group");
    return q.next() ? q.value(0).toLongLong() : 0;
}

std::optional<Product> product(const QSqlDatabase &db, qint64 id)
{
    Statement q = prepareOrThrow(db, QStringLiteral("SELECT %1 FROM products p WHERE p.id = :id")
                                         .arg(QLatin1String(kProductColumns)));
    q.bindValue(QStringLiteral(":id"), id);
    execOrThrow(q, "read product");
    if (!q.next())
        return std::nullopt;
    Product p = readProduct(q.query());
    p.skus = skusOf(db, id);
    return p;
}

// The SKUs of a page of products in one query (not one per product).
void attachSkus(const QSqlDatabase &db, QList<Product> &products)
{
    if (products.isEmpty())
        return;
    QStringList placeholders;
    for (int i = 0; i < products.size(); ++i)
        placeholders << QStringLiteral(":p%1").arg(i);
    Statement q = prepareOrThrow(
        db, QStringLiteral("SELECT %1 FROM skus s WHERE s.product_id IN (%2) ORDER BY s.id")
                .arg(QLatin1String(kSkuColumns), placeholders.join(QLatin1Char(','))));
    QHash<qint64, int> index;
    for (int i = 0; i < products.size(); ++i) {
        q.bindValue(placeholders.at(i), products.at(i).id);
        index.insert(products.at(i).id, i);
    }
    execOrThrow(q, "read skus of a page");
    while (q.next()) {
        Sku s = readSku(q.query());
        products[index.value(s.productId)].skus.append(std::move(s));
    }
}

// Products with a SKU whose id is exactly `sku` (a search may be a SKU someone copied).
QList<qint64> productsWithSku(const QSqlDatabase &db, const QString &sku)
{
    Statement q =
        prepareOrThrow(db, L("SELECT DISTINCT product_id FROM skus WHERE source_sku = :k"));
    q.bindValue(QStringLiteral(":k"), sku);
    execOrThrow(q, "find sku");
    QList<qint64> out;
    while (q.next())
        out << q.value(0).toLongLong();
    return out;
}

std::optional<SkuInfo> sku(const QSqlDatabase &db, qint64 skuId)
{
    Statement q = prepareOrThrow(
        db, QStringLiteral("SELECT %1, p.site, p.category, p.status FROM skus s JOIN products p "
                           "ON p.id = s.product_id WHERE s.id = :id")
                .arg(QLatin1String(kSkuColumns)));
    q.bindValue(QStringLiteral(":id"), skuId);
    execOrThrow(q, "read sku");
    if (!q.next())
        return std::nullopt;
    SkuInfo info;
    info.sku = readSku(q.query());
    info.site = q.value(12).toString();
    info.category = q.value(13).toString();
    info.status = listingStatusFromName(q.value(14).toString()).value_or(ListingStatus::Imported);
    return info;
}

namespace {

// The FROM and WHERE of a product search, shared by the list and the counts, with its values.
struct Selection
{
    bool fts = false;
    QString search;
    QString from;
    QStringList where;
    QList<QPair<QString, QVariant>> values;

    void bind(Statement &q) const
    {
        for (const auto &[name, value] : values)
            q.bindValue(name, value);
    }
};

Selection select(const QSqlDatabase &db, const ProductFilter &filter, bool withStatus)
{
    Selection s;
    const bool sqlite = isSqlite(db);
    s.search = filter.search.trimmed();
    s.from = QStringLiteral("FROM products p");
    // Trigram search needs three characters; shorter terms (two-character Chinese words are
    // common) fall back to a substring scan in id order, which stops at the page size.
    s.fts = sqlite && s.search.size() >= 3;
    if (s.fts) {
        s.from = QStringLiteral("FROM products_fts f JOIN products p ON p.id = f.rowid");
        // Exact SKU matches are listed once, first on page one (listProducts), never among
        // the text matches of any page.
        s.where << QStringLiteral("products_fts MATCH :match")
                << QStringLiteral("p.id NOT IN (SELECT product_id FROM skus WHERE source_sku = "
                                  ":exactsku)");
        QString phrase = s.search;
        phrase.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        s.values.append({QStringLiteral(":match"), QLatin1Char('"') + phrase + QLatin1Char('"')});
        s.values.append({QStringLiteral(":exactsku"), s.search});
    } else if (!s.search.isEmpty()) {
        s.where << QStringLiteral("(p.title %1 :like ESCAPE '!' OR p.title_zh %1 :like2 ESCAPE "
                                  "'!' OR p.id IN (SELECT product_id FROM skus WHERE source_sku = "
                                  ":sku))")
                       .arg(sqlite ? QLatin1String("LIKE") : QLatin1String("ILIKE"));
        const QString like = containsPattern(s.search);
        s.values.append({QStringLiteral(":like"), like});
        s.values.append({QStringLiteral(":like2"), like});
        s.values.append({QStringLiteral(":sku"), s.search});
    }
    if (withStatus && filter.status) {
        s.where << QStringLiteral("p.status = :status");
        s.values.append({QStringLiteral(":status"), listingStatusName(*filter.status)});
    }
    if (!filter.site.isEmpty()) {
        s.where << QStringLiteral("p.site = :site");
        s.values.append({QStringLiteral(":site"), filter.site});
    }
    if (!filter.category.isEmpty()) {
        s.where << QStringLiteral("p.category = :category");
        s.values.append({QStringLiteral(":category"), filter.category});
    }
    if (!filter.assignee.isEmpty()) {
        s.where << QStringLiteral("p.assignee = :assignee");
        s.values.append({QStringLiteral(":assignee"), filter.assignee});
    }
    return s;
}

// Products whose SKU is exactly the search (listed first; the text index has no SKUs), with
// the other filters applied.
QList<Product> exactSkuMatches(const QSqlDatabase &db, const ProductFilter &filter,
                               const QString &search, bool withStatus)
{
    QList<Product> exact;
    for (const qint64 id : productsWithSku(db, search)) {
        const auto p = product(db, id);
        if (!p || (withStatus && filter.status && p->status != *filter.status) ||
            (!filter.site.isEmpty() && p->site != filter.site) ||
            (!filter.category.isEmpty() && p->category != filter.category) ||
            (!filter.assignee.isEmpty() && p->assignee != filter.assignee))
            continue;
        exact.append(*p);
        exact.last().skus.clear(); // attached with the others
    }
    std::sort(exact.begin(), exact.end(),
              [](const Product &a, const Product &b) { return a.id > b.id; });
    return exact;
}

} // namespace

Page<Product> listProducts(const QSqlDatabase &db, const ProductFilter &filter)
{
    Selection s = select(db, filter, true);
    // The text search walks its index in rowid (= product id) order, so the id sorts stop at
    // the page size; the others sort every match (docs/architecture.md, Search).
    const QString id = s.fts ? QStringLiteral("f.rowid") : QStringLiteral("p.id");
    const bool offsetPaging = filter.offset >= 0;
    QString order;
    switch (filter.sort) {
    case ProductSort::Newest:
        order = id + QStringLiteral(" DESC");
        if (!offsetPaging && filter.beforeId > 0) {
            s.where << id + QStringLiteral(" < :before");
            s.values.append({QStringLiteral(":before"), filter.beforeId});
        }
        break;
    case ProductSort::Oldest:
        order = id + QStringLiteral(" ASC");
        if (!offsetPaging && filter.cursor) {
            s.where << id + QStringLiteral(" > :after");
            s.values.append({QStringLiteral(":after"), filter.cursor->id});
        }
        break;
    case ProductSort::Updated:
        order = QStringLiteral("p.updated_at DESC, p.id DESC");
        if (!offsetPaging && filter.cursor) {
            s.where << QStringLiteral("(p.updated_at, p.id) < (:afterat, :afterid)");
            s.values.append({QStringLiteral(":afterat"), filter.cursor->updatedAtMs});
            s.values.append({QStringLiteral(":afterid"), filter.cursor->id});
        }
        break;
    case ProductSort::Title:
        order = QStringLiteral("p.title ASC, p.id ASC");
        if (!offsetPaging && filter.cursor) {
            s.where << QStringLiteral("(p.title, p.id) > (:aftertitle, :afterid)");
            s.values.append({QStringLiteral(":aftertitle"), filter.cursor->title});
            s.values.append({QStringLiteral(":afterid"), filter.cursor->id});
        }
        break;
    }
    const bool firstPage =
        offsetPaging ? filter.offset == 0 : (filter.beforeId == 0 && !filter.cursor.has_value());

    // Exact SKU matches come before the text matches: on the first page of a keyset walk,
    // and as the first rows of the whole sequence for offset paging.
    QList<Product> exact;
    if (s.fts && (firstPage || offsetPaging))
        exact = exactSkuMatches(db, filter, s.search, true);
    qint64 textOffset = 0;
    int textLimit = filter.limit;
    Page<Product> page;
    if (offsetPaging) {
        const qint64 shown = std::max<qint64>(0, exact.size() - filter.offset);
        page.items = exact.mid(filter.offset, std::min<qint64>(shown, filter.limit));
        textOffset = std::max<qint64>(0, filter.offset - exact.size());
        textLimit = filter.limit - int(page.items.size());
    } else if (firstPage) {
        page.items = exact;
    }
    if (textLimit > 0) {
        Statement q = prepareOrThrow(
            db, QStringLiteral("SELECT %1 %2 %3 ORDER BY %4 LIMIT :n%5")
                    .arg(QLatin1String(kProductColumns), s.from,
                         s.where.isEmpty()
                             ? QString()
                             : QStringLiteral("WHERE ") + s.where.join(QStringLiteral(" AND ")),
                         order, offsetPaging ? QStringLiteral(" OFFSET :offset") : QString()));
        s.bind(q);
        q.bindValue(QStringLiteral(":n"), offsetPaging ? textLimit : textLimit + 1);
        if (offsetPaging)
            q.bindValue(QStringLiteral(":offset"), textOffset);
        execOrThrow(q, "list products");
        QList<Product> rows;
        while (q.next())
            rows.append(readProduct(q.query()));
        if (!offsetPaging && rows.size() > textLimit) {
            rows.removeLast();
            page.nextCursor = encodeProductCursor(filter.sort, rows.last());
        }
        page.items += rows;
    }
    attachSkus(db, page.items);
    return page;
}

ProductCounts countProducts(const QSqlDatabase &db, const ProductFilter &filter)
{
    const Selection s = select(db, filter, false);
    Statement q = prepareOrThrow(
        db, QStringLiteral("SELECT p.status, COUNT(*) %1 %2 GROUP BY p.status")
                .arg(s.from, s.where.isEmpty() ? QString()
                                               : QStringLiteral("WHERE ") +
                                                     s.where.join(QStringLiteral(" AND "))));
    s.bind(q);
    execOrThrow(q, "count products");
    ProductCounts counts;
    while (q.next()) {
        if (const auto status = listingStatusFromName(q.value(0).toString()))
            counts.byStatus[*status] += q.value(1).toLongLong();
    }
    if (s.fts) {
        for (const Product &p : exactSkuMatches(db, filter, s.search, false))
            counts.byStatus[p.status] += 1;
    }
    for (const qint64 n : std::as_const(counts.byStatus))
        counts.total += n;
    return counts;
}

bool updateListing(QSqlDatabase &db, qint64 id, qint64 expectedVersion, const ListingText &t,
                   qint64 now)
{
    Statement q = prepareOrThrow(
        db, L("UPDATE products SET title_zh = :t, description_zh = :d, attributes_zh = :a, "
              "version = version + 1, updated_at = :n WHERE id = :id AND version = :v"));
    q.bindValue(QStringLiteral(":t"), text(t.titleZh));
    q.bindValue(QStringLiteral(":d"), text(t.descriptionZh));
    q.bindValue(QStringLiteral(":a"), jsonText(t.attributesZh));
    q.bindValue(QStringLiteral(":n"), now);
    q.bindValue(QStringLiteral(":id"), id);
    q.bindValue(QStringLiteral(":v"), expectedVersion);
    execOrThrow(q, "update listing");
    return q.query().numRowsAffected() == 1;
}

bool setStatus(QSqlDatabase &db, qint64 id, qint64 expectedVersion, ListingStatus status,
               qint64 now)
{
    Statement q = prepareOrThrow(db, L("UPDATE products SET status = :s, version = version + 1, "
                                       "updated_at = :n WHERE id = :id AND version = :v"));
    q.bindValue(QStringLiteral(":s"), listingStatusName(status));
    q.bindValue(QStringLiteral(":n"), now);
    q.bindValue(QStringLiteral(":id"), id);
    q.bindValue(QStringLiteral(":v"), expectedVersion);
    execOrThrow(q, "set listing status");
    return q.query().numRowsAffected() == 1;
}

bool setAssignee(QSqlDatabase &db, qint64 id, qint64 expectedVersion, const QString &assignee,
                 qint64 now)
{
    Statement q = prepareOrThrow(db, L("UPDATE products SET assignee = :a, version = version + 1, "
                                       "updated_at = :n WHERE id = :id AND version = :v"));
    q.bindValue(QStringLiteral(":a"), text(assignee));
    q.bindValue(QStringLiteral(":n"), now);
    q.bindValue(QStringLiteral(":id"), id);
    q.bindValue(QStringLiteral(":v"), expectedVersion);
    execOrThrow(q, "set assignee");
    return q.query().numRowsAffected() == 1;
}

void setLastPublished(QSqlDatabase &db, qint64 id, const QJsonObject &text)
{
    Statement q = prepareOrThrow(db, L("UPDATE products SET last_published = :t WHERE id = :id"));
    q.bindValue(QStringLiteral(":t"), text.isEmpty() ? QStringLiteral("") : jsonText(text));
    q.bindValue(QStringLiteral(":id"), id);
    execOrThrow(q, "set last published text");
}

void setLastRejection(QSqlDatabase &db, qint64 id, const QJsonObject &rejection)
{
    Statement q = prepareOrThrow(db, L("UPDATE products SET last_rejection = :r WHERE id = :id"));
    q.bindValue(QStringLiteral(":r"),
                rejection.isEmpty() ? QStringLiteral("") : jsonText(rejection));
    q.bindValue(QStringLiteral(":id"), id);
    execOrThrow(q, "set last rejection");
}

void addEvent(QSqlDatabase &db, const ListingEvent &e)
{
    Statement q = prepareOrThrow(
        db, L("INSERT INTO listing_events (product_id, at, actor, from_status, to_status, "
              "comment) VALUES (:p, :at, :a, :f, :t, :c)"));
    q.bindValue(QStringLiteral(":p"), e.productId);
    q.bindValue(QStringLiteral(":at"), e.atMs);
    q.bindValue(QStringLiteral(":a"), text(e.actor));
    q.bindValue(QStringLiteral(":f"), text(e.from));
    q.bindValue(QStringLiteral(":t"), text(e.to));
    q.bindValue(QStringLiteral(":c"), text(e.comment));
    execOrThrow(q, "add listing event");
}

QList<ListingEvent> events(const QSqlDatabase &db, qint64 productId)
{
    Statement q = prepareOrThrow(
        db, L("SELECT id, at, actor, from_status, to_status, comment FROM listing_events "
              "WHERE product_id = :p ORDER BY id"));
    q.bindValue(QStringLiteral(":p"), productId);
    execOrThrow(q, "list listing events");
    QList<ListingEvent> out;
    while (q.next()) {
        ListingEvent e;
        e.id = q.value(0).toLongLong();
        e.productId = productId;
        e.atMs = q.value(1).toLongLong();
        e.actor = q.value(2).toString();
        e.from = q.value(3).toString();
        e.to = q.value(4).toString();
        e.comment = q.value(5).toString();
        out.append(e);
    }
    return out;
}

qint64 insertImport(QSqlDatabase &db, const ImportJob &job)
{
    Statement q = prepareOrThrow(
        db, L("INSERT INTO imports (site, format, source, state, bytes_total, bytes_done, "
              "rows_new, rows_updated, rows_unchanged, rows_rejected, error, warnings, "
              "cancel_requested, created_by, created_at, updated_at) VALUES (:s, :f, :src, "
              "'queued', :bt, 0, 0, 0, 0, 0, '', '[]', 0, :by, :n, :n2) RETURNING id"));
    q.bindValue(QStringLiteral(":s"), job.site);
    q.bindValue(QStringLiteral(":f"), job.format);
    q.bindValue(QStringLiteral(":src"), job.source);
    q.bindValue(QStringLiteral(":bt"), job.bytesTotal);
    q.bindValue(QStringLiteral(":by"), text(job.createdBy));
    q.bindValue(QStringLiteral(":n"), job.createdAtMs);
    q.bindValue(QStringLiteral(":n2"), job.createdAtMs);
    execOrThrow(q, "insert import");
    if (!q.next())
        throw StorageError(QStringLiteral("insert import returned no id"));
    return q.value(0).toLongLong();
}

void updateImport(QSqlDatabase &db, const ImportJob &job, qint64 now)
{
    Statement q = prepareOrThrow(
        db, L("UPDATE imports SET state = :st, bytes_done = :bd, rows_new = :rn, rows_updated = "
              ":ru, rows_unchanged = :rs, rows_rejected = :rr, error = :e, warnings = :w, "
              "updated_at = :n WHERE id = :id"));
    q.bindValue(QStringLiteral(":st"), importStateName(job.state));
    q.bindValue(QStringLiteral(":bd"), job.bytesDone);
    q.bindValue(QStringLiteral(":rn"), job.rowsNew);
    q.bindValue(QStringLiteral(":ru"), job.rowsUpdated);
    q.bindValue(QStringLiteral(":rs"), job.rowsUnchanged);
    q.bindValue(QStringLiteral(":rr"), job.rowsRejected);
    q.bindValue(QStringLiteral(":e"), text(job.error));
    q.bindValue(QStringLiteral(":w"), jsonText(QJsonArray::fromStringList(job.warnings)));
    q.bindValue(QStringLiteral(":n"), now);
    q.bindValue(QStringLiteral(":id"), job.id);
    execOrThrow(q, "update import");
}

void addImportErrors(QSqlDatabase &db, qint64 importId, const QList<RowError> &errors)
{
    Statement q = prepareOrThrow(
        db,
        L("INSERT INTO import_errors (import_id, line, field, reason) VALUES (:i, :l, :f, :r)"));
    for (const RowError &e : errors) {
        q.bindValue(QStringLiteral(":i"), importId);
        q.bindValue(QStringLiteral(":l"), e.line);
        q.bindValue(QStringLiteral(":f"), text(e.field));
        q.bindValue(QStringLiteral(":r"), text(e.reason));
        execOrThrow(q, "add import error");
    }
}

bool requestCancel(QSqlDatabase &db, qint64 importId)
{
    Statement q = prepareOrThrow(db, L("UPDATE imports SET cancel_requested = 1 WHERE id = :id "
                                       "AND state IN ('queued','running')"));
    q.bindValue(QStringLiteral(":id"), importId);
    execOrThrow(q, "cancel import");
    return q.query().numRowsAffected() == 1;
}

int failUnfinishedImports(QSqlDatabase &db, const QString &reason, qint64 now)
{
    Statement q = prepareOrThrow(db, L("UPDATE imports SET state = 'failed', error = :e, "
                                       "updated_at = :n WHERE state IN ('queued','running')"));
    q.bindValue(QStringLiteral(":e"), reason);
    q.bindValue(QStringLiteral(":n"), now);
    execOrThrow(q, "fail unfinished imports");
    return q.query().numRowsAffected();
}

bool cancelRequested(const QSqlDatabase &db, qint64 importId)
{
    Statement q = prepareOrThrow(db, L("SELECT cancel_requested FROM imports WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), importId);
    execOrThrow(q, "read import");
    return q.next() && q.value(0).toInt() != 0;
}

std::optional<ImportJob> importJob(const QSqlDatabase &db, qint64 importId, int maxErrors)
{
    Statement q = prepareOrThrow(
        db, L("SELECT id, site, format, source, state, bytes_total, bytes_done, rows_new, "
              "rows_updated, rows_unchanged, rows_rejected, error, warnings, created_by, "
              "created_at, updated_at FROM imports WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), importId);
    execOrThrow(q, "read import");
    if (!q.next())
        return std::nullopt;
    ImportJob j;
    j.id = q.value(0).toLongLong();
    j.site = q.value(1).toString();
    j.format = q.value(2).toString();
    j.source = q.value(3).toString();
    j.state = importStateFromName(q.value(4).toString()).value_or(ImportState::Failed);
    j.bytesTotal = q.value(5).toLongLong();
    j.bytesDone = q.value(6).toLongLong();
    j.rowsNew = q.value(7).toLongLong();
    j.rowsUpdated = q.value(8).toLongLong();
    j.rowsUnchanged = q.value(9).toLongLong();
    j.rowsRejected = q.value(10).toLongLong();
    j.error = q.value(11).toString();
    for (const QJsonValue &v : QJsonDocument::fromJson(q.value(12).toString().toUtf8()).array())
        j.warnings << v.toString();
    j.createdBy = q.value(13).toString();
    j.createdAtMs = q.value(14).toLongLong();
    j.updatedAtMs = q.value(15).toLongLong();

    Statement e = prepareOrThrow(db, L("SELECT line, field, reason FROM import_errors WHERE "
                                       "import_id = :id ORDER BY id LIMIT :n"));
    e.bindValue(QStringLiteral(":id"), importId);
    e.bindValue(QStringLiteral(":n"), maxErrors);
    execOrThrow(e, "read import errors");
    while (e.next())
        j.errors.append({e.value(0).toLongLong(), e.value(1).toString(), e.value(2).toString()});
    return j;
}

} // namespace haitao::server::catalog::catalogstore
