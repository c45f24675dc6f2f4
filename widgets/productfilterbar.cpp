#include "widgets/productfilterbar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>

namespace haitao::widgets {

ProductFilterBar::ProductFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_searchLabel(new QLabel(this))
    , m_search(new QLineEdit(this))
    , m_siteLabel(new QLabel(this))
    , m_site(new QComboBox(this))
    , m_categoryLabel(new QLabel(this))
    , m_category(new QLineEdit(this))
    , m_mine(new QCheckBox(this))
    , m_debounce(new QTimer(this))
{
    m_search->setObjectName(QStringLiteral("productSearch"));
    m_site->setObjectName(QStringLiteral("productSite"));
    m_category->setObjectName(QStringLiteral("productCategory"));
    m_mine->setObjectName(QStringLiteral("productMine"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaxLength(100);
    m_site->setEditable(true);
    m_site->setInsertPolicy(QComboBox::NoInsert);
    m_site->addItem(QString()); // any site
    m_site->setMinimumContentsLength(14);
    m_category->setClearButtonEnabled(true);
    m_searchLabel->setBuddy(m_search);
    m_siteLabel->setBuddy(m_site);
    m_categoryLabel->setBuddy(m_category);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &ProductFilterBar::filterChanged);
    const auto later = [this] { m_debounce->start(); };
    connect(m_search, &QLineEdit::textChanged, this, later);
    connect(m_category, &QLineEdit::textChanged, this, later);
    connect(m_site, &QComboBox::currentTextChanged, this, later);
    // Enter searches at once.
    const auto now = [this] {
        m_debounce->stop();
        emit filterChanged();
    };
    connect(m_search, &QLineEdit::returnPressed, this, now);
    connect(m_category, &QLineEdit::returnPressed, this, now);
    connect(m_mine, &QCheckBox::toggled, this, now);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_searchLabel);
    layout->addWidget(m_search, 3);
    layout->addWidget(m_siteLabel);
    layout->addWidget(m_site, 1);
    layout->addWidget(m_categoryLabel);
    layout->addWidget(m_category, 1);
    layout->addWidget(m_mine);
    retranslateUi();
}

QString ProductFilterBar::search() const
{
    return m_search->text().trimmed();
}

QString ProductFilterBar::site() const
{
    return m_site->currentText().trimmed().toLower();
}

QString ProductFilterBar::category() const
{
    return m_category->text().trimmed();
}

bool ProductFilterBar::onlyMine() const
{
    return m_mine->isChecked();
}

void ProductFilterBar::addKnownSite(const QString &site)
{
    if (!site.isEmpty() && m_site->findText(site) < 0)
        m_site->addItem(site);
}

void ProductFilterBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ProductFilterBar::retranslateUi()
{
    m_searchLabel->setText(tr("&Search:"));
    m_search->setPlaceholderText(tr("Title, Chinese title or SKU"));
    m_siteLabel->setText(tr("S&ite:"));
    m_site->lineEdit()->setPlaceholderText(tr("any"));
    m_categoryLabel->setText(tr("&Category:"));
    m_category->setPlaceholderText(tr("any"));
    m_mine->setText(tr("Assigned to &me"));
}

} // namespace haitao::widgets
