#include "widgets/pricingpage.h"

#include "models/auditmodel.h"
#include "models/fxratesmodel.h"
#include "models/pricingdraft.h"
#include "models/rulesetversionsmodel.h"
#include "models/ruletablemodel.h"
#include "widgets/fxratespanel.h"
#include "widgets/historypanel.h"
#include "widgets/rulespanel.h"
#include "widgets/simulationpanel.h"

#include <QEvent>
#include <QTabWidget>
#include <QVBoxLayout>

namespace haitao::widgets {

namespace {

// The pricing audit has the admin audit's entries and paging, without its filters.
models::AuditModel::PageLoader pricingAuditLoader(client::PricingApi api)
{
    return [api](const client::AuditQuery &query, QObject *context,
                 client::ApiClient::Callback<haitao::Page<AuditEntry>> done) {
        api.listAudit(client::PricingAuditQuery{query.cursor, query.limit}, context,
                      std::move(done));
    };
}

} // namespace

PricingPage::PricingPage(client::ApiClient *client, QWidget *parent)
    : Page(parent)
    , m_api(client)
    , m_rates(new models::FxRatesModel(m_api, this))
    , m_draft(new models::PricingDraft(m_api, this))
    , m_versions(new models::RuleSetVersionsModel(m_api, this))
    , m_audit(new models::AuditModel(pricingAuditLoader(m_api), this))
    , m_tabs(new QTabWidget(this))
    , m_ratesPanel(new FxRatesPanel(m_api, m_rates, this))
    , m_rulesPanel(new RulesPanel(m_draft, models::RuleTableModel::pricingKinds(),
                                  RulesPanel::Settings::Shown, this))
    , m_promotionsPanel(new RulesPanel(m_draft, models::RuleTableModel::promotionKinds(),
                                       RulesPanel::Settings::Hidden, this))
    , m_simulationPanel(new SimulationPanel(m_api, this))
    , m_historyPanel(new HistoryPanel(m_api, m_versions, m_audit, this))
{
    setObjectName(QStringLiteral("pricingPage"));
    m_tabs->setObjectName(QStringLiteral("pricingTabs"));
    m_rulesPanel->setObjectName(QStringLiteral("rulesPanel"));
    m_promotionsPanel->setObjectName(QStringLiteral("promotionsPanel"));
    m_ratesPanel->setObjectName(QStringLiteral("fxRatesPanel"));
    m_simulationPanel->setObjectName(QStringLiteral("simulationPanel"));
    m_historyPanel->setObjectName(QStringLiteral("historyPanel"));
    m_tabs->addTab(m_ratesPanel, QString());
    m_tabs->addTab(m_rulesPanel, QString());
    m_tabs->addTab(m_promotionsPanel, QString());
    m_tabs->addTab(m_simulationPanel, QString());
    m_tabs->addTab(m_historyPanel, QString());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    connect(m_tabs, &QTabWidget::currentChanged, this, &PricingPage::tabOpened);
    retranslateUi();
    tabOpened(m_tabs->currentIndex());
}

QString PricingPage::title() const
{
    return tr("Pricing");
}

void PricingPage::tabOpened(int index)
{
    QWidget *tab = m_tabs->widget(index);
    if (tab == m_ratesPanel && !m_ratesLoaded) {
        m_ratesLoaded = true;
        m_rates->reload();
    } else if ((tab == m_rulesPanel || tab == m_promotionsPanel) &&
               m_draft->state() == models::PricingDraft::State::Unknown) {
        m_draft->load();
    } else if (tab == m_historyPanel) {
        // Versions and the trail grow while others work: fresh each time the tab is opened.
        m_historyPanel->reload();
    }
}

void PricingPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    Page::changeEvent(event);
}

void PricingPage::retranslateUi()
{
    m_tabs->setTabText(m_tabs->indexOf(m_ratesPanel), tr("FX rates"));
    m_tabs->setTabText(m_tabs->indexOf(m_rulesPanel), tr("Rules"));
    m_tabs->setTabText(m_tabs->indexOf(m_promotionsPanel), tr("Promotions"));
    m_tabs->setTabText(m_tabs->indexOf(m_simulationPanel), tr("Simulation"));
    m_tabs->setTabText(m_tabs->indexOf(m_historyPanel), tr("History"));
}

} // namespace haitao::widgets
