#include "backend/catalog/productpage.h"

#include "backend/catalog/htmlscan.h"
#include "backend/catalog/lenientjson.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <algorithm>
#include <deque>
#include <initializer_list>
#include <variant>

namespace haitao::server::catalog {

namespace {

// What the page offers besides JSON-LD: its base URL, meta tags and the hints for refusals.
struct Page
{
    QUrl base;
    QString title;
    QString lang;
    QString canonical;
    QHash<QString, QString> meta; // property/name/itemprop (lower-case) -> first content
    QStringList metaImages;       // every og:image, in order
    QList<QJsonObject> nodes;     // every JSON-LD object, breadth first (shallowest first)
    QHash<QString, QJsonObject> byId;
    QStringList jsonErrors;
    QString lowerText; // the whole page in lower case, for robot-check markers
};

// "Product", "schema:Product" and "https://schema.org/Product" all name Product.
QString localName(const QString &term)
{
    const qsizetype cut = std::max(term.lastIndexOf(u'/'), term.lastIndexOf(u':'));
    return term.mid(cut + 1).trimmed();
}

bool hasType(const QJsonObject &o, QStringView type)
{
    const QJsonValue t = o.value(QStringLiteral("@type"));
    if (t.isString())
        return localName(t.toString()) == type;
    for (const QJsonValue &each : t.toArray()) {
        if (localName(each.toString()) == type)
            return true;
    }
    return false;
}

// A node given only by reference ({"@id": "#variant-2"}) replaced by the full node.
QJsonObject resolved(const QJsonValue &v, const Page &page)
{
    const QJsonObject o = v.toObject();
    const QString id = o.value(QStringLiteral("@id")).toString();
    if (!id.isEmpty() && o.size() <= 2 && page.byId.contains(id))
        return page.byId.value(id);
    return o;
}

QList<QJsonObject> objects(const QJsonValue &v, const Page &page)
{
    QList<QJsonObject> out;
    if (v.isObject())
        out.append(resolved(v, page));
    for (const QJsonValue &each : v.toArray()) {
        if (each.isObject())
            out.append(resolved(each, page));
    }
    return out;
}

// Plain text of a value: a string, a number's source text, an object's name (or value), the
// first of an array. Entities decoded: shops often HTML-escape JSON-LD text twice.
QString rawText(const QJsonValue &v)
{
    if (v.isString())
        return decodeEntities(v.toString());
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        const QString name = rawText(o.value(QStringLiteral("name")));
        return name.isEmpty() ? rawText(o.value(QStringLiteral("value"))) : name;
    }
    const QJsonArray a = v.toArray();
    for (const QJsonValue &each : a) {
        const QString t = rawText(each);
        if (!t.isEmpty())
            return t;
    }
    return {};
}

QString line(const QJsonValue &v)
{
    return rawText(v).simplified();
}

QString field(const QJsonObject &o, const char *key)
{
    return line(o.value(QLatin1String(key)));
}

QString firstField(const QJsonObject &o, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        const QString v = field(o, key);
        if (!v.isEmpty())
            return v;
    }
    return {};
}

QUrl resolveUrl(const QString &text, const QUrl &base)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    const QUrl url = base.resolved(QUrl(t));
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"http" && scheme != u"https") || url.host().isEmpty())
        return {}; // data:, javascript: and the like are no product image or page
    return url;
}

void addImages(const QJsonValue &v, const QUrl &base, QStringList *out)
{
    if (v.isString()) {
        const QUrl url = resolveUrl(v.toString(), base);
        const QString s = url.toString(QUrl::FullyEncoded);
        if (!url.isEmpty() && !out->contains(s))
            out->append(s);
    } else if (v.isArray()) {
        for (const QJsonValue &each : v.toArray())
            addImages(each, base, out);
    } else if (v.isObject()) { // ImageObject
        const QJsonObject o = v.toObject();
        const QJsonValue content = o.value(QStringLiteral("contentUrl"));
        addImages(content.isUndefined() ? o.value(QStringLiteral("url")) : content, base, out);
    }
}

QString description(const QJsonValue &v)
{
    return rawText(v).trimmed();
}

