#include "sim/shop.h"

#include "sim/generatedcatalog.h"

#include <QStringEncoder>

namespace haitao::sim {

namespace {

// ---- the catalog ----

ShopProduct single(const char *site, const char *id, PageLayout layout, const char *sku,
                   const QString &title, const QString &description, const QString &brand,
                   const QString &category, const char *price, QStringList images, QList<int> size,
                   int stock)
{
    ShopProduct p;
    p.site = QLatin1String(site);
    p.id = QLatin1String(id);
    p.layout = layout;
    p.sku = QLatin1String(sku);
    p.title = title;
    p.description = description;
    p.brand = brand;
    p.category = category;
    p.price = QLatin1String(price);
    p.images = std::move(images);
    p.weightG = size.value(0);
    p.lengthMm = size.value(1);
    p.widthMm = size.value(2);
    p.heightMm = size.value(3);
    p.stock = stock;
    return p;
}

QList<ShopProduct> buildCatalog()
{
    QList<ShopProduct> c;
    // US, dollars.
    c << single("us", "1001", PageLayout::JsonLd, "HP-32-SS",
                QStringLiteral("Hydro Peak Insulated Water Bottle, Stainless Steel, 32 oz"),
                QStringLiteral(
                    "Double-wall vacuum insulation keeps drinks cold for 24 hours and hot for 12.\n"
                    "Leak-proof lid, BPA-free."),
                QStringLiteral("Hydro Peak"), QStringLiteral("Outdoor > Hydration"), "24.99",
                {QStringLiteral("1001-front.gif"), QStringLiteral("1001-side.gif")},
                {420, 90, 90, 280}, 57);
    c << single(
        "us", "1002", PageLayout::JsonLdGraph, "TR2-GS",
        QStringLiteral("Trail Runner 2 Waterproof Running Shoes & Gaiter Set"),
        QStringLiteral("Lightweight trail running shoes with a waterproof membrane, a \"grippy\" "
                       "outsole and matching gaiters."),
        QStringLiteral("Summit Labs"), QStringLiteral("Shoes > Running"), "129.50",
        {QStringLiteral("1002-1.gif")}, {610, 320, 210, 120}, 12);
    ShopProduct sweater =
        single("us", "1003", PageLayout::Group, "MW-CREW",
               QStringLiteral("Men's Merino Wool Crew Sweater"),
               QStringLiteral("Fine-gauge merino wool, ribbed cuffs and hem."),
               QStringLiteral("Northfold"), QStringLiteral("Apparel > Sweaters"), "",
               {QStringLiteral("1003-navy.gif"), QStringLiteral("1003-charcoal.gif")},
               {380, 300, 250, 40}, 0);
    sweater.variants = {{QStringLiteral("MW-CREW-S-NVY"), QStringLiteral("S"),
                         QStringLiteral("Navy"), QStringLiteral("89.00"), 5},
                        {QStringLiteral("MW-CREW-M-NVY"), QStringLiteral("M"),
                         QStringLiteral("Navy"), QStringLiteral("89.00"), 8},
                        {QStringLiteral("MW-CREW-L-NVY"), QStringLiteral("L"),
                         QStringLiteral("Navy"), QStringLiteral("89.00"), 0},
                        {QStringLiteral("MW-CREW-M-CHR"), QStringLiteral("M"),
                         QStringLiteral("Charcoal"), QStringLiteral("94.00"), 3}};
    c << sweater;
    c << single(
        "us", "1004", PageLayout::OpenGraph, "CI-12",
        QStringLiteral("Cast Iron Skillet, 12\" & Lid"),
        QStringLiteral("Pre-seasoned cast iron skillet with a glass lid. Oven safe to 500°F."),
        QStringLiteral("Forge & Hearth"), QStringLiteral("Kitchen > Cookware"), "39.95",
        {QStringLiteral("1004-1.gif")}, {3400, 480, 310, 90}, 20);
    // Japan, yen (no minor unit).
    c << single("jp", "2001", PageLayout::JsonLd, "IW-TP-065",
                QStringLiteral("南部鉄器 急須 0.65L 黒"),
                QStringLiteral("岩手県の伝統工芸品。\n直火不可、茶こし付き。"),
                QStringLiteral("岩鋳"), QStringLiteral("キッチン > 茶器"), "8800",
                {QStringLiteral("2001-1.gif")}, {1100, 170, 140, 120}, 9);
    ShopProduct towel = single("jp", "2002", PageLayout::Group, "IM-BT",
                               QStringLiteral("今治タオル バスタオル 綿100% 日本製"),
                               QStringLiteral("吸水性に優れた今治タオルのバスタオルです。"),
                               QStringLiteral("今治織物"), QStringLiteral("バス > タオル"), "",
                               {QStringLiteral("2002-white.gif"), QStringLiteral("2002-navy.gif"),
                                QStringLiteral("2002-grey.gif")},
                               {500, 600, 300, 60}, 0);
    towel.variants = {
        {QStringLiteral("IM-BT-WH"), {}, QStringLiteral("ホワイト"), QStringLiteral("3300"), 30},
        {QStringLiteral("IM-BT-NV"), {}, QStringLiteral("ネイビー"), QStringLiteral("3300"), 12},
        {QStringLiteral("IM-BT-GY"), {}, QStringLiteral("グレー"), QStringLiteral("3520"), 7}};
    c << towel;
    c << single("jp", "2003", PageLayout::OpenGraph, "AR-MUG-01",
                QStringLiteral("有田焼 マグカップ 300ml 藍"),
                QStringLiteral("職人が一つずつ絵付けした有田焼のマグカップです。"),
                QStringLiteral("源右衛門窯"), QStringLiteral("食器 > マグカップ"), "2200",
                {QStringLiteral("2003-1.gif")}, {320, 120, 90, 95}, 15);
    // Germany, euros.
    c << single(
        "de", "3001", PageLayout::JsonLd, "KM-CL-ES",
        QStringLiteral("Kaffeemühle \"Classic\" – Edelstahl"),
        QStringLiteral("Kegelmahlwerk aus gehärtetem Stahl, 18 Mahlgrade.\nGröße: 20 × 9 cm."),
        QStringLiteral("Rheinwerk"), QStringLiteral("Küche > Kaffee"), "49.90",
        {QStringLiteral("3001-1.gif")}, {780, 200, 90, 90}, 40);
    ShopProduct boot =
        single("de", "3002", PageLayout::Group, "WS-ALP", QStringLiteral("Wanderschuh Alpin GTX"),
               QStringLiteral("Wasserdichter Wanderschuh mit Vibram-Sohle."),
               QStringLiteral("Bergfest"), QStringLiteral("Schuhe > Wandern"), "",
               {QStringLiteral("3002-1.gif")}, {1250, 330, 220, 130}, 0);
    boot.variants = {
        {QStringLiteral("WS-ALP-41"), QStringLiteral("41"), {}, QStringLiteral("159.95"), 4},
        {QStringLiteral("WS-ALP-42"), QStringLiteral("42"), {}, QStringLiteral("159.95"), 6},
        {QStringLiteral("WS-ALP-43"), QStringLiteral("43"), {}, QStringLiteral("164.95"), 2}};
    c << boot;
    c << single("de", "3003", PageLayout::OpenGraph, "LB-SET-135",
                QStringLiteral("Leinen-Bettwäsche Set 135×200 cm"),
                QStringLiteral("Stonewashed Leinen, Reißverschluss, 2-teilig."),
                QStringLiteral("Hausleinen"), QStringLiteral("Schlafen > Bettwäsche"), "89.00",
                {QStringLiteral("3003-1.gif")}, {1500, 400, 300, 80}, 11);
    // The partner's Chinese titles (the feed's title_zh), by "site/id".
    const QHash<QString, QString> zh = {
        {QStringLiteral("us/1001"), QStringLiteral("Hydro Peak 不锈钢保温水壶 32盎司")},
        {QStringLiteral("us/1002"), QStringLiteral("Trail Runner 2 防水越野跑鞋及绑腿套装")},
        {QStringLiteral("us/1003"), QStringLiteral("男士美利奴羊毛圆领毛衣")},
        {QStringLiteral("us/1004"), QStringLiteral("铸铁煎锅 12英寸 带盖")},
        {QStringLiteral("jp/2001"), QStringLiteral("南部铁器 铁壶 0.65升 黑色")},
        {QStringLiteral("jp/2002"), QStringLiteral("今治毛巾 浴巾 纯棉 日本制")},
        {QStringLiteral("jp/2003"), QStringLiteral("有田烧 马克杯 300毫升 蓝色")},
        {QStringLiteral("de/3001"), QStringLiteral("不锈钢手摇咖啡磨豆机")},
        {QStringLiteral("de/3002"), QStringLiteral("Alpin GTX 防水登山鞋")},
        {QStringLiteral("de/3003"), QStringLiteral("亚麻床品套装 135×200厘米")}};
    for (ShopProduct &p : c)
        p.titleZh = zh.value(p.site + u'/' + p.id);
    c += generatedProducts();
    return c;
}

// ---- text helpers ----

QString h(const QString &text)
{
    return text.toHtmlEscaped().replace(u'\'', QStringLiteral("&#39;"));
}

// A JSON string literal, safe inside <script>: "</" is written "<\/".
QString js(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        if (c == u'"' || c == u'\\') {
            out += u'\\';
            out += c;
        } else if (c == u'\n') {
            out += QStringLiteral("\\n");
        } else if (c.unicode() < 0x20) {
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    out += u'"';
    return out.replace(QStringLiteral("</"), QStringLiteral("<\\/"));
}

QString shownPrice(const QString &price, const ShopSite &site)
{
    if (site.currency == u"JPY") {
        QString digits = price;
        for (qsizetype at = digits.size() - 3; at > 0; at -= 3)
            digits.insert(at, u',');
        return QStringLiteral("￥") + digits + QStringLiteral("（税込）");
    }
    if (site.currency == u"EUR")
        return QString(price).replace(u'.', u',') + QStringLiteral(" €");
    if (site.currency == u"GBP")
        return QStringLiteral("£") + price;
    return QStringLiteral("$") + price;
}

QString productUrl(const ShopProduct &p, const QString &origin)
{
    return QStringLiteral("%1/shop/%2/products/%3").arg(origin, p.site, p.id);
}

QString imagePath(const ShopProduct &p, const QString &name)
{
    return QStringLiteral("/shop/%1/images/%2").arg(p.site, name);
}

QString availabilityUrl(int stock)
{
    return stock > 0 ? QStringLiteral("https://schema.org/InStock")
                     : QStringLiteral("https://schema.org/OutOfStock");
}

QString variantLabel(const ShopVariant &v)
{
    QStringList parts;
    if (!v.size.isEmpty())
        parts << v.size;
    if (!v.color.isEmpty())
        parts << v.color;
    return parts.join(QStringLiteral(" / "));
}

// ---- JSON-LD, one shape per layout (they differ on purpose: price as number or string,
// brand as object or string, image as string, array or ImageObject, wrappers) ----

QString breadcrumbJsonLd(const ShopProduct &p, const ShopSite &site, const QString &origin)
{
    return QStringLiteral(R"({"@context": "https://schema.org", "@type": "BreadcrumbList",
 "itemListElement": [{"@type": "ListItem", "position": 1, "name": %1, "item": "%2/shop/%3/"},
  {"@type": "ListItem", "position": 2, "name": %4}]})")
        .arg(js(site.name), origin, p.site, js(p.title));
}

QString singleJsonLd(const ShopProduct &p, const ShopSite &site, const QString &origin)
{
    const bool jp = p.site == u"jp";
    const bool de = p.site == u"de";
    QString image;
    if (jp) {
        image = js(origin + imagePath(p, p.images.value(0)));
    } else if (de) {
        image = QStringLiteral(R"({"@type": "ImageObject", "contentUrl": %1, "width": 800})")
                    .arg(js(imagePath(p, p.images.value(0))));
    } else { // one relative, one absolute
        QStringList all;
        for (qsizetype i = 0; i < p.images.size(); ++i)
            all << js((i == 0 ? QString() : origin) + imagePath(p, p.images[i]));
        image = u'[' + all.join(QStringLiteral(", ")) + u']';
    }
    const QString brand =
        jp ? js(p.brand) : QStringLiteral(R"({"@type": "Brand", "name": %1})").arg(js(p.brand));
    const QString price = jp ? p.price : js(p.price); // 8800 as a JSON number
    return QStringLiteral(R"({
  "@context": "https://schema.org/",
  "@type": "Product",
  "name": %1,
  "image": %2,
  "description": %3,
  "sku": %4,
  "brand": %5,
  "category": %6,
  "aggregateRating": {"@type": "AggregateRating", "ratingValue": 4.7, "reviewCount": 312},
  "offers": {
    "@type": "Offer",
    "url": %7,
    "priceCurrency": %8,
    "price": %9,
    "availability": %10,
    "itemCondition": "https://schema.org/NewCondition"
  }
})")
        .arg(js(p.title), image, js(p.description), js(p.sku), brand, js(p.category),
             js(productUrl(p, origin)), js(site.currency), price)
        .arg(js(availabilityUrl(p.stock)));
}

QString graphJsonLd(const ShopProduct &p, const ShopSite &site, const QString &origin,
                    const QString &highPrice)
{
    const QString url = productUrl(p, origin);
    // The name HTML-escaped a second time, as some shop templates do; the price a number.
    return QStringLiteral(R"({"@context":"https://schema.org","@graph":[
{"@type":"WebSite","@id":"%1/#website","url":"%1/shop/%2/","name":%3},
{"@type":"WebPage","@id":"%4#webpage","url":"%4","isPartOf":{"@id":"%1/#website"}},
{"@type":["Product","Thing"],"@id":"%4#product","mainEntityOfPage":{"@id":"%4#webpage"},
 "name":%5,"description":%6,"sku":%7,"brand":{"@type":"Brand","name":%8},"category":%9,
 "image":[{"@type":"ImageObject","url":"../images/%10"}],
 "offers":{"@type":"AggregateOffer","lowPrice":%11,"highPrice":%12,"priceCurrency":"%13","offerCount":3},}
]})")
        .arg(origin, p.site, js(site.name), url, js(h(p.title)), js(p.description), js(p.sku),
             js(p.brand), js(p.category))
        .arg(p.images.value(0), p.price, highPrice, site.currency);
}

