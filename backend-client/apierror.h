#pragma once

#include "core/problem.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace haitao::client {

struct FieldError
{
    QString field; // JSON path of the offending input, e.g. "password"
    QString message;
};

// A failed call: a problem+json answer from the server, or no answer at all (kind Network).
struct ApiError
{
    ProblemKind kind = ProblemKind::Unknown;
    int status = 0; // HTTP status; 0 when the server was not reached
    QString type;
    QString title;
    QString detail;
    QList<FieldError> errors;
    int retryAfterSeconds = 0; // from Retry-After on 429/503
    QString requestId;

    // One readable sentence for the place the user is looking at.
    QString message() const;

    static ApiError fromResponse(int status, const QByteArray &body, const QByteArray &retryAfter,
                                 const QByteArray &requestId);
    static ApiError network(const QString &errorString);
};

} // namespace haitao::client
