#include "widgets/glossarypage.h"

#include "models/glossarymodel.h"
#include "widgets/celldelegates.h"
#include "widgets/errortext.h"
#include "widgets/messagelabel.h"
#include "widgets/tableviews.h"

#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace haitao::widgets {

namespace {

using models::GlossaryModel;

constexpr int kSearchDelayMs = 300;
constexpr int kShownImportErrors = 10; // the rest is summed up: a message is not a report
constexpr qint64 kMaxImportBytes = 8 * 1024 * 1024;

const QStringList kKinds{QStringLiteral("term"), QStringLiteral("forbidden")};

// The kind column edits through a combo box of the two kinds; other columns as text.
class GlossaryDelegate : public ValidationDelegate
{
public:
    using ValidationDelegate::ValidationDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override
    {
        if (index.column() != GlossaryModel::KindColumn)
            return ValidationDelegate::createEditor(parent, option, index);
        auto *combo = new QComboBox(parent);
        for (const QString &kind : kKinds)
            combo->addItem(GlossaryModel::kindLabel(kind), kind);
        return combo;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        if (auto *combo = qobject_cast<QComboBox *>(editor)) {
            combo->setCurrentIndex(
                std::max(0, combo->findData(index.data(Qt::EditRole).toString())));
            return;
        }
        ValidationDelegate::setEditorData(editor, index);
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override
    {
        if (auto *combo = qobject_cast<QComboBox *>(editor)) {
            model->setData(index, combo->currentData(), Qt::EditRole);
            return;
        }
        ValidationDelegate::setModelData(editor, model, index);
    }
};

} // namespace

GlossaryPage::GlossaryPage(client::ApiClient *client, Role role, QWidget *parent)
    : Page(parent)
    , m_api(client)
    , m_role(role)
    , m_model(new GlossaryModel(client, this))
    , m_pair(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_searchTimer(new QTimer(this))
    , m_importButton(new QPushButton(this))
    , m_exportButton(new QPushButton(this))
    , m_deleteButton(new QPushButton(this))
    , m_addBar(new QWidget(this))
    , m_newTerm(new QLineEdit(m_addBar))
    , m_newTranslation(new QLineEdit(m_addBar))
    , m_newKind(new QComboBox(m_addBar))
    , m_newNote(new QLineEdit(m_addBar))
    , m_addButton(new QPushButton(m_addBar))
    , m_message(new MessageLabel(this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("glossaryPage"));
    m_pair->setObjectName(QStringLiteral("glossaryPair"));
    m_search->setObjectName(QStringLiteral("glossarySearch"));
    m_importButton->setObjectName(QStringLiteral("glossaryImportButton"));
    m_exportButton->setObjectName(QStringLiteral("glossaryExportButton"));
    m_deleteButton->setObjectName(QStringLiteral("glossaryDeleteButton"));
    m_addBar->setObjectName(QStringLiteral("glossaryAddBar"));
    m_newTerm->setObjectName(QStringLiteral("glossaryNewTerm"));
    m_newTranslation->setObjectName(QStringLiteral("glossaryNewTranslation"));
    m_newKind->setObjectName(QStringLiteral("glossaryNewKind"));
    m_newNote->setObjectName(QStringLiteral("glossaryNewNote"));
    m_addButton->setObjectName(QStringLiteral("glossaryAddButton"));
    m_message->setObjectName(QStringLiteral("glossaryMessage"));
    m_view->setObjectName(QStringLiteral("glossaryView"));

    // Only ops and admins may change the glossary; the server refuses others anyway.
    const bool editable = canManage(m_role);
    m_model->setEditable(editable);

    for (const char *source : {"en", "de", "ja"})
        m_pair->addItem(QString(), QStringList{QString::fromLatin1(source), QStringLiteral("zh")});
    for (const QString &kind : kKinds)
        m_newKind->addItem(QString(), kind);
    m_search->setClearButtonEnabled(true);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kSearchDelayMs);

    m_view->setModel(m_model);
    m_view->setItemDelegate(new GlossaryDelegate(m_view));
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(editable ? QAbstractItemView::DoubleClicked |
                                           QAbstractItemView::EditKeyPressed |
                                           QAbstractItemView::AnyKeyPressed
                                     : QAbstractItemView::NoEditTriggers);
    setUpTableView(m_view);
    // Whole rows are selected for deleting; single cells still edit.
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);

    auto *top = new QHBoxLayout;
    top->addWidget(m_pair);
    top->addWidget(m_search, 1);
    top->addWidget(m_importButton);
    top->addWidget(m_exportButton);
    top->addWidget(m_deleteButton);

