#pragma once

#include "core/money.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>
#include <utility>

namespace haitao::server::catalog {

// One purchasable variant of a product page: a single product has exactly one.
struct PageVariant
{
    // The shop's SKU: sku, else productID, mpn or a GTIN, else the offer's sku; empty when the
    // page states none.
    QString sku;
    QString name; // the variant's own name, when the page gives one
    // ("size", "M"), ("color", "Blue"): in the order the group lists what varies.
    QList<std::pair<QString, QString>> options;
    Money price;          // positive, in the page's own currency
    QString availability; // "InStock", "OutOfStock", ...; empty if the page does not say
    QStringList images;   // the variant's own, absolute http(s)
    QUrl url;             // the variant's own page, if it has one
};

struct PageProduct
{
    enum class Source { JsonLd, OpenGraph };
    Source source = Source::JsonLd;
    QString name; // entity-decoded, whitespace collapsed
    QString description;
    QString brand;
    QString category;
    // ProductGroup productGroupID (or its sku); for a Product whose offers are its variants,
    // the Product's sku; empty for a single product.
    QString groupId;
    QString language;   // BCP 47 from inLanguage or <html lang>, e.g. "ja-JP"; empty if unsaid
    QUrl url;           // the product's canonical URL, else the page URL
    QStringList images; // absolute http(s) URLs, page order, no duplicates
    QList<PageVariant> variants; // at least one
};

// Why a page gave no product. The URL import answers each with its own problem.
enum class PageRefusal {
    None,
    RobotCheck, // a captcha or bot-challenge page instead of the shop's page
    NoProduct,  // no schema.org Product and no OpenGraph product tags: a redesign, a wrong URL
    BadPrice,   // a product, but its price or currency is missing, malformed or unsupported
};

struct ExtractedProduct
{
    std::optional<PageProduct> product;
    PageRefusal refusal = PageRefusal::None;
    QString error; // English, for the problem's detail; empty when there is a product

    bool ok() const { return product.has_value(); }
};

// Reads the product on a shop page: schema.org Product or ProductGroup (with hasVariant) from
// every JSON-LD script, else the OpenGraph and product: meta tags. Prices go through
// Money::parse from the page's own text, never through a double; a price with more decimals
// than its currency has is refused (trailing zeros aside: "1980.00" JPY is 1980). Relative
// URLs resolve against <base href>, else `pageUrl`. `contentType` is the response's
// Content-Type header, for its charset.
ExtractedProduct extractProduct(const QByteArray &html, const QUrl &pageUrl,
                                QByteArrayView contentType = {});

} // namespace haitao::server::catalog
