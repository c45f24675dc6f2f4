#include "widgets/rulespanel.h"

#include "models/pricingdraft.h"
#include "models/rulesetsettings.h"
#include "models/ruletablemodel.h"
#include "widgets/celldelegates.h"
#include "widgets/draftbar.h"
#include "widgets/pricinglabels.h"
#include "widgets/rulesetsettingseditor.h"
#include "widgets/tableviews.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace haitao::widgets {

RulesPanel::RulesPanel(models::PricingDraft *draft, const QStringList &kinds, Settings settings,
                       QWidget *parent)
    : QWidget(parent)
    , m_draft(draft)
    , m_kinds(kinds)
    , m_bar(new DraftBar(draft, this))
    , m_tabs(new QTabWidget(this))
{
    for (const QString &kind : kinds) {
        models::RuleTableModel *model = draft->table(kind);
        auto *page = new QWidget(m_tabs);
        page->setObjectName(QStringLiteral("rules_") + kind);
        auto *view = new QTableView(page);
        view->setObjectName(QStringLiteral("table_") + kind);
        view->setModel(model);
        view->setItemDelegate(new ValidationDelegate(view));
        view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                              QAbstractItemView::AnyKeyPressed);
        setUpTableView(view);
        view->setSelectionBehavior(QAbstractItemView::SelectItems);
        // Loaded all at once (no paging): fit the columns each time a draft comes in.
        connect(model, &QAbstractItemModel::modelReset, view,
                [view] { view->resizeColumnsToContents(); });

        auto *add = new QPushButton(page);
        add->setObjectName(QStringLiteral("add_") + kind);
        auto *remove = new QPushButton(page);
        remove->setObjectName(QStringLiteral("remove_") + kind);
        connect(add, &QPushButton::clicked, view, [model, view] {
            const int row = model->rowCount();
            model->insertRows(row, 1);
            view->setCurrentIndex(model->index(row, 0));
            view->scrollTo(model->index(row, 0));
        });
        connect(remove, &QPushButton::clicked, view, [model, view] {
            QList<int> rows;
            for (const QModelIndex &i : view->selectionModel()->selectedIndexes()) {
                if (!rows.contains(i.row()))
                    rows << i.row();
            }
            std::sort(rows.begin(), rows.end(), std::greater<int>());
            for (int row : rows) // from the bottom, so the rows above keep their numbers
                model->removeRows(row, 1);
        });
        auto *buttons = new QHBoxLayout;
        buttons->addStretch();
        buttons->addWidget(add);
        buttons->addWidget(remove);
        auto *layout = new QVBoxLayout(page);
        layout->addWidget(view, 1);
        layout->addLayout(buttons);
        m_tabs->addTab(page, QString());
        connect(model, &models::RuleTableModel::edited, this, &RulesPanel::updateTabTexts);
    }
    if (settings == Settings::Shown) {
        // After the kinds, so that tab i is still kind i.
        m_settings = new RuleSetSettingsEditor(draft->settings(), m_tabs);
        m_settings->setObjectName(QStringLiteral("settingsEditor"));
        m_tabs->addTab(m_settings, QString());
        connect(draft->settings(), &models::RuleSetSettings::changed, this,
                &RulesPanel::updateTabTexts);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_bar);
    layout->addWidget(m_tabs, 1);
    connect(m_draft, &models::PricingDraft::stateChanged, this, &RulesPanel::updateEnabled);
    connect(m_draft, &models::PricingDraft::busyChanged, this, &RulesPanel::updateEnabled);
    updateEnabled();
    retranslateUi();
}

void RulesPanel::updateEnabled()
{
    // Tables are for a loaded draft; published versions are read in the History tab.
    const bool editable =
        m_draft->state() == models::PricingDraft::State::Open && !m_draft->isBusy();
    for (int i = 0; i < m_tabs->count(); ++i)
        m_tabs->widget(i)->setEnabled(editable);
}

void RulesPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        for (const QString &kind : m_kinds)
            m_draft->table(kind)->retranslate();
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void RulesPanel::updateTabTexts()
{
    // Each kind's tab says how many of its cells are refused, so that none is overlooked.
    for (int i = 0; i < m_kinds.size(); ++i) {
        const int errors = m_draft->table(m_kinds.at(i))->errorCount();
        m_tabs->setTabText(
            i, errors > 0 ? tr("%1 (%n to fix)", nullptr, errors).arg(ruleKindLabel(m_kinds.at(i)))
                          : ruleKindLabel(m_kinds.at(i)));
    }
    if (m_settings) {
        // The server's marks count here too: they are easily missed on a tab out of sight.
        const models::RuleSetSettings *settings = m_draft->settings();
        const int errors = settings->errorCount() + settings->serverErrorCount();
        m_tabs->setTabText(m_tabs->indexOf(m_settings),
                           errors > 0 ? tr("Settings (%n to fix)", nullptr, errors)
                                      : tr("Settings"));
    }
}

void RulesPanel::retranslateUi()
{
    updateTabTexts();
    for (int i = 0; i < m_kinds.size(); ++i) {
        QWidget *page = m_tabs->widget(i);
        if (auto *add = page->findChild<QPushButton *>(QStringLiteral("add_") + m_kinds.at(i)))
            add->setText(tr("Add rule"));
        if (auto *remove =
                page->findChild<QPushButton *>(QStringLiteral("remove_") + m_kinds.at(i)))
            remove->setText(tr("Remove selected"));
    }
}

} // namespace haitao::widgets
