// The desktop widgets against the real server in-process: signing in, the admin page and live
// language switching, driven through the widgets as a user would.

#include "models/usersmodel.h"
#include "tests/support/syncclient.h"
#include "tests/support/testserver.h"
#include "widgets/adminpage.h"
#include "widgets/createuserdialog.h"
#include "widgets/languageswitcher.h"
#include "widgets/mainwindow.h"
#include "widgets/page.h"
#include "widgets/signindialog.h"
#include "widgets/welcomepage.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <memory>
#include <optional>

using namespace haitao;

namespace {

const QString opsPassword = QStringLiteral("ops-password-1");

template <typename T> T *child(const QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qWarning("no child %s", name);
    return found;
}

// Types into the dialog's fields like a user and clicks "Sign in".
void submitSignIn(widgets::SignInDialog &dialog, const QString &server, const QString &user,
                  const QString &password)
{
    for (auto [name, text] : {std::pair{"serverEdit", server}, std::pair{"userEdit", user},
                              std::pair{"passwordEdit", password}}) {
        QLineEdit *edit = child<QLineEdit>(&dialog, name);
        edit->clear();
        QTest::keyClicks(edit, text);
    }
    QTest::mouseClick(child<QPushButton>(&dialog, "signInButton"), Qt::LeftButton);
}

} // namespace

class TstDesktop : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void translationIsEmbedded();
    void signInSucceeds();
    void signInRemembersServerAndUser();
    void wrongPasswordShowsError();
    void customerIsRefused();
    void unreachableServerShowsError();
    void emptyFieldsAreCheckedFirst();
    void lockoutShowsRetryTime();
    void adminPageListsUsers();
    void roleDelegateChangesRole();
    void createUserDialogValidates();
    void languageSwitchRetranslatesAdminPage();
    void mainWindowLanguageMenuAndStatus();
    void mainWindowShowsLostConnection();
    void mainWindowOpensTheAskedOrLastPage();
    void firstStartFollowsTheSystemLanguage();

private:
    std::unique_ptr<testing::TestServer> m_server;
    std::unique_ptr<testing::SyncClient> m_admin;
};

void TstDesktop::initTestCase()
{
    // QSettings go to a test folder, never to the developer's real settings.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HaitaoTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_desktop"));
    QSettings().clear();

    m_server = std::make_unique<testing::TestServer>();
    QVERIFY(m_server->start());
    QVERIFY(m_server->createUser(QStringLiteral("ops.one"), opsPassword, Role::Ops) > 0);
    QVERIFY(m_server->createUser(QStringLiteral("shopper"), opsPassword, Role::Customer) > 0);
    m_admin = std::make_unique<testing::SyncClient>(m_server->url());
    QCOMPARE(m_admin->login(QStringLiteral("admin"), testing::TestServer::adminPassword()),
             QString());
}

void TstDesktop::translationIsEmbedded()
{
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/haitao_zh_CN.qm")));
}

void TstDesktop::signInSucceeds()
{
    client::ApiClient api;
    widgets::SignInDialog dialog(&api);
    std::optional<Session> session;
    connect(&dialog, &widgets::SignInDialog::signedIn, this,
            [&](const Session &s) { session = s; });
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    submitSignIn(dialog, m_server->url().toString(), QStringLiteral("admin"),
                 testing::TestServer::adminPassword());
    QVERIFY(dialog.isBusy());
    QTRY_VERIFY(session.has_value());
    QCOMPARE(session->user.username, QStringLiteral("admin"));
    QCOMPARE(session->user.role, Role::Admin);
    QVERIFY(!session->token.isEmpty());
    QCOMPARE(api.token(), session->token);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    QVERIFY(child<QLineEdit>(&dialog, "passwordEdit")->text().isEmpty());
}

void TstDesktop::signInRemembersServerAndUser()
{
    {
        // A sign-in of its own, so that this test does not rely on the one before.
        client::ApiClient first;
        widgets::SignInDialog signIn(&first);
        int signedIn = 0;
        connect(&signIn, &widgets::SignInDialog::signedIn, this, [&] { ++signedIn; });
        signIn.show();
        QVERIFY(QTest::qWaitForWindowExposed(&signIn));
        submitSignIn(signIn, m_server->url().toString(), QStringLiteral("admin"),
                     testing::TestServer::adminPassword());
        QTRY_COMPARE(signedIn, 1);
    }
    client::ApiClient api;
    widgets::SignInDialog dialog(&api);
    QCOMPARE(child<QLineEdit>(&dialog, "serverEdit")->text(), m_server->url().toString());
    QCOMPARE(child<QLineEdit>(&dialog, "userEdit")->text(), QStringLiteral("admin"));
    QVERIFY(child<QLineEdit>(&dialog, "passwordEdit")->text().isEmpty());
    const QStringList keys = QSettings().allKeys();
    for (const QString &key : keys) // never the password
        QVERIFY(!QSettings().value(key).toString().contains(testing::TestServer::adminPassword()));
}

