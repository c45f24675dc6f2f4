#include "widgets/translationeditor.h"

#include "backend-client/draftstore.h"
#include "backend-client/glossaryapi.h"
#include "models/translationchecks.h"
#include "widgets/checksdialog.h"
#include "widgets/errortext.h"
#include "widgets/glossaryhighlighter.h"
#include "widgets/mergedialog.h"
#include "widgets/messagelabel.h"
#include "widgets/productlabels.h"
#include "widgets/reviewpanel.h"
#include "widgets/suggestionspanel.h"

#include <QCloseEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTextCursor>
#include <QVBoxLayout>

namespace haitao::widgets {

namespace {

const QString kTargetLanguage = QStringLiteral("zh");
const QString kTitle = QStringLiteral("title");
const QString kDescription = QStringLiteral("description");

void styleBanner(QWidget *w, const char *css)
{
    w->setStyleSheet(QString::fromLatin1(css));
}

} // namespace

TranslationEditor::TranslationEditor(client::ApiClient *client, const UserInfo &user,
                                     qint64 productId, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_api(client)
    , m_userName(user.username)
    , m_reviewer(canManage(user.role))
    , m_productId(productId)
    , m_drafts(std::make_unique<client::DraftStore>())
    , m_header(new QLabel(this))
    , m_rejection(new QLabel(this))
    , m_draftBanner(new QWidget(this))
    , m_draftText(new QLabel(m_draftBanner))
    , m_restoreButton(new QPushButton(m_draftBanner))
    , m_discardButton(new QPushButton(m_draftBanner))
    , m_message(new MessageLabel(this))
    , m_fieldsWidget(new QWidget)
    , m_fields(new QGridLayout(m_fieldsWidget))
    , m_sourceHeading(new QLabel(m_fieldsWidget))
    , m_targetHeading(new QLabel(m_fieldsWidget))
    , m_suggestions(new SuggestionsPanel(m_api, this))
    , m_review(new ReviewPanel(this))
    , m_reloadButton(new QPushButton(this))
    , m_saveButton(new QPushButton(this))
    , m_submitButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("translationEditor"));
    m_rejection->setObjectName(QStringLiteral("rejectionBanner"));
    m_draftBanner->setObjectName(QStringLiteral("draftBanner"));
    m_restoreButton->setObjectName(QStringLiteral("restoreDraftButton"));
    m_discardButton->setObjectName(QStringLiteral("discardDraftButton"));
    m_message->setObjectName(QStringLiteral("editorMessage"));
    m_reloadButton->setObjectName(QStringLiteral("reloadButton"));
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_submitButton->setObjectName(QStringLiteral("submitButton"));

    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::PlainText);
    m_rejection->setWordWrap(true);
    m_rejection->setTextFormat(Qt::PlainText);
    m_rejection->setVisible(false);
    styleBanner(m_rejection, "QLabel { color: #8a1c1c; background: #fdecea; border: 1px solid "
                             "#f1b8b4; padding: 6px; font-weight: bold; }");
    styleBanner(m_draftBanner, "#draftBanner { background: #fff7e0; border: 1px solid #e8cf86; }");
    m_draftBanner->setAttribute(Qt::WA_StyledBackground);
    m_draftText->setWordWrap(true);
    auto *draftLayout = new QHBoxLayout(m_draftBanner);
    draftLayout->addWidget(m_draftText, 1);
    draftLayout->addWidget(m_restoreButton);
    draftLayout->addWidget(m_discardButton);
    m_draftBanner->setVisible(false);

    m_fields->addWidget(m_sourceHeading, 0, 1);
    m_fields->addWidget(m_targetHeading, 0, 2);
    m_fields->setColumnStretch(1, 1);
    m_fields->setColumnStretch(2, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_fieldsWidget);

    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_review, 2);
    sideLayout->addWidget(m_suggestions, 1);
    m_review->setVisible(false);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(scroll);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_reloadButton);
    buttons->addStretch(1);
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_submitButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_rejection);
    layout->addWidget(m_draftBanner);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);
    resize(1200, 760);

    m_autosave.setSingleShot(true);
    m_autosave.setInterval(1500);
    connect(&m_autosave, &QTimer::timeout, this, &TranslationEditor::writeDraftNow);
    connect(m_reloadButton, &QPushButton::clicked, this, &TranslationEditor::reload);
    connect(m_saveButton, &QPushButton::clicked, this, &TranslationEditor::save);
    connect(m_submitButton, &QPushButton::clicked, this, &TranslationEditor::submitForReview);
    connect(m_restoreButton, &QPushButton::clicked, this, &TranslationEditor::restoreDraft);
    connect(m_discardButton, &QPushButton::clicked, this, &TranslationEditor::discardDraft);
    connect(m_review, &ReviewPanel::approveRequested, this, &TranslationEditor::approve);
    connect(m_review, &ReviewPanel::rejectRequested, this, &TranslationEditor::reject);
    connect(m_suggestions, &SuggestionsPanel::insertRequested, this,
            [this](const QString &key, const QString &text) {
                QPlainTextEdit *edit = m_targets.value(key);
                if (!edit || edit->isReadOnly())
                    return;
                // One edit through the cursor, so that Undo takes the suggestion back.
                QTextCursor cursor = edit->textCursor();
                cursor.select(QTextCursor::Document);
                cursor.insertText(text);
                edit->setFocus();
            });

    if (!m_drafts->isOpen())
        m_message->showError(
            tr("Drafts cannot be kept on this computer: %1").arg(m_drafts->errorString()));
    retranslateUi();
    updateState();
    reload();
}

