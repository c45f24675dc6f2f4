// The Warehouse receiving screen against a fake server answering the contract's JSON
// (tests/desktop/fakehttpserver.h), offscreen, driven by the keyboard only: every key goes to
// the widget that has the focus, as a barcode scanner's would. A match turns the banner green
// with words and one beep and moves the keyboard to the weight; already received is amber with
// two beeps and the earlier receipt; unknown is red with three beeps and the scan selected for
// the next one. Enter previews the weight (difference, fee adjustment before/after) and only
// a second Enter (or Ctrl+Enter) on that same weight confirms; then the keyboard is back in
// the scan field and the receipt heads the list. The ready groups dispatch one parcel and show
// its tracking number. The two models pass QAbstractItemModelTester.

#include "backend-client/apiclient.h"
#include "models/itemroles.h"
#include "models/receivingreadymodel.h"
#include "models/recentreceiptsmodel.h"
#include "tests/desktop/fakehttpserver.h"
#include "widgets/messagelabel.h"
#include "widgets/readytodispatchpanel.h"
#include "widgets/receivingresultpanel.h"
#include "widgets/warehousedelegates.h"
#include "widgets/warehousereceivingpage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace haitao;
using widgets::ReceivingResultPanel;
using widgets::WarehouseReceivingPage;
using State = ReceivingResultPanel::State;

namespace {

const QString kMatched = QStringLiteral("SP000000123US");  // shipment 11, priced on 1000 g
const QString kConflict = QStringLiteral("SP000000456US"); // shipment 14: someone else gets there
const QString kReceived = QStringLiteral("SP000000999US"); // shipment 12, received before
const QString kBoom = QStringLiteral("BOOM1");             // the server fails

QJsonObject money(qint64 minor)
{
    return {{QStringLiteral("minor"), minor}, {QStringLiteral("currency"), QStringLiteral("CNY")}};
}

QJsonObject shipment(qint64 id, qint64 orderId, const QString &customer)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("orderId"), orderId},
            {QStringLiteral("subOrderId"), id + 90},
            {QStringLiteral("site"), QStringLiteral("amazon.com")},
            {QStringLiteral("customer"), customer},
            {QStringLiteral("status"), QStringLiteral("in_transit")},
            {QStringLiteral("pricedWeightG"), 1000},
            {QStringLiteral("lines"),
             QJsonArray{QJsonObject{{QStringLiteral("title"), QStringLiteral("Blue mug")},
                                    {QStringLiteral("titleZh"), QStringLiteral("蓝色马克杯")},
                                    {QStringLiteral("quantity"), 2}}}}};
}

QJsonObject address(const QString &name)
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("phone"), QStringLiteral("13800000000")},
            {QStringLiteral("province"), QStringLiteral("Shanghai")},
            {QStringLiteral("city"), QStringLiteral("Shanghai")},
            {QStringLiteral("district"), QStringLiteral("Pudong")},
            {QStringLiteral("line1"), QStringLiteral("88 Century Ave")},
            {QStringLiteral("postcode"), QStringLiteral("200120")}};
}

// The contract's warehouse routes over a little state: which shipments are received and
// which dispatched.
class FakeWarehouse
{
public:
    FakeReply handle(const FakeRequest &r)
    {
        const QString base = QStringLiteral("/api/v1/logistics/");
        if (r.method == "GET" && r.path == base + QStringLiteral("receiving/lookup"))
            return lookup(r.query.queryItemValue(QStringLiteral("scan"), QUrl::FullyDecoded));
        if (r.method == "POST" && r.path == base + QStringLiteral("receiving/preview"))
            return preview(r.json());
        if (r.method == "POST" && r.path == base + QStringLiteral("receiving"))
            return receive(r.json());
        if (r.method == "GET" && r.path == base + QStringLiteral("receiving/ready"))
            return ready();
        if (r.method == "POST" && r.path == base + QStringLiteral("parcels"))
            return dispatch(r.json());
        return FakeHttpServer::problem(404, QStringLiteral("not-found"),
                                       QStringLiteral("no route"));
    }

