#include "backend/pricing/weightadjustment.h"

#include "backend/pricing/pricingservice.h"

#include <cstdlib>

namespace haitao::server::pricing {

namespace {

// Weights times quantities stay far below 2^63 (1 t a unit, 999 units), but the products
// in the shares need more.
__extension__ using Wide = __int128;

} // namespace

bool beyondTolerance(qint64 pricedWeightG, qint64 weighedG, const WeightTolerance &tolerance)
{
    const qint64 difference = std::llabs(weighedG - pricedWeightG);
    // difference > percent% of priced, in integers: difference * 100 > percent * priced.
    const bool overPercent =
        Wide(difference) * 100 > Wide(tolerance.percent) * Wide(std::max<qint64>(pricedWeightG, 0));
    return overPercent && difference > tolerance.grams;
}

WeighedInputs withSiteWeight(const QuoteInput &input, const QString &site, qint64 weighedG)
{
    QList<int> indexes; // the site's lines
    Wide total = 0;
    for (int i = 0; i < input.lines.size(); ++i) {
        if (input.lines.at(i).site != site)
            continue;
        indexes.append(i);
        total += Wide(std::max<qint64>(input.lines.at(i).weightG, 0)) * input.lines.at(i).quantity;
    }
    WeighedInputs out{input, input};
    if (indexes.isEmpty())
        return out;

    // Each line's share of the weighed weight (for all its units), the last taking the rest.
    QList<qint64> shares;
    qint64 given = 0;
    for (int k = 0; k < indexes.size(); ++k) {
        const QuoteLineInput &l = input.lines.at(indexes.at(k));
        if (k + 1 == indexes.size()) {
            shares.append(weighedG - given);
            break;
        }
        const Wide part = total > 0 ? Wide(std::max<qint64>(l.weightG, 0)) * l.quantity : 1;
        const Wide whole = total > 0 ? total : Wide(indexes.size());
        const auto share = qint64(Wide(weighedG) * part / whole);
        shares.append(share);
        given += share;
    }

    // From the last so that inserted lines do not move the indexes still to do.
    for (int k = int(indexes.size()) - 1; k >= 0; --k) {
        const int i = indexes.at(k);
        const QuoteLineInput &l = input.lines.at(i);
        const qint64 quantity = std::max<qint64>(l.quantity, 1);
        const qint64 unit = shares.at(k) / quantity;
        const qint64 odd = shares.at(k) % quantity;
        out.weighed.lines[i].weightG = unit;
        if (odd == 0)
            continue;
        // quantity - 1 units of `unit` grams and one unit carrying the odd grams.
        QuoteLineInput one = l;
        one.quantity = 1;
        one.weightG = unit + odd;
        out.weighed.lines[i].quantity = quantity - 1;
        out.weighed.lines.insert(i + 1, one);
        QuoteLineInput pricedOne = l;
        pricedOne.quantity = 1;
        out.asPriced.lines[i].quantity = quantity - 1;
        out.asPriced.lines.insert(i + 1, pricedOne);
    }
    return out;
}

qint64 siteChargeableWeight(const Quote &quote, const QString &site)
{
    qint64 grams = 0;
    for (const QuoteLine &l : quote.lines) {
        if (l.site == site)
            grams += l.chargeableWeightG;
    }
    return grams;
}

WeightRequote requoteWeighed(PricingService &pricing, const QuoteInput &input, qint64 version,
                             qint64 snapshot, const QString &site, qint64 weighedG,
                             const WeightTolerance &tolerance)
{
    const Quote priced = pricing.requote(input, version, snapshot);
    WeightRequote out;
    out.pricedWeightG = siteChargeableWeight(priced, site);
    out.weighedG = weighedG;
    out.beyondTolerance = beyondTolerance(out.pricedWeightG, weighedG, tolerance);
    out.before = priced.total;
    out.after = priced.total;
    out.amount = Money::zero(priced.total.currency());
    if (!out.beyondTolerance)
        return out;
    const WeighedInputs inputs = withSiteWeight(input, site, weighedG);
    // The as-priced side again only when a line was split (rounding per line may move a fen).
    const Quote before = inputs.asPriced.lines.size() == input.lines.size()
                             ? priced
                             : pricing.requote(inputs.asPriced, version, snapshot);
    const Quote after = pricing.requote(inputs.weighed, version, snapshot);
    out.before = before.total;
    out.after = after.total;
    out.amount = Money(after.total.minor() - before.total.minor(), after.total.currency());
    return out;
}

} // namespace haitao::server::pricing
