// The Products page against the real server in-process, offscreen, driven through its widgets
// as an ops user would: the debounced search narrows the table, the status tabs show the
// server's counts, bulk actions change statuses (and name the listings that failed), a reject
// needs a reason, the import dialog uploads a small CSV and shows its counts, and opening a
// row asks for its listing.

#include "backend-client/catalogapi.h"
#include "models/itemroles.h"
#include "models/productsmodel.h"
#include "tests/support/rawjson.h"
#include "tests/support/syncclient.h"
#include "tests/support/testserver.h"
#include "widgets/bulkactions.h"
#include "widgets/bulkdialogs.h"
#include "widgets/importdialog.h"
#include "widgets/messagelabel.h"
#include "widgets/productfilterbar.h"
#include "widgets/productspage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace haitao;
using models::ProductsModel;
using widgets::ProductsPage;

namespace {

const QString opsPassword = QStringLiteral("ops-password-1");
constexpr int kProducts = 60;
constexpr int kAlpha = kProducts / 3; // every third title

QByteArray feed()
{
    QByteArray csv = "sku,title,title_zh,price,currency\r\n";
    for (int i = 0; i < kProducts; ++i) {
        csv += QStringLiteral("P-%1,%2 lamp %1,台灯 %1,%3.50,EUR\r\n")
                   .arg(i, 3, 10, QLatin1Char('0'))
                   .arg(i % 3 == 0 ? QStringLiteral("Alpha") : QStringLiteral("Beta"))
                   .arg(20 + i)
                   .toUtf8();
    }
    return csv;
}

} // namespace

class TstProductsPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void searchNarrowsAfterAPause();
    void tabsShowCountsAndFilter();
    void bulkSendToTranslationUpdatesStatuses();
    void bulkFailuresAreNamed();
    void rejectNeedsAReason();
    void assignToATranslator();
    void importDialogImportsACsv();
    void enterOpensTheListing();

private:
    std::unique_ptr<ProductsPage> newPage();
    // Selects the first `count` rows once they are loaded.
    void selectRows(ProductsPage &page, int first, int count);
    QString statusOf(qint64 id);
    QList<qint64> idsWithStatus(const QString &status, int count);
    void moveTo(const QList<qint64> &ids, client::ProductStatus to);

    std::unique_ptr<testing::TestServer> m_server;
    std::unique_ptr<testing::SyncClient> m_ops;
    UserInfo m_user;
};

void TstProductsPage::initTestCase()
{
    m_server = std::make_unique<testing::TestServer>();
    QVERIFY(m_server->start());
    m_user.id = m_server->createUser(QStringLiteral("ops.one"), opsPassword, Role::Ops);
    QVERIFY(m_user.id > 0);
    QVERIFY(m_server->createUser(QStringLiteral("tr.one"), opsPassword, Role::Translator) > 0);
    m_user.username = QStringLiteral("ops.one");
    m_user.role = Role::Ops;
    m_ops = std::make_unique<testing::SyncClient>(m_server->url());
    QCOMPARE(m_ops->login(QStringLiteral("ops.one"), opsPassword), QString());

    const client::RawResponse r =
        m_ops->raw("POST", QStringLiteral("/api/v1/catalog/imports?site=lamps.example&format=csv"),
                   feed(), {{"Content-Type", "text/csv"}});
    QCOMPARE(r.status, 202);
    const QString location = QString::fromUtf8(r.header("Location"));
    QTRY_COMPARE(testing::body(m_ops->raw("GET", location)).value(QStringLiteral("state")),
                 QStringLiteral("done"));
}

std::unique_ptr<ProductsPage> TstProductsPage::newPage()
{
    auto page = std::make_unique<ProductsPage>(&m_ops->api(), m_user);
    page->resize(1200, 800);
    page->show();
    return page;
}

void TstProductsPage::selectRows(ProductsPage &page, int first, int count)
{
    QTRY_VERIFY(page.model()->isLoaded(first + count - 1));
    const QModelIndex top = page.model()->index(first, 0);
    const QModelIndex bottom = page.model()->index(first + count - 1, 0);
    page.view()->selectionModel()->select(QItemSelection(top, bottom),
                                          QItemSelectionModel::ClearAndSelect |
                                              QItemSelectionModel::Rows);
}

QString TstProductsPage::statusOf(qint64 id)
{
    return testing::body(m_ops->raw("GET", QStringLiteral("/api/v1/catalog/products/%1").arg(id)))
        .value(QStringLiteral("status"))
        .toString();
}

