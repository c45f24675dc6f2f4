// The Glossary page against the real server in-process, driven through its widgets: adding,
// editing a cell in the table, a conflicting edit, a refused cell, deleting after the
// confirmation, importing a CSV with a bad row, exporting and importing back Chinese text, and
// the translator's read-only view. Every test starts from empty glossaries.

#include "models/glossarymodel.h"
#include "models/itemroles.h"
#include "tests/desktop/glossaryfixture.h"
#include "tests/support/syncclient.h"
#include "tests/support/testserver.h"
#include "widgets/glossarypage.h"
#include "widgets/messagelabel.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace haitao;
using client::GlossaryEntry;
using models::GlossaryModel;
using widgets::GlossaryPage;

namespace {

const QString password = QStringLiteral("staff-password-1");
const QStringList pairs{QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("ja")};

template <typename T> T *child(const QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qWarning("no child %s", name);
    return found;
}

int rowOfTerm(const GlossaryModel &model, const QString &term)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.entryAt(row).term == term)
            return row;
    }
    return -1;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// Types into a line edit: keys for ASCII, a committed input-method string for the rest (QTest
// can only click Latin-1 keys).
void typeText(QLineEdit *edit, const QString &text)
{
    bool ascii = true;
    for (QChar c : text)
        ascii = ascii && c.unicode() < 128;
    if (ascii)
        QTest::keyClicks(edit, text);
    else
        edit->insert(text);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TstGlossaryPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void addThroughTheAddBar();
    void editACellInTheTable();
    void conflictingEditShowsTheirVersion();
    void refusedCellIsMarked();
    void deleteAsksFirst();
    void searchAndPairs();
    void importReportsBadRows();
    void exportImportRoundTripInChinese();
    void translatorOnlyReads();

private:
    std::unique_ptr<testing::SyncClient> signedIn(const QString &user);
    // A shown page of `user`, its first page loaded.
    std::unique_ptr<GlossaryPage> openPage(testing::SyncClient &client, Role role);
    // Types `text` into the cell through the view's editor and commits it with Enter.
    void editCell(GlossaryPage &page, int row, int column, const QString &text);
    // Picks `path` in the file dialog the button opened.
    void chooseFile(GlossaryPage &page, const char *button, const char *dialog,
                    const QString &path);

    std::unique_ptr<testing::TestServer> m_server;
    std::unique_ptr<testing::SyncClient> m_ops;   // the page's user
    std::unique_ptr<testing::SyncClient> m_other; // a second ops user, for setup and conflicts
    std::unique_ptr<testing::GlossaryFixture> m_fixture;
    QTemporaryDir m_dir;
};

void TstGlossaryPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<testing::TestServer>();
    QVERIFY(m_server->start());
    QVERIFY(m_server->createUser(QStringLiteral("ops.one"), password, Role::Ops) > 0);
    QVERIFY(m_server->createUser(QStringLiteral("ops.two"), password, Role::Ops) > 0);
    QVERIFY(m_server->createUser(QStringLiteral("tr.one"), password, Role::Translator) > 0);
    m_ops = signedIn(QStringLiteral("ops.one"));
    m_other = signedIn(QStringLiteral("ops.two"));
    m_fixture = std::make_unique<testing::GlossaryFixture>(m_other.get());
}

void TstGlossaryPage::init()
{
    for (const QString &source : pairs)
        QVERIFY(m_fixture->wipe(source));
}

std::unique_ptr<testing::SyncClient> TstGlossaryPage::signedIn(const QString &user)
{
    auto client = std::make_unique<testing::SyncClient>(m_server->url());
    const QString error = client->login(user, password);
    if (!error.isEmpty())
        qWarning("sign-in failed: %s", qPrintable(error));
    return client;
}

std::unique_ptr<GlossaryPage> TstGlossaryPage::openPage(testing::SyncClient &client, Role role)
{
    auto page = std::make_unique<GlossaryPage>(&client.api(), role);
    page->resize(900, 600);
    page->show();
    if (!QTest::qWaitForWindowExposed(page.get()))
        qWarning("page not exposed");
    if (!QTest::qWaitFor([&] { return !page->model()->isLoading(); }, 5000))
        qWarning("the first page did not load");
    return page;
}

