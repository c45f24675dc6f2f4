// GlossaryModel against the real server in-process, under QAbstractItemModelTester: paging,
// search, adding, editing cells (with a 412 from a concurrent edit and a 422 shown on its
// cell), deleting, and read-only mode. Each test uses its own language pair.

#include "models/glossarymodel.h"
#include "models/itemroles.h"
#include "tests/desktop/glossaryfixture.h"
#include "tests/support/syncclient.h"
#include "tests/support/testserver.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace haitao;
using client::GlossaryEntry;
using models::GlossaryModel;

namespace {

const QString opsPassword = QStringLiteral("ops-password-1");

// Records the model's error signals without needing ApiError in QVariant.
struct Errors
{
    explicit Errors(GlossaryModel *model)
    {
        QObject::connect(model, &GlossaryModel::errorOccurred, model,
                         [this](const client::ApiError &e) { errors.append(e); });
        QObject::connect(model, &GlossaryModel::addFailed, model,
                         [this](const client::ApiError &e) { addErrors.append(e); });
    }
    QList<client::ApiError> errors;
    QList<client::ApiError> addErrors;
};

} // namespace

class TstGlossaryModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pagesLoadAndSearchFilters();
    void addPutsTheEntryFirstOnce();
    void duplicateAddIsRefused();
    void addAnsweredAfterAPairSwitchIsNotShown();
    void editSavesWithTheVersion();
    void staleEditReloadsTheRow();
    void refusedEditStaysOnItsCell();
    void deleteRemovesTheRow();
    void staleDeleteKeepsTheRow();
    void readOnlyRefusesEdits();

private:
    // A model on `source` -> zh with the tester attached, loaded completely.
    std::unique_ptr<GlossaryModel> loadedModel(const QString &source, int pageSize = 100);
    void waitIdle(GlossaryModel &model);

    std::unique_ptr<testing::TestServer> m_server;
    std::unique_ptr<testing::SyncClient> m_ops;   // the model's user
    std::unique_ptr<testing::SyncClient> m_other; // a second ops user, for conflicts
    std::unique_ptr<testing::GlossaryFixture> m_fixture;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TstGlossaryModel::initTestCase()
{
    m_server = std::make_unique<testing::TestServer>();
    QVERIFY(m_server->start());
    QVERIFY(m_server->createUser(QStringLiteral("ops.one"), opsPassword, Role::Ops) > 0);
    QVERIFY(m_server->createUser(QStringLiteral("ops.two"), opsPassword, Role::Ops) > 0);
    m_ops = std::make_unique<testing::SyncClient>(m_server->url());
    QCOMPARE(m_ops->login(QStringLiteral("ops.one"), opsPassword), QString());
    m_other = std::make_unique<testing::SyncClient>(m_server->url());
    QCOMPARE(m_other->login(QStringLiteral("ops.two"), opsPassword), QString());
    m_fixture = std::make_unique<testing::GlossaryFixture>(m_other.get());
}

std::unique_ptr<GlossaryModel> TstGlossaryModel::loadedModel(const QString &source, int pageSize)
{
    auto model = std::make_unique<GlossaryModel>(&m_ops->api());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    model->setPageSize(pageSize);
    model->setPair(source, QStringLiteral("zh"));
    for (int i = 0; i < 50; ++i) {
        if (!QTest::qWaitFor([&] { return !model->isLoading(); }, 5000))
            break;
        if (!model->canFetchMore({}))
            break;
        model->fetchMore({});
    }
    return model;
}

void TstGlossaryModel::waitIdle(GlossaryModel &model)
{
    QTRY_COMPARE(model.pendingWrites(), 0);
}

