#include "backend/pricing/ecb.h"

#include <QDateTime>
#include <QTimeZone>
#include <QXmlStreamReader>

#include <algorithm>

namespace haitao::server::pricing {

namespace {

// The published cross rates keep this many significant digits (docs/pricing.md).
constexpr int kCrossRateDigits = 10;

bool fail(QString *error, const QString &why)
{
    if (error)
        *error = why;
    return false;
}

// Reads the rate Cubes of one dated Cube. The reader stands on its start element.
bool readDay(QXmlStreamReader &xml, bool keep, EcbRates &out, QString *error)
{
    while (xml.readNextStartElement()) {
        if (xml.name() != u"Cube") {
            xml.skipCurrentElement();
            continue;
        }
        const QXmlStreamAttributes attributes = xml.attributes();
        const QStringView code = attributes.value(QStringLiteral("currency"));
        const QStringView rateText = attributes.value(QStringLiteral("rate"));
        if (code.isEmpty() || rateText.isEmpty())
            return fail(error, QStringLiteral("line %1: a rate Cube needs currency and rate")
                                   .arg(xml.lineNumber()));
        xml.skipCurrentElement();
        if (!keep)
            continue;
        const std::optional<Currency> currency = Currency::fromCode(code);
        if (!currency || *currency == *Currency::fromCode(u"EUR"))
            continue; // not traded here (or EUR per EUR, which no file should list)
        const MoneyResult<Decimal> rate = Decimal::parse(rateText);
        if (!rate || rate->isNegative() || rate->isZero())
            return fail(error, QStringLiteral("line %1: %2 has the rate \"%3\", not a positive "
                                              "decimal")
                                   .arg(xml.lineNumber())
                                   .arg(code, rateText));
        for (const auto &[known, _] : out.eurRates) {
            if (known == *currency)
                return fail(error, QStringLiteral("%1 is listed twice").arg(code));
        }
        out.eurRates.append({*currency, *rate});
    }
    return true;
}

} // namespace

std::optional<EcbRates> parseEcbXml(const QByteArray &bytes, QString *error)
{
    QXmlStreamReader xml(bytes);
    EcbRates out;
    if (!xml.readNextStartElement() || xml.name() != u"Envelope") {
        fail(error, xml.hasError() ? QStringLiteral("not XML: %1").arg(xml.errorString())
                                   : QStringLiteral("not an ECB rate file (no Envelope)"));
        return std::nullopt;
    }
    // Envelope / Cube / Cube time=... / Cube currency=... rate=...; the history files list
    // several days, newest first: only the first is read, the rest checked for well-formedness.
    bool haveDay = false;
    while (xml.readNextStartElement()) {
        if (xml.name() != u"Cube") {
            xml.skipCurrentElement(); // subject, Sender
            continue;
        }
        while (xml.readNextStartElement()) {
            if (xml.name() != u"Cube" || !xml.attributes().hasAttribute(QStringLiteral("time"))) {
                fail(error, QStringLiteral("line %1: expected a Cube with a time attribute")
                                .arg(xml.lineNumber()));
                return std::nullopt;
            }
            const bool keep = !haveDay;
            if (keep) {
                const QString time = xml.attributes().value(QStringLiteral("time")).toString();
                out.date = QDate::fromString(time, Qt::ISODate);
                if (!out.date.isValid()) {
                    fail(error, QStringLiteral("bad date \"%1\"").arg(time));
                    return std::nullopt;
                }
                haveDay = true;
            }
            if (!readDay(xml, keep, out, error))
                return std::nullopt;
        }
    }
    if (xml.hasError()) {
        fail(error, QStringLiteral("malformed XML at line %1: %2")
                        .arg(xml.lineNumber())
                        .arg(xml.errorString()));
        return std::nullopt;
    }
    if (!haveDay) {
        fail(error, QStringLiteral("no dated Cube (time=\"YYYY-MM-DD\")"));
        return std::nullopt;
    }
    if (out.eurRates.isEmpty()) {
        fail(error, QStringLiteral("no rates for %1").arg(out.date.toString(Qt::ISODate)));
        return std::nullopt;
    }
    const bool haveCny = std::any_of(out.eurRates.begin(), out.eurRates.end(),
                                     [](const auto &r) { return r.first == Currency::cny(); });
    if (!haveCny) {
        fail(error, QStringLiteral("no CNY rate, which every cross rate needs"));
        return std::nullopt;
    }
    return out;
}

std::optional<QList<CnyRate>> crossRatesToCny(const EcbRates &rates, QString *error)
{
    std::optional<Decimal> eurCny;
    for (const auto &[currency, rate] : rates.eurRates) {
        if (currency == Currency::cny())
            eurCny = rate;
    }
    if (!eurCny || eurCny->isZero() || eurCny->isNegative()) {
        fail(error, QStringLiteral("no positive CNY rate"));
        return std::nullopt;
    }
    QList<CnyRate> out;
    out.append({*Currency::fromCode(u"EUR"), *eurCny});
    for (const auto &[currency, rate] : rates.eurRates) {
        if (currency == Currency::cny())
            continue;
        // CNY per X = (CNY per EUR) / (X per EUR).
        const MoneyResult<Decimal> cross =
            eurCny->divided(rate, kCrossRateDigits, Rounding::HalfEven);
        if (!cross) {
            fail(error, QStringLiteral("%1: %2").arg(currency.code(), cross.error().message));
            return std::nullopt;
        }
        out.append({currency, *cross});
    }
    return out;
}

qint64 ecbAsOfMs(QDate date)
{
    const QTimeZone frankfurt(QByteArrayLiteral("Europe/Berlin"));
    if (frankfurt.isValid())
        return QDateTime(date, QTime(16, 0), frankfurt).toMSecsSinceEpoch();
    return QDateTime(date, QTime(15, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

EcbFetch fetchEcbRates(const QUrl &url, const FetchOptions &options)
{
    EcbFetch out;
    const FetchResult fetched = httpGet(url, options);
    out.httpStatus = fetched.status;
    out.retryAfterSeconds = fetched.retryAfterSeconds;
    if (!fetched.error.isEmpty()) {
        out.error = fetched.error;
        return out;
    }
    if (fetched.status != 200) {
        out.error = QStringLiteral("HTTP status %1").arg(fetched.status);
        if (out.retryAfterSeconds >= 0)
            out.error += QStringLiteral(" (retry after %1 s)").arg(out.retryAfterSeconds);
        return out;
    }
    QString why;
    const std::optional<EcbRates> parsed = parseEcbXml(fetched.body, &why);
    if (!parsed) {
        out.error = QStringLiteral("bad rate file: %1").arg(why);
        return out;
    }
    const std::optional<QList<CnyRate>> cross = crossRatesToCny(*parsed, &why);
    if (!cross) {
        out.error = QStringLiteral("bad rate file: %1").arg(why);
        return out;
    }
    out.date = parsed->date;
    out.asOfMs = ecbAsOfMs(parsed->date);
    out.rates = *cross;
    return out;
}

} // namespace haitao::server::pricing
