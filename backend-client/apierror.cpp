#include "backend-client/apierror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace haitao::client {

QString ApiError::message() const
{
    QString text = detail.isEmpty() ? title : detail;
    if (text.isEmpty())
        text = status ? QStringLiteral("HTTP %1").arg(status) : QStringLiteral("No answer");
    if (!errors.isEmpty()) {
        QStringList parts;
        for (const FieldError &e : errors)
            parts << QStringLiteral("%1: %2").arg(e.field, e.message);
        text += QStringLiteral(" (") + parts.join(QStringLiteral("; ")) + QLatin1Char(')');
    }
    return text;
}

ApiError ApiError::fromResponse(int status, const QByteArray &body, const QByteArray &retryAfter,
                                const QByteArray &requestId)
{
    ApiError e;
    e.status = status;
    e.requestId = QString::fromLatin1(requestId);
    e.retryAfterSeconds = retryAfter.toInt();
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    e.type = json.value(QStringLiteral("type")).toString();
    e.kind = problemKindFromUri(e.type);
    e.title = json.value(QStringLiteral("title")).toString();
    e.detail = json.value(QStringLiteral("detail")).toString();
    const QJsonArray errors = json.value(QStringLiteral("errors")).toArray();
    for (const QJsonValue &v : errors) {
        const QJsonObject o = v.toObject();
        e.errors.append({o.value(QStringLiteral("field")).toString(),
                         o.value(QStringLiteral("message")).toString()});
    }
    if (e.title.isEmpty())
        e.title = QStringLiteral("HTTP %1").arg(status);
    return e;
}

ApiError ApiError::network(const QString &errorString)
{
    ApiError e;
    e.kind = ProblemKind::Network;
    e.title = QStringLiteral("Cannot reach the server");
    e.detail = errorString;
    return e;
}

} // namespace haitao::client
