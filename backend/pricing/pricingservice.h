#pragma once

#include "backend/config.h"
#include "backend/http/actor.h"
#include "backend/pricing/engine.h"
#include "backend/pricing/pricingstore.h"
#include "backend/storage/database.h"

#include <QJsonObject>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace haitao::server::pricing {

// Looks up a catalog SKU for a quote line (site, price, weight, dimensions, category); nullopt
// when there is no such SKU, or (for customers, `staff` false) it is not published.
using SkuResolver = std::function<std::optional<QuoteLineInput>(qint64 skuId, bool staff)>;
// Whether the customer has placed an order before. The orders component (issue 6) will
// provide it; until it is set, every customer's quote counts as a first order, so
// first-order promotions apply to all of them.
using OrderHistory = std::function<bool(qint64 userId)>;

struct ManualRate
{
    Currency currency = Currency::cny();
    Decimal rate;
    Decimal markupPercent;
    std::optional<qint64> asOfMs; // default: now
    std::optional<qint64> validUntilMs;
};

struct FetchOutcome
{
    QString url;
    qint64 asOfMs = 0;
    QStringList currencies;
    qint64 snapshot = 0;
};

// The pricing component: rule-set versions, FX rates, quotes. The one place a price is
// computed (through computeQuote). Throws ApiError for anything the caller did wrong; every
// change is audited in the same transaction.
class PricingService
{
public:
    PricingService(Database &db, const Config &config);
    ~PricingService();

    void migrate();
    bool seedDemo(); // a published rule set and rates, once
    void setSkuResolver(SkuResolver resolver) { m_skus = std::move(resolver); }
    void setOrderHistory(OrderHistory history) { m_orders = std::move(history); }

    // A quote under the version in force at input.nowMs; quoteNow() prices at the present.
    Quote quote(const QuoteInput &input);
    Quote quoteNow(QuoteInput input);
    // The same quote again from a stored version and rate snapshot (input.nowMs as priced):
    // how an order's total is checked or explained later.
    Quote requote(const QuoteInput &input, qint64 version, qint64 snapshot);
    // The published version and the draft side by side (docs/pricing.md, simulate).
    QJsonObject simulate(QuoteInput input, const std::optional<QJsonObject> &sweep);
    // Fills in catalog SKU lines and whether this is the user's first order.
    QuoteInput prepare(QuoteInput input, const Principal &user) const;

    QList<StoredRuleSet> listVersions();
    StoredRuleSet version(qint64 version);
    qint64 versionInForce(); // 0 when none
    std::optional<StoredRuleSet> draft();
    StoredRuleSet createDraft(const Actor &actor, std::optional<qint64> from);
    StoredRuleSet saveDraft(const Actor &actor, const QJsonObject &document, qint64 revision);
    void discardDraft(const Actor &actor, qint64 revision);
    QJsonObject diff();
    StoredRuleSet publish(const Actor &actor, qint64 revision, std::optional<qint64> effectiveAt,
                          const QString &note);
    Page<AuditEntry> listAudit(const AuditFilter &filter);

    RateSnapshot currentRates();
    QList<FxRate> rateHistory(Currency currency, int days);
    FxRate addManualRate(const Actor &actor, const ManualRate &rate);
    FetchOutcome fetchEcb(const Actor &actor);
    qint64 maxRateAgeMs() const;
    qint64 nowMs() const { return now(); }

    // The scheduled ECB fetch (when --fx-ecb-url is set); stop() joins it.
    void startJobs();
    void stop();

private:
    struct Published
    {
        qint64 version = 0;
        qint64 effectiveAtMs = 0;
        std::shared_ptr<const RuleSet> rules;
    };
    struct Cache
    {
        QList<Published> versions; // ascending
        std::shared_ptr<const RateSnapshot> rates;
    };

    qint64 now() const { return m_config.clock(); }
    EngineLimits limits() const;
    Cache cache();
    void invalidate();
    void audit(QSqlDatabase &db, const Actor &actor, const QString &action,
               const QString &targetType, const QString &targetId, const QJsonObject &detail = {});
    void fetchLoop();

    Database &m_db;
    const Config &m_config;
    SkuResolver m_skus;
    OrderHistory m_orders;

    std::mutex m_cacheMutex;
    Cache m_cache;
    qint64 m_cacheLoadedMs = -1;  // steady clock; -1: not loaded
    qint64 m_cacheGeneration = 0; // bumped by every local write

    std::mutex m_jobMutex;
    std::condition_variable m_jobWake;
    bool m_stopping = false;
    std::thread m_fetcher;
};

} // namespace haitao::server::pricing
