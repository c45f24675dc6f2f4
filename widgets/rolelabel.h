#pragma once

#include "core/role.h"

namespace haitao::widgets {

// The translated name of a role for people; the API name (roleToString) stays for data.
QString roleLabel(Role role);
// Same for an API role name; unknown names come back unchanged.
QString roleLabel(const QString &roleName);

} // namespace haitao::widgets
