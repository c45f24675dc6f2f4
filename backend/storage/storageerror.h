#pragma once

#include <QSqlError>
#include <QString>

#include <stdexcept>

namespace haitao::server {

// A storage failure. `busy` marks lock contention that a retry can cure; `unreachable` marks a
// database that could not be opened (mapped to 503 rather than 500).
class StorageError : public std::runtime_error
{
public:
    explicit StorageError(const QString &message, bool busy = false, bool unreachable = false)
        : std::runtime_error(message.toStdString())
        , m_busy(busy)
        , m_unreachable(unreachable)
    {
    }
    static StorageError fromSql(const QString &what, const QSqlError &error);

    bool isBusy() const { return m_busy; }
    bool isUnreachable() const { return m_unreachable; }

private:
    bool m_busy;
    bool m_unreachable;
};

} // namespace haitao::server
