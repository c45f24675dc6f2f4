#pragma once

#include "backend/pricing/fxrate.h"
#include "core/money.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace haitao::server::pricing {

// One line to price: either resolved from a catalog SKU or given explicitly.
struct QuoteLineInput
{
    qint64 skuId = 0; // 0: explicit line
    QString site;
    Money price = Money::zero(Currency::cny()); // unit price in the site's currency
    qint64 quantity = 1;
    qint64 weightG = 0;
    qint64 lengthMm = 0, widthMm = 0, heightMm = 0; // 0: unknown, no volumetric weight
    QString category;
};

struct QuoteInput
{
    QList<QuoteLineInput> lines;
    QString destination = QStringLiteral("CN");
    QStringList coupons;
    bool firstOrder = false;
    qint64 nowMs = 0;
};

// One priced part of the total. `cny` is what it adds to the total (negative for discounts).
struct Component
{
    QString kind; // goods, import_tax, domestic_shipping, forwarder_fee, ...
    Money original = Money::zero(Currency::cny());
    Money cny = Money::zero(Currency::cny());
    std::optional<Decimal> rate; // set when `original` was converted
    QString ruleId;
    std::optional<Decimal> percent; // percentage rules
    QString route;                  // forwarder_fee, international_shipping: "US-CN"
    qint64 chargeableWeightG = -1;  // weight-based components; -1: not weight based
    QString code;                   // coupon code

    QJsonObject toJson() const;
};

struct QuoteLine
{
    int index = 0;
    qint64 skuId = 0;
    QString site;
    qint64 quantity = 0;
    qint64 chargeableWeightG = 0;
    QList<Component> components;
    Money total = Money::zero(Currency::cny());
};

struct QuoteSite
{
    QString site;
    QString origin;
    Currency currency = Currency::cny();
    Money goods = Money::zero(Currency::cny()); // in the site's currency
    QList<Component> components;
    Money total = Money::zero(Currency::cny());
};

struct Quote
{
    qint64 ruleSetVersion = 0; // 0: the draft
    qint64 rateSnapshot = 0;
    Rounding rounding = Rounding::HalfUp;
    qint64 pricedAtMs = 0;
    qint64 expiresAtMs = 0;
    QList<FxRate> rates; // those used, in currency-code order
    QList<QuoteLine> lines;
    QList<QuoteSite> sites; // in order of first appearance among the lines
    QList<Component> components;
    Money total = Money::zero(Currency::cny());

    QJsonObject toJson() const;
    // The same document as toJson() (key order aside) written straight to compact UTF-8 JSON:
    // the quote route's answer, at a fraction of the cost of building and serializing a tree.
    QByteArray toJsonBytes() const;
};

} // namespace haitao::server::pricing
