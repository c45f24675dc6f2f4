#include "widgets/pricinglabels.h"

#include <QCoreApplication>

namespace haitao::widgets {

// Free functions have no tr(): the literal context lets lupdate find the strings.

QString ruleKindLabel(const QString &kind)
{
    static const struct
    {
        const char *kind;
        const char *label;
    } labels[] = {
        {"domestic_shipping",
         QT_TRANSLATE_NOOP("haitao::widgets::PricingLabels", "Domestic shipping")},
        {"forwarder_fee", QT_TRANSLATE_NOOP("haitao::widgets::PricingLabels", "Forwarder fee")},
        {"international_shipping",
         QT_TRANSLATE_NOOP("haitao::widgets::PricingLabels", "International shipping")},
        {"service_fee", QT_TRANSLATE_NOOP("haitao::widgets::PricingLabels", "Service fee")},
        {"import_tax", QT_TRANSLATE_NOOP("haitao::widgets::PricingLabels", "Import tax")},
        {"coupon", QT_TRANSLATE_NOOP("haitao::widgets::PricingLabels", "Coupons")},
        {"spend_save", QT_TRANSLATE_NOOP("haitao::widgets::PricingLabels", "Spend and save")},
        {"first_order", QT_TRANSLATE_NOOP("haitao::widgets::PricingLabels", "First order")},
        {"goods", QT_TRANSLATE_NOOP("haitao::widgets::PricingLabels", "Goods")},
        {"discount", QT_TRANSLATE_NOOP("haitao::widgets::PricingLabels", "Discount")},
    };
    for (const auto &l : labels) {
        if (kind == QLatin1String(l.kind))
            return QCoreApplication::translate("haitao::widgets::PricingLabels", l.label);
    }
    return kind;
}

QString changeLabel(const QString &change)
{
    if (change == u"added")
        return QCoreApplication::translate("haitao::widgets::PricingLabels", "Added");
    if (change == u"removed")
        return QCoreApplication::translate("haitao::widgets::PricingLabels", "Removed");
    if (change == u"changed")
        return QCoreApplication::translate("haitao::widgets::PricingLabels", "Changed");
    return change;
}

} // namespace haitao::widgets
