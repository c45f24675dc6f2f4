#include "sim/carrieranswers.h"

#include <QDateTime>

#include <cstdlib>

namespace haitao::sim {

QString isoWithOffset(qint64 ms, int offsetMinutes)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms + offsetMinutes * 60000LL, Qt::UTC);
    const QString clock = local.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    if (offsetMinutes == 0)
        return clock + u'Z';
    const int a = std::abs(offsetMinutes);
    return clock + (offsetMinutes < 0 ? u'-' : u'+') +
           QStringLiteral("%1:%2")
               .arg(a / 60, 2, 10, QLatin1Char('0'))
               .arg(a % 60, 2, 10, QLatin1Char('0'));
}

QJsonObject batchEventJson(const ParcelInfo &parcel, const PlannedEvent &event)
{
    QString time = isoWithOffset(event.atMs, zoneOffsetMinutes(parcel.carrier, parcel.number));
    if (time.endsWith(u'Z')) // swiftpost's UK times say +00:00, not Z
        time = time.chopped(1) + QStringLiteral("+00:00");
    return {{QStringLiteral("id"), event.id},
            {QStringLiteral("time"), time},
            {QStringLiteral("location"), event.place},
            {QStringLiteral("code"), event.code},
            {QStringLiteral("description"), event.text}};
}

QJsonObject kuronekoEventJson(const PlannedEvent &event)
{
    const QDateTime jst = QDateTime::fromMSecsSinceEpoch(event.atMs + 9 * 3600 * 1000LL, Qt::UTC);
    return {{QStringLiteral("eventId"), event.id},
            {QStringLiteral("datetime"), jst.toString(QStringLiteral("yyyy/MM/dd HH:mm"))},
            {QStringLiteral("place"), event.place},
            {QStringLiteral("statusCode"), event.code},
            {QStringLiteral("statusName"), event.text}};
}

QJsonObject intlEventJson(const ParcelInfo &parcel, const PlannedEvent &event)
{
    QJsonObject json{{QStringLiteral("id"), event.id},
                     {QStringLiteral("time"), isoWithOffset(event.atMs, 0)},
                     {QStringLiteral("location"), event.place},
                     {QStringLiteral("code"), event.code},
                     {QStringLiteral("text"), event.text}};
    if (event.code == u"HANDOVER" && !parcel.handoverTo.isEmpty())
        json.insert(QStringLiteral("handover"),
                    QJsonObject{{QStringLiteral("carrier"), carrierCode(Carrier::Sfsim)},
                                {QStringLiteral("trackingNumber"), parcel.handoverTo}});
    return json;
}

QJsonObject eventJson(const ParcelInfo &parcel, const PlannedEvent &event)
{
    switch (parcel.carrier) {
    case Carrier::Kuroneko:
        return kuronekoEventJson(event);
    case Carrier::Intlexpress:
        return intlEventJson(parcel, event);
    case Carrier::Swiftpost:
    case Carrier::Dpost:
    case Carrier::Sfsim:
        break;
    }
    return batchEventJson(parcel, event);
}

} // namespace haitao::sim
