#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <httplib.h>

#include <optional>
#include <string>

namespace haitao::bench {

// A blocking JSON client for the benchmarks' setup calls (not what they measure: wrk does).
struct Http
{
    httplib::Client client;
    std::string token;

    Http(const std::string &host, int port);

    // METHOD is GET, PUT or POST; the answer's JSON object, nullopt without an answer.
    std::optional<QJsonObject> call(const char *method, const std::string &path,
                                    const QJsonObject &body = {}, int *status = nullptr,
                                    const std::string &idempotencyKey = {});
    bool login(const char *user, const char *password);
};

// A delivery address in China as checkout wants it.
QJsonObject address();
// A one-line order of `skuId`.
QJsonObject orderBody(qint64 skuId);
// Published SKUs of a site, from the public catalog (its first 100 products).
QList<qint64> skusOf(Http &http, const QString &site);

} // namespace haitao::bench
