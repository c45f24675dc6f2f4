#pragma once

#include "backend/translation/glossary.h"

#include <QList>

namespace haitao::server::translation {

// The demo's en -> zh glossary: a dozen product terms and two forbidden words (advertising
// superlatives Chinese law bars from listings).
QList<GlossaryEntry> demoGlossary();

} // namespace haitao::server::translation
