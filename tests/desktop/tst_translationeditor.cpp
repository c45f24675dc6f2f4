// The translation editor offscreen against the real server in process (with the demo
// glossary, and haitao-sim as its machine translation): save with If-Match, a concurrent
// change merged through the merge dialog, submit blocked by an error check and allowed past
// warnings, a reviewer's reject with a reason (shown to the translator) and approve, the diff
// against the last published text, glossary highlighting, and suggestions inserted only on
// the translator's click.

#include "backend-client/draftstore.h"
#include "backend/server.h"
#include "backend/translation/translationservice.h"
#include "models/checksmodel.h"
#include "models/itemroles.h"
#include "models/suggestionsmodel.h"
#include "sim/simserver.h"
#include "tests/desktop/listingfixture.h"
#include "widgets/checksdialog.h"
#include "widgets/glossaryhighlighter.h"
#include "widgets/mergedialog.h"
#include "widgets/messagelabel.h"
#include "widgets/reviewpanel.h"
#include "widgets/suggestionspanel.h"
#include "widgets/translationeditor.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

#include <memory>

using namespace haitao;
using widgets::TranslationEditor;

namespace {

const QString kTranslator = QStringLiteral("translator1");
const QString kReviewer = QStringLiteral("reviewer1");

const QByteArray kFeed = "sku,title,price,currency,description\n"
                         "TEE-1,Organic Cotton Tee,19.99,USD,A soft tee.\n"
                         "CONF-1,Linen Shirt,39.00,USD,Cool in summer.\n"
                         "BOTTLE-1,Water Bottle 500ml,12.00,USD,Keeps drinks cold.\n"
                         "SWEATER-1,Merino Wool Sweater,89.00,USD,Warm and light.\n"
                         "SKILLET-1,Cast Iron Skillet,45.00,USD,Heavy pan.\n"
                         "SKILLET-2,Cast Iron Skillet,49.00,USD,Heavy pan.\n"
                         "LAMP-1,Desk Lamp,25.00,USD,Bright.\n"
                         "KETTLE-1,Steel Kettle,30.00,USD,Boils fast.\n";

QPushButton *button(const QObject *parent, const char *name)
{
    return parent->findChild<QPushButton *>(QString::fromLatin1(name));
}

} // namespace

class TstTranslationEditor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void saveSendsTheTextWithIfMatch();
    void concurrentChangeIsMerged();
    void submitIsBlockedByErrorsAndAsksOnWarnings();
    void reviewerRejectsWithReasonThenApproves();
    void glossaryTermsAreHighlighted();
    void suggestionsAreInsertedOnlyOnClick();
    void reloadKeepsEditsNotYetAutosaved();
    void failedGlossaryMatchAsksBeforeSubmitting();

private:
    std::unique_ptr<TranslationEditor> open(testing::SyncClient &client, const QString &user,
                                            const QString &sku);
    qint64 id(const QString &sku) { return m_ids.value(sku); }

    sim::SimServer m_sim;
    std::unique_ptr<testing::TestServer> m_server;
    std::unique_ptr<testing::SyncClient> m_translator;
    std::unique_ptr<testing::SyncClient> m_reviewer;
    std::unique_ptr<testing::SyncClient> m_other; // another translator, for conflicts
    QHash<QString, qint64> m_ids;
};

void TstTranslationEditor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HaitaoTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_translationeditor"));
    QFile::remove(client::DraftStore::defaultPath());

    QString error;
    QVERIFY2(m_sim.start(QStringLiteral("127.0.0.1"), 0, &error), qPrintable(error));
    server::Config config;
    config.mtUrl = QStringLiteral("http://127.0.0.1:%1/mt/translate").arg(m_sim.port());
    config.fetchAllowHosts = {QStringLiteral("127.0.0.1:%1").arg(m_sim.port())};
    m_server = std::make_unique<testing::TestServer>(config);
    QVERIFY(m_server->start());
    QVERIFY(m_server->server().translation().seedDemo());
    m_server->createUser(kTranslator, QStringLiteral("translator-pass-1"), Role::Translator);
    m_server->createUser(QStringLiteral("translator2"), QStringLiteral("translator-pass-2"),
                         Role::Translator);
    m_server->createUser(kReviewer, QStringLiteral("reviewer-pass-1"), Role::Ops);
    m_translator = std::make_unique<testing::SyncClient>(m_server->url());
    QCOMPARE(m_translator->login(kTranslator, QStringLiteral("translator-pass-1")), QString());
    m_reviewer = std::make_unique<testing::SyncClient>(m_server->url());
    QCOMPARE(m_reviewer->login(kReviewer, QStringLiteral("reviewer-pass-1")), QString());
    m_other = std::make_unique<testing::SyncClient>(m_server->url());
    QCOMPARE(m_other->login(QStringLiteral("translator2"), QStringLiteral("translator-pass-2")),
             QString());
    for (const char *sku : {"TEE-1", "CONF-1", "BOTTLE-1", "SWEATER-1", "SKILLET-1", "SKILLET-2",
                            "LAMP-1", "KETTLE-1"}) {
        const QString s = QString::fromLatin1(sku);
        m_ids.insert(s, testing::importProduct(*m_server, *m_translator,
                                               QStringLiteral("shop.example"), kFeed, s));
        QVERIFY2(m_ids.value(s) > 0, sku);
    }
}

