#pragma once

#include "backend/http/apierror.h"
#include "core/role.h"

#include <QJsonObject>

#include <optional>

namespace haitao::server {

// Reads typed fields out of a JSON body, collecting every problem with its field path, so
// that one 422 answer lists all of them. Call done() after the last read.
class Fields
{
public:
    explicit Fields(const QJsonObject &body)
        : m_body(body)
    {}

    QString requiredString(const QString &name, int minLength, int maxLength);
    std::optional<QString> optionalString(const QString &name, int minLength, int maxLength);
    std::optional<bool> optionalBool(const QString &name);
    // Whole JSON numbers from min to max (1 and 1.0 are whole; 1.5, "1" and true are not).
    // Optional: absent or null is nullopt and no problem. Required: absent is "is required".
    std::optional<qint64> optionalInteger(const QString &name, qint64 min, qint64 max);
    qint64 requiredInteger(const QString &name, qint64 min, qint64 max); // 0 when it failed
    // The same for a value inside a field (an array's element); problems go under `path`.
    std::optional<qint64> integer(const QJsonValue &value, const QString &path, qint64 min,
                                  qint64 max);
    std::optional<Role> optionalRole(const QString &name);
    Role requiredRole(const QString &name);

    void fail(const QString &field, const QString &message) { m_errors.append({field, message}); }
    // Reports every field of the body not in `names` (routes whose bodies are strict).
    void onlyKnown(const QStringList &names);
    bool hasErrors() const { return !m_errors.isEmpty(); }
    void done() const; // throws ApiError Validation when anything failed

private:
    QJsonObject m_body;
    QList<FieldProblem> m_errors;
};

// Whether `value` is a whole JSON number from min to max.
bool isWholeNumber(const QJsonValue &value, qint64 min, qint64 max);

} // namespace haitao::server
