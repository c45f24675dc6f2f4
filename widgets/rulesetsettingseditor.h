#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace haitao::models {
class RuleSetSettings;
}

namespace haitao::widgets {

// The "Settings" sub-tab of the Rules tab: the draft's rounding mode, its default origin and the
// sites table (site -> forwarder warehouse). Edits go to the draft's RuleSetSettings and are
// saved with the rules. What is refused, by the local checks or by the server, shows under the
// field or as a red cell with the reason as tooltip.
class RuleSetSettingsEditor : public QWidget
{
    Q_OBJECT

public:
    explicit RuleSetSettingsEditor(models::RuleSetSettings *settings, QWidget *parent = nullptr);

    QComboBox *roundingCombo() const { return m_rounding; }
    QLineEdit *defaultOriginEdit() const { return m_defaultOrigin; }
    QTableView *sitesView() const { return m_sitesView; }

public slots:
    // Adds an empty row at the end and starts editing its site.
    void addSite();
    void removeSelectedSites();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    // Shows the settings' values and errors (after a load, an edit or the server's answer).
    void showSettings();

    models::RuleSetSettings *m_settings;
    QLabel *m_roundingLabel;
    QComboBox *m_rounding;
    QLabel *m_roundingError;
    QLabel *m_defaultOriginLabel;
    QLineEdit *m_defaultOrigin;
    QLabel *m_defaultOriginError;
    QLabel *m_sitesLabel;
    QTableView *m_sitesView;
    QPushButton *m_addButton;
    QPushButton *m_removeButton;
};

} // namespace haitao::widgets
