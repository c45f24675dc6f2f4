#include "backend/http/paging.h"

#include "backend/http/apierror.h"

namespace haitao::server {

Paging readPaging(const Request &request, int defaultLimit, int maxLimit)
{
    Paging p{0, defaultLimit};
    QList<FieldProblem> errors;
    if (const QString c = request.query(QStringLiteral("cursor")); !c.isEmpty()) {
        bool ok = false;
        p.cursor = c.toLongLong(&ok);
        if (!ok || p.cursor <= 0)
            errors.append(
                {QStringLiteral("cursor"), QStringLiteral("is not a cursor this API gave")});
    }
    if (const QString l = request.query(QStringLiteral("limit")); !l.isEmpty()) {
        bool ok = false;
        p.limit = l.toInt(&ok);
        if (!ok || p.limit < 1 || p.limit > maxLimit)
            errors.append({QStringLiteral("limit"),
                           QStringLiteral("must be a number from 1 to %1").arg(maxLimit)});
    }
    if (!errors.isEmpty())
        throw ApiError(ProblemKind::MalformedRequest, QStringLiteral("Bad query parameters"),
                       errors);
    return p;
}

} // namespace haitao::server
