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

} // namespace haitao::server