    QSet<qint64> received;
    QSet<qint64> dispatched;

private:
    FakeReply lookup(const QString &scan)
    {
        const QString s = scan.simplified().remove(QLatin1Char(' ')).toUpper();
        if (s == kBoom)
            return FakeHttpServer::problem(503, QStringLiteral("unavailable"),
                                           QStringLiteral("the store is down"));
        QJsonObject body{{QStringLiteral("match"), QStringLiteral("unknown")},
                         {QStringLiteral("shipment"), QJsonValue::Null},
                         {QStringLiteral("receipt"), QJsonValue::Null}};
        if (s == kMatched || s == kConflict) {
            const qint64 id = s == kMatched ? 11 : 14;
            body[QStringLiteral("match")] = received.contains(id)
                                                ? QStringLiteral("already_received")
                                                : QStringLiteral("matched");
            body[QStringLiteral("shipment")] = shipment(id, 42, QStringLiteral("wang"));
            if (id == 14 && received.contains(id))
                body[QStringLiteral("receipt")] = QJsonObject{
                    {QStringLiteral("id"), 9},
                    {QStringLiteral("shipmentId"), 14},
                    {QStringLiteral("weightG"), 1010},
                    {QStringLiteral("pricedWeightG"), 1000},
                    {QStringLiteral("adjustment"), QJsonValue::Null},
                    {QStringLiteral("receivedBy"), QStringLiteral("zhao.packer")},
                    {QStringLiteral("receivedAt"), QStringLiteral("2026-11-26T02:59:00Z")}};
        } else if (s == kReceived) {
            body[QStringLiteral("match")] = QStringLiteral("already_received");
            body[QStringLiteral("shipment")] = shipment(12, 43, QStringLiteral("li"));
            body[QStringLiteral("receipt")] =
                QJsonObject{{QStringLiteral("id"), 7},
                            {QStringLiteral("shipmentId"), 12},
                            {QStringLiteral("weightG"), 800},
                            {QStringLiteral("pricedWeightG"), 1000},
                            {QStringLiteral("adjustment"), QJsonValue::Null},
                            {QStringLiteral("receivedBy"), QStringLiteral("li.packer")},
                            {QStringLiteral("receivedAt"), QStringLiteral("2026-11-25T09:00:00Z")}};
        }
        return {200, body};
    }

    // 2 fen per gram beyond a 50 g tolerance, on a 100 CNY sub-order.
    static QJsonObject previewBody(qint64 weight)
    {
        const qint64 diff = weight - 1000;
        const bool beyond = qAbs(diff) > 50;
        QJsonObject body{{QStringLiteral("pricedWeightG"), 1000},
                         {QStringLiteral("weightG"), weight},
                         {QStringLiteral("differenceG"), diff},
                         {QStringLiteral("beyondTolerance"), beyond},
                         {QStringLiteral("adjustment"), QJsonValue::Null}};
        if (beyond)
            body[QStringLiteral("adjustment")] =
                QJsonObject{{QStringLiteral("amount"), money(diff * 2)},
                            {QStringLiteral("before"), money(10000)},
                            {QStringLiteral("after"), money(10000 + diff * 2)}};
        return body;
    }

    FakeReply preview(const QJsonObject &in)
    {
        return {200, previewBody(in.value(QStringLiteral("weightG")).toInteger())};
    }

    FakeReply receive(const QJsonObject &in)
    {
        const qint64 id = in.value(QStringLiteral("shipmentId")).toInteger();
        const qint64 weight = in.value(QStringLiteral("weightG")).toInteger();
        if (id == 14)
            received.insert(14); // someone else at another desk, a moment earlier
        if (id == 14 || received.contains(id))
            return FakeHttpServer::problem(409, QStringLiteral("conflict"),
                                           QStringLiteral("This shipment was received already."));
        received.insert(id);
        const QJsonObject p = previewBody(weight);
        QJsonValue adjustment = QJsonValue::Null;
        if (p.value(QStringLiteral("adjustment")).isObject())
            adjustment = QJsonObject{
                {QStringLiteral("id"), 3},
                {QStringLiteral("amount"),
                 p.value(QStringLiteral("adjustment")).toObject().value(QStringLiteral("amount"))},
                {QStringLiteral("status"), QStringLiteral("due")}};
        return {201, QJsonObject{
                         {QStringLiteral("id"), 8},
                         {QStringLiteral("shipmentId"), id},
                         {QStringLiteral("weightG"), weight},
                         {QStringLiteral("pricedWeightG"), 1000},
                         {QStringLiteral("adjustment"), adjustment},
                         {QStringLiteral("receivedBy"), QStringLiteral("ops1")},
                         {QStringLiteral("receivedAt"), QStringLiteral("2026-11-26T03:00:00Z")}}};
    }