TranslationEditor::~TranslationEditor()
{
    // Closing (or a crash of the caller) right after typing: keep what the timer has not
    // written yet.
    if (m_autosave.isActive())
        persistDraft();
}

QString TranslationEditor::serverKey() const
{
    return m_client->baseUrl().toString(QUrl::StripTrailingSlash);
}

client::ListingText TranslationEditor::currentText() const
{
    client::ListingText text = m_base;
    for (auto it = m_targets.begin(); it != m_targets.end(); ++it) {
        const QString value = it.value()->toPlainText();
        // An untranslated attribute the server has no key for stays absent: an untouched
        // listing is not an edit.
        if (value.isEmpty() && client::isAttributeKey(it.key()) &&
            !m_base.attributes.contains(client::attributeName(it.key())))
            continue;
        text.setValue(it.key(), value);
    }
    return text;
}

bool TranslationEditor::isDirty() const
{
    return m_loaded && currentText() != m_base;
}

QString TranslationEditor::fieldLabel(const QString &key) const
{
    if (key == kTitle)
        return tr("Title");
    if (key == kDescription)
        return tr("Description");
    return client::attributeName(key);
}

QHash<QString, QString> TranslationEditor::fieldLabels() const
{
    QHash<QString, QString> labels;
    for (const QString &key : m_listing.fieldKeys())
        labels.insert(key, fieldLabel(key));
    return labels;
}

void TranslationEditor::reload()
{
    if (m_busy)
        return;
    // Edits the autosave has not written yet: keep them as the draft that offerDraft() offers
    // back once the server's text is in.
    if (m_autosave.isActive())
        persistDraft();
    setBusy(true);
    m_api.listing(m_productId, this, [this](const client::Result<client::Listing> &r) {
        setBusy(false);
        if (!r.ok()) {
            m_message->showError(describeError(r.error()));
            return;
        }
        m_message->clearMessage();
        applyListing(r.value(), false);
        loadGlossary();
        offerDraft();
        emit loaded();
    });
}

void TranslationEditor::applyListing(const client::Listing &listing, bool keepEdits)
{
    const client::ListingText edits = currentText();
    const bool rebuild = !m_loaded || listing.fieldKeys() != m_listing.fieldKeys();
    const bool sourceChanged = !m_loaded || listing.title != m_listing.title ||
                               listing.description != m_listing.description ||
                               listing.attributes != m_listing.attributes;
    m_listing = listing;
    m_base = listing.text;
    m_loaded = true;
    if (rebuild)
        buildFields();
    else if (sourceChanged) {
        for (const QString &key : m_listing.fieldKeys())
            m_sources.value(key)->setPlainText(m_listing.sourceValue(key));
    }
    setTargets(keepEdits ? edits : listing.text);
    if (m_currentKey.isEmpty() || !m_targets.contains(m_currentKey))
        setCurrentField(kTitle);
    else
        setCurrentField(m_currentKey);
    m_review->setTexts(m_listing.fieldKeys(), fieldLabels(), m_listing.lastPublished,
                       m_listing.text);
    updateState();
}

