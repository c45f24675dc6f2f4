#include "backend/http/etag.h"

#include "backend/http/apierror.h"

namespace haitao::server {

QByteArray numberedEtag(char letter, qint64 number)
{
    return '"' + QByteArray(1, letter) + QByteArray::number(number) + '"';
}

qint64 ifMatchNumber(const Request &request, char letter, const QString &what)
{
    QString tag = request.header(QStringLiteral("If-Match")).trimmed();
    if (tag.isEmpty())
        throw ApiError(
            ProblemKind::PreconditionRequired,
            QStringLiteral("Send If-Match with the ETag of the %1 you edited").arg(what));
    if (tag.startsWith(QLatin1String("W/")))
        tag = tag.mid(2);
    const QString prefix = QString(QLatin1Char('"')) + QLatin1Char(letter);
    bool ok = false;
    qint64 number = 0;
    if (tag.size() > 3 && tag.startsWith(prefix) && tag.endsWith(QLatin1Char('"')))
        number = tag.mid(2, tag.size() - 3).toLongLong(&ok);
    if (!ok || number <= 0)
        throw ApiError(ProblemKind::PreconditionFailed,
                       QStringLiteral("If-Match %1 is not a %2 this server gave").arg(tag, what));
    return number;
}

} // namespace haitao::server
