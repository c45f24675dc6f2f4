#include "sim/faultmix.h"

#include <QJsonValue>

namespace haitao::sim {

namespace {

constexpr const char *kChanceNames[] = {"reset",   "http429",    "http503",    "timeoutAfterCreate",
                                        "captcha", "outOfStock", "priceChange"};
constexpr int kMaxLatencyMs = 60000;
constexpr int kMaxNotifyDelayMs = 600000;

bool isChance(const QJsonValue &v)
{
    return v.isDouble() && v.toDouble() >= 0 && v.toDouble() <= 1;
}

bool isWhole(const QJsonValue &v, int high)
{
    const double d = v.toDouble(-1);
    return v.isDouble() && d >= 0 && d <= high && d == double(qint64(d));
}

} // namespace

std::optional<FaultMix::Profile> FaultMix::readProfile(const QJsonObject &json, QString *error)
{
    Profile p;
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (it.key() == u"latencyMs") {
            if (!isWhole(it.value(), kMaxLatencyMs)) {
                *error =
                    QStringLiteral("latencyMs is a whole number from 0 to %1").arg(kMaxLatencyMs);
                return std::nullopt;
            }
            p.latencyMs = it.value().toInt();
            continue;
        }
        int index = -1;
        for (int i = 0; i < kChances; ++i) {
            if (it.key() == QLatin1String(kChanceNames[i]))
                index = i;
        }
        if (index < 0) {
            *error = QStringLiteral("unknown fault \"%1\" (latencyMs, reset, http429, http503, "
                                    "timeoutAfterCreate, captcha, outOfStock, priceChange)")
                         .arg(it.key());
            return std::nullopt;
        }
        if (!isChance(it.value())) {
            *error = QStringLiteral("%1 is a probability from 0 to 1").arg(it.key());
            return std::nullopt;
        }
        p.chance[size_t(index)] = it.value().toDouble();
    }
    return p;
}

bool FaultMix::set(const QJsonObject &json, const QStringList &sites, QString *error)
{
    Profile defaults;
    QHash<QString, Profile> perSite;
    double notifyTwice = 0;
    int notifyDelayMs = 0;
    std::optional<quint64> seed;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString key = it.key();
        if (key == u"seed") {
            if (!isWhole(it.value(), 2147483647)) {
                *error = QStringLiteral("seed is a whole number from 0 to 2147483647");
                return false;
            }
            seed = quint64(it.value().toInteger());
            continue;
        }
        if (!it.value().isObject()) {
            *error = QStringLiteral("\"%1\" must be an object").arg(key);
            return false;
        }
        const QJsonObject entry = it.value().toObject();
        if (key == u"pay") {
            for (auto p = entry.begin(); p != entry.end(); ++p) {
                if (p.key() == u"notifyTwice" && isChance(p.value())) {
                    notifyTwice = p.value().toDouble();
                } else if (p.key() == u"notifyDelayMs" && isWhole(p.value(), kMaxNotifyDelayMs)) {
                    notifyDelayMs = p.value().toInt();
                } else {
                    *error = QStringLiteral("pay takes notifyTwice (0 to 1) and notifyDelayMs "
                                            "(0 to %1)")
                                 .arg(kMaxNotifyDelayMs);
                    return false;
                }
            }
            continue;
        }
        if (key != u"default" && !sites.contains(key)) {
            *error = QStringLiteral("unknown key \"%1\": seed, default, pay or a site (%2)")
                         .arg(key, sites.join(QStringLiteral(", ")));
            return false;
        }
        const std::optional<Profile> profile = readProfile(entry, error);
        if (!profile)
            return false;
        if (key == u"default")
            defaults = *profile;
        else
            perSite.insert(key, *profile);
    }
    std::lock_guard lock(m_mutex);
    m_json = json;
    m_default = defaults;
    m_sites = perSite;
    m_notifyTwice = notifyTwice;
    m_notifyDelayMs = notifyDelayMs;
    if (seed)
        m_random.seed(*seed);
    return true;
}

void FaultMix::clear()
{
    std::lock_guard lock(m_mutex);
    m_json = {};
    m_default = {};
    m_sites.clear();
    m_notifyTwice = 0;
    m_notifyDelayMs = 0;
}

QJsonObject FaultMix::toJson() const
{
    std::lock_guard lock(m_mutex);
    return m_json;
}

double FaultMix::uniform()
{
    // 53 random bits: the same doubles from the same seed on every platform, unlike
    // std::uniform_real_distribution.
    return double(m_random() >> 11) * 0x1.0p-53;
}

MerchantFaults FaultMix::drawMerchant(const QString &site)
{
    std::lock_guard lock(m_mutex);
    const Profile own = m_sites.value(site);
    MerchantFaults f;
    f.latencyMs = own.latencyMs.value_or(m_default.latencyMs.value_or(0));
    bool *flags[kChances] = {&f.reset,   &f.http429,    &f.http503,    &f.timeoutAfterCreate,
                             &f.captcha, &f.outOfStock, &f.priceChange};
    // Every chance is drawn on every request, so that one key's setting does not shift the
    // draws of the others.
    for (size_t i = 0; i < kChances; ++i) {
        const double chance = own.chance[i].value_or(m_default.chance[i].value_or(0));
        *flags[i] = uniform() < chance;
    }
    return f;
}

NotifyFaults FaultMix::drawNotify()
{
    std::lock_guard lock(m_mutex);
    NotifyFaults f;
    f.twice = uniform() < m_notifyTwice;
    f.delayMs = m_notifyDelayMs;
    return f;
}

} // namespace haitao::sim
