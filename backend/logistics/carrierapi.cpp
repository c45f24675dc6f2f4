#include "backend/logistics/carrierapi.h"

#include "backend/config.h"
#include "backend/integrations/httpfetch.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>
#include <QUrl>

namespace haitao::server::logistics::carrierapi {

namespace {

QString segment(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

QString str(const QJsonObject &o, const char *a, const char *b = nullptr)
{
    QString v = o.value(QLatin1String(a)).toVariant().toString();
    if (v.isEmpty() && b)
        v = o.value(QLatin1String(b)).toVariant().toString();
    return v;
}

QList<RawEvent> parseEvents(const Carrier &carrier, const QJsonArray &array)
{
    QList<RawEvent> out;
    for (const QJsonValue &v : array) {
        RawEvent e = parseEvent(carrier, v.toObject());
        if (e.atMs > 0 && !e.code.isEmpty())
            out.append(e);
    }
    return out;
}

// Classifies the HTTP outcome; true when the body should be parsed.
bool classify(const FetchResult &r, TrackAnswer *a)
{
    if (r.status == 429 || r.status == 503) {
        a->outcome = TrackAnswer::Outcome::Throttled;
        a->retryAfterSeconds = r.retryAfterSeconds;
        a->error = QStringLiteral("throttled (%1)").arg(r.status);
        return false;
    }
    if (!r.error.isEmpty() || r.status == 0 || r.status >= 500) {
        a->outcome = TrackAnswer::Outcome::Failed;
        a->error = r.error.isEmpty() ? QStringLiteral("carrier error %1").arg(r.status) : r.error;
        return false;
    }
    return true;
}

} // namespace

bool parseTime(const QString &text, int defaultTzMin, qint64 *ms, int *tzOffsetMin)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return false;
    if (t.size() >= 10 && t.at(4) == u'/') {
        QDateTime local = QDateTime::fromString(t, QStringLiteral("yyyy/MM/dd HH:mm"));
        if (!local.isValid())
            local = QDateTime::fromString(t, QStringLiteral("yyyy/MM/dd HH:mm:ss"));
        if (!local.isValid())
            return false;
        local.setTimeZone(QTimeZone(defaultTzMin * 60));
        *ms = local.toMSecsSinceEpoch();
        *tzOffsetMin = defaultTzMin;
        return true;
    }
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid())
        return false;
    if (dt.timeSpec() == Qt::LocalTime) {
        // No zone in the text: the carrier's own.
        dt = QDateTime(dt.date(), dt.time(), QTimeZone(defaultTzMin * 60));
        *tzOffsetMin = defaultTzMin;
    } else {
        *tzOffsetMin = dt.offsetFromUtc() / 60;
    }
    *ms = dt.toMSecsSinceEpoch();
    return true;
}

RawEvent parseEvent(const Carrier &carrier, const QJsonObject &o)
{
    RawEvent e;
    e.key = str(o, "id", "eventId");
    e.place = str(o, "location", "place");
    e.code = str(o, "code", "statusCode");
    e.text = str(o, "description", "text");
    if (e.text.isEmpty())
        e.text = str(o, "statusName");
    QString time = str(o, "time", "datetime");
    if (!parseTime(time, carrier.tzOffsetMin, &e.atMs, &e.tzOffsetMin))
        e.atMs = 0;
    const QJsonObject handover = o.value(QStringLiteral("handover")).toObject();
    e.handoverCarrier = handover.value(QStringLiteral("carrier")).toString();
    e.handoverNumber = handover.value(QStringLiteral("trackingNumber")).toString();
    return e;
}

TrackAnswer track(const Carrier &carrier, const QStringList &numbers, const FetchOptions &options)
{
    TrackAnswer a;
    if (numbers.isEmpty())
        return a;
    QString base = carrier.baseUrl;
    while (base.endsWith(u'/'))
        base.chop(1);
    if (carrier.protocol == u"batch_json") {
        QStringList parts;
        for (const QString &n : numbers)
            parts.append(segment(n));
        a.requests = 1;
        const FetchResult r =
            httpGet(QUrl(base + QStringLiteral("/track?numbers=") + parts.join(u',')), options);
        if (!classify(r, &a))
            return a;
        const QJsonDocument doc = QJsonDocument::fromJson(r.body);
        if (r.status != 200 || !doc.isObject()) {
            a.error = QStringLiteral("unexpected answer %1").arg(r.status);
            return a;
        }
        for (const QJsonValue &v : doc.object().value(QStringLiteral("results")).toArray()) {
            const QJsonObject res = v.toObject();
            const QString number = res.value(QStringLiteral("number")).toString();
            if (!numbers.contains(number))
                continue;
            a.events.insert(number,
                            parseEvents(carrier, res.value(QStringLiteral("events")).toArray()));
        }
        a.outcome = TrackAnswer::Outcome::Ok;
        return a;
    }
    // One number per call.
    for (const QString &number : numbers) {
        const bool jp = carrier.protocol == u"jp_single";
        const QString path = jp ? QStringLiteral("/parcels/") : QStringLiteral("/track/");
        ++a.requests;
        const FetchResult r = httpGet(QUrl(base + path + segment(number)), options);
        if (!classify(r, &a))
            return a;
        if (r.status == 404) {
            a.events.insert(number, {});
            continue;
        }
        const QJsonDocument doc = QJsonDocument::fromJson(r.body);
        if (r.status != 200 || !doc.isObject()) {
            a.outcome = TrackAnswer::Outcome::Failed;
            a.error = QStringLiteral("unexpected answer %1").arg(r.status);
            return a;
        }
        const QJsonArray events =
            doc.object().value(jp ? QStringLiteral("history") : QStringLiteral("events")).toArray();
        a.events.insert(number, parseEvents(carrier, events));
    }
    a.outcome = TrackAnswer::Outcome::Ok;
    return a;
}

void registerWebhook(const Carrier &carrier, const QString &url, const FetchOptions &options,
                     QString *id, QString *secret, QString *error)
{
    QString base = carrier.baseUrl;
    while (base.endsWith(u'/'))
        base.chop(1);
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("url"), url}}).toJson(QJsonDocument::Compact);
    const FetchResult r =
        httpPost(QUrl(base + QStringLiteral("/webhooks")), body, "application/json", options);
    const QJsonObject o = QJsonDocument::fromJson(r.body).object();
    if (!r.error.isEmpty() || (r.status != 200 && r.status != 201) ||
        o.value(QStringLiteral("id")).toString().isEmpty()) {
        *error =
            r.error.isEmpty() ? QStringLiteral("the carrier answered %1").arg(r.status) : r.error;
        return;
    }
    *id = o.value(QStringLiteral("id")).toString();
    *secret = o.value(QStringLiteral("secret")).toString();
}

FetchOptions carrierFetchOptions(const Config &config)
{
    FetchOptions o;
    o.connectTimeoutMs = 2000;
    o.totalTimeoutMs = 10000;
    o.maxRedirects = 0;
    QString error;
    o.addressPolicy =
        AddressPolicy::fromAllowList(config.fetchAllowHosts, &error).value_or(AddressPolicy());
    return o;
}

} // namespace haitao::server::logistics::carrierapi
