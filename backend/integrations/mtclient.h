#pragma once

#include <QString>
#include <QStringList>

namespace haitao::server {

// What a machine translation call gave: translations in the order of the texts, or why not.
struct MtResult
{
    QStringList translations;
    QString engine;
    QString error;              // empty on success
    bool refused = false;       // the service refused the request itself (4xx): not a retry
    int retryAfterSeconds = -1; // from a 429 or 503, when it said
};

// The small adapter in front of a machine translation service: POST {url} with
// {"text": [...], "from", "to"} answering {"translations": [...], "engine"} (haitao-sim's
// /mt/translate speaks it). Blocking, through httpFetch; the address guard applies as for the
// catalog's URL import (`allowHosts` names loopback or private hosts it may reach).
class MtClient
{
public:
    MtClient(QString url, QStringList allowHosts);

    bool configured() const { return !m_url.isEmpty(); }
    MtResult translate(const QStringList &texts, const QString &from, const QString &to) const;

private:
    QString m_url;
    QStringList m_allowHosts;
};

} // namespace haitao::server
