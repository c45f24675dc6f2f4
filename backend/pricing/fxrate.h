#pragma once

#include "core/currency.h"
#include "core/decimal.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace haitao::server::pricing {

// One entry of the append-only rate table: CNY per one unit of `currency`.
struct FxRate
{
    qint64 id = 0;
    Currency currency = Currency::cny();
    Decimal rate;          // > 0
    Decimal markupPercent; // >= 0; the effective rate is rate * (1 + markupPercent / 100)
    Decimal effectiveRate; // computed once when the entry is read
    QString source;        // "manual", "ecb", "markup"
    qint64 asOfMs = 0;     // the time the rate is for
    std::optional<qint64> validUntilMs;
    QString createdBy;
    qint64 createdAtMs = 0;

    QJsonObject toJson() const;
    // rate * (1 + markupPercent / 100), exact; nullopt on overflow, a rate <= 0 or a negative
    // markup.
    static std::optional<Decimal> effective(const Decimal &rate, const Decimal &markupPercent);
};

// The rates in force as of entry `id`: per currency its newest entry with id <= `id`.
struct RateSnapshot
{
    qint64 id = 0;
    QList<FxRate> rates;

    const FxRate *find(Currency currency) const;
};

} // namespace haitao::server::pricing
