#include "backend/translation/demoglossary.h"

namespace haitao::server::translation {

QList<GlossaryEntry> demoGlossary()
{
    struct Row
    {
        const char16_t *term;
        const char16_t *translation;
        const char16_t *note;
    };
    static const Row terms[] = {
        {u"cotton", u"棉", u""},
        {u"organic cotton", u"有机棉", u""},
        {u"merino wool", u"美利奴羊毛", u""},
        {u"stainless steel", u"不锈钢", u""},
        {u"cast iron", u"铸铁", u""},
        {u"water bottle", u"水杯", u""},
        {u"sweater", u"毛衣", u""},
        {u"face mask", u"面膜", u"skin care, not a medical mask"},
        {u"vitamin C", u"维生素C", u""},
        {u"tablets", u"片", u"dietary supplements"},
        {u"insulated", u"保温", u""},
        {u"skillet", u"平底锅", u""},
    };
    static const Row forbidden[] = {
        {u"最便宜", u"", u"advertising law: no superlatives"},
        {u"第一品牌", u"", u"advertising law: no superlatives"},
    };
    QList<GlossaryEntry> out;
    for (const Row &r : terms) {
        GlossaryEntry e;
        e.term = QString::fromUtf16(r.term);
        e.translation = QString::fromUtf16(r.translation);
        e.note = QString::fromUtf16(r.note);
        out.append(e);
    }
    for (const Row &r : forbidden) {
        GlossaryEntry e;
        e.term = QString::fromUtf16(r.term);
        e.kind = QStringLiteral("forbidden");
        e.note = QString::fromUtf16(r.note);
        out.append(e);
    }
    return out;
}

} // namespace haitao::server::translation
