#include "sim/shipping.h"

namespace haitao::sim {

std::optional<std::pair<Carrier, QString>> shopCarrier(const QString &site)
{
    if (site == u"us")
        return std::pair{Carrier::Swiftpost, QStringLiteral("US")};
    if (site == u"uk")
        return std::pair{Carrier::Swiftpost, QStringLiteral("GB")};
    if (site == u"jp")
        return std::pair{Carrier::Kuroneko, QString()};
    if (site == u"de")
        return std::pair{Carrier::Dpost, QStringLiteral("DE")};
    return std::nullopt;
}

qint64 plannedShipTime(const QString &merchantOrderId, qint64 confirmedAtMs)
{
    quint32 h = 2166136261u; // FNV-1a: stable across runs, unlike qHash
    for (const QChar c : merchantOrderId) {
        h ^= c.unicode();
        h *= 16777619u;
    }
    constexpr qint64 kMinute = 60 * 1000LL;
    return confirmedAtMs / kMinute * kMinute + qint64(2 + h % 11) * 3600 * 1000LL;
}

} // namespace haitao::sim
