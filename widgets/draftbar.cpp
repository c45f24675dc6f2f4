#include "widgets/draftbar.h"

#include "models/pricingdraft.h"
#include "widgets/draftdiffdialog.h"
#include "widgets/errortext.h"
#include "widgets/messagelabel.h"
#include "widgets/publishdialog.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace haitao::widgets {

using models::PricingDraft;

DraftBar::DraftBar(PricingDraft *draft, QWidget *parent)
    : QWidget(parent)
    , m_draft(draft)
    , m_status(new QLabel(this))
    , m_createButton(new QPushButton(this))
    , m_saveButton(new QPushButton(this))
    , m_discardButton(new QPushButton(this))
    , m_diffButton(new QPushButton(this))
    , m_publishButton(new QPushButton(this))
    , m_reloadButton(new QPushButton(this))
    , m_message(new MessageLabel(this))
{
    m_status->setObjectName(QStringLiteral("draftStatus"));
    m_createButton->setObjectName(QStringLiteral("createDraftButton"));
    m_saveButton->setObjectName(QStringLiteral("saveDraftButton"));
    m_discardButton->setObjectName(QStringLiteral("discardDraftButton"));
    m_diffButton->setObjectName(QStringLiteral("diffDraftButton"));
    m_publishButton->setObjectName(QStringLiteral("publishDraftButton"));
    m_reloadButton->setObjectName(QStringLiteral("reloadDraftButton"));
    m_message->setObjectName(QStringLiteral("draftMessage"));
    m_status->setWordWrap(true);

    auto *row = new QHBoxLayout;
    row->addWidget(m_status, 1);
    for (QPushButton *b : {m_createButton, m_saveButton, m_discardButton, m_diffButton,
                           m_publishButton, m_reloadButton})
        row->addWidget(b);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_message);

    connect(m_createButton, &QPushButton::clicked, this, [this] {
        m_message->clearMessage();
        m_draft->create();
    });
    connect(m_saveButton, &QPushButton::clicked, this, &DraftBar::save);
    connect(m_discardButton, &QPushButton::clicked, this, &DraftBar::discard);
    connect(m_diffButton, &QPushButton::clicked, this, &DraftBar::showChanges);
    connect(m_publishButton, &QPushButton::clicked, this, &DraftBar::publish);
    connect(m_reloadButton, &QPushButton::clicked, this, &DraftBar::reload);

    connect(m_draft, &PricingDraft::stateChanged, this, [this] {
        m_conflict = false; // what is shown now is the server's latest
        updateState();
    });
    connect(m_draft, &PricingDraft::busyChanged, this, &DraftBar::updateState);
    connect(m_draft, &PricingDraft::modifiedChanged, this, &DraftBar::updateState);
    connect(m_draft, &PricingDraft::saved, this, [this] {
        m_message->showInfo(tr("Saved as revision %1.").arg(m_draft->draft().revision));
    });
    connect(m_draft, &PricingDraft::published, this, [this](const client::RuleSetVersion &v) {
        const QString when =
            v.effectiveAt.isValid()
                ? QLocale().toString(v.effectiveAt.toLocalTime(), QLocale::ShortFormat)
                : QString();
        m_message->showInfo(
            when.isEmpty()
                ? tr("Published as version %1.").arg(v.version)
                : tr("Published as version %1, in force from %2.").arg(v.version).arg(when));
    });
    connect(m_draft, &PricingDraft::conflict, this, [this] {
        m_conflict = true;
        m_message->showError(
            tr("Someone else changed the draft since you loaded it, so it was not changed. "
               "Reload the draft to see their version (your unsaved changes will be lost)."));
        updateState();
    });
    connect(m_draft, &PricingDraft::validationFailed, this,
            [this](int mapped, const QList<client::FieldError> &unmapped) {
                QStringList lines;
                if (mapped > 0) {
                    lines << tr("The server refused %n value(s); they are marked in red.", nullptr,
                                mapped);
                }
                for (const client::FieldError &e : unmapped)
                    lines << QStringLiteral("%1: %2").arg(e.field, e.message);
                m_message->showError(lines.join(QLatin1Char('\n')));
            });
    connect(m_draft, &PricingDraft::errorOccurred, this,
            [this](const client::ApiError &error) { m_message->showError(describeError(error)); });

    retranslateUi();
}

