// Writes a realistic partner feed of N SKUs (CSV, docs/feeds.md) for the catalog benchmarks:
// English source titles built from brands, adjectives, product nouns and sizes, their Chinese
// titles, one to four variants per product (size and colour options), prices in the site's
// currency, weights and sizes. Deterministic for a given seed.
// Usage: bench_feedgen N OUT.csv [--seed S] [--currency USD] [--max-variants 4]
//   --max-variants 1 gives one SKU per product (N listings, e.g. for the search benchmark)
#include <QByteArray>
#include <QFile>
#include <QString>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>

namespace {

struct Word
{
    const char *en;
    const char *zh;
};

constexpr Word kBrands[] = {
    {"NatureWell", "自然之选"},
    {"Goodthreads", "优线"},
    {"SoundCore", "声阔"},
    {"Aveeno", "艾惟诺"},
    {"Kai", "贝印"},
    {"Biore", "碧柔"},
    {"Muji", "无印良品"},
    {"Uniqlo", "优衣库"},
    {"Anker", "安克"},
    {"Philips", "飞利浦"},
    {"Braun", "博朗"},
    {"Lego", "乐高"},
    {"Nike", "耐克"},
    {"Adidas", "阿迪达斯"},
    {"Sony", "索尼"},
    {"Zojirushi", "象印"},
    {"Shiseido", "资生堂"},
    {"Kiehls", "科颜氏"},
    {"Patagonia", "巴塔哥尼亚"},
    {"Le Creuset", "酷彩"},
    {"WMF", "福腾宝"},
    {"Swisse", "瑞思"},
    {"Blackmores", "澳佳宝"},
    {"Hario", "好璃奥"},
};

constexpr Word kAdjectives[] = {
    {"Organic", "有机"},          {"Wireless", "无线"},       {"Stainless Steel", "不锈钢"},
    {"Lightweight", "轻量"},      {"Waterproof", "防水"},     {"Premium", "高级"},
    {"Classic", "经典"},          {"Portable", "便携"},       {"Ultra Soft", "超柔软"},
    {"Fragrance-Free", "无香"},   {"Ceramic", "陶瓷"},        {"Merino Wool", "美利奴羊毛"},
    {"Noise Cancelling", "降噪"}, {"High Potency", "高含量"}, {"Insulated", "保温"},
};

struct Noun
{
    const char *en;
    const char *zh;
    const char *category;
    int minPrice, maxPrice; // in minor units
    int minWeight, maxWeight;
};

constexpr Noun kNouns[] = {
    {"Cotton T-Shirt", "棉质T恤", "apparel", 999, 4999, 150, 250},
    {"Running Shoes", "跑步鞋", "shoes", 4999, 17999, 600, 1100},
    {"Earbuds", "耳机", "electronics", 2999, 29999, 80, 300},
    {"Vitamin C Tablets", "维生素C片", "health", 799, 3999, 150, 450},
    {"Fish Oil Softgels", "鱼油软胶囊", "health", 999, 4999, 200, 500},
    {"Body Lotion", "身体乳", "beauty", 599, 2999, 300, 700},
    {"Sunscreen Gel", "防晒啫喱", "beauty", 899, 3499, 80, 200},
    {"Chef Knife", "厨师刀", "kitchen", 2999, 19999, 200, 400},
    {"Vacuum Flask", "保温杯", "kitchen", 1999, 5999, 250, 500},
    {"Coffee Grinder", "咖啡研磨机", "kitchen", 2999, 12999, 400, 1500},
    {"Winter Parka", "冬季派克大衣", "apparel", 9999, 39999, 900, 2000},
    {"Building Set", "积木套装", "toys", 1999, 19999, 300, 2500},
    {"Face Mask", "面膜", "beauty", 999, 3999, 100, 500},
    {"Backpack", "双肩包", "bags", 2999, 14999, 500, 1200},
    {"Electric Toothbrush", "电动牙刷", "electronics", 2999, 19999, 200, 600},
    {"Hiking Socks", "徒步袜", "apparel", 999, 2999, 60, 150},
};

constexpr const char *kSizes[] = {"XS", "S", "M", "L", "XL"};
constexpr const char *kColours[] = {"black", "white", "navy", "red", "olive", "grey"};
constexpr const char *kAmounts[] = {"60 count", "120 count", "500ml", "250g", "2 pack", "1.5L"};
constexpr const char *kAmountsZh[] = {"60粒", "120粒", "500毫升", "250克", "2件装", "1.5升"};

template <typename T, std::size_t N> const T &pick(const T (&a)[N], std::mt19937_64 &rng)
{
    return a[rng() % N];
}

int between(std::mt19937_64 &rng, int lo, int hi)
{
    return lo + static_cast<int>(rng() % static_cast<unsigned>(hi - lo + 1));
}

QByteArray price(int minor)
{
    return QByteArray::number(minor / 100) + '.' +
           QByteArray::number(minor % 100).rightJustified(2, '0');
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_feedgen N OUT.csv [--seed S] [--currency USD] "
                             "[--max-variants 4]\n");
        return 2;
    }
    const long long total = std::atoll(argv[1]);
    QByteArray currency = "USD";
    unsigned long long seed = 20261125;
    int maxVariants = 4;
    for (int i = 3; i + 1 < argc; i += 2) {
        if (QByteArray(argv[i]) == "--seed")
            seed = std::strtoull(argv[i + 1], nullptr, 10);
        else if (QByteArray(argv[i]) == "--currency")
            currency = argv[i + 1];
        else if (QByteArray(argv[i]) == "--max-variants")
            maxVariants = std::max(1, std::atoi(argv[i + 1]));
    }
    QFile out(QString::fromLocal8Bit(argv[2]));
    if (total <= 0 || !out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "bench_feedgen: need N > 0 and a writable OUT\n");
        return 1;
    }
    std::mt19937_64 rng(seed);
    QByteArray buf;
    buf.reserve(1 << 20);
    buf += "sku,group,title,price,currency,brand,category,url,image_urls,weight_g,length_mm,"
           "width_mm,height_mm,stock,title_zh,description,option_size,option_color\r\n";
    long long written = 0;
    for (long long product = 1; written < total; ++product) {
        const Word &brand = pick(kBrands, rng);
        const Word &adjective = pick(kAdjectives, rng);
        const Noun &noun = pick(kNouns, rng);
        const int amount = between(rng, 0, std::size(kAmounts) - 1);
        const QByteArray group = "P" + QByteArray::number(product);
        const QByteArray title = QByteArray(brand.en) + ' ' + adjective.en + ' ' + noun.en + ' ' +
                                 kAmounts[amount] + " #" + QByteArray::number(product % 9973);
        const QByteArray titleZh =
            QByteArray(brand.zh) + adjective.zh + noun.zh + ' ' + kAmountsZh[amount];
        const int basePrice = between(rng, noun.minPrice, noun.maxPrice);
        const int weight = between(rng, noun.minWeight, noun.maxWeight);
        // Half the products are single SKUs, the rest have 2 to 4 variants.
        const int variants =
            rng() % 2 == 0 || maxVariants == 1 ? 1 : between(rng, 2, std::max(2, maxVariants));
        for (int v = 0; v < variants && written < total; ++v, ++written) {
            const QByteArray sku = group + '-' + QByteArray::number(v + 1);
            buf += sku + ',' + (variants > 1 ? group : QByteArray()) + ',' + title + ',' +
                   price(basePrice + v * 100) + ',' + currency + ',' + brand.en + ',' +
                   noun.category + ",https://shop.example/p/" + group +
                   ",https://img.shop.example/" + group + ".jpg," +
                   QByteArray::number(weight + v * 10) + ",300,200," +
                   QByteArray::number(between(rng, 20, 120)) + ',' +
                   QByteArray::number(between(rng, 0, 500)) + ',' + titleZh + ",\"" + adjective.en +
                   ' ' + noun.en + " by " + brand.en + ", ships from the brand's own warehouse\"," +
                   (variants > 1 ? QByteArray(kSizes[v % std::size(kSizes)]) : QByteArray()) + ',' +
                   (variants > 1 ? QByteArray(pick(kColours, rng)) : QByteArray()) + "\r\n";
        }
        if (buf.size() > (1 << 20) - 4096) {
            out.write(buf);
            buf.clear();
        }
    }
    out.write(buf);
    out.close();
    std::printf("%lld SKUs written to %s\n", written, argv[2]);
    return 0;
}
