#include "backend/orders/orderschema.h"

#include "backend/storage/auditlog.h"
#include "backend/storage/sqltext.h"

namespace haitao::server::orders::schema {

using sql::L;

QList<Migration> migrations()
{
    Migration first{
        1,
        QStringLiteral("carts, orders, sub-orders, payments, refunds, events, placement"),
        {
            // The customer's cart, with what the customer last saw of each line (price,
            // availability) so the cart can say what changed since.
            L("CREATE TABLE cart_items ("
              " user_id BIGINT NOT NULL,"
              " sku_id BIGINT NOT NULL,"
              " quantity BIGINT NOT NULL CHECK (quantity > 0),"
              " seen_price_minor BIGINT,"
              " seen_currency TEXT NOT NULL,"
              " seen_available INTEGER NOT NULL DEFAULT 1,"
              " added_at BIGINT NOT NULL,"
              " updated_at BIGINT NOT NULL,"
              " PRIMARY KEY (user_id, sku_id))"),
            // An order in CNY as quoted: the quote (rule-set version, rate snapshot, the
            // whole breakdown) is kept as it was, the request's hash answers replays of the
            // same Idempotency-Key.
            L("CREATE TABLE orders ("
              " id %ID%,"
              " user_id BIGINT NOT NULL,"
              " username TEXT NOT NULL,"
              " status TEXT NOT NULL CHECK (status IN ('pending_payment','paid','completed',"
              "'cancelled','expired')),"
              " total_minor BIGINT NOT NULL,"
              " currency TEXT NOT NULL,"
              " rule_set_version BIGINT NOT NULL,"
              " rate_snapshot BIGINT NOT NULL,"
              " quote TEXT NOT NULL,"
              " address TEXT NOT NULL,"
              " coupons TEXT NOT NULL,"
              " idempotency_key TEXT NOT NULL,"
              " request_hash TEXT NOT NULL,"
              " created_at BIGINT NOT NULL,"
              " updated_at BIGINT NOT NULL,"
              " expires_at BIGINT NOT NULL,"
              " paid_at BIGINT,"
              " version BIGINT NOT NULL DEFAULT 1,"
              " UNIQUE (user_id, idempotency_key))"),
            L("CREATE INDEX orders_user ON orders(user_id, id)"),
            L("CREATE INDEX orders_status ON orders(status, id)"),
            L("CREATE INDEX orders_expiry ON orders(status, expires_at)"),
            // One per foreign site of an order. client_reference is sent to the shop with
            // every create call and never changes: the key to "never twice".
            L("CREATE TABLE sub_orders ("
              " id %ID%,"
              " order_id BIGINT NOT NULL REFERENCES orders(id),"
              " site TEXT NOT NULL,"
              " status TEXT NOT NULL CHECK (status IN ('pending_payment','awaiting_placement',"
              "'placing','placed','needs_manual','placed_manually','cancelled')),"
              " total_minor BIGINT NOT NULL,"
              " goods_minor BIGINT NOT NULL,"
              " goods_currency TEXT NOT NULL,"
              " client_reference TEXT NOT NULL UNIQUE,"
              " merchant_order_id TEXT NOT NULL DEFAULT '',"
              " paid_minor BIGINT,"
              " paid_currency TEXT NOT NULL DEFAULT '',"
              " reason TEXT NOT NULL DEFAULT '',"
              " attempts INTEGER NOT NULL DEFAULT 0,"
              " next_attempt_at BIGINT NOT NULL DEFAULT 0,"
              " claimed_by TEXT NOT NULL DEFAULT '',"
              " claimed_at BIGINT,"
              " status_changed_at BIGINT NOT NULL,"
              " created_at BIGINT NOT NULL,"
              " updated_at BIGINT NOT NULL,"
              " version BIGINT NOT NULL DEFAULT 1)"),
            L("CREATE INDEX sub_orders_order ON sub_orders(order_id, id)"),
            L("CREATE INDEX sub_orders_queue ON sub_orders(status, next_attempt_at, id)"),
            L("CREATE INDEX sub_orders_site ON sub_orders(site, status, id)"),
            // What was ordered, as it was when ordered (title, shop SKU, page, unit price in
            // the site's currency); placement checks the shop against unit_price.
            L("CREATE TABLE order_lines ("
              " id %ID%,"
              " order_id BIGINT NOT NULL REFERENCES orders(id),"
              " sub_order_id BIGINT NOT NULL REFERENCES sub_orders(id),"
              " sku_id BIGINT NOT NULL,"
              " product_id BIGINT NOT NULL,"
              " merchant_sku TEXT NOT NULL,"
              " title TEXT NOT NULL,"
              " title_zh TEXT NOT NULL,"
              " source_url TEXT NOT NULL,"
              " quantity BIGINT NOT NULL,"
              " unit_price_minor BIGINT NOT NULL,"
              " unit_currency TEXT NOT NULL,"
              " total_cny_minor BIGINT NOT NULL)"),
            L("CREATE INDEX order_lines_sub_order ON order_lines(sub_order_id, id)"),
            L("CREATE INDEX order_lines_order ON order_lines(order_id, id)"),
            L("CREATE TABLE payments ("
              " id %ID%,"
              " order_id BIGINT NOT NULL REFERENCES orders(id),"
              " provider TEXT NOT NULL,"
              " out_trade_no TEXT NOT NULL UNIQUE,"
              " gateway_payment_id TEXT NOT NULL DEFAULT '',"
              " pay_url TEXT NOT NULL DEFAULT '',"
              " amount_minor BIGINT NOT NULL,"
              " currency TEXT NOT NULL,"
              " status TEXT NOT NULL CHECK (status IN ('created','paid','refunded',"
              "'partially_refunded')),"
              " created_at BIGINT NOT NULL,"
              " paid_at BIGINT)"),
            L("CREATE INDEX payments_order ON payments(order_id, id)"),
            // Every notification the gateway sent, accepted or not (forgeries are audited).
            L("CREATE TABLE payment_notifications ("
              " id %ID%,"
              " provider TEXT NOT NULL,"
              " received_at BIGINT NOT NULL,"
              " address TEXT NOT NULL,"
              " outcome TEXT NOT NULL CHECK (outcome IN ('accepted','duplicate','refused')),"
              " reason TEXT NOT NULL,"
              " out_trade_no TEXT NOT NULL,"
              " body TEXT NOT NULL)"),
            L("CREATE INDEX payment_notifications_trade ON payment_notifications(out_trade_no)"),
            L("CREATE TABLE refunds ("
              " id %ID%,"
              " order_id BIGINT NOT NULL REFERENCES orders(id),"
              " sub_order_id BIGINT,"
              " payment_id BIGINT NOT NULL REFERENCES payments(id),"
              " refund_no TEXT NOT NULL UNIQUE,"
              " amount_minor BIGINT NOT NULL,"
              " currency TEXT NOT NULL,"
              " status TEXT NOT NULL CHECK (status IN ('pending','refunded','failed')),"
              " gateway_refund_id TEXT NOT NULL DEFAULT '',"
              " reason TEXT NOT NULL,"
              " actor TEXT NOT NULL,"
              " created_at BIGINT NOT NULL,"
              " updated_at BIGINT NOT NULL)"),
            L("CREATE INDEX refunds_order ON refunds(order_id, id)"),
            // Every state change of an order or sub-order: who (a user, "system" or a
            // placement worker), when and why.
            L("CREATE TABLE order_events ("
              " id %ID%,"
              " order_id BIGINT NOT NULL REFERENCES orders(id),"
              " sub_order_id BIGINT,"
              " at BIGINT NOT NULL,"
              " actor TEXT NOT NULL,"
              " from_status TEXT NOT NULL,"
              " to_status TEXT NOT NULL,"
              " reason TEXT NOT NULL)"),
            L("CREATE INDEX order_events_order ON order_events(order_id, id)"),
            L("CREATE INDEX order_events_sub_order ON order_events(sub_order_id, id)"),
            // One automatic try at placing a sub-order, and its recorded steps (sign_in,
            // lookup, check_price, create, confirm) with the shop's answer.
            L("CREATE TABLE placement_attempts ("
              " id %ID%,"
              " sub_order_id BIGINT NOT NULL REFERENCES sub_orders(id),"
              " number INTEGER NOT NULL,"
              " site TEXT NOT NULL,"
              " worker TEXT NOT NULL,"
              " fencing_token BIGINT NOT NULL,"
              " started_at BIGINT NOT NULL,"
              " ended_at BIGINT,"
              " outcome TEXT NOT NULL CHECK (outcome IN ('running','placed','retry',"
              "'needs_manual','interrupted')),"
              " failed_step TEXT NOT NULL DEFAULT '',"
              " reason TEXT NOT NULL DEFAULT '')"),
            L("CREATE INDEX placement_attempts_sub_order ON placement_attempts(sub_order_id, id)"),
            L("CREATE INDEX placement_attempts_started ON placement_attempts(started_at)"),
            L("CREATE TABLE placement_steps ("
              " id %ID%,"
              " attempt_id BIGINT NOT NULL REFERENCES placement_attempts(id),"
              " step TEXT NOT NULL,"
              " started_at BIGINT NOT NULL,"
              " ended_at BIGINT NOT NULL,"
              " outcome TEXT NOT NULL CHECK (outcome IN ('ok','failed','ambiguous')),"
              " http_status INTEGER NOT NULL DEFAULT 0,"
              " answer TEXT NOT NULL DEFAULT '',"
              " detail TEXT NOT NULL DEFAULT '')"),
            L("CREATE INDEX placement_steps_attempt ON placement_steps(attempt_id, id)"),
            // How to reach a site's order API and with which account (staff-managed).
            L("CREATE TABLE shop_accounts ("
              " site TEXT PRIMARY KEY,"
              " api_url TEXT NOT NULL,"
              " account TEXT NOT NULL,"
              " secret TEXT NOT NULL,"
              " enabled INTEGER NOT NULL DEFAULT 1,"
              " updated_by TEXT NOT NULL,"
              " updated_at BIGINT NOT NULL)"),
            // The seed's distributed lock: one holder per shop account at a time, until
            // expires_at; token grows with every grant, and every write a holder makes is
            // checked against it (fencing), so a holder whose lease ran out cannot write.
            L("CREATE TABLE shop_leases ("
              " site TEXT PRIMARY KEY,"
              " holder TEXT NOT NULL DEFAULT '',"
              " token BIGINT NOT NULL DEFAULT 0,"
              " expires_at BIGINT NOT NULL DEFAULT 0)"),
        },
        {},
        {},
    };
    // Refused payment notifications, refunds and staff actions are audited here.
    first.statements += auditlog::createStatements();
    first.sqliteOnly += auditlog::sqliteGuards();
    first.postgresOnly += auditlog::postgresGuards();
    // The cart also remembers whether each line was still listed when last seen, so that it
    // can say "unpublished" apart from "out of stock".
    Migration cartListed{2,
                         QStringLiteral("cart: whether a line was listed when last seen"),
                         {L("ALTER TABLE cart_items ADD COLUMN seen_listed INTEGER NOT NULL "
                            "DEFAULT 1")},
                         {},
                         {}};
    // Gateway and shop references must not repeat after a restore or a fresh data folder
    // (the gateway and the shops remember them for ever): a random prefix, renewed at every
    // start (orderstore::referencePrefix). Pending refunds keep their next try in the store,
    // so the retry job reads only due ones.
    Migration installation{
        3,
        QStringLiteral("orders: reference prefix, refund retry times"),
        {L("CREATE TABLE installation ("
           " id INTEGER PRIMARY KEY CHECK (id = 1),"
           " prefix TEXT NOT NULL)"),
         L("ALTER TABLE refunds ADD COLUMN next_attempt_at BIGINT NOT NULL DEFAULT 0"),
         L("CREATE INDEX refunds_due ON refunds(status, next_attempt_at, id)")},
        {},
        {}};
    // A 429/503 from a shop makes the site wait across restarts and instances: until
    // not_before no worker takes the site's lease.
    Migration leaseNotBefore{4,
                             QStringLiteral("shop leases: back-off after 429/503"),
                             {L("ALTER TABLE shop_leases ADD COLUMN not_before BIGINT NOT NULL "
                                "DEFAULT 0")},
                             {},
                             {}};
    // Logistics (issue 7): the quote's input as priced, so that a weighed parcel is priced
    // again with only its weight changed; and the fee adjustments that follow (one per
    // sub-order and kind), paid by a payment of their own or refunded.
    Migration adjustments{
        5,
        QStringLiteral("orders: quote input, fee adjustments"),
        {L("ALTER TABLE orders ADD COLUMN quote_input TEXT"),
         L("CREATE TABLE order_adjustments ("
           " id %ID%,"
           " order_id BIGINT NOT NULL REFERENCES orders(id),"
           " sub_order_id BIGINT NOT NULL REFERENCES sub_orders(id),"
           " kind TEXT NOT NULL CHECK (kind IN ('weight')),"
           " amount_minor BIGINT NOT NULL,"
           " currency TEXT NOT NULL,"
           " status TEXT NOT NULL CHECK (status IN ('due','paid','refund_pending','refunded',"
           "'refund_manual')),"
           " reason TEXT NOT NULL,"
           " priced_weight_g BIGINT NOT NULL,"
           " weighed_g BIGINT NOT NULL,"
           " before_minor BIGINT NOT NULL,"
           " after_minor BIGINT NOT NULL,"
           " payment_id BIGINT,"
           " refund_id BIGINT,"
           // what the automatic refund returns (positive); less than the amount: the rest
           // is refunded by hand (status refund_manual)
           " refunded_minor BIGINT NOT NULL DEFAULT 0,"
           " actor TEXT NOT NULL,"
           " request_key TEXT NOT NULL,"
           " created_at BIGINT NOT NULL,"
           " updated_at BIGINT NOT NULL,"
           " UNIQUE (sub_order_id, kind))"),
         L("CREATE INDEX order_adjustments_order ON order_adjustments(order_id, id)"),
         L("CREATE INDEX order_adjustments_payment ON order_adjustments(payment_id)"),
         L("CREATE INDEX order_adjustments_refund ON order_adjustments(refund_id)"),
         // The logistics discovery reads placed sub-orders by (status_changed_at, id) on
         // every tick (logisticsfeed.cpp).
         L("CREATE INDEX sub_orders_changed ON sub_orders(status_changed_at, id)")},
        {},
        {}};
    return {first, cartListed, installation, leaseNotBefore, adjustments};
}

} // namespace haitao::server::orders::schema
