#include "backend/http/actor.h"

namespace haitao::server {

Actor Actor::of(const Request &request)
{
    Actor a;
    if (request.principal) {
        a.id = request.principal->userId;
        a.name = request.principal->username;
    } else {
        a.name = QStringLiteral("anonymous");
    }
    a.address = request.remoteAddress;
    return a;
}

} // namespace haitao::server
