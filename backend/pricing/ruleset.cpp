#include "backend/pricing/ruleset.h"

#include "core/wiretime.h"

#include <QDateTime>
#include <QHash>
#include <QJsonValue>

#include <algorithm>
#include <iterator>

namespace haitao::server::pricing {

namespace {

struct KindEntry
{
    RuleKind kind;
    const char *name;
};

constexpr KindEntry kKinds[] = {
    {RuleKind::DomesticShipping, "domestic_shipping"},
    {RuleKind::ForwarderFee, "forwarder_fee"},
    {RuleKind::InternationalShipping, "international_shipping"},
    {RuleKind::ServiceFee, "service_fee"},
    {RuleKind::ImportTax, "import_tax"},
    {RuleKind::Coupon, "coupon"},
    {RuleKind::SpendSave, "spend_save"},
    {RuleKind::FirstOrder, "first_order"},
};

// The kinds a published set must have a default rule for (docs/pricing.md).
constexpr RuleKind kMandatory[] = {RuleKind::DomesticShipping, RuleKind::ForwarderFee,
                                   RuleKind::InternationalShipping, RuleKind::ServiceFee,
                                   RuleKind::ImportTax};

// JSON integers are exact up to 2^53 - 1 (the same limit as Money's wire form).
constexpr qint64 kMaxInteger = (qint64(1) << 53) - 1;
constexpr qint64 kMaxPriority = 1000000000;
constexpr int kMaxRules = 1000;
constexpr int kMaxSites = 1000;

// Which scope fields each kind may use (the table in docs/pricing.md).
enum ScopeBit : unsigned {
    ScopeSite = 1,
    ScopeCategory = 2,
    ScopeOrigin = 4,
    ScopeDestination = 8,
    ScopeWeight = 16,
    ScopeValidity = 32,
};

unsigned allowedScope(RuleKind kind)
{
    switch (kind) {
    case RuleKind::DomesticShipping:
        return ScopeSite | ScopeValidity;
    case RuleKind::ForwarderFee:
    case RuleKind::InternationalShipping:
        return ScopeOrigin | ScopeDestination | ScopeWeight | ScopeValidity;
    case RuleKind::ImportTax:
        return ScopeCategory | ScopeValidity;
    case RuleKind::ServiceFee:
    case RuleKind::Coupon:
    case RuleKind::SpendSave:
    case RuleKind::FirstOrder:
        return ScopeValidity;
    }
    return 0;
}

unsigned scopeBit(QStringView key)
{
    if (key == u"site")
        return ScopeSite;
    if (key == u"category")
        return ScopeCategory;
    if (key == u"origin")
        return ScopeOrigin;
    if (key == u"destination")
        return ScopeDestination;
    if (key == u"minWeightG" || key == u"maxWeightG")
        return ScopeWeight;
    if (key == u"validFrom" || key == u"validTo")
        return ScopeValidity;
    return 0;
}

bool isWeightBased(RuleKind kind)
{
    return kind == RuleKind::ForwarderFee || kind == RuleKind::InternationalShipping;
}

// The parameters of each kind, besides id, kind, description, scope and priority.
QList<QStringView> parametersOf(RuleKind kind)
{
    switch (kind) {
    case RuleKind::DomesticShipping:
        return {u"flat", u"freeAbove"};
    case RuleKind::ForwarderFee:
    case RuleKind::InternationalShipping:
        return {u"divisor", u"firstG", u"first", u"additionalG", u"additional"};
    case RuleKind::ServiceFee:
        return {u"percent", u"min", u"max"};
    case RuleKind::ImportTax:
        return {u"percent"};
    case RuleKind::Coupon:
        return {u"code", u"fixed", u"percent", u"max", u"minSpend", u"exclusive"};
    case RuleKind::SpendSave:
        return {u"threshold", u"save", u"exclusive"};
    case RuleKind::FirstOrder:
        return {u"fixed", u"percent", u"max", u"exclusive"};
    }
    return {};
}

bool isCommonField(QStringView key)
{
    return key == u"id" || key == u"kind" || key == u"description" || key == u"scope" ||
           key == u"priority";
}

bool isAnyParameter(QStringView key)
{
    return std::any_of(std::begin(kKinds), std::end(kKinds),
                       [key](const KindEntry &e) { return parametersOf(e.kind).contains(key); });
}

bool isIdChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
           c == u'.' || c == u'_' || c == u'-';
}

bool isCountryCode(const QString &s)
{
    return s.size() == 2 &&
           std::all_of(s.begin(), s.end(), [](QChar c) { return c >= u'A' && c <= u'Z'; });
}

QString quoted(const QString &s)
{
    return u'"' + s + u'"';
}

QString at(const QString &path, QStringView key)
{
    return path + u'.' + key.toString();
}

QString indexed(QStringView array, qsizetype index)
{
    return QStringLiteral("%1[%2]").arg(array).arg(index);
}

// Collects every problem, so that one 422 lists them all. `errors` may be null.
class Reader
{
public:
    explicit Reader(QList<FieldProblem> *errors)
        : m_errors(errors)
    {}