void TranslationEditor::buildFields()
{
    for (QLabel *l : std::as_const(m_labels))
        delete l;
    for (SourceView *s : std::as_const(m_sources))
        delete s;
    for (QPlainTextEdit *t : std::as_const(m_targets))
        delete t;
    m_labels.clear();
    m_sources.clear();
    m_targets.clear();
    m_sourceTerms.clear();
    int row = 1;
    for (const QString &key : m_listing.fieldKeys()) {
        auto *label = new QLabel(fieldLabel(key), m_fieldsWidget);
        label->setWordWrap(true);
        auto *source = new SourceView(m_fieldsWidget);
        source->setObjectName(QStringLiteral("source:") + key);
        source->setPlainText(m_listing.sourceValue(key));
        auto *target = new QPlainTextEdit(m_fieldsWidget);
        target->setObjectName(QStringLiteral("target:") + key);
        target->setTabChangesFocus(true);
        const int height = key == kDescription ? 220 : 64;
        for (QPlainTextEdit *e : {static_cast<QPlainTextEdit *>(source), target}) {
            e->setMinimumHeight(height);
            if (key != kDescription)
                e->setMaximumHeight(height);
        }
        target->installEventFilter(this);
        connect(target, &QPlainTextEdit::textChanged, this, [this] {
            if (m_applying)
                return;
            m_autosave.start();
            updateState();
        });
        m_fields->addWidget(label, row, 0, Qt::AlignTop);
        m_fields->addWidget(source, row, 1);
        m_fields->addWidget(target, row, 2);
        m_labels.insert(key, label);
        m_sources.insert(key, source);
        m_targets.insert(key, target);
        ++row;
    }
    m_fields->setRowStretch(row, 1);
}

void TranslationEditor::setTargets(const client::ListingText &text)
{
    m_applying = true;
    for (auto it = m_targets.begin(); it != m_targets.end(); ++it) {
        if (it.value()->toPlainText() != text.value(it.key()))
            it.value()->setPlainText(text.value(it.key()));
    }
    m_applying = false;
}

void TranslationEditor::setCurrentField(const QString &key)
{
    m_currentKey = key;
    m_suggestions->setSegment(key, fieldLabel(key), m_listing.sourceValue(key),
                              m_listing.sourceLanguage);
}

