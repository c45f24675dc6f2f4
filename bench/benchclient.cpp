#include "bench/benchclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace haitao::bench {

Http::Http(const std::string &host, int port)
    : client(host, port)
{
    client.set_read_timeout(60, 0);
}

std::optional<QJsonObject> Http::call(const char *method, const std::string &path,
                                      const QJsonObject &body, int *status,
                                      const std::string &idempotencyKey)
{
    httplib::Headers headers;
    if (!token.empty())
        headers.emplace("Authorization", "Bearer " + token);
    if (!idempotencyKey.empty())
        headers.emplace("Idempotency-Key", idempotencyKey);
    const std::string json = QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString();
    httplib::Result r =
        std::string(method) == "GET"
            ? client.Get(path, headers)
            : (std::string(method) == "PUT" ? client.Put(path, headers, json, "application/json")
                                            : client.Post(path, headers, json, "application/json"));
    if (!r)
        return std::nullopt;
    if (status)
        *status = r->status;
    return QJsonDocument::fromJson(QByteArray::fromStdString(r->body)).object();
}

bool Http::login(const char *user, const char *password)
{
    const auto r = call("POST", "/api/v1/auth/login",
                        {{QStringLiteral("username"), QString::fromLatin1(user)},
                         {QStringLiteral("password"), QString::fromLatin1(password)}});
    if (!r)
        return false;
    token = r->value(QStringLiteral("token")).toString().toStdString();
    return !token.empty();
}

QJsonObject address()
{
    return {{QStringLiteral("name"), QStringLiteral("张三")},
            {QStringLiteral("phone"), QStringLiteral("13800000000")},
            {QStringLiteral("province"), QStringLiteral("上海市")},
            {QStringLiteral("city"), QStringLiteral("上海市")},
            {QStringLiteral("district"), QStringLiteral("浦东新区")},
            {QStringLiteral("line1"), QStringLiteral("世纪大道 100 号")},
            {QStringLiteral("postcode"), QStringLiteral("200120")}};
}

QJsonObject orderBody(qint64 skuId)
{
    return {{QStringLiteral("lines"), QJsonArray{QJsonObject{{QStringLiteral("skuId"), skuId},
                                                             {QStringLiteral("quantity"), 1}}}},
            {QStringLiteral("address"), address()}};
}

QList<qint64> skusOf(Http &http, const QString &site)
{
    QList<qint64> out;
    const auto page = http.call("GET", "/api/v1/products?limit=100&site=" +
                                           QUrl::toPercentEncoding(site).toStdString());
    if (!page)
        return out;
    for (const QJsonValue &p : page->value(QStringLiteral("items")).toArray())
        for (const QJsonValue &s : p.toObject().value(QStringLiteral("skus")).toArray())
            out << s.toObject().value(QStringLiteral("id")).toInteger();
    return out;
}

} // namespace haitao::bench
