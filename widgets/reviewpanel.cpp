#include "widgets/reviewpanel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace haitao::widgets {

ReviewPanel::ReviewPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_diff(new QTextBrowser(this))
    , m_reasonLabel(new QLabel(this))
    , m_reason(new QPlainTextEdit(this))
    , m_approve(new QPushButton(this))
    , m_reject(new QPushButton(this))
{
    setObjectName(QStringLiteral("reviewPanel"));
    m_diff->setObjectName(QStringLiteral("reviewDiff"));
    m_reason->setObjectName(QStringLiteral("rejectReason"));
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_reject->setObjectName(QStringLiteral("rejectButton"));
    m_reason->setMaximumHeight(70);
    m_reason->setTabChangesFocus(true);
    m_title->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_approve);
    buttons->addStretch(1);
    buttons->addWidget(m_reject);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_diff, 1);
    layout->addWidget(m_reasonLabel);
    layout->addWidget(m_reason);
    layout->addLayout(buttons);
    connect(m_approve, &QPushButton::clicked, this, &ReviewPanel::approveRequested);
    connect(m_reject, &QPushButton::clicked, this, [this] {
        if (!reason().isEmpty())
            emit rejectRequested(reason());
    });
    connect(m_reason, &QPlainTextEdit::textChanged, this, &ReviewPanel::updateButtons);
    retranslateUi();
    updateButtons();
}

QString ReviewPanel::diffHtml(const QList<models::DiffPart> &parts)
{
    QString html;
    for (const models::DiffPart &p : parts) {
        const QString text =
            p.text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br/>"));
        switch (p.kind) {
        case models::DiffPart::Equal:
            html += text;
            break;
        case models::DiffPart::Deleted:
            html += QStringLiteral("<span style=\"background:#fdecea;color:#8a1c1c;"
                                   "text-decoration:line-through\">") +
                    text + QStringLiteral("</span>");
            break;
        case models::DiffPart::Inserted:
            html += QStringLiteral("<span style=\"background:#e3f4e4;color:#1d5e20\">") + text +
                    QStringLiteral("</span>");
            break;
        }
    }
    return html;
}

void ReviewPanel::setTexts(const QStringList &keys, const QHash<QString, QString> &labels,
                           const std::optional<client::ListingText> &published,
                           const client::ListingText &current)
{
    m_keys = keys;
    m_labels = labels;
    m_published = published;
    m_current = current;
    render();
}

void ReviewPanel::render()
{
    QString html;
    if (!m_published)
        html += QStringLiteral("<p><i>") +
                tr("Never published: all of the text is new.").toHtmlEscaped() +
                QStringLiteral("</i></p>");
    for (const QString &key : m_keys) {
        const QString before = m_published ? m_published->value(key) : QString();
        const QString after = m_current.value(key);
        html += QStringLiteral("<h4>") + m_labels.value(key, key).toHtmlEscaped() +
                QStringLiteral("</h4><p>");
        if (before.isEmpty() && after.isEmpty())
            html += QStringLiteral("<i>") + tr("(empty)").toHtmlEscaped() + QStringLiteral("</i>");
        else if (before == after && m_published)
            html += after.toHtmlEscaped() + QStringLiteral(" <i>(") +
                    tr("unchanged").toHtmlEscaped() + QStringLiteral(")</i>");
        else
            html += diffHtml(models::diffText(before, after));
        html += QStringLiteral("</p>");
    }
    m_diff->setHtml(html);
}

void ReviewPanel::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

QString ReviewPanel::reason() const
{
    return m_reason->toPlainText().trimmed();
}

void ReviewPanel::clearReason()
{
    m_reason->clear();
}

void ReviewPanel::updateButtons()
{
    m_approve->setEnabled(!m_busy);
    m_reject->setEnabled(!m_busy && !reason().isEmpty());
}

void ReviewPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        render();
    }
    QWidget::changeEvent(event);
}

void ReviewPanel::retranslateUi()
{
    m_title->setText(tr("Review: changes since the last published text"));
    m_reasonLabel->setText(tr("Reason for rejecting (the translator sees it):"));
    m_approve->setText(tr("Approve and publish"));
    m_reject->setText(tr("Reject"));
    m_reject->setToolTip(tr("Send the listing back to translation; a reason is required"));
}

} // namespace haitao::widgets
