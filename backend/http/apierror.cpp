#include "backend/http/apierror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace haitao::server {

ApiError ApiError::validation(QList<FieldProblem> errors)
{
    const QString detail = errors.size() == 1
                               ? QStringLiteral("1 field is invalid")
                               : QStringLiteral("%1 fields are invalid").arg(errors.size());
    return ApiError(ProblemKind::Validation, detail, std::move(errors));
}

int httpStatus(ProblemKind kind)
{
    switch (kind) {
    case ProblemKind::MalformedRequest:
        return 400;
    case ProblemKind::Unauthenticated:
        return 401;
    case ProblemKind::Forbidden:
        return 403;
    case ProblemKind::NotFound:
        return 404;
    case ProblemKind::MethodNotAllowed:
        return 405;
    case ProblemKind::Conflict:
        return 409;
    case ProblemKind::LengthRequired:
        return 411;
    case ProblemKind::PreconditionFailed:
        return 412;
    case ProblemKind::PreconditionRequired:
    case ProblemKind::IdempotencyKeyMissing:
        return 428;
    case ProblemKind::PayloadTooLarge:
        return 413;
    case ProblemKind::UnsupportedMediaType:
        return 415;
    case ProblemKind::Validation:
    case ProblemKind::IdempotencyKeyReused:
        return 422;
    case ProblemKind::TooManyRequests:
        return 429;
    case ProblemKind::Unavailable:
    case ProblemKind::StaleRates:
        return 503;
    case ProblemKind::Internal:
    case ProblemKind::Network:
    case ProblemKind::Unknown:
        break;
    }
    return 500;
}

QString problemTitle(ProblemKind kind)
{
    switch (kind) {
    case ProblemKind::MalformedRequest:
        return QStringLiteral("Malformed request");
    case ProblemKind::Unauthenticated:
        return QStringLiteral("Authentication required");
    case ProblemKind::Forbidden:
        return QStringLiteral("Not allowed for this role");
    case ProblemKind::NotFound:
        return QStringLiteral("Not found");
    case ProblemKind::MethodNotAllowed:
        return QStringLiteral("Method not allowed");
    case ProblemKind::Conflict:
        return QStringLiteral("Conflict with the current state");
    case ProblemKind::PreconditionFailed:
        return QStringLiteral("Changed since you read it");
    case ProblemKind::PreconditionRequired:
        return QStringLiteral("If-Match required");
    case ProblemKind::StaleRates:
        return QStringLiteral("Exchange rates are stale");
    case ProblemKind::IdempotencyKeyMissing:
        return QStringLiteral("Idempotency-Key required");
    case ProblemKind::IdempotencyKeyReused:
        return QStringLiteral("Idempotency-Key already used for another request");
    case ProblemKind::LengthRequired:
        return QStringLiteral("Content-Length required");
    case ProblemKind::PayloadTooLarge:
        return QStringLiteral("Request body too large");
    case ProblemKind::UnsupportedMediaType:
        return QStringLiteral("Unsupported content type");
    case ProblemKind::Validation:
        return QStringLiteral("Invalid input");
    case ProblemKind::TooManyRequests:
        return QStringLiteral("Too many requests");
    case ProblemKind::Unavailable:
        return QStringLiteral("Service unavailable");
    case ProblemKind::Internal:
    case ProblemKind::Network:
    case ProblemKind::Unknown:
        break;
    }
    return QStringLiteral("Internal server error");
}

ProblemKind problemKindForStatus(int status)
{
    switch (status) {
    case 400:
    case 414:
    case 431:
        return ProblemKind::MalformedRequest;
    case 401:
        return ProblemKind::Unauthenticated;
    case 403:
        return ProblemKind::Forbidden;
    case 404:
        return ProblemKind::NotFound;
    case 405:
        return ProblemKind::MethodNotAllowed;
    case 411:
        return ProblemKind::LengthRequired;
    case 413:
        return ProblemKind::PayloadTooLarge;
    case 415:
        return ProblemKind::UnsupportedMediaType;
    case 503:
        return ProblemKind::Unavailable;
    default:
        return ProblemKind::Internal;
    }
}

QByteArray problemJson(const ApiError &error, const QString &instance, const QString &requestId,
                       int status)
{
    QJsonObject body{
        {QStringLiteral("type"), problemTypeUri(error.kind)},
        {QStringLiteral("title"), problemTitle(error.kind)},
        {QStringLiteral("status"), status ? status : httpStatus(error.kind)},
        {QStringLiteral("detail"), error.detail},
        {QStringLiteral("instance"), instance},
        {QStringLiteral("requestId"), requestId},
    };
    if (!error.errors.isEmpty()) {
        QJsonArray errors;
        for (const FieldProblem &p : error.errors)
            errors.append(QJsonObject{{QStringLiteral("field"), p.field},
                                      {QStringLiteral("message"), p.message}});
        body.insert(QStringLiteral("errors"), errors);
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace haitao::server
