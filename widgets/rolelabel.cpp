#include "widgets/rolelabel.h"

#include <QCoreApplication>

namespace haitao::widgets {

QString roleLabel(Role role)
{
    switch (role) {
    case Role::Admin:
        return QCoreApplication::translate("haitao::widgets::RoleLabel", "Administrator");
    case Role::Ops:
        return QCoreApplication::translate("haitao::widgets::RoleLabel", "Operations");
    case Role::Translator:
        return QCoreApplication::translate("haitao::widgets::RoleLabel", "Translator");
    case Role::Customer:
        return QCoreApplication::translate("haitao::widgets::RoleLabel", "Customer");
    }
    return roleToString(role);
}

QString roleLabel(const QString &roleName)
{
    const std::optional<Role> role = roleFromString(roleName);
    return role ? roleLabel(*role) : roleName;
}

} // namespace haitao::widgets