void TstDesktop::wrongPasswordShowsError()
{
    client::ApiClient api;
    widgets::SignInDialog dialog(&api);
    bool signedIn = false;
    connect(&dialog, &widgets::SignInDialog::signedIn, this, [&] { signedIn = true; });
    dialog.show();
    QLabel *message = child<QLabel>(&dialog, "signInMessage");
    QVERIFY(message->text().isEmpty());

    submitSignIn(dialog, m_server->url().toString(), QStringLiteral("ops.one"),
                 QStringLiteral("not-the-password"));
    QTRY_COMPARE(message->text(), QStringLiteral("Wrong user name or password."));
    QVERIFY(message->isVisible());
    QVERIFY(!signedIn);
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.isBusy());

    // The right password then works from the same dialog.
    submitSignIn(dialog, m_server->url().toString(), QStringLiteral("ops.one"), opsPassword);
    QTRY_VERIFY(signedIn);
}

void TstDesktop::customerIsRefused()
{
    client::ApiClient api;
    widgets::SignInDialog dialog(&api);
    bool signedIn = false;
    connect(&dialog, &widgets::SignInDialog::signedIn, this, [&] { signedIn = true; });
    dialog.show();
    submitSignIn(dialog, m_server->url().toString(), QStringLiteral("shopper"), opsPassword);
    QLabel *message = child<QLabel>(&dialog, "signInMessage");
    QTRY_VERIFY(message->text().contains(QLatin1String("for staff")));
    QVERIFY(!signedIn);
    QVERIFY(dialog.isVisible());
}

void TstDesktop::unreachableServerShowsError()
{
    client::ApiClient api;
    widgets::SignInDialog dialog(&api);
    dialog.show();
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    submitSignIn(dialog, QStringLiteral("http://127.0.0.1:1"), QStringLiteral("admin"),
                 QStringLiteral("whatever-password"));
    QLabel *message = child<QLabel>(&dialog, "signInMessage");
    QTRY_VERIFY(message->text().startsWith(QLatin1String("Cannot reach the server")));
}

void TstDesktop::emptyFieldsAreCheckedFirst()
{
    client::ApiClient api;
    widgets::SignInDialog dialog(&api);
    dialog.show();
    submitSignIn(dialog, m_server->url().toString(), QStringLiteral("admin"), QString());
    QCOMPARE(child<QLabel>(&dialog, "signInMessage")->text(),
             QStringLiteral("Enter your password."));
    QVERIFY(!dialog.isBusy()); // nothing was sent
}

void TstDesktop::lockoutShowsRetryTime()
{
    QVERIFY(m_server->createUser(QStringLiteral("locked.out"), opsPassword, Role::Ops) > 0);
    testing::SyncClient other(m_server->url());
    for (int i = 0; i < m_server->config().lockout.maxFailuresPerAccount; ++i)
        QVERIFY(
            !other.login(QStringLiteral("locked.out"), QStringLiteral("wrong-password")).isEmpty());

    client::ApiClient api;
    widgets::SignInDialog dialog(&api);
    dialog.show();
    submitSignIn(dialog, m_server->url().toString(), QStringLiteral("locked.out"), opsPassword);
    QLabel *message = child<QLabel>(&dialog, "signInMessage");
    QTRY_VERIFY(message->text().startsWith(QLatin1String("Too many failed sign-ins")));
    QVERIFY2(message->text().contains(QLatin1String("Try again in")), qPrintable(message->text()));
}

