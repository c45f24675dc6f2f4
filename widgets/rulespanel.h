#pragma once

#include <QStringList>
#include <QWidget>

class QTabWidget;

namespace haitao::models {
class PricingDraft;
}

namespace haitao::widgets {

class DraftBar;
class RuleSetSettingsEditor;

// Rule tables of the draft, one tab per kind, under the draft's bar. The "Rules" and
// "Promotions" tabs are two of these over the same draft with different kinds; the first also
// has a last "Settings" tab for the rule set's rounding, default origin and sites. Cells are
// edited in place; refused values turn red with the reason as tooltip.
class RulesPanel : public QWidget
{
    Q_OBJECT

public:
    enum class Settings { Hidden, Shown };

    RulesPanel(models::PricingDraft *draft, const QStringList &kinds,
               Settings settings = Settings::Hidden, QWidget *parent = nullptr);

    DraftBar *bar() const { return m_bar; }
    QTabWidget *kindTabs() const { return m_tabs; }
    // The "Settings" tab's editor; nullptr when the panel has none.
    RuleSetSettingsEditor *settingsEditor() const { return m_settings; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateTabTexts();
    void updateEnabled();

    models::PricingDraft *m_draft;
    QStringList m_kinds;
    DraftBar *m_bar;
    QTabWidget *m_tabs;
    RuleSetSettingsEditor *m_settings = nullptr;
};

} // namespace haitao::widgets
