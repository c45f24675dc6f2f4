#include "tests/support/logisticsseed.h"

#include "backend/logistics/ingest.h"
#include "backend/logistics/logisticsservice.h"
#include "backend/logistics/shipmentstore.h"
#include "backend/storage/database.h"

#include <algorithm>

namespace haitao::testing {

// 1,000 per transaction.
int seedShipments(server::logistics::LogisticsService &logistics, const QString &carrier,
                  const QStringList &trackingNumbers, qint64 firstSubOrderId)
{
    const QString kind = carrier == u"intlexpress" ? QStringLiteral("international")
                         : carrier == u"sfsim"     ? QStringLiteral("domestic")
                                                   : QStringLiteral("shop");
    int created = 0;
    for (qsizetype from = 0; from < trackingNumbers.size(); from += 1000) {
        logistics.database().write([&](QSqlDatabase &db) {
            const qint64 t = logistics.now();
            const qsizetype to = std::min<qsizetype>(trackingNumbers.size(), from + 1000);
            for (qsizetype i = from; i < to; ++i) {
                server::logistics::PlacedSubOrder p;
                p.subOrderId = firstSubOrderId + i;
                p.orderId = p.subOrderId;
                p.userId = 1;
                p.username = QStringLiteral("bench");
                p.site = QStringLiteral("bench");
                p.merchantOrderId = QStringLiteral("B%1").arg(p.subOrderId);
                const qint64 id = server::logistics::shipmentstore::create(db, p, t);
                if (id == 0)
                    continue;
                server::logistics::ingest::attachLeg(db, id, kind, carrier, trackingNumbers.at(i),
                                                     t, logistics.config().trackingPollMs);
                server::Statement u = server::prepareOrThrow(
                    db, QStringLiteral("UPDATE shipments SET status = 'info_received', "
                                       "current_leg = :kind WHERE id = :id"));
                u.bindValue(QStringLiteral(":kind"), kind);
                u.bindValue(QStringLiteral(":id"), id);
                server::execOrThrow(u, "bench shipment status");
                ++created;
            }
        });
    }
    logistics.wake();
    return created;
}

} // namespace haitao::testing
