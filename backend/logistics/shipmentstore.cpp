#include "backend/logistics/shipmentstore.h"

#include "backend/storage/database.h"
#include "backend/storage/sqltext.h"

#include <QVariant>

namespace haitao::server::logistics::shipmentstore {

using sql::L;

qint64 create(QSqlDatabase &db, const PlacedSubOrder &p, qint64 nowMs)
{
    Statement i = prepareOrThrow(
        db,
        L("INSERT INTO shipments (sub_order_id, order_id, user_id, username, site, "
          "merchant_order_id, status, current_leg, recipient_name, recipient_phone, "
          "recipient_email, address, priced_weight_g, created_at, placed_at, updated_at) VALUES "
          "(:sub, :order, :user, :username, :site, :merchant, 'awaiting_shipment', 'shop', "
          ":name, :phone, :email, :address, :weight, :now, :placed, :now2) ON CONFLICT "
          "(sub_order_id) DO NOTHING"));
    i.bindValue(QStringLiteral(":sub"), p.subOrderId);
    i.bindValue(QStringLiteral(":order"), p.orderId);
    i.bindValue(QStringLiteral(":user"), p.userId);
    i.bindValue(QStringLiteral(":username"), sql::text(p.username));
    i.bindValue(QStringLiteral(":site"), sql::text(p.site));
    i.bindValue(QStringLiteral(":merchant"), sql::text(p.merchantOrderId));
    i.bindValue(QStringLiteral(":name"),
                sql::text(p.address.value(QStringLiteral("name")).toString()));
    i.bindValue(QStringLiteral(":phone"),
                sql::text(p.address.value(QStringLiteral("phone")).toString()));
    i.bindValue(QStringLiteral(":email"),
                sql::text(p.address.value(QStringLiteral("email")).toString()));
    i.bindValue(QStringLiteral(":address"), sql::jsonText(p.address));
    i.bindValue(QStringLiteral(":weight"), p.pricedWeightG);
    i.bindValue(QStringLiteral(":now"), nowMs);
    i.bindValue(QStringLiteral(":placed"), p.placedAtMs > 0 ? p.placedAtMs : nowMs);
    i.bindValue(QStringLiteral(":now2"), nowMs);
    execOrThrow(i, "create shipment");
    if (i.query().numRowsAffected() <= 0)
        return 0;
    Statement q = prepareOrThrow(db, L("SELECT id FROM shipments WHERE sub_order_id = :sub"));
    q.bindValue(QStringLiteral(":sub"), p.subOrderId);
    execOrThrow(q, "new shipment");
    if (!q.next())
        return 0;
    const qint64 id = q.value(0).toLongLong();
    Statement e = prepareOrThrow(
        db, L("INSERT INTO shipment_events (shipment_id, at, actor, from_status, to_status, "
              "reason) VALUES (:id, :now, 'system', '', 'awaiting_shipment', :reason)"));
    e.bindValue(QStringLiteral(":id"), id);
    e.bindValue(QStringLiteral(":now"), nowMs);
    e.bindValue(QStringLiteral(":reason"), QStringLiteral("placed at the shop"));
    execOrThrow(e, "record shipment creation");
    return id;
}

} // namespace haitao::server::logistics::shipmentstore
