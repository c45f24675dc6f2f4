// The order and placement client types and models on their own (no server): the staff JSON
// shapes of the orders contract read into structs (and refused when a field the desktop relies
// on is missing), the attempts timeline, lines and events models under
// QAbstractItemModelTester, and the dashboard's figures.

#include "backend-client/ordertypes.h"
#include "models/itemroles.h"
#include "models/ordereventsmodel.h"
#include "models/orderlabels.h"
#include "models/orderlinesmodel.h"
#include "models/placementattemptsmodel.h"
#include "models/placementstats.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace haitao;
using client::SubOrderStatus;
using models::PlacementAttemptsModel;

namespace {

QJsonObject parse(const char *json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

// GET /admin/orders items, as the contract shows them.
const char *kOrderList = R"({"items": [
  {"id": 42, "status": "paid", "customer": {"id": 7, "username": "li.wei"},
   "total": {"minor": 123456, "currency": "CNY"},
   "createdAt": "2026-11-25T10:00:00.000Z", "updatedAt": "2026-11-25T10:05:00.000Z",
   "subOrders": [{"id": 101, "site": "amazon.com", "status": "placed", "merchantOrderId": "US-000123"},
                 {"id": 102, "site": "asos.com", "status": "needs_manual", "merchantOrderId": null}]}],
 "nextCursor": "abc"})";

// GET /admin/orders/{id}.
const char *kOrderDetail = R"({
  "id": 42, "status": "paid", "customer": {"id": 7, "username": "li.wei"},
  "total": {"minor": 123456, "currency": "CNY"},
  "createdAt": "2026-11-25T10:00:00.000Z", "updatedAt": "2026-11-25T10:05:00.000Z",
  "expiresAt": "2026-11-25T10:30:00.000Z", "paidAt": "2026-11-25T10:02:00.000Z",
  "ruleSetVersion": 3, "rateSnapshot": 9,
  "address": {"name": "Li Wei", "phone": "13800000000", "province": "Zhejiang",
              "city": "Hangzhou", "district": "Xihu", "line1": "1 Road", "postcode": "310000"},
  "coupons": [],
  "subOrders": [
    {"id": 101, "site": "amazon.com", "status": "placed", "total": {"minor": 100000, "currency": "CNY"},
     "goods": {"minor": 11998, "currency": "USD"}, "merchantOrderId": "US-000123",
     "lines": [{"skuId": 5, "productId": 3, "title": "Desk lamp", "titleZh": "台灯", "quantity": 2,
                "unitPrice": {"minor": 5999, "currency": "USD"}, "total": {"minor": 86000, "currency": "CNY"}}]},
    {"id": 102, "site": "asos.com", "status": "needs_manual", "total": {"minor": 23456, "currency": "CNY"},
     "goods": {"minor": 2500, "currency": "GBP"}, "merchantOrderId": null,
     "lines": [{"skuId": 9, "productId": 8, "title": "Scarf", "titleZh": "围巾", "quantity": 1,
                "unitPrice": {"minor": 2500, "currency": "GBP"}, "total": {"minor": 23000, "currency": "CNY"}}]}],
  "quote": {"total": {"minor": 123456, "currency": "CNY"}, "lines": []},
  "payments": [{"id": 1, "status": "paid", "amount": {"minor": 123456, "currency": "CNY"},
                "createdAt": "2026-11-25T10:01:00.000Z", "paidAt": "2026-11-25T10:02:00.000Z"}],
  "refunds": [{"id": 2, "subOrderId": 102, "amount": {"minor": 23456, "currency": "CNY"},
               "status": "pending", "reason": "out of stock", "createdAt": "2026-11-25T11:00:00.000Z"}],
  "events": [
    {"at": "2026-11-25T10:02:00.000Z", "actor": "gateway:simpay", "subOrderId": null,
     "from": "pending_payment", "to": "paid", "reason": "payment P000001"},
    {"at": "2026-11-25T10:04:00.000Z", "actor": "worker:a/1", "subOrderId": 102,
     "from": "placing", "to": "needs_manual", "reason": "captcha"}]})";

