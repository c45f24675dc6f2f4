// The simulated carriers' APIs under /carrier/{code}: swiftpost and sfsim answer batches,
// kuroneko one slip at a time in Japanese, intlexpress takes shipments, answers tracking
// and calls webhooks; dpost has no API at all (anything under /carrier/dpost is a 404).
#include "sim/carrieranswers.h"
#include "sim/httpjson.h"
#include "sim/simserver.h"

#include <QJsonArray>
#include <QUrl>

#include <httplib.h>

namespace haitao::sim {

namespace {

constexpr int kBatchMax = 40;

// The answer's visible events, with the duplicate and out-of-order faults applied.
QJsonArray visibleEvents(const ParcelInfo &parcel, qint64 nowMs, LogisticsFaults &faults,
                         bool shuffle)
{
    QList<QJsonObject> items;
    for (const PlannedEvent &event : parcel.events()) {
        if (event.atMs > nowMs)
            continue;
        const QJsonObject json = eventJson(parcel, event);
        items.append(json);
        if (faults.drawDuplicate())
            items.append(json);
    }
    if (shuffle)
        faults.shuffle(items);
    QJsonArray out;
    for (const QJsonObject &item : items)
        out.append(item);
    return out;
}

} // namespace

void SimServer::carrierRoute(bool post, Carrier carrier, const std::string &pattern,
                             Handler handler)
{
    Handler wrapped = [this, carrier, handler = std::move(handler)](const httplib::Request &req,
                                                                    httplib::Response &res) {
        if (!m_carrierTraffic.admit(carrier, m_logisticsFaults.rps(carrier))) {
            res.set_header("Retry-After", "1");
            sendError(res, 429, QStringLiteral("rate_limited"));
            return;
        }
        if (m_logisticsFaults.drawThrottle()) {
            m_carrierTraffic.countThrottled(carrier);
            res.set_header("Retry-After", "2");
            sendError(res, 429, QStringLiteral("rate_limited"));
            return;
        }
        if (const int slow = m_logisticsFaults.slowMs(); slow > 0)
            sleepUnlessStopping(slow);
        handler(req, res);
    };
    if (post)
        this->post(pattern, std::move(wrapped));
    else
        get(pattern, std::move(wrapped));
}

void SimServer::addCarrierRoutes()
{
    // swiftpost and sfsim: GET /carrier/{code}/track?numbers=A,B (1 to 40 numbers).
    for (Carrier carrier : {Carrier::Swiftpost, Carrier::Sfsim}) {
        const std::string pattern = "/carrier/" + carrierCode(carrier).toStdString() + "/track";
        carrierRoute(
            false, carrier, pattern,
            [this, carrier](const httplib::Request &req, httplib::Response &res) {
                QStringList numbers = QString::fromStdString(req.get_param_value("numbers"))
                                          .split(u',', Qt::SkipEmptyParts);
                for (QString &n : numbers)
                    n = n.trimmed();
                if (numbers.isEmpty() || numbers.size() > kBatchMax) {
                    sendError(res, 400,
                              QStringLiteral("numbers: 1 to %1 tracking numbers, "
                                             "comma-separated")
                                  .arg(kBatchMax));
                    return;
                }
                m_carrierTraffic.countNumbers(carrier, int(numbers.size()));
                const qint64 now = nowMs();
                const bool shuffle = m_logisticsFaults.drawOutOfOrder();
                QJsonArray results;
                for (const QString &number : numbers) {
                    const std::optional<ParcelInfo> parcel = m_parcels.find(number, now);
                    const bool found = parcel && parcel->carrier == carrier && parcel->started;
                    results.append(
                        QJsonObject{{QStringLiteral("number"), number},
                                    {QStringLiteral("found"), found},
                                    {QStringLiteral("events"),
                                     found ? visibleEvents(*parcel, now, m_logisticsFaults, shuffle)
                                           : QJsonArray()}});
                }
                sendJson(res, {{QStringLiteral("results"), results}});
            });
    }

    // kuroneko: GET /carrier/kuroneko/parcels/{slip}
    carrierRoute(
        false, Carrier::Kuroneko, R"(/carrier/kuroneko/parcels/([^/]+))",
        [this](const httplib::Request &req, httplib::Response &res) {
            const QString number = QString::fromStdString(req.matches[1]);
            m_carrierTraffic.countNumbers(Carrier::Kuroneko, 1);
            const qint64 now = nowMs();
            const std::optional<ParcelInfo> parcel = m_parcels.find(number, now);
            if (!parcel || parcel->carrier != Carrier::Kuroneko || !parcel->started) {
                sendJson(res, {{QStringLiteral("error"), QStringLiteral("not_found")}}, 404);
                return;
            }
            sendJson(res, {{QStringLiteral("slipNo"), number},
                           {QStringLiteral("history"),
                            visibleEvents(*parcel, now, m_logisticsFaults,
                                          m_logisticsFaults.drawOutOfOrder())}});
        });

    // intlexpress: shipments, tracking and webhooks.
    carrierRoute(
        true, Carrier::Intlexpress, "/carrier/intlexpress/shipments",
        [this](const httplib::Request &req, httplib::Response &res) {
            bool ok = false;
            const QJsonObject body = parseBody(req, &ok);
            const QString reference = body.value(QStringLiteral("reference")).toString();
            const QJsonArray pieces = body.value(QStringLiteral("pieces")).toArray();
            const bool piecesOk =
                !pieces.isEmpty() &&
                std::all_of(pieces.begin(), pieces.end(), [](const QJsonValue &v) {
                    return v.toObject().value(QStringLiteral("weightG")).toDouble() > 0;
                });
            if (!ok || reference.isEmpty() || reference.size() > 64 || !piecesOk ||
                !body.value(QStringLiteral("to")).isObject()) {
                sendError(res, 400,
                          QStringLiteral("send {\"reference\", \"pieces\": [{\"reference\", "
                                         "\"weightG\" > 0}], \"to\": {...}}"));
                return;
            }
            const auto [number, created] = m_parcels.createInternational(reference, nowMs());
            sendJson(res,
                     {{QStringLiteral("trackingNumber"), number},
                      {QStringLiteral("reference"), reference}},
                     created ? 201 : 200);
        });
    carrierRoute(false, Carrier::Intlexpress, R"(/carrier/intlexpress/track/([^/]+))",
                 [this](const httplib::Request &req, httplib::Response &res) {
                     const QString number = QString::fromStdString(req.matches[1]);
                     m_carrierTraffic.countNumbers(Carrier::Intlexpress, 1);
                     const qint64 now = nowMs();
                     const std::optional<ParcelInfo> parcel = m_parcels.find(number, now);
                     if (!parcel || parcel->carrier != Carrier::Intlexpress || !parcel->started) {
                         sendError(res, 404, QStringLiteral("not_found"));
                         return;
                     }
                     sendJson(res, {{QStringLiteral("trackingNumber"), number},
                                    {QStringLiteral("events"),
                                     visibleEvents(*parcel, now, m_logisticsFaults,
                                                   m_logisticsFaults.drawOutOfOrder())}});
                 });
    carrierRoute(true, Carrier::Intlexpress, "/carrier/intlexpress/webhooks",
                 [this](const httplib::Request &req, httplib::Response &res) {
                     bool ok = false;
                     const QJsonObject body = parseBody(req, &ok);
                     const QUrl url(body.value(QStringLiteral("url")).toString(), QUrl::StrictMode);
                     if (!ok || !url.isValid() || url.scheme() != u"http" || url.host().isEmpty()) {
                         sendError(res, 400, QStringLiteral("send {\"url\": \"http://...\"}"));
                         return;
                     }
                     const WebhookSender::Registration r =
                         m_webhooks.subscribe(url.toString(QUrl::FullyEncoded));
                     sendJson(res,
                              {{QStringLiteral("id"), r.id}, {QStringLiteral("secret"), r.secret}},
                              r.created ? 201 : 200);
                 });
}

} // namespace haitao::sim
