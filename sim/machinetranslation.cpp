#include "sim/machinetranslation.h"

#include <QHash>
#include <QList>

#include <algorithm>
#include <utility>

namespace haitao::sim {

namespace {

using Glossary = QList<std::pair<QString, QString>>;

// Longest source first, so that "water bottle" wins over "water".
Glossary sorted(Glossary g)
{
    std::stable_sort(g.begin(), g.end(),
                     [](const auto &a, const auto &b) { return a.first.size() > b.first.size(); });
    return g;
}

const QHash<QString, Glossary> &glossaries()
{
    static const QHash<QString, Glossary> all = {
        {QStringLiteral("en"), sorted({
                                   {QStringLiteral("stainless steel"), QStringLiteral("不锈钢")},
                                   {QStringLiteral("water bottle"), QStringLiteral("水壶")},
                                   {QStringLiteral("insulated"), QStringLiteral("保温")},
                                   {QStringLiteral("men's"), QStringLiteral("男士")},
                                   {QStringLiteral("women's"), QStringLiteral("女士")},
                                   {QStringLiteral("merino wool"), QStringLiteral("美利奴羊毛")},
                                   {QStringLiteral("wool"), QStringLiteral("羊毛")},
                                   {QStringLiteral("crew"), QStringLiteral("圆领")},
                                   {QStringLiteral("sweater"), QStringLiteral("毛衣")},
                                   {QStringLiteral("trail"), QStringLiteral("越野")},
                                   {QStringLiteral("running shoes"), QStringLiteral("跑鞋")},
                                   {QStringLiteral("shoes"), QStringLiteral("鞋")},
                                   {QStringLiteral("waterproof"), QStringLiteral("防水")},
                                   {QStringLiteral("lightweight"), QStringLiteral("轻便")},
                                   {QStringLiteral("cast iron"), QStringLiteral("铸铁")},
                                   {QStringLiteral("skillet"), QStringLiteral("平底锅")},
                                   {QStringLiteral("lid"), QStringLiteral("盖")},
                                   {QStringLiteral("cotton"), QStringLiteral("棉")},
                                   {QStringLiteral("leather"), QStringLiteral("皮革")},
                                   {QStringLiteral("bag"), QStringLiteral("包")},
                                   {QStringLiteral("black"), QStringLiteral("黑色")},
                                   {QStringLiteral("white"), QStringLiteral("白色")},
                                   {QStringLiteral("navy"), QStringLiteral("藏青色")},
                                   {QStringLiteral("charcoal"), QStringLiteral("炭灰色")},
                                   {QStringLiteral("blue"), QStringLiteral("蓝色")},
                                   {QStringLiteral("red"), QStringLiteral("红色")},
                                   {QStringLiteral("grey"), QStringLiteral("灰色")},
                                   {QStringLiteral("gray"), QStringLiteral("灰色")},
                                   {QStringLiteral("green"), QStringLiteral("绿色")},
                                   {QStringLiteral("small"), QStringLiteral("小号")},
                                   {QStringLiteral("medium"), QStringLiteral("中号")},
                                   {QStringLiteral("large"), QStringLiteral("大号")},
                                   {QStringLiteral("size"), QStringLiteral("尺码")},
                                   {QStringLiteral("color"), QStringLiteral("颜色")},
                                   {QStringLiteral("kitchen"), QStringLiteral("厨房")},
                                   {QStringLiteral("coffee"), QStringLiteral("咖啡")},
                                   {QStringLiteral("grinder"), QStringLiteral("研磨机")},
                                   {QStringLiteral("towel"), QStringLiteral("毛巾")},
                                   {QStringLiteral("mug"), QStringLiteral("马克杯")},
                                   {QStringLiteral("teapot"), QStringLiteral("茶壶")},
                                   {QStringLiteral("set"), QStringLiteral("套装")},
                                   {QStringLiteral("new"), QStringLiteral("新款")},
                                   {QStringLiteral("and"), QStringLiteral("和")},
                                   {QStringLiteral("with"), QStringLiteral("带")},
                                   {QStringLiteral("for"), QStringLiteral("适用于")},
                                   {QStringLiteral("oz"), QStringLiteral("盎司")},
                                   {QStringLiteral("inch"), QStringLiteral("英寸")},
                               })},
        {QStringLiteral("de"), sorted({
                                   {QStringLiteral("kaffeemühle"), QStringLiteral("咖啡研磨机")},
                                   {QStringLiteral("edelstahl"), QStringLiteral("不锈钢")},
                                   {QStringLiteral("wanderschuh"), QStringLiteral("徒步鞋")},
                                   {QStringLiteral("bettwäsche"), QStringLiteral("床上用品")},
                                   {QStringLiteral("leinen"), QStringLiteral("亚麻")},
                                   {QStringLiteral("set"), QStringLiteral("套装")},
                                   {QStringLiteral("schwarz"), QStringLiteral("黑色")},
                                   {QStringLiteral("weiß"), QStringLiteral("白色")},
                                   {QStringLiteral("blau"), QStringLiteral("蓝色")},
                                   {QStringLiteral("grau"), QStringLiteral("灰色")},
                                   {QStringLiteral("größe"), QStringLiteral("尺码")},
                                   {QStringLiteral("und"), QStringLiteral("和")},
                                   {QStringLiteral("mit"), QStringLiteral("带")},
                                   {QStringLiteral("für"), QStringLiteral("适用于")},
                               })},
        {QStringLiteral("ja"), sorted({
                                   {QStringLiteral("バスタオル"), QStringLiteral("浴巾")},
                                   {QStringLiteral("タオル"), QStringLiteral("毛巾")},
                                   {QStringLiteral("マグカップ"), QStringLiteral("马克杯")},
                                   {QStringLiteral("急須"), QStringLiteral("茶壶")},
                                   {QStringLiteral("南部鉄器"), QStringLiteral("南部铁器")},
                                   {QStringLiteral("有田焼"), QStringLiteral("有田烧")},
                                   {QStringLiteral("ホワイト"), QStringLiteral("白色")},
                                   {QStringLiteral("ネイビー"), QStringLiteral("藏青色")},
                                   {QStringLiteral("グレー"), QStringLiteral("灰色")},
                                   {QStringLiteral("黒"), QStringLiteral("黑色")},
                                   {QStringLiteral("綿"), QStringLiteral("棉")},
                                   {QStringLiteral("日本製"), QStringLiteral("日本制造")},
                               })},
    };
    return all;
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'\'';
}

bool isCjk(QChar c)
{
    const QChar::Script s = c.script();
    return s == QChar::Script_Han || s == QChar::Script_Hiragana || s == QChar::Script_Katakana ||
           (c.unicode() >= 0x3000 && c.unicode() <= 0x303F) ||
           (c.unicode() >= 0xFF00 && c.unicode() <= 0xFFEF);
}

// Chinese has no spaces between words: "不锈钢 水壶" -> "不锈钢水壶".
QString joinCjk(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u' ' && !out.isEmpty() && isCjk(out.back())) {
            qsizetype next = i;
            while (next < text.size() && text[next] == u' ')
                ++next;
            if (next < text.size() && isCjk(text[next])) {
                i = next - 1;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

} // namespace

QStringList supportedSourceLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("ja")};
}

bool isSupportedTargetLanguage(const QString &code)
{
    return code == u"zh" || code == u"zh-CN" || code == u"zh-Hans";
}

QString fakeTranslate(const QString &text, const QString &from)
{
    const Glossary glossary = glossaries().value(from);
    const bool spaced = from != u"ja"; // Japanese has no word boundaries to respect
    QString out;
    qsizetype i = 0;
    while (i < text.size()) {
        const bool atWordStart = !spaced || i == 0 || !isWordChar(text[i - 1]);
        bool matched = false;
        if (atWordStart) {
            for (const auto &[source, target] : glossary) {
                const qsizetype end = i + source.size();
                if (QStringView(text).mid(i).startsWith(source, Qt::CaseInsensitive) &&
                    (!spaced || end >= text.size() || !isWordChar(text[end]))) {
                    out += target;
                    i = end;
                    matched = true;
                    break;
                }
            }
        }
        if (!matched) {
            out += text[i];
            ++i;
        }
    }
    return QString::fromUtf16(kMachineMarker) + joinCjk(out);
}

} // namespace haitao::sim