// GET /admin/sub-orders/{id}: a placement item plus attempts.
const char *kSubOrder = R"({
  "id": 102, "orderId": 42, "site": "asos.com", "status": "needs_manual", "reason": "captcha",
  "attempts": 2, "claimedBy": "ops.one", "claimedAt": "2026-11-25T10:10:00.000Z",
  "statusChangedAt": "2026-11-25T10:04:00.000Z", "createdAt": "2026-11-25T10:00:00.000Z",
  "paidAt": "2026-11-25T10:02:00.000Z",
  "total": {"minor": 23456, "currency": "CNY"}, "goods": {"minor": 2500, "currency": "GBP"},
  "merchantOrderId": null,
  "lines": [{"skuId": 9, "productId": 8, "title": "Scarf", "titleZh": "围巾", "quantity": 1,
             "unitPrice": {"minor": 2500, "currency": "GBP"},
             "sourceUrl": "https:\/\/sim.example\/shop\/uk\/p\/9", "merchantSku": "UK-9"}],
  "clientReference": "HT-42-102", "paid": null,
  "events": [{"at": "2026-11-25T10:04:00.000Z", "actor": "worker:a/1", "subOrderId": 102,
              "from": "placing", "to": "needs_manual", "reason": "captcha"}],
  "placementAttempts": [
    {"id": 11, "number": 1, "worker": "worker:a/1", "startedAt": "2026-11-25T10:03:00.000Z",
     "endedAt": "2026-11-25T10:03:02.500Z", "outcome": "retry", "failedStep": "create",
     "reason": "timeout",
     "steps": [
       {"step": "sign_in", "startedAt": "2026-11-25T10:03:00.000Z", "endedAt": "2026-11-25T10:03:00.120Z",
        "outcome": "ok", "httpStatus": 200, "answer": "{}", "detail": ""},
       {"step": "create", "startedAt": "2026-11-25T10:03:00.200Z", "endedAt": "2026-11-25T10:03:02.500Z",
        "outcome": "ambiguous", "httpStatus": 0, "answer": "", "detail": "timed out"}]},
    {"id": 12, "number": 2, "worker": "worker:a/1", "startedAt": "2026-11-25T10:04:00.000Z",
     "endedAt": null, "outcome": "running", "failedStep": "", "reason": "", "steps": []}]})";

const char *kCounts = R"({"awaiting_placement": 3, "placing": 1, "needs_manual": 4, "placed": 20,
  "placed_manually": 2, "cancelled": 1, "stuck": 2, "oldestNeedsManualAt": "2026-11-25T08:00:00.000Z"})";

const char *kStats = R"({
  "days": [{"date": "2026-11-24", "site": "amazon.com", "attempts": 12, "placed": 9, "needsManual": 1},
           {"date": "2026-11-25", "site": "amazon.com", "attempts": 5, "placed": 3, "needsManual": 1},
           {"date": "2026-11-25", "site": "asos.com", "attempts": 2, "placed": 0, "needsManual": 0}],
  "failures": [{"step": "create", "reason": "timeout", "count": 2},
               {"step": "sign_in", "reason": "captcha", "count": 5},
               {"step": "check_price", "reason": "price_changed", "count": 2}],
  "latency": [{"site": "amazon.com", "count": 12, "p50Ms": 1500, "p90Ms": 4000, "p99Ms": 9000}],
  "queue": [{"date": "2026-11-24", "needsManual": 1}, {"date": "2026-11-25", "needsManual": 2}]})";

} // namespace

class TstOrderModels : public QObject
{
    Q_OBJECT

private slots:
    void statusNamesRoundTrip();
    void readsTheOrderList();
    void refusesUnreadableOrders();
    void readsTheOrderDetail();
    void readsASubOrderWithAttempts();
    void readsCountsAndRefusesMissingOnes();
    void readsStatsAndTheirFigures();
    void manualPlacementIsExact();
    void attemptsModelShowsTheTimeline();
    void linesAndEventsModels();
};

