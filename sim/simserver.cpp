#include "sim/simserver.h"

#include "sim/connectionreset.h"
#include "sim/ecbfeed.h"
#include "sim/httpjson.h"
#include "sim/machinetranslation.h"

#include "core/money.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>

namespace haitao::sim {

SimServer::SimServer()
    : m_server(std::make_unique<httplib::Server>())
    , m_merchants(m_shops, [this] { return nowMs(); })
    , m_gateway([this] { return nowMs(); }, m_faultMix)
    , m_parcels(m_logisticsFaults)
    , m_webhooks([this] { return m_parcels.takeVisible(nowMs()); }, m_logisticsFaults)
    , m_smtp(m_sinks, [this] { return nowMs(); })
    , m_scaleEpochMs(QDateTime::currentMSecsSinceEpoch())
{
    httplib::Server &s = *m_server;
    s.set_tcp_nodelay(true);
    // Many workers: a held connection (timeoutAfterCreate) or a slow one keeps its worker.
    s.new_task_queue = [] { return new httplib::ThreadPool(96); };
    s.Get("/__sim/health", [](const httplib::Request &, httplib::Response &res) {
        sendJson(res, {{QStringLiteral("status"), QStringLiteral("ok")}});
    });
    s.Get("/__sim/clock", [this](const httplib::Request &, httplib::Response &res) {
        sendJson(res,
                 {{QStringLiteral("now"),
                   QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC).toString(Qt::ISODateWithMs)}});
    });
    s.Post("/__sim/advance", [this](const httplib::Request &req, httplib::Response &res) {
        bool ok = false;
        const QJsonObject body = parseBody(req, &ok);
        const double hours = body.value(QStringLiteral("hours")).toDouble(-1);
        if (!ok || hours < 0 || hours > 24 * 365) {
            sendError(res, 400, QStringLiteral("send {\"hours\": N} with 0 <= N <= 8760"));
            return;
        }
        m_offsetMs += qint64(hours * 3600 * 1000);
        sendJson(res,
                 {{QStringLiteral("now"),
                   QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC).toString(Qt::ISODateWithMs)}});
    });
    s.Get("/__sim/faults", [this](const httplib::Request &, httplib::Response &res) {
        QJsonArray rules;
        for (const Fault &f : m_faults.rules())
            rules.append(f.toJson());
        sendJson(res,
                 {{QStringLiteral("faults"), rules}, {QStringLiteral("mix"), m_faultMix.toJson()}});
    });
    s.Post("/__sim/faults", [this](const httplib::Request &req, httplib::Response &res) {
        bool ok = false;
        const QJsonObject body = parseBody(req, &ok);
        QString why = QStringLiteral("send a JSON object");
        const std::optional<Fault> fault = ok ? Fault::fromJson(body, &why) : std::nullopt;
        if (!fault) {
            sendError(res, 400, why);
            return;
        }
        m_faults.set(*fault);
        sendJson(res, fault->toJson());
    });
    s.Delete("/__sim/faults", [this](const httplib::Request &, httplib::Response &res) {
        m_faults.clear();
        m_faultMix.clear();
        res.status = 204;
    });

    // Test helpers for HTTP clients: a redirect chain and an echo of the request.
    s.Get(R"(/__sim/redirect/(\d+))", [](const httplib::Request &req, httplib::Response &res) {
        // /__sim/redirect/N?to=URL: N redirects in all, the last one to URL.
        const int left = QString::fromStdString(req.matches[1]).toInt();
        const QByteArray to = QByteArray::fromStdString(req.get_param_value("to"));
        if (left < 1 || left > 100 || to.isEmpty()) {
            sendError(res, 400, QStringLiteral("use /__sim/redirect/N?to=URL with 1 <= N <= 100"));
            return;
        }
        const QByteArray next = left == 1
                                    ? to
                                    : "/__sim/redirect/" + QByteArray::number(left - 1) +
                                          "?to=" + QUrl::toPercentEncoding(QString::fromUtf8(to));
        res.set_redirect(next.toStdString(), 302);
    });
    s.Get("/__sim/echo", [](const httplib::Request &req, httplib::Response &res) {
        QJsonObject headers;
        for (const auto &[name, value] : req.headers)
            headers.insert(QString::fromStdString(name).toLower(), QString::fromStdString(value));
        sendJson(res, {{QStringLiteral("method"), QString::fromStdString(req.method)},
                       {QStringLiteral("path"), QString::fromStdString(req.path)},
                       {QStringLiteral("headers"), headers}});
    });

    // The ECB daily reference rates as of the simulated clock.
    get("/fx/eurofxref-daily.xml", [this](const httplib::Request &, httplib::Response &res) {
        const QByteArray xml = ecbDailyXml(ecbPublishedDate(nowMs()));
        res.set_content(xml.constData(), size_t(xml.size()), "text/xml");
    });
    addShopRoutes();
    addControlRoutes();
    addMerchantRoutes();
    addPaymentRoutes();
    addCarrierRoutes();
    addLogisticsControlRoutes();
    addSinkRoutes();
    addShopperRoutes();
    // A confirmed order ships a few simulated hours later with the shop's carrier.
    m_merchants.setShipper([this](const QString &site, const QString &id, qint64 confirmedAtMs) {
        ShipmentPlan plan;
        const auto carrier = shopCarrier(site);
        if (!carrier)
            return plan;
        plan.shippedAtMs = plannedShipTime(id, confirmedAtMs);
        plan.carrier = carrierCode(carrier->first);
        plan.trackingNumber = m_parcels.create(carrier->first, plan.shippedAtMs, carrier->second);
        return plan;
    });
}

