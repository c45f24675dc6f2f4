#pragma once

#include "backend/http/request.h"

#include <QString>

namespace haitao::server {

// Who is acting, for the audit logs of every component.
struct Actor
{
    qint64 id = 0; // 0: the system itself
    QString name = QStringLiteral("system");
    QString address;

    static Actor of(const Request &request);
};

} // namespace haitao::server