void TstOrderModels::statusNamesRoundTrip()
{
    for (client::OrderStatus s : allOrderStatuses())
        QCOMPARE(orderStatusFromName(statusName(s)), s);
    for (SubOrderStatus s : allSubOrderStatuses())
        QCOMPARE(subOrderStatusFromName(statusName(s)), s);
    QCOMPARE(statusName(SubOrderStatus::NeedsManual), QStringLiteral("needs_manual"));
    QVERIFY(!subOrderStatusFromName(u"lost"));
    QCOMPARE(models::statusLabel(QStringLiteral("placed_manually")),
             QStringLiteral("Placed manually"));
    QCOMPARE(models::statusLabel(QStringLiteral("expired")), QStringLiteral("Expired"));
    QCOMPARE(models::statusLabel(QStringLiteral("teleported")), QStringLiteral("teleported"));
}

void TstOrderModels::readsTheOrderList()
{
    const QJsonObject item =
        parse(kOrderList).value(QStringLiteral("items")).toArray().at(0).toObject();
    QString why;
    const std::optional<client::OrderSummary> o = client::OrderSummary::fromJson(item, &why);
    QVERIFY2(o, qPrintable(why));
    QCOMPARE(o->id, 42);
    QCOMPARE(o->status, client::OrderStatus::Paid);
    QCOMPARE(o->customer.username, QStringLiteral("li.wei"));
    QCOMPARE(o->total, Money(123456, Currency::cny()));
    QCOMPARE(o->createdAt, QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC));
    QCOMPARE(o->subOrders.size(), 2);
    QCOMPARE(o->subOrders.at(0).merchantOrderId, QStringLiteral("US-000123"));
    QCOMPARE(o->subOrders.at(1).status, SubOrderStatus::NeedsManual);
    QCOMPARE(o->subOrders.at(1).merchantOrderId, QString());
}

void TstOrderModels::refusesUnreadableOrders()
{
    QJsonObject item = parse(kOrderList).value(QStringLiteral("items")).toArray().at(0).toObject();
    QString why;
    QJsonObject bad = item;
    bad.insert(QStringLiteral("status"), QStringLiteral("shipped"));
    QVERIFY(!client::OrderSummary::fromJson(bad, &why));
    QCOMPARE(why, QStringLiteral("order 42 has an unknown status"));
    bad = item;
    bad.remove(QStringLiteral("total"));
    QVERIFY(!client::OrderSummary::fromJson(bad, &why));
    QCOMPARE(why, QStringLiteral("order 42 has no readable total"));
    bad = item;
    // A fractional minor amount is not money the desktop can trust.
    bad.insert(QStringLiteral("total"),
               QJsonObject{{QStringLiteral("minor"), 12.5},
                           {QStringLiteral("currency"), QStringLiteral("CNY")}});
    QVERIFY(!client::OrderSummary::fromJson(bad, &why));
    bad = item;
    bad.remove(QStringLiteral("id"));
    QVERIFY(!client::OrderSummary::fromJson(bad, &why));
    QCOMPARE(why, QStringLiteral("an order has no id"));
}

void TstOrderModels::readsTheOrderDetail()
{
    QString why;
    const std::optional<client::OrderDetail> d =
        client::OrderDetail::fromJson(parse(kOrderDetail), &why);
    QVERIFY2(d, qPrintable(why));
    QCOMPARE(d->ruleSetVersion, 3);
    QCOMPARE(d->rateSnapshot, 9);
    QCOMPARE(d->paidAt, QDateTime(QDate(2026, 11, 25), QTime(10, 2), Qt::UTC));
    QCOMPARE(d->address.value(QStringLiteral("city")).toString(), QStringLiteral("Hangzhou"));
    QCOMPARE(d->subOrders.size(), 2);
    const client::SubOrder &us = d->subOrders.at(0);
    QCOMPARE(us.goods, Money(11998, *Currency::fromCode(u"USD")));
    QCOMPARE(us.lines.size(), 1);
    QCOMPARE(us.lines.at(0).unitPrice, Money(5999, *Currency::fromCode(u"USD")));
    QCOMPARE(us.lines.at(0).total, Money(86000, Currency::cny()));
    QCOMPARE(us.lines.at(0).titleZh, QStringLiteral("台灯"));
    QCOMPARE(d->subOrders.at(1).merchantOrderId, QString());
    QVERIFY(!d->quote.isEmpty());
    QCOMPARE(d->payments.size(), 1);
    QCOMPARE(d->payments.at(0).status, QStringLiteral("paid"));
    QCOMPARE(d->refunds.size(), 1);
    QCOMPARE(d->refunds.at(0).subOrderId, 102);
    QCOMPARE(d->refunds.at(0).amount, Money(23456, Currency::cny()));
    QCOMPARE(d->events.size(), 2);
    QCOMPARE(d->events.at(0).subOrderId, 0);
    QCOMPARE(d->events.at(0).actor, QStringLiteral("gateway:simpay"));
    QCOMPARE(d->events.at(1).subOrderId, 102);
    QCOMPARE(d->events.at(1).to, QStringLiteral("needs_manual"));

    // A line without a readable unit price refuses the whole order.
    QJsonObject bad = parse(kOrderDetail);
    QJsonArray subs = bad.value(QStringLiteral("subOrders")).toArray();
    QJsonObject sub = subs.at(0).toObject();
    QJsonArray lines = sub.value(QStringLiteral("lines")).toArray();
    QJsonObject line = lines.at(0).toObject();
    line.insert(QStringLiteral("unitPrice"),
                QJsonObject{{QStringLiteral("minor"), 1},
                            {QStringLiteral("currency"), QStringLiteral("XXX")}});
    lines.replace(0, line);
    sub.insert(QStringLiteral("lines"), lines);
    subs.replace(0, sub);
    bad.insert(QStringLiteral("subOrders"), subs);
    QVERIFY(!client::OrderDetail::fromJson(bad, &why));
    QCOMPARE(why, QStringLiteral("the line of SKU 5 has no readable unitPrice"));
}

