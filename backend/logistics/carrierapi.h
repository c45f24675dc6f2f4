#pragma once

#include "backend/logistics/carriers.h"
#include "backend/logistics/ingest.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

namespace haitao::server {
struct Config;
struct FetchOptions;
} // namespace haitao::server

namespace haitao::server::logistics {

// What a carrier's tracking API answered for some numbers.
struct TrackAnswer
{
    enum class Outcome { Ok, Throttled, Failed };
    Outcome outcome = Outcome::Failed;
    int retryAfterSeconds = -1;
    int requests = 0;
    QString error;
    QHash<QString, QList<RawEvent>> events; // per number answered (found or not)
};

// The carrier protocols (the code part of a carrier; base URL, zone, batch size are data):
// batch_json `GET {base}/track?numbers=A,B`, jp_single `GET {base}/parcels/{n}` (times without
// zone), intl_webhook `GET {base}/track/{n}` (plus webhooks).
namespace carrierapi {

// How every request to a carrier is made (polls, webhook registration, parcel creation):
// short timeouts, no redirects, and the SSRF address guard (loopback only when the
// configured fetchAllowHosts allow it), since base URLs are data staff can edit.
FetchOptions carrierFetchOptions(const Config &config);

TrackAnswer track(const Carrier &carrier, const QStringList &numbers, const FetchOptions &options);

// Parsing alone (the webhook uses parseEvent for its one event).
RawEvent parseEvent(const Carrier &carrier, const QJsonObject &event);
// An ISO 8601 time with offset, or one without a zone read in `defaultTzMin`; also
// "yyyy/MM/dd HH:mm". false when unreadable.
bool parseTime(const QString &text, int defaultTzMin, qint64 *ms, int *tzOffsetMin);

// POST {base}/webhooks {"url"} -> id, secret. Empty id on failure (`error` says why).
void registerWebhook(const Carrier &carrier, const QString &url, const FetchOptions &options,
                     QString *id, QString *secret, QString *error);

} // namespace carrierapi
} // namespace haitao::server::logistics
