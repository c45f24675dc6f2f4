#include "widgets/draftdiffdialog.h"

#include "widgets/errortext.h"
#include "widgets/messagelabel.h"
#include "widgets/pricinglabels.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace haitao::widgets {

namespace {

QString jsonText(const QJsonValue &value, QJsonDocument::JsonFormat format)
{
    if (value.isNull() || value.isUndefined())
        return {};
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(format)).trimmed();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(format)).trimmed();
    return value.toVariant().toString();
}

} // namespace

DraftDiffDialog::DraftDiffDialog(client::PricingApi api, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_summary(new QLabel(this))
    , m_message(new MessageLabel(this))
    , m_changes(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("draftDiffDialog"));
    m_changes->setObjectName(QStringLiteral("diffView"));
    m_changes->setColumnCount(5);
    m_changes->setRootIsDecorated(false);
    m_changes->setAlternatingRowColors(true);
    m_changes->setWordWrap(true);
    m_changes->header()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_message);
    layout->addWidget(m_changes, 1);
    layout->addWidget(buttons);
    resize(900, 480);
    retranslateUi();
}

void DraftDiffDialog::reload()
{
    m_message->clearMessage();
    m_api.draftDiff(this, [this](const client::Result<client::DraftDiff> &r) {
        if (!r.ok()) {
            m_message->showError(describeError(r.error()));
            return;
        }
        m_diff = r.value();
        showDiff(*m_diff);
    });
}

void DraftDiffDialog::showDiff(const client::DraftDiff &diff)
{
    m_changes->clear();
    for (const client::DraftChange &c : diff.changes) {
        auto *item = new QTreeWidgetItem(m_changes);
        item->setText(0, changeLabel(c.change));
        item->setData(0, Qt::UserRole, c.change);
        item->setText(1, c.id);
        item->setText(2, ruleKindLabel(c.kind));
        item->setText(3, jsonText(c.before, QJsonDocument::Compact));
        item->setToolTip(3, jsonText(c.before, QJsonDocument::Indented));
        item->setText(4, jsonText(c.after, QJsonDocument::Compact));
        item->setToolTip(4, jsonText(c.after, QJsonDocument::Indented));
    }
    for (int column = 0; column < 3; ++column)
        m_changes->resizeColumnToContents(column);
    m_changes->setColumnWidth(3, 300);
    retranslateUi();
}

void DraftDiffDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        if (m_diff)
            showDiff(*m_diff);
    }
    QDialog::changeEvent(event);
}

void DraftDiffDialog::retranslateUi()
{
    setWindowTitle(tr("Draft changes"));
    m_changes->setHeaderLabels(
        {tr("Change"), tr("Rule or setting"), tr("Kind"), tr("Before"), tr("After")});
    if (!m_diff)
        m_summary->setText(tr("Loading…"));
    else if (m_diff->changes.isEmpty())
        m_summary->setText(tr("The saved draft is the same as version %1.").arg(m_diff->against));
    else
        m_summary->setText(tr("%n change(s) in the saved draft against version %1.", nullptr,
                              int(m_diff->changes.size()))
                               .arg(m_diff->against));
}

} // namespace haitao::widgets