void TstOrderModels::readsASubOrderWithAttempts()
{
    QString why;
    const std::optional<client::SubOrderDetail> d =
        client::SubOrderDetail::fromJson(parse(kSubOrder), &why);
    QVERIFY2(d, qPrintable(why));
    QCOMPARE(d->item.id, 102);
    QCOMPARE(d->item.orderId, 42);
    QCOMPARE(d->item.status, SubOrderStatus::NeedsManual);
    QCOMPARE(d->item.claimedBy, QStringLiteral("ops.one"));
    QCOMPARE(d->item.goods, Money(2500, *Currency::fromCode(u"GBP")));
    QCOMPARE(d->item.attempts, 2);
    QCOMPARE(d->item.lines.at(0).sourceUrl, QStringLiteral("https://sim.example/shop/uk/p/9"));
    QCOMPARE(d->item.lines.at(0).merchantSku, QStringLiteral("UK-9"));
    QVERIFY(!d->item.lines.at(0).total);
    QCOMPARE(d->clientReference, QStringLiteral("HT-42-102"));
    QVERIFY(!d->paid);
    QCOMPARE(d->events.size(), 1);
    QCOMPARE(d->attempts.size(), 2);
    const client::PlacementAttempt &first = d->attempts.at(0);
    QCOMPARE(first.durationMs(), 2500);
    QCOMPARE(first.failedStep, QStringLiteral("create"));
    QCOMPARE(first.steps.size(), 2);
    QCOMPARE(first.steps.at(0).durationMs(), 120);
    QCOMPARE(first.steps.at(0).httpStatus, 200);
    QCOMPARE(first.steps.at(1).outcome, QStringLiteral("ambiguous"));
    QCOMPARE(first.steps.at(1).detail, QStringLiteral("timed out"));
    QCOMPARE(d->attempts.at(1).durationMs(), -1); // still running

    // The placement item alone needs its goods amount.
    QJsonObject bad = parse(kSubOrder);
    bad.remove(QStringLiteral("goods"));
    QVERIFY(!client::PlacementItem::fromJson(bad, &why));
    QCOMPARE(why, QStringLiteral("sub-order 102 has no readable goods"));
}

