#pragma once

#include "backend/integrations/httpfetch.h"
#include "core/currency.h"
#include "core/decimal.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <optional>

namespace haitao::server::pricing {

// The ECB daily reference rates
// (https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml): units of each currency per
// one euro, for one working day.
struct EcbRates
{
    QDate date;
    QList<QPair<Currency, Decimal>> eurRates; // known currencies only, in file order; EUR absent
};

// Reads gesmes:Envelope / Cube / Cube time="YYYY-MM-DD" / Cube currency="USD" rate="1.0512".
// Currencies missing from the currency table are skipped. On failure returns nullopt and
// sets *error: malformed XML, no or a bad date, no rates, a rate that is not a positive
// plain decimal, a currency listed twice, or no CNY (which every cross rate needs).
std::optional<EcbRates> parseEcbXml(const QByteArray &xml, QString *error);

// CNY per one unit of a currency.
struct CnyRate
{
    Currency currency;
    Decimal cnyPerUnit;
};

// EUR directly (its CNY rate is EUR/CNY), then every other currency in file order as
// EUR/CNY / EUR/X rounded half-even to 10 significant digits. CNY itself is not listed.
// nullopt and *error if a cross rate does not fit a Decimal.
std::optional<QList<CnyRate>> crossRatesToCny(const EcbRates &rates, QString *error);

// When a day's rates count as published, as UTC ms: 16:00 in Frankfurt (the ECB publishes
// around then), 15:00 UTC if the time zone database lacks Europe/Berlin.
qint64 ecbAsOfMs(QDate date);

struct EcbFetch
{
    QString error;              // empty on success; HTTP, transport or file problems
    int httpStatus = 0;         // of the fetch, 0 if none arrived
    int retryAfterSeconds = -1; // from the response, -1 if it gave none
    QDate date;
    qint64 asOfMs = 0;
    QList<CnyRate> rates;
};

// Fetches and converts the file. Any status but 200, or any problem above, is an error and
// leaves `rates` empty: a bad file changes nothing.
EcbFetch fetchEcbRates(const QUrl &url, const FetchOptions &options = FetchOptions());

} // namespace haitao::server::pricing
