#include "backend-client/pricingtypes.h"

#include "backend-client/jsonfields.h"
#include "core/wiretime.h"

#include <cmath>

namespace haitao::client {

namespace {

using jsonfields::fail;

// A required decimal field; on failure names the field in `why`.
bool readDecimal(const QJsonObject &json, const QString &key, Decimal *out, QString *why)
{
    const std::optional<Decimal> d = decimalFromJson(json.value(key));
    if (!d)
        return fail(why, QStringLiteral("%1 is not a decimal string").arg(key));
    *out = *d;
    return true;
}

// An optional time: absent or null gives an invalid QDateTime, bad text fails.
bool readTime(const QJsonObject &json, const QString &key, QDateTime *out, QString *why)
{
    const QJsonValue v = json.value(key);
    if (v.isUndefined() || v.isNull()) {
        *out = QDateTime();
        return true;
    }
    *out = fromWireTime(v.toString());
    if (!out->isValid())
        return fail(why, QStringLiteral("%1 is not an RFC 3339 time").arg(key));
    return true;
}

qint64 readInteger(const QJsonValue &value)
{
    // Hours of age may come as a fraction; whole hours are what the page shows. (Not money.)
    return qint64(std::floor(value.toDouble()));
}

} // namespace

std::optional<Decimal> decimalFromJson(const QJsonValue &value)
{
    if (!value.isString())
        return std::nullopt;
    const MoneyResult<Decimal> d = Decimal::parse(value.toString());
    if (!d)
        return std::nullopt;
    return d.value();
}

std::optional<Money> moneyFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const MoneyResult<Money> m = Money::fromJson(value.toObject());
    if (!m)
        return std::nullopt;
    return m.value();
}

std::optional<FxRate> FxRate::fromJson(const QJsonObject &json, QString *why)
{
    FxRate r;
    r.id = json.value(QStringLiteral("id")).toInteger();
    r.currency = json.value(QStringLiteral("currency")).toString();
    if (r.currency.isEmpty()) {
        fail(why, QStringLiteral("a rate has no currency"));
        return std::nullopt;
    }
    if (!readDecimal(json, QStringLiteral("rate"), &r.rate, why) ||
        !readDecimal(json, QStringLiteral("markupPercent"), &r.markupPercent, why) ||
        !readDecimal(json, QStringLiteral("effectiveRate"), &r.effectiveRate, why) ||
        !readTime(json, QStringLiteral("asOf"), &r.asOf, why) ||
        !readTime(json, QStringLiteral("validUntil"), &r.validUntil, why) ||
        !readTime(json, QStringLiteral("createdAt"), &r.createdAt, why))
        return std::nullopt;
    r.source = json.value(QStringLiteral("source")).toString();
    r.createdBy = json.value(QStringLiteral("createdBy")).toString();
    r.stale = json.value(QStringLiteral("stale")).toBool();
    r.ageHours = readInteger(json.value(QStringLiteral("ageHours")));
    return r;
}

QJsonObject ManualRate::toJson() const
{
    QJsonObject json{{QStringLiteral("currency"), currency},
                     {QStringLiteral("rate"), rate.toString()},
                     {QStringLiteral("markupPercent"), markupPercent.toString()}};
    if (asOf.isValid())
        json.insert(QStringLiteral("asOf"), toWireTime(asOf));
    if (validUntil.isValid())
        json.insert(QStringLiteral("validUntil"), toWireTime(validUntil));
    return json;
}

std::optional<RuleSetVersion> RuleSetVersion::fromJson(const QJsonObject &json, QString *why)
{
    RuleSetVersion v;
    v.version = json.value(QStringLiteral("version")).toInteger();
    if (v.version <= 0) {
        fail(why, QStringLiteral("a rule set has no version"));
        return std::nullopt;
    }
    if (!readTime(json, QStringLiteral("effectiveAt"), &v.effectiveAt, why) ||
        !readTime(json, QStringLiteral("publishedAt"), &v.publishedAt, why))
        return std::nullopt;
    v.inForce = json.value(QStringLiteral("inForce")).toBool();
    v.publishedBy = json.value(QStringLiteral("publishedBy")).toString();
    v.note = json.value(QStringLiteral("note")).toString();
    v.document = json.value(QStringLiteral("document")).toObject();
    return v;
}

std::optional<Draft> Draft::fromJson(const QJsonObject &json, QString *why)
{
    Draft d;
    d.basedOn = json.value(QStringLiteral("basedOn")).toInteger();
    d.revision = json.value(QStringLiteral("revision")).toInteger();
    if (!readTime(json, QStringLiteral("createdAt"), &d.createdAt, why) ||
        !readTime(json, QStringLiteral("updatedAt"), &d.updatedAt, why))
        return std::nullopt;
    d.createdBy = json.value(QStringLiteral("createdBy")).toString();
    d.updatedBy = json.value(QStringLiteral("updatedBy")).toString();
    d.document = json.value(QStringLiteral("document")).toObject();
    return d;
}

std::optional<Simulation> Simulation::fromJson(const QJsonObject &json, QString *why)
{
    Simulation s;
    s.published = json.value(QStringLiteral("published")).toObject();
    if (s.published.isEmpty()) {
        fail(why, QStringLiteral("the simulation has no published quote"));
        return std::nullopt;
    }
    s.draft = json.value(QStringLiteral("draft")).toObject(); // null: no draft
    const QJsonArray difference = json.value(QStringLiteral("difference")).toArray();
    for (const QJsonValue &v : difference) {
        const QJsonObject o = v.toObject();
        s.difference.append({o.value(QStringLiteral("kind")).toString(),
                             moneyFromJson(o.value(QStringLiteral("published"))),
                             moneyFromJson(o.value(QStringLiteral("draft"))),
                             moneyFromJson(o.value(QStringLiteral("delta")))});
    }
    const QJsonArray sweep = json.value(QStringLiteral("sweep")).toArray();
    for (const QJsonValue &v : sweep) {
        const QJsonObject o = v.toObject();
        s.sweep.append({o.value(QStringLiteral("weightG")).toInteger(),
                        moneyFromJson(o.value(QStringLiteral("published"))),
                        moneyFromJson(o.value(QStringLiteral("draft")))});
    }
    return s;
}

} // namespace haitao::client
