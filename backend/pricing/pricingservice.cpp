#include "backend/pricing/pricingservice.h"

#include "backend/pricing/demorules.h"
#include "backend/pricing/ecb.h"
#include "core/wiretime.h"

#include <QElapsedTimer>
#include <QJsonArray>

#include <algorithm>
#include <chrono>

namespace haitao::server::pricing {

namespace {

constexpr qint64 kHourMs = 3600LL * 1000;
constexpr qint64 kDayMs = 24 * kHourMs;
// How long a cached view of the published versions and rates may be old. Local writes
// invalidate it at once; other instances on the same PostgreSQL see them within this time.
constexpr qint64 kCacheMs = 1000;

qint64 steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

ApiError draftMissing()
{
    return ApiError(ProblemKind::NotFound,
                    QStringLiteral("There is no draft rule set; create one first"));
}

ApiError staleRevision(qint64 current)
{
    return ApiError(ProblemKind::PreconditionFailed,
                    QStringLiteral("The draft was changed by someone else (now revision %1); "
                                   "reload it and apply your changes again")
                        .arg(current));
}

// The draft, if it is still at `revision`: 404 without a draft, 412 when it moved on. The
// precondition comes first: an editor on a stale revision must reload, whatever else.
StoredRuleSet draftAt(const QSqlDatabase &db, qint64 revision)
{
    auto current = pricingstore::draft(db);
    if (!current)
        throw draftMissing();
    if (current->revision != revision)
        throw staleRevision(current->revision);
    return *current;
}

// The rule set of a stored document, parsed as the engine needs it. Documents in storage
// passed validation when written; one that no longer does is a server defect, not user error.
std::shared_ptr<const RuleSet> parseStored(const QJsonObject &document, const QString &what)
{
    QList<FieldProblem> errors;
    auto parsed = RuleSet::fromJson(document, &errors);
    if (!parsed) {
        throw ApiError(ProblemKind::Internal,
                       QStringLiteral("Stored %1 is not a valid rule set: %2 %3")
                           .arg(what, errors.value(0).field, errors.value(0).message));
    }
    return std::make_shared<const RuleSet>(std::move(*parsed));
}

// A stored draft as a rule set, or an empty one if it does not parse (a draft may be saved
// incomplete only through older code; a diff against nothing still shows every rule).
RuleSet parseDraft(const QJsonObject &document)
{
    QList<FieldProblem> errors;
    return RuleSet::fromJson(document, &errors).value_or(RuleSet());
}

// Errors of a document read from a request body, with paths under "document".
QList<FieldProblem> underDocument(QList<FieldProblem> errors)
{
    for (FieldProblem &p : errors)
        p.field = QStringLiteral("document.") + p.field;
    return errors;
}

// The CNY sum of a quote's components per kind, over lines, sites and the quote itself.
QMap<QString, qint64> sumByKind(const Quote &q)
{
    QMap<QString, qint64> sums;
    const auto add = [&sums](const QList<Component> &components) {
        for (const Component &c : components)
            sums[c.kind] += c.cny.minor();
    };
    for (const QuoteLine &l : q.lines)
        add(l.components);
    for (const QuoteSite &s : q.sites)
        add(s.components);
    add(q.components);
    return sums;
}

QJsonObject cny(qint64 minor)
{
    return Money(minor, Currency::cny()).toJson();
}

} // namespace

PricingService::PricingService(Database &db, const Config &config)
    : m_db(db)
    , m_config(config)
{}

PricingService::~PricingService()
{
    stop();
}

void PricingService::migrate()
{
    haitao::server::migrate(m_db, pricingstore::migrations());
}

EngineLimits PricingService::limits() const
{
    EngineLimits l;
    l.maxRateAgeMs = qint64(m_config.fxMaxAgeHours) * kHourMs;
    l.quoteValidityMs = qint64(m_config.quoteValidityMinutes) * 60 * 1000;
    return l;
}

qint64 PricingService::maxRateAgeMs() const
{
    return limits().maxRateAgeMs;
}

void PricingService::audit(QSqlDatabase &db, const Actor &actor, const QString &action,
                           const QString &targetType, const QString &targetId,
                           const QJsonObject &detail)
{
    auditlog::record(db, actor, now(), action, targetType, targetId, detail);
}

// ---- cache of published versions and the newest rate snapshot ----

void PricingService::invalidate()
{
    std::lock_guard lock(m_cacheMutex);
    m_cacheLoadedMs = -1;
    ++m_cacheGeneration; // a refresh already reading must not store what it read as fresh
}

PricingService::Cache PricingService::cache()
{
    {
        std::lock_guard lock(m_cacheMutex);
        if (m_cacheLoadedMs >= 0 && steadyMs() - m_cacheLoadedMs < kCacheMs)
            return m_cache;
    }
    // Read outside the lock; published documents are immutable, so parsed ones are reused.
    // From the primary: right after a local publish a replica may not have it yet.
    qint64 generation = 0;
    {
        std::lock_guard lock(m_cacheMutex);
        generation = m_cacheGeneration;
    }
    QSqlDatabase db = m_db.writer();
    const QList<PublishedVersion> versions = pricingstore::publishedVersions(db);
    const qint64 rateId = pricingstore::latestRateId(db);
    Cache old;
    {
        std::lock_guard lock(m_cacheMutex);
        old = m_cache;
    }
    Cache fresh;
    for (const PublishedVersion &v : versions) {
        Published p{v.version, v.effectiveAtMs, nullptr};
        for (const Published &known : std::as_const(old.versions)) {
            if (known.version == v.version)
                p.rules = known.rules;
        }
        if (!p.rules) {
            const auto stored = pricingstore::published(db, v.version);
            if (!stored)
                continue; // published between the two reads: next refresh
            p.rules = parseStored(stored->document, QStringLiteral("version %1").arg(v.version));
        }
        fresh.versions.append(p);
    }
    fresh.rates = old.rates && old.rates->id == rateId
                      ? old.rates
                      : std::make_shared<const RateSnapshot>(pricingstore::snapshot(db, rateId));
    std::lock_guard lock(m_cacheMutex);
    if (generation == m_cacheGeneration) { // else a write came in meanwhile: read again next time
        m_cache = fresh;
        m_cacheLoadedMs = steadyMs();
    }
    return fresh;
}

// ---- quotes ----

QuoteInput PricingService::prepare(QuoteInput input, const Principal &user) const
{
    QList<FieldProblem> errors;
    for (int i = 0; i < input.lines.size(); ++i) {
        QuoteLineInput &line = input.lines[i];
        if (line.skuId == 0)
            continue;
        const std::optional<QuoteLineInput> sku =
            m_skus ? m_skus(line.skuId, isStaff(user.role)) : std::nullopt;
        if (!sku) {
            errors.append({QStringLiteral("lines[%1].skuId").arg(i),
                           QStringLiteral("there is no SKU %1 in the catalog").arg(line.skuId)});
            continue;
        }
        const qint64 quantity = line.quantity;
        line = *sku;
        line.quantity = quantity;
    }
    if (!errors.isEmpty())
        throw ApiError::validation(errors);
    input.firstOrder = user.role == Role::Customer && !(m_orders && m_orders(user.userId));
    return input;
}

Quote PricingService::quote(const QuoteInput &input)
{
    const Cache c = cache();
    const qint64 at = input.nowMs;
    const Published *inForce = nullptr;
    for (const Published &p : c.versions) {
        if (p.effectiveAtMs <= at)
            inForce = &p;
    }
    if (!inForce) {
        throw ApiError(ProblemKind::Unavailable,
                       QStringLiteral("No price rules are in force yet; staff must publish a "
                                      "rule set first"));
    }
    return computeQuote(input, *inForce->rules, inForce->version, *c.rates, limits());
}

Quote PricingService::quoteNow(QuoteInput input)
{
    input.nowMs = now();
    return quote(input);
}

Quote PricingService::requote(const QuoteInput &input, qint64 version, qint64 snapshot)
{
    QSqlDatabase db = m_db.writer(); // a version published a moment ago is there
    const auto stored = pricingstore::published(db, version);
    if (!stored)
        throw ApiError(ProblemKind::NotFound,
                       QStringLiteral("There is no published version %1").arg(version));
    const auto rules = parseStored(stored->document, QStringLiteral("version %1").arg(version));
    return computeQuote(input, *rules, version, pricingstore::snapshot(db, snapshot), limits());
}

QJsonObject PricingService::simulate(QuoteInput input, const std::optional<QJsonObject> &sweep)
{
    input.nowMs = now();
    const Quote published = quote(input);
    std::optional<Quote> draftQuote;
    std::shared_ptr<const RuleSet> draftRules;
    if (const auto d = draft()) {
        QList<FieldProblem> errors;
        auto parsed = RuleSet::fromJson(d->document, &errors);
        if (!parsed) {
            throw ApiError(ProblemKind::Conflict,
                           QStringLiteral("The draft is incomplete (%1: %2); fix it first")
                               .arg(errors.value(0).field, errors.value(0).message));
        }
        draftRules = std::make_shared<const RuleSet>(std::move(*parsed));
        draftQuote = computeQuote(input, *draftRules, 0, *cache().rates, limits());
    }

    QJsonObject out{
        {QStringLiteral("published"), published.toJson()},
        {QStringLiteral("draft"), draftQuote ? QJsonValue(draftQuote->toJson()) : QJsonValue()}};

    const QMap<QString, qint64> a = sumByKind(published);
    const QMap<QString, qint64> b = draftQuote ? sumByKind(*draftQuote) : QMap<QString, qint64>();
    QStringList kinds = a.keys() + b.keys();
    kinds.removeDuplicates();
    kinds.sort();
    QJsonArray difference;
    for (const QString &kind : std::as_const(kinds)) {
        QJsonObject row{{QStringLiteral("kind"), kind},
                        {QStringLiteral("published"), cny(a.value(kind))}};
        if (draftQuote) {
            row.insert(QStringLiteral("draft"), cny(b.value(kind)));
            row.insert(QStringLiteral("delta"), cny(b.value(kind) - a.value(kind)));
        }
        difference.append(row);
    }
    out.insert(QStringLiteral("difference"), difference);

    if (sweep) {
        const qint64 from = sweep->value(QStringLiteral("fromG")).toInteger();
        const qint64 to = sweep->value(QStringLiteral("toG")).toInteger();
        const qint64 step = sweep->value(QStringLiteral("stepG")).toInteger();
        QJsonArray points;
        QuoteInput one = input;
        one.lines = {input.lines.constFirst()};
        one.lines[0].quantity = 1;
        one.lines[0].lengthMm = one.lines[0].widthMm = one.lines[0].heightMm = 0;
        for (qint64 w = from; w <= to; w += step) {
            one.lines[0].weightG = w;
            QJsonObject point{{QStringLiteral("weightG"), w}};
            // A weight past the last band is a point without a price, not a failed simulation.
            try {
                point.insert(QStringLiteral("published"), quote(one).total.toJson());
            } catch (const ApiError &) {
                point.insert(QStringLiteral("published"), QJsonValue());
            }
            if (draftRules) {
                try {
                    point.insert(
                        QStringLiteral("draft"),
                        computeQuote(one, *draftRules, 0, *cache().rates, limits()).total.toJson());
                } catch (const ApiError &) {
                    point.insert(QStringLiteral("draft"), QJsonValue());
                }
            }
            points.append(point);
        }
        out.insert(QStringLiteral("sweep"), points);
    }
    return out;
}

// ---- rule-set versions ----

QList<StoredRuleSet> PricingService::listVersions()
{
    return pricingstore::listPublished(m_db.reader(), 100);
}

StoredRuleSet PricingService::version(qint64 version)
{
    auto stored = pricingstore::published(m_db.reader(), version);
    if (!stored)
        throw ApiError(ProblemKind::NotFound,
                       QStringLiteral("There is no published version %1").arg(version));
    return *stored;
}

qint64 PricingService::versionInForce()
{
    qint64 v = 0;
    const qint64 at = now();
    for (const Published &p : cache().versions) {
        if (p.effectiveAtMs <= at)
            v = p.version;
    }
    return v;
}

std::optional<StoredRuleSet> PricingService::draft()
{
    // From the primary: an editor reads back what it just saved.
    return pricingstore::draft(m_db.writer());
}

StoredRuleSet PricingService::createDraft(const Actor &actor, std::optional<qint64> from)
{
    StoredRuleSet d;
    m_db.write([&](QSqlDatabase &db) {
        if (pricingstore::draft(db))
            throw ApiError(ProblemKind::Conflict,
                           QStringLiteral("There is already a draft; edit or discard it"));
        qint64 base = from.value_or(0);
        if (!from) {
            const qint64 at = now();
            for (const PublishedVersion &v : pricingstore::publishedVersions(db)) {
                if (v.effectiveAtMs <= at)
                    base = v.version;
            }
        }
        if (base > 0) {
            const auto source = pricingstore::published(db, base);
            if (!source)
                throw ApiError(ProblemKind::NotFound,
                               QStringLiteral("There is no published version %1").arg(base));
            d.document = source->document;
        } else {
            // Nothing published yet: an empty but valid document to fill in.
            RuleSet empty;
            empty.defaultOrigin = QStringLiteral("US");
            d.document = empty.toJson();
        }
        d.basedOn = base;
        d.revision = 1;
        d.createdBy = d.updatedBy = actor.name;
        d.createdAtMs = d.updatedAtMs = now();
        d.id = pricingstore::insertDraft(db, d);
        audit(db, actor, QStringLiteral("ruleset.draft_created"), QStringLiteral("ruleset"),
              QStringLiteral("draft"), {{QStringLiteral("basedOn"), base}});
    });
    return d;
}

StoredRuleSet PricingService::saveDraft(const Actor &actor, const QJsonObject &document,
                                        qint64 revision)
{
    StoredRuleSet saved;
    m_db.write([&](QSqlDatabase &db) {
        const StoredRuleSet current = draftAt(db, revision);
        QList<FieldProblem> errors;
        const auto parsed = RuleSet::fromJson(document, &errors);
        if (!parsed)
            throw ApiError::validation(underDocument(errors));
        // Stored in canonical form (codes upper-case, decimals shortest), so that diffs show
        // only real changes.
        if (!pricingstore::updateDraft(db, parsed->toJson(), revision, actor.name, now()))
            throw staleRevision(current.revision);
        const QJsonArray changes = diffRuleSets(parseDraft(current.document), *parsed);
        audit(db, actor, QStringLiteral("ruleset.draft_saved"), QStringLiteral("ruleset"),
              QStringLiteral("draft"),
              {{QStringLiteral("revision"), revision + 1}, {QStringLiteral("changes"), changes}});
        saved = *pricingstore::draft(db);
    });
    return saved;
}

void PricingService::discardDraft(const Actor &actor, qint64 revision)
{
    m_db.write([&](QSqlDatabase &db) {
        const StoredRuleSet current = draftAt(db, revision);
        if (!pricingstore::discardDraft(db, revision, actor.name, now()))
            throw staleRevision(current.revision);
        audit(db, actor, QStringLiteral("ruleset.draft_discarded"), QStringLiteral("ruleset"),
              QStringLiteral("draft"), {{QStringLiteral("revision"), revision}});
    });
}

QJsonObject PricingService::diff()
{
    const auto d = draft();
    if (!d)
        throw draftMissing();
    const QList<StoredRuleSet> latest = pricingstore::listPublished(m_db.writer(), 1);
    const RuleSet before = latest.isEmpty()
                               ? RuleSet()
                               : *parseStored(latest.first().document, QStringLiteral("version"));
    const RuleSet after = parseDraft(d->document);
    return {{QStringLiteral("basedOn"), d->basedOn},
            {QStringLiteral("against"), latest.isEmpty() ? 0 : latest.first().version},
            {QStringLiteral("changes"), diffRuleSets(before, after)}};
}

StoredRuleSet PricingService::publish(const Actor &actor, qint64 revision,
                                      std::optional<qint64> effectiveAt, const QString &note)
{
    const qint64 at = now();
    const qint64 effective = effectiveAt.value_or(at);
    // A minute of slack for clocks; earlier would rewrite what past quotes were priced on.
    if (effective < at - 60 * 1000)
        throw ApiError::validation(
            {{QStringLiteral("effectiveAt"), QStringLiteral("must not be in the past")}});
    StoredRuleSet result;
    m_db.write([&](QSqlDatabase &db) {
        const StoredRuleSet current = draftAt(db, revision);
        QList<FieldProblem> errors;
        if (!RuleSet::fromJson(current.document, &errors, true))
            throw ApiError::validation(underDocument(errors));
        const QList<PublishedVersion> versions = pricingstore::publishedVersions(db);
        const qint64 next = versions.isEmpty() ? 1 : versions.last().version + 1;
        // A version that takes effect before the latest one would never be in force.
        if (!versions.isEmpty() && effective < versions.last().effectiveAtMs) {
            throw ApiError::validation(
                {{QStringLiteral("effectiveAt"),
                  QStringLiteral("must not be before version %1 takes effect (%2)")
                      .arg(versions.last().version)
                      .arg(toWireTime(versions.last().effectiveAtMs))}});
        }
        if (!pricingstore::publishDraft(db, revision, next, effective, note, actor.name, at))
            throw staleRevision(current.revision);
        audit(db, actor, QStringLiteral("ruleset.published"), QStringLiteral("ruleset"),
              QString::number(next),
              {{QStringLiteral("basedOn"), current.basedOn},
               {QStringLiteral("effectiveAt"), toWireTime(effective)},
               {QStringLiteral("note"), note}});
        result = *pricingstore::published(db, next);
    });
    invalidate();
    return result;
}

Page<AuditEntry> PricingService::listAudit(const AuditFilter &filter)
{
    return auditlog::list(m_db.reader(), filter);
}

// ---- FX rates ----

RateSnapshot PricingService::currentRates()
{
    return *cache().rates;
}

QList<FxRate> PricingService::rateHistory(Currency currency, int days)
{
    return pricingstore::rateHistory(m_db.reader(), currency, now() - qint64(days) * kDayMs, 5000);
}

FxRate PricingService::addManualRate(const Actor &actor, const ManualRate &manual)
{
    QList<FieldProblem> errors;
    if (manual.currency == Currency::cny())
        errors.append({QStringLiteral("currency"), QStringLiteral("CNY is the base currency")});
    if (manual.rate.isNegative() || manual.rate.isZero())
        errors.append({QStringLiteral("rate"), QStringLiteral("must be greater than 0")});
    if (manual.markupPercent.isNegative() || manual.markupPercent > Decimal::fromInteger(100))
        errors.append({QStringLiteral("markupPercent"), QStringLiteral("must be from 0 to 100")});
    const qint64 at = now();
    const qint64 asOf = manual.asOfMs.value_or(at);
    if (asOf > at + 60 * 1000)
        errors.append({QStringLiteral("asOf"), QStringLiteral("must not be in the future")});
    if (manual.validUntilMs && *manual.validUntilMs <= asOf)
        errors.append({QStringLiteral("validUntil"), QStringLiteral("must be after asOf")});
    FxRate r;
    if (errors.isEmpty()) {
        const auto effective = FxRate::effective(manual.rate, manual.markupPercent);
        if (!effective)
            errors.append({QStringLiteral("rate"), QStringLiteral("is too large")});
        else
            r.effectiveRate = *effective;
    }
    if (!errors.isEmpty())
        throw ApiError::validation(errors);
    r.currency = manual.currency;
    r.rate = manual.rate;
    r.markupPercent = manual.markupPercent;
    r.source = QStringLiteral("manual");
    r.asOfMs = asOf;
    r.validUntilMs = manual.validUntilMs;
    r.createdBy = actor.name;
    r.createdAtMs = at;
    m_db.write([&](QSqlDatabase &db) {
        pricingstore::lockRates(db);
        r.id = pricingstore::insertRate(db, r);
        audit(db, actor, QStringLiteral("fx.rate_entered"), QStringLiteral("fx_rate"),
              r.currency.code(), r.toJson());
    });
    invalidate();
    return r;
}

FetchOutcome PricingService::fetchEcb(const Actor &actor)
{
    if (m_config.fxEcbUrl.isEmpty())
        throw ApiError(ProblemKind::Conflict,
                       QStringLiteral("No rate source is configured (--fx-ecb-url); enter "
                                      "rates by hand"));
    const QUrl url(m_config.fxEcbUrl);
    const EcbFetch fetched = fetchEcbRates(url, FetchOptions());
    if (!fetched.error.isEmpty()) {
        m_db.write([&](QSqlDatabase &db) {
            audit(db, actor, QStringLiteral("fx.fetch_failed"), QStringLiteral("fx_source"),
                  m_config.fxEcbUrl, {{QStringLiteral("error"), fetched.error}});
        });
        ApiError e(ProblemKind::Unavailable,
                   QStringLiteral("Fetching %1 failed: %2").arg(m_config.fxEcbUrl, fetched.error));
        e.retryAfterSeconds = std::max(0, fetched.retryAfterSeconds);
        throw e;
    }
    FetchOutcome outcome;
    outcome.url = m_config.fxEcbUrl;
    outcome.asOfMs = fetched.asOfMs;
    const qint64 at = now();
    m_db.write([&](QSqlDatabase &db) {
        outcome.currencies.clear(); // write() may run this again after a conflict
        outcome.snapshot = 0;
        pricingstore::lockRates(db);
        const RateSnapshot before = pricingstore::snapshot(db, pricingstore::latestRateId(db));
        for (const CnyRate &cr : fetched.rates) {
            FxRate r;
            r.currency = cr.currency;
            r.rate = cr.cnyPerUnit;
            // The platform's margin stays what staff last set for the currency.
            const FxRate *previous = before.find(cr.currency);
            r.markupPercent = previous ? previous->markupPercent : Decimal();
            r.source = QStringLiteral("ecb");
            r.asOfMs = fetched.asOfMs;
            r.createdBy = actor.name;
            r.createdAtMs = at;
            const auto effective = FxRate::effective(r.rate, r.markupPercent);
            if (!effective)
                continue;
            r.effectiveRate = *effective;
            outcome.snapshot = pricingstore::insertRate(db, r);
            outcome.currencies << r.currency.code();
        }
        audit(db, actor, QStringLiteral("fx.fetched"), QStringLiteral("fx_source"),
              m_config.fxEcbUrl,
              {{QStringLiteral("asOf"), toWireTime(fetched.asOfMs)},
               {QStringLiteral("currencies"), QJsonArray::fromStringList(outcome.currencies)}});
    });
    invalidate();
    return outcome;
}

// ---- scheduled fetch ----

void PricingService::startJobs()
{
    if (m_config.fxEcbUrl.isEmpty() || m_config.fxFetchHours <= 0 || m_fetcher.joinable())
        return;
    m_stopping = false;
    m_fetcher = std::thread([this] { fetchLoop(); });
}

void PricingService::stop()
{
    {
        std::lock_guard lock(m_jobMutex);
        m_stopping = true;
    }
    m_jobWake.notify_all();
    if (m_fetcher.joinable())
        m_fetcher.join();
}

void PricingService::fetchLoop()
{
    const auto interval = std::chrono::hours(m_config.fxFetchHours);
    auto retry = std::chrono::minutes(1);
    Actor system;
    for (;;) {
        std::chrono::milliseconds wait = interval;
        try {
            fetchEcb(system);
            retry = std::chrono::minutes(1);
        } catch (const std::exception &) {
            // Audited by fetchEcb; try again soon, backing off up to the normal interval.
            wait = std::min<std::chrono::milliseconds>(retry, interval);
            retry = std::min<std::chrono::minutes>(retry * 2, std::chrono::minutes(60));
        }
        std::unique_lock lock(m_jobMutex);
        if (m_jobWake.wait_for(lock, wait, [this] { return m_stopping; }))
            return;
    }
}

// ---- demo data ----

bool PricingService::seedDemo()
{
    bool seeded = false;
    m_db.write([&](QSqlDatabase &db) {
        if (!pricingstore::publishedVersions(db).isEmpty() || pricingstore::latestRateId(db) > 0 ||
            pricingstore::draft(db))
            return; // staff have started their own rules or rates: the demo stays out
        Actor system;
        const qint64 at = now();
        // Plausible CNY rates with the platform's markup; the ECB fetch replaces them when
        // a source is configured.
        const QList<std::pair<const char *, const char *>> rates = {
            {"USD", "7.1180"},    {"EUR", "7.7420"}, {"GBP", "9.0150"}, {"JPY", "0.047310"},
            {"KRW", "0.0051020"}, {"AUD", "4.6350"}, {"CAD", "5.0920"}, {"HKD", "0.91460"},
        };
        for (const auto &[code, rate] : rates) {
            FxRate r;
            r.currency = *Currency::fromCode(QString::fromLatin1(code));
            r.rate = *Decimal::parse(QString::fromLatin1(rate));
            r.markupPercent = *Decimal::parse(u"1.5");
            r.source = QStringLiteral("manual");
            r.asOfMs = at;
            r.createdBy = system.name;
            r.createdAtMs = at;
            pricingstore::insertRate(db, r);
        }
        QList<FieldProblem> errors;
        const auto rules = RuleSet::fromJson(demoRuleSetDocument(), &errors, true);
        if (!rules)
            throw ApiError(ProblemKind::Internal,
                           QStringLiteral("The demo rule set is invalid: %1 %2")
                               .arg(errors.value(0).field, errors.value(0).message));
        StoredRuleSet d;
        d.document = rules->toJson();
        d.createdBy = system.name;
        d.createdAtMs = at;
        pricingstore::insertDraft(db, d);
        pricingstore::publishDraft(db, 1, 1, at, QStringLiteral("Demo rule set"), system.name, at);
        audit(db, system, QStringLiteral("ruleset.published"), QStringLiteral("ruleset"),
              QStringLiteral("1"), {{QStringLiteral("note"), QStringLiteral("Demo rule set")}});
        seeded = true;
    });
    invalidate();
    return seeded;
}

} // namespace haitao::server::pricing