QString SimServer::origin(const httplib::Request &req) const
{
    const std::string host = req.get_header_value("Host");
    return host.empty() ? QStringLiteral("http://127.0.0.1:%1").arg(m_port)
                        : QStringLiteral("http://") + QString::fromStdString(host);
}

void SimServer::addControlRoutes()
{
    httplib::Server &s = *m_server;
    s.Put("/__sim/faults", [this](const httplib::Request &req, httplib::Response &res) {
        bool ok = false;
        const QJsonObject body = parseBody(req, &ok);
        QStringList sites;
        for (const ShopSite &site : Shops::sites())
            sites << site.code;
        QString why = QStringLiteral("send a JSON object");
        if (!ok || !m_faultMix.set(body, sites, &why)) {
            sendError(res, 400, why);
            return;
        }
        sendJson(res, {{QStringLiteral("mix"), m_faultMix.toJson()}});
    });
    s.Get("/__sim/orders", [this](const httplib::Request &, httplib::Response &res) {
        sendJson(res, {{QStringLiteral("items"), m_merchants.allOrders()}});
    });
    s.Get("/__sim/accounts", [this](const httplib::Request &, httplib::Response &res) {
        sendJson(res, {{QStringLiteral("items"), m_merchants.accounts()}});
    });
    // {"balance": {minor, currency}}: e.g. an empty account for the insufficient-balance path.
    s.Post(
        R"(/__sim/accounts/([a-z]+))", [this](const httplib::Request &req, httplib::Response &res) {
            bool ok = false;
            const QJsonObject body = parseBody(req, &ok);
            const QString site = QString::fromStdString(req.matches[1]);
            const std::optional<ShopSite> shop = Shops::site(site);
            const MoneyResult<Money> balance =
                Money::fromJson(body.value(QStringLiteral("balance")).toObject());
            if (!shop) {
                sendError(res, 404, QStringLiteral("no such shop"));
                return;
            }
            if (!ok || !balance || balance->currency().code() != shop->currency ||
                !m_merchants.setBalance(site, balance->minor())) {
                sendError(
                    res, 400,
                    QStringLiteral("send {\"balance\": {\"minor\": N >= 0, \"currency\": \"%1\"}}")
                        .arg(shop->currency));
                return;
            }
            sendJson(res, {{QStringLiteral("items"), m_merchants.accounts()}});
        });
    s.Get("/__sim/payments", [this](const httplib::Request &, httplib::Response &res) {
        sendJson(res, {{QStringLiteral("items"), m_gateway.payments()}});
    });
}

