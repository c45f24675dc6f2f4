#pragma once

#include "backend-client/catalogapi.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTimer;

namespace haitao::widgets {

class MessageLabel;

// Brings products in: a partner feed file (with its site, format and encoding) uploaded and
// then followed by polling the import's status into a progress bar, with a Cancel that stops it
// on the server; or one product page by its URL. Closing the dialog leaves a running import
// running on the server.
class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int kPollMs = 300;

    explicit ImportDialog(client::CatalogApi api, QWidget *parent = nullptr);

    void setFeedFile(const QString &path);
    void startFeedImport();
    void startUrlImport();
    void cancelImport();

    bool isRunning() const { return m_running; }
    const std::optional<client::ImportStatus> &lastStatus() const { return m_status; }

    QTabWidget *tabs() const { return m_tabs; }
    QLineEdit *siteEdit() const { return m_site; }
    QProgressBar *progress() const { return m_progress; }
    QPushButton *importButton() const { return m_import; }
    MessageLabel *message() const { return m_message; }
    QListWidget *rowErrors() const { return m_errors; }

signals:
    // The catalog changed (an import finished or a URL was imported): lists should refresh.
    void imported();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void browse();
    void updateButtons();
    void poll();
    void showStatus(const client::ImportStatus &status);
    void failed(const QString &text);

    client::CatalogApi m_api;
    QTabWidget *m_tabs;
    QLineEdit *m_file;
    QPushButton *m_browse;
    QLineEdit *m_site;
    QComboBox *m_format;
    QComboBox *m_encoding;
    QLineEdit *m_url;
    QLabel *m_fileLabel, *m_siteLabel, *m_formatLabel, *m_encodingLabel, *m_urlLabel;
    QProgressBar *m_progress;
    MessageLabel *m_message;
    QListWidget *m_errors;
    QPushButton *m_import;
    QPushButton *m_cancel;
    QDialogButtonBox *m_buttons;
    QTimer *m_poll;
    bool m_running = false;         // uploading, or the server is importing
    bool m_cancelRequested = false; // during the upload: cancel once the import has an id
    qint64 m_importId = 0;
    std::optional<client::ImportStatus> m_status;
};

} // namespace haitao::widgets
