#pragma once

#include "backend/http/apierror.h"
#include "core/money.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>
#include <variant>

namespace haitao::server::pricing {

// The kinds of rule a rule set holds (docs/pricing.md, "Kinds").
enum class RuleKind {
    DomesticShipping,
    ForwarderFee,
    InternationalShipping,
    ServiceFee,
    ImportTax,
    Coupon,
    SpendSave,
    FirstOrder,
};
QString ruleKindName(RuleKind kind); // "domestic_shipping", ...
std::optional<RuleKind> ruleKindFromName(QStringView name);
const QList<RuleKind> &allRuleKinds();
bool isPromotion(RuleKind kind);
QString roundingName(Rounding rounding); // "half_up", "half_even"
std::optional<Rounding> roundingFromName(QStringView name);

// Where a rule applies. Empty strings and nullopt match anything.
struct Scope
{
    QString site;
    QString category;
    QString origin;
    QString destination;
    std::optional<qint64> minWeightG; // inclusive
    std::optional<qint64> maxWeightG; // exclusive
    std::optional<qint64> validFromMs;
    std::optional<qint64> validToMs; // exclusive

    // How many of site/category/origin/destination are set: the rule's specificity.
    int specificity() const;
    bool isDefault() const; // no site/category/origin/destination, no validity window
};

struct Rule
{
    QString id;
    RuleKind kind = RuleKind::DomesticShipping;
    QString description;
    Scope scope;
    int priority = 0;       // matching tie-break; promotion order (lower first)
    bool exclusive = false; // promotions only

    // Parameters; which are set depends on the kind (validated by RuleSet::fromJson).
    std::optional<Money> flat, freeAbove;                  // domestic_shipping
    qint64 divisor = 0, firstG = 0, additionalG = 0;       // forwarder / international
    std::optional<Money> first, additional;                // forwarder / international
    std::optional<Decimal> percent;                        // service_fee, import_tax, promos
    std::optional<Money> min, max;                         // service_fee; max caps promos
    QString code;                                          // coupon, upper case
    std::optional<Money> fixed, minSpend, threshold, save; // promotions

    QJsonObject toJson() const;
};

struct SiteOrigin
{
    QString site;
    QString origin;
};

// One rule set document (docs/pricing.md, "Document"). A value type: the engine reads it,
// the service stores its JSON. Immutable once published.
struct RuleSet
{
    Rounding rounding = Rounding::HalfUp;
    QString defaultOrigin;
    QList<SiteOrigin> sites;
    QList<Rule> rules;

    QString originOf(const QString &site) const;
    QJsonObject toJson() const;

    // Parses and validates a document. On failure `errors` lists every problem with its JSON
    // path ("rules[3].percent", "sites[0].origin") and nullopt is returned. `forPublish` adds
    // the checks a published set must pass (a default rule for each mandatory kind).
    static std::optional<RuleSet> fromJson(const QJsonObject &json, QList<FieldProblem> *errors,
                                           bool forPublish = false);
};

// What changed from `from` to `to`, rule by rule (matched by id) and in the settings:
// [{"change": "added"|"removed"|"changed", "id": ..., "kind": ..., "before": {...},
//   "after": {...}}], settings as id "settings.rounding", "settings.defaultOrigin",
// "settings.sites". Sorted by id; an unchanged rule is not listed.
QJsonArray diffRuleSets(const RuleSet &from, const RuleSet &to);

} // namespace haitao::server::pricing
