#pragma once

#include "backend/http/router.h"

namespace haitao::server::media {

class MediaService;

// GET /api/v1/images/{sha256}: public, immutable, content-addressed.
void addMediaRoutes(Router &router, MediaService &media);

} // namespace haitao::server::media