// The picture of the variant's colour when there is one by that name, else by position.
QString variantImage(const ShopProduct &p, const ShopVariant &v, int index)
{
    for (const QString &name : p.images) {
        if (!v.color.isEmpty() && name.contains(v.color.toLower()))
            return name;
    }
    return p.images.value(qMin<qsizetype>(index, p.images.size() - 1));
}

QString variantJsonLd(const ShopProduct &p, const ShopVariant &v, const ShopSite &site,
                      const QString &origin, int index, bool numberPrice, bool withId)
{
    QString properties;
    if (!v.size.isEmpty())
        properties += QStringLiteral(R"("size": %1, )").arg(js(v.size));
    if (!v.color.isEmpty())
        properties += QStringLiteral(R"("color": %1, )").arg(js(v.color));
    const QString id =
        withId ? QStringLiteral(R"("@id": "#%1", "isVariantOf": {"@id": "#group"}, )").arg(v.sku)
               : QString();
    return QStringLiteral(R"({"@type": "Product", %1"sku": %2, "name": %3, %4"image": %5,
   "offers": {"@type": "Offer", "url": %6, "price": %7, "priceCurrency": "%8",
              "availability": "%9"}})")
        .arg(id, js(v.sku), js(p.title + QStringLiteral(" - ") + variantLabel(v)), properties,
             js(imagePath(p, variantImage(p, v, index))),
             js(productUrl(p, origin) + QStringLiteral("?variant=") + v.sku),
             numberPrice ? v.price : js(v.price), site.currency, availabilityUrl(v.stock));
}

