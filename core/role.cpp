#include "core/role.h"

namespace haitao {

QString roleToString(Role role)
{
    switch (role) {
    case Role::Admin:
        return QStringLiteral("admin");
    case Role::Ops:
        return QStringLiteral("ops");
    case Role::Translator:
        return QStringLiteral("translator");
    case Role::Customer:
        return QStringLiteral("customer");
    }
    return {};
}

std::optional<Role> roleFromString(const QString &text)
{
    for (Role r : {Role::Admin, Role::Ops, Role::Translator, Role::Customer}) {
        if (roleToString(r) == text)
            return r;
    }
    return std::nullopt;
}

QStringList allRoleNames()
{
    return {QStringLiteral("admin"), QStringLiteral("ops"), QStringLiteral("translator"),
            QStringLiteral("customer")};
}

bool isStaff(Role role)
{
    return role != Role::Customer;
}

bool canManage(Role role)
{
    return role == Role::Ops || role == Role::Admin;
}

} // namespace haitao
