#include "backend/http/paging.h"

#include "backend/http/query.h"

namespace haitao::server {

Paging readPaging(const Request &request, int defaultLimit, int maxLimit)
{
    QueryFields q(request);
    const Paging p = readPaging(q, defaultLimit, maxLimit);
    q.done();
    return p;
}

Paging readPaging(QueryFields &q, int defaultLimit, int maxLimit)
{
    Paging p;
    p.cursor = q.id(QStringLiteral("cursor"), QStringLiteral("a cursor this API gave")).value_or(0);
    p.limit = int(q.integer(QStringLiteral("limit"), 1, maxLimit).value_or(defaultLimit));
    return p;
}

} // namespace haitao::server
