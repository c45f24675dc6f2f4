#pragma once

#include <QString>

namespace haitao::widgets {

// The translated name of a rule kind's API name ("domestic_shipping" -> "Domestic shipping");
// unknown names come back as they are.
QString ruleKindLabel(const QString &kind);

// The translated word for a diff change ("added", "removed", "changed").
QString changeLabel(const QString &change);

} // namespace haitao::widgets