QString groupJsonLd(const ShopProduct &p, const ShopSite &site, const QString &origin)
{
    bool bySize = false;
    bool byColor = false;
    for (const ShopVariant &v : p.variants) {
        bySize = bySize || !v.size.isEmpty();
        byColor = byColor || !v.color.isEmpty();
    }
    QStringList variesBy;
    if (bySize)
        variesBy << QStringLiteral("\"https://schema.org/size\"");
    if (byColor)
        variesBy << QStringLiteral("\"https://schema.org/color\"");
    const bool de = p.site == u"de"; // variants as @graph nodes, referenced by @id
    const bool numberPrice = p.site != u"jp";
    QStringList variants;
    QStringList refs;
    for (int i = 0; i < p.variants.size(); ++i) {
        variants << variantJsonLd(p, p.variants[i], site, origin, i, numberPrice, de);
        refs << QStringLiteral(R"({"@id": "#%1"})").arg(p.variants[i].sku);
    }
    const QString group =
        QStringLiteral(R"({"@type": "ProductGroup", %1"name": %2,
 "description": %3, "url": %4, "brand": {"@type": "Brand", "name": %5}, "category": %6,
 "productGroupID": %7, "variesBy": [%8],
 "hasVariant": [
  %9
 ]})")
            .arg(de ? QStringLiteral(R"("@id": "#group", )") : QString(), js(p.title),
                 js(p.description), js(productUrl(p, origin)), js(p.brand), js(p.category),
                 js(p.sku), variesBy.join(QStringLiteral(", ")))
            .arg((de ? refs : variants).join(QStringLiteral(",\n  ")));
    if (de)
        return QStringLiteral(R"({"@context": "https://schema.org", "@graph": [%1,
%2]})")
            .arg(group, variants.join(QStringLiteral(",\n")));
    return QStringLiteral(R"({"@context": "https://schema.org/", )") + group.mid(1);
}

