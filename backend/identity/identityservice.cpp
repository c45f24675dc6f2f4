#include "backend/identity/identityservice.h"

#include "backend/http/apierror.h"
#include "backend/identity/crypto.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace haitao::server {

namespace {

QString accountSubject(const QString &username)
{
    return QStringLiteral("user:") + username;
}

QString addressSubject(const QString &address)
{
    return QStringLiteral("addr:") + address;
}

} // namespace

IdentityService::IdentityService(Database &db, const Config &config)
    : m_db(db)
    , m_config(config)
    , m_dummyHash(hashPassword(QStringLiteral("not a real password"), config.hashProfile))
{}

void IdentityService::migrate()
{
    server::migrate(m_db, identitystore::migrations());
}

void IdentityService::checkUsername(const QString &username, QList<FieldProblem> *errors)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9._-]{2,31}$"));
    if (!pattern.match(username).hasMatch())
        errors->append({QStringLiteral("username"),
                        QStringLiteral("3 to 32 characters: letters, digits, '.', '_' or '-', "
                                       "starting with a letter or digit")});
}

void IdentityService::checkPassword(const QString &password, const QString &field,
                                    QList<FieldProblem> *errors)
{
    if (password.size() < 8 || password.size() > 128)
        errors->append({field, QStringLiteral("must be 8 to 128 characters")});
}

void IdentityService::audit(QSqlDatabase &db, const Actor &actor, const QString &action,
                            const QString &targetType, const QString &targetId,
                            const QJsonObject &detail)
{
    auditlog::record(db, actor, now(), action, targetType, targetId, detail);
}

UserInfo IdentityService::insertUser(QSqlDatabase &db, const Actor &actor, const NewUserData &data,
                                     const QString &passwordHash, const QString &action)
{
    if (identitystore::userByName(db, data.username))
        throw ApiError(ProblemKind::Conflict,
                       QStringLiteral("The user name '%1' is taken").arg(data.username),
                       {{QStringLiteral("username"), QStringLiteral("is taken")}});
    const QString displayName = data.displayName.isEmpty() ? data.username : data.displayName;
    const qint64 id =
        identitystore::insertUser(db, data.username, displayName, data.role, passwordHash, now());
    audit(db, actor, action, QStringLiteral("user"), QString::number(id),
          {{QStringLiteral("username"), data.username},
           {QStringLiteral("role"), roleToString(data.role)}});
    return identitystore::userById(db, id)->info;
}

UserInfo IdentityService::registerCustomer(const QString &username, const QString &password,
                                           const QString &displayName, const QString &address)
{
    const QString name = username.toLower();
    QList<FieldProblem> errors;
    checkUsername(name, &errors);
    checkPassword(password, QStringLiteral("password"), &errors);
    if (!errors.isEmpty())
        throw ApiError::validation(errors);
    // Hashing is slow: done before the transaction so that it holds no lock.
    const QString hash = hashPassword(password, m_config.hashProfile);
    UserInfo created;
    Actor actor{0, name, address};
    m_db.write([&](QSqlDatabase &db) {
        created = insertUser(db, actor, {name, displayName, Role::Customer, password}, hash,
                             QStringLiteral("user.registered"));
    });
    return created;
}

std::optional<ApiError> IdentityService::lockedOut(const QSqlDatabase &db, const QString &subject,
                                                   int maxFailures) const
{
    const qint64 window = qint64(m_config.lockout.windowSeconds) * 1000;
    const auto nth = identitystore::nthRecentFailure(db, subject, now() - window, maxFailures);
    if (!nth)
        return std::nullopt;
    ApiError e(ProblemKind::TooManyRequests,
               QStringLiteral("Too many failed sign-ins; try again later"));
    e.retryAfterSeconds = int(std::max<qint64>(1, (*nth + window - now() + 999) / 1000));
    return e;
}

