#include "widgets/publishdialog.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace haitao::widgets {

PublishDialog::PublishDialog(qint64 revision, qint64 basedOn, QWidget *parent)
    : QDialog(parent)
    , m_revision(revision)
    , m_basedOn(basedOn)
    , m_summary(new QLabel(this))
    , m_now(new QRadioButton(this))
    , m_later(new QRadioButton(this))
    , m_effectiveAt(new QDateTimeEdit(this))
    , m_noteLabel(new QLabel(this))
    , m_note(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_publishButton(new QPushButton(this))
    , m_cancelButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("publishDialog"));
    m_now->setObjectName(QStringLiteral("publishNowRadio"));
    m_later->setObjectName(QStringLiteral("publishLaterRadio"));
    m_effectiveAt->setObjectName(QStringLiteral("effectiveAtEdit"));
    m_note->setObjectName(QStringLiteral("publishNoteEdit"));
    m_publishButton->setObjectName(QStringLiteral("confirmPublishButton"));
    m_summary->setWordWrap(true);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("QLabel { color: #8a1c1c; }"));
    m_problem->setVisible(false);
    m_now->setChecked(true);
    m_effectiveAt->setCalendarPopup(true);
    m_effectiveAt->setDateTime(QDateTime::currentDateTime().addDays(1));
    m_effectiveAt->setEnabled(false);
    m_noteLabel->setBuddy(m_note);

    auto *when = new QVBoxLayout;
    when->addWidget(m_now);
    auto *later = new QHBoxLayout;
    later->addWidget(m_later);
    later->addWidget(m_effectiveAt, 1);
    when->addLayout(later);
    auto *form = new QFormLayout;
    form->addRow(m_noteLabel, m_note);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_publishButton, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancelButton, QDialogButtonBox::RejectRole);
    connect(m_publishButton, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_cancelButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_later, &QRadioButton::toggled, m_effectiveAt, &QWidget::setEnabled);
    connect(m_later, &QRadioButton::toggled, this, &PublishDialog::check);
    connect(m_effectiveAt, &QDateTimeEdit::dateTimeChanged, this, &PublishDialog::check);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(when);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    setMinimumWidth(460);
    retranslateUi();
}

client::PublishRequest PublishDialog::request() const
{
    client::PublishRequest r;
    if (m_later->isChecked())
        r.effectiveAt = m_effectiveAt->dateTime().toUTC();
    r.note = m_note->text().trimmed();
    return r;
}

void PublishDialog::check()
{
    // A time in the past would rewrite which version was in force: the server refuses it too.
    const bool past =
        m_later->isChecked() && m_effectiveAt->dateTime() <= QDateTime::currentDateTime();
    m_problem->setText(past ? tr("Choose a time in the future, or publish at once.") : QString());
    m_problem->setVisible(past);
    m_publishButton->setEnabled(!past);
}

void PublishDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void PublishDialog::retranslateUi()
{
    setWindowTitle(tr("Publish the draft"));
    m_summary->setText(
        tr("Draft revision %1 (based on version %2) becomes the next published version. A "
           "published version never changes; quotes use it from the time below.")
            .arg(m_revision)
            .arg(m_basedOn));
    m_now->setText(tr("Takes effect &at once"));
    m_later->setText(tr("Takes effect &from:"));
    m_noteLabel->setText(tr("&Note:"));
    m_note->setPlaceholderText(tr("why the prices change"));
    m_publishButton->setText(tr("Publish"));
    m_cancelButton->setText(tr("Cancel"));
    check();
}

} // namespace haitao::widgets