// ---- whole pages ----

QString pageHead(const ShopProduct &p, const ShopSite &site, const QString &origin,
                 const QString &charset)
{
    return QStringLiteral(R"(<!DOCTYPE html>
<html lang="%1" class="no-js">
<head>
<meta charset="%2">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%3 | %4</title>
<link rel="canonical" href="%5">
<link rel="stylesheet" href="/shop/%6/assets/site.css">
<meta name="description" content="%7">
<meta property="og:site_name" content="%4">
)")
        .arg(site.language, charset, h(p.title), h(site.name), h(productUrl(p, origin)), p.site,
             h(p.description.section(u'\n', 0, 0)));
}

QString pageBody(const ShopProduct &p, const ShopSite &site)
{
    QString variants;
    if (!p.variants.isEmpty()) {
        variants = QStringLiteral("<label for=\"variant\">Option</label>\n<select id=\"variant\" "
                                  "name=\"variant\">\n");
        for (const ShopVariant &v : p.variants)
            variants += QStringLiteral("<option value=\"%1\"%2>%3 &mdash; %4</option>\n")
                            .arg(h(v.sku), v.stock > 0 ? QString() : QStringLiteral(" disabled"),
                                 h(variantLabel(v)), h(shownPrice(v.price, site)));
        variants += QStringLiteral("</select>\n");
    }
    const QString price = p.variants.isEmpty() ? p.price : p.variants.first().price;
    QString description = h(p.description);
    description.replace(u'\n', QStringLiteral("<br>\n"));
    return QStringLiteral(R"(</head>
<body class="product-page">
<!-- <meta property="og:title" content="a commented-out tag is no tag"> -->
<header class="site-header"><a class="logo" href="/shop/%1/">%2</a>
<nav><a href="/shop/%1/new">New</a> <a href="/shop/%1/sale">Sale</a></nav></header>
<main id="main">
<nav class="breadcrumb"><a href="/shop/%1/">Home</a> &rsaquo; %3</nav>
<h1 class="product-title">%4</h1>
<div class="price" data-price="%5">%6</div>
<div class="gallery"><img src="../images/%7" alt="%4" width="800" height="800"></div>
<form action="/shop/%1/cart" method="post">
%8<button type="submit" class="add-to-cart">Add to cart</button>
</form>
<section class="description"><h2>Details</h2><p>%9</p></section>
</main>
<script>
  window.dataLayer = window.dataLayer || [];
  if (window.innerWidth < 600 && document.title.length > 0) { document.body.className += " narrow"; }
  var tpl = '<meta property="og:price:amount" content="0">';
</script>
<footer><p>&copy; 2025 %2</p></footer>
</body>
</html>
)")
        .arg(p.site, h(site.name), h(p.category), h(p.title), price, h(shownPrice(price, site)),
             p.images.value(0), variants, description);
}