Session IdentityService::login(const QString &username, const QString &password,
                               const QString &address)
{
    const QString name = username.toLower();
    const Actor anonymous{0, name, address};
    const qint64 pruneBefore = now() - qint64(m_config.lockout.windowSeconds) * 1000;

    // Each attempt first takes a failure slot, in the same transaction as the lockout check,
    // so that parallel guesses cannot slip past the limit together. A successful sign-in
    // gives its slots back.
    std::optional<ApiError> locked;
    qint64 addressSlot = 0;
    m_db.write([&](QSqlDatabase &db) {
        locked = lockedOut(db, accountSubject(name), m_config.lockout.maxFailuresPerAccount);
        if (!locked)
            locked = lockedOut(db, addressSubject(address), m_config.lockout.maxFailuresPerAddress);
        if (locked) {
            audit(db, anonymous, QStringLiteral("auth.login_refused"), QStringLiteral("user"), name,
                  {{QStringLiteral("reason"), QStringLiteral("locked out")}});
            return;
        }
        identitystore::addLoginFailure(db, accountSubject(name), now(), pruneBefore);
        addressSlot =
            identitystore::addLoginFailure(db, addressSubject(address), now(), pruneBefore);
    });
    if (locked)
        throw *locked;

    // The slow argon2id check runs outside any transaction so that it never holds a lock.
    const std::optional<StoredUser> stored = identitystore::userByName(m_db.writer(), name);
    const bool passwordOk = verifyPassword(stored ? stored->passwordHash : m_dummyHash, password);
    if (!stored || !passwordOk) {
        m_db.write([&](QSqlDatabase &db) {
            audit(db, anonymous, QStringLiteral("auth.login_failed"), QStringLiteral("user"), name,
                  {{QStringLiteral("reason"),
                    stored ? QStringLiteral("wrong password") : QStringLiteral("unknown user")}});
        });
        throw ApiError(ProblemKind::Unauthenticated,
                       QStringLiteral("The user name or password is wrong"));
    }
    if (stored->info.disabled) {
        m_db.write([&](QSqlDatabase &db) {
            identitystore::clearLoginFailures(db, accountSubject(name));
            identitystore::deleteLoginFailure(db, addressSlot);
            audit(db, anonymous, QStringLiteral("auth.login_refused"), QStringLiteral("user"), name,
                  {{QStringLiteral("reason"), QStringLiteral("account disabled")}});
        });
        throw ApiError(ProblemKind::Forbidden, QStringLiteral("This account is disabled"));
    }

    Session session;
    session.token = newToken();
    session.user = stored->info;
    const qint64 expires = now() + m_config.tokenTtlSeconds * 1000;
    session.expiresAt = QDateTime::fromMSecsSinceEpoch(expires, Qt::UTC);
    const bool rehash = passwordNeedsRehash(stored->passwordHash, m_config.hashProfile);
    const QString newHash = rehash ? hashPassword(password, m_config.hashProfile) : QString();
    m_db.write([&](QSqlDatabase &db) {
        identitystore::clearLoginFailures(db, accountSubject(name));
        identitystore::deleteLoginFailure(db, addressSlot);
        identitystore::deleteDeadTokens(db, stored->info.id, now());
        identitystore::insertToken(db, tokenHash(session.token), stored->info.id, now(), expires);
        if (rehash)
            identitystore::setPasswordHash(db, stored->info.id, newHash, now());
        audit(db, {stored->info.id, name, address}, QStringLiteral("auth.login"),
              QStringLiteral("user"), QString::number(stored->info.id));
    });
    return session;
}

void IdentityService::logout(const Principal &principal, const QString &address)
{
    m_db.write([&](QSqlDatabase &db) {
        identitystore::revokeToken(db, principal.tokenHash, now());
        audit(db, {principal.userId, principal.username, address}, QStringLiteral("auth.logout"),
              QStringLiteral("user"), QString::number(principal.userId));
    });
}

std::optional<Principal> IdentityService::authenticate(const QString &token)
{
    if (token.isEmpty() || token.size() > 256)
        return std::nullopt;
    // The primary, not a replica: a token issued a moment ago must work at once.
    return identitystore::principalForToken(m_db.writer(), tokenHash(token), now());
}

