#include "backend/server.h"

#include "backend/catalog/catalogroutes.h"
#include "backend/catalog/catalogservice.h"
#include "backend/catalog/pricerefresh.h"
#include "backend/catalog/pricerefreshroutes.h"
#include "backend/http/httpserver.h"
#include "backend/identity/crypto.h"
#include "backend/identity/identityroutes.h"
#include "backend/identity/identityservice.h"
#include "backend/logistics/alertroutes.h"
#include "backend/logistics/logisticsroutes.h"
#include "backend/logistics/logisticsservice.h"
#include "backend/logistics/notificationroutes.h"
#include "backend/logistics/notifyservice.h"
#include "backend/logistics/receiving.h"
#include "backend/logistics/receivingroutes.h"
#include "backend/logistics/statsroutes.h"
#include "backend/media/mediaroutes.h"
#include "backend/media/mediaservice.h"
#include "backend/orders/logisticsfeed.h"
#include "backend/orders/orderroutes.h"
#include "backend/orders/orderservice.h"
#include "backend/orders/placementroutes.h"
#include "backend/orders/placementservice.h"
#include "backend/orders/placementworker.h"
#include "backend/orders/shopaccounts.h"
#include "backend/pricing/pricingroutes.h"
#include "backend/pricing/pricingservice.h"
#include "backend/storage/database.h"
#include "backend/systemroutes.h"
#include "backend/translation/translationroutes.h"
#include "backend/translation/translationservice.h"

#include <QDir>

namespace haitao::server {

struct Server::Private
{
    Config config;
    Log log;
    Metrics metrics;
    Router router;
    std::unique_ptr<Database> identityDb;
    std::unique_ptr<IdentityService> identity;
    std::unique_ptr<Database> catalogDb;
    std::unique_ptr<catalog::CatalogService> catalog;
    std::unique_ptr<catalog::PriceRefresh> priceRefresh;
    std::unique_ptr<Database> mediaDb;
    std::unique_ptr<media::MediaService> media;
    std::unique_ptr<Database> pricingDb;
    std::unique_ptr<pricing::PricingService> pricing;
    std::unique_ptr<Database> translationDb;
    std::unique_ptr<translation::TranslationService> translation;
    std::unique_ptr<Database> ordersDb;
    std::unique_ptr<orders::OrderService> orders;
    std::unique_ptr<orders::PlacementService> placement;
    std::unique_ptr<orders::PlacementWorker> placementWorker;
    std::unique_ptr<Database> logisticsDb;
    std::unique_ptr<orders::LogisticsFeed> logisticsFeed;
    std::unique_ptr<logistics::LogisticsService> logistics;
    std::unique_ptr<logistics::ReceivingService> receiving;
    std::unique_ptr<logistics::NotifyService> notify;
    std::unique_ptr<HttpServer> http;
    QString generatedAdminPassword;

    explicit Private(Config c)
        : config(std::move(c))
        , log(config.logFormat, config.logSink)
    {}

