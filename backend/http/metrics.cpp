#include "backend/http/metrics.h"

namespace haitao::server {

void Metrics::record(const QString &method, const QString &route, int status, double seconds)
{
    std::lock_guard lock(m_mutex);
    Series &s = m_series[{route, method, status}];
    ++s.count;
    s.sum += seconds;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i])
            ++s.buckets[i];
    }
}

QByteArray Metrics::prometheusText() const
{
    std::lock_guard lock(m_mutex);
    QByteArray out;
    out += "# HELP haitao_http_requests_total HTTP requests answered.\n"
           "# TYPE haitao_http_requests_total counter\n";
    auto labels = [](const auto &key) {
        const auto &[route, method, status] = key;
        return QStringLiteral("method=\"%1\",route=\"%2\",status=\"%3\"")
            .arg(method, route)
            .arg(status)
            .toUtf8();
    };
    for (const auto &[key, s] : m_series)
        out +=
            "haitao_http_requests_total{" + labels(key) + "} " + QByteArray::number(s.count) + '\n';
    out += "# HELP haitao_http_request_duration_seconds Time from request read to answer.\n"
           "# TYPE haitao_http_request_duration_seconds histogram\n";
    for (const auto &[key, s] : m_series) {
        const QByteArray l = labels(key);
        for (size_t i = 0; i < kBuckets.size(); ++i)
            out += "haitao_http_request_duration_seconds_bucket{" + l + ",le=\"" +
                   QByteArray::number(kBuckets[i]) + "\"} " + QByteArray::number(s.buckets[i]) +
                   '\n';
        out += "haitao_http_request_duration_seconds_bucket{" + l + ",le=\"+Inf\"} " +
               QByteArray::number(s.count) + '\n';
        out += "haitao_http_request_duration_seconds_sum{" + l + "} " +
               QByteArray::number(s.sum, 'g', 9) + '\n';
        out += "haitao_http_request_duration_seconds_count{" + l + "} " +
               QByteArray::number(s.count) + '\n';
    }
    return out;
}

} // namespace haitao::server