void TstOrderModels::readsCountsAndRefusesMissingOnes()
{
    QString why;
    const std::optional<client::PlacementCounts> c =
        client::PlacementCounts::fromJson(parse(kCounts), &why);
    QVERIFY2(c, qPrintable(why));
    QCOMPARE(c->awaitingPlacement, 3);
    QCOMPARE(c->needsManual, 4);
    QCOMPARE(c->placedManually, 2);
    QCOMPARE(c->stuck, 2);
    QCOMPARE(c->oldestNeedsManualAt, QDateTime(QDate(2026, 11, 25), QTime(8, 0), Qt::UTC));
    QJsonObject bad = parse(kCounts);
    bad.remove(QStringLiteral("stuck"));
    QVERIFY(!client::PlacementCounts::fromJson(bad, &why));
    QCOMPARE(why, QStringLiteral("the placement counts have no stuck"));
    bad = parse(kCounts);
    bad.insert(QStringLiteral("oldestNeedsManualAt"), QJsonValue::Null);
    QVERIFY(client::PlacementCounts::fromJson(bad, &why));
    QVERIFY(!client::PlacementCounts::fromJson(bad, &why)->oldestNeedsManualAt.isValid());
}

void TstOrderModels::readsStatsAndTheirFigures()
{
    QString why;
    const std::optional<client::PlacementStats> s =
        client::PlacementStats::fromJson(parse(kStats), &why);
    QVERIFY2(s, qPrintable(why));
    QCOMPARE(s->days.size(), 3);
    QCOMPARE(s->days.at(0).date, QDate(2026, 11, 24));
    QCOMPARE(s->latency.at(0).p90Ms, 4000);
    QCOMPARE(s->queue.at(1).needsManual, 2);

    const auto bySite = models::successBySite(*s);
    QCOMPARE(bySite.keys(),
             (QStringList{QStringLiteral("amazon.com"), QStringLiteral("asos.com")}));
    const QList<models::DaySuccess> amazon = bySite.value(QStringLiteral("amazon.com"));
    QCOMPARE(amazon.size(), 2);
    QCOMPARE(amazon.at(0).placed, 9);
    QCOMPARE(amazon.at(0).decided, 10);
    QCOMPARE(*amazon.at(0).percent(), 90.0);
    QCOMPARE(*amazon.at(1).percent(), 75.0);
    // Nothing decided on that day: no rate rather than 0 %.
    QVERIFY(!bySite.value(QStringLiteral("asos.com")).at(0).percent());

    const auto top = models::topFailures(*s, 2);
    QCOMPARE(top.size(), 2);
    QCOMPARE(top.at(0).reason, QStringLiteral("captcha"));
    QCOMPARE(top.at(1).step, QStringLiteral("check_price")); // ties by step name
    QCOMPARE(models::topFailures(*s, 10).size(), 3);

    QJsonObject bad = parse(kStats);
    bad.insert(QStringLiteral("queue"),
               QJsonArray{QJsonObject{{QStringLiteral("date"), QStringLiteral("yesterday")}}});
    QVERIFY(!client::PlacementStats::fromJson(bad, &why));
}

void TstOrderModels::manualPlacementIsExact()
{
    const Currency gbp = *Currency::fromCode(u"GBP");
    const MoneyResult<Money> paid = Money::parse(u"25.10", gbp);
    QVERIFY(paid);
    const client::ManualPlacement p{QStringLiteral("UK-000777"), paid.value()};
    const QJsonObject json = p.toJson();
    QCOMPARE(json.value(QStringLiteral("merchantOrderId")).toString(), QStringLiteral("UK-000777"));
    QCOMPARE(
        json.value(QStringLiteral("paid")).toObject().value(QStringLiteral("minor")).toInteger(),
        2510);
    QCOMPARE(
        json.value(QStringLiteral("paid")).toObject().value(QStringLiteral("currency")).toString(),
        QStringLiteral("GBP"));
}