    void fail(const QString &field, const QString &message)
    {
        ++m_count;
        if (m_errors)
            m_errors->append({field, message});
    }
    int count() const { return m_count; }

    // Present and a whole number in [min, max]; nullopt (and a problem unless absent and
    // optional) otherwise.
    std::optional<qint64> integer(const QJsonObject &o, QStringView key, const QString &path,
                                  qint64 min, qint64 max, bool required)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) {
            if (required)
                fail(at(path, key), QStringLiteral("required"));
            return std::nullopt;
        }
        const qint64 sentinel = std::numeric_limits<qint64>::min();
        const qint64 n = v.isDouble() ? v.toInteger(sentinel) : sentinel;
        if (n == sentinel || n < min || n > max) {
            fail(at(path, key),
                 QStringLiteral("must be a whole number from %1 to %2").arg(min).arg(max));
            return std::nullopt;
        }
        return n;
    }

    // {"minor", "currency"}, not negative, CNY when `cnyOnly`.
    std::optional<Money> money(const QJsonObject &o, QStringView key, const QString &path,
                               bool required, bool cnyOnly)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) {
            if (required)
                fail(at(path, key), QStringLiteral("required"));
            return std::nullopt;
        }
        if (!v.isObject()) {
            fail(at(path, key),
                 QStringLiteral("must be money: {\"minor\": ..., \"currency\": ...}"));
            return std::nullopt;
        }
        const MoneyResult<Money> m = Money::fromJson(v.toObject());
        if (!m) {
            fail(at(path, key), m.error().message);
            return std::nullopt;
        }
        if (m->isNegative()) {
            fail(at(path, key), QStringLiteral("must not be negative"));
            return std::nullopt;
        }
        if (cnyOnly && m->currency() != Currency::cny()) {
            fail(at(path, key), QStringLiteral("must be in CNY"));
            return std::nullopt;
        }
        return *m;
    }

    // A decimal string from 0 to 100.
    std::optional<Decimal> percent(const QJsonObject &o, QStringView key, const QString &path,
                                   bool required)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) {
            if (required)
                fail(at(path, key), QStringLiteral("required"));
            return std::nullopt;
        }
        if (!v.isString()) {
            fail(at(path, key), QStringLiteral("must be a decimal string such as \"9.1\""));
            return std::nullopt;
        }
        const MoneyResult<Decimal> d = Decimal::parse(v.toString());
        if (!d) {
            fail(at(path, key), d.error().message);
            return std::nullopt;
        }
        if (d->isNegative() || *d > Decimal::fromInteger(100)) {
            fail(at(path, key), QStringLiteral("must be from 0 to 100"));
            return std::nullopt;
        }
        return *d;
    }

    // A string of 1..maxLength characters without spaces; nullopt when absent or bad.
    std::optional<QString> name(const QJsonObject &o, QStringView key, const QString &path,
                                int maxLength, bool required)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) {
            if (required)
                fail(at(path, key), QStringLiteral("required"));
            return std::nullopt;
        }
        const QString s = v.toString();
        const bool spaces = std::any_of(s.begin(), s.end(), [](QChar c) { return c.isSpace(); });
        if (!v.isString() || s.isEmpty() || s.size() > maxLength || spaces) {
            fail(at(path, key),
                 QStringLiteral("must be 1 to %1 characters without spaces").arg(maxLength));
            return std::nullopt;
        }
        return s;
    }

    std::optional<QString> country(const QJsonObject &o, QStringView key, const QString &path,
                                   bool required)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) {
            if (required)
                fail(at(path, key), QStringLiteral("required"));
            return std::nullopt;
        }
        if (!v.isString() || !isCountryCode(v.toString())) {
            fail(at(path, key), QStringLiteral("must be a two-letter upper-case country code"));
            return std::nullopt;
        }
        return v.toString();
    }

    // RFC 3339 with an explicit offset ("Z" or "+08:00"): fromWireTime refuses a time
    // without one, which would be read in the server's local zone.
    std::optional<qint64> time(const QJsonObject &o, QStringView key, const QString &path)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return std::nullopt;
        const QDateTime t = v.isString() ? fromWireTime(v.toString()) : QDateTime();
        if (!t.isValid()) {
            fail(at(path, key), QStringLiteral("must be an RFC 3339 time with an offset, such as "
                                               "\"2026-11-11T00:00:00.000Z\""));
            return std::nullopt;
        }
        return t.toMSecsSinceEpoch();
    }