UserInfo IdentityService::user(qint64 id)
{
    // The primary: a user who just registered must find themselves at once.
    const auto stored = identitystore::userById(m_db.writer(), id);
    if (!stored)
        throw ApiError(ProblemKind::NotFound, QStringLiteral("No user %1").arg(id));
    return stored->info;
}

std::optional<UserInfo> IdentityService::userNamed(const QString &username)
{
    const auto stored = identitystore::userByName(m_db.writer(), username);
    if (!stored)
        return std::nullopt;
    return stored->info;
}

void IdentityService::changePassword(const Principal &principal, const QString &current,
                                     const QString &replacement, const QString &address)
{
    QList<FieldProblem> errors;
    checkPassword(replacement, QStringLiteral("newPassword"), &errors);
    if (!errors.isEmpty())
        throw ApiError::validation(errors);
    const auto stored = identitystore::userById(m_db.writer(), principal.userId);
    if (!stored || !verifyPassword(stored->passwordHash, current))
        throw ApiError(ProblemKind::Validation, QStringLiteral("The current password is wrong"),
                       {{QStringLiteral("currentPassword"), QStringLiteral("is wrong")}});
    const QString hash = hashPassword(replacement, m_config.hashProfile);
    m_db.write([&](QSqlDatabase &db) {
        identitystore::setPasswordHash(db, principal.userId, hash, now());
        // Other sessions end; this one goes on.
        identitystore::revokeUserTokens(db, principal.userId, now(), principal.tokenHash);
        audit(db, {principal.userId, principal.username, address},
              QStringLiteral("user.password_changed"), QStringLiteral("user"),
              QString::number(principal.userId));
    });
}

UserInfo IdentityService::createUser(const Actor &actor, const NewUserData &input)
{
    NewUserData data = input;
    data.username = data.username.toLower();
    QList<FieldProblem> errors;
    checkUsername(data.username, &errors);
    checkPassword(data.password, QStringLiteral("password"), &errors);
    if (data.role == Role::Customer)
        errors.append({QStringLiteral("role"),
                       QStringLiteral("customers register themselves; choose admin, ops or "
                                      "translator")});
    if (!errors.isEmpty())
        throw ApiError::validation(errors);
    const QString hash = hashPassword(data.password, m_config.hashProfile);
    UserInfo created;
    m_db.write([&](QSqlDatabase &db) {
        created = insertUser(db, actor, data, hash, QStringLiteral("user.created"));
    });
    return created;
}

UserInfo IdentityService::updateUser(const Actor &actor, qint64 id, const UserChanges &changes)
{
    UserInfo result;
    m_db.write([&](QSqlDatabase &db) {
        const auto stored = identitystore::userById(db, id);
        if (!stored)
            throw ApiError(ProblemKind::NotFound, QStringLiteral("No user %1").arg(id));
        UserInfo user = stored->info;
        const UserInfo before = user;
        if (changes.role && isStaff(*changes.role) != isStaff(before.role))
            throw ApiError(
                ProblemKind::Validation, QStringLiteral("Staff and customer accounts are separate"),
                {{QStringLiteral("role"),
                  isStaff(before.role) ? QStringLiteral("a staff account keeps a staff role")
                                       : QStringLiteral("a customer account stays a customer")}});
        if (changes.displayName)
            user.displayName = *changes.displayName;
        if (changes.role)
            user.role = *changes.role;
        if (changes.disabled)
            user.disabled = *changes.disabled;

        const bool losesAdmin = before.role == Role::Admin && !before.disabled &&
                                (user.role != Role::Admin || user.disabled);
        if (losesAdmin && id == actor.id)
            throw ApiError(ProblemKind::Conflict,
                           QStringLiteral("You cannot demote or disable your own account"));
        if (losesAdmin && identitystore::countActiveAdmins(db) <= 1)
            throw ApiError(ProblemKind::Conflict,
                           QStringLiteral("The last active admin cannot be demoted or disabled"));

        identitystore::updateUser(db, user, now());
        const QString target = QString::number(id);
        if (user.role != before.role)
            audit(db, actor, QStringLiteral("user.role_changed"), QStringLiteral("user"), target,
                  {{QStringLiteral("username"), user.username},
                   {QStringLiteral("from"), roleToString(before.role)},
                   {QStringLiteral("to"), roleToString(user.role)}});
        if (user.disabled != before.disabled) {
            audit(db, actor,
                  user.disabled ? QStringLiteral("user.disabled") : QStringLiteral("user.enabled"),
                  QStringLiteral("user"), target, {{QStringLiteral("username"), user.username}});
            if (user.disabled)
                identitystore::revokeUserTokens(db, id, now());
        }
        if (user.displayName != before.displayName)
            audit(db, actor, QStringLiteral("user.renamed"), QStringLiteral("user"), target,
                  {{QStringLiteral("from"), before.displayName},
                   {QStringLiteral("to"), user.displayName}});
        result = user;
    });
    return result;
}

