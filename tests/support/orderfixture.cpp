#include "tests/support/orderfixture.h"

#include "backend/pricing/pricingservice.h"
#include "tests/support/rawjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace haitao::testing {

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

const Headers kJson{{"Content-Type", "application/json"}};

// Every item of a keyset-paged list, following nextCursor.
QJsonArray allItems(SyncClient &c, const QString &path, const QString &query)
{
    QJsonArray items;
    QString cursor;
    for (int page = 0; page < 50; ++page) {
        QString url = path + u'?' + query + QStringLiteral("&limit=200");
        if (!cursor.isEmpty())
            url += QStringLiteral("&cursor=") + QString::fromUtf8(QUrl::toPercentEncoding(cursor));
        const auto r = c.raw("GET", url);
        if (r.status != 200) {
            qWarning("list %s: %s", qPrintable(path), qPrintable(describe(r)));
            break;
        }
        const QJsonObject o = body(r);
        for (const QJsonValue &v : o.value(QStringLiteral("items")).toArray())
            items.append(v);
        cursor = o.value(QStringLiteral("nextCursor")).toString();
        if (cursor.isEmpty())
            break;
    }
    return items;
}

} // namespace

OrderFixture::OrderFixture(server::Config config)
    : m_config(std::move(config))
{}

OrderFixture::~OrderFixture()
{
    // The server first: its payment calls and notifications go to the sim.
    if (m_server)
        m_server->stop();
    if (m_sim)
        m_sim->stop();
}

QUrl OrderFixture::simUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_sim->port()));
}

bool OrderFixture::start()
{
    m_sim = std::make_unique<sim::SimServer>();
    QString error;
    if (!m_sim->start(QStringLiteral("127.0.0.1"), 0, &error)) {
        qWarning("sim did not start: %s", qPrintable(error));
        return false;
    }
    server::Config config = m_config;
    config.paymentUrl = simUrl().toString() + QStringLiteral("/pay");
    config.paymentSecret = QStringLiteral("sim-pay-demo-secret");
    // Tests that want customer notifications name the sim's SMS sink as "{sim}/sms/messages".
    config.smsUrl.replace(QStringLiteral("{sim}"), simUrl().toString());
    const QString simHost = QStringLiteral("127.0.0.1:%1").arg(m_sim->port());
    if (!config.fetchAllowHosts.contains(simHost))
        config.fetchAllowHosts.append(simHost);
    config.hashProfile = server::HashProfile::Fast;
    m_server = std::make_unique<TestServer>(config);
    if (!m_server->start())
        return false;
    m_server->server().pricing().seedDemo();

    auto a = admin();
    bool ok = importSite(*a, QStringLiteral("us"), QStringLiteral("amazon.com"));
    ok = importSite(*a, QStringLiteral("jp"), QStringLiteral("amazon.co.jp")) && ok;
    ok = importSite(*a, QStringLiteral("uk"), QStringLiteral("asos.com")) && ok;
    return ok;
}

bool OrderFixture::importSite(SyncClient &admin, const QString &simSite, const QString &site)
{
    SyncClient shop(simUrl());
    const auto feed = shop.raw("GET", QStringLiteral("/shop/%1/feed.csv").arg(simSite));
    if (feed.status != 200) {
        qWarning("feed of %s: %s", qPrintable(simSite), qPrintable(describe(feed)));
        return false;
    }
    const auto started =
        admin.raw("POST", QStringLiteral("/api/v1/catalog/imports?site=%1&format=csv").arg(site),
                  feed.body, {{"Content-Type", "text/csv; charset=utf-8"}});
    if (started.status != 202) {
        qWarning("import of %s: %s", qPrintable(site), qPrintable(describe(started)));
        return false;
    }
    const QString location = QString::fromUtf8(started.header("Location"));
    QString state;
    for (int i = 0; i < 400; ++i) { // up to 20 s
        state = body(admin.raw("GET", location)).value(QStringLiteral("state")).toString();
        if (state != QLatin1String("queued") && state != QLatin1String("running"))
            break;
        QTest::qWait(50);
    }
    if (state != QLatin1String("done")) {
        qWarning("import of %s ended %s", qPrintable(site), qPrintable(state));
        return false;
    }

    QJsonArray ids;
    for (const QJsonValue &v : allItems(admin, QStringLiteral("/api/v1/catalog/products"),
                                        QStringLiteral("site=") + site)) {
        const QJsonObject p = v.toObject();
        if (!p.value(QStringLiteral("titleZh")).toString().trimmed().isEmpty() &&
            p.value(QStringLiteral("status")).toString() == QLatin1String("imported"))
            ids.append(p.value(QStringLiteral("id")));
    }
    for (const char *to : {"in_translation", "in_review", "published"}) {
        for (qsizetype from = 0; from < ids.size(); from += 500) {
            QJsonArray chunk;
            for (qsizetype i = from; i < std::min<qsizetype>(ids.size(), from + 500); ++i)
                chunk.append(ids.at(i));
            const auto r =
                admin.raw("POST", QStringLiteral("/api/v1/catalog/products/bulk"),
                          compact({{QStringLiteral("ids"), chunk},
                                   {QStringLiteral("action"), QStringLiteral("transition")},
                                   {QStringLiteral("to"), QString::fromLatin1(to)}}),
                          kJson);
            if (r.status != 200) {
                qWarning("publishing %s: %s", qPrintable(site), qPrintable(describe(r)));
                return false;
            }
        }
    }
    return true;
}

