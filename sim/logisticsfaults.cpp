#include "sim/logisticsfaults.h"

#include <QJsonValue>

#include <algorithm>

namespace haitao::sim {

namespace {

constexpr std::array kCarriers{Carrier::Swiftpost, Carrier::Kuroneko, Carrier::Dpost,
                               Carrier::Intlexpress, Carrier::Sfsim};

} // namespace

LogisticsFaults::LogisticsFaults()
    : m_random(std::random_device{}())
{}

bool LogisticsFaults::set(const QJsonObject &json, QString *error)
{
    Settings s;
    const std::array<std::pair<const char *, int *>, 8> numbers{{
        {"lostPercent", &s.lostPercent},
        {"exceptionPercent", &s.exceptionPercent},
        {"customsHoldPercent", &s.customsHoldPercent},
        {"unknownStatusPercent", &s.unknownStatusPercent},
        {"duplicatePercent", &s.duplicatePercent},
        {"outOfOrderPercent", &s.outOfOrderPercent},
        {"throttlePercent", &s.throttlePercent},
        {"slowMs", &s.slowMs},
    }};
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString key = it.key();
        if (key == u"rps") {
            const QJsonObject rps = it.value().toObject();
            if (!it.value().isObject()) {
                *error = QStringLiteral("rps is an object {carrier: requests per second}");
                return false;
            }
            for (auto r = rps.begin(); r != rps.end(); ++r) {
                const std::optional<Carrier> carrier = carrierFromCode(r.key());
                const double v = r.value().toDouble(-1);
                if (!carrier || v < 1 || v > 100000 || v != int(v)) {
                    *error =
                        QStringLiteral("rps: a known carrier and 1 to 100000 (%1)").arg(r.key());
                    return false;
                }
                s.rps[size_t(*carrier)] = int(v);
            }
            continue;
        }
        const auto n = std::find_if(numbers.begin(), numbers.end(),
                                    [&](const auto &p) { return key == QLatin1String(p.first); });
        const double v = it.value().toDouble(-1);
        const int max = key == u"slowMs" ? 60000 : 100;
        if (n == numbers.end() || !it.value().isDouble() || v < 0 || v > max || v != int(v)) {
            *error = QStringLiteral("unknown key or value out of range: %1").arg(key);
            return false;
        }
        *n->second = int(v);
    }
    if (s.lostPercent + s.exceptionPercent + s.customsHoldPercent + s.unknownStatusPercent > 100) {
        *error = QStringLiteral("the scenario percentages add up to more than 100");
        return false;
    }
    std::lock_guard lock(m_mutex);
    m_settings = s;
    return true;
}

QJsonObject LogisticsFaults::toJson() const
{
    std::lock_guard lock(m_mutex);
    const Settings &s = m_settings;
    QJsonObject rps;
    for (Carrier c : kCarriers)
        rps.insert(carrierCode(c), s.rps[size_t(c)]);
    return {{QStringLiteral("lostPercent"), s.lostPercent},
            {QStringLiteral("exceptionPercent"), s.exceptionPercent},
            {QStringLiteral("customsHoldPercent"), s.customsHoldPercent},
            {QStringLiteral("unknownStatusPercent"), s.unknownStatusPercent},
            {QStringLiteral("duplicatePercent"), s.duplicatePercent},
            {QStringLiteral("outOfOrderPercent"), s.outOfOrderPercent},
            {QStringLiteral("throttlePercent"), s.throttlePercent},
            {QStringLiteral("slowMs"), s.slowMs},
            {QStringLiteral("rps"), rps}};
}

Scenario LogisticsFaults::drawScenario(Carrier carrier)
{
    std::lock_guard lock(m_mutex);
    const Settings &s = m_settings;
    int roll = int(m_random() % 100);
    if ((roll -= s.lostPercent) < 0)
        return Scenario::Lost;
    if ((roll -= s.exceptionPercent) < 0)
        return Scenario::Exception;
    if ((roll -= s.customsHoldPercent) < 0) // only the international carrier holds in customs
        return carrier == Carrier::Intlexpress ? Scenario::CustomsHold : Scenario::Normal;
    if ((roll -= s.unknownStatusPercent) < 0)
        return Scenario::UnknownStatus;
    return Scenario::Normal;
}

bool LogisticsFaults::chance(int Settings::*percent)
{
    std::lock_guard lock(m_mutex);
    const int p = m_settings.*percent;
    return p > 0 && int(m_random() % 100) < p;
}

bool LogisticsFaults::drawDuplicate()
{
    return chance(&Settings::duplicatePercent);
}

bool LogisticsFaults::drawOutOfOrder()
{
    return chance(&Settings::outOfOrderPercent);
}

bool LogisticsFaults::drawThrottle()
{
    return chance(&Settings::throttlePercent);
}

int LogisticsFaults::slowMs() const
{
    std::lock_guard lock(m_mutex);
    return m_settings.slowMs;
}

int LogisticsFaults::rps(Carrier carrier) const
{
    std::lock_guard lock(m_mutex);
    return m_settings.rps[size_t(carrier)];
}

} // namespace haitao::sim
