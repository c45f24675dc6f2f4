// One-click URL import, the parts below the service: reading a product from a shop page
// (JSON-LD, OpenGraph), the SSRF guard on the fetcher, and haitao-sim's shops, feed and fake
// machine translation, fetched over HTTP with its fault switches.
#include "backend/catalog/htmlscan.h"
#include "backend/catalog/lenientjson.h"
#include "backend/catalog/productpage.h"
#include "backend/integrations/addressguard.h"
#include "backend/integrations/httpfetch.h"
#include "sim/simserver.h"
#include "tests/support/syncclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringEncoder>
#include <QTcpServer>
#include <QTest>

using haitao::Money;
using haitao::server::AddressKind;
using haitao::server::AddressPolicy;
using haitao::server::classifyAddress;
using haitao::server::FetchOptions;
using haitao::server::FetchResult;
using haitao::server::httpGet;
using haitao::testing::SyncClient;
namespace catalog = haitao::server::catalog;
using catalog::PageProduct;
using catalog::PageRefusal;

Q_DECLARE_METATYPE(PageRefusal)
Q_DECLARE_METATYPE(AddressKind)
Q_DECLARE_METATYPE(PageProduct::Source)

// Raw strings below write "//" in JSON as "\/\/" (the same string to a JSON
// parser): Qt 6.4's moc reads raw strings as ordinary ones and, on a line where its quotes no
// longer pair up, takes "//" for a comment and then loses the test class.
namespace {

const QUrl kPage(QStringLiteral("https://shop.example/en/products/kettle?ref=home"));

// A page around `head` (the part that carries the data) with a realistic body.
QByteArray page(const QByteArray &head, const QByteArray &body = "<h1>Kettle</h1>")
{
    return "<!DOCTYPE html>\n<html lang=\"en-US\"><head><meta charset=\"utf-8\">\n<title>Kettle | "
           "Shop</title>\n" +
           head + "\n</head><body>" + body + "</body></html>\n";
}

QByteArray ldScript(const QByteArray &json)
{
    return "<script type=\"application/ld+json\">" + json + "</script>";
}

// A JSON-LD Product whose offers are `offers`.
QByteArray productWithOffers(const QByteArray &offers)
{
    return page(ldScript(R"({"@context": "https:\/\/schema.org", "@type": "Product",
        "name": "Kettle", "sku": "K-1", "offers": )" +
                         offers + "}"));
}

// "USD 19.99" or the refusal, for compact table rows.
QString priceOf(const catalog::ExtractedProduct &r)
{
    if (!r.ok())
        return QStringLiteral("refused: ") + r.error;
    const Money &m = r.product->variants.first().price;
    return m.currency().code() + u' ' + m.toString();
}

QString optionsOf(const catalog::PageVariant &v)
{
    QStringList out;
    for (const auto &[name, value] : v.options)
        out << name + u'=' + value;
    return out.join(u", ");
}

// A started sim; stopped at scope exit.
struct Sim
{
    haitao::sim::SimServer server;
    QString base;

    Sim()
    {
        QString error;
        if (!server.start(QStringLiteral("127.0.0.1"), 0, &error))
            qFatal("cannot start the sim: %s", qPrintable(error));
        base = QStringLiteral("http://127.0.0.1:%1").arg(server.port());
    }
    QUrl url(const QString &path) const { return QUrl(base + path); }
    // The sim's own address allowed, as the server's tests configure it.
    FetchOptions allowed() const
    {
        FetchOptions o;
        QString error;
        o.addressPolicy = AddressPolicy::fromAllowList(
            {QStringLiteral("127.0.0.1:%1").arg(server.port())}, &error);
        if (!o.addressPolicy)
            qFatal("allow-list: %s", qPrintable(error));
        return o;
    }
    catalog::ExtractedProduct extract(const QString &path, FetchResult *fetched = nullptr) const
    {
        const FetchResult r = httpGet(url(path), allowed());
        if (fetched)
            *fetched = r;
        if (!r.error.isEmpty() || r.status != 200)
            return {std::nullopt, PageRefusal::NoProduct,
                    QStringLiteral("fetch failed: %1 %2").arg(r.status).arg(r.error)};
        return catalog::extractProduct(r.body, r.effectiveUrl, r.header("content-type"));
    }
    haitao::client::RawResponse send(const QByteArray &method, const QString &path,
                                     const QByteArray &json = {})
    {
        SyncClient c{QUrl(base)};
        return c.raw(method, path, json, {{"Content-Type", "application/json"}});
    }
};

} // namespace

class TstProductPage : public QObject
{
    Q_OBJECT

private slots:
    // ---- the HTML scanner ----

    void decodesEntities()
    {
        QCOMPARE(catalog::decodeEntities(u"Fish &amp; Chips &lt;b&gt; &quot;x&quot; &#39;y&#39;"),
                 QStringLiteral("Fish & Chips <b> \"x\" 'y'"));
        // Numeric in both bases, the ';' optional; the first and last table entries (binary
        // search bounds); unknown names and a bare '&' as written; NUL and surrogates U+FFFD.
        QCOMPARE(catalog::decodeEntities(u"&#x4E2D;&#25991; &#233t &AElig;&zwnj;|"),
                 QStringLiteral("中文 ét Æ\u200C|"));
        QCOMPARE(catalog::decodeEntities(u"AT&T &bogus; &amp &# &#0; &#xD800;"),
                 QStringLiteral("AT&T &bogus; &amp &# \uFFFD \uFFFD"));
        QCOMPARE(catalog::decodeEntities(u"5&nbsp;€ &euro;&yen;&times;"),
                 QStringLiteral("5\u00A0€ €¥×"));
    }

    void scansTagsTolerantly()
    {
        const QString html = QStringLiteral(
            "<!-- <meta property=\"og:title\" content=\"commented\"> -->\n"
            "<META PROPERTY=og:title CONTENT='Tom &amp; Jerry' data-x=\"a>b\">\n"
            "<style>meta { color: red } <meta name=x content=y></style>\n"
            "<p>1 < 2 and a<b</p><meta name=\"description\" content=\"plain\"/>\n"
            "<script>if (a<b) document.write('<meta name=\"z\" content=\"1\">')</script>\n"
            "<meta name=empty content>\n<link rel=\"Canonical\" href=\"/c\">\n"
            "<title> Two\n lines </title>");
        const QList<catalog::HtmlTag> tags = catalog::scanHtml(html);
        QStringList seen;
        for (const catalog::HtmlTag &t : tags)
            seen << t.name + u':' + t.attribute(u"property") + t.attribute(u"name") + u'=' +
                        t.attribute(u"content") + t.attribute(u"href") + t.text.left(8);
        // The commented and the styled meta are not tags; a '>' inside quotes ends nothing;
        // the script's text stays raw (its '<meta' is not a tag); "content" with no value is
        // present and empty.
        QCOMPARE(seen,
                 QStringList({QStringLiteral("meta:og:title=Tom & Jerry"),
                              QStringLiteral("meta:description=plain"),
                              QStringLiteral("script:=if (a<b)"), QStringLiteral("meta:empty="),
                              QStringLiteral("link:=/c"), QStringLiteral("title:=Two line")}));
        QVERIFY(!tags[3].attribute(u"content").isNull());
        QVERIFY(tags[3].attribute(u"missing").isNull());
        QCOMPARE(tags.last().text, QStringLiteral("Two lines"));
    }

