#pragma once

#include "backend-client/listingapi.h"
#include "core/user.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QGridLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace haitao::client {
class DraftStore;
struct GlossaryMatch;
struct ListingDraft;
} // namespace haitao::client

namespace haitao::widgets {

class ChecksDialog;
class MergeDialog;
class MessageLabel;
class ReviewPanel;
class SourceView;
class SuggestionsPanel;

// The translation editor of one product's listing, a top-level window: the source and the
// Chinese text side by side for the title, the description and each attribute; glossary terms
// marked in the source; suggestions on request; a local draft saved a moment after each edit
// and offered back on reopen; save with If-Match (a 412 opens the merge dialog, the merged
// text is saved with the new ETag); checks before submitting for review; and, for ops and
// admins on a listing in review, the review panel (diff against the last published text,
// approve or reject with a reason). Rejected work shows the reason on top.
// Ops and admins review (approve, reject); the user's name keys the local drafts.
class TranslationEditor : public QWidget
{
    Q_OBJECT

public:
    TranslationEditor(client::ApiClient *client, const UserInfo &user, qint64 productId,
                      QWidget *parent = nullptr);
    ~TranslationEditor() override;

    qint64 productId() const { return m_productId; }
    bool isLoaded() const { return m_loaded; }
    bool isBusy() const { return m_busy; }
    bool isReviewer() const { return m_reviewer; }
    const client::Listing &listing() const { return m_listing; }
    client::ListingText currentText() const;
    bool isDirty() const; // the text differs from what the server has
    void setAutosaveDelay(int ms) { m_autosave.setInterval(ms); }

    QPlainTextEdit *targetEdit(const QString &key) const { return m_targets.value(key); }
    SourceView *sourceView(const QString &key) const { return m_sources.value(key); }
    SuggestionsPanel *suggestionsPanel() const { return m_suggestions; }
    ReviewPanel *reviewPanel() const { return m_review; }
    MessageLabel *message() const { return m_message; }
    QWidget *draftBanner() const { return m_draftBanner; }
    QLabel *rejectionBanner() const { return m_rejection; }

public slots:
    void reload();
    void save();
    void submitForReview();
    void approve();
    void reject(const QString &reason);
    void restoreDraft();
    void discardDraft();
    void writeDraftNow(); // what the autosave timer does

signals:
    void loaded();       // the listing (re)loaded from the server
    void listingSaved(); // a save succeeded
    void listingChanged(qint64 productId, const QString &status); // after a save or a move
    void draftWritten(); // the local draft was written (or removed, unchanged text)
    void checksShown(haitao::widgets::ChecksDialog *dialog);
    void mergeShown(haitao::widgets::MergeDialog *dialog);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslateUi();
    void applyListing(const client::Listing &listing, bool keepEdits);
    void buildFields();
    void setTargets(const client::ListingText &text);
    void updateState();
    void setBusy(bool busy);
    void loadGlossary();
    void offerDraft();
    void setCurrentField(const QString &key);
    QString fieldLabel(const QString &key) const;
    QHash<QString, QString> fieldLabels() const;
    // Shows the merge dialog; on accept the editor takes `theirs` as its base (its ETag) and
    // the merged text as its edits, then runs `afterMerge`; on cancel `onCancel`.
    void openMerge(const client::ListingText &original, const client::Listing &theirs,
                   const client::ListingText &yours, std::function<void()> afterMerge,
                   std::function<void()> onCancel);
    bool persistDraft(); // writes (or, with no edits, removes) the local draft
    void updateDraftBanner();
    // Saves when there are edits, then runs `next` (with the listing up to date).
    void saveThen(std::function<void()> next);
    void runChecks(const QList<client::GlossaryMatch> &targetMatches);
    // Some glossary match calls failed: submits only if the user says so.
    void askSubmitWithoutGlossary(const QList<client::GlossaryMatch> &matches,
                                  const QStringList &fields, const QString &error);
    void continueSubmit();
    void moveTo(const QString &status, const QString &comment, std::function<void()> next);
    QString serverKey() const;

    client::ApiClient *m_client;
    client::ListingApi m_api;
    QString m_userName;
    bool m_reviewer; // ops or admin
    qint64 m_productId;
    std::unique_ptr<client::DraftStore> m_drafts;
    std::unique_ptr<client::ListingDraft> m_offeredDraft;

    client::Listing m_listing;
    client::ListingText m_base; // the server's text the edits started from
    QHash<QString, QList<client::GlossaryMatch>> m_sourceTerms;
    bool m_loaded = false;
    bool m_busy = false;
    bool m_applying = false; // setting texts programmatically: not an edit
    QString m_currentKey;
    QTimer m_autosave;

    QLabel *m_header;
    QLabel *m_rejection;
    QWidget *m_draftBanner;
    QLabel *m_draftText;
    QPushButton *m_restoreButton;
    QPushButton *m_discardButton;
    MessageLabel *m_message;
    QWidget *m_fieldsWidget;
    QGridLayout *m_fields;
    QLabel *m_sourceHeading;
    QLabel *m_targetHeading;
    QHash<QString, QLabel *> m_labels;
    QHash<QString, SourceView *> m_sources;
    QHash<QString, QPlainTextEdit *> m_targets;
    SuggestionsPanel *m_suggestions;
    ReviewPanel *m_review;
    QPushButton *m_reloadButton;
    QPushButton *m_saveButton;
    QPushButton *m_submitButton;
};

} // namespace haitao::widgets