private:
    QList<FieldProblem> *m_errors;
    int m_count = 0;
};

Scope readScope(Reader &r, const QJsonValue &value, RuleKind kind, const QString &path)
{
    Scope s;
    if (value.isUndefined())
        return s;
    if (!value.isObject()) {
        r.fail(path, QStringLiteral("must be an object"));
        return s;
    }
    const QJsonObject o = value.toObject();
    const unsigned allowed = allowedScope(kind);
    for (auto it = o.begin(); it != o.end(); ++it) {
        const unsigned bit = scopeBit(it.key());
        if (bit == 0)
            r.fail(at(path, it.key()), QStringLiteral("unknown scope field"));
        else if ((allowed & bit) == 0)
            r.fail(at(path, it.key()),
                   QStringLiteral("not allowed for kind %1").arg(ruleKindName(kind)));
    }
    if (allowed & ScopeSite)
        s.site = r.name(o, u"site", path, 253, false).value_or(QString()).toLower(); // a domain
    if (allowed & ScopeCategory)
        s.category = r.name(o, u"category", path, 64, false).value_or(QString());
    if (allowed & ScopeOrigin)
        s.origin = r.country(o, u"origin", path, false).value_or(QString());
    if (allowed & ScopeDestination)
        s.destination = r.country(o, u"destination", path, false).value_or(QString());
    if (allowed & ScopeWeight) {
        s.minWeightG = r.integer(o, u"minWeightG", path, 0, kMaxInteger, false);
        s.maxWeightG = r.integer(o, u"maxWeightG", path, 1, kMaxInteger, false);
        if (s.minWeightG && s.maxWeightG && *s.minWeightG >= *s.maxWeightG)
            r.fail(at(path, u"maxWeightG"), QStringLiteral("must be greater than minWeightG"));
    }
    if (allowed & ScopeValidity) {
        s.validFromMs = r.time(o, u"validFrom", path);
        s.validToMs = r.time(o, u"validTo", path);
        if (s.validFromMs && s.validToMs && *s.validFromMs >= *s.validToMs)
            r.fail(at(path, u"validTo"), QStringLiteral("must be after validFrom"));
    }
    return s;
}

// fixed or percent (exactly one), max only with percent; all in CNY.
void readDiscount(Reader &r, const QJsonObject &o, const QString &path, Rule &rule)
{
    rule.fixed = r.money(o, u"fixed", path, false, true);
    rule.percent = r.percent(o, u"percent", path, false);
    rule.max = r.money(o, u"max", path, false, true);
    const bool hasFixed = o.contains(u"fixed");
    const bool hasPercent = o.contains(u"percent");
    if (hasFixed && hasPercent)
        r.fail(at(path, u"fixed"), QStringLiteral("give either fixed or percent, not both"));
    if (!hasFixed && !hasPercent)
        r.fail(at(path, u"percent"), QStringLiteral("required: give either fixed or percent"));
    if (o.contains(u"max") && !hasPercent)
        r.fail(at(path, u"max"), QStringLiteral("only allowed with percent"));
}

