#pragma once

#include "sim/parcelplan.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <limits>
#include <mutex>
#include <optional>
#include <set>
#include <vector>

namespace haitao::sim {

class LogisticsFaults;

// What is known about one parcel; its events follow from these (planEvents).
struct ParcelInfo
{
    QString number;
    Carrier carrier = Carrier::Swiftpost;
    Scenario scenario = Scenario::Normal;
    qint64 startMs = 0;   // simulated time of its first event
    QString handoverTo;   // intlexpress: the sfsim number it is handed over to
    bool started = false; // the carrier knows it (its start has come)
    QList<PlannedEvent> events() const { return planEvents(carrier, scenario, number, startMs); }
};

// A visible event of a webhook carrier that has not been announced yet.
struct DueEvent
{
    ParcelInfo parcel;
    PlannedEvent event;
};

// Every parcel the simulated carriers know: number, carrier, scenario and start, nothing
// per event. Scenarios are drawn from the fault settings unless forced. Thread-safe.
class Parcels
{
public:
    explicit Parcels(LogisticsFaults &faults);

    // A new parcel starting at startMs (simulated); country: the swiftpost number's
    // suffix (US, GB) or dpost's (DE). Returns its number.
    QString create(Carrier carrier, qint64 startMs, const QString &country,
                   std::optional<Scenario> scenario = std::nullopt);
    // count parcels at once (the bench); swiftpost alternates US and GB.
    QStringList createBulk(Carrier carrier, int count, qint64 startMs,
                           std::optional<Scenario> scenario);
    // intlexpress: the parcel for a shipment reference, created (true) or found again.
    std::pair<QString, bool> createInternational(const QString &reference, qint64 startMs);

    // nowMs decides `started`.
    std::optional<ParcelInfo> find(const QString &number, qint64 nowMs) const;
    // Re-plans the parcel from its start (and the domestic parcel it is handed over to).
    bool force(const QString &number, Scenario scenario);
    // The webhook carrier's events that became visible since the last call, by time.
    QList<DueEvent> takeVisible(qint64 nowMs);
    qsizetype size() const;

private:
    struct Entry
    {
        QString number;
        qint64 startMs = 0;
        qint64 announcedUntilMs = 0; // webhook carriers: events up to here were announced
        qint64 nextDueMs = 0;        // its key in m_due, or -1
        qint32 linked = -1;          // intlexpress: its sfsim parcel
        Carrier carrier = Carrier::Swiftpost;
        Scenario scenario = Scenario::Normal;
    };
    static constexpr qint64 kNever = std::numeric_limits<qint64>::max() / 4;

    quint32 addLocked(Carrier carrier, qint64 startMs, const QString &country,
                      std::optional<Scenario> scenario);
    QString nextNumber(Carrier carrier, const QString &country);
    void linkDomesticLocked(quint32 index); // plans the sfsim parcel after the handover
    void scheduleLocked(quint32 index);     // (re)places a webhook parcel in m_due
    ParcelInfo infoLocked(quint32 index, qint64 nowMs) const;

    LogisticsFaults &m_faults;
    mutable std::mutex m_mutex;
    std::vector<Entry> m_entries;
    QHash<QString, quint32> m_byNumber;
    QHash<QString, quint32> m_byReference;      // intlexpress shipment references
    std::set<std::pair<qint64, quint32>> m_due; // next event time of webhook parcels
    std::array<qint64, 5> m_sequence{};
};

} // namespace haitao::sim