QString openGraphTags(const ShopProduct &p, const ShopSite &site, const QString &origin)
{
    // og:image relative, which the protocol does not allow and shops do anyway.
    return QStringLiteral(R"(<meta property="og:type" content="product">
<meta property="og:title" content="%1">
<meta property="og:description" content="%2">
<meta property="og:url" content="%3">
<meta property="og:image" content="%4">
<meta property="product:brand" content="%5">
<meta property="product:category" content="%6">
<meta property="product:price:amount" content="%7">
<meta property="product:price:currency" content="%8">
<meta property="product:retailer_item_id" content="%9">
<meta property="product:availability" content="%10">
)")
        .arg(h(p.title), h(p.description), h(productUrl(p, origin)),
             imagePath(p, p.images.value(0)), h(p.brand), h(p.category), p.price, site.currency,
             h(p.sku))
        .arg(p.stock > 0 ? QStringLiteral("in stock") : QStringLiteral("out of stock"));
}

QString productHtml(const ShopProduct &p, const ShopSite &site, const QString &origin,
                    const QString &charset)
{
    QString head = pageHead(p, site, origin, charset);
    const QString ld = QStringLiteral("<script type=\"application/ld+json\">\n%1\n</script>\n");
    switch (p.layout) {
    case PageLayout::JsonLd:
        head += QStringLiteral("<meta property=\"og:type\" content=\"product\">\n"
                               "<meta property=\"og:title\" content=\"%1\">\n")
                    .arg(h(p.title));
        head += ld.arg(breadcrumbJsonLd(p, site, origin));
        if (p.site == u"de") // upper case, single quotes, an HTML comment around the JSON
            head += QStringLiteral("<SCRIPT TYPE='application/ld+json'><!--\n%1\n--></SCRIPT>\n")
                        .arg(singleJsonLd(p, site, origin));
        else if (p.site == u"jp") // other attributes first
            head += QStringLiteral("<script data-rh=\"true\" async type=\"application/ld+json\" "
                                   ">%1</script>\n")
                        .arg(singleJsonLd(p, site, origin));
        else
            head += ld.arg(singleJsonLd(p, site, origin));
        break;
    case PageLayout::JsonLdGraph: {
        // The top of the range: the gaiters in a bigger size cost 20 more.
        const QString high = QString::number(p.price.section(u'.', 0, 0).toInt() + 20) + u'.' +
                             p.price.section(u'.', 1);
        head += QStringLiteral("<script type=\"application/ld+json\" class=\"yoast-schema-graph\">"
                               "%1</script>\n")
                    .arg(graphJsonLd(p, site, origin, high));
        break;
    }
    case PageLayout::Group:
        if (p.site == u"jp") // a CDATA wrapper
            head += QStringLiteral("<script type=\"application/ld+json\">//<![CDATA[\n%1\n//]]>"
                                   "</script>\n")
                        .arg(groupJsonLd(p, site, origin));
        else
            head += ld.arg(groupJsonLd(p, site, origin));
        break;
    case PageLayout::OpenGraph:
        head += openGraphTags(p, site, origin);
        break;
    }
    return head + pageBody(p, site);
}