void TstTranslationEditor::cleanupTestCase()
{
    m_server.reset();
    m_sim.stop();
}

std::unique_ptr<TranslationEditor>
TstTranslationEditor::open(testing::SyncClient &client, const QString &user, const QString &sku)
{
    UserInfo who;
    who.username = user;
    who.role = user == kReviewer ? Role::Ops : Role::Translator; // as created in initTestCase
    auto editor = std::make_unique<TranslationEditor>(&client.api(), who, id(sku));
    editor->show();
    return editor;
}

void TstTranslationEditor::saveSendsTheTextWithIfMatch()
{
    auto editor = open(*m_translator, kTranslator, QStringLiteral("TEE-1"));
    QTRY_VERIFY(editor->isLoaded());
    const qint64 version = editor->listing().version;
    QCOMPARE(editor->listing().title, QStringLiteral("Organic Cotton Tee"));
    QCOMPARE(editor->sourceView(QStringLiteral("title"))->toPlainText(),
             QStringLiteral("Organic Cotton Tee"));
    QPushButton *save = button(editor.get(), "saveButton");
    QVERIFY(!save->isEnabled()); // nothing to save yet

    editor->targetEdit(QStringLiteral("title"))->insertPlainText(QStringLiteral("有机棉T恤"));
    editor->targetEdit(QStringLiteral("description"))->insertPlainText(QStringLiteral("柔软。"));
    QVERIFY(save->isEnabled());
    QSignalSpy saved(editor.get(), &TranslationEditor::listingSaved);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE(saved.count(), 1);
    QCOMPARE(editor->listing().version, version + 1);
    QVERIFY(!editor->isDirty());
    QVERIFY(!save->isEnabled());
    QVERIFY(!editor->message()->isError());

    QByteArray etag;
    const QJsonObject p = testing::productJson(*m_translator, id(QStringLiteral("TEE-1")), &etag);
    QCOMPARE(p.value(QStringLiteral("titleZh")).toString(), QStringLiteral("有机棉T恤"));
    QCOMPARE(p.value(QStringLiteral("descriptionZh")).toString(), QStringLiteral("柔软。"));
    QCOMPARE(etag, editor->listing().etag);
}

