#include "backend/orders/orderroutes.h"

#include "backend/http/actor.h"
#include "backend/http/fields.h"
#include "backend/http/paging.h"
#include "backend/http/query.h"
#include "backend/orders/orderjson.h"
#include "backend/orders/orderservice.h"
#include "backend/orders/orderstatus.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace haitao::server::orders {

namespace {

constexpr int kMaxLines = 50;
constexpr qint64 kMaxQuantity = 99;

// The Idempotency-Key: 1 to 255 printable ASCII characters (Stripe's rule), required.
QString idempotencyKey(const Request &r)
{
    const QString key = r.header(QStringLiteral("Idempotency-Key"));
    if (key.isEmpty())
        throw ApiError(ProblemKind::IdempotencyKeyMissing,
                       QStringLiteral("Send an Idempotency-Key header (a new random value per "
                                      "order, the same one when retrying it)"));
    const bool printable = std::all_of(
        key.begin(), key.end(), [](QChar c) { return c.unicode() >= 0x20 && c.unicode() <= 0x7e; });
    if (key.size() > 255 || !printable)
        throw ApiError::validation(
            {{QStringLiteral("Idempotency-Key"),
              QStringLiteral("must be 1 to 255 printable ASCII characters")}});
    return key;
}

// The same request, byte for byte after canonical JSON (keys sorted, compact), hashes the same.
QString requestHash(const QJsonObject &body)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(body).toJson(QJsonDocument::Compact),
                                 QCryptographicHash::Sha256)
            .toHex());
}

QJsonObject readAddress(Fields &f, const QJsonObject &body)
{
    const QJsonValue value = body.value(QStringLiteral("address"));
    if (!value.isObject()) {
        f.fail(QStringLiteral("address"),
               QStringLiteral("is required: name, phone, province, city, district, line1, "
                              "postcode"));
        return {};
    }
    const QJsonObject in = value.toObject();
    Fields a(in);
    a.onlyKnown({QStringLiteral("name"), QStringLiteral("phone"), QStringLiteral("province"),
                 QStringLiteral("city"), QStringLiteral("district"), QStringLiteral("line1"),
                 QStringLiteral("postcode"), QStringLiteral("email")});
    QJsonObject out;
    const auto required = [&](const char *name, int max) {
        out.insert(QLatin1String(name), a.requiredString(QLatin1String(name), 1, max).trimmed());
    };
    required("name", 100);
    required("phone", 32);
    required("province", 64);
    required("city", 64);
    // Municipalities have no district in some addresses.
    out.insert(QStringLiteral("district"),
               a.optionalString(QStringLiteral("district"), 0, 64).value_or(QString()).trimmed());
    required("line1", 200);
    required("postcode", 16);
    // Optional: where shipping notifications go by e-mail (logistics' outbox).
    if (const auto email = a.optionalString(QStringLiteral("email"), 3, 254)) {
        const QString e = email->trimmed();
        static const QRegularExpression shape(
            QStringLiteral("^[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\"]+$"));
        if (!shape.match(e).hasMatch())
            a.fail(QStringLiteral("email"), QStringLiteral("is not an e-mail address"));
        else
            out.insert(QStringLiteral("email"), e);
    }
    try {
        a.done();
    } catch (const ApiError &e) {
        for (const FieldProblem &p : e.errors)
            f.fail(QStringLiteral("address.") + p.field, p.message);
    }
    return out;
}

OrderRequest readOrderRequest(const QJsonObject &body)
{
    Fields f(body);
    f.onlyKnown({QStringLiteral("lines"), QStringLiteral("fromCart"), QStringLiteral("address"),
                 QStringLiteral("coupons")});
    OrderRequest request;
    request.fromCart = f.optionalBool(QStringLiteral("fromCart")).value_or(false);
    const QJsonValue lines = body.value(QStringLiteral("lines"));
    if (request.fromCart && !lines.isUndefined()) {
        f.fail(QStringLiteral("lines"), QStringLiteral("send lines or fromCart, not both"));
    } else if (!request.fromCart) {
        const QJsonArray array = lines.toArray();
        if (!lines.isArray() || array.isEmpty() || array.size() > kMaxLines)
            f.fail(QStringLiteral("lines"),
                   QStringLiteral("must be 1 to %1 lines of {skuId, quantity}, or send "
                                  "\"fromCart\": true")
                       .arg(kMaxLines));
        for (qsizetype i = 0; i < array.size() && i < kMaxLines; ++i) {
            const QJsonObject line = array.at(i).toObject();
            const QString at = QStringLiteral("lines[%1].").arg(i);
            const auto sku =
                f.integer(line.value(QStringLiteral("skuId")), at + QStringLiteral("skuId"), 1,
                          std::numeric_limits<qint32>::max());
            const auto quantity = f.integer(line.value(QStringLiteral("quantity")),
                                            at + QStringLiteral("quantity"), 1, kMaxQuantity);
            if (sku && quantity)
                request.lines.append(qMakePair(*sku, *quantity));
        }
    }
    request.address = readAddress(f, body);
    const QJsonValue coupons = body.value(QStringLiteral("coupons"));
    if (!coupons.isUndefined() && !coupons.isNull()) {
        const QJsonArray array = coupons.toArray();
        if (!coupons.isArray() || array.size() > 10)
            f.fail(QStringLiteral("coupons"), QStringLiteral("must be up to 10 coupon codes"));
        for (qsizetype i = 0; i < array.size() && i < 10; ++i) {
            const QString code = array.at(i).toString().trimmed();
            if (!array.at(i).isString() || code.isEmpty() || code.size() > 64)
                f.fail(QStringLiteral("coupons[%1]").arg(i),
                       QStringLiteral("must be a coupon code of 1 to 64 characters"));
            else
                request.coupons.append(code);
        }
    }
    f.done();
    return request;
}

