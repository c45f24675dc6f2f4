// The translation component over real HTTP: the glossary (versions, If-Match, duplicates,
// roles, CSV import with row errors and export round trip, term matching with UTF-16
// positions, audit), the translation memory fed by publishing, and machine translation through
// haitao-sim with its faults.
#include "backend/server.h"
#include "backend/storage/auditlog.h"
#include "backend/storage/database.h"
#include "backend/translation/translationservice.h"
#include "sim/simserver.h"
#include "tests/support/rawjson.h"
#include "tests/support/syncclient.h"
#include "tests/support/testdb.h"
#include "tests/support/testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace haitao;
using haitao::testing::body;
using haitao::testing::describe;
using haitao::testing::errorFields;
using haitao::testing::SyncClient;
using haitao::testing::TestServer;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

QByteArray etag(const QJsonObject &entry)
{
    return "\"g" + QByteArray::number(entry.value(QStringLiteral("version")).toInteger()) + '"';
}

QString encoded(const QString &s)
{
    return QString::fromUtf8(QUrl::toPercentEncoding(s));
}

} // namespace

class TstTranslationApi : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;

    std::unique_ptr<SyncClient> signedIn(TestServer &server, const QString &user)
    {
        auto c = std::make_unique<SyncClient>(server.url());
        const QString error = c->login(user, user + QStringLiteral(" password"));
        if (!error.isEmpty())
            qWarning("login failed: %s", qPrintable(error));
        return c;
    }
    std::unique_ptr<SyncClient> ops() { return signedIn(*m_server, QStringLiteral("opsuser")); }
    std::unique_ptr<SyncClient> translator()
    {
        return signedIn(*m_server, QStringLiteral("translatoruser"));
    }

    static void addUsers(TestServer &server)
    {
        server.createUser(QStringLiteral("customer"), QStringLiteral("customer password"),
                          Role::Customer);
        server.createUser(QStringLiteral("opsuser"), QStringLiteral("opsuser password"), Role::Ops);
        server.createUser(QStringLiteral("translatoruser"),
                          QStringLiteral("translatoruser password"), Role::Translator);
    }

    static client::RawResponse send(SyncClient &c, const QByteArray &method, const QString &path,
                                    const QJsonObject &o, const QByteArray &ifMatch = {})
    {
        Headers h{{"Content-Type", "application/json"}};
        if (!ifMatch.isEmpty())
            h.append({"If-Match", ifMatch});
        return c.raw(method, path, QJsonDocument(o).toJson(QJsonDocument::Compact), h);
    }

    static QJsonObject create(SyncClient &c, const QString &term, const QString &translation,
                              const QString &kind = QStringLiteral("term"))
    {
        const auto r = send(c, "POST", QStringLiteral("/api/v1/catalog/glossary"),
                            {{QStringLiteral("term"), term},
                             {QStringLiteral("translation"), translation},
                             {QStringLiteral("kind"), kind}});
        if (r.status != 201)
            qWarning("create: %s", qPrintable(describe(r)));
        return body(r);
    }

    static QStringList terms(SyncClient &c, const QString &query)
    {
        QStringList out;
        const auto r = c.raw("GET", QStringLiteral("/api/v1/catalog/glossary?") + query);
        for (const QJsonValue &v : body(r).value(QStringLiteral("items")).toArray())
            out << v.toObject().value(QStringLiteral("term")).toString();
        return out;
    }

    QList<AuditEntry> audited(TestServer &server, const QString &action)
    {
        QString error;
        const QString url = server.server().config().dbUrl(QStringLiteral("translation"));
        server::Database store(QStringLiteral("translation-audit-check"),
                               *server::DbUrl::parse(url, &error));
        server::AuditFilter filter;
        filter.action = action;
        const auto items = server::auditlog::list(store.reader(), filter).items;
        store.close();
        return items;
    }

    // Imports a one-product feed, writes its Chinese text and publishes it.
    QJsonObject publish(SyncClient &c, const QString &title, const QString &titleZh,
                        const QString &description, const QString &descriptionZh)
    {
        static int n = 0;
        const QByteArray sku = "TM-" + QByteArray::number(++n);
        const QByteArray feed = "sku,title,description,price,currency\n" + sku + ",\"" +
                                title.toUtf8() + "\",\"" + description.toUtf8() + "\",9.99,USD\n";
        auto r = c.raw("POST", QStringLiteral("/api/v1/catalog/imports?site=tm.example&format=csv"),
                       feed, {{"Content-Type", "text/csv"}});
        const QString location = QString::fromUtf8(r.header("Location"));
        for (int i = 0; i < 200; ++i) {
            const QString state =
                body(c.raw("GET", location)).value(QStringLiteral("state")).toString();
            if (state != QLatin1String("queued") && state != QLatin1String("running"))
                break;
            QTest::qWait(50);
        }
        QJsonObject p = body(c.raw("GET", QStringLiteral("/api/v1/catalog/products?q=") +
                                              QString::fromLatin1(sku)))
                            .value(QStringLiteral("items"))
                            .toArray()
                            .first()
                            .toObject();
        const QString path = QStringLiteral("/api/v1/catalog/products/%1")
                                 .arg(p.value(QStringLiteral("id")).toInteger());
        const auto tag = [](const QJsonObject &o) {
            return "\"v" + QByteArray::number(o.value(QStringLiteral("version")).toInteger()) + '"';
        };
        const auto move = [&](const QString &to) {
            p = body(send(c, "POST", path + QStringLiteral("/transitions"),
                          {{QStringLiteral("to"), to}}, tag(p)));
        };
        move(QStringLiteral("in_translation"));
        p = body(send(c, "PUT", path + QStringLiteral("/listing"),
                      {{QStringLiteral("titleZh"), titleZh},
                       {QStringLiteral("descriptionZh"), descriptionZh}},
                      tag(p)));
        move(QStringLiteral("in_review"));
        move(QStringLiteral("published"));
        return p;
    }

