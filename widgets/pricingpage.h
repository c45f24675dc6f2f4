#pragma once

#include "backend-client/pricingapi.h"
#include "widgets/page.h"

class QTabWidget;

namespace haitao::models {
class AuditModel;
class FxRatesModel;
class PricingDraft;
class RuleSetVersionsModel;
} // namespace haitao::models

namespace haitao::widgets {

class FxRatesPanel;
class HistoryPanel;
class RulesPanel;
class SimulationPanel;

// Pricing for ops and admins: exchange rates, the draft rule set (pricing rules and promotions),
// simulation of a sample cart under the published and draft rules, and the history of
// versions and changes. Each tab loads when first opened and shows its own errors.
class PricingPage : public Page
{
    Q_OBJECT

public:
    explicit PricingPage(client::ApiClient *client, QWidget *parent = nullptr);

    QString title() const override;

    QTabWidget *tabs() const { return m_tabs; }
    models::PricingDraft *draft() const { return m_draft; }
    models::FxRatesModel *ratesModel() const { return m_rates; }
    models::RuleSetVersionsModel *versionsModel() const { return m_versions; }
    models::AuditModel *auditModel() const { return m_audit; }
    FxRatesPanel *ratesPanel() const { return m_ratesPanel; }
    RulesPanel *rulesPanel() const { return m_rulesPanel; }
    RulesPanel *promotionsPanel() const { return m_promotionsPanel; }
    SimulationPanel *simulationPanel() const { return m_simulationPanel; }
    HistoryPanel *historyPanel() const { return m_historyPanel; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void tabOpened(int index);

    client::PricingApi m_api;
    models::FxRatesModel *m_rates;
    models::PricingDraft *m_draft;
    models::RuleSetVersionsModel *m_versions;
    models::AuditModel *m_audit;
    QTabWidget *m_tabs;
    FxRatesPanel *m_ratesPanel;
    RulesPanel *m_rulesPanel;
    RulesPanel *m_promotionsPanel;
    SimulationPanel *m_simulationPanel;
    HistoryPanel *m_historyPanel;
    bool m_ratesLoaded = false;
};

} // namespace haitao::widgets
