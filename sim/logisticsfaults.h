#pragma once

#include "sim/parcelplan.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <array>
#include <mutex>
#include <random>

namespace haitao::sim {

// The carriers' fault settings of PUT /__sim/logistics: scenario percentages for new
// parcels, duplicate and out-of-order events, random throttling, slow answers and the
// per-carrier request limit. Thread-safe.
class LogisticsFaults
{
public:
    static constexpr int kDefaultRps = 20;

    LogisticsFaults();
    // Replaces the settings (keys left out fall back to their defaults); false and *error
    // for anything unknown or out of range (the settings are then unchanged).
    bool set(const QJsonObject &json, QString *error);
    QJsonObject toJson() const;

    Scenario drawScenario(Carrier carrier); // from the percentages
    bool drawDuplicate();
    bool drawOutOfOrder();
    bool drawThrottle();
    int slowMs() const;
    int rps(Carrier carrier) const;
    // Shuffles, and never leaves two or more events in their original order.
    template <typename T> void shuffle(QList<T> &items)
    {
        if (items.size() < 2)
            return;
        const QList<T> before = items;
        {
            std::lock_guard lock(m_mutex);
            std::shuffle(items.begin(), items.end(), m_random);
        }
        if (items == before)
            std::reverse(items.begin(), items.end());
    }

private:
    struct Settings
    {
        int lostPercent = 0;
        int exceptionPercent = 0;
        int customsHoldPercent = 0;
        int unknownStatusPercent = 0;
        int duplicatePercent = 0;
        int outOfOrderPercent = 0;
        int throttlePercent = 0;
        int slowMs = 0;
        std::array<int, 5> rps{kDefaultRps, kDefaultRps, kDefaultRps, kDefaultRps, kDefaultRps};
    };
    bool chance(int Settings::*percent);

    mutable std::mutex m_mutex;
    Settings m_settings;
    std::mt19937 m_random;
};

} // namespace haitao::sim