    std::unique_ptr<Database> openStore(const QString &component)
    {
        QString error;
        const auto primary = DbUrl::parse(config.dbUrl(component), &error);
        if (!primary)
            throw StorageError(error);
        std::optional<DbUrl> replica;
        if (config.replicaUrls.contains(component)) {
            replica = DbUrl::parse(config.replicaUrls.value(component), &error);
            if (!replica)
                throw StorageError(error);
        }
        auto db = std::make_unique<Database>(component, *primary, replica);
        log.info(QStringLiteral("store"),
                 {{QStringLiteral("component"), component},
                  {QStringLiteral("url"), primary->redacted()},
                  {QStringLiteral("replica"), replica ? replica->redacted() : QString()}});
        return db;
    }
};

Server::Server(Config config)
    : d(std::make_unique<Private>(std::move(config)))
{}

Server::~Server()
{
    stop();
}

bool Server::start(QString *error)
{
    if (!cryptoInit()) {
        *error = QStringLiteral("libsodium failed to initialise");
        return false;
    }
    try {
        if (!QDir().mkpath(d->config.dataDir)) {
            *error = QStringLiteral("cannot create the data folder %1").arg(d->config.dataDir);
            return false;
        }
        d->identityDb = d->openStore(QStringLiteral("identity"));
        d->identity = std::make_unique<IdentityService>(*d->identityDb, d->config);
        d->identity->migrate();
        d->generatedAdminPassword = d->identity->ensureAdmin(d->config.adminPassword);
        if (d->config.demo && d->identity->seedDemo())
            d->log.info(QStringLiteral("demo data seeded"));
        d->mediaDb = d->openStore(QStringLiteral("media"));
        d->media = std::make_unique<media::MediaService>(*d->mediaDb, d->config);
        d->media->migrate();
        d->catalogDb = d->openStore(QStringLiteral("catalog"));
        d->catalog = std::make_unique<catalog::CatalogService>(*d->catalogDb, d->config);
        d->catalog->migrate();
        // Images: the catalog announces source URLs and asks which are stored, in process.
        media::MediaService *media = d->media.get();
        d->catalog->setImageHooks([media](const QStringList &urls) { media->enqueue(urls); },
                                  [media](const QStringList &urls) { return media->stored(urls); });
        d->priceRefresh =
            std::make_unique<catalog::PriceRefresh>(*d->catalogDb, d->config, *d->catalog);
        d->catalog->recoverImports();
        // Before the demo catalog publishes: the translation memory keeps what is published,
        // and an assignee must be an enabled staff user (both in process, no shared store).
        d->translationDb = d->openStore(QStringLiteral("translation"));
        d->translation =
            std::make_unique<translation::TranslationService>(*d->translationDb, d->config);
        d->translation->migrate();
        if (d->config.demo && d->translation->seedDemo())
            d->log.info(QStringLiteral("demo glossary seeded"));
        wireTranslation();
        if (d->config.demo && d->catalog->seedDemo())
            d->log.info(QStringLiteral("demo catalog seeded"));
        d->pricingDb = d->openStore(QStringLiteral("pricing"));
        d->pricing = std::make_unique<pricing::PricingService>(*d->pricingDb, d->config);
        d->pricing->migrate();
        if (d->config.demo && d->pricing->seedDemo())
            d->log.info(QStringLiteral("demo price rules and rates seeded"));
        // Quotes by SKU read the catalog in process (no cross-store join).
        catalog::CatalogService *catalog = d->catalog.get();
        d->pricing->setSkuResolver(
            [catalog](qint64 skuId, bool staff) -> std::optional<pricing::QuoteLineInput> {
                const auto info = catalog->sku(skuId, staff);
                if (!info)
                    return std::nullopt;
                pricing::QuoteLineInput line;
                line.skuId = skuId;
                line.site = info->site;
                line.price = info->sku.price;
                line.weightG = info->sku.weightG.value_or(0);
                line.lengthMm = info->sku.lengthMm.value_or(0);
                line.widthMm = info->sku.widthMm.value_or(0);
                line.heightMm = info->sku.heightMm.value_or(0);
                line.category = info->category;
                return line;
            });
        wireOrders();
        d->placement =
            std::make_unique<orders::PlacementService>(*d->ordersDb, d->config, *d->orders);
        d->placementWorker =
            std::make_unique<orders::PlacementWorker>(*d->ordersDb, d->config, d->log);
        if (d->config.demo && !d->config.simUrl.isEmpty() &&
            orders::shopaccounts::seedDemo(*d->ordersDb, d->config.simUrl, d->config.clock()) > 0)
            d->log.info(QStringLiteral("demo shop accounts seeded"));
        wireLogistics();
    } catch (const std::exception &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }

    addSystemRoutes(d->router,
                    {d->identityDb.get(), d->catalogDb.get(), d->pricingDb.get(), d->mediaDb.get(),
                     d->translationDb.get(), d->ordersDb.get(), d->logisticsDb.get()},
                    d->metrics);
    addIdentityRoutes(d->router, *d->identity);
    catalog::addCatalogRoutes(d->router, *d->catalog);
    catalog::addPriceRefreshRoutes(d->router, *d->priceRefresh);
    media::addMediaRoutes(d->router, *d->media);
    pricing::addPricingRoutes(d->router, *d->pricing);
    translation::addTranslationRoutes(d->router, *d->translation);
    orders::addOrderRoutes(d->router, *d->orders);
    orders::addPlacementRoutes(d->router, *d->placement);
    logistics::addLogisticsRoutes(d->router, *d->logistics);
    logistics::addReceivingRoutes(d->router, *d->receiving);
    logistics::addAlertRoutes(d->router, *d->notify);
    logistics::addNotificationRoutes(d->router, *d->notify);
    logistics::addStatsRoutes(d->router, *d->notify);

    HttpServer::Options options;
    options.threads = d->config.threads;
    options.maxBodyBytes = d->config.maxBodyBytes;
    options.maxUploadBytes = d->config.maxUploadBytes;
    options.readTimeoutSeconds = d->config.readTimeoutSeconds;
    options.keepAliveTimeoutSeconds = d->config.keepAliveTimeoutSeconds;
    options.logRequests = d->config.logRequests;
    options.corsOrigins = d->config.corsOrigins;
    QString proxyError;
    if (!parseSubnets(d->config.trustedProxies, &options.trustedProxies, &proxyError)) {
        *error = proxyError;
        return false;
    }
    IdentityService *identity = d->identity.get();
    d->http = std::make_unique<HttpServer>(
        d->router, [identity](const QString &token) { return identity->authenticate(token); },
        d->metrics, d->log, options);
    if (!d->http->bind(d->config.host, d->config.port, error))
        return false;
    d->http->start();
    // The gateway's notifications come back to the configured public URL, else to here.
    d->orders->setPublicUrl(url());
    d->orders->start();
    d->placementWorker->start();
    d->pricing->startJobs();
    d->media->start();
    d->priceRefresh->start();
    // Carriers post their webhooks to the configured public URL, else to here.
    d->logistics->setPublicUrl(url());
    d->logistics->start();
    d->notify->start();
    return true;
}

void Server::stop()
{
    if (d->http)
        d->http->stop(); // joins the worker threads, which close their connections
    d->http.reset();
    if (d->logistics)
        d->logistics->stop(); // joins the pollers before the stores they read close
    if (d->notify)
        d->notify->stop(); // after the message in flight
    if (d->logisticsDb)
        d->logisticsDb->close();
    if (d->placementWorker)
        d->placementWorker->stop(); // the attempt in flight goes back to awaiting_placement
    if (d->orders)
        d->orders->stop(); // joins the expiry and refund job before its store closes
    if (d->ordersDb)
        d->ordersDb->close();
    if (d->pricing)
        d->pricing->stop(); // joins the rate fetcher before its store closes
    if (d->pricingDb)
        d->pricingDb->close();
    if (d->priceRefresh)
        d->priceRefresh->stop(); // after the page in flight; before the catalog store closes
    if (d->catalog)
        d->catalog->stop(); // finishes the import batch in flight
    if (d->media)
        d->media->stop(); // after the catalog, whose imports announce images
    if (d->mediaDb)
        d->mediaDb->close();
    if (d->translationDb)
        d->translationDb->close(); // after the catalog, whose publishes feed the memory
    if (d->catalogDb)
        d->catalogDb->close();
    if (d->identityDb)
        d->identityDb->close();
}

void Server::wireTranslation()
{
    IdentityService *identity = d->identity.get();
    d->catalog->setStaffCheck([identity](const QString &username) {
        const auto u = identity->userNamed(username);
        return u && !u->disabled && isStaff(u->role);
    });
    translation::TranslationService *memory = d->translation.get();
    d->catalog->setPublishedHook([memory](const catalog::Product &p) {
        QList<translation::PublishedSegment> segments;
        for (const auto &[source, target] : p.translatedSegments())
            segments.append({source, target});
        try {
            memory->rememberPublished(p.id, p.sourceLanguage, segments);
        } catch (const std::exception &) {
            // The publish stands; the memory misses one listing's text, which only costs a
            // suggestion later.
        }
    });
}

void Server::wireOrders()
{
    d->ordersDb = d->openStore(QStringLiteral("orders"));
    d->orders = std::make_unique<orders::OrderService>(*d->ordersDb, d->config, *d->pricing);
    d->orders->migrate();
    // An order line keeps what the catalog said of its SKU (in process, no cross-store join).
    catalog::CatalogService *catalog = d->catalog.get();
    d->orders->setSkuLookup([catalog](qint64 skuId) -> std::optional<orders::OrderSku> {
        const auto info = catalog->sku(skuId, true);
        if (!info)
            return std::nullopt;
        const catalog::Product p = catalog->product(info->sku.productId);
        orders::OrderSku s;
        s.skuId = skuId;
        s.productId = p.id;
        s.site = info->site;
        s.title = p.title;
        s.titleZh = p.titleZh;
        s.sourceUrl = p.sourceUrl;
        s.merchantSku = info->sku.sourceSku;
        for (const auto &[name, value] : info->sku.options)
            s.options.append(
                QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("value"), value}});
        s.price = info->sku.price;
        s.listed = info->status == catalog::ListingStatus::Published;
        s.available = s.listed && info->sku.stock.value_or(1) > 0;
        return s;
    });
    // A customer with a paid order is no longer a first-time buyer.
    orders::OrderService *orders = d->orders.get();
    d->pricing->setOrderHistory([orders](qint64 userId) { return orders->hasPaidOrder(userId); });
}

