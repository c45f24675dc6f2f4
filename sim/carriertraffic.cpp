#include "sim/carriertraffic.h"

#include <QDateTime>
#include <QJsonObject>

#include <algorithm>

namespace haitao::sim {

bool CarrierTraffic::admit(Carrier carrier, int limitPerSecond)
{
    const qint64 second = QDateTime::currentMSecsSinceEpoch() / 1000;
    std::lock_guard lock(m_mutex);
    Counters &c = m_counters[size_t(carrier)];
    ++c.requests;
    if (c.second != second) {
        c.second = second;
        c.inSecond = 0;
    }
    c.maxPerSecond = std::max(c.maxPerSecond, ++c.inSecond);
    if (c.inSecond <= limitPerSecond)
        return true;
    ++c.throttled;
    return false;
}

void CarrierTraffic::countThrottled(Carrier carrier)
{
    std::lock_guard lock(m_mutex);
    ++m_counters[size_t(carrier)].throttled;
}

void CarrierTraffic::countNumbers(Carrier carrier, int numbers)
{
    std::lock_guard lock(m_mutex);
    m_counters[size_t(carrier)].numbers += numbers;
}

QJsonArray CarrierTraffic::toJson() const
{
    std::lock_guard lock(m_mutex);
    QJsonArray items;
    for (Carrier carrier : {Carrier::Swiftpost, Carrier::Kuroneko, Carrier::Dpost,
                            Carrier::Intlexpress, Carrier::Sfsim}) {
        const Counters &c = m_counters[size_t(carrier)];
        items.append(QJsonObject{{QStringLiteral("code"), carrierCode(carrier)},
                                 {QStringLiteral("requests"), c.requests},
                                 {QStringLiteral("numbers"), c.numbers},
                                 {QStringLiteral("throttled"), c.throttled},
                                 {QStringLiteral("maxPerSecond"), c.maxPerSecond}});
    }
    return items;
}

void CarrierTraffic::reset()
{
    std::lock_guard lock(m_mutex);
    m_counters = {};
}

} // namespace haitao::sim
