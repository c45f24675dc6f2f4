#pragma once

#include <QSqlError>
#include <QString>

#include <stdexcept>

namespace haitao::server {

// A storage failure. `busy` marks lock contention that a retry can cure; `unreachable` marks a
// database that could not be opened (mapped to 503 rather than 500); `duplicate` a unique
// constraint (mapped to 409).
class StorageError : public std::runtime_error
{
public:
    explicit StorageError(const QString &message, bool busy = false, bool unreachable = false,
                          bool duplicate = false)
        : std::runtime_error(message.toStdString())
        , m_busy(busy)
        , m_unreachable(unreachable)
        , m_duplicate(duplicate)
    {}
    static StorageError fromSql(const QString &what, const QSqlError &error);

    bool isBusy() const { return m_busy; }
    bool isUnreachable() const { return m_unreachable; }
    // A unique constraint refused the write: another request created the same thing first.
    bool isDuplicate() const { return m_duplicate; }

private:
    bool m_busy;
    bool m_unreachable;
    bool m_duplicate;
};

} // namespace haitao::server
