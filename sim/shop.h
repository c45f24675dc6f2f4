#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <mutex>
#include <optional>

namespace haitao::sim {

// How a product page carries its data, the variants URL import must read.
enum class PageLayout {
    JsonLd,      // one Product with an Offer
    JsonLdGraph, // an @graph with WebSite, WebPage and a Product with an AggregateOffer
    Group,       // a ProductGroup whose hasVariant lists a Product per size and colour
    OpenGraph,   // no JSON-LD: og: and product: meta tags only
};

struct ShopVariant
{
    QString sku;
    QString size;  // empty when the group does not vary by size
    QString color; // the same for colour
    QString price; // major units as the page writes it
    int stock = 0;
};

struct ShopProduct
{
    QString site; // "us", "jp", "de", "uk"
    QString id;   // in the URL: /shop/{site}/products/{id}
    PageLayout layout = PageLayout::JsonLd;
    QString sku; // the product's SKU, or the group's id
    QString title;
    QString titleZh; // the partner's own Chinese title, in the feed's title_zh column
    QString description;
    QString brand;
    QString category;
    QString price;      // single products; a group's variants carry their own
    QStringList images; // names under /shop/{site}/images/
    int weightG = 0;
    int lengthMm = 0;
    int widthMm = 0;
    int heightMm = 0;
    int stock = 0;
    QList<ShopVariant> variants; // Group only
};

struct ShopSite
{
    QString code;     // "us"
    QString currency; // "USD"
    QString language; // "en-US"
    QString name;     // the shop's name in page titles
};

// One SKU as the merchant order API sells it: the page price (with overrides) and stock.
struct ShopOffer
{
    QString sku;
    QString title;
    QString price; // major units
    int stock = 0;
};

// The simulated foreign shops: a US (USD), a Japanese (JPY), a German (EUR) and a British
// (GBP) one, each with product pages (the first ones of every layout, then generated ones,
// sim/generatedcatalog.h), a CSV feed and product images. Tests may change a
// product's price or swap its page for a captcha or a redesign (the control plane), so a
// price refresh sees the shop change; everything else is fixed, the same on every run.
class Shops
{
public:
    static QList<ShopSite> sites();
    static std::optional<ShopSite> site(const QString &code);
    // The catalog as first served, before any override.
    static QList<ShopProduct> catalog();

    enum class View { Normal, Captcha, Redesign };
    static std::optional<View> viewFromName(const QString &name); // normal, captcha, redesign

    struct Page
    {
        int status = 200;
        QByteArray contentType;
        QByteArray body;
    };
    // GET /shop/{site}/products/{id}[?view=captcha|redesign]; `origin` is "http://host:port"
    // for absolute URLs. The view in the query wins over one set through the control plane.
    Page productPage(const QString &site, const QString &id, std::optional<View> view,
                     const QString &origin) const;
    // GET /shop/{site}/feed.csv: every SKU of the site, one row per variant.
    Page feed(const QString &site, const QString &origin) const;
    // The SKU (a single product's or a variant's) of the site, as the shop sells it now.
    std::optional<ShopOffer> offer(const QString &site, const QString &sku) const;
    // GET /shop/{site}/images/{name}: a 1x1 GIF whose colour depends on the name.
    static Page image(const QString &name);

    // POST /__sim/shop/products/{site}/{id}: false if there is no such product.
    bool setOverride(const QString &site, const QString &id, const std::optional<QString> &price,
                     std::optional<View> view);
    void clearOverrides();

private:
    struct Override
    {
        std::optional<QString> price;
        std::optional<View> view;
    };
    std::optional<ShopProduct> product(const QString &site, const QString &id) const;
    View viewOf(const QString &key) const;

    mutable std::mutex m_mutex;
    QHash<QString, Override> m_overrides; // by "site/id"
};

} // namespace haitao::sim
