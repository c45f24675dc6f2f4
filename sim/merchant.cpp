#include "sim/merchant.h"

#include "core/money.h"
#include "core/wiretime.h"

#include <QRandomGenerator>

#include <algorithm>

namespace haitao::sim {

namespace {

// 100,000.00 in the shop's currency; in yen (no minor unit, about 160 to the euro) ten
// million, so that the yen account lasts as long as the others.
qint64 startingBalance(const Currency &currency)
{
    if (currency.exponent() == 0)
        return 10'000'000;
    qint64 minor = 100'000;
    for (int i = 0; i < currency.exponent(); ++i)
        minor *= 10;
    return minor;
}

MerchantReply error(int status, const QString &code, QJsonObject extra = {})
{
    extra.insert(QStringLiteral("error"), code);
    return {status, extra};
}

MerchantReply invalid(const QString &detail)
{
    return error(422, QStringLiteral("invalid_request"), {{QStringLiteral("detail"), detail}});
}

} // namespace

Merchants::Merchants(const Shops &shops, std::function<qint64()> clock)
    : m_shops(shops)
    , m_clock(std::move(clock))
{
    for (const ShopSite &site : Shops::sites()) {
        m_currencies.insert(site.code, site.currency);
        Account a;
        if (const auto currency = Currency::fromCode(site.currency))
            a.balanceMinor = startingBalance(*currency);
        m_accounts.insert(site.code, a);
    }
}

bool Merchants::hasSite(const QString &site) const
{
    return m_currencies.contains(site); // fixed after construction: no lock needed
}

void Merchants::begin(const QString &site)
{
    std::lock_guard lock(m_mutex);
    Account &a = m_accounts[site];
    if (a.inFlight > 0)
        ++a.concurrentUse;
    a.maxInFlight = std::max(a.maxInFlight, ++a.inFlight);
}

void Merchants::end(const QString &site)
{
    std::lock_guard lock(m_mutex);
    --m_accounts[site].inFlight;
}

bool Merchants::acceptFencingToken(const QString &site, qint64 token)
{
    std::lock_guard lock(m_mutex);
    Account &a = m_accounts[site];
    if (token < a.highestFencingToken)
        return false;
    a.highestFencingToken = token;
    return true;
}

MerchantReply Merchants::login(const QString &site, const QJsonObject &body,
                               const MerchantFaults &faults)
{
    if (faults.captcha)
        return error(403, QStringLiteral("captcha"));
    if (body.value(QStringLiteral("account")).toString() != QLatin1String(kAccount) ||
        body.value(QStringLiteral("password")).toString() != QLatin1String(kPassword))
        return error(401, QStringLiteral("bad_credentials"));
    const QString token =
        QStringLiteral("%1-%2%3")
            .arg(site)
            .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'))
            .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
    constexpr int kExpiresIn = 3600;
    std::lock_guard lock(m_mutex);
    m_tokens.insert(token, {site, m_clock() + kExpiresIn * 1000LL});
    return {200, {{QStringLiteral("token"), token}, {QStringLiteral("expiresIn"), kExpiresIn}}};
}

bool Merchants::authorized(const QString &site, const QString &authorizationHeader) const
{
    if (!authorizationHeader.startsWith(QLatin1String("Bearer ")))
        return false;
    std::lock_guard lock(m_mutex);
    const auto it = m_tokens.constFind(authorizationHeader.mid(7).trimmed());
    return it != m_tokens.constEnd() && it->first == site && it->second > m_clock();
}

std::optional<qint64> Merchants::priceMinor(const QString &site, const ShopOffer &offer,
                                            bool priceChange) const
{
    const MoneyResult<Money> price = Money::parse(offer.price, m_currencies.value(site));
    if (!price)
        return std::nullopt;
    const qint64 minor = price->minor();
    return priceChange ? (minor * 6 + 2) / 5 : minor; // +20%, half up
}

QJsonObject Merchants::money(const QString &site, qint64 minor) const
{
    return {{QStringLiteral("minor"), minor},
            {QStringLiteral("currency"), m_currencies.value(site)}};
}

MerchantReply Merchants::sku(const QString &site, const QString &sku,
                             const MerchantFaults &faults) const
{
    const std::optional<ShopOffer> offer = m_shops.offer(site, sku);
    const std::optional<qint64> price =
        offer ? priceMinor(site, *offer, faults.priceChange) : std::nullopt;
    if (!price)
        return error(404, QStringLiteral("unknown_sku"));
    const int stock = faults.outOfStock ? 0 : offer->stock;
    return {200,
            {{QStringLiteral("sku"), offer->sku},
             {QStringLiteral("title"), offer->title},
             {QStringLiteral("price"), money(site, *price)},
             {QStringLiteral("stock"), stock},
             {QStringLiteral("available"), stock > 0}}};
}

MerchantReply Merchants::createOrder(const QString &site, const QJsonObject &body,
                                     const MerchantFaults &faults)
{
    if (faults.captcha)
        return error(403, QStringLiteral("captcha"));
    const QString reference = body.value(QStringLiteral("clientReference")).toString();
    if (reference.isEmpty() || reference.size() > 128)
        return invalid(QStringLiteral("clientReference is 1 to 128 characters"));
    const QJsonArray lines = body.value(QStringLiteral("lines")).toArray();
    if (lines.isEmpty() || lines.size() > 50)
        return invalid(QStringLiteral("lines: 1 to 50 of {sku, quantity, unitPrice}"));
    Order order;
    order.site = site;
    order.clientReference = reference;
    order.status = QStringLiteral("pending_confirmation");
    order.shipTo = body.value(QStringLiteral("shipTo"));
    for (const QJsonValue &v : lines) {
        const QJsonObject line = v.toObject();
        const QString sku = line.value(QStringLiteral("sku")).toString();
        const QJsonValue quantity = line.value(QStringLiteral("quantity"));
        const MoneyResult<Money> unitPrice =
            Money::fromJson(line.value(QStringLiteral("unitPrice")).toObject());
        if (sku.isEmpty() || !quantity.isDouble() || quantity.toDouble() < 1 ||
            quantity.toDouble() > 99 || quantity.toDouble() != quantity.toInt() || !unitPrice)
            return invalid(QStringLiteral("each line needs sku, quantity (1 to 99) and "
                                          "unitPrice {minor, currency}"));
        const std::optional<ShopOffer> offer = m_shops.offer(site, sku);
        const std::optional<qint64> price =
            offer ? priceMinor(site, *offer, faults.priceChange) : std::nullopt;
        if (!price)
            return error(422, QStringLiteral("unknown_sku"), {{QStringLiteral("sku"), sku}});
        if (unitPrice->minor() != *price ||
            unitPrice->currency().code() != m_currencies.value(site))
            return error(
                409, QStringLiteral("price_changed"),
                {{QStringLiteral("sku"), sku}, {QStringLiteral("price"), money(site, *price)}});
        if (faults.outOfStock || offer->stock < quantity.toInt())
            return error(409, QStringLiteral("out_of_stock"), {{QStringLiteral("sku"), sku}});
        order.lines.append({sku, offer->title, quantity.toInt(), *price});
        order.totalMinor += *price * quantity.toInt();
    }
    std::lock_guard lock(m_mutex);
    Account &a = m_accounts[site];
    order.merchantOrderId =
        QStringLiteral("%1-%2").arg(site.toUpper()).arg(a.nextOrder++, 6, 10, QLatin1Char('0'));
    order.createdAtMs = m_clock();
    m_orders.append(order);
    return {201, orderJson(order)};
}

MerchantReply Merchants::confirmOrder(const QString &site, const QString &merchantOrderId)
{
    std::lock_guard lock(m_mutex);
    for (Order &o : m_orders) {
        if (o.site != site || o.merchantOrderId != merchantOrderId)
            continue;
        if (o.status == u"confirmed") // confirming again changes nothing
            return {200, orderJson(o)};
        Account &a = m_accounts[site];
        if (a.balanceMinor < o.totalMinor)
            return error(402, QStringLiteral("insufficient_balance"),
                         {{QStringLiteral("balance"), money(site, a.balanceMinor)}});
        a.balanceMinor -= o.totalMinor;
        o.status = QStringLiteral("confirmed");
        o.confirmedAtMs = m_clock();
        if (m_shipper)
            o.shipment = m_shipper(site, merchantOrderId, o.confirmedAtMs);
        return {200, orderJson(o)};
    }
    return error(404, QStringLiteral("unknown_order"));
}

MerchantReply Merchants::ordersByReference(const QString &site,
                                           const QString &clientReference) const
{
    if (clientReference.isEmpty())
        return invalid(QStringLiteral("give ?clientReference="));
    std::lock_guard lock(m_mutex);
    QJsonArray items;
    for (const Order &o : m_orders) {
        if (o.site == site && o.clientReference == clientReference)
            items.append(orderJson(o));
    }
    return {200, {{QStringLiteral("items"), items}}};
}

MerchantReply Merchants::order(const QString &site, const QString &merchantOrderId) const
{
    std::lock_guard lock(m_mutex);
    for (const Order &o : m_orders) {
        if (o.site == site && o.merchantOrderId == merchantOrderId)
            return {200, orderJson(o)};
    }
    return error(404, QStringLiteral("unknown_order"));
}

MerchantReply Merchants::account(const QString &site) const
{
    std::lock_guard lock(m_mutex);
    return {200,
            {{QStringLiteral("account"), QLatin1String(kAccount)},
             {QStringLiteral("balance"), money(site, m_accounts.value(site).balanceMinor)}}};
}

QJsonArray Merchants::allOrders() const
{
    std::lock_guard lock(m_mutex);
    QJsonArray items;
    for (const Order &o : m_orders) {
        QJsonObject item = orderJson(o);
        item.insert(QStringLiteral("site"), o.site);
        items.append(item);
    }
    return items;
}

QJsonArray Merchants::accounts() const
{
    std::lock_guard lock(m_mutex);
    QJsonArray items;
    for (const ShopSite &site : Shops::sites()) {
        const Account a = m_accounts.value(site.code);
        const auto orders = std::count_if(m_orders.begin(), m_orders.end(),
                                          [&](const Order &o) { return o.site == site.code; });
        items.append(QJsonObject{{QStringLiteral("site"), site.code},
                                 {QStringLiteral("account"), QLatin1String(kAccount)},
                                 {QStringLiteral("balance"), money(site.code, a.balanceMinor)},
                                 {QStringLiteral("orders"), qint64(orders)},
                                 {QStringLiteral("maxInFlight"), a.maxInFlight},
                                 {QStringLiteral("concurrentUse"), a.concurrentUse},
                                 {QStringLiteral("highestFencingToken"), a.highestFencingToken}});
    }
    return items;
}

bool Merchants::setBalance(const QString &site, qint64 minor)
{
    std::lock_guard lock(m_mutex);
    if (!m_accounts.contains(site) || minor < 0)
        return false;
    m_accounts[site].balanceMinor = minor;
    return true;
}

QJsonObject Merchants::orderJson(const Order &o) const
{
    QJsonArray lines;
    for (const Line &l : o.lines)
        lines.append(QJsonObject{{QStringLiteral("sku"), l.sku},
                                 {QStringLiteral("title"), l.title},
                                 {QStringLiteral("quantity"), l.quantity},
                                 {QStringLiteral("unitPrice"), money(o.site, l.unitMinor)}});
    QJsonObject json{{QStringLiteral("merchantOrderId"), o.merchantOrderId},
                     {QStringLiteral("clientReference"), o.clientReference},
                     {QStringLiteral("status"), o.status},
                     {QStringLiteral("total"), money(o.site, o.totalMinor)},
                     {QStringLiteral("lines"), lines},
                     {QStringLiteral("shipTo"), o.shipTo},
                     {QStringLiteral("createdAt"), toWireTime(o.createdAtMs)}};
    if (o.confirmedAtMs > 0)
        json.insert(QStringLiteral("confirmedAt"), toWireTime(o.confirmedAtMs));
    if (o.shipment.shippedAtMs > 0 && m_clock() >= o.shipment.shippedAtMs)
        json.insert(QStringLiteral("shipment"),
                    QJsonObject{{QStringLiteral("carrier"), o.shipment.carrier},
                                {QStringLiteral("trackingNumber"), o.shipment.trackingNumber},
                                {QStringLiteral("shippedAt"), toWireTime(o.shipment.shippedAtMs)}});
    return json;
}

} // namespace haitao::sim
