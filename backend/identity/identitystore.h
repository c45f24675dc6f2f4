#pragma once

#include "backend/http/request.h"
#include "backend/storage/auditlog.h"
#include "backend/storage/migrations.h"
#include "core/audit.h"
#include "core/page.h"
#include "core/user.h"

#include <QSqlDatabase>

#include <optional>

namespace haitao::server {

struct StoredUser
{
    UserInfo info;
    QString passwordHash;
};

struct UserFilter
{
    QString search;
    std::optional<Role> role;
    qint64 afterId = 0;
    int limit = 50;
};

// The SQL of the identity component, and nothing else: users, tokens, login failures, the
// audit log. Every function takes the connection so the caller decides on the transaction
// and on primary versus replica.
namespace identitystore {

QList<Migration> migrations();

qint64 insertUser(QSqlDatabase &db, const QString &username, const QString &displayName, Role role,
                  const QString &passwordHash, qint64 now);
std::optional<StoredUser> userByName(const QSqlDatabase &db, const QString &username);
std::optional<StoredUser> userById(const QSqlDatabase &db, qint64 id);
void updateUser(QSqlDatabase &db, const UserInfo &user, qint64 now);
void setPasswordHash(QSqlDatabase &db, qint64 userId, const QString &hash, qint64 now);
int countActiveAdmins(const QSqlDatabase &db);
Page<UserInfo> listUsers(const QSqlDatabase &db, const UserFilter &filter);

void insertToken(QSqlDatabase &db, const QString &hash, qint64 userId, qint64 now, qint64 expires);
void revokeToken(QSqlDatabase &db, const QString &hash, qint64 now);
// Drops the user's tokens that expired or were revoked more than a day ago.
void deleteDeadTokens(QSqlDatabase &db, qint64 userId, qint64 now);
// Revokes every live token of the user except `keep` (a token hash), if given.
void revokeUserTokens(QSqlDatabase &db, qint64 userId, qint64 now, const QString &keep = {});
std::optional<Principal> principalForToken(const QSqlDatabase &db, const QString &hash, qint64 now);

// Records a failure (and drops the subject's ones older than `pruneBefore`); returns its id.
qint64 addLoginFailure(QSqlDatabase &db, const QString &subject, qint64 now, qint64 pruneBefore);
void deleteLoginFailure(QSqlDatabase &db, qint64 id);
void clearLoginFailures(QSqlDatabase &db, const QString &subject);
// Time of the n-th most recent failure of `subject` after `since`, if there are n.
std::optional<qint64> nthRecentFailure(const QSqlDatabase &db, const QString &subject, qint64 since,
                                       int n);

QString meta(const QSqlDatabase &db, const QString &key);
void setMeta(QSqlDatabase &db, const QString &key, const QString &value);

} // namespace identitystore
} // namespace haitao::server