QList<qint64> TstProductsPage::idsWithStatus(const QString &status, int count)
{
    QList<qint64> ids;
    const QJsonArray items =
        testing::body(
            m_ops->raw("GET", QStringLiteral("/api/v1/catalog/products?status=%1&limit=%2")
                                  .arg(status)
                                  .arg(count)))
            .value(QStringLiteral("items"))
            .toArray();
    for (const QJsonValue &v : items)
        ids.append(v.toObject().value(QStringLiteral("id")).toInteger());
    return ids;
}

void TstProductsPage::moveTo(const QList<qint64> &ids, client::ProductStatus to)
{
    client::CatalogApi api(&m_ops->api());
    client::BulkAction action;
    action.ids = ids;
    action.to = to;
    const auto result = m_ops->wait<client::BulkResult>(
        [&](QObject *ctx, auto done) { api.bulk(action, ctx, done); });
    QVERIFY2(result.ok(), qPrintable(result.error().message()));
    QCOMPARE(result.value().failed(), 0);
}

void TstProductsPage::searchNarrowsAfterAPause()
{
    auto page = newPage();
    QTRY_COMPARE(page->model()->rowCount(), kProducts);
    QTest::keyClicks(page->filterBar()->searchEdit(), QStringLiteral("Alpha"));
    // Typing alone does not search: the server is asked once the user pauses.
    QCOMPARE(page->model()->filter().search, QString());
    QTRY_COMPARE(page->model()->filter().search, QStringLiteral("Alpha"));
    QTRY_COMPARE(page->model()->rowCount(), kAlpha);
    QTRY_VERIFY(page->model()->isLoaded(kAlpha - 1));
    for (int row = 0; row < kAlpha; ++row) {
        const QString title =
            page->model()->index(row, ProductsModel::TitleColumn).data().toString();
        QVERIFY2(title.startsWith(QLatin1String("Alpha")), qPrintable(title));
    }
    page->filterBar()->searchEdit()->clear();
    QTRY_COMPARE(page->model()->rowCount(), kProducts);
}

void TstProductsPage::tabsShowCountsAndFilter()
{
    auto page = newPage();
    QTabBar *tabs = page->statusTabs();
    QTRY_COMPARE(tabs->tabText(0), QStringLiteral("All (%1)").arg(kProducts));
    const auto &counts = page->model()->counts();
    QCOMPARE(tabs->tabText(1),
             QStringLiteral("Imported (%1)").arg(counts.count(client::ProductStatus::Imported)));
    QCOMPARE(tabs->tabText(4), QStringLiteral("Published (0)"));

    tabs->setCurrentIndex(1); // Imported
    QCOMPARE(page->model()->filter().status, client::ProductStatus::Imported);
    QTRY_COMPARE(page->model()->rowCount(),
                 int(page->model()->counts().count(client::ProductStatus::Imported)));
    tabs->setCurrentIndex(4); // Published: none
    QTRY_VERIFY(page->model()->countsKnown());
    QCOMPARE(page->model()->rowCount(), 0);
}

void TstProductsPage::bulkSendToTranslationUpdatesStatuses()
{
    auto page = newPage();
    page->statusTabs()->setCurrentIndex(1); // Imported
    QTRY_VERIFY(page->model()->countsKnown());
    const int imported = page->model()->rowCount();
    QVERIFY(imported >= 5);
    const qint64 inTranslation =
        page->model()->counts().count(client::ProductStatus::InTranslation);
    selectRows(*page, 0, 5);
    QList<qint64> ids;
    for (int row = 0; row < 5; ++row)
        ids.append(page->model()->index(row, 0).data(models::IdRole).toLongLong());

    widgets::BulkActionsBar *bar = page->bulkBar();
    QTRY_VERIFY(bar->translateButton()->isEnabled());
    QTest::mouseClick(bar->translateButton(), Qt::LeftButton);
    QTRY_VERIFY(!bar->isBusy());
    QVERIFY2(bar->message()->text().contains(QLatin1String("5 listing(s) done")),
             qPrintable(bar->message()->text()));
    QVERIFY(!bar->message()->isError());
    QVERIFY(bar->failures()->isHidden());
    for (const qint64 id : ids)
        QCOMPARE(statusOf(id), QStringLiteral("in_translation"));
    // The refresh refills rows 0-4 with other listings: nothing stays selected for a second
    // action to reach by mistake.
    QVERIFY(!page->view()->selectionModel()->hasSelection());
    QTRY_COMPARE(bar->selectedCount(), 0);
    QVERIFY(!bar->translateButton()->isEnabled());
    // The tab counts follow, and the Imported tab loses the five rows.
    QTRY_COMPARE(page->model()->rowCount(), imported - 5);
    QTRY_COMPARE(page->statusTabs()->tabText(2),
                 QStringLiteral("In translation (%1)").arg(inTranslation + 5));
    // The rows shown are fetched again as the view repaints: the five are gone from the tab.
    const auto shownIds = [&] {
        QList<qint64> shown;
        for (int row = 0; row < page->model()->rowCount(); ++row)
            shown.append(page->model()->index(row, 0).data(models::IdRole).toLongLong());
        return shown;
    };
    QTRY_VERIFY(
        std::none_of(ids.begin(), ids.end(), [&](qint64 id) { return shownIds().contains(id); }));
    QVERIFY(!shownIds().contains(0)); // every row loaded
    QCOMPARE(bar->selectedCount(), 0);
}