void TstGlossaryPage::editCell(GlossaryPage &page, int row, int column, const QString &text)
{
    auto *view = child<QTableView>(&page, "glossaryView");
    QVERIFY(view);
    const QModelIndex index = page.model()->index(row, column);
    view->setCurrentIndex(index);
    view->edit(index);
    auto *editor = view->viewport()->findChild<QLineEdit *>();
    QVERIFY2(editor, "no line editor opened");
    editor->selectAll();
    if (text.isEmpty())
        QTest::keyClick(editor, Qt::Key_Delete);
    else
        typeText(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
}

void TstGlossaryPage::chooseFile(GlossaryPage &page, const char *button, const char *dialogName,
                                 const QString &path)
{
    QTest::mouseClick(child<QPushButton>(&page, button), Qt::LeftButton);
    QFileDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page.findChild<QFileDialog *>(QString::fromLatin1(dialogName))));
    QTRY_VERIFY(dialog->isVisible());
    dialog->selectFile(path);
    static_cast<QDialog *>(dialog)->accept(); // QFileDialog's own accept(), protected there
}

void TstGlossaryPage::addThroughTheAddBar()
{
    auto page = openPage(*m_ops, Role::Ops);
    QVERIFY(page->isEditable());
    QCOMPARE(page->title(), QStringLiteral("Glossary"));
    QCOMPARE(page->model()->rowCount(), 0);

    typeText(child<QLineEdit>(page.get(), "glossaryNewTerm"), QStringLiteral("cotton"));
    typeText(child<QLineEdit>(page.get(), "glossaryNewTranslation"), QStringLiteral("棉"));
    typeText(child<QLineEdit>(page.get(), "glossaryNewNote"), QStringLiteral("fabric, not plant"));
    QTest::mouseClick(child<QPushButton>(page.get(), "glossaryAddButton"), Qt::LeftButton);
    QTRY_COMPARE(page->model()->rowCount(), 1);
    const GlossaryEntry onServer = m_fixture->find(QStringLiteral("en"), QStringLiteral("cotton"));
    QCOMPARE(onServer.translation, QStringLiteral("棉"));
    QCOMPARE(onServer.note, QStringLiteral("fabric, not plant"));
    QCOMPARE(onServer.kind, QStringLiteral("term"));
    QVERIFY(child<QLineEdit>(page.get(), "glossaryNewTerm")->text().isEmpty()); // ready for more
    QTRY_VERIFY(child<QPushButton>(page.get(), "glossaryAddButton")->isEnabled());

    // A forbidden word, and then the same term again: the server refuses the duplicate.
    auto *kind = child<QComboBox>(page.get(), "glossaryNewKind");
    kind->setCurrentIndex(kind->findData(QStringLiteral("forbidden")));
    typeText(child<QLineEdit>(page.get(), "glossaryNewTerm"), QStringLiteral("cheap"));
    QTest::mouseClick(child<QPushButton>(page.get(), "glossaryAddButton"), Qt::LeftButton);
    QTRY_COMPARE(page->model()->rowCount(), 2);
    QCOMPARE(m_fixture->find(QStringLiteral("en"), QStringLiteral("cheap")).kind,
             QStringLiteral("forbidden"));

    kind->setCurrentIndex(kind->findData(QStringLiteral("term")));
    typeText(child<QLineEdit>(page.get(), "glossaryNewTerm"), QStringLiteral("cotton"));
    typeText(child<QLineEdit>(page.get(), "glossaryNewTranslation"), QStringLiteral("棉花"));
    QTest::mouseClick(child<QPushButton>(page.get(), "glossaryAddButton"), Qt::LeftButton);
    auto *message = child<widgets::MessageLabel>(page.get(), "glossaryMessage");
    QTRY_VERIFY(message->isError() && message->isVisible());
    QVERIFY(message->text().contains(QStringLiteral("already")));
    QCOMPARE(page->model()->rowCount(), 2);
    // What was typed stays, to be corrected.
    QCOMPARE(child<QLineEdit>(page.get(), "glossaryNewTerm")->text(), QStringLiteral("cotton"));
}

