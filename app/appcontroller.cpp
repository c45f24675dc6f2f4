#include "app/appcontroller.h"

#include "app/commandline.h"
#include "widgets/adminpage.h"
#include "widgets/mainwindow.h"
#include "widgets/pricingpage.h"
#include "widgets/signindialog.h"
#include "widgets/welcomepage.h"

#include <QApplication>

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

// Out of line: the unique_ptrs need the complete window types.
AppController::~AppController() = default;

void AppController::start(const CommandLine &commandLine)
{
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
    const bool sameUser = m_session && m_session->user.id == session.user.id &&
                          m_session->user.role == session.user.role && m_window->pageCount() > 0;
    m_session = session;
    if (!sameUser)
        buildPages(session);
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
}

void AppController::buildPages(const Session &session)
{
    m_window->removePages();
    if (session.user.role == Role::Admin)
        m_window->addPage(new widgets::AdminPage(m_client));
    else
        m_window->addPage(new widgets::WelcomePage(session.user));
    // Pricing is for ops and admins; the server refuses translators anyway.
    if (session.user.role == Role::Admin || session.user.role == Role::Ops)
        m_window->addPage(new widgets::PricingPage(m_client));
}

} // namespace haitao::app
