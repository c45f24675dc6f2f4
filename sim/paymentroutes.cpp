// The payment gateway "simpay": /pay/...
#include "sim/httpjson.h"
#include "sim/simserver.h"

#include <httplib.h>

namespace haitao::sim {

namespace {

void send(httplib::Response &res, const GatewayReply &reply)
{
    sendJson(res, reply.body, reply.status);
}

} // namespace

void SimServer::addPaymentRoutes()
{
    post("/pay/payments", [this](const httplib::Request &req, httplib::Response &res) {
        bool ok = false;
        const QJsonObject body = parseBody(req, &ok);
        if (!ok) {
            sendError(res, 422, QStringLiteral("invalid_request"));
            return;
        }
        send(res, m_gateway.create(body, origin(req)));
    });
    get(R"(/pay/checkout/(P\d+))", [this](const httplib::Request &req, httplib::Response &res) {
        const std::optional<QByteArray> page =
            m_gateway.checkoutPage(QString::fromStdString(req.matches[1]));
        if (!page) {
            sendError(res, 404, QStringLiteral("unknown_payment"));
            return;
        }
        res.set_content(page->constData(), size_t(page->size()), "text/html; charset=utf-8");
    });
    post(R"(/pay/checkout/(P\d+))", [this](const httplib::Request &req, httplib::Response &res) {
        const GatewayReply reply = m_gateway.pay(QString::fromStdString(req.matches[1]));
        // A person's browser posted the checkout form: answer with a page, not JSON.
        if (req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) ==
                0 &&
            reply.status == 200) {
            const QByteArray page = "<!doctype html><html><head><meta charset=\"utf-8\"><title>"
                                    "SimPay</title></head><body><h1>Paid</h1><p>You may close "
                                    "this page.</p></body></html>\n";
            res.set_content(page.constData(), size_t(page.size()), "text/html; charset=utf-8");
            return;
        }
        send(res, reply);
    });
    post("/pay/refunds", [this](const httplib::Request &req, httplib::Response &res) {
        bool ok = false;
        const QJsonObject body = parseBody(req, &ok);
        if (!ok) {
            sendError(res, 422, QStringLiteral("invalid_request"));
            return;
        }
        send(res, m_gateway.refund(body));
    });
}

} // namespace haitao::sim
