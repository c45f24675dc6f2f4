#include "backend/orders/shopaccounts.h"

#include "backend/http/apierror.h"
#include "backend/storage/auditlog.h"
#include "backend/storage/sqltext.h"
#include "core/wiretime.h"

#include <QUrl>

namespace haitao::server::orders {

using sql::L;

QJsonObject ShopAccount::toJson() const
{
    return {{QStringLiteral("site"), site},
            {QStringLiteral("apiUrl"), apiUrl},
            {QStringLiteral("account"), account},
            {QStringLiteral("enabled"), enabled},
            {QStringLiteral("updatedBy"), updatedBy},
            {QStringLiteral("updatedAt"), toWireTime(updatedAt)}};
}

namespace shopaccounts {

namespace {

constexpr const char *kColumns =
    "SELECT site, api_url, account, secret, enabled, updated_by, updated_at FROM shop_accounts";

ShopAccount fromRow(const Statement &q)
{
    ShopAccount a;
    a.site = q.value(0).toString();
    a.apiUrl = q.value(1).toString();
    a.account = q.value(2).toString();
    a.secret = q.value(3).toString();
    a.enabled = q.value(4).toInt() != 0;
    a.updatedBy = q.value(5).toString();
    a.updatedAt = q.value(6).toLongLong();
    return a;
}

void store(QSqlDatabase &db, const ShopAccount &a)
{
    Statement q = prepareOrThrow(
        db, L("INSERT INTO shop_accounts (site, api_url, account, secret, enabled, updated_by, "
              "updated_at) VALUES (:site, :url, :account, :secret, :enabled, :by, :at) "
              "ON CONFLICT (site) DO UPDATE SET api_url = excluded.api_url, account = "
              "excluded.account, secret = excluded.secret, enabled = excluded.enabled, "
              "updated_by = excluded.updated_by, updated_at = excluded.updated_at"));
    q.bindValue(QStringLiteral(":site"), a.site);
    q.bindValue(QStringLiteral(":url"), a.apiUrl);
    q.bindValue(QStringLiteral(":account"), a.account);
    q.bindValue(QStringLiteral(":secret"), a.secret);
    q.bindValue(QStringLiteral(":enabled"), a.enabled ? 1 : 0);
    q.bindValue(QStringLiteral(":by"), sql::text(a.updatedBy));
    q.bindValue(QStringLiteral(":at"), a.updatedAt);
    execOrThrow(q, "store shop account");
}

} // namespace

QList<ShopAccount> list(const QSqlDatabase &db)
{
    Statement q = prepareOrThrow(db, QString::fromLatin1(kColumns) + L(" ORDER BY site"));
    execOrThrow(q, "list shop accounts");
    QList<ShopAccount> accounts;
    while (q.next())
        accounts.append(fromRow(q));
    return accounts;
}

std::optional<ShopAccount> get(const QSqlDatabase &db, const QString &site)
{
    Statement q = prepareOrThrow(db, QString::fromLatin1(kColumns) + L(" WHERE site = :site"));
    q.bindValue(QStringLiteral(":site"), site);
    execOrThrow(q, "read shop account");
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

ShopAccount put(Database &db, const Actor &actor, qint64 nowMs, const Update &update)
{
    QList<FieldProblem> errors;
    if (update.site.isEmpty() || update.site.size() > 100)
        errors.append({QStringLiteral("site"), QStringLiteral("must be 1 to 100 characters")});
    const QUrl url(update.apiUrl, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != u"http" && url.scheme() != u"https") || update.apiUrl.size() > 2000)
        errors.append({QStringLiteral("apiUrl"), QStringLiteral("must be an http or https URL")});
    if (update.account.trimmed().isEmpty() || update.account.size() > 200)
        errors.append({QStringLiteral("account"), QStringLiteral("must be 1 to 200 characters")});
    if (update.secret.size() > 1000)
        errors.append(
            {QStringLiteral("secret"), QStringLiteral("must be at most 1000 characters")});
    if (update.secret.isEmpty() && !get(db.writer(), update.site))
        errors.append({QStringLiteral("secret"), QStringLiteral("a new shop account needs one")});
    if (!errors.isEmpty())
        throw ApiError::validation(errors);

    ShopAccount result;
    db.write([&](QSqlDatabase &c) {
        const auto existing = get(c, update.site);
        if (!existing && update.secret.isEmpty())
            throw ApiError::validation(
                {{QStringLiteral("secret"), QStringLiteral("a new shop account needs one")}});
        // A stored secret never goes to another address than the one it was given for.
        if (existing && existing->apiUrl != update.apiUrl && update.secret.isEmpty())
            throw ApiError::validation(
                {{QStringLiteral("secret"),
                  QStringLiteral("must be given again when apiUrl changes")}});
        result.site = update.site;
        result.apiUrl = update.apiUrl;
        while (result.apiUrl.endsWith(u'/'))
            result.apiUrl.chop(1);
        result.account = update.account;
        result.secret = update.secret.isEmpty() ? existing->secret : update.secret;
        result.enabled = update.enabled;
        result.updatedBy = actor.name;
        result.updatedAt = nowMs;
        store(c, result);
        auditlog::record(c, actor, nowMs, QStringLiteral("shop_account.updated"),
                         QStringLiteral("shop_account"), update.site,
                         {{QStringLiteral("apiUrl"), result.apiUrl},
                          {QStringLiteral("account"), result.account},
                          {QStringLiteral("enabled"), result.enabled},
                          {QStringLiteral("secretChanged"), !update.secret.isEmpty()}});
    });
    return result;
}

int seedDemo(Database &db, const QString &simUrl, qint64 nowMs)
{
    // The catalog demo imports the simulator's shops under these site names.
    const QList<QPair<QString, QString>> sites{
        {QStringLiteral("amazon.com"), QStringLiteral("us")},
        {QStringLiteral("amazon.co.jp"), QStringLiteral("jp")},
        {QStringLiteral("asos.com"), QStringLiteral("uk")}};
    int added = 0;
    db.write([&](QSqlDatabase &c) {
        added = 0;
        for (const auto &[site, simSite] : sites) {
            if (get(c, site))
                continue;
            ShopAccount a;
            a.site = site;
            a.apiUrl = simUrl + QStringLiteral("/merchant/") + simSite;
            a.account = QStringLiteral("haitao");
            a.secret = QStringLiteral("sim-shop-pass");
            a.updatedBy = QStringLiteral("system");
            a.updatedAt = nowMs;
            store(c, a);
            ++added;
        }
    });
    return added;
}

} // namespace shopaccounts
} // namespace haitao::server::orders
