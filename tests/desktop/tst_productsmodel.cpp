// ProductsModel against the real server in-process with a few hundred imported products: the
// row count is the server's count for the filter, rows load by block (offset) as they are
// asked for and match what the server lists at that offset, the block cache stays bounded,
// a filter change drops the old filter's answers, and QAbstractItemModelTester holds
// throughout.

#include "backend-client/catalogapi.h"
#include "models/itemroles.h"
#include "models/productsmodel.h"
#include "tests/support/rawjson.h"
#include "tests/support/syncclient.h"
#include "tests/support/testserver.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace haitao;
using models::ProductsModel;

namespace {

const QString opsPassword = QStringLiteral("ops-password-1");
constexpr int kPerSite = 240; // 480 products: three blocks of 200, several of 50

// One product per row; every third title is an "Alpha", the rest "Beta".
QByteArray feed(const QString &prefix)
{
    QByteArray csv = "sku,title,price,currency,category\r\n";
    for (int i = 0; i < kPerSite; ++i) {
        const QString word = i % 3 == 0 ? QStringLiteral("Alpha") : QStringLiteral("Beta");
        csv += QStringLiteral("%1-%2,%3 widget %1 %2,%4.99,USD,%5\r\n")
                   .arg(prefix)
                   .arg(i, 4, 10, QLatin1Char('0'))
                   .arg(word)
                   .arg(10 + i)
                   .arg(i % 2 == 0 ? QStringLiteral("Kitchen") : QStringLiteral("Garden"))
                   .toUtf8();
    }
    return csv;
}

} // namespace

class TstProductsModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void totalsFollowTheFilter();
    void blocksLoadByOffset();
    void cacheStaysBounded();
    void filterChangeDropsStaleAnswers();
    void sortIsServerSide();
    void refreshKeepsRowsAndRecounts();

private:
    bool importFeed(const QString &site, const QByteArray &csv);
    // The id the server lists at `offset` for `query` (extra query items, e.g. "q=alpha").
    qint64 idAt(qint64 offset, const QString &query = {});
    std::unique_ptr<ProductsModel> newModel();

    std::unique_ptr<testing::TestServer> m_server;
    std::unique_ptr<testing::SyncClient> m_ops;
};

void TstProductsModel::initTestCase()
{
    m_server = std::make_unique<testing::TestServer>();
    QVERIFY(m_server->start());
    QVERIFY(m_server->createUser(QStringLiteral("ops.one"), opsPassword, Role::Ops) > 0);
    m_ops = std::make_unique<testing::SyncClient>(m_server->url());
    QCOMPARE(m_ops->login(QStringLiteral("ops.one"), opsPassword), QString());
    QVERIFY(importFeed(QStringLiteral("shop-a.example"), feed(QStringLiteral("A"))));
    QVERIFY(importFeed(QStringLiteral("shop-b.example"), feed(QStringLiteral("B"))));
}

bool TstProductsModel::importFeed(const QString &site, const QByteArray &csv)
{
    const client::RawResponse r =
        m_ops->raw("POST", QStringLiteral("/api/v1/catalog/imports?format=csv&site=") + site, csv,
                   {{"Content-Type", "text/csv"}});
    if (r.status != 202) {
        qWarning("upload: %s", qPrintable(testing::describe(r)));
        return false;
    }
    const QString location = QString::fromUtf8(r.header("Location"));
    for (int i = 0; i < 400; ++i) {
        const QJsonObject job = testing::body(m_ops->raw("GET", location));
        const QString state = job.value(QStringLiteral("state")).toString();
        if (state == QLatin1String("done"))
            return true;
        if (state != QLatin1String("queued") && state != QLatin1String("running")) {
            qWarning("import ended %s", qPrintable(state));
            return false;
        }
        QTest::qWait(50);
    }
    return false;
}

qint64 TstProductsModel::idAt(qint64 offset, const QString &query)
{
    QString path = QStringLiteral("/api/v1/catalog/products?limit=1&offset=%1").arg(offset);
    if (!query.isEmpty())
        path += QLatin1Char('&') + query;
    const client::RawResponse r = m_ops->raw("GET", path);
    const QJsonArray items = testing::body(r).value(QStringLiteral("items")).toArray();
    if (r.status != 200 || items.isEmpty()) {
        qWarning("list: %s", qPrintable(testing::describe(r)));
        return -1;
    }
    return items.first().toObject().value(QStringLiteral("id")).toInteger();
}

std::unique_ptr<ProductsModel> TstProductsModel::newModel()
{
    return std::make_unique<ProductsModel>(client::CatalogApi(&m_ops->api()));
}