void readParameters(Reader &r, const QJsonObject &o, const QString &path, Rule &rule)
{
    switch (rule.kind) {
    case RuleKind::DomesticShipping:
        rule.flat = r.money(o, u"flat", path, true, false);
        rule.freeAbove = r.money(o, u"freeAbove", path, false, false);
        break;
    case RuleKind::ForwarderFee:
    case RuleKind::InternationalShipping: {
        rule.divisor = r.integer(o, u"divisor", path, 1, kMaxInteger, true).value_or(0);
        rule.firstG = r.integer(o, u"firstG", path, 0, kMaxInteger, true).value_or(0);
        rule.first = r.money(o, u"first", path, true, false);
        rule.additionalG = r.integer(o, u"additionalG", path, 1, kMaxInteger, true).value_or(0);
        rule.additional = r.money(o, u"additional", path, true, false);
        if (rule.first && rule.additional &&
            rule.first->currency() != rule.additional->currency()) {
            r.fail(at(path, u"additional"), QStringLiteral("must be in the currency of first (%1)")
                                                .arg(rule.first->currency().code()));
        }
        break;
    }
    case RuleKind::ServiceFee:
        rule.percent = r.percent(o, u"percent", path, true);
        rule.min = r.money(o, u"min", path, true, true);
        rule.max = r.money(o, u"max", path, true, true);
        if (rule.min && rule.max && rule.min->minor() > rule.max->minor())
            r.fail(at(path, u"max"), QStringLiteral("must not be below min"));
        break;
    case RuleKind::ImportTax:
        rule.percent = r.percent(o, u"percent", path, true);
        break;
    case RuleKind::Coupon: {
        const QJsonValue code = o.value(u"code");
        const QString text = code.toString();
        const bool valid =
            code.isString() && !text.isEmpty() && text.size() <= 32 &&
            std::all_of(text.begin(), text.end(), [](QChar c) { return isIdChar(c) && c != u'.'; });
        if (!valid) {
            r.fail(at(path, u"code"),
                   code.isUndefined()
                       ? QStringLiteral("required")
                       : QStringLiteral("must be 1 to 32 characters of A-Z a-z 0-9 _ -"));
        } else {
            rule.code = text.toUpper(); // codes are matched case-insensitively
        }
        readDiscount(r, o, path, rule);
        rule.minSpend = r.money(o, u"minSpend", path, false, true);
        break;
    }
    case RuleKind::SpendSave:
        rule.threshold = r.money(o, u"threshold", path, true, true);
        rule.save = r.money(o, u"save", path, true, true);
        break;
    case RuleKind::FirstOrder:
        readDiscount(r, o, path, rule);
        break;
    }
}