void TstGlossaryPage::editACellInTheTable()
{
    const GlossaryEntry e =
        m_fixture->create(QStringLiteral("en"), QStringLiteral("silk"), QStringLiteral("丝"));
    QVERIFY(e.id > 0);
    auto page = openPage(*m_ops, Role::Ops);
    QCOMPARE(page->model()->rowCount(), 1);

    editCell(*page, 0, GlossaryModel::TranslationColumn, QStringLiteral("真丝"));
    QTRY_COMPARE(m_fixture->find(QStringLiteral("en"), QStringLiteral("silk")).translation,
                 QStringLiteral("真丝"));
    QTRY_COMPARE(page->model()->pendingWrites(), 0);
    QCOMPARE(page->model()->entryAt(0).updatedBy, QStringLiteral("ops.one"));
    QVERIFY(!child<widgets::MessageLabel>(page.get(), "glossaryMessage")->isError());
}

void TstGlossaryPage::conflictingEditShowsTheirVersion()
{
    const GlossaryEntry e =
        m_fixture->create(QStringLiteral("en"), QStringLiteral("wool"), QStringLiteral("羊毛"));
    QVERIFY(e.id > 0);
    auto page = openPage(*m_ops, Role::Ops);
    GlossaryEntry theirs = e;
    theirs.note = QStringLiteral("theirs");
    QVERIFY(m_fixture->update(theirs).ok());

    editCell(*page, 0, GlossaryModel::NoteColumn, QStringLiteral("mine"));
    auto *message = child<widgets::MessageLabel>(page.get(), "glossaryMessage");
    QTRY_VERIFY(message->isError() && message->isVisible());
    QVERIFY(message->text().contains(QStringLiteral("Someone else")));
    QTRY_COMPARE(page->model()->index(0, GlossaryModel::NoteColumn).data().toString(),
                 QStringLiteral("theirs"));
    QCOMPARE(m_fixture->find(QStringLiteral("en"), QStringLiteral("wool")).note,
             QStringLiteral("theirs"));
}

void TstGlossaryPage::refusedCellIsMarked()
{
    const GlossaryEntry e =
        m_fixture->create(QStringLiteral("en"), QStringLiteral("linen"), QStringLiteral("亚麻"));
    QVERIFY(e.id > 0);
    auto page = openPage(*m_ops, Role::Ops);
    editCell(*page, 0, GlossaryModel::TermColumn, QString());
    const QModelIndex term = page->model()->index(0, GlossaryModel::TermColumn);
    QTRY_VERIFY(!term.data(models::ErrorRole).toString().isEmpty());
    auto *message = child<widgets::MessageLabel>(page.get(), "glossaryMessage");
    QVERIFY(message->isError() && message->isVisible());
    QVERIFY(message->text().contains(QStringLiteral("Not saved")));
    QCOMPARE(m_fixture->find(QStringLiteral("en"), QStringLiteral("linen")).version, e.version);
}

void TstGlossaryPage::deleteAsksFirst()
{
    QVERIFY(m_fixture->create(QStringLiteral("en"), QStringLiteral("a1"), QStringLiteral("甲")).id);
    QVERIFY(m_fixture->create(QStringLiteral("en"), QStringLiteral("b2"), QStringLiteral("乙")).id);
    auto page = openPage(*m_ops, Role::Ops);
    QCOMPARE(page->model()->rowCount(), 2);
    auto *remove = child<QPushButton>(page.get(), "glossaryDeleteButton");
    QVERIFY(!remove->isEnabled()); // nothing selected
    auto *view = child<QTableView>(page.get(), "glossaryView");
    const int row = rowOfTerm(*page->model(), QStringLiteral("a1"));
    view->selectRow(row);
    QVERIFY(remove->isEnabled());

    QTest::mouseClick(remove, Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = page->findChild<QMessageBox *>(QStringLiteral("deleteConfirmation"))));
    box->button(QMessageBox::Cancel)->click();
    QTest::qWait(50);
    QCOMPARE(m_fixture->all(QStringLiteral("en")).size(), 2);

    view->selectRow(rowOfTerm(*page->model(), QStringLiteral("a1")));
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_VERIFY((box = page->findChild<QMessageBox *>(QStringLiteral("deleteConfirmation"))));
    box->button(QMessageBox::Yes)->click();
    QTRY_COMPARE(page->model()->rowCount(), 1);
    const QList<GlossaryEntry> left = m_fixture->all(QStringLiteral("en"));
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.at(0).term, QStringLiteral("b2"));
}

