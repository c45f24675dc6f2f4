#include "widgets/rulesetsettingseditor.h"

#include "models/rulesetsettings.h"
#include "models/sitestablemodel.h"
#include "widgets/celldelegates.h"
#include "widgets/tableviews.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace haitao::widgets {

namespace {

// A field with the place for what is wrong with it underneath.
QWidget *withError(QWidget *parent, QWidget *field, QLabel *error)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(error);
    return box;
}

void showError(QWidget *field, QLabel *label, const QString &error)
{
    label->setText(error);
    label->setVisible(!error.isEmpty());
    field->setToolTip(error);
    // The same red as a refused cell (ValidationDelegate).
    field->setStyleSheet(error.isEmpty() ? QString()
                                         : QStringLiteral("background: #fdecea; color: #8a1c1c;"));
}

} // namespace

RuleSetSettingsEditor::RuleSetSettingsEditor(models::RuleSetSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_roundingLabel(new QLabel(this))
    , m_rounding(new QComboBox(this))
    , m_roundingError(new QLabel(this))
    , m_defaultOriginLabel(new QLabel(this))
    , m_defaultOrigin(new QLineEdit(this))
    , m_defaultOriginError(new QLabel(this))
    , m_sitesLabel(new QLabel(this))
    , m_sitesView(new QTableView(this))
    , m_addButton(new QPushButton(this))
    , m_removeButton(new QPushButton(this))
{
    m_rounding->setObjectName(QStringLiteral("roundingCombo"));
    m_roundingError->setObjectName(QStringLiteral("roundingError"));
    m_defaultOrigin->setObjectName(QStringLiteral("defaultOriginEdit"));
    m_defaultOriginError->setObjectName(QStringLiteral("defaultOriginError"));
    m_sitesView->setObjectName(QStringLiteral("sitesTable"));
    m_addButton->setObjectName(QStringLiteral("addSiteButton"));
    m_removeButton->setObjectName(QStringLiteral("removeSiteButton"));

    for (const QString &mode : models::RuleSetSettings::roundingModes())
        m_rounding->addItem(QString(), mode);
    m_defaultOrigin->setMaximumWidth(80);
    m_roundingLabel->setBuddy(m_rounding);
    m_defaultOriginLabel->setBuddy(m_defaultOrigin);
    m_sitesLabel->setWordWrap(true);
    for (QLabel *error : {m_roundingError, m_defaultOriginError}) {
        error->setWordWrap(true);
        error->setStyleSheet(QStringLiteral("QLabel { color: #8a1c1c; }"));
        error->setVisible(false);
    }

    models::SitesTableModel *sites = m_settings->sites();
    m_sitesView->setModel(sites);
    m_sitesView->setItemDelegate(new ValidationDelegate(m_sitesView));
    m_sitesView->setEditTriggers(QAbstractItemView::DoubleClicked |
                                 QAbstractItemView::EditKeyPressed |
                                 QAbstractItemView::AnyKeyPressed);
    setUpTableView(m_sitesView);
    m_sitesView->setSelectionBehavior(QAbstractItemView::SelectItems);
    connect(sites, &QAbstractItemModel::modelReset, m_sitesView,
            [this] { m_sitesView->resizeColumnToContents(models::SitesTableModel::SiteColumn); });

    auto *form = new QFormLayout;
    form->addRow(m_roundingLabel, withError(this, m_rounding, m_roundingError));
    form->addRow(m_defaultOriginLabel, withError(this, m_defaultOrigin, m_defaultOriginError));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_removeButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_sitesLabel);
    layout->addWidget(m_sitesView, 1);
    layout->addLayout(buttons);

    connect(m_rounding, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            m_settings->setRounding(m_rounding->itemData(index).toString());
    });
    connect(m_defaultOrigin, &QLineEdit::textEdited, m_settings,
            &models::RuleSetSettings::setDefaultOrigin);
    connect(m_addButton, &QPushButton::clicked, this, &RuleSetSettingsEditor::addSite);
    connect(m_removeButton, &QPushButton::clicked, this,
            &RuleSetSettingsEditor::removeSelectedSites);
    connect(m_settings, &models::RuleSetSettings::changed, this,
            &RuleSetSettingsEditor::showSettings);

    retranslateUi();
    showSettings();
}

void RuleSetSettingsEditor::addSite()
{
    models::SitesTableModel *sites = m_settings->sites();
    const int row = sites->rowCount();
    sites->insertRows(row, 1);
    const QModelIndex site = sites->index(row, models::SitesTableModel::SiteColumn);
    m_sitesView->setCurrentIndex(site);
    m_sitesView->scrollTo(site);
    m_sitesView->edit(site);
}

void RuleSetSettingsEditor::removeSelectedSites()
{
    QList<int> rows;
    for (const QModelIndex &i : m_sitesView->selectionModel()->selectedIndexes()) {
        if (!rows.contains(i.row()))
            rows << i.row();
    }
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    for (int row : rows) // from the bottom, so the rows above keep their numbers
        m_settings->sites()->removeRows(row, 1);
}

void RuleSetSettingsEditor::showSettings()
{
    {
        const QSignalBlocker blocker(m_rounding); // showing is not choosing
        m_rounding->setCurrentIndex(m_rounding->findData(m_settings->rounding()));
    }
    // The settings keep the origin upper-case: show it so while the user types.
    if (m_defaultOrigin->text() != m_settings->defaultOrigin()) {
        const int cursor = m_defaultOrigin->cursorPosition();
        m_defaultOrigin->setText(m_settings->defaultOrigin());
        m_defaultOrigin->setCursorPosition(cursor);
    }
    showError(m_rounding, m_roundingError, m_settings->roundingError());
    showError(m_defaultOrigin, m_defaultOriginError, m_settings->defaultOriginError());
}

void RuleSetSettingsEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        m_settings->retranslate();
    }
    QWidget::changeEvent(event);
}

void RuleSetSettingsEditor::retranslateUi()
{
    m_roundingLabel->setText(tr("&Rounding:"));
    for (int i = 0; i < m_rounding->count(); ++i) {
        const QString mode = m_rounding->itemData(i).toString();
        m_rounding->setItemText(i, mode == u"half_even"
                                       ? tr("Half even: 0.5 rounds to the even neighbour")
                                       : tr("Half up: 0.5 rounds away from zero"));
    }
    m_defaultOriginLabel->setText(tr("Default &origin:"));
    m_defaultOrigin->setPlaceholderText(tr("e.g. US"));
    m_sitesLabel->setText(tr("Sites and the forwarder warehouse their parcels go to. Sites not "
                             "listed go to the default origin."));
    m_addButton->setText(tr("Add site"));
    m_removeButton->setText(tr("Remove selected"));
}

} // namespace haitao::widgets
