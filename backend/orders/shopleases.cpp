#include "backend/orders/shopleases.h"

#include "backend/storage/sqltext.h"

namespace haitao::server::orders::shopleases {

using sql::L;

std::optional<qint64> acquire(Database &db, const QString &site, const QString &holder,
                              qint64 nowMs, qint64 ttlMs)
{
    std::optional<qint64> granted;
    db.write([&](QSqlDatabase &c) {
        granted.reset();
        Statement insert = prepareOrThrow(
            c, L("INSERT INTO shop_leases (site, holder, token, expires_at) VALUES (:site, '', 0, "
                 "0) ON CONFLICT (site) DO NOTHING"));
        insert.bindValue(QStringLiteral(":site"), site);
        execOrThrow(insert, "create shop lease");
        // One conditional UPDATE: atomic on both dialects (SQLite holds the write lock,
        // PostgreSQL locks the row and re-checks the condition).
        Statement grant = prepareOrThrow(
            c, L("UPDATE shop_leases SET holder = :holder, token = token + 1, expires_at = :exp "
                 "WHERE site = :site AND not_before <= :now2 AND (holder = '' OR expires_at <= "
                 ":now OR holder = :same)"));
        grant.bindValue(QStringLiteral(":holder"), holder);
        grant.bindValue(QStringLiteral(":same"), holder);
        grant.bindValue(QStringLiteral(":exp"), nowMs + ttlMs);
        grant.bindValue(QStringLiteral(":site"), site);
        grant.bindValue(QStringLiteral(":now"), nowMs);
        grant.bindValue(QStringLiteral(":now2"), nowMs);
        execOrThrow(grant, "grant shop lease");
        if (grant.query().numRowsAffected() != 1)
            return;
        Statement token = prepareOrThrow(c, L("SELECT token FROM shop_leases WHERE site = :site"));
        token.bindValue(QStringLiteral(":site"), site);
        execOrThrow(token, "read shop lease");
        if (token.next())
            granted = token.value(0).toLongLong();
    });
    return granted;
}

void release(Database &db, const QString &site, const QString &holder, qint64 token)
{
    db.write([&](QSqlDatabase &c) {
        Statement q = prepareOrThrow(
            c, L("UPDATE shop_leases SET holder = '', expires_at = 0 WHERE site = :site AND "
                 "holder = :holder AND token = :token"));
        q.bindValue(QStringLiteral(":site"), site);
        q.bindValue(QStringLiteral(":holder"), holder);
        q.bindValue(QStringLiteral(":token"), token);
        execOrThrow(q, "release shop lease");
    });
}

void setNotBefore(Database &db, const QString &site, qint64 atMs)
{
    db.write([&](QSqlDatabase &c) {
        Statement q = prepareOrThrow(
            c, L("UPDATE shop_leases SET not_before = :at WHERE site = :site AND not_before < "
                 ":at2"));
        q.bindValue(QStringLiteral(":at"), atMs);
        q.bindValue(QStringLiteral(":site"), site);
        q.bindValue(QStringLiteral(":at2"), atMs);
        execOrThrow(q, "set shop back-off");
    });
}

std::optional<qint64> notBefore(const QSqlDatabase &db, const QString &site)
{
    Statement q = prepareOrThrow(db, L("SELECT not_before FROM shop_leases WHERE site = :site"));
    q.bindValue(QStringLiteral(":site"), site);
    execOrThrow(q, "read shop back-off");
    if (!q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

bool fence(QSqlDatabase &db, const QString &site, const QString &holder, qint64 token, qint64 nowMs,
           qint64 ttlMs)
{
    Statement q = prepareOrThrow(
        db, L("UPDATE shop_leases SET expires_at = :exp WHERE site = :site AND holder = :holder "
              "AND token = :token AND expires_at > :now"));
    q.bindValue(QStringLiteral(":exp"), nowMs + ttlMs);
    q.bindValue(QStringLiteral(":site"), site);
    q.bindValue(QStringLiteral(":holder"), holder);
    q.bindValue(QStringLiteral(":token"), token);
    q.bindValue(QStringLiteral(":now"), nowMs);
    execOrThrow(q, "check shop lease");
    return q.query().numRowsAffected() == 1;
}

std::optional<Lease> read(const QSqlDatabase &db, const QString &site)
{
    Statement q = prepareOrThrow(
        db, L("SELECT holder, token, expires_at FROM shop_leases WHERE site = :site"));
    q.bindValue(QStringLiteral(":site"), site);
    execOrThrow(q, "read shop lease");
    if (!q.next())
        return std::nullopt;
    return Lease{q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong()};
}

} // namespace haitao::server::orders::shopleases