// ?status= names an order status or a sub-order status (e.g. needs_manual); ?site=,
// ?customer= (user name), ?minAgeHours=, cursor and limit.
orderstore::OrderFilter readStaffFilter(const Request &r, qint64 nowMs)
{
    orderstore::OrderFilter f;
    const Paging paging = readPaging(r, 50, 200);
    f.beforeId = paging.cursor;
    f.limit = paging.limit;
    if (const QString s = r.query(QStringLiteral("status")); !s.isEmpty()) {
        if (orderStatusFromName(s))
            f.orderStatus = s;
        else if (subOrderStatusFromName(s))
            f.subOrderStatus = s;
        else
            throw badQuery(QStringLiteral("status"),
                           QStringLiteral("must be an order status (pending_payment, paid, "
                                          "completed, cancelled, expired) or a sub-order status "
                                          "(awaiting_placement, placing, placed, needs_manual, "
                                          "placed_manually)"));
    }
    f.site = r.query(QStringLiteral("site")).trimmed().toLower().left(100);
    f.customer = r.query(QStringLiteral("customer")).trimmed().left(64);
    if (const auto hours = queryInteger(r, QStringLiteral("minAgeHours"), -1, 0, 24 * 3650);
        hours >= 0)
        f.createdBeforeMs = nowMs - hours * 3600 * 1000;
    return f;
}

Response orderResponse(const Order &o, int status = 200)
{
    return Response::json(orderJson(o), status);
}

} // namespace

void addOrderRoutes(Router &router, OrderService &orders)
{
    const Access customer = Access::signedIn();
    const Access ops = Access::only({Role::Ops, Role::Admin});

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/cart"), customer, Body::None,
               [&orders](const Request &r) { return Response::json(orders.cart(r.user())); });

    router.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/cart/items/{skuId}"), customer,
               Body::Json, [&orders](const Request &r) {
                   const qint64 skuId = r.idParam(QStringLiteral("skuId"));
                   Fields f(r.body);
                   f.onlyKnown({QStringLiteral("quantity")});
                   const auto quantity = f.integer(r.body.value(QStringLiteral("quantity")),
                                                   QStringLiteral("quantity"), 0, kMaxQuantity);
                   f.done();
                   return Response::json(orders.setCartItem(r.user(), skuId, *quantity));
               });

    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/orders"), customer, Body::Json,
               [&orders](const Request &r) {
                   const QString key = idempotencyKey(r);
                   const OrderRequest request = readOrderRequest(r.body);
                   const OrderService::Placed placed =
                       orders.placeOrder(r.user(), request, key, requestHash(r.body));
                   Response resp = orderResponse(placed.order, 201);
                   resp.headers.append(
                       {"Location", "/api/v1/orders/" + QByteArray::number(placed.order.id)});
                   if (placed.replayed)
                       resp.headers.append(
                           {QByteArrayLiteral("Idempotent-Replayed"), QByteArrayLiteral("true")});
                   return resp;
               });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/orders"), customer, Body::None,
               [&orders](const Request &r) {
                   const Paging paging = readPaging(r, 20, 100);
                   return Response::json(
                       pageJson(orders.ownOrders(r.user(), paging),
                                [](const Order &o) { return orderJson(o, false); }));
               });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/orders/{id}"), customer, Body::None,
               [&orders](const Request &r) {
                   return orderResponse(orders.order(r.user(), r.idParam(QStringLiteral("id"))));
               });

    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/orders/{id}/payments"), customer,
               Body::None, [&orders](const Request &r) {
                   const PaymentStart p =
                       orders.createPayment(r.user(), r.idParam(QStringLiteral("id")));
                   return Response::json({{QStringLiteral("paymentId"), p.paymentId},
                                          {QStringLiteral("payUrl"), p.payUrl},
                                          {QStringLiteral("outTradeNo"), p.outTradeNo}},
                                         201);
               });

    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/orders/{id}/cancel"), customer,
               Body::Json, [&orders](const Request &r) {
                   Fields f(r.body);
                   f.onlyKnown({QStringLiteral("reason")});
                   const QString reason =
                       f.optionalString(QStringLiteral("reason"), 0, 500).value_or(QString());
                   f.done();
                   return orderResponse(
                       orders.cancel(r.user(), r.idParam(QStringLiteral("id")), reason.trimmed()));
               });

    // The gateway's server-to-server call: no user, the signature is the authentication.
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/payments/notify/{provider}"),
               Access::publicRoute(), Body::Signed, [&orders](const Request &r) {
                   const QString result = orders.notify(
                       r.pathParams.value(QStringLiteral("provider")), r.rawBody,
                       r.header(QStringLiteral("X-Signature")).toLatin1(), r.remoteAddress);
                   return Response::json({{QStringLiteral("result"), result}});
               });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/admin/orders"), ops, Body::None,
               [&orders](const Request &r) {
                   const orderstore::OrderFilter f = readStaffFilter(r, orders.config().clock());
                   return Response::json(pageJson(orders.listOrders(f), staffOrderRowJson));
               });

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/admin/orders/{id}"), ops, Body::None,
               [&orders](const Request &r) {
                   return Response::json(orders.staffOrder(r.idParam(QStringLiteral("id"))));
               });
}

} // namespace haitao::server::orders
