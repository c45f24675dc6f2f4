#pragma once

#include <QJsonObject>
#include <QString>

#include <functional>
#include <mutex>

namespace haitao::server {

enum class LogFormat { Text, Json };

// Structured log lines to stderr (or a sink, in tests): one event per line.
class Log
{
public:
    using Sink = std::function<void(const QByteArray &line)>;

    explicit Log(LogFormat format = LogFormat::Text, Sink sink = {});
    void info(const QString &message, const QJsonObject &fields = {}) const;
    void error(const QString &message, const QJsonObject &fields = {}) const;
    void write(const char *level, const QString &message, const QJsonObject &fields) const;

private:
    LogFormat m_format;
    Sink m_sink;
    mutable std::mutex m_mutex;
};

} // namespace haitao::server
