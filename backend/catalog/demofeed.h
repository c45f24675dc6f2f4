#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace haitao::server::catalog {

struct DemoFeed
{
    QString site;
    QByteArray csv; // in the partner feed format of docs/feeds.md
};

// Small realistic feeds of three shops (US, JP, DE) that `--demo` imports through the normal
// import path; rows with the partner's Chinese text are published.
QList<DemoFeed> demoFeeds();

// With `--demo --sim-url`: the feeds of haitao-sim's shops us, jp and uk as the demo sites
// amazon.com, amazon.co.jp and asos.com (the sites the demo price rules cover); nullopt and
// *error if any of them cannot be fetched. Blocking.
std::optional<QList<DemoFeed>> simDemoFeeds(const QString &simUrl, QString *error);

} // namespace haitao::server::catalog
