// The control plane of the simulated carriers: fault settings, parcels (forced scenarios,
// bulk creation for the bench), request counters and webhook deliveries.
#include "sim/carrieranswers.h"
#include "sim/httpjson.h"
#include "sim/simserver.h"

#include "core/wiretime.h"

#include <QJsonArray>

#include <httplib.h>

namespace haitao::sim {

namespace {

constexpr int kBulkMax = 200000;

} // namespace

void SimServer::addLogisticsControlRoutes()
{
    httplib::Server &s = *m_server;
    s.Get("/__sim/logistics", [this](const httplib::Request &, httplib::Response &res) {
        sendJson(res, m_logisticsFaults.toJson());
    });
    s.Put("/__sim/logistics", [this](const httplib::Request &req, httplib::Response &res) {
        bool ok = false;
        const QJsonObject body = parseBody(req, &ok);
        QString why = QStringLiteral("send a JSON object");
        if (!ok || !m_logisticsFaults.set(body, &why)) {
            sendError(res, 400, why);
            return;
        }
        sendJson(res, m_logisticsFaults.toJson());
    });

    // {"carrier", "count", "scenario"?, "startedHoursAgo"?} -> {"numbers": [...]}
    s.Post("/__sim/parcels/bulk", [this](const httplib::Request &req, httplib::Response &res) {
        bool ok = false;
        const QJsonObject body = parseBody(req, &ok);
        const std::optional<Carrier> carrier =
            carrierFromCode(body.value(QStringLiteral("carrier")).toString());
        const int count = body.value(QStringLiteral("count")).toInt(-1);
        const QJsonValue scenarioName = body.value(QStringLiteral("scenario"));
        const std::optional<Scenario> scenario = scenarioFromName(scenarioName.toString());
        const double hoursAgo = body.value(QStringLiteral("startedHoursAgo")).toDouble(0);
        if (!ok || !carrier || count < 1 || count > kBulkMax ||
            (!scenarioName.isUndefined() && !scenario) || hoursAgo < 0 || hoursAgo > 24 * 365) {
            sendError(res, 400,
                      QStringLiteral("send {\"carrier\", \"count\": 1 to %1, \"scenario\"?, "
                                     "\"startedHoursAgo\"?}")
                          .arg(kBulkMax));
            return;
        }
        const qint64 start = nowMs() - qint64(hoursAgo * 3600 * 1000);
        const QStringList numbers = m_parcels.createBulk(*carrier, count, start, scenario);
        sendJson(res, {{QStringLiteral("numbers"), QJsonArray::fromStringList(numbers)}}, 201);
    });
    s.Post(R"(/__sim/parcels/([A-Za-z0-9]+)/scenario)",
           [this](const httplib::Request &req, httplib::Response &res) {
               bool ok = false;
               const QJsonObject body = parseBody(req, &ok);
               const std::optional<Scenario> scenario =
                   scenarioFromName(body.value(QStringLiteral("scenario")).toString());
               if (!ok || !scenario) {
                   sendError(res, 400,
                             QStringLiteral("send {\"scenario\": \"normal|lost|exception|"
                                            "customs_hold|unknown_status\"}"));
                   return;
               }
               const QString number = QString::fromStdString(req.matches[1]);
               if (!m_parcels.force(number, *scenario)) {
                   sendError(res, 404, QStringLiteral("no such parcel"));
                   return;
               }
               sendJson(res, {{QStringLiteral("number"), number},
                              {QStringLiteral("scenario"), scenarioName(*scenario)}});
           });
    s.Get(R"(/__sim/parcels/([A-Za-z0-9]+))",
          [this](const httplib::Request &req, httplib::Response &res) {
              const qint64 now = nowMs();
              const std::optional<ParcelInfo> parcel =
                  m_parcels.find(QString::fromStdString(req.matches[1]), now);
              if (!parcel) {
                  sendError(res, 404, QStringLiteral("no such parcel"));
                  return;
              }
              QJsonArray events;
              for (const PlannedEvent &e : parcel->events())
                  events.append(QJsonObject{{QStringLiteral("id"), e.id},
                                            {QStringLiteral("time"), toWireTime(e.atMs)},
                                            {QStringLiteral("place"), e.place},
                                            {QStringLiteral("code"), e.code},
                                            {QStringLiteral("text"), e.text},
                                            {QStringLiteral("visible"), e.atMs <= now}});
              QJsonObject json{{QStringLiteral("number"), parcel->number},
                               {QStringLiteral("carrier"), carrierCode(parcel->carrier)},
                               {QStringLiteral("scenario"), scenarioName(parcel->scenario)},
                               {QStringLiteral("startedAt"), toWireTime(parcel->startMs)},
                               {QStringLiteral("events"), events}};
              if (!parcel->handoverTo.isEmpty())
                  json.insert(QStringLiteral("handoverTo"), parcel->handoverTo);
              sendJson(res, json);
          });

    s.Get("/__sim/carriers", [this](const httplib::Request &, httplib::Response &res) {
        sendJson(res, {{QStringLiteral("carriers"), m_carrierTraffic.toJson()},
                       {QStringLiteral("parcels"), m_parcels.size()}});
    });
    s.Delete("/__sim/carriers", [this](const httplib::Request &, httplib::Response &res) {
        m_carrierTraffic.reset();
        res.status = 204;
    });
    s.Get("/__sim/webhooks", [this](const httplib::Request &, httplib::Response &res) {
        sendJson(res, m_webhooks.toJson());
    });
}

} // namespace haitao::sim
