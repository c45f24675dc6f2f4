#pragma once

#include <QProcessEnvironment>
#include <QStringList>

namespace haitao::server {

// `haitao-server import-feed FILE --site SITE [--format csv|jsonl] [--encoding gbk|utf-8]`
// plus the usual store options (--data, --db): imports a partner feed from a file straight
// into the catalog store, printing progress, without starting the HTTP server. For feeds too
// large to upload. Returns the process exit code.
int runImportFeed(const QStringList &arguments, const QProcessEnvironment &environment);

} // namespace haitao::server
