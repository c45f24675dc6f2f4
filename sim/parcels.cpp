#include "sim/parcels.h"

#include "sim/logisticsfaults.h"

namespace haitao::sim {

Parcels::Parcels(LogisticsFaults &faults)
    : m_faults(faults)
{}

QString Parcels::nextNumber(Carrier carrier, const QString &country)
{
    const qint64 n = ++m_sequence[size_t(carrier)];
    switch (carrier) {
    case Carrier::Swiftpost:
        return QStringLiteral("SP%1%2").arg(n, 9, 10, QLatin1Char('0')).arg(country);
    case Carrier::Kuroneko:
        return QString::number(400000000000LL + n); // 12 digits, like a Yamato slip
    case Carrier::Dpost:
        return QStringLiteral("DP%1DE").arg(n, 9, 10, QLatin1Char('0'));
    case Carrier::Intlexpress:
        return QStringLiteral("IE%1CN").arg(n, 9, 10, QLatin1Char('0'));
    case Carrier::Sfsim:
        return QStringLiteral("SF%1").arg(1000000000000LL + n, 13, 10, QLatin1Char('0'));
    }
    return {};
}

quint32 Parcels::addLocked(Carrier carrier, qint64 startMs, const QString &country,
                           std::optional<Scenario> scenario)
{
    Entry e;
    e.carrier = carrier;
    e.number = nextNumber(carrier, country);
    e.startMs = startMs;
    e.announcedUntilMs = startMs - 1;
    e.nextDueMs = -1;
    e.scenario = scenario ? *scenario : m_faults.drawScenario(carrier);
    if (e.scenario == Scenario::CustomsHold && carrier != Carrier::Intlexpress)
        e.scenario = Scenario::Normal;
    const auto index = quint32(m_entries.size());
    m_byNumber.insert(e.number, index);
    m_entries.push_back(std::move(e));
    if (carrier == Carrier::Intlexpress) {
        linkDomesticLocked(index);
        scheduleLocked(index);
    }
    return index;
}

void Parcels::linkDomesticLocked(quint32 index)
{
    Entry &e = m_entries[index];
    const std::optional<qint64> handover = handoverOffsetMs(e.scenario);
    const qint64 start =
        handover ? e.startMs + *handover + kHandoverToCollectMs : kNever; // lost: never
    if (e.linked >= 0) {
        m_entries[size_t(e.linked)].startMs = start;
        return;
    }
    const quint32 domestic = addLocked(Carrier::Sfsim, start, {}, std::nullopt);
    m_entries[index].linked = qint32(domestic); // addLocked may have moved the vector
}

void Parcels::scheduleLocked(quint32 index)
{
    Entry &e = m_entries[index];
    if (e.nextDueMs >= 0)
        m_due.erase({e.nextDueMs, index});
    e.nextDueMs = -1;
    for (const PlannedEvent &event : planEvents(e.carrier, e.scenario, e.number, e.startMs)) {
        if (event.atMs > e.announcedUntilMs) {
            e.nextDueMs = event.atMs;
            m_due.insert({e.nextDueMs, index});
            return;
        }
    }
}

QString Parcels::create(Carrier carrier, qint64 startMs, const QString &country,
                        std::optional<Scenario> scenario)
{
    std::lock_guard lock(m_mutex);
    return m_entries[addLocked(carrier, startMs, country, scenario)].number;
}

QStringList Parcels::createBulk(Carrier carrier, int count, qint64 startMs,
                                std::optional<Scenario> scenario)
{
    QStringList numbers;
    numbers.reserve(count);
    std::lock_guard lock(m_mutex);
    m_entries.reserve(m_entries.size() + size_t(count) * 2);
    m_byNumber.reserve(m_byNumber.size() + count * 2);
    for (int i = 0; i < count; ++i) {
        const QString country = carrier == Carrier::Swiftpost
                                    ? (i % 2 ? QStringLiteral("GB") : QStringLiteral("US"))
                                : carrier == Carrier::Dpost ? QStringLiteral("DE")
                                                            : QString();
        numbers.append(m_entries[addLocked(carrier, startMs, country, scenario)].number);
    }
    return numbers;
}

std::pair<QString, bool> Parcels::createInternational(const QString &reference, qint64 startMs)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_byReference.constFind(reference);
    if (it != m_byReference.constEnd())
        return {m_entries[*it].number, false};
    const quint32 index = addLocked(Carrier::Intlexpress, startMs, {}, std::nullopt);
    m_byReference.insert(reference, index);
    return {m_entries[index].number, true};
}

ParcelInfo Parcels::infoLocked(quint32 index, qint64 nowMs) const
{
    const Entry &e = m_entries[index];
    ParcelInfo info;
    info.number = e.number;
    info.carrier = e.carrier;
    info.scenario = e.scenario;
    info.startMs = e.startMs;
    info.started = e.startMs <= nowMs;
    if (e.linked >= 0)
        info.handoverTo = m_entries[size_t(e.linked)].number;
    return info;
}

std::optional<ParcelInfo> Parcels::find(const QString &number, qint64 nowMs) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_byNumber.constFind(number);
    if (it == m_byNumber.constEnd())
        return std::nullopt;
    return infoLocked(*it, nowMs);
}

bool Parcels::force(const QString &number, Scenario scenario)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_byNumber.constFind(number);
    if (it == m_byNumber.constEnd())
        return false;
    const quint32 index = *it;
    m_entries[index].scenario = scenario;
    if (m_entries[index].carrier == Carrier::Intlexpress) {
        linkDomesticLocked(index);
        scheduleLocked(index);
    }
    return true;
}

QList<DueEvent> Parcels::takeVisible(qint64 nowMs)
{
    QList<DueEvent> due;
    std::lock_guard lock(m_mutex);
    while (!m_due.empty() && m_due.begin()->first <= nowMs) {
        const quint32 index = m_due.begin()->second;
        m_due.erase(m_due.begin());
        Entry &e = m_entries[index];
        e.nextDueMs = -1;
        const ParcelInfo info = infoLocked(index, nowMs);
        for (const PlannedEvent &event : info.events()) {
            if (event.atMs > e.announcedUntilMs && event.atMs <= nowMs)
                due.append({info, event});
        }
        e.announcedUntilMs = nowMs;
        scheduleLocked(index);
    }
    std::stable_sort(due.begin(), due.end(), [](const DueEvent &a, const DueEvent &b) {
        return a.event.atMs < b.event.atMs;
    });
    return due;
}

qsizetype Parcels::size() const
{
    std::lock_guard lock(m_mutex);
    return qsizetype(m_entries.size());
}

} // namespace haitao::sim
