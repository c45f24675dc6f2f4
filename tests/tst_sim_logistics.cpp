// haitao-sim's logistics world as the tracking component sees it: shops ship confirmed
// orders, carriers answer in their own styles and zones as the simulated clock moves,
// scenarios and fault modes (duplicates, out of order, 429), intlexpress's signed webhooks
// with retries, and the SMS and SMTP sinks the notification worker delivers to.
#include "sim/simserver.h"
#include "tests/support/simhttp.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

using haitao::sim::SimServer;

namespace {

using Reply = haitao::testing::SimReply;
using Http = haitao::testing::SimHttp;
using haitao::testing::accountOf;
using haitao::testing::money;

// Moves the sim's clock.
void advance(const Http &h, double hours)
{
    QCOMPARE(h.post(QStringLiteral("/__sim/advance"), {{QStringLiteral("hours"), hours}}).status,
             200);
}

// Parcels made through the control plane, with a forced scenario.
QStringList bulk(const Http &h, const char *carrier, int count, const char *scenario = "normal")
{
    const Reply r = h.post(QStringLiteral("/__sim/parcels/bulk"),
                           {{QStringLiteral("carrier"), QLatin1String(carrier)},
                            {QStringLiteral("count"), count},
                            {QStringLiteral("scenario"), QLatin1String(scenario)}});
    QStringList numbers;
    for (const QJsonValue &v : r.json.value(QStringLiteral("numbers")).toArray())
        numbers << v.toString();
    return numbers;
}

// The events of one number from a batch carrier.
QJsonArray batchEvents(const Http &h, const char *carrier, const QString &number)
{
    const Reply r =
        h.get(QStringLiteral("/carrier/%1/track?numbers=%2").arg(QLatin1String(carrier), number));
    return r.json.value(QStringLiteral("results"))
        .toArray()
        .at(0)
        .toObject()
        .value(QStringLiteral("events"))
        .toArray();
}

QStringList field(const QJsonArray &events, const char *name)
{
    QStringList out;
    for (const QJsonValue &v : events)
        out << v.toObject().value(QLatin1String(name)).toString();
    return out;
}

QJsonObject orderBody(const QString &sku, qint64 minor, const char *currency)
{
    return {{QStringLiteral("clientReference"), QStringLiteral("SO-1")},
            {QStringLiteral("lines"),
             QJsonArray{QJsonObject{{QStringLiteral("sku"), sku},
                                    {QStringLiteral("quantity"), 1},
                                    {QStringLiteral("unitPrice"), money(minor, currency)}}}},
            {QStringLiteral("shipTo"), QJsonObject{{QStringLiteral("name"), QStringLiteral("W")}}}};
}

QJsonObject intlShipment(const QString &reference)
{
    return {{QStringLiteral("reference"), reference},
            {QStringLiteral("pieces"),
             QJsonArray{QJsonObject{{QStringLiteral("reference"), QStringLiteral("S1")},
                                    {QStringLiteral("weightG"), 1200}}}},
            {QStringLiteral("to"), QJsonObject{{QStringLiteral("city"), QStringLiteral("上海")}}}};
}

qint64 carrierCount(const Http &h, const char *code, const char *key)
{
    for (const QJsonValue &v : h.get(QStringLiteral("/__sim/carriers"))
                                   .json.value(QStringLiteral("carriers"))
                                   .toArray()) {
        if (v.toObject().value(QStringLiteral("code")).toString() == QLatin1String(code))
            return v.toObject().value(QLatin1String(key)).toInteger();
    }
    return -1;
}

// The server's webhook endpoint.
struct WebhookReceiver : haitao::testing::CallbackReceiver
{
    WebhookReceiver()
        : CallbackReceiver("/hook", "X-Carrier-Signature", "X-Carrier-Timestamp")
    {}
    // The event codes received, in arrival order.
    QStringList codes() const
    {
        QStringList out;
        for (const Received &r : received())
            out << QJsonDocument::fromJson(r.body)
                       .object()
                       .value(QStringLiteral("event"))
                       .toObject()
                       .value(QStringLiteral("code"))
                       .toString();
        return out;
    }
};

// A plain SMTP client on a POSIX socket (the sim links no libcurl).
class SmtpClient
{
public:
    ~SmtpClient()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    bool connectTo(int port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(quint16(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        timeval timeout{5, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        return ::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    }
    // The reply code of the next (possibly multi-line) reply; 0 when the server closed.
    int reply()
    {
        for (;;) {
            const qsizetype nl = m_buffer.indexOf('\n');
            if (nl >= 0) {
                const QByteArray line = m_buffer.left(nl);
                m_buffer.remove(0, nl + 1);
                if (line.size() >= 4 && line[3] == '-')
                    continue; // more lines follow
                return line.left(3).toInt();
            }
            char chunk[4096];
            const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
            if (n <= 0)
                return 0;
            m_buffer.append(chunk, n);
        }
    }
    void send(const QByteArray &data) { ::send(m_fd, data.constData(), size_t(data.size()), 0); }
    int command(const QByteArray &line)
    {
        send(line + "\r\n");
        return reply();
    }
    // A whole transaction; the DATA reply code (or the first failure's).
    int mail(const QByteArray &from, const QList<QByteArray> &to, const QByteArray &message)
    {
        if (int c = command("MAIL FROM:<" + from + ">"); c != 250)
            return c;
        for (const QByteArray &t : to) {
            if (int c = command("RCPT TO:<" + t + ">"); c != 250)
                return c;
        }
        if (int c = command("DATA"); c != 354)
            return c;
        // Dot-stuffing: a line that begins with a dot gets another one.
        QByteArray stuffed;
        for (const QByteArray &line : message.split('\n'))
            stuffed += (line.startsWith('.') ? "." + line : line) + "\r\n";
        send(stuffed);
        return command(".");
    }

private:
    int m_fd = -1;
    QByteArray m_buffer;
};

QByteArray quotedPrintable(const QByteArray &bytes)
{
    QByteArray out;
    int column = 0;
    for (const char c : bytes) {
        if (c == '\n') { // a hard line break stays one
            out += c;
            column = 0;
            continue;
        }
        const auto u = uchar(c);
        const QByteArray piece =
            (u >= 33 && u <= 126 && c != '=') || c == ' '
                ? QByteArray(1, c)
                : "=" + QByteArray::number(u, 16).toUpper().rightJustified(2, '0');
        if (column + piece.size() > 72) {
            out += "=\n"; // soft line break
            column = 0;
        }
        out += piece;
        column += int(piece.size());
    }
    return out;
}

QByteArray mailText(const QByteArray &messageId, const QString &subject, const QByteArray &headers,
                    const QByteArray &body)
{
    return "From: Haitao <shop@haitao.invalid>\nTo: <wang@example.com>\nSubject: =?UTF-8?B?" +
           subject.toUtf8().toBase64() + "?=\nMessage-ID: " + messageId + "\nMIME-Version: 1.0\n" +
           headers + "\n" + body;
}

} // namespace

class TstSimLogistics : public QObject
{
    Q_OBJECT

    std::unique_ptr<SimServer> m_sim;

    Http http() const { return Http(m_sim->port()); }

private slots:
    void init()
    {
        m_sim = std::make_unique<SimServer>();
        QString error;
        QVERIFY2(m_sim->start(QStringLiteral("127.0.0.1"), 0, &error), qPrintable(error));
    }

    void cleanup() { m_sim.reset(); }

    void timeScaleRunsTheClockFaster()
    {
        m_sim = std::make_unique<SimServer>();
        m_sim->setTimeScale(3600); // one second is an hour
        QString error;
        QVERIFY2(m_sim->start(QStringLiteral("127.0.0.1"), 0, &error), qPrintable(error));
        const qint64 before = m_sim->nowMs();
        QVERIFY(qAbs(before - QDateTime::currentMSecsSinceEpoch()) < 60 * 60 * 1000);
        QTRY_VERIFY(m_sim->nowMs() - before > 3600 * 1000); // an hour in about a second
        // /__sim/advance still adds on top.
        const qint64 mark = m_sim->nowMs();
        advance(http(), 100);
        QVERIFY(m_sim->nowMs() - mark >= 100 * 3600 * 1000LL);
    }

    void confirmedOrdersShipLater()
    {
        Http h = http();
        QVERIFY(h.signIn(QStringLiteral("us")));
        const Reply created = h.post(QStringLiteral("/merchant/us/orders"),
                                     orderBody(QStringLiteral("HP-32-SS"), 2499, "USD"));
        QCOMPARE(created.status, 201);
        const QString id = created.json.value(QStringLiteral("merchantOrderId")).toString();
        const QString path = QStringLiteral("/merchant/us/orders/%1").arg(id);
        QVERIFY(!h.get(path).json.contains(QStringLiteral("shipment"))); // not confirmed
        advance(h, 24);
        QVERIFY(h.signIn(QStringLiteral("us"))); // the token expired meanwhile
        QVERIFY(!h.get(path).json.contains(QStringLiteral("shipment"))); // still not
        const Reply confirmed = h.post(path + QStringLiteral("/confirm"), {});
        QCOMPARE(confirmed.status, 200);
        QVERIFY(!confirmed.json.contains(QStringLiteral("shipment"))); // ships 2..12 h later
        advance(h, 1.9);
        QVERIFY(h.signIn(QStringLiteral("us")));
        QCOMPARE(h.get(path).status, 200);
        QVERIFY(!h.get(path).json.contains(QStringLiteral("shipment")));
        advance(h, 10.2);
        QVERIFY(h.signIn(QStringLiteral("us")));
        const QJsonObject order = h.get(path).json;
        const QJsonObject shipment = order.value(QStringLiteral("shipment")).toObject();
        QCOMPARE(shipment.value(QStringLiteral("carrier")).toString(), QStringLiteral("swiftpost"));
        const QString number = shipment.value(QStringLiteral("trackingNumber")).toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^SP\\d{9}US$")).match(number).hasMatch(),
                 qPrintable(number));
        const QDateTime confirmedAt = QDateTime::fromString(
            order.value(QStringLiteral("confirmedAt")).toString(), Qt::ISODate);
        const QDateTime shippedAt = QDateTime::fromString(
            shipment.value(QStringLiteral("shippedAt")).toString(), Qt::ISODate);
        const qint64 after = confirmedAt.msecsTo(shippedAt);
        QVERIFY2(after > 3600 * 1000 && after <= 12 * 3600 * 1000,
                 qPrintable(QString::number(after)));
        // The lookup by reference shows it too, and the carrier knows the parcel: LABEL at
        // the shipping time, so at least that is visible now.
        QCOMPARE(h.get(QStringLiteral("/merchant/us/orders?clientReference=SO-1"))
                     .json.value(QStringLiteral("items"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("shipment"))
                     .toObject(),
                 shipment);
        QCOMPARE(field(batchEvents(h, "swiftpost", number), "code").value(0),
                 QStringLiteral("LABEL"));

        // jp ships with kuroneko (a 12-digit slip).
        QVERIFY(h.signIn(QStringLiteral("jp")));
        const Reply jp = h.post(QStringLiteral("/merchant/jp/orders"),
                                orderBody(QStringLiteral("IW-TP-065"), 8800, "JPY"));
        const QString jpPath =
            QStringLiteral("/merchant/jp/orders/%1")
                .arg(jp.json.value(QStringLiteral("merchantOrderId")).toString());
        QCOMPARE(h.post(jpPath + QStringLiteral("/confirm"), {}).status, 200);
        advance(h, 12.1);
        QVERIFY(h.signIn(QStringLiteral("jp")));
        const QJsonObject jpShipment =
            h.get(jpPath).json.value(QStringLiteral("shipment")).toObject();
        QCOMPARE(jpShipment.value(QStringLiteral("carrier")).toString(),
                 QStringLiteral("kuroneko"));
        QVERIFY(QRegularExpression(QStringLiteral("^\\d{12}$"))
                    .match(jpShipment.value(QStringLiteral("trackingNumber")).toString())
                    .hasMatch());
    }

    void readingOrdersDoesNotCountAsConcurrentUse()
    {
        Http h = http();
        QVERIFY(h.signIn(QStringLiteral("us")));
        const Reply created = h.post(QStringLiteral("/merchant/us/orders"),
                                     orderBody(QStringLiteral("HP-32-SS"), 2499, "USD"));
        const QString path =
            QStringLiteral("/merchant/us/orders/%1")
                .arg(created.json.value(QStringLiteral("merchantOrderId")).toString());
        QCOMPARE(h.put(QStringLiteral("/__sim/faults"),
                       {{QStringLiteral("us"), QJsonObject{{QStringLiteral("latencyMs"), 300}}}})
                     .status,
                 200);
        std::thread other([h, path] { h.get(path); });
        QTest::qWait(50);
        QCOMPARE(h.get(path).status, 200);
        QCOMPARE(h.get(QStringLiteral("/merchant/us/orders?clientReference=SO-1")).status, 200);
        other.join();
        QCOMPARE(created.status, 201);
        const QJsonObject account = accountOf(h, QStringLiteral("us"));
        QVERIFY(!account.isEmpty());
        QCOMPARE(account.value(QStringLiteral("concurrentUse")).toInt(), 0);
    }

    void batchCarriersAnswerManyNumbersInTheirZones()
    {
        Http h = http();
        const QStringList sp = bulk(h, "swiftpost", 2); // US, then GB
        QCOMPARE(sp.size(), 2);
        QVERIFY(sp[0].endsWith(u"US"));
        QVERIFY(sp[1].endsWith(u"GB"));
        const Reply r = h.get(QStringLiteral("/carrier/swiftpost/track?numbers=%1,%2,SP999999999US")
                                  .arg(sp[0], sp[1]));
        QCOMPARE(r.status, 200);
        const QJsonArray results = r.json.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 3);
        QCOMPARE(results[0].toObject().value(QStringLiteral("number")).toString(), sp[0]);
        QVERIFY(results[0].toObject().value(QStringLiteral("found")).toBool());
        QVERIFY(!results[2].toObject().value(QStringLiteral("found")).toBool());
        QVERIFY(results[2].toObject().value(QStringLiteral("events")).toArray().isEmpty());
        // At the start only the label exists.
        const QJsonObject label =
            results[0].toObject().value(QStringLiteral("events")).toArray().at(0).toObject();
        QCOMPARE(results[0].toObject().value(QStringLiteral("events")).toArray().size(), 1);
        for (const char *key : {"id", "time", "location", "code", "description"})
            QVERIFY2(!label.value(QLatin1String(key)).toString().isEmpty(), key);
        QCOMPARE(label.value(QStringLiteral("code")).toString(), QStringLiteral("LABEL"));
        QVERIFY(label.value(QStringLiteral("time")).toString().endsWith(u"-05:00"));
        QVERIFY(batchEvents(h, "swiftpost", sp[1])
                    .at(0)
                    .toObject()
                    .value(QStringLiteral("time"))
                    .toString()
                    .endsWith(u"+00:00"));
        // The clock makes the next events visible, in time order.
        advance(h, 20.5);
        QCOMPARE(field(batchEvents(h, "swiftpost", sp[0]), "code"),
                 (QStringList{QStringLiteral("LABEL"), QStringLiteral("PICKUP"),
                              QStringLiteral("TRANSIT")}));
        advance(h, 24);
        const QJsonArray all = batchEvents(h, "swiftpost", sp[0]);
        QCOMPARE(field(all, "code").last(), QStringLiteral("DLV"));
        QCOMPARE(field(all, "location").last(), QStringLiteral("Portland, OR"));
        const QDateTime labelAt = QDateTime::fromString(field(all, "time").first(), Qt::ISODate);
        const QDateTime deliveredAt = QDateTime::fromString(field(all, "time").last(), Qt::ISODate);
        QCOMPARE(labelAt.secsTo(deliveredAt), 44 * 3600);

        // sfsim: the same shape, China's zone and Chinese texts.
        const QString sf = bulk(h, "sfsim", 1).at(0);
        const QJsonObject collect = batchEvents(h, "sfsim", sf).at(0).toObject();
        QCOMPARE(collect.value(QStringLiteral("code")).toString(), QStringLiteral("COLLECT"));
        QCOMPARE(collect.value(QStringLiteral("description")).toString(), QStringLiteral("已揽收"));
        QVERIFY(collect.value(QStringLiteral("time")).toString().endsWith(u"+08:00"));
        // Another carrier's number is unknown here.
        QVERIFY(!h.get(QStringLiteral("/carrier/sfsim/track?numbers=%1").arg(sp[0]))
                     .json.value(QStringLiteral("results"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("found"))
                     .toBool());

        // 1 to 40 numbers.
        QStringList many;
        for (int i = 0; i < 41; ++i)
            many << QStringLiteral("SP%1US").arg(i, 9, 10, QLatin1Char('0'));
        QCOMPARE(
            h.get(QStringLiteral("/carrier/swiftpost/track?numbers=") + many.join(u',')).status,
            400);
        many.removeLast();
        QCOMPARE(
            h.get(QStringLiteral("/carrier/swiftpost/track?numbers=") + many.join(u',')).status,
            200);
        QCOMPARE(h.get(QStringLiteral("/carrier/swiftpost/track")).status, 400);
        QCOMPARE(carrierCount(h, "swiftpost", "numbers"), 3 + 1 + 1 + 1 + 40);
        // dpost has no API at all.
        QCOMPARE(h.get(QStringLiteral("/carrier/dpost/track?numbers=DP000000001DE")).status, 404);
        QCOMPARE(h.get(QStringLiteral("/carrier/dpost/parcels/DP000000001DE")).status, 404);
    }

    void kuronekoAnswersInJapaneseWithoutZone()
    {
        Http h = http();
        const QString slip = bulk(h, "kuroneko", 1).at(0);
        const Reply unknown = h.get(QStringLiteral("/carrier/kuroneko/parcels/499999999999"));
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("not_found"));
        advance(h, 44);
        const Reply r = h.get(QStringLiteral("/carrier/kuroneko/parcels/") + slip);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("slipNo")).toString(), slip);
        const QJsonArray history = r.json.value(QStringLiteral("history")).toArray();
        QCOMPARE(field(history, "statusCode"),
                 (QStringList{QStringLiteral("01"), QStringLiteral("02"), QStringLiteral("03"),
                              QStringLiteral("04"), QStringLiteral("05")}));
        QCOMPARE(field(history, "statusName").first(), QStringLiteral("荷物受付"));
        QCOMPARE(field(history, "statusName").last(), QStringLiteral("配達完了"));
        QVERIFY(!field(history, "eventId").first().isEmpty());
        QCOMPARE(field(history, "place").last(), QStringLiteral("千葉県成田市"));
        // The time is Japan's, without a zone: the planned start in JST.
        const QString datetime = field(history, "datetime").first();
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d$"))
                     .match(datetime)
                     .hasMatch(),
                 qPrintable(datetime));
        const QDateTime started =
            QDateTime::fromString(h.get(QStringLiteral("/__sim/parcels/") + slip)
                                      .json.value(QStringLiteral("startedAt"))
                                      .toString(),
                                  Qt::ISODateWithMs);
        QCOMPARE(datetime,
                 started.toOffsetFromUtc(9 * 3600).toString(QStringLiteral("yyyy/MM/dd HH:mm")));
    }

    void intlexpressHandsOverToTheDomesticCarrier()
    {
        Http h = http();
        QCOMPARE(h.post(QStringLiteral("/carrier/intlexpress/shipments"),
                        {{QStringLiteral("reference"), QStringLiteral("P1")}})
                     .status,
                 400);
        const Reply created = h.post(QStringLiteral("/carrier/intlexpress/shipments"),
                                     intlShipment(QStringLiteral("P1")));
        QCOMPARE(created.status, 201);
        const QString number = created.json.value(QStringLiteral("trackingNumber")).toString();
        QVERIFY(QRegularExpression(QStringLiteral("^IE\\d{9}CN$")).match(number).hasMatch());
        QCOMPARE(created.json.value(QStringLiteral("reference")).toString(), QStringLiteral("P1"));
        // The same reference again: the same parcel, never two.
        const Reply again = h.post(QStringLiteral("/carrier/intlexpress/shipments"),
                                   intlShipment(QStringLiteral("P1")));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json.value(QStringLiteral("trackingNumber")).toString(), number);
        QCOMPARE(h.get(QStringLiteral("/carrier/intlexpress/track/IE999999999CN")).status, 404);
        QCOMPARE(h.post(QStringLiteral("/__sim/parcels/%1/scenario").arg(number),
                        {{QStringLiteral("scenario"), QStringLiteral("normal")}})
                     .status,
                 200);

        advance(h, 43);
        const Reply track = h.get(QStringLiteral("/carrier/intlexpress/track/") + number);
        QCOMPARE(track.status, 200);
        QCOMPARE(track.json.value(QStringLiteral("trackingNumber")).toString(), number);
        const QJsonArray events = track.json.value(QStringLiteral("events")).toArray();
        QCOMPARE(field(events, "code"),
                 (QStringList{QStringLiteral("ACCEPTED"), QStringLiteral("DEPARTED"),
                              QStringLiteral("ARRIVED_CN"), QStringLiteral("CUSTOMS_IN"),
                              QStringLiteral("CUSTOMS_RELEASED"), QStringLiteral("HANDOVER")}));
        QVERIFY(field(events, "time").first().endsWith(u'Z'));
        QVERIFY(!field(events, "text").first().isEmpty());
        const QJsonObject handover =
            events.last().toObject().value(QStringLiteral("handover")).toObject();
        QCOMPARE(handover.value(QStringLiteral("carrier")).toString(), QStringLiteral("sfsim"));
        const QString sf = handover.value(QStringLiteral("trackingNumber")).toString();
        QVERIFY(sf.startsWith(u"SF"));
        // sfsim collects it two hours after the handover.
        const auto sfFound = [&] {
            return h.get(QStringLiteral("/carrier/sfsim/track?numbers=") + sf)
                .json.value(QStringLiteral("results"))
                .toArray()
                .at(0)
                .toObject()
                .value(QStringLiteral("found"))
                .toBool();
        };
        QVERIFY(!sfFound());
        advance(h, 1.5);
        QVERIFY(sfFound());
        QCOMPARE(field(batchEvents(h, "sfsim", sf), "code"),
                 QStringList{QStringLiteral("COLLECT")});
        advance(h, 26);
        QCOMPARE(field(batchEvents(h, "sfsim", sf), "code").last(), QStringLiteral("SIGNED"));
    }

    void scenariosChangeTheEvents()
    {
        Http h = http();
        // lost: nothing after the first transit event.
        const QString lost = bulk(h, "swiftpost", 1, "lost").at(0);
        const QString exception = bulk(h, "swiftpost", 1, "exception").at(0);
        const QString unknown = bulk(h, "swiftpost", 1, "unknown_status").at(0);
        const QString forced = bulk(h, "kuroneko", 1).at(0);
        QCOMPARE(h.post(QStringLiteral("/__sim/parcels/%1/scenario").arg(forced),
                        {{QStringLiteral("scenario"), QStringLiteral("exception")}})
                     .json.value(QStringLiteral("scenario"))
                     .toString(),
                 QStringLiteral("exception"));
        QCOMPARE(h.post(QStringLiteral("/__sim/parcels/%1/scenario").arg(forced),
                        {{QStringLiteral("scenario"), QStringLiteral("sunny")}})
                     .status,
                 400);
        QCOMPARE(h.post(QStringLiteral("/__sim/parcels/SP1/scenario"),
                        {{QStringLiteral("scenario"), QStringLiteral("lost")}})
                     .status,
                 404);
        const Reply ie = h.post(QStringLiteral("/carrier/intlexpress/shipments"),
                                intlShipment(QStringLiteral("P-hold")));
        const QString held = ie.json.value(QStringLiteral("trackingNumber")).toString();
        QCOMPARE(h.post(QStringLiteral("/__sim/parcels/%1/scenario").arg(held),
                        {{QStringLiteral("scenario"), QStringLiteral("customs_hold")}})
                     .status,
                 200);

        advance(h, 81);
        QCOMPARE(field(batchEvents(h, "swiftpost", lost), "code"),
                 (QStringList{QStringLiteral("LABEL"), QStringLiteral("PICKUP"),
                              QStringLiteral("TRANSIT")}));
        QCOMPARE(
            field(batchEvents(h, "swiftpost", exception), "code"),
            (QStringList{QStringLiteral("LABEL"), QStringLiteral("PICKUP"),
                         QStringLiteral("TRANSIT"), QStringLiteral("EXC"), QStringLiteral("DLV")}));
        const QJsonArray withHold = batchEvents(h, "swiftpost", unknown);
        QCOMPARE(field(withHold, "code").count(QStringLiteral("HUB_HOLD")), 1);
        QCOMPARE(field(withHold, "description")
                     .at(field(withHold, "code").indexOf(QStringLiteral("HUB_HOLD"))),
                 QStringLiteral("Held at hub for inspection"));
        QCOMPARE(field(h.get(QStringLiteral("/carrier/kuroneko/parcels/") + forced)
                           .json.value(QStringLiteral("history"))
                           .toArray(),
                       "statusCode"),
                 (QStringList{QStringLiteral("01"), QStringLiteral("02"), QStringLiteral("03"),
                              QStringLiteral("90"), QStringLiteral("05")}));
        // customs_hold: held at 34 h, released at 80 h, handed over at 82 h.
        const QJsonObject plan = h.get(QStringLiteral("/__sim/parcels/") + held).json;
        QCOMPARE(plan.value(QStringLiteral("scenario")).toString(), QStringLiteral("customs_hold"));
        QCOMPARE(plan.value(QStringLiteral("carrier")).toString(), QStringLiteral("intlexpress"));
        const QJsonArray planned = plan.value(QStringLiteral("events")).toArray();
        QCOMPARE(field(planned, "code"),
                 (QStringList{QStringLiteral("ACCEPTED"), QStringLiteral("DEPARTED"),
                              QStringLiteral("ARRIVED_CN"), QStringLiteral("CUSTOMS_IN"),
                              QStringLiteral("CUSTOMS_HOLD"), QStringLiteral("CUSTOMS_RELEASED"),
                              QStringLiteral("HANDOVER")}));
        const QDateTime start = QDateTime::fromString(
            plan.value(QStringLiteral("startedAt")).toString(), Qt::ISODateWithMs);
        QCOMPARE(
            start.secsTo(QDateTime::fromString(
                planned[5].toObject().value(QStringLiteral("time")).toString(), Qt::ISODateWithMs)),
            80 * 3600);
        QVERIFY(planned[5].toObject().value(QStringLiteral("visible")).toBool());
        QVERIFY(!planned[6].toObject().value(QStringLiteral("visible")).toBool()); // at 82 h
    }

    void percentagesPickScenarios()
    {
        Http h = http();
        QCOMPARE(h.put(QStringLiteral("/__sim/logistics"), {{QStringLiteral("lostPercent"), 101}})
                     .status,
                 400);
        QCOMPARE(h.put(QStringLiteral("/__sim/logistics"), {{QStringLiteral("colour"), 1}}).status,
                 400);
        const Reply set =
            h.put(QStringLiteral("/__sim/logistics"),
                  {{QStringLiteral("lostPercent"), 100},
                   {QStringLiteral("rps"), QJsonObject{{QStringLiteral("kuroneko"), 7}}}});
        QCOMPARE(set.status, 200);
        const QJsonObject settings = h.get(QStringLiteral("/__sim/logistics")).json;
        QCOMPARE(settings.value(QStringLiteral("lostPercent")).toInt(), 100);
        QCOMPARE(settings.value(QStringLiteral("duplicatePercent")).toInt(), 0);
        QCOMPARE(settings.value(QStringLiteral("rps"))
                     .toObject()
                     .value(QStringLiteral("kuroneko"))
                     .toInt(),
                 7);
        QCOMPARE(
            settings.value(QStringLiteral("rps")).toObject().value(QStringLiteral("sfsim")).toInt(),
            20);
        const Reply bulk = h.post(
            QStringLiteral("/__sim/parcels/bulk"),
            {{QStringLiteral("carrier"), QStringLiteral("sfsim")}, {QStringLiteral("count"), 5}});
        QCOMPARE(bulk.status, 201);
        QCOMPARE(bulk.json.value(QStringLiteral("numbers")).toArray().size(), 5);
        for (const QJsonValue &n : bulk.json.value(QStringLiteral("numbers")).toArray())
            QCOMPARE(h.get(QStringLiteral("/__sim/parcels/") + n.toString())
                         .json.value(QStringLiteral("scenario"))
                         .toString(),
                     QStringLiteral("lost"));
    }

    void bulkIsFast()
    {
        Http h = http();
        QElapsedTimer timer;
        timer.start();
        const QStringList numbers = bulk(h, "swiftpost", 100000);
        QCOMPARE(numbers.size(), 100000);
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(QSet<QString>(numbers.begin(), numbers.end()).size(), 100000);
        QCOMPARE(batchEvents(h, "swiftpost", numbers.last()).size(), 1);
    }

    void duplicatesAndOutOfOrder()
    {
        Http h = http();
        const QString number = bulk(h, "swiftpost", 1).at(0);
        advance(h, 45);
        QCOMPARE(
            h.put(QStringLiteral("/__sim/logistics"), {{QStringLiteral("duplicatePercent"), 100}})
                .status,
            200);
        QStringList ids = field(batchEvents(h, "swiftpost", number), "id");
        QCOMPARE(ids.size(), 10); // five events, each twice
        ids.removeDuplicates();
        QCOMPARE(ids.size(), 5);

        QCOMPARE(
            h.put(QStringLiteral("/__sim/logistics"), {{QStringLiteral("outOfOrderPercent"), 100}})
                .status,
            200);
        const QStringList times = field(batchEvents(h, "swiftpost", number), "time");
        QCOMPARE(times.size(), 5);
        QStringList sorted = times;
        std::sort(sorted.begin(), sorted.end());
        QVERIFY(times != sorted);
        QCOMPARE(
            field(h.get(QStringLiteral("/carrier/kuroneko/parcels/") + bulk(h, "kuroneko", 1).at(0))
                      .json.value(QStringLiteral("history"))
                      .toArray(),
                  "statusCode")
                .size(),
            1); // a single event cannot be out of order
    }

    void overTheLimitIs429()
    {
        Http h = http();
        QCOMPARE(h.put(QStringLiteral("/__sim/logistics"),
                       {{QStringLiteral("rps"), QJsonObject{{QStringLiteral("sfsim"), 3}}}})
                     .status,
                 200);
        const QString number = bulk(h, "sfsim", 1).at(0);
        int ok = 0;
        int limited = 0;
        QByteArray retryAfter;
        for (int i = 0; i < 12; ++i) {
            const Reply r = h.get(QStringLiteral("/carrier/sfsim/track?numbers=") + number);
            if (r.status == 200)
                ++ok;
            if (r.status == 429) {
                ++limited;
                retryAfter = r.retryAfter;
            }
        }
        QCOMPARE(ok + limited, 12);
        QVERIFY(limited >= 3); // twelve quick requests span at most a few seconds
        QCOMPARE(retryAfter, QByteArray("1"));
        QCOMPARE(carrierCount(h, "sfsim", "requests"), 12);
        QCOMPARE(carrierCount(h, "sfsim", "throttled"), limited);
        QVERIFY(carrierCount(h, "sfsim", "maxPerSecond") >= 4);
        QCOMPARE(carrierCount(h, "swiftpost", "requests"), 0); // each carrier its own limit

        // Random throttling: 429 with Retry-After: 2.
        QCOMPARE(
            h.put(QStringLiteral("/__sim/logistics"), {{QStringLiteral("throttlePercent"), 100}})
                .status,
            200);
        const Reply throttled = h.get(QStringLiteral("/carrier/kuroneko/parcels/400000000001"));
        QCOMPARE(throttled.status, 429);
        QCOMPARE(throttled.retryAfter, QByteArray("2"));
        QCOMPARE(carrierCount(h, "kuroneko", "throttled"), 1);
        QCOMPARE(h.call("DELETE", QStringLiteral("/__sim/carriers")).status, 204);
        QCOMPARE(carrierCount(h, "sfsim", "requests"), 0);
    }

    void webhooksAreSignedAndRetried()
    {
        Http h = http();
        WebhookReceiver receiver;
        const Reply registered = h.post(QStringLiteral("/carrier/intlexpress/webhooks"),
                                        {{QStringLiteral("url"), receiver.url()}});
        QCOMPARE(registered.status, 201);
        QCOMPARE(registered.json.value(QStringLiteral("id")).toString(), QStringLiteral("wh_1"));
        const QByteArray secret =
            registered.json.value(QStringLiteral("secret")).toString().toUtf8();
        QVERIFY(secret.size() >= 32);
        const Reply again = h.post(QStringLiteral("/carrier/intlexpress/webhooks"),
                                   {{QStringLiteral("url"), receiver.url()}});
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json, registered.json);
        QCOMPARE(h.post(QStringLiteral("/carrier/intlexpress/webhooks"),
                        {{QStringLiteral("url"), QStringLiteral("ftp://x")}})
                     .status,
                 400);

        const QString number = h.post(QStringLiteral("/carrier/intlexpress/shipments"),
                                      intlShipment(QStringLiteral("P7")))
                                   .json.value(QStringLiteral("trackingNumber"))
                                   .toString();
        QCOMPARE(h.post(QStringLiteral("/__sim/parcels/%1/scenario").arg(number),
                        {{QStringLiteral("scenario"), QStringLiteral("normal")}})
                     .status,
                 200);
        QTRY_COMPARE(receiver.count(), 1); // ACCEPTED, visible at once
        const WebhookReceiver::Received first = receiver.received().at(0);
        // The signature: lowercase hex HMAC-SHA256(secret, timestamp "." body).
        const QByteArray expected =
            QMessageAuthenticationCode::hash(first.timestamp + '.' + first.body, secret,
                                             QCryptographicHash::Sha256)
                .toHex();
        QCOMPARE(first.signature, expected);
        QVERIFY(qAbs(first.timestamp.toLongLong() - QDateTime::currentSecsSinceEpoch()) < 10);
        const QJsonObject body = QJsonDocument::fromJson(first.body).object();
        QCOMPARE(body.value(QStringLiteral("carrier")).toString(), QStringLiteral("intlexpress"));
        QCOMPARE(body.value(QStringLiteral("trackingNumber")).toString(), number);
        const QJsonObject event = body.value(QStringLiteral("event")).toObject();
        QCOMPARE(event.value(QStringLiteral("code")).toString(), QStringLiteral("ACCEPTED"));
        QCOMPARE(event, h.get(QStringLiteral("/carrier/intlexpress/track/") + number)
                            .json.value(QStringLiteral("events"))
                            .toArray()
                            .at(0)
                            .toObject());    // the same fields as tracking
        QVERIFY(!first.body.contains('\n')); // compact

        // The next event fails twice, then arrives (1 s, then 2 s later).
        receiver.answerNext({500, 503});
        advance(h, 6.5);
        QTRY_COMPARE_WITH_TIMEOUT(receiver.count(), 4, 8000);
        QCOMPARE(receiver.codes().mid(1),
                 (QStringList{QStringLiteral("DEPARTED"), QStringLiteral("DEPARTED"),
                              QStringLiteral("DEPARTED")}));
        QTRY_COMPARE(h.get(QStringLiteral("/__sim/webhooks"))
                         .json.value(QStringLiteral("webhooks"))
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(QStringLiteral("deliveries"))
                         .toInt(),
                     2);
        const QJsonObject hook = h.get(QStringLiteral("/__sim/webhooks"))
                                     .json.value(QStringLiteral("webhooks"))
                                     .toArray()
                                     .at(0)
                                     .toObject();
        QCOMPARE(hook.value(QStringLiteral("failures")).toInt(), 2);
        QCOMPARE(hook.value(QStringLiteral("url")).toString(), receiver.url());
        QCOMPARE(hook.value(QStringLiteral("secret")).toString().toUtf8(), secret);

        // Duplicates and a batch out of order: the clock jumps over four events at once.
        QCOMPARE(
            h.put(QStringLiteral("/__sim/logistics"), {{QStringLiteral("duplicatePercent"), 100},
                                                       {QStringLiteral("outOfOrderPercent"), 100}})
                .status,
            200);
        advance(h, 40);
        QTRY_COMPARE(receiver.count(), 4 + 8);
        const QStringList batch = receiver.codes().mid(4);
        QStringList unique = batch;
        unique.removeDuplicates();
        QCOMPARE(QSet<QString>(unique.begin(), unique.end()),
                 (QSet<QString>{QStringLiteral("ARRIVED_CN"), QStringLiteral("CUSTOMS_IN"),
                                QStringLiteral("CUSTOMS_RELEASED"), QStringLiteral("HANDOVER")}));
        QVERIFY(unique !=
                (QStringList{QStringLiteral("ARRIVED_CN"), QStringLiteral("CUSTOMS_IN"),
                             QStringLiteral("CUSTOMS_RELEASED"), QStringLiteral("HANDOVER")}));
        for (const QString &code : unique)
            QCOMPARE(batch.count(code), 2);
    }

    void webhooksGiveUpAfterFiveRetries()
    {
        Http h = http();
        WebhookReceiver receiver;
        h.post(QStringLiteral("/carrier/intlexpress/webhooks"),
               {{QStringLiteral("url"), receiver.url()}});
        receiver.answerNext({500, 500, 500, 500, 500, 500, 500});
        h.post(QStringLiteral("/carrier/intlexpress/shipments"),
               intlShipment(QStringLiteral("P8")));
        // 1 + 5 attempts, 1+2+3+4+5 = 15 s apart in all.
        QTRY_COMPARE_WITH_TIMEOUT(receiver.count(), 6, 20000);
        QTRY_COMPARE(h.get(QStringLiteral("/__sim/webhooks"))
                         .json.value(QStringLiteral("webhooks"))
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(QStringLiteral("abandoned"))
                         .toInt(),
                     1);
        // A seventh attempt would come 6 s after the sixth (the delays grow by a second).
        QTest::qWait(6500);
        QCOMPARE(receiver.count(), 6);
    }
    void smtpSinkStoresDecodedMail()
    {
        Http h = http();
        QVERIFY(m_sim->smtpPort() > 0);
        SmtpClient smtp;
        QVERIFY(smtp.connectTo(m_sim->smtpPort()));
        QCOMPARE(smtp.reply(), 220);
        QCOMPARE(smtp.command("EHLO client.example"), 250);
        QCOMPARE(smtp.command("AUTH PLAIN AGhhaXRhbwBzZWNyZXQ="), 235);
        QCOMPARE(smtp.command("RCPT TO:<x@example.com>"), 503); // MAIL first
        const QString text =
            QStringLiteral("您好，王先生：\n您的订单 1024 已发货，承运商 swiftpost，"
                           "运单号 SP000000001US。\n.这一行以句点开头\n祝好");
        QCOMPARE(smtp.mail("shop@haitao.invalid", {"wang@example.com", "ops@example.com"},
                           mailText("<n1.abc@haitao.invalid>", QStringLiteral("您的包裹已发货"),
                                    "Content-Type: text/plain; charset=UTF-8\n"
                                    "Content-Transfer-Encoding: quoted-printable\n",
                                    quotedPrintable(text.toUtf8()))),
                 250);
        // base64, and a multipart message as libcurl's MIME API builds it.
        QCOMPARE(smtp.mail("shop@haitao.invalid", {"li@example.com"},
                           mailText("<n2.abc@haitao.invalid>", QStringLiteral("已签收"),
                                    "Content-Type: multipart/alternative; boundary=\"b1\"\n",
                                    "--b1\nContent-Type: text/plain; charset=utf-8\n"
                                    "Content-Transfer-Encoding: base64\n\n" +
                                        QStringLiteral("包裹已签收").toUtf8().toBase64() +
                                        "\n--b1\nContent-Type: text/html\n\n<p>x</p>\n--b1--\n")),
                 250);
        QCOMPARE(smtp.command("QUIT"), 221);

        const QJsonObject messages = h.get(QStringLiteral("/__sim/messages")).json;
        const QJsonArray email = messages.value(QStringLiteral("email")).toArray();
        QCOMPARE(email.size(), 2);
        const QJsonObject first = email[0].toObject();
        QCOMPARE(first.value(QStringLiteral("messageId")).toString(),
                 QStringLiteral("<n1.abc@haitao.invalid>"));
        QCOMPARE(first.value(QStringLiteral("from")).toString(),
                 QStringLiteral("shop@haitao.invalid"));
        QCOMPARE(first.value(QStringLiteral("to")).toString(),
                 QStringLiteral("wang@example.com, ops@example.com"));
        QCOMPARE(first.value(QStringLiteral("subject")).toString(),
                 QStringLiteral("您的包裹已发货"));
        QCOMPARE(first.value(QStringLiteral("body")).toString(), text); // dot-stuffing undone
        QVERIFY(!first.value(QStringLiteral("receivedAt")).toString().isEmpty());
        QCOMPARE(email[1].toObject().value(QStringLiteral("body")).toString(),
                 QStringLiteral("包裹已签收"));
        QCOMPARE(email[1].toObject().value(QStringLiteral("subject")).toString(),
                 QStringLiteral("已签收"));
    }

    void smtpSinkCountsDuplicatesAndFails()
    {
        Http h = http();
        const QByteArray message = mailText("<n7.abc@haitao.invalid>", QStringLiteral("已发货"),
                                            "Content-Type: text/plain; charset=UTF-8\n", "你好");
        {
            SmtpClient smtp;
            QVERIFY(smtp.connectTo(m_sim->smtpPort()));
            QCOMPARE(smtp.reply(), 220);
            QCOMPARE(smtp.command("HELO client"), 250);
            QCOMPARE(smtp.mail("a@haitao.invalid", {"b@example.com"}, message), 250);
            QCOMPARE(smtp.mail("a@haitao.invalid", {"b@example.com"}, message), 250); // again
            QCOMPARE(h.put(QStringLiteral("/__sim/sinks"),
                           {{QStringLiteral("smtp"), QStringLiteral("reject")}})
                         .status,
                     200);
            QCOMPARE(smtp.mail("a@haitao.invalid", {"b@example.com"},
                               mailText("<n8.abc@haitao.invalid>", QStringLiteral("x"), {}, "y")),
                     451); // at DATA
            QCOMPARE(smtp.command("RSET"), 250);
        }
        QCOMPARE(h.put(QStringLiteral("/__sim/sinks"),
                       {{QStringLiteral("smtp"), QStringLiteral("down")}})
                     .status,
                 200);
        {
            SmtpClient smtp;
            QVERIFY(smtp.connectTo(m_sim->smtpPort()));
            QCOMPARE(smtp.reply(), 0); // closed without a greeting
        }
        QCOMPARE(h.put(QStringLiteral("/__sim/sinks"),
                       {{QStringLiteral("smtp"), QStringLiteral("sideways")}})
                     .status,
                 400);
        QCOMPARE(
            h.put(QStringLiteral("/__sim/sinks"), {{QStringLiteral("smtp"), QStringLiteral("ok")}})
                .status,
            200);
        QJsonObject messages = h.get(QStringLiteral("/__sim/messages")).json;
        QCOMPARE(messages.value(QStringLiteral("email")).toArray().size(), 1);
        QCOMPARE(messages.value(QStringLiteral("duplicates"))
                     .toObject()
                     .value(QStringLiteral("email"))
                     .toInt(),
                 1);

        // Many clients at once: every message is stored once.
        std::vector<std::thread> clients;
        std::atomic<int> accepted{0};
        for (int t = 0; t < 6; ++t)
            clients.emplace_back([this, t, &accepted] {
                SmtpClient smtp;
                if (!smtp.connectTo(m_sim->smtpPort()) || smtp.reply() != 220 ||
                    smtp.command("EHLO c") != 250)
                    return;
                for (int i = 0; i < 5; ++i) {
                    const QByteArray id = "<t" + QByteArray::number(t) + "." +
                                          QByteArray::number(i) + "@haitao.invalid>";
                    if (smtp.mail("a@haitao.invalid", {"b@example.com"},
                                  mailText(id, QStringLiteral("s"), {}, "body")) == 250)
                        ++accepted;
                }
            });
        for (std::thread &c : clients)
            c.join();
        QCOMPARE(accepted.load(), 30);
        messages = h.get(QStringLiteral("/__sim/messages")).json;
        QCOMPARE(messages.value(QStringLiteral("email")).toArray().size(), 31);
        QCOMPARE(h.call("DELETE", QStringLiteral("/__sim/messages")).status, 204);
        QCOMPARE(h.get(QStringLiteral("/__sim/messages"))
                     .json.value(QStringLiteral("email"))
                     .toArray()
                     .size(),
                 0);
    }

    void smsSinkDeduplicatesAndFails()
    {
        Http h = http();
        const QJsonObject sms{{QStringLiteral("to"), QStringLiteral("+8613800000000")},
                              {QStringLiteral("text"), QStringLiteral("您的订单 1024 已签收")},
                              {QStringLiteral("clientMessageId"), QStringLiteral("n5.abc")}};
        const Reply first = h.post(QStringLiteral("/sms/messages"), sms);
        QCOMPARE(first.status, 201);
        const QString id = first.json.value(QStringLiteral("id")).toString();
        QVERIFY(!id.isEmpty());
        const Reply again = h.post(QStringLiteral("/sms/messages"), sms);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json.value(QStringLiteral("id")).toString(), id);
        QCOMPARE(
            h.post(QStringLiteral("/sms/messages"), {{QStringLiteral("to"), QStringLiteral("1")}})
                .status,
            400);
        QCOMPARE(
            h.put(QStringLiteral("/__sim/sinks"), {{QStringLiteral("sms"), QStringLiteral("fail")}})
                .status,
            200);
        QJsonObject other = sms;
        other.insert(QStringLiteral("clientMessageId"), QStringLiteral("n6.abc"));
        QCOMPARE(h.post(QStringLiteral("/sms/messages"), other).status, 503);
        QCOMPARE(h.get(QStringLiteral("/__sim/sinks")).json.value(QStringLiteral("sms")).toString(),
                 QStringLiteral("fail"));
        QCOMPARE(
            h.put(QStringLiteral("/__sim/sinks"), {{QStringLiteral("sms"), QStringLiteral("ok")}})
                .status,
            200);
        QCOMPARE(h.post(QStringLiteral("/sms/messages"), other).status, 201);

        const QJsonObject messages = h.get(QStringLiteral("/__sim/messages")).json;
        const QJsonArray list = messages.value(QStringLiteral("sms")).toArray();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].toObject().value(QStringLiteral("clientMessageId")).toString(),
                 QStringLiteral("n5.abc"));
        QCOMPARE(list[0].toObject().value(QStringLiteral("to")).toString(),
                 QStringLiteral("+8613800000000"));
        QCOMPARE(list[0].toObject().value(QStringLiteral("text")).toString(),
                 QStringLiteral("您的订单 1024 已签收"));
        QCOMPARE(messages.value(QStringLiteral("duplicates"))
                     .toObject()
                     .value(QStringLiteral("sms"))
                     .toInt(),
                 1);
    }
};

QTEST_GUILESS_MAIN(TstSimLogistics)
#include "tst_sim_logistics.moc"
