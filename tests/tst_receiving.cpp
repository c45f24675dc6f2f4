// Warehouse receiving over real HTTP against haitao-sim: a parcel found by its scanned shop
// tracking number, weighed, and the weight fee adjustment checked independently against
// POST /api/v1/quotes with explicit lines (a charge paid through the sim's gateway, a refund
// the gateway shows, none within the tolerance); a second receipt refused; two shipments of
// one customer dispatched as one intlexpress parcel (the same reference again gives the same
// number; after the carrier failed, the same shipments again make it, listed meanwhile with
// their pending parcel; a carrier's refusal releases them), other customers' shipments
// refused; translators and customers refused; the receipt's adjustment status read live; a
// refund beyond what is left of the payment left to staff (refund_manual); the shop leg's
// tracker closed once received. Also the tolerance rule and the sharing of a weighed weight
// over a site's lines alone.
#include "backend/logistics/logisticsservice.h"
#include "backend/orders/adjustments.h"
#include "backend/orders/orderservice.h"
#include "backend/orders/orderstore.h"
#include "backend/pricing/weightadjustment.h"
#include "backend/server.h"
#include "tests/support/logisticsfixture.h"
#include "tests/support/rawjson.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace haitao;
using haitao::testing::body;
using haitao::testing::compact;
using haitao::testing::describe;
using haitao::testing::LogisticsFixture;
using haitao::testing::OrderFixture;
using haitao::testing::SyncClient;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;
const Headers kJson{{"Content-Type", "application/json"}};
const QString kSite = QStringLiteral("amazon.com");

// A placed sub-order with its shipment and the shop tracking number set on it.
struct Parcel
{
    qint64 orderId = 0, subOrderId = 0, shipmentId = 0;
    QString trackingNumber;
    QJsonObject line; // the order's line (skuId, productId, unitPrice, quantity)
};

} // namespace

class TestReceiving : public QObject
{
    Q_OBJECT

private slots:
    void toleranceAndWeightShares();
    void initTestCase();
    void scanFindsTheParcel();
    void heavierParcelIsChargedAndPaid();
    void lighterParcelIsRefunded();
    void withinToleranceNoAdjustment();
    void dispatchConsolidates();
    void otherCustomersRefused();
    void rolesRefused();
    void dispatchRetriedAfterCarrierFailure();
    void dispatchRefusedReleasesShipments();
    void refundBeyondPaymentLeftToStaff();
    void receivingClosesShopTracker();
    void orderWithoutQuoteInputIsRequoted();

private:
    Parcel placeParcel(SyncClient &customer, const QString &number,
                       const QString &carrier = QStringLiteral("dpost"));
    QJsonObject readyGroupOf(qint64 shipmentId);
    // POST /quotes (as ops) of the order's one line with weightG per unit.
    qint64 quoteTotal(const Parcel &p, qint64 weightG);
    QJsonObject order(SyncClient &customer, qint64 id);

    std::unique_ptr<LogisticsFixture> m_f;
    qint64 m_heavySku = 0; // 3400 g, weight above its volumetric weight
    QJsonObject m_product;
    int m_orders = 0;
    Parcel m_charged, m_refunded, m_within;
    std::unique_ptr<SyncClient> m_other;
    Parcel m_othersParcel;
};

// The pricing side alone: when a difference counts, and how a weighed weight is shared
// over a site's lines (whole grams summing exactly, odd grams on a line of one unit).
void TestReceiving::toleranceAndWeightShares()
{
    using server::pricing::beyondTolerance;
    const server::pricing::WeightTolerance t{5, 50};
    QVERIFY(!beyondTolerance(3400, 3450, t)); // 50 g: neither
    QVERIFY(!beyondTolerance(3400, 3570, t)); // 170 g is 5 %, not more
    QVERIFY(beyondTolerance(3400, 3571, t));
    QVERIFY(beyondTolerance(3400, 3229, t));
    QVERIFY(!beyondTolerance(500, 540, t)); // 8 % but only 40 g

    server::pricing::QuoteInput in;
    server::pricing::QuoteLineInput a;
    a.site = QStringLiteral("a");
    a.quantity = 3;
    a.weightG = 300;
    server::pricing::QuoteLineInput b = a;
    b.quantity = 1;
    b.weightG = 100;
    server::pricing::QuoteLineInput other = a;
    other.site = QStringLiteral("b");
    other.weightG = 777;
    in.lines = {a, other, b};
    const auto w = server::pricing::withSiteWeight(in, QStringLiteral("a"), 1105);
    // 994 g for line a (3 units: 331, 331 and 332 split off), 111 g for line b.
    QCOMPARE(w.weighed.lines.size(), 4);
    QCOMPARE(w.weighed.lines.at(0).quantity, 2);
    QCOMPARE(w.weighed.lines.at(0).weightG, 331);
    QCOMPARE(w.weighed.lines.at(1).quantity, 1);
    QCOMPARE(w.weighed.lines.at(1).weightG, 332);
    QCOMPARE(w.weighed.lines.at(2).weightG, 777); // another site: untouched
    QCOMPARE(w.weighed.lines.at(3).weightG, 111);
    // As priced: the same split, the old weights.
    QCOMPARE(w.asPriced.lines.size(), 4);
    QCOMPARE(w.asPriced.lines.at(0).quantity, 2);
    QCOMPARE(w.asPriced.lines.at(1).weightG, 300);
    QCOMPARE(w.asPriced.lines.at(3).weightG, 100);
    const auto even = server::pricing::withSiteWeight(in, QStringLiteral("a"), 2000);
    QCOMPARE(even.weighed.lines.size(), 3);
    QCOMPARE(even.weighed.lines.at(0).weightG * 3 + even.weighed.lines.at(2).weightG, 2000);
}

