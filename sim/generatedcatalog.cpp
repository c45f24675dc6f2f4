#include "sim/generatedcatalog.h"

namespace haitao::sim {

namespace {

struct Row
{
    const char *title;
    const char *titleZh;
    const char *brand;
    const char *category;
    const char *price; // major units
    int weightG;
};

// Trailhead Outfitters, USD.
constexpr Row kUs[] = {
    {"Bamboo Cutting Board Set, 3 Pieces", "竹制砧板三件套", "GreenLeaf",
     "Kitchen > Cutting Boards", "29.99", 1600},
    {"Stainless Steel Travel Mug 16 oz", "不锈钢保温随行杯 16盎司", "Hydro Peak",
     "Kitchen > Drinkware", "19.95", 340},
    {"Multivitamin Gummies for Adults, 90 Count", "成人复合维生素软糖 90粒", "NatureWell",
     "Health > Vitamins", "14.99", 290},
    {"Omega-3 Fish Oil 1200 mg, 120 Softgels", "深海鱼油软胶囊 1200毫克 120粒", "NatureWell",
     "Health > Supplements", "24.50", 410},
    {"Collagen Peptides Powder 20 oz", "胶原蛋白肽粉 20盎司", "Vital Grove", "Health > Supplements",
     "39.99", 680},
    {"Baby Formula Stage 1, 800 g", "婴儿配方奶粉 1段 800克", "LittleSprout", "Baby > Formula",
     "32.99", 1050},
    {"Kids' Waterproof Rain Jacket", "儿童防水雨衣", "Summit Labs", "Apparel > Kids", "45.00", 420},
    {"Wireless Noise Cancelling Headphones", "无线降噪耳机", "SoundCore", "Electronics > Audio",
     "149.99", 550},
    {"Portable Power Bank 20000 mAh", "便携充电宝 20000毫安", "VoltEdge", "Electronics > Chargers",
     "39.99", 480},
    {"Electric Toothbrush with 3 Brush Heads", "电动牙刷 附3个刷头", "BrightSmile",
     "Personal Care > Oral Care", "59.95", 390},
    {"Daily Moisturizing Body Lotion 18 oz", "每日保湿身体乳 18盎司", "Oatfield", "Beauty > Body",
     "11.49", 600},
    {"Vitamin C Face Serum 1 fl oz", "维生素C精华液 30毫升", "Glow Theory", "Beauty > Skin Care",
     "21.00", 120},
    {"Non-Slip Yoga Mat, 6 mm", "防滑瑜伽垫 6毫米", "Flowfit", "Sports > Yoga", "34.95", 1300},
    {"Cushioned Running Socks, 6 Pairs", "缓震跑步袜 6双装", "Summit Labs", "Apparel > Socks",
     "18.99", 300},
    {"LED Desk Lamp with USB Port", "带USB接口的LED台灯", "Lumina", "Home > Lighting", "27.49",
     1100},
    {"Cotton Bath Towel Set, 4 Pieces", "纯棉浴巾四件套", "Homespun", "Home > Bath", "42.00", 1900},
    {"Ceramic Nonstick Frying Pan, 10 in", "陶瓷不粘煎锅 10英寸", "Forge & Hearth",
     "Kitchen > Cookware", "36.99", 1200},
    {"Leather Bifold Wallet", "真皮对折钱包", "Northfold", "Accessories > Wallets", "49.00", 150},
    {"Building Blocks Set, 500 Pieces", "儿童积木套装 500块", "BrickTown", "Toys > Building",
     "54.99", 1400},
    {"Organic Green Tea, 100 Bags", "有机绿茶 100袋", "Leafwise", "Grocery > Tea", "12.99", 260},
};

// 東京キッチンストア, JPY.
constexpr Row kJp[] = {
    {"日焼け止め ジェル SPF50+ 90g", "防晒啫喱 SPF50+ 90克", "サンガード",
     "ビューティー > 日焼け止め", "1480", 120},
    {"宇治抹茶 パウダー 100g", "宇治抹茶粉 100克", "宇治園", "食品 > お茶", "2160", 150},
    {"三徳包丁 ステンレス 165mm", "不锈钢三德刀 165毫米", "関刃物", "キッチン > 包丁", "5980", 300},
    {"フェイスマスク 30枚入", "保湿面膜 30片装", "ルミナス", "ビューティー > スキンケア", "1320",
     400},
    {"化粧水 しっとり 200ml", "滋润化妆水 200毫升", "肌研究所", "ビューティー > スキンケア", "880",
     250},
    {"目薬 クール 12ml", "清凉眼药水 12毫升", "アイケア製薬", "医薬品 > 目薬", "698", 40},
    {"紙おむつ テープ Mサイズ 64枚", "纸尿裤 M码 64片", "ふわりベビー", "ベビー > おむつ", "1780",
     2100},
    {"粉ミルク 缶 800g", "婴儿奶粉 罐装 800克", "すこやか乳業", "ベビー > ミルク", "2580", 1000},
    {"電気ケトル 1.0L", "电热水壶 1.0升", "ミナト電機", "家電 > キッチン家電", "4980", 900},
    {"IH炊飯器 5.5合", "IH电饭煲 5.5合", "ミナト電機", "家電 > 炊飯器", "29800", 5200},
    {"ステンレス 水筒 500ml", "不锈钢保温杯 500毫升", "サーモライン", "キッチン > 水筒", "3280",
     260},
    {"シャンプー ノンシリコン 480ml", "无硅油洗发水 480毫升", "ボタニカル",
     "ビューティー > ヘアケア", "1540", 560},
    {"薬用 歯磨き粉 120g", "药用牙膏 120克", "デンタルプロ", "日用品 > オーラルケア", "398", 150},
    {"ゲルインクボールペン 0.5mm 10本セット", "中性笔 0.5毫米 10支装", "ミツボシ文具",
     "文房具 > ペン", "1100", 120},
    {"ハンドクリーム 50g", "护手霜 50克", "ユズハ", "ビューティー > ハンドケア", "1045", 80},
    {"緑茶 ティーバッグ 100袋", "绿茶茶包 100袋", "静岡茶園", "食品 > お茶", "980", 220},
    {"カップ麺 しょうゆ味 12個入", "酱油味杯面 12个装", "麺の達人", "食品 > 麺類", "2380", 1100},
    {"ヘアドライヤー 大風量", "大风量吹风机", "ミナト電機", "家電 > 美容家電", "12800", 650},
    {"ぬいぐるみ ねこ 30cm", "猫咪毛绒玩偶 30厘米", "もふもふ堂", "おもちゃ > ぬいぐるみ", "3300",
     300},
    {"折りたたみ傘 軽量 晴雨兼用", "轻量晴雨两用折叠伞", "アメフリ", "ファッション > 傘", "1650",
     210},
};

// Camden Wardrobe, GBP.
constexpr Row kUk[] = {
    {"Oversized Wool-Blend Coat in Camel", "驼色羊毛混纺廓形大衣", "Camden Edit", "Women > Coats",
     "120.00", 1500},
    {"Slim Fit Chinos in Navy", "海军蓝修身卡其裤", "Camden Edit", "Men > Trousers", "35.00", 450},
    {"Leather Chelsea Boots in Black", "黑色真皮切尔西靴", "Hackney & Co", "Shoes > Boots", "89.99",
     1300},
    {"Cashmere Crew Neck Jumper", "羊绒圆领毛衣", "Hebridean Knit", "Men > Knitwear", "95.00", 380},
    {"Classic Trench Coat in Stone", "经典石色风衣", "Camden Edit", "Women > Coats", "150.00",
     1200},
    {"Floral Midi Dress", "碎花中长连衣裙", "Primrose Lane", "Women > Dresses", "42.00", 300},
    {"Heavy Canvas Tote Bag", "厚帆布托特包", "Hackney & Co", "Accessories > Bags", "18.00", 350},
    {"Classic White Leather Trainers", "经典白色真皮运动鞋", "Hackney & Co", "Shoes > Trainers",
     "65.00", 1000},
    {"Silk Scarf in Paisley Print", "佩斯利印花真丝围巾", "Primrose Lane", "Accessories > Scarves",
     "39.50", 90},
    {"Cotton Oxford Shirt in Blue", "蓝色纯棉牛津衬衫", "Savile Lane", "Men > Shirts", "29.99",
     300},
    {"High Rise Straight Jeans", "高腰直筒牛仔裤", "Camden Edit", "Women > Jeans", "45.00", 600},
    {"Quilted Gilet in Olive", "橄榄绿绗缝马甲", "Hebridean Knit", "Men > Jackets", "55.00", 500},
    {"Ribbed Wool Beanie", "罗纹羊毛针织帽", "Hebridean Knit", "Accessories > Hats", "16.00", 100},
    {"Leather Belt in Tan", "棕褐色真皮腰带", "Savile Lane", "Accessories > Belts", "25.00", 200},
    {"Rose Hand Cream 75 ml", "玫瑰护手霜 75毫升", "Kensington Apothecary", "Beauty > Hands",
     "12.50", 110},
    {"English Breakfast Tea, 80 Bags", "英式早餐茶 80袋", "Thames Tea Co.", "Food > Tea", "6.49",
     280},
    {"All Butter Shortbread Tin, 500 g", "全黄油酥饼铁盒 500克", "Highland Bakehouse",
     "Food > Biscuits", "14.99", 750},
    {"Waxed Cotton Jacket", "涂蜡棉夹克", "Savile Lane", "Men > Jackets", "189.00", 1600},
    {"Merino Wool Socks, 3 Pack", "美利奴羊毛袜 3双装", "Hebridean Knit", "Men > Socks", "19.50",
     180},
    {"Pleated Mini Skirt in Tartan", "格纹百褶短裙", "Primrose Lane", "Women > Skirts", "32.00",
     280},
};

template <size_t N>
void append(QList<ShopProduct> &out, const char *site, int firstId, const Row (&rows)[N],
            const QString &description)
{
    const bool jp = QLatin1String(site) == u"jp";
    for (size_t i = 0; i < N; ++i) {
        const Row &r = rows[i];
        ShopProduct p;
        p.site = QLatin1String(site);
        p.id = QString::number(firstId + int(i));
        // JSON-LD and OpenGraph pages by turns; the Japanese ones all JSON-LD, since that
        // shop's OpenGraph pages are Shift_JIS.
        p.layout = jp || i % 2 == 0 ? PageLayout::JsonLd : PageLayout::OpenGraph;
        p.sku = QStringLiteral("%1-%2").arg(QLatin1String(site).toString().toUpper(), p.id);
        p.title = QString::fromUtf8(r.title);
        p.titleZh = QString::fromUtf8(r.titleZh);
        p.description = description;
        p.brand = QString::fromUtf8(r.brand);
        p.category = QString::fromUtf8(r.category);
        p.price = QLatin1String(r.price);
        p.images = {p.id + QStringLiteral("-1.gif")};
        p.weightG = r.weightG;
        p.lengthMm = 150 + int(i % 5) * 50;
        p.widthMm = 100 + int(i % 3) * 40;
        p.heightMm = 40 + int(i % 4) * 30;
        p.stock = 20 + int(i * 37 % 80); // enough for many orders: the sim never runs out
        out << p;
    }
}

} // namespace

QList<ShopProduct> generatedProducts()
{
    QList<ShopProduct> out;
    append(out, "us", 1005, kUs,
           QStringLiteral("Genuine product, shipped from our own US warehouse."));
    append(out, "jp", 2004, kJp, QStringLiteral("正規品です。国内の自社倉庫から発送します。"));
    append(out, "uk", 4001, kUk,
           QStringLiteral("Genuine product, shipped from our own London warehouse."));
    return out;
}

} // namespace haitao::sim