void TstProductsModel::totalsFollowTheFilter()
{
    auto model = newModel();
    QAbstractItemModelTester tester(model.get(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy counts(model.get(), &ProductsModel::countsChanged);
    model->setFilter({});
    QTRY_VERIFY(model->countsKnown());
    QCOMPARE(model->rowCount(), 2 * kPerSite);
    QCOMPARE(model->counts().total, 2 * kPerSite);
    QCOMPARE(model->counts().count(client::ProductStatus::Imported), 2 * kPerSite);
    QCOMPARE(counts.size(), 1);

    client::ProductFilter f;
    f.site = QStringLiteral("shop-b.example");
    model->setFilter(f);
    QCOMPARE(model->rowCount(), 0); // nothing until the count is in
    QTRY_VERIFY(model->countsKnown());
    QCOMPARE(model->rowCount(), kPerSite);

    f.category = QStringLiteral("Kitchen");
    model->setFilter(f);
    QTRY_VERIFY(model->countsKnown());
    QCOMPARE(model->rowCount(), kPerSite / 2);

    // A status filter counts only that status; counts still cover all of them.
    client::ProductFilter published;
    published.status = client::ProductStatus::Published;
    model->setFilter(published);
    QTRY_VERIFY(model->countsKnown());
    QCOMPARE(model->rowCount(), 0);
    QCOMPARE(model->counts().total, 2 * kPerSite);
}

void TstProductsModel::blocksLoadByOffset()
{
    auto model = newModel();
    QAbstractItemModelTester tester(model.get(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy first(model.get(), &ProductsModel::firstBlockLoaded);
    model->setFilter({});
    QTRY_COMPARE(first.size(), 1);
    QVERIFY(model->isLoaded(0));
    QVERIFY(model->isLoaded(ProductsModel::kBlockSize - 1));
    const int deep = 2 * kPerSite - 7; // in the last, short block
    QVERIFY(!model->isLoaded(deep));
    QCOMPARE(model->index(deep, ProductsModel::TitleColumn).data(models::LoadingRole), true);
    QVERIFY(!model->index(deep, ProductsModel::TitleColumn).data().isValid());

    QSignalSpy changed(model.get(), &QAbstractItemModel::dataChanged);
    QTRY_VERIFY(model->isLoaded(deep));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(model->index(deep, 0).data(models::IdRole).toLongLong(), idAt(deep));
    QCOMPARE(model->index(0, 0).data(models::IdRole).toLongLong(), idAt(0));
    QCOMPARE(model->index(deep, ProductsModel::TitleColumn).data(models::LoadingRole), false);
    QVERIFY(model->index(deep, ProductsModel::TitleColumn)
                .data()
                .toString()
                .contains(QLatin1String("widget")));
    QCOMPARE(model->index(deep, ProductsModel::StatusColumn).data(models::StatusRole).toInt(),
             int(client::ProductStatus::Imported));
    QVERIFY(model->index(deep, ProductsModel::PriceColumn)
                .data()
                .toString()
                .startsWith(QLatin1String("USD ")));
    // The middle block was never asked for.
    QVERIFY(!model->isLoaded(ProductsModel::kBlockSize + 10));
    QCOMPARE(model->cachedBlocks(), 2);
}

void TstProductsModel::cacheStaysBounded()
{
    // No tester here: it reads row 0 on every change, which would keep block 0 fresh.
    auto model = newModel();
    model->setCacheLimits(20, 3);
    model->setFilter({});
    QTRY_VERIFY(model->countsKnown());
    // Walk the whole table the way a scrolling view does: never more than a few requests
    // on the wire, never more than three blocks kept.
    int maxInFlight = 0;
    for (int row = 0; row < model->rowCount(); row += 20) {
        model->index(row, 1).data();
        QTRY_VERIFY(model->isLoaded(row));
        maxInFlight = std::max(maxInFlight, model->requestsInFlight());
        QVERIFY(model->cachedBlocks() <= 3);
    }
    QVERIFY(maxInFlight <= ProductsModel::kMaxInFlight);
    int loaded = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        loaded += model->isLoaded(row) ? 1 : 0;
    QCOMPARE(loaded, 3 * 20);
    QVERIFY(!model->isLoaded(40)); // evicted long ago
    QCOMPARE(model->index(40, 0).data(models::LoadingRole), true);
    QTRY_VERIFY(model->isLoaded(40)); // and fetched again when asked for
    QCOMPARE(model->index(40, 0).data(models::IdRole).toLongLong(), idAt(40));

    // Many rows asked for at once: at most kMaxInFlight requests go out.
    for (int row = 0; row < model->rowCount(); row += 20)
        model->index(row, 1).data();
    QCoreApplication::processEvents();
    QCOMPARE(model->requestsInFlight(), ProductsModel::kMaxInFlight);
    QTRY_COMPARE(model->requestsInFlight(), 0); // the latest few asked for, then no more
    QVERIFY(model->cachedBlocks() <= 3);
}

void TstProductsModel::filterChangeDropsStaleAnswers()
{
    auto model = newModel();
    QAbstractItemModelTester tester(model.get(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    client::ProductFilter alpha;
    alpha.search = QStringLiteral("Alpha");
    client::ProductFilter beta;
    beta.search = QStringLiteral("Beta");

    model->setFilter(alpha);
    QCoreApplication::processEvents(); // the alpha requests go out
    model->setFilter(beta);
    QTRY_VERIFY(model->countsKnown());
    QTRY_COMPARE(model->droppedAnswers(), 2); // alpha's count and first block
    QCOMPARE(model->rowCount(), 2 * kPerSite - 2 * (kPerSite / 3));
    QTRY_VERIFY(model->isLoaded(0));
    for (int row = 0; row < std::min(model->rowCount(), ProductsModel::kBlockSize); ++row) {
        const QString title = model->index(row, ProductsModel::TitleColumn).data().toString();
        QVERIFY2(title.startsWith(QLatin1String("Beta")), qPrintable(title));
    }
    QCOMPARE(model->index(0, 0).data(models::IdRole).toLongLong(),
             idAt(0, QStringLiteral("q=Beta")));
}

void TstProductsModel::sortIsServerSide()
{
    auto model = newModel();
    QAbstractItemModelTester tester(model.get(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    model->setFilter({});
    QTRY_VERIFY(model->isLoaded(0));
    QCOMPARE(model->sortColumn(), -1);
    model->sort(ProductsModel::TitleColumn);
    QCOMPARE(model->filter().sort, client::ProductSort::Title);
    QCOMPARE(model->sortColumn(), int(ProductsModel::TitleColumn));
    QTRY_VERIFY(model->isLoaded(1));
    QCOMPARE(model->index(0, 0).data(models::IdRole).toLongLong(),
             idAt(0, QStringLiteral("sort=title")));
    const QString a = model->index(0, ProductsModel::TitleColumn).data().toString();
    const QString b = model->index(1, ProductsModel::TitleColumn).data().toString();
    QVERIFY2(a.compare(b, Qt::CaseInsensitive) <= 0, qPrintable(a + QLatin1String(" > ") + b));
    QVERIFY(a.startsWith(QLatin1String("Alpha")));
    // Columns the server cannot sort by go back to newest first.
    model->sort(ProductsModel::SiteColumn);
    QCOMPARE(model->filter().sort, client::ProductSort::Newest);
}

void TstProductsModel::refreshKeepsRowsAndRecounts()
{
    auto model = newModel();
    QAbstractItemModelTester tester(model.get(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    client::ProductFilter imported;
    imported.status = client::ProductStatus::Imported;
    imported.site = QStringLiteral("shop-a.example");
    model->setFilter(imported);
    QTRY_VERIFY(model->isLoaded(0));
    const int before = model->rowCount();
    QCOMPARE(before, kPerSite);

    // Someone sends the first two to translation through the bulk call.
    const qint64 a = model->index(0, 0).data(models::IdRole).toLongLong();
    const qint64 b = model->index(1, 0).data(models::IdRole).toLongLong();
    client::CatalogApi api(&m_ops->api());
    client::BulkAction action;
    action.ids = {a, b};
    action.to = client::ProductStatus::InTranslation;
    const auto result = m_ops->wait<client::BulkResult>(
        [&](QObject *ctx, auto done) { api.bulk(action, ctx, done); });
    QVERIFY2(result.ok(), qPrintable(result.error().message()));
    QCOMPARE(result.value().failed(), 0);
    model->applyBulkResult(result.value());
    QCOMPARE(model->index(0, 0).data(models::StatusRole).toInt(),
             int(client::ProductStatus::InTranslation));

    QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
    model->refresh();
    QVERIFY(model->isLoaded(0)); // still shown while the fresh copy loads
    QTRY_COMPARE(model->rowCount(), before - 2);
    QTRY_COMPARE(model->counts().count(client::ProductStatus::InTranslation), 2);
    model->index(0, 0).data(); // a view repaints and asks again
    QTRY_VERIFY(model->index(0, 0).data(models::IdRole).toLongLong() != a);
    QCOMPARE(model->index(0, 0).data(models::IdRole).toLongLong(),
             idAt(0, QStringLiteral("status=imported&site=shop-a.example")));
    QCOMPARE(reset.size(), 0);
}

QTEST_MAIN(TstProductsModel)
#include "tst_productsmodel.moc"
