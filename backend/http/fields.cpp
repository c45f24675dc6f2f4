#include "backend/http/fields.h"

#include <cmath>

namespace haitao::server {

std::optional<QString> Fields::optionalString(const QString &name, int minLength, int maxLength)
{
    const QJsonValue v = m_body.value(name);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isString()) {
        fail(name, QStringLiteral("must be a string"));
        return std::nullopt;
    }
    const QString s = v.toString();
    if (s.size() < minLength) {
        fail(name, minLength == 1
                       ? QStringLiteral("must not be empty")
                       : QStringLiteral("must be at least %1 characters").arg(minLength));
        return std::nullopt;
    }
    if (s.size() > maxLength) {
        fail(name, QStringLiteral("must be at most %1 characters").arg(maxLength));
        return std::nullopt;
    }
    return s;
}

QString Fields::requiredString(const QString &name, int minLength, int maxLength)
{
    if (!m_body.contains(name) || m_body.value(name).isNull()) {
        fail(name, QStringLiteral("is required"));
        return {};
    }
    return optionalString(name, minLength, maxLength).value_or(QString());
}

std::optional<bool> Fields::optionalBool(const QString &name)
{
    const QJsonValue v = m_body.value(name);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isBool()) {
        fail(name, QStringLiteral("must be true or false"));
        return std::nullopt;
    }
    return v.toBool();
}

bool isWholeNumber(const QJsonValue &value, qint64 min, qint64 max)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    // Compared as doubles first: a number beyond qint64 must not wrap into range.
    return d >= double(min) && d <= double(max) && std::abs(d) < 9.0e18 && d == double(qint64(d)) &&
           qint64(d) >= min && qint64(d) <= max;
}

std::optional<qint64> Fields::integer(const QJsonValue &value, const QString &path, qint64 min,
                                      qint64 max)
{
    if (!isWholeNumber(value, min, max)) {
        fail(path, QStringLiteral("must be a whole number from %1 to %2").arg(min).arg(max));
        return std::nullopt;
    }
    return qint64(value.toDouble());
}

std::optional<qint64> Fields::optionalInteger(const QString &name, qint64 min, qint64 max)
{
    const QJsonValue v = m_body.value(name);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    return integer(v, name, min, max);
}

qint64 Fields::requiredInteger(const QString &name, qint64 min, qint64 max)
{
    if (!m_body.contains(name) || m_body.value(name).isNull()) {
        fail(name, QStringLiteral("is required"));
        return 0;
    }
    return optionalInteger(name, min, max).value_or(0);
}

std::optional<Role> Fields::optionalRole(const QString &name)
{
    const QJsonValue v = m_body.value(name);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    const auto role = roleFromString(v.toString());
    if (!role)
        fail(name,
             QStringLiteral("must be one of: %1").arg(allRoleNames().join(QStringLiteral(", "))));
    return role;
}

Role Fields::requiredRole(const QString &name)
{
    if (!m_body.contains(name) || m_body.value(name).isNull()) {
        fail(name, QStringLiteral("is required"));
        return Role::Customer;
    }
    return optionalRole(name).value_or(Role::Customer);
}

void Fields::onlyKnown(const QStringList &names)
{
    for (auto it = m_body.begin(); it != m_body.end(); ++it) {
        if (!names.contains(it.key()))
            fail(it.key(), QStringLiteral("is not a field of this request"));
    }
}

void Fields::done() const
{
    if (!m_errors.isEmpty())
        throw ApiError::validation(m_errors);
}

} // namespace haitao::server