void TstGlossaryModel::pagesLoadAndSearchFilters()
{
    const QString pair = QStringLiteral("fr");
    QSet<qint64> created;
    for (int i = 1; i <= 7; ++i) {
        const GlossaryEntry e =
            m_fixture->create(pair, QStringLiteral("mot%1").arg(i), QStringLiteral("词%1").arg(i));
        QVERIFY(e.id > 0);
        created.insert(e.id);
    }
    QVERIFY(
        m_fixture->create(QStringLiteral("it"), QStringLiteral("other"), QStringLiteral("别")).id >
        0); // another pair's entry never shows

    auto model = loadedModel(pair, 3);
    QCOMPARE(model->rowCount(), 7);
    QSet<qint64> shown;
    for (int row = 0; row < model->rowCount(); ++row)
        shown.insert(model->index(row, 0).data(models::IdRole).toLongLong());
    QCOMPARE(shown, created);
    const int row = model->rowOfId(*created.begin());
    const GlossaryEntry e = model->entryAt(row);
    QCOMPARE(model->index(row, GlossaryModel::TermColumn).data().toString(), e.term);
    QCOMPARE(model->index(row, GlossaryModel::KindColumn).data(Qt::EditRole).toString(),
             QStringLiteral("term"));
    QCOMPARE(model->index(row, GlossaryModel::KindColumn).data().toString(),
             QStringLiteral("Term"));
    QCOMPARE(model->index(row, GlossaryModel::UpdatedByColumn).data().toString(),
             QStringLiteral("ops.two"));
    QVERIFY(model->index(row, GlossaryModel::UpdatedAtColumn)
                .data(models::RawRole)
                .toDateTime()
                .isValid());

    // Search narrows to matching terms or translations.
    model->setSearch(QStringLiteral("mot3"));
    QTRY_VERIFY(!model->isLoading());
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->entryAt(0).term, QStringLiteral("mot3"));
    model->setSearch(QStringLiteral("词5"));
    QTRY_VERIFY(!model->isLoading());
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->entryAt(0).translation, QStringLiteral("词5"));
}

void TstGlossaryModel::addPutsTheEntryFirstOnce()
{
    const QString pair = QStringLiteral("es");
    for (int i = 1; i <= 4; ++i)
        QVERIFY(
            m_fixture->create(pair, QStringLiteral("palabra%1").arg(i), QStringLiteral("词")).id >
            0);
    auto model = loadedModel(pair, 2);
    QCOMPARE(model->rowCount(), 4);
    // Back to the first page only, so the new entry might also come with a later page.
    model->reload();
    QTRY_VERIFY(!model->isLoading());
    QCOMPARE(model->rowCount(), 2);

    QSignalSpy added(model.get(), &GlossaryModel::entryAdded);
    GlossaryEntry entry;
    entry.term = QStringLiteral("algodón");
    entry.translation = QStringLiteral("棉");
    entry.note = QStringLiteral("fabric");
    model->addEntry(entry);
    QTRY_COMPARE(added.count(), 1);
    QCOMPARE(added.at(0).at(0).toInt(), 0);
    QCOMPARE(model->entryAt(0).term, QStringLiteral("algodón"));
    QCOMPARE(model->entryAt(0).sourceLanguage, pair); // the model's pair, not the caller's
    const GlossaryEntry onServer = m_fixture->find(pair, QStringLiteral("algodón"));
    QCOMPARE(onServer.id, model->entryAt(0).id);
    QCOMPARE(onServer.translation, QStringLiteral("棉"));
    QCOMPARE(onServer.updatedBy, QStringLiteral("ops.one"));

    while (model->canFetchMore({})) {
        model->fetchMore({});
        QTRY_VERIFY(!model->isLoading());
    }
    QCOMPARE(model->rowCount(), 5); // listed once, whichever page the server put it on
}

void TstGlossaryModel::duplicateAddIsRefused()
{
    const QString pair = QStringLiteral("pt");
    QVERIFY(m_fixture->create(pair, QStringLiteral("algodão"), QStringLiteral("棉")).id > 0);
    auto model = loadedModel(pair);
    Errors errors(model.get());
    GlossaryEntry entry;
    entry.term = QStringLiteral("algodão");
    entry.translation = QStringLiteral("棉花");
    model->addEntry(entry);
    QTRY_COMPARE(errors.addErrors.size(), 1);
    QCOMPARE(errors.addErrors.at(0).status, 409);
    QCOMPARE(model->rowCount(), 1);
    waitIdle(*model);
}

void TstGlossaryModel::addAnsweredAfterAPairSwitchIsNotShown()
{
    auto model = loadedModel(QStringLiteral("cs"));
    QVERIFY(
        m_fixture->create(QStringLiteral("hu"), QStringLiteral("bord"), QStringLiteral("桌")).id >
        0);
    QSignalSpy added(model.get(), &GlossaryModel::entryAdded);
    GlossaryEntry entry;
    entry.term = QStringLiteral("katoen");
    entry.translation = QStringLiteral("棉");
    model->addEntry(entry);
    model->setPair(QStringLiteral("hu"), QStringLiteral("zh")); // before the answer
    waitIdle(*model);
    QTRY_VERIFY(!model->isLoading());
    QCOMPARE(added.count(), 0);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->entryAt(0).term, QStringLiteral("bord"));
    QVERIFY(m_fixture->find(QStringLiteral("cs"), QStringLiteral("katoen")).id > 0);
}

