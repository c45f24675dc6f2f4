#include "backend/pricing/quote.h"

#include "backend/http/jsonwriter.h"
#include "backend/pricing/ruleset.h"
#include "core/wiretime.h"

#include <QJsonArray>

#include <utility>
#include <vector>

namespace haitao::server::pricing {

namespace {

QJsonArray componentsJson(const QList<Component> &components)
{
    QJsonArray out;
    for (const Component &c : components)
        out.append(c.toJson());
    return out;
}

// The rate as the quote used it: enough to convert again by hand.
QJsonObject usedRateJson(const FxRate &r)
{
    return {
        {QStringLiteral("id"), r.id},
        {QStringLiteral("currency"), r.currency.code()},
        {QStringLiteral("rate"), r.rate.toString()},
        {QStringLiteral("markupPercent"), r.markupPercent.toString()},
        {QStringLiteral("effectiveRate"), r.effectiveRate.toString()},
        {QStringLiteral("source"), r.source},
        {QStringLiteral("asOf"), toWireTime(r.asOfMs)},
    };
}

QJsonObject lineJson(const QuoteLine &l)
{
    QJsonObject o{
        {QStringLiteral("index"), l.index},
        {QStringLiteral("site"), l.site},
        {QStringLiteral("quantity"), l.quantity},
        {QStringLiteral("chargeableWeightG"), l.chargeableWeightG},
        {QStringLiteral("components"), componentsJson(l.components)},
        {QStringLiteral("total"), l.total.toJson()},
    };
    if (l.skuId != 0)
        o.insert(QStringLiteral("skuId"), l.skuId);
    return o;
}

QJsonObject siteJson(const QuoteSite &s)
{
    return {
        {QStringLiteral("site"), s.site},
        {QStringLiteral("origin"), s.origin},
        {QStringLiteral("currency"), s.currency.code()},
        {QStringLiteral("goods"), s.goods.toJson()},
        {QStringLiteral("components"), componentsJson(s.components)},
        {QStringLiteral("total"), s.total.toJson()},
    };
}

// The writers below mirror the QJsonObject builders above key for key; tst_pricing_engine
// checks that both give the same document for thousands of quotes.

// Currency::code() makes a new QString on each call, and a quote writes some 40 amounts.
const QString &codeOf(Currency currency)
{
    static const std::vector<std::pair<Currency, QString>> codes = [] {
        std::vector<std::pair<Currency, QString>> out;
        for (const Currency c : Currency::all())
            out.emplace_back(c, c.code());
        return out;
    }();
    for (const auto &[c, code] : codes) {
        if (c == currency)
            return code;
    }
    Q_UNREACHABLE(); // every Currency is in all()
}

void writeMoney(JsonWriter &w, QStringView key, const Money &m)
{
    w.key(key);
    w.beginObject();
    w.key(u"minor");
    w.integer(m.minor());
    w.key(u"currency");
    w.string(codeOf(m.currency()));
    w.endObject();
}

void writeString(JsonWriter &w, QStringView key, QStringView value)
{
    w.key(key);
    w.string(value);
}

void writeInteger(JsonWriter &w, QStringView key, qint64 value)
{
    w.key(key);
    w.integer(value);
}

void writeComponent(JsonWriter &w, const Component &c)
{
    w.beginObject();
    writeString(w, u"kind", c.kind);
    writeMoney(w, u"original", c.original);
    writeMoney(w, u"cny", c.cny);
    if (c.rate)
        writeString(w, u"rate", c.rate->toString());
    if (!c.ruleId.isEmpty())
        writeString(w, u"ruleId", c.ruleId);
    if (c.percent)
        writeString(w, u"percent", c.percent->toString());
    if (!c.route.isEmpty())
        writeString(w, u"route", c.route);
    if (c.chargeableWeightG >= 0)
        writeInteger(w, u"chargeableWeightG", c.chargeableWeightG);
    if (!c.code.isEmpty())
        writeString(w, u"code", c.code);
    w.endObject();
}

void writeComponents(JsonWriter &w, const QList<Component> &components)
{
    w.key(u"components");
    w.beginArray();
    for (const Component &c : components)
        writeComponent(w, c);
    w.endArray();
}

void writeUsedRate(JsonWriter &w, const FxRate &r)
{
    w.beginObject();
    writeInteger(w, u"id", r.id);
    writeString(w, u"currency", codeOf(r.currency));
    writeString(w, u"rate", r.rate.toString());
    writeString(w, u"markupPercent", r.markupPercent.toString());
    writeString(w, u"effectiveRate", r.effectiveRate.toString());
    writeString(w, u"source", r.source);
    writeString(w, u"asOf", toWireTime(r.asOfMs));
    w.endObject();
}

void writeLine(JsonWriter &w, const QuoteLine &l)
{
    w.beginObject();
    writeInteger(w, u"index", l.index);
    writeString(w, u"site", l.site);
    writeInteger(w, u"quantity", l.quantity);
    writeInteger(w, u"chargeableWeightG", l.chargeableWeightG);
    writeComponents(w, l.components);
    writeMoney(w, u"total", l.total);
    if (l.skuId != 0)
        writeInteger(w, u"skuId", l.skuId);
    w.endObject();
}

void writeSite(JsonWriter &w, const QuoteSite &s)
{
    w.beginObject();
    writeString(w, u"site", s.site);
    writeString(w, u"origin", s.origin);
    writeString(w, u"currency", codeOf(s.currency));
    writeMoney(w, u"goods", s.goods);
    writeComponents(w, s.components);
    writeMoney(w, u"total", s.total);
    w.endObject();
}

} // namespace

QJsonObject Component::toJson() const
{
    QJsonObject o{
        {QStringLiteral("kind"), kind},
        {QStringLiteral("original"), original.toJson()},
        {QStringLiteral("cny"), cny.toJson()},
    };
    if (rate)
        o.insert(QStringLiteral("rate"), rate->toString());
    if (!ruleId.isEmpty())
        o.insert(QStringLiteral("ruleId"), ruleId);
    if (percent)
        o.insert(QStringLiteral("percent"), percent->toString());
    if (!route.isEmpty())
        o.insert(QStringLiteral("route"), route);
    if (chargeableWeightG >= 0)
        o.insert(QStringLiteral("chargeableWeightG"), chargeableWeightG);
    if (!code.isEmpty())
        o.insert(QStringLiteral("code"), code);
    return o;
}

QJsonObject Quote::toJson() const
{
    QJsonArray rateArray;
    for (const FxRate &r : rates)
        rateArray.append(usedRateJson(r));
    QJsonArray lineArray;
    for (const QuoteLine &l : lines)
        lineArray.append(lineJson(l));
    QJsonArray siteArray;
    for (const QuoteSite &s : sites)
        siteArray.append(siteJson(s));
    return {
        {QStringLiteral("ruleSetVersion"), ruleSetVersion},
        {QStringLiteral("rateSnapshot"), rateSnapshot},
        {QStringLiteral("rounding"), roundingName(rounding)},
        {QStringLiteral("pricedAt"), toWireTime(pricedAtMs)},
        {QStringLiteral("expiresAt"), toWireTime(expiresAtMs)},
        {QStringLiteral("rates"), rateArray},
        {QStringLiteral("lines"), lineArray},
        {QStringLiteral("sites"), siteArray},
        {QStringLiteral("components"), componentsJson(components)},
        {QStringLiteral("total"), total.toJson()},
    };
}

QByteArray Quote::toJsonBytes() const
{
    // 5 KB for the benchmark's 5-line cart: about 1 KB a line with its share of sites and
    // routes. Reserved once so that a typical quote never regrows the buffer.
    JsonWriter w(1024 * (2 + lines.size()));
    w.beginObject();
    writeInteger(w, u"ruleSetVersion", ruleSetVersion);
    writeInteger(w, u"rateSnapshot", rateSnapshot);
    writeString(w, u"rounding", roundingName(rounding));
    writeString(w, u"pricedAt", toWireTime(pricedAtMs));
    writeString(w, u"expiresAt", toWireTime(expiresAtMs));
    w.key(u"rates");
    w.beginArray();
    for (const FxRate &r : rates)
        writeUsedRate(w, r);
    w.endArray();
    w.key(u"lines");
    w.beginArray();
    for (const QuoteLine &l : lines)
        writeLine(w, l);
    w.endArray();
    w.key(u"sites");
    w.beginArray();
    for (const QuoteSite &s : sites)
        writeSite(w, s);
    w.endArray();
    writeComponents(w, components);
    writeMoney(w, u"total", total);
    w.endObject();
    return w.take();
}

} // namespace haitao::server::pricing
