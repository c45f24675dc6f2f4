// The customer notification outbox: the status hook writes messages in the caller's
// transaction, the worker delivers them over real SMTP (libcurl) and HTTP to haitao-sim's
// sinks, retries with a doubling delay while the sinks fail, and never sends one twice.
#include "backend/http/apierror.h"
#include "backend/integrations/smtpsender.h"
#include "backend/logistics/logisticsschema.h"
#include "backend/logistics/notifyservice.h"
#include "backend/logistics/statushooks.h"
#include "backend/storage/database.h"
#include "backend/storage/migrations.h"
#include "sim/simserver.h"
#include "tests/support/rawjson.h"
#include "tests/support/syncclient.h"
#include "tests/support/testdb.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>
#include <thread>

using namespace haitao;
using server::logistics::NotifyService;
using server::logistics::OutboxMessage;
using server::logistics::StatusChange;

namespace {

QJsonObject parse(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

// The header's value with RFC 2047 "B" words decoded and folding removed.
QString decodedHeader(const QByteArray &message, const QByteArray &name)
{
    const QByteArray head = message.left(message.indexOf("\r\n\r\n"));
    const QList<QByteArray> lines = head.split('\n');
    QByteArray value;
    bool in = false;
    for (QByteArray line : lines) {
        line.chop(line.endsWith('\r') ? 1 : 0);
        if (line.startsWith(name + ": ")) {
            value = line.mid(name.size() + 2);
            in = true;
        } else if (in && line.startsWith(' ')) {
            value += ' ' + line.mid(1);
        } else {
            in = false;
        }
    }
    // Whitespace between two encoded words is not part of the text (RFC 2047, 6.2).
    QString out;
    bool lastEncoded = false;
    bool first = true;
    for (QByteArray word : value.split(' ')) {
        const bool encoded = word.startsWith("=?UTF-8?B?") && word.endsWith("?=");
        if (!first && !(encoded && lastEncoded))
            out += QLatin1Char(' ');
        if (encoded)
            out += QString::fromUtf8(QByteArray::fromBase64(word.mid(10, word.size() - 12)));
        else
            out += QString::fromUtf8(word);
        lastEncoded = encoded;
        first = false;
    }
    return out;
}

} // namespace

class TestOutbox : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<sim::SimServer> m_sim;
    std::unique_ptr<server::Database> m_db;
    server::Config m_config;
    std::unique_ptr<NotifyService> m_notify;
    std::unique_ptr<testing::SyncClient> m_simClient;
    std::atomic<qint64> m_now{1795000000000}; // 2026-11-18
    qint64 m_nextShipment = 1;

    void setSinks(const char *smtp, const char *sms)
    {
        const auto r =
            m_simClient->raw("PUT", QStringLiteral("/__sim/sinks"),
                             QByteArray("{\"smtp\": \"") + smtp + "\", \"sms\": \"" + sms + "\"}",
                             {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 200);
    }

    QJsonObject messages()
    {
        const auto r = m_simClient->raw("GET", QStringLiteral("/__sim/messages"));
        return parse(r.body);
    }

    void clearMessages()
    {
        const auto r = m_simClient->raw("DELETE", QStringLiteral("/__sim/messages"));
        QVERIFY(r.status == 200 || r.status == 204);
    }

    // A status change of a fresh shipment as ingest reports it.
    StatusChange change(qint64 shipmentId, const QString &from, const QString &to,
                        const QString &email = QStringLiteral("zhang.san@example.cn"))
    {
        StatusChange c;
        c.shipmentId = shipmentId;
        c.orderId = 5000 + shipmentId;
        c.subOrderId = 7000 + shipmentId;
        c.userId = 3;
        c.site = QStringLiteral("amazon.com");
        c.username = QStringLiteral("zhang");
        c.legKind = QStringLiteral("shop");
        c.from = from;
        c.to = to;
        c.carrier = QStringLiteral("swiftpost");
        c.trackingNumber = QStringLiteral("SP%1US").arg(shipmentId, 9, 10, QLatin1Char('0'));
        c.place = QStringLiteral("Seattle");
        c.eventAtMs = m_now;
        c.atMs = m_now;
        c.recipientName = QStringLiteral("张三");
        c.recipientPhone = QStringLiteral("13800138000");
        c.recipientEmail = email;
        return c;
    }

    void hook(const StatusChange &c)
    {
        m_db->write([&](QSqlDatabase &db) { server::logistics::onStatusChanged(db, c); });
    }

    QList<OutboxMessage> all()
    {
        server::logistics::outbox::Filter f;
        f.limit = 1000;
        return server::logistics::outbox::list(m_db->writer(), f).items;
    }

    qint64 count(const QString &sql)
    {
        QSqlQuery q(m_db->writer());
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

    // Delivers what is due now until nothing more is.
    void drain()
    {
        while (m_notify->deliverDue() > 0) {
        }
    }

private slots:
    void initTestCase()
    {
        if (testing::postgresRequiredButMissing())
            QSKIP("no PostgreSQL configured: scripts/test starts one and sets HAITAO_TEST_PG_URL");
        m_sim = std::make_unique<sim::SimServer>();
        QString error;
        QVERIFY2(m_sim->start(QStringLiteral("127.0.0.1"), 0, &error), qPrintable(error));
        QVERIFY(m_sim->smtpPort() > 0);
        m_simClient = std::make_unique<testing::SyncClient>(
            QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_sim->port())));

        const auto url = server::DbUrl::parse(
            testing::freshDatabaseUrl(m_dir.path(), QStringLiteral("logistics")), &error);
        QVERIFY2(url, qPrintable(error));
        m_db = std::make_unique<server::Database>(QStringLiteral("logistics"), *url);
        server::migrate(*m_db, server::logistics::schema::migrations());
        QVERIFY(server::schemaVersion(*m_db) >= 2);

        m_config.smtpUrl = QStringLiteral("smtp://127.0.0.1:%1").arg(m_sim->smtpPort());
        m_config.smtpFrom = QStringLiteral("海淘 <noreply@haitao.invalid>");
        m_config.smsUrl = QStringLiteral("http://127.0.0.1:%1/sms/messages").arg(m_sim->port());
        m_config.outboxRetryMs = 1000;
        m_config.outboxAttempts = 4;
        m_config.clock = [this] { return m_now.load(); };
        m_notify = std::make_unique<NotifyService>(*m_db, m_config);
        m_notify->setup();
    }

