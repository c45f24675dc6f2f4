#pragma once

#include "backend-client/apiclient.h"
#include "core/user.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

namespace haitao::widgets {
class LanguageSwitcher;
class MainWindow;
class SignInDialog;
class TranslationEditor;
} // namespace haitao::widgets

namespace haitao::app {

struct CommandLine;

// The sign-in flow: the sign-in dialog first, then the main window with the pages the user's
// role may see; back to the dialog on sign-out or when the server ends the session.
class AppController : public QObject
{
    Q_OBJECT

public:
    AppController(client::ApiClient *client, widgets::LanguageSwitcher *languages,
                  QObject *parent = nullptr);
    ~AppController() override;

    void start(const CommandLine &commandLine);

private:
    void showSignIn(const QString &message);
    void onSignedIn(const Session &session);
    void onSessionExpired();
    void signOut();
    void buildPages(const Session &session);
    // One editor window per product (two would share one local draft); raised if open.
    void openEditor(qint64 productId);
    void closeEditors();

    client::ApiClient *m_client;
    widgets::LanguageSwitcher *m_languages;
    // Top-level windows have no QObject parent: the controller owns them.
    std::unique_ptr<widgets::MainWindow> m_window;
    std::unique_ptr<widgets::SignInDialog> m_signIn;
    std::optional<Session> m_session;
    QUrl m_sessionServer; // the server m_session belongs to
    QString m_startPage;  // --page, for the first sign-in only
    QHash<qint64, QPointer<widgets::TranslationEditor>> m_editors;
};

} // namespace haitao::app
