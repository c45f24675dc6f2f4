#include "backend/pricing/engine.h"

#include "core/wiretime.h"

#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <limits>

namespace haitao::server::pricing {

namespace {

constexpr qsizetype kMaxLines = 100;
constexpr qint64 kMaxQuantity = 999;
constexpr qint64 kMax = std::numeric_limits<qint64>::max();

[[noreturn]] void refuse(const QString &field, const QString &message)
{
    throw ApiError::validation({{field, message}});
}

QString lineField(qsizetype index, QStringView name)
{
    return QStringLiteral("lines[%1].%2").arg(index).arg(name);
}

// The value, or a 422 at the field `field()` names (built only on failure: the hot path
// allocates no strings for it). Overflow is the usual reason; nothing ever wraps.
template <typename Field> Money must(const MoneyResult<Money> &result, Field &&field)
{
    if (!result) {
        refuse(field(),
               QStringLiteral("the amount cannot be computed: %1").arg(result.error().message));
    }
    return *result;
}

// Non-negative operands only.
std::optional<qint64> checkedMultiply(qint64 a, qint64 b)
{
    if (a != 0 && b > kMax / a)
        return std::nullopt;
    return a * b;
}

std::optional<qint64> checkedAdd(qint64 a, qint64 b)
{
    if (b > kMax - a)
        return std::nullopt;
    return a + b;
}

qint64 ceilDivide(qint64 a, qint64 b) // a >= 0, b > 0
{
    return a / b + (a % b != 0 ? 1 : 0);
}

// What a lookup is about; a rule's non-empty scope field must equal the one here (so a rule
// naming a category never matches a lookup that has none).
struct Target
{
    QStringView site, category, origin, destination;
};

bool inWindow(const Scope &s, qint64 now)
{
    return (!s.validFromMs || now >= *s.validFromMs) && (!s.validToMs || now < *s.validToMs);
}

bool inBand(const Scope &s, qint64 weightG)
{
    return (!s.minWeightG || weightG >= *s.minWeightG) &&
           (!s.maxWeightG || weightG < *s.maxWeightG);
}

bool matches(const Scope &s, const Target &t, qint64 now)
{
    return (s.site.isEmpty() || s.site == t.site) &&
           (s.category.isEmpty() || s.category == t.category) &&
           (s.origin.isEmpty() || s.origin == t.origin) &&
           (s.destination.isEmpty() || s.destination == t.destination) && inWindow(s, now);
}

// docs/pricing.md: the most of site/category/origin/destination set, then the highest
// `priority` value, then the smallest id.
bool preferred(const Rule &a, const Rule &b)
{
    const int sa = a.scope.specificity();
    const int sb = b.scope.specificity();
    if (sa != sb)
        return sa > sb;
    if (a.priority != b.priority)
        return a.priority > b.priority;
    return a.id < b.id;
}

// Rules of one kind, gathered once per quote without touching the heap for normal sets.
using Bucket = QVarLengthArray<const Rule *, 16>;

const Rule *pick(const Bucket &rules, const Target &target, qint64 now)
{
    const Rule *best = nullptr;
    for (const Rule *r : rules) {
        if (matches(r->scope, target, now) && (!best || preferred(*r, *best)))
            best = r;
    }
    return best;
}

// The rates a quote uses, checked for staleness on first use.
class RateBook
{
public:
    RateBook(const RateSnapshot &snapshot, const EngineLimits &limits, qint64 now)
        : m_snapshot(snapshot)
        , m_limits(limits)
        , m_now(now)
    {}

