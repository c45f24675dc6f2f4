#include "sim/httpjson.h"

#include <QJsonDocument>

#include <httplib.h>

namespace haitao::sim {

void sendJson(httplib::Response &res, const QJsonObject &body, int status)
{
    const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    res.status = status;
    res.set_content(bytes.constData(), size_t(bytes.size()), "application/json");
}

void sendError(httplib::Response &res, int status, const QString &detail)
{
    sendJson(res, {{QStringLiteral("error"), detail}}, status);
}

QJsonObject parseBody(const httplib::Request &req, bool *ok)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(req.body), &error);
    *ok = error.error == QJsonParseError::NoError && doc.isObject();
    return doc.object();
}

} // namespace haitao::sim
