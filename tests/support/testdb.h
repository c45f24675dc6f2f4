#pragma once

#include <QString>

namespace haitao::testing {

// A database URL for one test store: a SQLite file in `dir`, or, when HAITAO_TEST_PG_URL
// names a PostgreSQL server (postgres://user:pass@host:port/db with the right to create
// databases), a freshly created database there, so every test starts empty.
QString freshDatabaseUrl(const QString &dir, const QString &component);
bool usingPostgres();
// True in the *_pg CTest entries when no PostgreSQL was configured (run scripts/test).
bool postgresRequiredButMissing();

} // namespace haitao::testing
