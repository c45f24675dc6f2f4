#pragma once

#include <QString>
#include <QStringList>

namespace haitao::server {

// A SHA-256 of `parts` (each UTF-8, separated by a unit separator so that ("ab", "c") and
// ("a", "bc") differ), as the first `hexChars` hex digits: the change detection and lookup
// keys stores keep beside text.
QString fingerprint(const QStringList &parts, int hexChars = 32);

} // namespace haitao::server
