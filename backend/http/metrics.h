#pragma once

#include <QByteArray>
#include <QString>

#include <array>
#include <map>
#include <mutex>

namespace haitao::server {

// Request counts and latency histograms by method, route pattern and status, in the
// Prometheus text format. Keyed by route pattern, never by raw path, to bound cardinality.
class Metrics
{
public:
    void record(const QString &method, const QString &route, int status, double seconds);
    QByteArray prometheusText() const;

private:
    static constexpr std::array<double, 13> kBuckets = {
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0};
    struct Series
    {
        quint64 count = 0;
        double sum = 0;
        std::array<quint64, kBuckets.size()> buckets{};
    };
    mutable std::mutex m_mutex;
    std::map<std::tuple<QString, QString, int>, Series> m_series;
};

} // namespace haitao::server