    // CNY per unit of `currency` with the markup; throws StaleRates when there is none usable.
    Decimal effective(Currency currency)
    {
        for (const FxRate &used : m_used) {
            if (used.currency == currency)
                return used.effectiveRate;
        }
        const FxRate *entry = m_snapshot.find(currency);
        const auto code = [currency] { return currency.code(); };
        if (!entry) {
            throw ApiError(ProblemKind::StaleRates,
                           QStringLiteral("There is no %1 exchange rate (rate snapshot %2).")
                               .arg(code())
                               .arg(m_snapshot.id));
        }
        if (m_now - entry->asOfMs > m_limits.maxRateAgeMs) {
            throw ApiError(ProblemKind::StaleRates,
                           QStringLiteral("The %1 exchange rate is as of %2, older than the %3 "
                                          "allowed.")
                               .arg(code(), toWireTime(entry->asOfMs), describeAge()));
        }
        // validUntil is exclusive, like a rule's validTo.
        if (entry->validUntilMs && m_now >= *entry->validUntilMs) {
            throw ApiError(ProblemKind::StaleRates,
                           QStringLiteral("The %1 exchange rate was valid until %2.")
                               .arg(code(), toWireTime(*entry->validUntilMs)));
        }
        FxRate used = *entry;
        if (used.effectiveRate.mantissa() <= 0) { // not filled in by whoever built the snapshot
            const auto computed = FxRate::effective(used.rate, used.markupPercent);
            if (!computed) {
                throw ApiError(
                    ProblemKind::StaleRates,
                    QStringLiteral("The %1 exchange rate %2 with markup %3% is not "
                                   "usable.")
                        .arg(code(), used.rate.toString(), used.markupPercent.toString()));
            }
            used.effectiveRate = *computed;
        }
        m_used.append(used);
        return used.effectiveRate;
    }

    QString describeAge() const
    {
        const qint64 ms = m_limits.maxRateAgeMs;
        return ms % 3600000 == 0 ? QStringLiteral("%1 hours").arg(ms / 3600000)
                                 : QStringLiteral("%1 ms").arg(ms);
    }

