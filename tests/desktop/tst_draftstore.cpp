// The translation editor's local drafts: the SQLite store on its own (keys, reopening, two
// stores on one file), and recovery after the editor is destroyed without saving, against
// the real server in process: the draft is offered on reopen, restoring brings the text
// back, a server version that moved meanwhile goes through the merge dialog, and saving
// clears the draft.

#include "backend-client/draftstore.h"
#include "tests/desktop/listingfixture.h"
#include "widgets/mergedialog.h"
#include "widgets/translationeditor.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace haitao;
using client::DraftStore;
using client::ListingDraft;
using widgets::TranslationEditor;

namespace {

const QString kUser = QStringLiteral("translator1");
const QString kPassword = QStringLiteral("translator-password-1");

const QByteArray kFeed = "sku,title,price,currency,description\n"
                         "TEE-1,Organic Cotton Tee,19.99,USD,A soft tee.\n"
                         "MUG-1,Enamel Camping Mug,9.50,USD,Holds 350 ml.\n"
                         "CAP-1,Wool Cap,14.00,USD,Warm.\n"
                         "BAG-1,Canvas Tote Bag,12.00,USD,Carries 10 kg.\n";

ListingDraft sampleDraft(qint64 productId)
{
    ListingDraft d;
    d.serverUrl = QStringLiteral("http://127.0.0.1:8080");
    d.user = kUser;
    d.productId = productId;
    d.baseVersion = 3;
    d.base.title = QStringLiteral("旧标题");
    d.text.title = QStringLiteral("新标题 𠀀");
    d.text.description = QStringLiteral("第一行\n第二行");
    d.text.attributes.insert(QStringLiteral("material"), QStringLiteral("棉"));
    return d;
}

} // namespace

class TstDraftStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void storeKeepsDraftsPerServerUserAndProduct();
    void storeSurvivesReopenAndSharesTheFile();
    void draftIsOfferedAfterTheEditorIsDestroyed();
    void pendingEditIsKeptWhenDestroyedBeforeTheTimer();
    void discardedDraftIsGone();
    void draftOnAnOlderVersionIsMerged();

private:
    std::unique_ptr<TranslationEditor> openEditor(qint64 productId);
    std::optional<ListingDraft> storedDraft(qint64 productId);

    std::unique_ptr<testing::TestServer> m_server;
    std::unique_ptr<testing::SyncClient> m_client;
    std::unique_ptr<testing::SyncClient> m_other;
    qint64 m_tee = 0, m_mug = 0, m_cap = 0, m_bag = 0;
};

void TstDraftStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HaitaoTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_draftstore"));
    QFile::remove(DraftStore::defaultPath());

    m_server = std::make_unique<testing::TestServer>();
    QVERIFY(m_server->start());
    m_server->createUser(kUser, kPassword, Role::Translator);
    m_server->createUser(QStringLiteral("ops1"), QStringLiteral("ops-password-1"), Role::Ops);
    m_client = std::make_unique<testing::SyncClient>(m_server->url());
    QCOMPARE(m_client->login(kUser, kPassword), QString());
    m_other = std::make_unique<testing::SyncClient>(m_server->url());
    QCOMPARE(m_other->login(QStringLiteral("ops1"), QStringLiteral("ops-password-1")), QString());
    m_tee = testing::importProduct(*m_server, *m_client, QStringLiteral("shop.example"), kFeed,
                                   QStringLiteral("TEE-1"));
    m_mug = testing::importProduct(*m_server, *m_client, QStringLiteral("shop.example"), kFeed,
                                   QStringLiteral("MUG-1"));
    m_cap = testing::importProduct(*m_server, *m_client, QStringLiteral("shop.example"), kFeed,
                                   QStringLiteral("CAP-1"));
    m_bag = testing::importProduct(*m_server, *m_client, QStringLiteral("shop.example"), kFeed,
                                   QStringLiteral("BAG-1"));
    QVERIFY(m_tee > 0 && m_mug > 0 && m_cap > 0 && m_bag > 0);
}

std::unique_ptr<TranslationEditor> TstDraftStore::openEditor(qint64 productId)
{
    UserInfo translator;
    translator.username = kUser;
    translator.role = Role::Translator;
    auto editor = std::make_unique<TranslationEditor>(&m_client->api(), translator, productId);
    editor->setAutosaveDelay(100);
    editor->show();
    return editor;
}

std::optional<ListingDraft> TstDraftStore::storedDraft(qint64 productId)
{
    DraftStore store;
    return store.load(m_server->url().toString(QUrl::StripTrailingSlash), kUser, productId);
}