void TstTranslationEditor::concurrentChangeIsMerged()
{
    const qint64 product = id(QStringLiteral("CONF-1"));
    auto editor = open(*m_translator, kTranslator, QStringLiteral("CONF-1"));
    QTRY_VERIFY(editor->isLoaded());
    const QByteArray staleEtag = editor->listing().etag;

    // Someone else saves both fields while the editor is open.
    QCOMPARE(testing::putListing(*m_other, product,
                                 {{QStringLiteral("titleZh"), QStringLiteral("他们的标题")},
                                  {QStringLiteral("descriptionZh"), QStringLiteral("他们的描述")}}),
             200);

    editor->targetEdit(QStringLiteral("title"))->insertPlainText(QStringLiteral("我的标题"));
    QSignalSpy merges(editor.get(), &TranslationEditor::mergeShown);
    QSignalSpy saved(editor.get(), &TranslationEditor::listingSaved);
    editor->save();
    QTRY_COMPARE(merges.count(), 1); // 412, then the server's listing was fetched
    QCOMPARE(saved.count(), 0);
    auto *dialog = merges.first().first().value<widgets::MergeDialog *>();
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY(dialog->bothChanged(QStringLiteral("title")));
    QVERIFY(!dialog->bothChanged(QStringLiteral("description")));
    // Prefilled: yours where both changed, theirs where only they did.
    QCOMPARE(dialog->resultEdit(QStringLiteral("title"))->toPlainText(),
             QStringLiteral("我的标题"));
    QCOMPARE(dialog->resultEdit(QStringLiteral("description"))->toPlainText(),
             QStringLiteral("他们的描述"));
    dialog->choose(QStringLiteral("title"), widgets::MergeDialog::Side::Theirs);
    QCOMPARE(dialog->resultEdit(QStringLiteral("title"))->toPlainText(),
             QStringLiteral("他们的标题"));
    dialog->resultEdit(QStringLiteral("title"))->setPlainText(QStringLiteral("合并的标题"));
    QTest::mouseClick(button(dialog, "mergeAcceptButton"), Qt::LeftButton);

    // The merged text is saved with the new ETag.
    QTRY_COMPARE(saved.count(), 1);
    QVERIFY(editor->listing().etag != staleEtag);
    const QJsonObject p = testing::productJson(*m_translator, product);
    QCOMPARE(p.value(QStringLiteral("titleZh")).toString(), QStringLiteral("合并的标题"));
    QCOMPARE(p.value(QStringLiteral("descriptionZh")).toString(), QStringLiteral("他们的描述"));
    QCOMPARE(editor->targetEdit(QStringLiteral("description"))->toPlainText(),
             QStringLiteral("他们的描述"));

    // Cancelling a merge saves nothing and says so.
    QCOMPARE(testing::putListing(*m_other, product,
                                 {{QStringLiteral("titleZh"), QStringLiteral("又改了")}}),
             200);
    editor->targetEdit(QStringLiteral("title"))->setPlainText(QStringLiteral("我的"));
    editor->save();
    QTRY_COMPARE(merges.count(), 2);
    merges.last().first().value<widgets::MergeDialog *>()->reject();
    QTRY_VERIFY(editor->message()->isError());
    QCOMPARE(saved.count(), 1);
    QCOMPARE(testing::productJson(*m_translator, product).value(QStringLiteral("titleZh")),
             QStringLiteral("又改了"));
}

void TstTranslationEditor::submitIsBlockedByErrorsAndAsksOnWarnings()
{
    const qint64 product = id(QStringLiteral("BOTTLE-1"));
    auto editor = open(*m_translator, kTranslator, QStringLiteral("BOTTLE-1"));
    QTRY_VERIFY(editor->isLoaded());
    QSignalSpy checks(editor.get(), &TranslationEditor::checksShown);
    const auto status = [&] {
        return testing::productJson(*m_translator, product).value(QStringLiteral("status"));
    };
    const auto kinds = [](widgets::ChecksDialog *d) {
        QList<models::CheckKind> out;
        for (int row = 0; row < d->model()->rowCount(); ++row)
            out.append(d->model()->resultAt(row).kind);
        return out;
    };

    // Empty: errors, nothing is sent.
    QTest::mouseClick(button(editor.get(), "submitButton"), Qt::LeftButton);
    QTRY_COMPARE(checks.count(), 1);
    auto *dialog = checks.last().first().value<widgets::ChecksDialog *>();
    QVERIFY(dialog->blocking());
    QVERIFY(kinds(dialog).contains(models::CheckKind::Empty));
    QVERIFY(!button(dialog, "submitAnywayButton"));
    dialog->buttons()->button(QDialogButtonBox::Close)->click();
    QTRY_VERIFY(editor->message()->isError());
    QCOMPARE(status(), QStringLiteral("imported"));

    // A forbidden word (found by the server's glossary match in the Chinese text): an error.
    editor->targetEdit(QStringLiteral("title"))->setPlainText(QStringLiteral("最便宜的水杯 500ml"));
    editor->targetEdit(QStringLiteral("description"))->setPlainText(QStringLiteral("保冷。"));
    editor->submitForReview();
    QTRY_COMPARE(checks.count(), 2);
    dialog = checks.last().first().value<widgets::ChecksDialog *>();
    QVERIFY(dialog->blocking());
    QCOMPARE(kinds(dialog), QList<models::CheckKind>{models::CheckKind::Forbidden});
    dialog->reject();
    QCOMPARE(status(), QStringLiteral("imported"));

    // Only a warning (500ml became 50ml): the translator may go back...
    editor->targetEdit(QStringLiteral("title"))->setPlainText(QStringLiteral("水杯 50ml"));
    editor->submitForReview();
    QTRY_COMPARE(checks.count(), 3);
    dialog = checks.last().first().value<widgets::ChecksDialog *>();
    QVERIFY(!dialog->blocking());
    QCOMPARE(kinds(dialog), QList<models::CheckKind>{models::CheckKind::Numbers});
    dialog->buttons()->button(QDialogButtonBox::Cancel)->click();
    QCOMPARE(status(), QStringLiteral("imported"));

    // ...or submit anyway: saved, then imported -> in_translation -> in_review.
    editor->submitForReview();
    QTRY_COMPARE(checks.count(), 4);
    dialog = checks.last().first().value<widgets::ChecksDialog *>();
    QTest::mouseClick(button(dialog, "submitAnywayButton"), Qt::LeftButton);
    QTRY_COMPARE(editor->listing().status, QStringLiteral("in_review"));
    QCOMPARE(status(), QStringLiteral("in_review"));
    QCOMPARE(testing::productJson(*m_translator, product).value(QStringLiteral("titleZh")),
             QStringLiteral("水杯 50ml"));
    // A translator neither edits nor submits a listing in review.
    QVERIFY(editor->targetEdit(QStringLiteral("title"))->isReadOnly());
    QVERIFY(!button(editor.get(), "submitButton")->isVisible());
    QVERIFY(!editor->reviewPanel()->isVisible());
}