void SimServer::addShopRoutes()
{
    // Absolute URLs in pages and feeds point back at whatever address the client used.
    const auto origin = [this](const httplib::Request &req) { return this->origin(req); };
    const auto send = [](httplib::Response &res, const Shops::Page &page) {
        res.status = page.status;
        res.set_content(page.body.constData(), size_t(page.body.size()),
                        page.contentType.constData());
    };
    get(R"(/shop/([a-z]+)/products/([A-Za-z0-9-]+))",
        [this, origin, send](const httplib::Request &req, httplib::Response &res) {
            std::optional<Shops::View> view;
            if (req.has_param("view")) {
                view = Shops::viewFromName(QString::fromStdString(req.get_param_value("view")));
                if (!view) {
                    sendError(res, 400, QStringLiteral("view is normal, captcha or redesign"));
                    return;
                }
            }
            send(res,
                 m_shops.productPage(QString::fromStdString(req.matches[1]),
                                     QString::fromStdString(req.matches[2]), view, origin(req)));
        });
    get(R"(/shop/([a-z]+)/feed\.csv)",
        [this, origin, send](const httplib::Request &req, httplib::Response &res) {
            send(res, m_shops.feed(QString::fromStdString(req.matches[1]), origin(req)));
        });
    get(R"(/shop/([a-z]+)/images/([A-Za-z0-9._-]+\.gif))",
        [send](const httplib::Request &req, httplib::Response &res) {
            send(res, Shops::image(QString::fromStdString(req.matches[2])));
        });
    // Control plane: a new price or page view for one product, until DELETE /__sim/shop.
    m_server->Post(
        R"(/__sim/shop/products/([a-z]+)/([A-Za-z0-9-]+))",
        [this](const httplib::Request &req, httplib::Response &res) {
            bool ok = false;
            const QJsonObject body = parseBody(req, &ok);
            static const QRegularExpression decimal(QStringLiteral("^\\d+(\\.\\d+)?$"));
            const QJsonValue price = body.value(QStringLiteral("price"));
            const QJsonValue viewName = body.value(QStringLiteral("view"));
            const std::optional<Shops::View> view = Shops::viewFromName(viewName.toString());
            if (!ok || (!price.isUndefined() && !decimal.match(price.toString()).hasMatch()) ||
                (!viewName.isUndefined() && !view)) {
                sendError(res, 400,
                          QStringLiteral("send {\"price\": \"29.99\"} and/or "
                                         "{\"view\": \"normal|captcha|redesign\"}"));
                return;
            }
            const std::optional<QString> newPrice =
                price.isUndefined() ? std::nullopt : std::optional(price.toString());
            if (!m_shops.setOverride(QString::fromStdString(req.matches[1]),
                                     QString::fromStdString(req.matches[2]), newPrice, view)) {
                sendError(res, 404, QStringLiteral("no such product"));
                return;
            }
            sendJson(res, body);
        });
    m_server->Delete("/__sim/shop", [this](const httplib::Request &, httplib::Response &res) {
        m_shops.clearOverrides();
        res.status = 204;
    });

    // The fake machine translation: {"text": [...], "from": "en", "to": "zh"}.
    post("/mt/translate", [](const httplib::Request &req, httplib::Response &res) {
        bool ok = false;
        const QJsonObject body = parseBody(req, &ok);
        const QString from = body.value(QStringLiteral("from")).toString();
        const QString to = body.value(QStringLiteral("to")).toString();
        const QJsonArray text = body.value(QStringLiteral("text")).toArray();
        const bool allStrings =
            std::all_of(text.begin(), text.end(), [](const QJsonValue &v) { return v.isString(); });
        if (!ok || text.isEmpty() || text.size() > 128 || !allStrings) {
            sendError(res, 400,
                      QStringLiteral("send {\"text\": [1 to 128 strings], \"from\": "
                                     "LANG, \"to\": \"zh\"}"));
            return;
        }
        if (!supportedSourceLanguages().contains(from) || !isSupportedTargetLanguage(to)) {
            sendError(res, 400,
                      QStringLiteral("unsupported language pair %1 -> %2 (from en, de or ja to "
                                     "zh)")
                          .arg(from, to));
            return;
        }
        QJsonArray translations;
        for (const QJsonValue &v : text)
            translations.append(fakeTranslate(v.toString(), from));
        sendJson(res, {{QStringLiteral("translations"), translations},
                       {QStringLiteral("engine"), QStringLiteral("haitao-sim-mt")}});
    });
}

