#include "backend/http/router.h"

namespace haitao::server {

void Router::add(const QString &method, const QString &pattern, Access access, Body body,
                 Handler handler)
{
    Route r{method,
            pattern,
            std::move(access),
            body,
            std::move(handler),
            pattern.split(QLatin1Char('/'))};
    m_routes.append(std::move(r));
}

Router::Match Router::match(const QString &method, const QString &path) const
{
    Match result;
    const QStringList parts = path.split(QLatin1Char('/'));
    for (const Route &route : m_routes) {
        if (route.segments.size() != parts.size())
            continue;
        QHash<QString, QString> params;
        bool matches = true;
        for (qsizetype i = 0; i < parts.size() && matches; ++i) {
            const QString &seg = route.segments.at(i);
            if (seg.startsWith(QLatin1Char('{')) && seg.endsWith(QLatin1Char('}'))) {
                if (parts.at(i).isEmpty())
                    matches = false;
                else
                    params.insert(seg.mid(1, seg.size() - 2), parts.at(i));
            } else if (seg != parts.at(i)) {
                matches = false;
            }
        }
        if (!matches)
            continue;
        if (route.method == method ||
            (method == QLatin1String("HEAD") && route.method == QLatin1String("GET"))) {
            result.route = &route;
            result.params = std::move(params);
            return result;
        }
        result.allowed.append(route.method);
    }
    return result;
}

} // namespace haitao::server