    auto *add = new QHBoxLayout(m_addBar);
    add->setContentsMargins(0, 0, 0, 0);
    add->addWidget(m_newTerm, 2);
    add->addWidget(m_newTranslation, 2);
    add->addWidget(m_newKind);
    add->addWidget(m_newNote, 2);
    add->addWidget(m_addButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_addBar);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);

    m_addBar->setVisible(editable);
    m_importButton->setVisible(editable);
    m_deleteButton->setVisible(editable);

    connect(m_pair, &QComboBox::currentIndexChanged, this, &GlossaryPage::pairChosen);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this,
            [this] { m_model->setSearch(m_search->text().trimmed()); });
    connect(m_addButton, &QPushButton::clicked, this, &GlossaryPage::addEntry);
    connect(m_newNote, &QLineEdit::returnPressed, this, &GlossaryPage::addEntry);
    connect(m_newTranslation, &QLineEdit::returnPressed, this, &GlossaryPage::addEntry);
    connect(m_deleteButton, &QPushButton::clicked, this, &GlossaryPage::askDelete);
    connect(m_importButton, &QPushButton::clicked, this, &GlossaryPage::chooseImportFile);
    connect(m_exportButton, &QPushButton::clicked, this, &GlossaryPage::chooseExportFile);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &GlossaryPage::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &GlossaryPage::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &GlossaryPage::updateButtons);
    connect(m_model, &GlossaryModel::writeFinished, this, &GlossaryPage::updateButtons);

    connect(m_model, &GlossaryModel::errorOccurred, this, [this](const client::ApiError &error) {
        if (error.kind == ProblemKind::PreconditionFailed) {
            m_message->showError(tr("Someone else changed this entry meanwhile. The row now "
                                    "shows their version: check it and edit again."));
        } else if (error.kind == ProblemKind::NotFound) {
            m_message->showError(tr("Someone else deleted this entry meanwhile."));
        } else if (error.kind == ProblemKind::Validation || error.kind == ProblemKind::Conflict) {
            m_message->showError(
                tr("Not saved: %1 The cell in red says why.").arg(describeError(error)));
        } else {
            m_message->showError(describeError(error));
        }
    });
    connect(m_model, &GlossaryModel::entryAdded, this, [this](int row) {
        m_message->showInfo(tr("Added \"%1\".").arg(m_model->entryAt(row).term));
        m_newTerm->clear();
        m_newTranslation->clear();
        m_newNote->clear();
        m_newKind->setCurrentIndex(0);
        m_view->scrollTo(m_model->index(row, 0));
        m_newTerm->setFocus();
        updateButtons();
    });
    connect(m_model, &GlossaryModel::addFailed, this, [this](const client::ApiError &error) {
        if (error.kind == ProblemKind::Conflict)
            m_message->showError(
                tr("This term is already in the glossary: %1").arg(describeError(error)));
        else
            m_message->showError(tr("Not added: %1").arg(describeError(error)));
        updateButtons();
    });
    connect(m_model, &GlossaryModel::entryDeleted, this,
            [this] { m_message->showInfo(tr("Deleted.")); });

    retranslateUi();
    updateButtons();
}

QString GlossaryPage::title() const
{
    return tr("Glossary");
}

bool GlossaryPage::isEditable() const
{
    return m_model->isEditable();
}

void GlossaryPage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    // Loads when first shown, not when the main window builds its pages.
    if (!m_loaded) {
        m_loaded = true;
        pairChosen();
    }
}

void GlossaryPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    Page::changeEvent(event);
}

void GlossaryPage::retranslateUi()
{
    const QStringList pairs{tr("English → Chinese"), tr("German → Chinese"),
                            tr("Japanese → Chinese")};
    for (int i = 0; i < m_pair->count() && i < pairs.size(); ++i)
        m_pair->setItemText(i, pairs.at(i));
    for (int i = 0; i < m_newKind->count(); ++i)
        m_newKind->setItemText(i, GlossaryModel::kindLabel(m_newKind->itemData(i).toString()));
    m_pair->setToolTip(tr("Language pair"));
    m_search->setPlaceholderText(tr("Search terms and translations"));
    m_importButton->setText(tr("Import CSV…"));
    m_exportButton->setText(tr("Export CSV…"));
    m_deleteButton->setText(tr("Delete"));
    m_newTerm->setPlaceholderText(tr("New term"));
    m_newTranslation->setPlaceholderText(tr("Its translation"));
    m_newNote->setPlaceholderText(tr("Note"));
    m_addButton->setText(tr("Add"));
    m_model->retranslate();
}

void GlossaryPage::pairChosen()
{
    const QStringList pair = m_pair->currentData().toStringList();
    if (pair.size() != 2)
        return;
    m_message->clearMessage();
    if (pair.at(0) == m_model->sourceLanguage() && pair.at(1) == m_model->targetLanguage())
        m_model->reload(); // the first load: the model starts on en -> zh
    else
        m_model->setPair(pair.at(0), pair.at(1));
}

void GlossaryPage::addEntry()
{
    if (!isEditable())
        return;
    client::GlossaryEntry entry;
    entry.term = m_newTerm->text().trimmed();
    entry.translation = m_newTranslation->text().trimmed();
    entry.kind = m_newKind->currentData().toString();
    entry.note = m_newNote->text().trimmed();
    if (entry.term.isEmpty()) {
        m_message->showError(tr("Type the term first."));
        m_newTerm->setFocus();
        return;
    }
    m_message->clearMessage();
    m_addButton->setEnabled(false); // until the answer: no double entries from double clicks
    m_model->addEntry(entry);
}