bool TranslationEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusIn) {
        for (auto it = m_targets.begin(); it != m_targets.end(); ++it) {
            if (it.value() == watched) {
                setCurrentField(it.key());
                break;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void TranslationEditor::setBusy(bool busy)
{
    m_busy = busy;
    updateState();
}

void TranslationEditor::updateState()
{
    const QString &status = m_listing.status;
    const bool inReview = status == client::listingstatus::inReview;
    const bool editable = m_loaded && !m_busy && !m_offeredDraft &&
                          status != client::listingstatus::published && (!inReview || m_reviewer);
    for (QPlainTextEdit *t : std::as_const(m_targets))
        t->setReadOnly(!editable);
    m_suggestions->setEditable(editable);
    m_saveButton->setEnabled(editable && isDirty());
    m_reloadButton->setEnabled(!m_busy);
    const bool canSubmit = status == client::listingstatus::imported ||
                           status == client::listingstatus::inTranslation ||
                           status == client::listingstatus::unpublished;
    m_submitButton->setVisible(m_loaded && canSubmit);
    m_submitButton->setEnabled(editable && canSubmit);
    m_review->setVisible(m_loaded && inReview && m_reviewer);
    m_review->setBusy(m_busy);

    const bool rejected =
        status == client::listingstatus::inTranslation && m_listing.lastRejection.has_value();
    m_rejection->setVisible(rejected);
    if (rejected) {
        const client::ListingRejection &r = *m_listing.lastRejection;
        m_rejection->setText(tr("Sent back by %1 on %2: %3")
                                 .arg(r.actor,
                                      QLocale().toString(r.at.toLocalTime(), QLocale::ShortFormat),
                                      r.comment));
    }
    if (!m_loaded) {
        m_header->setText(tr("Listing %1: loading…").arg(m_productId));
        setWindowTitle(tr("Listing %1").arg(m_productId));
        return;
    }
    const std::optional<client::ProductStatus> known = client::productStatusFromName(status);
    QString header = tr("Listing %1 · %2 · %3 · version %4")
                         .arg(m_productId)
                         .arg(m_listing.site, known ? productStatusLabel(*known) : status)
                         .arg(m_listing.version);
    if (!m_listing.assignee.isEmpty())
        header += tr(" · assigned to %1").arg(m_listing.assignee);
    if (status == client::listingstatus::published)
        header += QLatin1Char('\n') + tr("Published listings are not edited in place.");
    else if (inReview && !m_reviewer)
        header += QLatin1Char('\n') + tr("In review: a reviewer decides now.");
    m_header->setText(header);
    setWindowTitle(tr("Listing %1: %2").arg(m_productId).arg(m_listing.title) +
                   (isDirty() ? QStringLiteral(" *") : QString()));
}

void TranslationEditor::loadGlossary()
{
    // One match call per field: the text goes in the query string, and a long description
    // must not take the title's terms down with it.
    m_sourceTerms.clear();
    for (const QString &key : m_listing.fieldKeys()) {
        const QString text = m_listing.sourceValue(key);
        if (text.trimmed().isEmpty())
            continue;
        client::GlossaryApi(m_client).match(
            m_listing.sourceLanguage, kTargetLanguage, text, this,
            [this, key, text](const client::Result<QList<client::GlossaryMatch>> &r) {
                // Highlighting is a help: the editor works without it. A reload may have
                // changed the source meanwhile.
                if (!r.ok() || m_listing.sourceValue(key) != text)
                    return;
                m_sourceTerms.insert(key, r.value());
                if (SourceView *source = m_sources.value(key))
                    source->highlighter()->setMatches(r.value());
            });
    }
}

// Drafts

bool TranslationEditor::persistDraft()
{
    m_autosave.stop();
    if (!m_loaded || m_offeredDraft || !m_drafts->isOpen())
        return false;
    const client::ListingText text = currentText();
    if (text == m_base)
        return m_drafts->remove(serverKey(), m_userName, m_productId);
    client::ListingDraft draft;
    draft.serverUrl = serverKey();
    draft.user = m_userName;
    draft.productId = m_productId;
    draft.baseVersion = m_listing.version;
    draft.base = m_base;
    draft.text = text;
    return m_drafts->save(draft);
}

void TranslationEditor::writeDraftNow()
{
    if (!persistDraft() && m_drafts->isOpen() && m_loaded && !m_offeredDraft)
        m_message->showError(
            tr("The draft could not be kept on this computer: %1").arg(m_drafts->errorString()));
    emit draftWritten();
}

void TranslationEditor::offerDraft()
{
    m_offeredDraft.reset();
    std::optional<client::ListingDraft> draft =
        m_drafts->load(serverKey(), m_userName, m_productId);
    if (draft && draft->text == m_listing.text) {
        m_drafts->remove(serverKey(), m_userName, m_productId); // the server has it already
        draft.reset();
    }
    if (draft)
        m_offeredDraft = std::make_unique<client::ListingDraft>(*draft);
    updateDraftBanner();
    updateState();
}

void TranslationEditor::updateDraftBanner()
{
    m_draftBanner->setVisible(m_offeredDraft != nullptr);
    if (!m_offeredDraft)
        return;
    QString text =
        tr("You have unsaved changes to this listing from %1.")
            .arg(QLocale().toString(m_offeredDraft->savedAt.toLocalTime(), QLocale::ShortFormat));
    if (m_offeredDraft->baseVersion != m_listing.version)
        text += QLatin1Char(' ') +
                tr("The listing changed on the server since: restoring lets you merge.");
    m_draftText->setText(text);
}

void TranslationEditor::restoreDraft()
{
    if (!m_offeredDraft)
        return;
    const client::ListingDraft draft = *m_offeredDraft;
    m_offeredDraft.reset();
    updateDraftBanner();
    if (draft.baseVersion == m_listing.version) {
        setTargets(draft.text);
        m_autosave.start();
        updateState();
        m_message->showInfo(tr("Your unsaved changes are back. Save them to keep them."));
        return;
    }
    openMerge(
        draft.base, m_listing, draft.text,
        [this] { m_message->showInfo(tr("Your changes are merged. Save them to keep them.")); },
        [this] { offerDraft(); });
}

void TranslationEditor::discardDraft()
{
    m_drafts->remove(serverKey(), m_userName, m_productId);
    m_offeredDraft.reset();
    updateDraftBanner();
    updateState();
}

// Saving and the workflow

void TranslationEditor::save()
{
    saveThen([this] { m_message->showInfo(tr("Saved")); });
}

void TranslationEditor::saveThen(std::function<void()> next)
{
    if (m_busy || !m_loaded)
        return;
    if (!isDirty()) {
        if (next)
            next();
        return;
    }
    const client::ListingText sent = currentText();
    setBusy(true);
    m_message->clearMessage();
    m_api.save(
        m_productId, sent, m_listing.etag, this,
        [this, sent, next](const client::Result<client::Listing> &r) {
            setBusy(false);
            if (!r.ok()) {
                m_message->showError(tr("Not saved: %1").arg(describeError(r.error())));
                return;
            }
            const bool typedMeanwhile = currentText() != sent;
            applyListing(r.value(), true);
            if (!typedMeanwhile)
                persistDraft(); // no edits left: removes the draft
            emit listingSaved();
            emit listingChanged(m_productId, m_listing.status);
            if (next)
                next();
        },
        [this, next](const client::Listing &theirs) {
            setBusy(false);
            openMerge(
                m_base, theirs, currentText(), [this, next] { saveThen(next); },
                [this] {
                    m_message->showError(tr("Not saved: someone else changed this listing. "
                                            "Save again to merge, or reload."));
                });
        });
}

void TranslationEditor::openMerge(const client::ListingText &original,
                                  const client::Listing &theirs, const client::ListingText &yours,
                                  std::function<void()> afterMerge, std::function<void()> onCancel)
{
    const auto take = [this, theirs](const client::ListingText &merged) {
        applyListing(theirs, false);
        setTargets(merged);
        persistDraft();
        updateState();
    };
    if (theirs.text == yours) { // the same text on both sides: nothing to choose
        take(yours);
        afterMerge();
        return;
    }
    auto *dialog =
        new MergeDialog(theirs.fieldKeys(), fieldLabels(), original, theirs.text, yours, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this,
            [this, dialog, take, afterMerge, onCancel](int result) {
                if (result != QDialog::Accepted) {
                    if (onCancel)
                        onCancel();
                    return;
                }
                take(dialog->merged());
                afterMerge();
            });
    emit mergeShown(dialog);
    dialog->open(); // never exec(): no nested event loop
}

void TranslationEditor::submitForReview()
{
    if (m_busy || !m_loaded)
        return;
    m_message->clearMessage();
    // Forbidden words are looked up in the Chinese text; the glossary terms of the source
    // came with the highlighting.
    // One call per field (the text goes in the query string); the checks run once all are in.
    struct Pending
    {
        int left = 0;
        QList<client::GlossaryMatch> matches;
        QStringList failedFields;
        QString firstError;
    };
    const auto pending = std::make_shared<Pending>();
    const client::ListingText text = currentText();
    QList<QPair<QString, QString>> fields;
    for (const QString &key : m_listing.fieldKeys()) {
        if (!text.value(key).trimmed().isEmpty())
            fields.append({key, text.value(key)});
    }
    if (fields.isEmpty()) {
        runChecks({});
        return;
    }
    pending->left = int(fields.size());
    setBusy(true);
    for (const auto &[key, value] : std::as_const(fields)) {
        client::GlossaryApi(m_client).match(
            m_listing.sourceLanguage, kTargetLanguage, value, this,
            [this, pending, key](const client::Result<QList<client::GlossaryMatch>> &r) {
                if (r.ok()) {
                    pending->matches.append(r.value());
                } else {
                    pending->failedFields.append(fieldLabel(key));
                    if (pending->firstError.isEmpty())
                        pending->firstError = describeError(r.error());
                }
                if (--pending->left > 0)
                    return;
                setBusy(false);
                if (pending->failedFields.isEmpty())
                    runChecks(pending->matches);
                else
                    askSubmitWithoutGlossary(pending->matches, pending->failedFields,
                                             pending->firstError);
            });
    }
}

void TranslationEditor::askSubmitWithoutGlossary(const QList<client::GlossaryMatch> &matches,
                                                 const QStringList &fields, const QString &error)
{
    // Without the match the forbidden words go unchecked: never silently.
    const QString problem = tr("The glossary could not be checked for %1: %2")
                                .arg(QLocale().createSeparatedList(fields), error);
    m_message->showError(problem);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Glossary checks unavailable"),
                                problem + QLatin1Char('\n') +
                                    tr("Forbidden words in these fields will not be found."),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("glossaryUnavailableDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *anyway =
        box->addButton(tr("Submit without the glossary checks"), QMessageBox::AcceptRole);
    anyway->setObjectName(QStringLiteral("submitWithoutGlossaryButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, anyway, matches, problem] {
        if (box->clickedButton() == anyway)
            runChecks(matches);
        else
            m_message->showError(tr("Not sent to review: %1").arg(problem));
    });
    box->open(); // never exec(): no nested event loop
}

void TranslationEditor::runChecks(const QList<client::GlossaryMatch> &targetMatches)
{
    QList<client::GlossaryEntry> forbidden;
    for (const client::GlossaryMatch &m : targetMatches) {
        if (m.entry.kind == u"forbidden")
            forbidden.append(m.entry);
    }
    QList<models::CheckSegment> segments;
    const client::ListingText text = currentText();
    for (const QString &key : m_listing.fieldKeys()) {
        models::CheckSegment s{key, m_listing.sourceValue(key), text.value(key), {}};
        for (const client::GlossaryMatch &m : m_sourceTerms.value(key))
            s.terms.append(m.entry);
        segments.append(s);
    }
    const QList<models::CheckResult> results = models::TranslationChecks::run(segments, forbidden);
    if (results.isEmpty()) {
        continueSubmit();
        return;
    }
    auto *dialog = new ChecksDialog(results, fieldLabels(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const bool blocking = dialog->blocking();
    connect(dialog, &QDialog::finished, this, [this, blocking](int result) {
        if (blocking)
            m_message->showError(tr("Not sent to review: fix the errors the checks found."));
        else if (result == QDialog::Accepted)
            continueSubmit();
    });
    emit checksShown(dialog);
    dialog->open();
}

void TranslationEditor::continueSubmit()
{
    saveThen([this] {
        const auto toReview = [this] {
            moveTo(client::listingstatus::inReview, {},
                   [this] { m_message->showInfo(tr("Sent to review")); });
        };
        if (m_listing.status == client::listingstatus::inTranslation)
            toReview();
        else
            moveTo(client::listingstatus::inTranslation, {}, toReview);
    });
}

void TranslationEditor::moveTo(const QString &status, const QString &comment,
                               std::function<void()> next)
{
    setBusy(true);
    m_api.transition(m_productId, status, comment, m_listing.etag, this,
                     [this, next](const client::Result<client::Listing> &r) {
                         setBusy(false);
                         if (!r.ok()) {
                             m_message->showError(describeError(r.error()));
                             return;
                         }
                         applyListing(r.value(), true);
                         emit listingChanged(m_productId, m_listing.status);
                         if (next)
                             next();
                     });
}

void TranslationEditor::approve()
{
    if (m_listing.status != client::listingstatus::inReview)
        return;
    saveThen([this] {
        moveTo(client::listingstatus::published, {},
               [this] { m_message->showInfo(tr("Approved and published")); });
    });
}

void TranslationEditor::reject(const QString &reason)
{
    if (m_listing.status != client::listingstatus::inReview)
        return;
    if (reason.trimmed().isEmpty()) {
        m_message->showError(tr("Say why the listing goes back: the translator sees it."));
        return;
    }
    saveThen([this, reason] {
        moveTo(client::listingstatus::inTranslation, reason.trimmed(), [this] {
            m_review->clearReason();
            m_message->showInfo(tr("Sent back to translation"));
        });
    });
}

void TranslationEditor::closeEvent(QCloseEvent *event)
{
    if (m_autosave.isActive())
        writeDraftNow();
    QWidget::closeEvent(event);
}

void TranslationEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void TranslationEditor::retranslateUi()
{
    m_sourceHeading->setText(tr("<b>Source</b>"));
    m_targetHeading->setText(tr("<b>Chinese</b>"));
    m_reloadButton->setText(tr("Reload"));
    m_saveButton->setText(tr("Save"));
    m_submitButton->setText(tr("Submit for review"));
    m_restoreButton->setText(tr("Restore"));
    m_discardButton->setText(tr("Discard"));
    for (auto it = m_labels.begin(); it != m_labels.end(); ++it)
        it.value()->setText(fieldLabel(it.key()));
    if (m_loaded && !m_currentKey.isEmpty())
        setCurrentField(m_currentKey);
    updateDraftBanner();
    updateState();
}

} // namespace haitao::widgets
