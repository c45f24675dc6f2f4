#include "backend/catalog/demofeed.h"

#include "backend/integrations/httpfetch.h"

#include <QUrl>

namespace haitao::server::catalog {

QList<DemoFeed> demoFeeds()
{
    return {
        {QStringLiteral("amazon.com"),
         QByteArrayLiteral(
             "sku,group,title,price,currency,brand,category,url,image_urls,weight_g,length_mm,"
             "width_mm,height_mm,stock,title_zh,description,option_size,option_color\r\n"
             "US-VITC-120,,Vitamin C 1000mg Tablets 120 count,19.99,USD,NatureWell,"
             "health,https://amazon.com/dp/US-VITC-120,https://img.example/vitc.jpg,320,"
             "120,70,70,240,维生素C 1000毫克 120片,\"High potency vitamin C, 120 tablets\",,\r\n"
             "US-FISH-OIL,,Omega-3 Fish Oil 1200mg Softgels,24.50,USD,NatureWell,health,"
             "https://amazon.com/dp/US-FISH-OIL,https://img.example/fish.jpg,410,130,75,75,"
             "88,深海鱼油软胶囊 1200毫克,Triple strength omega-3,,\r\n"
             "US-TEE-S-BLK,US-TEE,Organic Cotton Crew T-Shirt,15.00,USD,Goodthreads,"
             "apparel,https://amazon.com/dp/US-TEE,https://img.example/tee.jpg,180,300,250,20,"
             "40,,\"Soft organic cotton, regular fit\",S,black\r\n"
             "US-TEE-M-BLK,US-TEE,Organic Cotton Crew T-Shirt,15.00,USD,Goodthreads,"
             "apparel,https://amazon.com/dp/US-TEE,https://img.example/tee.jpg,190,300,250,20,"
             "35,,\"Soft organic cotton, regular fit\",M,black\r\n"
             "US-TEE-L-WHT,US-TEE,Organic Cotton Crew T-Shirt,15.00,USD,Goodthreads,"
             "apparel,https://amazon.com/dp/US-TEE,https://img.example/tee.jpg,200,300,250,20,"
             "12,,\"Soft organic cotton, regular fit\",L,white\r\n"
             "US-EARBUDS,,Wireless Noise Cancelling Earbuds,129.99,USD,SoundCore,"
             "electronics,https://amazon.com/dp/US-EARBUDS,https://img.example/buds.jpg,250,"
             "110,90,40,15,无线降噪耳机,Active noise cancellation with 30h battery,,\r\n"
             "US-BOOK-COOK,,The Complete Cooking Guide (Hardcover),32.00,USD,Penguin,books,"
             "https://amazon.com/dp/US-BOOK-COOK,https://img.example/book.jpg,1100,260,200,35,"
             "7,,\"400 recipes, illustrated\",,\r\n"
             "US-LOTION,,Daily Moisturizing Body Lotion 18 oz,11.49,USD,Aveeno,beauty,"
             "https://amazon.com/dp/US-LOTION,https://img.example/lotion.jpg,600,200,80,60,60,"
             "燕麦每日保湿身体乳 532毫升,Fragrance-free oat formula,,\r\n")},
        {QStringLiteral("amazon.co.jp"),
         QByteArrayLiteral(
             "sku,title,price,currency,brand,category,url,image_urls,weight_g,stock,title_zh,"
             "description,language\n"
             "JP-SUNSCREEN,日焼け止め ジェル SPF50+ 90g,1480,JPY,Biore,beauty,"
             "https://amazon.co.jp/dp/JP-SUNSCREEN,https://img.example/sun.jpg,120,300,"
             "碧柔水感防晒啫喱 SPF50+ 90克,Water-based UV gel,ja\n"
             "JP-MATCHA,宇治抹茶 パウダー 100g,2160,JPY,Marukyu,food,"
             "https://amazon.co.jp/dp/JP-MATCHA,https://img.example/matcha.jpg,150,50,,"
             "Ceremonial grade Uji matcha,ja\n"
             "JP-KNIFE,三徳包丁 ステンレス 165mm,5980,JPY,Kai,kitchen,"
             "https://amazon.co.jp/dp/JP-KNIFE,https://img.example/knife.jpg,300,20,"
             "贝印三德刀 不锈钢 165毫米,Stainless steel santoku knife,ja\n"
             "JP-FACEMASK,フェイスマスク 30枚入,1320,JPY,Lululun,beauty,"
             "https://amazon.co.jp/dp/JP-FACEMASK,https://img.example/mask.jpg,400,120,,"
             "Daily hydrating sheet masks,ja\n")},
        {QStringLiteral("zalando.de"),
         QByteArrayLiteral(
             "sku,group,title,price,currency,brand,category,url,image_urls,weight_g,stock,"
             "option_size\n"
             "DE-SNEAKER-42,DE-SNEAKER,Sneaker low - white,89.95,EUR,adidas,shoes,"
             "https://zalando.de/p/DE-SNEAKER,https://img.example/sneaker.jpg,900,4,42\n"
             "DE-SNEAKER-43,DE-SNEAKER,Sneaker low - white,89.95,EUR,adidas,shoes,"
             "https://zalando.de/p/DE-SNEAKER,https://img.example/sneaker.jpg,920,6,43\n"
             "DE-PARKA-M,DE-PARKA,Winter parka - olive,199.00,EUR,Tommy Hilfiger,apparel,"
             "https://zalando.de/p/DE-PARKA,https://img.example/parka.jpg,1600,3,M\n")},
    };
}

std::optional<QList<DemoFeed>> simDemoFeeds(const QString &simUrl, QString *error)
{
    const QList<QPair<QString, QString>> shops = {
        {QStringLiteral("us"), QStringLiteral("amazon.com")},
        {QStringLiteral("jp"), QStringLiteral("amazon.co.jp")},
        {QStringLiteral("uk"), QStringLiteral("asos.com")}};
    FetchOptions options;
    options.connectTimeoutMs = 3000;
    options.totalTimeoutMs = 10000;
    QList<DemoFeed> feeds;
    for (const auto &[shop, site] : shops) {
        const QUrl url(simUrl + QStringLiteral("/shop/%1/feed.csv").arg(shop));
        const FetchResult r = httpGet(url, options);
        if (!r.error.isEmpty() || r.status != 200 || r.body.isEmpty()) {
            *error = QStringLiteral("%1: %2").arg(
                url.toString(),
                r.error.isEmpty() ? QStringLiteral("HTTP %1").arg(r.status) : r.error);
            return std::nullopt;
        }
        feeds.append({site, r.body});
    }
    return feeds;
}

} // namespace haitao::server::catalog
