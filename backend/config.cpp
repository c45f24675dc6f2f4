#include "backend/config.h"

#include "backend/http/clientaddress.h"
#include "backend/integrations/addressguard.h"
#include "backend/storage/dburl.h"
#include "core/listenaddress.h"

#include <QCommandLineParser>
#include <QDir>
#include <QRegularExpression>
#include <QUrl>

#include <tuple>

namespace haitao::server {

QStringList Config::components()
{
    // Each owns its store.
    return {QStringLiteral("identity"), QStringLiteral("catalog"),     QStringLiteral("pricing"),
            QStringLiteral("media"),    QStringLiteral("translation"), QStringLiteral("orders"),
            QStringLiteral("logistics")};
}

QString Config::dbUrl(const QString &component) const
{
    const QString url = dbUrls.value(component);
    if (!url.isEmpty())
        return url;
    return QStringLiteral("sqlite:") +
           QDir(dataDir).absoluteFilePath(component + QStringLiteral(".db"));
}

namespace {

bool parseAssignments(const QStringList &items, QMap<QString, QString> *out, QString *error)
{
    for (const QString &item : items) {
        for (const QString &part : item.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const qsizetype eq = part.indexOf(QLatin1Char('='));
            const QString component = part.left(eq).trimmed();
            if (eq <= 0 || !Config::components().contains(component)) {
                *error = QStringLiteral("--db expects COMPONENT=URL with COMPONENT one of: %1")
                             .arg(Config::components().join(QStringLiteral(", ")));
                return false;
            }
            const QString url = part.mid(eq + 1).trimmed();
            QString urlError;
            if (!DbUrl::parse(url, &urlError)) {
                *error = urlError;
                return false;
            }
            out->insert(component, url);
        }
    }
    return true;
}

struct LogisticsOptions
{
    QString pollSeconds, quietHours, weightTolerance, smtpUrl, smtpFrom, smsUrl;
};

// The logistics flags (docs/logistics.md); `config.demo` must already be set.
bool parseLogisticsOptions(const LogisticsOptions &o, Config *config, QString *error)
{
    if (config->demo)
        config->trackingPollMs = 10 * 1000; // the demo's parcels visibly move
    if (!o.pollSeconds.isEmpty()) {
        bool ok = false;
        const int n = o.pollSeconds.toInt(&ok);
        if (!ok || n < 1 || n > 24 * 3600) {
            *error = QStringLiteral("--tracking-poll-seconds expects a number from 1 to 86400");
            return false;
        }
        config->trackingPollMs = qint64(n) * 1000;
    }
    for (const QString &part : o.quietHours.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        const QString leg = part.left(eq).trimmed();
        bool ok = false;
        const int hours = part.mid(eq + 1).trimmed().toInt(&ok);
        if (eq <= 0 || !config->quietHours.contains(leg) || !ok || hours < 1 || hours > 24 * 365) {
            *error = QStringLiteral("--quiet-hours expects LEG=HOURS,... with LEG one of: %1 and "
                                    "HOURS from 1 to 8760")
                         .arg(config->quietHours.keys().join(QStringLiteral(", ")));
            return false;
        }
        config->quietHours.insert(leg, hours);
    }
    if (!o.weightTolerance.isEmpty()) {
        const QStringList parts = o.weightTolerance.split(QLatin1Char(','));
        bool okPercent = false, okGrams = false;
        const int percent = parts.value(0).trimmed().toInt(&okPercent);
        const int grams = parts.value(1).trimmed().toInt(&okGrams);
        if (parts.size() != 2 || !okPercent || !okGrams || percent < 0 || percent > 100 ||
            grams < 0 || grams > 100000) {
            *error = QStringLiteral("--weight-tolerance expects PERCENT,GRAMS, e.g. 5,50");
            return false;
        }
        config->weightTolerancePercent = percent;
        config->weightToleranceG = grams;
    }
    if (!o.smtpUrl.isEmpty()) {
        const QUrl url(o.smtpUrl, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("smtp") && url.scheme() != QLatin1String("smtps"))) {
            *error = QStringLiteral("--smtp-url expects smtp://host:port or smtps://host:port");
            return false;
        }
        config->smtpUrl = o.smtpUrl;
    }
    if (!o.smtpFrom.isEmpty())
        config->smtpFrom = o.smtpFrom;
    if (!o.smsUrl.isEmpty()) {
        const QUrl url(o.smsUrl, QUrl::StrictMode);
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
            *error = QStringLiteral("--sms-url expects an http or https URL");
            return false;
        }
        config->smsUrl = o.smsUrl;
    }
    return true;
}

} // namespace

