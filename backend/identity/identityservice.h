#pragma once

#include "backend/config.h"
#include "backend/http/actor.h"
#include "backend/http/apierror.h"
#include "backend/http/request.h"
#include "backend/identity/identitystore.h"
#include "backend/storage/database.h"

#include <optional>

namespace haitao::server {

struct NewUserData
{
    QString username;
    QString displayName;
    Role role = Role::Ops;
    QString password;
};

struct UserChanges
{
    std::optional<Role> role;
    std::optional<bool> disabled;
    std::optional<QString> displayName;
};

// Users, sign-in and the audit log: the rules of the identity component. Throws ApiError for
// anything the caller did wrong; every change is audited in the same transaction.
class IdentityService
{
public:
    IdentityService(Database &db, const Config &config);

    void migrate();

    UserInfo registerCustomer(const QString &username, const QString &password,
                              const QString &displayName, const QString &address);
    Session login(const QString &username, const QString &password, const QString &address);
    void logout(const Principal &principal, const QString &address);
    std::optional<Principal> authenticate(const QString &token);
    UserInfo user(qint64 id);
    // Exactly this user name, from the primary; nullopt when there is none.
    std::optional<UserInfo> userNamed(const QString &username);
    void changePassword(const Principal &principal, const QString &current,
                        const QString &replacement, const QString &address);

    UserInfo createUser(const Actor &actor, const NewUserData &data);
    UserInfo updateUser(const Actor &actor, qint64 id, const UserChanges &changes);
    Page<UserInfo> listUsers(const UserFilter &filter);
    Page<AuditEntry> listAudit(const AuditFilter &filter);

    // Creates the first admin when there is none. Returns the password if it generated one
    // (to be shown once), else an empty string.
    QString ensureAdmin(const QString &password);
    // Creates the demo staff and customer accounts once.
    bool seedDemo();

    static void checkUsername(const QString &username, QList<FieldProblem> *errors);
    static void checkPassword(const QString &password, const QString &field,
                              QList<FieldProblem> *errors);

private:
    qint64 now() const { return m_config.clock(); }
    void audit(QSqlDatabase &db, const Actor &actor, const QString &action,
               const QString &targetType, const QString &targetId, const QJsonObject &detail = {});
    // The 429 to answer when `subject` has `maxFailures` failures within the window.
    std::optional<ApiError> lockedOut(const QSqlDatabase &db, const QString &subject,
                                      int maxFailures) const;
    UserInfo insertUser(QSqlDatabase &db, const Actor &actor, const NewUserData &data,
                        const QString &passwordHash, const QString &action);

    Database &m_db;
    const Config &m_config;
    QString m_dummyHash; // verified against for unknown users, so timing does not tell
};

} // namespace haitao::server
