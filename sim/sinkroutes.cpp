// The message sinks over HTTP: the SMS gateway (/sms/messages) and the control plane
// (/__sim/messages, /__sim/sinks). The SMTP sink has its own port (sim/smtpsink.h).
#include "sim/httpjson.h"
#include "sim/simserver.h"

#include <httplib.h>

namespace haitao::sim {

void SimServer::addSinkRoutes()
{
    // {"to", "text", "clientMessageId"} -> 201 {"id"}; the same clientMessageId again: 200.
    post("/sms/messages", [this](const httplib::Request &req, httplib::Response &res) {
        if (m_sinks.smsMode() == MessageSinks::SmsMode::Fail) {
            sendError(res, 503, QStringLiteral("simulated gateway failure"));
            return;
        }
        bool ok = false;
        const QJsonObject body = parseBody(req, &ok);
        MessageSinks::Sms sms;
        sms.to = body.value(QStringLiteral("to")).toString();
        sms.text = body.value(QStringLiteral("text")).toString();
        sms.clientMessageId = body.value(QStringLiteral("clientMessageId")).toString();
        sms.receivedAtMs = nowMs();
        if (!ok || sms.to.isEmpty() || sms.text.isEmpty() || sms.text.size() > 1000 ||
            sms.clientMessageId.isEmpty() || sms.clientMessageId.size() > 200) {
            sendError(res, 400,
                      QStringLiteral("send {\"to\", \"text\" (1 to 1000), \"clientMessageId\"}"));
            return;
        }
        const auto [id, created] = m_sinks.addSms(sms);
        QJsonObject answer{{QStringLiteral("id"), id}};
        if (!created)
            answer.insert(QStringLiteral("duplicate"), true);
        sendJson(res, answer, created ? 201 : 200);
    });

    httplib::Server &s = *m_server;
    s.Get("/__sim/messages", [this](const httplib::Request &, httplib::Response &res) {
        sendJson(res, m_sinks.toJson());
    });
    s.Delete("/__sim/messages", [this](const httplib::Request &, httplib::Response &res) {
        m_sinks.clear();
        res.status = 204;
    });
    s.Get("/__sim/sinks", [this](const httplib::Request &, httplib::Response &res) {
        QJsonObject json = m_sinks.modesJson();
        json.insert(QStringLiteral("smtpPort"), m_smtp.port());
        sendJson(res, json);
    });
    s.Put("/__sim/sinks", [this](const httplib::Request &req, httplib::Response &res) {
        bool ok = false;
        const QJsonObject body = parseBody(req, &ok);
        QString why = QStringLiteral("send a JSON object");
        if (!ok || !m_sinks.setModes(body, &why)) {
            sendError(res, 400, why);
            return;
        }
        sendJson(res, m_sinks.modesJson());
    });
}

} // namespace haitao::sim
