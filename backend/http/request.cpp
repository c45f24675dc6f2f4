#include "backend/http/request.h"

#include "backend/http/apierror.h"

#include <QJsonDocument>

namespace haitao::server {

qint64 Request::idParam(const QString &name) const
{
    bool ok = false;
    const qint64 id = pathParams.value(name).toLongLong(&ok);
    if (!ok || id <= 0)
        throw ApiError(ProblemKind::NotFound, QStringLiteral("No such resource"));
    return id;
}

Response Response::json(const QJsonObject &object, int status)
{
    Response r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

Response Response::noContent()
{
    Response r;
    r.status = 204;
    r.contentType.clear();
    return r;
}

Response Response::text(QByteArray body, QByteArray contentType)
{
    Response r;
    r.body = std::move(body);
    r.contentType = std::move(contentType);
    return r;
}

} // namespace haitao::server
