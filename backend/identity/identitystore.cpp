#include "backend/identity/identitystore.h"

#include "backend/storage/keyset.h"
#include "backend/storage/sqltext.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

#include <limits>

namespace haitao::server::identitystore {

namespace {

using sql::L;
using sql::text;

UserInfo readUser(const QSqlQuery &q)
{
    UserInfo u;
    u.id = q.value(0).toLongLong();
    u.username = q.value(1).toString();
    u.displayName = q.value(2).toString();
    u.role = roleFromString(q.value(3).toString()).value_or(Role::Customer);
    u.disabled = q.value(4).toInt() != 0;
    u.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(5).toLongLong(), Qt::UTC);
    return u;
}

constexpr const char *kUserColumns = "id, username, display_name, role, disabled, created_at";

std::optional<StoredUser> oneUser(Statement &q)
{
    execOrThrow(q, "read user");
    if (!q.next())
        return std::nullopt;
    return StoredUser{readUser(q.query()), q.value(6).toString()};
}

} // namespace

QList<Migration> migrations()
{
    Migration first{
        1,
        QStringLiteral("users, tokens, login failures, audit log"),
        {
            L("CREATE TABLE users ("
              " id %ID%,"
              " username TEXT NOT NULL UNIQUE,"
              " display_name TEXT NOT NULL,"
              " role TEXT NOT NULL CHECK (role IN ('admin','ops','translator','customer')),"
              " password_hash TEXT NOT NULL,"
              " disabled INTEGER NOT NULL DEFAULT 0,"
              " created_at BIGINT NOT NULL,"
              " updated_at BIGINT NOT NULL)"),
            L("CREATE INDEX users_role ON users(role, id)"),
            L("CREATE TABLE tokens ("
              " token_hash TEXT PRIMARY KEY,"
              " user_id BIGINT NOT NULL REFERENCES users(id),"
              " created_at BIGINT NOT NULL,"
              " expires_at BIGINT NOT NULL,"
              " revoked_at BIGINT)"),
            L("CREATE INDEX tokens_user ON tokens(user_id)"),
            L("CREATE TABLE login_failures ("
              " id %ID%,"
              " subject TEXT NOT NULL,"
              " at BIGINT NOT NULL)"),
            L("CREATE INDEX login_failures_subject ON login_failures(subject, at)"),
        },
        auditlog::sqliteGuards(),
        auditlog::postgresGuards(),
    };
    // The audit table is the shared one (same statements as at the first release).
    first.statements += auditlog::createStatements();
    first.statements += L("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    return {first};
}

qint64 insertUser(QSqlDatabase &db, const QString &username, const QString &displayName, Role role,
                  const QString &passwordHash, qint64 now)
{
    Statement q = prepareOrThrow(
        db, L("INSERT INTO users (username, display_name, role, password_hash, disabled, "
              "created_at, updated_at) VALUES (:u, :d, :r, :h, 0, :t, :t2) RETURNING id"));
    q.bindValue(QStringLiteral(":u"), username);
    q.bindValue(QStringLiteral(":d"), text(displayName));
    q.bindValue(QStringLiteral(":r"), roleToString(role));
    q.bindValue(QStringLiteral(":h"), passwordHash);
    q.bindValue(QStringLiteral(":t"), now);
    q.bindValue(QStringLiteral(":t2"), now);
    execOrThrow(q, "insert user");
    if (!q.next())
        throw StorageError(QStringLiteral("insert user returned no id"));
    return q.value(0).toLongLong();
}

std::optional<StoredUser> userByName(const QSqlDatabase &db, const QString &username)
{
    Statement q =
        prepareOrThrow(db, QStringLiteral("SELECT %1, password_hash FROM users WHERE username = :u")
                               .arg(QLatin1String(kUserColumns)));
    q.bindValue(QStringLiteral(":u"), username);
    return oneUser(q);
}

std::optional<StoredUser> userById(const QSqlDatabase &db, qint64 id)
{
    Statement q =
        prepareOrThrow(db, QStringLiteral("SELECT %1, password_hash FROM users WHERE id = :id")
                               .arg(QLatin1String(kUserColumns)));
    q.bindValue(QStringLiteral(":id"), id);
    return oneUser(q);
}

void updateUser(QSqlDatabase &db, const UserInfo &user, qint64 now)
{
    Statement q = prepareOrThrow(db, L("UPDATE users SET display_name = :d, role = :r, "
                                       "disabled = :x, updated_at = :t WHERE id = :id"));
    q.bindValue(QStringLiteral(":d"), text(user.displayName));
    q.bindValue(QStringLiteral(":r"), roleToString(user.role));
    q.bindValue(QStringLiteral(":x"), user.disabled ? 1 : 0);
    q.bindValue(QStringLiteral(":t"), now);
    q.bindValue(QStringLiteral(":id"), user.id);
    execOrThrow(q, "update user");
}

void setPasswordHash(QSqlDatabase &db, qint64 userId, const QString &hash, qint64 now)
{
    Statement q = prepareOrThrow(
        db, L("UPDATE users SET password_hash = :h, updated_at = :t WHERE id = :id"));
    q.bindValue(QStringLiteral(":h"), hash);
    q.bindValue(QStringLiteral(":t"), now);
    q.bindValue(QStringLiteral(":id"), userId);
    execOrThrow(q, "set password");
}

int countActiveAdmins(const QSqlDatabase &db)
{
    Statement q = prepareOrThrow(db, L("SELECT COUNT(*) FROM users WHERE role = 'admin' AND "
                                       "disabled = 0"));
    execOrThrow(q, "count admins");
    return q.next() ? q.value(0).toInt() : 0;
}

Page<UserInfo> listUsers(const QSqlDatabase &db, const UserFilter &filter)
{
    QString select =
        QStringLiteral("SELECT %1 FROM users WHERE id > :after").arg(QLatin1String(kUserColumns));
    if (filter.role)
        select += QStringLiteral(" AND role = :role");
    if (!filter.search.isEmpty())
        select += QStringLiteral(" AND (lower(username) LIKE :q ESCAPE '!' OR "
                                 "lower(display_name) LIKE :q2 ESCAPE '!')");
    select += QStringLiteral(" ORDER BY id LIMIT :n");
    Statement q = prepareOrThrow(db, select);
    q.bindValue(QStringLiteral(":after"), filter.afterId);
    if (filter.role)
        q.bindValue(QStringLiteral(":role"), roleToString(*filter.role));
    if (!filter.search.isEmpty()) {
        q.bindValue(QStringLiteral(":q"), sql::containsPattern(filter.search.toLower()));
        q.bindValue(QStringLiteral(":q2"), sql::containsPattern(filter.search.toLower()));
    }
    q.bindValue(QStringLiteral(":n"), filter.limit + 1);
    execOrThrow(q, "list users");
    return sql::readKeysetPage<UserInfo>(q, filter.limit, readUser);
}

void insertToken(QSqlDatabase &db, const QString &hash, qint64 userId, qint64 now, qint64 expires)
{
    Statement q = prepareOrThrow(db, L("INSERT INTO tokens (token_hash, user_id, created_at, "
                                       "expires_at) VALUES (:h, :u, :t, :e)"));
    q.bindValue(QStringLiteral(":h"), hash);
    q.bindValue(QStringLiteral(":u"), userId);
    q.bindValue(QStringLiteral(":t"), now);
    q.bindValue(QStringLiteral(":e"), expires);
    execOrThrow(q, "insert token");
}

void revokeToken(QSqlDatabase &db, const QString &hash, qint64 now)
{
    Statement q = prepareOrThrow(db, L("UPDATE tokens SET revoked_at = :t WHERE token_hash = :h "
                                       "AND revoked_at IS NULL"));
    q.bindValue(QStringLiteral(":t"), now);
    q.bindValue(QStringLiteral(":h"), hash);
    execOrThrow(q, "revoke token");
}

void deleteDeadTokens(QSqlDatabase &db, qint64 userId, qint64 now)
{
    Statement q = prepareOrThrow(db, L("DELETE FROM tokens WHERE user_id = :u AND "
                                       "(expires_at < :cut OR revoked_at < :cut2)"));
    q.bindValue(QStringLiteral(":u"), userId);
    q.bindValue(QStringLiteral(":cut"), now - 86400000);
    q.bindValue(QStringLiteral(":cut2"), now - 86400000);
    execOrThrow(q, "delete dead tokens");
}

void revokeUserTokens(QSqlDatabase &db, qint64 userId, qint64 now, const QString &keep)
{
    Statement q = prepareOrThrow(db, L("UPDATE tokens SET revoked_at = :t WHERE user_id = :u "
                                       "AND token_hash <> :keep AND revoked_at IS NULL"));
    q.bindValue(QStringLiteral(":t"), now);
    q.bindValue(QStringLiteral(":u"), userId);
    q.bindValue(QStringLiteral(":keep"), text(keep));
    execOrThrow(q, "revoke tokens");
}

std::optional<Principal> principalForToken(const QSqlDatabase &db, const QString &hash, qint64 now)
{
    Statement q = prepareOrThrow(
        db, L("SELECT u.id, u.username, u.display_name, u.role, u.disabled, u.created_at "
              "FROM tokens t JOIN users u ON u.id = t.user_id "
              "WHERE t.token_hash = :h AND t.revoked_at IS NULL AND t.expires_at > :now "
              "AND u.disabled = 0"));
    q.bindValue(QStringLiteral(":h"), hash);
    q.bindValue(QStringLiteral(":now"), now);
    execOrThrow(q, "authenticate");
    if (!q.next())
        return std::nullopt;
    const UserInfo user = readUser(q.query());
    return Principal{user.id, user.username, user.role, hash, user};
}

qint64 addLoginFailure(QSqlDatabase &db, const QString &subject, qint64 now, qint64 pruneBefore)
{
    Statement prune =
        prepareOrThrow(db, L("DELETE FROM login_failures WHERE subject = :s AND at < :before"));
    prune.bindValue(QStringLiteral(":s"), subject);
    prune.bindValue(QStringLiteral(":before"), pruneBefore);
    execOrThrow(prune, "prune login failures");
    Statement q = prepareOrThrow(
        db, L("INSERT INTO login_failures (subject, at) VALUES (:s, :t) RETURNING id"));
    q.bindValue(QStringLiteral(":s"), subject);
    q.bindValue(QStringLiteral(":t"), now);
    execOrThrow(q, "record login failure");
    if (!q.next())
        throw StorageError(QStringLiteral("record login failure returned no id"));
    return q.value(0).toLongLong();
}

void deleteLoginFailure(QSqlDatabase &db, qint64 id)
{
    Statement q = prepareOrThrow(db, L("DELETE FROM login_failures WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), id);
    execOrThrow(q, "delete login failure");
}

void clearLoginFailures(QSqlDatabase &db, const QString &subject)
{
    Statement q = prepareOrThrow(db, L("DELETE FROM login_failures WHERE subject = :s"));
    q.bindValue(QStringLiteral(":s"), subject);
    execOrThrow(q, "clear login failures");
}

std::optional<qint64> nthRecentFailure(const QSqlDatabase &db, const QString &subject, qint64 since,
                                       int n)
{
    Statement q = prepareOrThrow(db, L("SELECT at FROM login_failures WHERE subject = :s AND "
                                       "at > :since ORDER BY at DESC LIMIT 1 OFFSET :k"));
    q.bindValue(QStringLiteral(":s"), subject);
    q.bindValue(QStringLiteral(":since"), since);
    q.bindValue(QStringLiteral(":k"), n - 1);
    execOrThrow(q, "count login failures");
    if (!q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

QString meta(const QSqlDatabase &db, const QString &key)
{
    Statement q = prepareOrThrow(db, L("SELECT value FROM meta WHERE key = :k"));
    q.bindValue(QStringLiteral(":k"), key);
    execOrThrow(q, "read meta");
    return q.next() ? q.value(0).toString() : QString();
}

void setMeta(QSqlDatabase &db, const QString &key, const QString &value)
{
    Statement del = prepareOrThrow(db, L("DELETE FROM meta WHERE key = :k"));
    del.bindValue(QStringLiteral(":k"), key);
    execOrThrow(del, "write meta");
    Statement q = prepareOrThrow(db, L("INSERT INTO meta (key, value) VALUES (:k, :v)"));
    q.bindValue(QStringLiteral(":k"), key);
    q.bindValue(QStringLiteral(":v"), value);
    execOrThrow(q, "write meta");
}

} // namespace haitao::server::identitystore
