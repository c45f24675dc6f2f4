#include "backend-client/jsoncall.h"

namespace haitao::client {

ApiError unreadableAnswer(int status, const QString &why)
{
    ApiError e;
    e.kind = ProblemKind::Unknown;
    e.status = status;
    e.title = QStringLiteral("The server sent an unreadable answer");
    e.detail = why;
    return e;
}

std::optional<ApiError> rawAnswerError(const RawResponse &r)
{
    if (r.status == 0)
        return ApiError::network(r.networkError);
    if (r.status >= 400)
        return ApiError::fromResponse(r.status, r.body, r.header("Retry-After"),
                                      r.header("X-Request-Id"));
    return std::nullopt;
}

} // namespace haitao::client
