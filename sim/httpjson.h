#pragma once

#include <QJsonObject>
#include <QString>

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace haitao::sim {

// JSON in and out of the simulator's handlers.
void sendJson(httplib::Response &res, const QJsonObject &body, int status = 200);
// {"error": detail}, the shape every simulated API answers errors with.
void sendError(httplib::Response &res, int status, const QString &detail);
// The request body as a JSON object; *ok false when it is not one.
QJsonObject parseBody(const httplib::Request &req, bool *ok);

} // namespace haitao::sim
