#pragma once

#include "backend-client/apiclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

// Reading raw answers in server tests: the JSON body, a problem's field paths and type, and
// a short description for failure messages.
namespace haitao::testing {

// A request body as the tests send it.
inline QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

inline QJsonObject body(const client::RawResponse &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

// The field paths of a problem's errors[].
inline QStringList errorFields(const client::RawResponse &r)
{
    QStringList out;
    for (const QJsonValue &e : body(r).value(QStringLiteral("errors")).toArray())
        out << e.toObject().value(QStringLiteral("field")).toString();
    return out;
}

inline QString problemType(const client::RawResponse &r)
{
    return body(r).value(QStringLiteral("type")).toString();
}

inline QString describe(const client::RawResponse &r)
{
    return QStringLiteral("HTTP %1: %2").arg(r.status).arg(QString::fromUtf8(r.body.left(600)));
}

} // namespace haitao::testing