    void decodesCharsets()
    {
        const QString title = QStringLiteral("有田焼 マグカップ");
        QStringEncoder sjis("Shift_JIS");
        if (!sjis.isValid())
            QSKIP("no Shift_JIS codec in this Qt build");
        const QByteArray bytes =
            sjis.encode(QStringLiteral("<html><head><meta charset=\"Shift_JIS\"><title>%1</title>"
                                       "</head></html>")
                            .arg(title));
        QVERIFY(!bytes.contains(title.toUtf8()));
        QVERIFY(catalog::decodeHtml(bytes).contains(title));
        // The header's charset wins over the meta tag; a BOM wins over both.
        QVERIFY(catalog::decodeHtml(bytes, "text/html; charset=\"shift_jis\"").contains(title));
        QCOMPARE(catalog::decodeHtml("<meta charset=utf-8>caf\xe9", "text/html; charset=latin1"),
                 QStringLiteral("<meta charset=utf-8>café"));
        QCOMPARE(catalog::decodeHtml("\xEF\xBB\xBF<p>\xC3\xA9", "text/html; charset=latin1"),
                 QStringLiteral("<p>é"));
        // http-equiv form; an unknown charset reads as UTF-8.
        QCOMPARE(catalog::decodeHtml("<meta http-equiv=\"Content-Type\" content=\"text/html; "
                                     "charset=windows-1252\">\x80"),
                 QStringLiteral("<meta http-equiv=\"Content-Type\" content=\"text/html; "
                                "charset=windows-1252\">€"));
        QCOMPARE(catalog::decodeHtml("<meta charset=\"x-nonsense\">\xC3\xA9"),
                 QStringLiteral("<meta charset=\"x-nonsense\">é"));
    }

    void readsJsonLeniently()
    {
        QString error;
        // Wrappers, comments, a trailing comma, a raw line break and \' in a string; numbers
        // come back as their source text, exactly.
        const QJsonDocument doc = catalog::parseLenientJson(
            u"//<![CDATA[\n{\"a\": 129.50, \"b\": [1e3, -0, 12345678901234567890,],"
            u" /* note */ \"c\": \"line\nnext \\'q\\'\", // tail\n}\n//]]>",
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QJsonObject o = doc.object();
        QCOMPARE(o.value(QStringLiteral("a")).toString(), QStringLiteral("129.50"));
        QCOMPARE(o.value(QStringLiteral("b")).toArray(),
                 QJsonArray({QStringLiteral("1e3"), QStringLiteral("-0"),
                             QStringLiteral("12345678901234567890")}));
        QCOMPARE(o.value(QStringLiteral("c")).toString(), QStringLiteral("line\nnext 'q'"));
        QVERIFY(catalog::parseLenientJson(u"<!-- {\"x\": \"y\"} -->", &error).isObject());
        // Still JSON: a missing value is an error with its offset.
        error.clear();
        QVERIFY(catalog::parseLenientJson(u"{\"a\": }", &error).isNull());
        QVERIFY2(error.contains(QStringLiteral("offset")), qPrintable(error));
    }

    // ---- JSON-LD ----

    void readsASingleProduct()
    {
        const QByteArray html = page(
            ldScript(
                R"({"@context":"https:\/\/schema.org","@type":"BreadcrumbList","itemListElement":[]})") +
            "\n" + ldScript(R"({
              "@context": "https:\/\/schema.org/", "@type": "Product",
              "name": "  Electric   Kettle &amp; Tea Infuser ",
              "description": "1.7 l, 2200 W.\nAuto shut-off.",
              "sku": "EK-17", "brand": {"@type": "Brand", "name": "Boilwell"},
              "category": ["Kitchen", "Kettles"], "inLanguage": "en-GB",
              "image": ["/img/ek-1.jpg", "ek-2.jpg", "\/\/cdn.shop.example/ek-3.jpg",
                        "data:image/png;base64,AAAA", "/img/ek-1.jpg"],
              "offers": {"@type": "Offer", "price": "39.90", "priceCurrency": "usd",
                         "availability": "http:\/\/schema.org/InStock",
                         "url": "/en/products/kettle"}
            })"));
        const catalog::ExtractedProduct r = catalog::extractProduct(html, kPage);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.refusal, PageRefusal::None);
        const PageProduct &p = *r.product;
        QCOMPARE(p.source, PageProduct::Source::JsonLd);
        QCOMPARE(p.name, QStringLiteral("Electric Kettle & Tea Infuser"));
        QCOMPARE(p.description, QStringLiteral("1.7 l, 2200 W.\nAuto shut-off."));
        QCOMPARE(p.brand, QStringLiteral("Boilwell"));
        QCOMPARE(p.category, QStringLiteral("Kitchen > Kettles"));
        QCOMPARE(p.language, QStringLiteral("en-GB")); // inLanguage before <html lang>
        QVERIFY(p.groupId.isEmpty());
        // Relative against the page (its query dropped), protocol-relative takes https, the
        // data: URI dropped, the duplicate once.
        QCOMPARE(p.images, QStringList({QStringLiteral("https://shop.example/img/ek-1.jpg"),
                                        QStringLiteral("https://shop.example/en/products/ek-2.jpg"),
                                        QStringLiteral("https://cdn.shop.example/ek-3.jpg")}));
        QCOMPARE(p.url, kPage); // no url on the Product: the page itself
        QCOMPARE(p.variants.size(), 1);
        const catalog::PageVariant &v = p.variants.first();
        QCOMPARE(v.sku, QStringLiteral("EK-17"));
        QCOMPARE(v.price, Money(3990, *haitao::Currency::fromCode(u"USD"))); // "usd" read as USD
        QCOMPARE(v.availability, QStringLiteral("InStock"));
        QCOMPARE(v.url, QUrl(QStringLiteral("https://shop.example/en/products/kettle")));
    }