void TstOrderModels::attemptsModelShowsTheTimeline()
{
    PlacementAttemptsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const std::optional<client::SubOrderDetail> d =
        client::SubOrderDetail::fromJson(parse(kSubOrder), nullptr);
    QVERIFY(d);
    model.setAttempts(d->attempts);
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex first = model.index(0, 0);
    QCOMPARE(first.data().toString(), QStringLiteral("Attempt 1"));
    QCOMPARE(model.rowCount(first), 2);
    QCOMPARE(model.rowCount(model.index(0, PlacementAttemptsModel::OutcomeColumn)), 0);
    QCOMPARE(model.index(0, PlacementAttemptsModel::DurationColumn).data(models::RawRole),
             QVariant(qint64(2500)));
    QCOMPARE(model.index(0, PlacementAttemptsModel::AnswerColumn).data().toString(),
             QStringLiteral("Create order: timeout"));
    const QModelIndex signIn = model.index(0, 0, first);
    QCOMPARE(signIn.parent(), first);
    QCOMPARE(signIn.data().toString(), QStringLiteral("Sign in"));
    QCOMPARE(signIn.data(models::RawRole).toString(), QStringLiteral("sign_in"));
    QCOMPARE(model.index(0, PlacementAttemptsModel::DurationColumn, first).data(models::RawRole),
             QVariant(qint64(120)));
    QCOMPARE(model.index(0, PlacementAttemptsModel::HttpColumn, first).data(), QVariant(200));
    QCOMPARE(model.index(1, PlacementAttemptsModel::OutcomeColumn, first).data().toString(),
             QStringLiteral("No clear answer"));
    QCOMPARE(model.index(1, PlacementAttemptsModel::OutcomeColumn, first)
                 .data(models::RawRole)
                 .toString(),
             QStringLiteral("ambiguous"));
    // No answer from the shop: the detail says what happened.
    QCOMPARE(model.index(1, PlacementAttemptsModel::AnswerColumn, first).data().toString(),
             QStringLiteral("timed out"));
    QCOMPARE(model.index(1, PlacementAttemptsModel::DurationColumn).data(models::RawRole),
             QVariant(qint64(-1)));
    QCOMPARE(model.rowCount(model.index(1, 0)), 0);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TstOrderModels::linesAndEventsModels()
{
    const std::optional<client::OrderDetail> d =
        client::OrderDetail::fromJson(parse(kOrderDetail), nullptr);
    QVERIFY(d);
    models::OrderLinesModel lines;
    QAbstractItemModelTester linesTester(&lines,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    lines.setOrder(*d);
    QCOMPARE(lines.rowCount(), 2);
    using L = models::OrderLinesModel;
    QCOMPARE(lines.index(0, L::SiteColumn).data().toString(), QStringLiteral("amazon.com"));
    QCOMPARE(lines.index(0, L::UnitPriceColumn).data().toString(), QStringLiteral("USD 59.99"));
    QCOMPARE(lines.index(0, L::UnitPriceColumn).data(models::RawRole), QVariant(qint64(5999)));
    QCOMPARE(lines.index(0, L::TotalColumn).data().toString(), QStringLiteral("CNY 860.00"));
    QCOMPARE(lines.index(1, L::StatusColumn).data().toString(),
             QStringLiteral("Needs manual placement"));
    QCOMPARE(lines.index(1, L::StatusColumn).data(models::RawRole),
             QVariant(int(SubOrderStatus::NeedsManual)));
    QCOMPARE(lines.index(1, L::TitleColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("围巾"));

    const std::optional<client::PlacementItem> item =
        client::PlacementItem::fromJson(parse(kSubOrder), nullptr);
    QVERIFY(item);
    lines.setPlacement(*item);
    QCOMPARE(lines.rowCount(), 1);
    QCOMPARE(lines.index(0, L::QuantityColumn).data(L::SourceUrlRole).toString(),
             QStringLiteral("https://sim.example/shop/uk/p/9"));
    QCOMPARE(lines.index(0, L::TotalColumn).data(), QVariant());

    models::OrderEventsModel events;
    QAbstractItemModelTester eventsTester(&events,
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    events.setEvents(d->events);
    QCOMPARE(events.rowCount(), 2);
    using E = models::OrderEventsModel;
    QCOMPARE(events.index(0, E::SubOrderColumn).data().toString(), QStringLiteral("order"));
    QCOMPARE(events.index(1, E::SubOrderColumn).data().toLongLong(), 102);
    QCOMPARE(events.index(0, E::ToColumn).data().toString(), QStringLiteral("Paid"));
    QCOMPARE(events.index(1, E::ToColumn).data(models::RawRole).toString(),
             QStringLiteral("needs_manual"));
    QCOMPARE(events.index(1, E::ReasonColumn).data().toString(), QStringLiteral("captcha"));
    QCOMPARE(events.index(0, E::TimeColumn).data(models::RawRole).toDateTime(),
             QDateTime(QDate(2026, 11, 25), QTime(10, 2), Qt::UTC));
}

QTEST_GUILESS_MAIN(TstOrderModels)
#include "tst_ordermodels.moc"
