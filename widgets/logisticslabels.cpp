#include "widgets/logisticslabels.h"

#include "models/logisticslabels.h"

#include <QLocale>

namespace haitao::widgets {

StatusColours statusColours(const QString &status)
{
    // Light backgrounds with dark text of the same hue: readable in both the light and the
    // selected row.
    if (status == QLatin1String("awaiting_shipment"))
        return {QColor(0xee, 0xee, 0xee), QColor(0x44, 0x44, 0x44)};
    if (status == QLatin1String("info_received"))
        return {QColor(0xe8, 0xf0, 0xfe), QColor(0x1a, 0x3d, 0x7c)};
    if (status == QLatin1String("in_transit"))
        return {QColor(0xd6, 0xe6, 0xfb), QColor(0x0b, 0x3a, 0x82)};
    if (status == QLatin1String("at_warehouse"))
        return {QColor(0xd9, 0xf2, 0xf0), QColor(0x0b, 0x5c, 0x55)};
    if (status == QLatin1String("customs"))
        return {QColor(0xee, 0xe4, 0xf8), QColor(0x4a, 0x23, 0x7a)};
    if (status == QLatin1String("customs_hold"))
        return {QColor(0xff, 0xe8, 0xcc), QColor(0x7a, 0x3b, 0x00)};
    if (status == QLatin1String("out_for_delivery"))
        return {QColor(0xe4, 0xf5, 0xdc), QColor(0x2d, 0x5e, 0x12)};
    if (status == QLatin1String("delivered"))
        return {QColor(0xcf, 0xef, 0xcf), QColor(0x14, 0x5a, 0x14)};
    if (status == QLatin1String("exception"))
        return {QColor(0xfd, 0xec, 0xea), QColor(0x8a, 0x1c, 0x1c)};
    if (status == QLatin1String("returned"))
        return {QColor(0xf0, 0xe0, 0xe0), QColor(0x5a, 0x1e, 0x1e)};
    if (models::isUnknownStatus(status))
        return {QColor(0xff, 0xf4, 0xd6), QColor(0x7a, 0x4b, 0x00)};
    return {};
}

namespace quiet {

Level levelOf(qint64 quietSeconds, const QString &status)
{
    if (status == QLatin1String("delivered") || status == QLatin1String("returned"))
        return Level::Normal; // closed: silence is expected
    if (quietSeconds >= kRedAfterSeconds)
        return Level::Red;
    if (quietSeconds >= kAmberAfterSeconds)
        return Level::Amber;
    return Level::Normal;
}

} // namespace quiet

QString zonedTimeText(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    // QLocale writes the fields as the QDateTime holds them, i.e. in the carrier's zone; the
    // abbreviation of an offset time is "UTC+09:00".
    return QLocale().toString(time, QLocale::ShortFormat) + QLatin1Char(' ') +
           time.timeZoneAbbreviation();
}

} // namespace haitao::widgets