// The shop after a redesign: the product is still shown, but its data moved into the app's
// own state; no JSON-LD, no product tags.
QString redesignHtml(const ShopProduct &p, const ShopSite &site, const QString &origin)
{
    return QStringLiteral(R"(<!doctype html>
<html lang="%1"><head><meta charset="utf-8"><title>%2 – %3</title>
<meta property="og:type" content="website"><meta property="og:title" content="%3">
<meta property="og:url" content="%4">
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"item":{"id":%5,"title":%6,"amount":%7}}}}</script>
</head><body><div id="__next"><div class="pdp-v2"><h1>%2</h1><span class="pdp-price">%8</span></div></div>
<script src="/shop/%9/_next/static/chunks/main.js" defer></script></body></html>
)")
        .arg(site.language, h(p.title), h(site.name), h(productUrl(p, origin)), js(p.sku),
             js(p.title), js(p.price), h(shownPrice(p.price, site)))
        .arg(p.site);
}

QString captchaHtml(const ShopSite &site)
{
    return QStringLiteral(R"(<!doctype html>
<html><head><meta charset="utf-8"><title>Robot Check</title>
<meta name="robots" content="noindex,nofollow"></head>
<body><div class="a-container"><h4>Enter the characters you see below</h4>
<p class="a-last">Sorry, we just need to make sure you're not a robot. For best results, please
make sure your browser is accepting cookies.</p>
<form method="get" action="/errors/validateCaptcha" name="">
<img src="/shop/%1/images/captcha.gif" alt="">
<input autocomplete="off" spellcheck="false" placeholder="Type characters" id="captchacharacters"
 name="field-keywords" type="text">
<button type="submit" class="a-button-text">Continue shopping</button></form>
<p>&copy; %2</p></div></body></html>
)")
        .arg(site.code, h(site.name));
}