void SimServer::get(const std::string &pattern, Handler handler)
{
    m_server->Get(pattern, [this, handler = std::move(handler)](const httplib::Request &req,
                                                                httplib::Response &res) {
        serve(req, res, handler);
    });
}

void SimServer::post(const std::string &pattern, Handler handler)
{
    m_server->Post(pattern, [this, handler = std::move(handler)](const httplib::Request &req,
                                                                 httplib::Response &res) {
        serve(req, res, handler);
    });
}

void SimServer::serve(const httplib::Request &req, httplib::Response &res, const Handler &handler)
{
    const std::optional<Fault> fault =
        m_faults.take(QString::fromStdString(req.method), QString::fromStdString(req.path));
    const FaultMode mode = fault ? fault->mode : FaultMode::None;
    switch (mode) {
    case FaultMode::None:
        handler(req, res);
        return;
    case FaultMode::Slow:
        sleepUnlessStopping(fault->delayMs);
        handler(req, res);
        return;
    case FaultMode::TooMany:
    case FaultMode::Unavailable:
        if (fault->retryAfter >= 0)
            res.set_header("Retry-After", std::to_string(fault->retryAfter));
        sendError(res, mode == FaultMode::TooMany ? 429 : 503,
                  QStringLiteral("simulated fault: %1").arg(faultModeName(mode)));
        return;
    case FaultMode::Reset:
        if (!resetConnection(req.local_port, req.remote_port))
            sendError(res, 500, QStringLiteral("simulated reset is not available here"));
        return; // the worker's response goes nowhere
    case FaultMode::Truncate:
    case FaultMode::Malformed:
        break;
    }
    handler(req, res);
    std::string body = std::move(res.body);
    res.body.clear();
    if (mode == FaultMode::Malformed) {
        res.body = body.substr(0, body.size() / 2); // a complete response, half a document
        return;
    }
    // Content-Length promises the whole body; half of it is sent, then the connection closes.
    const std::string contentType = res.get_header_value("Content-Type");
    res.headers.erase("Content-Type"); // set_content_provider adds it again
    const size_t promised = std::max<size_t>(body.size(), 1);
    res.set_content_provider(
        promised, contentType,
        [half = body.substr(0, body.size() / 2)](size_t offset, size_t, httplib::DataSink &sink) {
            if (offset == 0 && !half.empty())
                return sink.write(half.data(), half.size());
            return false; // httplib drops the connection
        });
}

void SimServer::sleepUnlessStopping(int ms) const
{
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (!m_stopping && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

SimServer::~SimServer()
{
    stop();
}

bool SimServer::start(const QString &host, int port, QString *error)
{
    if (!m_smtp.start(host, m_smtpPortWanted, error))
        return false;
    const std::string h = host.toStdString();
    if (port == 0) {
        m_port = m_server->bind_to_any_port(h);
    } else if (m_server->bind_to_port(h, port)) {
        m_port = port;
    } else {
        m_port = -1;
    }
    if (m_port <= 0) {
        *error = QStringLiteral("cannot listen on %1:%2").arg(host).arg(port);
        m_smtp.stop();
        return false;
    }
    m_stopping = false;
    m_scaleEpochMs = QDateTime::currentMSecsSinceEpoch();
    m_thread = std::thread([this] { m_server->listen_after_bind(); });
    m_webhooks.start();
    while (!m_server->is_running()) // stop() is a no-op until the listen loop runs
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return true;
}

void SimServer::stop()
{
    m_shoppers.stop(); // before the gateway they pay at
    if (m_thread.joinable()) {
        m_stopping = true; // ends simulated delays, so that the workers finish at once
        m_server->stop();
        m_thread.join();
    }
    m_webhooks.stop();
    m_smtp.stop();
    m_gateway.stop();
}

void SimServer::setPaySecret(const QByteArray &secret)
{
    m_gateway.setSecret(secret);
}

qint64 SimServer::nowMs() const
{
    const qint64 wall = QDateTime::currentMSecsSinceEpoch();
    return m_scaleEpochMs + qint64(double(wall - m_scaleEpochMs) * m_timeScale) + m_offsetMs.load();
}

} // namespace haitao::sim
