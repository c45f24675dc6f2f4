#pragma once

#include "backend/http/request.h"
#include "core/role.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace haitao::server {

// Who may call a route. Default deny: a route names its roles, or is explicitly public.
struct Access
{
    bool isPublic = false;
    QList<Role> roles; // empty and not public: any signed-in user

    static Access publicRoute() { return {true, {}}; }
    static Access signedIn() { return {false, {}}; }
    static Access only(QList<Role> roles) { return {false, std::move(roles)}; }
    bool allows(Role role) const { return isPublic || roles.isEmpty() || roles.contains(role); }
};

enum class Body {
    None, // any body is ignored
    Json, // a JSON object, Content-Type application/json; an empty body reads as {}
    Raw,  // bytes as sent (feed uploads), up to the upload limit; the handler checks the type
    // Bytes as sent, up to the request body limit: signed notifications from outside (payment
    // gateway, carriers), whose signature covers the exact bytes. Public routes: never the
    // upload limit.
    Signed,
};

using Handler = std::function<Response(const Request &)>;

struct Route
{
    QString method;  // GET, POST, PUT, PATCH, DELETE
    QString pattern; // e.g. /api/v1/admin/users/{id}
    Access access;
    Body body = Body::None;
    Handler handler;
    QStringList segments; // pattern split on '/'
};

// The route table. Matching is by path segments; `{name}` matches one segment.
class Router
{
public:
    void add(const QString &method, const QString &pattern, Access access, Body body,
             Handler handler);

    struct Match
    {
        const Route *route = nullptr;
        QHash<QString, QString> params;
        QStringList allowed; // methods of routes whose path matched, for 405
    };
    Match match(const QString &method, const QString &path) const;

    const QList<Route> &routes() const { return m_routes; }

private:
    QList<Route> m_routes;
};

} // namespace haitao::server