std::optional<Rule> readRule(Reader &r, const QJsonValue &value, const QString &path)
{
    if (!value.isObject()) {
        r.fail(path, QStringLiteral("must be an object"));
        return std::nullopt;
    }
    const QJsonObject o = value.toObject();
    const int before = r.count();
    Rule rule;

    const QJsonValue id = o.value(u"id");
    const QString idText = id.toString();
    if (!id.isString() || idText.isEmpty() || idText.size() > 64 ||
        !std::all_of(idText.begin(), idText.end(), isIdChar)) {
        r.fail(at(path, u"id"),
               id.isUndefined()
                   ? QStringLiteral("required")
                   : QStringLiteral("must be 1 to 64 characters of A-Z a-z 0-9 . _ -"));
    }
    rule.id = idText;

    const QJsonValue kindValue = o.value(u"kind");
    const std::optional<RuleKind> kind =
        kindValue.isString() ? ruleKindFromName(kindValue.toString()) : std::nullopt;
    if (!kind) {
        QStringList names;
        for (const KindEntry &e : kKinds)
            names.append(QLatin1String(e.name));
        r.fail(at(path, u"kind"),
               kindValue.isUndefined()
                   ? QStringLiteral("required")
                   : QStringLiteral("unknown kind %1; one of %2")
                         .arg(quoted(kindValue.toString()), names.join(QStringLiteral(", "))));
        return std::nullopt; // which fields are allowed depends on the kind
    }
    rule.kind = *kind;

    const QList<QStringView> parameters = parametersOf(rule.kind);
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString &key = it.key();
        if (isCommonField(key) || parameters.contains(key))
            continue;
        r.fail(at(path, key),
               isAnyParameter(key)
                   ? QStringLiteral("not allowed for kind %1").arg(ruleKindName(rule.kind))
                   : QStringLiteral("unknown field"));
    }

    const QJsonValue description = o.value(u"description");
    if (!description.isUndefined()) {
        if (!description.isString() || description.toString().size() > 500)
            r.fail(at(path, u"description"),
                   QStringLiteral("must be text of at most 500 characters"));
        else
            rule.description = description.toString();
    }
    rule.priority =
        int(r.integer(o, u"priority", path, -kMaxPriority, kMaxPriority, false).value_or(0));
    if (isPromotion(rule.kind) && o.contains(u"exclusive")) {
        const QJsonValue exclusive = o.value(u"exclusive");
        if (!exclusive.isBool())
            r.fail(at(path, u"exclusive"), QStringLiteral("must be true or false"));
        rule.exclusive = exclusive.toBool();
    }
    rule.scope = readScope(r, o.value(u"scope"), rule.kind, at(path, u"scope"));
    readParameters(r, o, path, rule);

    if (r.count() != before)
        return std::nullopt;
    return rule;
}

// [a, b) ranges where nullopt is unbounded.
bool rangesOverlap(std::optional<qint64> aFrom, std::optional<qint64> aTo,
                   std::optional<qint64> bFrom, std::optional<qint64> bTo)
{
    const bool aEndsFirst = aTo && bFrom && *aTo <= *bFrom;
    const bool bEndsFirst = bTo && aFrom && *bTo <= *aFrom;
    return !aEndsFirst && !bEndsFirst;
}

bool sameTarget(const Scope &a, const Scope &b)
{
    return a.site == b.site && a.category == b.category && a.origin == b.origin &&
           a.destination == b.destination;
}

QJsonObject scopeJson(const Scope &s)
{
    QJsonObject o;
    if (!s.site.isEmpty())
        o.insert(QStringLiteral("site"), s.site);
    if (!s.category.isEmpty())
        o.insert(QStringLiteral("category"), s.category);
    if (!s.origin.isEmpty())
        o.insert(QStringLiteral("origin"), s.origin);
    if (!s.destination.isEmpty())
        o.insert(QStringLiteral("destination"), s.destination);
    if (s.minWeightG)
        o.insert(QStringLiteral("minWeightG"), *s.minWeightG);
    if (s.maxWeightG)
        o.insert(QStringLiteral("maxWeightG"), *s.maxWeightG);
    if (s.validFromMs)
        o.insert(QStringLiteral("validFrom"), toWireTime(*s.validFromMs));
    if (s.validToMs)
        o.insert(QStringLiteral("validTo"), toWireTime(*s.validToMs));
    return o;
}

QJsonArray sitesJson(const QList<SiteOrigin> &sites)
{
    QJsonArray a;
    for (const SiteOrigin &s : sites)
        a.append(
            QJsonObject{{QStringLiteral("site"), s.site}, {QStringLiteral("origin"), s.origin}});
    return a;
}

} // namespace

QString ruleKindName(RuleKind kind)
{
    for (const KindEntry &e : kKinds) {
        if (e.kind == kind)
            return QLatin1String(e.name);
    }
    return {};
}

std::optional<RuleKind> ruleKindFromName(QStringView name)
{
    for (const KindEntry &e : kKinds) {
        if (name == QLatin1String(e.name))
            return e.kind;
    }
    return std::nullopt;
}

