#include "backend/log.h"

#include "core/wiretime.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace haitao::server {

Log::Log(LogFormat format, Sink sink)
    : m_format(format)
    , m_sink(std::move(sink))
{}

void Log::info(const QString &message, const QJsonObject &fields) const
{
    write("info", message, fields);
}

void Log::error(const QString &message, const QJsonObject &fields) const
{
    write("error", message, fields);
}

void Log::write(const char *level, const QString &message, const QJsonObject &fields) const
{
    const QString time = toWireTime(QDateTime::currentDateTimeUtc());
    QByteArray line;
    if (m_format == LogFormat::Json) {
        QJsonObject o = fields;
        o.insert(QStringLiteral("ts"), time);
        o.insert(QStringLiteral("level"), QString::fromLatin1(level));
        o.insert(QStringLiteral("msg"), message);
        line = QJsonDocument(o).toJson(QJsonDocument::Compact);
    } else {
        line = time.toUtf8() + ' ' + QByteArray(level).toUpper() + ' ' + message.toUtf8();
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            const QJsonValue v = it.value();
            QString text;
            if (v.isString())
                text = v.toString();
            else if (v.isDouble())
                text = QString::number(v.toDouble());
            else if (v.isBool())
                text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
            else if (v.isObject())
                text =
                    QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
            else if (v.isArray())
                text = QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
            line += ' ' + it.key().toUtf8() + '=' + text.toUtf8();
        }
    }
    line += '\n';
    std::lock_guard lock(m_mutex);
    if (m_sink) {
        m_sink(line);
    } else {
        std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
        std::fflush(stderr);
    }
}

} // namespace haitao::server
