#include "sim/shoppers.h"

#include <httplib.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QUrl>

#include <chrono>

namespace haitao::sim {

namespace {

struct Answer
{
    int status = 0; // 0: no answer (not listening, timeout)
    QJsonObject json;
    QString text;
};

Answer send(httplib::Client &client, const char *method, const QString &path,
            const QByteArray &body = {}, const httplib::Headers &headers = {})
{
    const std::string p = path.toStdString();
    httplib::Result r = QByteArray(method) == "GET"
                            ? client.Get(p.c_str(), headers)
                            : client.Post(p.c_str(), headers, body.constData(), size_t(body.size()),
                                          "application/json");
    Answer a;
    if (!r)
        return a;
    a.status = r->status;
    a.json = QJsonDocument::fromJson(QByteArray::fromStdString(r->body)).object();
    a.text = a.json.value(QStringLiteral("detail")).toString();
    if (a.text.isEmpty())
        a.text = QString::fromStdString(r->body).left(200);
    return a;
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Where the demo's parcels go: a few customers in different cities.
QJsonObject addressFor(int i)
{
    struct Person
    {
        const char *name, *province, *city, *district, *line1, *postcode;
    };
    static const Person people[] = {
        {"王芳", "上海市", "上海市", "浦东新区", "世纪大道 88 号 1201 室", "200120"},
        {"李娜", "北京市", "北京市", "朝阳区", "建国路 93 号院 5 号楼", "100022"},
        {"张伟", "广东省", "深圳市", "南山区", "科技园南路 16 号", "518057"},
        {"刘洋", "浙江省", "杭州市", "西湖区", "文三路 259 号", "310012"},
        {"陈静", "四川省", "成都市", "武侯区", "人民南路四段 1 号", "610041"},
        {"杨磊", "江苏省", "南京市", "鼓楼区", "中山北路 30 号", "210008"},
    };
    const Person &p = people[i % int(std::size(people))];
    return {{QStringLiteral("name"), QString::fromUtf8(p.name)},
            {QStringLiteral("phone"),
             QStringLiteral("1380013%1").arg(8000 + i, 4, 10, QLatin1Char('0'))},
            {QStringLiteral("email"), QStringLiteral("shopper%1@example.com").arg(i + 1)},
            {QStringLiteral("province"), QString::fromUtf8(p.province)},
            {QStringLiteral("city"), QString::fromUtf8(p.city)},
            {QStringLiteral("district"), QString::fromUtf8(p.district)},
            {QStringLiteral("line1"), QString::fromUtf8(p.line1)},
            {QStringLiteral("postcode"), QString::fromUtf8(p.postcode)}};
}

} // namespace

Shoppers::~Shoppers()
{
    stop();
}

bool Shoppers::planFromJson(const QJsonObject &json, Plan *plan, QString *error)
{
    plan->platform = json.value(QStringLiteral("platform")).toString();
    plan->username = json.value(QStringLiteral("username")).toString();
    plan->password = json.value(QStringLiteral("password")).toString();
    const QUrl url(plan->platform);
    if (!url.isValid() || url.scheme() != u"http" || url.host().isEmpty()) {
        *error = QStringLiteral("\"platform\" must be the server's http://host:port");
        return false;
    }
    if (plan->username.isEmpty() || plan->password.isEmpty()) {
        *error = QStringLiteral("\"username\" and \"password\" of a customer are required");
        return false;
    }
    const QJsonValue orders = json.value(QStringLiteral("orders"));
    const QJsonValue pauseMs = json.value(QStringLiteral("pauseMs"));
    if ((!orders.isUndefined() && (!orders.isDouble() || orders.toDouble() != orders.toInt() ||
                                   orders.toInt() < 1 || orders.toInt() > 50)) ||
        (!pauseMs.isUndefined() && (!pauseMs.isDouble() || pauseMs.toDouble() != pauseMs.toInt() ||
                                    pauseMs.toInt() < 0 || pauseMs.toInt() > 60000))) {
        *error = QStringLiteral("\"orders\" is 1 to 50 and \"pauseMs\" 0 to 60000");
        return false;
    }
    plan->orders = orders.toInt(plan->orders);
    plan->pauseMs = pauseMs.toInt(plan->pauseMs);
    return true;
}

bool Shoppers::start(const Plan &plan, QString *error)
{
    std::lock_guard lock(m_mutex);
    if (m_state == u"running") {
        *error = QStringLiteral("the shoppers are still buying");
        return false;
    }
    if (m_thread.joinable())
        m_thread.join(); // the last run has ended
    m_stopping = false;
    m_state = QStringLiteral("running");
    m_placed = m_paid = 0;
    m_orderIds.clear();
    m_error.clear();
    m_thread = std::thread([this, plan] { run(plan); });
    return true;
}

QJsonObject Shoppers::status() const
{
    std::lock_guard lock(m_mutex);
    QJsonArray ids;
    for (qint64 id : m_orderIds)
        ids.append(id);
    return {{QStringLiteral("state"), m_state},
            {QStringLiteral("placed"), m_placed},
            {QStringLiteral("paid"), m_paid},
            {QStringLiteral("orderIds"), ids},
            {QStringLiteral("error"), m_error.isEmpty() ? QJsonValue() : QJsonValue(m_error)}};
}

void Shoppers::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

bool Shoppers::pause(int ms)
{
    std::unique_lock lock(m_mutex);
    m_wake.wait_for(lock, std::chrono::milliseconds(ms), [this] { return m_stopping; });
    return !m_stopping;
}

void Shoppers::fail(const QString &error)
{
    std::lock_guard lock(m_mutex);
    m_state = QStringLiteral("failed");
    m_error = error;
}

void Shoppers::run(const Plan &plan)
{
    httplib::Client platform(plan.platform.toStdString());
    platform.set_connection_timeout(5);
    platform.set_read_timeout(30);

    // Sign in; the server may still be starting.
    QString token;
    for (int attempt = 0; token.isEmpty(); ++attempt) {
        const Answer a = send(platform, "POST", QStringLiteral("/api/v1/auth/login"),
                              compact({{QStringLiteral("username"), plan.username},
                                       {QStringLiteral("password"), plan.password}}));
        token = a.json.value(QStringLiteral("token")).toString();
        if (!token.isEmpty())
            break;
        if ((a.status != 0 && a.status < 500) || attempt >= 60 || !pause(1000))
            return fail(QStringLiteral("sign-in as %1 failed: HTTP %2 %3")
                            .arg(plan.username)
                            .arg(a.status)
                            .arg(a.text));
    }
    const httplib::Headers auth{{"Authorization", "Bearer " + token.toStdString()}};

    // What is for sale, by site: the first SKU of each published product. The demo catalog
    // may still be importing: wait for it (up to three minutes).
    QMap<QString, QList<qint64>> skus;
    for (int attempt = 0; skus.isEmpty(); ++attempt) {
        const Answer a = send(platform, "GET", QStringLiteral("/api/v1/products?limit=100"));
        for (const QJsonValue &v : a.json.value(QStringLiteral("items")).toArray()) {
            const QJsonObject product = v.toObject();
            const QJsonArray productSkus = product.value(QStringLiteral("skus")).toArray();
            if (!productSkus.isEmpty())
                skus[product.value(QStringLiteral("site")).toString()].append(
                    productSkus.at(0).toObject().value(QStringLiteral("id")).toInteger());
        }
        if (skus.isEmpty() && (attempt >= 180 || !pause(1000)))
            return fail(QStringLiteral("the platform lists no products to buy"));
    }
    const QStringList sites = skus.keys();

    const qint64 runId = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < plan.orders; ++i) {
        if (i > 0 && !pause(plan.pauseMs))
            return;
        // One shop per order, every third order from two (two sub-orders, two parcels).
        QJsonArray lines;
        const int n = int(sites.size());
        for (int k = 0; k < ((i % 3 == 2 && n > 1) ? 2 : 1); ++k) {
            const QList<qint64> &ofSite = skus[sites[(i + k) % n]];
            lines.append(QJsonObject{{QStringLiteral("skuId"), ofSite[(i / n) % ofSite.size()]},
                                     {QStringLiteral("quantity"), 1 + (i % 2)}});
        }
        httplib::Headers headers = auth;
        headers.emplace("Idempotency-Key",
                        QStringLiteral("sim-shopper-%1-%2").arg(runId).arg(i).toStdString());
        const Answer order = send(
            platform, "POST", QStringLiteral("/api/v1/orders"),
            compact({{QStringLiteral("lines"), lines}, {QStringLiteral("address"), addressFor(i)}}),
            headers);
        const qint64 orderId = order.json.value(QStringLiteral("id")).toInteger();
        if (order.status != 201 || orderId <= 0) {
            std::lock_guard lock(m_mutex);
            m_error =
                QStringLiteral("order %1: HTTP %2 %3").arg(i + 1).arg(order.status).arg(order.text);
            continue; // the next shopper tries again
        }
        {
            std::lock_guard lock(m_mutex);
            ++m_placed;
            m_orderIds.append(orderId);
        }
        const Answer payment =
            send(platform, "POST", QStringLiteral("/api/v1/orders/%1/payments").arg(orderId),
                 QByteArray(), auth);
        const QUrl payUrl(payment.json.value(QStringLiteral("payUrl")).toString());
        if (payment.status != 201 || !payUrl.isValid()) {
            std::lock_guard lock(m_mutex);
            m_error = QStringLiteral("payment of order %1: HTTP %2 %3")
                          .arg(orderId)
                          .arg(payment.status)
                          .arg(payment.text);
            continue;
        }
        // The customer presses Pay on the gateway's checkout page.
        httplib::Client gateway(
            payUrl.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toString().toStdString());
        gateway.set_read_timeout(30);
        const auto paid = gateway.Post(payUrl.path().toStdString().c_str(), "pay=1",
                                       "application/x-www-form-urlencoded");
        std::lock_guard lock(m_mutex);
        if (paid && paid->status == 200)
            ++m_paid;
        else
            m_error = QStringLiteral("paying order %1 failed").arg(orderId);
    }
    std::lock_guard lock(m_mutex);
    m_state = QStringLiteral("done");
}

} // namespace haitao::sim
