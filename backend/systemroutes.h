#pragma once

#include "backend/http/metrics.h"
#include "backend/http/router.h"
#include "backend/storage/database.h"

#include <QList>

namespace haitao::server {

// /healthz (process alive), /readyz (every store reachable), /metrics (Prometheus text).
void addSystemRoutes(Router &router, const QList<Database *> &stores, const Metrics &metrics);

} // namespace haitao::server
