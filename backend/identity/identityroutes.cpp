#include "backend/identity/identityroutes.h"

#include "backend/http/fields.h"
#include "backend/http/paging.h"
#include "backend/identity/identityservice.h"

#include <QJsonArray>

namespace haitao::server {

void addIdentityRoutes(Router &router, IdentityService &identity)
{
    const Access admin = Access::only({Role::Admin});

    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/register"),
               Access::publicRoute(), Body::Json, [&identity](const Request &r) {
                   Fields f(r.body);
                   const QString username = f.requiredString(QStringLiteral("username"), 1, 64);
                   const QString password = f.requiredString(QStringLiteral("password"), 1, 1024);
                   const auto display = f.optionalString(QStringLiteral("displayName"), 1, 64);
                   f.done();
                   return Response::json(identity
                                             .registerCustomer(username, password,
                                                               display.value_or(QString()),
                                                               r.remoteAddress)
                                             .toJson(),
                                         201);
               });

    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/login"), Access::publicRoute(),
               Body::Json, [&identity](const Request &r) {
                   Fields f(r.body);
                   const QString username = f.requiredString(QStringLiteral("username"), 1, 64);
                   const QString password = f.requiredString(QStringLiteral("password"), 1, 1024);
                   f.done();
                   return Response::json(
                       identity.login(username, password, r.remoteAddress).toJson());
               });

    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/logout"), Access::signedIn(),
               Body::None, [&identity](const Request &r) {
                   identity.logout(r.user(), r.remoteAddress);
                   return Response::noContent();
               });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/auth/me"), Access::signedIn(),
               Body::None,
               [&identity](const Request &r) { return Response::json(r.user().user.toJson()); });

    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/password"), Access::signedIn(),
               Body::Json, [&identity](const Request &r) {
                   Fields f(r.body);
                   const QString current =
                       f.requiredString(QStringLiteral("currentPassword"), 1, 1024);
                   const QString replacement =
                       f.requiredString(QStringLiteral("newPassword"), 1, 1024);
                   f.done();
                   identity.changePassword(r.user(), current, replacement, r.remoteAddress);
                   return Response::noContent();
               });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/admin/users"), admin, Body::None,
               [&identity](const Request &r) {
                   const Paging paging = readPaging(r, 50, 200);
                   UserFilter filter;
                   filter.afterId = paging.cursor;
                   filter.limit = paging.limit;
                   filter.search = r.query(QStringLiteral("q")).left(64);
                   if (const QString role = r.query(QStringLiteral("role")); !role.isEmpty()) {
                       filter.role = roleFromString(role);
                       if (!filter.role)
                           throw ApiError(ProblemKind::MalformedRequest,
                                          QStringLiteral("Unknown role '%1'").arg(role),
                                          {{QStringLiteral("role"),
                                            QStringLiteral("must be one of: ") +
                                                allRoleNames().join(QStringLiteral(", "))}});
                   }
                   return Response::json(pageJson(identity.listUsers(filter)));
               });

    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/admin/users"), admin, Body::Json,
               [&identity](const Request &r) {
                   Fields f(r.body);
                   NewUserData data;
                   data.username = f.requiredString(QStringLiteral("username"), 1, 64);
                   data.displayName =
                       f.optionalString(QStringLiteral("displayName"), 1, 64).value_or(QString());
                   data.role = f.requiredRole(QStringLiteral("role"));
                   data.password = f.requiredString(QStringLiteral("password"), 1, 1024);
                   f.done();
                   return Response::json(identity.createUser(Actor::of(r), data).toJson(), 201);
               });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/admin/users/{id}"), admin, Body::None,
               [&identity](const Request &r) {
                   return Response::json(identity.user(r.idParam(QStringLiteral("id"))).toJson());
               });

    router.add(QStringLiteral("PATCH"), QStringLiteral("/api/v1/admin/users/{id}"), admin,
               Body::Json, [&identity](const Request &r) {
                   const qint64 id = r.idParam(QStringLiteral("id"));
                   Fields f(r.body);
                   UserChanges changes;
                   changes.role = f.optionalRole(QStringLiteral("role"));
                   changes.disabled = f.optionalBool(QStringLiteral("disabled"));
                   changes.displayName = f.optionalString(QStringLiteral("displayName"), 1, 64);
                   f.done();
                   return Response::json(identity.updateUser(Actor::of(r), id, changes).toJson());
               });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/admin/audit"), admin, Body::None,
               [&identity](const Request &r) {
                   const Paging paging = readPaging(r, 100, 500);
                   AuditFilter filter;
                   filter.beforeId = paging.cursor;
                   filter.limit = paging.limit;
                   filter.action = r.query(QStringLiteral("action")).left(64);
                   filter.actor = r.query(QStringLiteral("actor")).toLower().left(64);
                   return Response::json(pageJson(identity.listAudit(filter)));
               });
}

} // namespace haitao::server