    void cleanupTestCase()
    {
        m_notify.reset();
        if (m_db)
            m_db->close();
        if (m_sim)
            m_sim->stop();
    }

    void init()
    {
        if (m_sim) {
            setSinks("ok", "ok");
            clearMessages();
        }
    }

    void formatsRfc5322()
    {
        server::MailMessage m;
        m.from = QStringLiteral("海淘 <noreply@haitao.invalid>");
        m.to = QStringLiteral("li.si@example.cn");
        m.subject = QStringLiteral(
            "您的订单 123 的包裹已清关，正在运往您的收货地址，请注意查收包裹和短信通知");
        m.body = QStringLiteral("李四，您好：\n.以点开头的一行\n运单号：IE000000001CN\n");
        m.messageId = QStringLiteral("n7.abc@haitao.invalid");
        m.dateMs = 1795000000000;
        const QByteArray text = server::formatMail(m);
        QVERIFY(!text.contains("\r\n\r\n\r\n"));
        QCOMPARE(text.count('\n'), text.count("\r\n")); // no bare LF
        for (const QByteArray &line : text.split('\n')) {
            QVERIFY2(line.size() <= 78, line.constData());
            for (const char ch : line)
                QVERIFY(uchar(ch) < 0x80); // 7-bit clean: the body is base64
        }
        QCOMPARE(decodedHeader(text, "Subject"), m.subject);
        QCOMPARE(decodedHeader(text, "From"), QStringLiteral("海淘 <noreply@haitao.invalid>"));
        QVERIFY(text.contains("\r\nMessage-ID: <n7.abc@haitao.invalid>\r\n"));
        QVERIFY(text.contains("\r\nTo: <li.si@example.cn>\r\n"));
        QVERIFY(text.startsWith("Date: Wed, 18 Nov 2026 "));
        QVERIFY(text.contains("Content-Type: text/plain; charset=UTF-8\r\n"));
        QVERIFY(text.contains("Content-Transfer-Encoding: base64\r\n"));
        const QByteArray body = text.mid(text.indexOf("\r\n\r\n") + 4);
        QCOMPARE(QString::fromUtf8(QByteArray::fromBase64(QByteArray(body).replace("\r\n", ""))),
                 QString(m.body).replace(QStringLiteral("\n"), QStringLiteral("\r\n")));
        // A header cannot be injected through a value.
        m.subject = QStringLiteral("hi\r\nBcc: evil@example.com");
        QVERIFY(!server::formatMail(m).contains("\r\nBcc:"));
    }

