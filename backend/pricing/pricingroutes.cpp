#include "backend/pricing/pricingroutes.h"

#include "backend/http/actor.h"
#include "backend/http/etag.h"
#include "backend/http/fields.h"
#include "backend/http/paging.h"
#include "backend/http/query.h"
#include "backend/pricing/pricingservice.h"
#include "backend/pricing/quoterequest.h"
#include "core/wiretime.h"

#include <QJsonArray>

namespace haitao::server::pricing {

namespace {

QJsonObject versionJson(const StoredRuleSet &s, qint64 inForce, bool withDocument)
{
    QJsonObject o{{QStringLiteral("version"), s.version},
                  {QStringLiteral("effectiveAt"), toWireTime(s.effectiveAtMs)},
                  {QStringLiteral("inForce"), s.version == inForce},
                  {QStringLiteral("basedOn"), s.basedOn},
                  {QStringLiteral("publishedBy"), s.publishedBy},
                  {QStringLiteral("publishedAt"), toWireTime(s.publishedAtMs)},
                  {QStringLiteral("note"), s.note}};
    if (withDocument)
        o.insert(QStringLiteral("document"), s.document);
    return o;
}

Response draftResponse(const StoredRuleSet &d, int status = 200)
{
    Response r = Response::json({{QStringLiteral("basedOn"), d.basedOn},
                                 {QStringLiteral("revision"), d.revision},
                                 {QStringLiteral("createdBy"), d.createdBy},
                                 {QStringLiteral("createdAt"), toWireTime(d.createdAtMs)},
                                 {QStringLiteral("updatedBy"), d.updatedBy},
                                 {QStringLiteral("updatedAt"), toWireTime(d.updatedAtMs)},
                                 {QStringLiteral("document"), d.document}},
                                status);
    r.headers.append({"ETag", numberedEtag('r', d.revision)});
    return r;
}

QJsonObject rateJson(const FxRate &rate, qint64 now, qint64 maxAgeMs)
{
    QJsonObject o = rate.toJson();
    const qint64 age = now - rate.asOfMs;
    const bool stale = age > maxAgeMs || (rate.validUntilMs && now >= *rate.validUntilMs);
    o.insert(QStringLiteral("stale"), stale);
    o.insert(QStringLiteral("ageHours"), qint64(age / (3600 * 1000)));
    return o;
}

// A decimal given as a JSON string ("7.1234"); numbers are refused so that no client sends a
// binary floating-point value for a rate.
std::optional<Decimal> decimalField(Fields &f, const QJsonObject &body, const QString &name,
                                    bool required)
{
    const QJsonValue v = body.value(name);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            f.fail(name, QStringLiteral("is required"));
        return std::nullopt;
    }
    if (!v.isString()) {
        f.fail(name, QStringLiteral("must be a decimal in a string, e.g. \"7.1234\""));
        return std::nullopt;
    }
    const auto d = Decimal::parse(v.toString());
    if (!d) {
        f.fail(name, d.error().message);
        return std::nullopt;
    }
    return *d;
}

std::optional<qint64> timeField(Fields &f, const QJsonObject &body, const QString &name)
{
    const QJsonValue v = body.value(name);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    const QDateTime t = fromWireTime(v.toString());
    if (!v.isString() || !t.isValid()) {
        f.fail(name, QStringLiteral("must be an RFC 3339 time with a zone, e.g. "
                                    "2026-11-25T10:00:00Z"));
        return std::nullopt;
    }
    return t.toMSecsSinceEpoch();
}

Currency currencyParam(const Request &r)
{
    const auto c = Currency::fromCode(r.pathParams.value(QStringLiteral("currency")));
    if (!c)
        throw ApiError(ProblemKind::NotFound, QStringLiteral("No such currency"));
    return *c;
}

} // namespace

