#include "widgets/suggestionspanel.h"

#include "models/suggestionsmodel.h"
#include "widgets/errortext.h"
#include "widgets/messagelabel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace haitao::widgets {

namespace {
const QString kTarget = QStringLiteral("zh");
}

SuggestionsPanel::SuggestionsPanel(client::ListingApi api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_model(new models::SuggestionsModel(this))
    , m_title(new QLabel(this))
    , m_tmButton(new QPushButton(this))
    , m_mtButton(new QPushButton(this))
    , m_insertButton(new QPushButton(this))
    , m_view(new QTableView(this))
    , m_message(new MessageLabel(this))
{
    setObjectName(QStringLiteral("suggestionsPanel"));
    m_tmButton->setObjectName(QStringLiteral("tmButton"));
    m_mtButton->setObjectName(QStringLiteral("mtButton"));
    m_insertButton->setObjectName(QStringLiteral("insertButton"));
    m_view->setObjectName(QStringLiteral("suggestionsView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(models::SuggestionsModel::TargetColumn,
                                                     QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(models::SuggestionsModel::SourceColumn,
                                                     QHeaderView::Stretch);
    m_title->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_tmButton);
    buttons->addWidget(m_mtButton);
    buttons->addStretch(1);
    buttons->addWidget(m_insertButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);

    connect(m_tmButton, &QPushButton::clicked, this, &SuggestionsPanel::fetchMemory);
    connect(m_mtButton, &QPushButton::clicked, this, &SuggestionsPanel::fetchMachine);
    connect(m_insertButton, &QPushButton::clicked, this, &SuggestionsPanel::insertSelected);
    connect(m_view, &QTableView::doubleClicked, this, &SuggestionsPanel::insertSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SuggestionsPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SuggestionsPanel::updateButtons);
    retranslateUi();
    updateButtons();
}

void SuggestionsPanel::setSegment(const QString &key, const QString &label,
                                  const QString &sourceText, const QString &sourceLanguage)
{
    const bool changed = key != m_key || sourceText != m_source;
    m_key = key;
    m_label = label;
    m_source = sourceText;
    m_language = sourceLanguage;
    if (changed) {
        m_model->clear();
        m_message->clearMessage();
    }
    retranslateUi();
    updateButtons();
}

void SuggestionsPanel::setEditable(bool editable)
{
    m_editable = editable;
    updateButtons();
}

void SuggestionsPanel::fetchMemory()
{
    if (m_source.trimmed().isEmpty())
        return;
    m_message->clearMessage();
    ++m_pending;
    updateButtons();
    const QString key = m_key;
    m_api.translationMemory(m_language, kTarget, m_source, 5, this,
                            [this, key](const client::Result<QList<client::TmSuggestion>> &r) {
                                --m_pending;
                                if (key == m_key) {
                                    if (!r.ok())
                                        m_message->showError(describeError(r.error()));
                                    else if (r.value().isEmpty())
                                        m_message->showInfo(tr("No similar earlier translation"));
                                    else
                                        m_model->setMemory(r.value());
                                }
                                updateButtons();
                                emit fetched();
                            });
}

void SuggestionsPanel::fetchMachine()
{
    if (m_source.trimmed().isEmpty())
        return;
    m_message->clearMessage();
    ++m_pending;
    updateButtons();
    const QString key = m_key;
    const QString source = m_source;
    m_api.machineTranslate(
        {source}, m_language, kTarget, this,
        [this, key, source](const client::Result<client::MtResult> &r) {
            --m_pending;
            if (key == m_key) {
                if (!r.ok())
                    m_message->showError(
                        tr("Machine translation failed: %1").arg(describeError(r.error())));
                else
                    m_model->setMachine(source, r.value().translations.value(0), r.value().engine);
            }
            updateButtons();
            emit fetched();
        });
}

void SuggestionsPanel::insertSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty() || !m_editable)
        return;
    emit insertRequested(m_key, m_model->suggestionAt(rows.first().row()).target);
}

void SuggestionsPanel::updateButtons()
{
    const bool hasSource = !m_source.trimmed().isEmpty();
    m_tmButton->setEnabled(hasSource && m_pending == 0);
    m_mtButton->setEnabled(hasSource && m_pending == 0);
    m_insertButton->setEnabled(m_editable && m_view->selectionModel()->hasSelection());
}

void SuggestionsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        m_model->retranslate();
    }
    QWidget::changeEvent(event);
}

void SuggestionsPanel::retranslateUi()
{
    m_title->setText(m_label.isEmpty() ? tr("Suggestions") : tr("Suggestions for %1").arg(m_label));
    m_tmButton->setText(tr("Translation memory"));
    m_tmButton->setToolTip(tr("Earlier published translations of similar text"));
    m_mtButton->setText(tr("Machine translation"));
    m_insertButton->setText(tr("Insert"));
    m_insertButton->setToolTip(tr("Replace the field's text with the selected suggestion"));
}

} // namespace haitao::widgets
