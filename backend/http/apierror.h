#pragma once

#include "core/problem.h"

#include <QList>
#include <QString>

#include <stdexcept>

namespace haitao::server {

struct FieldProblem
{
    QString field; // JSON path, e.g. "password" or "lines[2].quantity"
    QString message;
};

// The one error type handlers throw. Turned into application/problem+json by HttpServer.
class ApiError : public std::runtime_error
{
public:
    ApiError(ProblemKind kind, QString detail, QList<FieldProblem> errors = {})
        : std::runtime_error(detail.toStdString())
        , kind(kind)
        , detail(std::move(detail))
        , errors(std::move(errors))
    {}

    // A 422 listing every field problem; the detail counts them.
    static ApiError validation(QList<FieldProblem> errors);

    ProblemKind kind;
    QString detail;
    QList<FieldProblem> errors;
    int retryAfterSeconds = 0;  // sent as Retry-After on 429 and 503
    QStringList allowedMethods; // sent as Allow on 405
};

// The single mapping from problem kind to HTTP status and title.
int httpStatus(ProblemKind kind);
QString problemTitle(ProblemKind kind);
ProblemKind problemKindForStatus(int status);

// The RFC 9457 body for `error`.
// `status` overrides the kind's status where the HTTP library chose a more specific one (414).
QByteArray problemJson(const ApiError &error, const QString &instance, const QString &requestId,
                       int status = 0);

} // namespace haitao::server
