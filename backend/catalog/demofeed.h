#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace haitao::server::catalog {

struct DemoFeed
{
    QString site;
    QByteArray csv; // in the partner feed format of docs/feeds.md
};

// Small realistic feeds of three shops (US, JP, DE) that `--demo` imports through the normal
// import path; rows with the partner's Chinese text are published.
QList<DemoFeed> demoFeeds();

} // namespace haitao::server::catalog
