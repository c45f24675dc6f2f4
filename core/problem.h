#pragma once

#include <QString>

namespace haitao {

// The stable problem types of the API (RFC 9457 `type`). The server maps each to an HTTP
// status in one place (backend/http/apierror.cpp); the client maps the `type` back.
enum class ProblemKind {
    MalformedRequest,      // 400: unparsable JSON, bad query parameter
    Unauthenticated,       // 401
    Forbidden,             // 403
    NotFound,              // 404
    MethodNotAllowed,      // 405
    Conflict,              // 409
    PreconditionFailed,    // 412: If-Match names a version that is no longer current
    LengthRequired,        // 411: a chunked body where only uploads may stream
    PayloadTooLarge,       // 413
    UnsupportedMediaType,  // 415
    Validation,            // 422 with errors[]
    PreconditionRequired,  // 428: a write to a versioned resource without If-Match
    TooManyRequests,       // 429 with Retry-After
    Internal,              // 500
    Unavailable,           // 503
    StaleRates,            // 503: exchange rates missing or older than allowed; no quote
    IdempotencyKeyMissing, // 428: a create that must be idempotent came without the header
    IdempotencyKeyReused,  // 422: the Idempotency-Key was used before with another request
    Network,               // client side only: no HTTP answer at all
    Unknown,               // client side only: a type this client does not know
};

QString problemTypeUri(ProblemKind kind);
ProblemKind problemKindFromUri(const QString &uri);

} // namespace haitao
