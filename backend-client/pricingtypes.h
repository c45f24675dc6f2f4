#pragma once

#include "core/decimal.h"
#include "core/money.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace haitao::client {

// The client's view of the pricing API's answers (docs/pricing.md). Rates and percentages are
// exact Decimals read from the JSON strings the server sends; never floating point. Rule-set
// documents and quotes stay JSON: the desktop shows and edits them but never prices.
//
// Each fromJson() returns nullopt and sets `why` when a field the client relies on is missing
// or malformed, so an unreadable answer is reported instead of shown as zero.

// One FX entry: CNY per one unit of `currency`.
struct FxRate
{
    qint64 id = 0;
    QString currency;
    Decimal rate;
    Decimal markupPercent;
    Decimal effectiveRate; // rate * (1 + markupPercent / 100), computed by the server
    QString source;        // "manual", "ecb"
    QDateTime asOf;
    QDateTime validUntil; // invalid: no end
    QString createdBy;
    QDateTime createdAt;
    // Only in the list of current rates (GET /fx/rates):
    bool stale = false;
    qint64 ageHours = 0;

    static std::optional<FxRate> fromJson(const QJsonObject &json, QString *why);
};

struct FxRates
{
    qint64 snapshot = 0;
    qint64 maxAgeHours = 0;
    QList<FxRate> items; // one per currency
};

struct FxHistory
{
    QString currency;
    QList<FxRate> items; // oldest first
};

// A rate typed in by staff. Invalid times are not sent (the server takes "now" for asOf).
struct ManualRate
{
    QString currency;
    Decimal rate;
    Decimal markupPercent;
    QDateTime asOf;
    QDateTime validUntil;

    QJsonObject toJson() const;
};

struct FxFetchResult
{
    QString url;
    QDateTime asOf;
    QStringList currencies;
    qint64 snapshot = 0;
};

// A published rule-set version; `document` only when one version was asked for.
struct RuleSetVersion
{
    qint64 version = 0;
    QDateTime effectiveAt;
    bool inForce = false;
    QString publishedBy;
    QDateTime publishedAt;
    QString note;
    QJsonObject document;

    static std::optional<RuleSetVersion> fromJson(const QJsonObject &json, QString *why);
};

// The one draft, with the ETag that later writes must send as If-Match.
struct Draft
{
    qint64 basedOn = 0;
    qint64 revision = 0;
    QString createdBy;
    QDateTime createdAt;
    QString updatedBy;
    QDateTime updatedAt;
    QJsonObject document;
    QByteArray etag; // e.g. "r4" with the quotes, as the server sent it

    static std::optional<Draft> fromJson(const QJsonObject &json, QString *why);
};

struct DraftChange
{
    QString change; // "added", "removed", "changed"
    QString id;     // a rule id, or "settings.rounding" and the like
    QString kind;
    QJsonValue before; // null when added
    QJsonValue after;  // null when removed
};

struct DraftDiff
{
    qint64 basedOn = 0;
    qint64 against = 0;
    QList<DraftChange> changes;
};

struct PublishRequest
{
    QDateTime effectiveAt; // invalid: at once
    QString note;
};

// The one-line cart of a simulation priced at each weight from fromG to toG.
struct Sweep
{
    qint64 fromG = 0;
    qint64 toG = 20000;
    qint64 stepG = 500;
};

struct SweepPoint
{
    qint64 weightG = 0;
    std::optional<Money> published; // nullopt when it could not be priced
    std::optional<Money> draft;     // nullopt without a draft
};

// Per component kind, the CNY sums of both quotes.
struct KindDifference
{
    QString kind;
    std::optional<Money> published;
    std::optional<Money> draft;
    std::optional<Money> delta;
};

struct Simulation
{
    QJsonObject published;
    QJsonObject draft; // empty when there is no draft
    QList<KindDifference> difference;
    QList<SweepPoint> sweep;

    static std::optional<Simulation> fromJson(const QJsonObject &json, QString *why);
};

struct PricingAuditQuery
{
    QString cursor;
    int limit = 100;
};

// Reads a decimal the API sends as a JSON string ("7.1234"); nullopt for numbers or bad text.
std::optional<Decimal> decimalFromJson(const QJsonValue &value);
// Reads a Money object, or nullopt for null, absent or malformed values.
std::optional<Money> moneyFromJson(const QJsonValue &value);

} // namespace haitao::client