void Server::wireLogistics()
{
    d->logisticsDb = d->openStore(QStringLiteral("logistics"));
    d->logistics =
        std::make_unique<logistics::LogisticsService>(*d->logisticsDb, d->config, d->log);
    d->logistics->migrate();
    if (d->config.demo && !d->config.simUrl.isEmpty() && d->logistics->seedDemo(d->config.simUrl))
        d->log.info(QStringLiteral("demo carriers seeded"));
    d->logisticsFeed = std::make_unique<orders::LogisticsFeed>(*d->ordersDb, d->config);
    logistics::OrderLink link;
    d->logisticsFeed->fill(link);
    // Weighing at the warehouse: the fee adjustment is the orders component's, priced by
    // pricing (adjustments.cpp).
    orders::OrderService *orders = d->orders.get();
    link.previewWeight = [orders](qint64 subOrderId, qint64 weightG) {
        return orders->previewWeight(subOrderId, weightG);
    };
    link.recordWeight = [orders](qint64 subOrderId, qint64 weightG, const Actor &actor,
                                 const QString &key) {
        return orders->recordWeight(subOrderId, weightG, actor, key);
    };
    d->logistics->setOrderLink(std::move(link));
    d->receiving =
        std::make_unique<logistics::ReceivingService>(*d->logisticsDb, d->config, *d->logistics);
    Database *ordersDb = d->ordersDb.get();
    d->receiving->setSubOrderLines([ordersDb](qint64 subOrderId) {
        QList<logistics::ReceivingLine> lines;
        for (const orders::OrderLine &l :
             orders::orderstore::linesOfSubOrder(ordersDb->reader(), subOrderId))
            lines.append({l.title, l.titleZh, l.quantity});
        return lines;
    });
    d->receiving->setAdjustmentStatus([ordersDb](qint64 subOrderId) {
        const auto a = orders::adjustments::weightOf(ordersDb->reader(), subOrderId);
        return a ? a->adjustment.status : QString();
    });
    logistics::ReceivingService *receiving = d->receiving.get();
    d->logistics->addDetailPart([receiving](QSqlDatabase &db, qint64 id, QJsonObject &detail) {
        receiving->addDetail(db, id, detail);
    });
    // Alerts and customer notifications (notifyservice.cpp): the quiet check (once a minute),
    // the delivery worker started with the others.
    d->notify = std::make_unique<logistics::NotifyService>(*d->logisticsDb, d->config, &d->log);
    d->notify->setup();
    logistics::NotifyService *notify = d->notify.get();
    d->logistics->addTickJob([notify] { notify->checkQuietIfDue(); });
    d->logistics->addDetailPart([notify](QSqlDatabase &db, qint64 id, QJsonObject &detail) {
        notify->addDetail(db, id, detail);
    });
    d->logistics->addCountsPart(
        [notify](QSqlDatabase &db, QJsonObject &counts) { notify->addCounts(db, counts); });
}

logistics::LogisticsService &Server::logistics()
{
    return *d->logistics;
}

logistics::NotifyService &Server::notify()
{
    return *d->notify;
}

orders::OrderService &Server::orders()
{
    return *d->orders;
}

translation::TranslationService &Server::translation()
{
    return *d->translation;
}

int Server::port() const
{
    return d->http ? d->http->port() : 0;
}

QString Server::url() const
{
    const QString host = d->config.host.contains(QLatin1Char(':'))
                             ? QLatin1Char('[') + d->config.host + QLatin1Char(']')
                             : d->config.host;
    return QStringLiteral("http://%1:%2").arg(host).arg(port());
}

QString Server::generatedAdminPassword() const
{
    return d->generatedAdminPassword;
}

const Router &Server::router() const
{
    return d->router;
}

IdentityService &Server::identity()
{
    return *d->identity;
}

catalog::CatalogService &Server::catalog()
{
    return *d->catalog;
}

pricing::PricingService &Server::pricing()
{
    return *d->pricing;
}

media::MediaService &Server::media()
{
    return *d->media;
}

const Config &Server::config() const
{
    return d->config;
}

} // namespace haitao::server