void TstGlossaryPage::searchAndPairs()
{
    QVERIFY(
        m_fixture->create(QStringLiteral("en"), QStringLiteral("leather"), QStringLiteral("皮革"))
            .id);
    QVERIFY(
        m_fixture->create(QStringLiteral("en"), QStringLiteral("denim"), QStringLiteral("牛仔布"))
            .id);
    QVERIFY(m_fixture->create(QStringLiteral("de"), QStringLiteral("Leder"), QStringLiteral("皮革"))
                .id);
    auto page = openPage(*m_ops, Role::Ops);
    QCOMPARE(page->model()->rowCount(), 2);

    typeText(child<QLineEdit>(page.get(), "glossarySearch"), QStringLiteral("leat"));
    QTRY_COMPARE(page->model()->search(), QStringLiteral("leat"));
    QTRY_VERIFY(!page->model()->isLoading());
    QCOMPARE(page->model()->rowCount(), 1);
    QCOMPARE(page->model()->entryAt(0).term, QStringLiteral("leather"));

    child<QLineEdit>(page.get(), "glossarySearch")->clear();
    auto *pair = child<QComboBox>(page.get(), "glossaryPair");
    pair->setCurrentIndex(1); // German -> Chinese
    QCOMPARE(page->model()->sourceLanguage(), QStringLiteral("de"));
    QTRY_VERIFY(!page->model()->isLoading());
    QTRY_COMPARE(page->model()->search(), QString());
    QTRY_VERIFY(!page->model()->isLoading());
    QCOMPARE(page->model()->rowCount(), 1);
    QCOMPARE(page->model()->entryAt(0).term, QStringLiteral("Leder"));
}