void DraftBar::save()
{
    const int errors = m_draft->errorCount();
    if (errors > 0) {
        m_message->showError(tr("%n cell(s) need attention before saving; point at a red cell "
                                "to see why.",
                                nullptr, errors));
        return;
    }
    m_message->clearMessage();
    m_draft->save();
}

void DraftBar::discard()
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Discard the draft"),
                                tr("Discard draft revision %1 and every change in it? This "
                                   "cannot be undone.")
                                    .arg(m_draft->draft().revision),
                                QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("discardConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this](int result) {
        if (result == QMessageBox::Discard) {
            m_message->clearMessage();
            m_draft->discard();
        }
    });
    box->open(); // never exec(): no nested event loop
}

void DraftBar::showChanges()
{
    if (m_draft->isModified())
        m_message->showInfo(tr("The changes below are those saved; save to include yours."));
    auto *dialog = new DraftDiffDialog(m_draft->api(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->reload();
}

void DraftBar::publish()
{
    if (m_draft->isModified()) {
        m_message->showError(tr("Save your changes first: publishing takes the saved draft."));
        return;
    }
    auto *dialog = new PublishDialog(m_draft->draft().revision, m_draft->draft().basedOn, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_message->clearMessage();
        m_draft->publish(dialog->request());
    });
    dialog->open();
}

void DraftBar::reload()
{
    m_conflict = false;
    m_message->clearMessage();
    m_draft->load();
}

void DraftBar::updateState()
{
    const bool busy = m_draft->isBusy();
    const bool open = m_draft->state() == PricingDraft::State::Open;
    const bool modified = m_draft->isModified();
    m_createButton->setVisible(m_draft->state() == PricingDraft::State::None);
    m_createButton->setEnabled(!busy);
    for (QPushButton *b : {m_saveButton, m_discardButton, m_diffButton, m_publishButton})
        b->setVisible(open);
    m_saveButton->setEnabled(!busy && modified && !m_conflict);
    m_discardButton->setEnabled(!busy && !m_conflict);
    m_publishButton->setEnabled(!busy && !modified && !m_conflict);
    m_diffButton->setEnabled(!busy);
    m_reloadButton->setEnabled(!busy);

    const client::Draft &d = m_draft->draft();
    QString status;
    switch (m_draft->state()) {
    case PricingDraft::State::Unknown:
        status = tr("Loading the draft…");
        break;
    case PricingDraft::State::None:
        status = tr("No draft. Create one from the version in force to change prices.");
        break;
    case PricingDraft::State::Open:
        status = tr("Draft revision %1, based on version %2, saved by %3 at %4.")
                     .arg(d.revision)
                     .arg(d.basedOn)
                     .arg(d.updatedBy.isEmpty() ? d.createdBy : d.updatedBy,
                          QLocale().toString(
                              (d.updatedAt.isValid() ? d.updatedAt : d.createdAt).toLocalTime(),
                              QLocale::ShortFormat));
        if (modified)
            status += QLatin1Char(' ') + tr("Unsaved changes.");
        break;
    }
    m_status->setText(status);
}

void DraftBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DraftBar::retranslateUi()
{
    m_createButton->setText(tr("Create draft"));
    m_saveButton->setText(tr("Save"));
    m_discardButton->setText(tr("Discard…"));
    m_diffButton->setText(tr("Changes…"));
    m_publishButton->setText(tr("Publish…"));
    m_reloadButton->setText(tr("Reload draft"));
    updateState();
}

} // namespace haitao::widgets