void TstTranslationEditor::reviewerRejectsWithReasonThenApproves()
{
    const qint64 product = id(QStringLiteral("SWEATER-1"));
    QCOMPARE(testing::moveListing(*m_translator, product, QStringLiteral("in_translation")), 200);
    QCOMPARE(testing::putListing(*m_translator, product,
                                 {{QStringLiteral("titleZh"), QStringLiteral("美利奴羊毛毛衣")},
                                  {QStringLiteral("descriptionZh"), QStringLiteral("温暖轻盈。")}}),
             200);
    QCOMPARE(testing::moveListing(*m_translator, product, QStringLiteral("in_review")), 200);

    auto review = open(*m_reviewer, kReviewer, QStringLiteral("SWEATER-1"));
    QTRY_VERIFY(review->isLoaded() && review->isReviewer());
    widgets::ReviewPanel *panel = review->reviewPanel();
    QTRY_VERIFY(panel->isVisible());
    // Never published: everything is new, shown as inserted.
    QVERIFY(panel->diffView()->toPlainText().contains(QStringLiteral("美利奴羊毛毛衣")));
    QVERIFY(panel->diffView()->toHtml().contains(QStringLiteral("#e3f4e4")));

    // Reject needs a reason.
    QPushButton *reject = button(panel, "rejectButton");
    QVERIFY(!reject->isEnabled());
    auto *reason = panel->findChild<QPlainTextEdit *>(QStringLiteral("rejectReason"));
    QTest::keyClicks(reason, QStringLiteral("Say merino wool, not just wool"));
    QVERIFY(reject->isEnabled());
    QTest::mouseClick(reject, Qt::LeftButton);
    QTRY_COMPARE(review->listing().status, QStringLiteral("in_translation"));
    QVERIFY(!panel->isVisible());
    QCOMPARE(panel->reason(), QString());
    const QJsonObject rejected = testing::productJson(*m_reviewer, product);
    QCOMPARE(rejected.value(QStringLiteral("status")), QStringLiteral("in_translation"));

    // The translator sees the reason on top.
    auto work = open(*m_translator, kTranslator, QStringLiteral("SWEATER-1"));
    QTRY_VERIFY(work->isLoaded());
    QVERIFY(work->rejectionBanner()->isVisible());
    QVERIFY(work->rejectionBanner()->text().contains(QStringLiteral("Say merino wool")));
    QVERIFY(work->rejectionBanner()->text().contains(kReviewer));
    work->targetEdit(QStringLiteral("title"))->setPlainText(QStringLiteral("美利奴羊毛毛衣 新款"));
    work->submitForReview();
    QTRY_COMPARE(work->listing().status, QStringLiteral("in_review"));
    QVERIFY(!work->rejectionBanner()->isVisible());

    // Approve publishes.
    review->reload();
    QTRY_VERIFY(panel->isVisible());
    QTest::mouseClick(button(panel, "approveButton"), Qt::LeftButton);
    QTRY_COMPARE(review->listing().status, QStringLiteral("published"));
    QCOMPARE(testing::productJson(*m_reviewer, product).value(QStringLiteral("status")),
             QStringLiteral("published"));
    QVERIFY(review->targetEdit(QStringLiteral("title"))->isReadOnly());

    // Back in review with a change: the diff is against the published text.
    QCOMPARE(testing::moveListing(*m_reviewer, product, QStringLiteral("in_review"),
                                  QStringLiteral("price check")),
             200);
    QCOMPARE(
        testing::putListing(*m_reviewer, product,
                            {{QStringLiteral("titleZh"), QStringLiteral("美利奴羊毛毛衣 旧款")},
                             {QStringLiteral("descriptionZh"), QStringLiteral("温暖轻盈。")}}),
        200);
    review->reload();
    QTRY_VERIFY(panel->isVisible());
    QVERIFY(review->listing().lastPublished.has_value());
    const QString html = panel->diffView()->toHtml();
    QVERIFY2(html.contains(QStringLiteral("line-through")), qPrintable(html));
    QVERIFY(panel->diffView()->toPlainText().contains(QStringLiteral("新旧款")));
}

