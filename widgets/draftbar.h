#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace haitao::models {
class PricingDraft;
}

namespace haitao::widgets {

class MessageLabel;

// The draft's state and life cycle above its rule tables: create, save, discard, see the
// changes, publish, reload. Says how each ended in its message line; when someone else
// changed the draft meanwhile (412) it says so and offers to reload.
class DraftBar : public QWidget
{
    Q_OBJECT

public:
    explicit DraftBar(models::PricingDraft *draft, QWidget *parent = nullptr);

    MessageLabel *message() const { return m_message; }

public slots:
    void save();
    void discard();
    void showChanges();
    void publish();
    void reload();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateState();

    models::PricingDraft *m_draft;
    QLabel *m_status;
    QPushButton *m_createButton;
    QPushButton *m_saveButton;
    QPushButton *m_discardButton;
    QPushButton *m_diffButton;
    QPushButton *m_publishButton;
    QPushButton *m_reloadButton;
    MessageLabel *m_message;
    bool m_conflict = false;
};

} // namespace haitao::widgets