void TstDraftStore::storeKeepsDraftsPerServerUserAndProduct()
{
    QTemporaryDir dir;
    DraftStore store(dir.filePath(QStringLiteral("d/drafts.sqlite")));
    QVERIFY2(store.isOpen(), qPrintable(store.errorString()));
    const ListingDraft d = sampleDraft(7);
    QVERIFY(!store.load(d.serverUrl, d.user, 7));
    QVERIFY(store.save(d));
    const auto back = store.load(d.serverUrl, d.user, 7);
    QVERIFY(back);
    QCOMPARE(back->text, d.text);
    QCOMPARE(back->base, d.base);
    QCOMPARE(back->baseVersion, 3);
    QVERIFY(qAbs(back->savedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);

    // Another product, user or server is another draft.
    QVERIFY(!store.load(d.serverUrl, d.user, 8));
    QVERIFY(!store.load(d.serverUrl, QStringLiteral("someone"), 7));
    QVERIFY(!store.load(QStringLiteral("http://other:8080"), d.user, 7));

    // Saving again replaces; removing removes only that one.
    ListingDraft newer = d;
    newer.text.title = QStringLiteral("更新");
    newer.savedAt = QDateTime(QDate(2025, 3, 1), QTime(8, 30), Qt::UTC);
    QVERIFY(store.save(newer));
    QVERIFY(store.save(sampleDraft(8)));
    QCOMPARE(store.load(d.serverUrl, d.user, 7)->text.title, QStringLiteral("更新"));
    QCOMPARE(store.load(d.serverUrl, d.user, 7)->savedAt, newer.savedAt);
    QVERIFY(store.remove(d.serverUrl, d.user, 7));
    QVERIFY(!store.load(d.serverUrl, d.user, 7));
    QVERIFY(store.load(d.serverUrl, d.user, 8));
}

void TstDraftStore::storeSurvivesReopenAndSharesTheFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("drafts.sqlite"));
    {
        DraftStore first(path);
        QVERIFY(first.save(sampleDraft(1)));
        // A second store on the same file (a second editor window) sees it at once.
        DraftStore second(path);
        QVERIFY(second.isOpen());
        QCOMPARE(second.load(sampleDraft(1).serverUrl, kUser, 1)->text, sampleDraft(1).text);
    }
    DraftStore reopened(path);
    QCOMPARE(reopened.load(sampleDraft(1).serverUrl, kUser, 1)->text, sampleDraft(1).text);

    // A path that cannot be a database says so instead of pretending.
    DraftStore broken(dir.path());
    QVERIFY(!broken.isOpen());
    QVERIFY(!broken.errorString().isEmpty());
    QVERIFY(!broken.save(sampleDraft(2)));
}

void TstDraftStore::draftIsOfferedAfterTheEditorIsDestroyed()
{
    const QString typed = QStringLiteral("有机棉T恤");
    {
        auto editor = openEditor(m_tee);
        QTRY_VERIFY(editor->isLoaded());
        QVERIFY(!editor->draftBanner()->isVisible());
        QSignalSpy written(editor.get(), &TranslationEditor::draftWritten);
        QPlainTextEdit *title = editor->targetEdit(QStringLiteral("title"));
        QVERIFY(title);
        QTest::keyClicks(title, QStringLiteral("Tee "));
        title->insertPlainText(typed);
        QTRY_VERIFY(written.count() > 0); // the autosave ran
        QVERIFY(storedDraft(m_tee));
        QCOMPARE(storedDraft(m_tee)->text.title, QStringLiteral("Tee ") + typed);
        // Destroyed without saving: as after a crash, the server has nothing.
    }
    QCOMPARE(testing::productJson(*m_client, m_tee).value(QStringLiteral("titleZh")).toString(),
             QString());

    auto editor = openEditor(m_tee);
    QTRY_VERIFY(editor->isLoaded());
    QTRY_VERIFY(editor->draftBanner()->isVisible());
    // When it was saved is shown; the fields wait for the answer.
    auto *bannerText = editor->draftBanner()->findChild<QLabel *>();
    QVERIFY(bannerText->text().contains(
        QLocale().toString(storedDraft(m_tee)->savedAt.toLocalTime(), QLocale::ShortFormat)));
    QVERIFY(editor->targetEdit(QStringLiteral("title"))->isReadOnly());
    QCOMPARE(editor->targetEdit(QStringLiteral("title"))->toPlainText(), QString());

    QTest::mouseClick(
        editor->draftBanner()->findChild<QPushButton *>(QStringLiteral("restoreDraftButton")),
        Qt::LeftButton);
    QVERIFY(!editor->draftBanner()->isVisible());
    QCOMPARE(editor->targetEdit(QStringLiteral("title"))->toPlainText(),
             QStringLiteral("Tee ") + typed);
    QVERIFY(editor->isDirty());

    QSignalSpy saved(editor.get(), &TranslationEditor::listingSaved);
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("saveButton")),
                      Qt::LeftButton);
    QTRY_COMPARE(saved.count(), 1);
    QVERIFY(!editor->isDirty());
    QVERIFY(!storedDraft(m_tee)); // saving cleared it
    QCOMPARE(testing::productJson(*m_client, m_tee).value(QStringLiteral("titleZh")).toString(),
             QStringLiteral("Tee ") + typed);

    // Reopened again: nothing to offer.
    editor.reset();
    editor = openEditor(m_tee);
    QTRY_VERIFY(editor->isLoaded());
    QVERIFY(!editor->draftBanner()->isVisible());
}