private slots:
    void initTestCase()
    {
        if (haitao::testing::postgresRequiredButMissing())
            QSKIP("no PostgreSQL configured: scripts/test starts one and sets HAITAO_TEST_PG_URL");
    }

    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
        addUsers(*m_server);
    }

    void cleanup() { m_server.reset(); }

    void glossaryCrudWithVersions()
    {
        auto c = ops();
        auto r = send(*c, "POST", QStringLiteral("/api/v1/catalog/glossary"),
                      {{QStringLiteral("term"), QStringLiteral(" cotton ")},
                       {QStringLiteral("translation"), QStringLiteral("棉")},
                       {QStringLiteral("note"), QStringLiteral("fabric")}});
        QVERIFY2(r.status == 201, qPrintable(describe(r)));
        QJsonObject cotton = body(r);
        QCOMPARE(r.header("ETag"), QByteArray("\"g1\""));
        QCOMPARE(cotton.value(QStringLiteral("term")).toString(), QStringLiteral("cotton"));
        QCOMPARE(cotton.value(QStringLiteral("sourceLanguage")).toString(), QStringLiteral("en"));
        QCOMPARE(cotton.value(QStringLiteral("targetLanguage")).toString(), QStringLiteral("zh"));
        QCOMPARE(cotton.value(QStringLiteral("kind")).toString(), QStringLiteral("term"));
        QCOMPARE(cotton.value(QStringLiteral("updatedBy")).toString(), QStringLiteral("opsuser"));
        QCOMPARE(cotton.value(QStringLiteral("version")).toInteger(), 1);
        // The same term (in any case) and kind again: 409; as a forbidden word it is another.
        QCOMPARE(send(*c, "POST", QStringLiteral("/api/v1/catalog/glossary"),
                      {{QStringLiteral("term"), QStringLiteral("Cotton")},
                       {QStringLiteral("translation"), QStringLiteral("棉花")}})
                     .status,
                 409);
        QVERIFY(!create(*c, QStringLiteral("最便宜"), QString(), QStringLiteral("forbidden"))
                     .isEmpty());
        create(*c, QStringLiteral("wool"), QStringLiteral("羊毛"));
        // A forbidden word has no translation; a term needs one; kinds are known.
        const auto bad = send(*c, "POST", QStringLiteral("/api/v1/catalog/glossary"),
                              {{QStringLiteral("term"), QStringLiteral("x")},
                               {QStringLiteral("translation"), QStringLiteral("y")},
                               {QStringLiteral("kind"), QStringLiteral("forbidden")}});
        QCOMPARE(bad.status, 422);
        QVERIFY(errorFields(bad).contains(QStringLiteral("translation")));
        QVERIFY(errorFields(send(*c, "POST", QStringLiteral("/api/v1/catalog/glossary"),
                                 {{QStringLiteral("term"), QStringLiteral("x")},
                                  {QStringLiteral("kind"), QStringLiteral("maybe")}}))
                    .contains(QStringLiteral("kind")));

        QCOMPARE(terms(*c, QString()),
                 (QStringList{QStringLiteral("cotton"), QStringLiteral("wool"),
                              QStringLiteral("最便宜")}));
        QCOMPARE(terms(*c, QStringLiteral("q=") + encoded(QStringLiteral("羊"))),
                 QStringList{QStringLiteral("wool")});
        QCOMPARE(terms(*c, QStringLiteral("source=de")), QStringList());
        // Paging walks all of them once.
        QStringList walked;
        QString cursor;
        for (int i = 0; i < 5; ++i) {
            const auto page = body(c->raw(
                "GET", QStringLiteral("/api/v1/catalog/glossary?limit=1") +
                           (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor)));
            for (const QJsonValue &v : page.value(QStringLiteral("items")).toArray())
                walked << v.toObject().value(QStringLiteral("term")).toString();
            cursor = page.value(QStringLiteral("nextCursor")).toString();
            if (cursor.isEmpty())
                break;
        }
        QCOMPARE(walked.size(), 3);

        const QString path = QStringLiteral("/api/v1/catalog/glossary/%1")
                                 .arg(cotton.value(QStringLiteral("id")).toInteger());
        const QJsonObject change{{QStringLiteral("term"), QStringLiteral("cotton")},
                                 {QStringLiteral("translation"), QStringLiteral("纯棉")}};
        QCOMPARE(send(*c, "PUT", path, change).status, 428);
        QCOMPARE(send(*c, "PUT", path, change, "\"g7\"").status, 412);
        QCOMPARE(send(*c, "PUT", path, change, "\"v1\"").status, 412); // a listing's tag
        r = send(*c, "PUT", path, change, etag(cotton));
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QCOMPARE(body(r).value(QStringLiteral("translation")).toString(), QStringLiteral("纯棉"));
        QCOMPARE(body(r).value(QStringLiteral("note")).toString(), QString());
        QCOMPARE(r.header("ETag"), QByteArray("\"g2\""));
        QCOMPARE(send(*c, "PUT", path, change, etag(cotton)).status, 412); // stale now
        // Renaming onto another entry's term: 409.
        QCOMPARE(send(*c, "PUT", path,
                      {{QStringLiteral("term"), QStringLiteral("WOOL")},
                       {QStringLiteral("translation"), QStringLiteral("毛")}},
                      "\"g2\"")
                     .status,
                 409);
        QCOMPARE(c->raw("DELETE", path, {}, {{"If-Match", etag(cotton)}}).status, 412);
        QCOMPARE(c->raw("DELETE", path).status, 428);
        QCOMPARE(c->raw("DELETE", path, {}, {{"If-Match", "\"g2\""}}).status, 204);
        QCOMPARE(c->raw("DELETE", path, {}, {{"If-Match", "\"g2\""}}).status, 404);
        QVERIFY(!terms(*c, QString()).contains(QStringLiteral("cotton")));

        // Translators read but do not edit; customers do neither.
        auto t = translator();
        QCOMPARE(t->raw("GET", QStringLiteral("/api/v1/catalog/glossary")).status, 200);
        QCOMPARE(send(*t, "POST", QStringLiteral("/api/v1/catalog/glossary"),
                      {{QStringLiteral("term"), QStringLiteral("silk")},
                       {QStringLiteral("translation"), QStringLiteral("丝")}})
                     .status,
                 403);
        auto customer = signedIn(*m_server, QStringLiteral("customer"));
        QCOMPARE(customer->raw("GET", QStringLiteral("/api/v1/catalog/glossary")).status, 403);

        // Every change is audited with who.
        const auto created = audited(*m_server, QStringLiteral("glossary.created"));
        QCOMPARE(created.size(), 3);
        QCOMPARE(created.first().actorName, QStringLiteral("opsuser"));
        QCOMPARE(audited(*m_server, QStringLiteral("glossary.updated")).size(), 1);
        QCOMPARE(audited(*m_server, QStringLiteral("glossary.deleted")).size(), 1);
    }

    void csvImportAndExportRoundTrip()
    {
        auto c = ops();
        create(*c, QStringLiteral("wool"), QStringLiteral("羊毛"));
        const QByteArray csv = "\xEF\xBB\xBF"
                               "Term,Translation,Kind,Note,extra\r\n"
                               "cotton,棉,,\"fabric, natural\",x\r\n"
                               "wool,羊毛,term,,\r\n" // unchanged
                               "\"cast iron\",铸铁,term,\"say \"\"铸铁\"\"\",\r\n"
                               "kettle,,term,,\r\n" // no translation
                               "最便宜,,forbidden,ads law,\r\n"
                               "silk,丝,maybe,,\r\n" // bad kind
                               "\"multi\nline\",多行,,,\r\n";
        auto r =
            c->raw("POST", QStringLiteral("/api/v1/catalog/glossary/import?source=en&target=zh"),
                   csv, {{"Content-Type", "text/csv"}});
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QJsonObject result = body(r);
        QCOMPARE(result.value(QStringLiteral("added")).toInteger(), 4);
        QCOMPARE(result.value(QStringLiteral("unchanged")).toInteger(), 1);
        QCOMPARE(result.value(QStringLiteral("updated")).toInteger(), 0);
        QCOMPARE(result.value(QStringLiteral("rejected")).toInteger(), 2);
        QStringList errors;
        for (const QJsonValue &v : result.value(QStringLiteral("errors")).toArray())
            errors << QStringLiteral("%1:%2")
                          .arg(v.toObject().value(QStringLiteral("line")).toInteger())
                          .arg(v.toObject().value(QStringLiteral("field")).toString());
        QCOMPARE(errors, (QStringList{QStringLiteral("5:translation"), QStringLiteral("7:kind")}));

        // A changed translation is an update, the same file again changes nothing.
        QByteArray changed = csv;
        changed.replace("wool,羊毛,term", "wool,羊绒,term");
        result = body(c->raw("POST", QStringLiteral("/api/v1/catalog/glossary/import"), changed,
                             {{"Content-Type", "text/csv"}}));
        QCOMPARE(result.value(QStringLiteral("updated")).toInteger(), 1);
        QCOMPARE(result.value(QStringLiteral("unchanged")).toInteger(), 4);

        // Export: BOM, header, RFC 4180 quoting, Chinese intact; importing it changes nothing.
        r = c->raw("GET", QStringLiteral("/api/v1/catalog/glossary/export?source=en&target=zh"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("text/csv"));
        QVERIFY(r.body.startsWith("\xEF\xBB\xBFterm,translation,kind,note\r\n"));
        QVERIFY2(r.body.contains("cast iron,铸铁,term,\"say \"\"铸铁\"\"\"\r\n"),
                 r.body.constData());
        QVERIFY(r.body.contains("cotton,棉,term,\"fabric, natural\"\r\n"));
        QVERIFY(r.body.contains("最便宜,,forbidden,ads law\r\n"));
        QVERIFY(r.body.contains("\r\nmulti line,多行,term,\r\n")); // whitespace collapsed
        result = body(c->raw("POST", QStringLiteral("/api/v1/catalog/glossary/import"), r.body,
                             {{"Content-Type", "text/csv"}}));
        QCOMPARE(result.value(QStringLiteral("unchanged")).toInteger(), 5);
        QCOMPARE(result.value(QStringLiteral("added")).toInteger() +
                     result.value(QStringLiteral("updated")).toInteger() +
                     result.value(QStringLiteral("rejected")).toInteger(),
                 0);

        // A file without a term column, or nothing at all, is refused whole.
        const auto noTerm = c->raw("POST", QStringLiteral("/api/v1/catalog/glossary/import"),
                                   "word,translation\ncotton,棉\n", {{"Content-Type", "text/csv"}});
        QCOMPARE(noTerm.status, 422);
        QVERIFY(errorFields(noTerm).contains(QStringLiteral("body")));
        QCOMPARE(c->raw("POST", QStringLiteral("/api/v1/catalog/glossary/import"), {},
                        {{"Content-Type", "text/csv"}})
                     .status,
                 422);
        auto t = translator();
        QCOMPARE(t->raw("POST", QStringLiteral("/api/v1/catalog/glossary/import"), csv,
                        {{"Content-Type", "text/csv"}})
                     .status,
                 403);
        QCOMPARE(t->raw("GET", QStringLiteral("/api/v1/catalog/glossary/export")).status, 200);
        QCOMPARE(audited(*m_server, QStringLiteral("glossary.imported")).size(), 3);
    }

    void matchFindsTermsWithUtf16Positions()
    {
        auto c = ops();
        create(*c, QStringLiteral("cotton"), QStringLiteral("棉"));
        create(*c, QStringLiteral("organic cotton"), QStringLiteral("有机棉"));
        create(*c, QStringLiteral("最便宜"), QString(), QStringLiteral("forbidden"));
        // 😀 is two UTF-16 code units: positions after it count both.
        const QString text = QStringLiteral("😀 Organic COTTON tee, cottonwood, 最便宜 cotton.");
        auto t = translator();
        const auto r =
            t->raw("GET", QStringLiteral("/api/v1/catalog/glossary/match?text=") + encoded(text));
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QStringList found;
        for (const QJsonValue &v : body(r).value(QStringLiteral("items")).toArray()) {
            const QJsonObject m = v.toObject();
            const int start = m.value(QStringLiteral("start")).toInt();
            const int length = m.value(QStringLiteral("length")).toInt();
            found << QStringLiteral("%1@%2:%3")
                         .arg(m.value(QStringLiteral("entry"))
                                  .toObject()
                                  .value(QStringLiteral("term"))
                                  .toString())
                         .arg(start)
                         .arg(text.mid(start, length));
        }
        QCOMPARE(found, (QStringList{QStringLiteral("organic cotton@3:Organic COTTON"),
                                     QStringLiteral("cotton@11:COTTON"),
                                     QStringLiteral("最便宜@35:最便宜"),
                                     QStringLiteral("cotton@39:cotton")}));
        QCOMPARE(
            body(t->raw("GET", QStringLiteral("/api/v1/catalog/glossary/match?source=de&text=") +
                                   encoded(text)))
                .value(QStringLiteral("items"))
                .toArray()
                .size(),
            0);
        QCOMPARE(
            t->raw("GET", QStringLiteral("/api/v1/catalog/glossary/match?source=x!&text=a")).status,
            400);
    }

    void memorySuggestsPublishedTranslations()
    {
        auto c = ops();
        publish(*c, QStringLiteral("Organic Cotton Crew Neck T-Shirt"),
                QStringLiteral("有机棉圆领T恤"), QStringLiteral("Soft and breathable."),
                QStringLiteral("柔软透气。"));
        publish(*c, QStringLiteral("Stainless Steel Water Bottle 1L"),
                QStringLiteral("不锈钢水杯 1升"), QString(), QString());
        auto t = translator();
        const auto suggest = [&](const QString &text) {
            const auto r = t->raw("GET", QStringLiteral("/api/v1/catalog/tm?source=en&target=zh&"
                                                        "text=") +
                                             encoded(text));
            if (r.status != 200)
                qWarning("tm: %s", qPrintable(describe(r)));
            return body(r).value(QStringLiteral("items")).toArray();
        };
        QJsonArray items = suggest(QStringLiteral("Organic Cotton Crew Neck T-Shirt"));
        QVERIFY(!items.isEmpty());
        QJsonObject best = items.first().toObject();
        QCOMPARE(best.value(QStringLiteral("score")).toInt(), 100);
        QCOMPARE(best.value(QStringLiteral("target")).toString(), QStringLiteral("有机棉圆领T恤"));
        QCOMPARE(best.value(QStringLiteral("source")).toString(),
                 QStringLiteral("Organic Cotton Crew Neck T-Shirt"));
        QVERIFY(best.value(QStringLiteral("productId")).toInteger() > 0);
        QVERIFY(!best.value(QStringLiteral("at")).toString().isEmpty());
        // Case and spacing aside it is the same text.
        QCOMPARE(suggest(QStringLiteral("organic cotton  crew neck t-shirt"))
                     .first()
                     .toObject()
                     .value(QStringLiteral("score"))
                     .toInt(),
                 100);
        // A near match scores under 100 but at least 50.
        items = suggest(QStringLiteral("Organic Cotton V-Neck T-Shirt"));
        QVERIFY(!items.isEmpty());
        best = items.first().toObject();
        QCOMPARE(best.value(QStringLiteral("target")).toString(), QStringLiteral("有机棉圆领T恤"));
        QVERIFY2(best.value(QStringLiteral("score")).toInt() >= 50 &&
                     best.value(QStringLiteral("score")).toInt() < 100,
                 qPrintable(QString::number(best.value(QStringLiteral("score")).toInt())));
        // The description was remembered too.
        QCOMPARE(suggest(QStringLiteral("Soft and breathable."))
                     .first()
                     .toObject()
                     .value(QStringLiteral("target")),
                 QStringLiteral("柔软透气。"));
        // Nothing alike: nothing under 50 is offered.
        QCOMPARE(suggest(QStringLiteral("Vitamin C tablets")).size(), 0);
        QCOMPARE(suggest(QStringLiteral("Organic Cotton Crew Neck T-Shirt")).size(), 1);
        QCOMPARE(t->raw("GET", QStringLiteral("/api/v1/catalog/tm?text=")).status, 400);
        auto customer = signedIn(*m_server, QStringLiteral("customer"));
        QCOMPARE(customer->raw("GET", QStringLiteral("/api/v1/catalog/tm?text=a")).status, 403);
    }

    void machineTranslationThroughTheSim()
    {
        sim::SimServer sim;
        QString error;
        QVERIFY2(sim.start(QStringLiteral("127.0.0.1"), 0, &error), qPrintable(error));
        const QString origin = QStringLiteral("http://127.0.0.1:%1").arg(sim.port());
        server::Config config;
        config.mtUrl = origin + QStringLiteral("/mt/translate");
        config.fetchAllowHosts = {QStringLiteral("127.0.0.1:%1").arg(sim.port())};
        {
            TestServer withMt(config);
            QVERIFY(withMt.start());
            addUsers(withMt);
            auto t = signedIn(withMt, QStringLiteral("translatoruser"));
            const QJsonObject request{
                {QStringLiteral("texts"),
                 QJsonArray{QStringLiteral("organic cotton shirt"), QStringLiteral("blue")}},
                {QStringLiteral("sourceLanguage"), QStringLiteral("en")},
                {QStringLiteral("targetLanguage"), QStringLiteral("zh")}};
            auto r = send(*t, "POST", QStringLiteral("/api/v1/catalog/mt"), request);
            QVERIFY2(r.status == 200, qPrintable(describe(r)));
            const QJsonArray translations = body(r).value(QStringLiteral("translations")).toArray();
            QCOMPARE(translations.size(), 2);
            QVERIFY(translations.at(0).toString().startsWith(QStringLiteral("[MT] ")));
            QVERIFY2(translations.at(0).toString().contains(QStringLiteral("棉")),
                     qPrintable(translations.at(0).toString()));
            QCOMPARE(body(r).value(QStringLiteral("engine")).toString(),
                     QStringLiteral("haitao-sim-mt"));

            // The service is down: 503, and it says why.
            {
                SyncClient control{QUrl(origin)};
                const auto fault =
                    control.raw("POST", QStringLiteral("/__sim/faults"),
                                R"({"path": "/mt/", "mode": "503", "retryAfter": 3, "times": 1})",
                                {{"Content-Type", "application/json"}});
                QVERIFY2(fault.status == 200 || fault.status == 204, qPrintable(describe(fault)));
            }
            r = send(*t, "POST", QStringLiteral("/api/v1/catalog/mt"), request);
            QCOMPARE(r.status, 503);
            QCOMPARE(body(r).value(QStringLiteral("type")).toString(),
                     QStringLiteral("urn:haitao:problem:unavailable"));
            QVERIFY2(describe(r).contains(QLatin1String("503")), qPrintable(describe(r)));
            QCOMPARE(r.header("Retry-After"), QByteArray("3"));
            // And back.
            QCOMPARE(send(*t, "POST", QStringLiteral("/api/v1/catalog/mt"), request).status, 200);
            // A pair it does not translate: the request was wrong, not the service.
            QCOMPARE(send(*t, "POST", QStringLiteral("/api/v1/catalog/mt"),
                          {{QStringLiteral("texts"), QJsonArray{QStringLiteral("bonjour")}},
                           {QStringLiteral("sourceLanguage"), QStringLiteral("fr")}})
                         .status,
                     422);
            QVERIFY(errorFields(send(*t, "POST", QStringLiteral("/api/v1/catalog/mt"),
                                     {{QStringLiteral("texts"), QJsonArray{}}}))
                        .contains(QStringLiteral("texts")));
            auto customer = signedIn(withMt, QStringLiteral("customer"));
            QCOMPARE(send(*customer, "POST", QStringLiteral("/api/v1/catalog/mt"), request).status,
                     403);
        }
        // The sim's loopback address needs the allow-list, like a URL import.
        {
            server::Config guarded;
            guarded.mtUrl = config.mtUrl;
            TestServer refused(guarded);
            QVERIFY(refused.start());
            addUsers(refused);
            auto t = signedIn(refused, QStringLiteral("translatoruser"));
            const auto r = send(*t, "POST", QStringLiteral("/api/v1/catalog/mt"),
                                {{QStringLiteral("texts"), QJsonArray{QStringLiteral("cotton")}}});
            QCOMPARE(r.status, 503);
            QVERIFY2(describe(r).contains(QLatin1String("loopback")), qPrintable(describe(r)));
        }
        sim.stop();

        // No service configured: 503.
        auto t = translator();
        const auto none = send(*t, "POST", QStringLiteral("/api/v1/catalog/mt"),
                               {{QStringLiteral("texts"), QJsonArray{QStringLiteral("cotton")}}});
        QCOMPARE(none.status, 503);
        QCOMPARE(body(none).value(QStringLiteral("type")).toString(),
                 QStringLiteral("urn:haitao:problem:unavailable"));
    }

    void demoGlossaryIsSeededOnce()
    {
        auto &translation = m_server->server().translation();
        QVERIFY(translation.seedDemo());
        QVERIFY(!translation.seedDemo());
        auto t = translator();
        const auto r = t->raw("GET", QStringLiteral("/api/v1/catalog/glossary?limit=500"));
        const QJsonArray items = body(r).value(QStringLiteral("items")).toArray();
        int forbidden = 0;
        for (const QJsonValue &v : items)
            forbidden +=
                v.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("forbidden");
        QCOMPARE(items.size(), 14);
        QCOMPARE(forbidden, 2);
    }
};

QTEST_GUILESS_MAIN(TstTranslationApi)
#include "tst_translation_api.moc"