QString category(const QJsonValue &v)
{
    if (!v.isArray())
        return line(v);
    QStringList parts;
    for (const QJsonValue &each : v.toArray()) {
        const QString t = line(each);
        if (!t.isEmpty())
            parts << t;
    }
    return parts.join(QStringLiteral(" > "));
}

// "https://schema.org/InStock" -> "InStock"; the OpenGraph forms "instock", "in stock",
// "oos" and "out of stock" -> the schema.org names.
QString availability(const QString &value)
{
    const QString v = localName(value);
    const QString flat = v.toLower().remove(u' ');
    if (flat == u"instock")
        return QStringLiteral("InStock");
    if (flat == u"oos" || flat == u"outofstock")
        return QStringLiteral("OutOfStock");
    if (flat == u"preorder")
        return QStringLiteral("PreOrder");
    return v;
}

// A price from the page's text in the page's currency. Fraction digits beyond the currency's
// exponent are dropped only when they are zeros ("1980.00" JPY is exactly 1980): that is the
// same amount, not a rounding.
std::optional<Money> readPrice(const QString &amountText, const QString &currencyText,
                               QString *error)
{
    QString amount = amountText.trimmed();
    const QString code = currencyText.trimmed().toUpper();
    if (amount.isEmpty()) {
        *error = QStringLiteral("no price");
        return std::nullopt;
    }
    if (code.isEmpty()) {
        *error = QStringLiteral("the price %1 has no currency").arg(amount);
        return std::nullopt;
    }
    const std::optional<Currency> currency = Currency::fromCode(code);
    if (!currency) {
        *error = QStringLiteral("the currency \"%1\" is not supported").arg(code);
        return std::nullopt;
    }
    const qsizetype dot = amount.indexOf(u'.');
    if (dot >= 0) {
        qsizetype keep = amount.size();
        while (keep - dot - 1 > currency->exponent() && amount[keep - 1] == u'0')
            --keep;
        if (keep == dot + 1 && keep < amount.size()) // only zeros followed the point
            --keep;
        amount.truncate(keep);
    }
    const MoneyResult<Money> money = Money::parse(amount, *currency);
    if (!money) {
        *error = QStringLiteral("the price is unreadable: %1").arg(money.error().message);
        return std::nullopt;
    }
    if (money->minor() <= 0) {
        *error =
            QStringLiteral("the price must be positive, not %1 %2").arg(amountText.trimmed(), code);
        return std::nullopt;
    }
    return *money;
}

struct Offer
{
    QString price;
    QString currency;
    QString sku;
    QString name;
    QString availability;
    QUrl url;
};

// The selling price of an Offer: its price, else the first priceSpecification that is not a
// list or strikethrough price.
Offer readOffer(const QJsonObject &o, const Page &page)
{
    Offer offer;
    const bool aggregate = hasType(o, u"AggregateOffer");
    // AggregateOffer gives a range; its lowPrice is what the shop shows as "from".
    offer.price = aggregate ? firstField(o, {"lowPrice", "price"}) : field(o, "price");
    offer.currency = field(o, "priceCurrency");
    if (offer.price.isEmpty()) {
        for (const QJsonObject &spec :
             objects(o.value(QStringLiteral("priceSpecification")), page)) {
            const QString type = localName(field(spec, "priceType"));
            if (type == u"ListPrice" || type == u"StrikethroughPrice" || type == u"SRP" ||
                type == u"MSRP")
                continue;
            offer.price = field(spec, "price");
            if (offer.currency.isEmpty())
                offer.currency = field(spec, "priceCurrency");
            if (!offer.price.isEmpty())
                break;
        }
    }
    offer.sku = field(o, "sku");
    offer.name = field(o, "name");
    if (offer.name.isEmpty())
        offer.name = field(o.value(QStringLiteral("itemOffered")).toObject(), "name");
    offer.availability = availability(field(o, "availability"));
    offer.url = resolveUrl(field(o, "url"), page.base);
    return offer;
}

