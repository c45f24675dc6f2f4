// The merchant order API of the simulated shops: /merchant/{site}/...
#include "sim/connectionreset.h"
#include "sim/heldconnection.h"
#include "sim/httpjson.h"
#include "sim/simserver.h"

#include <httplib.h>

#include <optional>

namespace haitao::sim {

namespace {

constexpr int kHoldMs = 10 * 60 * 1000; // a held create answers after this at the latest

// Balances begin() with end() once, on every way out of a request.
class InFlight
{
public:
    InFlight(Merchants &merchants, const QString &site)
        : m_merchants(merchants)
        , m_site(site)
    {
        m_merchants.begin(m_site);
    }
    ~InFlight() { end(); }
    InFlight(const InFlight &) = delete;
    InFlight &operator=(const InFlight &) = delete;
    void end()
    {
        if (!m_ended)
            m_merchants.end(m_site);
        m_ended = true;
    }

private:
    Merchants &m_merchants;
    QString m_site;
    bool m_ended = false;
};

MerchantReply badBody()
{
    return {422,
            {{QStringLiteral("error"), QStringLiteral("invalid_request")},
             {QStringLiteral("detail"), QStringLiteral("send a JSON object")}}};
}

} // namespace

void SimServer::merchantRoute(bool post, const std::string &pattern, MerchantCall call,
                              MerchantHandler handler)
{
    Handler wrapped = [this, call, handler = std::move(handler)](const httplib::Request &req,
                                                                 httplib::Response &res) {
        const QString site = QString::fromStdString(req.matches[1]);
        if (!m_merchants.hasSite(site)) {
            sendError(res, 404, QStringLiteral("unknown_site"));
            return;
        }
        // The request counts as in flight until its answer is written (end() comes before
        // httplib sends it), so a caller that waits for each answer is never counted twice.
        // Reading orders does not count: the logistics poller asks for shipments while the
        // placement worker creates orders, and only the latter must never overlap.
        std::optional<InFlight> inFlight;
        if (call != MerchantCall::Read)
            inFlight.emplace(m_merchants, site);
        const MerchantFaults faults = m_faultMix.drawMerchant(site);
        if (faults.latencyMs > 0)
            sleepUnlessStopping(faults.latencyMs);
        if (faults.reset) {
            inFlight.reset();
            if (!resetConnection(req.local_port, req.remote_port))
                sendError(res, 500, QStringLiteral("simulated reset is not available here"));
            return;
        }
        if (faults.http429 || faults.http503) {
            res.set_header("Retry-After", "1");
            sendError(res, faults.http429 ? 429 : 503,
                      faults.http429 ? QStringLiteral("rate_limited")
                                     : QStringLiteral("unavailable"));
            return;
        }
        if (req.has_header("X-Fencing-Token")) {
            bool ok = false;
            const qint64 token =
                QString::fromStdString(req.get_header_value("X-Fencing-Token")).toLongLong(&ok);
            if (!ok || token < 0) {
                sendError(res, 400, QStringLiteral("invalid_fencing_token"));
                return;
            }
            if (!m_merchants.acceptFencingToken(site, token)) {
                sendError(res, 409, QStringLiteral("stale_fencing_token"));
                return;
            }
        }
        if (call != MerchantCall::SignedOut &&
            !m_merchants.authorized(
                site, QString::fromStdString(req.get_header_value("Authorization")))) {
            sendError(res, 401, QStringLiteral("unauthenticated"));
            return;
        }
        const MerchantReply reply = handler(site, req, faults);
        sendJson(res, reply.body, reply.status);
        if (call == MerchantCall::Create && faults.timeoutAfterCreate && reply.status == 201) {
            // The order exists; the answer never comes while the client waits for it.
            inFlight.reset();
            holdConnection(req.local_port, req.remote_port, m_stopping, kHoldMs);
        }
    };
    if (post)
        this->post(pattern, std::move(wrapped));
    else
        get(pattern, std::move(wrapped));
}

void SimServer::addMerchantRoutes()
{
    using R = const httplib::Request &;
    using F = const MerchantFaults &;
    merchantRoute(true, R"(/merchant/([a-z]+)/login)", MerchantCall::SignedOut,
                  [this](const QString &site, R req, F faults) {
                      bool ok = false;
                      const QJsonObject body = parseBody(req, &ok);
                      return ok ? m_merchants.login(site, body, faults) : badBody();
                  });
    merchantRoute(false, R"(/merchant/([a-z]+)/skus/([^/]+))", MerchantCall::SignedIn,
                  [this](const QString &site, R req, F faults) {
                      return m_merchants.sku(site, QString::fromStdString(req.matches[2]), faults);
                  });
    merchantRoute(true, R"(/merchant/([a-z]+)/orders)", MerchantCall::Create,
                  [this](const QString &site, R req, F faults) {
                      bool ok = false;
                      const QJsonObject body = parseBody(req, &ok);
                      return ok ? m_merchants.createOrder(site, body, faults) : badBody();
                  });
    merchantRoute(false, R"(/merchant/([a-z]+)/orders)", MerchantCall::Read,
                  [this](const QString &site, R req, F) {
                      return m_merchants.ordersByReference(
                          site, QString::fromStdString(req.get_param_value("clientReference")));
                  });
    merchantRoute(true, R"(/merchant/([a-z]+)/orders/([A-Za-z0-9-]+)/confirm)",
                  MerchantCall::SignedIn, [this](const QString &site, R req, F) {
                      return m_merchants.confirmOrder(site, QString::fromStdString(req.matches[2]));
                  });
    merchantRoute(false, R"(/merchant/([a-z]+)/orders/([A-Za-z0-9-]+))", MerchantCall::Read,
                  [this](const QString &site, R req, F) {
                      return m_merchants.order(site, QString::fromStdString(req.matches[2]));
                  });
    merchantRoute(false, R"(/merchant/([a-z]+)/account)", MerchantCall::SignedIn,
                  [this](const QString &site, R, F) { return m_merchants.account(site); });
}

} // namespace haitao::sim