void TstProductsPage::bulkFailuresAreNamed()
{
    auto page = newPage();
    QTRY_VERIFY(page->model()->isLoaded(3));
    // Approving listings that are not in review: the server refuses each, by name.
    page->statusTabs()->setCurrentIndex(1); // Imported
    QTRY_VERIFY(page->model()->countsKnown());
    selectRows(*page, 0, 2);
    const qint64 first = page->model()->index(0, 0).data(models::IdRole).toLongLong();
    const QString title = page->model()->index(0, ProductsModel::TitleColumn).data().toString();
    widgets::BulkActionsBar *bar = page->bulkBar();
    QTest::mouseClick(bar->approveButton(), Qt::LeftButton);
    QTRY_VERIFY(!bar->isBusy());
    QVERIFY(bar->message()->isError());
    QVERIFY2(bar->message()->text().contains(QLatin1String("2 failed")),
             qPrintable(bar->message()->text()));
    QVERIFY(!bar->failures()->isHidden());
    QCOMPARE(bar->failures()->count(), 2);
    const QString line = bar->failures()->item(0)->text();
    QVERIFY2(line.contains(QString::number(first)) && line.contains(title), qPrintable(line));
    QCOMPARE(statusOf(first), QStringLiteral("imported"));
}

void TstProductsPage::rejectNeedsAReason()
{
    const QList<qint64> ids = idsWithStatus(QStringLiteral("imported"), 3);
    QCOMPARE(ids.size(), 3);
    moveTo(ids, client::ProductStatus::InTranslation);
    moveTo(ids, client::ProductStatus::InReview);

    auto page = newPage();
    page->statusTabs()->setCurrentIndex(3); // In review
    QTRY_VERIFY(page->model()->countsKnown());
    QCOMPARE(page->model()->rowCount(), 3);
    selectRows(*page, 0, 3);
    widgets::BulkActionsBar *bar = page->bulkBar();
    QTRY_VERIFY(bar->rejectButton()->isEnabled());
    QTest::mouseClick(bar->rejectButton(), Qt::LeftButton);
    auto *dialog = bar->findChild<widgets::RejectDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QPushButton *ok = dialog->buttons()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(dialog->reasonEdit(), QStringLiteral("   "));
    QVERIFY(!ok->isEnabled()); // blanks are no reason
    QTest::keyClicks(dialog->reasonEdit(), QStringLiteral("Size chart is untranslated"));
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY(!bar->isBusy());
    QTRY_VERIFY(bar->message()->text().contains(QLatin1String("3 listing(s) done")));
    for (const qint64 id : ids) {
        QCOMPARE(statusOf(id), QStringLiteral("in_translation"));
        const QJsonArray events =
            testing::body(
                m_ops->raw("GET", QStringLiteral("/api/v1/catalog/products/%1/events").arg(id)))
                .value(QStringLiteral("items"))
                .toArray();
        bool found = false;
        for (const QJsonValue &e : events)
            found = found || e.toObject().value(QStringLiteral("comment")).toString() ==
                                 QLatin1String("Size chart is untranslated");
        QVERIFY(found);
    }
    QTRY_COMPARE(page->model()->rowCount(), 0);

    // Cancelling the dialog sends nothing.
    moveTo(ids.mid(0, 1), client::ProductStatus::InReview);
    page->model()->refresh();
    QTRY_COMPARE(page->model()->rowCount(), 1);
    selectRows(*page, 0, 1);
    QTest::mouseClick(bar->rejectButton(), Qt::LeftButton);
    dialog = nullptr;
    for (auto *d : bar->findChildren<widgets::RejectDialog *>())
        dialog = d->isVisible() ? d : dialog;
    QVERIFY(dialog);
    dialog->reject();
    QTest::qWait(100);
    QCOMPARE(statusOf(ids.first()), QStringLiteral("in_review"));
}

