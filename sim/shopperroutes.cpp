// The demo's shoppers over the control plane: POST /__sim/shoppers starts them buying at the
// platform, GET /__sim/shoppers tells how far they got (sim/shoppers.h).
#include "sim/httpjson.h"
#include "sim/simserver.h"

#include <httplib.h>

namespace haitao::sim {

void SimServer::addShopperRoutes()
{
    httplib::Server &s = *m_server;
    s.Post("/__sim/shoppers", [this](const httplib::Request &req, httplib::Response &res) {
        bool ok = false;
        const QJsonObject body = parseBody(req, &ok);
        Shoppers::Plan plan;
        QString error;
        if (!ok || !Shoppers::planFromJson(body, &plan, &error)) {
            sendError(res, 400, error.isEmpty() ? QStringLiteral("send a JSON object") : error);
            return;
        }
        if (!m_shoppers.start(plan, &error)) {
            sendError(res, 409, error);
            return;
        }
        sendJson(res, m_shoppers.status(), 202);
    });
    s.Get("/__sim/shoppers", [this](const httplib::Request &, httplib::Response &res) {
        sendJson(res, m_shoppers.status());
    });
}

} // namespace haitao::sim
