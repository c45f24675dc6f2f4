#pragma once

#include "backend-client/apiclient.h"
#include "backend-client/pricingtypes.h"
#include "core/audit.h"
#include "core/page.h"

#include <optional>

namespace haitao::client {

// The pricing endpoints of docs/pricing.md ("Endpoints"), one async call each, on top of an
// ApiClient (its token, timeouts, error mapping and context-guarded callbacks). A small value
// that only points at the client: copy it freely; the client must outlive it.
class PricingApi
{
public:
    template <typename T> using Callback = ApiClient::Callback<T>;

    explicit PricingApi(ApiClient *client)
        : m_client(client)
    {}
    ApiClient *client() const { return m_client; }

    // Quotes. `request` is the quote body of docs/pricing.md ({lines, destination, coupons}).
    void quote(const QJsonObject &request, QObject *context, Callback<QJsonObject> done) const;
    void simulate(const QJsonObject &request, const std::optional<Sweep> &sweep, QObject *context,
                  Callback<Simulation> done) const;

    // Published rule sets, newest first.
    void listRuleSets(QObject *context, Callback<QList<RuleSetVersion>> done) const;
    void ruleSet(qint64 version, QObject *context, Callback<RuleSetVersion> done) const;

    // The draft. draft() fails with NotFound when there is none. Writes send `etag` as
    // If-Match: PreconditionFailed means someone else saved meanwhile.
    void draft(QObject *context, Callback<Draft> done) const;
    // From the version in force, or from `fromVersion`; Conflict when a draft exists.
    void createDraft(std::optional<qint64> fromVersion, QObject *context,
                     Callback<Draft> done) const;
    // The answer's document is `document` when the server does not echo it.
    void saveDraft(const QJsonObject &document, const QByteArray &etag, QObject *context,
                   Callback<Draft> done) const;
    void discardDraft(const QByteArray &etag, QObject *context, Callback<Done> done) const;
    void draftDiff(QObject *context, Callback<DraftDiff> done) const;
    void publishDraft(const PublishRequest &request, const QByteArray &etag, QObject *context,
                      Callback<RuleSetVersion> done) const;

    // The pricing audit trail, newest first, keyset paged.
    void listAudit(const PricingAuditQuery &query, QObject *context,
                   Callback<Page<AuditEntry>> done) const;

    // Exchange rates.
    void fxRates(QObject *context, Callback<FxRates> done) const;
    void fxHistory(const QString &currency, int days, QObject *context,
                   Callback<FxHistory> done) const;
    void enterRate(const ManualRate &rate, QObject *context, Callback<FxRate> done) const;
    // Fetches the ECB file now; Unavailable with the reason when the fetch or file fails.
    void fetchRates(QObject *context, Callback<FxFetchResult> done) const;

private:
    ApiClient *m_client;
};

} // namespace haitao::client
