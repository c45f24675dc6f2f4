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

} // namespace haitao::client
