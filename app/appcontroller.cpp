#include "app/appcontroller.h"

#include "app/commandline.h"
#include "models/productsmodel.h"
#include "widgets/adminpage.h"
#include "widgets/glossarypage.h"
#include "widgets/logisticsdashboard.h"
#include "widgets/logisticspage.h"
#include "widgets/mainwindow.h"
#include "widgets/manualqueuepage.h"
#include "widgets/orderspage.h"
#include "widgets/placementdashboard.h"
#include "widgets/pricingpage.h"
#include "widgets/productspage.h"
#include "widgets/signindialog.h"
#include "widgets/translationeditor.h"
#include "widgets/warehousereceivingpage.h"
#include "widgets/welcomepage.h"

#include <QApplication>

#include <utility>

namespace haitao::app {

AppController::AppController(client::ApiClient *client, widgets::LanguageSwitcher *languages,
                             QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_languages(languages)
    , m_window(std::make_unique<widgets::MainWindow>(client, languages))
    , m_signIn(std::make_unique<widgets::SignInDialog>(client))
{
    connect(m_signIn.get(), &widgets::SignInDialog::signedIn, this, &AppController::onSignedIn);
    // Without a session there is nothing to show: closing the dialog ends the app.
    connect(m_signIn.get(), &widgets::SignInDialog::rejected, this, [this] {
        if (!m_session)
            QCoreApplication::quit();
    });
    connect(m_client, &client::ApiClient::sessionExpired, this, &AppController::onSessionExpired);
    connect(m_window.get(), &widgets::MainWindow::signOutRequested, this, &AppController::signOut);
    connect(m_window.get(), &widgets::MainWindow::quitRequested, qApp, &QCoreApplication::quit);
}

AppController::~AppController()
{
    closeEditors(); // before the client they use goes away
}

void AppController::start(const CommandLine &commandLine)
{
    m_startPage = commandLine.page;
    if (!commandLine.server.isEmpty())
        m_signIn->setServerUrl(commandLine.server);
    if (!commandLine.user.isEmpty())
        m_signIn->setUserName(commandLine.user);
    showSignIn(QString());
    if (commandLine.passwordVariable.isEmpty())
        return;
    const QString password = qEnvironmentVariable(commandLine.passwordVariable.toLocal8Bit());
    if (password.isEmpty()) {
        m_signIn->setMessage(
            tr("The environment variable %1 holds no password.").arg(commandLine.passwordVariable));
        return;
    }
    // Failures stay in the open dialog for the user to correct.
    m_signIn->setPassword(password);
    m_signIn->signIn();
}

void AppController::showSignIn(const QString &message)
{
    m_signIn->setMessage(message);
    m_signIn->open();
    m_signIn->raise();
    m_signIn->activateWindow();
}

void AppController::onSignedIn(const Session &session)
{
    // The window shows before the dialog closes, so the app never has zero windows open.
    // The same user on another server is someone else: their pages and editors are rebuilt.
    const bool sameUser = m_session && m_session->user.id == session.user.id &&
                          m_session->user.role == session.user.role &&
                          m_sessionServer == m_client->baseUrl() && m_window->pageCount() > 0;
    m_session = session;
    m_sessionServer = m_client->baseUrl();
    if (!sameUser) {
        buildPages(session);
        m_window->restorePage(std::exchange(m_startPage, QString()));
    }
    m_window->setSession(session);
    m_window->show();
}

void AppController::onSessionExpired()
{
    if (m_signIn->isVisible())
        return; // several calls may fail at once
    m_session.reset();
    m_window->clearSession();
    showSignIn(tr("Your session has ended. Sign in again to continue."));
}

void AppController::signOut()
{
    m_client->logout(this, [](const client::Result<client::Done> &) {});
    m_session.reset();
    m_window->clearSession();
    showSignIn(QString());
    m_window->hide();
    m_window->removePages();
    closeEditors();
}

void AppController::buildPages(const Session &session)
{
    m_window->removePages();
    closeEditors(); // another user signed in: the editors were the last user's
    if (session.user.role == Role::Admin)
        m_window->addPage(new widgets::AdminPage(m_client));
    else
        m_window->addPage(new widgets::WelcomePage(session.user));
    // Pricing is for ops and admins; the server refuses translators anyway.
    if (canManage(session.user.role))
        m_window->addPage(new widgets::PricingPage(m_client));
    // The catalog's products: translators see theirs and the workflow moves they may make.
    if (isStaff(session.user.role)) {
        auto *products = new widgets::ProductsPage(m_client, session.user);
        connect(products, &widgets::ProductsPage::openListingRequested, this,
                &AppController::openEditor);
        m_window->addPage(products);
    }
    // The glossary is read by translators too; the page enables editing for ops and admins.
    if (isStaff(session.user.role))
        m_window->addPage(new widgets::GlossaryPage(m_client, session.user.role));
    // Orders, the manual placement queue and its dashboard are for ops and admins.
    if (canManage(session.user.role)) {
        m_window->addPage(new widgets::OrdersPage(m_client));
        m_window->addPage(new widgets::ManualQueuePage(m_client, session.user));
        m_window->addPage(new widgets::PlacementDashboard(m_client));
        m_window->addPage(new widgets::LogisticsPage(m_client));
        m_window->addPage(new widgets::WarehouseReceivingPage(m_client));
        m_window->addPage(new widgets::LogisticsDashboard(m_client));
    }
}

void AppController::openEditor(qint64 productId)
{
    if (!m_session)
        return;
    if (const QPointer<widgets::TranslationEditor> open = m_editors.value(productId)) {
        open->show();
        open->raise();
        open->activateWindow();
        return;
    }
    auto *editor = new widgets::TranslationEditor(m_client, m_session->user, productId);
    editor->setAttribute(Qt::WA_DeleteOnClose); // closing writes any pending draft
    // The products list shows the new status or text without losing its place.
    for (auto *page : m_window->findChildren<widgets::ProductsPage *>())
        connect(editor, &widgets::TranslationEditor::listingChanged, page,
                [page] { page->model()->refresh(); });
    m_editors.insert(productId, editor);
    editor->show();
}

void AppController::closeEditors()
{
    for (const QPointer<widgets::TranslationEditor> &editor : std::as_const(m_editors)) {
        if (editor) {
            editor->close();      // writes any pending draft
            delete editor.data(); // now, not on a later event loop turn that may never come
        }
    }
    m_editors.clear();
}

} // namespace haitao::app
