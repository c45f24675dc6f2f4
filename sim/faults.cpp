#include "sim/faults.h"

#include <QJsonValue>
#include <QStringList>

#include <algorithm>
#include <iterator>

namespace haitao::sim {

namespace {

struct ModeName
{
    FaultMode mode;
    const char *name;
};

constexpr ModeName kModes[] = {
    {FaultMode::None, "none"},           {FaultMode::Slow, "slow"},
    {FaultMode::TooMany, "429"},         {FaultMode::Unavailable, "503"},
    {FaultMode::Reset, "reset"},         {FaultMode::Truncate, "truncate"},
    {FaultMode::Malformed, "malformed"},
};

// An optional whole number in [low, high]; `fallback` when absent.
bool readInt(const QJsonObject &json, const QString &key, int low, int high, int fallback, int *out)
{
    const QJsonValue v = json.value(key);
    if (v.isUndefined()) {
        *out = fallback;
        return true;
    }
    const double d = v.toDouble(-1e18);
    if (!v.isDouble() || d < low || d > high || d != double(qint64(d)))
        return false;
    *out = int(d);
    return true;
}

} // namespace

QString faultModeName(FaultMode mode)
{
    for (const ModeName &m : kModes) {
        if (m.mode == mode)
            return QLatin1String(m.name);
    }
    return {};
}

std::optional<Fault> Fault::fromJson(const QJsonObject &json, QString *error)
{
    Fault f;
    f.path = json.value(QStringLiteral("path")).toString();
    if (!f.path.startsWith(u'/') || f.path.startsWith(QStringLiteral("/__sim"))) {
        *error = QStringLiteral("\"path\" must start with / (and not be under /__sim)");
        return std::nullopt;
    }
    f.method = json.value(QStringLiteral("method")).toString().toUpper();
    static const QStringList methods{QString(),
                                     QStringLiteral("GET"),
                                     QStringLiteral("POST"),
                                     QStringLiteral("PUT"),
                                     QStringLiteral("PATCH"),
                                     QStringLiteral("DELETE")};
    const QJsonValue method = json.value(QStringLiteral("method"));
    if ((!method.isUndefined() && !method.isString()) || !methods.contains(f.method)) {
        *error = QStringLiteral("\"method\" must be GET, POST, PUT, PATCH or DELETE (or absent)");
        return std::nullopt;
    }
    const QString mode = json.value(QStringLiteral("mode")).toString();
    const auto known = std::find_if(std::begin(kModes), std::end(kModes), [&](const ModeName &m) {
        return mode == QLatin1String(m.name);
    });
    if (known == std::end(kModes)) {
        *error = QStringLiteral("\"mode\" must be one of none, slow, 429, 503, reset, truncate, "
                                "malformed");
        return std::nullopt;
    }
    f.mode = known->mode;
    if (!readInt(json, QStringLiteral("delayMs"), 0, 600000, 0, &f.delayMs) ||
        !readInt(json, QStringLiteral("retryAfter"), -1, 86400, -1, &f.retryAfter) ||
        !readInt(json, QStringLiteral("times"), 0, 1000000, 0, &f.times)) {
        *error = QStringLiteral("delayMs (0..600000), retryAfter (-1..86400) and times "
                                "(0..1000000) are whole numbers");
        return std::nullopt;
    }
    return f;
}

QJsonObject Fault::toJson() const
{
    QJsonObject o{{QStringLiteral("path"), path},
                  {QStringLiteral("mode"), faultModeName(mode)},
                  {QStringLiteral("delayMs"), delayMs},
                  {QStringLiteral("retryAfter"), retryAfter},
                  {QStringLiteral("times"), times}};
    if (!method.isEmpty())
        o.insert(QStringLiteral("method"), method);
    return o;
}

void FaultTable::set(const Fault &fault)
{
    std::lock_guard lock(m_mutex);
    m_rules.removeIf(
        [&](const Fault &f) { return f.path == fault.path && f.method == fault.method; });
    m_rules.append(fault);
}

void FaultTable::clear()
{
    std::lock_guard lock(m_mutex);
    m_rules.clear();
}

QList<Fault> FaultTable::rules() const
{
    std::lock_guard lock(m_mutex);
    return m_rules;
}

std::optional<Fault> FaultTable::take(const QString &method, const QString &requestPath)
{
    std::lock_guard lock(m_mutex);
    qsizetype best = -1;
    // Longer paths first; for the same path, a rule naming the method first.
    const auto rank = [](const Fault &f) {
        return f.path.size() * 2 + (f.method.isEmpty() ? 0 : 1);
    };
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        const Fault &f = m_rules[i];
        if (requestPath.startsWith(f.path) && (f.method.isEmpty() || f.method == method) &&
            (best < 0 || rank(f) > rank(m_rules[best])))
            best = i;
    }
    if (best < 0)
        return std::nullopt;
    const Fault fault = m_rules[best];
    if (fault.times > 0 && --m_rules[best].times == 0)
        m_rules.removeAt(best);
    return fault;
}

} // namespace haitao::sim