QList<qint64> OrderFixture::publishedSkuIds(const QString &site)
{
    SyncClient anyone(m_server->url());
    QList<qint64> ids;
    for (const QJsonValue &v :
         allItems(anyone, QStringLiteral("/api/v1/products"), QStringLiteral("site=") + site)) {
        for (const QJsonValue &s : v.toObject().value(QStringLiteral("skus")).toArray())
            ids.append(s.toObject().value(QStringLiteral("id")).toInteger());
    }
    return ids;
}

qint64 OrderFixture::createCustomer(const QString &name)
{
    return m_server->createUser(name, customerPassword(), Role::Customer);
}

std::unique_ptr<SyncClient> OrderFixture::client(const QString &username, const QString &password)
{
    auto c = std::make_unique<SyncClient>(m_server->url());
    const QString error = c->login(username, password);
    if (!error.isEmpty())
        qWarning("login of %s failed: %s", qPrintable(username), qPrintable(error));
    return c;
}

std::unique_ptr<SyncClient> OrderFixture::admin()
{
    return client(QStringLiteral("admin"), TestServer::adminPassword());
}

QJsonObject OrderFixture::testAddress()
{
    return {{QStringLiteral("name"), QStringLiteral("张三")},
            {QStringLiteral("phone"), QStringLiteral("13800138000")},
            {QStringLiteral("province"), QStringLiteral("上海市")},
            {QStringLiteral("city"), QStringLiteral("上海市")},
            {QStringLiteral("district"), QStringLiteral("浦东新区")},
            {QStringLiteral("line1"), QStringLiteral("世纪大道 100 号")},
            {QStringLiteral("postcode"), QStringLiteral("200120")}};
}

void OrderFixture::addShopAccounts()
{
    auto a = admin();
    const QList<QPair<QString, QString>> sites{
        {QStringLiteral("amazon.com"), QStringLiteral("us")},
        {QStringLiteral("amazon.co.jp"), QStringLiteral("jp")},
        {QStringLiteral("asos.com"), QStringLiteral("uk")}};
    for (const auto &[site, simSite] : sites) {
        const QJsonObject account{{QStringLiteral("apiUrl"),
                                   simUrl().toString() + QStringLiteral("/merchant/") + simSite},
                                  {QStringLiteral("account"), QStringLiteral("haitao")},
                                  {QStringLiteral("secret"), QStringLiteral("sim-shop-pass")},
                                  {QStringLiteral("enabled"), true}};
        const auto r = a->raw("PUT", QStringLiteral("/api/v1/admin/shop-accounts/") + site,
                              compact(account), kJson);
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
    }
}

QJsonObject OrderFixture::placeOrder(SyncClient &customer,
                                     const QList<QPair<qint64, int>> &skuQuantities,
                                     const QString &idempotencyKey)
{
    QJsonArray lines;
    for (const auto &[sku, quantity] : skuQuantities)
        lines.append(
            QJsonObject{{QStringLiteral("skuId"), sku}, {QStringLiteral("quantity"), quantity}});
    const QJsonObject request{{QStringLiteral("lines"), lines},
                              {QStringLiteral("address"), testAddress()},
                              {QStringLiteral("coupons"), QJsonArray()}};
    const auto r = customer.raw(
        "POST", QStringLiteral("/api/v1/orders"), compact(request),
        {{"Content-Type", "application/json"}, {"Idempotency-Key", idempotencyKey.toUtf8()}});
    if (r.status != 201) {
        QTest::qFail(qPrintable(QStringLiteral("POST /orders: ") + describe(r)), __FILE__,
                     __LINE__);
        return {};
    }
    return body(r);
}

void OrderFixture::pay(SyncClient &customer, qint64 orderId)
{
    const QString order = QStringLiteral("/api/v1/orders/%1").arg(orderId);
    const auto created = customer.raw("POST", order + QStringLiteral("/payments"));
    QVERIFY2(created.status == 201, qPrintable(describe(created)));
    const QUrl payUrl(body(created).value(QStringLiteral("payUrl")).toString());
    SyncClient person(simUrl());
    const auto paid = person.raw("POST", payUrl.path(), "pay=1",
                                 {{"Content-Type", "application/x-www-form-urlencoded"}});
    QVERIFY2(paid.status == 200, qPrintable(describe(paid)));
    QString status;
    for (int i = 0; i < 200; ++i) { // up to 10 s
        status = body(customer.raw("GET", order)).value(QStringLiteral("status")).toString();
        if (status == QLatin1String("paid") || status == QLatin1String("completed"))
            return;
        QTest::qWait(50);
    }
    QFAIL(qPrintable(
        QStringLiteral("order %1 is %2, not paid, 10 s after paying").arg(orderId).arg(status)));
}

} // namespace haitao::testing