const QList<RuleKind> &allRuleKinds()
{
    static const QList<RuleKind> kinds = [] {
        QList<RuleKind> out;
        for (const KindEntry &e : kKinds)
            out.append(e.kind);
        return out;
    }();
    return kinds;
}

bool isPromotion(RuleKind kind)
{
    return kind == RuleKind::Coupon || kind == RuleKind::SpendSave || kind == RuleKind::FirstOrder;
}

QString roundingName(Rounding rounding)
{
    return rounding == Rounding::HalfEven ? QStringLiteral("half_even") : QStringLiteral("half_up");
}

std::optional<Rounding> roundingFromName(QStringView name)
{
    if (name == u"half_up")
        return Rounding::HalfUp;
    if (name == u"half_even")
        return Rounding::HalfEven;
    return std::nullopt;
}

int Scope::specificity() const
{
    return int(!site.isEmpty()) + int(!category.isEmpty()) + int(!origin.isEmpty()) +
           int(!destination.isEmpty());
}

bool Scope::isDefault() const
{
    return specificity() == 0 && !validFromMs && !validToMs;
}

QJsonObject Rule::toJson() const
{
    QJsonObject o{
        {QStringLiteral("id"), id},
        {QStringLiteral("kind"), ruleKindName(kind)},
        {QStringLiteral("scope"), scopeJson(scope)},
    };
    if (!description.isEmpty())
        o.insert(QStringLiteral("description"), description);
    if (priority != 0)
        o.insert(QStringLiteral("priority"), priority);
    if (exclusive)
        o.insert(QStringLiteral("exclusive"), true);
    const std::pair<const char16_t *, const std::optional<Money> *> amounts[] = {
        {u"flat", &flat},
        {u"freeAbove", &freeAbove},
        {u"first", &first},
        {u"additional", &additional},
        {u"min", &min},
        {u"max", &max},
        {u"fixed", &fixed},
        {u"minSpend", &minSpend},
        {u"threshold", &threshold},
        {u"save", &save},
    };
    for (const auto &[key, amount] : amounts) {
        if (*amount)
            o.insert(QString::fromUtf16(key), (*amount)->toJson());
    }
    if (isWeightBased(kind) || divisor != 0 || firstG != 0 || additionalG != 0) {
        o.insert(QStringLiteral("divisor"), divisor);
        o.insert(QStringLiteral("firstG"), firstG);
        o.insert(QStringLiteral("additionalG"), additionalG);
    }
    if (percent)
        o.insert(QStringLiteral("percent"), percent->toString());
    if (!code.isEmpty())
        o.insert(QStringLiteral("code"), code);
    return o;
}

QString RuleSet::originOf(const QString &site) const
{
    for (const SiteOrigin &s : sites) {
        if (s.site == site)
            return s.origin;
    }
    return defaultOrigin;
}

QJsonObject RuleSet::toJson() const
{
    QJsonArray ruleArray;
    for (const Rule &r : rules)
        ruleArray.append(r.toJson());
    return {
        {QStringLiteral("rounding"), roundingName(rounding)},
        {QStringLiteral("defaultOrigin"), defaultOrigin},
        {QStringLiteral("sites"), sitesJson(sites)},
        {QStringLiteral("rules"), ruleArray},
    };
}