void TestReceiving::initTestCase()
{
    server::Config config = LogisticsFixture::defaultConfig();
    // A storage failure behind a 500 is shown with the failing test.
    config.logSink = [](const QByteArray &line) {
        if (line.contains(" ERROR "))
            qWarning("%s", line.constData());
    };
    m_f = std::make_unique<LogisticsFixture>(config);
    QVERIFY(m_f->start());
    SyncClient anyone(m_f->server().url());
    const auto products =
        anyone.raw("GET", QStringLiteral("/api/v1/products?site=amazon.com&limit=100"));
    QCOMPARE(products.status, 200);
    for (const QJsonValue &p : body(products).value(QStringLiteral("items")).toArray()) {
        for (const QJsonValue &s : p.toObject().value(QStringLiteral("skus")).toArray()) {
            if (s.toObject().value(QStringLiteral("weightG")).toInteger() == 3400) {
                m_heavySku = s.toObject().value(QStringLiteral("id")).toInteger();
                m_product = p.toObject();
            }
        }
    }
    QVERIFY2(m_heavySku > 0, "the sim's 3400 g product is in the catalog");
    m_f->orders().createCustomer(QStringLiteral("other-buyer"));
    m_other = m_f->orders().client(QStringLiteral("other-buyer"), OrderFixture::customerPassword());
}

Parcel TestReceiving::placeParcel(SyncClient &customer, const QString &number,
                                  const QString &carrier)
{
    Parcel p;
    const QJsonObject o = m_f->orders().placeOrder(customer, {{m_heavySku, 1}},
                                                   QStringLiteral("receiving-%1").arg(++m_orders));
    p.orderId = o.value(QStringLiteral("id")).toInteger();
    const QJsonObject sub = o.value(QStringLiteral("subOrders")).toArray().at(0).toObject();
    p.subOrderId = sub.value(QStringLiteral("id")).toInteger();
    p.line = sub.value(QStringLiteral("lines")).toArray().at(0).toObject();
    m_f->orders().pay(customer, p.orderId);
    QString status;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 20000 && status != u"placed") {
        status = body(m_f->ops().raw(
                          "GET", QStringLiteral("/api/v1/admin/sub-orders/%1").arg(p.subOrderId)))
                     .value(QStringLiteral("status"))
                     .toString();
        QTest::qWait(25);
    }
    if (status != u"placed") {
        QTest::qFail(qPrintable(QStringLiteral("sub-order is %1").arg(status)), __FILE__, __LINE__);
        return p;
    }
    const QJsonObject shipment = m_f->waitShipment(p.subOrderId);
    p.shipmentId = shipment.value(QStringLiteral("id")).toInteger();
    if (p.shipmentId == 0) {
        QTest::qFail("no shipment was discovered", __FILE__, __LINE__);
        return p;
    }
    // The number as the shop e-mailed it (learned by hand: the sim's clock stays put).
    const auto leg = m_f->ops().raw(
        "PUT", QStringLiteral("/api/v1/logistics/shipments/%1/legs/shop").arg(p.shipmentId),
        compact({{QStringLiteral("carrier"), carrier},
                 {QStringLiteral("trackingNumber"), number},
                 {QStringLiteral("reason"), QStringLiteral("from the shop's e-mail")}}),
        kJson);
    if (leg.status != 200)
        QTest::qFail(qPrintable(describe(leg)), __FILE__, __LINE__);
    p.trackingNumber = number;
    return p;
}

qint64 TestReceiving::quoteTotal(const Parcel &p, qint64 weightG)
{
    QJsonObject sku;
    for (const QJsonValue &s : m_product.value(QStringLiteral("skus")).toArray())
        if (s.toObject().value(QStringLiteral("id")).toInteger() == m_heavySku)
            sku = s.toObject();
    QJsonObject line{{QStringLiteral("site"), kSite},
                     {QStringLiteral("price"), p.line.value(QStringLiteral("unitPrice"))},
                     {QStringLiteral("quantity"), p.line.value(QStringLiteral("quantity"))},
                     {QStringLiteral("weightG"), weightG},
                     {QStringLiteral("category"), m_product.value(QStringLiteral("category"))}};
    for (const char *dim : {"lengthMm", "widthMm", "heightMm"}) {
        const QString key = QString::fromLatin1(dim);
        if (sku.value(key).isDouble())
            line.insert(key, sku.value(key));
    }
    const auto r = m_f->ops().raw("POST", QStringLiteral("/api/v1/quotes"),
                                  compact({{QStringLiteral("lines"), QJsonArray{line}},
                                           {QStringLiteral("coupons"), QJsonArray()}}),
                                  kJson);
    if (r.status != 200) {
        QTest::qFail(qPrintable(describe(r)), __FILE__, __LINE__);
        return 0;
    }
    return body(r)
        .value(QStringLiteral("total"))
        .toObject()
        .value(QStringLiteral("minor"))
        .toInteger();
}

QJsonObject TestReceiving::order(SyncClient &customer, qint64 id)
{
    return body(customer.raw("GET", QStringLiteral("/api/v1/orders/%1").arg(id)));
}

