#pragma once

#include "backend/clock.h"
#include "backend/log.h"

#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

namespace haitao::server {

// How hard argon2id works. Interactive is libsodium's recommendation for logins; Fast is
// for tests and benchmarks only.
enum class HashProfile { Interactive, Moderate, Fast };

struct LockoutPolicy
{
    int maxFailuresPerAccount = 5;
    int maxFailuresPerAddress = 30;
    int windowSeconds = 15 * 60;
};

struct Config
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 8080;
    QString dataDir = QStringLiteral("data");
    QMap<QString, QString> dbUrls;      // component -> URL; default sqlite:DATA/COMPONENT.db
    QMap<QString, QString> replicaUrls; // component -> read-replica URL
    bool demo = false;
    LogFormat logFormat = LogFormat::Text;
    bool logRequests = true;
    Log::Sink logSink; // default: stderr
    int threads = 16;
    QString trustedProxies;  // "10.0.0.0/8,127.0.0.1": peers whose X-Forwarded-For is believed
    QStringList corsOrigins; // web front ends allowed to call the API from a browser; "*": any
    size_t maxBodyBytes = 1024 * 1024;
    size_t maxUploadBytes = 64 * 1024 * 1024; // feed uploads; larger feeds: import-feed FILE
    int readTimeoutSeconds = 10;
    // How long an idle keep-alive connection is kept; also how long stop() may wait for one.
    int keepAliveTimeoutSeconds = 5;
    QString adminPassword; // HAITAO_ADMIN_PASSWORD: the first admin's password
    qint64 tokenTtlSeconds = 12 * 3600;
    HashProfile hashProfile = HashProfile::Interactive;
    LockoutPolicy lockout;
    // Pricing: the ECB daily reference rates (empty: no automatic fetch; staff enter rates),
    // how often to fetch them, how old a rate may be for a quote, how long a quote holds.
    QString fxEcbUrl;
    int fxFetchHours = 6; // 0: only when staff ask (POST /api/v1/fx/fetch)
    int fxMaxAgeHours = 96;
    int quoteValidityMinutes = 30;
    // Catalog URL import: hosts ("host" or "host:port") a user's URL may reach even though
    // they resolve to loopback or private addresses (haitao-sim in tests, an internal mirror).
    // Everything else non-public is refused (docs/architecture.md, the SSRF guard).
    QStringList fetchAllowHosts;
    // Machine translation (POST {"text": [...], "from", "to"}); empty: none. Reached through
    // the same address guard as URL imports, so a loopback service needs fetchAllowHosts.
    QString mtUrl;
    // Catalog price refresh: re-read published products' pages every priceRefreshHours (0:
    // only when staff ask), at most priceRefreshRps requests per second per site; a change
    // beyond priceChangePercent sends the listing back to review; priceRefreshFailures
    // failures in a row mark the product stale.
    int priceRefreshHours = 0;
    int priceRefreshRps = 1;
    int priceChangePercent = 10;
    int priceRefreshFailures = 3;
    // Backoff of a site answering 429/503 without Retry-After: doubled per answer in a row.
    // Not a flag: tests shorten it.
    int priceRefreshBackoffMs = 30000;
    // Product images: attempts per URL, and the first retry delay (doubled each time).
    int imageFetchAttempts = 5;
    int imageRetryMs = 60000;
    // Orders (docs/orders.md). The payment gateway: its API base URL (empty: no online
    // payment; orders can still be created), the shared secret its notifications are signed
    // with (HAITAO_PAYMENT_SECRET only: secrets stay off the command line), the provider name
    // in /payments/notify/{provider}, and the base URL the gateway reaches this server on
    // (default: the listen address).
    QString paymentUrl;
    QString paymentSecret;
    QString paymentProvider = QStringLiteral("simpay");
    QString publicUrl;
    int orderExpiryMinutes = 30; // unpaid orders expire after this
    // Automatic placement on the foreign shops: worker threads per instance, attempts before
    // a sub-order goes to the manual queue, how far the shop's price may have moved from the
    // ordered one, requests per second per site, when a sub-order counts as stuck.
    int placementWorkers = 2;
    int placementAttempts = 3;
    int placementPriceTolerancePercent = 5;
    int placementRps = 5;
    int placementStuckMinutes = 60;
    // Not flags: tests shorten them. A shop-account lease's lifetime (renewed while held),
    // the first back-off after a failed attempt or a 429/503 without Retry-After (doubled per
    // failure), and how often an idle worker looks for work.
    int placementLeaseSeconds = 60;
    int placementBackoffMs = 2000;
    int placementPollMs = 500;
    // Every call to a shop's order API, a create included, gives up after this: a shop that
    // took an order and never answers holds the connection until then.
    int placementHttpTimeoutMs = 5000;
    // Who holds a lease: defaults to host name and process id, unique per running instance.
    QString instanceName;
    // With demo: the simulated outside world (haitao-sim) behind the demo sites: their
    // catalogs, order APIs, the payment gateway, the FX feed, machine translation.
    QString simUrl;
    // Logistics (docs/logistics.md). Tracking numbers are polled every trackingPollMs after
    // a new event, the interval doubling per poll that brought nothing up to
    // trackingPollMaxMs; never after delivery. With --demo the first interval is 10 s.
    qint64 trackingPollMs = 15LL * 60 * 1000;
    qint64 trackingPollMaxMs = 12LL * 3600 * 1000;
    // Hours without a new checkpoint after which a parcel counts as quiet, per leg kind
    // (shop, international, customs, domestic).
    QMap<QString, int> quietHours{{QStringLiteral("shop"), 72},
                                  {QStringLiteral("international"), 96},
                                  {QStringLiteral("customs"), 72},
                                  {QStringLiteral("domestic"), 48}};
    // Warehouse receiving: a weighed parcel differing from the priced weight by more than
    // both limits gets a fee adjustment computed by the pricing engine.
    int weightTolerancePercent = 5;
    int weightToleranceG = 50;
    // Customer notifications: the SMTP server ("smtp://host:port"), the sender, and the SMS
    // gateway's URL (POST JSON). Empty: that channel is not used.
    QString smtpUrl;
    QString smtpFrom = QStringLiteral("Haitao <noreply@haitao.invalid>");
    QString smsUrl;
    // Not flags: tests shorten them. How often logistics' jobs look for work (polls due,
    // quiet parcels, outbox), the outbox's first retry delay (doubled per failure) and the
    // attempts after which a message is given up (kept, marked failed).
    int logisticsTickMs = 1000;
    int outboxRetryMs = 30000;
    int outboxAttempts = 8;
    Clock clock = systemClock();

    static QStringList components();
    QString dbUrl(const QString &component) const;
};

// Reads flags (QCommandLineParser) with environment overrides (HAITAO_*); flags win.
// Returns nullopt with a message in `error` on bad input; `helpText` is set for --help.
std::optional<Config> parseConfig(const QStringList &arguments,
                                  const QProcessEnvironment &environment, QString *error,
                                  QString *helpText = nullptr);

} // namespace haitao::server
