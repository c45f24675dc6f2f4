#pragma once

#include "backend-client/apiclient.h"
#include "core/user.h"

#include <QMainWindow>

#include <optional>

class QAction;
class QActionGroup;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;
class QTimer;

namespace haitao::widgets {

class LanguageSwitcher;
class Page;

// Lists the pages on the left and shows the chosen one; the status bar tells where and who the
// user is and whether the server answers. Pages bring their own controls: this window only
// wires them, plus the File and Language menus.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(client::ApiClient *client, LanguageSwitcher *languages, QWidget *parent = nullptr);

    // Takes ownership.
    void addPage(Page *page);
    void removePages();
    int pageCount() const;
    Page *page(int index) const;
    // Shows the page whose object name is `name`: "logisticsPage", or "logistics" (any case).
    // False, and nothing changes, when there is no such page.
    bool showPage(const QString &name);
    QString currentPageName() const;
    // After the pages are added: `preferred` (the --page option) when there is such a page,
    // else the page shown last time (QSettings), else the first.
    void restorePage(const QString &preferred);

    // Shows who is signed in and starts pinging the server; clearSession() stops.
    void setSession(const Session &session);
    void clearSession();

signals:
    void signOutRequested();
    void quitRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateStatus();
    void setReachable(bool reachable);
    void ping();
    void syncLanguageActions();
    void fitNavigation();

    client::ApiClient *m_client;
    LanguageSwitcher *m_languages;
    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    QMenu *m_fileMenu;
    QMenu *m_languageMenu;
    QAction *m_signOutAction;
    QAction *m_quitAction;
    QActionGroup *m_languageActions;
    QLabel *m_serverStatus;
    QLabel *m_userStatus;
    QLabel *m_connectionStatus;
    QTimer *m_pingTimer;
    std::optional<Session> m_session;
    std::optional<bool> m_reachable;
    bool m_rememberPage = true;
};

} // namespace haitao::widgets