void TstProductsPage::assignToATranslator()
{
    auto page = newPage();
    QTRY_VERIFY(page->model()->countsKnown());
    selectRows(*page, 0, 2);
    const qint64 first = page->model()->index(0, 0).data(models::IdRole).toLongLong();
    widgets::BulkActionsBar *bar = page->bulkBar();
    QTest::mouseClick(bar->assignButton(), Qt::LeftButton);
    auto *dialog = bar->findChild<widgets::AssignDialog *>();
    QVERIFY(dialog);
    // Ops may not list users: the name is typed.
    QTest::keyClicks(dialog->assigneeBox()->lineEdit(), QStringLiteral("tr.one"));
    QCOMPARE(dialog->assignee(), QStringLiteral("tr.one"));
    dialog->accept();
    QTRY_VERIFY(!bar->isBusy());
    QVERIFY2(bar->message()->text().contains(QLatin1String("2 listing(s) done")),
             qPrintable(bar->message()->text()));
    QCOMPARE(
        testing::body(m_ops->raw("GET", QStringLiteral("/api/v1/catalog/products/%1").arg(first)))
            .value(QStringLiteral("assignee"))
            .toString(),
        QStringLiteral("tr.one"));
    QTRY_COMPARE(page->model()->index(0, ProductsModel::AssigneeColumn).data().toString(),
                 QStringLiteral("tr.one"));
}

void TstProductsPage::importDialogImportsACsv()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("feed.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("sku,title,price,currency\r\n"
               "N-1,Gamma kettle,12.00,GBP\r\n"
               "N-2,Gamma teapot,not-a-price,GBP\r\n"
               "N-3,Gamma cup,3.25,GBP\r\n");
    file.close();

    auto page = newPage();
    QTRY_VERIFY(page->model()->countsKnown());
    const qint64 before = page->model()->counts().total;
    QVERIFY(page->importButton()->isVisible());
    QTest::mouseClick(page->importButton(), Qt::LeftButton);
    widgets::ImportDialog *dialog = page->importDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(!dialog->importButton()->isEnabled());
    dialog->setFeedFile(path);
    QTest::keyClicks(dialog->siteEdit(), QStringLiteral("cups.example"));
    QVERIFY(dialog->importButton()->isEnabled());
    QSignalSpy imported(dialog, &widgets::ImportDialog::imported);
    QTest::mouseClick(dialog->importButton(), Qt::LeftButton);
    QVERIFY(dialog->isRunning());
    QVERIFY(dialog->progress()->isVisible());
    QTRY_VERIFY(!dialog->isRunning());
    QVERIFY(dialog->lastStatus());
    QCOMPARE(dialog->lastStatus()->state, client::ImportStatus::State::Done);
    QVERIFY2(dialog->message()->text().contains(
                 QLatin1String("Done: 2 new, 0 updated, 0 unchanged, 1 rejected")),
             qPrintable(dialog->message()->text()));
    QCOMPARE(dialog->progress()->value(), dialog->progress()->maximum());
    QCOMPARE(dialog->rowErrors()->count(), 1);
    QVERIFY(dialog->rowErrors()->item(0)->text().contains(QLatin1String("Line 3")));
    QCOMPARE(imported.size(), 1);
    // The page counts the new products.
    QTRY_COMPARE(page->model()->counts().total, before + 2);

    // A failed upload is shown in the dialog, not elsewhere.
    dialog->siteEdit()->setText(QStringLiteral("not a site"));
    QTest::mouseClick(dialog->importButton(), Qt::LeftButton);
    QTRY_VERIFY(!dialog->isRunning());
    QVERIFY(dialog->message()->isError());
    QVERIFY2(dialog->message()->text().contains(QLatin1String("site")),
             qPrintable(dialog->message()->text()));
}

void TstProductsPage::enterOpensTheListing()
{
    auto page = newPage();
    QTRY_VERIFY(page->model()->isLoaded(2));
    QSignalSpy open(page.get(), &ProductsPage::openListingRequested);
    const QModelIndex index = page->model()->index(2, ProductsModel::TitleColumn);
    page->view()->setFocus();
    page->view()->setCurrentIndex(index);
    QTest::keyClick(page->view(), Qt::Key_Return);
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().first().toLongLong(), index.data(models::IdRole).toLongLong());

    const QRect rect = page->view()->visualRect(page->model()->index(1, 1));
    // As with a real mouse, the double-click event follows a first click.
    QTest::mouseClick(page->view()->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(page->view()->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_COMPARE(open.size(), 2);
    QCOMPARE(open.last().first().toLongLong(),
             page->model()->index(1, 0).data(models::IdRole).toLongLong());
}

QTEST_MAIN(TstProductsPage)
#include "tst_productspage.moc"
