#pragma once

#include "backend/config.h"
#include "backend/http/router.h"

#include <QString>

#include <memory>

namespace haitao::server {

class IdentityService;
namespace catalog {
class CatalogService;
}
namespace pricing {
class PricingService;
}
namespace media {
class MediaService;
}
namespace translation {
class TranslationService;
}
namespace orders {
class OrderService;
}
namespace logistics {
class LogisticsService;
class NotifyService;
} // namespace logistics

// The whole server: stores, services, routes and the HTTP front, built from a Config.
// Used by haitao-server's main and, in-process, by the tests.
class Server
{
public:
    explicit Server(Config config);
    ~Server();

    // Opens and migrates every store, creates the first admin, seeds demo data if asked,
    // binds and starts serving. On failure returns false with a readable `error`.
    bool start(QString *error);
    // Stops accepting, finishes in-flight requests, closes the stores.
    void stop();

    int port() const;
    QString url() const;
    // A password generated for the first admin at this start, to be shown once.
    QString generatedAdminPassword() const;

    const Router &router() const;
    IdentityService &identity();
    catalog::CatalogService &catalog();
    pricing::PricingService &pricing();
    media::MediaService &media();
    translation::TranslationService &translation();
    orders::OrderService &orders();
    logistics::LogisticsService &logistics();
    logistics::NotifyService &notify();
    const Config &config() const;

private:
    // The catalog's in-process links to identity (who may be assigned) and to the
    // translation memory (what was published).
    void wireTranslation();
    // The orders component: its store, the catalog's SKUs for order lines, pricing's order
    // history.
    void wireOrders();
    // The logistics component: its store, and its links to orders (placed sub-orders, the
    // shop's tracking numbers, weight fees).
    void wireLogistics();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace haitao::server