// Offers flattened: a single Offer, an array, an AggregateOffer with or without its own
// offers list.
QList<Offer> readOffers(const QJsonValue &v, const Page &page)
{
    QList<Offer> out;
    for (const QJsonObject &o : objects(v, page)) {
        const QJsonValue inner = o.value(QStringLiteral("offers"));
        if (hasType(o, u"AggregateOffer") && (inner.isArray() || inner.isObject())) {
            QList<Offer> nested = readOffers(inner, page);
            if (!nested.isEmpty()) {
                // The nested offers may leave the currency to the aggregate.
                const QString currency = field(o, "priceCurrency");
                for (Offer &each : nested) {
                    if (each.currency.isEmpty())
                        each.currency = currency;
                }
                out += nested;
                continue;
            }
        }
        out.append(readOffer(o, page));
    }
    return out;
}

QString productSku(const QJsonObject &o)
{
    return firstField(o,
                      {"sku", "productID", "mpn", "gtin13", "gtin14", "gtin12", "gtin8", "gtin"});
}

// The first offer with a price, or why there is none.
std::optional<Offer> pricedOffer(const QList<Offer> &offers)
{
    for (const Offer &o : offers) {
        if (!o.price.isEmpty())
            return o;
    }
    return std::nullopt;
}

struct Refusal
{
    PageRefusal kind;
    QString error;
};

using Built = std::variant<PageProduct, Refusal>;

Refusal badPrice(const QString &what, const QString &why)
{
    return {PageRefusal::BadPrice, QStringLiteral("%1: %2").arg(what, why)};
}

// The fields every JSON-LD product and group share, with the meta tags filling gaps.
PageProduct common(const QJsonObject &o, const Page &page)
{
    PageProduct p;
    p.source = PageProduct::Source::JsonLd;
    p.name = field(o, "name");
    if (p.name.isEmpty())
        p.name = page.meta.value(QStringLiteral("og:title")).simplified();
    p.description = description(o.value(QStringLiteral("description")));
    if (p.description.isEmpty())
        p.description = page.meta
                            .value(QStringLiteral("og:description"),
                                   page.meta.value(QStringLiteral("description")))
                            .trimmed();
    p.brand = field(o, "brand");
    if (p.brand.isEmpty())
        p.brand = field(o, "manufacturer");
    p.category = category(o.value(QStringLiteral("category")));
    p.language = field(o, "inLanguage");
    if (p.language.isEmpty())
        p.language = page.lang;
    p.url = resolveUrl(field(o, "url"), page.base);
    if (p.url.isEmpty())
        p.url = resolveUrl(page.canonical, page.base);
    if (p.url.isEmpty())
        p.url = resolveUrl(page.meta.value(QStringLiteral("og:url")), page.base);
    if (p.url.isEmpty())
        p.url = page.base;
    addImages(o.value(QStringLiteral("image")), page.base, &p.images);
    if (p.images.isEmpty()) {
        for (const QString &image : page.metaImages)
            addImages(image, page.base, &p.images);
    }
    return p;
}

// The options a variant differs in: the group's variesBy properties, else the usual ones.
QList<std::pair<QString, QString>> variantOptions(const QJsonObject &variant,
                                                  const QStringList &variesBy)
{
    static const QStringList kUsual = {
        QStringLiteral("color"),        QStringLiteral("size"),
        QStringLiteral("material"),     QStringLiteral("pattern"),
        QStringLiteral("suggestedAge"), QStringLiteral("suggestedGender")};
    QList<std::pair<QString, QString>> options;
    for (const QString &property : variesBy.isEmpty() ? kUsual : variesBy) {
        QString value = field(variant, property.toLatin1().constData());
        if (value.isEmpty()) { // additionalProperty: [{"name": "size", "value": "M"}]
            for (const QJsonValue &each :
                 variant.value(QStringLiteral("additionalProperty")).toArray()) {
                const QJsonObject pv = each.toObject();
                if (field(pv, "name").compare(property, Qt::CaseInsensitive) == 0)
                    value = line(pv.value(QStringLiteral("value")));
            }
        }
        if (!value.isEmpty())
            options.append({property, value});
    }
    return options;
}

