#pragma once

#include "backend/http/apierror.h"
#include "backend/http/request.h"

#include <optional>

namespace haitao::server {

// A bad query parameter: 400 malformed-request naming it (a bad body field is 422 instead).
ApiError badQuery(const QString &name, const QString &message);

// Reads query parameters, collecting every problem so that one 400 lists all of them; call
// done() after the last read. The counterpart of Fields for the query string.
class QueryFields
{
public:
    explicit QueryFields(const Request &request)
        : m_request(request)
    {}

    // A whole number from min to max; absent or empty is nullopt and no problem.
    std::optional<qint64> integer(const QString &name, qint64 min, qint64 max);
    // An id this API gave (1 or more): `what` names it in the problem ("a shipment id").
    std::optional<qint64> id(const QString &name, const QString &what);

    void fail(const QString &name, const QString &message) { m_errors.append({name, message}); }
    void done() const; // throws ApiError MalformedRequest when anything failed

private:
    const Request &m_request;
    QList<FieldProblem> m_errors;
};

// One whole-number parameter from min to max, `defaultValue` when absent; throws at once.
qint64 queryInteger(const Request &request, const QString &name, qint64 defaultValue, qint64 min,
                    qint64 max);

} // namespace haitao::server