    FakeReply ready()
    {
        QJsonArray groups;
        // li's shipment 12 was received before; wang's 11 once this session receives it.
        if (!dispatched.contains(12))
            groups.append(QJsonObject{
                {QStringLiteral("customer"), QStringLiteral("li")},
                {QStringLiteral("address"), address(QStringLiteral("Li Lei"))},
                {QStringLiteral("shipments"),
                 QJsonArray{QJsonObject{{QStringLiteral("id"), 12},
                                        {QStringLiteral("orderId"), 43},
                                        {QStringLiteral("site"), QStringLiteral("amazon.com")},
                                        {QStringLiteral("weightG"), 800}},
                            QJsonObject{{QStringLiteral("id"), 15},
                                        {QStringLiteral("orderId"), 44},
                                        {QStringLiteral("site"), QStringLiteral("asos.com")},
                                        {QStringLiteral("weightG"), 450}}}}});
        if (received.contains(11) && !dispatched.contains(11))
            groups.append(QJsonObject{
                {QStringLiteral("customer"), QStringLiteral("wang")},
                {QStringLiteral("address"), address(QStringLiteral("Wang Fang"))},
                {QStringLiteral("shipments"),
                 QJsonArray{QJsonObject{{QStringLiteral("id"), 11},
                                        {QStringLiteral("orderId"), 42},
                                        {QStringLiteral("site"), QStringLiteral("amazon.com")},
                                        {QStringLiteral("weightG"), 1250}}}}});
        return {200, QJsonObject{{QStringLiteral("groups"), groups}}};
    }

    FakeReply dispatch(const QJsonObject &in)
    {
        const QJsonArray ids = in.value(QStringLiteral("shipmentIds")).toArray();
        for (const QJsonValue &v : ids)
            dispatched.insert(v.toInteger());
        return {201,
                QJsonObject{{QStringLiteral("legId"), 5},
                            {QStringLiteral("carrier"), QStringLiteral("intlexpress")},
                            {QStringLiteral("trackingNumber"), QStringLiteral("IE000000001CN")},
                            {QStringLiteral("shipmentIds"), ids}}};
    }
};

class ExposedDelegate : public widgets::WarehouseDelegate
{
public:
    using widgets::WarehouseDelegate::initStyleOption;
};

} // namespace

class TstWarehouseReceiving : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void readyModelPassesTester();
    void receiptsModelPassesTester();
    void matchPreviewConfirmByKeyboard();
    void changedWeightIsPreviewedAgain();
    void alreadyReceivedShowsEarlierReceipt();
    void unknownSelectsTheScan();
    void failedLookupSaysSo();
    void scannerWhileWeighingStartsANewScan();
    void escapeAbandonsTheMatch();
    void conflictOnConfirm();
    void dispatchParcelShowsTrackingNumber();

private:
    QWidget *focused() const { return QApplication::focusWidget(); }
    // Keys go where the focus is, as a scanner's would.
    void type(const QString &text) { QTest::keyClicks(focused(), text); }
    void enter(Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::keyClick(focused(), Qt::Key_Return, modifiers);
    }
    bool scan(const QString &text);
    QStringList paths() const;

    FakeWarehouse m_warehouse;
    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<client::ApiClient> m_client;
    std::unique_ptr<WarehouseReceivingPage> m_page;
    int m_beeps = 0;
};

void TstWarehouseReceiving::initTestCase()
{
    // Grouped thousands ("1,250 g") whatever the machine's locale.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_server = std::make_unique<FakeHttpServer>(
        [this](const FakeRequest &r) { return m_warehouse.handle(r); });
}

