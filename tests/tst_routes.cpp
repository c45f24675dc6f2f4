// Default deny, checked over the whole route table: every route is called with no token, a
// customer's, an ops user's and an admin's, and must answer 401, 403 or 2xx as its access
// rule says. A route without a sample request below fails the test, so new routes get rows.
#include "backend/catalog/catalogservice.h"
#include "backend/http/router.h"
#include "backend/identity/identityservice.h"
#include "backend/logistics/alerts.h"
#include "backend/logistics/carriers.h"
#include "backend/logistics/logisticsservice.h"
#include "backend/logistics/outbox.h"
#include "backend/media/mediaservice.h"
#include "backend/orders/orderservice.h"
#include "backend/orders/orderstatus.h"
#include "backend/orders/paymentsignature.h"
#include "backend/orders/placementstore.h"
#include "backend/pricing/pricingservice.h"
#include "backend/translation/translationservice.h"
#include "sim/simserver.h"
#include "tests/support/logisticsseed.h"
#include "tests/support/syncclient.h"
#include "tests/support/testserver.h"

#include <QBuffer>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QSqlQuery>
#include <QTest>

using namespace haitao;
using haitao::testing::SyncClient;
using haitao::testing::TestServer;

namespace {

using Substitutions = QHash<QByteArray, QByteArray>;
using Setup = std::function<Substitutions(server::Server &)>;

struct Sample
{
    QString path; // {id}: an existing user; {n}: a fresh number per call
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers = {};
    // Puts the server in the state the call needs (e.g. a draft to edit) and names values
    // to substitute into the body and headers (e.g. {etag}).
    Setup setup = {};
};

// A draft exists; {etag} and {document} are its ETag and rule-set document.
Substitutions ensureDraft(server::Server &server)
{
    server::pricing::PricingService &pricing = server.pricing();
    auto draft = pricing.draft();
    if (!draft)
        draft = pricing.createDraft(server::Actor(), std::nullopt);
    return {{"{etag}", "\"r" + QByteArray::number(draft->revision) + '"'},
            {"{document}", QJsonDocument(draft->document).toJson(QJsonDocument::Compact)}};
}

Substitutions noDraft(server::Server &server)
{
    if (const auto draft = server.pricing().draft())
        server.pricing().discardDraft(server::Actor(), draft->revision);
    return {};
}

// A new imported product of its own: {pid}, {etag}, {import} (the import that made it).
Substitutions freshProduct(server::Server &server)
{
    static int counter = 0;
    const QByteArray sku = "ROUTE-" + QByteArray::number(++counter);
    QByteArray csv = "sku,title,price,currency\n" + sku + ",Route test item " + sku + ",9.99,USD\n";
    QBuffer buffer(&csv);
    buffer.open(QIODevice::ReadOnly);
    auto &catalog = server.catalog();
    const auto job =
        catalog.createImport(server::Actor(), QStringLiteral("routes.example"),
                             server::catalog::FeedFormat::Csv, QStringLiteral("file"), csv.size());
    catalog.runImport(job.id, buffer, server::catalog::FeedFormat::Csv,
                      server::catalog::FeedEncoding::Auto);
    server::catalog::ProductFilter filter;
    filter.search = QString::fromLatin1(sku);
    const auto product = catalog.listProducts(filter).items.value(0);
    return {{"{pid}", QByteArray::number(product.id)},
            {"{etag}", "\"v" + QByteArray::number(product.version) + '"'},
            {"{import}", QByteArray::number(job.id)}};
}

// An import that was created but not run yet, so that it can still be cancelled: {import}.
Substitutions queuedImport(server::Server &server)
{
    const auto job =
        server.catalog().createImport(server::Actor(), QStringLiteral("routes.example"),
                                      server::catalog::FeedFormat::Csv, QStringLiteral("file"), 0);
    return {{"{import}", QByteArray::number(job.id)}};
}

// haitao-sim's origin, the one host the test server may fetch from: {shop}.
Substitutions simShop(server::Server &server)
{
    return {{"{shop}", "http://" + server.config().fetchAllowHosts.value(0).toUtf8()}};
}

// An image fetched from haitao-sim and stored: {sha}.
Substitutions storedImage(server::Server &server)
{
    const QString url = QStringLiteral("http://%1/shop/us/images/routes.gif")
                            .arg(server.config().fetchAllowHosts.value(0));
    server.media().enqueue({url});
    auto record = server.media().record(url);
    if (record && record->state != QLatin1String("fetched"))
        record = server.media().fetch(*record); // the worker may be at it too: same bytes
    return {{"{sha}", record ? record->sha256.toUtf8() : QByteArray()}};
}

// A new glossary entry of its own: {gid}, {getag}.
Substitutions freshGlossaryEntry(server::Server &server)
{
    static int counter = 0;
    server::translation::GlossaryEntry e;
    e.term = QStringLiteral("route entry %1").arg(++counter);
    e.translation = QStringLiteral("词条");
    e = server.translation().createEntry(server::Actor(), e);
    return {{"{gid}", QByteArray::number(e.id)},
            {"{getag}", "\"g" + QByteArray::number(e.version) + '"'}};
}

// A published demo product: {published}.
Substitutions publishedProduct(server::Server &server)
{
    server::catalog::ProductFilter filter;
    filter.limit = 1;
    const auto page = server.catalog().listPublished(filter);
    return {{"{published}", QByteArray::number(page.items.value(0).id)}};
}

// Who is calling the sample now: orders are the caller's own.
QString g_caller;

// The current caller (the customer for anonymous calls) as the services see it.
server::Principal callerPrincipal(server::Server &server)
{
    const auto user =
        server.identity().userNamed(g_caller.isEmpty() ? QStringLiteral("customer") : g_caller);
    server::Principal principal;
    principal.userId = user->id;
    principal.username = user->username;
    principal.role = user->role;
    return principal;
}

// An order of the current caller (the customer for anonymous calls), waiting for payment:
// {order}, {sku} (a published SKU), {key} (an Idempotency-Key not used yet).
Substitutions ownOrder(server::Server &server)
{
    static int counter = 0;
    server::catalog::ProductFilter filter;
    filter.limit = 1;
    const auto published = server.catalog().listPublished(filter).items.value(0);
    const qint64 sku = server.catalog().publishedProduct(published.id).skus.value(0).id;
    const server::Principal principal = callerPrincipal(server);
    server::orders::OrderRequest request;
    request.lines = {{sku, 1}};
    request.address = {{QStringLiteral("name"), QStringLiteral("Route")}};
    const QString key = QStringLiteral("routes-%1").arg(++counter);
    const auto placed = server.orders().placeOrder(principal, request, key, key);
    return {{"{order}", QByteArray::number(placed.order.id)},
            {"{sku}", QByteArray::number(sku)},
            {"{key}", "sample-" + key.toUtf8()}};
}

// A payment waiting at the gateway and its signed "paid" notification: {notification}, {sig}.
Substitutions signedNotification(server::Server &server)
{
    const QByteArray order = ownOrder(server).value("{order}");
    const server::Principal principal = callerPrincipal(server);
    const auto payment = server.orders().createPayment(principal, order.toLongLong());
    const auto o = server.orders().order(principal, order.toLongLong());
    const QByteArray body =
        QJsonDocument(
            QJsonObject{{QStringLiteral("provider"), QStringLiteral("simpay")},
                        {QStringLiteral("notifyId"), QStringLiteral("R") + payment.outTradeNo},
                        {QStringLiteral("paymentId"), payment.paymentId},
                        {QStringLiteral("outTradeNo"), payment.outTradeNo},
                        {QStringLiteral("amount"), o.total.toJson()},
                        {QStringLiteral("status"), QStringLiteral("paid")},
                        {QStringLiteral("paidAt"), QStringLiteral("2026-11-25T10:00:00Z")}})
            .toJson(QJsonDocument::Compact);
    return {
        {"{notification}", body},
        {"{sig}", server::orders::paymentSignature(server.config().paymentSecret.toUtf8(), body)}};
}

// A shipment with a dpost shop leg, made directly in the store: {shipment}.
Substitutions aShipment(server::Server &server)
{
    static int counter = 0;
    const QString number = QStringLiteral("RT%1").arg(++counter);
    testing::seedShipments(server.logistics(), QStringLiteral("dpost"), {number},
                           8000000 + counter);
    server::logistics::ShipmentQuery q;
    q.q = number;
    const QJsonObject page = server.logistics().shipments(q);
    const qint64 id = page.value(QStringLiteral("items"))
                          .toArray()
                          .at(0)
                          .toObject()
                          .value(QStringLiteral("id"))
                          .toInteger();
    return {{"{shipment}", QByteArray::number(id)}};
}

// An open exception alert on a fresh shipment: {alert}.
Substitutions anAlert(server::Server &server)
{
    const qint64 shipment = aShipment(server).value("{shipment}").toLongLong();
    qint64 id = 0;
    server.logistics().database().write([&](QSqlDatabase &db) {
        server::logistics::alerts::raise(db, shipment, 1, QStringLiteral("amazon.com"),
                                         QStringLiteral("exception"), QStringLiteral("route test"),
                                         server.config().clock());
        server::logistics::alerts::Filter f;
        f.shipmentId = shipment;
        id = server::logistics::alerts::list(db, f).items.value(0).id;
    });
    return {{"{alert}", QByteArray::number(id)}};
}

// A failed SMS notification of a fresh shipment: {notification}.
Substitutions aFailedNotification(server::Server &server)
{
    const qint64 shipment = aShipment(server).value("{shipment}").toLongLong();
    qint64 id = 0;
    server.logistics().database().write([&](QSqlDatabase &db) {
        server::logistics::OutboxMessage m;
        m.shipmentId = shipment;
        m.orderId = 1;
        m.kind = QStringLiteral("shipped");
        m.channel = QStringLiteral("sms");
        m.recipient = QStringLiteral("13800138000");
        m.subject = QStringLiteral("route test");
        m.body = QStringLiteral("route test");
        const qint64 now = server.config().clock();
        server::logistics::outbox::add(db, m, now);
        server::logistics::outbox::Filter f;
        f.shipmentId = shipment;
        id = server::logistics::outbox::list(db, f).items.value(0).id;
        server::logistics::outbox::markFailed(db, id, QStringLiteral("route test"), std::nullopt,
                                              now);
    });
    return {{"{notification}", QByteArray::number(id)}};
}

// A shipment of a real (unpaid) order's sub-order with a dpost shop leg: {shipment}.
Substitutions receivableShipment(server::Server &server)
{
    static int counter = 0;
    const qint64 orderId = ownOrder(server).value("{order}").toLongLong();
    const qint64 subOrderId =
        server.orders().order(callerPrincipal(server), orderId).subOrders.value(0).id;
    const QString number = QStringLiteral("RCV%1").arg(++counter);
    testing::seedShipments(server.logistics(), QStringLiteral("dpost"), {number}, subOrderId);
    server::logistics::ShipmentQuery q;
    q.q = number;
    const qint64 id = server.logistics()
                          .shipments(q)
                          .value(QStringLiteral("items"))
                          .toArray()
                          .at(0)
                          .toObject()
                          .value(QStringLiteral("id"))
                          .toInteger();
    return {{"{shipment}", QByteArray::number(id)}};
}

// The same, received at the warehouse, with intlexpress at the sim: {shipment}.
Substitutions receivedShipment(server::Server &server)
{
    const Substitutions s = receivableShipment(server);
    SyncClient admin(QUrl(server.url()));
    const QString error =
        admin.login(QStringLiteral("admin"), QStringLiteral("admin-test-password"));
    if (!error.isEmpty())
        qWarning("admin login: %s", qPrintable(error));
    QString sim = server.config().paymentUrl;
    sim.chop(4); // "/pay"
    const QList<QPair<QByteArray, QByteArray>> json{{"Content-Type", "application/json"}};
    admin.raw(
        "PUT", QStringLiteral("/api/v1/logistics/carriers/intlexpress"),
        QJsonDocument(
            QJsonObject{{QStringLiteral("name"), QStringLiteral("Intl Express")},
                        {QStringLiteral("protocol"), QStringLiteral("intl_webhook")},
                        {QStringLiteral("baseUrl"), sim + QStringLiteral("/carrier/intlexpress")}})
            .toJson(QJsonDocument::Compact),
        json);
    const auto r =
        admin.raw("POST", QStringLiteral("/api/v1/logistics/receiving"),
                  "{\"shipmentId\":" + s.value("{shipment}") + ",\"weightG\":500}", json);
    if (r.status != 201)
        qWarning("receive: %d %s", r.status, r.body.constData());
    return s;
}

// A webhook body for intlexpress signed with the carrier's secret (set here):
// {webhook}, {wts}, {wsig}.
Substitutions signedWebhook(server::Server &server)
{
    static int counter = 0;
    const QByteArray secret = "route-webhook-secret-0123456789abcdef";
    server.logistics().database().write([&](QSqlDatabase &db) {
        server::logistics::carriers::setWebhook(db, QStringLiteral("intlexpress"),
                                                QStringLiteral("wh_routes"),
                                                QString::fromLatin1(secret));
    });
    const QByteArray body =
        QJsonDocument(
            QJsonObject{
                {QStringLiteral("carrier"), QStringLiteral("intlexpress")},
                {QStringLiteral("trackingNumber"), QStringLiteral("IEROUTES1CN")},
                {QStringLiteral("event"),
                 QJsonObject{{QStringLiteral("id"), QStringLiteral("r%1").arg(++counter)},
                             {QStringLiteral("time"), QStringLiteral("2026-11-25T10:00:00Z")},
                             {QStringLiteral("location"), QStringLiteral("Frankfurt")},
                             {QStringLiteral("code"), QStringLiteral("ACCEPTED")},
                             {QStringLiteral("text"), QStringLiteral("accepted")}}}})
            .toJson(QJsonDocument::Compact);
    const QByteArray ts = QByteArray::number(QDateTime::currentSecsSinceEpoch());
    return {{"{webhook}", body},
            {"{wts}", ts},
            {"{wsig}",
             QMessageAuthenticationCode::hash(ts + '.' + body, secret, QCryptographicHash::Sha256)
                 .toHex()}};
}

// A sub-order of a paid order in the manual queue, claimed by the current caller: {sub}.
Substitutions queuedSubOrder(server::Server &server)
{
    namespace o = server::orders;
    const QString caller = g_caller;
    g_caller = QStringLiteral("customer");
    const qint64 orderId = ownOrder(server).value("{order}").toLongLong();
    g_caller = caller;
    qint64 sub = 0;
    server.orders().database().write([&](QSqlDatabase &db) {
        const qint64 at = QDateTime::currentMSecsSinceEpoch();
        o::changeOrder(db, {orderId, OrderStatus::PendingPayment, OrderStatus::Paid,
                            QStringLiteral("routes"), QStringLiteral("paid"), at});
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT id FROM sub_orders WHERE order_id = :id"));
        q.bindValue(QStringLiteral(":id"), orderId);
        q.exec();
        q.next();
        sub = q.value(0).toLongLong();
        q.finish();
        o::changeSubOrder(db, {sub, orderId, SubOrderStatus::PendingPayment,
                               SubOrderStatus::AwaitingPlacement, QStringLiteral("routes"),
                               QStringLiteral("paid"), at});
        o::changeSubOrder(db, {sub, orderId, SubOrderStatus::AwaitingPlacement,
                               SubOrderStatus::NeedsManual, QStringLiteral("routes"),
                               QStringLiteral("route test"), at});
        o::placementstore::setClaim(db, sub, caller, at, at);
    });
    return {{"{sub}", QByteArray::number(sub)}};
}

const QByteArray kCart =
    R"({"lines":[{"site":"amazon.com","price":{"minor":1999,"currency":"USD"},)"
    R"("quantity":1,"weightG":500}]})";

// One valid request per route. {password} is the caller's own password.
const QHash<QString, Sample> kSamples = {
    {QStringLiteral("GET /healthz"), {QStringLiteral("/healthz"), {}}},
    {QStringLiteral("GET /readyz"), {QStringLiteral("/readyz"), {}}},
    {QStringLiteral("GET /metrics"), {QStringLiteral("/metrics"), {}}},
    {QStringLiteral("POST /api/v1/auth/register"),
     {QStringLiteral("/api/v1/auth/register"), R"({"username":"new{n}","password":"a password"})"}},
    {QStringLiteral("POST /api/v1/auth/login"),
     {QStringLiteral("/api/v1/auth/login"),
      R"({"username":"customer","password":"customer password"})"}},
    {QStringLiteral("POST /api/v1/auth/logout"), {QStringLiteral("/api/v1/auth/logout"), {}}},
    {QStringLiteral("GET /api/v1/auth/me"), {QStringLiteral("/api/v1/auth/me"), {}}},
    {QStringLiteral("POST /api/v1/auth/password"),
     {QStringLiteral("/api/v1/auth/password"),
      R"({"currentPassword":"{password}","newPassword":"{password}"})"}},
    {QStringLiteral("GET /api/v1/admin/users"), {QStringLiteral("/api/v1/admin/users"), {}}},
    {QStringLiteral("POST /api/v1/admin/users"),
     {QStringLiteral("/api/v1/admin/users"),
      R"({"username":"staff{n}","role":"ops","password":"a password"})"}},
    {QStringLiteral("GET /api/v1/admin/users/{id}"),
     {QStringLiteral("/api/v1/admin/users/{id}"), {}}},
    {QStringLiteral("PATCH /api/v1/admin/users/{id}"),
     {QStringLiteral("/api/v1/admin/users/{id}"), R"({"displayName":"Renamed {n}"})"}},
    {QStringLiteral("GET /api/v1/admin/audit"), {QStringLiteral("/api/v1/admin/audit"), {}}},
    {QStringLiteral("POST /api/v1/quotes"), {QStringLiteral("/api/v1/quotes"), kCart}},
    {QStringLiteral("POST /api/v1/quotes/simulate"),
     {QStringLiteral("/api/v1/quotes/simulate"), kCart, {}, ensureDraft}},
    {QStringLiteral("GET /api/v1/pricing/rulesets"),
     {QStringLiteral("/api/v1/pricing/rulesets"), {}}},
    {QStringLiteral("GET /api/v1/pricing/rulesets/{version}"),
     {QStringLiteral("/api/v1/pricing/rulesets/1"), {}}},
    {QStringLiteral("GET /api/v1/pricing/draft"),
     {QStringLiteral("/api/v1/pricing/draft"), {}, {}, ensureDraft}},
    {QStringLiteral("POST /api/v1/pricing/draft"),
     {QStringLiteral("/api/v1/pricing/draft"), "{}", {}, noDraft}},
    {QStringLiteral("PUT /api/v1/pricing/draft"),
     {QStringLiteral("/api/v1/pricing/draft"),
      R"({"document":{document}})",
      {{"If-Match", "{etag}"}},
      ensureDraft}},
    {QStringLiteral("DELETE /api/v1/pricing/draft"),
     {QStringLiteral("/api/v1/pricing/draft"), {}, {{"If-Match", "{etag}"}}, ensureDraft}},
    {QStringLiteral("GET /api/v1/pricing/draft/diff"),
     {QStringLiteral("/api/v1/pricing/draft/diff"), {}, {}, ensureDraft}},
    {QStringLiteral("POST /api/v1/pricing/draft/publish"),
     {QStringLiteral("/api/v1/pricing/draft/publish"),
      "{}",
      {{"If-Match", "{etag}"}},
      ensureDraft}},
    {QStringLiteral("GET /api/v1/pricing/audit"), {QStringLiteral("/api/v1/pricing/audit"), {}}},
    {QStringLiteral("GET /api/v1/fx/rates"), {QStringLiteral("/api/v1/fx/rates"), {}}},
    {QStringLiteral("GET /api/v1/fx/rates/{currency}/history"),
     {QStringLiteral("/api/v1/fx/rates/USD/history"), {}}},
    {QStringLiteral("POST /api/v1/fx/rates"),
     {QStringLiteral("/api/v1/fx/rates"),
      R"({"currency":"USD","rate":"7.1","markupPercent":"1"})"}},
    {QStringLiteral("POST /api/v1/fx/fetch"), {QStringLiteral("/api/v1/fx/fetch"), {}}},
    {QStringLiteral("POST /api/v1/catalog/imports"),
     {QStringLiteral("/api/v1/catalog/imports?site=routes.example&format=csv"),
      "sku,title,price,currency\nR-UP-{n},Uploaded {n},1.00,USD\n",
      {{"Content-Type", "text/csv"}}}},
    {QStringLiteral("POST /api/v1/catalog/imports/url"),
     {QStringLiteral("/api/v1/catalog/imports/url"),
      R"({"url":"{shop}/shop/us/products/1001"})",
      {},
      simShop}},
    {QStringLiteral("GET /api/v1/catalog/imports/{id}"),
     {QStringLiteral("/api/v1/catalog/imports/{import}"), {}, {}, freshProduct}},
    {QStringLiteral("POST /api/v1/catalog/imports/{id}/cancel"),
     {QStringLiteral("/api/v1/catalog/imports/{import}/cancel"), {}, {}, queuedImport}},
    {QStringLiteral("GET /api/v1/catalog/products"),
     {QStringLiteral("/api/v1/catalog/products"), {}}},
    {QStringLiteral("GET /api/v1/catalog/products/{id}"),
     {QStringLiteral("/api/v1/catalog/products/{pid}"), {}, {}, freshProduct}},
    {QStringLiteral("PUT /api/v1/catalog/products/{id}/listing"),
     {QStringLiteral("/api/v1/catalog/products/{pid}/listing"),
      R"({"titleZh":"测试"})",
      {{"If-Match", "{etag}"}},
      freshProduct}},
    {QStringLiteral("POST /api/v1/catalog/products/{id}/transitions"),
     {QStringLiteral("/api/v1/catalog/products/{pid}/transitions"),
      R"({"to":"in_translation"})",
      {{"If-Match", "{etag}"}},
      freshProduct}},
    {QStringLiteral("GET /api/v1/catalog/products/{id}/events"),
     {QStringLiteral("/api/v1/catalog/products/{pid}/events"), {}, {}, freshProduct}},
    {QStringLiteral("POST /api/v1/catalog/price-refresh"),
     {QStringLiteral("/api/v1/catalog/price-refresh"),
      R"({"productIds":[{pid}]})",
      {},
      freshProduct}},
    {QStringLiteral("GET /api/v1/catalog/products/{id}/prices"),
     {QStringLiteral("/api/v1/catalog/products/{pid}/prices"), {}, {}, freshProduct}},
    {QStringLiteral("GET /api/v1/images/{sha256}"),
     {QStringLiteral("/api/v1/images/{sha}"), {}, {}, storedImage}},
    {QStringLiteral("GET /api/v1/catalog/products/counts"),
     {QStringLiteral("/api/v1/catalog/products/counts?q=route"), {}}},
    {QStringLiteral("POST /api/v1/catalog/products/bulk"),
     {QStringLiteral("/api/v1/catalog/products/bulk"),
      R"({"ids":[{pid}],"action":"transition","to":"in_translation"})",
      {},
      freshProduct}},
    {QStringLiteral("PUT /api/v1/catalog/products/{id}/assignee"),
     {QStringLiteral("/api/v1/catalog/products/{pid}/assignee"),
      R"({"assignee":"translatoruser"})",
      {{"If-Match", "{etag}"}},
      freshProduct}},
    {QStringLiteral("GET /api/v1/catalog/glossary"),
     {QStringLiteral("/api/v1/catalog/glossary?source=en&target=zh"), {}}},
    {QStringLiteral("POST /api/v1/catalog/glossary"),
     {QStringLiteral("/api/v1/catalog/glossary"),
      R"({"term":"route term {n}","translation":"词"})"}},
    {QStringLiteral("GET /api/v1/catalog/glossary/export"),
     {QStringLiteral("/api/v1/catalog/glossary/export"), {}}},
    {QStringLiteral("POST /api/v1/catalog/glossary/import"),
     {QStringLiteral("/api/v1/catalog/glossary/import?source=en&target=zh"),
      "term,translation\nimported {n},词\n",
      {{"Content-Type", "text/csv"}}}},
    {QStringLiteral("GET /api/v1/catalog/glossary/match"),
     {QStringLiteral("/api/v1/catalog/glossary/match?text=cotton%20tee"), {}}},
    {QStringLiteral("PUT /api/v1/catalog/glossary/{id}"),
     {QStringLiteral("/api/v1/catalog/glossary/{gid}"),
      R"({"term":"edited {n}","translation":"词"})",
      {{"If-Match", "{getag}"}},
      freshGlossaryEntry}},
    {QStringLiteral("DELETE /api/v1/catalog/glossary/{id}"),
     {QStringLiteral("/api/v1/catalog/glossary/{gid}"),
      {},
      {{"If-Match", "{getag}"}},
      freshGlossaryEntry}},
    {QStringLiteral("GET /api/v1/catalog/tm"),
     {QStringLiteral("/api/v1/catalog/tm?source=en&target=zh&text=cotton"), {}}},
    {QStringLiteral("POST /api/v1/catalog/mt"),
     {QStringLiteral("/api/v1/catalog/mt"), R"({"texts":["organic cotton"]})"}},
    {QStringLiteral("GET /api/v1/products"), {QStringLiteral("/api/v1/products"), {}}},
    {QStringLiteral("GET /api/v1/cart"), {QStringLiteral("/api/v1/cart"), {}}},
    {QStringLiteral("PUT /api/v1/cart/items/{skuId}"),
     {QStringLiteral("/api/v1/cart/items/{sku}"), R"({"quantity":1})", {}, ownOrder}},
    {QStringLiteral("POST /api/v1/orders"),
     {QStringLiteral("/api/v1/orders"),
      R"({"lines":[{"skuId":{sku},"quantity":1}],"address":{"name":"R","phone":"1",)"
      R"("province":"P","city":"C","line1":"L","postcode":"1"}})",
      {{"Idempotency-Key", "{key}"}},
      ownOrder}},
    {QStringLiteral("GET /api/v1/orders"), {QStringLiteral("/api/v1/orders"), {}}},
    {QStringLiteral("GET /api/v1/orders/{id}"),
     {QStringLiteral("/api/v1/orders/{order}"), {}, {}, ownOrder}},
    {QStringLiteral("POST /api/v1/orders/{id}/payments"),
     {QStringLiteral("/api/v1/orders/{order}/payments"), {}, {}, ownOrder}},
    {QStringLiteral("POST /api/v1/orders/{id}/cancel"),
     {QStringLiteral("/api/v1/orders/{order}/cancel"), "{}", {}, ownOrder}},
    {QStringLiteral("POST /api/v1/payments/notify/{provider}"),
     {QStringLiteral("/api/v1/payments/notify/simpay"),
      "{notification}",
      {{"X-Signature", "{sig}"}},
      signedNotification}},
    {QStringLiteral("GET /api/v1/admin/orders"), {QStringLiteral("/api/v1/admin/orders"), {}}},
    {QStringLiteral("GET /api/v1/admin/orders/{id}"),
     {QStringLiteral("/api/v1/admin/orders/{order}"), {}, {}, ownOrder}},
    {QStringLiteral("GET /api/v1/admin/shop-accounts"),
     {QStringLiteral("/api/v1/admin/shop-accounts"), {}}},
    {QStringLiteral("PUT /api/v1/admin/shop-accounts/{site}"),
     {QStringLiteral("/api/v1/admin/shop-accounts/route-{n}.example"),
      R"({"apiUrl":"http://127.0.0.1:9/merchant/x","account":"a","secret":"s","enabled":false})"}},
    {QStringLiteral("GET /api/v1/admin/placements"),
     {QStringLiteral("/api/v1/admin/placements?status=needs_manual"), {}}},
    {QStringLiteral("GET /api/v1/admin/placements/counts"),
     {QStringLiteral("/api/v1/admin/placements/counts"), {}}},
    {QStringLiteral("GET /api/v1/admin/placements/stats"),
     {QStringLiteral("/api/v1/admin/placements/stats?days=7"), {}}},
    {QStringLiteral("GET /api/v1/admin/sub-orders/{id}"),
     {QStringLiteral("/api/v1/admin/sub-orders/{sub}"), {}, {}, queuedSubOrder}},
    {QStringLiteral("POST /api/v1/admin/sub-orders/{id}/claim"),
     {QStringLiteral("/api/v1/admin/sub-orders/{sub}/claim"), {}, {}, queuedSubOrder}},
    {QStringLiteral("POST /api/v1/admin/sub-orders/{id}/release"),
     {QStringLiteral("/api/v1/admin/sub-orders/{sub}/release"), {}, {}, queuedSubOrder}},
    {QStringLiteral("POST /api/v1/admin/sub-orders/{id}/manual-placement"),
     {QStringLiteral("/api/v1/admin/sub-orders/{sub}/manual-placement"),
      R"({"merchantOrderId":"M-{n}","paid":{"minor":100,"currency":"JPY"}})",
      {},
      queuedSubOrder}},
    {QStringLiteral("POST /api/v1/admin/sub-orders/{id}/retry-auto"),
     {QStringLiteral("/api/v1/admin/sub-orders/{sub}/retry-auto"), {}, {}, queuedSubOrder}},
    {QStringLiteral("POST /api/v1/admin/sub-orders/{id}/cancel"),
     {QStringLiteral("/api/v1/admin/sub-orders/{sub}/cancel"),
      R"({"reason":"route test"})",
      {},
      queuedSubOrder}},
    {QStringLiteral("GET /api/v1/products/{id}"),
     {QStringLiteral("/api/v1/products/{published}"), {}, {}, publishedProduct}},
    {QStringLiteral("GET /api/v1/orders/{id}/tracking"),
     {QStringLiteral("/api/v1/orders/{order}/tracking"), {}, {}, ownOrder}},
    {QStringLiteral("GET /api/v1/logistics/shipments"),
     {QStringLiteral("/api/v1/logistics/shipments?status=in_transit&quietDays=2"), {}}},
    {QStringLiteral("GET /api/v1/logistics/shipments/counts"),
     {QStringLiteral("/api/v1/logistics/shipments/counts"), {}}},
    {QStringLiteral("GET /api/v1/logistics/shipments/{id}"),
     {QStringLiteral("/api/v1/logistics/shipments/{shipment}"), {}, {}, aShipment}},
    {QStringLiteral("POST /api/v1/logistics/shipments/{id}/checkpoints"),
     {QStringLiteral("/api/v1/logistics/shipments/{shipment}/checkpoints"),
      R"({"status":"in_transit","reason":"route test"})",
      {},
      aShipment}},
    {QStringLiteral("PUT /api/v1/logistics/shipments/{id}/legs/{kind}"),
     {QStringLiteral("/api/v1/logistics/shipments/{shipment}/legs/shop"),
      R"({"carrier":"dpost","trackingNumber":"RTLEG{n}","reason":"route test"})",
      {},
      aShipment}},
    {QStringLiteral("GET /api/v1/logistics/carriers"),
     {QStringLiteral("/api/v1/logistics/carriers"), {}}},
    {QStringLiteral("PUT /api/v1/logistics/carriers/{code}"),
     {QStringLiteral("/api/v1/logistics/carriers/route{n}"),
      R"({"name":"Route {n}","protocol":"none"})"}},
    {QStringLiteral("GET /api/v1/logistics/mappings"),
     {QStringLiteral("/api/v1/logistics/mappings?carrier=swiftpost"), {}}},
    {QStringLiteral("GET /api/v1/logistics/mappings/unmapped"),
     {QStringLiteral("/api/v1/logistics/mappings/unmapped"), {}}},
    {QStringLiteral("PUT /api/v1/logistics/mappings/{carrier}/{rawStatus}"),
     {QStringLiteral("/api/v1/logistics/mappings/swiftpost/LABEL"),
      R"({"status":"info_received"})"}},
    {QStringLiteral("POST /api/v1/logistics/webhooks/{carrier}"),
     {QStringLiteral("/api/v1/logistics/webhooks/intlexpress"),
      "{webhook}",
      {{"X-Carrier-Timestamp", "{wts}"}, {"X-Carrier-Signature", "{wsig}"}},
      signedWebhook}},
    {QStringLiteral("GET /api/v1/logistics/alerts"),
     {QStringLiteral("/api/v1/logistics/alerts?state=open&kind=quiet&limit=5"), {}}},
    {QStringLiteral("GET /api/v1/logistics/alerts/counts"),
     {QStringLiteral("/api/v1/logistics/alerts/counts"), {}}},
    {QStringLiteral("POST /api/v1/logistics/alerts/{id}/acknowledge"),
     {QStringLiteral("/api/v1/logistics/alerts/{alert}/acknowledge"), {}, {}, anAlert}},
    {QStringLiteral("POST /api/v1/logistics/alerts/{id}/resolve"),
     {QStringLiteral("/api/v1/logistics/alerts/{alert}/resolve"),
      R"({"note":"route test"})",
      {},
      anAlert}},
    {QStringLiteral("GET /api/v1/logistics/notifications"),
     {QStringLiteral("/api/v1/logistics/notifications?status=failed"), {}}},
    {QStringLiteral("POST /api/v1/logistics/notifications/{id}/retry"),
     {QStringLiteral("/api/v1/logistics/notifications/{notification}/retry"),
      {},
      {},
      aFailedNotification}},
    {QStringLiteral("GET /api/v1/logistics/stats"),
     {QStringLiteral("/api/v1/logistics/stats?days=7"), {}}},
    {QStringLiteral("GET /api/v1/logistics/receiving/lookup"),
     {QStringLiteral("/api/v1/logistics/receiving/lookup?scan=nothing%20{n}"), {}}},
    {QStringLiteral("POST /api/v1/logistics/receiving/preview"),
     {QStringLiteral("/api/v1/logistics/receiving/preview"),
      R"({"shipmentId":{shipment},"weightG":900})",
      {},
      receivableShipment}},
    {QStringLiteral("POST /api/v1/logistics/receiving"),
     {QStringLiteral("/api/v1/logistics/receiving"),
      R"({"shipmentId":{shipment},"weightG":900})",
      {},
      receivableShipment}},
    {QStringLiteral("GET /api/v1/logistics/receiving/ready"),
     {QStringLiteral("/api/v1/logistics/receiving/ready"), {}}},
    {QStringLiteral("POST /api/v1/logistics/parcels"),
     {QStringLiteral("/api/v1/logistics/parcels"),
      R"({"shipmentIds":[{shipment}]})",
      {},
      receivedShipment}},
};

struct Caller
{
    const char *name;
    std::optional<Role> role; // nullopt: no token
    const char *username;
    const char *password;
};

const Caller kCallers[] = {
    {"anonymous", std::nullopt, "", ""},
    {"customer", Role::Customer, "customer", "customer password"},
    {"ops", Role::Ops, "opsuser", "ops password"},
    {"translator", Role::Translator, "translatoruser", "translator password"},
    {"admin", Role::Admin, "admin", "admin-test-password"},
};

} // namespace

class TstRoutes : public QObject
{
    Q_OBJECT

    std::unique_ptr<sim::SimServer> m_sim;
    std::unique_ptr<TestServer> m_server;
    qint64 m_targetId = 0;
    int m_counter = 0;

private slots:
    void initTestCase()
    {
        m_sim = std::make_unique<sim::SimServer>();
        QString error;
        QVERIFY2(m_sim->start(QStringLiteral("127.0.0.1"), 0, &error), qPrintable(error));
        server::Config config;
        config.fxEcbUrl =
            QStringLiteral("http://127.0.0.1:%1/fx/eurofxref-daily.xml").arg(m_sim->port());
        config.fxFetchHours = 0;
        config.fetchAllowHosts = {QStringLiteral("127.0.0.1:%1").arg(m_sim->port())};
        config.mtUrl = QStringLiteral("http://127.0.0.1:%1/mt/translate").arg(m_sim->port());
        config.paymentUrl = QStringLiteral("http://127.0.0.1:%1/pay").arg(m_sim->port());
        config.paymentSecret = QStringLiteral("sim-pay-demo-secret");
        m_server = std::make_unique<TestServer>(config);
        QVERIFY(m_server->start());
        QVERIFY(m_server->server().pricing().seedDemo());
        QVERIFY(m_server->server().catalog().seedDemo());
        m_server->createUser(QStringLiteral("customer"), QStringLiteral("customer password"),
                             Role::Customer);
        m_server->createUser(QStringLiteral("opsuser"), QStringLiteral("ops password"), Role::Ops);
        m_server->createUser(QStringLiteral("translatoruser"),
                             QStringLiteral("translator password"), Role::Translator);
        m_targetId = m_server->createUser(QStringLiteral("target"),
                                          QStringLiteral("target password"), Role::Ops);
    }

    void cleanupTestCase()
    {
        m_server.reset();
        if (m_sim)
            m_sim->stop();
    }

    void everyRouteHasASample()
    {
        QStringList missing;
        for (const server::Route &r : m_server->server().router().routes()) {
            if (!kSamples.contains(r.method + QLatin1Char(' ') + r.pattern))
                missing << r.method + QLatin1Char(' ') + r.pattern;
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
    }

    void accessIsEnforced_data()
    {
        QTest::addColumn<int>("routeIndex");
        QTest::addColumn<int>("callerIndex");
        const auto &routes = m_server->server().router().routes();
        for (int r = 0; r < routes.size(); ++r) {
            for (int c = 0; c < int(std::size(kCallers)); ++c) {
                QTest::addRow("%s %s as %s", qPrintable(routes.at(r).method),
                              qPrintable(routes.at(r).pattern), kCallers[c].name)
                    << r << c;
            }
        }
    }

    void accessIsEnforced()
    {
        QFETCH(int, routeIndex);
        QFETCH(int, callerIndex);
        const server::Route &route = m_server->server().router().routes().at(routeIndex);
        const Caller &caller = kCallers[callerIndex];
        const Sample sample = kSamples.value(route.method + QLatin1Char(' ') + route.pattern);
        QVERIFY(!sample.path.isEmpty());

        SyncClient c(m_server->url());
        if (caller.role) {
            const QString error =
                c.login(QString::fromLatin1(caller.username), QString::fromLatin1(caller.password));
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        const QString n = QString::number(++m_counter);
        QString path = QString(sample.path)
                           .replace(QStringLiteral("{id}"), QString::number(m_targetId))
                           .replace(QStringLiteral("{n}"), n);
        QByteArray body = sample.body;
        body.replace("{n}", n.toUtf8()).replace("{password}", caller.password);
        QList<QPair<QByteArray, QByteArray>> headers = sample.headers;
        g_caller = QString::fromLatin1(caller.username);
        if (sample.setup) {
            const Substitutions values = sample.setup(m_server->server());
            for (auto it = values.begin(); it != values.end(); ++it) {
                path.replace(QString::fromUtf8(it.key()), QString::fromUtf8(it.value()));
                body.replace(it.key(), it.value());
                for (auto &header : headers)
                    header.second.replace(it.key(), it.value());
            }
        }
        if (!body.isEmpty())
            headers.append({QByteArray("Content-Type"), QByteArray("application/json")});

        const auto r = c.raw(route.method.toLatin1(), path, body, headers);
        int expected = 200;
        if (!route.access.isPublic && !caller.role)
            expected = 401;
        else if (caller.role && !route.access.allows(*caller.role))
            expected = 403;
        if (expected == 200)
            QVERIFY2(
                r.status >= 200 && r.status < 300,
                qPrintable(QStringLiteral("%1: %2").arg(r.status).arg(QString::fromUtf8(r.body))));
        else
            QCOMPARE(r.status, expected);
    }
};

QTEST_GUILESS_MAIN(TstRoutes)
#include "tst_routes.moc"
