// The Pricing page against the real server in-process (seeded with the demo rule set and
// rates), driven through its widgets as an ops user would: rates, manual entry, a failing fetch
// and one from haitao-sim's ECB file; the draft's life cycle with a conflict and the server's
// field errors; the rule set's settings; simulation; and history. Each test leaves no draft
// behind for the next.

#include "backend/pricing/pricingservice.h"
#include "backend/server.h"
#include "core/decimal.h"
#include "models/auditmodel.h"
#include "models/fxratesmodel.h"
#include "models/itemroles.h"
#include "models/pricingdraft.h"
#include "models/quotebreakdownmodel.h"
#include "models/rulesetsettings.h"
#include "models/rulesetversionsmodel.h"
#include "models/ruletablemodel.h"
#include "models/samplecarts.h"
#include "models/sitestablemodel.h"
#include "sim/simserver.h"
#include "tests/support/syncclient.h"
#include "tests/support/testserver.h"
#include "widgets/draftbar.h"
#include "widgets/fxratespanel.h"
#include "widgets/historypanel.h"
#include "widgets/languageswitcher.h"
#include "widgets/manualratedialog.h"
#include "widgets/messagelabel.h"
#include "widgets/pricingpage.h"
#include "widgets/rulesetsettingseditor.h"
#include "widgets/rulespanel.h"
#include "widgets/simulationpanel.h"

#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QXmlStreamReader>

#include <memory>

using namespace haitao;
using models::PricingDraft;
using models::RuleTableModel;
using models::SitesTableModel;

namespace {

const QString opsPassword = QStringLiteral("ops-password-1");

template <typename T> T *child(const QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qWarning("no child %s", name);
    return found;
}

int rowOfId(const RuleTableModel &model, const QString &id)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data().toString() == id)
            return row;
    }
    return -1;
}

QModelIndex cell(const RuleTableModel &model, const QString &id, const char *key)
{
    return model.index(rowOfId(model, id), model.columnOfKey(QLatin1String(key)));
}

} // namespace

class TstPricingPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void ratesAreListedAndCharted();
    void manualRateIsCheckedThenSaved();
    void staleRateIsMarked();
    void failedFetchIsShown();
    void fetchNowShowsEcbRates();
    void draftCreateEditSave();
    void conflictOffersReload();
    void serverFieldErrorsLandOnCells();
    void publishFromTheDraft();
    void discardAsksFirst();
    void settingsAreSavedWithTheDraft();
    void serverErrorsOnSettingsLandOnTheirFields();
    void simulationComparesPublishedAndDraft();
    void simulationChecksTheCart();
    void simulationAsFirstOrder();
    void savedCartsSaveLoadReplaceDelete();
    void sweepFollowsTheChosenRoute();
    void historyShowsVersionsAndTrail();
    void chineseTabs();

private:
    // Signs a fresh client in as the ops user: each page gets its own.
    std::unique_ptr<testing::SyncClient> opsClient();
    void discardAnyDraft();
    QJsonObject draftOnServer(QByteArray *etag = nullptr);
    // Opens the Rules tab and waits for the draft's state.
    void openRules(widgets::PricingPage &page);

    std::unique_ptr<testing::TestServer> m_server;
    std::unique_ptr<testing::SyncClient> m_other; // a second ops user, for conflicts
};

void TstPricingPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HaitaoTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_pricingpage"));
    QSettings().clear();

    server::Config config;
    // Nothing listens on port 1: every fetch fails with the connection refused.
    config.fxEcbUrl = QStringLiteral("http://127.0.0.1:1/eurofxref-daily.xml");
    m_server = std::make_unique<testing::TestServer>(config);
    QVERIFY(m_server->start());
    QVERIFY(m_server->server().pricing().seedDemo());
    QVERIFY(m_server->createUser(QStringLiteral("ops.one"), opsPassword, Role::Ops) > 0);
    QVERIFY(m_server->createUser(QStringLiteral("ops.two"), opsPassword, Role::Ops) > 0);
    m_other = std::make_unique<testing::SyncClient>(m_server->url());
    QCOMPARE(m_other->login(QStringLiteral("ops.two"), opsPassword), QString());
}

void TstPricingPage::init()
{
    discardAnyDraft();
}

std::unique_ptr<testing::SyncClient> TstPricingPage::opsClient()
{
    auto client = std::make_unique<testing::SyncClient>(m_server->url());
    const QString error = client->login(QStringLiteral("ops.one"), opsPassword);
    if (!error.isEmpty())
        qWarning("sign-in failed: %s", qPrintable(error));
    return client;
}

QJsonObject TstPricingPage::draftOnServer(QByteArray *etag)
{
    const client::RawResponse r = m_other->raw("GET", QStringLiteral("/api/v1/pricing/draft"));
    if (etag)
        *etag = r.header("ETag");
    return r.status == 200 ? QJsonDocument::fromJson(r.body).object() : QJsonObject();
}

void TstPricingPage::discardAnyDraft()
{
    QByteArray etag;
    if (draftOnServer(&etag).isEmpty())
        return;
    const client::RawResponse r =
        m_other->raw("DELETE", QStringLiteral("/api/v1/pricing/draft"), {}, {{"If-Match", etag}});
    QCOMPARE(r.status, 204);
}

void TstPricingPage::openRules(widgets::PricingPage &page)
{
    page.tabs()->setCurrentWidget(page.rulesPanel());
    QTRY_VERIFY(page.draft()->state() != PricingDraft::State::Unknown);
    QTRY_VERIFY(!page.draft()->isBusy());
}