QString csvField(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') &&
        !value.contains(u'\r'))
        return value;
    return u'"' + QString(value).replace(QStringLiteral("\""), QStringLiteral("\"\"")) + u'"';
}

quint32 fnv1a(const QByteArray &bytes)
{
    quint32 hash = 2166136261u;
    for (const char c : bytes) {
        hash ^= quint8(c);
        hash *= 16777619u;
    }
    return hash;
}

} // namespace

QList<ShopSite> Shops::sites()
{
    return {{QStringLiteral("us"), QStringLiteral("USD"), QStringLiteral("en-US"),
             QStringLiteral("Trailhead Outfitters")},
            {QStringLiteral("jp"), QStringLiteral("JPY"), QStringLiteral("ja-JP"),
             QStringLiteral("東京キッチンストア")},
            {QStringLiteral("de"), QStringLiteral("EUR"), QStringLiteral("de-DE"),
             QStringLiteral("Berliner Hausrat")},
            {QStringLiteral("uk"), QStringLiteral("GBP"), QStringLiteral("en-GB"),
             QStringLiteral("Camden Wardrobe")}};
}

std::optional<ShopSite> Shops::site(const QString &code)
{
    for (const ShopSite &s : sites()) {
        if (s.code == code)
            return s;
    }
    return std::nullopt;
}

QList<ShopProduct> Shops::catalog()
{
    static const QList<ShopProduct> catalog = buildCatalog();
    return catalog;
}

std::optional<Shops::View> Shops::viewFromName(const QString &name)
{
    if (name == u"normal")
        return View::Normal;
    if (name == u"captcha")
        return View::Captcha;
    if (name == u"redesign")
        return View::Redesign;
    return std::nullopt;
}

std::optional<ShopProduct> Shops::product(const QString &site, const QString &id) const
{
    for (ShopProduct p : catalog()) {
        if (p.site != site || p.id != id)
            continue;
        std::lock_guard lock(m_mutex);
        const Override o = m_overrides.value(site + u'/' + id);
        if (o.price) {
            p.price = *o.price;
            for (ShopVariant &v : p.variants)
                v.price = *o.price;
        }
        return p;
    }
    return std::nullopt;
}

Shops::View Shops::viewOf(const QString &key) const
{
    std::lock_guard lock(m_mutex);
    return m_overrides.value(key).view.value_or(View::Normal);
}

Shops::Page Shops::productPage(const QString &siteCode, const QString &id, std::optional<View> view,
                               const QString &origin) const
{
    const std::optional<ShopSite> site = Shops::site(siteCode);
    const std::optional<ShopProduct> p = site ? product(siteCode, id) : std::nullopt;
    if (!p) {
        const QByteArray body = "<!doctype html><html><head><title>Not found</title></head>"
                                "<body><h1>This page could not be found</h1></body></html>\n";
        return {404, "text/html; charset=utf-8", body};
    }
    switch (view.value_or(viewOf(siteCode + u'/' + id))) {
    case View::Captcha:
        return {200, "text/html; charset=utf-8", captchaHtml(*site).toUtf8()};
    case View::Redesign:
        return {200, "text/html; charset=utf-8", redesignHtml(*p, *site, origin).toUtf8()};
    case View::Normal:
        break;
    }
    // The Japanese OpenGraph page is in Shift_JIS, declared only in its <meta charset>, as
    // older Japanese shops still are (UTF-8 where the platform has no Shift_JIS codec).
    if (p->site == u"jp" && p->layout == PageLayout::OpenGraph) {
        QStringEncoder sjis("Shift_JIS");
        if (sjis.isValid()) {
            const QByteArray body =
                sjis.encode(productHtml(*p, *site, origin, QStringLiteral("Shift_JIS")));
            if (!sjis.hasError())
                return {200, "text/html", body};
        }
    }
    return {200, "text/html; charset=utf-8",
            productHtml(*p, *site, origin, QStringLiteral("utf-8")).toUtf8()};
}