Built fromGroup(const QJsonObject &group, const QList<QJsonObject> &variants, const Page &page)
{
    PageProduct p = common(group, page);
    p.groupId = firstField(group, {"productGroupID", "sku", "productID"});
    QStringList variesBy;
    for (const QJsonValue &v : group.value(QStringLiteral("variesBy")).isArray()
                                   ? group.value(QStringLiteral("variesBy")).toArray()
                                   : QJsonArray{group.value(QStringLiteral("variesBy"))}) {
        const QString property = localName(v.toString());
        if (!property.isEmpty())
            variesBy << property;
    }
    const QList<Offer> groupOffers = readOffers(group.value(QStringLiteral("offers")), page);
    for (const QJsonObject &v : variants) {
        const QList<Offer> own = readOffers(v.value(QStringLiteral("offers")), page);
        const std::optional<Offer> offer = pricedOffer(own.isEmpty() ? groupOffers : own);
        QString sku = productSku(v);
        if (sku.isEmpty() && offer)
            sku = offer->sku;
        const QString what =
            QStringLiteral("variant %1 of \"%2\"")
                .arg(sku.isEmpty() ? QStringLiteral("#%1").arg(p.variants.size() + 1) : sku,
                     p.name);
        if (!offer)
            return badPrice(what, QStringLiteral("no offer with a price"));
        QString why;
        const std::optional<Money> price = readPrice(offer->price, offer->currency, &why);
        if (!price)
            return badPrice(what, why);
        PageVariant variant{.sku = sku,
                            .name = field(v, "name"),
                            .options = variantOptions(v, variesBy),
                            .price = *price,
                            .availability = offer->availability,
                            .images = {},
                            .url = resolveUrl(field(v, "url"), page.base)};
        if (variant.url.isEmpty())
            variant.url = offer->url;
        addImages(v.value(QStringLiteral("image")), page.base, &variant.images);
        for (const QString &image : variant.images) {
            if (!p.images.contains(image))
                p.images.append(image);
        }
        p.variants.append(variant);
    }
    return p;
}

Built fromProduct(const QJsonObject &o, const Page &page)
{
    PageProduct p = common(o, page);
    const QString sku = productSku(o);
    const QString what = QStringLiteral("the product \"%1\"").arg(p.name.isEmpty() ? sku : p.name);
    QList<Offer> offers = readOffers(o.value(QStringLiteral("offers")), page);
    if (offers.isEmpty() && page.meta.contains(QStringLiteral("product:price:amount"))) {
        // No offers in the JSON-LD, but the product tags carry the price.
        Offer fromTags;
        fromTags.price = page.meta.value(QStringLiteral("product:price:amount"));
        fromTags.currency = page.meta.value(QStringLiteral("product:price:currency"));
        offers.append(fromTags);
    }
    // Several offers, each with its own SKU, are the variants (Shopify's shape); otherwise the
    // first priced offer is the shop's price (later ones are often other sellers).
    QStringList offerSkus;
    for (const Offer &each : offers) {
        if (!each.sku.isEmpty() && !offerSkus.contains(each.sku))
            offerSkus << each.sku;
    }
    const bool perVariant = offers.size() >= 2 && offerSkus.size() == offers.size();
    if (!perVariant) {
        const std::optional<Offer> offer = pricedOffer(offers);
        if (!offer)
            return badPrice(what, offers.isEmpty() ? QStringLiteral("no offers")
                                                   : QStringLiteral("no offer with a price"));
        QString why;
        const std::optional<Money> price = readPrice(offer->price, offer->currency, &why);
        if (!price)
            return badPrice(what, why);
        QString variantSku = sku.isEmpty() ? offer->sku : sku;
        if (variantSku.isEmpty())
            variantSku = page.meta.value(QStringLiteral("product:retailer_item_id")).trimmed();
        p.variants.append(PageVariant{.sku = variantSku,
                                      .name = {},
                                      .options = {},
                                      .price = *price,
                                      .availability = offer->availability,
                                      .images = {},
                                      .url = offer->url});
        return p;
    }
    for (const Offer &offer : offers) {
        QString why;
        const std::optional<Money> price = readPrice(offer.price, offer.currency, &why);
        if (!price)
            return badPrice(QStringLiteral("the offer %1 of \"%2\"").arg(offer.sku, p.name), why);
        p.variants.append(PageVariant{.sku = offer.sku,
                                      .name = offer.name,
                                      .options = {},
                                      .price = *price,
                                      .availability = offer.availability,
                                      .images = {},
                                      .url = offer.url});
    }
    p.groupId = sku;
    return p;
}