void addPricingRoutes(Router &router, PricingService &pricing)
{
    const Access staff = Access::only({Role::Ops, Role::Admin});

    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/quotes"), Access::signedIn(),
               Body::Json, [&pricing](const Request &r) {
                   QuoteInput input = readQuoteRequest(r.body, false).input;
                   input = pricing.prepare(std::move(input), r.user());
                   // Written straight to bytes: the hottest answer of the shop (see Quote).
                   return Response::text(pricing.quoteNow(std::move(input)).toJsonBytes(),
                                         QByteArrayLiteral("application/json"));
               });

    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/quotes/simulate"), staff, Body::Json,
               [&pricing](const Request &r) {
                   QuoteRequest request = readQuoteRequest(r.body, true);
                   const bool firstOrder = request.input.firstOrder;
                   QuoteInput input = pricing.prepare(std::move(request.input), r.user());
                   input.firstOrder = firstOrder; // a what-if of staff, not their own history
                   return Response::json(pricing.simulate(std::move(input), request.sweep));
               });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/pricing/rulesets"), staff, Body::None,
               [&pricing](const Request &) {
                   const qint64 inForce = pricing.versionInForce();
                   QJsonArray items;
                   for (const StoredRuleSet &s : pricing.listVersions())
                       items.append(versionJson(s, inForce, false));
                   return Response::json({{QStringLiteral("items"), items}});
               });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/pricing/rulesets/{version}"), staff,
               Body::None, [&pricing](const Request &r) {
                   const StoredRuleSet s = pricing.version(r.idParam(QStringLiteral("version")));
                   return Response::json(versionJson(s, pricing.versionInForce(), true));
               });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/pricing/draft"), staff, Body::None,
               [&pricing](const Request &) {
                   const auto d = pricing.draft();
                   if (!d)
                       throw ApiError(ProblemKind::NotFound,
                                      QStringLiteral("There is no draft rule set"));
                   return draftResponse(*d);
               });

    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/pricing/draft"), staff, Body::Json,
               [&pricing](const Request &r) {
                   Fields f(r.body);
                   f.onlyKnown({QStringLiteral("from")});
                   std::optional<qint64> from;
                   const QJsonValue v = r.body.value(QStringLiteral("from"));
                   if (!v.isUndefined() && !v.isNull()) {
                       if (!v.isDouble() || v.toInteger() <= 0)
                           f.fail(QStringLiteral("from"),
                                  QStringLiteral("must be a published version number"));
                       else
                           from = v.toInteger();
                   }
                   f.done();
                   return draftResponse(pricing.createDraft(Actor::of(r), from), 201);
               });

    router.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/pricing/draft"), staff, Body::Json,
               [&pricing](const Request &r) {
                   const qint64 revision = ifMatchNumber(r, 'r', QStringLiteral("draft revision"));
                   Fields f(r.body);
                   f.onlyKnown({QStringLiteral("document")});
                   const QJsonValue document = r.body.value(QStringLiteral("document"));
                   if (!document.isObject())
                       f.fail(QStringLiteral("document"),
                              QStringLiteral("is required: the whole rule set"));
                   f.done();
                   return draftResponse(
                       pricing.saveDraft(Actor::of(r), document.toObject(), revision));
               });

    router.add(QStringLiteral("DELETE"), QStringLiteral("/api/v1/pricing/draft"), staff, Body::None,
               [&pricing](const Request &r) {
                   pricing.discardDraft(Actor::of(r),
                                        ifMatchNumber(r, 'r', QStringLiteral("draft revision")));
                   return Response::noContent();
               });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/pricing/draft/diff"), staff,
               Body::None, [&pricing](const Request &) { return Response::json(pricing.diff()); });

    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/pricing/draft/publish"), staff,
               Body::Json, [&pricing](const Request &r) {
                   const qint64 revision = ifMatchNumber(r, 'r', QStringLiteral("draft revision"));
                   Fields f(r.body);
                   f.onlyKnown({QStringLiteral("effectiveAt"), QStringLiteral("note")});
                   const auto effectiveAt = timeField(f, r.body, QStringLiteral("effectiveAt"));
                   const QString note =
                       f.optionalString(QStringLiteral("note"), 0, 500).value_or(QString());
                   f.done();
                   const StoredRuleSet s =
                       pricing.publish(Actor::of(r), revision, effectiveAt, note);
                   return Response::json(versionJson(s, pricing.versionInForce(), false), 201);
               });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/pricing/audit"), staff, Body::None,
               [&pricing](const Request &r) {
                   const Paging paging = readPaging(r, 100, 500);
                   AuditFilter filter;
                   filter.beforeId = paging.cursor;
                   filter.limit = paging.limit;
                   filter.action = r.query(QStringLiteral("action")).left(64);
                   return Response::json(pageJson(pricing.listAudit(filter)));
               });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/fx/rates"), staff, Body::None,
               [&pricing](const Request &) {
                   const RateSnapshot s = pricing.currentRates();
                   const qint64 now = pricing.nowMs();
                   QJsonArray items;
                   for (const FxRate &rate : s.rates)
                       items.append(rateJson(rate, now, pricing.maxRateAgeMs()));
                   return Response::json(
                       {{QStringLiteral("snapshot"), s.id},
                        {QStringLiteral("maxAgeHours"), pricing.maxRateAgeMs() / (3600 * 1000)},
                        {QStringLiteral("items"), items}});
               });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/fx/rates/{currency}/history"), staff,
               Body::None, [&pricing](const Request &r) {
                   const Currency currency = currencyParam(r);
                   const int days = int(queryInteger(r, QStringLiteral("days"), 90, 1, 3660));
                   QJsonArray items;
                   for (const FxRate &rate : pricing.rateHistory(currency, days))
                       items.append(rate.toJson());
                   return Response::json({{QStringLiteral("currency"), currency.code()},
                                          {QStringLiteral("items"), items}});
               });

    router.add(
        QStringLiteral("POST"), QStringLiteral("/api/v1/fx/rates"), staff, Body::Json,
        [&pricing](const Request &r) {
            Fields f(r.body);
            ManualRate m;
            const QString code = f.requiredString(QStringLiteral("currency"), 3, 3);
            if (const auto c = Currency::fromCode(code))
                m.currency = *c;
            else if (!code.isEmpty())
                f.fail(QStringLiteral("currency"),
                       QStringLiteral("is not a currency this shop knows"));
            m.rate = decimalField(f, r.body, QStringLiteral("rate"), true).value_or(Decimal());
            m.markupPercent =
                decimalField(f, r.body, QStringLiteral("markupPercent"), false).value_or(Decimal());
            m.asOfMs = timeField(f, r.body, QStringLiteral("asOf"));
            m.validUntilMs = timeField(f, r.body, QStringLiteral("validUntil"));
            f.onlyKnown({QStringLiteral("currency"), QStringLiteral("rate"),
                         QStringLiteral("markupPercent"), QStringLiteral("asOf"),
                         QStringLiteral("validUntil")});
            f.done();
            const FxRate rate = pricing.addManualRate(Actor::of(r), m);
            return Response::json(rate.toJson(), 201);
        });

    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/fx/fetch"), staff, Body::None,
               [&pricing](const Request &r) {
                   const FetchOutcome o = pricing.fetchEcb(Actor::of(r));
                   return Response::json(
                       {{QStringLiteral("url"), o.url},
                        {QStringLiteral("asOf"), toWireTime(o.asOfMs)},
                        {QStringLiteral("currencies"), QJsonArray::fromStringList(o.currencies)},
                        {QStringLiteral("snapshot"), o.snapshot}});
               });
}

} // namespace haitao::server::pricing
