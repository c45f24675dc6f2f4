#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace haitao {

// Who a user is to the system. Staff roles reach the desktop app; customers only the REST API.
enum class Role { Admin, Ops, Translator, Customer };

QString roleToString(Role role);
std::optional<Role> roleFromString(const QString &text);
QStringList allRoleNames();
bool isStaff(Role role);
// Ops and admins: they decide (review and publish listings, import, edit rules and the
// glossary); translators translate.
bool canManage(Role role);

} // namespace haitao
