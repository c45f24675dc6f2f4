#include "backend/http/query.h"

namespace haitao::server {

ApiError badQuery(const QString &name, const QString &message)
{
    return ApiError(ProblemKind::MalformedRequest, QStringLiteral("Bad query parameters"),
                    {{name, message}});
}

std::optional<qint64> QueryFields::integer(const QString &name, qint64 min, qint64 max)
{
    const QString text = m_request.query(name);
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < min || value > max) {
        fail(name, QStringLiteral("must be a number from %1 to %2").arg(min).arg(max));
        return std::nullopt;
    }
    return value;
}

std::optional<qint64> QueryFields::id(const QString &name, const QString &what)
{
    const QString text = m_request.query(name);
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value <= 0) {
        fail(name, QStringLiteral("must be %1").arg(what));
        return std::nullopt;
    }
    return value;
}

void QueryFields::done() const
{
    if (!m_errors.isEmpty())
        throw ApiError(ProblemKind::MalformedRequest, QStringLiteral("Bad query parameters"),
                       m_errors);
}

qint64 queryInteger(const Request &request, const QString &name, qint64 defaultValue, qint64 min,
                    qint64 max)
{
    QueryFields q(request);
    const auto value = q.integer(name, min, max);
    q.done();
    return value.value_or(defaultValue);
}

} // namespace haitao::server