Page<UserInfo> IdentityService::listUsers(const UserFilter &filter)
{
    return identitystore::listUsers(m_db.reader(), filter);
}

Page<AuditEntry> IdentityService::listAudit(const AuditFilter &filter)
{
    return auditlog::list(m_db.reader(), filter);
}

QString IdentityService::ensureAdmin(const QString &password)
{
    if (identitystore::countActiveAdmins(m_db.writer()) > 0)
        return {};
    QList<FieldProblem> errors;
    checkPassword(password, QStringLiteral("HAITAO_ADMIN_PASSWORD"), &errors);
    if (!password.isEmpty() && !errors.isEmpty())
        throw StorageError(QStringLiteral("HAITAO_ADMIN_PASSWORD must be 8 to 128 characters"));
    const QString chosen = password.isEmpty() ? randomPassword() : password;
    const QString hash = hashPassword(chosen, m_config.hashProfile);
    bool created = false;
    m_db.write([&](QSqlDatabase &db) {
        // Checked again inside the transaction: instances starting together create one admin.
        if (identitystore::countActiveAdmins(db) > 0)
            return;
        created = true;
        if (identitystore::userByName(db, QStringLiteral("admin")))
            throw StorageError(QStringLiteral("no active admin, and the user name 'admin' is "
                                              "taken: enable an admin in the identity store"));
        insertUser(db, Actor{},
                   {QStringLiteral("admin"), QStringLiteral("Administrator"), Role::Admin, chosen},
                   hash, QStringLiteral("user.created"));
    });
    return created && password.isEmpty() ? chosen : QString();
}

bool IdentityService::seedDemo()
{
    if (!identitystore::meta(m_db.writer(), QStringLiteral("demo_seeded")).isEmpty())
        return false;
    struct Demo
    {
        const char *name, *display, *password;
        Role role;
    };
    const Demo accounts[] = {
        {"ops", "Li Na (ops)", "ops-demo-pass", Role::Ops},
        {"translator", "Wang Fang (translator)", "translator-demo-pass", Role::Translator},
        {"customer", "Zhang Wei", "customer-demo-pass", Role::Customer},
    };
    QStringList hashes;
    for (const Demo &d : accounts)
        hashes << hashPassword(QString::fromLatin1(d.password), m_config.hashProfile);
    m_db.write([&](QSqlDatabase &db) {
        for (qsizetype i = 0; i < hashes.size(); ++i) {
            const Demo &d = accounts[i];
            const QString name = QString::fromLatin1(d.name);
            if (!identitystore::userByName(db, name))
                insertUser(db, Actor{}, {name, QString::fromUtf8(d.display), d.role, QString()},
                           hashes.at(i), QStringLiteral("user.created"));
        }
        identitystore::setMeta(db, QStringLiteral("demo_seeded"), QString::number(now()));
    });
    return true;
}

} // namespace haitao::server
