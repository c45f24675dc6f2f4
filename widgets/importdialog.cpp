#include "widgets/importdialog.h"

#include "widgets/errortext.h"
#include "widgets/messagelabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace haitao::widgets {

namespace {

constexpr int kProgressSteps = 1000;

} // namespace

ImportDialog::ImportDialog(client::CatalogApi api, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_tabs(new QTabWidget(this))
    , m_file(new QLineEdit(this))
    , m_browse(new QPushButton(this))
    , m_site(new QLineEdit(this))
    , m_format(new QComboBox(this))
    , m_encoding(new QComboBox(this))
    , m_url(new QLineEdit(this))
    , m_fileLabel(new QLabel(this))
    , m_siteLabel(new QLabel(this))
    , m_formatLabel(new QLabel(this))
    , m_encodingLabel(new QLabel(this))
    , m_urlLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_message(new MessageLabel(this))
    , m_errors(new QListWidget(this))
    , m_import(new QPushButton(this))
    , m_cancel(new QPushButton(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
    , m_poll(new QTimer(this))
{
    setObjectName(QStringLiteral("importDialog"));
    m_file->setObjectName(QStringLiteral("feedFile"));
    m_site->setObjectName(QStringLiteral("feedSite"));
    m_format->setObjectName(QStringLiteral("feedFormat"));
    m_encoding->setObjectName(QStringLiteral("feedEncoding"));
    m_url->setObjectName(QStringLiteral("productUrl"));
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_message->setObjectName(QStringLiteral("importMessage"));
    m_errors->setObjectName(QStringLiteral("importErrors"));
    m_import->setObjectName(QStringLiteral("startImport"));
    m_cancel->setObjectName(QStringLiteral("cancelImport"));

    // Wire values; the labels are set in retranslateUi().
    m_format->addItem(QString(), QStringLiteral("csv"));
    m_format->addItem(QString(), QStringLiteral("jsonl"));
    m_encoding->addItem(QString(), QString());
    m_encoding->addItem(QString(), QStringLiteral("utf-8"));
    m_encoding->addItem(QString(), QStringLiteral("gbk"));
    m_site->setPlaceholderText(QStringLiteral("amazon.com"));
    m_url->setPlaceholderText(QStringLiteral("https://"));
    m_progress->setRange(0, kProgressSteps);
    m_progress->setValue(0);
    m_progress->setVisible(false);
    m_errors->setVisible(false);
    m_errors->setMaximumHeight(120);

    auto *feedPage = new QWidget(m_tabs);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);
    auto *feedForm = new QFormLayout(feedPage);
    feedForm->addRow(m_fileLabel, fileRow);
    feedForm->addRow(m_siteLabel, m_site);
    feedForm->addRow(m_formatLabel, m_format);
    feedForm->addRow(m_encodingLabel, m_encoding);
    auto *urlPage = new QWidget(m_tabs);
    auto *urlForm = new QFormLayout(urlPage);
    urlForm->addRow(m_urlLabel, m_url);
    m_tabs->addTab(feedPage, QString());
    m_tabs->addTab(urlPage, QString());

    m_buttons->addButton(m_import, QDialogButtonBox::ActionRole);
    m_buttons->addButton(m_cancel, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addWidget(m_errors);
    layout->addWidget(m_buttons);

    m_poll->setInterval(kPollMs);
    m_poll->setSingleShot(true); // the next poll is armed when the answer is in
    connect(m_poll, &QTimer::timeout, this, &ImportDialog::poll);
    connect(m_browse, &QPushButton::clicked, this, &ImportDialog::browse);
    connect(m_import, &QPushButton::clicked, this, [this] {
        if (m_tabs->currentIndex() == 0)
            startFeedImport();
        else
            startUrlImport();
    });
    connect(m_cancel, &QPushButton::clicked, this, &ImportDialog::cancelImport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *e : {m_file, m_site, m_url})
        connect(e, &QLineEdit::textChanged, this, &ImportDialog::updateButtons);
    connect(m_tabs, &QTabWidget::currentChanged, this, &ImportDialog::updateButtons);

    resize(520, 320);
    retranslateUi();
    updateButtons();
}

void ImportDialog::setFeedFile(const QString &path)
{
    m_file->setText(path);
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool jsonl = suffix == QLatin1String("jsonl") || suffix == QLatin1String("ndjson");
    m_format->setCurrentIndex(jsonl ? 1 : 0);
}

void ImportDialog::browse()
{
    auto *dialog = new QFileDialog(this, tr("Choose a feed file"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({tr("Feeds (*.csv *.jsonl *.ndjson *.txt)"), tr("All files (*)")});
    connect(dialog, &QFileDialog::fileSelected, this, &ImportDialog::setFeedFile);
    dialog->open();
}

void ImportDialog::updateButtons()
{
    const bool feed = m_tabs->currentIndex() == 0;
    const bool ready =
        feed ? !m_file->text().trimmed().isEmpty() && !m_site->text().trimmed().isEmpty()
             : !m_url->text().trimmed().isEmpty();
    m_import->setEnabled(!m_running && ready);
    // A URL import is one request the server cannot stop: only feed imports cancel.
    m_cancel->setEnabled(m_running && feed && !m_cancelRequested);
    m_tabs->setEnabled(!m_running);
}

void ImportDialog::startFeedImport()
{
    if (m_running)
        return;
    QFile file(m_file->text().trimmed());
    if (!file.open(QIODevice::ReadOnly)) {
        m_message->showError(tr("The file cannot be read: %1").arg(file.errorString()));
        return;
    }
    client::FeedUpload upload;
    upload.site = m_site->text().trimmed().toLower();
    upload.format = m_format->currentData().toString();
    upload.encoding = m_encoding->currentData().toString();
    upload.body = file.readAll();
    m_running = true;
    m_cancelRequested = false;
    m_importId = 0;
    m_status.reset();
    m_errors->clear();
    m_errors->setVisible(false);
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_message->showInfo(tr("Uploading %1…").arg(QFileInfo(file).fileName()));
    updateButtons();
    m_api.startImport(upload, this, [this](const client::Result<client::ImportStatus> &result) {
        if (!result.ok()) {
            failed(tr("The import did not start: %1").arg(describeError(result.error())));
            return;
        }
        m_importId = result.value().id;
        showStatus(result.value());
        if (m_cancelRequested) {
            m_cancelRequested = false;
            cancelImport();
        }
    });
}

void ImportDialog::startUrlImport()
{
    if (m_running)
        return;
    m_running = true;
    m_cancelRequested = false;
    m_importId = 0;
    m_status.reset();
    m_errors->setVisible(false);
    m_progress->setVisible(true);
    m_progress->setRange(0, 0); // busy: the server fetches the page while we wait
    m_message->showInfo(tr("Reading the product page…"));
    updateButtons();
    m_api.importUrl(
        m_url->text().trimmed(), this, [this](const client::Result<client::ProductDetail> &result) {
            m_progress->setRange(0, kProgressSteps);
            m_progress->setValue(result.ok() ? kProgressSteps : 0);
            if (!result.ok()) {
                failed(tr("The page could not be imported: %1").arg(describeError(result.error())));
                return;
            }
            m_running = false;
            updateButtons();
            const client::ProductSummary &p = result.value().summary;
            m_message->showInfo(
                tr("Imported #%1 %2 (%n SKU(s)).", nullptr, int(result.value().skus.size()))
                    .arg(p.id)
                    .arg(p.title));
            emit imported();
        });
}

void ImportDialog::cancelImport()
{
    if (!m_running || m_tabs->currentIndex() != 0) // the tabs are locked while running
        return;
    if (m_importId == 0) {
        m_cancelRequested = true; // still uploading: cancelled as soon as it has an id
        m_message->showInfo(tr("Cancelling once the upload is in…"));
        updateButtons();
        return;
    }
    m_cancel->setEnabled(false);
    m_api.cancelImport(
        m_importId, this, [this](const client::Result<client::ImportStatus> &result) {
            if (!result.ok()) {
                m_message->showError(
                    tr("The import could not be cancelled: %1").arg(describeError(result.error())));
                updateButtons();
                return;
            }
            showStatus(result.value());
        });
}

void ImportDialog::poll()
{
    if (!m_running || m_importId == 0)
        return;
    const qint64 id = m_importId;
    m_api.importStatus(id, this, [this, id](const client::Result<client::ImportStatus> &result) {
        if (id != m_importId || !m_running)
            return;
        if (!result.ok()) {
            // A passing network error should not end the watch: try again.
            m_message->showError(
                tr("The import's progress is unknown: %1").arg(describeError(result.error())));
            m_poll->start();
            return;
        }
        showStatus(result.value());
    });
}

void ImportDialog::showStatus(const client::ImportStatus &status)
{
    if (status.id != m_importId)
        return;
    m_status = status;
    if (status.bytesTotal > 0)
        m_progress->setValue(int(status.bytesDone * kProgressSteps / status.bytesTotal));
    const QString counts = tr("%1 new, %2 updated, %3 unchanged, %4 rejected")
                               .arg(status.rowsNew)
                               .arg(status.rowsUpdated)
                               .arg(status.rowsUnchanged)
                               .arg(status.rowsRejected);
    m_errors->clear();
    for (const client::ImportStatus::RowError &e : status.errors)
        m_errors->addItem(tr("Line %1, %2: %3").arg(e.line).arg(e.field, e.reason));
    m_errors->setVisible(!status.errors.isEmpty());

    using State = client::ImportStatus::State;
    switch (status.state) {
    case State::Queued:
        m_message->showInfo(tr("Waiting for the import to start…"));
        break;
    case State::Running:
        m_message->showInfo(tr("Importing: %1.").arg(counts));
        break;
    case State::Done:
        m_progress->setValue(kProgressSteps);
        m_message->showInfo(tr("Done: %1.").arg(counts));
        break;
    case State::Failed:
        m_message->showError(tr("The import failed: %1 (%2).").arg(status.error, counts));
        break;
    case State::Cancelled:
        m_message->showError(tr("The import was cancelled: %1.").arg(counts));
        break;
    }
    if (!status.finished()) {
        m_poll->start();
        return;
    }
    m_running = false;
    updateButtons();
    if (status.rowsNew + status.rowsUpdated > 0)
        emit imported();
}

void ImportDialog::failed(const QString &text)
{
    m_running = false;
    m_cancelRequested = false;
    m_progress->setVisible(false);
    m_message->showError(text);
    updateButtons();
}

void ImportDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ImportDialog::retranslateUi()
{
    setWindowTitle(tr("Import products"));
    m_tabs->setTabText(0, tr("Feed file"));
    m_tabs->setTabText(1, tr("Product page URL"));
    m_fileLabel->setText(tr("&File:"));
    m_browse->setText(tr("&Browse…"));
    m_siteLabel->setText(tr("&Site:"));
    m_formatLabel->setText(tr("F&ormat:"));
    m_encodingLabel->setText(tr("&Encoding:"));
    m_urlLabel->setText(tr("&URL:"));
    m_format->setItemText(0, tr("CSV"));
    m_format->setItemText(1, tr("JSON Lines"));
    m_encoding->setItemText(0, tr("Detect"));
    m_encoding->setItemText(1, tr("UTF-8"));
    m_encoding->setItemText(2, tr("GBK"));
    m_import->setText(tr("&Import"));
    m_cancel->setText(tr("&Cancel import"));
}

} // namespace haitao::widgets
