#pragma once

#include "backend-client/catalogtypes.h"

namespace haitao::widgets {

// The translated word for a listing status, as tabs and cells show it.
QString productStatusLabel(client::ProductStatus status);

} // namespace haitao::widgets
