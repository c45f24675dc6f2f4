#pragma once

#include "backend/catalog/productpage.h"
#include "backend/config.h"
#include "backend/integrations/httpfetch.h"

namespace haitao::server::catalog {

// What the one-click URL import and the price refresh share about a shop's product page: how
// it is fetched and how its variants are keyed. Both must agree, or a refresh would no longer
// find the SKUs the import made.

// GET options for a product page: timeout, Accept, and the SSRF guard always on with the
// configured allow-list (the URL comes from a user or a feed; the list was checked when the
// configuration was read, so a bad one here allows nothing extra).
FetchOptions shopPageFetchOptions(const Config &config);

// The product's own URL when the page names one, else the page's.
QUrl productUrlOf(const PageProduct &product, const QUrl &pageUrl);

// The SKU id of variant `index`: the page's own SKU, or one derived from the product's URL
// when the page names none (stable, so importing the page again finds the same row).
QString variantSku(const PageProduct &product, const QUrl &pageUrl, qsizetype index);

} // namespace haitao::server::catalog