void TstGlossaryModel::editSavesWithTheVersion()
{
    const QString pair = QStringLiteral("nl");
    const GlossaryEntry e = m_fixture->create(pair, QStringLiteral("katoen"), QStringLiteral("棉"));
    QVERIFY(e.id > 0);
    auto model = loadedModel(pair);
    Errors errors(model.get());
    QCOMPARE(model->rowCount(), 1);

    const QModelIndex translation = model->index(0, GlossaryModel::TranslationColumn);
    QVERIFY(model->flags(translation) & Qt::ItemIsEditable);
    QVERIFY(!(model->flags(model->index(0, GlossaryModel::UpdatedByColumn)) & Qt::ItemIsEditable));
    QVERIFY(model->setData(translation, QStringLiteral("纯棉")));
    QCOMPARE(translation.data().toString(), QStringLiteral("纯棉")); // shown while it saves
    waitIdle(*model);
    QVERIFY(errors.errors.isEmpty());
    QCOMPARE(model->entryAt(0).translation, QStringLiteral("纯棉"));
    QVERIFY(model->entryAt(0).version > e.version);
    QCOMPARE(m_fixture->find(pair, QStringLiteral("katoen")).translation, QStringLiteral("纯棉"));

    // The kind and the note, one after the other, each with the version the last answer gave.
    QVERIFY(model->setData(model->index(0, GlossaryModel::NoteColumn), QStringLiteral("textiles")));
    waitIdle(*model);
    QVERIFY(model->setData(model->index(0, GlossaryModel::KindColumn), QStringLiteral("term")));
    waitIdle(*model);
    QVERIFY(errors.errors.isEmpty());
    const GlossaryEntry saved = m_fixture->find(pair, QStringLiteral("katoen"));
    QCOMPARE(saved.note, QStringLiteral("textiles"));
    QCOMPARE(saved.version, model->entryAt(0).version);
}

void TstGlossaryModel::staleEditReloadsTheRow()
{
    const QString pair = QStringLiteral("sv");
    const GlossaryEntry e = m_fixture->create(pair, QStringLiteral("bomull"), QStringLiteral("棉"));
    QVERIFY(e.id > 0);
    auto model = loadedModel(pair);
    Errors errors(model.get());

    GlossaryEntry theirs = e;
    theirs.translation = QStringLiteral("棉布");
    QVERIFY(m_fixture->update(theirs).ok());

    QVERIFY(
        model->setData(model->index(0, GlossaryModel::TranslationColumn), QStringLiteral("棉花")));
    waitIdle(*model);
    QCOMPARE(errors.errors.size(), 1);
    QCOMPARE(errors.errors.at(0).kind, ProblemKind::PreconditionFailed);
    // The row shows what the other user saved, with its current version: editing again works.
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, GlossaryModel::TranslationColumn).data().toString(),
             QStringLiteral("棉布"));
    QVERIFY(model->index(0, GlossaryModel::TranslationColumn)
                .data(models::ErrorRole)
                .toString()
                .isEmpty());
    QVERIFY(
        model->setData(model->index(0, GlossaryModel::TranslationColumn), QStringLiteral("棉花")));
    waitIdle(*model);
    QCOMPARE(errors.errors.size(), 1);
    QCOMPARE(m_fixture->find(pair, QStringLiteral("bomull")).translation, QStringLiteral("棉花"));
}

