#include "widgets/checksdialog.h"

#include "models/checksmodel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace haitao::widgets {

ChecksDialog::ChecksDialog(const QList<models::CheckResult> &results,
                           const QHash<QString, QString> &fieldLabels, QWidget *parent)
    : QDialog(parent)
    , m_blocking(models::TranslationChecks::hasErrors(results))
    , m_model(new models::ChecksModel(this))
    , m_summary(new QLabel(this))
    , m_view(new QTableView(this))
    , m_buttons(new QDialogButtonBox(this))
{
    setObjectName(QStringLiteral("checksDialog"));
    setWindowTitle(tr("Checks before review"));
    m_model->setResults(results, fieldLabels);
    m_view->setObjectName(QStringLiteral("checksView"));
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_summary->setWordWrap(true);
    if (m_blocking) {
        m_summary->setText(tr("Fix the errors before sending the listing to review."));
        m_buttons->addButton(QDialogButtonBox::Close);
    } else {
        m_summary->setText(tr("Check these warnings. Send the listing to review anyway?"));
        QPushButton *submit =
            m_buttons->addButton(tr("Submit anyway"), QDialogButtonBox::AcceptRole);
        submit->setObjectName(QStringLiteral("submitAnywayButton"));
        m_buttons->addButton(QDialogButtonBox::Cancel);
    }
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_buttons);
    resize(720, 360);
}

} // namespace haitao::widgets
