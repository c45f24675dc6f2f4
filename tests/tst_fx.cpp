// The FX-rate input side: the ECB file parser, the CNY cross rates, and the libcurl fetcher
// against haitao-sim's rate file and its fault modes.
#include "backend/integrations/httpfetch.h"
#include "backend/pricing/ecb.h"
#include "sim/ecbfeed.h"
#include "sim/simserver.h"
#include "tests/support/syncclient.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

#include <atomic>
#include <limits>
#include <thread>
#include <vector>

using haitao::Currency;
using haitao::Decimal;
using haitao::server::FetchOptions;
using haitao::server::FetchResult;
using haitao::server::httpGet;
using haitao::testing::SyncClient;
namespace pricing = haitao::server::pricing;

namespace {

Currency currency(const char *code)
{
    return *Currency::fromCode(QString::fromLatin1(code));
}

// Shaped like the real file (single quotes, tabs, the gesmes header), with BGN and ZAR,
// which are not in the currency table, and GBP with the ECB's trailing zero.
const QByteArray kSample = R"(<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
	<gesmes:subject>Reference rates</gesmes:subject>
	<gesmes:Sender>
		<gesmes:name>European Central Bank</gesmes:name>
	</gesmes:Sender>
	<Cube>
		<Cube time='2025-01-10'>
			<Cube currency='USD' rate='1.0304'/>
			<Cube currency='JPY' rate='162.73'/>
			<Cube currency='BGN' rate='1.9558'/>
			<Cube currency='GBP' rate='0.83650'/>
			<Cube currency='KRW' rate='1514.24'/>
			<Cube currency='AUD' rate='1.6615'/>
			<Cube currency='CNY' rate='7.5540'/>
			<Cube currency='THB' rate='35.752'/>
			<Cube currency='ZAR' rate='19.3547'/>
		</Cube>
	</Cube>
</gesmes:Envelope>
)";

// The sample with `from` replaced by `to`, for the malformed variants.
QByteArray sampleWith(const QByteArray &from, const QByteArray &to)
{
    QByteArray s = kSample;
    if (!s.contains(from))
        qFatal("test data: the sample has no %s", from.constData());
    return s.replace(from, to);
}

QString show(const std::optional<QList<pricing::CnyRate>> &rates)
{
    if (!rates)
        return QStringLiteral("(refused)");
    QStringList out;
    for (const pricing::CnyRate &r : *rates)
        out << r.currency.code() + u' ' + r.cnyPerUnit.toString();
    return out.join(u", ");
}

// A started sim and its base URL; stopped at scope exit.
struct Sim
{
    haitao::sim::SimServer server;
    QString base;

    Sim()
    {
        QString error;
        if (!server.start(QStringLiteral("127.0.0.1"), 0, &error))
            qFatal("cannot start the sim: %s", qPrintable(error));
        base = QStringLiteral("http://127.0.0.1:%1").arg(server.port());
    }
    QUrl url(const QString &path) const { return QUrl(base + path); }
    // Sets a fault rule (POST /__sim/faults) through the Qt client: httpGet only GETs.
    void postJson(const QString &path, const QByteArray &json)
    {
        SyncClient c{QUrl(base)};
        const auto r = c.raw("POST", path, json, {{"Content-Type", "application/json"}});
        if (r.status != 200)
            qFatal("the sim refused %s: %s", json.constData(), r.body.constData());
    }
};

} // namespace

class TstFx : public QObject
{
    Q_OBJECT

private slots:
    void parsesTheDailyFile()
    {
        QString error;
        const auto rates = pricing::parseEcbXml(kSample, &error);
        QVERIFY2(rates, qPrintable(error));
        QCOMPARE(rates->date, QDate(2025, 1, 10));
        QStringList seen;
        for (const auto &[c, rate] : rates->eurRates)
            seen << c.code() + u' ' + rate.toString();
        // BGN and ZAR skipped; file order kept; 0.83650 read exactly as 0.8365.
        QCOMPARE(seen, QStringList({QStringLiteral("USD 1.0304"), QStringLiteral("JPY 162.73"),
                                    QStringLiteral("GBP 0.8365"), QStringLiteral("KRW 1514.24"),
                                    QStringLiteral("AUD 1.6615"), QStringLiteral("CNY 7.554"),
                                    QStringLiteral("THB 35.752")}));
    }