std::optional<Config> parseConfig(const QStringList &arguments,
                                  const QProcessEnvironment &environment, QString *error,
                                  QString *helpText)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("haitao-server: the REST backend of Haitao Ops.\n"
                       "Every option can also be set through the environment variable named "
                       "in brackets; a flag wins over the environment."));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Address to listen on; port 0 picks a free "
                                                   "port [HAITAO_LISTEN]. Default 127.0.0.1:8080."),
                                    QStringLiteral("HOST:PORT"));
    const QCommandLineOption data(QStringLiteral("data"),
                                  QStringLiteral("Data folder for the SQLite stores [HAITAO_DATA]. "
                                                 "Default ./data."),
                                  QStringLiteral("DIR"));
    const QCommandLineOption db(QStringLiteral("db"),
                                QStringLiteral("Store of a component: sqlite:PATH or "
                                               "postgres://user:pass@host:port/db; repeatable "
                                               "[HAITAO_DB, comma-separated]."),
                                QStringLiteral("COMPONENT=URL"));
    const QCommandLineOption replica(QStringLiteral("db-replica"),
                                     QStringLiteral("Read replica of a component's store, used "
                                                    "for read-only queries [HAITAO_DB_REPLICA]."),
                                     QStringLiteral("COMPONENT=URL"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Seed demo data once [HAITAO_DEMO=1]."));
    const QCommandLineOption logFormat(QStringLiteral("log-format"),
                                       QStringLiteral("json or text [HAITAO_LOG_FORMAT]."),
                                       QStringLiteral("FORMAT"));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     QStringLiteral("HTTP worker threads; a keep-alive "
                                                    "connection holds one [HAITAO_THREADS]. "
                                                    "Default 16."),
                                     QStringLiteral("N"));
    const QCommandLineOption ttl(QStringLiteral("token-ttl"),
                                 QStringLiteral("Lifetime of a sign-in token in seconds "
                                                "[HAITAO_TOKEN_TTL]. Default 43200."),
                                 QStringLiteral("SECONDS"));
    const QCommandLineOption proxies(
        QStringLiteral("trusted-proxies"),
        QStringLiteral("Load balancers whose X-Forwarded-For names the client, for per-address "
                       "sign-in limits and logs, e.g. 10.0.0.0/8,127.0.0.1 "
                       "[HAITAO_TRUSTED_PROXIES]. Default: none."),
        QStringLiteral("SUBNETS"));
    const QCommandLineOption cors(
        QStringLiteral("cors-origins"),
        QStringLiteral("Web front ends allowed to call the API from a browser, e.g. "
                       "https://shop.example,https://m.shop.example, or * for any "
                       "[HAITAO_CORS_ORIGINS]. Default: none."),
        QStringLiteral("ORIGINS"));
    const QCommandLineOption ecbUrl(
        QStringLiteral("fx-ecb-url"),
        QStringLiteral("Where to fetch the ECB daily reference rates, e.g. "
                       "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml "
                       "[HAITAO_FX_ECB_URL]. Default: none (staff enter rates)."),
        QStringLiteral("URL"));
    const QCommandLineOption fetchHours(
        QStringLiteral("fx-fetch-hours"),
        QStringLiteral("Hours between ECB fetches, 0 for on demand only "
                       "[HAITAO_FX_FETCH_HOURS]. Default 6."),
        QStringLiteral("HOURS"));
    const QCommandLineOption maxAge(
        QStringLiteral("fx-max-age-hours"),
        QStringLiteral("Oldest exchange rate a quote may use; older ones make quotes fail "
                       "[HAITAO_FX_MAX_AGE_HOURS]. Default 96."),
        QStringLiteral("HOURS"));
    const QCommandLineOption allowHosts(
        QStringLiteral("fetch-allow-hosts"),
        QStringLiteral("Hosts the catalog's URL import may fetch from even when they resolve to "
                       "loopback or private addresses, e.g. mirror.internal,10.0.0.5:8090 "
                       "[HAITAO_FETCH_ALLOW_HOSTS]. Default: none (public addresses only)."),
        QStringLiteral("HOST[:PORT],..."));
    const QCommandLineOption refreshHours(
        QStringLiteral("price-refresh-hours"),
        QStringLiteral("Hours between price refreshes of published products from their shop "
                       "pages, 0 for on demand only [HAITAO_PRICE_REFRESH_HOURS]. Default 0."),
        QStringLiteral("HOURS"));
    const QCommandLineOption refreshRps(
        QStringLiteral("price-refresh-rps"),
        QStringLiteral("Most page requests per second to one shop during a price refresh "
                       "[HAITAO_PRICE_REFRESH_RPS]. Default 1."),
        QStringLiteral("N"));
    const QCommandLineOption changePercent(
        QStringLiteral("price-change-percent"),
        QStringLiteral("A refreshed price differing by more than this sends a published listing "
                       "back to review [HAITAO_PRICE_CHANGE_PERCENT]. Default 10."),
        QStringLiteral("PERCENT"));
    const QCommandLineOption refreshFailures(
        QStringLiteral("price-refresh-failures"),
        QStringLiteral("Failed refreshes in a row after which a product is marked stale "
                       "[HAITAO_PRICE_REFRESH_FAILURES]. Default 3."),
        QStringLiteral("N"));
    const QCommandLineOption mtUrl(
        QStringLiteral("mt-url"),
        QStringLiteral("Machine translation service for translators' suggestions, e.g. "
                       "http://127.0.0.1:8090/mt/translate (haitao-sim) [HAITAO_MT_URL]. "
                       "Default: none (no machine suggestions)."),
        QStringLiteral("URL"));
    parser.addOptions({help, listen, data, db, replica, demo, logFormat, threads, ttl, proxies,
                       cors, ecbUrl, fetchHours, maxAge, allowHosts, refreshHours, refreshRps,
                       changePercent, refreshFailures});
    parser.addOption(mtUrl);
    const QCommandLineOption paymentUrl(
        QStringLiteral("payment-url"),
        QStringLiteral("Payment gateway API, e.g. http://127.0.0.1:8090/pay (haitao-sim); its "
                       "notifications are checked with HAITAO_PAYMENT_SECRET "
                       "[HAITAO_PAYMENT_URL]. Default: none (no online payment)."),
        QStringLiteral("URL"));
    const QCommandLineOption publicUrl(
        QStringLiteral("public-url"),
        QStringLiteral("Base URL the payment gateway reaches this server on, for its "
                       "notifications [HAITAO_PUBLIC_URL]. Default: the listen address."),
        QStringLiteral("URL"));
    const QCommandLineOption orderExpiry(
        QStringLiteral("order-expiry-minutes"),
        QStringLiteral("Unpaid orders expire after this [HAITAO_ORDER_EXPIRY_MINUTES]. "
                       "Default 30."),
        QStringLiteral("MINUTES"));
    const QCommandLineOption placementWorkers(
        QStringLiteral("placement-workers"),
        QStringLiteral("Threads placing paid sub-orders on the foreign shops, 0 for none "
                       "[HAITAO_PLACEMENT_WORKERS]. Default 2."),
        QStringLiteral("N"));
    const QCommandLineOption placementAttempts(
        QStringLiteral("placement-attempts"),
        QStringLiteral("Failed automatic attempts after which a sub-order goes to the manual "
                       "queue [HAITAO_PLACEMENT_ATTEMPTS]. Default 3."),
        QStringLiteral("N"));
    const QCommandLineOption placementTolerance(
        QStringLiteral("placement-price-tolerance-percent"),
        QStringLiteral("How far a shop's price may differ from the ordered one before the "
                       "sub-order goes to the manual queue "
                       "[HAITAO_PLACEMENT_PRICE_TOLERANCE_PERCENT]. Default 5."),
        QStringLiteral("PERCENT"));
    const QCommandLineOption placementRps(
        QStringLiteral("placement-rps"),
        QStringLiteral("Most requests per second to one shop's order API "
                       "[HAITAO_PLACEMENT_RPS]. Default 5."),
        QStringLiteral("N"));
    const QCommandLineOption placementStuck(
        QStringLiteral("placement-stuck-minutes"),
        QStringLiteral("A paid sub-order not placed after this raises an alert "
                       "[HAITAO_PLACEMENT_STUCK_MINUTES]. Default 60."),
        QStringLiteral("MINUTES"));
    const QCommandLineOption simUrl(
        QStringLiteral("sim-url"),
        QStringLiteral("With --demo: haitao-sim's address, e.g. http://127.0.0.1:8090; the demo "
                       "sites' catalogs, order APIs, payment gateway, FX feed and machine "
                       "translation are then the simulator's [HAITAO_SIM_URL]."),
        QStringLiteral("URL"));
    const QCommandLineOption instanceName(
        QStringLiteral("instance-name"),
        QStringLiteral("This instance's name in shop-account leases; unique per running "
                       "instance, kept across restarts so they pick up its work at once "
                       "[HAITAO_INSTANCE_NAME]. Default: host name and process id."),
        QStringLiteral("NAME"));
    parser.addOptions({paymentUrl, publicUrl, orderExpiry, placementWorkers, placementAttempts,
                       placementTolerance, placementRps, placementStuck, simUrl, instanceName});
    const QCommandLineOption trackingPoll(
        QStringLiteral("tracking-poll-seconds"),
        QStringLiteral("How often a parcel with fresh events is polled at its carrier; doubled "
                       "per poll without news up to 12 hours [HAITAO_TRACKING_POLL_SECONDS]. "
                       "Default 900 (demo: 10)."),
        QStringLiteral("SECONDS"));
    const QCommandLineOption quietHours(
        QStringLiteral("quiet-hours"),
        QStringLiteral("Hours without a checkpoint before a parcel raises a quiet alert, per "
                       "leg [HAITAO_QUIET_HOURS]. Default "
                       "shop=72,international=96,customs=72,domestic=48."),
        QStringLiteral("LEG=HOURS,..."));
    const QCommandLineOption weightTolerance(
        QStringLiteral("weight-tolerance"),
        QStringLiteral("At warehouse receiving, a weight differing from the priced one by more "
                       "than both PERCENT and GRAMS gets a fee adjustment "
                       "[HAITAO_WEIGHT_TOLERANCE]. Default 5,50."),
        QStringLiteral("PERCENT,GRAMS"));
    const QCommandLineOption smtpUrl(
        QStringLiteral("smtp-url"),
        QStringLiteral("SMTP server for customer e-mail, smtp://host:port or smtps://... "
                       "[HAITAO_SMTP_URL]. Default: no e-mail."),
        QStringLiteral("URL"));
    const QCommandLineOption smtpFrom(
        QStringLiteral("smtp-from"),
        QStringLiteral("Sender of customer e-mail [HAITAO_SMTP_FROM]."), QStringLiteral("FROM"));
    const QCommandLineOption smsUrl(
        QStringLiteral("sms-url"),
        QStringLiteral("SMS gateway (POST JSON) for customer text messages [HAITAO_SMS_URL]. "
                       "Default: no SMS (demo: the simulator's)."),
        QStringLiteral("URL"));
    parser.addOptions({trackingPoll, quietHours, weightTolerance, smtpUrl, smtpFrom, smsUrl});
    if (helpText)
        *helpText = parser.helpText();

    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(help)) {
        error->clear();
        return std::nullopt;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *error =
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first());
        return std::nullopt;
    }

    auto value = [&](const QCommandLineOption &option, const char *env) {
        if (parser.isSet(option))
            return parser.value(option);
        return environment.value(QString::fromLatin1(env));
    };

    Config config;
    if (const QString l = value(listen, "HAITAO_LISTEN"); !l.isEmpty()) {
        const auto address = parseListenAddress(l);
        if (!address) {
            *error = QStringLiteral("--listen expects HOST:PORT, e.g. 127.0.0.1:8080");
            return std::nullopt;
        }
        config.host = address->host;
        config.port = address->port;
    }
    if (const QString d = value(data, "HAITAO_DATA"); !d.isEmpty())
        config.dataDir = d;

    QStringList dbs = parser.values(db);
    if (dbs.isEmpty() && environment.contains(QStringLiteral("HAITAO_DB")))
        dbs << environment.value(QStringLiteral("HAITAO_DB"));
    if (!parseAssignments(dbs, &config.dbUrls, error))
        return std::nullopt;
    QStringList replicas = parser.values(replica);
    if (replicas.isEmpty() && environment.contains(QStringLiteral("HAITAO_DB_REPLICA")))
        replicas << environment.value(QStringLiteral("HAITAO_DB_REPLICA"));
    if (!parseAssignments(replicas, &config.replicaUrls, error))
        return std::nullopt;

    const QString demoEnv = environment.value(QStringLiteral("HAITAO_DEMO"));
    config.demo =
        parser.isSet(demo) || demoEnv == QLatin1String("1") || demoEnv == QLatin1String("true");

    const QString format = value(logFormat, "HAITAO_LOG_FORMAT");
    if (format == QLatin1String("json")) {
        config.logFormat = LogFormat::Json;
    } else if (format.isEmpty() || format == QLatin1String("text")) {
        config.logFormat = LogFormat::Text;
    } else {
        *error = QStringLiteral("--log-format expects json or text");
        return std::nullopt;
    }

    if (const QString t = value(threads, "HAITAO_THREADS"); !t.isEmpty()) {
        bool ok = false;
        config.threads = t.toInt(&ok);
        if (!ok || config.threads < 1 || config.threads > 1024) {
            *error = QStringLiteral("--threads expects a number from 1 to 1024");
            return std::nullopt;
        }
    }
    if (const QString t = value(ttl, "HAITAO_TOKEN_TTL"); !t.isEmpty()) {
        bool ok = false;
        config.tokenTtlSeconds = t.toLongLong(&ok);
        if (!ok || config.tokenTtlSeconds < 60) {
            *error = QStringLiteral("--token-ttl expects at least 60 seconds");
            return std::nullopt;
        }
    }
    config.trustedProxies = value(proxies, "HAITAO_TRUSTED_PROXIES");
    QList<Subnet> subnets;
    if (!parseSubnets(config.trustedProxies, &subnets, error)) {
        *error = QStringLiteral("--trusted-proxies: ") + *error;
        return std::nullopt;
    }
    static const QRegularExpression originPattern(
        QStringLiteral("^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$|^\\*$"));
    for (const QString &part :
         value(cors, "HAITAO_CORS_ORIGINS").split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString origin = part.trimmed();
        if (!originPattern.match(origin).hasMatch()) {
            *error = QStringLiteral("--cors-origins: '%1' is not an origin like "
                                    "https://shop.example (no path, no trailing slash)")
                         .arg(origin);
            return std::nullopt;
        }
        config.corsOrigins << origin;
    }
    config.fxEcbUrl = value(ecbUrl, "HAITAO_FX_ECB_URL");
    if (!config.fxEcbUrl.isEmpty()) {
        const QUrl url(config.fxEcbUrl, QUrl::StrictMode);
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
            *error = QStringLiteral("--fx-ecb-url expects an http or https URL");
            return std::nullopt;
        }
    }
    config.mtUrl = value(mtUrl, "HAITAO_MT_URL");
    if (!config.mtUrl.isEmpty()) {
        const QUrl url(config.mtUrl, QUrl::StrictMode);
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
            *error = QStringLiteral("--mt-url expects an http or https URL");
            return std::nullopt;
        }
    }
    const auto hours = [&](const QCommandLineOption &option, const char *env, int min, int *out) {
        const QString text = value(option, env);
        if (text.isEmpty())
            return true;
        bool ok = false;
        const int n = text.toInt(&ok);
        if (!ok || n < min || n > 24 * 365) {
            *error = QStringLiteral("--%1 expects a number of hours from %2 to 8760")
                         .arg(option.names().constFirst())
                         .arg(min);
            return false;
        }
        *out = n;
        return true;
    };
    if (!hours(fetchHours, "HAITAO_FX_FETCH_HOURS", 0, &config.fxFetchHours) ||
        !hours(maxAge, "HAITAO_FX_MAX_AGE_HOURS", 1, &config.fxMaxAgeHours) ||
        !hours(refreshHours, "HAITAO_PRICE_REFRESH_HOURS", 0, &config.priceRefreshHours))
        return std::nullopt;
    const auto number = [&](const QCommandLineOption &option, const char *env, int min, int max,
                            int *out) {
        const QString text = value(option, env);
        if (text.isEmpty())
            return true;
        bool ok = false;
        const int n = text.toInt(&ok);
        if (!ok || n < min || n > max) {
            *error = QStringLiteral("--%1 expects a number from %2 to %3")
                         .arg(option.names().constFirst())
                         .arg(min)
                         .arg(max);
            return false;
        }
        *out = n;
        return true;
    };
    if (!number(refreshRps, "HAITAO_PRICE_REFRESH_RPS", 1, 100, &config.priceRefreshRps) ||
        !number(changePercent, "HAITAO_PRICE_CHANGE_PERCENT", 0, 1000,
                &config.priceChangePercent) ||
        !number(refreshFailures, "HAITAO_PRICE_REFRESH_FAILURES", 1, 100,
                &config.priceRefreshFailures))
        return std::nullopt;
    for (const QString &part : value(allowHosts, "HAITAO_FETCH_ALLOW_HOSTS")
                                   .split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (const QString host = part.trimmed(); !host.isEmpty())
            config.fetchAllowHosts << host;
    }
    QString allowError;
    if (!AddressPolicy::fromAllowList(config.fetchAllowHosts, &allowError)) {
        *error = QStringLiteral("--fetch-allow-hosts: ") + allowError;
        return std::nullopt;
    }
    const auto httpUrl = [&](const QCommandLineOption &option, const char *env, QString *out) {
        *out = value(option, env);
        if (out->isEmpty())
            return true;
        const QUrl url(*out, QUrl::StrictMode);
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
            *error = QStringLiteral("--%1 expects an http or https URL")
                         .arg(option.names().constFirst());
            return false;
        }
        while (out->endsWith(QLatin1Char('/')))
            out->chop(1);
        return true;
    };
    if (!httpUrl(paymentUrl, "HAITAO_PAYMENT_URL", &config.paymentUrl) ||
        !httpUrl(publicUrl, "HAITAO_PUBLIC_URL", &config.publicUrl) ||
        !httpUrl(simUrl, "HAITAO_SIM_URL", &config.simUrl))
        return std::nullopt;
    config.paymentSecret = environment.value(QStringLiteral("HAITAO_PAYMENT_SECRET"));
    config.instanceName = value(instanceName, "HAITAO_INSTANCE_NAME");
    if (!number(orderExpiry, "HAITAO_ORDER_EXPIRY_MINUTES", 1, 7 * 24 * 60,
                &config.orderExpiryMinutes) ||
        !number(placementWorkers, "HAITAO_PLACEMENT_WORKERS", 0, 64, &config.placementWorkers) ||
        !number(placementAttempts, "HAITAO_PLACEMENT_ATTEMPTS", 1, 100,
                &config.placementAttempts) ||
        !number(placementTolerance, "HAITAO_PLACEMENT_PRICE_TOLERANCE_PERCENT", 0, 100,
                &config.placementPriceTolerancePercent) ||
        !number(placementRps, "HAITAO_PLACEMENT_RPS", 1, 1000, &config.placementRps) ||
        !number(placementStuck, "HAITAO_PLACEMENT_STUCK_MINUTES", 1, 7 * 24 * 60,
                &config.placementStuckMinutes))
        return std::nullopt;
    // Environment only (tests and operators): the shop-account lease lifetime and the
    // timeout of a shop call. The worker raises the lease to outlast a call.
    for (const auto &[env, low, high, out] :
         {std::tuple{"HAITAO_PLACEMENT_LEASE_SECONDS", 1, 3600, &config.placementLeaseSeconds},
          std::tuple{"HAITAO_PLACEMENT_HTTP_TIMEOUT_MS", 100, 600000,
                     &config.placementHttpTimeoutMs}}) {
        const QString text = environment.value(QLatin1String(env));
        if (text.isEmpty())
            continue;
        bool ok = false;
        const int n = text.toInt(&ok);
        if (!ok || n < low || n > high) {
            *error = QStringLiteral("%1 expects a number from %2 to %3")
                         .arg(QLatin1String(env))
                         .arg(low)
                         .arg(high);
            return std::nullopt;
        }
        *out = n;
    }
    if (!parseLogisticsOptions(
            {value(trackingPoll, "HAITAO_TRACKING_POLL_SECONDS"),
             value(quietHours, "HAITAO_QUIET_HOURS"),
             value(weightTolerance, "HAITAO_WEIGHT_TOLERANCE"), value(smtpUrl, "HAITAO_SMTP_URL"),
             value(smtpFrom, "HAITAO_SMTP_FROM"), value(smsUrl, "HAITAO_SMS_URL")},
            &config, error))
        return std::nullopt;
    if (!config.simUrl.isEmpty() && config.demo) {
        // The demo's outside world is the simulator: whatever was not given explicitly.
        const QUrl sim(config.simUrl);
        const QString simHost = QStringLiteral("%1:%2").arg(sim.host()).arg(sim.port(80));
        if (!config.fetchAllowHosts.contains(simHost))
            config.fetchAllowHosts << simHost;
        if (config.fxEcbUrl.isEmpty())
            config.fxEcbUrl = config.simUrl + QStringLiteral("/fx/eurofxref-daily.xml");
        if (config.mtUrl.isEmpty())
            config.mtUrl = config.simUrl + QStringLiteral("/mt/translate");
        if (config.paymentUrl.isEmpty())
            config.paymentUrl = config.simUrl + QStringLiteral("/pay");
        if (config.paymentSecret.isEmpty())
            config.paymentSecret = QStringLiteral("sim-pay-demo-secret");
        if (config.smsUrl.isEmpty())
            config.smsUrl = config.simUrl + QStringLiteral("/sms/messages");
    }
    if (!config.paymentUrl.isEmpty() && config.paymentSecret.size() < 16) {
        *error = QStringLiteral("--payment-url needs HAITAO_PAYMENT_SECRET, the gateway's "
                                "notification secret, of at least 16 characters");
        return std::nullopt;
    }
    config.adminPassword = environment.value(QStringLiteral("HAITAO_ADMIN_PASSWORD"));
    return config;
}

} // namespace haitao::server