void TstDesktop::adminPageListsUsers()
{
    client::UserQuery query;
    query.limit = 200; // the server's maximum for users
    const auto users = m_admin->wait<Page<UserInfo>>(
        [&](QObject *context, auto done) { m_admin->api().listUsers(query, context, done); });
    QVERIFY(users.ok());

    widgets::AdminPage page(&m_admin->api());
    page.resize(900, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTableView *view = child<QTableView>(&page, "usersView");
    QTRY_COMPARE(view->model()->rowCount(), int(users.value().items.size()));
    QVERIFY(child<QLabel>(&page, "usersMessage")->text().isEmpty());

    // The search box filters through the server.
    QTest::keyClicks(child<QLineEdit>(&page, "usersSearch"), QStringLiteral("ops.one"));
    QTRY_COMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, models::UsersModel::UserNameColumn).data().toString(),
             QStringLiteral("ops.one"));

    // The audit tab loads when opened.
    child<QTabWidget>(&page, "adminTabs")->setCurrentIndex(1);
    QTableView *audit = child<QTableView>(&page, "auditView");
    QTRY_VERIFY(audit->model()->rowCount() > 0);
}

void TstDesktop::roleDelegateChangesRole()
{
    widgets::AdminPage page(&m_admin->api());
    page.resize(900, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTest::keyClicks(child<QLineEdit>(&page, "usersSearch"), QStringLiteral("ops.one"));
    QTableView *view = child<QTableView>(&page, "usersView");
    QTRY_COMPARE(view->model()->rowCount(), 1);
    const QModelIndex role = view->model()->index(0, models::UsersModel::RoleColumn);
    QCOMPARE(role.data().toString(), QStringLiteral("ops"));

    view->setCurrentIndex(role);
    view->edit(role);
    QComboBox *editor = child<QComboBox>(view, "roleEditor");
    QVERIFY(editor);
    QCOMPARE(editor->currentData().toString(), QStringLiteral("ops"));
    QCOMPARE(editor->currentText(), QStringLiteral("Operations")); // a label, not the API name
    const int translator = editor->findData(QStringLiteral("translator"));
    QVERIFY(translator >= 0);
    editor->setCurrentIndex(translator);
    emit editor->activated(translator);

    QTRY_COMPARE(role.data().toString(), QStringLiteral("translator"));
}

void TstDesktop::createUserDialogValidates()
{
    widgets::CreateUserDialog dialog(&m_admin->api());
    std::optional<UserInfo> created;
    connect(&dialog, &widgets::CreateUserDialog::userCreated, this,
            [&](const UserInfo &user) { created = user; });
    dialog.show();
    QPushButton *create = child<QPushButton>(&dialog, "createButton");

    // Nothing typed: inline messages, nothing sent.
    QTest::mouseClick(create, Qt::LeftButton);
    QVERIFY(child<QLabel>(&dialog, "usernameError")->isVisible());
    QVERIFY(child<QLabel>(&dialog, "passwordError")->isVisible());

    // The server's own rules come back next to the field (passwords need 8 characters).
    QTest::keyClicks(child<QLineEdit>(&dialog, "usernameEdit"), QStringLiteral("new.staff"));
    QTest::keyClicks(child<QLineEdit>(&dialog, "displayNameEdit"), QStringLiteral("New Staff"));
    QTest::keyClicks(child<QLineEdit>(&dialog, "passwordEdit"), QStringLiteral("short"));
    QTest::keyClicks(child<QLineEdit>(&dialog, "confirmEdit"), QStringLiteral("short"));
    QTest::mouseClick(create, Qt::LeftButton);
    QLabel *passwordError = child<QLabel>(&dialog, "passwordError");
    QTRY_VERIFY(passwordError->isVisible());
    QVERIFY(passwordError->text().contains(QLatin1String("8")));
    QVERIFY(!child<QLabel>(&dialog, "usernameError")->isVisible());
    QVERIFY(!created);

    for (const char *name : {"passwordEdit", "confirmEdit"}) {
        child<QLineEdit>(&dialog, name)->clear();
        QTest::keyClicks(child<QLineEdit>(&dialog, name), QStringLiteral("long-enough-1"));
    }
    QTest::mouseClick(create, Qt::LeftButton);
    QTRY_VERIFY(created.has_value());
    QCOMPARE(created->username, QStringLiteral("new.staff"));
    QCOMPARE(created->role, Role::Ops);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    // The same name again: the conflict shows at the user name.
    widgets::CreateUserDialog again(&m_admin->api());
    again.show();
    QTest::keyClicks(child<QLineEdit>(&again, "usernameEdit"), QStringLiteral("new.staff"));
    QTest::keyClicks(child<QLineEdit>(&again, "displayNameEdit"), QStringLiteral("Twin"));
    QTest::keyClicks(child<QLineEdit>(&again, "passwordEdit"), QStringLiteral("long-enough-1"));
    QTest::keyClicks(child<QLineEdit>(&again, "confirmEdit"), QStringLiteral("long-enough-1"));
    QTest::mouseClick(child<QPushButton>(&again, "createButton"), Qt::LeftButton);
    QTRY_COMPARE(child<QLabel>(&again, "usernameError")->text(),
                 QStringLiteral("This user name is already taken."));
}

void TstDesktop::languageSwitchRetranslatesAdminPage()
{
    widgets::LanguageSwitcher languages;
    widgets::AdminPage page(&m_admin->api());
    page.show();
    QTabWidget *tabs = child<QTabWidget>(&page, "adminTabs");
    QPushButton *newUser = child<QPushButton>(&page, "newUserButton");
    QTableView *view = child<QTableView>(&page, "usersView");
    QCOMPARE(tabs->tabText(0), QStringLiteral("Users"));
    QCOMPARE(newUser->text(), QStringLiteral("New staff account…"));
    QCOMPARE(page.title(), QStringLiteral("Administration"));

    QVERIFY(languages.setLanguage(widgets::LanguageSwitcher::simplifiedChinese()));
    QCOMPARE(languages.language(), QStringLiteral("zh_CN"));
    QTRY_COMPARE(tabs->tabText(0), QStringLiteral("用户"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("审计日志"));
    QCOMPARE(newUser->text(), QStringLiteral("新建员工账户…"));
    QCOMPARE(page.title(), QStringLiteral("管理"));
    QCOMPARE(view->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("用户名"));
    QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("zh_CN"));

    QVERIFY(languages.setLanguage(widgets::LanguageSwitcher::english()));
    QTRY_COMPARE(tabs->tabText(0), QStringLiteral("Users"));
    QCOMPARE(newUser->text(), QStringLiteral("New staff account…"));
    QCOMPARE(view->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("User name"));
    QVERIFY(!languages.setLanguage(QStringLiteral("tlh"))); // unknown: nothing changes
    QCOMPARE(languages.language(), QStringLiteral("en"));
}

void TstDesktop::mainWindowLanguageMenuAndStatus()
{
    widgets::LanguageSwitcher languages;
    widgets::MainWindow window(&m_admin->api(), &languages);
    Session session;
    session.user.username = QStringLiteral("ops.one");
    session.user.displayName = QStringLiteral("Olga");
    session.user.role = Role::Ops;
    window.addPage(new widgets::WelcomePage(session.user));
    window.setSession(session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QListWidget *navigation = child<QListWidget>(&window, "navigation");
    QCOMPARE(navigation->count(), 1);
    QCOMPARE(navigation->item(0)->text(), QStringLiteral("Welcome"));
    QCOMPARE(child<QLabel>(&window, "userStatus")->text(),
             QStringLiteral("Signed in as Olga (Operations)"));
    QCOMPARE(child<QLabel>(&window, "connectionStatus")->text(), QStringLiteral("Connected"));
    QVERIFY(child<QLabel>(&window, "serverStatus")->text().contains(m_server->url().toString()));

    QMenu *fileMenu = child<QMenu>(&window, "fileMenu");
    QAction *chinese = child<QAction>(&window, "language_zh_CN");
    QAction *english = child<QAction>(&window, "language_en");
    QVERIFY(english->isChecked());
    chinese->trigger();
    QTRY_COMPARE(fileMenu->title(), QStringLiteral("文件(&F)"));
    QVERIFY(chinese->isChecked());
    QCOMPARE(navigation->item(0)->text(), QStringLiteral("欢迎"));
    QCOMPARE(child<QLabel>(&window, "userStatus")->text(), QStringLiteral("已登录：Olga（运营）"));
    QCOMPARE(chinese->text(), QStringLiteral("简体中文")); // language names stay as they are

    english->trigger();
    QTRY_COMPARE(fileMenu->title(), QStringLiteral("&File"));
    QCOMPARE(navigation->item(0)->text(), QStringLiteral("Welcome"));

    window.clearSession();
    QCOMPARE(child<QLabel>(&window, "userStatus")->text(), QStringLiteral("Not signed in"));
}

void TstDesktop::mainWindowShowsLostConnection()
{
    client::ApiClient api;
    api.setBaseUrl(m_server->url());
    widgets::LanguageSwitcher languages;
    widgets::MainWindow window(&api, &languages);
    window.setSession(Session{});
    window.show();
    QLabel *connection = child<QLabel>(&window, "connectionStatus");
    QCOMPARE(connection->text(), QStringLiteral("Connected"));

    // What the 15 s health ping does, without waiting for it: first where nothing listens...
    api.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
    api.health(&window, [](const client::Result<client::Done> &) {});
    QTRY_COMPARE(connection->text(), QStringLiteral("Server unreachable"));
    // ...then back at the server.
    api.setBaseUrl(m_server->url());
    api.health(&window, [](const client::Result<client::Done> &) {});
    QTRY_COMPARE(connection->text(), QStringLiteral("Connected"));
}

namespace {

// A page with only a name, to choose among.
class NamedPage : public widgets::Page
{
public:
    explicit NamedPage(const QString &name) { setObjectName(name); }
    QString title() const override { return objectName(); }
};

void addNamedPages(widgets::MainWindow &window)
{
    for (const char *name : {"welcomePage", "ordersPage", "warehouseReceivingPage"})
        window.addPage(new NamedPage(QLatin1String(name)));
}

} // namespace

void TstDesktop::mainWindowOpensTheAskedOrLastPage()
{
    widgets::LanguageSwitcher languages;
    QSettings().remove(QStringLiteral("ui/page"));
    {
        widgets::MainWindow window(&m_admin->api(), &languages);
        addNamedPages(window);
        QListWidget *navigation = child<QListWidget>(&window, "navigation");
        // Adding pages shows the first without remembering it; nothing asked: the first.
        QVERIFY(!QSettings().contains(QStringLiteral("ui/page")));
        window.restorePage(QString());
        QCOMPARE(window.currentPageName(), QStringLiteral("welcomePage"));
        // --page by its short name, any case; an unknown name changes nothing.
        QVERIFY(window.showPage(QStringLiteral("WarehouseReceiving")));
        QCOMPARE(navigation->currentRow(), 2);
        QVERIFY(!window.showPage(QStringLiteral("nonsense")));
        QCOMPARE(window.currentPageName(), QStringLiteral("warehouseReceivingPage"));
        // Every title fits in the navigation, however long.
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY2(navigation->viewport()->width() >= navigation->sizeHintForColumn(0),
                 qPrintable(QStringLiteral("%1 < %2")
                                .arg(navigation->viewport()->width())
                                .arg(navigation->sizeHintForColumn(0))));
        // The user's choice is remembered.
        navigation->setCurrentRow(1);
        QCOMPARE(QSettings().value(QStringLiteral("ui/page")).toString(),
                 QStringLiteral("ordersPage"));
    }
    {
        // The next start opens where the last one was, unless another page is asked for.
        widgets::MainWindow window(&m_admin->api(), &languages);
        addNamedPages(window);
        window.restorePage(QStringLiteral("nonsense"));
        QCOMPARE(window.currentPageName(), QStringLiteral("ordersPage"));
        window.restorePage(QStringLiteral("welcome"));
        QCOMPARE(window.currentPageName(), QStringLiteral("welcomePage"));
    }
}

void TstDesktop::firstStartFollowsTheSystemLanguage()
{
    using widgets::LanguageSwitcher;
    QCOMPARE(LanguageSwitcher::languageFor({QStringLiteral("zh-Hans-CN"), QStringLiteral("en")}),
             LanguageSwitcher::simplifiedChinese());
    QCOMPARE(LanguageSwitcher::languageFor({QStringLiteral("zh_TW")}),
             LanguageSwitcher::simplifiedChinese());
    QCOMPARE(LanguageSwitcher::languageFor(
                 {QStringLiteral("de-DE"), QStringLiteral("en-GB"), QStringLiteral("zh-CN")}),
             LanguageSwitcher::english());
    QCOMPARE(LanguageSwitcher::languageFor({QStringLiteral("fr-FR")}), LanguageSwitcher::english());
    QCOMPARE(LanguageSwitcher::languageFor({}), LanguageSwitcher::english());

    // Nothing chosen yet: the system's language is applied, not remembered.
    QSettings().remove(QStringLiteral("ui/language"));
    {
        LanguageSwitcher languages;
        languages.applySaved();
        QCOMPARE(languages.language(),
                 LanguageSwitcher::languageFor(QLocale::system().uiLanguages()));
        QVERIFY(!QSettings().contains(QStringLiteral("ui/language")));
        // A choice is.
        QVERIFY(languages.setLanguage(LanguageSwitcher::english()));
        QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(),
                 LanguageSwitcher::english());
    }
}

QTEST_MAIN(TstDesktop)
#include "tst_desktop.moc"