    void prices_data()
    {
        QTest::addColumn<QByteArray>("offers");
        QTest::addColumn<QString>("expected");

        // Each amount is read from the page's own text: 19.99 USD is 1999 cents.
        QTest::newRow("number") << QByteArray(R"({"price": 19.99, "priceCurrency": "USD"})")
                                << "USD 19.99";
        QTest::newRow("string") << QByteArray(R"({"price": "19.99", "priceCurrency": "USD"})")
                                << "USD 19.99";
        // 19.9 is 1990 cents; as a double it would be 19.899999999999998578...
        QTest::newRow("one decimal")
            << QByteArray(R"({"price": 19.9, "priceCurrency": "USD"})") << "USD 19.90";
        QTest::newRow("trailing zeros number")
            << QByteArray(R"({"price": 129.500, "priceCurrency": "EUR"})") << "EUR 129.50";
        QTest::newRow("JPY number")
            << QByteArray(R"({"price": 1980, "priceCurrency": "JPY"})") << "JPY 1980";
        // "1980.00" is exactly 1980 yen: zeros beyond the exponent are not a rounding.
        QTest::newRow("JPY with zero decimals")
            << QByteArray(R"({"price": "1980.00", "priceCurrency": "JPY"})") << "JPY 1980";
        QTest::newRow("array, first priced")
            << QByteArray(R"([{"@type": "Offer", "priceCurrency": "USD"},
                              {"@type": "Offer", "price": "12.00", "priceCurrency": "USD"},
                              {"@type": "Offer", "price": "11.00", "priceCurrency": "USD"}])")
            << "USD 12.00";
        QTest::newRow("aggregate lowPrice")
            << QByteArray(R"({"@type": "AggregateOffer", "lowPrice": 24.5, "highPrice": "30",
                              "priceCurrency": "GBP", "offerCount": 4})")
            << "GBP 24.50";
        QTest::newRow("aggregate with offers")
            << QByteArray(R"({"@type": "AggregateOffer", "priceCurrency": "CAD", "lowPrice": 1,
                              "offers": [{"@type": "Offer", "price": "7.25"}]})")
            << "CAD 7.25";
        QTest::newRow("priceSpecification, list price skipped")
            << QByteArray(R"({"@type": "Offer", "priceSpecification": [
                   {"@type": "UnitPriceSpecification", "priceType": "https:\/\/schema.org/ListPrice",
                    "price": 99, "priceCurrency": "AUD"},
                   {"@type": "UnitPriceSpecification", "price": 79, "priceCurrency": "AUD"}]})")
            << "AUD 79.00";
        QTest::newRow("sub-cent") << QByteArray(R"({"price": "19.999", "priceCurrency": "USD"})")
                                  << "refused: the product \"Kettle\": the price is unreadable: "
                                     "\"19.999\" has 3 fraction digits but USD allows at most 2";
        QTest::newRow("JPY with a real fraction")
            << QByteArray(R"({"price": 5.5, "priceCurrency": "JPY"})")
            << "refused: the product \"Kettle\": the price is unreadable: \"5.5\" has 1 fraction "
               "digits but JPY allows at most 0";
        QTest::newRow("grouping") << QByteArray(R"({"price": "1,980", "priceCurrency": "JPY"})")
                                  << "refused: the product \"Kettle\": the price is unreadable: "
                                     "\"1,980\" is not a plain decimal amount (ASCII digits, "
                                     "optional leading '-' and one '.', no grouping)";
        QTest::newRow("exponent") << QByteArray(R"({"price": 1.5e1, "priceCurrency": "USD"})")
                                  << "refused: the product \"Kettle\": the price is unreadable: "
                                     "\"1.5e1\" is not a plain decimal amount (ASCII digits, "
                                     "optional leading '-' and one '.', no grouping)";
        QTest::newRow("unknown currency")
            << QByteArray(R"({"price": "10", "priceCurrency": "XYZ"})")
            << "refused: the product \"Kettle\": the currency \"XYZ\" is not supported";
        QTest::newRow("symbol as currency")
            << QByteArray(R"({"price": "10", "priceCurrency": "$"})")
            << "refused: the product \"Kettle\": the currency \"$\" is not supported";
        QTest::newRow("no currency") << QByteArray(R"({"price": "10"})")
                                     << "refused: the product \"Kettle\": the price 10 has no "
                                        "currency";
        QTest::newRow("no price") << QByteArray(R"({"priceCurrency": "USD"})")
                                  << "refused: the product \"Kettle\": no offer with a price";
        QTest::newRow("empty offers")
            << QByteArray("[]") << "refused: the product \"Kettle\": no offers";
        QTest::newRow("zero") << QByteArray(R"({"price": 0, "priceCurrency": "USD"})")
                              << "refused: the product \"Kettle\": the price must be positive, "
                                 "not 0 USD";
        QTest::newRow("negative") << QByteArray(R"({"price": "-5.00", "priceCurrency": "USD"})")
                                  << "refused: the product \"Kettle\": the price must be "
                                     "positive, not -5.00 USD";
    }

    void prices()
    {
        QFETCH(QByteArray, offers);
        QFETCH(QString, expected);
        const catalog::ExtractedProduct r =
            catalog::extractProduct(productWithOffers(offers), kPage);
        QCOMPARE(priceOf(r), expected);
        QCOMPARE(r.refusal, r.ok() ? PageRefusal::None : PageRefusal::BadPrice);
    }

    void findsTheProductInGraphsAndArrays_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("name");

        QTest::newRow("@graph, @type array, schema: prefix")
            << QByteArray(R"({"@context": "https:\/\/schema.org",
            "@graph": [{"@type": "WebSite", "name": "Shop"},
                       {"@type": "WebPage", "name": "Kettle page"},
                       {"@type": ["schema:Product", "Thing"], "name": "Graph kettle",
                        "offers": {"@type": "Offer", "price": "5", "priceCurrency": "USD"}}]})")
            << "Graph kettle";
        QTest::newRow("top-level array") << QByteArray(R"([
            {"@type": "Organization", "name": "Shop"},
            {"@type": "http:\/\/schema.org/Product", "name": "Array kettle",
             "offers": {"price": "5", "priceCurrency": "USD"}}])")
                                         << "Array kettle";
        // The page's own product sits shallower than the related ones listed inside it.
        QTest::newRow("main entity before related") << QByteArray(R"({"@type": "WebPage",
            "mainEntity": {"@type": "Product", "name": "Main kettle",
              "offers": {"price": "5", "priceCurrency": "USD"},
              "isRelatedTo": {"@type": "ItemList", "itemListElement": [{"@type": "ListItem",
                "item": {"@type": "Product", "name": "Related", "offers": {"price": "1",
                "priceCurrency": "USD"}}}]}}})") << "Main kettle";
        // A Product without offers comes after one with them.
        QTest::newRow("product with offers preferred") << QByteArray(R"([
            {"@type": "Product", "name": "Teaser"},
            {"@type": "Product", "name": "Priced", "offers": {"price": "5", "priceCurrency": "USD"}}])")
                                                       << "Priced";
    }

    void findsTheProductInGraphsAndArrays()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, name);
        const catalog::ExtractedProduct r = catalog::extractProduct(page(ldScript(json)), kPage);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.product->name, name);
        QCOMPARE(priceOf(r), QStringLiteral("USD 5.00"));
    }

    void toleratesScriptQuirks()
    {
        // The broken block first: a later good one still counts. Attribute order and case,
        // a charset parameter, comment and CDATA wrappers, a trailing comma, a raw newline.
        const QByteArray head =
            "<script type=\"application/ld+json\">{\"@type\": \"Product\", broken</script>\n"
            "<SCRIPT async data-x=1 TYPE = 'Application/LD+JSON; charset=utf-8' >\n<!--\n"
            "//<![CDATA[\n{\"@type\": \"Product\", \"name\": \"Quirky\nkettle\", "
            "\"sku\": 4006381333931, \"offers\": {\"price\": 9.5, \"priceCurrency\": \"EUR\",},}\n"
            "//]]>\n-->\n</SCRIPT >";
        const catalog::ExtractedProduct r = catalog::extractProduct(page(head), kPage);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.product->name, QStringLiteral("Quirky kettle"));
        QCOMPARE(r.product->variants.first().sku, QStringLiteral("4006381333931")); // exact
        QCOMPARE(priceOf(r), QStringLiteral("EUR 9.50"));
    }

    void readsProductGroups()
    {
        const QByteArray json = R"({"@context": "https:\/\/schema.org", "@type": "ProductGroup",
            "name": "Merino Tee", "productGroupID": "MT", "brand": "Woolly",
            "image": "/img/mt.jpg",
            "variesBy": ["https:\/\/schema.org/size", "color"],
            "hasVariant": [
              {"@type": "Product", "sku": "MT-S-RED", "name": "Merino Tee S red", "size": "S",
               "color": {"@type": "Color", "name": "Red"}, "image": "/img/mt-red.jpg",
               "offers": {"@type": "Offer", "price": 35, "priceCurrency": "USD",
                          "availability": "https:\/\/schema.org/InStock"}},
              {"@type": "Product", "sku": "MT-M-BLU", "size": "M",
               "additionalProperty": [{"@type": "PropertyValue", "name": "Color", "value": "Blue"}],
               "offers": {"@type": "Offer", "price": "37.50", "priceCurrency": "USD",
                          "availability": "OutOfStock"}}]})";
        const catalog::ExtractedProduct r = catalog::extractProduct(page(ldScript(json)), kPage);
        QVERIFY2(r.ok(), qPrintable(r.error));
        const PageProduct &p = *r.product;
        QCOMPARE(p.name, QStringLiteral("Merino Tee"));
        QCOMPARE(p.groupId, QStringLiteral("MT"));
        QCOMPARE(p.brand, QStringLiteral("Woolly")); // brand as a plain string
        QCOMPARE(p.variants.size(), 2);
        QCOMPARE(p.variants[0].sku, QStringLiteral("MT-S-RED"));
        QCOMPARE(optionsOf(p.variants[0]), QStringLiteral("size=S, color=Red"));
        QCOMPARE(p.variants[0].price.toString(), QStringLiteral("35.00"));
        QCOMPARE(p.variants[0].images,
                 QStringList(QStringLiteral("https://shop.example/img/mt-red.jpg")));
        QCOMPARE(p.variants[1].sku, QStringLiteral("MT-M-BLU"));
        QCOMPARE(optionsOf(p.variants[1]), QStringLiteral("size=M, color=Blue"));
        QCOMPARE(p.variants[1].price.toString(), QStringLiteral("37.50"));
        QCOMPARE(p.variants[1].availability, QStringLiteral("OutOfStock"));
        // The group's image, then the variants' own.
        QCOMPARE(p.images, QStringList({QStringLiteral("https://shop.example/img/mt.jpg"),
                                        QStringLiteral("https://shop.example/img/mt-red.jpg")}));

        // One variant without a price refuses the whole product, naming the variant.
        QByteArray bad = json;
        bad.replace(R"("price": "37.50", )", "");
        const catalog::ExtractedProduct refused =
            catalog::extractProduct(page(ldScript(bad)), kPage);
        QCOMPARE(refused.refusal, PageRefusal::BadPrice);
        QCOMPARE(refused.error,
                 QStringLiteral("variant MT-M-BLU of \"Merino Tee\": no offer with a price"));
    }

    void readsVariantsByReference()
    {
        // Variants as separate @graph nodes that the group references by @id, and no variesBy:
        // the usual properties (color, size...) become the options.
        const QByteArray json = R"({"@graph": [
            {"@type": "ProductGroup", "@id": "#g", "name": "Boot", "hasVariant": [{"@id": "#b41"}, {"@id": "#b42"}]},
            {"@type": "Product", "@id": "#b41", "isVariantOf": {"@id": "#g"}, "sku": "B-41", "size": 41,
             "offers": {"price": 159.95, "priceCurrency": "EUR"}},
            {"@type": "Product", "@id": "#b42", "isVariantOf": {"@id": "#g"}, "sku": "B-42", "size": "42",
             "offers": {"price": "164.95", "priceCurrency": "EUR"}}]})";
        const catalog::ExtractedProduct r = catalog::extractProduct(page(ldScript(json)), kPage);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.product->variants.size(), 2);
        QCOMPARE(optionsOf(r.product->variants[0]), QStringLiteral("size=41"));
        QCOMPARE(r.product->variants[0].price.minor(), 15995);
        QCOMPARE(r.product->variants[1].sku, QStringLiteral("B-42"));
        QCOMPARE(r.product->variants[1].price.minor(), 16495);
    }

    void offersWithOwnSkusAreVariants()
    {
        // Shopify's shape: one Product, one Offer per variant with its SKU and name.
        const catalog::ExtractedProduct r = catalog::extractProduct(
            productWithOffers(
                R"([{"@type": "Offer", "sku": "K-RED", "name": "Red", "price": "20.00", "priceCurrency": "USD"},
                                  {"@type": "Offer", "sku": "K-BLK", "name": "Black", "price": "22.00", "priceCurrency": "USD"}])"),
            kPage);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.product->variants.size(), 2);
        QCOMPARE(r.product->groupId, QStringLiteral("K-1"));
        QCOMPARE(r.product->variants[1].sku, QStringLiteral("K-BLK"));
        QCOMPARE(r.product->variants[1].name, QStringLiteral("Black"));
        QCOMPARE(r.product->variants[1].price.minor(), 2200);
    }

    // ---- OpenGraph ----

    void fallsBackToOpenGraph()
    {
        const QByteArray head =
            "<base href=\"https://static.shop.example/de/\">\n"
            "<meta property=\"og:type\" content=\"product\">\n"
            "<meta property=\"og:title\" content=\"Teekanne &quot;Sakura&quot; &amp; Stövchen "
            "&#x2013; 1,2&nbsp;l\">\n"
            "<meta name=\"og:description\" content=\"Porzellan, sp&uuml;lmaschinenfest.\">\n"
            "<meta property=og:image content=images/pot-1.jpg>\n"
            "<meta property=\"og:image\" content=\"https://cdn.example/pot-2.jpg\">\n"
            "<meta property=\"og:url\" content=\"/de/p/teekanne\">\n"
            "<meta property=\"product:brand\" content=\"Kanne &amp; Co\">\n"
            "<meta property=\"product:price:amount\" content=\"34.90\">\n"
            "<meta property=\"product:price:currency\" content=\"EUR\">\n"
            "<meta property=\"product:retailer_item_id\" content=\"TK-12\">\n"
            "<meta property=\"product:availability\" content=\"out of stock\">";
        const catalog::ExtractedProduct r = catalog::extractProduct(page(head), kPage);
        QVERIFY2(r.ok(), qPrintable(r.error));
        const PageProduct &p = *r.product;
        QCOMPARE(p.source, PageProduct::Source::OpenGraph);
        QCOMPARE(p.name, QStringLiteral("Teekanne \"Sakura\" & Stövchen – 1,2 l"));
        QCOMPARE(p.description, QStringLiteral("Porzellan, spülmaschinenfest."));
        QCOMPARE(p.brand, QStringLiteral("Kanne & Co"));
        QCOMPARE(p.language, QStringLiteral("en-US"));
        // Relative URLs against <base href>, not the page.
        QCOMPARE(p.images,
                 QStringList({QStringLiteral("https://static.shop.example/de/images/pot-1.jpg"),
                              QStringLiteral("https://cdn.example/pot-2.jpg")}));
        QCOMPARE(p.url, QUrl(QStringLiteral("https://static.shop.example/de/p/teekanne")));
        QCOMPARE(p.variants.size(), 1);
        QCOMPARE(p.variants[0].sku, QStringLiteral("TK-12"));
        QCOMPARE(p.variants[0].availability, QStringLiteral("OutOfStock"));
        QCOMPARE(priceOf(r), QStringLiteral("EUR 34.90"));

        QByteArray noCurrency = head;
        noCurrency.replace("<meta property=\"product:price:currency\" content=\"EUR\">", "");
        const catalog::ExtractedProduct refused = catalog::extractProduct(page(noCurrency), kPage);
        QCOMPARE(refused.refusal, PageRefusal::BadPrice);
        QVERIFY2(refused.error.endsWith(QStringLiteral("the price 34.90 has no currency")),
                 qPrintable(refused.error));
    }

    void jsonLdTakesGapsFromMetaTags()
    {
        // A Product without offers or image: the product: price and og:image fill in.
        const QByteArray head = ldScript(R"({"@type": "Product", "name": "Gap", "sku": "G"})") +
                                R"(<meta property="og:image" content="/g.jpg">
<meta property="product:price:amount" content="1500"><meta property="product:price:currency" content="JPY">)";
        const catalog::ExtractedProduct r = catalog::extractProduct(page(head), kPage);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.product->source, PageProduct::Source::JsonLd);
        QCOMPARE(r.product->images, QStringList(QStringLiteral("https://shop.example/g.jpg")));
        QCOMPARE(priceOf(r), QStringLiteral("JPY 1500"));
    }

    // ---- pages without a product ----

    void refusesPagesWithoutAProduct_data()
    {
        QTest::addColumn<QByteArray>("html");
        QTest::addColumn<PageRefusal>("refusal");
        QTest::addColumn<QString>("why"); // a fragment of the error

        QTest::newRow("amazon robot check")
            << QByteArray("<html><head><title>Robot Check</title></head><body><form "
                          "action=\"/errors/validateCaptcha\"></form></body></html>")
            << PageRefusal::RobotCheck << "robot check (captcha)";
        QTest::newRow("cloudflare")
            << page("<title>Just a moment...</title>", "<div id=\"cf-challenge-running\"></div>")
            << PageRefusal::RobotCheck << "robot check";
        QTest::newRow("recaptcha") << page("", "<div class=\"g-recaptcha\" data-sitekey=\"x\">")
                                   << PageRefusal::RobotCheck << "robot check";
        QTest::newRow("redesign") << page(
                                         R"(<meta property="og:type" content="website">
<meta property="og:title" content="Kettle">)",
                                         "<div id=\"__next\"><h1>Kettle</h1><span>$39</span></div>")
                                  << PageRefusal::NoProduct << "no schema.org Product";
        QTest::newRow("empty") << QByteArray() << PageRefusal::NoProduct
                               << "no product on the page";
        QTest::newRow("json instead of html") << QByteArray(R"({"@type": "Product", "name": "x"})")
                                              << PageRefusal::NoProduct << "no product";
        QTest::newRow("unreadable json-ld")
            << page(ldScript(R"({"@type": "Product", "name": )")) << PageRefusal::NoProduct
            << "a JSON-LD block could not be read";
        QTest::newRow("product without price")
            << page(ldScript(R"({"@type": "Product", "name": "Bare"})")) << PageRefusal::BadPrice
            << "the product \"Bare\": no offers";
        QTest::newRow("og product without title")
            << QByteArray(
                   R"(<html><head><meta property="og:type" content="product"></head></html>)")
            << PageRefusal::NoProduct << "no title";
        // A product page that mentions a captcha elsewhere is still a product page.
        QTest::newRow("captcha word on a product page")
            << page(
                   ldScript(
                       R"({"@type": "Product", "name": "P", "offers": {"price": "1", "priceCurrency": "USD"}})"),
                   "<p>Log in (captcha protected)</p>")
            << PageRefusal::None << "";
    }

    void refusesPagesWithoutAProduct()
    {
        QFETCH(QByteArray, html);
        QFETCH(PageRefusal, refusal);
        QFETCH(QString, why);
        const catalog::ExtractedProduct r = catalog::extractProduct(html, kPage);
        QCOMPARE(r.refusal, refusal);
        QCOMPARE(r.ok(), refusal == PageRefusal::None);
        QVERIFY2(r.error.contains(why), qPrintable(r.error));
    }

    // ---- the SSRF guard ----

    void classifiesAddresses_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<AddressKind>("kind");

        const auto row = [](const char *address, AddressKind kind) {
            QTest::newRow(address) << QString::fromLatin1(address) << kind;
        };
        row("8.8.8.8", AddressKind::Public);
        row("93.184.216.34", AddressKind::Public);
        row("127.0.0.1", AddressKind::Loopback);
        row("127.255.255.254", AddressKind::Loopback);
        row("10.0.0.1", AddressKind::Private);
        row("172.16.0.1", AddressKind::Private);
        row("172.31.255.255", AddressKind::Private);
        row("172.32.0.1", AddressKind::Public); // just past 172.16/12
        row("192.168.1.1", AddressKind::Private);
        row("169.254.169.254", AddressKind::Metadata);
        row("169.254.1.1", AddressKind::LinkLocal);
        row("100.64.0.1", AddressKind::SharedNat);
        row("100.127.255.255", AddressKind::SharedNat);
        row("100.128.0.1", AddressKind::Public); // just past 100.64/10
        row("0.0.0.0", AddressKind::Unspecified);
        row("0.1.2.3", AddressKind::Unspecified);
        row("224.0.0.1", AddressKind::Multicast);
        row("239.255.255.250", AddressKind::Multicast);
        row("255.255.255.255", AddressKind::Broadcast);
        row("240.0.0.1", AddressKind::Reserved);
        row("198.18.0.1", AddressKind::Reserved);
        row("192.0.2.10", AddressKind::Documentation);
        row("203.0.113.7", AddressKind::Documentation);
        row("2606:4700::1111", AddressKind::Public);
        row("::1", AddressKind::Loopback);
        row("::", AddressKind::Unspecified);
        row("::ffff:127.0.0.1", AddressKind::Loopback);
        row("::ffff:10.1.2.3", AddressKind::Private);
        row("::ffff:169.254.169.254", AddressKind::Metadata);
        row("::ffff:8.8.8.8", AddressKind::Public);
        row("::7f00:1", AddressKind::Reserved);           // IPv4-compatible, deprecated
        row("64:ff9b::a9fe:a9fe", AddressKind::Metadata); // NAT64 of 169.254.169.254
        row("64:ff9b::808:808", AddressKind::Public);     // NAT64 of 8.8.8.8
        row("2002:7f00:1::1", AddressKind::Loopback);     // 6to4 of 127.0.0.1
        row("fc00::1", AddressKind::UniqueLocal);
        row("fd12:3456::1", AddressKind::UniqueLocal);
        row("fd00:ec2::254", AddressKind::Metadata);
        row("fe80::1", AddressKind::LinkLocal);
        row("febf::1", AddressKind::LinkLocal);
        row("fec0::1", AddressKind::Reserved);
        row("ff02::1", AddressKind::Multicast);
        row("2001:db8::1", AddressKind::Documentation);
    }

    void classifiesAddresses()
    {
        QFETCH(QString, address);
        QFETCH(AddressKind, kind);
        const QHostAddress a(address);
        QVERIFY2(!a.isNull(), qPrintable(address));
        QCOMPARE(classifyAddress(a), kind);
    }

    void allowListEntries()
    {
        QString error;
        const auto policy = AddressPolicy::fromAllowList(
            {QStringLiteral(" 127.0.0.1:8090 "), QStringLiteral("Haitao-Sim"),
             QStringLiteral("[::1]:9000"), QStringLiteral("10.0.0.5"), QStringLiteral("fd00::7"),
             QStringLiteral("shop_internal.lan:443"), QString()},
            &error);
        QVERIFY2(policy, qPrintable(error));
        const auto check = [&](const char *host, const char *ip, int port) {
            return policy->check(QString::fromLatin1(host), QHostAddress(QString::fromLatin1(ip)),
                                 port);
        };
        QCOMPARE(check("8.8.8.8", "8.8.8.8", 80), QString()); // public: always
        QCOMPARE(check("127.0.0.1", "127.0.0.1", 8090), QString());
        QCOMPARE(check("anything", "::ffff:127.0.0.1", 8090), QString()); // an address entry
        QCOMPARE(check("127.0.0.1", "127.0.0.1", 8091),
                 QStringLiteral("refused: 127.0.0.1 is a loopback address"));
        QCOMPARE(check("haitao-sim.", "172.18.0.3", 1234), QString()); // a name: any port
        QCOMPARE(check("HAITAO-SIM", "10.9.9.9", 80), QString());
        QCOMPARE(check("evil.example", "172.18.0.3", 1234),
                 QStringLiteral("refused: evil.example is 172.18.0.3, a private address"));
        QCOMPARE(check("::1", "::1", 9000), QString());
        QCOMPARE(check("::1", "::1", 9001), QStringLiteral("refused: ::1 is a loopback address"));
        QCOMPARE(check("x", "10.0.0.5", 5432), QString());
        QCOMPARE(check("x", "fd00::7", 1), QString());
        QCOMPARE(check("shop_internal.lan", "192.168.3.4", 443), QString());
        QCOMPARE(check("shop_internal.lan", "192.168.3.4", 80),
                 QStringLiteral("refused: shop_internal.lan is 192.168.3.4, a private address"));
        // Mapped addresses shown as the IPv4 they are.
        QCOMPARE(check("::ffff:169.254.169.254", "::ffff:169.254.169.254", 80),
                 QStringLiteral("refused: 169.254.169.254 is a cloud metadata address"));
        QCOMPARE(AddressPolicy().check(QStringLiteral("localhost"), QHostAddress::LocalHost, 80),
                 QStringLiteral("refused: localhost is 127.0.0.1, a loopback address"));
        QCOMPARE(policy->allowList().size(), 6);

        for (const char *bad : {"host:0", "host:65536", "host:", "host:8x", "[::1", "[::1]x",
                                "[::1]:", "a b", ":80", "-bad-", "http://host"}) {
            error.clear();
            QVERIFY2(!AddressPolicy::fromAllowList({QString::fromLatin1(bad)}, &error), bad);
            QVERIFY2(error.contains(QString::fromLatin1(bad)), qPrintable(error));
        }
    }

    void fetchRefusesLoopbackWithoutAllowList()
    {
        Sim sim;
        FetchOptions o;
        o.addressPolicy = AddressPolicy();
        const FetchResult r = httpGet(sim.url(QStringLiteral("/shop/us/products/1001")), o);
        QCOMPARE(r.error, QStringLiteral("refused: 127.0.0.1 is a loopback address"));
        QVERIFY(r.addressRefused);
        QCOMPARE(r.status, 0);
        QVERIFY(r.body.isEmpty());
        // Other spellings of the same address are the same address once resolved.
        const QString port = QString::number(sim.server.port());
        for (const QString &url : {QStringLiteral("http://2130706433:%1/").arg(port),
                                   QStringLiteral("http://127.1:%1/").arg(port),
                                   QStringLiteral("http://[::ffff:127.0.0.1]:%1/").arg(port)}) {
            const FetchResult other = httpGet(QUrl(url), o);
            QVERIFY2(other.addressRefused, qPrintable(url + u' ' + other.error));
            QVERIFY2(other.error.contains(QStringLiteral("127.0.0.1")) &&
                         other.error.endsWith(QStringLiteral("a loopback address")),
                     qPrintable(other.error));
        }
        const FetchResult named =
            httpGet(QUrl(QStringLiteral("http://localhost:%1/").arg(port)), o);
        QVERIFY2(named.error.startsWith(QStringLiteral("refused: localhost is ")) &&
                     named.error.endsWith(QStringLiteral(", a loopback address")),
                 qPrintable(named.error));
        // The metadata service is refused before any packet leaves.
        const FetchResult metadata =
            httpGet(QUrl(QStringLiteral("http://169.254.169.254/latest/meta-data/")), o);
        QCOMPARE(metadata.error,
                 QStringLiteral("refused: 169.254.169.254 is a cloud metadata address"));
        // Without a policy (the ECB fetch) loopback is fine, as before.
        QCOMPARE(httpGet(sim.url(QStringLiteral("/shop/us/products/1001"))).status, 200);
    }

    void fetchAllowsTheListedSim()
    {
        Sim sim;
        const FetchResult r =
            httpGet(sim.url(QStringLiteral("/shop/us/products/1001")), sim.allowed());
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.status, 200);
        QVERIFY(!r.addressRefused);
    }

    void redirectsAreCheckedHopByHop()
    {
        Sim sim;
        // Another loopback port with a listener, so a connection would succeed if allowed.
        QTcpServer other;
        QVERIFY(other.listen(QHostAddress::LocalHost));
        const auto via = [&](const QString &to) {
            return sim.url(QStringLiteral("/__sim/redirect/1?to=") +
                           QString::fromLatin1(QUrl::toPercentEncoding(to)));
        };
        const FetchOptions allowed = sim.allowed();
        const FetchResult toOtherPort =
            httpGet(via(QStringLiteral("http://127.0.0.1:%1/").arg(other.serverPort())), allowed);
        QCOMPARE(toOtherPort.error, QStringLiteral("refused: 127.0.0.1 is a loopback address"));
        QVERIFY(toOtherPort.addressRefused);
        QCOMPARE(toOtherPort.status, 302); // the allowed first hop did answer
        const FetchResult toMetadata =
            httpGet(via(QStringLiteral("http://169.254.169.254/latest/meta-data/iam/")), allowed);
        QCOMPARE(toMetadata.error,
                 QStringLiteral("refused: 169.254.169.254 is a cloud metadata address"));
        const FetchResult toPrivate =
            httpGet(via(QStringLiteral("http://10.0.0.1/admin")), allowed);
        QCOMPARE(toPrivate.error, QStringLiteral("refused: 10.0.0.1 is a private address"));
        // A redirect within the allowed host and port is followed.
        const FetchResult within = httpGet(via(QStringLiteral("/shop/de/products/3001")), allowed);
        QVERIFY2(within.error.isEmpty(), qPrintable(within.error));
        QCOMPARE(within.effectiveUrl.path(), QStringLiteral("/shop/de/products/3001"));

        // A name entry allows that name only: the same endpoint under another host name, on
        // the second hop, is refused, which shows the check reads each hop's own host.
        FetchOptions byName;
        QString error;
        byName.addressPolicy = AddressPolicy::fromAllowList(
            {QStringLiteral("localhost:%1").arg(sim.server.port())}, &error);
        QVERIFY2(byName.addressPolicy, qPrintable(error));
        const QString start =
            QStringLiteral("http://localhost:%1/__sim/redirect/1?to=").arg(sim.server.port());
        const FetchResult named =
            httpGet(QUrl(start + QString::fromLatin1(QUrl::toPercentEncoding(
                                     sim.base + QStringLiteral("/shop/us/products/1001")))),
                    byName);
        QCOMPARE(named.status, 302);
        QCOMPARE(named.error, QStringLiteral("refused: 127.0.0.1 is a loopback address"));
        const FetchResult direct = httpGet(
            QUrl(
                QStringLiteral("http://localhost:%1/shop/us/products/1001").arg(sim.server.port())),
            byName);
        QVERIFY2(direct.error.isEmpty(), qPrintable(direct.error));
        QCOMPARE(direct.status, 200);
    }

    // ---- haitao-sim's shops over HTTP ----

    void simProductPages_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<PageProduct::Source>("source");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("brand");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QStringList>("images");   // paths on the sim
        QTest::addColumn<QStringList>("variants"); // "SKU CUR amount options"

        using S = PageProduct::Source;
        // Prices as each page writes them: "24.99" (string), 129.50 (AggregateOffer lowPrice,
        // a number), 89.00 / 94.00 (numbers), "39.95" (og), 8800 (number, yen), "3300" /
        // "3520" (strings), "2200" (og, Shift_JIS page), "49.90", 159.95 / 164.95, "89.00".
        QTest::newRow("us single") << "/shop/us/products/1001" << S::JsonLd
                                   << "Hydro Peak Insulated Water Bottle, Stainless Steel, 32 oz"
                                   << "Hydro Peak"
                                   << "en-US"
                                   << QStringList{QStringLiteral("/shop/us/images/1001-front.gif"),
                                                  QStringLiteral("/shop/us/images/1001-side.gif")}
                                   << QStringList{QStringLiteral("HP-32-SS USD 24.99 ")};
        QTest::newRow("us graph") << "/shop/us/products/1002" << S::JsonLd
                                  << "Trail Runner 2 Waterproof Running Shoes & Gaiter Set"
                                  << "Summit Labs"
                                  << "en-US"
                                  << QStringList{QStringLiteral("/shop/us/images/1002-1.gif")}
                                  << QStringList{QStringLiteral("TR2-GS USD 129.50 ")};
        QTest::newRow("us group")
            << "/shop/us/products/1003" << S::JsonLd << "Men's Merino Wool Crew Sweater"
            << "Northfold"
            << "en-US"
            << QStringList{QStringLiteral("/shop/us/images/1003-navy.gif"),
                           QStringLiteral("/shop/us/images/1003-charcoal.gif")}
            << QStringList{QStringLiteral("MW-CREW-S-NVY USD 89.00 size=S, color=Navy"),
                           QStringLiteral("MW-CREW-M-NVY USD 89.00 size=M, color=Navy"),
                           QStringLiteral("MW-CREW-L-NVY USD 89.00 size=L, color=Navy"),
                           QStringLiteral("MW-CREW-M-CHR USD 94.00 size=M, color=Charcoal")};
        QTest::newRow("us opengraph")
            << "/shop/us/products/1004" << S::OpenGraph << "Cast Iron Skillet, 12\" & Lid"
            << "Forge & Hearth"
            << "en-US" << QStringList{QStringLiteral("/shop/us/images/1004-1.gif")}
            << QStringList{QStringLiteral("CI-12 USD 39.95 ")};
        QTest::newRow("jp single")
            << "/shop/jp/products/2001" << S::JsonLd << "南部鉄器 急須 0.65L 黒"
            << "岩鋳"
            << "ja-JP" << QStringList{QStringLiteral("/shop/jp/images/2001-1.gif")}
            << QStringList{QStringLiteral("IW-TP-065 JPY 8800 ")};
        QTest::newRow("jp group") << "/shop/jp/products/2002" << S::JsonLd
                                  << "今治タオル バスタオル 綿100% 日本製"
                                  << "今治織物"
                                  << "ja-JP"
                                  << QStringList{QStringLiteral("/shop/jp/images/2002-white.gif"),
                                                 QStringLiteral("/shop/jp/images/2002-navy.gif"),
                                                 QStringLiteral("/shop/jp/images/2002-grey.gif")}
                                  << QStringList{QStringLiteral("IM-BT-WH JPY 3300 color=ホワイト"),
                                                 QStringLiteral("IM-BT-NV JPY 3300 color=ネイビー"),
                                                 QStringLiteral("IM-BT-GY JPY 3520 color=グレー")};
        QTest::newRow("jp opengraph shift_jis")
            << "/shop/jp/products/2003" << S::OpenGraph << "有田焼 マグカップ 300ml 藍"
            << "源右衛門窯"
            << "ja-JP" << QStringList{QStringLiteral("/shop/jp/images/2003-1.gif")}
            << QStringList{QStringLiteral("AR-MUG-01 JPY 2200 ")};
        QTest::newRow("de single")
            << "/shop/de/products/3001" << S::JsonLd << "Kaffeemühle \"Classic\" – Edelstahl"
            << "Rheinwerk"
            << "de-DE" << QStringList{QStringLiteral("/shop/de/images/3001-1.gif")}
            << QStringList{QStringLiteral("KM-CL-ES EUR 49.90 ")};
        QTest::newRow("de group by reference")
            << "/shop/de/products/3002" << S::JsonLd << "Wanderschuh Alpin GTX"
            << "Bergfest"
            << "de-DE" << QStringList{QStringLiteral("/shop/de/images/3002-1.gif")}
            << QStringList{QStringLiteral("WS-ALP-41 EUR 159.95 size=41"),
                           QStringLiteral("WS-ALP-42 EUR 159.95 size=42"),
                           QStringLiteral("WS-ALP-43 EUR 164.95 size=43")};
        QTest::newRow("de opengraph")
            << "/shop/de/products/3003" << S::OpenGraph << "Leinen-Bettwäsche Set 135×200 cm"
            << "Hausleinen"
            << "de-DE" << QStringList{QStringLiteral("/shop/de/images/3003-1.gif")}
            << QStringList{QStringLiteral("LB-SET-135 EUR 89.00 ")};
    }

    void simProductPages()
    {
        QFETCH(QString, path);
        QFETCH(PageProduct::Source, source);
        QFETCH(QString, name);
        QFETCH(QString, brand);
        QFETCH(QString, language);
        QFETCH(QStringList, images);
        QFETCH(QStringList, variants);
        Sim sim;
        const catalog::ExtractedProduct r = sim.extract(path);
        QVERIFY2(r.ok(), qPrintable(r.error));
        const PageProduct &p = *r.product;
        QCOMPARE(p.source, source);
        QCOMPARE(p.name, name);
        QCOMPARE(p.brand, brand);
        QCOMPARE(p.language, language);
        QCOMPARE(p.url, sim.url(path)); // canonical, og:url or offer url: all the page itself
        QVERIFY(!p.description.isEmpty());
        QStringList absolute;
        for (const QString &image : images)
            absolute << sim.base + image;
        QCOMPARE(p.images, absolute);
        QStringList seen;
        for (const catalog::PageVariant &v : p.variants)
            seen << v.sku + u' ' + v.price.currency().code() + u' ' + v.price.toString() + u' ' +
                        optionsOf(v);
        QCOMPARE(seen, variants);
        // Every image the page names is served.
        const FetchResult gif = httpGet(QUrl(p.images.first()), sim.allowed());
        QCOMPARE(gif.status, 200);
        QCOMPARE(gif.header("content-type"), QByteArray("image/gif"));
        QVERIFY(gif.body.startsWith("GIF89a"));
    }

    void simGroupDetails()
    {
        Sim sim;
        const catalog::ExtractedProduct r = sim.extract(QStringLiteral("/shop/us/products/1003"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.product->groupId, QStringLiteral("MW-CREW"));
        QCOMPARE(r.product->variants[0].availability, QStringLiteral("InStock"));
        QCOMPARE(r.product->variants[2].availability, QStringLiteral("OutOfStock")); // stock 0
        QCOMPARE(r.product->variants[3].url,
                 sim.url(QStringLiteral("/shop/us/products/1003?variant=MW-CREW-M-CHR")));
        // The Shift_JIS page really is Shift_JIS on the wire (where Qt has the codec).
        const FetchResult jp = httpGet(sim.url(QStringLiteral("/shop/jp/products/2003")));
        if (QStringEncoder("Shift_JIS").isValid()) {
            QVERIFY(jp.body.contains("charset=\"Shift_JIS\""));
            QVERIFY(!jp.body.contains(QStringLiteral("有田焼").toUtf8()));
        }
        QCOMPARE(httpGet(sim.url(QStringLiteral("/shop/us/products/9999"))).status, 404);
        QCOMPARE(httpGet(sim.url(QStringLiteral("/shop/xx/products/1001"))).status, 404);
        QCOMPARE(httpGet(sim.url(QStringLiteral("/shop/us/products/1001?view=odd"))).status, 400);
    }

    void simCaptchaAndRedesign()
    {
        Sim sim;
        catalog::ExtractedProduct r =
            sim.extract(QStringLiteral("/shop/us/products/1001?view=captcha"));
        QCOMPARE(r.refusal, PageRefusal::RobotCheck);
        r = sim.extract(QStringLiteral("/shop/jp/products/2002?view=redesign"));
        QCOMPARE(r.refusal, PageRefusal::NoProduct);
        QVERIFY2(r.error.startsWith(QStringLiteral("no product on the page")), qPrintable(r.error));

        // Through the control plane, on the product's own URL (what a price refresh re-reads).
        QCOMPARE(sim.send("POST", QStringLiteral("/__sim/shop/products/us/1001"),
                          R"({"view": "captcha"})")
                     .status,
                 200);
        QCOMPARE(sim.extract(QStringLiteral("/shop/us/products/1001")).refusal,
                 PageRefusal::RobotCheck);
        QCOMPARE(sim.extract(QStringLiteral("/shop/us/products/1001?view=normal")).refusal,
                 PageRefusal::None); // the query wins
        QCOMPARE(sim.send("POST", QStringLiteral("/__sim/shop/products/us/1001"),
                          R"({"view": "normal", "price": "29.99"})")
                     .status,
                 200);
        QCOMPARE(priceOf(sim.extract(QStringLiteral("/shop/us/products/1001"))),
                 QStringLiteral("USD 29.99"));
        QVERIFY(httpGet(sim.url(QStringLiteral("/shop/us/feed.csv"))).body.contains(",29.99,USD,"));
        QCOMPARE(sim.send("DELETE", QStringLiteral("/__sim/shop")).status, 204);
        QCOMPARE(priceOf(sim.extract(QStringLiteral("/shop/us/products/1001"))),
                 QStringLiteral("USD 24.99"));
        // Refusals of the control plane.
        QCOMPARE(
            sim.send("POST", QStringLiteral("/__sim/shop/products/us/1001"), R"({"price": "1,99"})")
                .status,
            400);
        QCOMPARE(
            sim.send("POST", QStringLiteral("/__sim/shop/products/us/1001"), R"({"view": "odd"})")
                .status,
            400);
        QCOMPARE(sim.send("POST", QStringLiteral("/__sim/shop/products/us/42"), R"({})").status,
                 404);
    }

    void simFeed()
    {
        Sim sim;
        const FetchResult r = httpGet(sim.url(QStringLiteral("/shop/us/feed.csv")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("text/csv; charset=utf-8"));
        const QString csv = QString::fromUtf8(r.body);
        QVERIFY(csv.startsWith(QStringLiteral(
            "sku,title,price,currency,description,brand,category,url,image_urls,weight_g,"
            "length_mm,width_mm,height_mm,stock,title_zh\r\n")));
        // Header + 1001, 1002, four sweaters, 1004, then 20 generated products: 28 records,
        // each ended by CRLF; the line break inside 1001's quoted description is a bare LF.
        QCOMPARE(csv.count(QStringLiteral("\r\n")), 28);
        const QString img = sim.base + QStringLiteral("/shop/us/images/");
        QVERIFY(csv.contains(
            QStringLiteral("HP-32-SS,\"Hydro Peak Insulated Water Bottle, Stainless Steel, 32 "
                           "oz\",24.99,USD,\"Double-wall vacuum insulation keeps drinks cold for "
                           "24 hours and hot for 12.\nLeak-proof lid, BPA-free.\",Hydro Peak,"
                           "Outdoor > Hydration,") +
            sim.base + QStringLiteral("/shop/us/products/1001,") + img +
            QStringLiteral("1001-front.gif|") + img +
            QStringLiteral("1001-side.gif,420,90,90,280,57,Hydro Peak 不锈钢保温水壶 32盎司\r\n")));
        QVERIFY(csv.contains(QStringLiteral("\"Lightweight trail running shoes with a waterproof "
                                            "membrane, a \"\"grippy\"\" outsole")));
        QVERIFY(csv.contains(QStringLiteral(
            "MW-CREW-M-CHR,Men's Merino Wool Crew Sweater (M / Charcoal),94.00,USD,")));
        const FetchResult jp = httpGet(sim.url(QStringLiteral("/shop/jp/feed.csv")));
        QVERIFY(QString::fromUtf8(jp.body).contains(
            QStringLiteral("IM-BT-GY,今治タオル バスタオル 綿100% 日本製 (グレー),3520,JPY,")));
        QCOMPARE(httpGet(sim.url(QStringLiteral("/shop/xx/feed.csv"))).status, 404);
    }

    void simTranslates()
    {
        Sim sim;
        const auto translate = [&](const QByteArray &json) {
            const auto r = sim.send("POST", QStringLiteral("/mt/translate"), json);
            return std::make_pair(r.status, QJsonDocument::fromJson(r.body).object());
        };
        // "Stainless Steel" and "Water Bottle" are glossary phrases; the space between the
        // two Chinese words goes; unknown words stay; case does not matter. (\u0027 is the
        // apostrophe: Qt 6.4's moc loses the class after a ' inside a raw string.)
        const auto [status, body] = translate(
            R"({"text": ["Stainless Steel Water Bottle", "Men\u0027s Merino Wool Crew Sweater - M / Navy",
                         "Hello world", "crewneck"], "from": "en", "to": "zh"})");
        QCOMPARE(status, 200);
        QCOMPARE(body.value(QStringLiteral("translations")).toArray(),
                 QJsonArray({QStringLiteral("[MT] 不锈钢水壶"),
                             QStringLiteral("[MT] 男士美利奴羊毛圆领毛衣 - M / 藏青色"),
                             QStringLiteral("[MT] Hello world"),
                             QStringLiteral("[MT] crewneck")})); // whole words only
        // Japanese has no spaces: the longest entry wins ("バスタオル" over "タオル").
        const auto [jpStatus, jp] =
            translate(R"({"text": ["今治タオル バスタオル"], "from": "ja", "to": "zh-CN"})");
        QCOMPARE(jpStatus, 200);
        QCOMPARE(jp.value(QStringLiteral("translations")).toArray(),
                 QJsonArray({QStringLiteral("[MT] 今治毛巾浴巾")}));
        const auto [deStatus, de] =
            translate(R"({"text": ["Kaffeemühle Edelstahl, schwarz"], "from": "de", "to": "zh"})");
        QCOMPARE(deStatus, 200);
        QCOMPARE(de.value(QStringLiteral("translations")).toArray(),
                 QJsonArray({QStringLiteral("[MT] 咖啡研磨机不锈钢, 黑色")}));

        QCOMPARE(translate(R"({"text": ["x"], "from": "en", "to": "fr"})").first, 400);
        QCOMPARE(translate(R"({"text": ["x"], "from": "ko", "to": "zh"})").first, 400);
        QCOMPARE(translate(R"({"text": [], "from": "en", "to": "zh"})").first, 400);
        QCOMPARE(translate(R"({"text": [1], "from": "en", "to": "zh"})").first, 400);
        QCOMPARE(translate("not json").first, 400);
        // The fault switches reach it.
        QCOMPARE(sim.send("POST", QStringLiteral("/__sim/faults"),
                          R"({"path": "/mt/", "mode": "503", "retryAfter": 5, "times": 1})")
                     .status,
                 200);
        const auto busy = sim.send("POST", QStringLiteral("/mt/translate"),
                                   R"({"text": ["x"], "from": "en", "to": "zh"})");
        QCOMPARE(busy.status, 503);
        QCOMPARE(busy.header("Retry-After"), QByteArray("5"));
        QCOMPARE(translate(R"({"text": ["red"], "from": "en", "to": "zh"})").first, 200);
    }

    // ---- faults on the shop paths ----

    void simFaultsReachTheShop()
    {
        Sim sim;
        const QString path = QStringLiteral("/shop/us/products/1001");
        const auto fault = [&](const QByteArray &json) {
            QCOMPARE(sim.send("POST", QStringLiteral("/__sim/faults"), json).status, 200);
        };

        fault(R"({"path": "/shop/us/", "mode": "429", "retryAfter": 30, "times": 1})");
        FetchResult r;
        catalog::ExtractedProduct e = sim.extract(path, &r);
        QCOMPARE(r.status, 429);
        QVERIFY(r.error.isEmpty()); // an HTTP status, not a transport error
        QCOMPARE(r.retryAfterSeconds, 30);
        QVERIFY(!e.ok());
        QVERIFY(sim.extract(path).ok()); // times: 1, so the next request is served

        fault(R"({"path": "/shop/", "mode": "503", "times": 1})");
        sim.extract(path, &r);
        QCOMPARE(r.status, 503);
        QCOMPARE(r.retryAfterSeconds, -1);

        // Truncated: the headers promise more than arrives; the fetch says so and the caller
        // never sees a page to extract from.
        fault(R"({"path": "/shop/us/products/", "mode": "truncate", "times": 1})");
        e = sim.extract(path, &r);
        QVERIFY(r.truncated);
        QVERIFY2(r.error.startsWith(QStringLiteral("the connection closed before the whole body")),
                 qPrintable(r.error));
        QVERIFY(!e.ok());

        fault(R"({"path": "/shop/us/products/", "mode": "reset", "times": 1})");
        e = sim.extract(path, &r);
        QCOMPARE(r.status, 0);
        QVERIFY(!r.error.isEmpty());
        QVERIFY(!r.addressRefused);
        QVERIFY(!e.ok());

        // Slow beyond the fetch's timeout.
        fault(R"({"path": "/shop/de/", "mode": "slow", "delayMs": 2000, "times": 1})");
        FetchOptions quick = sim.allowed();
        quick.totalTimeoutMs = 200;
        const FetchResult slow = httpGet(sim.url(QStringLiteral("/shop/de/products/3001")), quick);
        QVERIFY2(slow.error.startsWith(QStringLiteral("timed out")), qPrintable(slow.error));

        // The feed and images are shop paths too.
        fault(R"({"path": "/shop/jp/feed.csv", "mode": "429", "retryAfter": 2, "times": 1})");
        const FetchResult feed = httpGet(sim.url(QStringLiteral("/shop/jp/feed.csv")));
        QCOMPARE(feed.status, 429);
        QCOMPARE(feed.retryAfterSeconds, 2);
    }
};

QTEST_GUILESS_MAIN(TstProductPage)
#include "tst_productpage.moc"
