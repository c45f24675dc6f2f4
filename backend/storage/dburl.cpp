#include "backend/storage/dburl.h"

#include <QUrl>
#include <QUrlQuery>

namespace haitao::server {

std::optional<DbUrl> DbUrl::parse(const QString &text, QString *error)
{
    DbUrl url;
    if (text.startsWith(QLatin1String("sqlite:"))) {
        url.dialect = Dialect::Sqlite;
        url.path = text.mid(7);
        if (url.path.startsWith(QLatin1String("//")))
            url.path = url.path.mid(2);
        if (url.path.isEmpty()) {
            *error = QStringLiteral("sqlite URL needs a file path: sqlite:DATA/identity.db");
            return std::nullopt;
        }
        return url;
    }
    const QUrl u(text, QUrl::StrictMode);
    if (!u.isValid() ||
        (u.scheme() != QLatin1String("postgres") && u.scheme() != QLatin1String("postgresql"))) {
        *error = QStringLiteral("unsupported database URL '%1': use sqlite:PATH or "
                                "postgres://user:pass@host:port/db")
                     .arg(text.section(QLatin1Char('@'), -1));
        return std::nullopt;
    }
    url.dialect = Dialect::Postgres;
    url.host = u.host();
    url.port = u.port(5432);
    url.database = u.path().mid(1);
    url.user = u.userName(QUrl::FullyDecoded);
    url.password = u.password(QUrl::FullyDecoded);
    QStringList opts;
    for (const auto &item : QUrlQuery(u).queryItems(QUrl::FullyDecoded))
        opts << item.first + QLatin1Char('=') + item.second;
    url.options = opts.join(QLatin1Char(';'));
    if (url.host.isEmpty() || url.database.isEmpty()) {
        *error = QStringLiteral("postgres URL needs a host and a database name");
        return std::nullopt;
    }
    return url;
}

QString DbUrl::redacted() const
{
    if (dialect == Dialect::Sqlite)
        return QStringLiteral("sqlite:") + path;
    return QStringLiteral("postgres://%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

} // namespace haitao::server
