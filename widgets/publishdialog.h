#pragma once

#include "backend-client/pricingtypes.h"

#include <QDialog>

class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace haitao::widgets {

// Asks when the draft takes effect (at once, or at a time to come) and for a note, and says
// plainly what publishing does. It is the confirmation: accepted() means "publish".
class PublishDialog : public QDialog
{
    Q_OBJECT

public:
    PublishDialog(qint64 revision, qint64 basedOn, QWidget *parent = nullptr);

    client::PublishRequest request() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void check();

    qint64 m_revision;
    qint64 m_basedOn;
    QLabel *m_summary;
    QRadioButton *m_now;
    QRadioButton *m_later;
    QDateTimeEdit *m_effectiveAt;
    QLabel *m_noteLabel;
    QLineEdit *m_note;
    QLabel *m_problem;
    QPushButton *m_publishButton;
    QPushButton *m_cancelButton;
};

} // namespace haitao::widgets
