#include "backend/catalog/pricerefreshroutes.h"

#include "backend/catalog/pricerefresh.h"
#include "backend/http/fields.h"

#include <QJsonArray>

#include <algorithm>

namespace haitao::server::catalog {

namespace {

constexpr int kMaxIds = 10000;
constexpr qint64 kMaxProductId = 9'000'000'000'000'000; // exactly a JSON number

} // namespace

void addPriceRefreshRoutes(Router &router, PriceRefresh &refresh)
{
    const Access staff = Access::only({Role::Ops, Role::Admin, Role::Translator});
    const Access ops = Access::only({Role::Ops, Role::Admin});

    // Queued for the refresh job, which reads shops at their own pace: 202 at once.
    router.add(
        QStringLiteral("POST"), QStringLiteral("/api/v1/catalog/price-refresh"), ops, Body::Json,
        [&refresh](const Request &r) {
            Fields f(r.body);
            f.onlyKnown({QStringLiteral("productIds")});
            const QJsonValue ids = r.body.value(QStringLiteral("productIds"));
            QList<qint64> productIds;
            if (!ids.isUndefined() && !ids.isNull()) {
                const QJsonArray array = ids.toArray();
                const bool valid = ids.isArray() && array.size() <= kMaxIds &&
                                   std::all_of(array.begin(), array.end(), [](const QJsonValue &v) {
                                       return isWholeNumber(v, 1, kMaxProductId);
                                   });
                if (!valid)
                    f.fail(QStringLiteral("productIds"),
                           QStringLiteral("must be an array of up to %1 product ids").arg(kMaxIds));
                else
                    for (const QJsonValue &v : array)
                        productIds << v.toInteger();
                if (valid && array.isEmpty())
                    f.fail(QStringLiteral("productIds"),
                           QStringLiteral("leave it out to refresh every published "
                                          "product"));
            }
            f.done();
            return Response::json({{QStringLiteral("queued"), refresh.request(productIds)}}, 202);
        });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/catalog/products/{id}/prices"), staff,
               Body::None, [&refresh](const Request &r) {
                   QJsonArray items;
                   for (const PricePoint &p : refresh.prices(r.idParam(QStringLiteral("id"))))
                       items.append(p.toJson());
                   return Response::json({{QStringLiteral("items"), items}});
               });
}

} // namespace haitao::server::catalog