void TstDraftStore::pendingEditIsKeptWhenDestroyedBeforeTheTimer()
{
    {
        auto editor = openEditor(m_mug);
        editor->setAutosaveDelay(60000); // the timer never fires in this test
        QTRY_VERIFY(editor->isLoaded());
        editor->targetEdit(QStringLiteral("description"))
            ->insertPlainText(QStringLiteral("搪瓷杯"));
        QVERIFY(!storedDraft(m_mug));
    }
    QVERIFY(storedDraft(m_mug));
    QCOMPARE(storedDraft(m_mug)->text.description, QStringLiteral("搪瓷杯"));
    DraftStore().remove(m_server->url().toString(QUrl::StripTrailingSlash), kUser, m_mug);
}

void TstDraftStore::discardedDraftIsGone()
{
    {
        auto editor = openEditor(m_cap);
        QTRY_VERIFY(editor->isLoaded());
        QSignalSpy written(editor.get(), &TranslationEditor::draftWritten);
        editor->targetEdit(QStringLiteral("title"))->insertPlainText(QStringLiteral("羊毛帽"));
        QTRY_VERIFY(written.count() > 0);
    }
    auto editor = openEditor(m_cap);
    QTRY_VERIFY(editor->draftBanner()->isVisible());
    QTest::mouseClick(
        editor->draftBanner()->findChild<QPushButton *>(QStringLiteral("discardDraftButton")),
        Qt::LeftButton);
    QVERIFY(!editor->draftBanner()->isVisible());
    QVERIFY(!storedDraft(m_cap));
    QCOMPARE(editor->targetEdit(QStringLiteral("title"))->toPlainText(), QString());
    QVERIFY(!editor->targetEdit(QStringLiteral("title"))->isReadOnly());
}

void TstDraftStore::draftOnAnOlderVersionIsMerged()
{
    {
        auto editor = openEditor(m_bag);
        QTRY_VERIFY(editor->isLoaded());
        QSignalSpy written(editor.get(), &TranslationEditor::draftWritten);
        editor->targetEdit(QStringLiteral("title"))->insertPlainText(QStringLiteral("帆布袋"));
        QTRY_VERIFY(written.count() > 0);
    }
    // Meanwhile someone else saves a description.
    QCOMPARE(testing::putListing(*m_other, m_bag,
                                 {{QStringLiteral("descriptionZh"), QStringLiteral("可装10 kg")}}),
             200);

    auto editor = openEditor(m_bag);
    QSignalSpy merges(editor.get(), &TranslationEditor::mergeShown);
    QTRY_VERIFY(editor->draftBanner()->isVisible());
    editor->restoreDraft();
    QCOMPARE(merges.count(), 1);
    auto *dialog = merges.first().first().value<widgets::MergeDialog *>();
    QVERIFY(dialog);
    // Only the fields that differ between theirs and yours are offered: each changed one side.
    QCOMPARE(dialog->conflictingKeys().size(), 2);
    QVERIFY(!dialog->bothChanged(QStringLiteral("title")));
    QCOMPARE(dialog->resultEdit(QStringLiteral("title"))->toPlainText(), QStringLiteral("帆布袋"));
    QCOMPARE(dialog->resultEdit(QStringLiteral("description"))->toPlainText(),
             QStringLiteral("可装10 kg"));
    dialog->accept();
    QCOMPARE(editor->targetEdit(QStringLiteral("title"))->toPlainText(), QStringLiteral("帆布袋"));
    QCOMPARE(editor->targetEdit(QStringLiteral("description"))->toPlainText(),
             QStringLiteral("可装10 kg"));

    QSignalSpy saved(editor.get(), &TranslationEditor::listingSaved);
    editor->save();
    QTRY_COMPARE(saved.count(), 1);
    const QJsonObject p = testing::productJson(*m_client, m_bag);
    QCOMPARE(p.value(QStringLiteral("titleZh")).toString(), QStringLiteral("帆布袋"));
    QCOMPARE(p.value(QStringLiteral("descriptionZh")).toString(), QStringLiteral("可装10 kg"));
    QVERIFY(!storedDraft(m_bag));
}

QTEST_MAIN(TstDraftStore)
#include "tst_draftstore.moc"
