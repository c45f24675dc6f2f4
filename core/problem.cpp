#include "core/problem.h"

#include <QHash>

namespace haitao {

namespace {
struct Entry
{
    ProblemKind kind;
    const char *slug;
};

constexpr Entry kEntries[] = {
    {ProblemKind::MalformedRequest, "malformed-request"},
    {ProblemKind::Unauthenticated, "unauthenticated"},
    {ProblemKind::Forbidden, "forbidden"},
    {ProblemKind::NotFound, "not-found"},
    {ProblemKind::MethodNotAllowed, "method-not-allowed"},
    {ProblemKind::Conflict, "conflict"},
    {ProblemKind::PreconditionFailed, "precondition-failed"},
    {ProblemKind::LengthRequired, "length-required"},
    {ProblemKind::PayloadTooLarge, "payload-too-large"},
    {ProblemKind::UnsupportedMediaType, "unsupported-media-type"},
    {ProblemKind::Validation, "validation"},
    {ProblemKind::PreconditionRequired, "precondition-required"},
    {ProblemKind::TooManyRequests, "too-many-requests"},
    {ProblemKind::Internal, "internal"},
    {ProblemKind::Unavailable, "unavailable"},
    {ProblemKind::StaleRates, "stale-rates"},
    {ProblemKind::IdempotencyKeyMissing, "idempotency-key-missing"},
    {ProblemKind::IdempotencyKeyReused, "idempotency-key-reused"},
    {ProblemKind::Network, "network"},
    {ProblemKind::Unknown, "unknown"},
};

const QString kPrefix = QStringLiteral("urn:haitao:problem:");
} // namespace

QString problemTypeUri(ProblemKind kind)
{
    for (const Entry &e : kEntries) {
        if (e.kind == kind)
            return kPrefix + QLatin1String(e.slug);
    }
    return kPrefix + QStringLiteral("unknown");
}

ProblemKind problemKindFromUri(const QString &uri)
{
    if (!uri.startsWith(kPrefix))
        return ProblemKind::Unknown;
    const QStringView slug = QStringView(uri).mid(kPrefix.size());
    for (const Entry &e : kEntries) {
        if (slug == QLatin1String(e.slug))
            return e.kind;
    }
    return ProblemKind::Unknown;
}

} // namespace haitao
