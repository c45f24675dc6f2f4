#pragma once

#include "backend/http/router.h"

namespace haitao::server::translation {

class TranslationService;

// /api/v1/catalog/glossary..., /api/v1/catalog/tm and /api/v1/catalog/mt.
void addTranslationRoutes(Router &router, TranslationService &translation);

} // namespace haitao::server::translation
