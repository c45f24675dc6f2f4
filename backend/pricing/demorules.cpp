#include "backend/pricing/demorules.h"

#include <QJsonDocument>

namespace haitao::server::pricing {

namespace {

// Written in the form RuleSet::toJson() produces, so that the document round-trips exactly.
// Import tax: China's cross-border e-commerce rate is 70% of VAT (13%) plus consumption tax
// where one applies: 9.1% for general goods, 23.1% for premium cosmetics (15% consumption
// tax), 17.9% for wine (10%).
constexpr char kDocument[] = R"({
  "rounding": "half_up",
  "defaultOrigin": "US",
  "sites": [
    {"site": "amazon.com", "origin": "US"},
    {"site": "bestbuy.com", "origin": "US"},
    {"site": "amazon.co.jp", "origin": "JP"},
    {"site": "rakuten.co.jp", "origin": "JP"},
    {"site": "zalando.de", "origin": "DE"},
    {"site": "asos.com", "origin": "GB"},
    {"site": "coupang.com", "origin": "KR"},
    {"site": "chemistwarehouse.com.au", "origin": "AU"}
  ],
  "rules": [
    {"id": "ds-default", "kind": "domestic_shipping",
     "description": "Shops without a rule of their own", "scope": {},
     "flat": {"minor": 4000, "currency": "CNY"}, "freeAbove": {"minor": 30000, "currency": "CNY"}},
    {"id": "ds-amazon-com", "kind": "domestic_shipping", "scope": {"site": "amazon.com"},
     "flat": {"minor": 599, "currency": "USD"}, "freeAbove": {"minor": 3500, "currency": "USD"}},
    {"id": "ds-bestbuy", "kind": "domestic_shipping", "scope": {"site": "bestbuy.com"},
     "flat": {"minor": 599, "currency": "USD"}, "freeAbove": {"minor": 3500, "currency": "USD"}},
    {"id": "ds-amazon-jp", "kind": "domestic_shipping", "scope": {"site": "amazon.co.jp"},
     "flat": {"minor": 410, "currency": "JPY"}, "freeAbove": {"minor": 3500, "currency": "JPY"}},
    {"id": "ds-rakuten", "kind": "domestic_shipping", "scope": {"site": "rakuten.co.jp"},
     "flat": {"minor": 690, "currency": "JPY"}, "freeAbove": {"minor": 3980, "currency": "JPY"}},
    {"id": "ds-zalando", "kind": "domestic_shipping", "scope": {"site": "zalando.de"},
     "flat": {"minor": 490, "currency": "EUR"}, "freeAbove": {"minor": 2990, "currency": "EUR"}},
    {"id": "ds-asos", "kind": "domestic_shipping", "scope": {"site": "asos.com"},
     "flat": {"minor": 450, "currency": "GBP"}, "freeAbove": {"minor": 3500, "currency": "GBP"}},
    {"id": "ds-coupang", "kind": "domestic_shipping", "scope": {"site": "coupang.com"},
     "flat": {"minor": 3000, "currency": "KRW"}, "freeAbove": {"minor": 19800, "currency": "KRW"}},
    {"id": "ds-chemist", "kind": "domestic_shipping",
     "scope": {"site": "chemistwarehouse.com.au"},
     "flat": {"minor": 995, "currency": "AUD"}, "freeAbove": {"minor": 9900, "currency": "AUD"}},

    {"id": "fw-default", "kind": "forwarder_fee",
     "description": "Receiving, checking and repacking", "scope": {},
     "divisor": 6000, "firstG": 1000, "first": {"minor": 1500, "currency": "CNY"},
     "additionalG": 1000, "additional": {"minor": 500, "currency": "CNY"}},
    {"id": "fw-jp", "kind": "forwarder_fee", "scope": {"origin": "JP"},
     "divisor": 6000, "firstG": 1000, "first": {"minor": 300, "currency": "JPY"},
     "additionalG": 1000, "additional": {"minor": 100, "currency": "JPY"}},

    {"id": "intl-default", "kind": "international_shipping",
     "description": "Any warehouse and weight without a rule of its own", "scope": {},
     "divisor": 5000, "firstG": 500, "first": {"minor": 14000, "currency": "CNY"},
     "additionalG": 500, "additional": {"minor": 5500, "currency": "CNY"}},
    {"id": "intl-us-light", "kind": "international_shipping",
     "scope": {"origin": "US", "destination": "CN", "minWeightG": 0, "maxWeightG": 2000},
     "divisor": 5000, "firstG": 500, "first": {"minor": 9800, "currency": "CNY"},
     "additionalG": 500, "additional": {"minor": 3800, "currency": "CNY"}},
    {"id": "intl-us-heavy", "kind": "international_shipping",
     "scope": {"origin": "US", "destination": "CN", "minWeightG": 2000, "maxWeightG": 30000},
     "divisor": 6000, "firstG": 2000, "first": {"minor": 20500, "currency": "CNY"},
     "additionalG": 1000, "additional": {"minor": 5500, "currency": "CNY"}},
    {"id": "intl-jp-light", "kind": "international_shipping",
     "scope": {"origin": "JP", "destination": "CN", "minWeightG": 0, "maxWeightG": 2000},
     "divisor": 6000, "firstG": 500, "first": {"minor": 1400, "currency": "JPY"},
     "additionalG": 500, "additional": {"minor": 350, "currency": "JPY"}},
    {"id": "intl-jp-heavy", "kind": "international_shipping",
     "scope": {"origin": "JP", "destination": "CN", "minWeightG": 2000, "maxWeightG": 30000},
     "divisor": 6000, "firstG": 2000, "first": {"minor": 3900, "currency": "JPY"},
     "additionalG": 1000, "additional": {"minor": 650, "currency": "JPY"}},
    {"id": "intl-de", "kind": "international_shipping",
     "scope": {"origin": "DE", "destination": "CN", "minWeightG": 0, "maxWeightG": 31500},
     "divisor": 5000, "firstG": 1000, "first": {"minor": 1490, "currency": "EUR"},
     "additionalG": 1000, "additional": {"minor": 450, "currency": "EUR"}},
    {"id": "intl-gb", "kind": "international_shipping",
     "scope": {"origin": "GB", "destination": "CN", "minWeightG": 0, "maxWeightG": 30000},
     "divisor": 5000, "firstG": 1000, "first": {"minor": 1250, "currency": "GBP"},
     "additionalG": 1000, "additional": {"minor": 400, "currency": "GBP"}},
    {"id": "intl-kr", "kind": "international_shipping",
     "scope": {"origin": "KR", "destination": "CN"},
     "divisor": 6000, "firstG": 1000, "first": {"minor": 9000, "currency": "KRW"},
     "additionalG": 500, "additional": {"minor": 2500, "currency": "KRW"}},
    {"id": "intl-au", "kind": "international_shipping",
     "scope": {"origin": "AU", "destination": "CN"},
     "divisor": 5000, "firstG": 500, "first": {"minor": 1990, "currency": "AUD"},
     "additionalG": 500, "additional": {"minor": 750, "currency": "AUD"}},

    {"id": "svc-default", "kind": "service_fee", "scope": {}, "percent": "5",
     "min": {"minor": 1000, "currency": "CNY"}, "max": {"minor": 50000, "currency": "CNY"}},

    {"id": "tax-default", "kind": "import_tax", "description": "General goods: 70% of 13% VAT",
     "scope": {}, "percent": "9.1"},
    {"id": "tax-baby-formula", "kind": "import_tax", "scope": {"category": "baby_formula"},
     "percent": "9.1"},
    {"id": "tax-beauty-premium", "kind": "import_tax",
     "description": "Premium cosmetics: 15% consumption tax",
     "scope": {"category": "beauty_premium"}, "percent": "23.1"},
    {"id": "tax-wine", "kind": "import_tax", "scope": {"category": "wine"}, "percent": "17.9"},
    {"id": "tax-books", "kind": "import_tax", "description": "Exempt",
     "scope": {"category": "books"}, "percent": "0"},

    {"id": "coupon-welcome10", "kind": "coupon", "description": "10% off, up to 100 CNY",
     "scope": {}, "priority": 10, "code": "WELCOME10", "percent": "10",
     "max": {"minor": 10000, "currency": "CNY"}, "minSpend": {"minor": 20000, "currency": "CNY"}},
    {"id": "coupon-double11", "kind": "coupon",
     "description": "Singles' Day, 1-11 November Beijing time; not combined",
     "scope": {"validFrom": "2026-10-31T16:00:00.000Z", "validTo": "2026-11-11T16:00:00.000Z"},
     "priority": 1, "exclusive": true, "code": "DOUBLE11",
     "fixed": {"minor": 5000, "currency": "CNY"}, "minSpend": {"minor": 39900, "currency": "CNY"}},
    {"id": "spend-save-1000", "kind": "spend_save", "scope": {}, "priority": 20,
     "threshold": {"minor": 100000, "currency": "CNY"}, "save": {"minor": 8000, "currency": "CNY"}},
    {"id": "first-order", "kind": "first_order", "scope": {}, "priority": 30, "percent": "5",
     "max": {"minor": 3000, "currency": "CNY"}}
  ]
})";

} // namespace

