#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace haitao::server {

struct FetchOptions;

// How a shop's answer counts for placement. Ambiguous is the trap of "never twice": the
// request may have been carried out (a timeout, a reset, a 5xx, no answer after it was sent),
// so before creating again the shop must be asked for orders with the client reference.
enum class MerchantOutcome {
    Ok,          // a 2xx with a JSON body
    Failed,      // the shop refused it (4xx): nothing happened; `error` says why
    Ambiguous,   // no usable answer: it may or may not have happened
    RateLimited, // 429 or 503: wait (retryAfterSeconds when it said) and ask again
};

struct MerchantAnswer
{
    MerchantOutcome outcome = MerchantOutcome::Ambiguous;
    int httpStatus = 0;         // 0: no answer
    QJsonObject body;           // the JSON answer, when there was one
    QString error;              // the shop's "error" code, or the transport failure
    QByteArray raw;             // what the shop answered (cut), for the step record
    int retryAfterSeconds = -1; // from a 429 or 503

    bool ok() const { return outcome == MerchantOutcome::Ok; }
    // The fence check failed at the shop: a newer lease holder has called it.
    bool staleFence() const { return error == u"stale_fencing_token"; }
};

// A site's merchant order API (haitao-sim's /merchant/{site} speaks it): sign in, SKU price
// and stock, create an order with a client reference, confirm it, look orders up by the
// reference. Blocking, through httpfetch; every call carries the lease's fencing token.
class MerchantClient
{
public:
    struct Timeouts
    {
        int connectMs = 2000;
        // The whole call, creates included: a shop that took the order and never answers
        // holds the connection, and the worker must get it back to look the order up.
        int totalMs = 5000;
    };
    MerchantClient(QString baseUrl, qint64 fencingToken, Timeouts timeouts);

    void setSession(const QString &token) { m_session = token; }
    const QString &session() const { return m_session; }

    MerchantAnswer login(const QString &account, const QString &password);
    MerchantAnswer sku(const QString &sku);
    // lines: [{"sku", "quantity", "unitPrice": {minor, currency}}]
    MerchantAnswer create(const QString &clientReference, const QJsonArray &lines,
                          const QJsonObject &shipTo);
    MerchantAnswer confirm(const QString &merchantOrderId);
    // {"items": [order...]} oldest first.
    MerchantAnswer lookup(const QString &clientReference);

    // The classification alone, for tests: status 0 means no answer (transport error).
    static MerchantAnswer classify(int status, const QByteArray &body,
                                   const QString &transportError, int retryAfterSeconds);

private:
    MerchantAnswer get(const QString &path);
    MerchantAnswer post(const QString &path, const QJsonObject &body);
    QList<QByteArray> headers() const;
    FetchOptions fetchOptions() const; // timeouts, no redirects, the size cap, headers

    QString m_base;
    qint64 m_fence;
    Timeouts m_timeouts;
    QString m_session;
};

} // namespace haitao::server
