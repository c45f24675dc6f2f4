#pragma once

#include "backend/storage/database.h"

#include <QString>

#include <optional>

namespace haitao::server::orders::shopleases {

// One holder per shop account (site) at a time: a row in shop_leases with the holder, a
// token that grows with every grant and an expiry. The token is the fence: it goes to the
// shop with every call (X-Fencing-Token) and every status write a holder makes checks it in
// the same transaction (fence()), so a holder whose lease ran out or was taken over writes
// nothing and its late calls are refused by a shop that remembers the highest token.

// Grants the site's lease to `holder` when it is free, expired, or already the holder's, and
// the site's back-off (not_before) has passed. Holders are unique per process
// ("<instance>#<nonce>/<thread>"), so a restarted process never takes over a live lease of
// its predecessor. Returns the new token, or nullopt when someone else holds it.
std::optional<qint64> acquire(Database &db, const QString &site, const QString &holder,
                              qint64 nowMs, qint64 ttlMs);
// Frees the lease if `holder` still holds it with `token`.
void release(Database &db, const QString &site, const QString &holder, qint64 token);
// After a 429/503: no holder takes the site's lease before `atMs` (persisted, so the back-off
// holds across restarts and instances). Only moves the time later.
void setNotBefore(Database &db, const QString &site, qint64 atMs);
std::optional<qint64> notBefore(const QSqlDatabase &db, const QString &site);

// Inside the caller's write transaction: true when `holder` still holds the site's lease
// with `token` and it has not expired; it then runs until nowMs + ttlMs (renewed). The
// UPDATE also locks the row on PostgreSQL, so a concurrent take-over waits or conflicts.
bool fence(QSqlDatabase &db, const QString &site, const QString &holder, qint64 token, qint64 nowMs,
           qint64 ttlMs);

struct Lease
{
    QString holder;
    qint64 token = 0;
    qint64 expiresAt = 0;
};
std::optional<Lease> read(const QSqlDatabase &db, const QString &site);

} // namespace haitao::server::orders::shopleases
