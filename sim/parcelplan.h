#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace haitao::sim {

// The simulated carriers and what can happen to a parcel.
enum class Carrier : quint8 { Swiftpost, Kuroneko, Dpost, Intlexpress, Sfsim };
enum class Scenario : quint8 { Normal, Lost, Exception, CustomsHold, UnknownStatus };

QString carrierCode(Carrier carrier);
std::optional<Carrier> carrierFromCode(const QString &code);
QString scenarioName(Scenario scenario);
std::optional<Scenario> scenarioFromName(const QString &name);

// One planned carrier event. Its time is simulated time; it is visible once the sim's
// clock reaches it.
struct PlannedEvent
{
    QString id; // unique within the parcel, stable when the parcel is re-planned
    qint64 atMs = 0;
    QString place;
    QString code;
    QString text;
};

// A parcel's events, computed from its number, carrier, scenario and start: nothing is
// stored per event, so that 100,000 parcels cost little memory.
QList<PlannedEvent> planEvents(Carrier carrier, Scenario scenario, const QString &number,
                               qint64 startMs);

// intlexpress hands a parcel to the domestic carrier this long after its start (the
// HANDOVER event); the sfsim parcel starts two hours later. nullopt: never (lost).
std::optional<qint64> handoverOffsetMs(Scenario scenario);
constexpr qint64 kHandoverToCollectMs = 2 * 3600 * 1000LL;

// The zone a carrier writes its times in, in minutes east of UTC (swiftpost: by the
// number's country suffix).
int zoneOffsetMinutes(Carrier carrier, const QString &number);

} // namespace haitao::sim