// schema.org in JSON-LD: the first ProductGroup with variants, else the shallowest Product
// that has offers, else the shallowest Product (which then fails on its price).
std::optional<Built> fromJsonLd(const Page &page)
{
    for (const QJsonObject &o : page.nodes) {
        const bool group = hasType(o, u"ProductGroup") || hasType(o, u"Product");
        const QList<QJsonObject> variants = objects(o.value(QStringLiteral("hasVariant")), page);
        if (group && !variants.isEmpty())
            return fromGroup(o, variants, page);
    }
    const QJsonObject *firstProduct = nullptr;
    for (const QJsonObject &o : page.nodes) {
        if (!hasType(o, u"Product") && !hasType(o, u"ProductGroup"))
            continue;
        if (!o.value(QStringLiteral("offers")).isUndefined())
            return fromProduct(o, page);
        if (!firstProduct)
            firstProduct = &o;
    }
    if (firstProduct)
        return fromProduct(*firstProduct, page);
    return std::nullopt;
}

// OpenGraph with the product: namespace (Facebook's catalog tags), for pages without
// JSON-LD.
std::optional<Built> fromMetaTags(const Page &page)
{
    const auto meta = [&](const char *key) {
        return page.meta.value(QLatin1String(key)).trimmed();
    };
    const QString type = meta("og:type").toLower();
    const bool product = type == u"product" || type == u"og:product" || type == u"product.item" ||
                         type == u"product.group" || !meta("product:price:amount").isEmpty() ||
                         !meta("og:price:amount").isEmpty() ||
                         !meta("product:retailer_item_id").isEmpty();
    if (!product)
        return std::nullopt;
    PageProduct p;
    p.source = PageProduct::Source::OpenGraph;
    p.name = meta("og:title").simplified();
    if (p.name.isEmpty())
        p.name = page.title;
    if (p.name.isEmpty())
        return Built(Refusal{PageRefusal::NoProduct,
                             QStringLiteral("the page has OpenGraph product tags but no title")});
    p.description = meta("og:description");
    if (p.description.isEmpty())
        p.description = meta("description");
    p.brand = meta("product:brand").simplified();
    if (p.brand.isEmpty())
        p.brand = meta("og:brand").simplified();
    p.category = meta("product:category").simplified();
    p.language = page.lang;
    p.url = resolveUrl(meta("og:url"), page.base);
    if (p.url.isEmpty())
        p.url = resolveUrl(page.canonical, page.base);
    if (p.url.isEmpty())
        p.url = page.base;
    for (const QString &image : page.metaImages)
        addImages(image, page.base, &p.images);
    QString amount = meta("product:price:amount");
    QString currency = meta("product:price:currency");
    if (amount.isEmpty()) {
        amount = meta("og:price:amount");
        currency = meta("og:price:currency");
    }
    QString why;
    const std::optional<Money> price = readPrice(amount, currency, &why);
    if (!price)
        return Built(badPrice(QStringLiteral("the product \"%1\"").arg(p.name), why));
    p.variants.append(PageVariant{.sku = meta("product:retailer_item_id"),
                                  .name = {},
                                  .options = {},
                                  .price = *price,
                                  .availability = availability(meta("product:availability")),
                                  .images = {},
                                  .url = {}});
    return Built(p);
}

// Captcha and bot-challenge pages of the common providers (Amazon, Cloudflare, reCAPTCHA,
// hCaptcha, PerimeterX, DataDome) and their usual titles.
bool looksLikeRobotCheck(const Page &page)
{
    const QString title = page.title.toLower();
    for (QStringView marker :
         {u"robot check", u"captcha", u"are you a robot", u"are you a human", u"not a robot",
          u"attention required", u"just a moment", u"verify you are human", u"bot check",
          u"security check", u"access denied", u"ロボット", u"人机验证"}) {
        if (title.contains(marker))
            return true;
    }
    for (QStringView marker :
         {u"captcha", u"cf-challenge", u"challenge-platform", u"cf-chl-", u"px-block", u"datadome",
          u"/errors/validatecaptcha", u"robot check"}) {
        if (page.lowerText.contains(marker))
            return true;
    }
    return false;
}

