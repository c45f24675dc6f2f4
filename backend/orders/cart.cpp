// OrderService: the customer's server-side cart, priced live, saying what changed since the
// customer last looked.
#include "backend/http/apierror.h"
#include "backend/orders/orderservice.h"
#include "backend/pricing/pricingservice.h"

#include <QJsonDocument>

namespace haitao::server::orders {

namespace {

constexpr qint64 kMaxQuantity = 99;
constexpr int kMaxCartLines = 100;

} // namespace

QJsonObject OrderService::cart(const Principal &user)
{
    const QList<orderstore::CartRow> rows = orderstore::cart(m_db.writer(), user.userId);
    QJsonArray items;
    QList<orderstore::CartRow> seen;
    pricing::QuoteInput input;
    for (const orderstore::CartRow &row : rows) {
        const auto sku = m_skus ? m_skus(row.skuId) : std::nullopt;
        const bool listed = sku && sku->listed;
        const bool available = listed && sku->available;
        QJsonArray changes;
        if (sku && row.seenPrice && *row.seenPrice != sku->price)
            changes.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("price")},
                                       {QStringLiteral("from"), row.seenPrice->toJson()},
                                       {QStringLiteral("to"), sku->price.toJson()}});
        if (row.seenListed && !listed)
            changes.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("unpublished")}});
        else if (row.seenAvailable && listed && !available)
            changes.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("stock")}});
        QJsonObject item{{QStringLiteral("skuId"), row.skuId},
                         {QStringLiteral("quantity"), row.quantity},
                         {QStringLiteral("available"), available},
                         {QStringLiteral("changes"), changes}};
        if (sku) {
            item.insert(QStringLiteral("productId"), sku->productId);
            item.insert(QStringLiteral("title"), sku->title);
            item.insert(QStringLiteral("titleZh"), sku->titleZh);
            item.insert(QStringLiteral("site"), sku->site);
            item.insert(QStringLiteral("options"), sku->options);
            item.insert(QStringLiteral("unitPrice"), sku->price.toJson());
        } else {
            item.insert(QStringLiteral("productId"), QJsonValue());
            item.insert(QStringLiteral("title"), QString());
            item.insert(QStringLiteral("titleZh"), QString());
            item.insert(QStringLiteral("site"), QString());
            item.insert(QStringLiteral("options"), QJsonArray());
            item.insert(QStringLiteral("unitPrice"), QJsonValue());
        }
        items.append(item);
        if (available) {
            pricing::QuoteLineInput line;
            line.skuId = row.skuId;
            line.quantity = row.quantity;
            input.lines.append(line);
        }
        orderstore::CartRow now = row;
        now.seenPrice = sku ? std::optional<Money>(sku->price) : row.seenPrice;
        now.seenAvailable = available;
        now.seenListed = listed;
        if (now.seenPrice != row.seenPrice || now.seenAvailable != row.seenAvailable ||
            now.seenListed != row.seenListed)
            seen.append(now);
    }

    QJsonValue quote;
    QJsonValue quoteError;
    if (!input.lines.isEmpty()) {
        try {
            quote = m_pricing.quoteNow(m_pricing.prepare(std::move(input), user)).toJson();
        } catch (const ApiError &e) {
            // The cart still shows; the customer sees why there is no total (e.g. stale rates).
            quoteError =
                QJsonDocument::fromJson(problemJson(e, QStringLiteral("/api/v1/cart"), QString()))
                    .object();
        }
    }
    // What the customer saw now is what the next look compares against.
    if (!seen.isEmpty()) {
        m_db.write([&](QSqlDatabase &db) {
            for (const orderstore::CartRow &row : seen)
                orderstore::markSeen(db, user.userId, row);
        });
    }
    return {{QStringLiteral("items"), items},
            {QStringLiteral("quote"), quote},
            {QStringLiteral("quoteError"), quoteError}};
}

QJsonObject OrderService::setCartItem(const Principal &user, qint64 skuId, qint64 quantity)
{
    if (quantity < 0 || quantity > kMaxQuantity)
        throw ApiError::validation(
            {{QStringLiteral("quantity"),
              QStringLiteral("must be 0 (remove) to %1").arg(kMaxQuantity)}});
    if (quantity == 0) {
        m_db.write([&](QSqlDatabase &db) { orderstore::removeCartItem(db, user.userId, skuId); });
        return cart(user);
    }
    const auto sku = m_skus ? m_skus(skuId) : std::nullopt;
    if (!sku || !sku->listed)
        throw ApiError(ProblemKind::NotFound,
                       QStringLiteral("There is no SKU %1 for sale").arg(skuId));
    m_db.write([&](QSqlDatabase &db) {
        const QList<orderstore::CartRow> rows = orderstore::cart(db, user.userId);
        const bool present =
            std::any_of(rows.begin(), rows.end(), [&](const auto &r) { return r.skuId == skuId; });
        if (!present && rows.size() >= kMaxCartLines)
            throw ApiError::validation(
                {{QStringLiteral("skuId"),
                  QStringLiteral("a cart holds at most %1 different items").arg(kMaxCartLines)}});
        orderstore::putCartItem(db, user.userId, skuId, quantity, sku->price, now());
    });
    return cart(user);
}

} // namespace haitao::server::orders
