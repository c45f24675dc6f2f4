#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <mutex>
#include <optional>

namespace haitao::sim {

// How a simulated endpoint misbehaves (POST /__sim/faults).
enum class FaultMode {
    None,        // behave; a "none" rule exempts a sub-path from a broader one
    Slow,        // wait delayMs, then answer normally
    TooMany,     // 429, with Retry-After when retryAfter >= 0
    Unavailable, // 503, the same
    Reset,       // close the connection with a TCP reset before any byte of the response
    Truncate,    // promise the whole body (Content-Length), send half of it, close
    Malformed,   // a complete response whose body is cut in half: broken XML or JSON
};

struct Fault
{
    QString path;   // applies to request paths starting with this
    QString method; // and to this method only ("POST"); empty: any method
    FaultMode mode = FaultMode::None;
    int delayMs = 0;
    int retryAfter = -1; // seconds; -1 sends no Retry-After
    int times = 0;       // requests left to affect; 0 until cleared

    // {"path": "/fx/", "method": "POST", "mode": "503", "delayMs": N, "retryAfter": N,
    // "times": N}; nullopt and *error for anything out of range.
    static std::optional<Fault> fromJson(const QJsonObject &json, QString *error);
    QJsonObject toJson() const;
};

QString faultModeName(FaultMode mode);

// The active fault rules; shared by the server's worker threads.
class FaultTable
{
public:
    void set(const Fault &fault); // replaces the rule for the same path and method
    void clear();
    QList<Fault> rules() const;
    // The rule with the longest matching path (one for this method before one for any),
    // counting one use of it; nullopt if none.
    std::optional<Fault> take(const QString &method, const QString &requestPath);

private:
    mutable std::mutex m_mutex;
    QList<Fault> m_rules;
};

} // namespace haitao::sim