void TstGlossaryModel::refusedEditStaysOnItsCell()
{
    const QString pair = QStringLiteral("da");
    const GlossaryEntry e = m_fixture->create(pair, QStringLiteral("uld"), QStringLiteral("羊毛"));
    QVERIFY(e.id > 0);
    auto model = loadedModel(pair);
    Errors errors(model.get());

    const QModelIndex term = model->index(0, GlossaryModel::TermColumn);
    QVERIFY(model->setData(term, QString())); // a term may not be empty: 422 on "term"
    waitIdle(*model);
    QCOMPARE(errors.errors.size(), 1);
    QCOMPARE(errors.errors.at(0).status, 422);
    QCOMPARE(term.data().toString(), QString()); // the refused text stays where it was typed
    QVERIFY(!term.data(models::ErrorRole).toString().isEmpty());
    QCOMPARE(term.data(Qt::ToolTipRole).toString(), term.data(models::ErrorRole).toString());
    QVERIFY(model->index(0, GlossaryModel::TranslationColumn)
                .data(models::ErrorRole)
                .toString()
                .isEmpty());
    QCOMPARE(m_fixture->find(pair, QStringLiteral("uld")).version, e.version); // unchanged

    // Typing the saved value back clears the flag without a request.
    QVERIFY(model->setData(term, QStringLiteral("uld")));
    QCOMPARE(model->pendingWrites(), 0);
    QVERIFY(term.data(models::ErrorRole).toString().isEmpty());
    QCOMPARE(term.data().toString(), QStringLiteral("uld"));

    // A correct edit then saves.
    QVERIFY(model->setData(term, QStringLiteral("ull")));
    waitIdle(*model);
    QCOMPARE(errors.errors.size(), 1);
    QVERIFY(term.data(models::ErrorRole).toString().isEmpty());
    QCOMPARE(m_fixture->find(pair, QStringLiteral("ull")).id, e.id);
}

void TstGlossaryModel::deleteRemovesTheRow()
{
    const QString pair = QStringLiteral("fi");
    const GlossaryEntry keep =
        m_fixture->create(pair, QStringLiteral("puuvilla"), QStringLiteral("棉"));
    const GlossaryEntry gone =
        m_fixture->create(pair, QStringLiteral("villa"), QStringLiteral("羊毛"));
    QVERIFY(keep.id > 0 && gone.id > 0);
    auto model = loadedModel(pair);
    QCOMPARE(model->rowCount(), 2);
    QSignalSpy deleted(model.get(), &GlossaryModel::entryDeleted);
    model->deleteEntry(gone.id);
    QTRY_COMPARE(deleted.count(), 1);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->entryAt(0).id, keep.id);
    const QList<GlossaryEntry> left = m_fixture->all(pair);
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.at(0).id, keep.id);
}

void TstGlossaryModel::staleDeleteKeepsTheRow()
{
    const QString pair = QStringLiteral("no");
    const GlossaryEntry e = m_fixture->create(pair, QStringLiteral("silke"), QStringLiteral("丝"));
    QVERIFY(e.id > 0);
    auto model = loadedModel(pair);
    Errors errors(model.get());
    GlossaryEntry theirs = e;
    theirs.translation = QStringLiteral("丝绸");
    QVERIFY(m_fixture->update(theirs).ok());

    model->deleteEntry(e.id);
    waitIdle(*model);
    QCOMPARE(errors.errors.size(), 1);
    QCOMPARE(errors.errors.at(0).kind, ProblemKind::PreconditionFailed);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->entryAt(0).translation, QStringLiteral("丝绸"));
    QCOMPARE(m_fixture->all(pair).size(), 1);

    // Deleted by someone else meanwhile: an edit drops the row and says so.
    QVERIFY(m_fixture->remove(m_fixture->find(pair, QStringLiteral("silke"))).ok());
    QVERIFY(model->setData(model->index(0, GlossaryModel::NoteColumn), QStringLiteral("x")));
    waitIdle(*model);
    QCOMPARE(errors.errors.size(), 2);
    QCOMPARE(errors.errors.at(1).kind, ProblemKind::NotFound);
    QCOMPARE(model->rowCount(), 0);
}

void TstGlossaryModel::readOnlyRefusesEdits()
{
    const QString pair = QStringLiteral("pl");
    const GlossaryEntry e =
        m_fixture->create(pair, QStringLiteral("bawełna"), QStringLiteral("棉"));
    QVERIFY(e.id > 0);
    auto model = loadedModel(pair);
    model->setEditable(false);
    const QModelIndex translation = model->index(0, GlossaryModel::TranslationColumn);
    QVERIFY(!(model->flags(translation) & Qt::ItemIsEditable));
    QVERIFY(!model->setData(translation, QStringLiteral("棉花")));
    model->deleteEntry(e.id);
    QCOMPARE(model->pendingWrites(), 0);
    QCOMPARE(translation.data().toString(), QStringLiteral("棉"));
    QCOMPARE(m_fixture->find(pair, QStringLiteral("bawełna")).version, e.version);
}

QTEST_GUILESS_MAIN(TstGlossaryModel)
#include "tst_glossarymodel.moc"