    void refusesBadFiles_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<QString>("why"); // a fragment of the error

        QTest::newRow("empty") << QByteArray() << "not XML";
        QTest::newRow("html") << QByteArray("<html><body>Service down</body></html>")
                              << "no Envelope";
        QTest::newRow("truncated")
            << kSample.left(kSample.indexOf("<Cube currency='KRW'") + 10) << "malformed XML";
        QTest::newRow("unclosed tag")
            << sampleWith("</gesmes:Envelope>", "</gesmes:Envelop>") << "malformed XML";
        QTest::newRow("missing time")
            << sampleWith("<Cube time='2025-01-10'>", "<Cube>") << "time attribute";
        QTest::newRow("bad date") << sampleWith("2025-01-10", "2025-13-10") << "bad date";
        QTest::newRow("bad rate") << sampleWith("rate='1.0304'", "rate='abc'")
                                  << "USD has the rate \"abc\"";
        QTest::newRow("negative rate")
            << sampleWith("rate='1.6615'", "rate='-1.6615'") << "AUD has the rate \"-1.6615\"";
        QTest::newRow("zero rate")
            << sampleWith("rate='162.73'", "rate='0'") << "JPY has the rate \"0\"";
        QTest::newRow("exponent") << sampleWith("rate='1.0304'", "rate='1.03e0'")
                                  << "not a positive decimal";
        QTest::newRow("no rate attribute")
            << sampleWith("rate='1.0304'", "value='1.0304'") << "needs currency and rate";
        QTest::newRow("no CNY") << sampleWith("<Cube currency='CNY' rate='7.5540'/>", "")
                                << "no CNY";
        QTest::newRow("listed twice")
            << sampleWith("currency='THB'", "currency='USD'") << "USD is listed twice";
        QByteArray noRates = kSample;
        const qsizetype from = noRates.indexOf("<Cube currency");
        noRates.remove(from, noRates.indexOf("</Cube>") - from);
        QTest::newRow("no rates") << noRates << "no rates for 2025-01-10";
        QTest::newRow("only unknown currencies")
            << QByteArray("<gesmes:Envelope xmlns:gesmes='g'><Cube><Cube time='2025-01-10'>"
                          "<Cube currency='BGN' rate='1.9558'/></Cube></Cube></gesmes:Envelope>")
            << "no rates";
        QTest::newRow("no Cube at all")
            << QByteArray("<gesmes:Envelope xmlns:gesmes='g'/>") << "no dated Cube";
    }

    void refusesBadFiles()
    {
        QFETCH(QByteArray, xml);
        QFETCH(QString, why);
        QString error;
        QVERIFY(!pricing::parseEcbXml(xml, &error));
        QVERIFY2(error.contains(why), qPrintable(error));
    }

    void readsOnlyTheNewestDayOfAHistoryFile()
    {
        // The 90-day file lists days newest first; the older ones are checked, not used.
        const QByteArray older = "<Cube time='2025-01-09'><Cube currency='CNY' rate='7.6'/>"
                                 "<Cube currency='KRW' rate='1500'/></Cube>\n\t</Cube>";
        const QByteArray history = sampleWith("\t\t</Cube>\n\t</Cube>", "\t\t</Cube>\n" + older);
        QString error;
        const auto rates = pricing::parseEcbXml(history, &error);
        QVERIFY2(rates, qPrintable(error));
        QCOMPARE(rates->date, QDate(2025, 1, 10));
        QCOMPARE(rates->eurRates.size(), 7);
        QVERIFY(!pricing::parseEcbXml(
            sampleWith("\t\t</Cube>\n\t</Cube>",
                       "\t\t</Cube>\n<Cube time='2025-01-09'><Cube currency='CNY'/></Cube>"),
            &error));
    }

    void crossRatesToCny()
    {
        QString error;
        const auto rates = pricing::parseEcbXml(kSample, &error);
        QVERIFY2(rates, qPrintable(error));
        const auto cross = pricing::crossRatesToCny(*rates, &error);
        QVERIFY2(cross, qPrintable(error));
        // CNY per X = 7.5540 / (X per EUR), 10 significant digits, half-even:
        //   EUR: 7.554 itself.
        //   USD: 1.0304 * 7 = 7.2128, 0.3412 / 1.0304 = 0.331133540|37: 7.331133540 (the
        //        trailing zero is dropped by the canonical form).
        //   JPY: 7.554 / 162.73 = 0.04642045105|389: down.
        //   GBP: 0.8365 * 9 = 7.5285, 0.0255 / 0.8365 = 0.030484160|19: 9.030484160.
        //   KRW: 7.554 / 1514.24 = 0.004988641166|5258: a 5 with more after it: up.
        //   AUD: 1.6615 * 4 = 6.646, 0.908 / 1.6615 = 0.546494131|81: up to 4.546494132.
        //   THB: 7.554 / 35.752 = 0.2112888789|438: down.
        QCOMPARE(show(cross), QStringLiteral("EUR 7.554, USD 7.33113354, JPY 0.04642045105, "
                                             "GBP 9.03048416, KRW 0.004988641167, "
                                             "AUD 4.546494132, THB 0.2112888789"));
    }

    void crossRatesRoundHalfEven()
    {
        // 2.000000001 / 2 = 1.0000000005: the 11th digit is an exact 5 and the 10th (0) is
        // even: 1.000000000. 2.000000003 / 2 = 1.0000000015: the 10th digit 1 is odd: up to
        // 1.000000002. (Half-up would give 1.000000001 and 1.000000002.)
        pricing::EcbRates rates;
        rates.date = QDate(2025, 1, 10);
        rates.eurRates = {{currency("USD"), *Decimal::parse(u"2")},
                          {currency("CNY"), *Decimal::parse(u"2.000000001")}};
        QString error;
        QCOMPARE(show(pricing::crossRatesToCny(rates, &error)),
                 QStringLiteral("EUR 2.000000001, USD 1"));
        rates.eurRates[1].second = *Decimal::parse(u"2.000000003");
        QCOMPARE(show(pricing::crossRatesToCny(rates, &error)),
                 QStringLiteral("EUR 2.000000003, USD 1.000000002"));
        // A rate so small that CNY per unit passes qint64: 7 / 10^-18 = 7 * 10^18 fits,
        // 70 / 10^-18 does not.
        rates.eurRates = {{currency("KRW"), *Decimal::parse(u"0.000000000000000001")},
                          {currency("CNY"), *Decimal::parse(u"7")}};
        QCOMPARE(show(pricing::crossRatesToCny(rates, &error)),
                 QStringLiteral("EUR 7, KRW 7000000000000000000"));
        rates.eurRates[1].second = *Decimal::parse(u"70");
        QVERIFY(!pricing::crossRatesToCny(rates, &error));
        QVERIFY2(error.startsWith(QStringLiteral("KRW")), qPrintable(error));
    }

    void asOfIsSixteenHoursInFrankfurt()
    {
        const auto utc = [](int y, int m, int d, int h) {
            return QDateTime(QDate(y, m, d), QTime(h, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        };
        // Winter: 16:00 CET is 15:00 UTC. Summer: 16:00 CEST is 14:00 UTC (15:00 without the
        // time zone database).
        QCOMPARE(pricing::ecbAsOfMs(QDate(2025, 1, 10)), utc(2025, 1, 10, 15));
        const bool haveZones = QTimeZone(QByteArrayLiteral("Europe/Berlin")).isValid();
        QCOMPARE(pricing::ecbAsOfMs(QDate(2025, 7, 10)), utc(2025, 7, 10, haveZones ? 14 : 15));
    }

    void retryAfterValues()
    {
        using haitao::server::detail::parseRetryAfter;
        const qint64 now =
            QDateTime(QDate(2025, 1, 10), QTime(12, 0), QTimeZone::utc()).toSecsSinceEpoch();
        QCOMPARE(parseRetryAfter("120", now), 120);
        QCOMPARE(parseRetryAfter(" 0 ", now), 0);
        QCOMPARE(parseRetryAfter("99999999999999999999999", now), std::numeric_limits<int>::max());
        // 90 seconds after `now`, in the IMF-fixdate form and the obsolete RFC 850 form.
        QCOMPARE(parseRetryAfter("Fri, 10 Jan 2025 12:01:30 GMT", now), 90);
        QCOMPARE(parseRetryAfter("Friday, 10-Jan-25 12:01:30 GMT", now), 90);
        QCOMPARE(parseRetryAfter("Fri, 10 Jan 2025 11:00:00 GMT", now), 0); // past: now
        QCOMPARE(parseRetryAfter("soon", now), -1);
        QCOMPARE(parseRetryAfter("-5", now), -1);
        QCOMPARE(parseRetryAfter("", now), -1);
    }

    // ---- httpGet against haitao-sim ----

    void fetchesTheSimFile()
    {
        Sim sim;
        const FetchResult r = httpGet(sim.url(QStringLiteral("/fx/eurofxref-daily.xml")));
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.status, 200);
        QVERIFY(!r.truncated);
        QCOMPARE(r.retryAfterSeconds, -1);
        QCOMPARE(r.header("content-type"), QByteArray("text/xml"));
        QCOMPARE(r.effectiveUrl, sim.url(QStringLiteral("/fx/eurofxref-daily.xml")));
        QVERIFY(r.body.endsWith("</gesmes:Envelope>\n"));

        const pricing::EcbFetch f =
            pricing::fetchEcbRates(sim.url(QStringLiteral("/fx/eurofxref-daily.xml")));
        QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
        QCOMPARE(f.httpStatus, 200);
        QCOMPARE(f.date, haitao::sim::ecbPublishedDate(sim.server.nowMs()));
        QCOMPARE(f.asOfMs, pricing::ecbAsOfMs(f.date));
        QVERIFY(f.asOfMs <= sim.server.nowMs()); // published before "now"
        // EUR, then the table's currencies in the file's order (CNY itself and TWD absent).
        QStringList codes;
        for (const pricing::CnyRate &r : f.rates)
            codes << r.currency.code();
        QCOMPARE(codes.join(u' '),
                 QStringLiteral("EUR USD JPY GBP CHF AUD CAD HKD KRW NZD SGD THB"));
        // Plausible: a dollar is 6.5..8 yuan (base 7.6002 / 1.0512 = 7.23, +-1% of noise).
        QVERIFY(f.rates[1].cnyPerUnit > *Decimal::parse(u"6.5"));
        QVERIFY(f.rates[1].cnyPerUnit < *Decimal::parse(u"8"));
    }

    void sendsUserAgentAndHeaders()
    {
        Sim sim;
        FetchOptions o;
        o.extraHeaders << "X-Probe: 42";
        const FetchResult r = httpGet(sim.url(QStringLiteral("/__sim/echo")), o);
        QCOMPARE(r.status, 200);
        const QJsonObject headers =
            QJsonDocument::fromJson(r.body).object().value(QStringLiteral("headers")).toObject();
        QCOMPARE(headers.value(QStringLiteral("x-probe")).toString(), QStringLiteral("42"));
        const QString agent = headers.value(QStringLiteral("user-agent")).toString();
        QVERIFY2(agent.startsWith(QStringLiteral("haitao-server/")) &&
                     agent.endsWith(QStringLiteral(" (+https://haitao.invalid/bot)")),
                 qPrintable(agent));
    }

    void httpErrorsAreNotTransportErrors()
    {
        Sim sim;
        const FetchResult missing = httpGet(sim.url(QStringLiteral("/fx/nothing-here.xml")));
        QCOMPARE(missing.status, 404);
        QVERIFY(missing.error.isEmpty());

        sim.postJson(QStringLiteral("/__sim/faults"),
                     R"({"path": "/fx/", "mode": "503", "retryAfter": 120})");
        const FetchResult busy = httpGet(sim.url(QStringLiteral("/fx/eurofxref-daily.xml")));
        QCOMPARE(busy.status, 503);
        QVERIFY(busy.error.isEmpty());
        QCOMPARE(busy.retryAfterSeconds, 120);
        const pricing::EcbFetch f =
            pricing::fetchEcbRates(sim.url(QStringLiteral("/fx/eurofxref-daily.xml")));
        QCOMPARE(f.httpStatus, 503);
        QCOMPARE(f.retryAfterSeconds, 120);
        QVERIFY(f.rates.isEmpty());
        QVERIFY2(f.error.contains(QStringLiteral("503")), qPrintable(f.error));

        sim.postJson(QStringLiteral("/__sim/faults"),
                     R"({"path": "/fx/", "mode": "429", "retryAfter": 7})");
        const FetchResult limited = httpGet(sim.url(QStringLiteral("/fx/eurofxref-daily.xml")));
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.retryAfterSeconds, 7);
        sim.postJson(QStringLiteral("/__sim/faults"), R"({"path": "/fx/", "mode": "429"})");
        QCOMPARE(httpGet(sim.url(QStringLiteral("/fx/eurofxref-daily.xml"))).retryAfterSeconds, -1);
    }

    void followsRedirectsUpToTheLimit()
    {
        Sim sim;
        FetchOptions o;
        o.maxRedirects = 3;
        const QString target = QStringLiteral("?to=/fx/eurofxref-daily.xml");
        const FetchResult three = httpGet(sim.url(QStringLiteral("/__sim/redirect/3") + target), o);
        QVERIFY2(three.error.isEmpty(), qPrintable(three.error));
        QCOMPARE(three.status, 200);
        QCOMPARE(three.effectiveUrl.path(), QStringLiteral("/fx/eurofxref-daily.xml"));
        QVERIFY(!three.header("location").size()); // the last response's headers only

        const FetchResult four = httpGet(sim.url(QStringLiteral("/__sim/redirect/4") + target), o);
        QCOMPARE(four.error, QStringLiteral("more than 3 redirects"));
        QCOMPARE(four.status, 302);

        o.maxRedirects = 0;
        QCOMPARE(httpGet(sim.url(QStringLiteral("/__sim/redirect/1") + target), o).error,
                 QStringLiteral("more than 0 redirects"));
    }

    void refusesOtherSchemes()
    {
        Sim sim;
        for (const char *url : {"ftp://127.0.0.1/x", "file:///etc/passwd", "gopher://a/",
                                "dict://127.0.0.1/", "not a url"}) {
            const FetchResult r = httpGet(QUrl(QString::fromLatin1(url)));
            QVERIFY2(r.error.startsWith(QStringLiteral("only http and https")), url);
            QCOMPARE(r.status, 0);
            QVERIFY(r.body.isEmpty());
        }
        // ... and a redirect to one.
        for (const char *to : {"file:///etc/passwd", "ftp://127.0.0.1/x"}) {
            const FetchResult r =
                httpGet(sim.url(QStringLiteral("/__sim/redirect/1?to=") + QString::fromLatin1(to)));
            QVERIFY2(r.error.startsWith(QStringLiteral("refused a redirect")), qPrintable(r.error));
            QVERIFY(r.body.isEmpty());
        }
    }

    void refusesReservedNamesWithoutResolving()
    {
        // Demo feeds use such names; nothing may look them up on the real network.
        for (const char *url : {"https://img.example/a.jpg", "http://shop.invalid/", "http://test/",
                                "https://a.b.TEST/x"}) {
            const FetchResult r = httpGet(QUrl(QString::fromLatin1(url)));
            QVERIFY2(r.addressRefused, url);
            QVERIFY2(r.error.contains(QStringLiteral("reserved name")), qPrintable(r.error));
            QCOMPARE(r.status, 0);
        }
        // A name that merely contains one is not reserved.
        QVERIFY(!httpGet(QUrl(QStringLiteral("http://example.invalidx.localhost:1/")))
                     .error.contains(QStringLiteral("reserved name")));
    }

    void enforcesTheSizeLimit()
    {
        Sim sim;
        const QUrl url = sim.url(QStringLiteral("/fx/eurofxref-daily.xml"));
        const qint64 size = httpGet(url).body.size();
        QVERIFY(size > 1000);
        FetchOptions o;
        o.maxBytes = size;
        QCOMPARE(httpGet(url, o).body.size(), size); // exactly at the limit: fine
        o.maxBytes = size - 1;
        const FetchResult over = httpGet(url, o);
        QCOMPARE(over.error, QStringLiteral("response larger than %1 bytes").arg(size - 1));
        QVERIFY(over.truncated);
        QVERIFY(over.body.size() < size);
        // Without a Content-Length (compression hides the size) the limit holds while
        // receiving: 1000 bytes of XML compress to far fewer.
        o.maxBytes = 1000;
        const FetchResult streamed = httpGet(url, o);
        QCOMPARE(streamed.error, QStringLiteral("response larger than 1000 bytes"));
        QVERIFY(streamed.body.size() <= 1000);
    }

    void timesOut()
    {
        Sim sim;
        sim.postJson(QStringLiteral("/__sim/faults"),
                     R"({"path": "/fx/", "mode": "slow", "delayMs": 5000})");
        FetchOptions o;
        o.totalTimeoutMs = 300;
        QElapsedTimer timer;
        timer.start();
        const FetchResult r = httpGet(sim.url(QStringLiteral("/fx/eurofxref-daily.xml")), o);
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(r.error.startsWith(QStringLiteral("timed out")), qPrintable(r.error));
        QCOMPARE(r.status, 0);
        // Slow but within the limit: fine.
        sim.postJson(QStringLiteral("/__sim/faults"),
                     R"({"path": "/fx/", "mode": "slow", "delayMs": 200})");
        o.totalTimeoutMs = 5000;
        timer.restart();
        const FetchResult slow = httpGet(sim.url(QStringLiteral("/fx/eurofxref-daily.xml")), o);
        QVERIFY2(slow.error.isEmpty(), qPrintable(slow.error));
        QVERIFY(timer.elapsed() >= 200);
    }

    void connectionFailures()
    {
        Sim sim;
        sim.postJson(QStringLiteral("/__sim/faults"), R"({"path": "/fx/", "mode": "reset"})");
        const FetchResult reset = httpGet(sim.url(QStringLiteral("/fx/eurofxref-daily.xml")));
        QVERIFY(!reset.error.isEmpty());
        QCOMPARE(reset.status, 0);
        QVERIFY(reset.body.isEmpty());
        QVERIFY(!reset.truncated);

        sim.postJson(QStringLiteral("/__sim/faults"), R"({"path": "/fx/", "mode": "truncate"})");
        const FetchResult cut = httpGet(sim.url(QStringLiteral("/fx/eurofxref-daily.xml")));
        QVERIFY2(cut.error.startsWith(QStringLiteral("the connection closed before")),
                 qPrintable(cut.error));
        QCOMPARE(cut.status, 200);
        QVERIFY(cut.truncated);
        QVERIFY(cut.body.startsWith("<?xml"));
        const pricing::EcbFetch f =
            pricing::fetchEcbRates(sim.url(QStringLiteral("/fx/eurofxref-daily.xml")));
        QVERIFY(!f.error.isEmpty());
        QVERIFY(f.rates.isEmpty());

        // A complete response with half a file: the transfer is fine, the file is not.
        sim.postJson(QStringLiteral("/__sim/faults"), R"({"path": "/fx/", "mode": "malformed"})");
        const pricing::EcbFetch bad =
            pricing::fetchEcbRates(sim.url(QStringLiteral("/fx/eurofxref-daily.xml")));
        QCOMPARE(bad.httpStatus, 200);
        QVERIFY2(bad.error.startsWith(QStringLiteral("bad rate file: malformed XML")),
                 qPrintable(bad.error));
        QVERIFY(bad.rates.isEmpty());

        // Nothing listening: refused at once.
        const QUrl gone = sim.url(QStringLiteral("/fx/eurofxref-daily.xml"));
        sim.server.stop();
        const FetchResult refused = httpGet(gone);
        QVERIFY(!refused.error.isEmpty());
        QCOMPARE(refused.status, 0);
    }

    void concurrentFetches()
    {
        // One curl handle per call: threads do not share state.
        Sim sim;
        const QUrl url = sim.url(QStringLiteral("/fx/eurofxref-daily.xml"));
        std::vector<std::thread> threads;
        std::atomic<int> good{0};
        for (int i = 0; i < 8; ++i) {
            threads.emplace_back([&] {
                for (int j = 0; j < 5; ++j) {
                    const FetchResult r = httpGet(url);
                    if (r.error.isEmpty() && r.status == 200 && r.body.size() > 1000)
                        ++good;
                }
            });
        }
        for (std::thread &t : threads)
            t.join();
        QCOMPARE(good.load(), 40);
    }
};

QTEST_GUILESS_MAIN(TstFx)
#include "tst_fx.moc"