Shops::Page Shops::feed(const QString &siteCode, const QString &origin) const
{
    const std::optional<ShopSite> site = Shops::site(siteCode);
    if (!site)
        return {404, "text/plain; charset=utf-8", "no such shop\n"};
    QString csv =
        QStringLiteral("sku,title,price,currency,description,brand,category,url,"
                       "image_urls,weight_g,length_mm,width_mm,height_mm,stock,title_zh\r\n");
    for (const ShopProduct &listed : catalog()) {
        if (listed.site != siteCode)
            continue;
        const ShopProduct p = *product(listed.site, listed.id);
        QStringList images;
        for (const QString &name : p.images)
            images << origin + imagePath(p, name);
        const auto row = [&](const QString &sku, const QString &title, const QString &titleZh,
                             const QString &price, int stock) {
            const QStringList fields = {sku,
                                        title,
                                        price,
                                        site->currency,
                                        p.description,
                                        p.brand,
                                        p.category,
                                        productUrl(p, origin),
                                        images.join(u'|'),
                                        QString::number(p.weightG),
                                        QString::number(p.lengthMm),
                                        QString::number(p.widthMm),
                                        QString::number(p.heightMm),
                                        QString::number(stock),
                                        titleZh};
            QStringList quoted;
            for (const QString &f : fields)
                quoted << csvField(f);
            csv += quoted.join(u',') + QStringLiteral("\r\n");
        };
        if (p.variants.isEmpty()) {
            row(p.sku, p.title, p.titleZh, p.price, p.stock);
        } else {
            // No group column: each variant is a product of its own, named after its option.
            for (const ShopVariant &v : p.variants) {
                const QString label = QStringLiteral(" (%1)").arg(variantLabel(v));
                row(v.sku, p.title + label, p.titleZh.isEmpty() ? QString() : p.titleZh + label,
                    v.price, v.stock);
            }
        }
    }
    return {200, "text/csv; charset=utf-8", csv.toUtf8()};
}

std::optional<ShopOffer> Shops::offer(const QString &siteCode, const QString &sku) const
{
    for (const ShopProduct &listed : catalog()) {
        if (listed.site != siteCode)
            continue;
        if (listed.variants.isEmpty() && listed.sku == sku) {
            const ShopProduct p = *product(listed.site, listed.id);
            return ShopOffer{p.sku, p.title, p.price, p.stock};
        }
        for (const ShopVariant &listedVariant : listed.variants) {
            if (listedVariant.sku != sku)
                continue;
            const ShopProduct p = *product(listed.site, listed.id);
            for (const ShopVariant &v : p.variants) {
                if (v.sku == sku)
                    return ShopOffer{v.sku, QStringLiteral("%1 (%2)").arg(p.title, variantLabel(v)),
                                     v.price, v.stock};
            }
        }
    }
    return std::nullopt;
}

Shops::Page Shops::image(const QString &name)
{
    // GIF89a, 1x1, a two-colour global table whose first colour comes from the name: every
    // image distinct and the same on every run.
    const quint32 rgb = fnv1a(name.toUtf8());
    QByteArray gif("GIF89a\x01\x00\x01\x00\x80\x00\x00", 13);
    gif.append(char(rgb >> 16)).append(char(rgb >> 8)).append(char(rgb));
    gif.append("\x00\x00\x00", 3);
    gif.append("\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00", 10); // image descriptor
    gif.append("\x02\x02\x44\x01\x00", 5);                      // LZW: one pixel of colour 0
    gif.append('\x3b');
    return {200, "image/gif", gif};
}

bool Shops::setOverride(const QString &site, const QString &id, const std::optional<QString> &price,
                        std::optional<View> view)
{
    if (!product(site, id))
        return false;
    std::lock_guard lock(m_mutex);
    Override &o = m_overrides[site + u'/' + id];
    if (price)
        o.price = price;
    if (view)
        o.view = view;
    return true;
}

void Shops::clearOverrides()
{
    std::lock_guard lock(m_mutex);
    m_overrides.clear();
}

} // namespace haitao::sim
