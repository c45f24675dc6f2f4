#include "backend-client/pricingapi.h"

#include "backend-client/jsoncall.h"

#include "core/wiretime.h"

#include <QUrlQuery>

namespace haitao::client {

namespace {

const QString kDraftPath = QStringLiteral("/api/v1/pricing/draft");

// The draft's ETag: the header when the server sent one, else the documented "r<revision>".
QByteArray draftEtag(const JsonReply &reply, qint64 revision)
{
    const QByteArray header = reply.header("ETag");
    if (!header.isEmpty())
        return header;
    return QByteArray("\"r") + QByteArray::number(revision) + '"';
}

std::optional<Draft> parseDraft(const JsonReply &reply, QString *why)
{
    std::optional<Draft> draft = Draft::fromJson(reply.body, why);
    if (draft)
        draft->etag = draftEtag(reply, draft->revision);
    return draft;
}

std::optional<QList<FxRate>> parseRates(const QJsonArray &items, QString *why)
{
    QList<FxRate> rates;
    for (const QJsonValue &v : items) {
        std::optional<FxRate> rate = FxRate::fromJson(v.toObject(), why);
        if (!rate)
            return std::nullopt;
        rates.append(*rate);
    }
    return rates;
}

} // namespace

void PricingApi::quote(const QJsonObject &request, QObject *context,
                       Callback<QJsonObject> done) const
{
    jsonCall<QJsonObject>(m_client, "POST", QStringLiteral("/api/v1/quotes"), &request, {}, context,
                          std::move(done),
                          [](const JsonReply &r, QString *) { return std::optional(r.body); });
}

void PricingApi::simulate(const QJsonObject &request, const std::optional<Sweep> &sweep,
                          QObject *context, Callback<Simulation> done) const
{
    QJsonObject body = request;
    if (sweep) {
        body.insert(QStringLiteral("sweep"), QJsonObject{{QStringLiteral("fromG"), sweep->fromG},
                                                         {QStringLiteral("toG"), sweep->toG},
                                                         {QStringLiteral("stepG"), sweep->stepG}});
    }
    jsonCall<Simulation>(m_client, "POST", QStringLiteral("/api/v1/quotes/simulate"), &body, {},
                         context, std::move(done), [](const JsonReply &r, QString *why) {
                             return Simulation::fromJson(r.body, why);
                         });
}

void PricingApi::listRuleSets(QObject *context, Callback<QList<RuleSetVersion>> done) const
{
    jsonCall<QList<RuleSetVersion>>(
        m_client, "GET", QStringLiteral("/api/v1/pricing/rulesets"), nullptr, {}, context,
        std::move(done),
        [](const JsonReply &r, QString *why) -> std::optional<QList<RuleSetVersion>> {
            QList<RuleSetVersion> versions;
            const QJsonArray items = r.body.value(QStringLiteral("items")).toArray();
            for (const QJsonValue &v : items) {
                std::optional<RuleSetVersion> version = RuleSetVersion::fromJson(v.toObject(), why);
                if (!version)
                    return std::nullopt;
                versions.append(*version);
            }
            return versions;
        });
}

void PricingApi::ruleSet(qint64 version, QObject *context, Callback<RuleSetVersion> done) const
{
    jsonCall<RuleSetVersion>(
        m_client, "GET", QStringLiteral("/api/v1/pricing/rulesets/%1").arg(version), nullptr, {},
        context, std::move(done),
        [](const JsonReply &r, QString *why) { return RuleSetVersion::fromJson(r.body, why); });
}

void PricingApi::draft(QObject *context, Callback<Draft> done) const
{
    jsonCall<Draft>(m_client, "GET", kDraftPath, nullptr, {}, context, std::move(done),
                    &parseDraft);
}

void PricingApi::createDraft(std::optional<qint64> fromVersion, QObject *context,
                             Callback<Draft> done) const
{
    QJsonObject body;
    if (fromVersion)
        body.insert(QStringLiteral("from"), *fromVersion);
    jsonCall<Draft>(m_client, "POST", kDraftPath, &body, {}, context, std::move(done), &parseDraft);
}

void PricingApi::saveDraft(const QJsonObject &document, const QByteArray &etag, QObject *context,
                           Callback<Draft> done) const
{
    const QJsonObject body{{QStringLiteral("document"), document}};
    jsonCall<Draft>(m_client, "PUT", kDraftPath, &body, etag, context, std::move(done),
                    [document](const JsonReply &r, QString *why) {
                        std::optional<Draft> draft = parseDraft(r, why);
                        if (draft && draft->document.isEmpty())
                            draft->document = document;
                        return draft;
                    });
}

void PricingApi::discardDraft(const QByteArray &etag, QObject *context, Callback<Done> done) const
{
    jsonCall<Done>(m_client, "DELETE", kDraftPath, nullptr, etag, context, std::move(done),
                   [](const JsonReply &, QString *) { return std::optional(Done{}); });
}

void PricingApi::draftDiff(QObject *context, Callback<DraftDiff> done) const
{
    jsonCall<DraftDiff>(m_client, "GET", kDraftPath + QStringLiteral("/diff"), nullptr, {}, context,
                        std::move(done), [](const JsonReply &r, QString *) {
                            DraftDiff diff;
                            diff.basedOn = r.body.value(QStringLiteral("basedOn")).toInteger();
                            diff.against = r.body.value(QStringLiteral("against")).toInteger();
                            const QJsonArray changes =
                                r.body.value(QStringLiteral("changes")).toArray();
                            for (const QJsonValue &v : changes) {
                                const QJsonObject o = v.toObject();
                                diff.changes.append({o.value(QStringLiteral("change")).toString(),
                                                     o.value(QStringLiteral("id")).toString(),
                                                     o.value(QStringLiteral("kind")).toString(),
                                                     o.value(QStringLiteral("before")),
                                                     o.value(QStringLiteral("after"))});
                            }
                            return std::optional(diff);
                        });
}

void PricingApi::publishDraft(const PublishRequest &request, const QByteArray &etag,
                              QObject *context, Callback<RuleSetVersion> done) const
{
    QJsonObject body;
    if (request.effectiveAt.isValid())
        body.insert(QStringLiteral("effectiveAt"), toWireTime(request.effectiveAt));
    if (!request.note.isEmpty())
        body.insert(QStringLiteral("note"), request.note);
    jsonCall<RuleSetVersion>(m_client, "POST", kDraftPath + QStringLiteral("/publish"), &body, etag,
                             context, std::move(done), [](const JsonReply &r, QString *why) {
                                 return RuleSetVersion::fromJson(r.body, why);
                             });
}

void PricingApi::listAudit(const PricingAuditQuery &query, QObject *context,
                           Callback<Page<AuditEntry>> done) const
{
    QUrlQuery q;
    if (!query.cursor.isEmpty())
        q.addQueryItem(QStringLiteral("cursor"), query.cursor);
    q.addQueryItem(QStringLiteral("limit"), QString::number(query.limit));
    jsonCall<Page<AuditEntry>>(
        m_client, "GET", pathWithQuery(QStringLiteral("/api/v1/pricing/audit"), q), nullptr, {},
        context, std::move(done), [](const JsonReply &r, QString *) {
            Page<AuditEntry> page;
            const QJsonArray items = r.body.value(QStringLiteral("items")).toArray();
            for (const QJsonValue &v : items)
                page.items.append(AuditEntry::fromJson(v.toObject()));
            page.nextCursor = r.body.value(QStringLiteral("nextCursor")).toString();
            return std::optional(page);
        });
}

void PricingApi::fxRates(QObject *context, Callback<FxRates> done) const
{
    jsonCall<FxRates>(
        m_client, "GET", QStringLiteral("/api/v1/fx/rates"), nullptr, {}, context, std::move(done),
        [](const JsonReply &r, QString *why) -> std::optional<FxRates> {
            std::optional<QList<FxRate>> items =
                parseRates(r.body.value(QStringLiteral("items")).toArray(), why);
            if (!items)
                return std::nullopt;
            return FxRates{r.body.value(QStringLiteral("snapshot")).toInteger(),
                           r.body.value(QStringLiteral("maxAgeHours")).toInteger(), *items};
        });
}

void PricingApi::fxHistory(const QString &currency, int days, QObject *context,
                           Callback<FxHistory> done) const
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("days"), QString::number(days));
    const QString path = QStringLiteral("/api/v1/fx/rates/%1/history")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(currency)));
    jsonCall<FxHistory>(
        m_client, "GET", pathWithQuery(path, q), nullptr, {}, context, std::move(done),
        [](const JsonReply &r, QString *why) -> std::optional<FxHistory> {
            std::optional<QList<FxRate>> items =
                parseRates(r.body.value(QStringLiteral("items")).toArray(), why);
            if (!items)
                return std::nullopt;
            return FxHistory{r.body.value(QStringLiteral("currency")).toString(), *items};
        });
}

void PricingApi::enterRate(const ManualRate &rate, QObject *context, Callback<FxRate> done) const
{
    const QJsonObject body = rate.toJson();
    jsonCall<FxRate>(
        m_client, "POST", QStringLiteral("/api/v1/fx/rates"), &body, {}, context, std::move(done),
        [](const JsonReply &r, QString *why) { return FxRate::fromJson(r.body, why); });
}

void PricingApi::fetchRates(QObject *context, Callback<FxFetchResult> done) const
{
    const QJsonObject body; // an empty JSON body, as for every POST
    jsonCall<FxFetchResult>(
        m_client, "POST", QStringLiteral("/api/v1/fx/fetch"), &body, {}, context, std::move(done),
        [](const JsonReply &r, QString *) {
            FxFetchResult result;
            result.url = r.body.value(QStringLiteral("url")).toString();
            result.asOf = fromWireTime(r.body.value(QStringLiteral("asOf")).toString());
            const QJsonArray currencies = r.body.value(QStringLiteral("currencies")).toArray();
            for (const QJsonValue &v : currencies)
                result.currencies.append(v.toString());
            result.snapshot = r.body.value(QStringLiteral("snapshot")).toInteger();
            return std::optional(result);
        });
}

} // namespace haitao::client