void TstTranslationEditor::glossaryTermsAreHighlighted()
{
    auto editor = open(*m_translator, kTranslator, QStringLiteral("SKILLET-1"));
    QTRY_VERIFY(editor->isLoaded());
    widgets::SourceView *source = editor->sourceView(QStringLiteral("title"));
    QTRY_VERIFY(!source->highlighter()->matches().isEmpty());
    const client::GlossaryMatch m = source->highlighter()->matches().first();
    QCOMPARE(m.entry.term, QStringLiteral("cast iron"));
    QCOMPARE(source->toPlainText().mid(m.start, m.length), QStringLiteral("Cast Iron"));
    QVERIFY(source->highlighter()->toolTipAt(m.start).contains(QStringLiteral("铸铁")));
    QCOMPARE(source->highlighter()->toolTipAt(m.start + m.length), QString()); // the space

    // A required translation left out is a warning at submit.
    editor->targetEdit(QStringLiteral("title"))->setPlainText(QStringLiteral("铁锅"));
    editor->targetEdit(QStringLiteral("description"))->setPlainText(QStringLiteral("很重的锅。"));
    QSignalSpy checks(editor.get(), &TranslationEditor::checksShown);
    editor->submitForReview();
    QTRY_COMPARE(checks.count(), 1);
    auto *dialog = checks.first().first().value<widgets::ChecksDialog *>();
    QVERIFY(!dialog->blocking());
    QStringList messages;
    for (int row = 0; row < dialog->model()->rowCount(); ++row) {
        QCOMPARE(dialog->model()->resultAt(row).kind, models::CheckKind::Glossary);
        messages << dialog->model()->resultAt(row).message;
    }
    QVERIFY2(messages.join(QLatin1Char('\n')).contains(QStringLiteral("铸铁")),
             qPrintable(messages.join(QLatin1Char('\n'))));
    dialog->reject();
}

void TstTranslationEditor::suggestionsAreInsertedOnlyOnClick()
{
    // A published translation of the same source text is in the translation memory.
    const qint64 first = id(QStringLiteral("SKILLET-1"));
    QCOMPARE(testing::moveListing(*m_reviewer, first, QStringLiteral("in_translation")), 200);
    QCOMPARE(testing::putListing(*m_reviewer, first,
                                 {{QStringLiteral("titleZh"), QStringLiteral("铸铁平底锅")},
                                  {QStringLiteral("descriptionZh"), QStringLiteral("很重的锅。")}}),
             200);
    QCOMPARE(testing::moveListing(*m_reviewer, first, QStringLiteral("in_review")), 200);
    QCOMPARE(testing::moveListing(*m_reviewer, first, QStringLiteral("published")), 200);

    auto editor = open(*m_translator, kTranslator, QStringLiteral("SKILLET-2"));
    QTRY_VERIFY(editor->isLoaded());
    widgets::SuggestionsPanel *panel = editor->suggestionsPanel();
    QCOMPARE(panel->key(), QStringLiteral("title"));
    QPlainTextEdit *title = editor->targetEdit(QStringLiteral("title"));
    QSignalSpy fetched(panel, &widgets::SuggestionsPanel::fetched);

    QTest::mouseClick(button(panel, "mtButton"), Qt::LeftButton);
    QTRY_COMPARE(fetched.count(), 1);
    QCOMPARE(panel->model()->rowCount(), 1);
    const QString mt = panel->model()->suggestionAt(0).target;
    QVERIFY2(mt.startsWith(QStringLiteral("[MT] ")) && mt.contains(QStringLiteral("铸铁")),
             qPrintable(mt));
    QCOMPARE(title->toPlainText(), QString()); // fetched, not inserted

    QTest::mouseClick(button(panel, "tmButton"), Qt::LeftButton);
    QTRY_COMPARE(fetched.count(), 2);
    QCOMPARE(panel->model()->rowCount(), 2);
    QCOMPARE(panel->model()->suggestionAt(1).target, QStringLiteral("铸铁平底锅"));
    QCOMPARE(panel->model()->suggestionAt(1).score, 100);
    QCOMPARE(title->toPlainText(), QString());

    QPushButton *insert = button(panel, "insertButton");
    QVERIFY(!insert->isEnabled()); // nothing chosen yet
    panel->view()->selectRow(1);
    QTest::mouseClick(insert, Qt::LeftButton);
    QCOMPARE(title->toPlainText(), QStringLiteral("铸铁平底锅"));
    QVERIFY(editor->isDirty());
    panel->view()->selectRow(0);
    QTest::mouseClick(insert, Qt::LeftButton);
    QCOMPARE(title->toPlainText(), mt);

    // The description's suggestions are the description's.
    editor->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(editor.get()));
    editor->targetEdit(QStringLiteral("description"))->setFocus();
    QTRY_COMPARE(panel->key(), QStringLiteral("description"));
    QCOMPARE(panel->model()->rowCount(), 0);
}