void TstPricingPage::ratesAreListedAndCharted()
{
    auto ops = opsClient();
    widgets::PricingPage page(&ops->api());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCOMPARE(page.title(), QStringLiteral("Pricing"));
    QCOMPARE(page.tabs()->currentWidget(), page.ratesPanel()); // loads on its own

    models::FxRatesModel *rates = page.ratesModel();
    QTRY_VERIFY(rates->rowCount() >= 8); // the demo's eight currencies
    const int usd = rates->rowOfCurrency(QStringLiteral("USD"));
    QVERIFY(usd >= 0);
    // The demo seeds USD 7.1180 with 1.5 % markup: 7.1180 x 1.015 = 7.224770.
    QCOMPARE(rates->index(usd, models::FxRatesModel::RateColumn).data().toString(),
             QStringLiteral("7.118"));
    QCOMPARE(rates->index(usd, models::FxRatesModel::EffectiveColumn).data().toString(),
             QStringLiteral("7.22477"));
    QCOMPARE(rates->index(usd, 0).data(models::StaleRole).toBool(), false);
    QVERIFY(child<QLabel>(&page, "fxSnapshot")->text().contains(QLatin1String("96")));

    // The first row is selected and its history charted; selecting two currencies charts two.
    QTRY_COMPARE(page.ratesPanel()->historyChart()->series().size(), 1);
    QTableView *view = child<QTableView>(&page, "fxRatesView");
    view->clearSelection();
    view->selectionModel()->select(rates->index(usd, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view->selectionModel()->select(rates->index(rates->rowOfCurrency(QStringLiteral("EUR")), 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QTRY_COMPARE(page.ratesPanel()->historyChart()->series().size(), 2);
    QStringList names;
    for (QAbstractSeries *s : page.ratesPanel()->historyChart()->series())
        names << s->name();
    names.sort();
    QCOMPARE(names, QStringList({QStringLiteral("EUR"), QStringLiteral("USD")}));
}

void TstPricingPage::manualRateIsCheckedThenSaved()
{
    auto ops = opsClient();
    widgets::PricingPage page(&ops->api());
    page.show();
    models::FxRatesModel *rates = page.ratesModel();
    QTRY_VERIFY(rates->rowCount() > 0);

    QTest::mouseClick(child<QPushButton>(&page, "enterRateButton"), Qt::LeftButton);
    // Deleted when closed: watched through a QPointer.
    QPointer<widgets::ManualRateDialog> dialog = page.findChild<widgets::ManualRateDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *currency = child<QComboBox>(dialog, "rateCurrencyCombo");
    currency->setCurrentIndex(currency->findData(QStringLiteral("CAD")));
    QLineEdit *rate = child<QLineEdit>(dialog, "rateEdit");
    QLineEdit *markup = child<QLineEdit>(dialog, "markupEdit");
    QPushButton *save = child<QPushButton>(dialog, "saveRateButton");

    // A decimal comma, then a markup over 100: each refused before anything is sent.
    QTest::keyClicks(rate, QStringLiteral("5,1"));
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(child<QLabel>(dialog, "rateError")->text(),
             QStringLiteral("Write a decimal number such as 7.1234."));
    rate->setText(QStringLiteral("5.1"));
    markup->setText(QStringLiteral("150"));
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(child<QLabel>(dialog, "rateError")->text().isEmpty());
    QCOMPARE(child<QLabel>(dialog, "markupPercentError")->text(),
             QStringLiteral("The markup must be between 0 and 100."));
    QVERIFY(dialog->isVisible());

    // 5.1 x (1 + 2/100) = 5.202.
    markup->setText(QStringLiteral("2"));
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    auto *message = child<QLabel>(&page, "fxMessage");
    QTRY_COMPARE(message->text(),
                 QStringLiteral("CAD is now 5.1 CNY (markup 2 %, effective 5.202)."));
    const int cad = rates->rowOfCurrency(QStringLiteral("CAD"));
    QTRY_COMPARE(rates->index(cad, models::FxRatesModel::EffectiveColumn).data().toString(),
                 QStringLiteral("5.202"));
    QCOMPARE(rates->index(cad, models::FxRatesModel::SourceColumn).data().toString(),
             QStringLiteral("manual"));
}

void TstPricingPage::staleRateIsMarked()
{
    // An entry for a day 100 hours ago: past the 96 hours a rate may be old.
    const QDateTime old = QDateTime::currentDateTimeUtc().addSecs(-100 * 3600);
    const QJsonObject body{{QStringLiteral("currency"), QStringLiteral("HKD")},
                           {QStringLiteral("rate"), QStringLiteral("0.9146")},
                           {QStringLiteral("asOf"), old.toString(Qt::ISODateWithMs)}};
    const client::RawResponse r =
        m_other->raw("POST", QStringLiteral("/api/v1/fx/rates"), QJsonDocument(body).toJson(),
                     {{"Content-Type", "application/json"}});
    QCOMPARE(r.status, 201);

    auto ops = opsClient();
    widgets::PricingPage page(&ops->api());
    models::FxRatesModel *rates = page.ratesModel();
    QTRY_VERIFY(rates->rowCount() > 0);
    const int hkd = rates->rowOfCurrency(QStringLiteral("HKD"));
    QCOMPARE(rates->index(hkd, models::FxRatesModel::CurrencyColumn).data(models::StaleRole),
             QVariant(true));
    QCOMPARE(rates->index(hkd, models::FxRatesModel::AgeColumn).data(models::RawRole),
             QVariant(qint64(100)));
    QCOMPARE(rates->index(rates->rowOfCurrency(QStringLiteral("USD")), 0).data(models::StaleRole),
             QVariant(false));

    // A fresh entry makes it current again (and keeps the next tests' quotes possible).
    const QJsonObject fresh{{QStringLiteral("currency"), QStringLiteral("HKD")},
                            {QStringLiteral("rate"), QStringLiteral("0.9146")}};
    QCOMPARE(m_other
                 ->raw("POST", QStringLiteral("/api/v1/fx/rates"), QJsonDocument(fresh).toJson(),
                       {{"Content-Type", "application/json"}})
                 .status,
             201);
}

void TstPricingPage::failedFetchIsShown()
{
    auto ops = opsClient();
    widgets::PricingPage page(&ops->api());
    page.show();
    QTRY_VERIFY(page.ratesModel()->rowCount() > 0);
    QPushButton *fetch = child<QPushButton>(&page, "fetchRatesButton");
    QTest::mouseClick(fetch, Qt::LeftButton);
    QVERIFY(!fetch->isEnabled()); // one fetch at a time
    auto *message = child<QLabel>(&page, "fxMessage");
    QTRY_VERIFY(message->text().startsWith(QLatin1String("The rates could not be fetched")));
    QVERIFY(message->text().contains(QLatin1String("127.0.0.1:1")));
    QVERIFY(message->isVisible());
    QVERIFY(fetch->isEnabled());
}

void TstPricingPage::fetchNowShowsEcbRates()
{
    // A server of its own whose ECB URL is haitao-sim's file, fetched only when staff ask: the
    // shared server's rates stay as the other tests expect them.
    sim::SimServer sim;
    QString error;
    QVERIFY2(sim.start(QStringLiteral("127.0.0.1"), 0, &error), qPrintable(error));
    server::Config config;
    config.fxEcbUrl = QStringLiteral("http://127.0.0.1:%1/fx/eurofxref-daily.xml").arg(sim.port());
    config.fxFetchHours = 0;
    testing::TestServer server(config);
    QVERIFY(server.start());
    QVERIFY(server.server().pricing().seedDemo());
    QVERIFY(server.createUser(QStringLiteral("ops.fx"), opsPassword, Role::Ops) > 0);
    testing::SyncClient ops(server.url());
    QCOMPARE(ops.login(QStringLiteral("ops.fx"), opsPassword), QString());

    widgets::PricingPage page(&ops.api());
    page.show();
    models::FxRatesModel *rates = page.ratesModel();
    QTRY_VERIFY(rates->rowCount() > 0);
    auto source = [rates](const char *currency) {
        const int row = rates->rowOfCurrency(QLatin1String(currency));
        return rates->index(row, models::FxRatesModel::SourceColumn).data().toString();
    };
    QCOMPARE(source("USD"), QStringLiteral("manual")); // the demo's own entries

    QTest::mouseClick(child<QPushButton>(&page, "fetchRatesButton"), Qt::LeftButton);
    auto *message = child<widgets::MessageLabel>(&page, "fxMessage");
    QTRY_VERIFY2(message->text().startsWith(QLatin1String("Fetched ")),
                 qPrintable(message->text()));
    QVERIFY(!message->isError());
    QVERIFY(message->text().contains(config.fxEcbUrl));
    QTRY_COMPARE(source("USD"), QStringLiteral("ecb")); // the table reloads after the fetch

    // The rates are the cross rates of the sim's file: CNY per X = (CNY per EUR) / (X per EUR),
    // to 10 significant digits, half even; EUR itself is the file's CNY rate (docs/pricing.md).
    testing::SyncClient feed(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(sim.port())));
    const client::RawResponse file = feed.raw("GET", QStringLiteral("/fx/eurofxref-daily.xml"));
    QCOMPARE(file.status, 200);
    QHash<QString, QString> perEur;
    QXmlStreamReader xml(file.body);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement &&
            xml.attributes().hasAttribute(QStringLiteral("currency"))) {
            perEur.insert(xml.attributes().value(QStringLiteral("currency")).toString(),
                          xml.attributes().value(QStringLiteral("rate")).toString());
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(perEur.contains(QStringLiteral("CNY")) && perEur.contains(QStringLiteral("USD")));
    const Decimal eurCny = *Decimal::parse(perEur.value(QStringLiteral("CNY")));
    const Decimal eurUsd = *Decimal::parse(perEur.value(QStringLiteral("USD")));
    const MoneyResult<Decimal> usd = eurCny.divided(eurUsd, 10, Rounding::HalfEven);
    QVERIFY(usd);
    const int usdRow = rates->rowOfCurrency(QStringLiteral("USD"));
    QCOMPARE(rates->index(usdRow, models::FxRatesModel::RateColumn).data().toString(),
             usd->toString());
    // A fetch keeps each currency's latest markup: the demo's 1.5 % on USD.
    QCOMPARE(rates->index(usdRow, models::FxRatesModel::MarkupColumn).data().toString(),
             QStringLiteral("1.5"));
    const int eurRow = rates->rowOfCurrency(QStringLiteral("EUR"));
    QCOMPARE(source("EUR"), QStringLiteral("ecb"));
    QCOMPARE(rates->index(eurRow, models::FxRatesModel::RateColumn).data().toString(),
             eurCny.toString());
    QVERIFY(!rates->index(usdRow, 0).data(models::StaleRole).toBool());

    // The message counts what was fetched: each is a row from the ECB now.
    int ecbRows = 0;
    for (int row = 0; row < rates->rowCount(); ++row) {
        if (rates->index(row, models::FxRatesModel::SourceColumn).data().toString() == u"ecb")
            ++ecbRows;
    }
    QVERIFY(ecbRows > 2);
    QVERIFY2(message->text().startsWith(QStringLiteral("Fetched %1 rate(s)").arg(ecbRows)),
             qPrintable(message->text()));
}

void TstPricingPage::draftCreateEditSave()
{
    auto ops = opsClient();
    widgets::PricingPage page(&ops->api());
    page.show();
    openRules(page);
    PricingDraft *draft = page.draft();
    QCOMPARE(draft->state(), PricingDraft::State::None);
    widgets::RulesPanel *rules = page.rulesPanel();
    QPushButton *create = child<QPushButton>(rules, "createDraftButton");
    QPushButton *save = child<QPushButton>(rules, "saveDraftButton");
    QVERIFY(create->isVisible());
    QVERIFY(!save->isVisible());

    QTest::mouseClick(create, Qt::LeftButton);
    QTRY_COMPARE(draft->state(), PricingDraft::State::Open);
    QVERIFY(!create->isVisible());
    QVERIFY(save->isVisible());
    QVERIFY(!save->isEnabled()); // nothing to save yet
    QCOMPARE(draft->draft().revision, 1);
    QCOMPARE(draft->draft().basedOn, 1);
    QVERIFY(child<QLabel>(rules, "draftStatus")
                ->text()
                .startsWith(QLatin1String("Draft revision 1, based on version 1")));
    // The demo rule set is valid: no table refuses anything in it.
    QCOMPARE(draft->errorCount(), 0);
    RuleTableModel *tax = draft->table(QStringLiteral("import_tax"));
    QVERIFY(rowOfId(*tax, QStringLiteral("tax-default")) >= 0);

    // Edit a cell through the table like a user: type into the editor, press Enter.
    auto *view = child<QTableView>(rules, "table_import_tax");
    rules->kindTabs()->setCurrentWidget(view->parentWidget());
    const QModelIndex percent = cell(*tax, QStringLiteral("tax-wine"), "percent");
    view->setCurrentIndex(percent);
    view->edit(percent);
    auto *editor = view->findChild<QLineEdit *>();
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("18.5"));
    QTest::keyClick(editor, Qt::Key_Return); // the view commits on its next turn
    QTRY_COMPARE(percent.data().toString(), QStringLiteral("18.5"));
    QVERIFY(draft->isModified());
    QVERIFY(save->isEnabled());
    QVERIFY(!child<QPushButton>(rules, "publishDraftButton")->isEnabled()); // save first

    // A refused value blocks saving, with the reason where the user looks.
    QVERIFY(
        tax->setData(cell(*tax, QStringLiteral("tax-books"), "percent"), QStringLiteral("101")));
    QTest::mouseClick(save, Qt::LeftButton);
    auto *message = child<QLabel>(rules, "draftMessage");
    QCOMPARE(message->text(), QStringLiteral("1 cell(s) need attention before saving; point at a "
                                             "red cell to see why."));
    QCOMPARE(draft->draft().revision, 1);
    QVERIFY(rules->kindTabs()->tabText(4).contains(QLatin1String("to fix")));
    QVERIFY(tax->setData(cell(*tax, QStringLiteral("tax-books"), "percent"), QStringLiteral("0")));

    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE(message->text(), QStringLiteral("Saved as revision 2."));
    QVERIFY(!draft->isModified());
    QVERIFY(!save->isEnabled());
    // The server holds the change.
    const QJsonArray saved = draftOnServer()
                                 .value(QStringLiteral("document"))
                                 .toObject()
                                 .value(QStringLiteral("rules"))
                                 .toArray();
    bool found = false;
    for (const QJsonValue &v : saved) {
        if (v.toObject().value(QStringLiteral("id")) == QJsonValue(QStringLiteral("tax-wine"))) {
            QCOMPARE(v.toObject().value(QStringLiteral("percent")),
                     QJsonValue(QStringLiteral("18.5")));
            found = true;
        }
    }
    QVERIFY(found);
    // Both tabs show the same draft.
    QCOMPARE(child<QLabel>(page.promotionsPanel(), "draftStatus")->text(),
             child<QLabel>(rules, "draftStatus")->text());
}

void TstPricingPage::conflictOffersReload()
{
    auto ops = opsClient();
    widgets::PricingPage page(&ops->api());
    page.show();
    openRules(page);
    PricingDraft *draft = page.draft();
    widgets::RulesPanel *rules = page.rulesPanel();
    QTest::mouseClick(child<QPushButton>(rules, "createDraftButton"), Qt::LeftButton);
    QTRY_COMPARE(draft->state(), PricingDraft::State::Open);

    // Someone else saves the draft meanwhile (revision 2).
    QByteArray etag;
    const QJsonObject theirs = draftOnServer(&etag);
    QCOMPARE(etag, QByteArray("\"r1\""));
    const QJsonObject body{{QStringLiteral("document"), theirs.value(QStringLiteral("document"))}};
    QCOMPARE(m_other
                 ->raw("PUT", QStringLiteral("/api/v1/pricing/draft"), QJsonDocument(body).toJson(),
                       {{"Content-Type", "application/json"}, {"If-Match", etag}})
                 .status,
             200);

    RuleTableModel *service = draft->table(QStringLiteral("service_fee"));
    QVERIFY(service->setData(cell(*service, QStringLiteral("svc-default"), "percent"),
                             QStringLiteral("6")));
    QPushButton *save = child<QPushButton>(rules, "saveDraftButton");
    QTest::mouseClick(save, Qt::LeftButton);
    auto *message = child<QLabel>(rules, "draftMessage");
    QTRY_VERIFY(message->text().startsWith(
        QLatin1String("Someone else changed the draft since you loaded it")));
    QVERIFY(!save->isEnabled()); // saving again would fail the same way
    QCOMPARE(draft->draft().revision, 1);

    QTest::mouseClick(child<QPushButton>(rules, "reloadDraftButton"), Qt::LeftButton);
    QTRY_COMPARE(draft->draft().revision, 2);
    QVERIFY(message->text().isEmpty());
    QVERIFY(!draft->isModified()); // their version, without the local change
    QCOMPARE(cell(*service, QStringLiteral("svc-default"), "percent").data().toString(),
             QStringLiteral("5"));
}

void TstPricingPage::serverFieldErrorsLandOnCells()
{
    auto ops = opsClient();
    widgets::PricingPage page(&ops->api());
    page.show();
    openRules(page);
    PricingDraft *draft = page.draft();
    widgets::RulesPanel *promotions = page.promotionsPanel();
    QTest::mouseClick(child<QPushButton>(promotions, "createDraftButton"), Qt::LeftButton);
    QTRY_COMPARE(draft->state(), PricingDraft::State::Open);

    // Ids are unique per document; each table only sees its own kind, so the server finds
    // the clash: the coupon that reuses the service fee's id is marked.
    RuleTableModel *coupons = draft->table(QStringLiteral("coupon"));
    const QModelIndex id = cell(*coupons, QStringLiteral("coupon-welcome10"), "id");
    QVERIFY(coupons->setData(id, QStringLiteral("svc-default")));
    QCOMPARE(draft->errorCount(), 0);
    QTest::mouseClick(child<QPushButton>(promotions, "saveDraftButton"), Qt::LeftButton);
    auto *message = child<QLabel>(promotions, "draftMessage");
    QTRY_COMPARE(message->text(),
                 QStringLiteral("The server refused 1 value(s); they are marked in red."));
    QVERIFY(id.data(models::ErrorRole).toString().contains(QLatin1String("duplicate id")));
    QCOMPARE(id.data(Qt::ToolTipRole), id.data(models::ErrorRole));
    QCOMPARE(draft->draft().revision, 1);

    // Fixing the cell clears its mark, and the save goes through.
    QVERIFY(coupons->setData(id, QStringLiteral("coupon-welcome")));
    QVERIFY(id.data(models::ErrorRole).toString().isEmpty());
    QTest::mouseClick(child<QPushButton>(promotions, "saveDraftButton"), Qt::LeftButton);
    QTRY_COMPARE(message->text(), QStringLiteral("Saved as revision 2."));
}

void TstPricingPage::publishFromTheDraft()
{
    auto ops = opsClient();
    widgets::PricingPage page(&ops->api());
    page.show();
    openRules(page);
    PricingDraft *draft = page.draft();
    widgets::RulesPanel *rules = page.rulesPanel();
    QTest::mouseClick(child<QPushButton>(rules, "createDraftButton"), Qt::LeftButton);
    QTRY_COMPARE(draft->state(), PricingDraft::State::Open);
    const qint64 basedOn = draft->draft().basedOn;

    RuleTableModel *service = draft->table(QStringLiteral("service_fee"));
    QVERIFY(service->setData(cell(*service, QStringLiteral("svc-default"), "percent"),
                             QStringLiteral("5.5")));
    QPushButton *publish = child<QPushButton>(rules, "publishDraftButton");
    QVERIFY(!publish->isEnabled());
    QTest::mouseClick(child<QPushButton>(rules, "saveDraftButton"), Qt::LeftButton);
    QTRY_VERIFY(publish->isEnabled());

    QTest::mouseClick(publish, Qt::LeftButton);
    QPointer<QDialog> dialog = rules->findChild<QDialog *>(QStringLiteral("publishDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    child<QLineEdit>(dialog, "publishNoteEdit")->setText(QStringLiteral("service fee 5.5 %"));
    QTest::mouseClick(child<QPushButton>(dialog, "confirmPublishButton"), Qt::LeftButton);

    auto *message = child<QLabel>(rules, "draftMessage");
    QTRY_VERIFY(
        message->text().startsWith(QStringLiteral("Published as version %1").arg(basedOn + 1)));
    // The draft became the version: none is left.
    QTRY_COMPARE(draft->state(), PricingDraft::State::None);
    QVERIFY(child<QPushButton>(rules, "createDraftButton")->isVisible());

    page.tabs()->setCurrentWidget(page.historyPanel());
    QTRY_COMPARE(page.versionsModel()->rowCount(), int(basedOn + 1));
    QCOMPARE(page.versionsModel()->versionInForce(), basedOn + 1);
    QCOMPARE(page.versionsModel()->versionAt(0).note, QStringLiteral("service fee 5.5 %"));
    QCOMPARE(page.versionsModel()->versionAt(0).publishedBy, QStringLiteral("ops.one"));
}

void TstPricingPage::discardAsksFirst()
{
    auto ops = opsClient();
    widgets::PricingPage page(&ops->api());
    page.show();
    openRules(page);
    PricingDraft *draft = page.draft();
    widgets::RulesPanel *rules = page.rulesPanel();
    QTest::mouseClick(child<QPushButton>(rules, "createDraftButton"), Qt::LeftButton);
    QTRY_COMPARE(draft->state(), PricingDraft::State::Open);

    // Cancel keeps it.
    QTest::mouseClick(child<QPushButton>(rules, "discardDraftButton"), Qt::LeftButton);
    auto *box = rules->findChild<QMessageBox *>(QStringLiteral("discardConfirmation"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    box->button(QMessageBox::Cancel)->click();
    QTest::qWait(50);
    QCOMPARE(draft->state(), PricingDraft::State::Open);
    QVERIFY(!draftOnServer().isEmpty());

    QTest::mouseClick(child<QPushButton>(rules, "discardDraftButton"), Qt::LeftButton);
    QTRY_VERIFY((box = rules->findChild<QMessageBox *>(QStringLiteral("discardConfirmation"))));
    box->button(QMessageBox::Discard)->click();
    QTRY_COMPARE(draft->state(), PricingDraft::State::None);
    QVERIFY(draftOnServer().isEmpty());
    QCOMPARE(draft->table(QStringLiteral("coupon"))->rowCount(), 0);
}

void TstPricingPage::settingsAreSavedWithTheDraft()
{
    auto ops = opsClient();
    widgets::PricingPage page(&ops->api());
    page.show();
    openRules(page);
    PricingDraft *draft = page.draft();
    widgets::RulesPanel *rules = page.rulesPanel();
    QVERIFY(!page.promotionsPanel()->settingsEditor()); // one editor for the one rule set

    // The last tab of the Rules tab, after the kinds; without a draft, disabled and clean.
    widgets::RuleSetSettingsEditor *editor = rules->settingsEditor();
    QVERIFY(editor);
    QTabWidget *tabs = rules->kindTabs();
    QCOMPARE(tabs->indexOf(editor), tabs->count() - 1);
    tabs->setCurrentWidget(editor);
    QCOMPARE(draft->state(), PricingDraft::State::None);
    QVERIFY(!editor->isEnabled());
    QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("Settings"));
    QTest::mouseClick(child<QPushButton>(rules, "createDraftButton"), Qt::LeftButton);
    QTRY_COMPARE(draft->state(), PricingDraft::State::Open);
    QVERIFY(editor->isEnabled());
    QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("Settings"));

    // The demo's settings: half up, US, eight sites (amazon.co.jp third, rakuten.co.jp fourth).
    QComboBox *rounding = editor->roundingCombo();
    QLineEdit *origin = editor->defaultOriginEdit();
    SitesTableModel *sites = draft->settings()->sites();
    QCOMPARE(rounding->currentData().toString(), QStringLiteral("half_up"));
    QCOMPARE(origin->text(), QStringLiteral("US"));
    QCOMPARE(sites->rowCount(), 8);
    QCOMPARE(sites->index(3, SitesTableModel::SiteColumn).data().toString(),
             QStringLiteral("rakuten.co.jp"));

    QPushButton *save = child<QPushButton>(rules, "saveDraftButton");
    rounding->setCurrentIndex(rounding->findData(QStringLiteral("half_even")));
    QVERIFY(draft->isModified());
    QVERIFY(save->isEnabled());

    // Typed like a user: the code shows upper-case, and half a code is flagged under the field,
    // on the tab, and blocks saving.
    origin->selectAll();
    QTest::keyClicks(origin, QStringLiteral("j"));
    QCOMPARE(origin->text(), QStringLiteral("J"));
    QLabel *originError = child<QLabel>(editor, "defaultOriginError");
    QCOMPARE(originError->text(), QStringLiteral("Use a two-letter country code, e.g. US."));
    QVERIFY(originError->isVisible());
    QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("Settings (1 to fix)"));
    QTest::mouseClick(save, Qt::LeftButton);
    auto *message = child<QLabel>(rules, "draftMessage");
    QVERIFY(message->text().startsWith(QLatin1String("1 cell(s) need attention")));
    QTest::keyClicks(origin, QStringLiteral("p"));
    QCOMPARE(origin->text(), QStringLiteral("JP"));
    QVERIFY(!originError->isVisible());
    QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("Settings"));

    // A new site through the button, typed into the table's editor; its origin is required.
    QTest::mouseClick(child<QPushButton>(editor, "addSiteButton"), Qt::LeftButton);
    QTableView *view = editor->sitesView();
    QTRY_VERIFY(view->findChild<QLineEdit *>());
    auto *cellEditor = view->findChild<QLineEdit *>();
    QTest::keyClicks(cellEditor, QStringLiteral("eBay.com"));
    QTest::keyClick(cellEditor, Qt::Key_Return);
    const QModelIndex newSite = sites->index(8, SitesTableModel::SiteColumn);
    QTRY_COMPARE(newSite.data().toString(), QStringLiteral("ebay.com"));
    const QModelIndex newOrigin = sites->index(8, SitesTableModel::OriginColumn);
    QCOMPARE(newOrigin.data(models::ErrorRole).toString(),
             QStringLiteral("Enter the warehouse's country, e.g. JP."));
    QCOMPARE(draft->errorCount(), 1);
    QVERIFY(sites->setData(newOrigin, QStringLiteral("gb")));
    QCOMPARE(draft->errorCount(), 0);
    // And one removed: rakuten.co.jp.
    view->selectionModel()->select(sites->index(3, SitesTableModel::OriginColumn),
                                   QItemSelectionModel::ClearAndSelect);
    QTest::mouseClick(child<QPushButton>(editor, "removeSiteButton"), Qt::LeftButton);
    QCOMPARE(sites->rowCount(), 8);

    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE(message->text(), QStringLiteral("Saved as revision 2."));
    QVERIFY(!draft->isModified());
    QVERIFY(!save->isEnabled());

    // The server holds them, saved with the rules (which are all still there).
    const QJsonObject saved = draftOnServer().value(QStringLiteral("document")).toObject();
    QCOMPARE(saved.value(QStringLiteral("rounding")), QJsonValue(QStringLiteral("half_even")));
    QCOMPARE(saved.value(QStringLiteral("defaultOrigin")), QJsonValue(QStringLiteral("JP")));
    const QJsonArray savedSites = saved.value(QStringLiteral("sites")).toArray();
    QCOMPARE(savedSites.size(), 8);
    QCOMPARE(savedSites.last().toObject(),
             QJsonObject({{QStringLiteral("site"), QStringLiteral("ebay.com")},
                          {QStringLiteral("origin"), QStringLiteral("GB")}}));
    for (const QJsonValue &v : savedSites)
        QVERIFY(v.toObject().value(QStringLiteral("site")) !=
                QJsonValue(QStringLiteral("rakuten.co.jp")));
    QCOMPARE(saved.value(QStringLiteral("rules")).toArray().size(),
             draft->document().value(QStringLiteral("rules")).toArray().size());

    // Another page, signed in afresh, shows them when it loads the draft.
    auto again = opsClient();
    widgets::PricingPage other(&again->api());
    other.show();
    openRules(other);
    QCOMPARE(other.draft()->draft().revision, 2);
    widgets::RuleSetSettingsEditor *shown = other.rulesPanel()->settingsEditor();
    QCOMPARE(shown->roundingCombo()->currentData().toString(), QStringLiteral("half_even"));
    QCOMPARE(shown->defaultOriginEdit()->text(), QStringLiteral("JP"));
    SitesTableModel *loaded = other.draft()->settings()->sites();
    QCOMPARE(loaded->rowCount(), 8);
    QCOMPARE(loaded->index(7, SitesTableModel::SiteColumn).data().toString(),
             QStringLiteral("ebay.com"));
    QCOMPARE(loaded->index(7, SitesTableModel::OriginColumn).data().toString(),
             QStringLiteral("GB"));
    QVERIFY(!other.draft()->isModified());
}

void TstPricingPage::serverErrorsOnSettingsLandOnTheirFields()
{
    auto ops = opsClient();
    widgets::PricingPage page(&ops->api());
    page.show();
    openRules(page);
    PricingDraft *draft = page.draft();
    widgets::RulesPanel *rules = page.rulesPanel();
    QTest::mouseClick(child<QPushButton>(rules, "createDraftButton"), Qt::LeftButton);
    QTRY_COMPARE(draft->state(), PricingDraft::State::Open);
    widgets::RuleSetSettingsEditor *editor = rules->settingsEditor();
    QTabWidget *tabs = rules->kindTabs();
    SitesTableModel *sites = draft->settings()->sites();

    // The first site goes, so amazon.co.jp (loaded as sites[2]) is sent as sites[1]. A space
    // in a site passes the local checks; the server refuses it, and its answer
    // (document.sites[1].site) must find that row, not the one loaded at sites[1].
    QVERIFY(sites->removeRows(0, 1));
    const QModelIndex site = sites->index(1, SitesTableModel::SiteColumn);
    QCOMPARE(site.data().toString(), QStringLiteral("amazon.co.jp"));
    QVERIFY(sites->setData(site, QStringLiteral("amazon co.jp")));
    QCOMPARE(draft->errorCount(), 0);
    QTest::mouseClick(child<QPushButton>(rules, "saveDraftButton"), Qt::LeftButton);
    auto *message = child<QLabel>(rules, "draftMessage");
    QTRY_COMPARE(message->text(),
                 QStringLiteral("The server refused 1 value(s); they are marked in red."));
    QVERIFY2(site.data(models::ErrorRole).toString().contains(QLatin1String("without spaces")),
             qPrintable(site.data(models::ErrorRole).toString()));
    QCOMPARE(site.data(Qt::ToolTipRole), site.data(models::ErrorRole));
    QCOMPARE(sites->index(0, SitesTableModel::SiteColumn).data(models::ErrorRole).toString(),
             QString());
    QCOMPARE(tabs->tabText(tabs->indexOf(editor)), QStringLiteral("Settings (1 to fix)"));
    QCOMPARE(draft->draft().revision, 1);

    // The fields show the server's word too (the editor offers no value the server refuses, so
    // these come as the draft would place them).
    QVERIFY(draft->settings()->setServerError(QStringLiteral("document.defaultOrigin"),
                                              QStringLiteral("no forwarder there")));
    QLabel *originError = child<QLabel>(editor, "defaultOriginError");
    QCOMPARE(originError->text(), QStringLiteral("no forwarder there"));
    QCOMPARE(editor->defaultOriginEdit()->toolTip(), QStringLiteral("no forwarder there"));
    QVERIFY(draft->settings()->setServerError(QStringLiteral("document.rounding"),
                                              QStringLiteral("not this one")));
    QCOMPARE(child<QLabel>(editor, "roundingError")->text(), QStringLiteral("not this one"));
    QCOMPARE(tabs->tabText(tabs->indexOf(editor)), QStringLiteral("Settings (3 to fix)"));

    // Fixed, saved: the marks go.
    QVERIFY(sites->setData(site, QStringLiteral("amazon.co.jp")));
    QTest::mouseClick(child<QPushButton>(rules, "saveDraftButton"), Qt::LeftButton);
    QTRY_COMPARE(message->text(), QStringLiteral("Saved as revision 2."));
    QCOMPARE(originError->text(), QString());
    QCOMPARE(tabs->tabText(tabs->indexOf(editor)), QStringLiteral("Settings"));
    QCOMPARE(draftOnServer()
                 .value(QStringLiteral("document"))
                 .toObject()
                 .value(QStringLiteral("sites"))
                 .toArray()
                 .size(),
             7);
}

void TstPricingPage::simulationComparesPublishedAndDraft()
{
    // A draft whose default import tax is 20 %: the sample cart has a beauty line, which
    // falls back to the default unless a beauty rule matches, so compare with the server's
    // own published quote rather than with fixed figures.
    auto ops = opsClient();
    widgets::PricingPage page(&ops->api());
    page.show();
    openRules(page);
    PricingDraft *draft = page.draft();
    draft->create();
    QTRY_COMPARE(draft->state(), PricingDraft::State::Open);
    RuleTableModel *service = draft->table(QStringLiteral("service_fee"));
    QVERIFY(service->setData(cell(*service, QStringLiteral("svc-default"), "percent"),
                             QStringLiteral("10")));
    QVERIFY(draft->save());
    QTRY_VERIFY(!draft->isModified());

    page.tabs()->setCurrentWidget(page.simulationPanel());
    widgets::SimulationPanel *sim = page.simulationPanel();
    QTest::mouseClick(child<QPushButton>(sim, "simulateButton"), Qt::LeftButton);
    models::QuoteBreakdownModel *breakdown = sim->breakdown();
    QTRY_VERIFY(breakdown->rowCount() > 0);
    QVERIFY(breakdown->isComparison());

    // The draft's service fee is 10 % of the goods subtotal G (CNY minor units), rounded half
    // up once: (G x 10 + 50) / 100 in whole cents, inside its min 10.00 and max 500.00 CNY.
    QModelIndex fees, line;
    for (int row = 0; row < breakdown->rowCount(); ++row) {
        const QString key = breakdown->index(row, 0).data(models::RawRole).toString();
        if (key == u"quote")
            fees = breakdown->index(row, 0);
        if (key == u"line:0")
            line = breakdown->index(row, 0);
    }
    QVERIFY(fees.isValid());
    QVERIFY(line.isValid());
    auto amount = [&](const QModelIndex &branch, const char *kind, int column) -> qint64 {
        for (int row = 0; row < breakdown->rowCount(branch); ++row) {
            if (breakdown->index(row, 0, branch).data(models::RawRole).toString() ==
                QLatin1String(kind))
                return breakdown->index(row, column, branch).data(models::RawRole).toLongLong();
        }
        return -1;
    };
    const qint64 goods = amount(line, "goods", models::QuoteBreakdownModel::DraftColumn);
    QVERIFY(goods > 10000 && goods < 500000); // 2 x 19.99 USD is some 290 CNY
    QCOMPARE(amount(line, "goods", models::QuoteBreakdownModel::PublishedColumn), goods);
    const qint64 drafted = amount(fees, "service_fee", models::QuoteBreakdownModel::DraftColumn);
    const qint64 published =
        amount(fees, "service_fee", models::QuoteBreakdownModel::PublishedColumn);
    QCOMPARE(drafted, (goods * 10 + 50) / 100);
    QVERIFY(published > 0);
    QCOMPARE(amount(fees, "service_fee", models::QuoteBreakdownModel::DifferenceColumn),
             drafted - published);
    QVERIFY(child<QLabel>(sim, "simulationSummary")->text().startsWith(QLatin1String("Version ")));

    // The sweep (its own request, after the cart's): 0 to 20000 g in steps of 500 is 41
    // points on each line.
    QTRY_COMPARE(sim->sweepChart()->series().size(), 2);
    for (QAbstractSeries *s : sim->sweepChart()->series())
        QCOMPARE(static_cast<QLineSeries *>(s)->count(), 41);
}

void TstPricingPage::simulationChecksTheCart()
{
    auto ops = opsClient();
    widgets::PricingPage page(&ops->api());
    page.show();
    page.tabs()->setCurrentWidget(page.simulationPanel());
    widgets::SimulationPanel *sim = page.simulationPanel();
    QTableWidget *cart = sim->cart();
    auto *message = child<QLabel>(sim, "simulationMessage");

    cart->item(0, 3)->setText(QStringLiteral("0")); // quantity
    cart->item(0, 1)->setText(QStringLiteral("19.999"));
    QTest::mouseClick(child<QPushButton>(sim, "simulateButton"), Qt::LeftButton);
    QVERIFY(message->text().contains(QLatin1String("Line 1: the quantity must be 1 to 999.")));
    QVERIFY(message->text().contains(QLatin1String("at most 2 decimals in USD")));
    QCOMPARE(cart->item(0, 3)->toolTip(), QStringLiteral("the quantity must be 1 to 999."));
    QCOMPARE(sim->breakdown()->rowCount(), 0); // nothing was sent

    // Without a draft: the published quote alone; an unknown coupon is the server's to refuse.
    cart->item(0, 3)->setText(QStringLiteral("1"));
    cart->item(0, 1)->setText(QStringLiteral("19.99"));
    child<QLineEdit>(sim, "couponsEdit")->setText(QStringLiteral("NO-SUCH-CODE"));
    QTest::mouseClick(child<QPushButton>(sim, "simulateButton"), Qt::LeftButton);
    QTRY_VERIFY(message->text().contains(QLatin1String("Coupon: ")));
    child<QLineEdit>(sim, "couponsEdit")->clear();
    QTest::mouseClick(child<QPushButton>(sim, "simulateButton"), Qt::LeftButton);
    QTRY_VERIFY(sim->breakdown()->rowCount() > 0);
    QVERIFY(child<QLabel>(sim, "simulationSummary")
                ->text()
                .contains(QLatin1String("No draft to compare with.")));
    const QModelIndex total = sim->breakdown()->index(sim->breakdown()->rowCount() - 1,
                                                      models::QuoteBreakdownModel::DraftColumn);
    QVERIFY(total.data().toString().isEmpty());
    QTRY_COMPARE(sim->sweepChart()->series().size(), 1); // published only
}

void TstPricingPage::simulationAsFirstOrder()
{
    auto ops = opsClient();
    widgets::PricingPage page(&ops->api());
    page.show();
    page.tabs()->setCurrentWidget(page.simulationPanel());
    widgets::SimulationPanel *sim = page.simulationPanel();
    child<QCheckBox>(sim, "sweepCheck")->setChecked(false); // the quotes are enough here
    auto *firstOrder = child<QCheckBox>(sim, "firstOrderCheck");
    QVERIFY(!firstOrder->isChecked());
    QCOMPARE(sim->buildRequest()->value(QStringLiteral("firstOrder")), QJsonValue(false));

    models::QuoteBreakdownModel *breakdown = sim->breakdown();
    // The published CNY amount of a kind in a branch ("line:0", "quote"), or nullopt if absent.
    auto amount = [breakdown](const char *branchKey, const char *kind) -> std::optional<qint64> {
        for (int b = 0; b < breakdown->rowCount(); ++b) {
            const QModelIndex branch = breakdown->index(b, 0);
            if (branch.data(models::RawRole).toString() != QLatin1String(branchKey))
                continue;
            for (int row = 0; row < breakdown->rowCount(branch); ++row) {
                if (breakdown->index(row, 0, branch).data(models::RawRole).toString() ==
                    QLatin1String(kind))
                    return breakdown
                        ->index(row, models::QuoteBreakdownModel::PublishedColumn, branch)
                        .data(models::RawRole)
                        .toLongLong();
            }
        }
        return std::nullopt;
    };
    auto total = [breakdown] {
        return breakdown
            ->index(breakdown->rowCount() - 1, models::QuoteBreakdownModel::PublishedColumn)
            .data(models::RawRole)
            .toLongLong();
    };

    // The sample cart (2 x 19.99 USD, some 290 CNY of goods) meets no threshold and has no
    // coupon: no discount.
    QPushButton *simulate = child<QPushButton>(sim, "simulateButton");
    QTest::mouseClick(simulate, Qt::LeftButton);
    QTRY_VERIFY(breakdown->rowCount() > 0);
    QVERIFY(!amount("quote", "discount").has_value());
    const qint64 goods = amount("line:0", "goods").value_or(-1);
    QVERIFY(goods > 10000 && goods < 50000);
    const qint64 before = total();

    // As a first order, the demo's first_order promotion applies: 5 % of the goods subtotal G
    // (CNY minor units) rounded half up, (G x 5 + 50) / 100, capped at 30.00 CNY (3000), which
    // some 14.50 CNY does not reach; a discount is negative.
    QTest::mouseClick(firstOrder, Qt::LeftButton);
    QVERIFY(firstOrder->isChecked());
    QCOMPARE(sim->buildRequest()->value(QStringLiteral("firstOrder")), QJsonValue(true));
    QTest::mouseClick(simulate, Qt::LeftButton);
    QTRY_VERIFY(amount("quote", "discount").has_value());
    const qint64 discount = (goods * 5 + 50) / 100;
    QVERIFY(discount < 3000);
    QCOMPARE(*amount("quote", "discount"), -discount);
    QCOMPARE(amount("line:0", "goods").value_or(-1), goods);
    QCOMPARE(total(), before - discount);
}

void TstPricingPage::savedCartsSaveLoadReplaceDelete()
{
    QSettings().remove(models::SampleCarts::key());
    auto ops = opsClient();
    widgets::PricingPage page(&ops->api());
    page.show();
    page.tabs()->setCurrentWidget(page.simulationPanel());
    widgets::SimulationPanel *sim = page.simulationPanel();
    QTableWidget *cart = sim->cart();
    auto *saved = child<QComboBox>(sim, "savedCartsCombo");
    auto *save = child<QPushButton>(sim, "saveCartButton");
    auto *remove = child<QPushButton>(sim, "deleteCartButton");
    auto *coupons = child<QLineEdit>(sim, "couponsEdit");
    auto *destination = child<QLineEdit>(sim, "destinationEdit");
    auto *firstOrder = child<QCheckBox>(sim, "firstOrderCheck");
    auto *message = child<QLabel>(sim, "simulationMessage");
    QCOMPARE(saved->count(), 0);
    QVERIFY(!remove->isEnabled());

    auto cells = [cart](int row) {
        QStringList out;
        for (int c = 0; c < cart->columnCount(); ++c)
            out << cart->item(row, c)->text();
        return out;
    };
    auto setCells = [cart](int row, const QStringList &texts) {
        for (int c = 0; c < texts.size(); ++c)
            cart->item(row, c)->setText(texts.at(c));
    };
    // "Save cart…", answering its name dialog with `name`.
    auto saveAs = [&](const QString &name) {
        QTest::mouseClick(save, Qt::LeftButton);
        QPointer<QInputDialog> dialog =
            sim->findChild<QInputDialog *>(QStringLiteral("saveCartDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        dialog->setTextValue(name);
        dialog->accept();
        QTRY_VERIFY(!dialog); // deleted on close, so that the next find is the next dialog
    };
    auto answer = [sim](const char *box, QMessageBox::StandardButton button) {
        QPointer<QMessageBox> found;
        QTRY_VERIFY((found = sim->findChild<QMessageBox *>(QString::fromLatin1(box))));
        QTRY_VERIFY(found->isVisible());
        found->button(button)->click();
        QTRY_VERIFY(!found);
    };
    auto load = [saved](const QString &name) {
        const int index = saved->findText(name);
        QVERIFY(index >= 0);
        saved->setCurrentIndex(index);
        emit saved->activated(index); // as when the user picks it
    };

    // A cart with a wrong cell is not saved, and no name is asked.
    cart->item(0, 3)->setText(QStringLiteral("0"));
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(!sim->findChild<QInputDialog *>(QStringLiteral("saveCartDialog")));
    QVERIFY(message->text().contains(QLatin1String("Line 1: the quantity must be 1 to 999.")));

    const QStringList coat{
        QStringLiteral("zalando.de"), QStringLiteral("49.90"), QStringLiteral("EUR"),
        QStringLiteral("1"),          QStringLiteral("1800"),  QStringLiteral("400"),
        QStringLiteral("300"),        QStringLiteral("120"),   QStringLiteral("apparel")};
    // Dimensions not known: empty cells, saved as 0 and shown empty again.
    const QStringList tea{QStringLiteral("amazon.co.jp"),
                          QStringLiteral("1500"),
                          QStringLiteral("JPY"),
                          QStringLiteral("3"),
                          QStringLiteral("250"),
                          QString(),
                          QString(),
                          QString(),
                          QString()};
    setCells(0, coat);
    QTest::mouseClick(child<QPushButton>(sim, "addLineButton"), Qt::LeftButton);
    setCells(1, tea);
    coupons->setText(QStringLiteral("WELCOME10 spring"));
    destination->setText(QStringLiteral("CN"));
    firstOrder->setChecked(true);
    saveAs(QStringLiteral("Winter coat"));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(saved->count(), 1);
    QCOMPARE(saved->currentText(), QStringLiteral("Winter coat"));
    QVERIFY(remove->isEnabled());
    QVERIFY(message->text().contains(QLatin1String("Saved the sample cart")));

    // Change everything, then load: the lines and fields are back.
    cart->setCurrentCell(1, 0);
    QTest::mouseClick(child<QPushButton>(sim, "removeLineButton"), Qt::LeftButton);
    cart->item(0, 0)->setText(QStringLiteral("asos.com"));
    coupons->clear();
    destination->setText(QStringLiteral("CN-XZ"));
    firstOrder->setChecked(false);
    load(QStringLiteral("Winter coat"));
    QCOMPARE(cart->rowCount(), 2);
    QCOMPARE(cells(0), coat);
    QCOMPARE(cells(1), tea);
    QCOMPARE(coupons->text(), QStringLiteral("WELCOME10, spring"));
    QCOMPARE(destination->text(), QStringLiteral("CN"));
    QVERIFY(firstOrder->isChecked());
    const QJsonObject request = *sim->buildRequest();
    QCOMPARE(request.value(QStringLiteral("lines"))
                 .toArray()
                 .at(1)
                 .toObject()
                 .value(QStringLiteral("price")),
             QJsonValue(QJsonObject{{QStringLiteral("minor"), 1500},
                                    {QStringLiteral("currency"), QStringLiteral("JPY")}}));

    // The same name asks first: Cancel keeps the saved cart (1800 g), Replace replaces it.
    cart->item(0, 4)->setText(QStringLiteral("2500"));
    saveAs(QStringLiteral("Winter coat"));
    answer("replaceCartConfirmation", QMessageBox::Cancel);
    load(QStringLiteral("Winter coat"));
    QCOMPARE(cart->item(0, 4)->text(), QStringLiteral("1800"));
    cart->item(0, 4)->setText(QStringLiteral("2500"));
    saveAs(QStringLiteral("Winter coat"));
    answer("replaceCartConfirmation", QMessageBox::Save);
    cart->item(0, 4)->setText(QStringLiteral("1"));
    load(QStringLiteral("Winter coat"));
    QCOMPARE(cart->item(0, 4)->text(), QStringLiteral("2500"));
    QCOMPARE(saved->count(), 1);

    // Another name is another cart, listed by name.
    saveAs(QStringLiteral("another"));
    QCOMPARE(saved->count(), 2);
    QCOMPARE(saved->itemText(0), QStringLiteral("another"));
    QSettings settings;
    QCOMPARE(models::SampleCarts(&settings).names(),
             QStringList({QStringLiteral("another"), QStringLiteral("Winter coat")}));

    // Delete asks too; Delete deletes the one chosen.
    saved->setCurrentIndex(saved->findText(QStringLiteral("Winter coat")));
    QTest::mouseClick(remove, Qt::LeftButton);
    answer("deleteCartConfirmation", QMessageBox::Discard);
    QCOMPARE(saved->count(), 1);
    QCOMPARE(saved->itemText(0), QStringLiteral("another"));
    QVERIFY(!remove->isEnabled()); // nothing chosen
    settings.sync();
    QCOMPARE(models::SampleCarts(&settings).names(), QStringList{QStringLiteral("another")});
    QSettings().remove(models::SampleCarts::key());
}

void TstPricingPage::sweepFollowsTheChosenRoute()
{
    auto ops = opsClient();
    widgets::PricingPage page(&ops->api());
    page.show();
    page.tabs()->setCurrentWidget(page.simulationPanel());
    widgets::SimulationPanel *sim = page.simulationPanel();
    auto *site = child<QComboBox>(sim, "routeSiteCombo");
    auto *destination = child<QLineEdit>(sim, "routeDestinationEdit");
    // Without a draft, the sites offered are the published demo's eight; the sample line's
    // site stays chosen.
    QTRY_COMPARE(site->count(), 8);
    QVERIFY(site->findText(QStringLiteral("amazon.co.jp")) >= 0);
    QCOMPARE(site->currentText(), QStringLiteral("amazon.com"));

    auto sweepLine = [sim] {
        return sim->buildSweepRequest()
            ->value(QStringLiteral("lines"))
            .toArray()
            .at(0)
            .toObject()
            .toVariantMap();
    };
    // One parcel of goods worth 0 CNY, so the chart is the route's fees.
    QVariantMap line = sweepLine();
    QCOMPARE(line.value(QStringLiteral("site")).toString(), QStringLiteral("amazon.com"));
    QCOMPARE(line.value(QStringLiteral("quantity")).toInt(), 1);
    QCOMPARE(line.value(QStringLiteral("price")),
             QVariant(QVariantMap{{QStringLiteral("minor"), 0},
                                  {QStringLiteral("currency"), QStringLiteral("CNY")}}));
    QCOMPARE(sim->buildSweepRequest()->value(QStringLiteral("lines")).toArray().size(), 1);

    // Choosing a route changes the sweep's cart; the cart's own lines do not move it.
    sim->cart()->item(0, 0)->setText(QStringLiteral("zalando.de"));
    site->setCurrentIndex(site->findText(QStringLiteral("amazon.co.jp")));
    destination->setText(QStringLiteral("cn"));
    line = sweepLine();
    QCOMPARE(line.value(QStringLiteral("site")).toString(), QStringLiteral("amazon.co.jp"));
    QCOMPARE(sim->buildSweepRequest()->value(QStringLiteral("destination")).toString(),
             QStringLiteral("CN"));
    QCOMPARE(sim->buildRequest()
                 ->value(QStringLiteral("lines"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("site"))
                 .toString(),
             QStringLiteral("zalando.de"));

    // The server's own quote of that parcel, in CNY minor units.
    auto quoted = [this](const QString &from, qint64 weightG) -> qint64 {
        const QJsonObject parcel{{QStringLiteral("site"), from},
                                 {QStringLiteral("price"),
                                  QJsonObject{{QStringLiteral("minor"), 0},
                                              {QStringLiteral("currency"), QStringLiteral("CNY")}}},
                                 {QStringLiteral("quantity"), 1},
                                 {QStringLiteral("weightG"), weightG}};
        const QJsonObject body{{QStringLiteral("lines"), QJsonArray{parcel}},
                               {QStringLiteral("destination"), QStringLiteral("CN")}};
        const client::RawResponse r =
            m_other->raw("POST", QStringLiteral("/api/v1/quotes"), QJsonDocument(body).toJson(),
                         {{"Content-Type", "application/json"}});
        if (r.status != 200)
            qWarning("quote: %d %s", r.status, r.body.constData());
        return QJsonDocument::fromJson(r.body)
            .object()
            .value(QStringLiteral("total"))
            .toObject()
            .value(QStringLiteral("minor"))
            .toInteger(-1);
    };
    // The chart's published total at a weight, in CNY minor units.
    auto charted = [sim](qint64 weightG) -> qint64 {
        const QList<QAbstractSeries *> series = sim->sweepChart()->series();
        if (series.isEmpty())
            return -1;
        for (const QPointF &p : static_cast<QLineSeries *>(series.first())->points()) {
            if (qRound64(p.x()) == weightG)
                return qRound64(p.y() * 100);
        }
        return -1;
    };

    QPushButton *simulate = child<QPushButton>(sim, "simulateButton");
    QTest::mouseClick(simulate, Qt::LeftButton);
    QTRY_COMPARE(sim->sweepChart()->title(),
                 QStringLiteral("Total against weight, amazon.co.jp to CN"));
    QCOMPARE(sim->sweepChart()->series().size(), 1); // no draft
    QCOMPARE(static_cast<QLineSeries *>(sim->sweepChart()->series().first())->count(), 41);
    // Each point is what that parcel costs: the JP warehouse's rules, in two weight bands.
    const qint64 japan = quoted(QStringLiteral("amazon.co.jp"), 1000);
    QVERIFY(japan > 0);
    QCOMPARE(charted(1000), japan);
    QCOMPARE(charted(5000), quoted(QStringLiteral("amazon.co.jp"), 5000));
    // The cart priced was the cart's (zalando.de), not the parcel.
    QVERIFY(child<QLabel>(sim, "simulationSummary")->text().startsWith(QLatin1String("Version ")));

    // A site typed in: amazon.com goes through the US warehouse, at another price.
    site->setEditText(QStringLiteral("amazon.com"));
    QTRY_VERIFY(simulate->isEnabled());
    QTest::mouseClick(simulate, Qt::LeftButton);
    QTRY_COMPARE(sim->sweepChart()->title(),
                 QStringLiteral("Total against weight, amazon.com to CN"));
    const qint64 us = quoted(QStringLiteral("amazon.com"), 1000);
    QCOMPARE(charted(1000), us);
    QVERIFY(us != japan);

    // No site: said, and nothing sent.
    site->setEditText(QString());
    QTest::mouseClick(simulate, Qt::LeftButton);
    QVERIFY(child<QLabel>(sim, "simulationMessage")
                ->text()
                .contains(QLatin1String("Choose the site whose route the chart shows")));
    QVERIFY(simulate->isEnabled());
}

void TstPricingPage::historyShowsVersionsAndTrail()
{
    auto ops = opsClient();
    widgets::PricingPage page(&ops->api());
    page.show();
    page.tabs()->setCurrentWidget(page.historyPanel());
    QTRY_VERIFY(page.versionsModel()->rowCount() >= 1);
    QVERIFY(page.versionsModel()->versionInForce() >= 1);
    const int last = page.versionsModel()->rowCount() - 1;
    QCOMPARE(page.versionsModel()->versionAt(last).version, 1); // newest first
    QCOMPARE(page.versionsModel()->versionAt(last).note, QStringLiteral("Demo rule set"));
    QTRY_VERIFY(page.auditModel()->rowCount() > 0);
    QStringList actions;
    for (int row = 0; row < page.auditModel()->rowCount(); ++row)
        actions << page.auditModel()->entryAt(row).action;
    QVERIFY2(actions.contains(QStringLiteral("ruleset.published")), qPrintable(actions.join(u',')));
}

void TstPricingPage::chineseTabs()
{
    widgets::LanguageSwitcher languages;
    auto ops = opsClient();
    widgets::PricingPage page(&ops->api());
    page.show();
    QCOMPARE(page.tabs()->tabText(0), QStringLiteral("FX rates"));
    QVERIFY(languages.setLanguage(widgets::LanguageSwitcher::simplifiedChinese()));
    // The language change arrives as an event.
    QTRY_COMPARE(page.tabs()->tabText(0), QStringLiteral("汇率"));
    QCOMPARE(page.title(), QStringLiteral("定价"));
    QCOMPARE(page.tabs()->tabText(2), QStringLiteral("促销"));
    QCOMPARE(page.rulesPanel()->kindTabs()->tabText(0), QStringLiteral("境内运费"));
    QCOMPARE(page.ratesModel()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("货币"));
    QCOMPARE(
        page.draft()->table(QStringLiteral("coupon"))->headerData(1, Qt::Horizontal).toString(),
        QStringLiteral("优惠码"));
    QCOMPARE(child<QPushButton>(page.simulationPanel(), "simulateButton")->text(),
             QStringLiteral("按已发布和草稿计价"));
    QCOMPARE(child<QCheckBox>(page.simulationPanel(), "firstOrderCheck")->text(),
             QStringLiteral("首单(&F)"));
    QCOMPARE(child<QPushButton>(page.simulationPanel(), "saveCartButton")->text(),
             QStringLiteral("保存购物车…"));
    QTabWidget *kinds = page.rulesPanel()->kindTabs();
    QCOMPARE(kinds->tabText(kinds->indexOf(page.rulesPanel()->settingsEditor())),
             QStringLiteral("设置"));
    QCOMPARE(page.draft()->settings()->sites()->headerData(1, Qt::Horizontal).toString(),
             QStringLiteral("转运仓（始发地）"));
    QVERIFY(languages.setLanguage(widgets::LanguageSwitcher::english()));
    QTRY_COMPARE(page.tabs()->tabText(0), QStringLiteral("FX rates"));
    QCOMPARE(page.rulesPanel()->kindTabs()->tabText(0), QStringLiteral("Domestic shipping"));
}

QTEST_MAIN(TstPricingPage)
#include "tst_pricingpage.moc"
