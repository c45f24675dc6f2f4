// The pre-submit checks of the translation editor (each check firing and not firing), the
// reviewers' text diff, and the editor's item models under QAbstractItemModelTester. Pure
// code: no server.

#include "models/checksmodel.h"
#include "models/itemroles.h"
#include "models/suggestionsmodel.h"
#include "models/textdiff.h"
#include "models/translationchecks.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace haitao;
using namespace Qt::StringLiterals;
using models::CheckKind;
using models::CheckResult;
using models::CheckSegment;
using models::CheckSeverity;
using models::TranslationChecks;

Q_DECLARE_METATYPE(models::CheckKind)
Q_DECLARE_METATYPE(models::CheckSeverity)

namespace {

client::GlossaryEntry entry(const QString &term, const QString &translation,
                            const QString &kind = QStringLiteral("term"))
{
    client::GlossaryEntry e;
    e.term = term;
    e.translation = translation;
    e.kind = kind;
    e.sourceLanguage = QStringLiteral("en");
    e.targetLanguage = QStringLiteral("zh");
    return e;
}

QString repeated(const QString &text, int n)
{
    QString out;
    for (int i = 0; i < n; ++i)
        out += text;
    return out;
}

QString joined(const QList<models::DiffPart> &parts, bool before)
{
    QString out;
    for (const models::DiffPart &p : parts) {
        if (p.kind == models::DiffPart::Equal ||
            p.kind == (before ? models::DiffPart::Deleted : models::DiffPart::Inserted))
            out += p.text;
    }
    return out;
}

} // namespace

class TstTranslationChecks : public QObject
{
    Q_OBJECT

private slots:
    void checks_data();
    void checks();
    void numberTokens_data();
    void numberTokens();
    void runCollectsAllAndErrorsBlock();
    void diff_data();
    void diff();
    void diffLargeTextFallsBack();
    void suggestionsModel();
    void checksModel();
};

// Each row: one segment, the check under test, and whether it fires with what severity.
void TstTranslationChecks::checks_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("target");
    QTest::addColumn<CheckKind>("kind");
    QTest::addColumn<int>("fires"); // -1: does not fire; else the CheckSeverity

    const QString title = QStringLiteral("title");
    const QString desc = QStringLiteral("description");
    const QString attr = QStringLiteral("attr:material");
    const int no = -1;
    const int warn = int(CheckSeverity::Warning);
    const int error = int(CheckSeverity::Error);

    QTest::newRow("empty title") << title << u"Cotton T-shirt"_s << u"  "_s << CheckKind::Empty
                                 << error;
    QTest::newRow("title present")
        << title << u"Cotton T-shirt"_s << u"纯棉T恤"_s << CheckKind::Empty << no;
    QTest::newRow("empty description") << desc << u"Soft."_s << u""_s << CheckKind::Empty << error;
    QTest::newRow("no source description") << desc << u""_s << u""_s << CheckKind::Empty << no;
    QTest::newRow("empty attribute") << attr << u"cotton"_s << u""_s << CheckKind::Empty << warn;

    QTest::newRow("identical to source")
        << title << u"Organic Cotton Tee"_s << u"organic cotton tee"_s << CheckKind::Untranslated
        << error;
    QTest::newRow("copied run") << desc << u"Made from soft organic cotton in Portugal."_s
                                << u"采用 soft organic cotton 制成"_s << CheckKind::Untranslated
                                << warn;
    QTest::newRow("brand kept") << title << u"Nike Air running shoes"_s << u"Nike Air 跑鞋"_s
                                << CheckKind::Untranslated << no;
    QTest::newRow("one word identical")
        << attr << u"Nike"_s << u"Nike"_s << CheckKind::Untranslated << no;
    QTest::newRow("latin run not from source")
        << desc << u"Soft shirt"_s << u"适合 New York City 生活"_s << CheckKind::Untranslated << no;

    QTest::newRow("500ml vs 50ml")
        << title << u"Water bottle 500ml"_s << u"水瓶 50ml"_s << CheckKind::Numbers << warn;
    QTest::newRow("2 vs 3 pieces")
        << title << u"Socks, 2 pieces"_s << u"袜子 3件"_s << CheckKind::Numbers << warn;
    QTest::newRow("number dropped")
        << title << u"Pack of 6 cans"_s << u"罐装"_s << CheckKind::Numbers << warn;
    QTest::newRow("same number, Chinese unit")
        << title << u"Water bottle 500 ml"_s << u"水瓶 500毫升"_s << CheckKind::Numbers << no;
    QTest::newRow("full-width digits")
        << title << u"Socks 2 pieces"_s << u"袜子２件"_s << CheckKind::Numbers << no;
    QTest::newRow("thousands separator")
        << desc << u"1,000 mAh battery"_s << u"1000 mAh 电池"_s << CheckKind::Numbers << no;
    QTest::newRow("model number ignored")
        << title << u"Camera XR200"_s << u"相机"_s << CheckKind::Numbers << no;
    QTest::newRow("500 ml vs 500 g")
        << title << u"Cream 500 ml"_s << u"面霜 500克"_s << CheckKind::Units << warn;
    QTest::newRow("same unit") << title << u"Cream 500 g"_s << u"面霜 500克"_s << CheckKind::Units
                               << no;

    QTest::newRow("title too long")
        << title << u"Shirt"_s << repeated(u"衬"_s, 61) << CheckKind::Length << error;
    QTest::newRow("title at limit")
        << title << u"Shirt"_s << repeated(u"衬"_s, 60) << CheckKind::Length << no;
    QTest::newRow("long description")
        << desc << u"Shirt"_s << repeated(u"衬"_s, 5001) << CheckKind::Length << warn;
    QTest::newRow("too long description")
        << desc << u"Shirt"_s << repeated(u"衬"_s, 20001) << CheckKind::Length << error;
    QTest::newRow("long attribute")
        << attr << u"cotton"_s << repeated(u"棉"_s, 101) << CheckKind::Length << warn;
    // Code points, not UTF-16 units: 60 characters outside the BMP are 120 units.
    QTest::newRow("astral characters")
        << title << u"Shirt"_s << repeated(u"𠀀"_s, 60) << CheckKind::Length << no;
}

