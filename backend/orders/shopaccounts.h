#pragma once

#include "backend/http/actor.h"
#include "backend/storage/database.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace haitao::server::orders {

// How placement reaches a site's order API and with which account. The secret is read only
// by the placement worker: never returned by the API, never audited.
struct ShopAccount
{
    QString site;
    QString apiUrl;
    QString account;
    QString secret;
    bool enabled = true;
    QString updatedBy;
    qint64 updatedAt = 0;

    QJsonObject toJson() const; // without the secret
};

namespace shopaccounts {

QList<ShopAccount> list(const QSqlDatabase &db);
std::optional<ShopAccount> get(const QSqlDatabase &db, const QString &site);

// What PUT /admin/shop-accounts/{site} asks; an empty secret keeps the stored one (422 for a
// new account or a changed apiUrl without one).
struct Update
{
    QString site;
    QString apiUrl;
    QString account;
    QString secret;
    bool enabled = true;
};
// Validates, stores and audits (in one transaction); throws ApiError.
ShopAccount put(Database &db, const Actor &actor, qint64 nowMs, const Update &update);

// With --demo --sim-url: the three demo sites' accounts at the simulator (only the ones not
// there yet). Returns how many were added.
int seedDemo(Database &db, const QString &simUrl, qint64 nowMs);

} // namespace shopaccounts
} // namespace haitao::server::orders