    // In currency-code order.
    QList<FxRate> used() const
    {
        // Ranks by code, computed once: comparing code() strings would allocate per quote.
        static const QList<Currency> byCode = [] {
            QList<Currency> all = Currency::all();
            std::sort(all.begin(), all.end(),
                      [](Currency a, Currency b) { return a.code() < b.code(); });
            return all;
        }();
        QList<FxRate> out(m_used.begin(), m_used.end());
        std::sort(out.begin(), out.end(), [](const FxRate &a, const FxRate &b) {
            return byCode.indexOf(a.currency) < byCode.indexOf(b.currency);
        });
        return out;
    }

private:
    const RateSnapshot &m_snapshot;
    const EngineLimits &m_limits;
    qint64 m_now;
    QVarLengthArray<FxRate, 6> m_used;
};

// Sets the original amount and its CNY value (with the rate when it was converted).
template <typename Field>
void price(Component &c, const Money &original, RateBook &rates, Rounding rounding, Field &&field)
{
    c.original = original;
    if (original.currency() == Currency::cny()) {
        c.cny = original;
        return;
    }
    const Decimal rate = rates.effective(original.currency());
    c.rate = rate;
    c.cny = must(original.convertedTo(Currency::cny(), rate, rounding), field);
}

struct LineWork
{
    qint64 weightG = 0;
    qint64 volumeMm3 = 0; // 0: no dimensions, so no volumetric weight
    qint64 quantity = 1;
    int site = 0;
    int route = 0;
};

struct SiteWork
{
    const QString *site; // the first line's
    QString origin;
    Money goods = Money::zero(Currency::cny());    // site currency
    Money goodsCny = Money::zero(Currency::cny()); // the sum of its lines' converted goods
    int route = 0;
    int firstLine = 0;
};

struct RouteWork
{
    QString origin;
    QString name; // "US-CN"
    int firstLine = 0;
    qint64 lineDivisor = 0; // the divisor the lines' chargeable weight is reported with
};

// max(weight, ceil(volume / divisor)) x quantity; nullopt on overflow.
std::optional<qint64> chargeable(const LineWork &line, qint64 divisor)
{
    const qint64 volumetric =
        divisor > 0 && line.volumeMm3 > 0 ? ceilDivide(line.volumeMm3, divisor) : 0;
    return checkedMultiply(std::max(line.weightG, volumetric), line.quantity);
}

qint64 routeWeight(const QVarLengthArray<LineWork, 16> &lines, int route, qint64 divisor,
                   int firstLine)
{
    qint64 sum = 0;
    for (const LineWork &line : lines) {
        if (line.route != route)
            continue;
        const auto w = chargeable(line, divisor);
        const auto total = w ? checkedAdd(sum, *w) : std::nullopt;
        if (!total)
            refuse(lineField(firstLine, u"weightG"), QStringLiteral("the weight is too large"));
        sum = *total;
    }
    return sum;
}

// first + ceil(max(0, w - firstG) / additionalG) x additional.
MoneyResult<Money> weightFee(const Rule &rule, qint64 weightG)
{
    const Money first = rule.first.value_or(Money::zero(Currency::cny()));
    const Money additional = rule.additional.value_or(Money::zero(first.currency()));
    const qint64 extra = std::max<qint64>(0, weightG - rule.firstG);
    const qint64 units = rule.additionalG > 0 ? ceilDivide(extra, rule.additionalG) : 0;
    const MoneyResult<Money> more = additional.multiplied(units);
    if (!more)
        return more;
    return first.add(*more);
}

void validateInput(const QuoteInput &input, QList<FieldProblem> &problems)
{
    if (input.lines.isEmpty())
        problems.append({QStringLiteral("lines"), QStringLiteral("at least one line is needed")});
    if (input.lines.size() > kMaxLines) {
        problems.append(
            {QStringLiteral("lines"), QStringLiteral("at most %1 lines").arg(kMaxLines)});
    }
    if (input.destination.isEmpty())
        problems.append({QStringLiteral("destination"), QStringLiteral("required")});
    for (qsizetype i = 0; i < input.lines.size(); ++i) {
        const QuoteLineInput &line = input.lines[i];
        if (line.site.isEmpty())
            problems.append({lineField(i, u"site"), QStringLiteral("required")});
        if (line.quantity < 1 || line.quantity > kMaxQuantity) {
            problems.append({lineField(i, u"quantity"),
                             QStringLiteral("must be from 1 to %1").arg(kMaxQuantity)});
        }
        if (line.price.isNegative())
            problems.append({lineField(i, u"price"), QStringLiteral("must not be negative")});
        if (line.weightG < 0)
            problems.append({lineField(i, u"weightG"), QStringLiteral("must not be negative")});
        const std::pair<QStringView, qint64> dims[] = {
            {u"lengthMm", line.lengthMm}, {u"widthMm", line.widthMm}, {u"heightMm", line.heightMm}};
        for (const auto &[name, value] : dims) {
            if (value < 0)
                problems.append({lineField(i, name), QStringLiteral("must not be negative")});
        }
        // One site, one currency: its goods subtotal and free-shipping threshold need it.
        for (qsizetype j = 0; j < i; ++j) {
            const QuoteLineInput &other = input.lines[j];
            if (other.site == line.site) {
                if (other.price.currency() != line.price.currency()) {
                    problems.append(
                        {lineField(i, u"price"), QStringLiteral("%1 prices are in %2 (lines[%3])")
                                                     .arg(line.site, other.price.currency().code())
                                                     .arg(j)});
                }
                break;
            }
        }
    }
}

// The coupon rule for each given code (same order), or problems at coupons[i].
QVarLengthArray<const Rule *, 4> findCoupons(const QuoteInput &input, const Bucket &coupons,
                                             qint64 now, QList<FieldProblem> &problems)
{
    QVarLengthArray<const Rule *, 4> found;
    for (qsizetype i = 0; i < input.coupons.size(); ++i) {
        const QString &code = input.coupons[i];
        const auto field = [i] { return QStringLiteral("coupons[%1]").arg(i); };
        bool repeated = false;
        for (qsizetype j = 0; j < i; ++j)
            repeated = repeated || input.coupons[j].compare(code, Qt::CaseInsensitive) == 0;
        if (repeated) {
            problems.append({field(), QStringLiteral("coupon %1 is given twice").arg(code)});
            continue;
        }
        const Rule *rule = nullptr;
        for (const Rule *r : coupons) {
            if (r->code.compare(code, Qt::CaseInsensitive) == 0)
                rule = r;
        }
        if (!rule) {
            problems.append({field(), QStringLiteral("unknown coupon code %1").arg(code)});
        } else if (rule->scope.validFromMs && now < *rule->scope.validFromMs) {
            problems.append({field(), QStringLiteral("coupon %1 is valid from %2")
                                          .arg(rule->code, toWireTime(*rule->scope.validFromMs))});
        } else if (rule->scope.validToMs && now >= *rule->scope.validToMs) {
            problems.append({field(), QStringLiteral("coupon %1 expired at %2")
                                          .arg(rule->code, toWireTime(*rule->scope.validToMs))});
        } else {
            found.append(rule);
        }
    }
    return found;
}

bool promotionOrder(const Rule *a, const Rule *b)
{
    if (a->priority != b->priority)
        return a->priority < b->priority;
    return a->id < b->id;
}

} // namespace

Quote computeQuote(const QuoteInput &input, const RuleSet &rules, qint64 ruleSetVersion,
                   const RateSnapshot &rates, const EngineLimits &limits)
{
    const Currency cny = Currency::cny();
    const Rounding rounding = rules.rounding;
    const qint64 now = input.nowMs;

    std::array<Bucket, 8> byKind;
    for (const Rule &r : rules.rules)
        byKind[std::size_t(r.kind)].append(&r);
    const auto bucket = [&byKind](RuleKind kind) -> const Bucket & {
        return byKind[std::size_t(kind)];
    };

    QList<FieldProblem> problems;
    validateInput(input, problems);
    const auto coupons = findCoupons(input, bucket(RuleKind::Coupon), now, problems);
    if (!problems.isEmpty())
        throw ApiError::validation(problems);

    // Sites in order of first appearance, routes (origin warehouse -> destination) likewise.
    const qsizetype lineCount = input.lines.size();
    QVarLengthArray<LineWork, 16> work;
    QVarLengthArray<SiteWork, 8> sites;
    QVarLengthArray<RouteWork, 8> routes;
    for (qsizetype i = 0; i < lineCount; ++i) {
        const QuoteLineInput &in = input.lines[i];
        LineWork w;
        w.weightG = in.weightG;
        w.quantity = in.quantity;
        const auto area = checkedMultiply(in.lengthMm, in.widthMm);
        const auto volume = area ? checkedMultiply(*area, in.heightMm) : std::nullopt;
        if (!volume)
            refuse(lineField(i, u"lengthMm"), QStringLiteral("the dimensions are too large"));
        w.volumeMm3 = *volume;
        auto site = std::find_if(sites.begin(), sites.end(),
                                 [&in](const SiteWork &s) { return *s.site == in.site; });
        if (site == sites.end()) {
            SiteWork s{&in.site,
                       rules.originOf(in.site),
                       Money::zero(in.price.currency()),
                       Money::zero(cny),
                       0,
                       int(i)};
            auto route = std::find_if(routes.begin(), routes.end(),
                                      [&s](const RouteWork &r) { return r.origin == s.origin; });
            if (route == routes.end()) {
                routes.append({s.origin, s.origin + u'-' + input.destination, int(i), 0});
                route = routes.end() - 1;
            }
            s.route = int(route - routes.begin());
            sites.append(s);
            site = sites.end() - 1;
        }
        w.site = int(site - sites.begin());
        w.route = site->route;
        work.append(w);
    }

    RateBook book(rates, limits, now);
    Quote quote;
    quote.ruleSetVersion = ruleSetVersion;
    quote.rateSnapshot = rates.id;
    quote.rounding = rounding;
    quote.pricedAtMs = now;
    quote.expiresAtMs = now + limits.quoteValidityMs;

    // Lines: the goods in CNY and the import tax on them.
    Money goodsCny = Money::zero(cny);
    quote.lines.reserve(lineCount);
    for (qsizetype i = 0; i < lineCount; ++i) {
        const QuoteLineInput &in = input.lines[i];
        const auto priceField = [i] { return lineField(i, u"price"); };
        QuoteLine line;
        line.index = int(i);
        line.skuId = in.skuId;
        line.site = in.site;
        line.quantity = in.quantity;
        line.components.reserve(2);

        Component goods;
        goods.kind = QStringLiteral("goods");
        price(goods, must(in.price.multiplied(in.quantity), priceField), book, rounding,
              priceField);
        SiteWork &site = sites[work[i].site];
        site.goods = must(site.goods.add(goods.original), priceField);
        site.goodsCny = must(site.goodsCny.add(goods.cny), priceField);
        goodsCny = must(goodsCny.add(goods.cny), priceField);
        line.total = goods.cny;
        line.components.append(goods);

        if (const Rule *tax = pick(bucket(RuleKind::ImportTax), {{}, in.category, {}, {}}, now)) {
            Component c;
            c.kind = QStringLiteral("import_tax");
            c.ruleId = tax->id;
            c.percent = tax->percent.value_or(Decimal());
            c.original = c.cny = must(goods.cny.percentage(*c.percent, rounding), priceField);
            line.total = must(line.total.add(c.cny), priceField);
            line.components.append(c);
        }
        quote.lines.append(std::move(line));
    }

    // Sites: the shop's shipping to the forwarder, free above a threshold.
    quote.sites.reserve(sites.size());
    for (const SiteWork &s : sites) {
        QuoteSite out;
        out.site = *s.site;
        out.origin = s.origin;
        out.currency = s.goods.currency();
        out.goods = s.goods;
        const auto field = [&s] { return lineField(s.firstLine, u"price"); };
        if (const Rule *rule =
                pick(bucket(RuleKind::DomesticShipping), {*s.site, {}, {}, {}}, now)) {
            const Money flat = rule->flat.value_or(Money::zero(cny));
            bool free = false;
            if (rule->freeAbove) {
                // Same currency: compare the shop's own figures; otherwise both in CNY.
                if (rule->freeAbove->currency() == s.goods.currency()) {
                    free = s.goods.minor() >= rule->freeAbove->minor();
                } else {
                    Component threshold;
                    price(threshold, *rule->freeAbove, book, rounding, field);
                    free = s.goodsCny.minor() >= threshold.cny.minor();
                }
            }
            Component c;
            c.kind = QStringLiteral("domestic_shipping");
            c.ruleId = rule->id;
            price(c, free ? Money::zero(flat.currency()) : flat, book, rounding, field);
            out.total = c.cny;
            out.components.append(c);
        }
        quote.sites.append(std::move(out));
    }

    // Routes: the forwarder's fee and the parcel to the destination, by chargeable weight.
    for (RouteWork &route : routes) {
        for (RuleKind kind : {RuleKind::ForwarderFee, RuleKind::InternationalShipping}) {
            const Target target{{}, {}, route.origin, input.destination};
            const int routeIndex = int(&route - routes.begin());
            const Rule *best = nullptr;
            const Rule *nearest = nullptr; // the best match ignoring weight bands
            qint64 bestWeight = 0;
            for (const Rule *r : bucket(kind)) {
                if (!matches(r->scope, target, now))
                    continue;
                if (!nearest || preferred(*r, *nearest))
                    nearest = r;
                if (best && !preferred(*r, *best))
                    continue;
                const qint64 w = routeWeight(work, routeIndex, r->divisor, route.firstLine);
                if (inBand(r->scope, w)) {
                    best = r;
                    bestWeight = w;
                }
            }
            if (!best && nearest) {
                refuse(lineField(route.firstLine, u"weightG"),
                       QStringLiteral("no %1 weight band for route %2 covers %3 g")
                           .arg(ruleKindName(kind), route.name)
                           .arg(routeWeight(work, routeIndex, nearest->divisor, route.firstLine)));
            }
            if (!best)
                continue;
            const auto field = [&route] { return lineField(route.firstLine, u"weightG"); };
            Component c;
            c.kind = kind == RuleKind::ForwarderFee ? QStringLiteral("forwarder_fee")
                                                    : QStringLiteral("international_shipping");
            c.route = route.name;
            c.chargeableWeightG = bestWeight;
            c.ruleId = best->id;
            price(c, must(weightFee(*best, bestWeight), field), book, rounding, field);
            quote.components.append(c);
            if (kind == RuleKind::InternationalShipping || route.lineDivisor == 0)
                route.lineDivisor = best->divisor;
        }
    }
    for (qsizetype i = 0; i < lineCount; ++i) {
        // routeWeight() already summed these without overflow.
        quote.lines[i].chargeableWeightG =
            chargeable(work[i], routes[work[i].route].lineDivisor).value_or(0);
    }

    // The platform's fee on the goods, clamped.
    const auto totalField = [] { return QStringLiteral("lines"); };
    if (const Rule *rule = pick(bucket(RuleKind::ServiceFee), {}, now)) {
        Component c;
        c.kind = QStringLiteral("service_fee");
        c.ruleId = rule->id;
        c.percent = rule->percent.value_or(Decimal());
        Money fee = must(goodsCny.percentage(*c.percent, rounding), totalField);
        if (rule->min && fee.minor() < rule->min->minor())
            fee = Money(rule->min->minor(), cny);
        if (rule->max && fee.minor() > rule->max->minor())
            fee = Money(rule->max->minor(), cny);
        c.original = c.cny = fee;
        quote.components.append(c);
    }

    // Promotions: coupons given, spend-and-save reached, the first order.
    QVarLengthArray<const Rule *, 8> promotions(coupons.begin(), coupons.end());
    // Every code was found (or the quote failed above), so coupons[i] is input.coupons[i].
    for (qsizetype i = 0; i < coupons.size(); ++i) {
        const Rule *r = coupons[i];
        if (r->minSpend && goodsCny.minor() < r->minSpend->minor()) {
            problems.append({QStringLiteral("coupons[%1]").arg(i),
                             QStringLiteral("coupon %1 needs goods of at least %2 CNY")
                                 .arg(r->code, r->minSpend->toString())});
        }
    }
    if (!problems.isEmpty())
        throw ApiError::validation(problems);
    for (const Rule *r : bucket(RuleKind::SpendSave)) {
        if (inWindow(r->scope, now) && r->threshold && goodsCny.minor() >= r->threshold->minor())
            promotions.append(r);
    }
    if (input.firstOrder) {
        for (const Rule *r : bucket(RuleKind::FirstOrder)) {
            if (inWindow(r->scope, now))
                promotions.append(r);
        }
    }
    std::sort(promotions.begin(), promotions.end(), promotionOrder);
    qint64 discounted = 0; // CNY minor units, never above the goods
    bool applied = false;
    for (const Rule *r : promotions) {
        if (r->exclusive && applied)
            continue;
        const qint64 room = goodsCny.minor() - discounted;
        Component c;
        c.kind = QStringLiteral("discount");
        c.ruleId = r->id;
        c.code = r->code;
        qint64 amount = 0;
        if (r->kind == RuleKind::SpendSave) {
            amount = r->save ? r->save->minor() : 0;
        } else if (r->fixed) {
            amount = r->fixed->minor();
        } else if (r->percent) {
            c.percent = r->percent;
            amount = must(Money(room, cny).percentage(*r->percent, rounding), totalField).minor();
            if (r->max)
                amount = std::min(amount, r->max->minor());
        }
        amount = std::clamp<qint64>(amount, 0, room);
        discounted += amount;
        c.original = c.cny = Money(-amount, cny);
        quote.components.append(c);
        applied = true;
        if (r->exclusive)
            break;
    }

    Money total = Money::zero(cny);
    for (const QuoteLine &l : quote.lines)
        total = must(total.add(l.total), totalField);
    for (const QuoteSite &s : quote.sites)
        total = must(total.add(s.total), totalField);
    for (const Component &c : quote.components)
        total = must(total.add(c.cny), totalField);
    quote.total = total;
    quote.rates = book.used();
    return quote;
}

} // namespace haitao::server::pricing