void GlossaryPage::askDelete()
{
    QList<qint64> ids;
    for (const QModelIndex &row : m_view->selectionModel()->selectedRows())
        ids << m_model->entryAt(row.row()).id;
    if (ids.isEmpty() || !isEditable())
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete glossary entries"),
                                tr("Delete %n entry(s) from the glossary? Translators will no "
                                   "longer see them.",
                                   nullptr, int(ids.size())),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("deleteConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    box->button(QMessageBox::Yes)->setText(tr("Delete"));
    connect(box, &QMessageBox::finished, this, [this, ids](int result) {
        if (result != QMessageBox::Yes)
            return;
        for (qint64 id : ids)
            m_model->deleteEntry(id);
    });
    box->open(); // never exec(): no nested event loop
}

void GlossaryPage::chooseImportFile()
{
    auto *dialog = new QFileDialog(this, tr("Import glossary CSV"), QString(),
                                   tr("CSV files (*.csv);;All files (*)"));
    dialog->setObjectName(QStringLiteral("importFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    connect(dialog, &QFileDialog::fileSelected, this, &GlossaryPage::importFile);
    dialog->open();
}

void GlossaryPage::chooseExportFile()
{
    auto *dialog =
        new QFileDialog(this, tr("Export glossary CSV"), QString(), tr("CSV files (*.csv)"));
    dialog->setObjectName(QStringLiteral("exportFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->selectFile(QStringLiteral("glossary-%1-%2.csv")
                           .arg(m_model->sourceLanguage(), m_model->targetLanguage()));
    connect(dialog, &QFileDialog::fileSelected, this, &GlossaryPage::exportTo);
    dialog->open();
}

void GlossaryPage::importFile(const QString &path)
{
    if (m_transferring || !isEditable())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_message->showError(tr("Cannot read %1: %2").arg(path, file.errorString()));
        emit importFinished();
        return;
    }
    if (file.size() > kMaxImportBytes) {
        m_message->showError(tr("%1 is too large for a glossary (over %2 MiB).")
                                 .arg(path)
                                 .arg(kMaxImportBytes / (1024 * 1024)));
        emit importFinished();
        return;
    }
    const QByteArray csv = file.readAll();
    m_transferring = true;
    updateButtons();
    m_message->showInfo(tr("Importing %1…").arg(path));
    m_api.importCsv(
        m_model->sourceLanguage(), m_model->targetLanguage(), csv, this,
        [this](const client::Result<client::GlossaryImportResult> &result) {
            m_transferring = false;
            updateButtons();
            if (!result.ok()) {
                m_message->showError(tr("Not imported: %1").arg(describeError(result.error())));
                emit importFinished();
                return;
            }
            const client::GlossaryImportResult &r = result.value();
            QString text = tr("Imported: %1 added, %2 updated, %3 unchanged, %4 rejected.")
                               .arg(r.added)
                               .arg(r.updated)
                               .arg(r.unchanged)
                               .arg(r.rejected);
            for (int i = 0; i < r.errors.size() && i < kShownImportErrors; ++i) {
                const auto &e = r.errors.at(i);
                text +=
                    QLatin1Char('\n') +
                    (e.field.isEmpty() ? tr("Line %1: %2").arg(e.line).arg(e.reason)
                                       : tr("Line %1, %2: %3").arg(e.line).arg(e.field, e.reason));
            }
            if (r.errors.size() > kShownImportErrors)
                text += QLatin1Char('\n') + tr("… and %n more rejected line(s).", nullptr,
                                               int(r.errors.size() - kShownImportErrors));
            if (r.rejected > 0 || !r.errors.isEmpty())
                m_message->showError(text);
            else
                m_message->showInfo(text);
            m_model->reload();
            emit importFinished();
        });
}

void GlossaryPage::exportTo(const QString &path)
{
    if (m_transferring)
        return;
    m_transferring = true;
    updateButtons();
    m_message->showInfo(tr("Exporting to %1…").arg(path));
    m_api.exportCsv(
        m_model->sourceLanguage(), m_model->targetLanguage(), this,
        [this, path](const client::Result<QByteArray> &result) {
            m_transferring = false;
            updateButtons();
            if (!result.ok()) {
                m_message->showError(tr("Not exported: %1").arg(describeError(result.error())));
                emit exportFinished();
                return;
            }
            // Written whole or not at all: a half file would import as a shorter glossary.
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(result.value()) < 0 ||
                !file.commit()) {
                m_message->showError(tr("Cannot write %1: %2").arg(path, file.errorString()));
                emit exportFinished();
                return;
            }
            m_message->showInfo(tr("Exported the glossary to %1.").arg(path));
            emit exportFinished();
        });
}

void GlossaryPage::updateButtons()
{
    const bool editable = isEditable();
    m_deleteButton->setEnabled(editable && m_view->selectionModel()->hasSelection());
    m_importButton->setEnabled(editable && !m_transferring);
    m_exportButton->setEnabled(!m_transferring);
    m_addButton->setEnabled(editable && m_model->pendingWrites() == 0);
}

} // namespace haitao::widgets
