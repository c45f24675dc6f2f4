#include "widgets/mainwindow.h"

#include "widgets/languageswitcher.h"
#include "widgets/page.h"
#include "widgets/rolelabel.h"

#include <QActionGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QScrollBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>

#include <algorithm>
#include <chrono>

namespace haitao::widgets {

using namespace std::chrono_literals;

namespace {
constexpr char kLastPageKey[] = "ui/page";
} // namespace

MainWindow::MainWindow(client::ApiClient *client, LanguageSwitcher *languages, QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_languages(languages)
    , m_navigation(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_fileMenu(menuBar()->addMenu(QString()))
    , m_languageMenu(menuBar()->addMenu(QString()))
    , m_signOutAction(m_fileMenu->addAction(QString()))
    , m_quitAction(m_fileMenu->addAction(QString()))
    , m_languageActions(new QActionGroup(this))
    , m_serverStatus(new QLabel(this))
    , m_userStatus(new QLabel(this))
    , m_connectionStatus(new QLabel(this))
    , m_pingTimer(new QTimer(this))
{
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_pages->setObjectName(QStringLiteral("pages"));
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_languageMenu->setObjectName(QStringLiteral("languageMenu"));
    m_connectionStatus->setObjectName(QStringLiteral("connectionStatus"));
    m_userStatus->setObjectName(QStringLiteral("userStatus"));
    m_serverStatus->setObjectName(QStringLiteral("serverStatus"));

    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    fitNavigation();
    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages,
            &QStackedWidget::setCurrentIndex);
    // The page in use is where the next start opens (a receiving desk stays on receiving).
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this] {
        if (const QString name = currentPageName(); m_rememberPage && !name.isEmpty())
            QSettings().setValue(QLatin1String(kLastPageKey), name);
    });

    m_signOutAction->setObjectName(QStringLiteral("signOutAction"));
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_fileMenu->insertSeparator(m_quitAction);
    connect(m_signOutAction, &QAction::triggered, this, &MainWindow::signOutRequested);
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::quitRequested);

    for (const QString &language : LanguageSwitcher::languages()) {
        // Each language is named in itself, so these texts are never translated.
        QAction *action = m_languageMenu->addAction(LanguageSwitcher::nativeName(language));
        action->setObjectName(QStringLiteral("language_") + language);
        action->setData(language);
        action->setCheckable(true);
        m_languageActions->addAction(action);
        connect(action, &QAction::triggered, this, [this, language] {
            if (!m_languages->setLanguage(language)) {
                syncLanguageActions(); // the check mark goes back to the language in use
                statusBar()->showMessage(tr("This language could not be loaded."), 5000);
            }
        });
    }
    connect(m_languages, &LanguageSwitcher::languageChanged, this,
            &MainWindow::syncLanguageActions);
    syncLanguageActions();

    statusBar()->addWidget(m_serverStatus);
    statusBar()->addWidget(m_userStatus);
    statusBar()->addPermanentWidget(m_connectionStatus);
    connect(m_client, &client::ApiClient::reachableChanged, this, &MainWindow::setReachable);
    m_pingTimer->setInterval(15s);
    connect(m_pingTimer, &QTimer::timeout, this, &MainWindow::ping);

    resize(1100, 700);
    retranslateUi();
}

void MainWindow::addPage(Page *page)
{
    m_pages->addWidget(page);
    m_navigation->addItem(page->title());
    fitNavigation();
    if (m_navigation->currentRow() < 0) {
        // Something to show while the pages are added; not a choice worth remembering.
        m_rememberPage = false;
        m_navigation->setCurrentRow(0);
        m_rememberPage = true;
    }
}

void MainWindow::removePages()
{
    m_navigation->clear();
    while (m_pages->count() > 0) {
        QWidget *page = m_pages->widget(0);
        m_pages->removeWidget(page);
        delete page;
    }
}

bool MainWindow::showPage(const QString &name)
{
    const QString wanted = name.trimmed();
    if (wanted.isEmpty())
        return false;
    for (int i = 0; i < m_pages->count(); ++i) {
        const QString object = m_pages->widget(i)->objectName();
        if (object.compare(wanted, Qt::CaseInsensitive) == 0 ||
            object.compare(wanted + QLatin1String("Page"), Qt::CaseInsensitive) == 0) {
            m_navigation->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

QString MainWindow::currentPageName() const
{
    const QWidget *current = m_pages->currentWidget();
    return current ? current->objectName() : QString();
}

void MainWindow::restorePage(const QString &preferred)
{
    if (showPage(preferred))
        return;
    if (!showPage(QSettings().value(QLatin1String(kLastPageKey)).toString()) &&
        m_pages->count() > 0)
        m_navigation->setCurrentRow(0);
}

int MainWindow::pageCount() const
{
    return m_pages->count();
}

Page *MainWindow::page(int index) const
{
    return qobject_cast<Page *>(m_pages->widget(index));
}

void MainWindow::setSession(const Session &session)
{
    m_session = session;
    m_reachable = true; // signing in just reached the server
    m_pingTimer->start();
    updateStatus();
}

void MainWindow::clearSession()
{
    m_session.reset();
    m_reachable.reset();
    m_pingTimer->stop();
    updateStatus();
}

void MainWindow::setReachable(bool reachable)
{
    m_reachable = reachable;
    updateStatus();
}

void MainWindow::ping()
{
    // The answer matters only through ApiClient::reachableChanged.
    m_client->health(this, [](const client::Result<client::Done> &) {});
}

void MainWindow::syncLanguageActions()
{
    for (QAction *action : m_languageActions->actions())
        action->setChecked(action->data().toString() == m_languages->language());
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("Haitao Ops"));
    m_fileMenu->setTitle(tr("&File"));
    m_languageMenu->setTitle(tr("&Language"));
    m_signOutAction->setText(tr("Sign &out"));
    m_quitAction->setText(tr("&Quit"));
    for (int i = 0; i < m_navigation->count(); ++i) {
        if (Page *p = page(i))
            m_navigation->item(i)->setText(p->title());
    }
    fitNavigation();
    updateStatus();
}

void MainWindow::fitNavigation()
{
    // As wide as the longest title in the language in use ("Logistics dashboard",
    // "物流看板"), within bounds: titles were cut off at the list's size hint.
    const int content = m_navigation->count() > 0 ? m_navigation->sizeHintForColumn(0) : 0;
    const int width = content + 2 * m_navigation->frameWidth() +
                      m_navigation->verticalScrollBar()->sizeHint().width();
    m_navigation->setFixedWidth(std::clamp(width, 120, 320));
}

void MainWindow::updateStatus()
{
    m_serverStatus->setText(tr("Server: %1").arg(m_client->baseUrl().toDisplayString()));
    if (m_session) {
        const UserInfo &user = m_session->user;
        const QString name = user.displayName.isEmpty() ? user.username : user.displayName;
        m_userStatus->setText(tr("Signed in as %1 (%2)").arg(name, roleLabel(user.role)));
    } else {
        m_userStatus->setText(tr("Not signed in"));
    }
    if (!m_reachable)
        m_connectionStatus->setText(QString());
    else
        m_connectionStatus->setText(*m_reachable ? tr("Connected") : tr("Server unreachable"));
}

} // namespace haitao::widgets
