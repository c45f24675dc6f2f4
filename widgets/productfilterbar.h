#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTimer;

namespace haitao::widgets {

// The products table's search and filters. Typing is debounced: the server searches once the
// user pauses, not on every key.
class ProductFilterBar : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kDebounceMs = 300;

    explicit ProductFilterBar(QWidget *parent = nullptr);

    QString search() const;
    QString site() const;
    QString category() const;
    bool onlyMine() const;

    QLineEdit *searchEdit() const { return m_search; }
    // Sites offered in the box besides what the user types (those seen in the table).
    void addKnownSite(const QString &site);

signals:
    void filterChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_searchLabel;
    QLineEdit *m_search;
    QLabel *m_siteLabel;
    QComboBox *m_site;
    QLabel *m_categoryLabel;
    QLineEdit *m_category;
    QCheckBox *m_mine;
    QTimer *m_debounce;
};

} // namespace haitao::widgets
