#include "sim/ecbfeed.h"

#include "core/decimal.h"

#include <QDateTime>
#include <QTimeZone>

namespace haitao::sim {

namespace {

// Rates per euro of early 2025, as the ECB prints them (its precision varies by currency).
constexpr const char *kBaseRates[][2] = {
    {"USD", "1.0512"},  {"JPY", "160.79"},  {"BGN", "1.9558"},  {"CZK", "25.154"},
    {"DKK", "7.4589"},  {"GBP", "0.83188"}, {"HUF", "411.23"},  {"PLN", "4.2695"},
    {"RON", "4.9771"},  {"SEK", "11.4995"}, {"CHF", "0.9412"},  {"ISK", "146.30"},
    {"NOK", "11.7815"}, {"TRY", "37.2310"}, {"AUD", "1.6621"},  {"BRL", "6.2342"},
    {"CAD", "1.4953"},  {"CNY", "7.6002"},  {"HKD", "8.1733"},  {"IDR", "17093.51"},
    {"ILS", "3.7621"},  {"INR", "90.8565"}, {"KRW", "1512.08"}, {"MXN", "21.4581"},
    {"MYR", "4.6912"},  {"NZD", "1.8402"},  {"PHP", "61.121"},  {"SGD", "1.4218"},
    {"THB", "35.702"},  {"ZAR", "19.5412"},
};

// A well-mixed, stable number from the day and the currency's row (not qHash: seeded).
quint32 mix(qint64 day, quint32 row)
{
    quint32 x = quint32(day) * 2654435761u ^ (row + 1) * 40503u;
    x ^= x >> 13;
    x *= 0x5bd1e995u;
    x ^= x >> 15;
    return x;
}

// `text` moved by `permyriad` / 10000 and rounded half-up at its own number of decimals (the
// trailing zeros of "146.30" included, as the ECB prints them).
QString moved(const char *text, int permyriad)
{
    const QString s = QLatin1String(text);
    const qsizetype dot = s.indexOf(u'.');
    const int decimals = dot < 0 ? 0 : int(s.size() - dot - 1);
    const qint64 mantissa = QString(s).remove(u'.').toLongLong();
    const qint64 scaled = mantissa * (10000 + permyriad);
    return detail::formatFixed((scaled + 5000) / 10000, decimals);
}

QTimeZone frankfurt()
{
    const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
    return berlin.isValid() ? berlin : QTimeZone(3600);
}

} // namespace

QDate ecbPublishedDate(qint64 nowMs)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(nowMs, frankfurt());
    QDate day = local.date();
    if (local.time() < QTime(16, 0))
        day = day.addDays(-1);
    while (day.dayOfWeek() > 5) // Saturday 6, Sunday 7
        day = day.addDays(-1);
    return day;
}

QByteArray ecbDailyXml(QDate date)
{
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<gesmes:Envelope xmlns:gesmes=\"http://www.gesmes.org/xml/2002-08-01\" "
                     "xmlns=\"http://www.ecb.int/vocabulary/2002-08-01/eurofxref\">\n"
                     "\t<gesmes:subject>Reference rates</gesmes:subject>\n"
                     "\t<gesmes:Sender>\n"
                     "\t\t<gesmes:name>European Central Bank</gesmes:name>\n"
                     "\t</gesmes:Sender>\n"
                     "\t<Cube>\n";
    xml += "\t\t<Cube time='" + date.toString(Qt::ISODate).toLatin1() + "'>\n";
    quint32 row = 0;
    for (const auto &[code, rate] : kBaseRates) {
        const int permyriad = int(mix(date.toJulianDay(), row++) % 101) - 50;
        xml += "\t\t\t<Cube currency='" + QByteArray(code) + "' rate='" +
               moved(rate, permyriad).toLatin1() + "'/>\n";
    }
    xml += "\t\t</Cube>\n"
           "\t</Cube>\n"
           "</gesmes:Envelope>\n";
    return xml;
}

} // namespace haitao::sim