void TstWarehouseReceiving::init()
{
    m_warehouse = FakeWarehouse();
    m_server->clearRequests();
    m_client = std::make_unique<client::ApiClient>();
    m_client->setBaseUrl(m_server->url());
    m_client->setToken(QStringLiteral("token"));
    m_page = std::make_unique<WarehouseReceivingPage>(m_client.get());
    m_beeps = 0;
    m_page->setBeeper([this] { ++m_beeps; });
    m_page->resize(1000, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    QTRY_COMPARE(m_page->readyPanel()->model()->rowCount(), 1); // loaded when first shown
    QCOMPARE(focused(), m_page->scanEdit());
}

void TstWarehouseReceiving::cleanup()
{
    m_page.reset();
    m_client.reset();
}

bool TstWarehouseReceiving::scan(const QString &text)
{
    QSignalSpy finished(m_page.get(), &WarehouseReceivingPage::lookupFinished);
    type(text);
    enter();
    return finished.wait(5000) || finished.count() > 0;
}

QStringList TstWarehouseReceiving::paths() const
{
    QStringList out;
    for (const FakeRequest &r : m_server->requests())
        out << QString::fromLatin1(r.method) + QLatin1Char(' ') + r.path;
    return out;
}

void TstWarehouseReceiving::readyModelPassesTester()
{
    models::ReceivingReadyModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    client::ReadyGroups groups;
    client::ReadyGroup a;
    a.customer = QStringLiteral("li");
    a.addressText = QStringLiteral("Li Lei, Shanghai");
    a.shipments = {{12, 43, QStringLiteral("amazon.com"), 800},
                   {15, 44, QStringLiteral("asos.com"), 450}};
    client::ReadyGroup b;
    b.customer = QStringLiteral("wang");
    b.shipments = {{11, 42, QStringLiteral("amazon.com"), 1250}};
    groups.groups = {a, b};
    model.setGroups(groups);
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex li = model.index(0, 0);
    QCOMPARE(model.rowCount(li), 2);
    QCOMPARE(model.rowCount(model.index(0, 1)), 0);
    QCOMPARE(model.data(model.index(0, models::ReceivingReadyModel::WeightColumn), models::RawRole)
                 .toLongLong(),
             1250); // the parcel's weight: the sum
    const QModelIndex asos = model.index(1, models::ReceivingReadyModel::SiteColumn, li);
    QCOMPARE(asos.data().toString(), QStringLiteral("asos.com"));
    QCOMPARE(asos.parent(), li);
    QCOMPARE(asos.data(models::IdRole).toLongLong(), 15);
    QCOMPARE(model.shipmentIds(asos), (QList<qint64>{12, 15}));
    QCOMPARE(model.shipmentIds(model.index(1, 0)), (QList<qint64>{11}));
    QCOMPARE(model.groupOf(asos), 0);
    QVERIFY(model.shipmentIds({}).isEmpty());
    // Weights go through the delegate: grams with a unit, not a bare number.
    ExposedDelegate delegate;
    QStyleOptionViewItem option;
    delegate.initStyleOption(
        &option, model.index(0, models::ReceivingReadyModel::WeightColumn, model.index(1, 0)));
    QCOMPARE(option.text, QStringLiteral("1,250 g"));
    model.retranslate();
    model.setGroups({});
    QCOMPARE(model.rowCount(), 0);
}

void TstWarehouseReceiving::receiptsModelPassesTester()
{
    models::RecentReceiptsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    for (int i = 1; i <= models::RecentReceiptsModel::kMaxRows + 3; ++i) {
        client::Receipt r;
        r.id = i;
        r.shipmentId = 100 + i;
        r.weightG = 1000 + i;
        r.pricedWeightG = 1000;
        if (i % 2)
            r.adjustment = client::ReceiptAdjustment{i, Money(-i * 10, Currency::cny()),
                                                     QStringLiteral("refund_pending")};
        model.add({r, QStringLiteral("SP%1").arg(i), 40 + i, QStringLiteral("wang")});
    }
    QCOMPARE(model.rowCount(), models::RecentReceiptsModel::kMaxRows);
    // Newest first; the oldest fell off.
    QCOMPARE(model.index(0, 0).data(models::IdRole).toLongLong(),
             models::RecentReceiptsModel::kMaxRows + 3);
    const QModelIndex adj = model.index(0, models::RecentReceiptsModel::AdjustmentColumn);
    QCOMPARE(adj.data(models::RawRole).toLongLong(), -530);
    ExposedDelegate delegate;
    QStyleOptionViewItem option;
    delegate.initStyleOption(&option, adj);
    QCOMPARE(option.text, QStringLiteral("−CNY 5.30"));
    // No adjustment: an empty cell, not "CNY 0.00".
    option = QStyleOptionViewItem();
    delegate.initStyleOption(&option,
                             model.index(1, models::RecentReceiptsModel::AdjustmentColumn));
    QCOMPARE(option.text, QString());
}

void TstWarehouseReceiving::matchPreviewConfirmByKeyboard()
{
    QVERIFY(scan(kMatched.toLower())); // scanners and people type either case
    QCOMPARE(m_page->state(), State::Matched);
    QLabel *banner = m_page->result()->banner();
    QVERIFY2(banner->text().contains(QStringLiteral("MATCHED")), qPrintable(banner->text()));
    QCOMPARE(banner->palette().color(QPalette::Window),
             ReceivingResultPanel::background(State::Matched));
    QCOMPARE(m_beeps, 1);
    const QString details = m_page->result()->details()->text();
    QVERIFY2(details.contains(QStringLiteral("Order 42")) && details.contains(u"wang") &&
                 details.contains(QStringLiteral("1,000 g")),
             qPrintable(details));
    QVERIFY(
        m_page->result()->lines()->text().contains(QStringLiteral("2 × Blue mug (蓝色马克杯)")));
    QCOMPARE(focused(), m_page->weightEdit());
    QVERIFY(!m_page->confirmButton()->isEnabled());

    // Enter previews: nothing is recorded yet.
    QSignalSpy previewed(m_page.get(), &WarehouseReceivingPage::previewShown);
    type(QStringLiteral("1250"));
    enter();
    QVERIFY(previewed.wait(5000));
    QVERIFY(m_server->requestsTo(QStringLiteral("/api/v1/logistics/receiving")).isEmpty());
    const FakeRequest p =
        m_server->requestsTo(QStringLiteral("/api/v1/logistics/receiving/preview")).value(0);
    QCOMPARE(p.json().value(QStringLiteral("shipmentId")).toInteger(), 11);
    QCOMPARE(p.json().value(QStringLiteral("weightG")).toInteger(), 1250);
    const QString preview = m_page->previewLabel()->text();
    for (const QString &part : {QStringLiteral("+250 g"), QStringLiteral("beyond the tolerance"),
                                QStringLiteral("+CNY 5.00"), QStringLiteral("before +CNY 100.00"),
                                QStringLiteral("after +CNY 105.00")})
        QVERIFY2(preview.contains(part), qPrintable(preview + QStringLiteral(" lacks ") + part));
    QVERIFY(m_page->confirmButton()->isEnabled());
    QCOMPARE(focused(), m_page->weightEdit());

    // Enter again on the same weight confirms.
    QSignalSpy recorded(m_page.get(), &WarehouseReceivingPage::receiptRecorded);
    enter();
    QVERIFY(recorded.wait(5000));
    // Looked up, previewed, then confirmed: in that order, once each.
    const QStringList sent = paths();
    const qsizetype lookedUp =
        sent.indexOf(QStringLiteral("GET /api/v1/logistics/receiving/lookup"));
    const qsizetype previewedAt =
        sent.indexOf(QStringLiteral("POST /api/v1/logistics/receiving/preview"));
    const qsizetype confirmedAt = sent.indexOf(QStringLiteral("POST /api/v1/logistics/receiving"));
    QVERIFY2(lookedUp >= 0 && lookedUp < previewedAt && previewedAt < confirmedAt,
             qPrintable(sent.join(QStringLiteral(", "))));
    QCOMPARE(sent.count(QStringLiteral("POST /api/v1/logistics/receiving")), 1);
    const FakeRequest lookup =
        m_server->requestsTo(QStringLiteral("/api/v1/logistics/receiving/lookup")).value(0);
    QCOMPARE(lookup.query.queryItemValue(QStringLiteral("scan")), kMatched.toLower());
    const FakeRequest confirm =
        m_server->requestsTo(QStringLiteral("/api/v1/logistics/receiving")).value(0);
    QCOMPARE(confirm.json().value(QStringLiteral("shipmentId")).toInteger(), 11);
    QCOMPARE(confirm.json().value(QStringLiteral("weightG")).toInteger(), 1250);
    QCOMPARE(confirm.header("Authorization"), QByteArray("Bearer token"));

    // Back to scanning: the field is empty and has the keyboard; the receipt heads the list.
    QCOMPARE(focused(), m_page->scanEdit());
    QVERIFY(m_page->scanEdit()->text().isEmpty());
    QCOMPARE(m_page->state(), State::Received);
    QVERIFY(m_page->result()->banner()->text().contains(QStringLiteral("RECEIVED")));
    QVERIFY(!m_page->weightEdit()->isEnabled());
    QCOMPARE(m_page->receiptsModel()->rowCount(), 1);
    const auto &entry = m_page->receiptsModel()->entryAt(0);
    QCOMPARE(entry.receipt.weightG, 1250);
    QCOMPARE(entry.receipt.adjustment->amount, Money(500, Currency::cny()));
    QCOMPARE(entry.scan, kMatched.toLower());
    QVERIFY(m_page->message()->text().contains(QStringLiteral("+CNY 5.00")));
    // The ready groups reload: wang's shipment joins.
    QTRY_COMPARE(m_page->readyPanel()->model()->rowCount(), 2);
}

void TstWarehouseReceiving::changedWeightIsPreviewedAgain()
{
    QVERIFY(scan(kMatched));
    QSignalSpy previewed(m_page.get(), &WarehouseReceivingPage::previewShown);
    type(QStringLiteral("1250"));
    enter();
    QVERIFY(previewed.wait(5000));
    // A changed weight: the confirm goes away until Enter previews it.
    QTest::keyClick(focused(), Qt::Key_Backspace);
    QTest::keyClick(focused(), Qt::Key_Backspace);
    QVERIFY(!m_page->confirmButton()->isEnabled());
    QVERIFY(!m_page->previewLabel()->text().contains(QStringLiteral("+250 g")));
    type(QStringLiteral("20"));
    QCOMPARE(m_page->weightEdit()->text(), QStringLiteral("1220"));
    enter(Qt::ControlModifier); // Ctrl+Enter never confirms an unpreviewed weight
    QVERIFY(previewed.wait(5000));
    QVERIFY(m_server->requestsTo(QStringLiteral("/api/v1/logistics/receiving")).isEmpty());
    const QList<FakeRequest> previews =
        m_server->requestsTo(QStringLiteral("/api/v1/logistics/receiving/preview"));
    QCOMPARE(previews.size(), 2);
    QCOMPARE(previews.at(1).json().value(QStringLiteral("weightG")).toInteger(), 1220);
    QVERIFY(m_page->previewLabel()->text().contains(QStringLiteral("+220 g")));

    QSignalSpy recorded(m_page.get(), &WarehouseReceivingPage::receiptRecorded);
    enter(Qt::ControlModifier);
    QVERIFY(recorded.wait(5000));
    QCOMPARE(m_server->requestsTo(QStringLiteral("/api/v1/logistics/receiving"))
                 .value(0)
                 .json()
                 .value(QStringLiteral("weightG"))
                 .toInteger(),
             1220);
    QCOMPARE(focused(), m_page->scanEdit());

    // Within tolerance: no adjustment, said in words.
    QVERIFY(scan(kConflict));
    type(QStringLiteral("1030"));
    enter();
    QVERIFY(previewed.wait(5000));
    QVERIFY(m_page->previewLabel()->text().contains(QStringLiteral("within the tolerance")));
    QVERIFY(m_page->previewLabel()->text().contains(QStringLiteral("No fee adjustment")));

    // A weight that is not whole grams is refused before any call.
    m_server->clearRequests();
    QTest::keyClick(focused(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(focused(), Qt::Key_Backspace);
    enter();
    QVERIFY(m_page->message()->isError());
    QVERIFY(m_server->requests().isEmpty());
}

void TstWarehouseReceiving::alreadyReceivedShowsEarlierReceipt()
{
    QVERIFY(scan(kReceived));
    QCOMPARE(m_page->state(), State::AlreadyReceived);
    QLabel *banner = m_page->result()->banner();
    QVERIFY2(banner->text().contains(QStringLiteral("ALREADY RECEIVED")),
             qPrintable(banner->text()));
    QCOMPARE(banner->palette().color(QPalette::Window),
             ReceivingResultPanel::background(State::AlreadyReceived));
    QVERIFY(ReceivingResultPanel::background(State::AlreadyReceived) !=
            ReceivingResultPanel::background(State::Matched));
    QTRY_COMPARE(m_beeps, 2);
    QTest::qWait(WarehouseReceivingPage::kBeepGapMs * 3);
    QCOMPARE(m_beeps, 2);
    const QString receipt = m_page->result()->receipt()->text();
    QVERIFY2(receipt.contains(u"li.packer") && receipt.contains(QStringLiteral("800 g")) &&
                 receipt.contains(QStringLiteral("no fee adjustment")),
             qPrintable(receipt));
    QVERIFY(m_page->result()->receipt()->isVisible());
    // Nothing to weigh: the keyboard stays in the scan field, the scan selected.
    QCOMPARE(focused(), m_page->scanEdit());
    QCOMPARE(m_page->scanEdit()->selectedText(), kReceived);
    QVERIFY(!m_page->weightEdit()->isEnabled());
    QVERIFY(m_server->requestsTo(QStringLiteral("/api/v1/logistics/receiving/preview")).isEmpty());
}

void TstWarehouseReceiving::unknownSelectsTheScan()
{
    const QString nope = QStringLiteral("NOPE123");
    QVERIFY(scan(nope));
    QCOMPARE(m_page->state(), State::Unknown);
    QLabel *banner = m_page->result()->banner();
    QVERIFY2(banner->text().contains(QStringLiteral("UNKNOWN")), qPrintable(banner->text()));
    QCOMPARE(banner->palette().color(QPalette::Window),
             ReceivingResultPanel::background(State::Unknown));
    QTRY_COMPARE(m_beeps, 3);
    QCOMPARE(focused(), m_page->scanEdit());
    QCOMPARE(m_page->scanEdit()->selectedText(), nope);
    QVERIFY(m_page->result()->details()->text().isEmpty());
    // The next scan replaces the selected text.
    QVERIFY(scan(kMatched));
    QCOMPARE(m_page->scanEdit()->text(), kMatched);
    QCOMPARE(m_page->state(), State::Matched);
    QTRY_COMPARE(m_beeps, 4);
}

void TstWarehouseReceiving::failedLookupSaysSo()
{
    QVERIFY(scan(kBoom));
    QCOMPARE(m_page->state(), State::Failed);
    QVERIFY(m_page->result()->banner()->text().contains(QStringLiteral("the store is down")));
    QCOMPARE(m_page->result()->banner()->palette().color(QPalette::Window),
             ReceivingResultPanel::background(State::Failed));
    QTRY_COMPARE(m_beeps, 3);
    QCOMPARE(focused(), m_page->scanEdit());
    QCOMPARE(m_page->scanEdit()->selectedText(), kBoom);
}

void TstWarehouseReceiving::scannerWhileWeighingStartsANewScan()
{
    QVERIFY(scan(kMatched));
    QCOMPARE(focused(), m_page->weightEdit());
    type(QStringLiteral("12"));
    // The next parcel's barcode arrives while the weight field has the keyboard.
    QSignalSpy finished(m_page.get(), &WarehouseReceivingPage::lookupFinished);
    for (const QChar c : kReceived)
        QTest::keyClicks(focused(), QString(c)); // key by key, to wherever the focus is now
    QCOMPARE(focused(), m_page->scanEdit());
    QCOMPARE(m_page->scanEdit()->text(), kReceived);
    enter();
    QVERIFY(finished.wait(5000));
    QCOMPARE(m_page->state(), State::AlreadyReceived);
    QVERIFY(m_page->weightEdit()->text().isEmpty());
    QVERIFY(m_server->requestsTo(QStringLiteral("/api/v1/logistics/receiving/preview")).isEmpty());
}

void TstWarehouseReceiving::escapeAbandonsTheMatch()
{
    QVERIFY(scan(kMatched));
    type(QStringLiteral("900"));
    QTest::keyClick(focused(), Qt::Key_Escape);
    QCOMPARE(m_page->state(), State::Idle);
    QCOMPARE(focused(), m_page->scanEdit());
    QVERIFY(!m_page->weightEdit()->isEnabled());
    QVERIFY(m_page->weightEdit()->text().isEmpty());
    enter(); // the old scan again: looked up again
    QTRY_COMPARE(m_page->state(), State::Matched);
}

void TstWarehouseReceiving::conflictOnConfirm()
{
    QVERIFY(scan(kConflict));
    QSignalSpy previewed(m_page.get(), &WarehouseReceivingPage::previewShown);
    type(QStringLiteral("1000"));
    enter();
    QVERIFY(previewed.wait(5000));
    m_beeps = 0;
    QSignalSpy failed(m_page.get(), &WarehouseReceivingPage::confirmFailed);
    QSignalSpy lookedUp(m_page.get(), &WarehouseReceivingPage::lookupFinished);
    enter();
    QVERIFY(failed.wait(5000));
    // Looked up again: the other desk's receipt, amber, as a second scan would show it.
    QVERIFY(lookedUp.wait(5000));
    QCOMPARE(m_server->requests().last().path,
             QStringLiteral("/api/v1/logistics/receiving/lookup"));
    QCOMPARE(m_page->state(), State::AlreadyReceived);
    QVERIFY(m_page->result()->receipt()->text().contains(u"zhao.packer"));
    QVERIFY(m_page->message()->isError());
    QVERIFY(m_page->message()->text().contains(QStringLiteral("received already")));
    QTRY_COMPARE(m_beeps, 2);
    QCOMPARE(focused(), m_page->scanEdit());
    QCOMPARE(m_page->scanEdit()->selectedText(), kConflict);
    QCOMPARE(m_page->receiptsModel()->rowCount(), 0);
}

void TstWarehouseReceiving::dispatchParcelShowsTrackingNumber()
{
    widgets::ReadyToDispatchPanel *ready = m_page->readyPanel();
    QCOMPARE(ready->model()->rowCount(), 1);
    QVERIFY(ready->model()->groupIndex(0).data().toString() == u"li");
    QVERIFY(ready->model()
                ->index(0, models::ReceivingReadyModel::AddressColumn)
                .data()
                .toString()
                .contains(QStringLiteral("88 Century Ave")));
    QVERIFY(ready->dispatchButton()->isEnabled());
    QVERIFY(ready->dispatchButton()->text().contains(QStringLiteral("2 shipment")));
    // The shipment row selected dispatches its whole group.
    ready->view()->setCurrentIndex(ready->model()->index(1, 0, ready->model()->groupIndex(0)));
    QSignalSpy finished(ready, &widgets::ReadyToDispatchPanel::dispatchFinished);
    QTest::keyClick(m_page.get(), Qt::Key_D, Qt::AltModifier); // the button's mnemonic
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    const FakeRequest parcel =
        m_server->requestsTo(QStringLiteral("/api/v1/logistics/parcels")).value(0);
    QCOMPARE(parcel.method, QByteArray("POST"));
    QCOMPARE(parcel.json().value(QStringLiteral("shipmentIds")).toArray(), (QJsonArray{12, 15}));
    QVERIFY(ready->parcelLabel()->isVisible());
    QVERIFY(ready->parcelLabel()->text().contains(QStringLiteral("IE000000001CN")));
    QCOMPARE(focused(), m_page->scanEdit());
    QTRY_COMPARE(ready->model()->rowCount(), 0);
    QVERIFY(!ready->dispatchButton()->isEnabled());
}

QTEST_MAIN(TstWarehouseReceiving)
#include "tst_warehousereceiving.moc"