void TstTranslationEditor::reloadKeepsEditsNotYetAutosaved()
{
    auto editor = open(*m_translator, kTranslator, QStringLiteral("LAMP-1"));
    QTRY_VERIFY(editor->isLoaded());
    editor->setAutosaveDelay(60000); // the reload comes well within it
    QSignalSpy loaded(editor.get(), &TranslationEditor::loaded);
    editor->targetEdit(QStringLiteral("title"))->setPlainText(QStringLiteral("台灯"));
    editor->reload();
    QTRY_COMPARE(loaded.count(), 1);
    QCOMPARE(editor->targetEdit(QStringLiteral("title"))->toPlainText(), QString());
    QVERIFY(editor->draftBanner()->isVisibleTo(editor.get()));
    editor->restoreDraft();
    QCOMPARE(editor->targetEdit(QStringLiteral("title"))->toPlainText(), QStringLiteral("台灯"));
    editor->discardDraft();
}

void TstTranslationEditor::failedGlossaryMatchAsksBeforeSubmitting()
{
    const qint64 product = id(QStringLiteral("KETTLE-1"));
    auto editor = open(*m_translator, kTranslator, QStringLiteral("KETTLE-1"));
    QTRY_VERIFY(editor->isLoaded());
    QSignalSpy checks(editor.get(), &TranslationEditor::checksShown);
    // Too long for a query string (the server answers 414); the title is checked on its own.
    editor->targetEdit(QStringLiteral("title"))->setPlainText(QStringLiteral("最便宜的水壶"));
    editor->targetEdit(QStringLiteral("description"))->setPlainText(QString(1200, QChar(0x58F6)));
    const auto box = [&] {
        QMessageBox *found = nullptr;
        for (auto *b : editor->findChildren<QMessageBox *>())
            found = b->isVisible() ? b : found;
        return found;
    };

    editor->submitForReview();
    QTRY_VERIFY(box());
    QVERIFY(editor->message()->isError());
    QCOMPARE(checks.count(), 0);
    box()->reject();
    QTRY_VERIFY(!box());
    QVERIFY(editor->message()->isError());
    QCOMPARE(checks.count(), 0);
    QCOMPARE(testing::productJson(*m_translator, product).value(QStringLiteral("status")),
             QStringLiteral("imported"));

    // Confirmed: the checks run with what could be matched, the title's forbidden word too.
    editor->submitForReview();
    QTRY_VERIFY(box());
    QTest::mouseClick(button(box(), "submitWithoutGlossaryButton"), Qt::LeftButton);
    QTRY_COMPARE(checks.count(), 1);
    auto *dialog = checks.last().first().value<widgets::ChecksDialog *>();
    QVERIFY(dialog->blocking());
    QVERIFY(dialog->model()->rowCount() > 0);
    bool forbidden = false;
    for (int row = 0; row < dialog->model()->rowCount(); ++row)
        forbidden =
            forbidden || dialog->model()->resultAt(row).kind == models::CheckKind::Forbidden;
    QVERIFY(forbidden);
    dialog->reject();
    QCOMPARE(testing::productJson(*m_translator, product).value(QStringLiteral("status")),
             QStringLiteral("imported"));
    editor->discardDraft();
}

QTEST_MAIN(TstTranslationEditor)
#include "tst_translationeditor.moc"
