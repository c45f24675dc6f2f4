#include "backend/media/mediaroutes.h"

#include "backend/http/apierror.h"
#include "backend/media/mediaservice.h"

namespace haitao::server::media {

namespace {

// If-None-Match: "a", W/"b", or *.
bool matchesTag(const QString &ifNoneMatch, const QString &sha256)
{
    for (QString tag : ifNoneMatch.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        tag = tag.trimmed();
        if (tag == u"*")
            return true;
        if (tag.startsWith(QLatin1String("W/")))
            tag = tag.mid(2);
        if (tag == QLatin1Char('"') + sha256 + QLatin1Char('"'))
            return true;
    }
    return false;
}

} // namespace

void addMediaRoutes(Router &router, MediaService &media)
{
    // The name is the hash of the bytes, so they never change: caches may keep them for a
    // year without asking again.
    router.add(
        QStringLiteral("GET"), QStringLiteral("/api/v1/images/{sha256}"), Access::publicRoute(),
        Body::None, [&media](const Request &r) {
            const QString sha256 = r.pathParams.value(QStringLiteral("sha256"));
            if (!ImageFiles::isValidHash(sha256))
                throw ApiError(ProblemKind::MalformedRequest,
                               QStringLiteral("An image is named by the SHA-256 of its "
                                              "bytes: 64 lower-case hex digits"));
            auto image = media.image(sha256);
            if (!image)
                throw ApiError(ProblemKind::NotFound, QStringLiteral("No such image"));
            const QByteArray etag = '"' + sha256.toLatin1() + '"';
            Response resp;
            if (matchesTag(r.header(QStringLiteral("If-None-Match")), sha256)) {
                resp.status = 304;
                resp.contentType.clear();
            } else {
                resp = Response::text(std::move(image->bytes), image->contentType.toLatin1());
            }
            resp.headers.append({QByteArray("ETag"), etag});
            resp.headers.append(
                {QByteArray("Cache-Control"), QByteArray("public, max-age=31536000, immutable")});
            resp.headers.append({QByteArray("X-Content-Type-Options"), QByteArray("nosniff")});
            // Even a mislabelled file opened directly can run nothing as our origin.
            resp.headers.append(
                {QByteArray("Content-Security-Policy"), QByteArray("default-src 'none'; sandbox")});
            return resp;
        });
}

} // namespace haitao::server::media