// The group of GET /logistics/receiving/ready that lists the shipment ({} when none).
QJsonObject TestReceiving::readyGroupOf(qint64 shipmentId)
{
    const auto ready = m_f->ops().raw("GET", QStringLiteral("/api/v1/logistics/receiving/ready"));
    for (const QJsonValue &g : body(ready).value(QStringLiteral("groups")).toArray()) {
        for (const QJsonValue &s : g.toObject().value(QStringLiteral("shipments")).toArray()) {
            if (s.toObject().value(QStringLiteral("id")).toInteger() == shipmentId)
                return g.toObject();
        }
    }
    return {};
}

void TestReceiving::scanFindsTheParcel()
{
    m_charged = placeParcel(m_f->customer(), QStringLiteral("DP00000001DE"));
    QVERIFY(!QTest::currentTestFailed());
    // Lower case and spaces, as a person might type it.
    const auto found = m_f->ops().raw(
        "GET", QStringLiteral("/api/v1/logistics/receiving/lookup?scan=dp%200000%200001de"));
    QCOMPARE(found.status, 200);
    const QJsonObject b = body(found);
    QCOMPARE(b.value(QStringLiteral("match")).toString(), QStringLiteral("matched"));
    const QJsonObject s = b.value(QStringLiteral("shipment")).toObject();
    QCOMPARE(s.value(QStringLiteral("id")).toInteger(), m_charged.shipmentId);
    QCOMPARE(s.value(QStringLiteral("subOrderId")).toInteger(), m_charged.subOrderId);
    QCOMPARE(s.value(QStringLiteral("customer")).toString(), QStringLiteral("buyer"));
    QCOMPARE(s.value(QStringLiteral("pricedWeightG")).toInteger(), 3400);
    QCOMPARE(s.value(QStringLiteral("lines")).toArray().size(), 1);
    QCOMPARE(s.value(QStringLiteral("lines"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("quantity")),
             QJsonValue(1));
    QVERIFY(b.value(QStringLiteral("receipt")).isNull());

    const auto unknown =
        m_f->ops().raw("GET", QStringLiteral("/api/v1/logistics/receiving/lookup?scan=NOSUCH123"));
    QCOMPARE(unknown.status, 200);
    QCOMPARE(body(unknown).value(QStringLiteral("match")).toString(), QStringLiteral("unknown"));
    QVERIFY(body(unknown).value(QStringLiteral("shipment")).isNull());
}

void TestReceiving::heavierParcelIsChargedAndPaid()
{
    QVERIFY(m_charged.shipmentId > 0);
    const qint64 weighed = 4900;
    const qint64 expected = quoteTotal(m_charged, weighed) - quoteTotal(m_charged, 3400);
    QVERIFY2(expected > 0, "1.5 kg more costs more to ship");

    const QJsonObject weighing{{QStringLiteral("shipmentId"), m_charged.shipmentId},
                               {QStringLiteral("weightG"), weighed}};
    const auto preview = m_f->ops().raw(
        "POST", QStringLiteral("/api/v1/logistics/receiving/preview"), compact(weighing), kJson);
    QCOMPARE(preview.status, 200);
    const QJsonObject p = body(preview);
    QCOMPARE(p.value(QStringLiteral("pricedWeightG")).toInteger(), 3400);
    QCOMPARE(p.value(QStringLiteral("differenceG")).toInteger(), 1500);
    QCOMPARE(p.value(QStringLiteral("beyondTolerance")).toBool(), true);
    const QJsonObject adj = p.value(QStringLiteral("adjustment")).toObject();
    QCOMPARE(
        adj.value(QStringLiteral("amount")).toObject().value(QStringLiteral("minor")).toInteger(),
        expected);
    QCOMPARE(
        adj.value(QStringLiteral("after")).toObject().value(QStringLiteral("minor")).toInteger() -
            adj.value(QStringLiteral("before"))
                .toObject()
                .value(QStringLiteral("minor"))
                .toInteger(),
        expected);

    const auto received = m_f->ops().raw("POST", QStringLiteral("/api/v1/logistics/receiving"),
                                         compact(weighing), kJson);
    QVERIFY2(received.status == 201, qPrintable(describe(received)));
    const QJsonObject r = body(received);
    QCOMPARE(r.value(QStringLiteral("weightG")).toInteger(), weighed);
    QCOMPARE(r.value(QStringLiteral("receivedBy")).toString(), QStringLiteral("ops1"));
    const QJsonObject ra = r.value(QStringLiteral("adjustment")).toObject();
    QCOMPARE(
        ra.value(QStringLiteral("amount")).toObject().value(QStringLiteral("minor")).toInteger(),
        expected);
    QCOMPARE(ra.value(QStringLiteral("status")).toString(), QStringLiteral("due"));

    // Once: the second receipt is refused, and the scan says so.
    const auto again = m_f->ops().raw("POST", QStringLiteral("/api/v1/logistics/receiving"),
                                      compact(weighing), kJson);
    QCOMPARE(again.status, 409);
    const auto scan = m_f->ops().raw(
        "GET", QStringLiteral("/api/v1/logistics/receiving/lookup?scan=DP00000001DE"));
    QCOMPARE(body(scan).value(QStringLiteral("match")).toString(),
             QStringLiteral("already_received"));

    // The warehouse checkpoint is on the shop leg, and the shipment detail has the receipt.
    const QJsonObject s = m_f->shipment(m_charged.shipmentId);
    QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("at_warehouse"));
    QCOMPARE(
        s.value(QStringLiteral("receipt")).toObject().value(QStringLiteral("weightG")).toInteger(),
        weighed);
    bool warehouse = false;
    for (const QJsonValue &leg : s.value(QStringLiteral("legs")).toArray()) {
        for (const QJsonValue &c : leg.toObject().value(QStringLiteral("checkpoints")).toArray()) {
            if (c.toObject().value(QStringLiteral("source")).toString() == u"warehouse" &&
                leg.toObject().value(QStringLiteral("kind")).toString() == u"shop")
                warehouse =
                    c.toObject().value(QStringLiteral("rawStatus")).toString() == u"RECEIVED" &&
                    c.toObject().value(QStringLiteral("status")).toString() == u"at_warehouse";
        }
    }
    QVERIFY2(warehouse, "a RECEIVED checkpoint on the shop leg");

    // On the order: due, then paid with a payment for the due sum through the sim.
    QJsonObject o = order(m_f->customer(), m_charged.orderId);
    QJsonArray adjustments = o.value(QStringLiteral("adjustments")).toArray();
    QCOMPARE(adjustments.size(), 1);
    QCOMPARE(adjustments.at(0).toObject().value(QStringLiteral("status")).toString(),
             QStringLiteral("due"));
    QCOMPARE(adjustments.at(0).toObject().value(QStringLiteral("kind")).toString(),
             QStringLiteral("weight"));
    QCOMPARE(adjustments.at(0).toObject().value(QStringLiteral("subOrderId")).toInteger(),
             m_charged.subOrderId);
    const auto payment = m_f->customer().raw(
        "POST", QStringLiteral("/api/v1/orders/%1/payments").arg(m_charged.orderId));
    QVERIFY2(payment.status == 201, qPrintable(describe(payment)));
    const QUrl payUrl(body(payment).value(QStringLiteral("payUrl")).toString());
    SyncClient person(m_f->simUrl());
    QCOMPARE(person
                 .raw("POST", payUrl.path(), "pay=1",
                      {{"Content-Type", "application/x-www-form-urlencoded"}})
                 .status,
             200);
    QString status;
    for (int i = 0; i < 200 && status != u"paid"; ++i) {
        QTest::qWait(50);
        o = order(m_f->customer(), m_charged.orderId);
        status = o.value(QStringLiteral("adjustments"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString();
    }
    QCOMPARE(status, QStringLiteral("paid"));
    // The second payment is for the adjustment, and the order did not change its state.
    const QJsonArray payments = o.value(QStringLiteral("payments")).toArray();
    QCOMPARE(payments.size(), 2);
    QCOMPARE(payments.at(1)
                 .toObject()
                 .value(QStringLiteral("amount"))
                 .toObject()
                 .value(QStringLiteral("minor")),
             QJsonValue(expected));
    QVERIFY(o.value(QStringLiteral("refunds")).toArray().isEmpty());
    // Nothing more to pay.
    QCOMPARE(m_f->customer()
                 .raw("POST", QStringLiteral("/api/v1/orders/%1/payments").arg(m_charged.orderId))
                 .status,
             409);
}

void TestReceiving::lighterParcelIsRefunded()
{
    m_refunded = placeParcel(m_f->customer(), QStringLiteral("DP00000002DE"));
    QVERIFY(!QTest::currentTestFailed());
    const qint64 weighed = 2400;
    const qint64 expected = quoteTotal(m_refunded, weighed) - quoteTotal(m_refunded, 3400);
    QVERIFY2(expected < 0, "a kilogram less costs less to ship");
    const auto received =
        m_f->ops().raw("POST", QStringLiteral("/api/v1/logistics/receiving"),
                       compact({{QStringLiteral("shipmentId"), m_refunded.shipmentId},
                                {QStringLiteral("weightG"), weighed}}),
                       kJson);
    QVERIFY2(received.status == 201, qPrintable(describe(received)));
    const QJsonObject ra = body(received).value(QStringLiteral("adjustment")).toObject();
    QCOMPARE(
        ra.value(QStringLiteral("amount")).toObject().value(QStringLiteral("minor")).toInteger(),
        expected);

    // Refunded through the order's refunds, confirmed by the gateway.
    QJsonObject o;
    QString status;
    for (int i = 0; i < 200 && status != u"refunded"; ++i) {
        o = order(m_f->customer(), m_refunded.orderId);
        status = o.value(QStringLiteral("adjustments"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString();
        if (status != u"refunded")
            QTest::qWait(50);
    }
    QCOMPARE(status, QStringLiteral("refunded"));
    QCOMPARE(o.value(QStringLiteral("adjustments"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("refunded"))
                 .toObject()
                 .value(QStringLiteral("minor"))
                 .toInteger(),
             -expected);
    // The receipt shows the adjustment as it is now, not as it was when weighed.
    QCOMPARE(ra.value(QStringLiteral("status")).toString(), QStringLiteral("refund_pending"));
    const auto scanned = m_f->ops().raw(
        "GET", QStringLiteral("/api/v1/logistics/receiving/lookup?scan=DP00000002DE"));
    QCOMPARE(body(scanned)
                 .value(QStringLiteral("receipt"))
                 .toObject()
                 .value(QStringLiteral("adjustment"))
                 .toObject()
                 .value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("refunded"));
    const QJsonArray refunds = o.value(QStringLiteral("refunds")).toArray();
    QCOMPARE(refunds.size(), 1);
    QCOMPARE(refunds.at(0)
                 .toObject()
                 .value(QStringLiteral("amount"))
                 .toObject()
                 .value(QStringLiteral("minor")),
             QJsonValue(-expected));
    QCOMPARE(refunds.at(0).toObject().value(QStringLiteral("subOrderId")).toInteger(),
             m_refunded.subOrderId);

    // The gateway has it against the order's payment.
    SyncClient sim(m_f->simUrl());
    qint64 refundedAtGateway = 0;
    for (const QJsonValue &p : body(sim.raw("GET", QStringLiteral("/__sim/payments")))
                                   .value(QStringLiteral("items"))
                                   .toArray()) {
        for (const QJsonValue &r : p.toObject().value(QStringLiteral("refunds")).toArray()) {
            if (r.toObject()
                    .value(QStringLiteral("refundNo"))
                    .toString()
                    .endsWith(QStringLiteral("RW%1").arg(o.value(QStringLiteral("adjustments"))
                                                             .toArray()
                                                             .at(0)
                                                             .toObject()
                                                             .value(QStringLiteral("id"))
                                                             .toInteger())))
                refundedAtGateway = r.toObject()
                                        .value(QStringLiteral("amount"))
                                        .toObject()
                                        .value(QStringLiteral("minor"))
                                        .toInteger();
        }
    }
    QCOMPARE(refundedAtGateway, -expected);
}

void TestReceiving::withinToleranceNoAdjustment()
{
    m_within = placeParcel(m_f->customer(), QStringLiteral("DP00000003DE"));
    QVERIFY(!QTest::currentTestFailed());
    // 50 g over 3400 g: within both 5 % (170 g) and 50 g.
    const QJsonObject weighing{{QStringLiteral("shipmentId"), m_within.shipmentId},
                               {QStringLiteral("weightG"), 3450}};
    const auto preview = m_f->ops().raw(
        "POST", QStringLiteral("/api/v1/logistics/receiving/preview"), compact(weighing), kJson);
    QCOMPARE(preview.status, 200);
    QCOMPARE(body(preview).value(QStringLiteral("beyondTolerance")).toBool(), false);
    QVERIFY(body(preview).value(QStringLiteral("adjustment")).isNull());
    // 200 g over: beyond 5 % and 50 g (the independent quote decides whether it costs more).
    const auto beyond =
        m_f->ops().raw("POST", QStringLiteral("/api/v1/logistics/receiving/preview"),
                       compact({{QStringLiteral("shipmentId"), m_within.shipmentId},
                                {QStringLiteral("weightG"), 3600}}),
                       kJson);
    QCOMPARE(body(beyond).value(QStringLiteral("beyondTolerance")).toBool(), true);

    const auto received = m_f->ops().raw("POST", QStringLiteral("/api/v1/logistics/receiving"),
                                         compact(weighing), kJson);
    QVERIFY2(received.status == 201, qPrintable(describe(received)));
    QVERIFY(body(received).value(QStringLiteral("adjustment")).isNull());
    QVERIFY(order(m_f->customer(), m_within.orderId)
                .value(QStringLiteral("adjustments"))
                .toArray()
                .isEmpty());
}

void TestReceiving::dispatchConsolidates()
{
    QVERIFY(m_charged.shipmentId > 0 && m_refunded.shipmentId > 0 && m_within.shipmentId > 0);
    const auto ready = m_f->ops().raw("GET", QStringLiteral("/api/v1/logistics/receiving/ready"));
    QCOMPARE(ready.status, 200);
    const QJsonArray groups = body(ready).value(QStringLiteral("groups")).toArray();
    QCOMPARE(groups.size(), 1);
    QCOMPARE(groups.at(0).toObject().value(QStringLiteral("customer")).toString(),
             QStringLiteral("buyer"));
    QCOMPARE(groups.at(0).toObject().value(QStringLiteral("shipments")).toArray().size(), 3);
    QCOMPARE(groups.at(0)
                 .toObject()
                 .value(QStringLiteral("address"))
                 .toObject()
                 .value(QStringLiteral("postcode"))
                 .toString(),
             QStringLiteral("200120"));

    const QJsonObject request{
        {QStringLiteral("shipmentIds"), QJsonArray{m_charged.shipmentId, m_refunded.shipmentId}}};
    const auto parcel = m_f->ops().raw("POST", QStringLiteral("/api/v1/logistics/parcels"),
                                       compact(request), kJson);
    QVERIFY2(parcel.status == 201, qPrintable(describe(parcel)));
    const QJsonObject p = body(parcel);
    QCOMPARE(p.value(QStringLiteral("carrier")).toString(), QStringLiteral("intlexpress"));
    const QString number = p.value(QStringLiteral("trackingNumber")).toString();
    QVERIFY(!number.isEmpty());
    const qint64 legId = p.value(QStringLiteral("legId")).toInteger();

    // One parcel at the carrier, under reference P{legId}: asking again gives the same one.
    SyncClient sim(m_f->simUrl());
    const auto atCarrier = sim.raw("GET", QStringLiteral("/__sim/parcels/") + number);
    QCOMPARE(atCarrier.status, 200);
    QCOMPARE(body(atCarrier).value(QStringLiteral("carrier")).toString(),
             QStringLiteral("intlexpress"));
    const auto same =
        sim.raw("POST", QStringLiteral("/carrier/intlexpress/shipments"),
                compact({{QStringLiteral("reference"), QStringLiteral("P%1").arg(legId)},
                         {QStringLiteral("pieces"),
                          QJsonArray{QJsonObject{{QStringLiteral("reference"), QStringLiteral("x")},
                                                 {QStringLiteral("weightG"), 100}}}},
                         {QStringLiteral("to"), OrderFixture::testAddress()}}),
                kJson);
    QCOMPARE(same.status, 200);
    QCOMPARE(body(same).value(QStringLiteral("trackingNumber")).toString(), number);

    // Both shipments have the international leg; the third is still ready.
    for (qint64 id : {m_charged.shipmentId, m_refunded.shipmentId}) {
        bool found = false;
        for (const QJsonValue &leg : m_f->shipment(id).value(QStringLiteral("legs")).toArray())
            found = found ||
                    (leg.toObject().value(QStringLiteral("kind")).toString() == u"international" &&
                     leg.toObject().value(QStringLiteral("trackingNumber")).toString() == number);
        QVERIFY2(found, qPrintable(QStringLiteral("shipment %1 has the parcel's leg").arg(id)));
    }
    const QJsonArray left =
        body(m_f->ops().raw("GET", QStringLiteral("/api/v1/logistics/receiving/ready")))
            .value(QStringLiteral("groups"))
            .toArray();
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.at(0).toObject().value(QStringLiteral("shipments")).toArray().size(), 1);

    // Dispatched already: refused.
    const auto twice = m_f->ops().raw("POST", QStringLiteral("/api/v1/logistics/parcels"),
                                      compact(request), kJson);
    QCOMPARE(twice.status, 422);
}

void TestReceiving::otherCustomersRefused()
{
    QVERIFY(m_within.shipmentId > 0);
    m_othersParcel = placeParcel(*m_other, QStringLiteral("DP00000004DE"));
    QVERIFY(!QTest::currentTestFailed());
    const auto received =
        m_f->ops().raw("POST", QStringLiteral("/api/v1/logistics/receiving"),
                       compact({{QStringLiteral("shipmentId"), m_othersParcel.shipmentId},
                                {QStringLiteral("weightG"), 3400}}),
                       kJson);
    QVERIFY2(received.status == 201, qPrintable(describe(received)));
    const auto mixed =
        m_f->ops().raw("POST", QStringLiteral("/api/v1/logistics/parcels"),
                       compact({{QStringLiteral("shipmentIds"),
                                 QJsonArray{m_within.shipmentId, m_othersParcel.shipmentId}}}),
                       kJson);
    QCOMPARE(mixed.status, 422);
    // Not received: refused too.
    const auto unknown =
        m_f->ops().raw("POST", QStringLiteral("/api/v1/logistics/parcels"),
                       compact({{QStringLiteral("shipmentIds"), QJsonArray{999999}}}), kJson);
    QCOMPARE(unknown.status, 422);
    QCOMPARE(m_f->ops()
                 .raw("POST", QStringLiteral("/api/v1/logistics/receiving"),
                      compact({{QStringLiteral("shipmentId"), 999999},
                               {QStringLiteral("weightG"), 100}}),
                      kJson)
                 .status,
             404);
    QCOMPARE(m_f->ops()
                 .raw("POST", QStringLiteral("/api/v1/logistics/receiving"),
                      compact({{QStringLiteral("shipmentId"), m_within.shipmentId},
                               {QStringLiteral("weightG"), 0}}),
                      kJson)
                 .status,
             422);
}

void TestReceiving::rolesRefused()
{
    m_f->server().createUser(QStringLiteral("translator1"), QStringLiteral("translator-pass"),
                             Role::Translator);
    auto translator =
        m_f->orders().client(QStringLiteral("translator1"), QStringLiteral("translator-pass"));
    const QJsonObject weighing{{QStringLiteral("shipmentId"), m_within.shipmentId},
                               {QStringLiteral("weightG"), 3400}};
    for (SyncClient *c : {translator.get(), &m_f->customer()}) {
        QCOMPARE(c->raw("GET", QStringLiteral("/api/v1/logistics/receiving/lookup?scan=X")).status,
                 403);
        QCOMPARE(c->raw("POST", QStringLiteral("/api/v1/logistics/receiving/preview"),
                        compact(weighing), kJson)
                     .status,
                 403);
        QCOMPARE(
            c->raw("POST", QStringLiteral("/api/v1/logistics/receiving"), compact(weighing), kJson)
                .status,
            403);
        QCOMPARE(c->raw("GET", QStringLiteral("/api/v1/logistics/receiving/ready")).status, 403);
        QCOMPARE(c->raw("POST", QStringLiteral("/api/v1/logistics/parcels"),
                        compact({{QStringLiteral("shipmentIds"), QJsonArray{m_within.shipmentId}}}),
                        kJson)
                     .status,
                 403);
    }
}

// The carrier unreachable: 503, the shipments stay reserved for that parcel (another set
// with them is refused), and dispatching the same set again creates it.
void TestReceiving::dispatchRetriedAfterCarrierFailure()
{
    QVERIFY(m_within.shipmentId > 0 && m_othersParcel.shipmentId > 0);
    const QJsonObject intl{{QStringLiteral("name"), QStringLiteral("Intl Express")},
                           {QStringLiteral("protocol"), QStringLiteral("intl_webhook")},
                           {QStringLiteral("tzOffsetMinutes"), 0},
                           {QStringLiteral("enabled"), true}};
    QJsonObject down = intl;
    down.insert(QStringLiteral("baseUrl"),
                QStringLiteral("http://127.0.0.1:9/carrier/intlexpress"));
    m_f->putCarrier(QStringLiteral("intlexpress"), down);
    const QJsonObject request{{QStringLiteral("shipmentIds"), QJsonArray{m_within.shipmentId}}};
    const auto failed = m_f->ops().raw("POST", QStringLiteral("/api/v1/logistics/parcels"),
                                       compact(request), kJson);
    QCOMPARE(failed.status, 503);
    // Still listed, as a parcel being created: the desktop can send the same set again.
    const QJsonObject pending = readyGroupOf(m_within.shipmentId);
    QCOMPARE(pending.value(QStringLiteral("shipments")).toArray().size(), 1);
    const QJsonObject pendingParcel = pending.value(QStringLiteral("pendingParcel")).toObject();
    const qint64 pendingLeg = pendingParcel.value(QStringLiteral("legId")).toInteger();
    QVERIFY(pendingLeg > 0);
    QCOMPARE(pendingParcel.value(QStringLiteral("reference")).toString(),
             QStringLiteral("P%1").arg(pendingLeg));
    QVERIFY(
        readyGroupOf(m_othersParcel.shipmentId).value(QStringLiteral("pendingParcel")).isNull());
    QJsonObject up = intl;
    up.insert(QStringLiteral("baseUrl"),
              m_f->simUrl().toString() + QStringLiteral("/carrier/intlexpress"));
    m_f->putCarrier(QStringLiteral("intlexpress"), up);
    // Still the customer's only ready group, but reserved: not with other shipments.
    const auto other =
        m_f->ops().raw("POST", QStringLiteral("/api/v1/logistics/parcels"),
                       compact({{QStringLiteral("shipmentIds"),
                                 QJsonArray{m_within.shipmentId, m_othersParcel.shipmentId}}}),
                       kJson);
    QCOMPARE(other.status, 422);
    const auto retried = m_f->ops().raw("POST", QStringLiteral("/api/v1/logistics/parcels"),
                                        compact(request), kJson);
    QVERIFY2(retried.status == 201, qPrintable(describe(retried)));
    QCOMPARE(body(retried).value(QStringLiteral("legId")).toInteger(), pendingLeg);
    const QString number = body(retried).value(QStringLiteral("trackingNumber")).toString();
    SyncClient sim(m_f->simUrl());
    QCOMPARE(sim.raw("GET", QStringLiteral("/__sim/parcels/") + number).status, 200);
    QVERIFY(readyGroupOf(m_within.shipmentId).isEmpty());
}

// The carrier refuses the parcel for good (a 404 here: a base URL without that API): 422
// with its reason, and the shipment is ready again with no pending parcel, so it can be
// dispatched once the carrier is set right.
void TestReceiving::dispatchRefusedReleasesShipments()
{
    QVERIFY(m_othersParcel.shipmentId > 0);
    const QJsonObject intl{{QStringLiteral("name"), QStringLiteral("Intl Express")},
                           {QStringLiteral("protocol"), QStringLiteral("intl_webhook")},
                           {QStringLiteral("tzOffsetMinutes"), 0},
                           {QStringLiteral("enabled"), true}};
    QJsonObject wrong = intl;
    wrong.insert(QStringLiteral("baseUrl"),
                 m_f->simUrl().toString() + QStringLiteral("/carrier/dpost"));
    m_f->putCarrier(QStringLiteral("intlexpress"), wrong);
    const QJsonObject request{
        {QStringLiteral("shipmentIds"), QJsonArray{m_othersParcel.shipmentId}}};
    const auto refusedOnce = m_f->ops().raw("POST", QStringLiteral("/api/v1/logistics/parcels"),
                                            compact(request), kJson);
    QVERIFY2(refusedOnce.status == 422, qPrintable(describe(refusedOnce)));
    QVERIFY2(refusedOnce.body.contains("HTTP 404"), refusedOnce.body.constData());
    const QJsonObject group = readyGroupOf(m_othersParcel.shipmentId);
    QCOMPARE(group.value(QStringLiteral("shipments")).toArray().size(), 1);
    QVERIFY(group.value(QStringLiteral("pendingParcel")).isNull());

    QJsonObject up = intl;
    up.insert(QStringLiteral("baseUrl"),
              m_f->simUrl().toString() + QStringLiteral("/carrier/intlexpress"));
    m_f->putCarrier(QStringLiteral("intlexpress"), up);
    const auto dispatched = m_f->ops().raw("POST", QStringLiteral("/api/v1/logistics/parcels"),
                                           compact(request), kJson);
    QVERIFY2(dispatched.status == 201, qPrintable(describe(dispatched)));
    QVERIFY(readyGroupOf(m_othersParcel.shipmentId).isEmpty());
}

// The order's payment refunded but for `left` fen already (a refund made due far in the
// future, so the gateway never sees it): the weight refund returns what is left and the rest
// is marked for staff, with the reason, instead of waiting forever.
void TestReceiving::refundBeyondPaymentLeftToStaff()
{
    server::orders::OrderService &orders = m_f->server().server().orders();
    int n = 0;
    for (const qint64 left : {qint64(1), qint64(0)}) {
        const Parcel p = placeParcel(*m_other, QStringLiteral("DP0000009%1DE").arg(++n));
        QVERIFY(!QTest::currentTestFailed());
        orders.database().write([&](QSqlDatabase &db) {
            const auto payment = server::orders::orderstore::paidPayment(db, p.orderId);
            QVERIFY(payment);
            server::orders::Refund r;
            r.orderId = p.orderId;
            r.paymentId = payment->id;
            r.refundNo = QStringLiteral("TEST-RECEIVING-%1").arg(p.orderId);
            r.amount = Money(payment->amount.minor() - left, Currency::cny());
            r.reason = QStringLiteral("test refund");
            r.actor = QStringLiteral("test");
            r.createdAtMs = m_f->serverNow();
            server::orders::orderstore::insertRefund(db, r,
                                                     m_f->serverNow() + 365LL * 24 * 3600 * 1000);
        });
        const auto received = m_f->ops().raw("POST", QStringLiteral("/api/v1/logistics/receiving"),
                                             compact({{QStringLiteral("shipmentId"), p.shipmentId},
                                                      {QStringLiteral("weightG"), 2400}}),
                                             kJson);
        QVERIFY2(received.status == 201, qPrintable(describe(received)));
        QCOMPARE(body(received)
                     .value(QStringLiteral("adjustment"))
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
                 left > 0 ? QStringLiteral("refund_pending") : QStringLiteral("refund_manual"));
        // The 1 fen goes through the gateway; once confirmed the rest is still staff's.
        QJsonObject a;
        for (int i = 0; i < 200; ++i) {
            a = order(*m_other, p.orderId)
                    .value(QStringLiteral("adjustments"))
                    .toArray()
                    .at(0)
                    .toObject();
            if (a.value(QStringLiteral("status")).toString() == u"refund_manual")
                break;
            QTest::qWait(50);
        }
        QCOMPARE(a.value(QStringLiteral("status")).toString(), QStringLiteral("refund_manual"));
        QVERIFY(a.value(QStringLiteral("amount"))
                    .toObject()
                    .value(QStringLiteral("minor"))
                    .toInteger() < -1);
        QCOMPARE(a.value(QStringLiteral("refunded"))
                     .toObject()
                     .value(QStringLiteral("minor"))
                     .toInteger(),
                 left);
        QVERIFY2(a.value(QStringLiteral("reason")).toString().contains(QStringLiteral("by hand")),
                 qPrintable(a.value(QStringLiteral("reason")).toString()));
        const auto scanned = m_f->ops().raw(
            "GET", QStringLiteral("/api/v1/logistics/receiving/lookup?scan=") + p.trackingNumber);
        QCOMPARE(body(scanned)
                     .value(QStringLiteral("receipt"))
                     .toObject()
                     .value(QStringLiteral("adjustment"))
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("refund_manual"));
    }
}

// Received: the shop leg's tracker stops (the parcel is in our hands; a carrier that lost
// track of it would otherwise be polled for ever).
void TestReceiving::receivingClosesShopTracker()
{
    const QString number = QStringLiteral("SP000099001US");
    const Parcel p = placeParcel(*m_other, number, QStringLiteral("swiftpost"));
    QVERIFY(!QTest::currentTestFailed());
    const auto before = m_f->logistics().tracker(QStringLiteral("swiftpost"), number);
    QVERIFY(before);
    QVERIFY(before->open);
    const auto received = m_f->ops().raw(
        "POST", QStringLiteral("/api/v1/logistics/receiving"),
        compact({{QStringLiteral("shipmentId"), p.shipmentId}, {QStringLiteral("weightG"), 3400}}),
        kJson);
    QVERIFY2(received.status == 201, qPrintable(describe(received)));
    const auto after = m_f->logistics().tracker(QStringLiteral("swiftpost"), number);
    QVERIFY(after);
    QVERIFY(!after->open);
}

// An order placed before quote inputs were kept (orders.quote_input NULL): its lines are
// priced again from the catalog at the unit price ordered, and the adjustment is the same as
// with the stored input (the catalog has not changed); the order's record says so.
void TestReceiving::orderWithoutQuoteInputIsRequoted()
{
    const Parcel p = placeParcel(*m_other, QStringLiteral("DP00000777DE"));
    QVERIFY(!QTest::currentTestFailed());
    const QByteArray weighing =
        compact({{QStringLiteral("shipmentId"), p.shipmentId}, {QStringLiteral("weightG"), 4400}});
    const auto amountOf = [](const QJsonObject &preview) {
        return preview.value(QStringLiteral("adjustment"))
            .toObject()
            .value(QStringLiteral("amount"))
            .toObject()
            .value(QStringLiteral("minor"))
            .toInteger();
    };
    const auto stored = m_f->ops().raw(
        "POST", QStringLiteral("/api/v1/logistics/receiving/preview"), weighing, kJson);
    QVERIFY2(stored.status == 200, qPrintable(describe(stored)));
    const qint64 expected = amountOf(body(stored));
    QVERIFY2(expected > 0, stored.body.constData());

    server::orders::OrderService &orders = m_f->server().server().orders();
    orders.database().write([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE orders SET quote_input = NULL WHERE id = :id"));
        q.bindValue(QStringLiteral(":id"), p.orderId);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
    });
    QVERIFY(!server::orders::adjustments::quoteInput(orders.database().writer(), p.orderId));
    const auto rebuilt = m_f->ops().raw(
        "POST", QStringLiteral("/api/v1/logistics/receiving/preview"), weighing, kJson);
    QVERIFY2(rebuilt.status == 200, qPrintable(describe(rebuilt)));
    QCOMPARE(amountOf(body(rebuilt)), expected);

    const auto received =
        m_f->ops().raw("POST", QStringLiteral("/api/v1/logistics/receiving"), weighing, kJson);
    QVERIFY2(received.status == 201, qPrintable(describe(received)));
    const QJsonArray adjustments =
        body(m_f->ops().raw("GET", QStringLiteral("/api/v1/admin/orders/%1").arg(p.orderId)))
            .value(QStringLiteral("adjustments"))
            .toArray();
    QCOMPARE(adjustments.size(), 1);
    const QJsonObject a = adjustments.at(0).toObject();
    QCOMPARE(
        a.value(QStringLiteral("amount")).toObject().value(QStringLiteral("minor")).toInteger(),
        expected);
    QVERIFY2(a.value(QStringLiteral("reason")).toString().contains(QStringLiteral("predates")),
             qPrintable(a.value(QStringLiteral("reason")).toString()));
}

QTEST_GUILESS_MAIN(TestReceiving)
#include "tst_receiving.moc"