QJsonObject demoRuleSetDocument()
{
    static const QJsonObject document = QJsonDocument::fromJson(QByteArray(kDocument)).object();
    return document;
}

RateSnapshot demoRateSnapshot(qint64 asOfMs)
{
    // CNY per unit, late 2025.
    const std::pair<const char16_t *, const char16_t *> table[] = {
        {u"USD", u"7.1012"}, {u"JPY", u"0.046712"},  {u"EUR", u"8.2431"},
        {u"GBP", u"9.3655"}, {u"KRW", u"0.0049837"}, {u"AUD", u"4.6240"},
    };
    const Decimal markup = *Decimal::parse(u"1.5");
    RateSnapshot snapshot;
    for (const auto &[code, rate] : table) {
        FxRate r;
        r.id = snapshot.rates.size() + 1;
        r.currency = *Currency::fromCode(QStringView(code));
        r.rate = *Decimal::parse(QStringView(rate));
        r.markupPercent = markup;
        r.effectiveRate = *FxRate::effective(r.rate, r.markupPercent);
        r.source = QStringLiteral("manual");
        r.asOfMs = asOfMs;
        r.createdBy = QStringLiteral("demo");
        r.createdAtMs = asOfMs;
        snapshot.rates.append(r);
    }
    snapshot.id = snapshot.rates.size();
    return snapshot;
}

} // namespace haitao::server::pricing