    void statusChangesWriteMessagesAndAlerts()
    {
        const qint64 id = m_nextShipment++;
        hook(change(id, QStringLiteral("awaiting_shipment"), QStringLiteral("info_received")));
        // The same move reported again (a recompute) adds nothing.
        hook(change(id, QStringLiteral("awaiting_shipment"), QStringLiteral("in_transit")));
        hook(change(id, QStringLiteral("info_received"), QStringLiteral("in_transit")));
        hook(change(id, QStringLiteral("in_transit"), QStringLiteral("customs")));
        hook(change(id, QStringLiteral("customs"), QStringLiteral("customs_hold")));
        hook(change(id, QStringLiteral("customs_hold"), QStringLiteral("customs")));
        hook(change(id, QStringLiteral("customs"), QStringLiteral("customs_hold")));
        hook(change(id, QStringLiteral("customs_hold"), QStringLiteral("in_transit")));
        hook(change(id, QStringLiteral("in_transit"), QStringLiteral("exception")));
        hook(change(id, QStringLiteral("exception"), QStringLiteral("delivered")));

        QMap<QString, int> kinds;
        for (const OutboxMessage &m : all()) {
            if (m.shipmentId != id)
                continue;
            ++kinds[m.kind + QLatin1Char('/') + m.channel];
            QCOMPARE(m.status, QStringLiteral("pending"));
            QVERIFY(m.body.contains(QStringLiteral("SP%1US").arg(id, 9, 10, QLatin1Char('0'))));
            QVERIFY(m.body.contains(QString::number(5000 + id)));
            if (m.channel == u"email")
                QCOMPARE(m.recipient, QStringLiteral("zhang.san@example.cn"));
            else
                QCOMPARE(m.recipient, QStringLiteral("13800138000"));
        }
        const QMap<QString, int> expected{{QStringLiteral("shipped/email"), 1},
                                          {QStringLiteral("shipped/sms"), 1},
                                          {QStringLiteral("customs_cleared/email"), 1},
                                          {QStringLiteral("customs_cleared/sms"), 1},
                                          {QStringLiteral("delivered/email"), 1},
                                          {QStringLiteral("delivered/sms"), 1}};
        QCOMPARE(kinds, expected);
        // One unresolved alert per kind, however often the status comes back.
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM alerts WHERE shipment_id = %1 AND "
                                      "kind = 'customs_hold'")
                           .arg(id)),
                 1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM alerts WHERE shipment_id = %1 AND "
                                      "kind = 'exception' AND state = 'open'")
                           .arg(id)),
                 1);

        // Without an e-mail address: SMS only.
        const qint64 smsOnly = m_nextShipment++;
        hook(change(smsOnly, QStringLiteral("awaiting_shipment"), QStringLiteral("info_received"),
                    QString()));
        int n = 0;
        for (const OutboxMessage &m : all()) {
            if (m.shipmentId == smsOnly) {
                ++n;
                QCOMPARE(m.channel, QStringLiteral("sms"));
                QVERIFY(m.body.startsWith(QStringLiteral("【海淘】")));
            }
        }
        QCOMPARE(n, 1);
        drain(); // leave nothing pending for the next tests
    }

    void deliversEachMessageOnce()
    {
        const qint64 id = m_nextShipment++;
        hook(change(id, QStringLiteral("awaiting_shipment"), QStringLiteral("info_received")));
        drain();
        QCOMPARE(m_notify->deliverDue(), 0);
        const QJsonObject got = messages();
        const QJsonArray email = got.value(QStringLiteral("email")).toArray();
        const QJsonArray sms = got.value(QStringLiteral("sms")).toArray();
        QCOMPARE(email.size(), 1);
        QCOMPARE(sms.size(), 1);
        const QJsonObject mail = email.at(0).toObject();
        QCOMPARE(mail.value(QStringLiteral("subject")).toString(),
                 QStringLiteral("您的订单 %1 已发货").arg(5000 + id));
        QCOMPARE(mail.value(QStringLiteral("to")).toString(),
                 QStringLiteral("zhang.san@example.cn"));
        QVERIFY(mail.value(QStringLiteral("body")).toString().contains(QStringLiteral("运单号")));
        QVERIFY(mail.value(QStringLiteral("body"))
                    .toString()
                    .contains(QStringLiteral("SP%1US").arg(id, 9, 10, QLatin1Char('0'))));
        OutboxMessage sent;
        for (const OutboxMessage &m : all()) {
            if (m.shipmentId == id && m.channel == u"email")
                sent = m;
        }
        QCOMPARE(sent.status, QStringLiteral("sent"));
        QCOMPARE(sent.attempts, 1);
        QVERIFY(sent.sentAtMs.has_value());
        QCOMPARE(mail.value(QStringLiteral("messageId")).toString().remove(u'<').remove(u'>'),
                 m_notify->messageId(sent.id));
        QCOMPARE(sms.at(0).toObject().value(QStringLiteral("clientMessageId")).toString(),
                 m_notify->messageId(sent.id + 1));
        QCOMPARE(got.value(QStringLiteral("duplicates")).toObject(),
                 QJsonObject({{QStringLiteral("email"), 0}, {QStringLiteral("sms"), 0}}));
    }

    void retriesWhileTheSinksFailThenRecovers()
    {
        const qint64 id = m_nextShipment++;
        hook(change(id, QStringLiteral("awaiting_shipment"), QStringLiteral("info_received")));
        setSinks("down", "fail");
        QCOMPARE(m_notify->deliverDue(), 2);
        QCOMPARE(m_notify->deliverDue(), 0); // not due again yet
        for (const OutboxMessage &m : all()) {
            if (m.shipmentId != id)
                continue;
            QCOMPARE(m.status, QStringLiteral("pending"));
            QCOMPARE(m.attempts, 1);
            QVERIFY2(!m.lastError.isEmpty(), qPrintable(m.channel));
            QCOMPARE(m.nextAttemptAtMs, m_now + 1000);
        }
        // SMTP now refuses at DATA (451): still worth retrying, after twice the delay.
        setSinks("reject", "fail");
        m_now += 1000;
        QCOMPARE(m_notify->deliverDue(), 2);
        for (const OutboxMessage &m : all()) {
            if (m.shipmentId != id)
                continue;
            QCOMPARE(m.attempts, 2);
            QCOMPARE(m.nextAttemptAtMs, m_now + 2000);
            if (m.channel == u"email")
                QVERIFY2(m.lastError.contains(QStringLiteral("451")), qPrintable(m.lastError));
            else
                QVERIFY2(m.lastError.contains(QStringLiteral("503")), qPrintable(m.lastError));
        }
        m_now += 1999;
        QCOMPARE(m_notify->deliverDue(), 0);
        QCOMPARE(messages().value(QStringLiteral("email")).toArray().size(), 0);

        setSinks("ok", "ok");
        m_now += 1;
        QCOMPARE(m_notify->deliverDue(), 2);
        m_now += 3600 * 1000;
        QCOMPARE(m_notify->deliverDue(), 0);
        const QJsonObject got = messages();
        QCOMPARE(got.value(QStringLiteral("email")).toArray().size(), 1);
        QCOMPARE(got.value(QStringLiteral("sms")).toArray().size(), 1);
        QCOMPARE(got.value(QStringLiteral("duplicates")).toObject(),
                 QJsonObject({{QStringLiteral("email"), 0}, {QStringLiteral("sms"), 0}}));
    }

    void givesUpAfterTheLastAttemptAndStaffRetry()
    {
        const qint64 id = m_nextShipment++;
        hook(change(id, QStringLiteral("awaiting_shipment"), QStringLiteral("info_received"),
                    QString()));
        setSinks("ok", "fail");
        for (int attempt = 1; attempt <= 4; ++attempt) {
            QCOMPARE(m_notify->deliverDue(), 1);
            m_now += 8000;
        }
        QCOMPARE(m_notify->deliverDue(), 0);
        OutboxMessage failed;
        for (const OutboxMessage &m : all()) {
            if (m.shipmentId == id)
                failed = m;
        }
        QCOMPARE(failed.status, QStringLiteral("failed"));
        QCOMPARE(failed.attempts, 4);

        setSinks("ok", "ok");
        server::Actor ops;
        ops.id = 2;
        ops.name = QStringLiteral("ops");
        const QJsonObject after = m_notify->retry(ops, failed.id);
        QCOMPARE(after.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(after.value(QStringLiteral("attempts")).toInt(), 0);
        QCOMPARE(m_notify->deliverDue(), 1);
        QCOMPARE(messages().value(QStringLiteral("sms")).toArray().size(), 1);
        // Only a failed message can be put back.
        QVERIFY_THROWS_EXCEPTION(server::ApiError, m_notify->retry(ops, failed.id));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = "
                                      "'logistics.notification_retried'")),
                 1);
    }

    void concurrentWorkersSendEachMessageOnce()
    {
        for (int i = 0; i < 10; ++i)
            hook(change(m_nextShipment++, QStringLiteral("awaiting_shipment"),
                        QStringLiteral("info_received")));
        NotifyService second(*m_db, m_config);
        second.setup();
        QCOMPARE(second.messageId(1), m_notify->messageId(1)); // one installation token
        std::atomic<int> a{0}, b{0};
        std::thread t1([&] {
            while (const int n = m_notify->deliverDue())
                a += n;
        });
        std::thread t2([&] {
            while (const int n = second.deliverDue())
                b += n;
        });
        t1.join();
        t2.join();
        QCOMPARE(a + b, 20);
        const QJsonObject got = messages();
        QCOMPARE(got.value(QStringLiteral("email")).toArray().size(), 10);
        QCOMPARE(got.value(QStringLiteral("sms")).toArray().size(), 10);
        QCOMPARE(got.value(QStringLiteral("duplicates")).toObject(),
                 QJsonObject({{QStringLiteral("email"), 0}, {QStringLiteral("sms"), 0}}));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE status <> 'sent'")), 0);
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