Page readPage(const QByteArray &html, const QUrl &pageUrl, QByteArrayView contentType)
{
    Page page;
    page.base = pageUrl;
    const QString text = decodeHtml(html, contentType);
    page.lowerText = text.toLower();
    std::deque<QJsonValue> queue;
    for (const HtmlTag &tag : scanHtml(text)) {
        if (tag.name == u"html" && page.lang.isEmpty()) {
            page.lang = tag.attribute(u"lang").trimmed();
        } else if (tag.name == u"base" && page.base == pageUrl) {
            const QUrl base = resolveUrl(tag.attribute(u"href"), pageUrl);
            if (!base.isEmpty())
                page.base = base;
        } else if (tag.name == u"title" && page.title.isEmpty()) {
            page.title = tag.text;
        } else if (tag.name == u"link" && page.canonical.isEmpty() &&
                   tag.attribute(u"rel").toLower().split(u' ').contains(u"canonical")) {
            page.canonical = tag.attribute(u"href");
        } else if (tag.name == u"meta") {
            QString key = tag.attribute(u"property");
            if (key.isEmpty())
                key = tag.attribute(u"name");
            if (key.isEmpty())
                key = tag.attribute(u"itemprop");
            key = key.trimmed().toLower();
            const QString content = tag.attribute(u"content");
            if (key.isEmpty() || content.isNull())
                continue;
            if (key == u"og:image" || key == u"og:image:url" || key == u"og:image:secure_url") {
                if (!page.metaImages.contains(content.trimmed()))
                    page.metaImages << content.trimmed();
            } else if (!page.meta.contains(key)) {
                page.meta.insert(key, content);
            }
        } else if (tag.name == u"script" && tag.attribute(u"type").trimmed().toLower().startsWith(
                                                QStringLiteral("application/ld+json"))) {
            QString error;
            const QJsonDocument doc = parseLenientJson(tag.text, &error);
            if (!error.isEmpty())
                page.jsonErrors << error;
            else if (doc.isArray())
                queue.push_back(doc.array());
            else if (doc.isObject())
                queue.push_back(doc.object());
        }
    }
    // Breadth first over every script at once: the page's main entity is shallower than the
    // related products listed inside it.
    while (!queue.empty()) {
        const QJsonValue v = queue.front();
        queue.pop_front();
        if (v.isArray()) {
            for (const QJsonValue &each : v.toArray())
                queue.push_back(each);
        } else if (v.isObject()) {
            const QJsonObject o = v.toObject();
            page.nodes.append(o);
            const QString id = o.value(QStringLiteral("@id")).toString();
            if (!id.isEmpty() && o.size() > 2 && !page.byId.contains(id))
                page.byId.insert(id, o);
            for (auto it = o.begin(); it != o.end(); ++it) {
                if (it->isObject() || it->isArray())
                    queue.push_back(*it);
            }
        }
    }
    return page;
}

} // namespace

ExtractedProduct extractProduct(const QByteArray &html, const QUrl &pageUrl,
                                QByteArrayView contentType)
{
    const Page page = readPage(html, pageUrl, contentType);
    std::optional<Built> built = fromJsonLd(page);
    if (!built)
        built = fromMetaTags(page);
    ExtractedProduct out;
    if (built && std::holds_alternative<PageProduct>(*built)) {
        out.product = std::get<PageProduct>(std::move(*built));
        return out;
    }
    if (built) {
        const Refusal &r = std::get<Refusal>(*built);
        out.refusal = r.kind;
        out.error = r.error;
        return out;
    }
    if (looksLikeRobotCheck(page)) {
        out.refusal = PageRefusal::RobotCheck;
        out.error = QStringLiteral("the shop answered with a robot check (captcha) page instead "
                                   "of the product page");
        return out;
    }
    out.refusal = PageRefusal::NoProduct;
    out.error = QStringLiteral("no product on the page: no schema.org Product in JSON-LD and no "
                               "OpenGraph product tags (a redesigned page, or not a product "
                               "page)");
    if (!page.jsonErrors.isEmpty())
        out.error +=
            QStringLiteral("; a JSON-LD block could not be read: %1").arg(page.jsonErrors.first());
    return out;
}

} // namespace haitao::server::catalog
