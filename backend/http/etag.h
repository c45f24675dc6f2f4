#pragma once

#include "backend/http/request.h"

#include <QByteArray>
#include <QString>

namespace haitao::server {

// Optimistic concurrency on a numbered resource: its ETag is a quoted letter and number
// ("r3" for a draft revision, "v7" for a listing version), and writes send it back in
// If-Match.
QByteArray numberedEtag(char letter, qint64 number);

// The number named by the request's If-Match for `letter`: 428 PreconditionRequired without
// If-Match (`what` names the thing, e.g. "draft"), 412 PreconditionFailed when the tag is not
// one of ours. Whether the number is still current is the service's check (also 412).
qint64 ifMatchNumber(const Request &request, char letter, const QString &what);

} // namespace haitao::server