std::optional<RuleSet> RuleSet::fromJson(const QJsonObject &json, QList<FieldProblem> *errors,
                                         bool forPublish)
{
    Reader r(errors);
    RuleSet set;

    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString &key = it.key();
        if (key != u"rounding" && key != u"defaultOrigin" && key != u"sites" && key != u"rules")
            r.fail(key, QStringLiteral("unknown field"));
    }

    const QJsonValue rounding = json.value(u"rounding");
    if (!rounding.isUndefined()) {
        const auto mode =
            rounding.isString() ? roundingFromName(rounding.toString()) : std::nullopt;
        if (!mode)
            r.fail(QStringLiteral("rounding"),
                   QStringLiteral("must be \"half_up\" or \"half_even\""));
        set.rounding = mode.value_or(Rounding::HalfUp);
    }

    if (!json.contains(u"defaultOrigin")) {
        r.fail(QStringLiteral("defaultOrigin"), QStringLiteral("required"));
    } else {
        const QJsonValue v = json.value(u"defaultOrigin");
        if (!v.isString() || !isCountryCode(v.toString()))
            r.fail(QStringLiteral("defaultOrigin"),
                   QStringLiteral("must be a two-letter upper-case country code"));
        else
            set.defaultOrigin = v.toString();
    }

    const QJsonValue sites = json.value(u"sites");
    if (!sites.isUndefined() && !sites.isArray()) {
        r.fail(QStringLiteral("sites"), QStringLiteral("must be an array"));
    } else if (sites.toArray().size() > kMaxSites) {
        r.fail(QStringLiteral("sites"), QStringLiteral("at most %1 sites").arg(kMaxSites));
    } else {
        const QJsonArray array = sites.toArray();
        QHash<QString, qsizetype> seen;
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString path = indexed(u"sites", i);
            if (!array[i].isObject()) {
                r.fail(path, QStringLiteral("must be an object"));
                continue;
            }
            const QJsonObject o = array[i].toObject();
            for (auto it = o.begin(); it != o.end(); ++it) {
                if (it.key() != u"site" && it.key() != u"origin")
                    r.fail(at(path, it.key()), QStringLiteral("unknown field"));
            }
            // Domains are case-insensitive; carts are matched in lower case.
            auto site = r.name(o, u"site", path, 253, true);
            if (site)
                *site = site->toLower();
            const auto origin = r.country(o, u"origin", path, true);
            if (site && seen.contains(*site)) {
                r.fail(at(path, u"site"), QStringLiteral("duplicate site %1 (also %2)")
                                              .arg(quoted(*site), indexed(u"sites", seen[*site])));
            } else if (site) {
                seen.insert(*site, i);
            }
            if (site && origin)
                set.sites.append({*site, *origin});
        }
    }

    const QJsonValue rules = json.value(u"rules");
    QList<qsizetype> ruleIndex; // position in the document of each accepted rule
    if (!rules.isUndefined() && !rules.isArray()) {
        r.fail(QStringLiteral("rules"), QStringLiteral("must be an array"));
    } else if (rules.toArray().size() > kMaxRules) {
        r.fail(QStringLiteral("rules"), QStringLiteral("at most %1 rules").arg(kMaxRules));
    } else {
        const QJsonArray array = rules.toArray();
        QHash<QString, qsizetype> ids;
        QHash<QString, qsizetype> codes;
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString path = indexed(u"rules", i);
            // Duplicate ids are reported even for rules with other problems.
            const QString id = array[i].toObject().value(u"id").toString();
            if (!id.isEmpty() && ids.contains(id)) {
                r.fail(at(path, u"id"), QStringLiteral("duplicate id %1 (also %2)")
                                            .arg(quoted(id), indexed(u"rules", ids[id])));
            } else if (!id.isEmpty()) {
                ids.insert(id, i);
            }
            std::optional<Rule> rule = readRule(r, array[i], path);
            if (!rule)
                continue;
            if (rule->kind == RuleKind::Coupon) {
                if (codes.contains(rule->code)) {
                    r.fail(at(path, u"code"),
                           QStringLiteral("duplicate coupon code %1 (also %2)")
                               .arg(quoted(rule->code), indexed(u"rules", codes[rule->code])));
                } else {
                    codes.insert(rule->code, i);
                }
            }
            set.rules.append(std::move(*rule));
            ruleIndex.append(i);
        }
    }

    // Two fee rules for the same target must never both match: otherwise which one applies
    // would depend on priority and id, which nobody reading the set would guess.
    for (qsizetype b = 0; b < set.rules.size(); ++b) {
        const Rule &rb = set.rules[b];
        if (isPromotion(rb.kind))
            continue;
        for (qsizetype a = 0; a < b; ++a) {
            const Rule &ra = set.rules[a];
            if (ra.kind != rb.kind || !sameTarget(ra.scope, rb.scope))
                continue;
            if (!rangesOverlap(ra.scope.minWeightG, ra.scope.maxWeightG, rb.scope.minWeightG,
                               rb.scope.maxWeightG) ||
                !rangesOverlap(ra.scope.validFromMs, ra.scope.validToMs, rb.scope.validFromMs,
                               rb.scope.validToMs))
                continue;
            r.fail(at(indexed(u"rules", ruleIndex[b]), u"scope"),
                   QStringLiteral("overlaps rule %1 (%2): same kind and target with overlapping "
                                  "weight band and validity")
                       .arg(quoted(ra.id), indexed(u"rules", ruleIndex[a])));
            break;
        }
    }

    if (forPublish) {
        for (RuleKind kind : kMandatory) {
            const bool found =
                std::any_of(set.rules.begin(), set.rules.end(), [kind](const Rule &x) {
                    return x.kind == kind && x.scope.isDefault();
                });
            if (!found) {
                r.fail(QStringLiteral("rules"),
                       QStringLiteral("a published rule set needs a default %1 rule (no site, "
                                      "category, origin, destination or validity window)")
                           .arg(ruleKindName(kind)));
            }
        }
    }

    if (r.count() > 0)
        return std::nullopt;
    return set;
}