void TstGlossaryPage::importReportsBadRows()
{
    QVERIFY(
        m_fixture->create(QStringLiteral("en"), QStringLiteral("velvet"), QStringLiteral("丝绒"))
            .id);
    auto page = openPage(*m_ops, Role::Ops);
    const QString path = m_dir.filePath(QStringLiteral("import.csv"));
    // Line 2 is new, line 3 changes velvet, line 4 has an unknown kind, line 5 is forbidden.
    QVERIFY(writeFile(path, QStringLiteral("term,translation,kind,note\r\n"
                                           "cashmere,羊绒,term,\r\n"
                                           "velvet,天鹅绒,term,soft\r\n"
                                           "satin,缎,banana,\r\n"
                                           "knockoff,,forbidden,\"never, ever\"\r\n")
                                .toUtf8()));
    QSignalSpy finished(page.get(), &GlossaryPage::importFinished);
    chooseFile(*page, "glossaryImportButton", "importFileDialog", path);
    QTRY_COMPARE(finished.count(), 1);

    auto *message = child<widgets::MessageLabel>(page.get(), "glossaryMessage");
    QVERIFY(message->isVisible());
    const QString text = message->text();
    QVERIFY2(text.contains(QStringLiteral("2 added")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("1 updated")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("1 rejected")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Line 4")), qPrintable(text));
    QVERIFY(message->isError()); // a rejected line must not go unnoticed

    QTRY_VERIFY(!page->model()->isLoading());
    QCOMPARE(page->model()->rowCount(), 3);
    QCOMPARE(m_fixture->find(QStringLiteral("en"), QStringLiteral("velvet")).translation,
             QStringLiteral("天鹅绒"));
    QCOMPARE(m_fixture->find(QStringLiteral("en"), QStringLiteral("knockoff")).note,
             QStringLiteral("never, ever"));
    QCOMPARE(m_fixture->find(QStringLiteral("en"), QStringLiteral("satin")).id, 0);
}

void TstGlossaryPage::exportImportRoundTripInChinese()
{
    QVERIFY(m_fixture
                ->create(QStringLiteral("ja"), QStringLiteral("綿"), QStringLiteral("棉"), {},
                         QStringLiteral("面料, \"纯棉\" 优先"))
                .id);
    QVERIFY(m_fixture
                ->create(QStringLiteral("ja"), QStringLiteral("激安"), QString(),
                         QStringLiteral("forbidden"), QStringLiteral("不可用"))
                .id);
    auto page = openPage(*m_ops, Role::Ops);
    auto *pair = child<QComboBox>(page.get(), "glossaryPair");
    pair->setCurrentIndex(2); // Japanese -> Chinese
    QTRY_VERIFY(!page->model()->isLoading());
    QCOMPARE(page->model()->rowCount(), 2);

    const QString path = m_dir.filePath(QStringLiteral("export.csv"));
    QSignalSpy exported(page.get(), &GlossaryPage::exportFinished);
    chooseFile(*page, "glossaryExportButton", "exportFileDialog", path);
    QTRY_COMPARE(exported.count(), 1);
    QVERIFY(!child<widgets::MessageLabel>(page.get(), "glossaryMessage")->isError());
    const QByteArray csv = readFile(path);
    QVERIFY(csv.startsWith("\xEF\xBB\xBF")); // the BOM, for Excel
    QVERIFY(csv.contains(QStringLiteral("棉").toUtf8()));
    QVERIFY(csv.contains(QStringLiteral("激安").toUtf8()));

    // Into an empty pair: the same entries come out.
    pair->setCurrentIndex(1); // German -> Chinese, empty
    QTRY_VERIFY(!page->model()->isLoading());
    QCOMPARE(page->model()->rowCount(), 0);
    QSignalSpy imported(page.get(), &GlossaryPage::importFinished);
    chooseFile(*page, "glossaryImportButton", "importFileDialog", path);
    QTRY_COMPARE(imported.count(), 1);
    QVERIFY2(!child<widgets::MessageLabel>(page.get(), "glossaryMessage")->isError(),
             qPrintable(child<widgets::MessageLabel>(page.get(), "glossaryMessage")->text()));
    QTRY_VERIFY(!page->model()->isLoading());
    QCOMPARE(page->model()->rowCount(), 2);
    for (const GlossaryEntry &original : m_fixture->all(QStringLiteral("ja"))) {
        const GlossaryEntry copy = m_fixture->find(QStringLiteral("de"), original.term);
        QVERIFY2(copy.id > 0, qPrintable(original.term));
        QCOMPARE(copy.translation, original.translation);
        QCOMPARE(copy.kind, original.kind);
        QCOMPARE(copy.note, original.note);
    }
    // And importing it again changes nothing.
    chooseFile(*page, "glossaryImportButton", "importFileDialog", path);
    QTRY_COMPARE(imported.count(), 2);
    const QString text = child<widgets::MessageLabel>(page.get(), "glossaryMessage")->text();
    QVERIFY2(text.contains(QStringLiteral("2 unchanged")), qPrintable(text));
}

void TstGlossaryPage::translatorOnlyReads()
{
    QVERIFY(m_fixture->create(QStringLiteral("en"), QStringLiteral("nylon"), QStringLiteral("尼龙"))
                .id);
    auto translator = signedIn(QStringLiteral("tr.one"));
    auto page = openPage(*translator, Role::Translator);
    QVERIFY(!page->isEditable());
    QCOMPARE(page->model()->rowCount(), 1); // translators read the glossary
    QVERIFY(!child<QWidget>(page.get(), "glossaryAddBar")->isVisible());
    QVERIFY(!child<QPushButton>(page.get(), "glossaryImportButton")->isVisible());
    QVERIFY(!child<QPushButton>(page.get(), "glossaryDeleteButton")->isVisible());
    auto *view = child<QTableView>(page.get(), "glossaryView");
    QCOMPARE(view->editTriggers(), QAbstractItemView::NoEditTriggers);
    const QModelIndex translation = page->model()->index(0, GlossaryModel::TranslationColumn);
    QVERIFY(!(page->model()->flags(translation) & Qt::ItemIsEditable));
    view->edit(translation);
    QVERIFY(!view->viewport()->findChild<QLineEdit *>());
    // Calling the import directly does nothing either.
    const QString path = m_dir.filePath(QStringLiteral("translator.csv"));
    QVERIFY(writeFile(path, QByteArrayLiteral("term,translation\nrayon,人造丝\n")));
    page->importFile(path);
    QTest::qWait(100);
    QCOMPARE(m_fixture->all(QStringLiteral("en")).size(), 1);

    // Exporting is for every staff member.
    const QString out = m_dir.filePath(QStringLiteral("translator-export.csv"));
    QSignalSpy exported(page.get(), &GlossaryPage::exportFinished);
    chooseFile(*page, "glossaryExportButton", "exportFileDialog", out);
    QTRY_COMPARE(exported.count(), 1);
    QVERIFY(readFile(out).contains(QStringLiteral("尼龙").toUtf8()));
}

QTEST_MAIN(TstGlossaryPage)
#include "tst_glossarypage.moc"
