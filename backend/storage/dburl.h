#pragma once

#include <QString>

#include <optional>

namespace haitao::server {

enum class Dialect { Sqlite, Postgres };

// Where one component's store lives: `sqlite:PATH` or `postgres://user:pass@host:port/db`.
struct DbUrl
{
    Dialect dialect = Dialect::Sqlite;
    QString path; // SQLite file
    QString host; // PostgreSQL
    int port = 5432;
    QString database;
    QString user;
    QString password;
    QString options; // PostgreSQL connect options from the query string, e.g. "sslmode=require"

    static std::optional<DbUrl> parse(const QString &text, QString *error);
    QString redacted() const; // for logs: never the password
};

} // namespace haitao::server