QJsonArray diffRuleSets(const RuleSet &from, const RuleSet &to)
{
    struct Change
    {
        QString id;
        QJsonObject entry;
    };
    QList<Change> changes;
    auto setting = [&](const QString &name, const QJsonValue &before, const QJsonValue &after) {
        if (before == after)
            return;
        const QString id = QStringLiteral("settings.") + name;
        changes.append({id, QJsonObject{{QStringLiteral("change"), QStringLiteral("changed")},
                                        {QStringLiteral("id"), id},
                                        {QStringLiteral("kind"), QStringLiteral("settings")},
                                        {QStringLiteral("before"), QJsonObject{{name, before}}},
                                        {QStringLiteral("after"), QJsonObject{{name, after}}}}});
    };
    setting(QStringLiteral("rounding"), roundingName(from.rounding), roundingName(to.rounding));
    setting(QStringLiteral("defaultOrigin"), from.defaultOrigin, to.defaultOrigin);
    setting(QStringLiteral("sites"), sitesJson(from.sites), sitesJson(to.sites));

    QHash<QString, const Rule *> before;
    for (const Rule &rule : from.rules)
        before.insert(rule.id, &rule);
    QHash<QString, const Rule *> after;
    for (const Rule &rule : to.rules)
        after.insert(rule.id, &rule);

    for (const Rule &rule : to.rules) {
        const Rule *old = before.value(rule.id);
        const QJsonObject now = rule.toJson();
        if (!old) {
            changes.append(
                {rule.id, QJsonObject{{QStringLiteral("change"), QStringLiteral("added")},
                                      {QStringLiteral("id"), rule.id},
                                      {QStringLiteral("kind"), ruleKindName(rule.kind)},
                                      {QStringLiteral("after"), now}}});
            continue;
        }
        const QJsonObject was = old->toJson();
        if (was != now) {
            changes.append(
                {rule.id, QJsonObject{{QStringLiteral("change"), QStringLiteral("changed")},
                                      {QStringLiteral("id"), rule.id},
                                      {QStringLiteral("kind"), ruleKindName(rule.kind)},
                                      {QStringLiteral("before"), was},
                                      {QStringLiteral("after"), now}}});
        }
    }
    for (const Rule &rule : from.rules) {
        if (after.contains(rule.id))
            continue;
        changes.append({rule.id, QJsonObject{{QStringLiteral("change"), QStringLiteral("removed")},
                                             {QStringLiteral("id"), rule.id},
                                             {QStringLiteral("kind"), ruleKindName(rule.kind)},
                                             {QStringLiteral("before"), rule.toJson()}}});
    }

    std::sort(changes.begin(), changes.end(),
              [](const Change &a, const Change &b) { return a.id < b.id; });
    QJsonArray out;
    for (const Change &c : changes)
        out.append(c.entry);
    return out;
}

} // namespace haitao::server::pricing
