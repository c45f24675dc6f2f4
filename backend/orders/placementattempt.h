#pragma once

#include "backend/config.h"
#include "backend/log.h"
#include "backend/orders/placementstore.h"
#include "backend/orders/shopaccounts.h"
#include "backend/storage/database.h"

#include <QString>

#include <exception>
#include <functional>

namespace haitao::server::orders {

// The lease was taken over (or ran out): the holder stops writing and calling at once.
class LeaseLost : public std::exception
{
public:
    const char *what() const noexcept override { return "shop lease lost"; }
};
// The worker is stopping.
class Stopped : public std::exception
{
public:
    const char *what() const noexcept override { return "placement worker stopping"; }
};

// What one lease holder needs to run attempts on its site: who it is, its fencing token, the
// account, and the worker's per-site pacing (the rate limit and the back-off after 429/503).
struct PlacementContext
{
    Database &db;
    const Config &config;
    const Log &log;
    QString site;
    QString holder; // "<instance>/<thread>"
    QString actor;  // "worker:<holder>", in the events
    qint64 token = 0;
    ShopAccount account;
    std::function<void()> waitTurn;                // paces calls; throws Stopped
    std::function<qint64(int retryAfter)> backOff; // the site waits; returns when to retry (ms)
    std::function<void()> answered;                // any real answer: the back-off resets
    QString *session = nullptr;                    // the shop session, shared per site
    qint64 leaseMs = 0;                            // the lease lifetime (0: from config)

    qint64 now() const { return config.clock(); }
    // Runs `work` in a write transaction after checking (and renewing) the lease in it;
    // throws LeaseLost, writing nothing, when the lease is no longer this holder's.
    void fenced(const std::function<void(QSqlDatabase &)> &work) const;
};

namespace placement {

// Sub-orders of the site left in placing by a holder that is gone: their running attempts end
// interrupted and they go back to awaiting_placement, due at once (or, after 3 interrupted
// attempts in a row, to the manual queue); their next attempt asks the shop for the client
// reference before creating anything. Returns how many.
int reconcile(PlacementContext &ctx);

// One automatic attempt on a due sub-order: awaiting_placement -> placing, then sign_in,
// lookup (when an earlier attempt may have created the order), check_price, create, confirm,
// each step recorded; ends placed, needs_manual (with the reason) or back in
// awaiting_placement for a later attempt. False when someone else took the sub-order first.
bool attempt(PlacementContext &ctx, const placementstore::Ref &ref);

} // namespace placement
} // namespace haitao::server::orders