void TstTranslationChecks::checks()
{
    QFETCH(QString, field);
    QFETCH(QString, source);
    QFETCH(QString, target);
    QFETCH(CheckKind, kind);
    QFETCH(int, fires);

    const QList<CheckResult> results = TranslationChecks::run({{field, source, target, {}}}, {});
    QList<CheckResult> ofKind;
    for (const CheckResult &r : results) {
        if (r.kind == kind)
            ofKind.append(r);
    }
    if (fires < 0) {
        QVERIFY2(ofKind.isEmpty(), qPrintable(ofKind.value(0).message));
        return;
    }
    QCOMPARE(ofKind.size(), 1);
    QCOMPARE(int(ofKind.first().severity), fires);
    QCOMPARE(ofKind.first().field, field);
    QVERIFY(!ofKind.first().message.isEmpty());
}

void TstTranslationChecks::numberTokens_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected"); // value/unit

    QTest::newRow("ml") << u"500ml bottle"_s << QStringList{u"500/ml"_s};
    QTest::newRow("spaced") << u"2 pieces, 3 kg"_s << QStringList{u"2/pcs"_s, u"3/kg"_s};
    QTest::newRow("chinese") << u"500毫升装，2件"_s << QStringList{u"500/ml"_s, u"2/pcs"_s};
    QTest::newRow("decimal comma") << u"1,5 l"_s << QStringList{u"1.5/l"_s};
    QTest::newRow("trailing zero") << u"2.50 kg"_s << QStringList{u"2.5/kg"_s};
    QTest::newRow("no unit") << u"pack of 6 mangos"_s << QStringList{u"6/"_s};
    QTest::newRow("percent") << u"100% cotton"_s << QStringList{u"100/%"_s};
}

void TstTranslationChecks::numberTokens()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QStringList got;
    for (const models::NumberToken &t : TranslationChecks::numberTokens(text))
        got.append(t.value + QLatin1Char('/') + t.unit);
    QCOMPARE(got, expected);
}

void TstTranslationChecks::runCollectsAllAndErrorsBlock()
{
    const QList<client::GlossaryEntry> terms{entry(u"cotton"_s, u"棉"_s),
                                             entry(u"COTTON"_s, u"棉"_s)};
    const QList<client::GlossaryEntry> forbidden{entry(u"最好"_s, QString(), u"forbidden"_s)};

    // Glossary: the required translation missing fires once (duplicates count once); present
    // does not.
    QList<CheckResult> r =
        TranslationChecks::run({{u"title"_s, u"Cotton shirt"_s, u"衬衫"_s, terms}}, forbidden);
    QCOMPARE(r.size(), 1);
    QCOMPARE(r.first().kind, CheckKind::Glossary);
    QCOMPARE(r.first().severity, CheckSeverity::Warning);
    QVERIFY(r.first().message.contains(u"棉"_s));
    QVERIFY(!TranslationChecks::hasErrors(r));
    r = TranslationChecks::run({{u"title"_s, u"Cotton shirt"_s, u"纯棉衬衫"_s, terms}}, forbidden);
    QVERIFY(r.isEmpty());
    // A forbidden-kind entry in the terms is not a required translation.
    r = TranslationChecks::run(
        {{u"title"_s, u"Cotton shirt"_s, u"纯棉衬衫"_s, {entry(u"shirt"_s, {}, u"forbidden"_s)}}},
        {});
    QVERIFY(r.isEmpty());

    // Forbidden word: an error, per field where it appears.
    r = TranslationChecks::run({{u"title"_s, u"Best shirt"_s, u"最好的纯棉衬衫"_s, {}},
                                {u"description"_s, u"Soft"_s, u"柔软"_s, {}}},
                               forbidden);
    QCOMPARE(r.size(), 1);
    QCOMPARE(r.first().kind, CheckKind::Forbidden);
    QCOMPARE(r.first().field, u"title"_s);
    QVERIFY(TranslationChecks::hasErrors(r));

    // Several checks on several fields, in field order.
    r = TranslationChecks::run({{u"title"_s, u"Bottle 500ml"_s, u""_s, {}},
                                {u"description"_s, u"Holds 500 ml"_s, u"容量 50 ml"_s, {}}},
                               {});
    QCOMPARE(r.size(), 2);
    QCOMPARE(r.at(0).field, u"title"_s);
    QCOMPARE(r.at(0).kind, CheckKind::Empty);
    QCOMPARE(r.at(1).field, u"description"_s);
    QCOMPARE(r.at(1).kind, CheckKind::Numbers);
}

