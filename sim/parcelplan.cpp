#include "sim/parcelplan.h"

#include <QStringList>

#include <array>

namespace haitao::sim {

namespace {

constexpr qint64 kHour = 3600 * 1000LL;

// A stable hash (qHash is seeded per process): places depend on the number only.
quint32 stableHash(const QString &text)
{
    quint32 h = 2166136261u;
    for (const QChar c : text) {
        h ^= c.unicode();
        h *= 16777619u;
    }
    return h;
}

struct Step
{
    double hours;
    const char *code;
    int place; // index into the style's places: 0 origin, 1 hub, 2 destination
};

struct Style
{
    QStringList origins;
    QString hub;
    QString destination;
    // code -> text
    QList<std::pair<QString, QString>> texts;
};

QString textOf(const Style &style, const QString &code)
{
    for (const auto &[c, t] : style.texts) {
        if (c == code)
            return t;
    }
    return code;
}

Style styleOf(Carrier carrier, const QString &number)
{
    switch (carrier) {
    case Carrier::Swiftpost:
    case Carrier::Dpost: {
        const QList<std::pair<QString, QString>> texts{
            {QStringLiteral("LABEL"), QStringLiteral("Shipping label created")},
            {QStringLiteral("PICKUP"), QStringLiteral("Picked up")},
            {QStringLiteral("TRANSIT"), QStringLiteral("In transit")},
            {QStringLiteral("HUB_HOLD"), QStringLiteral("Held at hub for inspection")},
            {QStringLiteral("OUT"), QStringLiteral("Out for delivery")},
            {QStringLiteral("DLV"), QStringLiteral("Delivered")},
            {QStringLiteral("EXC"), QStringLiteral("Delivery exception: address not accessible")},
            {QStringLiteral("RTS"), QStringLiteral("Returned to sender")}};
        if (number.endsWith(u"GB"))
            return {{QStringLiteral("London"), QStringLiteral("Manchester"),
                     QStringLiteral("Leeds"), QStringLiteral("Bristol")},
                    QStringLiteral("Birmingham Hub"),
                    QStringLiteral("Slough"),
                    texts};
        if (number.endsWith(u"DE"))
            return {{QStringLiteral("Berlin"), QStringLiteral("Hamburg"), QStringLiteral("Munich"),
                     QStringLiteral("Cologne")},
                    QStringLiteral("Leipzig Hub"),
                    QStringLiteral("Frankfurt am Main"),
                    texts};
        return {{QStringLiteral("Seattle, WA"), QStringLiteral("Columbus, OH"),
                 QStringLiteral("Dallas, TX"), QStringLiteral("Newark, NJ")},
                QStringLiteral("Memphis Hub, TN"),
                QStringLiteral("Portland, OR"),
                texts};
    }
    case Carrier::Kuroneko:
        return {{QStringLiteral("東京都江東区"), QStringLiteral("大阪府大阪市"),
                 QStringLiteral("神奈川県横浜市"), QStringLiteral("福岡県福岡市")},
                QStringLiteral("羽田クロノゲートベース"),
                QStringLiteral("千葉県成田市"),
                {{QStringLiteral("01"), QStringLiteral("荷物受付")},
                 {QStringLiteral("02"), QStringLiteral("発送済み")},
                 {QStringLiteral("03"), QStringLiteral("輸送中")},
                 {QStringLiteral("50"), QStringLiteral("保管中")},
                 {QStringLiteral("04"), QStringLiteral("配達中")},
                 {QStringLiteral("05"), QStringLiteral("配達完了")},
                 {QStringLiteral("90"), QStringLiteral("調査中")},
                 {QStringLiteral("91"), QStringLiteral("返品")}}};
    case Carrier::Intlexpress:
        return {{QStringLiteral("Portland, US"), QStringLiteral("Slough, GB"),
                 QStringLiteral("Narita, JP"), QStringLiteral("Frankfurt, DE")},
                QStringLiteral("Shanghai Pudong Airport, CN"),
                QStringLiteral("Shanghai Customs, CN"),
                {{QStringLiteral("ACCEPTED"), QStringLiteral("Shipment accepted")},
                 {QStringLiteral("DEPARTED"), QStringLiteral("Departed origin facility")},
                 {QStringLiteral("HUB_SCAN"), QStringLiteral("Transit hub scan")},
                 {QStringLiteral("EXCEPTION"), QStringLiteral("Missed connection, rebooked")},
                 {QStringLiteral("ARRIVED_CN"), QStringLiteral("Arrived in destination country")},
                 {QStringLiteral("CUSTOMS_IN"), QStringLiteral("Customs clearance started")},
                 {QStringLiteral("CUSTOMS_HOLD"),
                  QStringLiteral("Held by customs: documents requested")},
                 {QStringLiteral("CUSTOMS_RELEASED"), QStringLiteral("Released by customs")},
                 {QStringLiteral("HANDOVER"), QStringLiteral("Handed over to domestic carrier")}}};
    case Carrier::Sfsim:
        return {{QStringLiteral("上海市浦东新区")},
                QStringLiteral("杭州转运中心"),
                QStringList{QStringLiteral("北京市朝阳区"), QStringLiteral("广州市天河区"),
                            QStringLiteral("深圳市南山区"), QStringLiteral("成都市武侯区")}
                    .at(int(stableHash(number) % 4)),
                {{QStringLiteral("COLLECT"), QStringLiteral("已揽收")},
                 {QStringLiteral("TRANSIT"), QStringLiteral("运输中")},
                 {QStringLiteral("STATION_HOLD"), QStringLiteral("网点滞留")},
                 {QStringLiteral("DELIVERING"), QStringLiteral("派送中")},
                 {QStringLiteral("SIGNED"), QStringLiteral("已签收")},
                 {QStringLiteral("PROBLEM"), QStringLiteral("问题件")},
                 {QStringLiteral("RETURN"), QStringLiteral("退回")}}};
    }
    return {};
}

// The steps of each carrier style and scenario, in hours after the parcel's start.
QList<Step> stepsOf(Carrier carrier, Scenario scenario)
{
    switch (carrier) {
    case Carrier::Swiftpost:
    case Carrier::Dpost:
    case Carrier::Kuroneko: {
        const bool jp = carrier == Carrier::Kuroneko;
        const char *label = jp ? "01" : "LABEL";
        const char *pickup = jp ? "02" : "PICKUP";
        const char *transit = jp ? "03" : "TRANSIT";
        const char *out = jp ? "04" : "OUT";
        const char *delivered = jp ? "05" : "DLV";
        const char *exception = jp ? "90" : "EXC";
        const char *hold = jp ? "50" : "HUB_HOLD";
        QList<Step> steps{{0, label, 0}, {3, pickup, 0}, {20, transit, 1}};
        switch (scenario) {
        case Scenario::Lost:
            return steps;
        case Scenario::Exception:
            return steps << Step{40, exception, 2} << Step{70, delivered, 2};
        case Scenario::UnknownStatus:
            steps << Step{24, hold, 1};
            break;
        case Scenario::Normal:
        case Scenario::CustomsHold:
            break;
        }
        return steps << Step{40, out, 2} << Step{44, delivered, 2};
    }
    case Carrier::Intlexpress: {
        QList<Step> steps{{0, "ACCEPTED", 0}, {6, "DEPARTED", 0}};
        double shift = 0;
        switch (scenario) {
        case Scenario::Lost:
            return steps;
        case Scenario::Exception:
            steps << Step{18, "EXCEPTION", 0};
            shift = 24;
            break;
        case Scenario::UnknownStatus:
            steps << Step{20, "HUB_SCAN", 1};
            break;
        case Scenario::Normal:
        case Scenario::CustomsHold:
            break;
        }
        steps << Step{30 + shift, "ARRIVED_CN", 1} << Step{32 + shift, "CUSTOMS_IN", 2};
        if (scenario == Scenario::CustomsHold) {
            steps << Step{34, "CUSTOMS_HOLD", 2};
            shift = 40;
        }
        return steps << Step{40 + shift, "CUSTOMS_RELEASED", 2} << Step{42 + shift, "HANDOVER", 1};
    }
    case Carrier::Sfsim: {
        QList<Step> steps{{0, "COLLECT", 0}, {6, "TRANSIT", 1}};
        switch (scenario) {
        case Scenario::Lost:
            return steps;
        case Scenario::Exception:
            return steps << Step{22, "PROBLEM", 2} << Step{52, "SIGNED", 2};
        case Scenario::UnknownStatus:
            steps << Step{12, "STATION_HOLD", 1};
            break;
        case Scenario::Normal:
        case Scenario::CustomsHold:
            break;
        }
        return steps << Step{22, "DELIVERING", 2} << Step{26, "SIGNED", 2};
    }
    }
    return {};
}

} // namespace

QString carrierCode(Carrier carrier)
{
    switch (carrier) {
    case Carrier::Swiftpost:
        return QStringLiteral("swiftpost");
    case Carrier::Kuroneko:
        return QStringLiteral("kuroneko");
    case Carrier::Dpost:
        return QStringLiteral("dpost");
    case Carrier::Intlexpress:
        return QStringLiteral("intlexpress");
    case Carrier::Sfsim:
        return QStringLiteral("sfsim");
    }
    return {};
}

std::optional<Carrier> carrierFromCode(const QString &code)
{
    for (Carrier c : {Carrier::Swiftpost, Carrier::Kuroneko, Carrier::Dpost, Carrier::Intlexpress,
                      Carrier::Sfsim}) {
        if (carrierCode(c) == code)
            return c;
    }
    return std::nullopt;
}

QString scenarioName(Scenario scenario)
{
    switch (scenario) {
    case Scenario::Normal:
        return QStringLiteral("normal");
    case Scenario::Lost:
        return QStringLiteral("lost");
    case Scenario::Exception:
        return QStringLiteral("exception");
    case Scenario::CustomsHold:
        return QStringLiteral("customs_hold");
    case Scenario::UnknownStatus:
        return QStringLiteral("unknown_status");
    }
    return {};
}

std::optional<Scenario> scenarioFromName(const QString &name)
{
    for (Scenario s : {Scenario::Normal, Scenario::Lost, Scenario::Exception, Scenario::CustomsHold,
                       Scenario::UnknownStatus}) {
        if (scenarioName(s) == name)
            return s;
    }
    return std::nullopt;
}

QList<PlannedEvent> planEvents(Carrier carrier, Scenario scenario, const QString &number,
                               qint64 startMs)
{
    const Style style = styleOf(carrier, number);
    const QString origin = style.origins.at(int(stableHash(number) % style.origins.size()));
    QList<Step> steps = stepsOf(carrier, scenario);
    std::stable_sort(steps.begin(), steps.end(),
                     [](const Step &a, const Step &b) { return a.hours < b.hours; });
    QList<PlannedEvent> events;
    events.reserve(steps.size());
    for (const Step &step : steps) {
        const QString code = QString::fromLatin1(step.code);
        const QString place = step.place == 0   ? origin
                              : step.place == 1 ? style.hub
                                                : style.destination;
        events.append({QStringLiteral("%1-%2").arg(number, code),
                       startMs + qint64(step.hours * kHour), place, code, textOf(style, code)});
    }
    return events;
}

std::optional<qint64> handoverOffsetMs(Scenario scenario)
{
    for (const Step &step : stepsOf(Carrier::Intlexpress, scenario)) {
        if (qstrcmp(step.code, "HANDOVER") == 0)
            return qint64(step.hours * kHour);
    }
    return std::nullopt;
}

int zoneOffsetMinutes(Carrier carrier, const QString &number)
{
    switch (carrier) {
    case Carrier::Swiftpost:
    case Carrier::Dpost:
        return number.endsWith(u"US") ? -5 * 60 : number.endsWith(u"DE") ? 60 : 0;
    case Carrier::Kuroneko:
        return 9 * 60;
    case Carrier::Intlexpress:
        return 0;
    case Carrier::Sfsim:
        return 8 * 60;
    }
    return 0;
}

} // namespace haitao::sim