void TstTranslationChecks::diff_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("deleted"); // all Deleted parts joined with |
    QTest::addColumn<QString>("inserted");

    QTest::newRow("same") << u"纯棉T恤"_s << u"纯棉T恤"_s << u""_s << u""_s;
    QTest::newRow("chinese character")
        << u"纯棉短袖T恤"_s << u"纯棉长袖T恤"_s << u"短"_s << u"长"_s;
    QTest::newRow("latin word whole")
        << u"red cotton shirt"_s << u"red linen shirt"_s << u"cotton"_s << u"linen"_s;
    QTest::newRow("insert only") << u"T恤"_s << u"纯棉T恤"_s << u""_s << u"纯棉"_s;
    QTest::newRow("delete only") << u"纯棉T恤 新款"_s << u"纯棉T恤"_s << u" 新款"_s << u""_s;
    QTest::newRow("two changes") << u"500毫升 蓝色"_s << u"750毫升 红色"_s << u"500|蓝"_s
                                 << u"750|红"_s;
    QTest::newRow("from empty") << u""_s << u"新"_s << u""_s << u"新"_s;
}

void TstTranslationChecks::diff()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QString, deleted);
    QFETCH(QString, inserted);
    const QList<models::DiffPart> parts = models::diffText(before, after);
    QCOMPARE(joined(parts, true), before);
    QCOMPARE(joined(parts, false), after);
    QStringList del, ins;
    for (int i = 0; i < parts.size(); ++i) {
        if (i > 0)
            QVERIFY(parts.at(i).kind != parts.at(i - 1).kind); // merged
        if (parts.at(i).kind == models::DiffPart::Deleted)
            del.append(parts.at(i).text);
        if (parts.at(i).kind == models::DiffPart::Inserted)
            ins.append(parts.at(i).text);
    }
    QCOMPARE(del.join(QLatin1Char('|')), deleted);
    QCOMPARE(ins.join(QLatin1Char('|')), inserted);
}

void TstTranslationChecks::diffLargeTextFallsBack()
{
    const QString a = QStringLiteral("头") + repeated(u"甲乙"_s, 3000) + QStringLiteral("尾");
    const QString b = QStringLiteral("头") + repeated(u"乙甲"_s, 3000) + QStringLiteral("尾");
    const QList<models::DiffPart> parts = models::diffText(a, b);
    QCOMPARE(joined(parts, true), a);
    QCOMPARE(joined(parts, false), b);
    QCOMPARE(parts.size(), 4); // 头, deleted middle, inserted middle, 尾
}

void TstTranslationChecks::suggestionsModel()
{
    models::SuggestionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMemory({{u"Cotton shirt"_s, u"纯棉衬衫"_s, 100, 3, {}},
                     {u"Cotton shirts"_s, u"纯棉衬衫们"_s, 80, 4, {}}});
    QCOMPARE(model.rowCount(), 2);
    model.setMachine(u"Cotton shirt"_s, u"[MT] 棉 shirt"_s, u"haitao-sim-mt"_s);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, models::SuggestionsModel::TargetColumn).data().toString(),
             u"[MT] 棉 shirt"_s);
    QCOMPARE(model.index(0, models::SuggestionsModel::ScoreColumn).data(models::RawRole).toInt(),
             -1);
    QCOMPARE(model.index(1, models::SuggestionsModel::ScoreColumn).data(models::RawRole).toInt(),
             100);
    // A new memory answer replaces the memory rows only.
    model.setMemory({});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.suggestionAt(0).origin, models::SuggestionsModel::Origin::Machine);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TstTranslationChecks::checksModel()
{
    models::ChecksModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<CheckResult> results =
        TranslationChecks::run({{u"title"_s, u"Bottle 500ml"_s, u"瓶"_s, {}},
                                {u"attr:size"_s, u"L"_s, u""_s, {}},
                                {u"description"_s, u"Nice"_s, u""_s, {}}},
                               {});
    model.setResults(results, {{u"title"_s, u"Title"_s}});
    QCOMPARE(model.rowCount(), 3);
    // Errors first.
    QCOMPARE(model.index(0, models::ChecksModel::SeverityColumn).data(models::RawRole).toInt(),
             int(CheckSeverity::Error));
    QCOMPARE(model.index(0, models::ChecksModel::FieldColumn).data(models::RawRole).toString(),
             u"description"_s);
    QCOMPARE(model.index(1, models::ChecksModel::FieldColumn).data().toString(), u"Title"_s);
    QCOMPARE(model.index(2, models::ChecksModel::FieldColumn).data().toString(), u"size"_s);
    model.setResults({});
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TstTranslationChecks)
#include "tst_translationchecks.moc"
